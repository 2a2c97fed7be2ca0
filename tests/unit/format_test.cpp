// Format stage: stamp shapes of every family, zones, DST, year inference,
// wrappers, sniffing, classifiers and hostile input.
#include <time.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "logcorr/format.hpp"
#include "simple_frame.hpp"
#include "test_util.hpp"

namespace logcorr {
namespace {

std::shared_ptr<const Zone> zone(const char* name) {
  std::string err;
  auto z = test::load_zone(name, err);
  EXPECT_TRUE(z) << err;
  return z;
}

// Parses one record of `layout` and returns its time as RFC 3339 (or "none").
struct One {
  RecordTime time;
  std::string message;
  RecordMeta meta;
};

One parse_one(Layout layout, std::string_view line, ParseOptions opts = {}) {
  RecordParser p(layout, std::move(opts));
  RawRecord raw;
  raw.text = line;
  raw.line = 1;
  Record rec;
  p.parse(raw, rec);
  One o{rec.time, std::string(rec.message), rec.meta};
  return o;
}

std::string utc(const RecordTime& t) {
  if (!t.valid()) return "none";
  return format_rfc3339(t.utc_ns, t.precision);
}

TEST(JavaStamps, Log4jLogbackAndIsoShapes) {
  EXPECT_EQ(
      utc(parse_one(Layout::kLog4j, "[2026-06-29 14:22:08,455] INFO [KafkaServer id=1] started")
              .time),
      "2026-06-29T14:22:08.455Z");
  EXPECT_EQ(
      utc(parse_one(Layout::kLogback, "2026-06-29 14:22:08.455  INFO 1 --- [main] o.s.b.App : x")
              .time),
      "2026-06-29T14:22:08.455Z");
  EXPECT_EQ(utc(parse_one(Layout::kIso8601, "2026-06-29T14:22:08.455Z  INFO 1 --- [main] x").time),
            "2026-06-29T14:22:08.455Z");
  EXPECT_EQ(utc(parse_one(Layout::kIso8601, "2026-06-29T14:22:08.455+00:00  INFO x").time),
            "2026-06-29T14:22:08.455Z");
  EXPECT_EQ(utc(parse_one(Layout::kIso8601, "2026-06-29T14:22:08.455+0000 INFO x").time),
            "2026-06-29T14:22:08.455Z");
  EXPECT_EQ(utc(parse_one(Layout::kIso8601, "2026-06-29T14:22:08.455+05:30 INFO x").time),
            "2026-06-29T08:52:08.455Z");
  EXPECT_EQ(utc(parse_one(Layout::kIso8601, "2026-06-29T14:22:08.455-08:00 INFO x").time),
            "2026-06-29T22:22:08.455Z");
  // Zone-less stamps are read in the input zone and say where it came from.
  ParseOptions berlin;
  berlin.zone = zone("Europe/Berlin");
  berlin.zone_from_user = true;
  One b = parse_one(Layout::kLog4j, "[2026-06-29 14:22:08,455] INFO x", berlin);
  EXPECT_EQ(utc(b.time), "2026-06-29T12:22:08.455Z");
  EXPECT_EQ(int(b.time.zone), int(ZoneSource::kUser));
  One a = parse_one(Layout::kLog4j, "[2026-06-29 14:22:08,455] INFO x");
  EXPECT_EQ(int(a.time.zone), int(ZoneSource::kAssumed));
  One e = parse_one(Layout::kIso8601, "2026-06-29T14:22:08.455Z INFO x", berlin);
  EXPECT_EQ(int(e.time.zone), int(ZoneSource::kExplicit));
  // Precision as printed.
  EXPECT_EQ(int(parse_one(Layout::kIso8601, "2026-06-29T14:22:08Z x").time.precision),
            int(Precision::kSecond));
  EXPECT_EQ(int(parse_one(Layout::kIso8601, "2026-06-29T14:22:08.123456789Z x").time.precision),
            int(Precision::kNano));
}

TEST(JavaStamps, TimeOnlyTakesDateFromContext) {
  RecordParser p(Layout::kTimeOnly, {});
  const char* lines[] = {"[2026-06-29 23:59:58,000] INFO dated", "23:59:59.500 [main] INFO x",
                         "00:00:00.250 [main] INFO y"};
  std::vector<std::string> got;
  for (const char* l : lines) {
    RawRecord raw;
    raw.text = l;
    Record rec;
    p.parse(raw, rec);
    got.push_back(utc(rec.time));
    if (got.size() > 1) {
      EXPECT_TRUE(rec.time.year_inferred);
    }
  }
  EXPECT_EQ(got[1], "2026-06-29T23:59:59.500Z");
  EXPECT_EQ(got[2], "2026-06-30T00:00:00.250Z");  // passed midnight
  // A dated stamp of the old day after that sets the context back to it.
  for (const char* l : {"[2026-06-29 23:59:59,900] INFO dated again", "23:59:59.950 [main] z"}) {
    RawRecord raw;
    raw.text = l;
    Record rec;
    p.parse(raw, rec);
    got.push_back(utc(rec.time));
  }
  EXPECT_EQ(got[3], "2026-06-29T23:59:59.900Z");
  EXPECT_EQ(got[4], "2026-06-29T23:59:59.950Z");
  // Without context: the reference instant's date.
  ParseOptions o;
  o.reference_ns = *civil_to_seconds(2026, 3, 5, 12, 0, 0) * kNanosPerSecond;
  EXPECT_EQ(utc(parse_one(Layout::kTimeOnly, "14:22:08.455 [t] INFO x", o).time),
            "2026-03-05T14:22:08.455Z");
}

TEST(JavaStamps, JsonLayouts) {
  EXPECT_EQ(
      utc(parse_one(
              Layout::kJsonApp,
              R"({"@timestamp":"2026-06-29T14:22:08.455+02:00","message":"hi","level":"INFO"})")
              .time),
      "2026-06-29T12:22:08.455Z");
  One t =
      parse_one(Layout::kJsonApp, R"({"timeMillis":1782742928455,"thread":"main","message":"m"})");
  EXPECT_EQ(utc(t.time), "2026-06-29T14:22:08.455Z");
  EXPECT_EQ(t.message, "m");
  EXPECT_EQ(
      utc(parse_one(
              Layout::kJsonApp,
              R"({"instant":{"epochSecond":1782742928,"nanoOfSecond":455123000},"message":"m"})")
              .time),
      "2026-06-29T14:22:08.455123Z");
  EXPECT_EQ(
      utc(parse_one(Layout::kJsonApp, R"({"timestamp":"2026-06-29T14:22:08.455Z","message":"m"})")
              .time),
      "2026-06-29T14:22:08.455Z");
  // The exception travels in a field of its own; patterns must see it after
  // the message, as they see a stack trace after a plain header line.
  EXPECT_EQ(parse_one(Layout::kJsonApp,
                      R"({"@timestamp":"2026-06-03T08:12:30.381Z","message":"Error when sending )"
                      R"(message to topic shipments with error:","level":"ERROR","stack_trace":)"
                      R"("org.apache.kafka.common.errors.TimeoutException: Expiring 19 record(s) )"
                      R"(for shipments-7:120000 ms has passed since batch creation\n"})")
                .message,
            "Error when sending message to topic shipments with error:\n"
            "org.apache.kafka.common.errors.TimeoutException: Expiring 19 record(s) for "
            "shipments-7:120000 ms has passed since batch creation\n");
  EXPECT_EQ(parse_one(Layout::kJsonApp,
                      R"({"timeMillis":1782742928455,"message":"send failed","thrown":{"name":)"
                      R"("org.apache.kafka.common.errors.NetworkException","message":"The server )"
                      R"(disconnected before a response was received."}})")
                .message,
            "send failed\norg.apache.kafka.common.errors.NetworkException: The server "
            "disconnected before a response was received.");
  // Fields beyond the layout's (kafkajs's broker and clientId) follow the
  // message as the line itself, for patterns to read; a string "error"
  // (zap, logrus) is the exception text.
  const std::string kafkajs =
      R"({"level":"ERROR","timestamp":"2022-06-11T09:20:13.846Z","logger":"kafkajs",)"
      R"("message":"[Connection] Connection timeout","broker":"kafka1:9092","clientId":"mw"})";
  EXPECT_EQ(parse_one(Layout::kJsonApp, kafkajs).message,
            "[Connection] Connection timeout\n" + kafkajs);
  EXPECT_EQ(
      parse_one(
          Layout::kJsonApp,
          R"({"level":"error","ts":1,"msg":"consumer failed","error":"dial tcp: i/o timeout"})")
          .message,
      "consumer failed\ndial tcp: i/o timeout");
  // Broken JSON: no time, no crash, the text stays the message.
  CollectingSink sink;
  RecordParser p(Layout::kJsonApp, {}, &sink);
  RawRecord raw;
  raw.text = R"({"@timestamp":"2026-06-29T14:22:08.455Z","message":)";
  Record rec;
  p.parse(raw, rec);
  EXPECT_FALSE(rec.time.valid());
  EXPECT_EQ(sink.items.size(), 1u);
}

