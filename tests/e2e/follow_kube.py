"""follow on the Kubernetes bundles: the pods' logs (`kubectl logs -f
--timestamps` files, the nodes' CRI files) tailed from their start, the
cluster's records piped into stdin as an operator would (`kubectl describe
pod … | logcorr follow - …`, `kubectl get events -o json | …`). The verdicts
must be the ones `analyze --json` gives on the bundle.

usage: follow_kube.py LOGCORR SAMPLES_DIR"""
import json
import os
import signal
import subprocess
import sys
import time

exe, samples = sys.argv[1], sys.argv[2]
CASES = {"k8s-oom-killed": "describe-pod.txt", "k8s-node-drain": "events.json"}
fails = []
for bundle, stdin_doc in CASES.items():
    d = os.path.join(samples, bundle)
    exp = json.load(open(os.path.join(samples, bundle + ".expected.json")))
    args = exp.get("args", [])
    want = json.loads(subprocess.run([exe, "analyze", "--json", "--quiet", *args, d],
                                     capture_output=True, check=True).stdout)["bursts"]
    logs = []
    for root, _, names in os.walk(d):
        for n in sorted(names):
            if n not in CASES.values():
                logs.append(os.path.join(root, n))
    cmd = [exe, "follow", "--json", "--from-start", "--idle-timeout", "1", *args, "-"]
    for p in logs:
        if p.endswith(".gz"):
            continue  # a rotated, compressed member is history, not a file being written
        cmd += ["--tail", p]
    with open(os.path.join(d, stdin_doc), "rb") as doc:
        proc = subprocess.Popen(cmd, stdin=doc, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 60
        decided = []
        os.set_blocking(proc.stdout.fileno(), False)
        buf = b""
        while time.monotonic() < deadline and len(decided) < len(want):
            chunk = proc.stdout.read() or b""
            buf += chunk
            *lines, buf = buf.split(b"\n")
            for line in lines:
                a = json.loads(line)
                if a["alert"] == "decided":
                    decided.append(a["burst"])
            time.sleep(0.1)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=20)

    def key(b):
        return (b["start"], b["end"], b["count"], b["verdict"], b["brokers"],
                [c["summary"] for c in b["causes"]][:1])

    got = [key(b) for b in decided]
    exp_keys = [key(b) for b in want]
    if got != exp_keys:
        fails.append(f"{bundle}: follow and analyze differ\n  follow:  {got}\n  analyze: {exp_keys}\n"
                     f"{err.decode()[-1500:]}")
    elif [b["verdict"] for b in want] != [b["verdict"] for b in exp["bursts"]]:
        fails.append(f"{bundle}: analyze gives {[b['verdict'] for b in want]}")
if fails:
    print("FAIL " + "\n".join(fails))
    sys.exit(1)
print("ok: " + ", ".join(CASES) + ": follow decides what analyze does")
