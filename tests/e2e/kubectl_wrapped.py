"""The issue-12 regression end to end: a bundle whose broker logs arrive as
`kubectl logs --timestamps` output (the kubelet's fixed nanosecond UTC stamp
and a space before every line, continuation lines included) gives the same
bursts, verdicts and brokers as the bundle itself. Before wrappers were
unwrapped, such a server.log was read as a `journalctl -o short-iso` journal:
host "2026-03-05", broker ids invented from dates, verdicts lost.

usage: kubectl_wrapped.py LOGCORR SAMPLES_DIR BUNDLE..."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

exe, samples, bundles = sys.argv[1], sys.argv[2], sys.argv[3:]
LOG4J = re.compile(r"^\[(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d),(\d{3})\]")


def analyze(path):
    p = subprocess.run([exe, "analyze", "--json", "--quiet", path], capture_output=True, check=True)
    r = json.loads(p.stdout)
    return r, [(b["start"], b["end"], b["count"], b["verdict"], b["brokers"]) for b in r["bursts"]]


def wrap(path):
    """Rewrites a server.log as kubectl logs --timestamps prints it: the
    runtime stamps a line when it is written (here: the log4j stamp plus
    0.123456 ms; continuation lines get their record's stamp)."""
    out, stamp = [], "1970-01-01T00:00:00.000000000Z"
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        for line in f:
            m = LOG4J.match(line)
            if m:
                stamp = f"{m.group(1)}T{m.group(2)}.{m.group(3)}123456Z"
            out.append(f"{stamp} {line}")
    with open(path, "w", encoding="utf-8", errors="surrogateescape") as f:
        f.writelines(out)


fails = []
for bundle in bundles:
    tmp = tempfile.mkdtemp(prefix="kubectl-wrapped-")
    try:
        dst = os.path.join(tmp, bundle)
        shutil.copytree(os.path.join(samples, bundle), dst)
        wrapped = 0
        for root, _, names in os.walk(dst):
            for n in names:
                if n.startswith("server.log"):
                    wrap(os.path.join(root, n))
                    wrapped += 1
        assert wrapped > 0, f"{bundle}: no server.log to wrap"
        _, want = analyze(os.path.join(samples, bundle))
        report, got = analyze(dst)
        if got != want:
            fails.append(f"{bundle}: bursts differ\n  wrapped: {got}\n  plain:   {want}")
        for inp in report["inputs"]:
            if inp["path"].endswith("server.log"):
                if inp.get("wrapper") != "kubectl" or inp["format"] != "log4j":
                    fails.append(f"{bundle}: {inp['path']} read as {inp['format']} "
                                 f"wrapper {inp.get('wrapper')}")
                if inp["host"] and re.match(r"^\d{4}-", inp["host"]):
                    fails.append(f"{bundle}: {inp['path']} got a date for a host: {inp['host']}")
    finally:
        shutil.rmtree(tmp)
if fails:
    print("FAIL " + "\n".join(fails))
    sys.exit(1)
print(f"ok: {', '.join(bundles)} read alike through kubectl --timestamps")
