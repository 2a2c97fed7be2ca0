#!/usr/bin/env bash
# make.sh - build a real systemd journal file for host broker-2 (kafka.service OOM-killed at the
# Europe/Berlin fall-back, 2026-10-25T01:00Z) and render it with the real journalctl into
# tests/data/journal/oom-<mode>[-berlin].txt, plus the truth oom-events.tsv; then check.
#
#   needs: python3 (>= 3.9), journalctl, /lib/systemd/systemd-journal-remote
#          (Debian: apt-get install systemd-journal-remote). Made with systemd 252 (Debian 12).
#   Byte-reproducible with the same systemd except: the cursor ids (s=, x= in __CURSOR and the
#   verbose headers; the journal file gets a new seqnum id each run) and the field order inside
#   json objects (hash order in journalctl 252).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=$(cd "$here/../../journal" && pwd)
export LC_ALL=C.UTF-8
JR=/lib/systemd/systemd-journal-remote
[ -x "$JR" ] || JR=/usr/lib/systemd/systemd-journal-remote
tmp=$(mktemp -d /tmp/journal-gen.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

MODES="short short-precise short-iso short-iso-precise short-full short-unix json export verbose"
TZ_MODES="short short-precise short-iso short-iso-precise short-full verbose"

python3 "$here/make-journal.py" "$tmp/broker-2.export" "$out/oom-events.tsv"
"$JR" --split-mode=none -o "$tmp/broker-2.journal" - < "$tmp/broker-2.export"
rm -f "$out"/oom-*.txt
for m in $MODES; do
  TZ=UTC journalctl --file="$tmp/broker-2.journal" -o "$m" > "$out/oom-$m.txt"
done
for m in $TZ_MODES; do
  TZ=Europe/Berlin journalctl --file="$tmp/broker-2.journal" -o "$m" > "$out/oom-$m-berlin.txt"
done
# mtime just after the last entry, for readers that take the year of `short` stamps from it
touch -d '2026-10-25 02:30:00 UTC' "$out"/oom-*.txt "$out/oom-events.tsv"
journalctl --version | head -1 >&2
python3 "$here/verify.py" "$out"