ParseOptions wrapped(Wrapper w) {
  ParseOptions o;
  o.wrapper = w;
  return o;
}

TEST(Wrappers, CriAndDockerCompose) {
  // CRI: the app stamp has no zone -> the runtime's UTC stamp wins.
  One c = parse_one(Layout::kLog4j,
                    "2026-06-29T14:22:08.455123456Z stdout F [2026-06-29 16:22:08,455] INFO x",
                    wrapped(Wrapper::kCri));
  EXPECT_EQ(utc(c.time), "2026-06-29T14:22:08.455123456Z");
  EXPECT_EQ(c.message, "[2026-06-29 16:22:08,455] INFO x");
  // App stamp with date and offset wins over the runtime's.
  One d = parse_one(Layout::kIso8601,
                    "2026-06-29T14:22:08.999999999Z stderr F 2026-06-29T14:22:08.455Z WARN y",
                    wrapped(Wrapper::kCri));
  EXPECT_EQ(utc(d.time), "2026-06-29T14:22:08.455Z");
  One k = parse_one(Layout::kLog4j, "kafka-1  | [2026-06-29 14:22:08,455] INFO [Broker id=1] z",
                    wrapped(Wrapper::kCompose));
  EXPECT_EQ(k.meta.host, "kafka-1");
  EXPECT_EQ(utc(k.time), "2026-06-29T14:22:08.455Z");
  EXPECT_EQ(k.message, "[2026-06-29 14:22:08,455] INFO [Broker id=1] z");
  EXPECT_EQ(sniff_layout("kafka-1  | [2026-06-29 14:22:08,455] INFO a\n"
                         "kafka-1  | [2026-06-29 14:22:09,455] INFO b\n"),
            Layout::kLog4j);
}

