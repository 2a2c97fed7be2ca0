#!/usr/bin/env bash
# The findings embedded in the HTML report are exactly analyze --json, for every sample.
set -euo pipefail
exec python3 "$2/tests/e2e/html_check.py" agree "$1" "$2"
