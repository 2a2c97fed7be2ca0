#!/usr/bin/env bash
# The findings and the events do not depend on how many threads read inputs.
set -euo pipefail
EXE=$1 SRC=$2
for s in rolling-restart oom-kill restart-with-distractors; do
  args=()
  [[ $s == restart-with-distractors ]] && args=(--tz "$SRC/samples/$s/broker-2=Europe/Berlin")
  for cmd in analyze events; do
    extra=(); [[ $cmd == analyze ]] && extra=(--json)
    a=$("$EXE" $cmd "${extra[@]}" --quiet --threads 1 "${args[@]}" "$SRC/samples/$s")
    b=$("$EXE" $cmd "${extra[@]}" --quiet --threads 3 "${args[@]}" "$SRC/samples/$s")
    if [[ "$a" != "$b" ]]; then echo "FAIL: $cmd $s differs between 1 and 3 threads"; exit 1; fi
  done
done
echo ok
