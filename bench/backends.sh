#!/usr/bin/env bash
# Throughput of the S3 backend against s3proxy on 127.0.0.1 (a real S3 API server in-process):
# pack uploads (sequential and 4 in parallel), whole-object reads, 64 KiB ranged reads, listing.
# Usage: bench/backends.sh [PACK_MIB=32] [PACKS=8]. Holds the shared Maven/CPU lock while it runs.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
CP_FILE=$(mktemp)
trap 'rm -f "$CP_FILE"' EXIT
exec 9>/tmp/cairn-mvn.lock
flock 9
mvn -B -ntp -q -pl agent -am test-compile -DskipTests
mvn -B -ntp -q -pl agent org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE"
java -cp "agent/target/test-classes:agent/target/classes:$(cat "$CP_FILE")" \
  dev.cairn.agent.backend.S3BackendBench "${1:-32}" "${2:-8}"
