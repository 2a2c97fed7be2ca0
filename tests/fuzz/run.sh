#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each with its seed corpus; fails on the
# first crash. Usage: tests/fuzz/run.sh BUILD_DIR [SECONDS]
set -euo pipefail
BUILD=$1 SECS=${2:-60}
SRC=$(cd "$(dirname "$0")/../.." && pwd)
status=0
for exe in "$BUILD"/fuzz/fuzz_*; do
  name=$(basename "$exe")
  work=$(mktemp -d)
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
              find "$SRC/tests/data" "$SRC/samples" -type f -size -2M -print0 2>/dev/null | sort -z || true; })
  mkdir -p "$work/corpus"
  echo "== $name: ${SECS}s, $i seeds" >&2
  if ! "$exe" -max_total_time="$SECS" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
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
