"""`logcorr follow --tail` across rotation: rename + create (the writer still
writes a little into the renamed file), copy-truncate, delete + re-create, and
a file that only appears after follow started. Every line written after
follow started is read exactly once: the record counts of --stats equal the
lines written (a lost line lowers it, a line read twice raises it).

usage: follow_rotation.py LOGCORR MODE   (MODE: rename, copytruncate, recreate, late)"""
import os
import signal
import subprocess
import sys
import tempfile
import time

exe, mode = sys.argv[1], sys.argv[2]
tmp = tempfile.mkdtemp(prefix=f"follow-{mode}-")
path = os.path.join(tmp, "app.log")
seq = 0


def lines(n):
    global seq
    out = []
    for _ in range(n):
        seq += 1
        s, ms = divmod(seq, 1000)
        out.append(f"2026-02-17T10:{s // 60 % 60:02d}:{s % 60:02d}.{ms:03d}Z  INFO [main] app - seq {seq}\n")
    return "".join(out)


def write_slowly(h, n, chunk=25):
    written = 0
    while written < n:
        k = min(chunk, n - written)
        h.write(lines(k))
        h.flush()
        written += k
        # Rotation happens less often than follow looks at the path (every
        # ~250 ms): a file created and rotated away between two looks is
        # never seen, by follow as by tail -F.
        time.sleep(0.04)
    return n


pre = 0
if mode != "late":
    with open(path, "w") as h:
        h.write(lines(100))  # history: follow starts at the end and must not read it
    pre = 100
proc = subprocess.Popen([exe, "follow", "--stats", "--tail", path],
                        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
time.sleep(0.6)
expected = 0
if mode == "late":
    time.sleep(0.5)
    h = open(path, "a")
    expected += write_slowly(h, 500)
    h.close()
else:
    h = open(path, "a")
    expected += write_slowly(h, 500)
    for rnd in range(3):
        if mode == "rename":
            os.rename(path, f"{path}.{rnd + 1}")
            expected += write_slowly(h, 50)  # the writer has not reopened yet
            h.close()
            h = open(path, "a")
        elif mode == "copytruncate":
            # copy-truncate loses what the writer adds between the copy and the
            # truncate, and what the reader had not read yet; both are the
            # rotation's own race, so the writer pauses around it.
            time.sleep(0.6)
            with open(path) as src, open(f"{path}.{rnd + 1}", "w") as dst:
                dst.write(src.read())
            os.truncate(path, 0)
        elif mode == "recreate":
            time.sleep(0.6)
            h.close()
            os.unlink(path)
            time.sleep(0.4)
            h = open(path, "a")
        expected += write_slowly(h, 500)
    h.close()
time.sleep(1.0)
proc.send_signal(signal.SIGINT)
rc = proc.wait(timeout=10)
err = proc.stderr.read().decode()
got = None
for line in err.splitlines():
    if line.startswith(f"logcorr follow: {path}:"):
        got = int(line.split(": ")[-1].split(" records")[0])
if rc != 0 or got != expected:
    print(f"FAIL {mode}: exit {rc}, read {got} records, wrote {expected} lines after the start "
          f"(+{pre} before)\n{err[:2000]}")
    sys.exit(1)
print(f"ok {mode}: {got} records read, {expected} written")
