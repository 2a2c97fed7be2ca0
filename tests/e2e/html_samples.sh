#!/usr/bin/env bash
# HTML report of every samples/ bundle in headless Chromium: lanes, bursts, causes, evidence, zoom/pan/hover/click, time zone, print; screenshots in <build>/html-report/.
set -euo pipefail
exec python3 "$2/tests/e2e/html_check.py" samples "$1" "$2"
