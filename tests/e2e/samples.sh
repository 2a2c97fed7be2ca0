#!/usr/bin/env bash
# analyze --json on every samples/ bundle agrees with <bundle>.expected.json.
set -euo pipefail
exec python3 "$2/tests/e2e/check_samples.py" "$1" "$2/samples"
