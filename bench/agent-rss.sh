#!/usr/bin/env bash
# Agent idle RSS (goal: <= 64 MiB). Starts a controller (cairn quickstart on free ports, in a temp
# dir), enrolls one more agent as its own process with the JVM options bin/cairn uses for 'agent'
# (plus CAIRN_JAVA_OPTS), lets it idle, and prints its resident memory over time. Background jobs of
# a script ignore SIGINT, so it stops them with SIGTERM.
#   bench/agent-rss.sh [IDLE_SECONDS]     default 60
#
# Measured here (Nov 2026, JDK 17, bin/cairn's options): ~88 MiB — goal NOT met. Where it goes
# (NMT + smaps of an idle, connected agent):
#   libjvm.so text ~13 MiB, CDS archive (classes.jsa) ~12 MiB, metaspace ~19 MiB (~4,000 classes,
#   ~800 of them Netty's), heap ~20 MiB committed / ~12 MiB live (4.4 MiB of it is the central
#   directory of the 42,000-entry shaded jar, ~1.5 MiB the JDK's cacerts), code cache ~4.5 MiB,
#   symbols ~5 MiB, threads ~2 MiB.
# Already done: no Jackson in the agent (-1,100 classes, -7 MiB), unpooled Netty buffers (-9 MiB),
# a shrinking 32 MiB heap. Left to try: a slim agent jar (no controller/Dropwizard/AWS entries in
# the jar's central directory), a client transport lighter than Netty (grpc-okhttp 1.85.1 is not on
# Maven Central), AppCDS for the agent's classes.
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
