"""Independent checks of the sample bundles (samples/generate.py --check).

Written independently of the generator's formatters: its own regular expressions and
strptime formats parse every record back. Imports nothing from the emitter modules.
"""

import json
import os
import re
import tempfile
from datetime import datetime
from zoneinfo import ZoneInfo

from .common import UTC, T, expected_path

MAX_BUNDLE_BYTES = 2 * 1024 * 1024


def read_text(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def text_lines(path):
    """The lines of a UTF-8 file as iterating over it gives them (the file is closed)."""
    with open(path, encoding="utf-8") as f:
        return list(f)

SYMPTOM_RE = re.compile(
    r"NETWORK_EXCEPTION|NetworkException|The server disconnected before a response|Node \d+ disconnected\.|"
    r"could not be established|due to request timeout|being disconnected|DisconnectException|Disconnected \(after|"
    r"Connection refused|socket connection setup timeout|TimeoutException|Expiring \d+ record|"
    # sarama (Go)
    r"Failed to connect to broker|state change to \[closing\]|abandoning broker|Closed connection to broker|"
    r"Failed to produce message to topic|"
    # kafkajs
    r"Failed to send messages|Connection error: connect E|KafkaJSNumberOfRetriesExceeded|"
    # TLS and the network path
    r"failed authentication due to|SslAuthenticationException|Receive failed: Connection reset")

TS_PATTERNS = [  # (name, regex, parser) -- written independently of the generator's formatters
    ("log4j", re.compile(r"^(?:\S+\s+\|\s)?\[(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d),(\d{3})\] "), "%Y-%m-%d %H:%M:%S"),
    ("logback", re.compile(r"^(?:\S+\s+\|\s)?(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)\.(\d{3}) \["), "%Y-%m-%d %H:%M:%S"),
    ("iso", re.compile(r"^(?:\S+\s+\|\s)?(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)\.(\d{3})Z "), "%Y-%m-%dT%H:%M:%S"),
    ("python", re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d),(\d{3}) (?:DEBUG|INFO|WARNING|ERROR|CRITICAL) "), "%Y-%m-%d %H:%M:%S"),
]
GO_LOG_RE = re.compile(r"^(?:\[sarama\] )?(\d{4}/\d\d/\d\d \d\d:\d\d:\d\d) ")  # Go's log.LstdFlags, whole seconds


def parse_line_time(path, line, tzname, jvm_start=None):
    """UTC seconds (float) of a record's first line, or None for a continuation. An
    uptime-only GC line needs its JVM's start (UTC seconds)."""
    base = os.path.basename(path)
    m = re.match(r"^\[(\d+\.\d{3})s\]", line)
    if m:
        if jvm_start is None:
            raise ValueError("a GC line stamped with uptime only, and expected.json gives no jvm_start")
        return jvm_start + float(m.group(1))
    if line.startswith("\t") or line.startswith(" (") or line.startswith("Caused by") or line.startswith("java.") \
            or line.startswith("org.apache.kafka.common.errors") or re.match(r"^\S+\s+\|\s(\t| \(|Caused|java\.|org\.apache)", line) \
            or re.match(r"^\S+\s+\|\s*$", line):
        return None
    if line.startswith("{"):
        o = json.loads(line)
        if "@timestamp" in o:
            return datetime.strptime(o["@timestamp"], "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC).timestamp()
        if o.get("logger") == "kafkajs":
            return datetime.strptime(o["timestamp"], "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC).timestamp()
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
    m = GO_LOG_RE.match(line)
    if m:
        return datetime.strptime(m.group(1), "%Y/%m/%d %H:%M:%S").replace(tzinfo=UTC).timestamp()
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


def check_bundle(d):
    errors = []
    exp = json.loads(read_text(expected_path(d)))
    tzmap = {}
    a = exp["args"]
    for i, x in enumerate(a):
        if x == "--tz":
            k, v = a[i + 1].split("=")
            tzmap[k] = v
    for k, v in exp.get("local_tz", {}).items():
        tzmap.setdefault(k, v)
    # the JVM start of a GC log stamped with uptime only (truth the generator knows)
    jvm_starts = {k: datetime.strptime(v, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC).timestamp()
                  for k, v in exp.get("jvm_start", {}).items()}
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
            jvm = jvm_starts.get(rel.split("/")[0]) if f.startswith("gc.log") else None
            n = 0
            recs = []  # [time, text] records: a time-stamped line and its continuation lines
            for line in text_lines(p):
                line = line.rstrip("\n")
                if not line:
                    continue
                try:
                    t = parse_line_time(p, line, tzname, jvm)
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
                "oom_kill": r"Out of memory: Killed process",
                "tls_failure": r"Failed authentication with /[\d.]+ .*\(SSL handshake failed\)",
                "log_dir_failure": r"\(kafka\.server\.LogDirFailureChannel\)|Shutdown broker because all log dirs in", "gc_pause": r"\[gc *\] GC\(\d+\) Pause Full .* ([0-9.]+)ms$"}
    for i, b in enumerate(exp["bursts"]):
        c = b.get("cause")
        if not c:
            continue
        ct = datetime.strptime(c["time"], "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC).timestamp()
        if c["broker"] is None:  # the network path: no broker is to blame, the cause is the clients' first symptom
            if abs(ct - wins[i][0]) > 0.001:
                errors.append(f"burst {i}: a cause without a broker must be the burst's first symptom, not {c['time']}")
            if not any(abs(t - ct) <= 0.001 and re.search(r"in state UP\)", text) for t, _, text in sym_times):
                errors.append(f"burst {i}: no client line with a connection age at {c['time']}")
            continue
        bd = os.path.join(d, f"broker-{c['broker']}")
        found = False
        for f in sorted(os.listdir(bd)):
            tzname = tzmap.get(f"broker-{c['broker']}") if f.startswith("server.log") else None
            for line in text_lines(os.path.join(bd, f)):
                m = re.search(cause_re[c["kind"]], line)
                if not m:
                    continue
                jvm = jvm_starts.get(f"broker-{c['broker']}") if f.startswith("gc.log") else None
                t = parse_line_time(f, line.rstrip("\n"), tzname, jvm)
                if c["kind"] == "gc_pause":
                    t -= float(m.group(1)) / 1000
                found = found or abs(t - ct) <= 2.0
        if not found:
            errors.append(f"burst {i}: no {c['kind']} line for broker {c['broker']} near {c['time']}")
    return errors, total, counts, sizes


def check_clock_agreement(d):
    """server.log lines mirrored in the journal carry the same time (within 3 ms)."""
    errors = []
    exp = json.loads(read_text(expected_path(d)))
    tzmap = {}
    for i, x in enumerate(exp["args"]):
        if x == "--tz":
            k, v = exp["args"][i + 1].split("=")
            tzmap[k] = v
    for k, v in exp.get("local_tz", {}).items():
        tzmap.setdefault(k, v)
    until = {k: datetime.strptime(v, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC).timestamp()
             for k, v in exp.get("journal_until", {}).items()}
    for n in (1, 2, 3):
        bd = os.path.join(d, f"broker-{n}")
        jf = [f for f in os.listdir(bd) if f.startswith("journal")][0]
        tz = ZoneInfo(tzmap.get(f"broker-{n}", "UTC"))
        server = {}
        for f in os.listdir(bd):
            if f.startswith("server.log"):
                for line in text_lines(os.path.join(bd, f)):
                    if "[KafkaServer id=" in line:
                        server[line.rstrip("\n")] = True
        text = read_text(os.path.join(bd, jf))
        for line in server:
            st = datetime.strptime(line[1:24], "%Y-%m-%d %H:%M:%S,%f").replace(tzinfo=tz).timestamp()
            if st >= until.get(f"broker-{n}", float("inf")):
                continue  # written after the journal was exported
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



def check_all(out, builders):
    """Regenerate every bundle into a temporary directory, compare byte for byte with
    the bundles in out, and run the checks above on out. Returns the number of bad bundles."""
    bad = 0
    names = [fn.__name__.replace("_", "-") for fn in builders]
    with tempfile.TemporaryDirectory() as tmp:
        for fn in builders:
            fn(tmp)
        for name in names:
            d = os.path.join(out, name)
            if not os.path.isfile(expected_path(d)):
                print(f"{name}: missing")
                bad += 1
                continue
            if os.path.isdir(os.path.join(d, "broker-1")):
                errs, total, counts, sizes = check_bundle(d)
                errs += check_clock_agreement(d)
            else:  # a Kubernetes bundle: pods' logs, describe, events
                errs, total, counts, sizes = check_kube_bundle(d)
            # byte-for-byte reproducibility
            for root, _, files in os.walk(os.path.join(tmp, name)):
                for f in files:
                    p = os.path.join(root, f)
                    q = os.path.join(d, os.path.relpath(p, os.path.join(tmp, name)))
                    if not os.path.exists(q) or read_bytes(p) != read_bytes(q):
                        errs.append(f"not reproducible: {os.path.relpath(q, out)}")
            print(f"{name}: {total} bytes, {len(sizes)} files, symptom lines per burst {counts}: {'OK' if not errs else 'FAIL'}")
            for e in errs[:30]:
                print("   ", e)
            bad += bool(errs)
    return bad


# ---------------------------------------------------------------- Kubernetes bundles (k8s-*)
# Own parsers again: kubectl logs --timestamps lines, CRI lines (P parts joined to their F),
# the inner layouts of the pods' output, kubectl describe pod's container state, the events JSON.

MAX_KUBE_BUNDLE_BYTES = 300 * 1024
KUBECTL_RE = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)\.(\d{9})Z (.*)$")
CRI_RE = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?Z (stdout|stderr) ([PF]) (.*)$")
INNER_RES = [  # (regex, strptime format of group 1, ms group, whether the stamp has a date)
    (re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d),(\d{3}) (?:INFO|WARN|ERROR|DEBUG|TRACE) "), "%Y-%m-%d %H:%M:%S"),  # Strimzi
    (re.compile(r"^\[(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d),(\d{3})\] "), "%Y-%m-%d %H:%M:%S"),  # Kafka log4j
    (re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)\.(\d{3}) \["), "%Y-%m-%d %H:%M:%S"),  # logback
    (re.compile(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)\.(\d{3})Z "), "%Y-%m-%dT%H:%M:%S"),  # Spring Boot 3
]
BITNAMI_RE = re.compile(r"^kafka (\d\d:\d\d:\d\d)\.(\d\d) ")
CONT_RE = re.compile(r"^(\t| \(|Caused by|java\.|org\.apache\.kafka\.common\.errors|$)")


def wrapper_lines(path):
    """[(wrapper time s, inner text)] of a kubectl --timestamps or CRI file (.gz read through)."""
    if path.endswith(".gz"):
        import gzip
        with gzip.open(path, "rt", encoding="utf-8") as f:
            raw = f.read().split("\n")
    else:
        raw = read_text(path).split("\n")
    if raw and raw[-1] == "":
        raw.pop()
    out, partial = [], None
    for i, line in enumerate(raw):
        m = CRI_RE.match(line)
        if m:
            t = datetime.strptime(m.group(1), "%Y-%m-%dT%H:%M:%S").replace(tzinfo=UTC).timestamp() + int((m.group(2) or "0").ljust(9, "0")) / 1e9
            if m.group(2) and m.group(2).endswith("0"):
                raise ValueError(f"{path}:{i + 1}: RFC3339Nano stamp with a trailing zero")
            if partial is None:
                partial = [t, ""]
            partial[1] += m.group(5)
            if m.group(4) == "F":
                out.append(tuple(partial))
                partial = None
            continue
        m = KUBECTL_RE.match(line)
        if m:
            t = datetime.strptime(m.group(1), "%Y-%m-%dT%H:%M:%S").replace(tzinfo=UTC).timestamp() + int(m.group(2)) / 1e9
            out.append((t, m.group(3)))
            continue
        raise ValueError(f"{path}:{i + 1}: neither a kubectl --timestamps nor a CRI line: {line[:100]!r}")
    if partial is not None:
        raise ValueError(f"{path}: ends in a P part")
    return out


def inner_time(text, wrapper_t):
    """The inner line's own time (s), None if it has none (continuation, script output)."""
    for rx, fmt in INNER_RES:
        m = rx.match(text)
        if m:
            return datetime.strptime(m.group(1), fmt).replace(tzinfo=UTC).timestamp() + int(m.group(2)) / 1000
    m = BITNAMI_RE.match(text)
    if m:  # container-local time of day, the date is the wrapper's
        day = datetime.fromtimestamp(wrapper_t, UTC).strftime("%Y-%m-%d ")
        return datetime.strptime(day + m.group(1), "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC).timestamp() + int(m.group(2)) / 100
    return None


def check_kube_bundle(d):
    errors = []
    exp = json.loads(read_text(expected_path(d)))
    total, sizes, sym_times, brokers = 0, {}, [], {}
    describe, kube_events = None, []
    for root, _, files in os.walk(d):
        for f in sorted(files):
            p = os.path.join(root, f)
            rel = os.path.relpath(p, d)
            total += os.path.getsize(p)
            sizes[rel] = os.path.getsize(p)
            if f == "events.json":
                o = json.loads(read_text(p))
                if o.get("kind") != "List" or not o.get("items"):
                    errors.append(f"{rel}: not a kubectl get -o json List of events")
                kube_events += o.get("items", [])
                for it in o.get("items", []):
                    ts = it.get("lastTimestamp") or it.get("eventTime")
                    if not ts or not ts.startswith("2026-"):
                        errors.append(f"{rel}: event {it['metadata']['name']} without a 2026 time")
                continue
            if f == "describe-pod.txt":
                describe = read_text(p)
                continue
            try:
                lines = wrapper_lines(p)
            except ValueError as e:
                errors.append(str(e))
                continue
            recs, last = [], 0.0
            for wt, text in lines:
                if wt < last:
                    errors.append(f"{rel}: runtime stamps go backwards at {text[:60]!r}")
                last = wt
                if not (T("2026-01-01T00:00:00") / 1e6 < wt < T("2027-01-01T00:00:00") / 1e6):
                    errors.append(f"{rel}: time outside 2026")
                it = inner_time(text, wt)
                if it is None:
                    if recs and CONT_RE.match(text):
                        recs[-1][1] += "\n" + text
                    elif "kafka-" not in rel:
                        errors.append(f"{rel}: client line without a time stamp: {text[:80]!r}")
                    continue
                if not (wt - 1.0 <= it <= wt + 0.0005):
                    errors.append(f"{rel}: inner time {it:.3f} not within 1 s before the runtime's {wt:.6f}: {text[:80]!r}")
                recs.append([it, text])
            if not recs:
                errors.append(f"{rel}: no records")
            if "kafka-" in rel:
                m = re.search(r"kafka-(\d)", rel)
                brokers.setdefault(int(m.group(1)), []).extend(recs)
            else:
                sym_times += [(t, rel, text) for t, text in recs if SYMPTOM_RE.search(text)]
    if total > MAX_KUBE_BUNDLE_BYTES:
        errors.append(f"bundle is {total} bytes > {MAX_KUBE_BUNDLE_BYTES}")
    if describe is not None and "--now" not in exp["args"]:
        errors.append("describe-pod.txt has ages: args need --now")

    def ts(s):
        return datetime.strptime(s, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC).timestamp()
    wins = [(ts(b["start"]), ts(b["end"])) for b in exp["bursts"]]
    counts = [0] * len(wins)
    for t, rel, line in sym_times:
        hit = [i for i, (s, e) in enumerate(wins) if s - 0.001 <= t <= e + 0.001]
        if len(hit) != 1:
            errors.append(f"symptom outside the expected bursts ({len(hit)} windows): {rel}: {line[:140]}")
        for i in hit:
            counts[i] += 1
    for i, c in enumerate(counts):
        if c != exp["bursts"][i]["count"]:
            errors.append(f"burst {i}: {c} symptom lines found, expected.json says {exp['bursts'][i]['count']}")
    for i, b in enumerate(exp["bursts"]):
        c = b["cause"]
        ct = ts(c["time"])
        if not (wins[i][0] - 120 <= ct <= wins[i][1]):
            errors.append(f"burst {i}: cause time {c['time']} not within 120 s before the burst")
        found = False
        if c["kind"] == "container_terminated":
            m = re.search(r"Last State:\s+Terminated\n\s+Reason:\s+OOMKilled\n\s+Exit Code:\s+137\n\s+Started:.*\n\s+Finished:\s+(.*)\n",
                          describe or "")
            found = bool(m) and datetime.strptime(m.group(1), "%a, %d %b %Y %H:%M:%S %z").timestamp() == ct
        elif c["kind"] == "pod_killed":
            # the kubelet's Killing event of the broker's pod, at that second
            def when(e):
                t = e.get("lastTimestamp") or e.get("eventTime") or ""
                return datetime.strptime(t[:19], "%Y-%m-%dT%H:%M:%S").replace(tzinfo=UTC).timestamp() if t else None
            found = any(e.get("reason") == "Killing" and e["involvedObject"]["name"].endswith(f"-{c['broker']}")
                        and when(e) == ct for e in kube_events)
        elif c["kind"] == "broker_stop":
            found = any(abs(t - ct) <= 2.0 for t, text in brokers.get(c["broker"], [])
                        if re.search(rf"\[KafkaServer id={c['broker']}\] shutting down \(kafka\.server\.KafkaServer\)", text))
        if not found:
            errors.append(f"burst {i}: no {c['kind']} record for broker {c['broker']} at {c['time']}")
        # the broker is back: a start line of that broker after the cause
        if not any(t > ct and re.search(rf"\[KafkaServer id={c['broker']}\] started", text) for t, text in brokers.get(c["broker"], [])):
            errors.append(f"burst {i}: broker {c['broker']} never started again")
    return errors, total, counts, sizes
