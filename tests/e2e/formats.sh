#!/usr/bin/env bash
# `logcorr formats`: lists every layout name that --layout accepts, one line
# (or, with --json, one JSON object; with --markdown, one table row) per
# layout, and nothing --layout rejects.
set -uo pipefail
EXE=$1
fail() { echo "FAIL: $*"; exit 1; }

tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
printf 'hello\n' > "$tmp/in.log"

"$EXE" formats > "$tmp/table" || fail "logcorr formats failed"
"$EXE" formats --json > "$tmp/json" || fail "logcorr formats --json failed"
listed=$(awk '{print $1}' "$tmp/table")
[ -n "$listed" ] || fail "empty table"
[ "$(wc -l < "$tmp/table")" = "$(wc -l < "$tmp/json")" ] || fail "table and --json disagree on the count"
"$EXE" formats --markdown > "$tmp/md" || fail "logcorr formats --markdown failed"
[ "$(grep -c '^| `' "$tmp/md")" = "$(wc -l < "$tmp/table")" ] || fail "table and --markdown disagree on the count"
# Every row has the header's 5 cells: no unescaped | inside a cell.
bad=$(sed 's/\\|//g' "$tmp/md" | awk -F'|' 'NF != 7' | head -3)
[ -z "$bad" ] || fail "markdown rows without 5 cells: $bad"
"$EXE" formats --json --markdown >/dev/null 2>&1 && fail "--json and --markdown together accepted"

accepted() {
  local err
  err=$("$EXE" events --layout "$1" "$tmp/in.log" 2>&1 >/dev/null)
  ! grep -q 'unknown layout' <<<"$err"
}

# The names --layout accepts (format.hpp's Layout, as journalctl and the docs name them).
for name in log4j logback iso8601 time-only json-app librdkafka \
    journal-short journal-short-precise journal-short-full journal-short-iso \
    journal-short-iso-precise journal-short-unix journal-short-monotonic journal-short-delta \
    journal-with-unit journal-verbose journal-export journal-json journal-json-pretty \
    journal-json-seq journal-json-sse journal-cat syslog dmesg dmesg-human gc-unified gc-legacy plain; do
  accepted "$name" || fail "--layout $name rejected"
  grep -qx "$name" <<<"$listed" || fail "formats does not list $name"
  grep -q "^{\"name\":\"$name\"," "$tmp/json" || fail "formats --json has no object for $name"
  grep -q "^| \`$name\` |" "$tmp/md" || fail "formats --markdown has no row for $name"
done
# Every listed name is one --layout accepts, and a made-up one is rejected.
for name in $listed; do accepted "$name" || fail "formats lists $name, which --layout rejects"; done
accepted no-such-layout && fail "--layout accepts a made-up name"
echo "ok: $(wc -l < "$tmp/table") layouts"
