"""systemd journal: journald's fields of the senders on a Debian 12 broker host,
systemd's unit messages, and journalctl's output modes (short, short-precise,
short-iso, short-iso-precise, json, export) plus the Journal Export Format that
systemd-journal-remote reads.

Shapes from the shared corpus, journal/ (each mode as journalctl 252 prints it; json
fields in an arbitrary fixed order, as journalctl's hash order is) and
real-lines/systemd/. Not in the corpus verbatim: the sysstat-collect.service timer lines.
"""

import json
import struct

from .common import dt

# ---------------------------------------------------------------- senders' fields
# The trusted and syslog fields journald stores for each sender of a broker host.
# Each generator lists them in its own order (export: reception order; json: hash order).

PID1 = {"_TRANSPORT": "journal", "_PID": "1", "_UID": "0", "_GID": "0", "SYSLOG_FACILITY": "3",
        "SYSLOG_IDENTIFIER": "systemd", "_COMM": "systemd", "_EXE": "/usr/lib/systemd/systemd",
        "_CMDLINE": "/sbin/init", "_CAP_EFFECTIVE": "1ffffffffff", "_SYSTEMD_CGROUP": "/init.scope",
        "_SYSTEMD_UNIT": "init.scope", "_SYSTEMD_SLICE": "-.slice"}

KAFKA_CMDLINE = ("java -Xmx6G -Xms6G -server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 "
                 "-XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent "
                 "-Dkafka.logs.dir=/opt/kafka/bin/../logs -cp /opt/kafka/bin/../libs/* kafka.Kafka "
                 "/etc/kafka/server.properties")
KAFKA_INVOCATION_ID = "3c9e51d07b2a4f68a1e4d2c7b90f3a15"
KAFKA_STREAM_ID = "61f0a9d3c27e4b58904ea1c6d3b72f85"
# the broker JVM's stdout (kafka-server-start.sh execs java), as kafka.service runs it
KAFKA_STDOUT = {"_TRANSPORT": "stdout", "SYSLOG_FACILITY": "3", "SYSLOG_IDENTIFIER": "kafka-server-start.sh",
                "_UID": "998", "_GID": "998", "_COMM": "java", "_EXE": "/usr/lib/jvm/java-17-openjdk-amd64/bin/java",
                "_CMDLINE": KAFKA_CMDLINE, "_SYSTEMD_CGROUP": "/system.slice/kafka.service",
                "_SYSTEMD_UNIT": "kafka.service", "_SYSTEMD_SLICE": "system.slice",
                "_SYSTEMD_INVOCATION_ID": KAFKA_INVOCATION_ID, "_STREAM_ID": KAFKA_STREAM_ID}

KERNEL = {"_TRANSPORT": "kernel", "SYSLOG_FACILITY": "0", "SYSLOG_IDENTIFIER": "kernel"}

# syslog senders: identifier -> (_COMM, _EXE, unit, SYSLOG_FACILITY)
SYSLOG_SENDERS = {
    "CRON": ("cron", "/usr/sbin/cron", "cron.service", "9"),
    "sshd": ("sshd", "/usr/sbin/sshd", "ssh.service", "4"),
    "sudo": ("sudo", "/usr/bin/sudo", "session-7.scope", "10"),
    "systemd-logind": ("systemd-logind", "/usr/lib/systemd/systemd-logind", "systemd-logind.service", "4"),
}


def syslog_sender(ident):
    """The fields of a syslog(3) sender: services in system.slice, sessions in the user's slice."""
    comm, exe, unit, fac = SYSLOG_SENDERS[ident]
    cg = "/system.slice/" + unit if unit.endswith(".service") else "/user.slice/user-1000.slice/" + unit
    sl = "system.slice" if unit.endswith(".service") else "user-1000.slice"
    return {"_TRANSPORT": "syslog", "SYSLOG_IDENTIFIER": ident, "_UID": "0", "_GID": "0", "_COMM": comm,
            "_EXE": exe, "_SYSTEMD_CGROUP": cg, "_SYSTEMD_UNIT": unit, "_SYSTEMD_SLICE": sl, "SYSLOG_FACILITY": fac}


