"""Runs `logcorr analyze --json` on every samples/<bundle> and compares the
bursts with <bundle>.expected.json: same number of bursts, and for each
expected burst a reported one that overlaps it in time (with a tolerance of
the burst gap), with the same verdict and the same brokers. With --via-events
the bundle goes through `logcorr events` first and `analyze` reads the NDJSON;
the result must then be identical to analysing the logs directly."""
import json
import os
import subprocess
import sys
import tempfile
from datetime import datetime, timezone

exe, samples = sys.argv[1], sys.argv[2]
via_events = "--via-events" in sys.argv
TOL = 30.0  # seconds


def ts(s):
    s = s.rstrip("Z")
    base, _, frac = s.partition(".")
    t = datetime.strptime(base, "%Y-%m-%dT%H:%M:%S").replace(tzinfo=timezone.utc).timestamp()
    return t + (float("0." + frac) if frac else 0.0)


def run(args, cwd):
    p = subprocess.run([exe] + args, capture_output=True, cwd=cwd)
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(args)}: exit {p.returncode}\n{p.stderr.decode(errors='replace')[:2000]}")
    return p.stdout


failures = 0
bundles = sorted(f[: -len(".expected.json")] for f in os.listdir(samples) if f.endswith(".expected.json"))
if not bundles:
    print("no bundles found")
    sys.exit(1)
skipped = 0
for name in bundles:
    exp = json.load(open(os.path.join(samples, name + ".expected.json")))
    if exp.get("pending"):  # a bundle the analyzer cannot read yet (see samples/README.md)
        print(f"skip {name}: pending: {exp['pending']}")
        skipped += 1
        continue
    args = ["analyze", "--json", "--quiet"] + [a if not a.startswith("broker-") else os.path.join(name, a) for a in exp.get("args", [])]
    try:
        got = json.loads(run(args + [name], samples))
        if via_events:
            with tempfile.NamedTemporaryFile(suffix=".ndjson", delete=False) as f:
                f.write(run(["events", "--quiet"] + args[3:] + [name], samples))
                path = f.name
            got2 = json.loads(run(["analyze", "--json", "--quiet", path], samples))
            os.unlink(path)
            strip = lambda r: [{k: v for k, v in b.items()} for b in r["bursts"]]
            if strip(got) != strip(got2):
                print(f"FAIL {name}: analyze via events differs from analyze on the logs")
                for a, b in zip(got["bursts"], got2["bursts"]):
                    if a != b:
                        print("  logs  :", json.dumps(a)[:600])
                        print("  events:", json.dumps(b)[:600])
                        break
                failures += 1
                continue
    except Exception as e:  # noqa: BLE001
        print(f"FAIL {name}: {e}")
        failures += 1
        continue
    bursts = got["bursts"]
    problems = []
    if len(bursts) != len(exp["bursts"]):
        problems.append(f"{len(bursts)} bursts, expected {len(exp['bursts'])}: got " +
                        ", ".join(f"{b['start']} {b['verdict']} {b['brokers']}" for b in bursts))
    for e in exp["bursts"]:
        es, ee = ts(e["start"]), ts(e["end"])
        match = [b for b in bursts if ts(b["start"]) <= ee + TOL and ts(b["end"]) >= es - TOL]
        if not match:
            problems.append(f"expected burst {e['start']} {e['verdict']}: not found")
            continue
        b = match[0]
        if b["verdict"] != e["verdict"]:
            problems.append(f"burst {e['start']}: verdict {b['verdict']}, expected {e['verdict']}")
        if sorted(b["brokers"]) != sorted(e["brokers"]):
            problems.append(f"burst {e['start']}: brokers {b['brokers']}, expected {e['brokers']}")
        # Every client the truth names is listed, by its client.id or as the
        # handle librdkafka makes of it ("pricing-feed#producer-1").
        def listed(cid):
            return any(c == cid or c.startswith(cid + "#") for c in b.get("clients", []))
        missing = [cid for cid in e.get("clients", []) if not listed(cid)]
        if missing:
            problems.append(f"burst {e['start']}: clients {b.get('clients')} lack {missing}")
        if e.get("advice_has") and not any(e["advice_has"] in a for a in b.get("advice", [])):
            problems.append(f"burst {e['start']}: no advice says {e['advice_has']!r}: {b.get('advice')}")
        if e.get("cause") and e["cause"]["broker"] is None:
            # the network path: the top cause must exist and name no broker, not even by host
            if not b["causes"]:
                problems.append(f"burst {e['start']}: no cause, expected one that names no broker")
            elif b["causes"][0]["broker"] is not None or b["causes"][0].get("host"):
                c = b["causes"][0]
                problems.append(f"burst {e['start']}: top cause names broker {c['broker']} / host {c.get('host')}, expected none")
        elif e.get("cause") and b["causes"]:
            c = b["causes"][0]
            if c["broker"] != e["cause"]["broker"]:
                problems.append(f"burst {e['start']}: top cause on broker {c['broker']}, expected {e['cause']['broker']}")
    if problems:
        failures += 1
        print(f"FAIL {name}:")
        for p in problems:
            print("   ", p)
    else:
        print(f"ok   {name}: {len(bursts)} burst(s), " + ", ".join(sorted(set(b['verdict'] for b in bursts))))
print(f"{len(bundles) - failures - skipped} passed, {failures} failed, {skipped} pending")
sys.exit(1 if failures else 0)
