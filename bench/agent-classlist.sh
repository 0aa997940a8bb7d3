#!/usr/bin/env bash
# Records the class list kept with the sources for the agent's first start
# (cli/src/main/cds/agent-first-start.classlist; bin/cairn says how it is used): runs
# bench/agent-rss.sh, whose first start enrolls and records the classes it loads, and keeps that list.
# Run it after a change to what the agent loads; AgentClassDataIT fails when the kept list covers less
# than 90% of the classes a first start loads.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LIST=$ROOT/cli/target/cairn-agent.classlist
KEPT=$ROOT/cli/src/main/cds/agent-first-start.classlist
"$ROOT/bench/agent-rss.sh" 10
[ "$(grep -vc '^#' "$LIST")" -ge 2000 ] || { echo "the first start recorded too few classes: $LIST"; exit 1; }
{
  echo "# The classes an agent's first start loads (enrolling, then idle), recorded by bench/agent-classlist.sh"
  echo "# with $(java -version 2>&1 | head -1); bin/cairn builds the first start's class-data archive from it."
  grep -v '^#' "$LIST"
} >"$KEPT.tmp"
mv "$KEPT.tmp" "$KEPT"
echo "kept $(grep -vc '^#' "$KEPT") classes in $KEPT"
