#!/usr/bin/env bash
# follow: slow writer into stdin and tailed files; verdicts arrive while it
# writes and equal analyze on the same bundle (tests/e2e/follow_pipe.py).
set -euo pipefail
exec python3 "$2/tests/e2e/follow_pipe.py" "$1" "$2/samples" rolling-restart
