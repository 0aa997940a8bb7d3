#!/usr/bin/env bash
# Image cache benchmark, side by side with `docker load` in one run, against one private dockerd.
#   1. A ~500 MB multi-layer image (busybox rootfs + LAYERS layers of LAYER_MIB random data) as a
#      docker-save archive: `docker load -i` vs `cairn images import` + `cairn images load`.
#   2. Cache hit rate over VERSIONS successive versions of a 10-layer image whose top (app) layer
#      changes each version: layers found in the cache / layers needed, at import and at push to a
#      local docker-registry on 127.0.0.1.
# Run it under the build lock:  flock /tmp/cairn-mvn.lock bench/images.sh
# Env: RUNS=3 LAYERS=5 LAYER_MIB=100 VERSIONS=10 KEEP=0 (KEEP=1 keeps the work dir)
# Page cache is warm (caches can't be dropped here); each timed step is preceded by an untimed sync.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUNS=${RUNS:-3}
LAYERS=${LAYERS:-5}
LAYER_MIB=${LAYER_MIB:-100}
VERSIONS=${VERSIONS:-10}
for tool in dockerd docker docker-registry python3; do
  command -v "$tool" >/dev/null || { echo "bench/images.sh: $tool missing: run bin/test (installs docker.io, docker-registry)" >&2; exit 1; }
done
[ -x /bin/busybox ] || { echo "bench/images.sh: /bin/busybox missing: apt-get install busybox-static" >&2; exit 1; }

W=$(mktemp -d /tmp/cib.XXXXXX)          # short: unix socket paths are limited to 108 bytes
SOCK=unix://$W/docker.sock
DOCKERD_PID=; REGISTRY_PID=
cleanup() {
  [ -n "$REGISTRY_PID" ] && kill "$REGISTRY_PID" 2>/dev/null && wait "$REGISTRY_PID" 2>/dev/null || true
  if [ -n "$DOCKERD_PID" ]; then kill "$DOCKERD_PID" 2>/dev/null; wait "$DOCKERD_PID" 2>/dev/null || true; fi
  [ "${KEEP:-0}" = 1 ] && echo "work dir kept: $W" || rm -rf "$W"
}
trap cleanup EXIT

CAIRN="$ROOT/bin/cairn"
"$CAIRN" --version >/dev/null              # builds the jar first if it is stale (we hold the lock)
export DOCKER_HOST=$SOCK

dockerd --iptables=false --ip6tables=false --ip-forward=false --bridge=none --storage-driver=vfs \
  --host="$SOCK" --data-root="$W/data" --exec-root="$W/exec" --pidfile="$W/docker.pid" >"$W/dockerd.log" 2>&1 &
DOCKERD_PID=$!
for _ in $(seq 100); do docker version >/dev/null 2>&1 && break; sleep 0.2; done
docker version --format 'engine {{.Server.Version}} (storage vfs), client {{.Client.Version}}'

now() { date +%s.%N; }
secs() { awk -v s="$1" -v e="$2" 'BEGIN{printf "%.2f", e-s}'; }

# --- build a docker-save archive by hand: layer tars, config with diff_ids, manifest.json ---------
# mkimage DIR REF LAYER_SPEC...   LAYER_SPEC = busybox | rand:NAME:MIB | text:NAME:CONTENT
mkimage() {
  local dir=$1 ref=$2; shift 2
  rm -rf "$dir"; mkdir -p "$dir/img"
  local diffs=() paths=() i=0 spec
  for spec in "$@"; do
    local l="$dir/l$i"; mkdir -p "$l"
    case $spec in
      busybox) mkdir -p "$l/bin"; cp /bin/busybox "$l/bin/"
               (cd "$l/bin" && for a in $(./busybox --list); do [ "$a" = busybox ] || ln -sf busybox "$a"; done) ;;
      rand:*)  IFS=: read -r _ name mib <<<"$spec"; mkdir -p "$l/data"
               head -c "$((mib << 20))" /dev/urandom >"$l/data/$name" ;;
      text:*)  IFS=: read -r _ name content <<<"$spec"; mkdir -p "$l/app"; echo "$content" >"$l/app/$name" ;;
    esac
    tar --sort=name --mtime=@0 --owner=0 --group=0 -C "$l" -cf "$dir/img/layer$i.tar" .
    rm -rf "$l"
    local d; d=$(sha256sum "$dir/img/layer$i.tar" | cut -d' ' -f1)
    mkdir -p "$dir/img/$d"; mv "$dir/img/layer$i.tar" "$dir/img/$d/layer.tar"
    diffs+=("sha256:$d"); paths+=("$d/layer.tar"); i=$((i+1))
  done
  python3 - "$dir/img" "$ref" "${diffs[*]}" "${paths[*]}" <<'PY'
