#!/usr/bin/env bash
# Issue 7's end-to-end measurement: logcorr next to what an engineer would run
# instead (grep -cE / rg -c with the patterns they would grep for, cat, lnav),
# on one reproducible multi-GB incident corpus (bench/gen_corpus.py), page
# cache warm, every command once per round and the rounds alternating, so that
# a noisy neighbour slows all of them alike. Prints the median wall time, MB/s,
# the speed relative to grep (grep time / its time: > 1 is faster than grep)
# and the peak RSS (max over the rounds) from /usr/bin/time -v.
#
# Usage: bench/compare.sh [DIR] [REPS]
#   DIR   corpus directory, generated if missing (default /tmp/logcorr-bench)
#   REPS  rounds (default 3)
# Environment: LOGCORR (default build-bench/bin/logcorr of this checkout),
#   GB (corpus size, default 1.1), SEED (default 7), SKIP (space-separated
#   row names to leave out, e.g. "lnav rg"), THREADS (cores for the all-core
#   rows, default nproc).
set -euo pipefail
SRC=$(cd "$(dirname "$0")/.." && pwd)
DIR=${1:-/tmp/logcorr-bench} REPS=${2:-3}
EXE=${LOGCORR:-$SRC/build-bench/bin/logcorr}
GB=${GB:-1.1} SEED=${SEED:-7} SKIP=" ${SKIP:-} " THREADS=${THREADS:-$(nproc)}
[[ -x $EXE ]] || { echo "compare.sh: no logcorr at $EXE (set LOGCORR)" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "compare.sh: needs GNU time (apt-get install time)" >&2; exit 2; }

# (Re)generate unless DIR holds a corpus made with the same size and seed.
if [[ "$(head -1 "$DIR/MANIFEST" 2>/dev/null)" != "# gen_corpus.py --gb $GB --seed $SEED" ]]; then
  rm -rf "$DIR/corpus" "$DIR/archive" "$DIR/MANIFEST"
  python3 "$SRC/bench/gen_corpus.py" --out "$DIR" --gb "$GB" --seed "$SEED"