def pick(order, *maps):
    """[(key, value)] for the keys in order, from the maps (later maps win)."""
    m = {}
    for x in maps:
        m.update(x)
    return [(k, m[k]) for k in order]


def address(rt, mono, boot_id, machine_id, host):
    """The fields journald adds to every entry, in export order."""
    return [("__REALTIME_TIMESTAMP", str(rt)), ("__MONOTONIC_TIMESTAMP", str(mono)),
            ("_BOOT_ID", boot_id), ("_MACHINE_ID", machine_id), ("_HOSTNAME", host)]


def cursor(seqnum_id, seqnum, boot_id, mono, rt, xor_hash):
    """__CURSOR: 's=SEQNUM_ID;i=SEQNUM;b=BOOT_ID;m=MONOTONIC;t=REALTIME;x=XOR_HASH' (hex)."""
    return f"s={seqnum_id};i={seqnum:x};b={boot_id};m={mono:x};t={rt:x};x={xor_hash}"


def syslog_timestamp(d):
    """SYSLOG_TIMESTAMP: the RFC 3164 stamp the sender wrote, with its trailing space."""
    return d.strftime("%b %d %H:%M:%S ")


# ---------------------------------------------------------------- renderings

def export_entry(fields):
    """One entry in the Journal Export Format (bytes): KEY=value lines, a value with a
    newline as KEY, newline, 64-bit little-endian length, the bytes; then an empty line."""
    out = []
    for k, v in fields:
        b = v.encode("utf-8")
        if b"\n" in b:
            out.append(k.encode() + b"\n" + struct.pack("<Q", len(b)) + b + b"\n")
        else:
            out.append(k.encode() + b"=" + b + b"\n")
    return b"".join(out) + b"\n"


def json_entry(encoded):
    """journalctl -o json: one object per line; encoded: [(key, JSON-encoded value)]."""
    return "{" + ",".join(f'"{k}":{v}' for k, v in encoded) + "}"


def json_value(v):
    return json.dumps(v, ensure_ascii=False)


SHORT_MODES = ("short", "short-precise", "short-iso", "short-iso-precise")


def short_stamp(mode, d):
    """The stamp journalctl -o MODE prints for the aware datetime d (in the zone it shows)."""
    if mode == "short-iso":
        return d.strftime("%Y-%m-%dT%H:%M:%S%z")
    if mode == "short-iso-precise":
        return d.strftime("%Y-%m-%dT%H:%M:%S.") + f"{d.microsecond:06d}" + d.strftime("%z")
    if mode == "short-precise":
        return d.strftime("%b %d %H:%M:%S.") + f"{d.microsecond:06d}"
    if mode == "short":
        return d.strftime("%b %d %H:%M:%S")
    raise ValueError(mode)


def short_iso_utc_clock():
    """short_stamp('short-iso', ...) in UTC for epoch-ms times, cached per second."""
    from .common import Clock
    c = Clock("%Y-%m-%dT%H:%M:%S+0000", "")
    return lambda t: c(t)[:-3]


def short_line(stamp, host, ident, pid, msg):
    """A short-mode line: 'STAMP HOST IDENT[PID]: MESSAGE' (the kernel has no PID)."""
    who = ident if pid is None else f"{ident}[{pid}]"
    return f"{stamp} {host} {who}: {msg}"


# ---------------------------------------------------------------- messages

