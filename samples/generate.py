#!/usr/bin/env python3
"""Build the incident sample bundles of logcorr (samples/<name>/).

Every line shape is copied from a real program's output (see
../../shared/corpus: real-lines/, journal/, kafka-logs/, gc/); only the values
(times, ids, hosts, offsets) are new. The generator is deterministic: each
bundle draws from its own random.Random(seed), so a rerun rewrites every byte.

    python3 samples/generate.py [--out samples]      # (re)write the bundles
    python3 samples/generate.py --check [--out DIR]  # independent checks

Only the Python standard library is used.
"""

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import sys
import tempfile
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

UTC = timezone.utc
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MS = 1000
SEC = 1000 * 1000
MIN = 60 * SEC
HOUR = 60 * MIN
MAX_BUNDLE_BYTES = 2 * 1024 * 1024

BROKER_IP = {1: "10.0.4.11", 2: "10.0.4.12", 3: "10.0.4.13"}


def bhost(n):
    return f"broker-{n}.kafka.internal"


def T(s):
    """'2026-02-17T10:05:00.123456' (UTC) -> epoch microseconds."""
    if "." not in s:
        s += ".000000"
    d = datetime.strptime(s, "%Y-%m-%dT%H:%M:%S.%f").replace(tzinfo=UTC)
    return (d - EPOCH) // timedelta(microseconds=1)


def dt(t, tz=UTC):
    return (EPOCH + timedelta(microseconds=t)).astimezone(tz)


def rfc3339(t):
    d = dt(t)
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + f"{d.microsecond // 1000:03d}Z"


# ---------------------------------------------------------------- timestamps