import hashlib, json, sys
d, ref, diffs, paths = sys.argv[1], sys.argv[2], sys.argv[3].split(), sys.argv[4].split()
config = json.dumps({"architecture": "amd64", "os": "linux", "config": {"Cmd": ["/bin/sh"]},
                     "rootfs": {"type": "layers", "diff_ids": diffs},
                     "history": [{"created_by": "bench layer %d" % i} for i in range(len(diffs))]},
                    separators=(",", ":")).encode()
name = hashlib.sha256(config).hexdigest() + ".json"
open(f"{d}/{name}", "wb").write(config)
json.dump([{"Config": name, "RepoTags": [ref], "Layers": paths}], open(f"{d}/manifest.json", "w"))
PY
  tar -C "$dir/img" -cf "$dir/image.tar" .
  rm -rf "$dir/img"
}

# --- 1. ~500 MB image: docker load vs cairn import + load ------------------------------------------
echo "building a $((LAYERS * LAYER_MIB)) MiB image: busybox + $LAYERS x $LAYER_MIB MiB random layers ..."
specs=(busybox); for i in $(seq "$LAYERS"); do specs+=("rand:blob$i:$LAYER_MIB"); done
mkimage "$W/big" bench/big:1 "${specs[@]}"
ARCHIVE=$W/big/image.tar
SIZE=$(stat -c %s "$ARCHIVE")
echo "archive: $ARCHIVE $((SIZE >> 20)) MiB, $((LAYERS + 1)) layers"

clean_engine() { docker rmi -f bench/big:1 bench/big:current >/dev/null 2>&1 || true; }
# bin/cairn records a class-data-sharing archive per images subcommand on its first run after a build
# (then maps it: 0.2-0.5 s less JVM start); record them untimed on a tiny image, as an install would.
mkimage "$W/tiny" bench/tiny:1 busybox
"$CAIRN" images import --base "$W/tiny/base" "$W/tiny/image.tar" >/dev/null
"$CAIRN" images load --base "$W/tiny/base" bench/tiny:1 >/dev/null
"$CAIRN" images list --base "$W/tiny/base" >/dev/null
docker rmi -f bench/tiny:1 bench/tiny:current >/dev/null 2>&1 || true
rm -rf "$W/tiny"
RES=$W/results.tsv; : >"$RES"
for run in $(seq "$RUNS"); do
  order="docker cairn"; [ $((run % 2)) = 0 ] && order="cairn docker"
  for who in $order; do
    clean_engine; rm -rf "$W/base"; sync
    if [ "$who" = docker ]; then
      s=$(now); docker load -q -i "$ARCHIVE" >/dev/null; e=$(now)
      printf 'docker\t%s\t%s\n' "$run" "$(secs "$s" "$e")" >>"$RES"
    else
      s=$(now); "$CAIRN" images import --base "$W/base" "$ARCHIVE" >/dev/null; m=$(now); sync
      m2=$(now); "$CAIRN" images load --base "$W/base" bench/big:1 >/dev/null; e=$(now)
      clean_engine; sync
      r=$(now); "$CAIRN" images load --base "$W/base" bench/big:1 >/dev/null; re=$(now)
      clean_engine; rm -rf "$W/base"; sync
      o=$(now); "$CAIRN" images import --load --base "$W/base" "$ARCHIVE" >/dev/null; oe=$(now)
      j=$(now); "$CAIRN" images list --base "$W/base" >/dev/null; je=$(now)
      printf 'cairn\t%s\t%s\t%s\t%s\t%s\t%s\n' "$run" "$(secs "$s" "$m")" "$(secs "$m2" "$e")" "$(secs "$r" "$re")" \
        "$(secs "$o" "$oe")" "$(secs "$j" "$je")" >>"$RES"
    fi
  done
done
clean_engine
echo
echo "## import + load of a $((SIZE >> 20)) MiB, $((LAYERS + 1))-layer docker-save archive (vfs storage driver)"
python3 - "$RES" <<'PY'
import sys, statistics
docker, cairn = {}, {}
for line in open(sys.argv[1]):
    f = line.split()
    if f[0] == "docker": docker[f[1]] = float(f[2])
    else: cairn[f[1]] = tuple(map(float, f[2:7]))
print("| run | docker load | cairn import | cairn load | import + load (2 commands) | ratio | import --load (1 command) | ratio | load from warm cache | JVM start (list) |")
print("|---|---|---|---|---|---|---|---|---|---|")
med = statistics.median
for run in sorted(docker):
    d = docker[run]; i, l, r, o, j = cairn[run]
    print(f"| {run} | {d:.2f} s | {i:.2f} s | {l:.2f} s | {i + l:.2f} s | {(i + l) / d:.2f}x | {o:.2f} s | {o / d:.2f}x | {r:.2f} s | {j:.2f} s |")
