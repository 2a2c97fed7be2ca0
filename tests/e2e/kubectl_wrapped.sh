#!/usr/bin/env bash
# Broker logs wrapped as `kubectl logs --timestamps` give the same verdicts
# as the bundle itself (issue 12 regression; tests/e2e/kubectl_wrapped.py).
set -euo pipefail
exec python3 "$2/tests/e2e/kubectl_wrapped.py" "$1" "$2/samples" oom-kill rolling-restart long-gc-pause