TEST(Librdkafka, EpochSecondsWithMillis) {
  One r = parse_one(
      Layout::kLibrdkafka,
      "%3|1782742928.123|FAIL|rdkafka#producer-1| [thrd:b1:9092/1]: b1:9092/1: Connect failed");
  EXPECT_EQ(utc(r.time), "2026-06-29T14:22:08.123Z");
  EXPECT_EQ(int(r.time.zone), int(ZoneSource::kExplicit));
  EXPECT_EQ(sniff_layout("%7|1782742928.123|INIT|rdkafka#producer-1| x\n"), Layout::kLibrdkafka);
  // log_cb output without "%N|", and behind a "[pod] " prefix (real-lines corpus shapes).
  EXPECT_EQ(utc(parse_one(Layout::kLibrdkafka, "1674850881.042|STATE|rdkafka#producer-2| x").time),
            "2023-01-27T20:21:21.042Z");
  EXPECT_EQ(utc(parse_one(Layout::kLibrdkafka,
                          "[some-worker-4tbrc] %7|1518601752.504|CONNECT|rdkafka#producer-2| x")
                    .time),
            "2018-02-14T09:49:12.504Z");
}

// real-lines/librdkafka/022.log: an application's log_cb prints ctime() on a
// line of its own and the librdkafka line indented under it. The indented line
// names the layout; the pair is one record stamped with the ctime (local).
TEST(Librdkafka, LogCallbackUnderCtimeLine) {
  const std::string text =
      "Mon Feb 29 10:35:04 2016\n"
      " | RD_KAFKA_LOG | level: 3 | fac: FAIL | msg: 10.139.220.16:9092/0: Receive failed: "
      "Disconnected\n"
      "Mon Feb 29 10:35:05 2016\n"
      " | RD_KAFKA_LOG | level: 3 | fac: FAIL | msg: 10.139.220.16:9092/0: Connect to "
      "ipv4#10.139.220.16:9092 failed: Connection refused\n";
  ASSERT_EQ(sniff_layout(text), Layout::kLibrdkafka);
  auto recs = test::simple_frame(text, framing_for(Layout::kLibrdkafka));
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_EQ(recs[1].line, 3u);
  CollectingSink sink;
  RecordParser p(Layout::kLibrdkafka, {}, &sink);
  Record rec;
  p.parse(recs[0], rec);
  EXPECT_EQ(utc(rec.time), "2016-02-29T10:35:04Z");
  EXPECT_EQ(int(rec.time.zone), int(ZoneSource::kAssumed));
  EXPECT_TRUE(sink.items.empty());
}

// glibc's view of a UTC instant in Europe/Berlin, "HH:MM:SS".
std::string glibc_berlin_clock(int64_t utc_ns) {
  setenv("TZ", "Europe/Berlin", 1);
  tzset();
  time_t t = time_t(utc_ns / kNanosPerSecond);
  struct tm tm {};
  localtime_r(&t, &tm);
  char buf[16];
  strftime(buf, sizeof buf, "%H:%M:%S", &tm);
  return buf;
}

