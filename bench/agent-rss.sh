#!/usr/bin/env bash
# Agent idle RSS (goal: <= 64 MiB). Starts a controller (cairn quickstart on free ports, in a temp
# dir), gives a node a desired state, enrolls an agent for it as its own process through bin/cairn (its
# class path and JVM options, plus CAIRN_JAVA_OPTS), lets it idle and prints its resident memory over time; then restarts it
# (enrolled by then, like every later start of a node's agent) and measures again. Background jobs
# of a script ignore SIGINT, so it stops them with SIGTERM. Last, it has the agent take a snapshot (which
# runs in a job process) and prints the agent's resident size and peak after it.
#   bench/agent-rss.sh [IDLE_SECONDS]     default 60; DESIRED=0: without a desired state;
#                                         RSS_HOOK=CMD runs 'CMD PID' after each run
#                                         (e.g. a script calling jcmd PID VM.native_memory summary)
#
# Measured here (27 Nov 2026, JDK 17, 2 shared cores, bin/cairn's options, 60 s idle), first start /
# restart / after a snapshot: with a desired state 62.6 / 62.3 / 63.0 MiB — goal met; without one
# (DESIRED=0) 61.4 / 60.8 / 61.5 MiB.
# The last step (stop 18): documents as bytes in Struct's encoding and event attributes as entries
# (docs/protocol.md, "Documents as bytes"; agent package wire), so protobuf's runtime no longer builds
# its descriptors (DescriptorProtos ~120 classes, Descriptors, JavaFeaturesProto, the descriptors of
# agent.proto and struct.proto) when the agent reads its desired state, answers a command or raises an
# event; the kept class list recorded again without them. With a desired state: 65.7 / 65.5 / 66.0
# before. Restart with a desired state against without, before: +420 classes, the archive +3.4 MiB
# resident, anonymous +1.6.
# Before that stop, without a desired state: 63.7 / 60.8 / 64.6; before stop 17: 79.8 / 70.4.
# With a desired state, before DesiredStateMaps (data binding): 73.7 / 72.6; before stop 17 ~82.
# Also measured, together -1 MiB (not adopted: each is small and has a cost): MALLOC_ARENA_MAX=1,
# -XX:MaxHeapFreeRatio=5 -XX:MinHeapFreeRatio=1, -XX:NewSize=512k -XX:MaxNewSize=1m,
# -XX:TrimNativeHeapInterval=10000 (65.8 -> 64.8 after a restart).
# Archived classes cost resident memory even when the run does not load them (most likely the kernel's
# fault-around, which maps the cached pages next to each faulting one): the first start without a desired state measured 60.7
# MiB with a kept class list recorded without one and 63.7 with one recorded with one; the first start
# with a desired state, after the descriptors were gone, 65.1 with the old kept list (which named them)
# and 62.6 with one recorded again. An archive built
# from a restart's own list (4,695 classes, no enrollment) instead of the first start's (4,777): 64.9
# against 65.3 MiB with a desired state, two starts each; not worth a third archive generation.
# Where a restart's 60.9 goes without a desired state (smaps): the agent's archive 30.1 MiB resident,
# anonymous 12.9 (heap ~7 committed, ~5 live), libjvm 12.4, libc/libstdc++/libm/ld 3.1, lib/modules 1.4;
# 4,177 classes.
# What took it from 70.4 to 60.9 without a desired state (27 Nov; each measured on its own, restart / first start):
#   - backup and image jobs in job processes of their own (docs/agent-jobs.md), so the agent's class
#     path leaves out the libraries only jobs use (AWS SDK, docker-java, zstd, JNA, commons-*,
#     httpclient5): 10,400 jar entries instead of 28,900, whose central directories sit on the heap
#     once the jars are opened: -1.8 MiB (68.6)
#   - enrollment's PKCS#10 request built with the JDK, so Bouncy Castle's three jars leave the class
#     path too (8,100 entries) and its ~160 classes stay unloaded: -3.5 MiB (65.1 / 69.7 from 77.5)
#   - -Djavax.net.ssl.trustStore=NONE: the default TLS context gRPC's OkHttp asks for no longer parses
#     the JDK's ~150 CA certificates: -1.3 MiB
#   - -Xint instead of C1 at CompileThresholdScaling=4 (the jobs keep their JIT): -2 to -4 MiB (60.9 /
#     64.9); C1 at CompileThresholdScaling=1000 measured 63.0 / 67.1, -XX:TrimNativeHeapInterval=5000
#     on top of either within 0.4 MiB, MALLOC_ARENA_MAX=1 or 2 within noise
#   - the first start maps an archive of the class list kept in cli/src/main/cds (bench/agent-classlist.sh):
#     64.9 -> 60.7
# Earlier (26 Nov): first start 78.3 MiB, restart 70.5 and 71.5 MiB in two runs. Before the OkHttp transport: 83.8-84.5 / 79.0-79.2 MiB;
# before all of the work below: 98.9 MiB. Again on 26 Nov after the agent's lib directory was cleaned of
# jars a dependency change had left behind (grpc 1.85.1, grpc-netty-shaded): 79.8 / 70.5 MiB.
# 27 Nov, with the agent's heap ceiling at 512 MiB (was 160) and the compact index: 81.7 / 72.9 and
# 79.9 / 70.6 MiB in two runs; G1 instead of the serial collector: 81.2 MiB after a restart. Again
# later on 27 Nov: 80.0 / 70.5 MiB; where a restart's 70.5 went (smaps): the agent's archive 31.4 MiB
# resident (of 36.5: nearly all of its ~4,200 classes are in use), anonymous 21.5 (heap 9.1 committed,
# 8.7 live), libjvm 13.3, libc/libstdc++/libm/ld 3.0, lib/modules 1.4. With
# -XX:ArchiveRelocationMode=0 the archive maps at its base address, unrelocated, and the figures stay
# the same (78.1 / 70.3): its pages are resident because the classes in them are used.
# Where a restarted agent's memory goes (smaps, jcmd GC.heap_info / VM.metaspace, NMT), with the OkHttp
# transport and before the agent's own archive (73.0 MiB): files: libjvm.so text ~13 MiB, the JDK's
# CDS archive ~11.7 MiB (all of it touched: the JVM relocates it at start), lib/modules ~1.4 MiB, libc
# + libstdc++ ~2.5 MiB; anonymous ~42 MiB: metaspace ~14.6 MiB + class space 2.6 MiB (4,250 classes,
# 1,160 of them from the JDK's archive), heap ~11 MiB committed / 9 MiB live (~3 MiB of it the central
# directories of the 92 jars of the class path, ~0.5 MiB the JDK's 148 trusted CA certificates that
# OkHttp loads when it probes the platform), symbols ~4.4 MiB, code cache ~2.9 MiB, 25 thread stacks ~2.3 MiB.
# The first start also enrolls (Bouncy Castle's CSR code, ~250 classes more) and keeps more heap.
# Done, with what each saved here:
#   - the agent's gRPC channel uses grpc-okhttp instead of Netty (TlsChannelFactory): 4,250 classes
#     loaded instead of 5,150 (Netty's ~730 and grpc-netty's ~80 go, OkHttp's ~75 and okio's ~30
#     come), and no 5,000-entry Netty jar on the class path: -6 MiB (84 -> 78 first start, 79 -> 73
#     restart). grpc-okhttp 1.79.0 is the newest this mirror serves, so gRPC as a whole is 1.79.0.
#   - a static class-data archive of the agent's own classes (bin/cairn, cli/target/cairn-agent.jsa)
#     instead of the JDK's default archive, and most of the metaspace: -2.5 MiB after a restart (73.0 -> 70.5;
#     69.6 with an archive made by hand); the first start records the list, the restart builds it (~7 s).
#   - bin/cairn agent runs from a slim class path (cli/target/agent-lib + agent/target/lib: 28,900
#     jar entries instead of the shaded jar's 39,700; no controller, Dropwizard, Jetty, RocksDB), logs
#     through java.util.logging (slf4j-jdk14) instead of logback (-500 classes), and the schedule run
#     history is read with Jackson's streaming API instead of ObjectMapper (-500 classes): metaspace
#     -5.5 MiB, symbols -1.4 MiB, heap -1 MiB live.
#   - heap: serial collector, -XX:NewRatio=5 -XX:MinHeapFreeRatio=5 -XX:MaxHeapFreeRatio=10 (-5
#     MiB), and a trim (cli HeapTrim: one System.gc() once the heap grew > 2 MiB and settled, with
#     -XX:-ShrinkHeapInSteps) that brings the committed heap from ~24 to ~14 MiB after the start and
#     back down after every job (-3 MiB more).
#   - -XX:CompileThresholdScaling=4 with C1 only: fewer start-up methods compiled (-1.3 MiB; since replaced by -Xint).
#   - 'agent run' without picocli (-170 classes), one transport thread: -2.9 MiB.
#   - earlier: no Jackson data binding in the agent, unpooled Netty buffers (-9 MiB).
# Tried, not kept: -Xshare:off (+0.7 MiB: the JDK classes then fill metaspace instead),
#   -XX:MetaspaceReclaimPolicy=aggressive (-0.5 MiB, within noise), a dynamic AppCDS archive on top of
#   the JDK's (-1.4 MiB: the JDK's archive stays mapped), -XX:ArchiveRelocationMode=0 (the archive's
#   pages are touched either way), Temurin 25 (87 MiB after a restart: a larger base), MADV_PAGEOUT of
#   the file mappings (no effect: libjvm and the JDK archive are shared with the controller's JVM);
#   before: MALLOC_ARENA_MAX, TrimNativeHeapInterval.
# What is left is the fixed cost of a JDK 17 server VM (an idle "hello world" with these options is
#   34 MiB resident: libjvm, the class-data archive, libc) and ~4,200 classes of the agent, gRPC, JDK
#   TLS (~850), YAML, cron and protobuf.
# Measured on 27 Nov before the job processes (30 s idle, first start / restart; bin/cairn's options then:
#   79.8 / 70.4 MiB):
#   - -Xint: 75.2 / 65.9 MiB, but then the in-process snapshots, restores and image loads would have
#     run interpreted; with the jobs in job processes it is what bin/cairn uses (above).
#   - the first start with an archive built beforehand from a recorded class list: 77.4 MiB.
#   - All 93 jars of the class path are open and their central directories (~3 MB) sit on the heap:
#     slf4j's provider lookup and, with -Dslf4j.provider set, the JDK's own System.LoggerFinder lookup
#     when java.util.logging starts (BootstrapLogger$DetectBackend) scan every jar's META-INF/services
#     (async-profiler on ZipFile$Source.initCEN). Hence the slim class path above.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
IDLE=${1:-60}
JAR=$ROOT/cli/target/cairn.jar
"$ROOT/bin/cairn" --version >/dev/null   # builds the jars when missing or stale
# as after an install: the first start records the agent's class list, the restart builds its archive
rm -f "$ROOT/cli/target/cairn-agent.classlist" "$ROOT/cli/target/cairn-agent.jsa"
WORK=$(mktemp -d /tmp/cairn-agent-rss.XXXXXX)
QS_PID=; AGENT_PID=
cleanup() {
  [ -n "$AGENT_PID" ] && kill -TERM "$AGENT_PID" 2>/dev/null && wait "$AGENT_PID" 2>/dev/null || true
  [ -n "$QS_PID" ] && kill -TERM "$QS_PID" 2>/dev/null && wait "$QS_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }
hwm_kib() { awk '/^VmHWM:/ {print $2}' "/proc/$1/status"; }

java -Xmx512m -jar "$JAR" quickstart --dir "$WORK/qs" --http-port 0 --grpc-port 0 >"$WORK/qs.out" 2>"$WORK/qs.err" &
QS_PID=$!
for _ in $(seq 1 120); do grep -q 'Ctrl-C stops both' "$WORK/qs.out" 2>/dev/null && break; sleep 0.5; done
grep -q 'Ctrl-C stops both' "$WORK/qs.out" || { echo "controller did not start:"; cat "$WORK/qs.err"; exit 1; }
REST=$(sed -n 's/.*REST API: *\(http[^ ]*\)\/api\/v1.*/\1/p' "$WORK/qs.out")
TOKEN=$(cat "$WORK/qs/admin.token")

ANSWER=$(curl -sf -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"node":"rss-bench","ttlSeconds":600}' "$REST/api/v1/enrollment-tokens")
field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])" <<<"$ANSWER"; }
mkdir -p "$WORK/ai-q"
cp -r "$WORK/qs/ai-q/." "$WORK/ai-q/"
cat >"$WORK/agent.yml" <<YAML
controller: $(field grpcTarget)
nodeName: rss-bench
stateDir: $WORK/agent-state
baseDir: $WORK/ai-q
enrollment:
  token: $(field token)
  caFingerprint: $(field caFingerprint)
