#!/usr/bin/env bash
# Issue 2's reference measurement: `logcorr timeline > /dev/null` on a large
# generated file, next to `cat` and `sort` of the same bytes (page cache warm,
# median of 3). Usage: bench/timeline_vs_cat.sh LOGCORR_EXE [MB]
set -euo pipefail
EXE=$1 MB=${2:-500}
SRC=$(cd "$(dirname "$0")/.." && pwd)
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
# Three inputs of real shapes (log4j server.log, journal short-iso, unified
# GC), grown to MB in total by repeating the sample files with shifted days.
python3 - "$SRC/samples/rolling-restart" "$dir" "$MB" <<'PY'
import os, sys
src, out, mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
files = {"server.log": "broker-1/server.log", "journal.txt": "broker-1/journal.short-iso.txt",
         "gc.log": "broker-1/gc.log"}
per = mb * 1_000_000 // len(files)
for name, rel in files.items():
    data = open(os.path.join(src, rel), "rb").read()
    with open(os.path.join(out, name), "wb") as f:
        written, day = 0, 0
        while written < per:
            chunk = data.replace(b"2026-02-17", b"2026-03-%02d" % (1 + day % 28))
            f.write(chunk); written += len(chunk); day += 1
PY
bytes=$(cat "$dir"/* | wc -c)
t() { local best=(); for i in 1 2 3; do s=$(date +%s.%N); "$@" > /dev/null 2>&1; e=$(date +%s.%N); best+=("$(echo "$e - $s" | bc)"); done
      printf '%s\n' "${best[@]}" | sort -n | sed -n 2p; }
cat "$dir"/* > /dev/null
tc=$(t cat "$dir"/server.log "$dir"/journal.txt "$dir"/gc.log)
ts=$(t sort "$dir"/server.log "$dir"/journal.txt "$dir"/gc.log)
tt=$(t "$EXE" timeline --quiet "$dir")
tj=$(t "$EXE" timeline --quiet --json "$dir")
recs=$("$EXE" timeline --quiet "$dir" | wc -l)
printf '%-28s %8s %10s\n' command seconds MB/s
for row in "cat:$tc" "sort:$ts" "logcorr timeline:$tt" "logcorr timeline --json:$tj"; do
  name=${row%%:*} secs=${row##*:}
  printf '%-28s %8.3f %10.0f\n' "$name" "$secs" "$(echo "$bytes / $secs / 1000000" | bc -l)"
done
echo "$bytes bytes, $recs output lines, $(nproc) cores"
