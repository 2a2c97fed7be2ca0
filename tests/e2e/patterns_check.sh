#!/usr/bin/env bash
# `logcorr patterns check`: the built-in packs pass; broken packs fail with
# file:line messages and exit 2.
set -uo pipefail
EXE=$1
fail() { echo "FAIL: $*"; exit 1; }
"$EXE" patterns check >/dev/null || fail "built-in packs do not pass their own samples"

# `patterns list --markdown`: one row of 3 cells per pack, each naming its kinds.
packs=$("$EXE" patterns list | grep -c '^[^ ]')
md=$("$EXE" patterns list --markdown) || fail "patterns list --markdown failed"
[ "$(grep -c '^| `' <<<"$md")" = "$packs" ] || fail "list and --markdown disagree on the pack count"
bad=$(sed 's/\\|//g' <<<"$md" | awk -F'|' 'NF != 5' | head -3)
[ -z "$bad" ] || fail "markdown rows without 3 cells: $bad"
grep -q '^| `sarama` | .* | .*`connect_failed`' <<<"$md" || fail "no sarama row yielding connect_failed"

tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/syntax.toml" <<'TOML'
[pack]
name = "broken-syntax"
[[pattern]
id = "x"
TOML
cat > "$tmp/semantic.toml" <<'TOML'
[pack]
name = "broken-semantic"
layouts = ["log4j"]

[[pattern]]
id = "unknown-kind"
kind = "network_explosion"
literals = ["NetworkException"]
regex = '''NetworkException'''

[[pattern]]
id = "bad-regex"
kind = "disconnect"
literals = ["Node"]
regex = '''Node (?P<node>\d+ disconnected'''

[[pattern]]
id = "sample-fails"
kind = "disconnect"
literals = ["disconnected"]
regex = '''Node (?P<node>\d+) disconnected'''
  [[pattern.sample]]
  text = '''[Producer clientId=p] Node 4 disconnected.'''
  fields = { node = "5" }
TOML
out=$("$EXE" patterns check "$tmp" 2>&1); rc=$?
echo "$out"
[[ $rc -eq 2 ]] || fail "exit $rc, want 2"
grep -q "syntax.toml:[0-9]*:" <<<"$out" || fail "no file:line for the TOML syntax error"
grep -q "semantic.toml:7:.*network_explosion" <<<"$out" || fail "no file:line for the unknown kind"
grep -q "semantic.toml:[0-9]*:.*bad-regex\|semantic.toml:1[0-9]:.*missing )" <<<"$out" || fail "no file:line for the RE2 error"
grep -q "semantic.toml:2[0-9]:" <<<"$out" || fail "no file:line for the failing sample"
echo "ok"
