#!/usr/bin/env bash
# Peak RSS of `logcorr follow -` at 10/50/100 % of a generated multi-hour
# journal stream (bench/follow_rss.py). usage: follow_rss.sh [LOGCORR] [LINES] [HOURS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
exe=${1:-$here/../build/bin/logcorr}
exec python3 "$here/follow_rss.py" "$exe" "${2:-20000000}" "${3:-48}"
