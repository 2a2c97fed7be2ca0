#!/usr/bin/env bash
# Kubernetes documents (tests/data/kube/, kube.hpp) through the real binary:
# `logcorr events` gives the expected kinds per document, ages need --now
# (or a file's mtime; stdin without --now keeps them timeless, with a note),
# a document that does not parse is a file:line error with the rest kept,
# and the events read back through `logcorr events -`.
set -uo pipefail
EXE=$1 SRC=$2
fail() { echo "FAIL: $*"; exit 1; }
D=$SRC/tests/data/kube
NOW=--now=2024-09-28T01:10:00Z
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

kinds() { python3 -c '
import json, sys
out = []
for line in sys.stdin:
    o = json.loads(line)
    if o["type"] == "event":
        out.append(o["kind"] + ("@" + o["time"] if o["time"] else "@-"))
print(" ".join(out))'; }

expect() {  # FILE EXPECTED-KINDS
  local got
  got=$("$EXE" events -q "$NOW" "$D/$1" | kinds) || fail "$1: logcorr events failed"
  [ "$got" = "$2" ] || fail "$1: got [$got], want [$2]"
}

expect describe-pod-strimzi.txt "container_terminated@2024-09-28T00:59:31Z broker_start@2024-09-28T01:04:34Z pod_killed@2024-09-28T00:56:00Z pod_killed@2024-09-28T01:01:00Z broker_start@2024-09-28T01:04:24Z"
expect pods.json "container_terminated@2024-09-28T00:59:31Z broker_start@2024-09-28T01:04:34Z container_terminated@2024-09-28T01:02:10Z"
expect pod.yaml "container_terminated@2024-09-28T00:59:31Z broker_start@2024-09-28T01:04:34Z"
expect events-watch.json "pod_killed@2024-09-28T00:55:58Z pod_evicted@2024-09-28T01:03:40Z"
expect events-k8s-io.yaml "pod_killed@2024-09-28T00:55:58Z pod_evicted@2024-09-28T01:04:10.118320Z"
expect events-table-wide.txt "pod_killed@2024-09-28T00:56:00Z pod_killed@2024-09-28T01:01:00Z"
expect events-table.txt "pod_killed@2024-09-28T00:56:00Z pod_killed@2024-09-28T01:01:00Z pod_evicted@2024-09-28T01:03:40Z oom_kill@2024-09-28T01:03:11Z pod_killed@-"

# stdin, no --now: the ages give no time, and a note says how to get one.
got=$("$EXE" events - < "$D/events-table.txt" 2> "$tmp/err" | kinds)
[ "$got" = "pod_killed@- pod_killed@- pod_evicted@- oom_kill@- pod_killed@-" ] || fail "stdin without --now: got [$got]"
grep -q -- '-:3: note: .*give --now' "$tmp/err" || fail "no note about --now: $(cat "$tmp/err")"

# The file's mtime is the reference when --now is absent, and the note says so.
cp "$D/events-table.txt" "$tmp/t.txt"
touch -d 2024-09-28T01:10:00Z "$tmp/t.txt"
got=$("$EXE" events "$tmp/t.txt" 2> "$tmp/err" | kinds)
case $got in pod_killed@2024-09-28T00:56:00Z*) ;; *) fail "mtime reference: got [$got]" ;; esac
grep -q "mtime" "$tmp/err" || fail "no note naming the mtime: $(cat "$tmp/err")"

# JSON that does not parse: file:line error, exit 2, the item before kept.
got=$("$EXE" events "$D/events-bad.json" 2> "$tmp/err" | kinds); rc=$?
grep -q "events-bad.json:37: error: not JSON" "$tmp/err" || fail "no file:line error: $(cat "$tmp/err")"
[ "$got" = "pod_killed@2024-09-28T00:55:58Z" ] || fail "events-bad.json: got [$got]"

# A cut-off describe: warnings with lines, nothing invented.
"$EXE" events "$NOW" "$D/describe-pod-cut.txt" > "$tmp/cut" 2> "$tmp/err"
grep -q "describe-pod-cut.txt:32: warning: .*no Finished" "$tmp/err" || fail "cut describe: $(cat "$tmp/err")"
got=$(kinds < "$tmp/cut")
[ "$got" = "container_terminated@- broker_start@2024-09-28T01:04:34Z" ] || fail "cut describe: got [$got]"

# Round trip through the events NDJSON.
"$EXE" events -q "$NOW" "$D/pods.json" "$D/events-watch.json" > "$tmp/ev.ndjson" || fail "events"
a=$(kinds < "$tmp/ev.ndjson")
b=$("$EXE" events -q - < "$tmp/ev.ndjson" | kinds)
[ "$a" = "$b" ] || fail "round trip: [$a] vs [$b]"

# A bad --now is refused.
"$EXE" events --now yesterday-ish "$D/pods.json" > /dev/null 2> "$tmp/err" && fail "--now yesterday-ish accepted"
grep -q -- "--now yesterday-ish: not a time" "$tmp/err" || fail "bad --now: $(cat "$tmp/err")"
echo "OK"
