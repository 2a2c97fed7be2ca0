#!/usr/bin/env bash
# README.md's generated blocks (section "Clients and layouts recognised": the
# pattern packs and the layout table) are exactly what this binary prints now
# (`logcorr patterns list --markdown`, `logcorr formats --markdown`). When the
# layout table or a pack changed, it fails with a diff and the one command
# that regenerates them (scripts/update-readme.py).
set -uo pipefail
EXE=$1 SRC=$2
command -v python3 >/dev/null || { echo "FAIL: python3 not found (scripts/install-deps.sh)"; exit 1; }
python3 "$SRC/scripts/update-readme.py" --check --exe "$EXE" --readme "$SRC/README.md"
