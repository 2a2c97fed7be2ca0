#!/usr/bin/env bash
# The installed package works for an embedder: `cmake --install` into a
# temporary prefix, then samples/embed is built against it three ways (CMake
# find_package with the shared and with the static library, pkg-config with
# each) and run on a sample incident. Also checks the install layout, the
# package version rules, that the umbrella header includes every public
# header, and that the library never writes to stdout/stderr.
#
#   install_test.sh BUILD_DIR SOURCE_DIR CORPUS_DIR [CXX [EXTRA_CXXFLAGS]]
#
# EXTRA_CXXFLAGS are the build's sanitizer flags: a consumer of a sanitized
# library must link the sanitizer runtime too. Exit 77 = skipped.
set -euo pipefail
BUILD=$1 SRC=$2 CORPUS=$3 CXX=${4:-c++} EXTRA=${5:-}
# shellcheck source=tests/e2e/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../e2e/lib.sh"

for tool in cmake pkg-config nm readelf "$CXX"; do
  command -v "$tool" >/dev/null || skip "$tool not found"
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/logcorr-install.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
fail() { echo "FAIL: $*" >&2; exit 1; }

echo "== cmake --install $BUILD --prefix $prefix"
cmake --install "$BUILD" --prefix "$prefix" >"$tmp/install.log" || { cat "$tmp/install.log"; fail "install"; }

# --- layout -----------------------------------------------------------------
pc=$(find "$prefix" -name logcorr.pc -path '*/pkgconfig/*' | head -n1)
[[ -n $pc ]] || fail "no lib*/pkgconfig/logcorr.pc"
libdir=$(dirname "$(dirname "$pc")")
for f in "$prefix/bin/logcorr" "$libdir/liblogcorr.a" "$libdir/liblogcorr.so" \
  "$libdir/liblogcorr.so.0.2" "$libdir/cmake/logcorr/logcorrConfig.cmake" \
  "$libdir/cmake/logcorr/logcorrConfigVersion.cmake" "$libdir/cmake/logcorr/logcorrTargets.cmake" \
  "$prefix/include/logcorr/logcorr.hpp" "$prefix/include/logcorr/version.hpp"; do
  [[ -e $f ]] || fail "not installed: ${f#"$prefix"/}"
