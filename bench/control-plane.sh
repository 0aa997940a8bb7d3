#!/usr/bin/env bash
# Control-plane benchmark (issue #2): N simulated agents (default 2000), each with its own
# enrolled certificate and mutual-TLS stream, against one controller process with -Xmx1g.
# Prints: streams connected, time for one desired-state change to reach every agent (goal <= 5 s),
# p50/p99 latencies, health-report -> ack latency, controller RSS.
#   bench/control-plane.sh [AGENTS] [ROUNDS]
# Holds /tmp/cairn-mvn.lock for the whole run (build + benchmark), as the team's rules require.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [ "${CAIRN_BENCH_LOCKED:-}" != 1 ]; then
  CAIRN_BENCH_LOCKED=1 exec flock /tmp/cairn-mvn.lock "$0" "$@"
fi
AGENTS=${1:-2000}
ROUNDS=${2:-3}
WORK=$(mktemp -d /tmp/cairn-control-plane.XXXXXX)
CONTROLLER_PID=
cleanup() {
  if [ -n "$CONTROLLER_PID" ]; then kill -TERM "$CONTROLLER_PID" 2>/dev/null; wait "$CONTROLLER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

echo "building controller test classes ..." >&2
(cd "$ROOT" && mvn -B -ntp -q -pl controller -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test >"$WORK/build.log" 2>&1) \
  || { cat "$WORK/build.log"; exit 1; }
CP="$ROOT/controller/target/test-classes:$ROOT/controller/target/classes:$(cat "$WORK/cp.txt")"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
REST_PORT=$(free_port); ADMIN_PORT=$(free_port)
cat >"$WORK/controller.yml" <<YAML
dataDir: $WORK/data
grpc:
  port: 0
logging:
  level: WARN
server:
  requestLog:
    appenders: []
  applicationConnectors:
    - {type: http, bindHost: 127.0.0.1, port: $REST_PORT}
  adminConnectors:
    - {type: http, bindHost: 127.0.0.1, port: $ADMIN_PORT}
YAML

java -Xmx1g -XX:+UseG1GC -cp "$CP" dev.cairn.controller.ControllerApplication server "$WORK/controller.yml" \
  >"$WORK/controller.log" 2>&1 &
CONTROLLER_PID=$!
for _ in $(seq 1 120); do
  [ -f "$WORK/data/admin.token" ] && curl -sf -o /dev/null -H "Authorization: Bearer $(cat "$WORK/data/admin.token")" \
    "http://127.0.0.1:$REST_PORT/api/v1/nodes" && break
  sleep 0.5
done
curl -sf -o /dev/null "http://127.0.0.1:$ADMIN_PORT/healthcheck" || { echo "controller did not start:"; cat "$WORK/controller.log"; exit 1; }

echo "running $AGENTS simulated agents, $ROUNDS rounds ..." >&2
java -Xmx2g -XX:+UseParallelGC -cp "$CP" dev.cairn.controller.bench.ControlPlaneBench \
  "http://127.0.0.1:$REST_PORT" "$WORK/data/admin.token" "$WORK/data/ca/ca.crt" "$CONTROLLER_PID" \
  "$AGENTS" "$ROUNDS" || { echo "benchmark failed; controller log:"; tail -20 "$WORK/controller.log"; exit 1; }
if grep -qE 'ERROR|OutOfMemory' "$WORK/controller.log"; then
  echo; echo "controller log errors:"; grep -E 'ERROR|OutOfMemory' "$WORK/controller.log" | head -20
fi
