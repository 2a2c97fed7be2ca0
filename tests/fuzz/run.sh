#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each with its seed corpus; fails on the
# first crash. Usage: tests/fuzz/run.sh BUILD_DIR [SECONDS]
set -euo pipefail
BUILD=$1 SECS=${2:-60}
SRC=$(cd "$(dirname "$0")/../.." && pwd)
status=0
CORPUS=$SRC/../shared/corpus
for exe in "$BUILD"/fuzz/fuzz_*; do
  name=$(basename "$exe")
  work=$(mktemp -d)
  # The events reader takes the longest: its reproducer (a `nul` token) was
  # found only after ~35 s of a blind run.
  secs=$SECS
  [[ $name == fuzz_events && $secs -lt 60 ]] && secs=60
  # Real logs of the target's format from the shared corpus, when present.
  case $name in
    fuzz_gc) real=$CORPUS/gc ;;
    fuzz_format | fuzz_frame) real=$CORPUS/journal ;;
    fuzz_match) real=$CORPUS/real-lines ;;
    *) real= ;;
  esac
  # Seeds: the target's own reproducers and shapes first (never crowded
  # out), then repo test data and sample logs, cut to 4 KiB pieces.
  seeds="$work/seeds"; mkdir -p "$seeds"
  i=0
  while IFS= read -r -d '' f; do
    head -c 4096 "$f" > "$seeds/$i"; i=$((i + 1))
    [[ $i -ge 200 ]] && break
  done < <({ if [[ -d "$SRC/tests/fuzz/seeds/$name" ]]; then
                find "$SRC/tests/fuzz/seeds/$name" -type f -print0 | sort -z
              fi
              if [[ -n $real && -d $real ]]; then
                find "$real" -type f -size -2M -print0 2>/dev/null | sort -z | head -z -n 60
              fi
              find "$SRC/tests/data" "$SRC/samples" -type f -size -2M -print0 2>/dev/null | sort -z || true; })
  mkdir -p "$work/corpus"
  echo "== $name: ${secs}s, $i seeds" >&2
  if ! "$exe" -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix="$work/" "$work/corpus" "$seeds" 2> "$work/log" >/dev/null < /dev/null; then
    mkdir -p "$work/corpus"
    tail -40 "$work/log" >&2
    echo "FAIL $name: artifacts in $work" >&2
    status=1
    continue
  fi
  grep -E '^#[0-9]+.*DONE' "$work/log" | tail -1 >&2 || true
  rm -rf "$work"
done
exit $status
