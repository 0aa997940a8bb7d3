#!/usr/bin/env bash
# Snapshot-engine benchmark: Cairn side by side with restic, borg and tar|zstd on the same data,
# run exactly as ../shared/bench/peers.sh runs the reference tools (same ~1% change, RUNS rounds of
# every tool, the mean reported), in one run. Prints one table: full snapshot, restore, incremental
# after the change (seconds, mean of the runs), repository size after the full snapshot and its
# growth from the incremental (mean), peak RSS (/usr/bin/time -v, the highest), and each run's
# Cairn/restic ratios.
#
# Usage: flock /tmp/cairn-mvn.lock bench/snapshot.sh [DATA_MIB] [BENCH_DIR]
#   DATA_MIB   dataset size in MiB (default 1024), made by ../shared/bench/mkdata.sh (kept and reused)
#   BENCH_DIR  scratch space (default ${TMPDIR:-/tmp}/cairn-bench)
#   TOOLS      tools to run (default "cairn restic borg tarzstd"); CAIRN_ONLY=1 is TOOLS=cairn
#   RUNS       rounds of all tools (default 2, as peers.sh).
# Page cache: every timed step starts with the data it reads in the page cache, for every tool. On this
# VM the page cache is emptied while the machine idles (Cached: 60 MB in /proc/meminfo after a few idle
# hours, with 23 GiB free). The treesum below reads DATA, but the tools read WORK, a copy that rsync
# only re-stats; so before this was known the first tool of run 1 read WORK from disk: Cairn's full
# snapshot took 3.36-4.24 s there and 2.6-2.7 s in run 2, and restic, which went second, read it from
# memory. So reset_work now reads WORK's files once, untimed, before each tool, and one untimed
# 'tar | zstd' pass over it warms the CPUs before the first tool.
# CPU-heavy: run it under the Maven lock (TEAM.md). Page cache is warm; each timed step follows a sync.
#
# Restores go to a fresh directory per tool, and the restored trees are deleted only at the end of
# the run, never shortly before another tool restores: on ext4 without a journal (this machine's
# root file system) a new inode skips every inode of its group freed in the last 60 s, or 360 s
# while that inode table block is dirty, which the restore's own new inodes make it, and rescans
# from the start of the group for each new file (fs/ext4/ialloc.c, recently_deleted()). A restore
# of 25,000 files soon after 25,000 were deleted then pays seconds of kernel time, whichever tool
# it is. So the run first removes what an earlier run left and waits until 361 s have passed since
# the last removal (stamp file $B/.last-removal); a run on its own does not wait. Deleting many files
# elsewhere on the same file system has the same effect and is not tracked: a test run that removed
# its temp trees in /tmp a few minutes before made both Cairn's and restic's restores take twice as
# long (5.4 and 10.0 s); leave the machine quiet for six minutes, or touch the stamp file.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SHARED=${SHARED:-$ROOT/../shared/bench}
[ -d "$SHARED" ] || SHARED=/work/shared/bench
MIB=${1:-1024}
RUNS=${RUNS:-2}
B=${2:-${TMPDIR:-/tmp}/cairn-bench}
TOOLS=${TOOLS:-"cairn restic borg tarzstd"}
[ "${CAIRN_ONLY:-}" = 1 ] && TOOLS=cairn
DATA=$B/data-$MIB
WORK=$B/work
RES=$B/results-$MIB.tsv
mkdir -p "$B"
for tool in /usr/bin/time restic borg zstd rsync python3; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y time restic borgbackup zstd rsync python3" >&2; exit 1; }
done

if [ ! -f "$DATA/.complete" ]; then
  echo "== generating $MIB MiB of data in $DATA"
  bash "$SHARED/mkdata.sh" "$DATA" "$MIB" >/dev/null
  touch "$DATA/.complete"
fi
bash "$ROOT/bin/cairn" --version >/dev/null   # builds the jar first when it is missing or stale

export RESTIC_PASSWORD=bench-pass RESTIC_CACHE_DIR=$B/restic-cache
export BORG_PASSPHRASE=bench-pass BORG_BASE_DIR=$B/borg-base
export CAIRN_PASSWORD=bench-pass
: > "$RES"