TEST(Dst, BerlinOctoberRepeatedHourStaysInOrder) {
  ParseOptions o;
  o.zone = zone("Europe/Berlin");
  o.zone_from_user = true;
  RecordParser p(Layout::kLog4j, o);
  const char* clocks[] = {"01:59:00", "02:30:00", "02:59:59", "02:00:01", "02:30:00", "03:00:00"};
  const char* want[] = {"2026-10-24T23:59:00Z", "2026-10-25T00:30:00Z", "2026-10-25T00:59:59Z",
                        "2026-10-25T01:00:01Z", "2026-10-25T01:30:00Z", "2026-10-25T02:00:00Z"};
  int64_t prev = INT64_MIN;
  for (int i = 0; i < 6; ++i) {
    std::string line = std::string("[2026-10-25 ") + clocks[i] + ",000] INFO x";
    RawRecord raw;
    raw.text = line;
    Record rec;
    p.parse(raw, rec);
    EXPECT_EQ(format_rfc3339(rec.time.utc_ns, Precision::kSecond), want[i]) << clocks[i];
    EXPECT_EQ(glibc_berlin_clock(rec.time.utc_ns), clocks[i]);
    EXPECT_GT(rec.time.utc_ns, prev);
    prev = rec.time.utc_ns;
  }
}

TEST(Dst, BerlinMarchGapWarnsOnceAndUsesOffsetBefore) {
  ParseOptions o;
  o.zone = zone("Europe/Berlin");
  CollectingSink sink;
  RecordParser p(Layout::kLogback, o, &sink);
  for (const char* l : {"2026-03-29 02:30:00.000 INFO x", "2026-03-29 02:40:00.000 INFO y"}) {
    RawRecord raw;
    raw.text = l;
    Record rec;
    p.parse(raw, rec);
    EXPECT_TRUE(rec.time.valid());
  }
  ASSERT_EQ(sink.items.size(), 1u);
  EXPECT_EQ(int(sink.items[0].severity), int(Severity::kWarning));
  EXPECT_EQ(utc(parse_one(Layout::kLogback, "2026-03-29 02:30:00.000 INFO x", o).time),
            "2026-03-29T01:30:00.000Z");
  EXPECT_EQ(utc(parse_one(Layout::kLogback, "2026-03-29 03:00:00.000 INFO x", o).time),
            "2026-03-29T01:00:00.000Z");
}

TEST(BadInput, YearsPastNanosecondRangeAreOutOfRangeNotOverflow) {
  // 64-bit nanoseconds since 1970 end in April 2262: a four-digit year past
  // it (found by fuzz_format) warns and leaves the record without time.
  for (const char* l : {"4052-06-29 14:22:08,455 WARN x", "2263-01-01 00:00:00,000 WARN x",
                        "1600-01-01 00:00:00,000 WARN x"}) {
    CollectingSink sink;
    RecordParser p(Layout::kLog4j, {}, &sink);
    RawRecord raw;
    raw.text = l;
    Record rec;
    p.parse(raw, rec);
    EXPECT_FALSE(rec.time.valid()) << l;
    ASSERT_EQ(sink.items.size(), 1u) << l;
    EXPECT_NE(sink.items[0].message.find("out of range"), std::string::npos);
  }
  EXPECT_EQ(utc(parse_one(Layout::kLog4j, "2261-12-31 23:59:59,000 WARN x").time),
            "2261-12-31T23:59:59.000Z");
  // Epoch numbers in JSON layouts: too large is no time, the message stays.
  for (const char* l :
       {R"({"timeMillis":9223372036854775807,"message":"x"})",
        R"({"timestamp":-9223372036854775807,"message":"x"})",
        R"({"instant":{"epochSecond":9223372036854,"nanoOfSecond":5},"message":"x"})"}) {
    One o = parse_one(Layout::kJsonApp, l);
    EXPECT_FALSE(o.time.valid()) << l;
    EXPECT_EQ(o.message, "x") << l;
  }
}

