#!/usr/bin/env bash
# HTML report of log lines and a file name carrying <script>/onerror payloads: shown as text, nothing runs (CDP and --dump-dom).
set -euo pipefail
exec python3 "$2/tests/e2e/html_check.py" malicious "$1" "$2"