def timespan(sec):
    """systemd's format_timespan() at millisecond accuracy: '3d 4h 19min 26.772s'."""
    out = []
    for name, n in [("y", 31557600), ("month", 2629800), ("w", 604800), ("d", 86400), ("h", 3600), ("min", 60)]:
        if sec >= n:
            out.append(f"{int(sec // n)}{name}")
            sec -= (sec // n) * n
    out.append(f"{sec:.3f}s")
    return " ".join(out)


def ts_log4j(t, tz=UTC):  # [2026-02-17 10:05:00,123]
    d = dt(t, tz)
    return d.strftime("%Y-%m-%d %H:%M:%S,") + f"{d.microsecond // 1000:03d}"


def ts_logback(t, tz=UTC):  # 2026-02-17 10:05:00.123
    d = dt(t, tz)
    return d.strftime("%Y-%m-%d %H:%M:%S.") + f"{d.microsecond // 1000:03d}"


def ts_iso_z(t):  # 2026-02-17T10:05:00.123Z
    return rfc3339(t)


def ts_gc(t, tz=UTC):  # 2026-02-17T10:05:00.123+0000
    d = dt(t, tz)
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + f"{d.microsecond // 1000:03d}" + d.strftime("%z")


# ---------------------------------------------------------------- plain logs

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


# ---------------------------------------------------------------- journal

class Journal:
    """journald entries of one host, rendered by journalctl in one -o mode."""

    def __init__(self, rng, host, boot_realtime):
        self.rng = rng
        self.host = host
        self.entries = []
        self.boot_rt = boot_realtime  # realtime of monotonic 0
        self.boot_id = self._hex(32)
        self.machine_id = self._hex(32)
        self.seqnum_id = self._hex(32)

    def _hex(self, n):
        return "".join(self.rng.choice("0123456789abcdef") for _ in range(n))

    def add(self, t, transport, ident, pid, message, priority=6, unit=None, extra=None):
        """t: the time the sender stamped (displayed time)."""
        e = {"t": t, "transport": transport, "ident": ident, "pid": pid,
             "msg": message, "prio": priority, "unit": unit, "extra": extra or {}}
        if transport in ("syslog", "journal"):
            e["src"] = t
            e["rt"] = t + self.rng.randint(19, 139)
        else:
            e["src"] = None
            e["rt"] = t
        self.entries.append(e)

    # common senders -------------------------------------------------------
    def systemd(self, t, msg, unit="kafka.service", extra=None, prio=6):
        x = {"UNIT": unit}
        x.update(extra or {})
        self.add(t, "journal", "systemd", 1, msg, prio, "init.scope", x)

    def kernel(self, t, msg, prio=6):
        self.add(t, "kernel", "kernel", None, msg, prio)

    def kafka_stdout(self, t, pid, line):
        self.add(t + self.rng.randint(400, 2100), "stdout", "kafka-server-start.sh", pid, line,
                 6, "kafka.service", {"_JVM": True})
        self.entries[-1]["order"] = (t, len(self.entries))

    def cron(self, t):
        pid = self.rng.randint(30000, 39999)
        self.add(t, "syslog", "CRON", pid, "(root) CMD (cd / && run-parts --report /etc/cron.hourly)",
                 6, "cron.service")

    def sshd(self, t, msg, pid):
        self.add(t, "syslog", "sshd", pid, msg, 6, "ssh.service")

    def sudo(self, t, user, cmd):
        pid = self.rng.randint(40000, 59999)
        pad = " " * max(1, 8 - len(user))
        self.add(t, "syslog", "sudo", pid,
                 f"{pad}{user} : TTY=pts/0 ; PWD=/home/{user} ; USER=root ; COMMAND={cmd}", 5, "session")

    # rendering ------------------------------------------------------------
    def _fields(self, i, e):
        rt = e["rt"]
        mono = rt - self.boot_rt
        f = [("__CURSOR", f"s={self.seqnum_id};i={i:x};b={self.boot_id};m={mono:x};t={rt:x};x={self._hex(16)}"),
             ("__REALTIME_TIMESTAMP", str(rt)), ("__MONOTONIC_TIMESTAMP", str(mono)),
             ("_BOOT_ID", self.boot_id), ("_MACHINE_ID", self.machine_id), ("_HOSTNAME", self.host),
             ("PRIORITY", str(e["prio"]))]
        tr = e["transport"]
        if tr == "kernel":
            f += [("SYSLOG_FACILITY", "0"), ("SYSLOG_IDENTIFIER", "kernel"), ("_TRANSPORT", "kernel"),
                  ("MESSAGE", e["msg"]), ("_SOURCE_MONOTONIC_TIMESTAMP", str(mono - self.rng.randint(760, 47000)))]
            return f
        if tr == "journal":  # systemd[1]
            f += [("_UID", "0"), ("_GID", "0"), ("SYSLOG_FACILITY", "3"), ("SYSLOG_IDENTIFIER", "systemd"),
                  ("_PID", "1"), ("_COMM", "systemd"), ("_EXE", "/usr/lib/systemd/systemd"),
                  ("_CMDLINE", "/sbin/init"), ("_CAP_EFFECTIVE", "1ffffffffff"),
                  ("_SYSTEMD_CGROUP", "/init.scope"), ("_SYSTEMD_UNIT", "init.scope"),
                  ("_SYSTEMD_SLICE", "-.slice"), ("_TRANSPORT", "journal")]
            for k, v in e["extra"].items():
                f.append((k, v))
            f += [("MESSAGE", e["msg"]), ("_SOURCE_REALTIME_TIMESTAMP", str(e["src"]))]
            return f
        if tr == "stdout":
            pid = str(e["pid"])
            f += [("_SYSTEMD_SLICE", "system.slice"), ("SYSLOG_FACILITY", "3"),
                  ("SYSLOG_IDENTIFIER", e["ident"]), ("_PID", pid), ("_UID", "998"), ("_GID", "998"),
                  ("_COMM", "java"), ("_EXE", "/usr/lib/jvm/java-17-openjdk-amd64/bin/java"),
                  ("_CMDLINE", "java -Xmx6G -Xms6G -server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 "
                   "-XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent "
                   "-Dkafka.logs.dir=/opt/kafka/bin/../logs -cp /opt/kafka/bin/../libs/* kafka.Kafka "
                   "/etc/kafka/server.properties"),
                  ("_SYSTEMD_CGROUP", "/system.slice/kafka.service"), ("_SYSTEMD_UNIT", "kafka.service"),
                  ("_SYSTEMD_INVOCATION_ID", e["extra"].get("inv", "3c9e51d07b2a4f68a1e4d2c7b90f3a15")),
                  ("_TRANSPORT", "stdout"), ("_STREAM_ID", e["extra"].get("stream", "61f0a9d3c27e4b58904ea1c6d3b72f85")),
                  ("MESSAGE", e["msg"])]
            return f
        # syslog senders
        ident = e["ident"]
        comm, exe, unit, fac = {
            "CRON": ("cron", "/usr/sbin/cron", "cron.service", "9"),
            "sshd": ("sshd", "/usr/sbin/sshd", "ssh.service", "4"),
            "sudo": ("sudo", "/usr/bin/sudo", "session-7.scope", "10"),
            "systemd-logind": ("systemd-logind", "/usr/lib/systemd/systemd-logind", "systemd-logind.service", "4"),
        }[ident]
        cg = "/system.slice/" + unit if unit.endswith(".service") else "/user.slice/user-1000.slice/" + unit
        sl = "system.slice" if unit.endswith(".service") else "user-1000.slice"
        d = dt(e["src"])
        f += [("_UID", "0"), ("_GID", "0"), ("_SYSTEMD_SLICE", sl), ("_TRANSPORT", "syslog"),
              ("SYSLOG_FACILITY", fac), ("SYSLOG_IDENTIFIER", ident), ("_COMM", comm), ("_EXE", exe),
              ("_SYSTEMD_CGROUP", cg), ("_SYSTEMD_UNIT", unit), ("SYSLOG_PID", str(e["pid"])),
              ("_PID", str(e["pid"])), ("SYSLOG_TIMESTAMP", d.strftime("%b %d %H:%M:%S ")),
              ("MESSAGE", e["msg"]), ("_SOURCE_REALTIME_TIMESTAMP", str(e["src"]))]
        return f

    def _prefix_ident(self, e):
        if e["transport"] == "kernel":
            return "kernel"
        return f"{e['ident']}[{e['pid']}]"

    def render(self, mode):
        # a pipe delivers stdout lines in the order they were written: keep them monotonic
        last = 0
        for e in sorted((e for e in self.entries if "order" in e), key=lambda e: e["order"]):
            e["rt"] = max(e["rt"], last + 3)
            last = e["rt"]
        ents = sorted(self.entries, key=lambda e: e["rt"])
        out = []
        for i, e in enumerate(ents, 1):
            shown = e["src"] if e["src"] is not None else e["rt"]
            d = dt(shown)
            head = None
            if mode == "short-iso":
                head = d.strftime("%Y-%m-%dT%H:%M:%S%z")
            elif mode == "short-iso-precise":
                head = d.strftime("%Y-%m-%dT%H:%M:%S.") + f"{d.microsecond:06d}" + d.strftime("%z")
            elif mode == "short-precise":
                head = d.strftime("%b %d %H:%M:%S.") + f"{d.microsecond:06d}"
            elif mode == "short":
                head = d.strftime("%b %d %H:%M:%S")
            if head is not None:
                out.append(f"{head} {self.host} {self._prefix_ident(e)}: {e['msg']}\n")
                continue
            fields = [(k, v) for k, v in self._fields(i, e)]
            if mode == "export":
                out.append("".join(f"{k}={v}\n" for k, v in fields) + "\n")
            elif mode == "json":
                # journalctl prints the fields in hash-table order: any fixed order will do
                self.rng.shuffle(fields)
                out.append(json.dumps(dict(fields), separators=(",", ":"), ensure_ascii=False) + "\n")
            else:
                raise ValueError(mode)
        return "".join(out)


# ---------------------------------------------------------------- GC logs

class GcLog:
    """JDK 17 unified logging, G1. decorations: 'time,tags' (Kafka's default,
    -Xlog:gc*) or 'time,uptime,level,tags'. detail=True logs gc* (phases, heap,
    cpu), else only the [gc] tag. Padding grows with the widest value seen, as
    the JVM does."""

    def __init__(self, rng, decorations, detail, tz=UTC, heap_mb=6144):
        self.rng = rng
        self.dec = decorations
        self.detail = detail
        self.tz = tz
        self.heap = heap_mb
        self.runs = []  # [jvm_start, first_line_time, [(t, seq, tags, msg)]], oldest first
        self.seq = 0
        self.gcid = 0
        self.pauses = []  # (start_us, end_us, name, ms)

    def line(self, t, tags, msg):
        # a line belongs to the JVM run that was up at t
        run = [r for r in self.runs if r[1] <= t]
        run = run[-1] if run else self.runs[0]
        self.seq += 1
        run[2].append((t, self.seq, tags, msg))

    def start_jvm(self, t, jvm_start=None, header=True):
        """A JVM run whose log starts at t. header=False: a JVM that has been up
        since jvm_start and whose earlier lines went to older, size-rotated files."""
        self.jvm_start = jvm_start if jvm_start is not None else t - self.rng.randint(300, 900) * MS
        self.jvm_start -= self.jvm_start % MS
        self.runs.append([self.jvm_start, t, [], header])
        if not header:
            return
        self.gcid = 0  # a new JVM counts its collections from 0
        self.line(t, "gc", "Using G1")
        if self.detail:
            for m in ["Version: 17.0.14+7-Debian-1deb12u1 (release)", "CPUs: 8 total, 8 available",
                      "Memory: 31846M", "Large Page Support: Disabled", "NUMA Support: Disabled",
                      "Compressed Oops: Enabled (Zero based)", "Heap Region Size: 4M",
                      f"Heap Min Capacity: {self.heap // 1024}G", f"Heap Initial Capacity: {self.heap // 1024}G",
                      f"Heap Max Capacity: {self.heap // 1024}G", "Pre-touch: Disabled", "Parallel Workers: 8",
                      "Concurrent Workers: 2", "Concurrent Refinement Workers: 8", "Periodic GC: Disabled"]:
                self.line(t + 25 * MS, "gc,init", m)

    def render_run(self, run):
        """The JVM pads each decoration to the widest value it has printed so far."""
        jvm_start, _, lines, header = run
        w = {}
        if not header:  # the JVM has padded to its widest tags long before this file began
            w["tags"] = len("gc,metaspace") if self.detail else 2
        out = []
        for t, _, tags, msg in sorted(lines):
            parts = [ts_gc(t, self.tz)]
            if "uptime" in self.dec:
                ms = (t - jvm_start) // MS  # truncated, like the time decoration
                s = f"{ms // 1000}.{ms % 1000:03d}s"
                w["up"] = max(w.get("up", 0), len(s))
                parts.append(s.ljust(w["up"]))
            if "level" in self.dec:
                parts.append("info")
            w["tags"] = max(w.get("tags", 0), len(tags))
            parts.append(tags.ljust(w["tags"]))
            out.append("".join(f"[{p}]" for p in parts) + " " + msg + "\n")
        return "".join(out)

    def young(self, t_start, ms, kind="Normal", cause="G1 Evacuation Pause", before=None, after=None):
        """A young pause that starts at t_start and lasts ms milliseconds."""
        r = self.rng
        n = self.gcid
        self.gcid += 1
        end = t_start + int(ms * 1000)
        if before is None:
            before = r.randint(int(self.heap * 0.45), int(self.heap * 0.6))
            after = before - r.randint(int(self.heap * 0.22), int(self.heap * 0.3))
        name = f"Pause Young ({kind}) ({cause})"
        if self.detail:
            self.line(t_start, "gc,start", f"GC({n}) {name}")
            self.line(t_start, "gc,task", f"GC({n}) Using 8 workers of 8 for evacuation")
            pre = r.uniform(0.05, 0.4)
            merge = r.uniform(0.1, 0.5)
            post = r.uniform(0.5, 2.5)
            other = r.uniform(0.2, 1.5)
            evac = max(0.5, ms - pre - merge - post - other)
            for lbl, v in [("Pre Evacuate Collection Set", pre), ("Merge Heap Roots", merge),
                           ("Evacuate Collection Set", evac), ("Post Evacuate Collection Set", post),
                           ("Other", other)]:
                self.line(end, "gc,phases", f"GC({n})   {lbl}: {v:.2f}ms")
            eden = max((before - after) // 4 + r.randint(-3, 3), r.randint(20, 60))
            self.line(end, "gc,heap", f"GC({n}) Eden regions: {eden}->0({eden + r.randint(-4, 4)})")
            self.line(end, "gc,heap", f"GC({n}) Survivor regions: {r.randint(8, 14)}->{r.randint(8, 14)}(77)")
            old = after // 4 - 20
            self.line(end, "gc,heap", f"GC({n}) Old regions: {old - r.randint(0, 3)}->{old}")
            self.line(end, "gc,heap", f"GC({n}) Archive regions: 2->2")
            self.line(end, "gc,heap", f"GC({n}) Humongous regions: {r.randint(0, 6)}->0")
            self.line(end, "gc,metaspace", f"GC({n}) Metaspace: 71234K(72000K)->71234K(72000K) "
                                          f"NonClass: 63104K(63616K)->63104K(63616K) Class: 8130K(8384K)->8130K(8384K)")
        self.line(end, "gc", f"GC({n}) {name} {before}M->{after}M({self.heap}M) {ms:.3f}ms")
        if self.detail:
            real = ms / 1000
            self.line(end, "gc,cpu", f"GC({n}) User={real * 6.5:.2f}s Sys={real * 0.4:.2f}s Real={real:.2f}s")
        self.pauses.append((t_start, end, name, ms))
        return end

    def concurrent_cycle(self, t):
        """Concurrent Start young pause, the mark cycle with Remark and Cleanup."""
        r = self.rng
        end = self.young(t, r.uniform(8, 22), "Concurrent Start")
        n = self.gcid
        self.gcid += 1
        self.line(end, "gc", f"GC({n}) Concurrent Mark Cycle")
        t2 = end + r.randint(400, 1500) * MS
        ms = r.uniform(2.5, 9.0)
        before = r.randint(int(self.heap * 0.5), int(self.heap * 0.6))
        if self.detail:
            self.line(t2, "gc,start", f"GC({n}) Pause Remark")
        self.line(t2 + int(ms * 1000), "gc", f"GC({n}) Pause Remark {before}M->{before - r.randint(5, 60)}M({self.heap}M) {ms:.3f}ms")
        self.pauses.append((t2, t2 + int(ms * 1000), "Pause Remark", ms))
        t3 = t2 + r.randint(200, 600) * MS
        ms2 = r.uniform(0.3, 1.2)
        if self.detail:
            self.line(t3, "gc,start", f"GC({n}) Pause Cleanup")
        self.line(t3 + int(ms2 * 1000), "gc", f"GC({n}) Pause Cleanup {before - 70}M->{before - 70}M({self.heap}M) {ms2:.3f}ms")
        self.pauses.append((t3, t3 + int(ms2 * 1000), "Pause Cleanup", ms2))
        self.line(t3 + r.randint(5, 40) * MS, "gc", f"GC({n}) Concurrent Mark Cycle {(t3 - end) / 1000 + 12.3:.3f}ms")
        return t3 + 50 * MS

    def run(self, t0, t1, every=(3, 9), ms=(5, 40), skip=(), heap=None):
        """Young pauses from t0 to t1, avoiding the (start, end) intervals in skip.
        heap(t) -> (before, after) MB overrides the steady-state heap occupancy."""
        r = self.rng
        t = t0 + r.randint(1000, every[1] * 1000) * MS
        k = 0
        while t < t1:
            if not any(a <= t <= b for a, b in skip):
                k += 1
                if k % 61 == 0:
                    t = self.concurrent_cycle(t)
                else:
                    d = r.uniform(*ms) if r.random() < 0.97 else r.uniform(ms[1], ms[1] * 1.4)
                    ba = heap(t) if heap else (None, None)
                    self.young(t, round(d, 3), before=ba[0], after=ba[1])
            t += int(r.uniform(*every) * SEC)

    def full(self, t_start, ms, before, after):
        """G1 Full GC after an evacuation failure (JDK 17 shapes)."""
        r = self.rng
        n = self.gcid
        self.gcid += 1
        name = "Pause Full (G1 Compaction Pause)"
        self.line(t_start, "gc,start", f"GC({n}) {name}")
        self.line(t_start, "gc,task", f"GC({n}) Using 8 workers of 8 for full compaction")
        phases = [("Phase 1: Mark live objects", 0.41), ("Phase 2: Prepare for compaction", 0.12),
                  ("Phase 3: Adjust pointers", 0.19), ("Phase 4: Compact heap", 0.28)]
        t = t_start
        for lbl, frac in phases:
            self.line(t, "gc,phases,start", f"GC({n}) {lbl}")
            d = ms * frac * r.uniform(0.97, 1.03)
            t += int(d * 1000)
            self.line(t, "gc,phases", f"GC({n}) {lbl} {d:.3f}ms")
        end = t_start + int(ms * 1000)
        self.line(end, "gc,heap", f"GC({n}) Eden regions: 0->0(153)")
        self.line(end, "gc,heap", f"GC({n}) Survivor regions: 0->0(26)")
        self.line(end, "gc,heap", f"GC({n}) Old regions: {before // 4 - 30}->{after // 4}")
        self.line(end, "gc,heap", f"GC({n}) Archive regions: 2->2")
        self.line(end, "gc,heap", f"GC({n}) Humongous regions: 28->0")
        self.line(end, "gc,metaspace", f"GC({n}) Metaspace: 71301K(72000K)->71244K(72000K) "
                                      f"NonClass: 63166K(63616K)->63110K(63616K) Class: 8135K(8384K)->8134K(8384K)")
        self.line(end, "gc", f"GC({n}) {name} {before}M->{after}M({self.heap}M) {ms:.3f}ms")
        self.line(end, "gc,cpu", f"GC({n}) User={ms / 1000 * 7.1:.2f}s Sys={ms / 1000 * 0.05:.2f}s Real={ms / 1000:.2f}s")
        self.pauses.append((t_start, end, name, ms))
        return end


# ---------------------------------------------------------------- brokers

KAFKA_CONFIG_HEAD = """\tadvertised.host.name = null
\tadvertised.listeners = {adv}
\tadvertised.port = null
\talter.config.policy.class.name = null
\talter.log.dirs.replication.quota.window.num = 11
\talter.log.dirs.replication.quota.window.size.seconds = 1
\tauthorizer.class.name = 
\tauto.create.topics.enable = false
\tauto.leader.rebalance.enable = true
\tbackground.threads = 10
\tbroker.heartbeat.interval.ms = 2000
\tbroker.id = {id}
\tbroker.id.generation.enable = true
\tbroker.rack = {rack}
\tbroker.session.timeout.ms = 9000
\tclient.quota.callback.class = null
\tcompression.type = producer
\tconnection.failed.authentication.delay.ms = 100
\tconnections.max.idle.ms = 600000
\tconnections.max.reauth.ms = 0
\tcontrol.plane.listener.name = null
\tcontrolled.shutdown.enable = true
\tcontrolled.shutdown.max.retries = 3
\tcontrolled.shutdown.retry.backoff.ms = 5000
\tcontroller.socket.timeout.ms = 30000
\tcreate.topic.policy.class.name = null
\tdefault.replication.factor = 3
\tdelete.records.purgatory.purge.interval.requests = 1
\tdelete.topic.enable = true
\tfetch.max.bytes = 57671680
\tfetch.purgatory.purge.interval.requests = 1000
\tgroup.initial.rebalance.delay.ms = 3000
\tgroup.max.session.timeout.ms = 1800000
\tgroup.max.size = 2147483647
\tgroup.min.session.timeout.ms = 6000
\thost.name = 
\tinter.broker.listener.name = null
\tinter.broker.protocol.version = 2.8-IV1
\tkafka.metrics.polling.interval.secs = 10
\tkafka.metrics.reporters = []
\tleader.imbalance.check.interval.seconds = 300
\tleader.imbalance.per.broker.percentage = 10
\tlistener.security.protocol.map = PLAINTEXT:PLAINTEXT,SSL:SSL,SASL_PLAINTEXT:SASL_PLAINTEXT,SASL_SSL:SASL_SSL
\tlisteners = PLAINTEXT://0.0.0.0:9092
\tlog.cleaner.backoff.ms = 15000
\tlog.cleaner.dedupe.buffer.size = 134217728
\tlog.cleaner.delete.retention.ms = 86400000
\tlog.cleaner.enable = true
\tlog.cleaner.threads = 1
\tlog.cleanup.policy = [delete]
\tlog.dir = /tmp/kafka-logs
\tlog.dirs = /var/lib/kafka/data
\tlog.flush.interval.messages = 9223372036854775807
\tlog.flush.interval.ms = null
\tlog.flush.offset.checkpoint.interval.ms = 60000
\tlog.index.interval.bytes = 4096
\tlog.index.size.max.bytes = 10485760
\tlog.message.format.version = 2.8-IV1
\tlog.message.timestamp.type = CreateTime
\tlog.preallocate = false
\tlog.retention.bytes = -1
\tlog.retention.check.interval.ms = 300000
\tlog.retention.hours = 72
\tlog.roll.hours = 168
\tlog.segment.bytes = 268435456
\tlog.segment.delete.delay.ms = 60000
\tmax.connections = 2147483647
\tmax.connections.per.ip = 2147483647
\tmessage.max.bytes = 1048588
\tmin.insync.replicas = 2
\tnum.io.threads = 8
\tnum.network.threads = 3
\tnum.partitions = 12
\tnum.recovery.threads.per.data.dir = 2
\tnum.replica.fetchers = 2
\toffsets.retention.check.interval.ms = 600000
\toffsets.retention.minutes = 10080
\toffsets.topic.num.partitions = 50
\toffsets.topic.replication.factor = 3
\tport = 9092
\treplica.fetch.max.bytes = 1048576
\treplica.fetch.wait.max.ms = 500
\treplica.lag.time.max.ms = 30000
\treplica.socket.timeout.ms = 30000
\trequest.timeout.ms = 30000
\tsocket.connection.setup.timeout.max.ms = 30000
\tsocket.connection.setup.timeout.ms = 10000
\tsocket.receive.buffer.bytes = 102400
\tsocket.request.max.bytes = 104857600
\tsocket.send.buffer.bytes = 102400
\ttransaction.state.log.min.isr = 2
\ttransaction.state.log.replication.factor = 3
\tunclean.leader.election.enable = false
\tzookeeper.connect = zk-1.kafka.internal:2181,zk-2.kafka.internal:2181,zk-3.kafka.internal:2181/kafka
\tzookeeper.connection.timeout.ms = 18000
\tzookeeper.max.in.flight.requests = 10
\tzookeeper.session.timeout.ms = 18000
\tzookeeper.set.acl = false
\tzookeeper.sync.time.ms = 2000
 (kafka.server.KafkaConfig)"""


class Broker:
    def __init__(self, bundle, n, tz=UTC, gc_dec="time,uptime,level,tags", gc_detail=False):
        self.b = bundle
        self.n = n
        self.rng = random.Random(bundle.seed * 10 + n)
        self.tz = tz
        self.server = LogFile()
        self.journal = Journal(self.rng, f"broker-{n}", bundle.t0 - self.rng.randint(20, 60) * 86400 * SEC)
        self.gc = GcLog(self.rng, gc_dec, gc_detail, tz)
        self.pid = self.rng.randint(1000, 3000)
        self.adv = f"PLAINTEXT://{bhost(n)}:9092"
        self.partitions = [(tp, p) for tp in bundle.topics for p in range(12) if p % 3 == n - 1]
        self.offsets = {f"{tp}-{p}": self.rng.randint(10_000_000, 90_000_000) for tp, p in self.partitions}
        self.jvm_runs = []  # (start, end) times the JVM was up
        self.up_since = None
        self.mirror = 0.35  # share of the ordinary server.log lines also seen on stdout (journal)
        self.roll_every = (20, 140)  # seconds between segment rolls
        self.inv = self.journal._hex(32)
        self.stream = self.journal._hex(32)

    # a server.log record, mirrored (sometimes) to the journal as stdout
    def log(self, t, level, msg, logger, mirror=None, cont=None):
        text = f"[{ts_log4j(t, self.tz)}] {level} {msg} ({logger})"
        self.server.add(t, text + ("\n" + cont if cont else ""))
        if mirror is None:
            mirror = self.rng.random() < self.mirror
        if mirror:
            self.journal.kafka_stdout(t, self.pid, text)
            if cont:  # journald splits stdout at newlines
                for i, c in enumerate(cont.split("\n")):
                    self.journal.kafka_stdout(t + 1 + i, self.pid, c)

    def noise(self, t0, t1, down=()):
        """Background server.log lines and journal lines from t0 to t1."""
        r = self.rng

        def up(t):
            return not any(a <= t <= b for a, b in down)

        n = self.n
        # offsets cleanup every 10 minutes
        t = t0 + r.randint(0000, 600000) * MS
        while t < t1:
            if up(t):
                self.log(t, "INFO", f"[GroupMetadataManager brokerId={n}] Removed {r.randint(0, 14)} expired offsets in {r.randint(0, 2)} milliseconds.",
                         "kafka.coordinator.group.GroupMetadataManager")
            t += 600 * SEC + r.randint(-40, 40) * MS
        # segment roll / retention
        t = t0 + r.randint(10000, 200000) * MS
        while t < t1:
            tp, p = r.choice(self.partitions)
            key = f"{tp}-{p}"
            if up(t):
                off = self.offsets[key] = self.offsets[key] + r.randint(200_000, 900_000)
                pre = f"[Log partition={key}, dir=/var/lib/kafka/data]"
                self.log(t, "INFO", f"[ProducerStateManager partition={key}] Writing producer snapshot at offset {off}",
                         "kafka.log.ProducerStateManager")
                self.log(t + r.randint(1, 4) * MS, "INFO", f"{pre} Rolled new log segment at offset {off} in {r.randint(1, 9)} ms.", "kafka.log.Log")
                if r.random() < 0.6:
                    t2 = t + r.randint(20000, 280000) * MS
                    base = off - r.randint(4_000_000, 8_000_000)
                    lm = (t2 // 1000) - 72 * 3600 * 1000 - r.randint(1000, 900000)
                    seg = f"LogSegment(baseOffset={base}, size={r.randint(268_000_000, 268_435_000)}, lastModifiedTime={lm}, largestRecordTimestamp=Some({lm - r.randint(1, 90)}))"
                    if up(t2):
                        self.log(t2, "INFO", f"{pre} Deleting segment {seg} due to retention time 259200000ms breach based on the largest record timestamp in the segment", "kafka.log.Log")
                        self.log(t2 + r.randint(1, 3) * MS, "INFO", f"{pre} Incremented log start offset to {base + r.randint(3_000_000, 4_000_000)} due to segment deletion", "kafka.log.Log")
                    if up(t2 + 60 * SEC):
                        self.log(t2 + 60 * SEC + r.randint(1, 9) * MS, "INFO", f"{pre} Deleting segment files {seg}", "kafka.log.Log")
            t += r.randint(self.roll_every[0] * 1000, self.roll_every[1] * 1000) * MS
        # group coordinator traffic
        t = t0 + r.randint(30000, 900000) * MS
        while t < t1:
            if up(t):
                g = r.choice(self.b.groups_other)
                self.log(t, "INFO", f"[GroupCoordinator {n}]: Assignment received from leader for group {g} for generation {r.randint(3, 400)}. The group has {r.randint(1, 6)} members, 0 of which are static.",
                         "kafka.coordinator.group.GroupCoordinator")
            t += r.randint(300000, 1500000) * MS
        # journal: CRON hourly, sshd scans, logrotate
        d = dt(t0).replace(minute=17, second=1, microsecond=0)
        t = (d - EPOCH) // timedelta(microseconds=1) + r.randint(202_000, 242_000)
        if t < t0:
            t += HOUR
        while t < t1:
            self.journal.cron(t)
            t += HOUR + r.randint(-20000, 20000)
        # sysstat-collect.timer: OnCalendar=*:00/10
        d = dt(t0).replace(minute=dt(t0).minute // 10 * 10, second=0, microsecond=0)
        t = (d - EPOCH) // timedelta(microseconds=1) + 10 * MIN + r.randint(1000, 900000)
        while t < t1:
            self.journal.systemd(t, "Starting sysstat-collect.service - system activity accounting tool...", unit="sysstat-collect.service",
                                 extra={"JOB_TYPE": "start", "MESSAGE_ID": "7d4958e842da4a758f6c1cdc7b36dcc5"})
            self.journal.systemd(t + r.randint(20000, 60000), "sysstat-collect.service: Deactivated successfully.", unit="sysstat-collect.service",
                                 extra={"MESSAGE_ID": "7ad2d189f7e94e70a38c781354912448"})
            self.journal.systemd(t + r.randint(61000, 70000), "Finished sysstat-collect.service - system activity accounting tool.", unit="sysstat-collect.service",
                                 extra={"JOB_TYPE": "start", "JOB_RESULT": "done", "MESSAGE_ID": "39f53479d3a045ac8e11786248231fbf"})
            t = (dt(t).replace(second=0, microsecond=0) - EPOCH) // timedelta(microseconds=1) + 10 * MIN + r.randint(1000, 900000)
        t = t0 + r.randint(300000, 3000000) * MS
        while t < t1:
            pid = r.randint(40000, 69999)
            ip = f"203.0.113.{r.randint(2, 250)}"
            user = r.choice(["admin", "ubuntu", "test", "oracle", "postgres"])
            port = r.randint(32768, 60999)
            self.journal.sshd(t, f"Invalid user {user} from {ip} port {port}", pid)
            self.journal.sshd(t + r.randint(200, 400) * MS, f"Connection closed by invalid user {user} {ip} port {port} [preauth]", pid)
            t += r.randint(1200000, 5400000) * MS

    def ssh_session(self, t, user, src_ip, dur):
        r = self.rng
        pid = r.randint(40000, 69999)
        port = r.randint(40000, 60000)
        fp = "".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") for _ in range(43))
        self.journal.sshd(t, f"Accepted publickey for {user} from {src_ip} port {port} ssh2: ED25519 SHA256:{fp}", pid)
        sess = r.randint(80, 400)
        self.journal.add(t + 17 * MS, "syslog", "systemd-logind", 604, f"New session {sess} of user {user}.", 6, "systemd-logind.service")
        self.journal.sshd(t + dur, f"Received disconnect from {src_ip} port {port}:11: disconnected by user", pid)
        self.journal.add(t + dur + 31 * MS, "syslog", "systemd-logind", 604, f"Removed session {sess}.", 6, "systemd-logind.service")

    # lifecycle --------------------------------------------------------------
    def startup(self, t, clean=True, systemd=True):
        """JVM start to '[KafkaServer id=N] started'. Returns the started time."""
        r = self.rng
        n = self.n
        self.pid = r.randint(self.pid + 100, self.pid + 9000)
        self.inv = self.journal._hex(32)
        self.stream = self.journal._hex(32)
        if systemd:
            self.journal.systemd(t, "Started kafka.service - Apache Kafka server (broker).",
                                 extra={"JOB_TYPE": "start", "JOB_RESULT": "done", "INVOCATION_ID": self.inv,
                                        "MESSAGE_ID": "39f53479d3a045ac8e11786248231fbf"})
        t += r.randint(1100, 1400) * MS
        self.gc.start_jvm(t - r.randint(200, 400) * MS)
        L = self.log
        L(t, "INFO", "Registered kafka:type=kafka.Log4jController MBean", "kafka.utils.Log4jControllerRegistration$", True)
        t += r.randint(300, 500) * MS
        L(t, "INFO", "Registered signal handlers for TERM, INT, HUP", "org.apache.kafka.common.utils.LoggingSignalHandler")
        L(t, "INFO", "starting", "kafka.server.KafkaServer", True)
        L(t, "INFO", "Connecting to zookeeper on zk-1.kafka.internal:2181,zk-2.kafka.internal:2181,zk-3.kafka.internal:2181/kafka", "kafka.server.KafkaServer", True)
        t += 12 * MS
        L(t, "INFO", "[ZooKeeperClient Kafka server] Initializing a new session to zk-1.kafka.internal:2181,zk-2.kafka.internal:2181,zk-3.kafka.internal:2181.", "kafka.zookeeper.ZooKeeperClient")
        L(t + 3 * MS, "INFO", "[ZooKeeperClient Kafka server] Waiting until connected.", "kafka.zookeeper.ZooKeeperClient")
        zk = r.randint(1, 3)
        sess = f"0x{r.randint(1, 3)}{r.getrandbits(52):013x}"
        L(t + 9 * MS, "INFO", f"Opening socket connection to server zk-{zk}.kafka.internal/10.0.3.{20 + zk}:2181. Will not attempt to authenticate using SASL (unknown error)", "org.apache.zookeeper.ClientCnxn")
        L(t + 14 * MS, "INFO", f"Socket connection established, initiating session, client: /{BROKER_IP[n]}:{r.randint(40000, 60000)}, server: zk-{zk}.kafka.internal/10.0.3.{20 + zk}:2181", "org.apache.zookeeper.ClientCnxn")
        L(t + 41 * MS, "INFO", f"Session establishment complete on server zk-{zk}.kafka.internal/10.0.3.{20 + zk}:2181, sessionid = {sess}, negotiated timeout = 18000", "org.apache.zookeeper.ClientCnxn")
        L(t + 44 * MS, "INFO", "[ZooKeeperClient Kafka server] Connected.", "kafka.zookeeper.ZooKeeperClient")
        self.zk_session = sess
        t += r.randint(600, 800) * MS
        L(t, "INFO", f"Cluster ID = {self.b.cluster_id}", "kafka.server.KafkaServer")
        t += 30 * MS
        cfg = KAFKA_CONFIG_HEAD.format(adv=self.adv, id=n, rack=f"eu-central-1{'abc'[n - 1]}")
        self.server.add(t, f"[{ts_log4j(t, self.tz)}] INFO KafkaConfig values: \n" + cfg)
        t += 40 * MS
        L(t, "INFO", "Loading logs from log dirs ArraySeq(/var/lib/kafka/data)", "kafka.log.LogManager")
        nlogs = len(self.partitions) * 3 + 50
        if clean:
            L(t + 2 * MS, "INFO", "Skipping recovery for all logs in /var/lib/kafka/data since clean shutdown file was found", "kafka.log.LogManager", True)
            load = r.randint(1200, 2600)
        else:
            L(t + 2 * MS, "INFO", "Attempting recovery for all logs in /var/lib/kafka/data since no clean shutdown file was found", "kafka.log.LogManager", True)
            load = r.randint(9000, 16000)
            for tp, p in r.sample(self.partitions, 3):
                t2 = t + r.randint(500, load - 500) * MS
                L(t2, "INFO", f"[Log partition={tp}-{p}, dir=/var/lib/kafka/data] Recovering unflushed segment {self.offsets[f'{tp}-{p}'] - r.randint(1000, 90000)}", "kafka.log.Log")
        t += load * MS
        L(t, "INFO", f"Loaded {nlogs} logs in {load}ms.", "kafka.log.LogManager", True)
        L(t, "INFO", "Starting log cleanup with a period of 300000 ms.", "kafka.log.LogManager")
        L(t + 2 * MS, "INFO", "Starting log flusher with a default period of 9223372036854775807 ms.", "kafka.log.LogManager")
        t += r.randint(250, 400) * MS
        L(t, "INFO", "Awaiting socket connections on 0.0.0.0:9092.", "kafka.network.Acceptor")
        L(t + 30 * MS, "INFO", f"[SocketServer listenerType=ZK_BROKER, nodeId={n}] Created data-plane acceptor and processors for endpoint : ListenerName(PLAINTEXT)", "kafka.network.SocketServer")
        t += 120 * MS
        for w in ["Produce", "Fetch", "DeleteRecords", "ElectLeader"]:
            L(t, "INFO", f"[ExpirationReaper-{n}-{w}]: Starting", "kafka.server.DelayedOperationPurgatory$ExpiredOperationReaper")
            t += r.randint(0, 2) * MS
        t += 60 * MS
        L(t, "INFO", f"Creating /brokers/ids/{n} (is it secure? false)", "kafka.zk.KafkaZkClient")
        epoch = r.randint(4_000_000_000, 9_000_000_000)
        L(t + 50 * MS, "INFO", f"Registered broker {n} at path /brokers/ids/{n} with addresses: {self.adv}, czxid (broker epoch): {epoch}", "kafka.zk.KafkaZkClient")
        t += 120 * MS
        L(t, "INFO", f"[GroupCoordinator {n}]: Starting up.", "kafka.coordinator.group.GroupCoordinator")
        L(t + 59 * MS, "INFO", f"[GroupCoordinator {n}]: Startup complete.", "kafka.coordinator.group.GroupCoordinator")
        t += 250 * MS
        L(t, "INFO", f"[TransactionCoordinator id={n}] Starting up.", "kafka.coordinator.transaction.TransactionCoordinator")
        L(t + 4 * MS, "INFO", f"[TransactionCoordinator id={n}] Startup complete.", "kafka.coordinator.transaction.TransactionCoordinator")
        t += 60 * MS
        L(t, "INFO", f"[SocketServer listenerType=ZK_BROKER, nodeId={n}] Starting socket server acceptors and processors", "kafka.network.SocketServer")
        L(t + 4 * MS, "INFO", f"[SocketServer listenerType=ZK_BROKER, nodeId={n}] Started data-plane acceptor and processor(s) for endpoint : ListenerName(PLAINTEXT)", "kafka.network.SocketServer")
        L(t + 4 * MS, "INFO", f"[SocketServer listenerType=ZK_BROKER, nodeId={n}] Started socket server acceptors and processors", "kafka.network.SocketServer")
        t += 8 * MS
        L(t, "INFO", "Kafka version: 2.8.2", "org.apache.kafka.common.utils.AppInfoParser", True)
        L(t, "INFO", "Kafka commitId: 3146c6ff4a24cc24", "org.apache.kafka.common.utils.AppInfoParser")
        L(t + 1 * MS, "INFO", f"Kafka startTimeMs: {t // 1000}", "org.apache.kafka.common.utils.AppInfoParser")
        t += 3 * MS
        L(t, "INFO", f"[KafkaServer id={n}] started", "kafka.server.KafkaServer", True)
        self.up_since = t
        # followers catch up: ISR expansions on this broker as leader come later; fetchers start
        for lead in [x for x in (1, 2, 3) if x != n]:
            L(t + r.randint(300, 900) * MS, "INFO", f"[ReplicaFetcher replicaId={n}, leaderId={lead}, fetcherId=0] Starting", "kafka.server.ReplicaFetcherThread")
        return t

    def shutdown_clean(self, t_cmd, user="oncall"):
        """sudo systemctl restart kafka.service at t_cmd; returns (t_stopping, t_shutting_down, t_completed, t_stopped)."""
        r = self.rng
        n = self.n
        self.journal.sudo(t_cmd, user, "/usr/bin/systemctl restart kafka.service")
        t = t_cmd + r.randint(100, 180) * MS
        job = str(r.randint(20000, 40000))
        self.journal.systemd(t, "Stopping kafka.service - Apache Kafka server (broker)...",
                             extra={"JOB_TYPE": "restart", "INVOCATION_ID": self.inv, "JOB_ID": job,
                                    "MESSAGE_ID": "de5b426a63be47a7b6ac3eaac82e2f6f"})
        t_stopping = t
        L = self.log
        t += r.randint(60, 80) * MS
        L(t, "INFO", "Terminating process due to signal SIGTERM", "org.apache.kafka.common.utils.LoggingSignalHandler", True)
        t += r.randint(8, 12) * MS
        L(t, "INFO", f"[KafkaServer id={n}] shutting down", "kafka.server.KafkaServer", True)
        t_sd = t
        L(t + 1 * MS, "INFO", f"[KafkaServer id={n}] Starting controlled shutdown", "kafka.server.KafkaServer", True)
        t += r.randint(900, 2600) * MS
        L(t, "INFO", f"[ReplicaFetcherManager on broker {n}] Removed fetcher for partitions HashSet({', '.join(f'{a}-{b}' for a, b in self.partitions[:5])})", "kafka.server.ReplicaFetcherManager")
        L(t + 3 * MS, "INFO", f"[KafkaServer id={n}] Controlled shutdown succeeded", "kafka.server.KafkaServer", True)
        t_ctl = t + 3 * MS
        t += 8 * MS
        L(t, "INFO", f"[SocketServer listenerType=ZK_BROKER, nodeId={n}] Stopping socket server request processors", "kafka.network.SocketServer")
        L(t + 8 * MS, "INFO", f"[SocketServer listenerType=ZK_BROKER, nodeId={n}] Stopped socket server request processors", "kafka.network.SocketServer")
        t_sock = t + 8 * MS
        t += 10 * MS
        L(t, "INFO", f"[data-plane Kafka Request Handler on Broker {n}], shutting down", "kafka.server.KafkaRequestHandlerPool")
        L(t + 3 * MS, "INFO", f"[data-plane Kafka Request Handler on Broker {n}], shut down completely", "kafka.server.KafkaRequestHandlerPool")
        t += 70 * MS
        L(t, "INFO", f"[KafkaApi-{n}] Shutdown complete.", "kafka.server.KafkaApis")
        L(t + 98 * MS, "INFO", f"[TransactionCoordinator id={n}] Shutting down.", "kafka.coordinator.transaction.TransactionCoordinator")
        L(t + 101 * MS, "INFO", f"[TransactionCoordinator id={n}] Shutdown complete.", "kafka.coordinator.transaction.TransactionCoordinator")
        L(t + 102 * MS, "INFO", f"[GroupCoordinator {n}]: Shutting down.", "kafka.coordinator.group.GroupCoordinator")
        L(t + 500 * MS, "INFO", f"[GroupCoordinator {n}]: Shutdown complete.", "kafka.coordinator.group.GroupCoordinator")
        t += 502 * MS
        L(t, "INFO", f"[ReplicaManager broker={n}] Shutting down", "kafka.server.ReplicaManager")
        L(t + 3 * MS, "INFO", f"[ReplicaFetcherManager on broker {n}] shutting down", "kafka.server.ReplicaFetcherManager")
        L(t + 4 * MS, "INFO", f"[ReplicaFetcherManager on broker {n}] shutdown completed", "kafka.server.ReplicaFetcherManager")
        t += r.randint(400, 700) * MS
        L(t, "INFO", f"[ReplicaManager broker={n}] Shut down completely", "kafka.server.ReplicaManager")
        L(t + 4 * MS, "INFO", "Shutting down.", "kafka.log.LogManager")
        t += r.randint(300, 1800) * MS
        L(t, "INFO", "Shutdown complete.", "kafka.log.LogManager")
        L(t + 3 * MS, "INFO", "[ZooKeeperClient Kafka server] Closing.", "kafka.zookeeper.ZooKeeperClient")
        L(t + 186 * MS, "INFO", f"Session: {getattr(self, 'zk_session', '0x200a1c3b4c70003')} closed", "org.apache.zookeeper.ZooKeeper")
        L(t + 186 * MS, "INFO", f"EventThread shut down for session: {getattr(self, 'zk_session', '0x200a1c3b4c70003')}", "org.apache.zookeeper.ClientCnxn")
        L(t + 187 * MS, "INFO", "[ZooKeeperClient Kafka server] Closed.", "kafka.zookeeper.ZooKeeperClient")
        t += r.randint(1900, 2300) * MS
        L(t, "INFO", f"[SocketServer listenerType=ZK_BROKER, nodeId={n}] Shutting down socket server", "kafka.network.SocketServer")
        L(t + 16 * MS, "INFO", f"[SocketServer listenerType=ZK_BROKER, nodeId={n}] Shutdown completed", "kafka.network.SocketServer")
        L(t + 17 * MS, "INFO", "Metrics scheduler closed", "org.apache.kafka.common.metrics.Metrics")
        L(t + 18 * MS, "INFO", f"App info kafka.server for {n} unregistered", "org.apache.kafka.common.utils.AppInfoParser")
        t += 19 * MS
        L(t, "INFO", f"[KafkaServer id={n}] shut down completed", "kafka.server.KafkaServer", True)
        t_done = t
        self.jvm_runs.append((self.up_since, t_done))
        t += r.randint(280, 340) * MS
        self.journal.systemd(t, "kafka.service: Deactivated successfully.",
                             extra={"INVOCATION_ID": self.inv, "MESSAGE_ID": "7ad2d189f7e94e70a38c781354912448"})
        self.journal.systemd(t + 700, "Stopped kafka.service - Apache Kafka server (broker).",
                             extra={"JOB_TYPE": "restart", "JOB_RESULT": "done", "INVOCATION_ID": self.inv, "JOB_ID": job,
                                    "MESSAGE_ID": "9d1aaa27d60140bd96365438aad20286"})
        cpu = (t - (self.up_since or t - 5 * HOUR)) / SEC * r.uniform(0.6, 1.1)
        self.journal.systemd(t + 1000, f"kafka.service: Consumed {timespan(cpu)} CPU time.",
                             extra={"INVOCATION_ID": self.inv, "MESSAGE_ID": "ae8f7b866b0347b9af31fe1c80b127c0"})
        return {"stopping": t_stopping, "shutting_down": t_sd, "leaders_moved": t_sd + (t_ctl - t_sd) // 2, "sockets_closed": t_sock,
                "completed": t_done, "stopped": t + 700, "restart_at": t + 21 * MS}

    def restart_clean(self, t_cmd, user="oncall"):
        ev = self.shutdown_clean(t_cmd, user)
        ev["started"] = self.startup(ev["restart_at"], clean=True)
        return ev

    def oom_kill(self, t):
        """The kernel OOM killer kills the broker JVM at t; systemd restarts it."""
        r = self.rng
        k = self.journal.kernel
        pid = self.pid
        tid = pid + r.randint(40, 300)
        k(t, "java invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=0, oom_score_adj=0", 4)
        t += 6
        k(t, f"CPU: 5 PID: {tid} Comm: java Not tainted 6.1.0-31-amd64 #1 Debian 6.1.128-1", 4)
        k(t + 1, "Hardware name: Amazon EC2 r6i.xlarge/, BIOS 1.0 10/16/2017", 4)
        k(t + 2, "Call Trace:", 4)
        for i, fr in enumerate([" <TASK>", " dump_stack_lvl+0x44/0x5c", " dump_header+0x4a/0x211", " oom_kill_process.cold+0xb/0x10",
                                " out_of_memory+0x1fd/0x4c0", " __alloc_pages_slowpath.constprop.0+0xcd8/0xe10",
                                " __alloc_pages+0x305/0x330", " folio_alloc+0x17/0x50", " __filemap_get_folio+0x155/0x340",
                                " filemap_fault+0x139/0x910", " __do_fault+0x31/0x80", " do_fault+0x1ba/0x410",
                                " __handle_mm_fault+0x660/0xfa0", " handle_mm_fault+0xdb/0x2d0", " do_user_addr_fault+0x1b0/0x580",
                                " exc_page_fault+0x70/0x170", " asm_exc_page_fault+0x22/0x30", " </TASK>"]):
            k(t + 3 + i, fr, 4)
        t += 40
        k(t, "Mem-Info:", 4)
        k(t + 1, "active_anon:5512 inactive_anon:7821934 isolated_anon:0\n"[:-1], 4)
        k(t + 2, "Tasks state (memory values in pages):", 6)
        k(t + 3, "[  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name", 6)
        for p, uid, vm, rss, name in [(412, 0, 12061, 2311, "systemd-journal"), (604, 0, 4521, 1602, "systemd-logind"),
                                      (812, 0, 3892, 1203, "sshd"), (pid, 998, 8456271, 7414112, "java"),
                                      (2790, 0, 310221, 9012, "node_exporter")]:
            k(t + 4, f"[{p:>7}] {uid:>5} {p:>5} {vm:>8} {rss:>8} {rss * 8 - 4096:>14} {0:>8} {0:>13} {name}", 6)
        t += 900
        k(t, f"oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/system.slice/kafka.service,task=java,pid={pid},uid=998", 6)
        t += 30
        k(t, f"Out of memory: Killed process {pid} (java) total-vm:33825084kB, anon-rss:29656448kB, file-rss:0kB, shmem-rss:0kB, UID:998 pgtables:57948kB oom_score_adj:0", 3)
        t_kill = t
        self.jvm_runs.append((self.up_since, t_kill))
        t += r.randint(200, 400) * MS
        k(t, f"oom_reaper: reaped process {pid} (java), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB", 6)
        t += r.randint(20, 60) * MS
        s = self.journal.systemd
        s(t, "kafka.service: A process of this unit has been killed by the OOM killer.",
          extra={"INVOCATION_ID": self.inv, "MESSAGE_ID": "fe6faa94e7774663a0da52717891d8ef"}, prio=4)
        s(t + 900, "kafka.service: Main process exited, code=killed, status=9/KILL",
          extra={"INVOCATION_ID": self.inv, "MESSAGE_ID": "98e322203f7a4ed290d09fe03c09fe15", "EXIT_CODE": "killed", "EXIT_STATUS": "9"}, prio=5)
        s(t + 1200, "kafka.service: Failed with result 'oom-kill'.",
          extra={"INVOCATION_ID": self.inv, "MESSAGE_ID": "d9b373ed55a64feb8242e02dbe79a49c"}, prio=4)
        s(t + 1500, f"kafka.service: Consumed {timespan((t - self.up_since) / SEC * r.uniform(0.6, 1.1))} CPU time.",
          extra={"INVOCATION_ID": self.inv, "MESSAGE_ID": "ae8f7b866b0347b9af31fe1c80b127c0"})
        t += 10 * SEC + r.randint(90, 120) * MS
        s(t, "kafka.service: Scheduled restart job, restart counter is at 1.",
          extra={"INVOCATION_ID": self.inv, "MESSAGE_ID": "5eb03494b6584870a536b337290809b3"})
        s(t + 1500, "Stopped kafka.service - Apache Kafka server (broker).",
          extra={"JOB_TYPE": "restart", "JOB_RESULT": "done", "MESSAGE_ID": "9d1aaa27d60140bd96365438aad20286"})
        started = self.startup(t + 23 * MS, clean=False)
        return {"killed": t_kill, "systemd_restart": t, "started": started}

    def isr_shrink(self, t, out_id, keys):
        """This broker (as leader) drops out_id from the ISR of its partitions."""
        r = self.rng
        for key in keys:
            hw = self.offsets[key] + r.randint(1000, 90000)
            isr = sorted({1, 2, 3})
            new = [x for x in isr if x != out_id]
            lag = t // 1000 - r.randint(30000, 31500)
            self.log(t, "INFO", f"[Partition {key} broker={self.n}] Shrinking ISR from {','.join(map(str, isr))} to {','.join(map(str, new))}. "
                                f"Leader: (highWatermark: {hw}, endOffset: {hw + r.randint(5, 90)}). Out of sync replicas: (brokerId: {out_id}, endOffset: {hw}, lastCaughtUpTimeMs: {lag}).",
                     "kafka.cluster.Partition", True)
            self.log(t + r.randint(5, 30) * MS, "INFO", f"[Partition {key} broker={self.n}] ISR updated to {','.join(map(str, new))} and version updated to [{r.randint(40, 400)}]", "kafka.cluster.Partition")
            t += r.randint(0, 4) * MS

    def isr_expand(self, t, in_id, keys):
        r = self.rng
        for key in keys:
            self.log(t, "INFO", f"[Partition {key} broker={self.n}] Expanding ISR from {','.join(str(x) for x in (1, 2, 3) if x != in_id)} to 1,2,3", "kafka.cluster.Partition")
            self.log(t + r.randint(5, 30) * MS, "INFO", f"[Partition {key} broker={self.n}] ISR updated to 1,2,3 and version updated to [{r.randint(40, 400)}]", "kafka.cluster.Partition")
            t += r.randint(1, 40) * MS

    def write(self, d, journal_mode, rotate=False):
        bd = os.path.join(d, f"broker-{self.n}")
        os.makedirs(bd, exist_ok=True)
        recs = self.server.sorted()
        if rotate:  # log4j DailyRollingFileAppender, hourly, suffix in the broker's local time
            hours = {}
            for rec in recs:
                h = dt(rec[0], self.tz).strftime("%Y-%m-%d-%H")
                hours.setdefault(h, []).append(rec)
            keys = sorted(hours)
            for h in keys[:-1]:
                wfile(os.path.join(bd, f"server.log.{h}"), self.server.render(hours[h]))
            wfile(os.path.join(bd, "server.log"), self.server.render(hours[keys[-1]]))
        else:
            wfile(os.path.join(bd, "server.log"), self.server.render(recs))
        ext = "json" if journal_mode == "json" else f"{journal_mode}.txt"
        wfile(os.path.join(bd, f"journal.{ext}"), self.journal.render(journal_mode))
        runs = [r for r in self.gc.runs if r[2]]
        # the JVM rotates its GC log at start: the current run is gc.log, the one before gc.log.0
        wfile(os.path.join(bd, "gc.log"), self.gc.render_run(runs[-1]))
        for i, run in enumerate(runs[:-1]):
            wfile(os.path.join(bd, f"gc.log.{i}"), self.gc.render_run(run))


# ---------------------------------------------------------------- clients

def logback_abbrev(name, target=39):
    """logback 1.3+ TargetLengthBasedClassNameAbbreviator (Spring Boot 3)."""
    if len(name) <= target:
        return name
    parts = name.split(".")
    for i in range(len(parts) - 1):
        if len(".".join(parts)) <= target:
            break
        parts[i] = parts[i][0]
    return ".".join(parts)


class Client:
    """A Java client application's log file in one layout."""

    def __init__(self, bundle, fname, client_id, role, layout, version="3.7", group=None,
                 app="app", thread_app=None, compose=None, topic="orders", pid=1):
        self.b = bundle
        self.fname = fname
        self.cid = client_id
        self.role = role  # producer | consumer
        self.layout = layout  # log4j | logback | spring3 | logstash
        self.version = version
        self.group = group
        self.app = app
        self.compose = compose
        self.topic = topic
        self.pid = pid
        self.rng = random.Random(bundle.seed * 100 + sum(map(ord, fname)))
        self.log = LogFile()
        self.corr = self.rng.randint(1000, 90000)
        self.symptoms = []  # (t, text) of the lines that are symptoms, for --check
        self.node_addr = {n: (bhost(n), BROKER_IP[n]) for n in (1, 2, 3)}
        self.retries0 = False
        self.pkg = app.split("-")[0]  # retries = 0: a failed batch is not retried, the app gets the exception

    @property
    def tag(self):
        if self.role == "producer":
            return f"[Producer clientId={self.cid}]"
        return f"[Consumer clientId={self.cid}, groupId={self.group}]"

    def thread_for(self, logger):
        if logger.startswith("org.apache.kafka.clients") and self.role == "producer":
            return f"kafka-producer-network-thread | {self.cid}"
        if self.role == "consumer" and logger.startswith("org.apache.kafka"):
            return "org.springframework.kafka.KafkaListenerEndpointContainer#0-0-C-1" if self.layout == "spring3" else f"{self.app}-consumer-0"
        return self.app_thread

    app_thread = "main"

    def emit(self, t, level, logger, msg, cont=None, symptom=False, thread=None):
        th = thread or self.thread_for(logger)
        L = self.layout
        if L == "log4j":
            head = f"[{ts_log4j(t)}] {level} {msg} ({logger})"
        elif L == "logback":
            head = f"{ts_logback(t)} [{th}] {level:<5} {logger}  - {msg}"
        elif L == "spring3":
            head = f"{ts_iso_z(t)} {level:>5} {self.pid} --- [{self.app}] [{th[-15:]:>15}] {logback_abbrev(logger):<40} : {msg}"
        elif L == "logstash":
            o = {"@timestamp": ts_iso_z(t), "@version": "1", "message": msg, "logger_name": logger,
                 "thread_name": th, "level": level, "level_value": {"ERROR": 40000, "WARN": 30000, "INFO": 20000, "DEBUG": 10000}[level]}
            if cont:
                o["stack_trace"] = cont + "\n"
            head = json.dumps(o, separators=(",", ":"))
            cont = None
        else:
            raise ValueError(L)
        text = head + ("\n" + cont if cont else "")
        if self.compose:
            text = "\n".join(f"{self.compose}  | {x}" for x in text.split("\n"))
        self.log.add(t, text)
        if symptom:
            self.symptoms.append((t, msg))

    # building blocks ------------------------------------------------------
    NC = "org.apache.kafka.clients.NetworkClient"
    SENDER = "org.apache.kafka.clients.producer.internals.Sender"
    FSH = "org.apache.kafka.clients.FetchSessionHandler"

    def node_str(self, n):
        h, ip = self.node_addr[n]
        return f"{h}/{ip}:9092"

    def may_not(self):
        return "Node may not be available." if self.version >= "3.8" else "Broker may not be available."

    def connect_failed(self, t, n):
        self.emit(t, "WARN", self.NC, f"{self.tag} Connection to node {n} ({self.node_str(n)}) could not be established. {self.may_not()}", symptom=True)

    def node_disconnected(self, t, n):
        self.emit(t, "INFO", self.NC, f"{self.tag} Node {n} disconnected.", symptom=True)

    def cancelled(self, t, n, api, elapsed):
        thr = "throttle time: 0ms, " if self.version >= "3.8" else ""
        self.corr += self.rng.randint(1, 9)
        self.emit(t, "INFO", self.NC, f"{self.tag} Cancelled in-flight {api} request with correlation id {self.corr} due to node {n} being disconnected "
                                      f"(elapsed time since creation: {elapsed}ms, elapsed time since send: {elapsed}ms, {thr}request timeout: 30000ms)", symptom=True)
        return self.corr

    def partitions_on(self, n, k):
        ps = [p for p in range(12) if p % 3 == n - 1]
        return [f"{self.topic}-{p}" for p in sorted(self.rng.sample(ps, min(k, len(ps))))]

    def produce_errors(self, t, n, k, corr=None):
        for tp in self.partitions_on(n, k):
            c = corr or self.corr
            if self.retries0:
                exc = f"Disconnected from node {n}" if self.version >= "3" else "The server disconnected before a response was received."
                self.emit(t, "WARN", self.SENDER, f"{self.tag} Received invalid metadata error in produce request on partition {tp} due to org.apache.kafka.common.errors.NetworkException: {exc}. Going to request metadata update now", symptom=True)
                self.app_error_stack(t + self.rng.randint(1, 4) * MS, n, exc + ("" if exc.endswith(".") else ""))
            elif self.version >= "3":
                self.emit(t, "WARN", self.SENDER, f"{self.tag} Got error produce response with correlation id {c} on topic-partition {tp}, retrying (2147483646 attempts left). Error: NETWORK_EXCEPTION. Error Message: Disconnected from node {n}", symptom=True)
                self.emit(t, "WARN", self.SENDER, f"{self.tag} Received invalid metadata error in produce request on partition {tp} due to org.apache.kafka.common.errors.NetworkException: Disconnected from node {n}. Going to request metadata update now", symptom=True)
            else:
                self.emit(t, "WARN", self.SENDER, f"{self.tag} Got error produce response with correlation id {c} on topic-partition {tp}, retrying (2147483646 attempts left). Error: NETWORK_EXCEPTION", symptom=True)
                self.emit(t, "WARN", self.SENDER, f"{self.tag} Received invalid metadata error in produce request on partition {tp} due to org.apache.kafka.common.errors.NetworkException: The server disconnected before a response was received.. Going to request metadata update now", symptom=True)
            t += self.rng.randint(0, 2) * MS

    def fetch_error(self, t, n):
        sid = self.rng.randint(100_000_000, 2_000_000_000)
        self.emit(t, "INFO", self.FSH, f"{self.tag} Error sending fetch request (sessionId={sid}, epoch={self.rng.randint(100, 9000)}) to node {n}: org.apache.kafka.common.errors.DisconnectException.", symptom=True)

    def not_leader(self, t, n, k):
        for tp in self.partitions_on(n, k):
            self.corr += 1
            self.emit(t, "WARN", self.SENDER, f"{self.tag} Got error produce response with correlation id {self.corr} on topic-partition {tp}, retrying (2147483646 attempts left). Error: NOT_LEADER_OR_FOLLOWER")
            t += self.rng.randint(0, 3) * MS

    def coordinator_lost(self, t, n):
        if self.role != "consumer":
            return
        self.emit(t, "INFO", "org.apache.kafka.clients.consumer.internals.ConsumerCoordinator",
                  f"{self.tag} Group coordinator {bhost(n)}:9092 (id: {2147483647 - n} rack: null) is unavailable or invalid due to cause: coordinator unavailable.isDisconnected: true. Rediscovery will be attempted.")

    def app_error_stack(self, t, n, exc_msg):
        """The application's own error for a send that failed (retries = 0)."""
        oid = self.rng.randint(100000, 999999)
        exc = f"org.apache.kafka.common.errors.NetworkException: {exc_msg}"
        stack = (f"java.util.concurrent.ExecutionException: {exc}\n"
                 "\tat org.apache.kafka.clients.producer.internals.FutureRecordMetadata.valueOrError(FutureRecordMetadata.java:98)\n"
                 "\tat org.apache.kafka.clients.producer.internals.FutureRecordMetadata.get(FutureRecordMetadata.java:67)\n"
                 "\tat org.apache.kafka.clients.producer.internals.FutureRecordMetadata.get(FutureRecordMetadata.java:30)\n"
                 f"\tat com.acme.{self.pkg}.events.EventPublisher.publish(EventPublisher.java:88)\n"
                 f"\tat com.acme.{self.pkg}.service.OrderService.confirm(OrderService.java:214)\n"
                 "\tat java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1136)\n"
                 "\tat java.base/java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:635)\n"
                 "\tat java.base/java.lang.Thread.run(Thread.java:840)\n"
                 f"Caused by: {exc}")
        self.emit(t, "ERROR", f"com.acme.{self.pkg}.events.EventPublisher", f"Failed to publish event for order {oid} to {self.topic}", cont=stack,
                  symptom=True, thread=f"{self.app}-worker-{self.rng.randint(1, 8)}")

    def reconnect_attempts(self, t, n, dur):
        """Reconnects with exponential backoff (50 ms .. 1 s) for dur."""
        r = self.rng
        back = 50
        end = t + dur
        while t < end:
            self.connect_failed(t, n)
            t += int(back * r.uniform(0.8, 1.2)) * MS
            back = min(back * 2, 1000)

    def restart_burst(self, t_leaders, t_drop, n, down_for, retry_for=None):
        """What this client logs when broker n is stopped (clean or killed)."""
        r = self.rng
        if t_leaders is not None and self.role == "producer":
            self.not_leader(t_leaders + r.randint(-300, 300) * MS, n, 2)
        t = t_drop + r.randint(2, 40) * MS
        self.node_disconnected(t, n)
        if self.role == "producer":
            k = r.randint(1, 3)
            for _ in range(k):
                if self.version >= "3":  # 2.x logs the cancellation at DEBUG only
                    self.cancelled(t + 1 * MS, n, "PRODUCE", r.randint(2, 40))
            self.produce_errors(t + 2 * MS, n, k)
        else:
            self.fetch_error(t + 1 * MS, n)
            if r.random() < 0.5:
                self.coordinator_lost(t + 3 * MS, n)
        # a cleanly stopped broker leaves ZooKeeper at once and the next metadata update drops it;
        # a killed one stays registered until its ZooKeeper session times out (18 s)
        self.reconnect_attempts(t + r.randint(40, 120) * MS, n, min(down_for, retry_for or r.randint(3000, 9000) * MS))
        return t

    def timeout_burst(self, t_sent, n, inflight):
        """The oldest request on the connection to a stalled broker was sent at t_sent;
        request.timeout.ms (30 s) later the client drops the connection and cancels
        every request in flight on it."""
        r = self.rng
        t = t_sent + 30 * SEC + r.randint(1, 30) * MS
        self.emit(t, "INFO", self.NC, f"{self.tag} Disconnecting from node {n} due to request timeout.", symptom=True)
        for k in range(inflight):
            el = (t - t_sent) // MS - k * r.randint(90, 400)
            if self.role == "producer":
                c = self.cancelled(t + 1 * MS, n, "PRODUCE", el) if self.version >= "3" else self.corr + k
                self.produce_errors(t + 2 * MS, n, 1, c)
            else:
                self.cancelled(t + 1 * MS, n, "FETCH", el)
                self.fetch_error(t + 2 * MS, n)
                break  # one fetch in flight per node
        return t

    def config_dump(self, t, extra=None):
        """ProducerConfig / ConsumerConfig values, real key set of kafka-clients 3.x."""
        if self.role == "producer":
            kv = {"acks": "-1", "batch.size": "16384", "bootstrap.servers": "[broker-1.kafka.internal:9092, broker-2.kafka.internal:9092, broker-3.kafka.internal:9092]",
                  "buffer.memory": "33554432", "client.dns.lookup": "use_all_dns_ips", "client.id": self.cid,
                  "compression.type": "lz4", "connections.max.idle.ms": "540000", "delivery.timeout.ms": "120000",
                  "enable.idempotence": "true", "interceptor.classes": "[]",
                  "key.serializer": "class org.apache.kafka.common.serialization.StringSerializer", "linger.ms": "5",
                  "max.block.ms": "60000", "max.in.flight.requests.per.connection": "5", "max.request.size": "1048576",
                  "metadata.max.age.ms": "300000", "metadata.max.idle.ms": "300000", "metric.reporters": "[]",
                  "metrics.num.samples": "2", "metrics.recording.level": "INFO", "metrics.sample.window.ms": "30000",
                  "partitioner.class": "null", "receive.buffer.bytes": "32768", "reconnect.backoff.max.ms": "1000",
                  "reconnect.backoff.ms": "50", "request.timeout.ms": "30000", "retries": "2147483647",
                  "retry.backoff.ms": "100", "security.protocol": "PLAINTEXT", "send.buffer.bytes": "131072",
                  "socket.connection.setup.timeout.max.ms": "30000", "socket.connection.setup.timeout.ms": "10000",
                  "transaction.timeout.ms": "60000", "transactional.id": "null",
                  "value.serializer": "class org.apache.kafka.common.serialization.StringSerializer"}
            head, lg = "ProducerConfig values: ", "org.apache.kafka.clients.producer.ProducerConfig"
        else:
            kv = {"allow.auto.create.topics": "true", "auto.commit.interval.ms": "5000", "auto.offset.reset": "latest",
                  "bootstrap.servers": "[broker-1.kafka.internal:9092, broker-2.kafka.internal:9092, broker-3.kafka.internal:9092]",
                  "check.crcs": "true", "client.dns.lookup": "use_all_dns_ips", "client.id": self.cid,
                  "connections.max.idle.ms": "540000", "default.api.timeout.ms": "60000", "enable.auto.commit": "false",
                  "exclude.internal.topics": "true", "fetch.max.bytes": "52428800", "fetch.max.wait.ms": "500",
                  "fetch.min.bytes": "1", "group.id": self.group, "heartbeat.interval.ms": "3000",
                  "isolation.level": "read_uncommitted", "key.deserializer": "class org.apache.kafka.common.serialization.StringDeserializer",
                  "max.partition.fetch.bytes": "1048576", "max.poll.interval.ms": "300000", "max.poll.records": "500",
                  "metadata.max.age.ms": "300000", "reconnect.backoff.max.ms": "1000", "reconnect.backoff.ms": "50",
                  "request.timeout.ms": "30000", "retry.backoff.ms": "100", "security.protocol": "PLAINTEXT",
                  "session.timeout.ms": "45000", "socket.connection.setup.timeout.max.ms": "30000",
                  "socket.connection.setup.timeout.ms": "10000",
                  "value.deserializer": "class org.apache.kafka.common.serialization.StringDeserializer"}
            head, lg = "ConsumerConfig values: ", "org.apache.kafka.clients.consumer.ConsumerConfig"
        kv.update(extra or {})
        body = "\n".join(f"\t{k} = {v}" for k, v in sorted(kv.items())) + "\n"
        if self.layout == "logstash":
            self.emit(t, "INFO", lg, head + "\n" + body, thread="main")
            return
        # Kafka prints the dump as one message: header, TAB lines, then the layout's tail on its own line
        if self.layout == "log4j":
            text = f"[{ts_log4j(t)}] INFO {head}\n{body} ({lg})"
        elif self.layout == "logback":
            text = f"{ts_logback(t)} [main] INFO  {lg}  - {head}\n{body}"
        else:
            text = f"{ts_iso_z(t)}  INFO {self.pid} --- [{self.app}] [{'main':>15}] {logback_abbrev(lg):<40} : {head}\n{body}"
        if self.compose:
            text = "\n".join(f"{self.compose}  | {x}" for x in text.split("\n"))
        self.log.add(t, text)

    def startup(self, t, extra=None):
        r = self.rng
        self.config_dump(t, extra)
        t += r.randint(20, 60) * MS
        ai = "org.apache.kafka.common.utils.AppInfoParser"
        ver = {"2.8": "2.8.2", "3.6": "3.6.2", "3.7": "3.7.1", "3.8": "3.8.1"}[self.version]
        self.emit(t, "INFO", ai, f"Kafka version: {ver}", thread="main")
        self.emit(t, "INFO", ai, f"Kafka commitId: {hashlib.sha1(ver.encode()).hexdigest()[:16]}", thread="main")
        self.emit(t, "INFO", ai, f"Kafka startTimeMs: {t // 1000}", thread="main")
        t += r.randint(100, 300) * MS
        self.emit(t, "INFO", "org.apache.kafka.clients.Metadata", f"{self.tag} Cluster ID: {self.b.cluster_id}")
        if self.role == "producer" and self.version >= "3":
            self.emit(t + 5 * MS, "INFO", "org.apache.kafka.clients.producer.internals.TransactionManager", f"{self.tag} ProducerId set to {r.randint(1000, 90000)} with epoch 0")
            for p in range(0, 12, 4):
                self.emit(t + 40 * MS, "INFO", "org.apache.kafka.clients.Metadata",
                          f"{self.tag} Resetting the last seen epoch of partition {self.topic}-{p} to {r.randint(3, 40)} since the associated topicId changed from null to {self.b.topic_ids[self.topic]}")
        if self.role == "consumer":
            cc = "org.apache.kafka.clients.consumer.internals.ConsumerCoordinator"
            coord = r.randint(1, 3)
            self.emit(t + 80 * MS, "INFO", cc, f"{self.tag} Discovered group coordinator {bhost(coord)}:9092 (id: {2147483647 - coord} rack: null)")
            self.emit(t + 95 * MS, "INFO", cc, f"{self.tag} (Re-)joining group")
            gen = r.randint(20, 400)
            self.emit(t + 3200 * MS, "INFO", cc, f"{self.tag} Successfully joined group with generation Generation{{generationId={gen}, memberId='{self.cid}-{self.b.uuid(r)}', protocol='range'}}")
            parts = ", ".join(f"{self.topic}-{p}" for p in range(12))
            self.emit(t + 3250 * MS, "INFO", cc, f"{self.tag} Adding newly assigned partitions: {parts}")
        return t

    def app_noise(self, t0, t1, every, msgs):
        r = self.rng
        t = t0 + r.randint(0, every) * SEC
        while t < t1:
            lg, m = r.choice(msgs)
            self.emit(t, "INFO", lg, m(r), thread=f"{self.app}-worker-{r.randint(1, 8)}")
            t += int(r.uniform(0.3, 1.7) * every * SEC)

    def write(self, d):
        os.makedirs(os.path.join(d, "clients"), exist_ok=True)
        wfile(os.path.join(d, "clients", self.fname), self.log.render())


class RdClient:
    """librdkafka's default logger (%level|epoch.ms|FAC|instance| [thrd:...]: ...)."""

    def __init__(self, bundle, fname, client_id, role="producer", debug=True):
        self.b = bundle
        self.fname = fname
        self.cid = client_id
        self.inst = f"{client_id}#{role}-1"
        self.rng = random.Random(bundle.seed * 100 + sum(map(ord, fname)))
        self.log = LogFile()
        self.debug = debug
        self.symptoms = []
        self.conn_since = {}
        self.topic = "telemetry"

    def h(self, n):
        return f"{bhost(n)}:9092/{n}"

    def emit(self, t, lvl, fac, thrd, msg, symptom=False):
        self.log.add(t, f"%{lvl}|{t // SEC}.{(t // MS) % 1000:03d}|{fac}|{self.inst}| [thrd:{thrd}]: {msg}")
        if symptom:
            self.symptoms.append((t, msg))

    def state(self, t, n, a, b):
        if self.debug:
            self.emit(t, 7, "STATE", self.h(n), f"{self.h(n)}: Broker changed state {a} -> {b}")

    def connect(self, t, n):
        r = self.rng
        self.state(t, n, "TRY_CONNECT", "CONNECT")
        if self.debug:
            self.emit(t, 7, "CONNECT", self.h(n), f"{self.h(n)}: Connecting to ipv4#{BROKER_IP[n]}:9092 (plaintext) with socket {r.randint(20, 90)}")
            self.emit(t + 1 * MS, 7, "CONNECT", self.h(n), f"{self.h(n)}: Connected to ipv4#{BROKER_IP[n]}:9092")
            self.emit(t + 1 * MS, 7, "CONNECTED", self.h(n), f"{self.h(n)}: Connected (#{r.randint(2, 9)})")
        self.state(t + 1 * MS, n, "CONNECT", "APIVERSION_QUERY")
        self.state(t + 3 * MS, n, "APIVERSION_QUERY", "UP")
        self.conn_since[n] = t + 3 * MS

    def metadata_noise(self, t0, t1):
        """topic.metadata.refresh.interval.ms = 300000 with debug=metadata."""
        r = self.rng
        t = t0 + r.randint(5000, 300000) * MS
        while t < t1:
            if self.debug:
                n = r.randint(1, 3)
                self.emit(t, 7, "METADATA", "main", f"{self.h(n)}: Request metadata for 1 topic(s): periodic topic and broker list refresh")
                for p in range(12):
                    self.emit(t + 2 * MS, 7, "METADATA", "main", f"  Topic {self.topic} partition {p} Leader {p % 3 + 1}")
                self.emit(t + 2 * MS, 7, "METADATA", "main", f"{self.h(n)}: 1/1 requested topic(s) seen in metadata")
            t += 300 * SEC + r.randint(-200, 200) * MS

    def disconnect_burst(self, t, n, t_up, refused=True):
        r = self.rng
        up_ms = (t - self.conn_since.get(n, t - 3 * HOUR)) // MS
        self.emit(t, 3, "FAIL", self.h(n), f"{self.h(n)}: Disconnected (after {up_ms}ms in state UP)", True)
        self.emit(t, 3, "ERROR", self.h(n), f"{self.h(n)}: Disconnected (after {up_ms}ms in state UP)", True)
        self.state(t, n, "UP", "DOWN")
        tt = t + r.randint(100, 300) * MS
        first = True
        suppressed = 0
        last_log = tt
        back = 100
        while tt < t_up:
            self.state(tt, n, "DOWN", "INIT") if first else None
            self.state(tt, n, "INIT" if first else "DOWN", "TRY_CONNECT")
            self.state(tt, n, "TRY_CONNECT", "CONNECT")
            if first or tt - last_log >= 30 * SEC:
                tail = f", {suppressed} identical error(s) suppressed" if suppressed else ""
                self.emit(tt + 1 * MS, 3, "FAIL", self.h(n), f"{self.h(n)}: Connect to ipv4#{BROKER_IP[n]}:9092 failed: Connection refused (after 0ms in state CONNECT{tail})", True)
                last_log = tt
                suppressed = 0
                first = False
            else:
                suppressed += 1
            self.state(tt + 1 * MS, n, "CONNECT", "DOWN")
            tt += int(back * r.uniform(0.8, 1.2)) * MS
            back = min(back * 2, 10000)
        self.state(tt, n, "DOWN", "TRY_CONNECT")
        self.connect(tt, n)
        return tt

    def write(self, d):
        os.makedirs(os.path.join(d, "clients"), exist_ok=True)
        wfile(os.path.join(d, "clients", self.fname), self.log.render())


# ---------------------------------------------------------------- bundles

def wfile(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


class Bundle:
    def __init__(self, name, seed, t0, t1):
        self.name = name
        self.seed = seed
        self.t0 = t0
        self.t1 = t1
        self.rng = random.Random(seed)
        self.cluster_id = "".join(self.rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") for _ in range(22))
        self.topics = ["orders", "payments", "inventory", "telemetry"]
        self.topic_ids = {tp: "".join(self.rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") for _ in range(22)) for tp in self.topics + ["billing-events", "reports", "edge-events", "shipments"]}
        self.groups_other = ["billing", "inventory-sync", "search-indexer", "fraud-scorer", "audit-writer", "shipping"]
        self.brokers = {}
        self.clients = []
        self.bursts = []
        self.args = []
        self.description = ""

    def uuid(self, r):
        h = "".join(r.choice("0123456789abcdef") for _ in range(32))
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    def burst(self, verdict, brokers, clients, cause_kind, cause_broker, cause_time, syms=None, **extra):
        self.bursts.append({"verdict": verdict, "brokers": brokers, "clients": clients,
                            "cause": {"kind": cause_kind, "broker": cause_broker, "time": rfc3339(cause_time)} if cause_kind else None,
                            "_syms": syms, **extra})

    def finish(self, out, journal_mode, rotate=()):
        d = os.path.join(out, self.name)
        if os.path.isdir(d):
            shutil.rmtree(d)
        os.makedirs(d)
        for n, b in sorted(self.brokers.items()):
            b.write(d, journal_mode if isinstance(journal_mode, str) else journal_mode[n], rotate=n in rotate)
        for c in self.clients:
            c.write(d)
        bursts = []
        for bu in self.bursts:
            syms = bu.pop("_syms")
            ts = sorted(t for c in self.clients for t, _ in c.symptoms if syms(t, c))
            bursts.append({"start": rfc3339(ts[0]), "end": rfc3339(ts[-1]), "count": len(ts), **bu})
        exp = {"incident": self.name, "description": self.description, "args": self.args, "bursts": bursts}
        wfile(expected_path(d), json.dumps(exp, indent=2) + "\n")


RETRIES0 = {"acks": "1", "retries": "0", "enable.idempotence": "false", "max.in.flight.requests.per.connection": "5"}

APP_MSGS_ORDERS = [
    ("com.acme.orders.service.OrderService", lambda r: f"Order {r.randint(100000, 999999)} confirmed ({r.randint(1, 9)} items, total {r.randint(5, 900)}.{r.randint(0, 99):02d} EUR)"),
    ("com.acme.orders.events.EventPublisher", lambda r: f"Published OrderCreated for order {r.randint(100000, 999999)} to orders"),
    ("com.acme.orders.web.RequestLog", lambda r: f"POST /api/v1/orders 201 {r.randint(8, 90)}ms"),
]


def consumer_msgs(topic, app):
    pkg = app.split("-")[0]
    return [
        (f"com.acme.{pkg}.listener.BatchListener", lambda r: f"Processed {r.randint(20, 500)} records from {topic} in {r.randint(40, 900)} ms"),
        (f"com.acme.{pkg}.listener.BatchListener", lambda r: f"Committed offsets for {r.randint(1, 12)} partition(s) of {topic}"),
    ]


def java_consumer_noise(c, t0, t1):
    """Periodic DEBUG metadata requests (NetworkClient at DEBUG) for a consumer."""
    r = c.rng
    t = t0 + r.randint(5000, 300000) * MS
    while t < t1:
        n = r.randint(1, 3)
        c.emit(t, "DEBUG", c.NC, f"{c.tag} Sending metadata request MetadataRequestData(topics=[MetadataRequestTopic(topicId=AAAAAAAAAAAAAAAAAAAAAA, name='{c.topic}')], "
                                 f"allowAutoTopicCreation=true, includeClusterAuthorizedOperations=false, includeTopicAuthorizedOperations=false) to node {bhost(n)}:9092 (id: {n} rack: null)")
        t += 300 * SEC + r.randint(-300, 300) * MS


# 1 -------------------------------------------------------------------------
def rolling_restart(out):
    B = Bundle("rolling-restart", 101, T("2026-02-17T09:00:00"), T("2026-02-17T11:30:00"))
    B.description = ("Planned rolling restart of the three brokers (kafka.service restarted one at a time by an operator, "
                     "about 7 minutes apart). Each restart makes every client log a short burst of disconnects, "
                     "NetworkExceptions and refused reconnects toward the node being restarted.")
    cmds = {1: T("2026-02-17T10:05:12.204312"), 2: T("2026-02-17T10:12:40.881020"), 3: T("2026-02-17T10:19:57.330512")}
    evs = {}
    for n in (1, 2, 3):
        b = B.brokers[n] = Broker(B, n, gc_dec="time,uptime,level,tags", gc_detail=False)
        b.up_since = B.t0 - b.rng.randint(20, 40) * 86400 * SEC
        b.gc.start_jvm(B.t0 - 5 * SEC, jvm_start=b.up_since - 2 * SEC, header=False)
    for n in (1, 2, 3):
        b = B.brokers[n]
        b.ssh_session(cmds[n] - 95 * SEC, "mkoch", "10.0.1.23", 260 * SEC)
        ev = evs[n] = b.restart_clean(cmds[n], "mkoch")
        b.gc.run(B.t0, ev["completed"], every=(6, 15))
        b.gc.run(ev["started"], B.t1, every=(6, 15))
        b.noise(B.t0, B.t1, [(ev["shutting_down"], ev["started"])])
        for o in (1, 2, 3):  # followers rejoin: the leaders expand their ISR
            if o != n:
                keys = [f"{tp}-{p}" for tp, p in B.brokers[o].partitions[:3]]
                B.brokers[o].isr_expand(ev["started"] + b.rng.randint(2000, 6000) * MS, n, keys)
    orders = Client(B, "orders-service.log", "orders-producer", "producer", "log4j", version="2.8", app="orders-service", topic="orders")
    orders.retries0 = True
    billing = Client(B, "billing-consumer.log", "billing-consumer-1", "consumer", "logback", version="3.6", group="billing", app="billing", topic="billing-events")
    inv = Client(B, "inventory-api.log", "producer-1", "producer", "spring3", version="3.8", app="inventory-api", topic="inventory")
    B.clients = [orders, billing, inv]
    for c in B.clients:
        c.startup(B.t0 + c.rng.randint(60000, 400000) * MS, RETRIES0 if c.retries0 else None)
    orders.app_noise(B.t0, B.t1, 12, APP_MSGS_ORDERS)
    billing.app_noise(B.t0, B.t1, 15, consumer_msgs("billing-events", "billing"))
    java_consumer_noise(billing, B.t0, B.t1)
    inv.app_noise(B.t0, B.t1, 20, [("com.acme.inventory.web.StockController", lambda r: f"Reserved {r.randint(1, 5)} unit(s) of SKU-{r.randint(10000, 99999)}"),
                                   ("com.acme.inventory.sync.StockSync", lambda r: f"Stock snapshot published ({r.randint(1000, 9000)} SKUs)")])
    for n in (1, 2, 3):
        ev = evs[n]
        down = ev["started"] - ev["sockets_closed"]
        for c in B.clients:
            c.restart_burst(ev["leaders_moved"], ev["sockets_closed"], n, down)
        lo, hi = ev["stopping"] - 1 * SEC, ev["started"] + 30 * SEC
        B.burst("broker-restart", [n], [c.cid for c in B.clients], "broker_stop", n, ev["stopping"],
                syms=lambda t, c, lo=lo, hi=hi: lo <= t <= hi, downtime_s=round((ev["started"] - ev["shutting_down"]) / SEC, 1))
    B.finish(out, "short-iso")


# 2 -------------------------------------------------------------------------
def oom_kill(out):
    B = Bundle("oom-kill", 202, T("2026-03-05T02:30:00"), T("2026-03-05T05:00:00"))
    B.description = ("The kernel OOM killer kills the broker JVM (pid 4242) on broker-2 at 03:47; systemd restarts kafka.service "
                     "10 s later and the broker recovers its logs (no clean shutdown file). The librdkafka producer and the Java "
                     "consumer lose node 2 until it is back.")
    t_oom = T("2026-03-05T03:47:12.618204")
    for n in (1, 2, 3):
        b = B.brokers[n] = Broker(B, n, gc_dec="time,tags", gc_detail=False)
        b.mirror = 0.08
        b.up_since = B.t0 - 9 * 86400 * SEC - b.rng.randint(0000, 9000000) * MS
        b.gc.start_jvm(B.t0 - 3 * SEC, jvm_start=b.up_since, header=False)
        b.inv = b.journal._hex(32)
    b2 = B.brokers[2]
    b2.pid = 4242
    ev = b2.oom_kill(t_oom)
    for n in (1, 2, 3):
        b = B.brokers[n]
        if n == 2:
            b.gc.run(B.t0, t_oom - 2 * SEC, every=(5, 12), ms=(8, 40))
            b.gc.run(ev["started"], B.t1, every=(6, 15))
            b.noise(B.t0, B.t1, [(t_oom, ev["started"])])
        else:
            b.gc.run(B.t0, B.t1, every=(6, 15))
            b.noise(B.t0, B.t1)
            keys = [f"{tp}-{p}" for tp, p in b.partitions[:4]]
            # replica.lag.time.max.ms = 30000: the leaders drop 2 from the ISR 30 s after it stopped fetching
            t_shrink = t_oom + b.rng.randint(30200, 31500) * MS
            b.isr_shrink(t_shrink, 2, keys)
            b.isr_expand(max(ev["started"] + b.rng.randint(8000, 14000) * MS, t_shrink + 2 * SEC), 2, keys)
    tel = RdClient(B, "telemetry-ingest.log", "telemetry-ingest")
    for n in (1, 2, 3):
        tel.connect(B.t0 - 2 * HOUR + n * MS, n)
    tel.log.recs.clear()
    tel.metadata_noise(B.t0, B.t1)
    pay = Client(B, "payments-service.log", "payments-consumer-0", "consumer", "logstash", version="3.8", group="payments", app="payments-service", topic="payments")
    pay.startup(B.t0 + 200 * SEC)
    pay.app_noise(B.t0, B.t1, 14, consumer_msgs("payments", "payments-service"))
    B.clients = [tel, pay]
    t_drop = ev["killed"] + 3 * MS  # the kernel closes the sockets of the killed process
    tel.disconnect_burst(t_drop + tel.rng.randint(1, 20) * MS, 2, ev["started"] + 200 * MS)
    pay.restart_burst(None, t_drop, 2, ev["started"] - t_drop, retry_for=18 * SEC + 600 * MS)
    # librdkafka times out the messages of the partitions it could not deliver to? no: 120 s queue, broker back in time
    B.burst("oom-kill", [2], ["telemetry-ingest", "payments-consumer-0"], "oom_kill", 2, ev["killed"],
            syms=lambda t, c: t_oom - SEC <= t <= ev["started"] + 60 * SEC, downtime_s=round((ev["started"] - ev["killed"]) / SEC, 1))
    B.finish(out, "json")


# 3 -------------------------------------------------------------------------
def long_gc_pause(out):
    B = Bundle("long-gc-pause", 303, T("2026-04-22T13:50:00"), T("2026-04-22T15:05:00"))
    B.description = ("broker-3's JVM stops the world for 38 s in a G1 Full GC (evacuation failure, heap nearly full) at 14:31. "
                     "Clients' requests to node 3 hit request.timeout.ms (30 s): 'Disconnecting from node 3 due to request timeout', "
                     "cancelled in-flight requests and NETWORK_EXCEPTION retries. The other brokers drop 3 from their ISRs and its "
                     "ZooKeeper session expires. Nothing restarts.")
    t_full = T("2026-04-22T14:31:07.402118")
    full_ms = 38123.456
    for n in (1, 2, 3):
        b = B.brokers[n] = Broker(B, n, gc_dec="time,uptime,level,tags", gc_detail=True)
        b.up_since = B.t0 - 4 * 86400 * SEC - b.rng.randint(0000, 9000000) * MS
        b.gc.start_jvm(B.t0 - 2 * SEC, jvm_start=b.up_since, header=False)
        b.gc.gcid = b.rng.randint(8000, 12000)
    b3 = B.brokers[3]
    b3.gc.heap = 8192
    t_end_full = t_full + int(full_ms * 1000)
    # before: young pauses grow as the old gen fills; then evacuation failure
    def b3_heap(t):  # the old generation fills up over the hour before the Full GC
        f = max(0.0, min(1.0, (t - B.t0) / (t_full - B.t0)))
        after = int(1900 + f ** 2 * 5000) + b3.rng.randint(-40, 40)
        return after + b3.rng.randint(1900, 2200) if f < 0.8 else after + b3.rng.randint(300, 700), after
    b3.gc.run(B.t0, t_full - 40 * SEC, every=(20, 50), ms=(12, 45), heap=b3_heap)
    t = t_full - 31 * SEC
    for k in range(3):
        t = b3.gc.young(t, [61.2, 88.4, 141.9][k], before=[7410, 7620, 7790][k], after=[7050, 7330, 7610][k]) + 9 * SEC
    n_ = b3.gc.gcid
    b3.gc.line(t_full - 420 * MS, "gc", f"GC({n_}) To-space exhausted")
    b3.gc.young(t_full - 1730 * MS, 1310.552, before=7960, after=8104)
    b3.gc.full(t_full, full_ms, 8104, 7100)
    b3.gc.run(t_end_full + 5 * SEC, B.t1, every=(20, 50), ms=(10, 35))
    for n in (1, 2):
        B.brokers[n].gc.run(B.t0, B.t1, every=(20, 50), ms=(6, 30))
    for n in (1, 2, 3):
        B.brokers[n].noise(B.t0, B.t1, [(t_full, t_end_full)] if n == 3 else [])
    # the other leaders shrink their ISRs 30 s (replica.lag.time.max.ms) into the pause
    for n in (1, 2):
        b = B.brokers[n]
        keys = [f"{tp}-{p}" for tp, p in b.partitions[:5]]
        b.isr_shrink(t_full + 30 * SEC + b.rng.randint(200, 2900) * MS, 3, keys)
        b.isr_expand(t_end_full + b.rng.randint(3000, 9000) * MS, 3, keys)
    b3.log(t_end_full + 41 * MS, "WARN", f"Client session timed out, have not heard from server in {int(full_ms) + 412}ms for session id 0x30019e3b4c70007", "org.apache.zookeeper.ClientCnxn", True)
    b3.log(t_end_full + 302 * MS, "INFO", "Unable to reconnect to ZooKeeper service, session 0x30019e3b4c70007 has expired", "org.apache.zookeeper.ClientCnxn", True)
    b3.log(t_end_full + 305 * MS, "INFO", "[ZooKeeperClient Kafka server] Session expired.", "kafka.zookeeper.ZooKeeperClient", True)
    b3.log(t_end_full + 1620 * MS, "INFO", "Creating /brokers/ids/3 (is it secure? false)", "kafka.zk.KafkaZkClient", True)
    b3.log(t_end_full + 1671 * MS, "INFO", f"Registered broker 3 at path /brokers/ids/3 with addresses: {b3.adv}, czxid (broker epoch): 8590112231", "kafka.zk.KafkaZkClient", True)
    b3.journal.kernel(t_full + 21 * SEC + 17 * MS, "TCP: request_sock_TCP: Possible SYN flooding on port 10.0.4.13:9092. Sending cookies.  Check SNMP counters.", 4)
    orders = Client(B, "orders-service.log", "orders-producer", "producer", "log4j", version="2.8", app="orders-service", topic="orders")
    orders.retries0 = True
    audit = Client(B, "audit-writer.log", "audit-writer-producer", "producer", "logback", version="3.6", app="audit-writer", topic="payments", compose="audit-writer-1")
    search = Client(B, "search-indexer.log", "consumer-search-indexer-1", "consumer", "spring3", version="3.8", group="search-indexer", app="search-indexer", topic="inventory")
    B.clients = [orders, audit, search]
    for c in B.clients:
        c.startup(B.t0 + c.rng.randint(30000, 200000) * MS, RETRIES0 if c.retries0 else None)
    orders.app_noise(B.t0, B.t1, 10, APP_MSGS_ORDERS)
    audit.app_noise(B.t0, B.t1, 9, [("com.acme.audit.AuditSink", lambda r: f"Flushed {r.randint(10, 400)} audit events (lag {r.randint(0, 90)} ms)")])
    search.app_noise(B.t0, B.t1, 12, consumer_msgs("inventory", "search-indexer"))
    for c in B.clients:
        c.timeout_burst(t_full - c.rng.randint(0, 400) * MS, 3, c.rng.randint(2, 5))
    B.burst("gc-pause", [3], [c.cid for c in B.clients], "gc_pause", 3, t_full,
            syms=lambda t, c: t_full <= t <= t_end_full + 10 * SEC, pause_ms=full_ms, pause_end=rfc3339(t_end_full))
    B.finish(out, "short-precise", rotate=(1, 2, 3))


# 4 -------------------------------------------------------------------------
def idle_close(out):
    B = Bundle("idle-close", 404, T("2026-05-12T06:00:00"), T("2026-05-12T14:00:00"))
    B.description = ("A report scheduler produces a few records at irregular times. Whenever it sends after more than 10 minutes "
                     "of silence, its first send finds the idle connection closed: one lone 'Node 1 disconnected.' with a "
                     "NETWORK_EXCEPTION that the idempotent producer retries successfully. Brokers are healthy throughout.")
    for n in (1, 2, 3):
        b = B.brokers[n] = Broker(B, n, gc_dec="time,uptime,level,tags", gc_detail=False)
        b.up_since = B.t0 - 12 * 86400 * SEC - b.rng.randint(0000, 9000000) * MS
        b.gc.start_jvm(B.t0 - 2 * SEC, jvm_start=b.up_since, header=False)
        b.gc.gcid = b.rng.randint(80000, 120000)
        b.roll_every = (90, 420)
        b.mirror = 0.2
        b.gc.run(B.t0, B.t1, every=(20, 60), ms=(5, 30))
        b.noise(B.t0, B.t1)
    c = Client(B, "report-scheduler.log", "report-scheduler", "producer", "logback", version="3.7", app="report-scheduler", topic="reports")
    c.app_thread = "scheduling-1"
    B.clients = [c]
    t = B.t0 + 4 * MIN + 12 * SEC
    c.startup(t)
    r = c.rng
    # send times: gaps of 2-8 min (quiet) and some > 10 min (idle close)
    gaps = [3, 5, 14, 2, 4, 6, 23, 3, 2, 7, 5, 41, 4, 3, 6, 2, 12, 5, 8, 3, 4, 31, 6, 2, 5, 3, 7, 4, 3, 19, 5, 2, 6, 4, 3, 5]
    t_send = t + 40 * SEC
    lone = []
    prev = None
    for g in gaps + gaps[:20]:
        t_send += g * MIN + r.randint(-50000, 50000) * MS
        if t_send > B.t1 - 5 * MIN:
            break
        rid = r.randint(10000, 99999)
        c.emit(t_send, "INFO", "com.acme.reports.ReportJob", f"Report run {rid} finished, publishing {r.randint(1, 4)} record(s) to reports", thread="scheduling-1")
        if prev is not None and t_send - prev >= 10 * MIN:
            tt = t_send + r.randint(3, 12) * MS
            c.node_disconnected(tt, 1)
            c.corr += 2
            c.produce_errors(tt + 1 * MS, 1, 1)
            lone.append(tt)
            c.emit(tt + r.randint(140, 260) * MS, "INFO", "com.acme.reports.ReportPublisher", f"Report {rid} delivered (offset {r.randint(40000, 90000)})", thread="kafka-producer-network-thread | report-scheduler")
        else:
            c.emit(t_send + r.randint(5, 40) * MS, "INFO", "com.acme.reports.ReportPublisher", f"Report {rid} delivered (offset {r.randint(40000, 90000)})", thread="kafka-producer-network-thread | report-scheduler")
        prev = t_send
    for tt in lone:
        B.burst("idle-close", [1], ["report-scheduler"], None, None, None, syms=lambda t, c, tt=tt: tt - SEC <= t <= tt + SEC,
                silence_before_s=None)
    # fill silence_before_s
    sends = sorted(t for t, _, txt in c.log.recs if "finished, publishing" in txt)
    for bu, tt in zip(B.bursts, lone):
        before = [s for s in sends if s < tt - 1 * SEC]
        bu["silence_before_s"] = round((tt - before[-1]) / SEC) if before else None
    B.finish(out, "export")


# 5 -------------------------------------------------------------------------
def listener_misconfig(out):
    B = Bundle("listener-misconfig", 505, T("2026-06-03T07:55:00"), T("2026-06-03T09:25:00"))
    B.description = ("broker-2 advertises PLAINTEXT://kafka-2.internal.corp:9092, a name that resolves to 172.20.0.5, an address "
                     "the clients cannot reach. Clients bootstrap fine through broker-1 and broker-3, then fail to connect to node 2 "
                     "over and over for the whole hour while every broker is healthy in its own logs.")
    for n in (1, 2, 3):
        b = B.brokers[n] = Broker(B, n, gc_dec="time,uptime,level,tags", gc_detail=False)
        if n == 2:
            b.adv = "PLAINTEXT://kafka-2.internal.corp:9092"
        b.startup(B.t0 + 20 * SEC + (n - 1) * 2 * SEC + b.rng.randint(0, 900) * MS, clean=True)
        b.gc.run(b.up_since, B.t1, every=(10, 25), ms=(5, 35))
        b.noise(B.t0, B.t1, [(B.t0, b.up_since)])
    edge = Client(B, "edge-gateway.log", "producer-1", "producer", "spring3", version="3.8", app="edge-gateway", topic="edge-events")
    ship = Client(B, "shipping-worker.log", "shipping-worker-producer", "producer", "logstash", version="3.7", app="shipping-worker", topic="shipments")
    B.clients = [edge, ship]
    for c in B.clients:
        c.node_addr[2] = ("kafka-2.internal.corp", "172.20.0.5")
    t_start = T("2026-06-03T08:10:03.117000")
    t_stop = T("2026-06-03T09:10:40.500000")
    edge.startup(t_start - 4 * SEC, {"reconnect.backoff.max.ms": "10000"})
    ship.startup(t_start - 2 * SEC + 311 * MS, {"reconnect.backoff.max.ms": "10000"})
    edge.app_noise(t_start - 4 * SEC, t_stop, 15, [("com.acme.edge.ingest.EventController", lambda r: f"Accepted {r.randint(1, 40)} event(s) from device gw-{r.randint(100, 999)}")])
    ship.app_noise(t_start, t_stop, 20, [("com.acme.shipping.LabelService", lambda r: f"Label printed for shipment SHP-{r.randint(1000000, 9999999)}")])
    for c in B.clients:
        r = c.rng
        c.emit(t_start + r.randint(100, 900) * MS, "INFO", "org.apache.kafka.clients.Metadata", f"{c.tag} Cluster ID: {B.cluster_id}")
        t = t_start + r.randint(1000, 3000) * MS
        k = 0
        while t < t_stop:
            k += 1
            if k % 9 == 0:
                c.emit(t, "INFO", c.NC, f"{c.tag} Disconnecting from node 2 due to socket connection setup timeout. The timeout value is {r.randint(9000, 11000)} ms.", symptom=True)
            else:
                c.connect_failed(t, 2)
            if k % 23 == 0:
                tp = f"{c.topic}-{r.choice([1, 4, 7, 10])}"
                c.emit(t + r.randint(1, 300) * MS, "ERROR", "org.apache.kafka.clients.producer.internals.ErrorLoggingCallback" if c.layout == "logstash" else "org.springframework.kafka.support.LoggingProducerListener",
                       f"Error when sending message to topic {c.topic} with key: null, value: {r.randint(200, 900)} bytes with error:" if c.layout == "logstash" else
                       f"Exception thrown when sending a message with key='null' and payload='{{\"id\":{r.randint(1000, 9999)}}}' to topic {c.topic}:",
                       cont=f"org.apache.kafka.common.errors.TimeoutException: Expiring {r.randint(1, 30)} record(s) for {tp}:120000 ms has passed since batch creation", symptom=True,
                       thread=f"kafka-producer-network-thread | {c.cid}")
            t += int(r.uniform(3.0, 12.0) * SEC)
    B.burst("listener-misconfig", [2], [c.cid for c in B.clients], None, None, None, syms=lambda t, c: True,
            advertised="PLAINTEXT://kafka-2.internal.corp:9092", unreachable="172.20.0.5:9092")
    B.finish(out, "short")


# 6 -------------------------------------------------------------------------
def restart_with_distractors(out):
    B = Bundle("restart-with-distractors", 606, T("2026-07-09T09:30:00"), T("2026-07-09T14:30:00"))
    B.args = ["--tz", "broker-2=Europe/Berlin"]
    B.description = ("broker-2 is restarted cleanly at 13:42 UTC (its server.log and gc.log are in Europe/Berlin local time, "
                     "server.log without an offset). Brokers 1 and 3 show ordinary short GC pauses (5-80 ms) around the same "
                     "minute, and broker-3 was restarted three hours earlier, before the clients were running. The only true "
                     "cause of the clients' burst toward node 2 is the broker-2 restart.")
    berlin = ZoneInfo("Europe/Berlin")
    t_b3 = T("2026-07-09T10:31:44.120551")
    t_b2 = T("2026-07-09T13:42:10.707301")
    for n in (1, 2, 3):
        b = B.brokers[n] = Broker(B, n, tz=berlin if n == 2 else UTC, gc_dec="time,uptime,level,tags", gc_detail=False)
        b.up_since = B.t0 - 6 * 86400 * SEC - b.rng.randint(0000, 9000000) * MS
        b.gc.start_jvm(B.t0 - 2 * SEC, jvm_start=b.up_since, header=False)
        b.gc.gcid = b.rng.randint(30000, 60000)
        b.roll_every = (60, 300)
    b2, b3 = B.brokers[2], B.brokers[3]
    ev3 = b3.restart_clean(t_b3, "oncall")
    b3.gc.run(B.t0, ev3["completed"], every=(8, 20))
    b3.gc.run(ev3["started"], t_b2 - 5 * MIN, every=(8, 20))
    ev2 = b2.restart_clean(t_b2, "oncall")
    b2.gc.run(B.t0, ev2["completed"], every=(8, 20))
    b2.gc.run(ev2["started"], B.t1, every=(8, 20))
    b1 = B.brokers[1]
    b1.gc.run(B.t0, t_b2 - 5 * MIN, every=(8, 20))
    # distractors: a run of longer (but harmless) young pauses on 1 and 3 around T
    for b in (b1, b3):
        t = t_b2 - 5 * MIN + b.rng.randint(0000, 3000) * MS
        while t < t_b2 + 5 * MIN:
            ms = b.rng.uniform(45, 80) if abs(t - t_b2) < 40 * SEC else b.rng.uniform(5, 40)
            b.gc.young(t, round(ms, 3))
            t += int(b.rng.uniform(2, 6) * SEC)
        b.gc.run(t, B.t1, every=(8, 20))
    b1.noise(B.t0, B.t1)
    b2.noise(B.t0, B.t1, [(ev2["shutting_down"], ev2["started"])])
    b3.noise(B.t0, B.t1, [(ev3["shutting_down"], ev3["started"])])
    for o in (1, 3):
        keys = [f"{tp}-{p}" for tp, p in B.brokers[o].partitions[:3]]
        B.brokers[o].isr_expand(ev2["started"] + 4 * SEC, 2, keys)
    for o in (1, 2):
        keys = [f"{tp}-{p}" for tp, p in B.brokers[o].partitions[:3]]
        B.brokers[o].isr_expand(ev3["started"] + 5 * SEC, 3, keys)
    t_clients = T("2026-07-09T11:40:00")
    chk = Client(B, "checkout-service.log", "checkout-producer", "producer", "log4j", version="3.7", app="checkout-service", topic="orders")
    shp = Client(B, "shipping-worker.log", "shipping-consumer-2", "consumer", "logstash", version="3.8", group="shipping", app="shipping-worker", topic="shipments")
    fr = RdClient(B, "fraud-scorer.log", "fraud-scorer")
    fr.topic = "payments"
    B.clients = [chk, shp, fr]
    chk.startup(t_clients + 17 * SEC)
    shp.startup(t_clients + 41 * SEC)
    for n in (1, 2, 3):
        fr.connect(t_clients + 3 * SEC + n * MS, n)
    fr.metadata_noise(t_clients, B.t1)
    chk.app_noise(t_clients, B.t1, 11, [("com.acme.checkout.CheckoutService", lambda r: f"Checkout {r.randint(100000, 999999)} completed in {r.randint(40, 400)} ms")])
    shp.app_noise(t_clients, B.t1, 16, consumer_msgs("shipments", "shipping-worker"))
    down = ev2["started"] - ev2["sockets_closed"]
    chk.restart_burst(ev2["leaders_moved"], ev2["sockets_closed"], 2, down)
    shp.restart_burst(None, ev2["sockets_closed"], 2, down)
    fr.disconnect_burst(ev2["sockets_closed"] + 12 * MS, 2, ev2["started"] + 150 * MS)
    B.burst("broker-restart", [2], ["checkout-producer", "shipping-consumer-2", "fraud-scorer"], "broker_stop", 2, ev2["stopping"],
            syms=lambda t, c: t_b2 - MIN <= t <= ev2["started"] + MIN, downtime_s=round((ev2["started"] - ev2["shutting_down"]) / SEC, 1))
    B.finish(out, "short-iso-precise", rotate=(2,))


BUNDLES = [rolling_restart, oom_kill, long_gc_pause, idle_close, listener_misconfig, restart_with_distractors]


# ---------------------------------------------------------------- checks

SYMPTOM_RE = re.compile(
    r"NETWORK_EXCEPTION|NetworkException|The server disconnected before a response|Node \d+ disconnected\.|"
    r"could not be established|due to request timeout|being disconnected|DisconnectException|Disconnected \(after|"
    r"Connection refused|socket connection setup timeout|TimeoutException|Expiring \d+ record")

TS_PATTERNS = [  # (name, regex, parser) -- written independently of the generator's formatters
    ("log4j", re.compile(r"^(?:\S+\s+\|\s)?\[(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d),(\d{3})\] "), "%Y-%m-%d %H:%M:%S"),
    ("logback", re.compile(r"^(?:\S+\s+\|\s)?(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)\.(\d{3}) \["), "%Y-%m-%d %H:%M:%S"),
    ("iso", re.compile(r"^(?:\S+\s+\|\s)?(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)\.(\d{3})Z "), "%Y-%m-%dT%H:%M:%S"),
]


def parse_line_time(path, line, tzname):
    """UTC seconds (float) of a record's first line, or None for a continuation."""
    base = os.path.basename(path)
    if line.startswith("\t") or line.startswith(" (") or line.startswith("Caused by") or line.startswith("java.") \
            or line.startswith("org.apache.kafka.common.errors") or re.match(r"^\S+\s+\|\s(\t| \(|Caused|java\.|org\.apache)", line) \
            or re.match(r"^\S+\s+\|\s*$", line):
        return None
    if line.startswith("{"):
        o = json.loads(line)
        if "@timestamp" in o:
            return datetime.strptime(o["@timestamp"], "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC).timestamp()
        return int(o["__REALTIME_TIMESTAMP"]) / 1e6
    m = re.match(r"^%\d\|(\d+\.\d{3})\|", line)
    if m:
        return float(m.group(1))
    m = re.match(r"^\[(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d{4})\]", line)
    if m:
        return datetime.strptime(m.group(1), "%Y-%m-%dT%H:%M:%S.%f%z").timestamp()
    m = re.match(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{6})?[+-]\d{4}) ", line)
    if m:
        s = m.group(1)
        return datetime.strptime(s, "%Y-%m-%dT%H:%M:%S.%f%z" if "." in s else "%Y-%m-%dT%H:%M:%S%z").timestamp()
    m = re.match(r"^([A-Z][a-z]{2} \d\d \d\d:\d\d:\d\d(?:\.\d{6})?) ", line)
    if m:
        s = "2026 " + m.group(1)
        return datetime.strptime(s, "%Y %b %d %H:%M:%S.%f" if "." in s else "%Y %b %d %H:%M:%S").replace(tzinfo=UTC).timestamp()
    for _, rx, fmt in TS_PATTERNS:
        m = rx.match(line)
        if m:
            d = datetime.strptime(m.group(1), fmt)
            tz = ZoneInfo(tzname) if tzname else UTC
            return d.replace(tzinfo=tz).timestamp() + int(m.group(2)) / 1000
    if base.startswith("journal.export"):
        if line.startswith("__REALTIME_TIMESTAMP="):
            return int(line.split("=", 1)[1]) / 1e6
        return None
    raise ValueError(f"{path}: no time stamp in: {line[:120]!r}")


def expected_path(d):
    """The truth of a bundle sits beside it (<name>.expected.json), not in it,
    so that the bundle directory holds only what a user would collect."""
    return os.path.normpath(d) + ".expected.json"


def check_bundle(d):
    errors = []
    exp = json.load(open(expected_path(d)))
    tzmap = {}
    a = exp["args"]
    for i, x in enumerate(a):
        if x == "--tz":
            k, v = a[i + 1].split("=")
            tzmap[k] = v
    total = 0
    sizes = {}
    sym_times = []
    for root, _, files in os.walk(d):
        for f in sorted(files):
            p = os.path.join(root, f)
            rel = os.path.relpath(p, d)
            total += os.path.getsize(p)
            sizes[rel] = os.path.getsize(p)
            if f == "expected.json":
                continue
            tzname = next((v for k, v in tzmap.items() if rel.startswith(k + "/") and "server.log" in rel), None)
            n = 0
            recs = []  # [time, text] records: a time-stamped line and its continuation lines
            for line in open(p, encoding="utf-8"):
                line = line.rstrip("\n")
                if not line:
                    continue
                try:
                    t = parse_line_time(p, line, tzname)
                except Exception as e:  # noqa: BLE001
                    errors.append(f"{rel}: {e}")
                    break
                if t is None:
                    if recs:
                        recs[-1][1] += "\n" + line
                    continue
                n += 1
                if not (T("2026-01-01T00:00:00") / 1e6 < t < T("2027-01-01T00:00:00") / 1e6):
                    errors.append(f"{rel}: time outside 2026: {line[:80]}")
                recs.append([t, line])
            if rel.startswith("clients/"):
                sym_times += [(t, rel, text) for t, text in recs if SYMPTOM_RE.search(text)]
            if n == 0 and not f.startswith("journal.export"):
                errors.append(f"{rel}: no records")
    if total > MAX_BUNDLE_BYTES:
        errors.append(f"bundle is {total} bytes > {MAX_BUNDLE_BYTES}")
    # every client symptom line falls in exactly one expected burst window, every burst has some
    wins = [(datetime.strptime(b["start"], "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC).timestamp(),
             datetime.strptime(b["end"], "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC).timestamp()) for b in exp["bursts"]]
    counts = [0] * len(wins)
    for t, rel, line in sym_times:
        hit = [i for i, (s, e) in enumerate(wins) if s - 0.001 <= t <= e + 0.001]
        if len(hit) != 1:
            errors.append(f"symptom outside the expected bursts ({len(hit)} windows): {rel}: {line[:140]}")
        for i in hit:
            counts[i] += 1
    for i, c in enumerate(counts):
        if c == 0:
            errors.append(f"burst {i} has no symptom line")
        if c != exp["bursts"][i]["count"]:
            errors.append(f"burst {i}: {c} symptom lines found, expected.json says {exp['bursts'][i]['count']}")
    # causes: the cause time lies within 120 s before the burst end; a cause line exists in the broker's files
    for i, b in enumerate(exp["bursts"]):
        if b.get("cause"):
            ct = datetime.strptime(b["cause"]["time"], "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC).timestamp()
            if not (wins[i][0] - 120 <= ct <= wins[i][1]):
                errors.append(f"burst {i}: cause time {b['cause']['time']} not within 120 s before the burst")
    # each cause is printed by the broker side: a matching line within 2 s of cause.time
    cause_re = {"broker_stop": r"Stopping kafka\.service|\] shutting down \(kafka\.server\.KafkaServer\)",
                "oom_kill": r"Out of memory: Killed process", "gc_pause": r"\[gc *\] GC\(\d+\) Pause Full .* ([0-9.]+)ms$"}
    for i, b in enumerate(exp["bursts"]):
        c = b.get("cause")
        if not c:
            continue
        ct = datetime.strptime(c["time"], "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC).timestamp()
        bd = os.path.join(d, f"broker-{c['broker']}")
        found = False
        for f in sorted(os.listdir(bd)):
            tzname = tzmap.get(f"broker-{c['broker']}") if f.startswith("server.log") else None
            for line in open(os.path.join(bd, f), encoding="utf-8"):
                m = re.search(cause_re[c["kind"]], line)
                if not m:
                    continue
                t = parse_line_time(f, line.rstrip("\n"), tzname)
                if c["kind"] == "gc_pause":
                    t -= float(m.group(1)) / 1000
                found = found or abs(t - ct) <= 2.0
        if not found:
            errors.append(f"burst {i}: no {c['kind']} line for broker {c['broker']} near {c['time']}")
    return errors, total, counts, sizes


def check_clock_agreement(d):
    """server.log lines mirrored in the journal carry the same time (within 3 ms)."""
    errors = []
    exp = json.load(open(expected_path(d)))
    tzmap = {}
    for i, x in enumerate(exp["args"]):
        if x == "--tz":
            k, v = exp["args"][i + 1].split("=")
            tzmap[k] = v
    for n in (1, 2, 3):
        bd = os.path.join(d, f"broker-{n}")
        jf = [f for f in os.listdir(bd) if f.startswith("journal")][0]
        tz = ZoneInfo(tzmap.get(f"broker-{n}", "UTC"))
        server = {}
        for f in os.listdir(bd):
            if f.startswith("server.log"):
                for line in open(os.path.join(bd, f), encoding="utf-8"):
                    if "[KafkaServer id=" in line:
                        server[line.rstrip("\n")] = True
        text = open(os.path.join(bd, jf), encoding="utf-8").read()
        for line in server:
            if line not in text:
                errors.append(f"broker-{n}: lifecycle line not mirrored in the journal: {line[:90]}")
                continue
            st = datetime.strptime(line[1:24], "%Y-%m-%d %H:%M:%S,%f").replace(tzinfo=tz).timestamp()
            if jf.endswith(".json"):
                for jl in text.splitlines():
                    if line in jl.replace('\\"', '"'):
                        jt = int(json.loads(jl)["__REALTIME_TIMESTAMP"]) / 1e6
                        break
            elif "export" in jf:
                blk = [b for b in text.split("\n\n") if "MESSAGE=" + line in b][0]
                jt = int(re.search(r"__REALTIME_TIMESTAMP=(\d+)", blk).group(1)) / 1e6
            else:
                jl = [x for x in text.splitlines() if x.endswith(line)][0]
                jt = parse_line_time(jf, jl, None)
            whole_seconds = jf.split(".")[1] in ("short", "short-iso")
            ok = (int(st) <= jt <= int(st) + 1) if whole_seconds else (0 <= jt - st < 0.003)
            if not ok:
                errors.append(f"broker-{n}: journal {jt:.6f} vs server.log {st:.3f}: {line[:80]}")
    return errors


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("--check", action="store_true", help="check the bundles in --out instead of writing them")
    a = ap.parse_args()
    if not a.check:
        for fn in BUNDLES:
            fn(a.out)
        return 0
    bad = 0
    names = [fn.__name__.replace("_", "-") for fn in BUNDLES]
    with tempfile.TemporaryDirectory() as tmp:
        for fn in BUNDLES:
            fn(tmp)
        for name in names:
            d = os.path.join(a.out, name)
            if not os.path.isfile(expected_path(d)):
                print(f"{name}: missing")
                bad += 1
                continue
            errs, total, counts, sizes = check_bundle(d)
            errs += check_clock_agreement(d)
            # byte-for-byte reproducibility
            for root, _, files in os.walk(os.path.join(tmp, name)):
                for f in files:
                    p = os.path.join(root, f)
                    q = os.path.join(d, os.path.relpath(p, os.path.join(tmp, name)))
                    if not os.path.exists(q) or open(p, "rb").read() != open(q, "rb").read():
                        errs.append(f"not reproducible: {os.path.relpath(q, a.out)}")
            print(f"{name}: {total} bytes, {len(sizes)} files, symptom lines per burst {counts}: {'OK' if not errs else 'FAIL'}")
            for e in errs[:30]:
                print("   ", e)
            bad += bool(errs)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