TEST(BadInput, HugeEpochAndUptimeFieldsAreNoTimeNotOverflow) {
  // Found by fuzz_format: __REALTIME_TIMESTAMP microseconds times 1000 past
  // int64; and the same for GC uptime decorators anchored to a start.
  for (Layout l : {Layout::kJournalJson}) {
    One o = parse_one(l, R"({"__REALTIME_TIMESTAMP":"11778566200263387","MESSAGE":"x"})");
    EXPECT_FALSE(o.time.valid());
    EXPECT_EQ(o.message, "x");
  }
  One e = parse_one(Layout::kJournalExport, "__REALTIME_TIMESTAMP=11778566200263387\nMESSAGE=x\n");
  EXPECT_FALSE(e.time.valid());
  // ...and each says so, with the record's file and line.
  for (auto [layout, text] :
       {std::pair{
            Layout::kJournalJson,
            std::string_view(R"({"__REALTIME_TIMESTAMP":"11778566200263387","MESSAGE":"x"})")},
        std::pair{Layout::kJournalExport,
                  std::string_view("__REALTIME_TIMESTAMP=11778566200263387\nMESSAGE=x\n")}}) {
    CollectingSink sink;
    ParseOptions po;
    po.path = "journal.txt";
    RecordParser p(layout, po, &sink);
    RawRecord raw;
    raw.text = text;
    raw.line = 7;
    Record rec;
    p.parse(raw, rec);
    ASSERT_EQ(sink.items.size(), 1u) << layout_name(layout);
    EXPECT_EQ(sink.items[0].path, "journal.txt");
    EXPECT_EQ(sink.items[0].line, 7u);
    EXPECT_NE(sink.items[0].message.find("out of range"), std::string::npos);
  }
  // A GC line with a wall clock teaches the JVM start; an absurd uptime on a
  // later line must not overflow when added to it.
  ParseOptions o;
  o.path = "gc.log";
  CollectingSink gc_sink;
  RecordParser p(Layout::kGcUnified, o, &gc_sink);
  uint64_t line = 0;
  for (const char* l : {"[2026-06-29T14:22:05.123+0000][5.000s][info][gc] Using G1",
                        "[9000000000.000s][info][gc] GC(1) Pause Young (Normal) 3.1ms",
                        "[9223372036854775000ns][info][gc] GC(2) Pause Young (Normal) 3.1ms",
                        "[99999999999999999ms][info][gc] GC(3) Pause Young (Normal) 3.1ms"}) {
    RawRecord raw;
    raw.text = l;
    raw.line = ++line;
    Record rec;
    p.parse(raw, rec);
    // Line 3 is read as wall-clock nanoseconds (April 2262): in range.
    EXPECT_EQ(rec.time.valid(), line == 1 || line == 3) << l;
  }
  // The uptime past what int64 holds and the absurd millisecond decoration
  // are named with their lines.
  std::vector<uint64_t> lines;
  for (const auto& d : gc_sink.items) lines.push_back(d.line);
  EXPECT_EQ(lines, (std::vector<uint64_t>{2, 4}));
  // 19-digit seconds (epoch or uptime): no time, no overflow while reading.
  EXPECT_FALSE(parse_one(Layout::kLibrdkafka, "%3|9999999999999999999.123|FAIL|rdkafka#p-1| x")
                   .time.valid());
  EXPECT_FALSE(
      parse_one(Layout::kLibrdkafka, "%3|999999999999999999.123|FAIL|rdkafka#p-1| x").time.valid());
  EXPECT_EQ(parse_one(Layout::kDmesg, "[9999999999999999999.000000] oom").time.uptime_ns, -1);
  EXPECT_EQ(utc(parse_one(Layout::kJournalJson,
                          R"({"__REALTIME_TIMESTAMP":"1782742928455123","MESSAGE":"x"})")
                    .time),
            "2026-06-29T14:22:08.455123Z");
}

std::vector<std::string> parse_lines(Layout layout, const std::vector<std::string>& lines,
                                     ParseOptions o) {
  RecordParser p(layout, std::move(o));
  std::vector<std::string> out;
  for (const auto& l : lines) {
    RawRecord raw;
    raw.text = l;
    Record rec;
    p.parse(raw, rec);
    out.push_back(utc(rec.time));
  }
  return out;
}

TEST(YearInference, NewYearRollsForwardButSecondsBackDoNot) {
  ParseOptions o;
  o.year = 2025;
  auto got = parse_lines(Layout::kSyslog,
                         {"Dec 31 23:59:59 h cron[1]: a", "Jan  1 00:00:03 h cron[1]: b",
                          "Jan  1 00:00:01 h cron[1]: c", "Jan  1 00:00:05 h cron[1]: d"},
                         o);
  EXPECT_EQ(got[0], "2025-12-31T23:59:59Z");
  EXPECT_EQ(got[1], "2026-01-01T00:00:03Z");
  EXPECT_EQ(got[2], "2026-01-01T00:00:01Z");  // disorder, not another year
  EXPECT_EQ(got[3], "2026-01-01T00:00:05Z");
}

