#!/usr/bin/env bash
# follow on the Kubernetes bundles: pods' logs tailed, the cluster's records
# on stdin; same verdicts as analyze (tests/e2e/follow_kube.py).
set -euo pipefail
exec python3 "$2/tests/e2e/follow_kube.py" "$1" "$2/samples"
