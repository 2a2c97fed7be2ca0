#!/usr/bin/env bash
# Every journalctl rendering of the corpus journal, through the real CLI,
# gives the true UTC time of every entry (events.tsv) at the mode's precision.
set -euo pipefail
EXE=$1 SRC=$2 CORPUS=$3
# shellcheck source=tests/e2e/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_corpus "$CORPUS/journal"
exec python3 "$SRC/tests/e2e/check_timeline_journal.py" "$EXE" "$CORPUS/journal"