# MESSAGE_IDs of systemd's unit messages (names as in systemd's sd-messages.h)
UNIT_STARTING = "7d4958e842da4a758f6c1cdc7b36dcc5"
UNIT_STARTED = "39f53479d3a045ac8e11786248231fbf"
UNIT_STOPPING = "de5b426a63be47a7b6ac3eaac82e2f6f"
UNIT_STOPPED = "9d1aaa27d60140bd96365438aad20286"
UNIT_SUCCESS = "7ad2d189f7e94e70a38c781354912448"
UNIT_RESOURCES = "ae8f7b866b0347b9af31fe1c80b127c0"
UNIT_OUT_OF_MEMORY = "fe6faa94e7774663a0da52717891d8ef"
UNIT_PROCESS_EXIT = "98e322203f7a4ed290d09fe03c09fe15"
UNIT_FAILURE_RESULT = "d9b373ed55a64feb8242e02dbe79a49c"
UNIT_RESTART_SCHEDULED = "5eb03494b6584870a536b337290809b3"

KAFKA_UNIT = "kafka.service"
KAFKA_DESCRIPTION = "Apache Kafka server (broker)"
SYSSTAT_UNIT = "sysstat-collect.service"  # sysstat-collect.timer: OnCalendar=*:00/10
SYSSTAT_DESCRIPTION = "system activity accounting tool"


def starting(unit, description):
    return f"Starting {unit} - {description}..."


def started(unit, description):
    return f"Started {unit} - {description}."


def finished(unit, description):
    return f"Finished {unit} - {description}."


def stopping(unit, description):
    return f"Stopping {unit} - {description}..."


def stopped(unit, description):
    return f"Stopped {unit} - {description}."


def deactivated(unit):
    return f"{unit}: Deactivated successfully."


def consumed_cpu(unit, span):
    return f"{unit}: Consumed {span} CPU time."


def oom_killed(unit):
    return f"{unit}: A process of this unit has been killed by the OOM killer."


def main_exited_killed(unit, status="9/KILL"):
    return f"{unit}: Main process exited, code=killed, status={status}"


def main_exited_code(unit, status="1/FAILURE"):
    """The main process exited by itself (Kafka's Exit.halt(1) after its last log dir failed)."""
    return f"{unit}: Main process exited, code=exited, status={status}"


def failed_result(unit, result):
    return f"{unit}: Failed with result '{result}'."


def restart_scheduled(unit, counter):
    return f"{unit}: Scheduled restart job, restart counter is at {counter}."


