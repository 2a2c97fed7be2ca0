#!/usr/bin/env bash
# Installs the Debian 12 packages logcorr needs to build and test, and nothing
# that is already there. Works as root or through sudo; never prompts.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config clang libclang-rt-14-dev
  libre2-dev libboost-date-time-dev libsimdjson-dev libfmt-dev libcli11-dev
  libtomlplusplus-dev zlib1g-dev libzstd-dev libyaml-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  tzdata python3 gzip zstd
)
if [[ "${1:-}" == "--test" ]]; then
  # chromium + nodejs: the HTML report's browser tests (tests/e2e/html_*.sh);
  # eslint: the lint.html_js test (the report's script)
  PACKAGES+=(clang-format chromium nodejs eslint)
fi

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if ((${#missing[@]} == 0)); then
  exit 0
fi

SUDO=""
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null; then SUDO="sudo"; else
    echo "install-deps: need root or sudo to install: ${missing[*]}" >&2
    exit 2
  fi
fi
echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
