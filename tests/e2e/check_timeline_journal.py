"""Checks `logcorr timeline --json` on every journal rendering against events.tsv.

The expected time per mode follows ../shared/corpus/journal/README.md: the
displayed realtime (source realtime if present, else realtime), truncated to
whole seconds for the whole-second modes; monotonic modes are anchored at
boot; json/export modes use the displayed realtime too.
"""
import json
import os
import subprocess
import sys
from datetime import datetime, timezone

exe, jdir = sys.argv[1], sys.argv[2]
rows = []
with open(os.path.join(jdir, "events.tsv"), encoding="utf-8") as f:
    header = f.readline().rstrip("\n").split("\t")
    for line in f:
        rows.append(dict(zip(header, line.rstrip("\n").split("\t"))))
assert len(rows) == 163, len(rows)

BOOT_US = None
for r in rows:
    if r["monotonic_usec"]:
        BOOT_US = int(r["realtime_usec"]) - int(r["monotonic_usec"])
        break

WHOLE = {"short", "short-full", "short-iso", "with-unit"}
MICRO = {"short-precise", "short-iso-precise", "short-unix", "verbose", "json", "json-pretty",
         "json-seq", "json-sse", "export"}
MONO = {"short-monotonic", "short-delta"}
ZONES = {"": "UTC", "-berlin": "Europe/Berlin", "-sydney": "Australia/Sydney"}


def iso_to_us(s):
    # "2026-03-29T00:59:59.999712Z" -> µs since epoch
    base, _, frac = s.rstrip("Z").partition(".")
    dt = datetime.strptime(base, "%Y-%m-%dT%H:%M:%S").replace(tzinfo=timezone.utc)
    us = int(dt.timestamp()) * 1_000_000
    if frac:
        us += int((frac + "000000")[:6])
    return us


failures = 0
checked = 0
for name in sorted(os.listdir(jdir)):
    if not name.startswith("journal-") or not name.endswith(".txt"):
        continue
    stem = name[len("journal-"):-len(".txt")]
    suffix = ""
    for s in ("-berlin", "-sydney"):
        if stem.endswith(s):
            suffix, stem = s, stem[: -len(s)]
    mode = stem
    if mode == "cat":
        continue
    args = [exe, "timeline", "--json", "--tz", ZONES[suffix], "--year", "2026"]
    if mode in MONO:
        args += ["--boot", datetime.fromtimestamp(BOOT_US / 1e6, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")]
    args.append(os.path.join(jdir, name))
    p = subprocess.run(args, capture_output=True)
    if p.returncode not in (0,):
        print(f"FAIL {name}: exit {p.returncode}: {p.stderr.decode(errors='replace')[:500]}")
        failures += 1
        continue
    recs = [json.loads(l) for l in p.stdout.decode().splitlines() if l.strip()]
    if len(recs) != 163:
        print(f"FAIL {name}: {len(recs)} records, want 163")
        failures += 1
        continue
    # Records come out merged in time order; one input keeps file order.
    bad = 0
    for rec, row in zip(recs, rows):
        shown = int(row["source_realtime_usec"] or row["realtime_usec"])
        if mode in WHOLE:
            want = shown // 1_000_000 * 1_000_000
        elif mode in MONO:
            want = BOOT_US + int(row["source_monotonic_usec"] or row["monotonic_usec"])
        else:
            want = shown
        got = iso_to_us(rec["time"]) if rec["time"] else None
        if got != want:
            bad += 1
            if bad <= 3:
                print(f"FAIL {name} seq {row['seq']}: got {rec['time']} want {want}")
    if bad:
        failures += 1
    checked += 1
print(f"{checked} renderings checked, {failures} failed")
sys.exit(1 if failures else 0)