done
soname=$(readelf -d "$libdir/liblogcorr.so" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
[[ $soname == liblogcorr.so.0.2 ]] || fail "SONAME is '$soname', want liblogcorr.so.0.2"
packs=$(find "$prefix/share/logcorr/patterns" -name '*.toml' 2>/dev/null | wc -l)
src_packs=$(find "$SRC/patterns" -maxdepth 1 -name '*.toml' | wc -l)
[[ $packs -ge 1 && $packs -eq $src_packs ]] || fail "$packs pattern packs installed, $src_packs in patterns/"
for h in "$SRC"/lib/include/logcorr/*.hpp; do
  cmp -s "$h" "$prefix/include/logcorr/$(basename "$h")" || fail "header not installed: $(basename "$h")"
done

# Every public header is reachable from the umbrella header.
for h in "$prefix"/include/logcorr/*.hpp; do
  name=$(basename "$h")
  [[ $name == logcorr.hpp ]] && continue
  grep -q "^#include \"logcorr/$name\"" "$prefix/include/logcorr/logcorr.hpp" ||
    fail "logcorr.hpp does not include logcorr/$name"
done

# --- the library does not print -----------------------------------------------
# Any reference from our objects to the standard streams or to functions that
# write to stdout is a bug (diagnostics go to a DiagnosticSink). Writing to
# files the caller names (fwrite, std::ofstream) is fine.
nm -A -C --undefined-only "$libdir/liblogcorr.a" 2>/dev/null |
  grep -E ' U (stdout|stderr|std::cout|std::cerr|std::clog|std::wcout|std::wcerr|printf|vprintf|puts|putchar|perror|fmt::v[0-9]+::vprint\(fmt::v[0-9]+::basic_string_view)\b' \
    >"$tmp/print.txt" || true
if [[ -s $tmp/print.txt ]]; then
  cat "$tmp/print.txt" >&2
  fail "the library writes to stdout/stderr (objects above)"
fi
# The same in the sources, for what nm cannot see (a raw write(2) to fd 1/2).
grep -rnE '(std::cout|std::cerr|std::clog|fmt::print\(|(^|[^a-z_])printf\(|(^|[^a-z_])puts\(|write\((1|2|STDOUT_FILENO|STDERR_FILENO),)' \
  "$SRC/lib/src" | grep -vE '^[^:]+:[0-9]+:[[:space:]]*//' >"$tmp/print_src.txt" || true
if [[ -s $tmp/print_src.txt ]]; then
  cat "$tmp/print_src.txt" >&2
  fail "lib/src writes to stdout/stderr (lines above)"
fi
echo "ok: no stdout/stderr use in liblogcorr.a or lib/src"

# --- package version rules ----------------------------------------------------
# Before 1.0 a minor release may break the API: 0.2 accepts 0.2.x only.
version=$(sed -n 's/^Version: //p' "$pc")
# What find_package() does with the version file, for one requested version.
cat >"$tmp/version_check.cmake" <<'CMAKE'
string(REPLACE "." ";" parts "${PACKAGE_FIND_VERSION}")
list(LENGTH parts n)
list(GET parts 0 PACKAGE_FIND_VERSION_MAJOR)
set(PACKAGE_FIND_VERSION_MINOR 0)
set(PACKAGE_FIND_VERSION_PATCH 0)
if(n GREATER 1)
  list(GET parts 1 PACKAGE_FIND_VERSION_MINOR)
endif()
set(PACKAGE_FIND_VERSION_COUNT ${n})
set(CMAKE_SIZEOF_VOID_P 8)
include(${VF})
message("${PACKAGE_VERSION_COMPATIBLE}")
CMAKE
check_version() {  # REQUESTED EXPECTED(TRUE/FALSE)
  local got
  got=$(cmake -DPACKAGE_FIND_VERSION="$1" -DVF="$libdir/cmake/logcorr/logcorrConfigVersion.cmake" \
    -P "$tmp/version_check.cmake" 2>&1) || fail "version check: $got"
  [[ $got == "$2" ]] || fail "find_package(logcorr $1) against $version: compatible=$got, want $2"
}
IFS=. read -r vmaj vmin _ <<<"$version"
check_version "$vmaj.$vmin" TRUE
check_version "$vmaj.$((vmin + 1))" FALSE
check_version "$((vmaj + 1)).0" FALSE
if [[ $vmaj == 0 && $vmin -gt 0 ]]; then check_version "0.$((vmin - 1))" FALSE; fi
echo "ok: package version $version (find_package $vmaj.$vmin yes, $vmaj.$((vmin + 1)) no)"

# --- the incident to analyze --------------------------------------------------
incident=
if [[ -d $SRC/samples/rolling-restart ]]; then
  incident=$SRC/samples/rolling-restart
else
  for f in "$SRC"/samples/*.expected.json; do
    [[ -d ${f%.expected.json} ]] && { incident=${f%.expected.json}; break; }
  done
fi
if [[ -z $incident && -d $CORPUS/kafka-logs/kafka-4.0.0 ]]; then incident=$CORPUS/kafka-logs/kafka-4.0.0; fi
[[ -n $incident ]] || require_corpus "$CORPUS/kafka-logs/kafka-4.0.0" "install_test.sh (no samples/* incident)"
echo "== incident: $incident"

# The installed CLI's view of the same incident, to compare with.
# Exit 2 (an input could not be read in full) still comes with a report.
rc=0
"$prefix/bin/logcorr" analyze --json "$incident" >"$tmp/cli.json" 2>"$tmp/cli.err" || rc=$?
[[ $rc -le 2 && -s $tmp/cli.json ]] || { cat "$tmp/cli.err" >&2; fail "installed logcorr analyze: exit $rc"; }

# Runs an embed binary and checks its output against the CLI's findings.
run_embed() {  # NAME BINARY
  local out=$tmp/$1.out
  local rc=0
  "$2" "$incident" >"$out" 2>"$tmp/$1.err" || rc=$?
  [[ $rc -eq 0 ]] || { cat "$tmp/$1.err" "$out" >&2; fail "$1: exit $rc"; }
  echo "-- $1:"
  cat "$out"
  [[ $(wc -l <"$out") -ge 1 ]] || fail "$1: printed nothing"
  grep -q "^logcorr $version: " "$out" || fail "$1: version() is not $version"
  if command -v python3 >/dev/null; then
    python3 - "$tmp/cli.json" "$out" "$incident" <<'PY' || fail "$1: findings differ from the CLI's"
import json, os, sys
cli = json.load(open(sys.argv[1]))
want = [(b["verdict"], b["count"]) for b in cli["bursts"]]
got = []
for line in open(sys.argv[2]).read().splitlines()[1:]:
    f = line.split()
    got.append((f[1], int(f[2])))
if got != want:
    sys.exit(f"embed: {got}\ncli:   {want}")
exp = sys.argv[3] + ".expected.json"  # a bundle's truth sits beside it
if os.path.exists(exp) and json.load(open(exp)).get("bursts") and not got:
    sys.exit("no bursts found in an incident that has some (pattern packs not found?)")
PY
  fi
}

# --- CMake consumers ------------------------------------------------------------
for variant in shared static; do
  static=OFF
  [[ $variant == static ]] && static=ON
  echo "== find_package build ($variant)"
  cmake -S "$SRC/samples/embed" -B "$tmp/embed-$variant" -DCMAKE_PREFIX_PATH="$prefix" \
    -DCMAKE_CXX_COMPILER="$CXX" -DCMAKE_CXX_FLAGS="$EXTRA" -DEMBED_STATIC=$static \
    >"$tmp/cfg-$variant.log" 2>&1 || { cat "$tmp/cfg-$variant.log" >&2; fail "configure ($variant)"; }
  cmake --build "$tmp/embed-$variant" >"$tmp/build-$variant.log" 2>&1 ||
    { cat "$tmp/build-$variant.log" >&2; fail "build ($variant)"; }
  run_embed "cmake-$variant" "$tmp/embed-$variant/embed"
done
# The shared build really uses the installed shared library.
readelf -d "$tmp/embed-shared/embed" | grep -q 'NEEDED.*\[liblogcorr.so.0.2\]' ||
  fail "cmake-shared: embed does not load liblogcorr.so.0.2"
readelf -d "$tmp/embed-static/embed" | grep -q 'NEEDED.*liblogcorr' &&
  fail "cmake-static: embed loads liblogcorr.so"

# --- pkg-config consumers -------------------------------------------------------
export PKG_CONFIG_PATH=$libdir/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}
patterndir=$(pkg-config --variable=patterndir logcorr)
[[ -d $patterndir ]] || fail "pkg-config patterndir '$patterndir' is not a directory"
def=-DLOGCORR_EMBED_PATTERN_DIR=\"$patterndir\"
echo "== pkg-config build (shared): $CXX -std=c++20 main.cpp \$(pkg-config --cflags --libs logcorr)"
# shellcheck disable=SC2046,SC2086
"$CXX" -std=c++20 $EXTRA "$def" "$SRC/samples/embed/main.cpp" $(pkg-config --cflags --libs logcorr) \
  -Wl,-rpath,"$libdir" -o "$tmp/embed-pc" || fail "pkg-config build (shared)"
run_embed pc-shared "$tmp/embed-pc"
# Static: the archive by path, plus what `--static` says it needs (the
# Requires.private / Libs.private lines).
static_libs=$(pkg-config --static --libs logcorr | sed 's/\(^\| \)-llogcorr\( \|$\)/ /')
echo "== pkg-config build (static): ... liblogcorr.a $static_libs"
# shellcheck disable=SC2046,SC2086
"$CXX" -std=c++20 $EXTRA "$def" "$SRC/samples/embed/main.cpp" $(pkg-config --cflags logcorr) \
  "$libdir/liblogcorr.a" $static_libs -o "$tmp/embed-pc-static" || fail "pkg-config build (static)"
run_embed pc-static "$tmp/embed-pc-static"

# --- the README's example ------------------------------------------------------
# The ```cpp block of README "## Embedding" builds and links against the
# installed package as printed (so it cannot rot), with the packs of this
# prefix instead of /usr/local's.
awk '/^## Embedding/ { e = 1 } e && /^```cpp/ { c = 1; next } c && /^```/ { exit } c' \
  "$SRC/README.md" | sed "s|/usr/local/share/logcorr/patterns|$patterndir|" >"$tmp/readme_example.cpp"
if [[ -s $tmp/readme_example.cpp ]]; then
  echo "== README example"
  # shellcheck disable=SC2046,SC2086
  "$CXX" -std=c++20 -Wall -Wextra -Wpedantic -Werror $EXTRA "$tmp/readme_example.cpp" \
    $(pkg-config --cflags --libs logcorr) -Wl,-rpath,"$libdir" -o "$tmp/readme_example" ||
    fail "README \"Embedding\" example does not build"
  "$tmp/readme_example" "$incident" >"$tmp/readme.out" || fail "README example: exit $?"
  cat "$tmp/readme.out"
else
  fail "README.md has no \"## Embedding\" C++ example"
fi

echo "PASS"
