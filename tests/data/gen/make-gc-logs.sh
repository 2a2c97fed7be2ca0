#!/usr/bin/env bash
# Regenerates tests/data/gc/*.log: real unified GC logs written by this
# machine's JDK (17 when written) for every collector it has, with the
# decorators and tags a Kafka broker typically uses, plus EXPECTED.tsv with
# independent `grep -c` counts that tests/unit/gc_test.cpp checks the
# extractor against.
#
# Usage: tests/data/gen/make-gc-logs.sh [OUTDIR]    (default: tests/data/gc)
# Runs are short (a 32 MB heap, 2 rounds of 8 MB of garbage, each ending in
# System.gc()) so fixtures stay at a few KB. Shenandoah prints a ~150-line
# phase-statistics table per cycle ([gc,stats] "Pause Init Mark (G) … us" rows
# that must NOT count as pauses), so it gets one round only (~34 KB).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/../gc}
mkdir -p "$out"
classes=$(mktemp -d)
trap 'rm -rf "$classes"' EXIT
javac -d "$classes" "$here/GcChurn.java"
jdk=$(java -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')

printf '# file\tpauses\tsafepoints\tpause_sum_ms\tsafepoint_sum_ns  (grep -cE / awk at generation; JDK %s)\n' "$jdk" >"$out/EXPECTED.tsv"
for gc in G1 Serial Parallel Z Shenandoah; do
  if ! java -XX:+Use${gc}GC -version >/dev/null 2>&1; then
    echo "skip $gc: not in this JDK" >&2
    continue
  fi
  name=jdk${jdk}-$(echo "$gc" | tr 'A-Z' 'a-z').log
  rm -f "$out/$name"
  rounds=2 heap=32m
  [ "$gc" = Shenandoah ] && rounds=1 heap=64m  # bigger heap: no "learning" cycles
  java -Xms$heap -Xmx$heap -XX:+Use${gc}GC \
    "-Xlog:gc*,safepoint:file=$out/$name:time,uptime,level,tags:filecount=0" \
    -cp "$classes" GcChurn "$rounds" 8 >/dev/null
  pauses=$(grep -cE 'GC\([0-9]+\) (Y: |O: )?Pause .*[0-9][.,][0-9]+ms *$' "$out/$name" || true)
  safepoints=$(grep -cE 'Safepoint ".*Total: [0-9]+ ns' "$out/$name" || true)
  pause_sum=$(awk '/GC\([0-9]+\) (Y: |O: )?Pause .*[0-9][.,][0-9]+ms *$/ {
      t = $NF; sub(/ms$/, "", t); gsub(/,/, ".", t); s += t } END { printf "%.3f", s }' "$out/$name")
  safepoint_sum=$(awk '/Safepoint ".*Total: [0-9]+ ns/ {
      match($0, /Total: [0-9]+ ns/); s += substr($0, RSTART + 7, RLENGTH - 10) } END { printf "%d", s }' "$out/$name")
  printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$pauses" "$safepoints" "$pause_sum" "$safepoint_sum" >>"$out/EXPECTED.tsv"
  echo "$name: $(wc -c <"$out/$name") bytes, $pauses pauses, $safepoints safepoints" >&2
done