dm = med(docker.values()); two = med(c[0] + c[1] for c in cairn.values()); one = med(c[3] for c in cairn.values())
print(f"| median | {dm:.2f} s | | | {two:.2f} s | {two / dm:.2f}x | {one:.2f} s | {one / dm:.2f}x | {med(c[2] for c in cairn.values()):.2f} s | {med(c[4] for c in cairn.values()):.2f} s |")
print()
print(f"goal: cairn import + load <= 1.2x docker load -> {'MET' if min(two, one) / dm <= 1.2 else 'NOT MET'}"
      f" (two commands {two / dm:.2f}x, import --load {one / dm:.2f}x, medians)")
PY
rm -rf "$W/big" "$W/base"

# --- 2. cache hit rate over successive versions, and registry push -----------------------------------
echo
echo "## cache hit rate over $VERSIONS versions of a 10-layer image (busybox + 8 library layers of 1 MiB + app layer that changes each version)"
libs=(); for i in $(seq 8); do libs+=("rand:lib$i:1"); done
mkimage "$W/libs" bench/app:0 busybox "${libs[@]}"          # shared lower layers, built once
LIBDIR=$W/libs
for v in $(seq "$VERSIONS"); do
  # reuse the same library layers byte for byte: copy them from the first image, add the app layer
  vd=$W/v$v; rm -rf "$vd"; mkdir -p "$vd/img"; tar -C "$vd/img" -xf "$LIBDIR/image.tar"
  python3 - "$vd/img" "bench/app:$v" "$v" <<'PY'
import hashlib, io, json, os, sys, tarfile
d, ref, v = sys.argv[1], sys.argv[2], sys.argv[3]
m = json.load(open(f"{d}/manifest.json"))[0]
config = json.load(open(f"{d}/{m['Config']}")); os.remove(f"{d}/{m['Config']}")
buf = io.BytesIO()
with tarfile.open(fileobj=buf, mode="w", format=tarfile.GNU_FORMAT) as t:
    data = (f"app version {v}\n" * 1000).encode() + os.urandom(65536)
    info = tarfile.TarInfo("app/version"); info.size = len(data); info.mtime = 0
    t.addfile(info, io.BytesIO(data))
layer = buf.getvalue(); digest = hashlib.sha256(layer).hexdigest()
os.makedirs(f"{d}/{digest}"); open(f"{d}/{digest}/layer.tar", "wb").write(layer)
config["rootfs"]["diff_ids"].append("sha256:" + digest)
config.setdefault("history", []).append({"created_by": f"app layer of version {v}"})
raw = json.dumps(config, separators=(",", ":")).encode(); name = hashlib.sha256(raw).hexdigest() + ".json"
open(f"{d}/{name}", "wb").write(raw)
json.dump([{"Config": name, "RepoTags": [ref], "Layers": m["Layers"] + [f"{digest}/layer.tar"]}], open(f"{d}/manifest.json", "w"))
PY
  tar -C "$vd/img" -cf "$vd/image.tar" .; rm -rf "$vd/img"
done
mkdir -p "$W/registry"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat >"$W/registry/config.yml" <<YML
version: 0.1
log: {level: warn}
storage: {filesystem: {rootdirectory: $W/registry/data}}
http: {addr: 127.0.0.1:$PORT}
YML
docker-registry serve "$W/registry/config.yml" >"$W/registry/log" 2>&1 &
REGISTRY_PID=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$PORT/v2/" >/dev/null 2>&1 && break; sleep 0.1; done
echo "| version | layers needed | found in cache | import adds | registry blobs needed | already in registry | uploaded |"
echo "|---|---|---|---|---|---|---|"
for v in $(seq "$VERSIONS"); do
  imp=$("$CAIRN" images import --base "$W/hb" --json "$W/v$v/image.tar")
  push=$("$CAIRN" images push --base "$W/hb" --json --registry "127.0.0.1:$PORT" "bench/app:$v")
  python3 - "$v" "$imp" "$push" <<'PY'
import json, sys
v, imp, push = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3])
i = imp["images"][0]
print(f"| {v} | {i['layers']} | {i['layersCached']} | {imp['bytesAdded'] / 1048576:.2f} MiB | {push['blobs']} | {push['blobsPresent']} | {push['bytesUploaded'] / 1048576:.2f} MiB |")
PY
done
"$CAIRN" images list --base "$W/hb" --json >"$W/list.json"
python3 - "$W/list.json" <<'PY'
import json, sys
for repo in json.load(open(sys.argv[1])):
    h = repo["hitRate"]; found, needed = h["layersFound"], h["layersNeeded"]
    print(f"\ncache hit rate over versions 2..{h['versions'] + 1}: {found}/{needed} layers = {100 * found / max(1, needed):.1f}%"
          " (seed asks >= 90%; with 1 of 10 layers changed per version 90% is the ceiling: every unchanged layer was found)")
PY
docker pull -q "127.0.0.1:$PORT/bench/app:$VERSIONS" >/dev/null && echo "docker pull 127.0.0.1:$PORT/bench/app:$VERSIONS from the registry: ok"
