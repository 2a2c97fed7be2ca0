#!/usr/bin/env bash
# One big file (above the 64 MiB split threshold) read in parallel chunks
# gives byte for byte the findings and events of reading it on one thread:
# stack traces, quiet minutes and error bursts lie across the chunk seams.
set -euo pipefail
EXE=$1
# shellcheck source=tests/e2e/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
command -v python3 >/dev/null || skip "python3 not found"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$TMP/clients"
python3 - "$TMP/clients/orders.log" <<'PY'
import random, sys, datetime
random.seed(11)
t = datetime.datetime(2026, 7, 1, 8, 0, 0)
out, size, i = [], 0, 0
while size < 70 * 1024 * 1024:
    i += 1
    r = random.random()
    t += datetime.timedelta(seconds=random.uniform(25, 70)) if r < 0.00002 else \
         datetime.timedelta(milliseconds=random.randint(0, 3))
    s = "[%s,%03d] " % (t.strftime("%Y-%m-%d %H:%M:%S"), t.microsecond // 1000)
    if r < 0.00015:
        s += ("ERROR [Producer clientId=orders] send failed\n"
              "org.apache.kafka.common.errors.NetworkException: The server disconnected "
              "before a response was received.\n" +
              "".join("\tat org.example.Frame%d.call(Frame.java:%d)\n" % (k, k)
                      for k in range(random.randint(2, 40))))
    else:
        s += "INFO [Producer clientId=orders] Sent batch %d to node %d (org.apache.kafka.clients.producer.internals.Sender)\n" % (i, i % 3)
    out.append(s)
    size += len(s)
    if len(out) > 20000:
        sys.stdout.flush()
        open(sys.argv[1], "a").write("".join(out))
        out = []
open(sys.argv[1], "a").write("".join(out))
PY
for cmd in analyze events; do
  extra=(); [[ $cmd == analyze ]] && extra=(--json)
  "$EXE" $cmd "${extra[@]}" --quiet --threads 1 "$TMP/clients" > "$TMP/one.$cmd"
  for t in 2 4; do
    "$EXE" $cmd "${extra[@]}" --quiet --threads $t "$TMP/clients" > "$TMP/many.$cmd"
    if ! cmp -s "$TMP/one.$cmd" "$TMP/many.$cmd"; then
      echo "FAIL: $cmd differs between 1 and $t threads"; exit 1
    fi
  done
done
# Not vacuous: the file has findings, from records all through it.
grep -q '"network_exception"' "$TMP/one.analyze" || { echo "FAIL: no symptoms found"; exit 1; }
last=$(grep -o '"line":[0-9]*' "$TMP/one.events" | tail -1 | cut -d: -f2)
[[ ${last:-0} -gt 100000 ]] || { echo "FAIL: no events late in the file (last line $last)"; exit 1; }
echo ok
