#!/usr/bin/env bash
# The whole test suite in one command (also what CI runs): install what is
# missing, build warning-free (g++, -Werror), run every test, then build again
# with clang + AddressSanitizer + UndefinedBehaviorSanitizer and run every test
# again.
set -euo pipefail
cd "$(dirname "$0")/.."
JOBS=$(nproc)
bash scripts/install-deps.sh --test

echo "== release build (g++)" >&2
# Benchmarks build here too (only when asked elsewhere), so they cannot rot unseen.
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DLOGCORR_WERROR=ON -DLOGCORR_BUILD_BENCH=ON >/dev/null
cmake --build build -j "$JOBS"
echo "== tests (release)" >&2
ctest --test-dir build -j "$JOBS" --output-on-failure

echo "== sanitizer build (clang, ASan+UBSan)" >&2
CC=clang CXX=clang++ cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug \
  -DLOGCORR_SANITIZE=ON -DLOGCORR_BUILD_FUZZ=ON -DLOGCORR_WERROR=ON -DLOGCORR_BUILD_BENCH=OFF >/dev/null
cmake --build build-asan -j "$JOBS"
echo "== tests (ASan+UBSan)" >&2
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan -j "$JOBS" --output-on-failure

echo "== fuzzing (libFuzzer, ${LOGCORR_FUZZ_SECONDS:-30}s per target)" >&2
bash tests/fuzz/run.sh build-asan "${LOGCORR_FUZZ_SECONDS:-30}"
