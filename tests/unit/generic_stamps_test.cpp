// Generic stamp finding and the layouts of issue 13: text in no known layout
// still gets a record per line and a time per record, times are read only
// when the file settles them (day/month order, date-less clocks), and bad
// input (mixed layouts, a JSON time that changes type, clocks going back at
// midnight) keeps each record's own time or a note, never a silent move.
#include <string>
#include <vector>

#include "logcorr/format.hpp"
#include "logcorr/reader.hpp"
#include "test_util.hpp"

namespace logcorr {
namespace {

struct Rec {
  std::string text;
  std::string time;  // RFC 3339 or "none"
};

struct Read {
  Layout layout = Layout::kUnknown;
  std::vector<Rec> records;
  std::vector<std::string> notes;
};

// Reads `content` as a file through the whole reader (sniff, frame, parse).
Read read_text(const std::string& content, ReaderOptions ro = {}) {
  test::TempDir d;
  std::string path = d.write("app.log", content);
  LogicalInput li;
  li.label = path;
  li.base_path = path;
  li.files.push_back(InputFile{path, ""});
  CollectingSink diag;
  InputReader r(li, 0, std::move(ro), diag);
  Read out;
  while (const Record* rec = r.next())
    out.records.push_back({std::string(rec->raw.text),
                           rec->time.valid() ? format_rfc3339(rec->time.utc_ns, rec->time.precision)
                                             : std::string("none")});
  out.layout = r.stats().layout;
  for (const Diagnostic& x : diag.items) out.notes.push_back(x.message);
  return out;
}

std::vector<std::string> times(const Read& r) {
  std::vector<std::string> t;
  for (const Rec& x : r.records) t.push_back(x.time);
  return t;
}

bool has_note(const Read& r, std::string_view needle) {
  for (const std::string& n : r.notes)
    if (n.find(needle) != std::string::npos) return true;
  return false;
}

TEST(GenericStamps, UnknownTextGetsARecordPerLineAndATimePerRecord) {
  // Three shapes no named layout has: a time line per line, never one record.
  Read r = read_text(
      "Mon Jun 29 14:22:08 UTC 2026 health: broker 1 not answering\n"
      "Mon Jun 29 14:22:09 UTC 2026 health: broker 1 not answering\n"
      "Mon Jun 29 14:22:11 UTC 2026 health: broker 1 answering\n");
  EXPECT_EQ(r.layout, Layout::kPlain);
  EXPECT_EQ(times(r), (std::vector<std::string>{"2026-06-29T14:22:08Z", "2026-06-29T14:22:09Z",
                                                "2026-06-29T14:22:11Z"}));
}

TEST(GenericStamps, DayMonthOrderIsReadOnlyWhenTheFileSettlesIt) {
  // 03/04 alone could be either: no time, one note.
  Read open = read_text(
      "03/04/2026 10:00:00 ERROR - disconnected\n"
      "03/04/2026 10:00:05 ERROR - disconnected\n");
  EXPECT_EQ(times(open), (std::vector<std::string>{"none", "none"}));
  EXPECT_TRUE(has_note(open, "day/month"));
  // A day above 12 in the head settles day-first for the earlier lines too.
  Read dmy = read_text(
      "03/04/2026 10:00:00 ERROR - a\n"
      "13/04/2026 10:00:05 ERROR - b\n");
  EXPECT_EQ(times(dmy), (std::vector<std::string>{"2026-04-03T10:00:00Z", "2026-04-13T10:00:05Z"}));
  Read mdy = read_text(
      "04/03/2026 10:00:00 ERROR - a\n"
      "04/13/2026 10:00:05 ERROR - b\n");
  EXPECT_EQ(times(mdy), (std::vector<std::string>{"2026-04-03T10:00:00Z", "2026-04-13T10:00:05Z"}));
  // ../shared/corpus/real-lines-2/rdkafka-ddmmyyyy.log's shape.
  Read real = read_text(
      "16-08-2018 17:28:51.038 ERROR - ERROR (Local: Broker transport failure): kafka1:9092/"
      "bootstrap: Receive failed: Disconnected\n");
  EXPECT_EQ(times(real), (std::vector<std::string>{"2018-08-16T17:28:51.038Z"}));
}

TEST(GenericStamps, ClocksWithoutADateNeedADatedLineOrDate) {
  const std::string text =
      "cron: 23:59:58 rolling\n"
      "cron: 2026-06-29 23:59:59 dated line\n"
      "cron: 23:59:59.500 under the dated line\n"
      "cron: 00:00:01.000 after midnight\n";
  Read r = read_text(text);
  EXPECT_EQ(times(r),
            (std::vector<std::string>{"none", "2026-06-29T23:59:59Z", "2026-06-29T23:59:59.500Z",
                                      "2026-06-30T00:00:01.000Z"}));
  EXPECT_TRUE(has_note(r, "without a date"));
  ReaderOptions ro;
  ro.date_days = *civil_to_seconds(2026, 6, 29, 0, 0, 0) / 86400;
  Read dated = read_text(text, ro);
  EXPECT_EQ(dated.records[0].time, "2026-06-29T23:59:58Z");
}

TEST(GenericStamps, SerilogTakesDateAndRollsOverAtMidnight) {
  ReaderOptions ro;
  ro.date_days = *civil_to_seconds(2026, 3, 5, 0, 0, 0) / 86400;
  Read r = read_text(
      "[23:59:58 INF] rdkafka#producer-1: FAIL - a\n"
      "[00:00:02 WRN] rdkafka#producer-1: FAIL - b\n",
      ro);
  EXPECT_EQ(r.layout, Layout::kSerilog);
  EXPECT_EQ(times(r), (std::vector<std::string>{"2026-03-05T23:59:58Z", "2026-03-06T00:00:02Z"}));
}

TEST(GenericStamps, SparkJoinsItsStackTraces) {
  Read r = read_text(
      "17/06/09 20:10:40 INFO executor.CoarseGrainedExecutorBackend: Registered signal handlers\n"
      "17/06/09 20:10:41 WARN clients.NetworkClient: Connection to node 1 could not be "
      "established.\n"
      "org.apache.kafka.common.errors.TimeoutException: x\n"
      "\tat org.apache.kafka.clients.Foo(Foo.java:1)\n");
  EXPECT_EQ(r.layout, Layout::kSpark);
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[1].time, "2017-06-09T20:10:41Z");
  EXPECT_NE(r.records[1].text.find("\tat org.apache"), std::string::npos);
}

TEST(GenericStamps, JsonTimeMayChangeTypeFromLineToLine) {
  Read r = read_text(
      R"({"level":"warn","ts":1782742928.4551,"msg":"read from broker errored","addr":"b1:9092"})"
      "\n"
      R"({"level":"warn","ts":"2026-06-29T14:22:09.100Z","msg":"unable to open connection"})"
      "\n"
      R"({"level":50,"time":1782742930455,"msg":"Connection timeout"})"
      "\n");
  EXPECT_EQ(r.layout, Layout::kJsonApp);
  EXPECT_EQ(times(r),
            (std::vector<std::string>{"2026-06-29T14:22:08.455100Z", "2026-06-29T14:22:09.100Z",
                                      "2026-06-29T14:22:10.455Z"}));
}

TEST(GenericStamps, LogfmtAndRfc5424) {
  Read lf = read_text(
      "time=2025-04-30T10:23:57.123Z level=WARN msg=\"read from broker errored\" broker=1\n"
      "time=\"2025-04-30T10:23:58.000+02:00\" level=WARN msg=x\n");
  EXPECT_EQ(lf.layout, Layout::kLogfmt);
  EXPECT_EQ(times(lf),
            (std::vector<std::string>{"2025-04-30T10:23:57.123Z", "2025-04-30T08:23:58.000Z"}));
  Read sy = read_text(
      "<46>1 2017-04-27T07:50:47.381967+02:00 broker-1 kafka 4242 - - [2017-04-27 07:50:47,381] "
      "INFO [KafkaServer id=1] shutting down (kafka.server.KafkaServer)\n");
  EXPECT_EQ(sy.layout, Layout::kSyslog5424);
  EXPECT_EQ(times(sy), (std::vector<std::string>{"2017-04-27T05:50:47.381967Z"}));
}

TEST(GenericStamps, MixedLayoutsKeepEachRecordsOwnTime) {
  // Container stdout mixing a JSON logger, a Go logger and an entrypoint
  // script's date(1): each line keeps its own time.
  Read r = read_text(
      "Mon Jun 29 14:22:00 UTC 2026 entrypoint: starting\n"
      R"({"level":"error","ts":1782742928.5,"msg":"dial tcp: connection refused"})"
      "\n"
      "2026/06/29 14:22:09 client/metadata fetching metadata\n"
      "Mon Jun 29 14:22:10 UTC 2026 entrypoint: child exited\n"
      "Mon Jun 29 14:22:11 UTC 2026 entrypoint: restarting\n");
  EXPECT_EQ(r.layout, Layout::kPlain);
  EXPECT_EQ(times(r), (std::vector<std::string>{
                          "2026-06-29T14:22:00Z", "2026-06-29T14:22:08.500000Z",
                          "2026-06-29T14:22:09Z", "2026-06-29T14:22:10Z", "2026-06-29T14:22:11Z"}));
}

TEST(GenericStamps, AForcedLayoutWhoseHeaderNeverAppearsFallsBackToLines) {
  ReaderOptions ro;
  ro.layout = Layout::kLog4j;
  Read r = read_text("connection lost\nretrying\nconnection lost\n", ro);
  EXPECT_EQ(r.records.size(), 3u);
  EXPECT_TRUE(has_note(r, "one record per line"));
}

TEST(GenericStamps, ColourEscapesAreGoneBeforeSniffingAndFromTheEvidence) {
  Read r = read_text(
      "\x1b[2m2026-06-29 14:22:08.455\x1b[0;39m \x1b[33m WARN\x1b[0;39m 1 --- [main] "
      "o.a.k.c.NetworkClient : Connection to node 1 could not be established.\n"
      "\x1b[2m2026-06-29 14:22:09.455\x1b[0;39m \x1b[32m INFO\x1b[0;39m 1 --- [main] x : y\n");
  EXPECT_EQ(r.layout, Layout::kLogback);
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[0].time, "2026-06-29T14:22:08.455Z");
  EXPECT_EQ(r.records[0].text.find('\x1b'), std::string::npos);
}

TEST(GenericStamps, Jdk8GcBannerTakesTheFilesOffset) {
  Read r = read_text(
      "2016-04-14 22:37:22 GC log file created logs/garbageCollection.log.1\n"
      "2016-04-14T22:37:22.555+0200: 1.549: [GC pause (G1 Evacuation Pause) (young), 0.0096572 "
      "secs]\n"
      "2016-04-14T22:37:23.555+0200: 2.549: [GC pause (G1 Evacuation Pause) (young), 0.0096572 "
      "secs]\n");
  EXPECT_EQ(r.layout, Layout::kGcLegacy);
  ASSERT_EQ(r.records.size(), 3u);
  EXPECT_EQ(r.records[0].time, "2016-04-14T20:37:22Z");
}

}  // namespace
}  // namespace logcorr
