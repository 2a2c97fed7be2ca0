#!/usr/bin/env bash
# `logcorr formats`: lists every layout name that --layout accepts, one line
# (or, with --json, one JSON object) per layout, and nothing --layout rejects.
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
done
# Every listed name is one --layout accepts, and a made-up one is rejected.
for name in $listed; do accepted "$name" || fail "formats lists $name, which --layout rejects"; done
accepted no-such-layout && fail "--layout accepts a made-up name"
echo "ok: $(wc -l < "$tmp/table") layouts"
