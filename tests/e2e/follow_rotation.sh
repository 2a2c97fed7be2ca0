#!/usr/bin/env bash
# follow --tail across rename, copy-truncate, delete + re-create and a file
# that appears late: no line lost, none read twice (follow_rotation.py).
set -euo pipefail
for mode in rename copytruncate recreate late; do
  python3 "$2/tests/e2e/follow_rotation.py" "$1" "$mode"
done
