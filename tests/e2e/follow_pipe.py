"""Live mode end to end: the lines of a sample bundle are written slowly, in
time order, as they were logged: the brokers' journals into the stdin of
`logcorr follow -` (like one `journalctl -f` for the cluster), every other
log appended to its own file that follow tails. The first verdict must arrive
before the writer is done, and the verdicts must equal `analyze --json` on
the same bundle.

usage: follow_pipe.py LOGCORR SAMPLES_DIR [BUNDLE]"""
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time

exe, samples = sys.argv[1], sys.argv[2]
bundle = sys.argv[3] if len(sys.argv) > 3 else "rolling-restart"


def run(args, cwd):
    p = subprocess.run([exe] + args, capture_output=True, cwd=cwd, check=True)
    return p.stdout.decode()


records = [json.loads(l) for l in run(["timeline", "--json", "--quiet", bundle], samples).splitlines()]
expected = json.loads(run(["analyze", "--json", "--quiet", bundle], samples))["bursts"]
assert expected, "the bundle must have bursts"

tmp = tempfile.mkdtemp(prefix="follow-pipe-")
files = {}
for r in records:
    inp = r["input"]
    if "journal" in inp or inp in files:
        continue
    path = os.path.join(tmp, inp)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    open(path, "w").close()  # exists and is empty before follow starts: tailed from its end
    files[inp] = path

# --from-start: the files are empty when follow starts, so this reads what
# tail -F would; without it, a follow that opens its tails late on a loaded
# machine starts at their end and misses the first lines written (the record
# count below then fails for a race of the test, not of follow).
cmd = [exe, "follow", "--json", "--stats", "--from-start", "-"] + sum(
    (["--tail", p] for p in files.values()), [])
proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
alerts = []  # (arrival time, object)


def reader():
    for line in proc.stdout:
        alerts.append((time.monotonic(), json.loads(line)))


th = threading.Thread(target=reader)
th.start()
time.sleep(0.5)  # let follow open its tails (they start at the end: empty)

handles = {inp: open(p, "a") for inp, p in files.items()}
tail_len = 30  # the last records come after a pause, as a live stream would
for i, r in enumerate(records):
    if i == len(records) - tail_len:
        time.sleep(1.5)
    text = r["text"] + "\n"
    if "journal" in r["input"]:
        proc.stdin.write(text.encode())
        proc.stdin.flush()
    else:
        h = handles[r["input"]]
        h.write(text)
        h.flush()
    if i % 20 == 0:
        time.sleep(0.002)
writer_done = time.monotonic()
for h in handles.values():
    h.close()
proc.stdin.close()  # journalctl exits: stdin ends, the tails go on

deadline = time.monotonic() + 30
while time.monotonic() < deadline:
    if sum(1 for _, a in alerts if a["alert"] == "decided") >= len(expected):
        break
    time.sleep(0.1)
time.sleep(0.5)
if proc.poll() is not None:
    print(f"FAIL follow exited early with {proc.returncode}: {proc.stderr.read().decode()[:2000]}")
    sys.exit(1)
proc.send_signal(signal.SIGINT)
rc = proc.wait(timeout=10)
th.join()
err = proc.stderr.read().decode()

fails = []
if rc != 0:
    fails.append(f"exit status {rc} after SIGINT")
decided = [(t, a) for t, a in alerts if a["alert"] == "decided"]
opened = [(t, a) for t, a in alerts if a["alert"] == "opened"]
summary = [a for _, a in alerts if a["alert"] == "summary"]
if not decided:
    fails.append("no verdict alert")
elif decided[0][0] >= writer_done:
    fails.append(f"first verdict {decided[0][0] - writer_done:.2f} s after the writer finished")
if not opened or opened[0][0] >= decided[0][0] if decided else True:
    fails.append("no 'opened' alert before the first verdict")
if len(summary) != 1 or not summary[0]["interrupted"]:
    fails.append("no final summary after SIGINT")


def key(b):
    return (b["start"], b["end"], b["count"], b["verdict"], b["brokers"], b["clients"],
            [c["summary"] for c in b["causes"]][:1])


got = [key(a["burst"]) for _, a in decided]
want = [key(b) for b in expected]
if got != want:
    fails.append(f"verdicts differ from analyze:\n  follow:  {got}\n  analyze: {want}")
# Every record was read once: the per-input counts of --stats add up.
n = 0
for line in err.splitlines():
    if " records, " in line:
        n += int(line.split(": ")[-1].split(" records")[0])
if n != len(records):
    fails.append(f"follow read {n} records, the bundle has {len(records)}\n{err[:2000]}")
if fails:
    print("FAIL " + "\n".join(fails))
    sys.exit(1)
print(f"ok: {len(decided)} verdicts equal analyze; first verdict "
      f"{writer_done - decided[0][0]:.2f} s before the writer finished; {n} records")