# t TOOL PHASE CMD... : sync, run CMD under /usr/bin/time -v, record seconds and peak RSS (KiB)
t() {
  local tool=$1 phase=$2; shift 2
  sync
  local log=$B/time.log s e
  s=$(date +%s.%N)
  /usr/bin/time -v -o "$log" bash -c "$*" > "$B/out.log" 2>&1 || { cat "$B/out.log" >&2; echo "$tool $phase FAILED" >&2; exit 1; }
  e=$(date +%s.%N)
  local rss; rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  local d; d=$(awk -v s="$s" -v e="$e" 'BEGIN{printf "%.2f", e-s}')
  printf '%s\t%s\t%s\t%s\t%s\n' "$tool" "$phase" "$d" "$rss" "$run" >> "$RES"
  printf '  run %s %-8s %-8s %7.2fs  rss %6d MiB\n' "$run" "$tool" "$phase" "$d" $((rss / 1024))
}
size() { printf '%s\t%s\t%s\t\t%s\n' "$1" "$2" "$(du -sb "${@:3}" | awk '{s+=$1} END{print s}')" "$run" >> "$RES"; }
treesum() { (cd "$1" && find . -type f ! -name .complete -print0 | LC_ALL=C sort -z | xargs -0 sha1sum) | sha1sum | cut -c1-16; }
# reset WORK to DATA and read its files once (untimed), so that every tool finds them in the page cache
reset_work() {
  mkdir -p "$WORK"; rsync -a --delete --exclude .complete "$DATA"/ "$WORK"/
  tar -cf - -C "$WORK" . | cat > /dev/null   # through cat: GNU tar skips reading when it writes to /dev/null
}
# the ~1% change of peers.sh, verbatim
modify() {
  sed -n '/^modify() {/,/^}/p' "$SHARED/peers.sh" > "$B/modify.sh"
  # shellcheck disable=SC1091
  source "$B/modify.sh"
  modify "$1"
}
cairn() { echo "bash $ROOT/bin/cairn $*"; }   # the real launcher (JVM options, class-data sharing)

BYTES=$(find "$DATA" -type f ! -name .complete -printf '%s\n' | awk '{s+=$1} END{print s}')
echo "== dataset $DATA: $BYTES bytes, $(find "$DATA" -type f | wc -l) files; tools: $TOOLS; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
SRC_SUM=$(treesum "$DATA")
# remove what a run left (restored trees, archives) and let the inodes it freed age (see the header)
STAMP=$B/.last-removal
remove_trees() { rm -rf "$B"/restore "$B"/restore-* "$B"/out; sync; date +%s > "$STAMP"; }
if compgen -G "$B/restore*" >/dev/null || [ -e "$B/out" ]; then remove_trees; fi
if [ -f "$STAMP" ]; then
  wait_s=$(( 361 - ($(date +%s) - $(cat "$STAMP")) ))
  [ "$wait_s" -gt 0 ] && { echo "== waiting $wait_s s for the inodes freed by the last removal to age (see the header)"; sleep "$wait_s"; }
fi
echo "== warming: WORK into the page cache and one untimed tar | zstd pass over it (see the header)"
reset_work
tar -cf - -C "$WORK" . | zstd -T0 -3 -q > /dev/null
for run in $(seq 1 "$RUNS"); do
for tool in $TOOLS; do
  reset_work
  RESTORE=$B/restore-$tool-$run
  rm -rf "$RESTORE" "$B/out" && mkdir -p "$RESTORE" "$B/out"
  case $tool in
  cairn)
    # untimed: bin/cairn records each command's class-data archive on its first run after a build
    rm -rf "$B/cds-repo" "$B/cds-src" "$B/cds-out" && mkdir -p "$B/cds-src/d" && echo warm-up > "$B/cds-src/d/f" && head -c 3M /dev/urandom > "$B/cds-src/big"
    bash "$ROOT/bin/cairn" repo init --repo "$B/cds-repo" >/dev/null
    bash "$ROOT/bin/cairn" snapshot --repo "$B/cds-repo" --volume work "$B/cds-src" >/dev/null
    bash "$ROOT/bin/cairn" restore --repo "$B/cds-repo" latest --target "$B/cds-out" >/dev/null
    rm -rf "$B/cds-repo" "$B/cds-src" "$B/cds-out"
    # as for restic: only the init between removing the last repository and the timed snapshot
    rm -rf "$B/cairn-repo"
    bash "$ROOT/bin/cairn" repo init --repo "$B/cairn-repo" >/dev/null
    t cairn full    "$(cairn snapshot --repo "$B/cairn-repo" --volume work "$WORK")"
    size cairn size-full "$B/cairn-repo"
    t cairn restore "$(cairn restore --repo "$B/cairn-repo" latest --target "$RESTORE")"
    modify "$WORK"
    t cairn incr    "$(cairn snapshot --repo "$B/cairn-repo" --volume work "$WORK")"
    size cairn size-after "$B/cairn-repo"
    rdir=$RESTORE ;;
  restic)
    rm -rf "$B/restic-repo" "$RESTIC_CACHE_DIR"
    restic -q -r "$B/restic-repo" init >/dev/null
    t restic full    "restic -q -r '$B/restic-repo' backup '$WORK'"
    size restic size-full "$B/restic-repo"
    t restic restore "restic -q -r '$B/restic-repo' restore latest --target '$RESTORE'"
    modify "$WORK"
    t restic incr    "restic -q -r '$B/restic-repo' backup '$WORK'"
    size restic size-after "$B/restic-repo"
    rdir=$RESTORE$WORK ;;
  borg)
    rm -rf "$B/borg-repo" "$BORG_BASE_DIR"
    borg init --encryption=repokey-blake2 "$B/borg-repo" 2>/dev/null
    t borg full    "cd '$B' && borg create '$B/borg-repo::full' work"
    size borg size-full "$B/borg-repo"
    t borg restore "cd '$RESTORE' && borg extract '$B/borg-repo::full'"
    modify "$WORK"
    t borg incr    "cd '$B' && borg create '$B/borg-repo::incr' work"
    size borg size-after "$B/borg-repo"
    rdir=$RESTORE/work ;;
  tarzstd)
    t tarzstd full    "tar --listed-incremental='$B/out/snar' -cf - -C '$WORK' . | zstd -T0 -3 -q > '$B/out/full.tar.zst'"
    size tarzstd size-full "$B/out/full.tar.zst"
    t tarzstd restore "zstd -d -q -c '$B/out/full.tar.zst' | tar -x -C '$RESTORE'"
    modify "$WORK"
    t tarzstd incr    "tar --listed-incremental='$B/out/snar' -cf - -C '$WORK' . | zstd -T0 -3 -q > '$B/out/incr.tar.zst'"
    size tarzstd size-after "$B/out/full.tar.zst" "$B/out/incr.tar.zst"
    rdir=$RESTORE ;;
  *) echo "unknown tool $tool" >&2; exit 2 ;;
  esac
  got=$(treesum "$rdir")
  [ "$got" = "$SRC_SUM" ] && echo "  run $run $tool restore verified ($got)" || echo "  run $run $tool RESTORE MISMATCH $SRC_SUM != $got"
  printf '%s\tverified\t%s\t\t%s\n' "$tool" "$([ "$got" = "$SRC_SUM" ] && echo yes || echo NO)" "$run" >> "$RES"