TEST(YearInference, FromReferenceInstant) {
  ParseOptions o;
  o.reference_ns = *civil_to_seconds(2026, 1, 5, 0, 0, 0) * kNanosPerSecond;
  EXPECT_EQ(parse_lines(Layout::kJournalShort, {"Jun 29 14:22:08 h k[1]: x"}, o)[0],
            "2025-06-29T14:22:08Z");
  EXPECT_EQ(parse_lines(Layout::kJournalShort, {"Jan  5 14:22:08 h k[1]: x"}, o)[0],
            "2026-01-05T14:22:08Z");  // within the day of slack
  One r = parse_one(Layout::kJournalShort, "Jan 05 14:22:08 h kafka[12]: hello", o);
  EXPECT_TRUE(r.time.year_inferred);
  EXPECT_EQ(r.meta.host, "h");
  EXPECT_EQ(r.meta.identifier, "kafka");
  EXPECT_EQ(r.meta.pid, 12);
  EXPECT_EQ(r.message, "hello");
}

TEST(SystemLogs, DmesgSyslogRfc5424) {
  ParseOptions o;
  o.boot_ns = *civil_to_seconds(2026, 6, 29, 0, 0, 0) * kNanosPerSecond;
  One d = parse_one(Layout::kDmesg, "[   12.345678] nvme nvme0: I/O error", o);
  EXPECT_EQ(utc(d.time), "2026-06-29T00:00:12.345678Z");
  EXPECT_EQ(d.message, "nvme nvme0: I/O error");
  One u = parse_one(Layout::kDmesg, "[   12.345678] x");
  EXPECT_TRUE(u.time.unanchored);
  EXPECT_EQ(u.time.uptime_ns, 12'345'678'000);
  EXPECT_EQ(utc(parse_one(Layout::kDmesgHuman, "[Mon Jun 29 14:22:08 2026] x").time),
            "2026-06-29T14:22:08Z");
  One r = parse_one(Layout::kJournalShortIsoPrecise,
                    "2026-06-29T14:22:08.123456+02:00 broker-1 kafka[77]: msg");
  EXPECT_EQ(utc(r.time), "2026-06-29T12:22:08.123456Z");
  EXPECT_EQ(r.meta.pid, 77);
  EXPECT_EQ(sniff_layout("Jun 29 14:22:08 host sshd[1]: a\nJun 29 14:22:09 host sshd[1]: b\n"),
            Layout::kJournalShort);
  EXPECT_EQ(sniff_layout("[   12.345678] a\n[   13.000001] b\n"), Layout::kDmesg);
  EXPECT_EQ(sniff_layout("[Mon Jun 29 14:22:08 2026] a\n"), Layout::kDmesgHuman);
}

TEST(Sniff, JavaShapesAndJson) {
  EXPECT_EQ(sniff_layout("\n\n[2026-06-29 14:22:08,455] INFO a (x)\n\tat a.b(C.java:1)\n"),
            Layout::kLog4j);
  EXPECT_EQ(sniff_layout("2026-06-29 14:22:08.455  INFO 1 --- [main] a\n"), Layout::kLogback);
  EXPECT_EQ(sniff_layout("2026-06-29T14:22:08.455Z  INFO 1 --- [main] a\n"), Layout::kIso8601);
  EXPECT_EQ(sniff_layout("14:22:08.455 [main] INFO a\n"), Layout::kTimeOnly);
  EXPECT_EQ(sniff_layout(R"({"@timestamp":"2026-06-29T14:22:08.455Z","message":"x"})"),
            Layout::kJsonApp);
  EXPECT_EQ(sniff_layout("[2026-06-29T14:22:08.455+0200][gc] GC(0) Pause\n"), Layout::kGcUnified);
  EXPECT_EQ(sniff_layout("[0.012s][info][gc] Using G1\n"), Layout::kGcUnified);
  EXPECT_EQ(sniff_layout("2026-06-29T14:22:05.123+0000: 12.345: [GC (Allocation Failure)\n"),
            Layout::kGcLegacy);
  EXPECT_EQ(sniff_layout("12.345: [GC 1024K->512K(2048K), 0.001 secs]\n"), Layout::kGcLegacy);
  EXPECT_EQ(sniff_layout("hello\nworld\n"), Layout::kPlain);
  EXPECT_EQ(layout_from_name("short-iso"), Layout::kJournalShortIso);
  EXPECT_EQ(layout_from_name(layout_name(Layout::kGcUnified)), Layout::kGcUnified);
}

TEST(Classifier, JavaHeaderVersusContinuation) {
  const LineClassifier* c = classifier_for(Layout::kLog4j);
  ASSERT_NE(c, nullptr);
  EXPECT_TRUE(c->starts_record("[2026-06-29 14:22:08,455] ERROR boom"));
  EXPECT_TRUE(c->starts_record("2026-06-29 14:22:08.455 ERROR boom"));
  EXPECT_TRUE(c->starts_record("14:22:08.455 [main] INFO a"));
  EXPECT_TRUE(c->starts_record("WARN [main] no stamp"));
  // A wrapped input's classifier reads the inner line (tests/unit/wrappers_test.cpp).
  auto w = make_classifier(Layout::kLog4j, Wrapper::kCompose);
  ASSERT_NE(w, nullptr);
  EXPECT_TRUE(w->starts_record("kafka-1  | [2026-06-29 14:22:08,455] INFO a"));
  EXPECT_FALSE(w->starts_record("kafka-1  | \tat org.apache.kafka.A.b(A.java:12)"));
  EXPECT_FALSE(c->starts_record("\tat org.apache.kafka.A.b(A.java:12)"));
  EXPECT_FALSE(c->starts_record("Caused by: java.io.IOException: x"));
  EXPECT_FALSE(c->starts_record("java.lang.IllegalStateException: y"));
  EXPECT_FALSE(c->starts_record("\t... 12 more"));
  EXPECT_FALSE(c->starts_record(""));
  EXPECT_EQ(classifier_for(Layout::kJournalShort), nullptr);
  // Framed: a stack trace stays in its record.
  std::string text =
      "[2026-06-29 14:22:08,455] ERROR boom\njava.io.IOException: x\n\tat a.b(C.java:1)\n"
      "[2026-06-29 14:22:09,000] INFO next\n";
  auto recs = test::simple_frame(text, framing_for(Layout::kLog4j), c);
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_EQ(recs[0].line_count, 3u);
}

// Docker Desktop shows the host's local time before every line of a
// container, stack and config-dump lines included (real-lines/java-client/023.log).
// Wrapped continuations stay continuations; a logback line stamped to the
// second (also with a right-aligned `%5p` level) is still a header.
TEST(Classifier, DockerDesktopWrappedContinuations) {
  const LineClassifier* c = classifier_for(Layout::kLogback);
  ASSERT_NE(c, nullptr);
  EXPECT_TRUE(c->starts_record(
      "2025-04-06 19:48:11 [2025-04-06 16:48:11,654] INFO ProducerConfig values: "));
  EXPECT_TRUE(c->starts_record(
      "2025-03-11 16:14:30 2025-03-11T23:14:30.240Z  INFO 1 --- [kafka-t] x : Node -1 "
      "disconnected."));
  EXPECT_FALSE(c->starts_record("2025-04-06 19:48:11     acks = -1"));
  EXPECT_FALSE(
      c->starts_record("2025-04-06 19:48:11  (org.apache.kafka.connect.runtime.ConnectorConfig$"
                       "EnrichedConnectorConfig)"));
  EXPECT_FALSE(c->starts_record("2025-04-06 19:48:11     at a.b.C.d(C.java:1)"));
  EXPECT_FALSE(c->starts_record("2025-04-06 19:48:11 Caused by: java.io.IOException: x"));
  EXPECT_FALSE(c->starts_record("2025-04-06 19:48:11 ... 12 more"));
  EXPECT_TRUE(c->starts_record("2025-04-06 19:48:11  INFO [main] a.B - started"));
  EXPECT_TRUE(c->starts_record("2025-04-06 19:48:11 [main] INFO a.B - started"));
  EXPECT_TRUE(c->starts_record("2025-04-06 19:48:11 INFO [main] a.B - started"));
  // Only a bare to-the-second stamp is a wrapper: a stamp with a fraction is the app's.
  EXPECT_TRUE(c->starts_record("2025-04-06 19:48:11.123     acks = -1"));
}

// JDK 8 -XX:+PrintGCDetails (real-lines/gc/001.log, 009.log): JVM header
// lines are records of their own, a G1 detail block belongs to its pause, and
// an application line interleaved on the same stdout starts a record.
TEST(Classifier, LegacyGcRecords) {
  const LineClassifier* c = classifier_for(Layout::kGcLegacy);
  ASSERT_NE(c, nullptr);
  EXPECT_TRUE(c->starts_record(
      "Java HotSpot(TM) 64-Bit Server VM (25.121-b13) for linux-amd64 JRE (1.8.0_121-b13)"));
  EXPECT_TRUE(c->starts_record("Memory: 4k page, physical 1004608k(271448k free)"));
  EXPECT_TRUE(c->starts_record("CommandLine flags: -XX:+DisableExplicitGC"));
  EXPECT_TRUE(c->starts_record(
      "2017-05-23T18:07:11.386+0800: 1.549: [GC pause (G1 Evacuation Pause) (young), 0.0096572 "
      "secs]"));
  EXPECT_TRUE(c->starts_record("1.549: [GC (Allocation Failure) 1024K->512K(2048K), 0.001 secs]"));
  EXPECT_TRUE(c->starts_record("Total time for which application threads were stopped: 0.01 s"));
  EXPECT_TRUE(c->starts_record(
      "2020-06-04 12:25:21,913 INFO Registered kafka:type=kafka.Log4jController MBean"));
  EXPECT_FALSE(c->starts_record("   [Parallel Time: 7.1 ms, GC Workers: 1]"));
  EXPECT_FALSE(c->starts_record(" [Times: user=0.01 sys=0.00, real=0.01 secs] "));
  EXPECT_FALSE(c->starts_record("Desired survivor size 1048576 bytes, new threshold 15 (max 15)"));
  EXPECT_FALSE(c->starts_record("- age   1:     123456 bytes,     123456 total"));
  EXPECT_FALSE(c->starts_record("{Heap before GC invocations=0 (full 0):"));
  // gc/009.log: two orphan detail lines, a broker line, then a pause. The
  // detail lines outvote the one application line.
  const std::string text =
      "   [Eden: 5120.0K(5120.0K)->0.0B(5120.0K) Survivors: 1024.0K->1024.0K Heap: "
      "8337.0K(128.0M)->4007.0K(128.0M)]\n"
      " [Times: user=0.01 sys=0.00, real=0.01 secs]\n"
      "2020-06-04 12:25:21,913 INFO Registered kafka:type=kafka.Log4jController MBean "
      "(kafka.utils.Log4jControllerRegistration$) [main]\n"
      "2020-06-04T12:25:21.976+0000: 0.763: [GC pause (G1 Evacuation Pause) (young), 0.0060932 "
      "secs]\n"
      "   [Parallel Time: 5.7 ms, GC Workers: 1]\n"
      "      [GC Worker Start (ms):  763.0]\n";
  ASSERT_EQ(sniff_layout(text), Layout::kGcLegacy);
  auto recs = test::simple_frame(text, framing_for(Layout::kGcLegacy), c);
  std::vector<uint64_t> starts;
  for (const auto& r : recs) starts.push_back(r.line);
  EXPECT_EQ(starts, (std::vector<uint64_t>{1, 3, 4}));
}

// Bare text is framed by indentation under an unindented line (a `systemctl
// status` block, real-lines/systemd/008.log).
TEST(Sniff, PlainTextKeepsIndentedBlocks) {
  const std::string text =
      "\xe2\x97\x8f kafka.service - Apache Kafka server (broker)\n"
      "   Loaded: loaded (/etc/systemd/system/kafka.service; enabled; vendor preset: disabled)\n"
      " Main PID: 32709 (java)\n";
  ASSERT_EQ(sniff_layout(text), Layout::kPlain);
  ASSERT_EQ(framing_for(Layout::kPlain), Framing::kIndentUnderHeader);
  EXPECT_EQ(test::simple_frame(text, framing_for(Layout::kPlain)).size(), 1u);
}

TEST(BadInput, GarbageNeverCrashesAndDiagnosticsAreBounded) {
  CollectingSink sink;
  RecordParser p(Layout::kLog4j, {}, &sink);
  std::string mega(1 << 20, 'x');
  std::string nul("[2026-06-29 14:22:08,455] IN\0FO x", 33);
  std::vector<std::string> inputs = {
      "[2026-13-45 99:99:99,000] INFO garbage",
      "[2026-06-29 14:2",
      "[2026-06-29",
      "[",
      "",
      mega,
      "[2026-06-29 14:22:08,455] " + mega,
      nul,
      "[2026-02-30 10:00:00,000] INFO no such day",
      "\xff\xfe\xfd invalid utf8 \xc3",
  };
  for (int rep = 0; rep < 20; ++rep)
    for (const auto& in : inputs) {
      RawRecord raw;
      raw.text = in;
      Record rec;
      p.parse(raw, rec);
      if (in.rfind("[2026-06-29 14:22:08,455]", 0) == 0) {
        EXPECT_EQ(utc(rec.time), "2026-06-29T14:22:08.455Z");
      } else {
        EXPECT_FALSE(rec.time.valid()) << in.substr(0, 40);
      }
    }
  EXPECT_LE(sink.items.size(), 6u);
  EXPECT_GE(sink.items.size(), 1u);
  // Every layout survives every input.
  for (int l = 0; l <= int(Layout::kPlain); ++l) {
    RecordParser q(Layout(l), {});
    for (const auto& in : inputs) {
      RawRecord raw;
      raw.text = in;
      Record rec;
      q.parse(raw, rec);
    }
    (void)sniff_layout(inputs[5]);
  }
}

}  // namespace
}  // namespace logcorr
