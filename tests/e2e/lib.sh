# shellcheck shell=bash
# Shared by the test scripts (source it; it is not a test itself).
# ctest treats exit 77 as "skipped" (SKIP_RETURN_CODE in tests/CMakeLists.txt).

# skip REASON: the test cannot run here; says why on stderr, exit 77.
skip() {
  echo "SKIP: $*" >&2
  exit 77
}

# in_ci: CI=true (or 1) in the environment (tests/unit/test_util.hpp agrees).
in_ci() {
  case ${CI:-} in
    true | TRUE | True | 1) return 0 ;;
    *) return 1 ;;
  esac
}

# require_corpus DIR [WHAT]: DIR (the corpus, or a folder in it) must exist.
# Absent: skip with the reason, or, when CI=true, fail naming the path (CI
# always has ../shared beside the clone).
require_corpus() {
  local dir=$1 what=${2:-${0##*/}}
  [[ -d $dir ]] && return 0
  local msg="corpus not found at $dir (../shared/corpus beside the clone, or configure with -DLOGCORR_CORPUS_DIR=<dir>): $what needs it"
  if in_ci; then
    echo "FAIL: $msg; CI=true, so this is an error" >&2
    exit 1
  fi
  skip "$msg (with CI=true this fails)"
}