health:
  intervalSeconds: 10
YAML

# Like a node of a fleet, the agent gets a desired state before its first start: the seed's catalogue
# under its base, a backup policy, a snapshot hook (resolved from an inventory by 'cairn inventory desired').
# DESIRED=0 leaves it out (a node no one has given a desired state yet).
if [ "${DESIRED:-1}" = 1 ]; then
mkdir -p "$WORK/inventory"
cat >"$WORK/inventory/hosts.yml" <<YAML
all:
  hosts:
    rss-bench:
  vars:
    cairn_base_dir: $WORK/ai-q
    cairn_timezone: UTC
    cairn_volumes:
      postgresql-data: {backup_policy: gfs-default}
    cairn_hooks:
      postgresql:
        pre: [{command: [sh, -c, "true"]}]
YAML
"$ROOT/bin/cairn" inventory desired -i "$WORK/inventory/hosts.yml" rss-bench >"$WORK/desired.json"
curl -sf -X PUT -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' --data-binary @"$WORK/desired.json" \
  "$REST/api/v1/nodes/rss-bench/desired" >/dev/null
fi

OPTS=$(sed -n 's/^ *agent) *DEFAULTS="\([^"]*\)".*/\1/p' "$ROOT/bin/cairn")
echo "agent JVM options (bin/cairn): $OPTS ${CAIRN_JAVA_OPTS:-}"
connected() { curl -sf -H "Authorization: Bearer $TOKEN" "$REST/api/v1/nodes/rss-bench" 2>/dev/null | grep -q '"connected":true'; }

