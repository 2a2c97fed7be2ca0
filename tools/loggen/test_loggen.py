"""Self-test of the loggen package (standard library unittest).

    python3 -m unittest discover -s tools/loggen -v      # from the repository root

- every emitter's stamp parses back, with the checker's independent parser
  (loggen.check.parse_line_time), to the time it was given;
- the per-second cached formatters of the corpus agree with the datetime ones;
- the export format is binary-safe;
- the checker accepts a freshly built bundle and rejects broken ones;
- every corpus file's records parse back into the corpus day;
- the generators reproduce what is committed (samples/, tests/data/journal/oom-events.tsv).
"""

import io
import json
import os
import random
import shutil
import struct
import sys
import tempfile
import unittest
from contextlib import redirect_stdout
from datetime import datetime
from zoneinfo import ZoneInfo

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))

from loggen import check, corpus, gc, javaclient, journal, journal_fixture, kube, kubescenarios, librdkafka, sarama, scenarios  # noqa: E402
from loggen.common import MS, SEC, UTC, T, dt, expected_path, iso_z_ms  # noqa: E402
from loggen.javalog import (compose, log4j, log4j_clock, logback, logback_clock, logstash, spring3,  # noqa: E402
                            ts_iso_z, ts_log4j, ts_logback)

BERLIN = ZoneInfo("Europe/Berlin")


def times(n=300, seed=11, lo="2026-01-01T00:00:00", hi="2026-12-31T23:00:00"):
    """Random epoch-µs times in 2026."""
    r = random.Random(seed)
    return [r.randint(T(lo), T(hi)) for _ in range(n)]


def ms_of(seconds):
    """parse_line_time's float seconds -> integer milliseconds (its floats carry ms or µs)."""
    return int(round(seconds * 1000))


def us_of(seconds):
    return int(round(seconds * 1e6))


