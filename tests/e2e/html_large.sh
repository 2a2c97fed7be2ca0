#!/usr/bin/env bash
# HTML report of ~120k symptoms from 40 clients: density in grouped lanes, file under 3 MB.
set -euo pipefail
exec python3 "$2/tests/e2e/html_check.py" large "$1" "$2"
