"""Time units and formatting, the cluster every generator describes, file helpers.

Times are epoch microseconds (int) in the sample bundles and the journal fixture,
epoch milliseconds in the benchmark corpus (it formats millions of lines and caches
the per-second part of each stamp, see Clock).
"""

import os
import time
from datetime import datetime, timedelta, timezone

UTC = timezone.utc
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MS = 1000
SEC = 1000 * 1000
MIN = 60 * SEC
HOUR = 60 * MIN

# The cluster of every bundle and of the corpus: brokers 1..3 on broker-N.kafka.internal.
BROKER_IP = {1: "10.0.4.11", 2: "10.0.4.12", 3: "10.0.4.13"}


def bhost(n):
    return f"broker-{n}.kafka.internal"


def T(s):
    """'2026-02-17T10:05:00.123456' (UTC) -> epoch microseconds."""
    if "." not in s:
        s += ".000000"
    d = datetime.strptime(s, "%Y-%m-%dT%H:%M:%S.%f").replace(tzinfo=UTC)
    return (d - EPOCH) // timedelta(microseconds=1)


def usec(d):
    """aware datetime -> epoch microseconds."""
    return (d - EPOCH) // timedelta(microseconds=1)


def dt(t, tz=UTC):
    """epoch microseconds -> aware datetime in tz."""
    return (EPOCH + timedelta(microseconds=t)).astimezone(tz)


def rfc3339(t):
    """epoch microseconds -> '2026-02-17T10:05:00.123Z' (ms, truncated)."""
    d = dt(t)
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + f"{d.microsecond // 1000:03d}Z"


def iso_z_ms(t):
    """epoch milliseconds -> '2026-02-17T10:05:00.123Z'."""
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(t // 1000)) + f".{t % 1000:03d}Z"


class Clock:
    """Formats epoch-ms stamps (UTC) as strftime(fmt) + sep + 3-digit ms; the part
    up to the second is cached because consecutive lines share it (this is what
    keeps the corpus generator fast)."""

    def __init__(self, fmt, sep):
        self.fmt, self.sep, self.sec, self.head = fmt, sep, None, ""

    def __call__(self, t):
        s = t // 1000
        if s != self.sec:
            self.sec = s
            self.head = time.strftime(self.fmt, time.gmtime(s))
        return f"{self.head}{self.sep}{t % 1000:03d}"


class LogFile:
    """Records of one text log; each record (possibly multi-line) has a time."""

    def __init__(self):
        self.recs = []
        self.seq = 0

    def add(self, t, text):
        self.seq += 1
        self.recs.append((t, self.seq, text))

    def sorted(self):
        return sorted(self.recs, key=lambda r: (r[0], r[1]))

    def render(self, recs=None):
        recs = self.sorted() if recs is None else recs
        return "".join(r[2] + "\n" for r in recs)


def wfile(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def expected_path(d):
    """The truth of a bundle sits beside it (<name>.expected.json), not in it,
    so that the bundle directory holds only what a user would collect."""
    return os.path.normpath(d) + ".expected.json"
