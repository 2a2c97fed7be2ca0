// The layout table: every fact about one input layout in one entry (name,
// framing, stamp family, sniff data, role flags, splitting, a summary and
// sample records with the time each must get). Sniffing logic that must be
// code stays in sniff.cpp, driven by the entries' sniff data; the parser
// dispatch in record_parser.cpp switches on the entry's stamp family.
//
// Samples are real records: from tests/unit/format_test.cpp and from
// ../shared/corpus (journal/ renderings of events.tsv seq 1, real-lines/).
// tests/unit/layouts_test.cpp runs each through sniff, frame and parse.
// README.md's layout list is generated from this table (name, summary,
// framing, first sample and its time: `logcorr formats --markdown`); after
// changing an entry, rebuild and run `python3 scripts/update-readme.py`.
#include <array>

#include "logcorr/format.hpp"

namespace logcorr {

namespace {

// tests/unit/format_test.cpp (JavaStamps, Wrappers)
constexpr LayoutSample kLog4jSamples[] = {
    {"[2026-06-29 14:22:08,455] INFO [KafkaServer id=1] started", "2026-06-29T14:22:08.455Z"},
    {"[2026-06-29 14:22:08,455] INFO x", "2026-06-29T12:22:08.455Z", "Europe/Berlin"},
    {"kafka-1  | [2026-06-29 14:22:08,455] INFO [Broker id=1] z", "2026-06-29T14:22:08.455Z"},
};
constexpr LayoutSample kLogbackSamples[] = {
    {"2026-06-29 14:22:08.455  INFO 1 --- [main] o.s.b.App : x", "2026-06-29T14:22:08.455Z"},
};
constexpr LayoutSample kIso8601Samples[] = {
    {"2026-06-29T14:22:08.455Z  INFO 1 --- [main] x", "2026-06-29T14:22:08.455Z"},
    {"2026-06-29T14:22:08.455+05:30 INFO x", "2026-06-29T08:52:08.455Z"},
    {"2026-06-29T14:22:08.999999999Z stderr F 2026-06-29T14:22:08.455Z WARN y",
     "2026-06-29T14:22:08.455Z"},
};
constexpr LayoutSample kTimeOnlySamples[] = {
    {"14:22:08.455 [t] INFO x", "2026-03-05T14:22:08.455Z"},
};
constexpr LayoutSample kJsonAppSamples[] = {
    {R"({"@timestamp":"2026-06-29T14:22:08.455+02:00","message":"hi","level":"INFO"})",
     "2026-06-29T12:22:08.455Z"},
    {R"({"timeMillis":1782742928455,"thread":"main","message":"m"})", "2026-06-29T14:22:08.455Z"},
};
constexpr LayoutSample kLibrdkafkaSamples[] = {
    {"%3|1782742928.123|FAIL|rdkafka#producer-1| [thrd:b1:9092/1]: b1:9092/1: Connect failed",
     "2026-06-29T14:22:08.123Z"},
    // ../shared/corpus/real-lines-2/rdkafka-isotime.log (a log_cb printing local ISO time)
    {"%7|2023-08-18T09:07:19.341|FAIL|rdkafka#producer-1| [thrd:ssl://kafka3-001.w.x-3.y.z:6668/"
     "31501]: ssl://kafka3-001.w.x-3.y.z:6668/31501: Disconnected (after 16592531ms in state UP) "
     "(_TRANSPORT)",
     "2023-08-18T07:07:19.341Z", "Europe/Berlin"},
};
// ../shared/corpus/real-lines-2/sarama-stdlog.log, franz-slog.log (Go's log
// package: LstdFlags, with the "[sarama] " prefix of log.New, and Lmicroseconds)
constexpr LayoutSample kGoLogSamples[] = {
    {"[sarama]      2018/07/10 10:06:47 producer/broker/0 state change to [closing] because EOF",
     "2018-07-10T10:06:47Z"},
    {"2025/04/30 10:23:57 WARN read from broker errored, killing connection after 0 successful "
     "responses (is SASL missing?) component=kafka addr=localhost:35306 broker=seed_0 err=EOF",
     "2025-04-30T10:23:57Z"},
    {"2026/03/05 03:47:12.123456 client/metadata fetching metadata for all topics from broker b1",
     "2026-03-05T02:47:12.123456Z", "Europe/Berlin"},
};
// ../shared/corpus/real-lines-2/sarama-glog-cockroach.log (CockroachDB's
// YYMMDD) and k8s-kubelet-syslog.log's kubelet line without its syslog prefix
constexpr LayoutSample kKlogSamples[] = {
    {"I210506 21:26:48.250611 87004820 vendor/github.com/Shopify/sarama/async_producer.go:589 "
     "[kafka-producer] producer/leader/names/0 abandoning broker 1",
     "2021-05-06T21:26:48.250611Z"},
    {"I1012 19:34:45.000152    2480 kuberuntime_container.go:709] \"Killing container with a "
     "grace period\" pod=\"default/nginx\" gracePeriod=30",
     "2026-10-12T19:34:45.000152Z"},
};
// Layouts read by generic stamp finding. Spark: LogHub's Spark sample
// (loghub/Spark/Spark_2k.log, line 1); old Hadoop: LogHub's HDFS sample
// (loghub/HDFS/HDFS_2k.log, line 1); Serilog: ../shared/corpus/real-lines-2/
// rdkafka-dotnet-serilog.log (date from the reference day); Tanuki: the
// wrapper's documented console format (wrapper.console.format=PM|T); the
// OpenTelemetry Java agent's own logger (its documented start-up line).
constexpr LayoutSample kSparkSamples[] = {
    {"17/06/09 20:10:40 INFO executor.CoarseGrainedExecutorBackend: Registered signal handlers "
     "for [TERM, HUP, INT]",
     "2017-06-09T20:10:40Z"},
};
constexpr LayoutSample kHadoopSamples[] = {
    {"081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block "
     "blk_38865049064139660 terminating",
     "2008-11-09T20:36:15Z"},
};
constexpr LayoutSample kSerilogSamples[] = {
    {"[12:24:27 INF] rdkafka#producer-1: FAIL - [thrd:sasl_ssl://oauth-1.test.bin.az.company.tech:"
     "9094/1]: sasl_ssl://oauth-1.test.bin.az.company.tech:9094/1: 1 request(s) timed out: "
     "disconnect (after 298222ms in state UP) (_TIMED_OUT)",
     "2026-03-05T12:24:27Z"},
};
constexpr LayoutSample kTanukiSamples[] = {
    {"INFO   | jvm 1    | 2015/04/28 18:40:00 | [2015-04-28 18:40:00,123] INFO [KafkaServer "
     "id=1] started (kafka.server.KafkaServer)",
     "2015-04-28T18:40:00Z"},
};
constexpr LayoutSample kOtelAgentSamples[] = {
    {"[otel.javaagent 2025-04-24 19:51:57:317 +0000] [main] INFO "
     "io.opentelemetry.javaagent.tooling.VersionLogger - opentelemetry-javaagent - version: 2.15.0",
     "2025-04-24T19:51:57.317Z"},
};
// Go's log/slog TextHandler (its documentation's example), and an epoch
// seconds ts= as zap's and go-kit's logfmt loggers print it.
constexpr LayoutSample kLogfmtSamples[] = {
    {"time=2022-11-08T15:28:26.000-05:00 level=INFO msg=hello count=3", "2022-11-08T20:28:26.000Z"},
    {"ts=1782742928.455 caller=main.go:42 level=warn msg=\"unable to open connection to broker\" "
     "addr=b1:9092 broker=1 err=\"dial tcp 10.0.4.11:9092: connect: connection refused\"",
     "2026-06-29T14:22:08.455Z"},
};
// RFC 5424 section 6.5, examples 1 and 3.
constexpr LayoutSample kSyslog5424Samples[] = {
    {"<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - 'su root' failed for "
     "lonvick on /dev/pts/8",
     "2003-10-11T22:14:15.003Z"},
    {"<165>1 2003-10-11T22:14:15.003000-07:00 mymachine.example.com evntslog - ID47 "
     "[exampleSDID@32473 iut=\"3\" eventSource=\"Application\" eventID=\"1011\"] An "
     "application event log entry...",
     "2003-10-12T05:14:15.003000Z"},
};
// Generic stamps in text of no known layout: ../shared/corpus/real-lines-2/
// rdkafka-ddmmyyyy.log (day 16 settles the order); date(1); an access log.
constexpr LayoutSample kPlainGenericSamples[] = {
    {"16-08-2018 17:28:51.038 ERROR - ERROR (Local: Broker transport failure): kafka1:9092/"
     "bootstrap: Receive failed: Disconnected",
     "2018-08-16T17:28:51.038Z"},
    {"Mon Jun 29 14:22:08 UTC 2026 kafka-health: broker 1 not answering", "2026-06-29T14:22:08Z"},
    {"10.0.4.21 - - [29/Jun/2026:14:22:08 +0200] \"GET /health HTTP/1.1\" 503 19",
     "2026-06-29T12:22:08Z"},
    {"(root) CMD (cd / && run-parts --report /etc/cron.hourly)", "-"},
};

// ../shared/corpus/journal/journal-short.txt, entry 1 (events.tsv seq 1)
constexpr LayoutSample kJournalShortSamples[] = {
    {"Mar 28 18:17:01 broker-1 CRON[30112]: (root) CMD (cd / && run-parts --report "
     "/etc/cron.hourly)",
     "2026-03-28T18:17:01Z"},
};
// ../shared/corpus/journal/journal-short-precise.txt, entry 1 (events.tsv seq 1)
constexpr LayoutSample kJournalShortPreciseSamples[] = {
    {"Mar 28 18:17:01.202875 broker-1 CRON[30112]: (root) CMD (cd / && run-parts --report "
     "/etc/cron.hourly)",
     "2026-03-28T18:17:01.202875Z"},
};
// ../shared/corpus/journal/journal-short-full.txt, entry 1 (events.tsv seq 1)
constexpr LayoutSample kJournalShortFullSamples[] = {
    {"Sat 2026-03-28 18:17:01 UTC broker-1 CRON[30112]: (root) CMD (cd / && run-parts --report "
     "/etc/cron.hourly)",
     "2026-03-28T18:17:01Z"},
};
// ../shared/corpus/journal/journal-short-iso.txt, entry 1 (events.tsv seq 1)
constexpr LayoutSample kJournalShortIsoSamples[] = {
    {"2026-03-28T18:17:01+0000 broker-1 CRON[30112]: (root) CMD (cd / && run-parts --report "
     "/etc/cron.hourly)",
     "2026-03-28T18:17:01Z"},
};
// ../shared/corpus/journal/journal-short-iso-precise.txt, entry 1 (events.tsv seq 1)
constexpr LayoutSample kJournalShortIsoPreciseSamples[] = {
    {"2026-03-28T18:17:01.202875+0000 broker-1 CRON[30112]: (root) CMD (cd / && run-parts --report "
     "/etc/cron.hourly)",
     "2026-03-28T18:17:01.202875Z"},
};
// ../shared/corpus/journal/journal-short-unix.txt, entry 1 (events.tsv seq 1)
constexpr LayoutSample kJournalShortUnixSamples[] = {
    {"1774721821.202875 broker-1 CRON[30112]: (root) CMD (cd / && run-parts --report "
     "/etc/cron.hourly)",
     "2026-03-28T18:17:01.202875Z"},
};
// ../shared/corpus/journal/journal-short-monotonic.txt, entry 1 (events.tsv seq 1)
constexpr LayoutSample kJournalShortMonotonicSamples[] = {
    {"[1689943.320360] broker-1 CRON[30112]: (root) CMD (cd / && run-parts --report "
     "/etc/cron.hourly)",
     "2026-03-28T18:17:01.203000Z", "", "2026-03-09T04:51:17.882640Z"},
};
// ../shared/corpus/journal/journal-short-delta.txt, entry 1 (events.tsv seq 1)
constexpr LayoutSample kJournalShortDeltaSamples[] = {
    {"[1689943.320360                ] broker-1 CRON[30112]: (root) CMD (cd / && run-parts "
     "--report /etc/cron.hourly)",
     "2026-03-28T18:17:01.203000Z", "", "2026-03-09T04:51:17.882640Z"},
};
// ../shared/corpus/journal/journal-with-unit.txt, entry 1 (events.tsv seq 1)
constexpr LayoutSample kJournalWithUnitSamples[] = {
    {"Sat 2026-03-28 18:17:01 UTC broker-1 cron.service[30112]: (root) CMD (cd / && run-parts "
     "--report /etc/cron.hourly)",
     "2026-03-28T18:17:01Z"},
};
// ../shared/corpus/journal/journal-verbose.txt, entry 1 (events.tsv seq 1)
constexpr LayoutSample kJournalVerboseSamples[] = {
    {"Sat 2026-03-28 18:17:01.202875 UTC "
     "[s=f9acfc154fc447cd8aa3d0ff2f828ee6;i=1;b=e4b1a7c29d3f4c8e9a61b05d7f2c3e18;m=1897878a728;t="
     "64e199fba5a38;x=7aa00967b66e2a26]\n"
     "    _BOOT_ID=e4b1a7c29d3f4c8e9a61b05d7f2c3e18\n"
     "    _MACHINE_ID=b7d29e4f1a6c4e3b8f05a9c1d2e3f470\n"
     "    _HOSTNAME=broker-1\n"
     "    PRIORITY=6\n"
     "    SYSLOG_FACILITY=9\n"
     "    SYSLOG_IDENTIFIER=CRON\n"
     "    SYSLOG_PID=30112\n"
     "    _PID=30112\n"
     "    _UID=0\n"
     "    _GID=0\n"
     "    _COMM=cron\n"
     "    _EXE=/usr/sbin/cron\n"
     "    _SYSTEMD_CGROUP=/system.slice/cron.service\n"
     "    _SYSTEMD_UNIT=cron.service\n"
     "    _SYSTEMD_SLICE=system.slice\n"
     "    _TRANSPORT=syslog\n"
     "    SYSLOG_TIMESTAMP=Mar 28 18:17:01 \n"
     "    MESSAGE=(root) CMD (cd / && run-parts --report /etc/cron.hourly)\n"
     "    _SOURCE_REALTIME_TIMESTAMP=1774721821202875",
     "2026-03-28T18:17:01.202875Z"},
};
// ../shared/corpus/journal/journal-export.txt, entry 1 (events.tsv seq 1)
constexpr LayoutSample kJournalExportSamples[] = {
    {"__CURSOR=s=f9acfc154fc447cd8aa3d0ff2f828ee6;i=1;b=e4b1a7c29d3f4c8e9a61b05d7f2c3e18;m="
     "1897878a728;t=64e199fba5a38;x=7aa00967b66e2a26\n"
     "__REALTIME_TIMESTAMP=1774721821203000\n"
     "__MONOTONIC_TIMESTAMP=1689943320360\n"
     "_BOOT_ID=e4b1a7c29d3f4c8e9a61b05d7f2c3e18\n"
     "_MACHINE_ID=b7d29e4f1a6c4e3b8f05a9c1d2e3f470\n"
     "_HOSTNAME=broker-1\n"
     "PRIORITY=6\n"
     "SYSLOG_FACILITY=9\n"
     "SYSLOG_IDENTIFIER=CRON\n"
     "SYSLOG_PID=30112\n"
     "_PID=30112\n"
     "_UID=0\n"
     "_GID=0\n"
     "_COMM=cron\n"
     "_EXE=/usr/sbin/cron\n"
     "_SYSTEMD_CGROUP=/system.slice/cron.service\n"
     "_SYSTEMD_UNIT=cron.service\n"
     "_SYSTEMD_SLICE=system.slice\n"
     "_TRANSPORT=syslog\n"
     "SYSLOG_TIMESTAMP=Mar 28 18:17:01 \n"
     "MESSAGE=(root) CMD (cd / && run-parts --report /etc/cron.hourly)\n"
     "_SOURCE_REALTIME_TIMESTAMP=1774721821202875",
     "2026-03-28T18:17:01.202875Z"},
};
// ../shared/corpus/journal/journal-json.txt, entry 1 (events.tsv seq 1)
constexpr LayoutSample kJournalJsonSamples[] = {
    {"{\"__MONOTONIC_TIMESTAMP\":\"1689943320360\",\"_GID\":\"0\",\"_SYSTEMD_SLICE\":\"system."
     "slice\",\"_SYSTEMD_UNIT\":\"cron.service\",\"SYSLOG_FACILITY\":\"9\",\"_UID\":\"0\",\"_EXE\":"
     "\"/usr/sbin/cron\",\"SYSLOG_TIMESTAMP\":\"Mar 28 18:17:01 "
     "\",\"_PID\":\"30112\",\"__CURSOR\":\"s=f9acfc154fc447cd8aa3d0ff2f828ee6;i=1;b="
     "e4b1a7c29d3f4c8e9a61b05d7f2c3e18;m=1897878a728;t=64e199fba5a38;x=7aa00967b66e2a26\",\"SYSLOG_"
     "IDENTIFIER\":\"CRON\",\"__REALTIME_TIMESTAMP\":\"1774721821203000\",\"_SOURCE_REALTIME_"
     "TIMESTAMP\":\"1774721821202875\",\"PRIORITY\":\"6\",\"MESSAGE\":\"(root) CMD (cd / && "
     "run-parts --report "
     "/etc/cron.hourly)\",\"_HOSTNAME\":\"broker-1\",\"_SYSTEMD_CGROUP\":\"/system.slice/"
     "cron.service\",\"_MACHINE_ID\":\"b7d29e4f1a6c4e3b8f05a9c1d2e3f470\",\"SYSLOG_PID\":\"30112\","
     "\"_BOOT_ID\":\"e4b1a7c29d3f4c8e9a61b05d7f2c3e18\",\"_COMM\":\"cron\",\"_TRANSPORT\":"
     "\"syslog\"}",
     "2026-03-28T18:17:01.202875Z"},
};
// ../shared/corpus/journal/journal-json-pretty.txt, entry 1 (events.tsv seq 1)
constexpr LayoutSample kJournalJsonPrettySamples[] = {
    {"{\n"
     "\t\"_TRANSPORT\" : \"syslog\",\n"
     "\t\"SYSLOG_PID\" : \"30112\",\n"
     "\t\"_EXE\" : \"/usr/sbin/cron\",\n"
     "\t\"_SYSTEMD_SLICE\" : \"system.slice\",\n"
     "\t\"_GID\" : \"0\",\n"
     "\t\"_SOURCE_REALTIME_TIMESTAMP\" : \"1774721821202875\",\n"
     "\t\"PRIORITY\" : \"6\",\n"
     "\t\"_SYSTEMD_UNIT\" : \"cron.service\",\n"
     "\t\"_BOOT_ID\" : \"e4b1a7c29d3f4c8e9a61b05d7f2c3e18\",\n"
     "\t\"__CURSOR\" : "
     "\"s=f9acfc154fc447cd8aa3d0ff2f828ee6;i=1;b=e4b1a7c29d3f4c8e9a61b05d7f2c3e18;m=1897878a728;t="
     "64e199fba5a38;x=7aa00967b66e2a26\",\n"
     "\t\"_COMM\" : \"cron\",\n"
     "\t\"_SYSTEMD_CGROUP\" : \"/system.slice/cron.service\",\n"
     "\t\"__REALTIME_TIMESTAMP\" : \"1774721821203000\",\n"
     "\t\"_HOSTNAME\" : \"broker-1\",\n"
     "\t\"__MONOTONIC_TIMESTAMP\" : \"1689943320360\",\n"
     "\t\"_MACHINE_ID\" : \"b7d29e4f1a6c4e3b8f05a9c1d2e3f470\",\n"
     "\t\"SYSLOG_FACILITY\" : \"9\",\n"
     "\t\"_PID\" : \"30112\",\n"
     "\t\"SYSLOG_TIMESTAMP\" : \"Mar 28 18:17:01 \",\n"
     "\t\"MESSAGE\" : \"(root) CMD (cd / && run-parts --report /etc/cron.hourly)\",\n"
     "\t\"_UID\" : \"0\",\n"
     "\t\"SYSLOG_IDENTIFIER\" : \"CRON\"\n"
     "}",
     "2026-03-28T18:17:01.202875Z"},
};
// ../shared/corpus/journal/journal-json-seq.txt, entry 1 (events.tsv seq 1)
constexpr LayoutSample kJournalJsonSeqSamples[] = {
    {"\x1e{\"SYSLOG_TIMESTAMP\":\"Mar 28 18:17:01 "
     "\",\"PRIORITY\":\"6\",\"_HOSTNAME\":\"broker-1\",\"MESSAGE\":\"(root) CMD (cd / && run-parts "
     "--report "
     "/etc/cron.hourly)\",\"_SYSTEMD_CGROUP\":\"/system.slice/"
     "cron.service\",\"SYSLOG_FACILITY\":\"9\",\"__CURSOR\":\"s=f9acfc154fc447cd8aa3d0ff2f828ee6;i="
     "1;b=e4b1a7c29d3f4c8e9a61b05d7f2c3e18;m=1897878a728;t=64e199fba5a38;x=7aa00967b66e2a26\",\"_"
     "SYSTEMD_SLICE\":\"system.slice\",\"_COMM\":\"cron\",\"__REALTIME_TIMESTAMP\":"
     "\"1774721821203000\",\"_PID\":\"30112\",\"_GID\":\"0\",\"_EXE\":\"/usr/sbin/"
     "cron\",\"_UID\":\"0\",\"SYSLOG_IDENTIFIER\":\"CRON\",\"_SYSTEMD_UNIT\":\"cron.service\",\"_"
     "MACHINE_ID\":\"b7d29e4f1a6c4e3b8f05a9c1d2e3f470\",\"__MONOTONIC_TIMESTAMP\":"
     "\"1689943320360\",\"_TRANSPORT\":\"syslog\",\"_SOURCE_REALTIME_TIMESTAMP\":"
     "\"1774721821202875\",\"_BOOT_ID\":\"e4b1a7c29d3f4c8e9a61b05d7f2c3e18\",\"SYSLOG_PID\":"
     "\"30112\"}",
     "2026-03-28T18:17:01.202875Z"},
};
// ../shared/corpus/journal/journal-json-sse.txt, entry 1 (events.tsv seq 1)
constexpr LayoutSample kJournalJsonSseSamples[] = {
    {"data: "
     "{\"_MACHINE_ID\":\"b7d29e4f1a6c4e3b8f05a9c1d2e3f470\",\"_PID\":\"30112\",\"_SYSTEMD_SLICE\":"
     "\"system.slice\",\"_GID\":\"0\",\"__REALTIME_TIMESTAMP\":\"1774721821203000\",\"_EXE\":\"/"
     "usr/sbin/"
     "cron\",\"__MONOTONIC_TIMESTAMP\":\"1689943320360\",\"PRIORITY\":\"6\",\"_TRANSPORT\":"
     "\"syslog\",\"_BOOT_ID\":\"e4b1a7c29d3f4c8e9a61b05d7f2c3e18\",\"_UID\":\"0\",\"_SOURCE_"
     "REALTIME_TIMESTAMP\":\"1774721821202875\",\"_HOSTNAME\":\"broker-1\",\"SYSLOG_IDENTIFIER\":"
     "\"CRON\",\"__CURSOR\":\"s=f9acfc154fc447cd8aa3d0ff2f828ee6;i=1;b="
     "e4b1a7c29d3f4c8e9a61b05d7f2c3e18;m=1897878a728;t=64e199fba5a38;x=7aa00967b66e2a26\",\"SYSLOG_"
     "TIMESTAMP\":\"Mar 28 18:17:01 "
     "\",\"_COMM\":\"cron\",\"SYSLOG_PID\":\"30112\",\"_SYSTEMD_CGROUP\":\"/system.slice/"
     "cron.service\",\"MESSAGE\":\"(root) CMD (cd / && run-parts --report "
     "/etc/cron.hourly)\",\"_SYSTEMD_UNIT\":\"cron.service\",\"SYSLOG_FACILITY\":\"9\"}",
     "2026-03-28T18:17:01.202875Z"},
};
// ../shared/corpus/journal/journal-cat.txt, entry 1 (events.tsv seq 1)
constexpr LayoutSample kJournalCatSamples[] = {
    {"(root) CMD (cd / && run-parts --report /etc/cron.hourly)", "-"},
};

// tests/unit/format_test.cpp (year rollover; SystemLogs)
constexpr LayoutSample kSyslogSamples[] = {
    {"Jan  1 00:00:03 h cron[1]: b", "2026-01-01T00:00:03Z"},
};
constexpr LayoutSample kDmesgSamples[] = {
    {"[   12.345678] x", "2026-06-29T00:00:12.345678Z", "", "2026-06-29T00:00:00Z"},
};
constexpr LayoutSample kDmesgHumanSamples[] = {
    {"[Mon Jun 29 14:22:08 2026] x", "2026-06-29T14:22:08Z"},
};
// tests/unit/format_test.cpp (hostile input; GcLegacy classifier)
constexpr LayoutSample kGcUnifiedSamples[] = {
    {"[2026-06-29T14:22:05.123+0000][5.000s][info][gc] Using G1", "2026-06-29T14:22:05.123Z"},
};
constexpr LayoutSample kGcLegacySamples[] = {
    {"2017-05-23T18:07:11.386+0800: 1.549: [GC pause (G1 Evacuation Pause) (young), 0.0096572 "
     "secs]",
     "2017-05-23T10:07:11.386Z"},
};

// Kubernetes documents. Real lines: ../shared/corpus/real-lines-2/
// k8s-describe-pod.log (sentry-kubernetes/charts#1491),
// k8s-describe-node-events.log (Dynatrace/k8s-problem-patterns),
// k8s-get-events.log (Gordonby/MinecraftOnAzure, k3s events). The JSON and
// YAML heads are kubectl's (keys sorted, apiVersion first); documents carry
// their times inside, so a line alone has none.
constexpr LayoutSample kKubeDescribeSamples[] = {
    {"    Last State:     Terminated", "-"},
    {"Warning  SystemOOM   3m57s                   kubelet         System OOM encountered, "
     "victim process: stress-ng-vm, pid: 3103923",
     "-"},
};
constexpr LayoutSample kKubeEventsTableSamples[] = {
    {"minecraft     3m26s       Warning   Evicted                     "
     "pod/minecraftg-fdf76df5c-r4nkh          The node was low on resource: memory. Container "
     "minecraft was using 1924152Ki, which exceeds its request of 0.",
     "-"},
    {"53m         Warning   SystemOOM                        node/hans-laptop                 "
     "System OOM encountered, victim process: nginx, pid: 9295",
     "-"},
};
constexpr LayoutSample kKubeJsonSamples[] = {
    {R"({"apiVersion":"v1","count":1,"kind":"Event","reason":"Killing"})", "-"},
};
constexpr LayoutSample kKubeYamlSamples[] = {
    {"apiVersion: v1", "-"},
};

constexpr std::string_view kLibrdkafkaMarks[] = {"| RD_KAFKA_LOG |"};
// The detail block of a JDK 8 -XX:+PrintGCDetails pause (G1).
constexpr std::string_view kGcLegacyMarks[] = {
    "[Times: user=", "[Eden: ",  "[Parallel Time: ", "[GC Worker ", "[Code Root ",
    "[Clear CT: ",   "[Other: ", "[Update RS ",      "[Scan RS "};

using F = Framing;
using S = StampFamily;
using L = Layout;
constexpr bool J = true;  // journal-like
constexpr bool G = true;  // GC
constexpr bool P = true;  // splittable
constexpr bool Y = true;  // sniffable
constexpr bool D = true;  // first line decides
constexpr bool n = false;

// clang-format off
constexpr LayoutInfo kLayouts[] = {
    // layout, name, framing, stamp, journal, gc, split, sniff, prefix, first decides, upgrade, marks, summary, samples
    {L::kUnknown, "unknown", F::kLines, S::kJava, n, n, n, n, {}, n, L::kUnknown, {},
     "not decided yet (read as a Java layout)", {}},
    {L::kLog4j, "log4j", F::kHeaderContinued, S::kJava, n, n, P, Y, {}, n, L::kUnknown, {},
     "[2026-06-29 14:22:08,455] INFO ... (Kafka's server.log, log4j PatternLayout)", kLog4jSamples},
    {L::kLogback, "logback", F::kHeaderContinued, S::kJava, n, n, P, Y, {}, n, L::kUnknown, {},
     "2026-06-29 14:22:08.455 INFO ... (logback, Spring Boot 1-3, Quarkus)", kLogbackSamples},
    {L::kIso8601, "iso8601", F::kHeaderContinued, S::kJava, n, n, P, Y, {}, n, L::kUnknown, {},
     "2026-06-29T14:22:08.455Z ... ISO 8601 stamp first on the line (also CRI lines)", kIso8601Samples},
    {L::kTimeOnly, "time-only", F::kHeaderContinued, S::kJava, n, n, n, Y, {}, n, L::kUnknown, {},
     "14:22:08.455 [thread] INFO ... (date from context)", kTimeOnlySamples},
    {L::kJsonApp, "json-app", F::kJsonLines, S::kJava, n, n, P, Y, {}, n, L::kUnknown, {},
     "{\"@timestamp\": ...} logstash-logback, log4j2 JSON layouts", kJsonAppSamples},
    {L::kLibrdkafka, "librdkafka", F::kIndentContinued, S::kLibrdkafka, n, n, P, Y, {}, n, L::kUnknown, kLibrdkafkaMarks,
     "%3|1719670928.123|FAIL|rdkafka#producer-1| ... (librdkafka's logger)", kLibrdkafkaSamples},
    {L::kGoLog, "go-log", F::kHeaderContinued, S::kJava, n, n, P, Y, {}, n, L::kUnknown, {},
     "2018/07/10 10:06:47 msg ([name] prefix allowed): Go's log package (sarama, franz-go)",
     kGoLogSamples},
    {L::kKlog, "klog", F::kHeaderContinued, S::kJava, n, n, n, Y, {}, n, L::kUnknown, {},
     "I0517 15:04:22.619632 1 file.go:42] msg: klog/glog (no year; CockroachDB: I210506)",
     kKlogSamples},
    {L::kSpark, "spark", F::kHeaderContinued, S::kGeneric, n, n, n, Y, {}, n, L::kUnknown, {},
     "17/06/09 20:10:40 INFO ...: Spark's log4j (yy/MM/dd)", kSparkSamples},
    {L::kHadoop, "hadoop-yymmdd", F::kHeaderContinued, S::kGeneric, n, n, n, Y, {}, n, L::kUnknown, {},
     "081109 203615 148 INFO ...: old Hadoop (yyMMdd HHmmss)", kHadoopSamples},
    {L::kSerilog, "serilog", F::kHeaderContinued, S::kGeneric, n, n, n, Y, {}, n, L::kUnknown, {},
     "[12:24:27 INF] ...: Serilog / NLog console (no date: --date, else the file's mtime)",
     kSerilogSamples},
    {L::kTanuki, "tanuki", F::kLines, S::kGeneric, n, n, n, Y, {}, n, L::kUnknown, {},
     "INFO   | jvm 1    | 2015/04/28 18:40:00 | ...: Tanuki Java Service Wrapper", kTanukiSamples},
    {L::kOtelAgent, "otel-javaagent", F::kHeaderContinued, S::kGeneric, n, n, n, Y, {}, n, L::kUnknown, {},
     "[otel.javaagent 2025-04-24 19:51:57:317 +0000] ...: OpenTelemetry Java agent", kOtelAgentSamples},
    {L::kLogfmt, "logfmt", F::kIndentUnderHeader, S::kLogfmt, n, n, n, Y, {}, n, L::kUnknown, {},
     "time=2026-06-29T14:22:08Z level=info msg=...: logfmt (time=, ts=, t=; RFC 3339 or epoch)",
     kLogfmtSamples},
    {L::kJournalShort, "journal-short", F::kIndentContinued, S::kJournalShort, J, n, n, Y, {}, n, L::kJournalShortPrecise, {},
     "journalctl -o short: Mar 28 18:17:01 host ident[pid]: msg (no year)", kJournalShortSamples},
    {L::kJournalShortPrecise, "journal-short-precise", F::kIndentContinued, S::kJournalShort, J, n, n, Y, {}, n, L::kUnknown, {},
     "journalctl -o short-precise: short with microseconds", kJournalShortPreciseSamples},
    {L::kJournalShortFull, "journal-short-full", F::kIndentContinued, S::kJournalShort, J, n, n, Y, {}, n, L::kJournalWithUnit, {},
     "journalctl -o short-full: Sat 2026-03-28 18:17:01 UTC host ident[pid]: msg", kJournalShortFullSamples},
    {L::kJournalShortIso, "journal-short-iso", F::kIndentContinued, S::kJournalShort, J, n, P, Y, {}, n, L::kJournalShortIsoPrecise, {},
     "journalctl -o short-iso: 2026-03-28T18:17:01+0000 host ident[pid]: msg", kJournalShortIsoSamples},
    {L::kJournalShortIsoPrecise, "journal-short-iso-precise", F::kIndentContinued, S::kJournalShort, J, n, P, Y, {}, n, L::kUnknown, {},
     "journalctl -o short-iso-precise: short-iso with microseconds", kJournalShortIsoPreciseSamples},
    {L::kJournalShortUnix, "journal-short-unix", F::kIndentContinued, S::kJournalShort, J, n, P, Y, {}, n, L::kUnknown, {},
     "journalctl -o short-unix: 1774721821.202875 host ident[pid]: msg", kJournalShortUnixSamples},
    {L::kJournalShortMonotonic, "journal-short-monotonic", F::kIndentContinued, S::kJournalShort, J, n, n, Y, {}, n, L::kUnknown, {},
     "journalctl -o short-monotonic: [uptime] host ident[pid]: msg (needs --boot)", kJournalShortMonotonicSamples},
    {L::kJournalShortDelta, "journal-short-delta", F::kIndentContinued, S::kJournalShort, J, n, n, Y, {}, n, L::kUnknown, {},
     "journalctl -o short-delta: [uptime < delta >] host ident[pid]: msg (needs --boot)", kJournalShortDeltaSamples},
    {L::kJournalWithUnit, "journal-with-unit", F::kIndentContinued, S::kJournalShort, J, n, n, Y, {}, n, L::kUnknown, {},
     "journalctl -o with-unit: short-full naming the unit instead of the identifier", kJournalWithUnitSamples},
    {L::kJournalVerbose, "journal-verbose", F::kJournalVerbose, S::kJournalVerbose, J, n, n, Y, {}, n, L::kUnknown, {},
     "journalctl -o verbose: a stamp and cursor line, then indented FIELD=value lines", kJournalVerboseSamples},
    {L::kJournalExport, "journal-export", F::kJournalExport, S::kJournalExport, J, n, n, Y, "__CURSOR=", D, L::kUnknown, {},
     "journalctl -o export: FIELD=value entries separated by empty lines", kJournalExportSamples},
    {L::kJournalJson, "journal-json", F::kJsonLines, S::kJournalJson, J, n, P, Y, {}, n, L::kUnknown, {},
     "journalctl -o json: one JSON object per line with __REALTIME_TIMESTAMP", kJournalJsonSamples},
    {L::kJournalJsonPretty, "journal-json-pretty", F::kJsonPretty, S::kJournalJson, J, n, n, Y, {}, D, L::kUnknown, {},
     "journalctl -o json-pretty: indented JSON objects", kJournalJsonPrettySamples},
    {L::kJournalJsonSeq, "journal-json-seq", F::kJsonSeq, S::kJournalJsonSeq, J, n, n, Y, "\x1e", D, L::kUnknown, {},
     "journalctl -o json-seq: RS before each JSON object (RFC 7464)", kJournalJsonSeqSamples},
    {L::kJournalJsonSse, "journal-json-sse", F::kJsonSse, S::kJournalJsonSse, J, n, n, Y, "data: {", D, L::kUnknown, {},
     "journalctl -o json-sse: data: {...} events", kJournalJsonSseSamples},
    {L::kJournalCat, "journal-cat", F::kLines, S::kNone, J, n, n, n, {}, n, L::kUnknown, {},
     "journalctl -o cat: messages only, no time (only with --layout)", kJournalCatSamples},
    {L::kSyslog, "syslog", F::kIndentContinued, S::kJournalShort, J, n, n, Y, {}, n, L::kUnknown, {},
     "RFC 3164 syslog: Jan  1 00:00:03 host ident[pid]: msg (no year)", kSyslogSamples},
    {L::kSyslog5424, "syslog-5424", F::kIndentContinued, S::kSyslog5424, J, n, n, Y, {}, n, L::kUnknown, {},
     "RFC 5424 syslog: <34>1 2003-10-11T22:14:15.003Z host app procid msgid [sd] msg",
     kSyslog5424Samples},
    {L::kDmesg, "dmesg", F::kIndentContinued, S::kDmesg, J, n, n, Y, {}, n, L::kUnknown, {},
     "dmesg: [12345.678901] msg (uptime; needs --boot)", kDmesgSamples},
    {L::kDmesgHuman, "dmesg-human", F::kIndentContinued, S::kDmesg, J, n, n, Y, {}, n, L::kUnknown, {},
     "dmesg -T: [Mon Jun 29 14:22:08 2026] msg", kDmesgHumanSamples},
    {L::kGcUnified, "gc-unified", F::kIndentContinued, S::kGcUnified, n, G, n, Y, {}, n, L::kUnknown, {},
     "JDK 9+ -Xlog:gc: [decorators...] message", kGcUnifiedSamples},
    {L::kGcLegacy, "gc-legacy", F::kHeaderContinued, S::kGcLegacy, n, G, n, Y, {}, n, L::kUnknown, kGcLegacyMarks,
     "JDK <= 8 -XX:+PrintGCDetails: 2017-05-23T18:07:11.386+0800: 1.549: [GC ...", kGcLegacySamples},
    {L::kKubeDescribe, "kube-describe", F::kLines, S::kNone, n, n, n, Y, {}, n, L::kUnknown, {},
     "kubectl describe pod|node: container states and the Events table (read whole)", kKubeDescribeSamples},
    {L::kKubeEventsTable, "kube-events-table", F::kLines, S::kNone, n, n, n, Y, {}, n, L::kUnknown, {},
     "kubectl get events: LAST SEEN TYPE REASON OBJECT MESSAGE (ages only)", kKubeEventsTableSamples},
    {L::kKubeJson, "kube-json", F::kLines, S::kNone, n, n, n, Y, {}, n, L::kUnknown, {},
     "kubectl get pod|events -o json, and the -w -o json stream (read whole)", kKubeJsonSamples},
    {L::kKubeYaml, "kube-yaml", F::kLines, S::kNone, n, n, n, Y, {}, n, L::kUnknown, {},
     "kubectl get pod|events -o yaml (read whole)", kKubeYamlSamples},
    // Bare text still has blocks: a `systemctl status` snapshot, a
    // `Caused by:` line with its `\tat` frames (LABELS.md rule 4).
    {L::kPlain, "plain", F::kIndentUnderHeader, S::kGeneric, n, n, n, Y, {}, n, L::kUnknown, {},
     "no recognised layout: one record per line (indented lines continue), the first common "
     "stamp shape in its first bytes (ISO, yyyy/MM/dd, dd-MM-yyyy once settled, CLF, date(1), "
     "syslog, epoch, a clock under a dated line)",
     kPlainGenericSamples},
};
// clang-format on

constexpr size_t kLayoutCount = size_t(Layout::kPlain) + 1;
static_assert(std::size(kLayouts) == kLayoutCount, "one entry per Layout");
constexpr bool in_enum_order() {
  for (size_t i = 0; i < std::size(kLayouts); ++i)
    if (size_t(kLayouts[i].layout) != i) return false;
  return true;
}
static_assert(in_enum_order(), "entries in Layout order");

}  // namespace

std::span<const LayoutInfo> layouts() {
  return kLayouts;
}

const LayoutInfo& layout_info(Layout layout) {
  size_t i = size_t(layout);
  return kLayouts[i < kLayoutCount ? i : 0];
}

std::string_view stamp_family_name(StampFamily family) {
  switch (family) {
    case StampFamily::kJava:
      return "java";
    case StampFamily::kLibrdkafka:
      return "librdkafka";
    case StampFamily::kJournalShort:
      return "journal-short";
    case StampFamily::kJournalJson:
      return "journal-json";
    case StampFamily::kJournalJsonSeq:
      return "journal-json-seq";
    case StampFamily::kJournalJsonSse:
      return "journal-json-sse";
    case StampFamily::kJournalExport:
      return "journal-export";
    case StampFamily::kJournalVerbose:
      return "journal-verbose";
    case StampFamily::kDmesg:
      return "dmesg";
    case StampFamily::kGcUnified:
      return "gc-unified";
    case StampFamily::kGcLegacy:
      return "gc-legacy";
    case StampFamily::kGeneric:
      return "generic";
    case StampFamily::kLogfmt:
      return "logfmt";
    case StampFamily::kSyslog5424:
      return "syslog-5424";
    case StampFamily::kNone:
      return "none";
  }
  return "none";
}

std::string_view framing_name(Framing framing) {
  switch (framing) {
    case Framing::kLines:
      return "lines";
    case Framing::kIndentContinued:
      return "indent-continued";
    case Framing::kHeaderContinued:
      return "header-continued";
    case Framing::kJournalVerbose:
      return "journal-verbose";
    case Framing::kJournalExport:
      return "journal-export";
    case Framing::kJsonLines:
      return "json-lines";
    case Framing::kJsonPretty:
      return "json-pretty";
    case Framing::kJsonSeq:
      return "json-seq";
    case Framing::kJsonSse:
      return "json-sse";
    case Framing::kIndentUnderHeader:
      return "indent-under-header";
  }
  return "lines";
}

std::string_view layout_name(Layout layout) {
  return layout_info(layout).name;
}

std::optional<Layout> layout_from_name(std::string_view name) {
  for (const auto& e : kLayouts)
    if (e.name == name) return e.layout;
  // journalctl's own mode names ("short-iso") are accepted too.
  for (const auto& e : kLayouts)
    if (e.name.substr(0, 8) == "journal-" && e.name.substr(8) == name) return e.layout;
  return std::nullopt;
}

Framing framing_for(Layout layout, Wrapper wrapper) {
  Framing f = layout_info(layout).framing;
  if (wrapper == Wrapper::kNone) return f;
  switch (f) {
    case Framing::kLines:
    case Framing::kJsonLines:
    case Framing::kIndentContinued:
    case Framing::kIndentUnderHeader:
    case Framing::kHeaderContinued:
      return Framing::kHeaderContinued;  // the wrapped classifier decides
    default:
      return f;  // whole-document framings (journal export, JSON objects) are not wrapped
  }
}

}  // namespace logcorr
