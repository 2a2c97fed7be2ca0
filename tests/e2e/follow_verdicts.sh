#!/usr/bin/env bash
# follow gives the issue-14 verdicts live, equal to analyze on the same
# bundles: network-path (lb-idle-drop: the connection ages seen so far) and
# auth-failure (expired-cert). disk-full is not here: its broker comes back
# 2.7 min after it halted, after follow has decided the burst, so follow says
# broker-fault without the "then the broker died" part analyze adds.
set -euo pipefail
for bundle in lb-idle-drop expired-cert; do
  python3 "$2/tests/e2e/follow_pipe.py" "$1" "$2/samples" "$bundle"
done
