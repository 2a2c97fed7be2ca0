#!/usr/bin/env bash
# Pins the text report of every sample bundle (golden files in tests/golden).
# The report is in UTC whatever TZ says; paths are the labels relative to the
# bundle argument. UPDATE_GOLDEN=1 rewrites the golden files after a change
# that is meant to alter the report (review the diff before committing).
set -euo pipefail
EXE=$1 SRC=$2
cd "$SRC/samples"
status=0
for exp in *.expected.json; do
  name=${exp%.expected.json}
  # a bundle marked "pending" in its expected.json is not read by the analyzer yet (samples/README.md)
  if python3 -c 'import json,sys; sys.exit(0 if json.load(open(sys.argv[1])).get("pending") else 1)' "$exp"; then
    echo "skip $name: pending"
    continue
  fi
  args=$(python3 -c 'import json,sys; a=json.load(open(sys.argv[1]))["args"]; print(" ".join(x if not x.startswith("broker-") else sys.argv[2]+"/"+x for x in a))' "$exp" "$name")
  # shellcheck disable=SC2086
  out=$(TZ=Asia/Tokyo NO_COLOR=1 "$EXE" analyze --color=never $args "$name" 2>/dev/null)
  golden="$SRC/tests/golden/$name.txt"
  if [[ "${UPDATE_GOLDEN:-}" == 1 ]]; then
    printf '%s\n' "$out" > "$golden"
    continue
  fi
  if ! diff -u "$golden" <(printf '%s\n' "$out"); then
    echo "FAIL: text report of $name differs from tests/golden/$name.txt"
    status=1
  fi
done
[[ $status -eq 0 ]] && echo ok
exit $status