done
done
remove_trees   # only now, after every tool has restored (see the header)

echo
echo "== $MIB MiB dataset ($BYTES bytes); MB = 10^6 bytes; mean of $RUNS run(s) (peak RSS: the highest), side by side"
# rows: tool, phase, seconds or bytes or yes/NO, peak RSS KiB, run
awk -F'\t' -v bytes="$BYTES" '
  $2=="full"||$2=="restore"||$2=="incr" { t[$1,$2]+=$3; n[$1,$2]++; if ($4>r[$1,$2]) r[$1,$2]=$4 }
  $2=="size-full" { sf[$1,$5]=$3 } $2=="size-after" { sa[$1,$5]=$3 }
  $2=="verified" { if (!($1 in v) || $3=="NO") v[$1]=$3 }
  { tools[$1]=1; if ($5>runs) runs=$5 }
  END {
    printf "%-8s %8s %8s %9s %8s %10s %9s %9s %9s %9s %6s\n", "tool", "full_s", "MB/s", "restore_s", "incr_s", "repo_MB", "growth_MB", "rss_full", "rss_rest", "rss_incr", "exact"
    for (k in tools) {
      full=t[k,"full"]/n[k,"full"]; size=0; growth=0
      for (i=1; i<=runs; i++) { size+=sf[k,i]; growth+=sa[k,i]-sf[k,i] }
      printf "%-8s %8.2f %8.1f %9.2f %8.2f %10.1f %9.1f %8dM %8dM %8dM %6s\n", k, full, bytes/1e6/full, t[k,"restore"]/n[k,"restore"],
        t[k,"incr"]/n[k,"incr"], size/runs/1e6, growth/runs/1e6, r[k,"full"]/1024, r[k,"restore"]/1024, r[k,"incr"]/1024, v[k]
    }
  }' "$RES" | (read -r header; echo "$header"; sort)
if echo "$TOOLS" | grep -q restic && echo "$TOOLS" | grep -q cairn; then
  awk -F'\t' '
    $2=="full"||$2=="restore"||$2=="incr" { t[$1,$2,$5]=$3; m[$1,$2]+=$3 } $2=="size-full" { sf[$1,$5]=$3; msf[$1]+=$3 }
    $2=="size-after" { sa[$1,$5]=$3; g[$1]+=$3-sf[$1,$5] } { if ($5>runs) runs=$5 }
    function line(label, tf, tr, ti, cg, rg, cs, rs) {
      printf "%s: full %.2fx faster (goal >= 2), restore %.2fx faster (goal >= 2), incr time %.2f of restic (goal <= 1), growth %.2f of restic (goal <= 1), size %.3f of restic (goal <= 1)\n",
        label, tf, tr, ti, cg/rg, cs/rs }
    END {
      for (i=1; i<=runs; i++)
        line("run " i " cairn vs restic", t["restic","full",i]/t["cairn","full",i], t["restic","restore",i]/t["cairn","restore",i],
          t["cairn","incr",i]/t["restic","incr",i], sa["cairn",i]-sf["cairn",i], sa["restic",i]-sf["restic",i], sf["cairn",i], sf["restic",i])
      line("mean cairn vs restic", m["restic","full"]/m["cairn","full"], m["restic","restore"]/m["cairn","restore"],
        m["cairn","incr"]/m["restic","incr"], g["cairn"], g["restic"], msf["cairn"], msf["restic"])
    }' "$RES"
fi
