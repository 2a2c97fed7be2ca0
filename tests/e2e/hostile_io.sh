#!/usr/bin/env bash
# Hostile input and output through the real CLI (issue 17): streams read once,
# failed writes are errors, control bytes never reach the terminal raw,
# numeric options are checked. Each case is a reproducer of the red-team round.
set -uo pipefail
EXE=$1 SRC=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"; kill $(jobs -p) 2>/dev/null' EXIT
fail() { echo "FAIL: $*"; exit 1; }
run() {  # run CMD...; sets out (stdout+stderr), rc; a signal death or a hang fails
  timeout 60 "$@" > "$tmp/run.out" 2>&1; rc=$?; out=$(tr -d "\000" < "$tmp/run.out")
  [[ $rc -lt 124 ]] || fail "$* died or hung (status $rc): $out"
}
bundle="$SRC/samples/rolling-restart"
client="$bundle/clients/orders-service.log"
records=$(wc -l < "$client")

# 3. a failed write to stdout is exit 2 and says so; a closed pipe stays quiet
if [[ -w /dev/full ]]; then
  for cmd in "analyze $bundle" "analyze --json $bundle" "events $bundle" "timeline $client" \
             "patterns list" "formats"; do
    # shellcheck disable=SC2086
    timeout 60 "$EXE" $cmd > /dev/full 2> "$tmp/err"; rc=$?
    [[ $rc -eq 2 ]] || fail "$cmd > /dev/full: status $rc, want 2"
    grep -q "logcorr: write error: No space left on device" "$tmp/err" ||
      fail "$cmd > /dev/full: no write error message: $(cat "$tmp/err")"
  done
fi
timeout 60 "$EXE" timeline -q "$SRC/samples/oom-kill" "$SRC/samples/rolling-restart" 2> "$tmp/err" | head -c 10 > /dev/null
st=("${PIPESTATUS[@]}")
[[ ${st[0]} -eq 0 ]] || fail "timeline | head: status ${st[0]}, want 0 (EPIPE is quiet)"
[[ ! -s $tmp/err ]] || fail "timeline | head: said something: $(cat "$tmp/err")"

# 2. streams are opened once: /dev/stdin on a pipe, a FIFO, process substitution
n=$(cat "$client" | "$EXE" timeline /dev/stdin 2>/dev/null | wc -l)
[[ $n -ge $records ]] || fail "timeline /dev/stdin on a pipe: $n lines of $records"
run bash -c "cat '$client' | '$EXE' analyze --since '30 min ago' /dev/stdin"
[[ $rc -eq 2 ]] || fail "relative --since with a pipe: status $rc, want 2 ($out)"
grep -q "read once only" <<<"$out" || fail "relative --since with a pipe: no reason given: $out"
mkfifo "$tmp/app.log.1"
cp "$client" "$tmp/app.log"
(cat "$client" > "$tmp/app.log.1") &
run "$EXE" analyze --json "$tmp/app.log" "$tmp/app.log.1"
[[ $rc -eq 0 ]] || fail "a FIFO beside its rotation sibling: status $rc: $out"
python3 - "$tmp/run.out" "$records" <<'PY' || fail "a FIFO beside a regular file: records lost: $out"
import json, sys
text = open(sys.argv[1]).read()
rep = json.loads(text[text.index("{"):])
got = sorted(i["records"] for i in rep["inputs"])
assert len(got) == 2 and got[0] == got[1] > 0, got
PY
# follow reads a FIFO named by path (it used to wait on it forever)
mkfifo "$tmp/live"
(sleep 0.5; cat "$client" > "$tmp/live") &
run "$EXE" follow --stats "$tmp/live"
grep -q "live: [1-9][0-9]* records" <<<"$out" || fail "follow FIFO: nothing read: $out"

# 10. control bytes from the logs are escaped on the terminal
evil="$tmp/evil"; mkdir -p "$evil"
printf '[2026-02-17 10:05:14,100] WARN [Producer clientId=\033]0;pwned\007] Connection to node 1 (broker-1/10.0.4.11:9092) could not be established. Broker may not be available. (org.apache.kafka.clients.NetworkClient)\n%.0s' 1 2 3 4 5 6 > "$evil/$(printf 'a\nFAKE: 99 bursts.log')"
for cmd in "analyze --color never" "timeline"; do
  # shellcheck disable=SC2086
  run "$EXE" $cmd "$evil"
  if grep -q $'\033' <<<"$out"; then fail "$cmd: a raw ESC reached the terminal: $(cat -v "$tmp/run.out")"; fi
  if grep -q $'\007' <<<"$out"; then fail "$cmd: a raw BEL reached the terminal"; fi
  if grep -q '^FAKE: 99 bursts' <<<"$out"; then fail "$cmd: a newline in a file name forged a line"; fi
done

# 11. numeric options are finite and in range
for opt in "--burst-gap nan" "--burst-gap inf" "--burst-gap 1e300" "--chronic-span 1e12" \
           "--chronic-span -5" "--client-idle nan" "--request-timeout -1" \
           "--min-burst 4294967295" "--year -5" "--year 0" "--year 99999"; do
  # shellcheck disable=SC2086
  run "$EXE" analyze $opt "$client"
  [[ $rc -eq 2 ]] || fail "analyze $opt: status $rc, want 2"
  grep -q "from .* to " <<<"$out" || fail "analyze $opt: the message does not give the range: $out"
done
run "$EXE" follow --lateness nan -
[[ $rc -eq 2 ]] || fail "follow --lateness nan: status $rc, want 2"

# 12. a literal the prefilter cannot find fails `patterns check` with file:line
mkdir -p "$tmp/packs"
cat > "$tmp/packs/short.toml" <<'TOML'
[pack]
name = "short"
layouts = ["any"]

[[pattern]]
id = "bang"
kind = "disconnect"
literals = ["!"]
regex = '''!'''
TOML
run "$EXE" patterns check "$tmp/packs"
[[ $rc -eq 2 ]] || fail "patterns check with a 1-byte literal: status $rc, want 2: $out"
grep -q "short.toml:8: error: .*shorter than 2 bytes" <<<"$out" || fail "no file:line for the short literal: $out"
echo "ok"