# One run of the agent: bin/cairn itself (it execs the JVM, so $! is the agent's JVM, with bin/cairn's
# class path and options), idle for IDLE seconds once connected; prints RSS every 10 s.
measure() {
  "$ROOT/bin/cairn" agent run "$WORK/agent.yml" >>"$WORK/agent.log" 2>&1 &
  AGENT_PID=$!
  local start; start=$(date +%s)
  for _ in $(seq 1 120); do connected && break; sleep 0.5; done
  connected || { echo "agent did not connect:"; cat "$WORK/agent.log"; exit 1; }
  echo "$1: connected after $(( $(date +%s) - start )) s"
  printf '%8s  %10s  %10s\n' "t (s)" "RSS (MiB)" "peak (MiB)"
  for t in $(seq 0 10 "$IDLE"); do
    [ "$t" -gt 0 ] && sleep 10
    printf '%8d  %10.1f  %10.1f\n' "$t" "$(echo "$(rss_kib $AGENT_PID)/1024" | bc -l)" "$(echo "$(hwm_kib $AGENT_PID)/1024" | bc -l)"
  done
  FINAL=$(rss_kib $AGENT_PID)
  printf '%s: agent idle RSS after %d s: %.1f MiB (goal <= 64 MiB): %s\n' "$1" "$IDLE" "$(echo "$FINAL/1024" | bc -l)" \
    "$([ "$FINAL" -le $((64 * 1024)) ] && echo met || echo NOT met)"
}

