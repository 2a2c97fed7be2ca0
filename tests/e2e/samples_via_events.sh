#!/usr/bin/env bash
# events -> NDJSON -> analyze gives the same findings as analyze on the logs.
set -euo pipefail
exec python3 "$2/tests/e2e/check_samples.py" "$1" "$2/samples" --via-events
