#!/usr/bin/env bash
# The main job in one command: install what is missing, build, and analyze the
# bundled incident in samples/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DLOGCORR_BUILD_TESTS=OFF -DLOGCORR_BUILD_BENCH=OFF >/dev/null
cmake --build build --target logcorr_cli
SAMPLE=${1:-samples/rolling-restart}
echo "== logcorr analyze $SAMPLE" >&2
./build/bin/logcorr analyze "$SAMPLE"