def timespan(sec):
    """systemd's format_timespan() at millisecond accuracy: '3d 4h 19min 26.772s'."""
    out = []
    for name, n in [("y", 31557600), ("month", 2629800), ("w", 604800), ("d", 86400), ("h", 3600), ("min", 60)]:
        if sec >= n:
            out.append(f"{int(sec // n)}{name}")
            sec -= (sec // n) * n
    out.append(f"{sec:.3f}s")
    return " ".join(out)


CRON_SESSION_OPENED = "pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)"
CRON_HOURLY = "(root) CMD (cd / && run-parts --report /etc/cron.hourly)"
CRON_SESSION_CLOSED = "pam_unix(cron:session): session closed for user root"


def sshd_accepted(user, ip, port, fingerprint):
    return f"Accepted publickey for {user} from {ip} port {port} ssh2: ED25519 SHA256:{fingerprint}"


# ---------------------------------------------------------------- one host's journal (sample bundles)

# field order of each transport in the bundles' export/json renderings (after __CURSOR,
# the address fields and PRIORITY)
KERNEL_ORDER = ("SYSLOG_FACILITY", "SYSLOG_IDENTIFIER", "_TRANSPORT", "MESSAGE", "_SOURCE_MONOTONIC_TIMESTAMP")
PID1_ORDER = ("_UID", "_GID", "SYSLOG_FACILITY", "SYSLOG_IDENTIFIER", "_PID", "_COMM", "_EXE", "_CMDLINE",
              "_CAP_EFFECTIVE", "_SYSTEMD_CGROUP", "_SYSTEMD_UNIT", "_SYSTEMD_SLICE", "_TRANSPORT")
STDOUT_ORDER = ("_SYSTEMD_SLICE", "SYSLOG_FACILITY", "SYSLOG_IDENTIFIER", "_PID", "_UID", "_GID", "_COMM", "_EXE",
                "_CMDLINE", "_SYSTEMD_CGROUP", "_SYSTEMD_UNIT", "_SYSTEMD_INVOCATION_ID", "_TRANSPORT",
                "_STREAM_ID", "MESSAGE")
SYSLOG_ORDER = ("_UID", "_GID", "_SYSTEMD_SLICE", "_TRANSPORT", "SYSLOG_FACILITY", "SYSLOG_IDENTIFIER", "_COMM",
                "_EXE", "_SYSTEMD_CGROUP", "_SYSTEMD_UNIT", "SYSLOG_PID", "_PID", "SYSLOG_TIMESTAMP", "MESSAGE",
                "_SOURCE_REALTIME_TIMESTAMP")


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
    def systemd(self, t, msg, unit=KAFKA_UNIT, extra=None, prio=6):
        x = {"UNIT": unit}
        x.update(extra or {})
        self.add(t, "journal", "systemd", 1, msg, prio, "init.scope", x)

    def kernel(self, t, msg, prio=6):
        self.add(t, "kernel", "kernel", None, msg, prio)

    def kafka_stdout(self, t, pid, line):
        self.add(t + self.rng.randint(400, 2100), "stdout", "kafka-server-start.sh", pid, line,
                 6, KAFKA_UNIT, {"_JVM": True})
        self.entries[-1]["order"] = (t, len(self.entries))

    def cron(self, t):
        pid = self.rng.randint(30000, 39999)
        self.add(t, "syslog", "CRON", pid, CRON_HOURLY, 6, "cron.service")

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
        f = ([("__CURSOR", cursor(self.seqnum_id, i, self.boot_id, mono, rt, self._hex(16)))]
             + address(rt, mono, self.boot_id, self.machine_id, self.host) + [("PRIORITY", str(e["prio"]))])
        tr = e["transport"]
        if tr == "kernel":
            return f + pick(KERNEL_ORDER, KERNEL, {"MESSAGE": e["msg"],
                                                   "_SOURCE_MONOTONIC_TIMESTAMP": str(mono - self.rng.randint(760, 47000))})
        if tr == "journal":  # systemd[1]
            return (f + pick(PID1_ORDER, PID1) + list(e["extra"].items())
                    + [("MESSAGE", e["msg"]), ("_SOURCE_REALTIME_TIMESTAMP", str(e["src"]))])
        if tr == "stdout":
            return f + pick(STDOUT_ORDER, KAFKA_STDOUT, {"SYSLOG_IDENTIFIER": e["ident"], "_PID": str(e["pid"]),
                                                         "_SYSTEMD_INVOCATION_ID": e["extra"].get("inv", KAFKA_INVOCATION_ID),
                                                         "_STREAM_ID": e["extra"].get("stream", KAFKA_STREAM_ID),
                                                         "MESSAGE": e["msg"]})
        # syslog senders
        return f + pick(SYSLOG_ORDER, syslog_sender(e["ident"]),
                        {"SYSLOG_PID": str(e["pid"]), "_PID": str(e["pid"]), "SYSLOG_TIMESTAMP": syslog_timestamp(dt(e["src"])),
                         "MESSAGE": e["msg"], "_SOURCE_REALTIME_TIMESTAMP": str(e["src"])})

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
            if mode in SHORT_MODES:
                ident_pid = (e["ident"], None) if e["transport"] == "kernel" else (e["ident"], e["pid"])
                out.append(short_line(short_stamp(mode, dt(shown)), self.host, *ident_pid, e["msg"]) + "\n")
                continue
            fields = self._fields(i, e)
            if mode == "export":
                out.append(export_entry(fields).decode("utf-8"))
            elif mode == "json":
                # journalctl prints the fields in hash-table order: any fixed order will do
                self.rng.shuffle(fields)
                out.append(json_entry([(k, json_value(v)) for k, v in fields]) + "\n")
            else:
                raise ValueError(mode)
        return "".join(out)