class StampsParseBack(unittest.TestCase):
    """Each emitter's record, parsed by the checker's own regexes, gives back its time."""

    def parse(self, line, name="x.log", tz=None):
        t = check.parse_line_time(name, line, tz)
        self.assertIsNotNone(t, line)
        return t

    def test_java_layouts(self):
        tag = javaclient.producer_tag("p-1")
        for t in times():
            ms = t // MS
            msg = javaclient.node_disconnected(tag, 2)
            lines = [log4j(ts_log4j(t), "INFO", msg, javaclient.NC),
                     logback(ts_logback(t), "main", "WARN", javaclient.NC, msg),
                     spring3(ts_iso_z(t), "INFO", 1, "app", "kafka-producer-network-thread | p-1", javaclient.NC, msg),
                     logstash(ts_iso_z(t), "ERROR", javaclient.SENDER, "main", msg, "java.lang.Exception"),
                     compose("audit-writer-1", log4j(ts_log4j(t), "INFO", msg, javaclient.NC)),
                     compose("audit-writer-1", logback(ts_logback(t), "main", "INFO", javaclient.NC, msg))]
            for line in lines:
                self.assertEqual(ms_of(self.parse(line)), ms, line)

    def test_log4j_local_time(self):
        # server.log without an offset, read with the zone the bundle's args give
        for t in times(lo="2026-04-01T00:00:00", hi="2026-09-30T00:00:00"):
            line = log4j(ts_log4j(t, BERLIN), "INFO", "[KafkaServer id=2] started", "kafka.server.KafkaServer")
            self.assertEqual(ms_of(self.parse(line, "server.log", "Europe/Berlin")), t // MS, line)

    def test_librdkafka(self):
        for t in times():
            line = librdkafka.line(t // MS, 3, "FAIL", "c#producer-1", librdkafka.broker(2),
                                   librdkafka.disconnected(librdkafka.broker(2), 1234))
            self.assertEqual(ms_of(self.parse(line)), t // MS, line)

    def test_librdkafka_python_logging(self):
        for t in times():
            b = librdkafka.broker(3)
            for lvl in (3, 4, 6):
                line = librdkafka.python_line(librdkafka.ts_python(t), librdkafka.PY_LEVEL[lvl],
                                              librdkafka.log_cb("FAIL", "p#producer-1", b, librdkafka.disconnected(b, 99)))
                self.assertEqual(ms_of(self.parse(line)), t // MS, line)
            line = librdkafka.python_line(librdkafka.ts_python(t), "ERROR",
                                          "kafka error: " + librdkafka.kafka_error("_TRANSPORT", -195, librdkafka.disconnected(b, 99)))
            self.assertEqual(ms_of(self.parse(line)), t // MS, line)

    def test_sarama_go_log(self):
        # Go's log prints whole seconds: the stamp parses back to the second
        for t in times():
            for prefix in ("[sarama] ", ""):
                line = sarama.line(sarama.ts_go(t), sarama.broker_closing(3, "EOF"), prefix)
                self.assertEqual(us_of(self.parse(line)), t - t % SEC, line)

    def test_gc_unified(self):
        for t in times():
            for tz in (UTC, BERLIN):
                line = gc.decorate([gc.ts_gc(t, tz), gc.uptime(123456), "info", "gc".ljust(12)],
                                   gc.pause(7, "Pause Young (Normal) (G1 Evacuation Pause)", 3000, 1200, 6144, 12.5))
                self.assertEqual(ms_of(self.parse(line, "gc.log")), t // MS, line)

    def test_journal_short_modes(self):
        for t in times():
            d = dt(t)
            want = {"short": t // SEC * SEC, "short-iso": t // SEC * SEC,
                    "short-precise": t, "short-iso-precise": t}
            for mode, w in want.items():
                line = journal.short_line(journal.short_stamp(mode, d), "broker-1", "systemd", 1,
                                          journal.stopping(journal.KAFKA_UNIT, journal.KAFKA_DESCRIPTION))
                self.assertEqual(us_of(self.parse(line, f"journal.{mode}.txt")), w, line)
            kern = journal.short_line(journal.short_stamp("short-iso", d), "broker-1", "kernel", None, "Out of memory")
            self.assertIn(" kernel: Out of memory", kern)

    def test_journal_json(self):
        for t in times():
            fields = journal.address(t, t - T("2026-01-01T00:00:00"), "b" * 32, "m" * 32, "broker-1")
            line = journal.json_entry([(k, journal.json_value(v)) for k, v in fields])
            self.assertEqual(json.loads(line)["_HOSTNAME"], "broker-1")
            self.assertEqual(us_of(self.parse(line, "journal.json")), t, line)


class CachedClocksAgree(unittest.TestCase):
    """The corpus's per-second cached formatters print what the bundles' datetime ones print."""

    def test_clocks(self):
        c4, cb, cg, cj = log4j_clock(), logback_clock(), gc.gc_clock(), journal.short_iso_utc_clock()
        for t in sorted(times(2000)):  # sorted: consecutive stamps share the cached second
            ms = t // MS
            tu = ms * MS
            self.assertEqual(c4(ms), ts_log4j(tu))
            self.assertEqual(cb(ms), ts_logback(tu))
            self.assertEqual(cg(ms) + "+0000", gc.ts_gc(tu))
            self.assertEqual(iso_z_ms(ms), ts_iso_z(tu))
            self.assertEqual(cj(ms), journal.short_stamp("short-iso", dt(tu)))


class ExportFormat(unittest.TestCase):
    def test_binary_safe(self):
        b = journal.export_entry([("MESSAGE", "a=b"), ("X", "two\nlines")])
        self.assertEqual(b, b"MESSAGE=a=b\nX\n" + struct.pack("<Q", 9) + b"two\nlines\n\n")


class Checker(unittest.TestCase):
    """check_bundle accepts a freshly built bundle and reports each kind of damage."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="loggen-test-")
        scenarios.oom_kill(cls.tmp)
        cls.d = os.path.join(cls.tmp, "oom-kill")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def copy(self):
        d = tempfile.mkdtemp(prefix="loggen-test-", dir=self.tmp)
        shutil.copytree(self.d, os.path.join(d, "oom-kill"))
        shutil.copy(expected_path(self.d), expected_path(os.path.join(d, "oom-kill")))
        return os.path.join(d, "oom-kill")

    def test_fresh_bundle_passes(self):
        errors, total, counts, _ = check.check_bundle(self.d)
        self.assertEqual(errors, [])
        self.assertEqual(check.check_clock_agreement(self.d), [])
        exp = json.loads(check.read_text(expected_path(self.d)))
        self.assertEqual(counts, [b["count"] for b in exp["bursts"]])
        self.assertLess(total, check.MAX_BUNDLE_BYTES)

    def test_missing_symptom_line(self):
        d = self.copy()
        p = os.path.join(d, "clients", "telemetry-ingest.log")
        lines = check.text_lines(p)
        i = next(i for i, x in enumerate(lines) if "Disconnected (after" in x)
        with open(p, "w") as f:
            f.writelines(lines[:i] + lines[i + 1:])
        errors = check.check_bundle(d)[0]
        self.assertTrue(any("symptom lines found" in e for e in errors), errors)

    def test_symptom_outside_bursts(self):
        d = self.copy()
        p = os.path.join(d, "clients", "telemetry-ingest.log")
        line = librdkafka.line(T("2026-03-05T02:40:00") // MS, 3, "FAIL", "telemetry-ingest#producer-1",
                               librdkafka.broker(1), librdkafka.disconnected(librdkafka.broker(1), 99))
        with open(p, "a") as f:
            f.write(line + "\n")
        errors = check.check_bundle(d)[0]
        self.assertTrue(any("symptom outside the expected bursts" in e for e in errors), errors)

    def test_cause_without_broker_line(self):
        d = self.copy()
        exp = json.loads(check.read_text(expected_path(d)))
        exp["bursts"][0]["cause"]["time"] = "2026-03-05T03:46:40.000Z"  # before the kill: no line there
        with open(expected_path(d), "w") as f:
            json.dump(exp, f)
        errors = check.check_bundle(d)[0]
        self.assertTrue(any("no oom_kill line" in e for e in errors), errors)

    def test_unparseable_stamp(self):
        d = self.copy()
        with open(os.path.join(d, "broker-1", "server.log"), "a") as f:
            f.write("17.03.2026 10:00:00 INFO a line in another layout\n")
        errors = check.check_bundle(d)[0]
        self.assertTrue(any("no time stamp" in e for e in errors), errors)

    def test_journal_clock_disagrees(self):
        d = self.copy()
        p = os.path.join(d, "broker-2", "server.log")
        text = check.read_text(p)
        i = text.index("[KafkaServer id=2] started")
        start = text.rindex("\n", 0, i) + 1  # '[2026-03-05 03:47:..,mmm] INFO [KafkaServer id=2] started'
        stamp = text[start + 1:start + 24]
        shifted = (datetime.strptime(stamp, "%Y-%m-%d %H:%M:%S,%f").replace(second=0)).strftime("%Y-%m-%d %H:%M:%S,%f")[:-3]
        with open(p, "w") as f:
            f.write(text[:start + 1] + shifted + text[start + 24:])
        errors = check.check_clock_agreement(d)
        self.assertTrue(errors, "a server.log lifecycle line moved away from its journal copy went unnoticed")


class KubeShapes(unittest.TestCase):
    """kube.py's wrappers parse back with the checker's own parsers; tabwriter and ages as Go prints them."""

    def test_wrappers_parse_back(self):
        with tempfile.TemporaryDirectory(prefix="loggen-test-") as tmp:
            p = os.path.join(tmp, "x.log")
            for t in times(100):
                t_ns = t * 1000 + t % 1000
                inner = log4j(ts_log4j(t), "INFO", "[KafkaServer id=2] started", "kafka.server.KafkaServer")
                long = inner + " " + "x" * (kube.CRI_MAX_LINE + 10)
                for text in (kube.kubectl_line(t_ns, inner) + "\n",
                             "\n".join(kube.cri_lines([t_ns, t_ns + 5000], long)) + "\n"):
                    with open(p, "w") as f:
                        f.write(text)
                    (wt, got), = check.wrapper_lines(p)
                    self.assertAlmostEqual(wt, t / 1e6, delta=2e-6, msg=text[:80])
                    self.assertEqual(ms_of(check.inner_time(got, wt)), t // MS)
                self.assertEqual(got, long)  # the P part and the F part joined

    def test_rfc3339nano_trims_zeros(self):
        self.assertEqual(kube.rfc3339nano(T("2026-03-05T03:47:12.500000") * 1000), "2026-03-05T03:47:12.5Z")
        self.assertEqual(kube.rfc3339nano(T("2026-03-05T03:47:12") * 1000), "2026-03-05T03:47:12Z")
        self.assertEqual(kube.rfc3339nano_fixed(T("2026-03-05T03:47:12.500000") * 1000), "2026-03-05T03:47:12.500000000Z")

    def test_human_duration(self):
        for s, want in [(0, "0s"), (119, "119s"), (120, "2m"), (348, "5m48s"), (600, "10m"), (3 * 3600, "3h"),
                        (3 * 3600 + 60, "3h1m"), (9 * 3600, "9h"), (50 * 3600, "2d2h"), (9 * 86400, "9d")]:
            self.assertEqual(kube.human_duration(s), want, s)

    def test_tabwriter_blocks(self):
        # a line without a tab ends the column block, as in Go's text/tabwriter
        got = kube.tabwriter("Name:\tx\nService Account:\ty\nVolumes:\n  a:\tb\n")
        self.assertEqual(got, "Name:             x\nService Account:  y\nVolumes:\n  a:  b\n")

    def test_kube_checker(self):
        with tempfile.TemporaryDirectory(prefix="loggen-test-") as tmp:
            kubescenarios.k8s_oom_killed(tmp)
            d = os.path.join(tmp, "k8s-oom-killed")
            self.assertEqual(check.check_kube_bundle(d)[0], [])
            p = os.path.join(d, "my-cluster-kafka-1.previous.log")
            with open(p, "a") as f:  # an inner stamp far from the runtime's
                f.write("2026-03-19T02:13:41.000000000Z 2026-03-19 02:10:00,000 INFO late (kafka.log.Log) [main]\n")
            errors = check.check_kube_bundle(d)[0]
            self.assertTrue(any("not within 1 s before" in e for e in errors), errors)
            exp = json.loads(check.read_text(expected_path(d)))
            exp["bursts"][0]["cause"]["time"] = "2026-03-19T02:13:40.000Z"
            with open(expected_path(d), "w") as f:
                json.dump(exp, f)
            errors = check.check_kube_bundle(d)[0]
            self.assertTrue(any("no container_terminated record" in e for e in errors), errors)


class CorpusParsesBack(unittest.TestCase):
    """Small corpus files: every record parses back into the corpus day; the incidents are there."""

    def test_files(self):
        with tempfile.TemporaryDirectory(prefix="loggen-test-") as tmp:
            for rel in corpus.FILES:
                corpus.build((rel, 300_000, 7, tmp))
                p = os.path.join(tmp, "corpus", rel)
                n = 0
                for line in check.text_lines(p):
                    t = check.parse_line_time(p, line.rstrip("\n"), None)
                    if t is None:
                        continue
                    n += 1
                    self.assertTrue(corpus.DAY0 <= ms_of(t) <= corpus.END + 60_000, f"{rel}: {line[:100]}")
                self.assertGreater(n, 100, rel)
            j2 = check.read_text(os.path.join(tmp, "corpus", "broker-2", "journal.short-iso.txt"))
            self.assertIn("systemd[1]: Stopping kafka.service - Apache Kafka server (broker)...", j2)
            j1 = check.read_text(os.path.join(tmp, "corpus", "broker-1", "journal.json"))
            self.assertIn("Out of memory: Killed process", j1)
            g3 = check.read_text(os.path.join(tmp, "corpus", "broker-3", "gc.log"))
            self.assertIn("Pause Full (G1 Compaction Pause) 6104M->5100M(6144M) 38123.456ms", g3)


class ReproducesCommitted(unittest.TestCase):
    """The generators rewrite what is committed, byte for byte."""

    def test_samples(self):
        out = io.StringIO()
        with redirect_stdout(out):
            bad = check.check_all(os.path.join(ROOT, "samples"), scenarios.BUNDLES)
        self.assertEqual(bad, 0, out.getvalue())

    def test_journal_fixture_truth(self):
        with tempfile.TemporaryDirectory(prefix="loggen-test-") as tmp:
            n = journal_fixture.write(os.path.join(tmp, "x.export"), os.path.join(tmp, "oom-events.tsv"))
            self.assertEqual(n, 59)
            self.assertEqual(check.read_bytes(os.path.join(tmp, "oom-events.tsv")),
                             check.read_bytes(os.path.join(ROOT, "tests", "data", "journal", "oom-events.tsv")))
            recs = [r for r in check.read_bytes(os.path.join(tmp, "x.export")).split(b"\n\n") if r]
            self.assertEqual(len(recs), 59)


if __name__ == "__main__":
    unittest.main()
