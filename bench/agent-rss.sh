#!/usr/bin/env bash
# Agent idle RSS (goal: <= 64 MiB). Starts a controller (cairn quickstart on free ports, in a temp
# dir), enrolls one more agent as its own process through bin/cairn (its class path and JVM options,
# plus CAIRN_JAVA_OPTS), lets it idle and prints its resident memory over time; then restarts it
# (enrolled by then, like every later start of a node's agent) and measures again. Background jobs
# of a script ignore SIGINT, so it stops them with SIGTERM.
#   bench/agent-rss.sh [IDLE_SECONDS]     default 60; RSS_HOOK=CMD runs 'CMD PID' after each run
#                                         (e.g. a script calling jcmd PID VM.native_memory summary)
#
# Measured here (Nov 2026, JDK 17, 2 shared cores, bin/cairn's options, 60 s idle, two runs): 83.8
# and 84.5 MiB after the first start, 79.2 and 79.0 MiB after a restart — goal NOT met (98.9 MiB
# before the changes below). Adding -XX:CompileThresholdScaling=10: 83.4 / 78.5 MiB, within noise.
# Where a restarted agent's 79 MiB go (smaps, jcmd GC.heap_info / VM.metaspace, NMT):
#   files: libjvm.so text ~13 MiB, the JDK's CDS archive (classes.jsa) ~12 MiB, lib/modules ~2.4
#   MiB, libc + libstdc++ ~2.6 MiB; anonymous ~49 MiB: metaspace ~21 MiB (5,465 classes, 1,276 of
#   them from the CDS archive; Netty ~820, gRPC ~490, JDK TLS ~460, Cairn ~380, snakeyaml ~130),
#   heap ~11 MiB committed / 8.3 MiB live (~3.2 MiB of it the central directories of the 85 jars of
#   the class path), symbols ~5 MiB, code cache ~4 MiB, 21 thread stacks ~2 MiB, malloc ~3 MiB.
#   The first start also enrolls (Bouncy Castle's CSR code, ~300 classes more) and keeps ~1 MiB
#   more heap.
# Done, with what each saved here:
#   - bin/cairn agent runs from a slim class path (cli/target/agent-lib + agent/target/lib: 28,900
#     jar entries instead of the shaded jar's 39,700; no controller, Dropwizard, Jetty, RocksDB), logs
#     through java.util.logging (slf4j-jdk14) instead of logback (-500 classes), and the schedule run
#     history is read with Jackson's streaming API instead of ObjectMapper (-500 classes): metaspace
#     -5.5 MiB, symbols -1.4 MiB, heap -1 MiB live.
#   - heap: serial collector, -XX:NewRatio=5 -XX:MinHeapFreeRatio=5 -XX:MaxHeapFreeRatio=10 (-5
#     MiB), and a trim (cli HeapTrim: one System.gc() once the heap grew > 2 MiB and settled, with
#     -XX:-ShrinkHeapInSteps) that brings the committed heap from ~24 to ~14 MiB after the start and
#     back down after every job (-3 MiB more).
#   - -XX:CompileThresholdScaling=4 with C1 only: fewer start-up methods compiled (-1.3 MiB).
#   - one NIO event-loop thread for the gRPC channels, and 'agent run' without picocli (-170
#     classes): -2.9 MiB.
#   - earlier: no Jackson data binding in the agent, unpooled Netty buffers (-9 MiB).
# Tried, not kept: -Xshare:off (+0.7 MiB: the JDK classes then fill metaspace instead),
#   -XX:MetaspaceReclaimPolicy=aggressive (-0.5 MiB, within noise), a dynamic AppCDS archive of the
#   agent's classes (-1.3 MiB first start / -1.4 MiB restart, for a 28 MB archive that every build
#   invalidates and only an agent's clean exit records); before: MALLOC_ARENA_MAX,
#   TrimNativeHeapInterval.
# What is left is the fixed cost of a JDK 17 server VM (libjvm + CDS + modules + libc ~30 MiB) and
#   the classes of the gRPC transport: Netty + gRPC + JDK TLS are ~1,800 of the ~4,200 classes not
#   in the CDS archive. grpc-okhttp (~250 classes instead of Netty's ~820) is not on this Maven
#   mirror; a JDK with a smaller base (21+: compact object headers, smaller CDS) is not allowed here.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
IDLE=${1:-60}
JAR=$ROOT/cli/target/cairn.jar
"$ROOT/bin/cairn" --version >/dev/null   # builds the jars when missing or stale
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
true