fi
C=$DIR/corpus
ARCH=$(ls "$DIR"/archive/*.gz); ARCH=${ARCH%.gz}
PLAIN=$C/clients/$(basename "$ARCH")  # the uncompressed original of the archive copies
JSON=$C/broker-1/journal.json
BIG=$C/clients/orders-service.log    # one large input (log4j, multi-line stack traces)
mapfile -t FILES < <(find "$C" -type f | sort)

# What an engineer greps for after such an incident (the issue's 11): client
# errors, broker lifecycle in journal and server.log, OOM kills, GC pauses.
PAT='NetworkException|Disconnected|Connection refused|Receive failed|Started kafka|Stopping kafka|Killed process|Out of memory|shutting down|started \(kafka\.server|Pause Young|Pause Full'

bytes() { cat "$@" | wc -c; }
B_ALL=$(bytes "${FILES[@]}") B_PLAIN=$(bytes "$PLAIN") B_JSON=$(bytes "$JSON") B_BIG=$(bytes "$BIG")

# name | bytes it reads | command (run with bash -c "exec ...")
# Output goes to a file, not /dev/null: GNU grep notices a /dev/null stdout
# and stops at the first match (as with -q), which would time nothing.
# "zlib inflate" is zlib itself (what logcorr links; zcat is gzip's own
# inflate) through Python, in 4 KiB reads so that no big buffers are mapped.
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
O=$tmp/out
ROWS=(
  "logcorr analyze -j1|$B_ALL|$EXE analyze -q --threads 1 $C > $O"
  "logcorr analyze -j$THREADS|$B_ALL|$EXE analyze -q --threads $THREADS $C > $O"
  "logcorr events -j1|$B_ALL|$EXE events -q --threads 1 $C > $O"
  "logcorr events -j$THREADS|$B_ALL|$EXE events -q --threads $THREADS $C > $O"
  "grep -cE|$B_ALL|grep -cE '$PAT' ${FILES[*]} > $O"
  "rg -c -j1|$B_ALL|rg -c -j1 '$PAT' ${FILES[*]} > $O"
  "cat|$B_ALL|cat ${FILES[*]} > /dev/null"
  "lnav|$B_ALL|lnav -n -c ';SELECT count(*) FROM all_logs' ${FILES[*]} > $O"
  "1 file: analyze -j1|$B_BIG|$EXE analyze -q --threads 1 $BIG > $O"
  "1 file: analyze -j$THREADS|$B_BIG|$EXE analyze -q --threads $THREADS $BIG > $O"
  "1 file: grep -cE|$B_BIG|grep -cE '$PAT' $BIG > $O"
  "json: analyze -j1|$B_JSON|$EXE analyze -q --threads 1 $JSON > $O"
  "json: events -j1|$B_JSON|$EXE events -q --threads 1 $JSON > $O"
  "json: grep -cE|$B_JSON|grep -cE '$PAT' $JSON > $O"
  "plain: analyze -j1|$B_PLAIN|$EXE analyze -q --threads 1 $PLAIN > $O"
  "gz: zcat|$B_PLAIN|zcat $ARCH.gz > /dev/null"
  "gz: zlib inflate|$B_PLAIN|python3 -c 'import sys, zlib; d = zlib.decompressobj(31); f = open(sys.argv[1], \"rb\"); any(d.decompress(b) is None for b in iter(lambda: f.read(1 << 12), b\"\"))' $ARCH.gz"
  "gz: analyze -j1|$B_PLAIN|$EXE analyze -q --threads 1 $ARCH.gz > $O"
  "zst: zstdcat|$B_PLAIN|zstdcat -q $ARCH.zst > /dev/null"
  "zst: analyze -j1|$B_PLAIN|$EXE analyze -q --threads 1 $ARCH.zst > $O"
)
keep=()
for r in "${ROWS[@]}"; do
  name=${r%%|*} tool=${name#*: }; tool=${tool%% *}
  [[ $SKIP == *" $tool "* || $SKIP == *" $name "* ]] && continue
  [[ $tool == lnav ]] && ! command -v lnav > /dev/null && continue
  [[ $tool == rg ]] && ! command -v rg > /dev/null && continue
  [[ $r == *zst* ]] && [[ ! -f $ARCH.zst ]] && continue
  keep+=("$r")
done
ROWS=("${keep[@]}")

echo "# $(date -u +%FT%TZ)  $(nproc) cores, $(uname -r), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# corpus: $DIR ($(head -1 "$DIR/MANIFEST" | cut -c3-)), ${#FILES[@]} files, $((B_ALL / 1000000)) MB;" \
  "archive: $(basename "$ARCH") $((B_PLAIN / 1000000)) MB; 1 file: ${BIG#"$C"/} $((B_BIG / 1000000)) MB; $REPS rounds"
echo "# $("$EXE" --version 2>&1 | head -1); $(grep --version | head -1); $(rg --version 2>/dev/null | head -1);" \
  "lnav $(lnav -V 2>/dev/null | awk '{print $2}'); LC_ALL=${LC_ALL:-} LANG=${LANG:-}"
echo "# patterns: $PAT"
cat "${FILES[@]}" "$ARCH".* > /dev/null  # warm the page cache

for ((rep = 1; rep <= REPS; rep++)); do
  for i in "${!ROWS[@]}"; do
    cmd=${ROWS[$i]#*|}; cmd=${cmd#*|}
    s=$(date +%s%N)
    rc=0; /usr/bin/time -v -o "$tmp/time" bash -c "exec $cmd" || rc=$?
    ((rc <= 1)) || echo "compare.sh: exit $rc: $cmd" >&2  # grep -c exits 1 on no match
    e=$(date +%s%N)
    echo $(((e - s) / 1000)) >> "$tmp/t$i"
    awk '/Maximum resident set size/{print $NF}' "$tmp/time" >> "$tmp/r$i"
    awk -F': ' '/User time|System time/{c += $2} END{printf "%d\n", c * 1e6}' "$tmp/time" >> "$tmp/c$i"
  done
done

med() { sort -n "$1" | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
gi=""
for i in "${!ROWS[@]}"; do [[ ${ROWS[$i]%%|*} == "grep -cE" ]] && gi=$i; done
declare -A T U
# cpu_s (user + sys, median) is what a -j1 row costs whatever the neighbours
# do; wall time and the -jN rows suffer when other processes hold the cores.
printf '\n%-24s %9s %9s %9s %9s %9s %9s\n' command median_s MB/s vs_grep cpu_s cpu_MB/s peak_RSS_MB
for i in "${!ROWS[@]}"; do
  name=${ROWS[$i]%%|*} rest=${ROWS[$i]#*|}; b=${rest%%|*}
  t=$(med "$tmp/t$i") rss=$(sort -n "$tmp/r$i" | tail -1) c=$(med "$tmp/c$i")
  T[$name]=$t U[$name]=$c
  ref=""  # each group is compared with grep over the same bytes
  case $name in
    "1 file: "*) ref=${T["1 file: grep -cE"]:-} ;;
    "json: "*) ref=${T["json: grep -cE"]:-} ;;
    *": "*) ref="" ;;
    *) [[ -n $gi ]] && ref=$(med "$tmp/t$gi") ;;
  esac
  ratio=$([[ -n $ref ]] && awk -v r="$ref" -v t="$t" 'BEGIN{printf "%.2fx", r / t}' || echo -)
  awk -v n="$name" -v t="$t" -v b="$b" -v q="$ratio" -v m="$rss" -v c="$c" \
    'BEGIN{printf "%-24s %9.3f %9.0f %9s %9.3f %9.0f %9.1f\n", n, t / 1e6, b / t, q, c / 1e6, b / (c > 0 ? c : 1), m / 1024}'
done

# The ratios the issue's targets are stated in.
r() { awk -v a="${T[$1]:-}" -v b="${T[$2]:-}" -v c="${U[$1]:-}" -v d="${U[$2]:-}" \
  'BEGIN{if (a == "" || b == "") print "n/a"; else printf "%.2f (cpu %.2f)", a / b, (d > 0 ? c / d : 0)}'; }
echo
echo "analyze -j1 vs grep -cE (grep time / analyze time, target >= 1, aim 2): $(r "grep -cE" "logcorr analyze -j1")"
echo "analyze -j1 vs lnav (lnav time / analyze time, target >= 10):          $(r lnav "logcorr analyze -j1")"
echo "many inputs: analyze -j1 / -j$THREADS (target >= 1.8 on 2 cores):          $(r "logcorr analyze -j1" "logcorr analyze -j$THREADS")"
echo "one file:    analyze -j1 / -j$THREADS (target >= 1.8 on 2 cores):          $(r "1 file: analyze -j1" "1 file: analyze -j$THREADS")"
echo "gz:  analyze / zcat time (1.0 = limited by inflate):                 $(r "gz: analyze -j1" "gz: zcat")"
echo "gz:  analyze / zlib inflate time (zlib, which logcorr links):          $(r "gz: analyze -j1" "gz: zlib inflate")"
echo "zst: analyze / zstdcat time:                                          $(r "zst: analyze -j1" "zst: zstdcat")"
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
"$EXE" analyze -q "$C" | head -1