measure "first start (enrolls)"
[ -n "${RSS_HOOK:-}" ] && $RSS_HOOK "$AGENT_PID"
# A node's agent enrolls once in its life; every later start (reboot, upgrade) loads its identity.
kill -TERM "$AGENT_PID"; wait "$AGENT_PID" 2>/dev/null || true
for _ in $(seq 1 20); do connected || break; sleep 0.5; done
measure "restart (enrolled)"
[ -n "${RSS_HOOK:-}" ] && $RSS_HOOK "$AGENT_PID"

# A backup job runs in a job process of its own (docs/agent-jobs.md): the agent's memory stays as it was.
mkdir -p "$WORK/ai-q/data/redis"
head -c $((64 << 20)) /dev/urandom >"$WORK/ai-q/data/redis/dump.rdb"
PEAK_BEFORE=$(hwm_kib $AGENT_PID)
ID=$(curl -sf -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"kind":"snapshot","arguments":{"volume":"redis-data"}}' "$REST/api/v1/nodes/rss-bench/commands" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
STATUS=pending
for _ in $(seq 1 240); do
  STATUS=$(curl -sf -H "Authorization: Bearer $TOKEN" "$REST/api/v1/commands/$ID" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
  case $STATUS in ok|changed|failed|expired) break ;; esac
  sleep 0.5
done
sleep 30 # the agent gives back heap a job's answer grew once it stops growing (cli HeapTrim: 20 s checks)
printf 'after a snapshot of 64 MiB (%s): agent RSS %.1f MiB, its peak %.1f MiB before the job and %.1f MiB after\n' \
  "$STATUS" "$(echo "$(rss_kib $AGENT_PID)/1024" | bc -l)" "$(echo "$PEAK_BEFORE/1024" | bc -l)" \
  "$(echo "$(hwm_kib $AGENT_PID)/1024" | bc -l)"
[ -n "${RSS_HOOK:-}" ] && $RSS_HOOK "$AGENT_PID"
true
