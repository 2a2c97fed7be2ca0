#!/usr/bin/env bash
# Bad input through the real CLI: every case gives a clear message naming the
# file (and line or byte offset), never a crash or a hang, and the exit status
# says whether something was skipped. Run in the sanitizer build too.
set -uo pipefail
EXE=$1 SRC=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
run() {  # run CMD...; sets out, rc; a signal death (rc > 128) is a failure
  timeout 60 "$@" > "$tmp/run.out" 2>&1; rc=$?; out=$(tr -d "\000" < "$tmp/run.out")
  [[ $rc -lt 124 ]] || fail "$* died or hung (status $rc): $out"
}
good="$SRC/samples/rolling-restart/broker-1/server.log"

# binary garbage
head -c 200000 /dev/urandom > "$tmp/garbage.bin"
run "$EXE" timeline "$tmp/garbage.bin"; [[ $rc -eq 0 ]] || fail "garbage: status $rc"
run "$EXE" analyze "$tmp/garbage.bin" "$good"; [[ $rc -eq 0 ]] || fail "garbage analyze: status $rc"

# a truncated archive: every record before the damage, an error with the byte offset
gzip -c "$good" > "$tmp/server.log.gz"
full=$(wc -l < "$good")
head -c $(( $(stat -c %s "$tmp/server.log.gz") / 2 )) "$tmp/server.log.gz" > "$tmp/cut.log.gz"
run "$EXE" timeline "$tmp/cut.log.gz" "$good"
[[ $rc -eq 2 ]] || fail "truncated gz: status $rc, want 2"
grep -q "cut.log.gz: byte [0-9]*: error: .*" <<<"$out" || fail "truncated gz: no 'file: byte N: error' message in: $out"
n=$("$EXE" timeline --json "$tmp/cut.log.gz" 2>/dev/null | grep -c "\"input\":\"[^\"]*cut.log\"" || true)
[[ $n -gt 0 && $n -lt $full ]] || fail "truncated gz: $n records before the damage (file has $full lines)"

# corrupt zstd
if command -v zstd >/dev/null; then
  zstd -q -c "$good" > "$tmp/s.zst"
  printf 'garbage' | dd of="$tmp/s.zst" bs=1 seek=200 conv=notrunc 2>/dev/null
  run "$EXE" timeline "$tmp/s.zst"; [[ $rc -eq 2 ]] || fail "corrupt zst: status $rc"
  grep -q "s.zst: byte [0-9]*:" <<<"$out" || fail "corrupt zst: no offset in: $out"
fi

# a line of several megabytes, NUL bytes and invalid UTF-8
{ printf '[2026-02-17 10:00:00,000] INFO start (x)\n'
  printf '[2026-02-17 10:00:01,000] WARN '; head -c 5000000 /dev/zero | tr '\0' 'x'; printf '\n'
  printf '[2026-02-17 10:00:02,000] INFO nul \0 byte and latin-1 \xfc\xfe\n'
  printf '[2026-02-17 10:00:03,000] INFO end (x)\n'; } > "$tmp/long.log"
run "$EXE" timeline --json "$tmp/long.log"; [[ $rc -eq 0 ]] || fail "long line: status $rc"
[[ $(grep -c '"time"' <<<"$out") -eq 4 ]] || fail "long line: want 4 records"
python3 -c 'import json,sys; [json.loads(l) for l in sys.stdin if l.startswith("{")]' <<<"$out" ||
  fail "long line: --json output is not valid JSON"

# timestamps out of order stay in file order within the input
printf '[2026-02-17 10:00:05,000] INFO b\n[2026-02-17 10:00:01,000] INFO a\n' > "$tmp/disorder.log"
run "$EXE" timeline "$tmp/disorder.log"
[[ $(head -1 <<<"$out") == *"INFO b"* ]] || fail "disorder: file order not kept: $out"

# missing and unreadable inputs: named, the rest still read, status 2
run "$EXE" timeline "$tmp/does-not-exist.log" "$good"
[[ $rc -eq 2 ]] || fail "missing file: status $rc"
grep -q "does-not-exist.log.*No such file" <<<"$out" || fail "missing file: not named: $(head -3 <<<"$out")"
grep -q "KafkaServer" <<<"$out" || fail "missing file: the other input was not read"

# a broken pattern file
mkdir -p "$tmp/packs"; printf '[pack\nname = "x"\n' > "$tmp/packs/bad.toml"
run "$EXE" analyze --patterns "$tmp/packs" "$good"
[[ $rc -eq 2 ]] || fail "broken pack: status $rc"
grep -q "bad.toml:[0-9]*:" <<<"$out" || fail "broken pack: no file:line: $out"

# events NDJSON that is not ours
printf '{"v":99,"type":"event"}\n{"v":1,"type":"event","kind":"nope"}\n' > "$tmp/events.ndjson"
run "$EXE" analyze "$tmp/events.ndjson"; [[ $rc -eq 2 ]] || fail "bad events: status $rc"
grep -q "events.ndjson:1:.*newer" <<<"$out" || fail "bad events: no line-numbered message: $out"

# usage errors
run "$EXE" analyze --tz Mars/Olympus "$good"; [[ $rc -eq 2 ]] || fail "bad --tz: status $rc"
run "$EXE" timeline --since yesterday-ish "$good"; [[ $rc -eq 2 ]] || fail "bad --since: status $rc"
run "$EXE" frobnicate; [[ $rc -eq 2 ]] || fail "unknown command: status $rc"
echo ok
