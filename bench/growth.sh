#!/usr/bin/env bash
# Repository growth after the ~1% change of ../shared/bench/peers.sh, over several fresh
# repositories: Cairn's and restic's chunk boundaries depend on a random per-repository secret
# (gear seed, Rabin polynomial), so one run of bench/snapshot.sh draws one sample of each. Here the
# changed tree is made once and the same change is snapshotted into N new repositories per tool.
# Prints each sample, then min / mean / max per tool.
#
# Usage: flock /tmp/cairn-mvn.lock bench/growth.sh [N] [DATA_MIB] [BENCH_DIR]   (defaults 5, 1024)
#   TOOLS   default "cairn restic"
# Measured on 26 Nov 2026 (1 GiB; N=5, 4 for the last line; the first line on another changed tree
# than the other two, since the change writes random bytes):
#   chunk bounds 512 KiB / 1 MiB (restic's): Cairn 11.2-14.1 MB (mean 12.4), restic 11.1-12.3 (mean 11.6)
#   256 KiB / 512 KiB (the default since): Cairn 8.9-10.8 MB (mean 9.8), restic 9.5-13.0 (mean 11.2)
#   128 KiB / 256 KiB (tried):             Cairn 8.8-9.6 MB (mean 9.2), repository +0.3 MB, 2x the index
# 27 Nov 2026, N=8, a new changed tree: Cairn 8.99-11.43 MB (mean 9.82), restic 9.84-14.23 (mean 11.62).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SHARED=${SHARED:-$ROOT/../shared/bench}
[ -d "$SHARED" ] || SHARED=/work/shared/bench
N=${1:-5}
MIB=${2:-1024}
B=${3:-${TMPDIR:-/tmp}/cairn-bench}
G=$B/growth
DATA=$B/data-$MIB
TOOLS=${TOOLS:-"cairn restic"}
for tool in restic rsync python3; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y restic rsync python3" >&2; exit 1; }
done
if [ ! -f "$DATA/.complete" ]; then
  echo "== generating $MIB MiB of data in $DATA"
  mkdir -p "$B"
  bash "$SHARED/mkdata.sh" "$DATA" "$MIB" >/dev/null
  touch "$DATA/.complete"
fi
bash "$ROOT/bin/cairn" --version >/dev/null   # builds the jar first when it is missing or stale
export RESTIC_PASSWORD=bench-pass RESTIC_CACHE_DIR=$G/restic-cache CAIRN_PASSWORD=bench-pass
mkdir -p "$G"
if [ ! -f "$G/changed/.complete" ]; then   # the original and the changed tree, made once
  rm -rf "$G/original" "$G/changed"
  rsync -a --exclude .complete "$DATA"/ "$G/original"/
  rsync -a "$G/original"/ "$G/changed"/
  sed -n '/^modify() {/,/^}/p' "$SHARED/peers.sh" > "$G/modify.sh"
  # shellcheck disable=SC1091
  source "$G/modify.sh"
  modify "$G/changed"
  touch "$G/changed/.complete"
fi
snapshot() {
  if [ "$1" = cairn ]; then bash "$ROOT/bin/cairn" snapshot --repo "$G/repo" --volume work "$G/work" >/dev/null
  else restic -q -r "$G/repo" backup "$G/work" >/dev/null; fi
}
: > "$G/samples.tsv"
for i in $(seq 1 "$N"); do
  for tool in $TOOLS; do
    rm -rf "$G/repo" "$RESTIC_CACHE_DIR"
    rsync -a --delete --exclude .complete "$G/original"/ "$G/work"/
    if [ "$tool" = cairn ]; then bash "$ROOT/bin/cairn" repo init --repo "$G/repo" >/dev/null
    else restic -q -r "$G/repo" init >/dev/null; fi
    snapshot "$tool"
    before=$(du -sb "$G/repo" | cut -f1)
    rsync -a --delete --exclude .complete "$G/changed"/ "$G/work"/   # rewrites only the changed files
    snapshot "$tool"
    after=$(du -sb "$G/repo" | cut -f1)
    printf '%s\t%s\t%s\t%s\n' "$tool" "$i" "$before" "$((after - before))" >> "$G/samples.tsv"
    printf '  %-7s sample %d: repository %.1f MB, growth %.2f MB\n' "$tool" "$i" "$(echo "$before/1000000" | bc -l)" \
      "$(echo "($after-$before)/1000000" | bc -l)"
  done
done
rm -rf "$G/repo" "$RESTIC_CACHE_DIR"
echo
echo "== growth after the ~1% change, $N fresh repositories per tool (MB = 10^6 bytes)"
awk -F'\t' '{ n[$1]++; s[$1]+=$4; if (!($1 in lo) || $4<lo[$1]) lo[$1]=$4; if ($4>hi[$1]) hi[$1]=$4 }
  END { for (k in n) printf "%-7s min %6.2f  mean %6.2f  max %6.2f MB\n", k, lo[k]/1e6, s[k]/n[k]/1e6, hi[k]/1e6 }' "$G/samples.tsv"
