// Uptime anchoring (uptime_anchor.hpp): a GC log stamped with JVM uptime only,
// placed on the time line at the JVM start its host's other logs recorded.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "logcorr/analyze.hpp"
#include "logcorr/time.hpp"
#include "logcorr/uptime_anchor.hpp"
#include "test_util.hpp"

namespace logcorr {
namespace {

constexpr int64_t kS = 1'000'000'000;
constexpr int64_t kMin = 60 * kS;
constexpr int64_t kT0 = 1'772'719'331LL * kS;  // 2026-03-05T14:02:11Z

// tests/data/gc-uptime (tests/data/gen/make-uptime-gc.sh): two runs of a real
// JVM with the default decorations, the first line each run printed, and the
// same runs decorated with time.
const std::string kData = LOGCORR_SOURCE_DIR "/tests/data/gc-uptime";

// Pause ends from a time-decorated unified GC log, in order.
std::vector<int64_t> truth_pauses(const std::string& path) {
  std::ifstream f(path);
  std::vector<int64_t> out;
  std::regex pause(
      R"(^\[(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)\.(\d{3})\+0000\].*GC\(\d+\) Pause .*ms$)");
  std::smatch m;
  for (std::string line; std::getline(f, line);) {
    if (!std::regex_search(line, m, pause)) continue;
    auto secs = civil_to_seconds(std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3]), std::stoi(m[4]),
                                 std::stoi(m[5]), std::stoi(m[6]));
    out.push_back(*secs * kS + std::stoll(m[7]) * 1'000'000);
  }
  return out;
}

TEST(UptimeAnchor, RealJvmRunsAnchorOnTheirFirstLines) {
  AnalyzeOptions opts;
  opts.threads = 1;
  opts.pattern_dirs = {LOGCORR_SOURCE_DIR "/patterns"};
  CollectingSink diag;
  auto r = extract_resolved_events({kData + "/broker-1"}, opts, diag);
  ASSERT_TRUE(r.ok()) << r.status().message();
  std::vector<int64_t> truth = truth_pauses(kData + "/truth/run0.log");
  for (int64_t t : truth_pauses(kData + "/truth/run1.log")) truth.push_back(t);
  ASSERT_EQ(truth.size(), 6u);
  std::vector<int64_t> got;
  for (const auto& e : r->events)
    if (e.kind == EventKind::kGcPause) {
      EXPECT_TRUE(e.time_valid) << e.line;
      EXPECT_EQ(e.broker, 1);
      got.push_back(e.time_ns);
    }
  ASSERT_EQ(got.size(), truth.size());
  for (size_t i = 0; i < got.size(); ++i) {
    // The program logs its first line ~0.1 s after the JVM's start, Kafka
    // 0.3-2.7 s; the anchor assumes 1.5 s.
    EXPECT_NEAR(double(got[i] - truth[i]) / kS, 0.0, 1.5) << i;
    if (i > 0) {
      EXPECT_GE(got[i], got[i - 1]);
    }
  }
  // The two runs are 35 s apart: each found its own start.
  EXPECT_GT(got[3] - got[2], 30 * kS);
  const InputSummary* gc = nullptr;
  for (const auto& in : r->inputs)
    if (in.role == InputRole::kGc) gc = &in;
  ASSERT_NE(gc, nullptr);
  EXPECT_EQ(gc->uptime_runs.size(), 2u);
  EXPECT_EQ(gc->zone_source, ZoneSource::kInferred);
  EXPECT_TRUE(gc->has_span());
  EXPECT_NE(gc->zone_note.find("JVM run 1 of 2 started at"), std::string::npos) << gc->zone_note;
  EXPECT_NE(gc->zone_note.find("broker-1/server.log:2"), std::string::npos) << gc->zone_note;
}

TEST(UptimeAnchor, JvmStartGivenByHandWins) {
  AnalyzeOptions opts;
  opts.threads = 1;
  opts.pattern_dirs = {LOGCORR_SOURCE_DIR "/patterns"};
  opts.open.reader.jvm_start_ns = kT0;
  CollectingSink diag;
  auto r = extract_resolved_events({kData + "/broker-1/gc.log"}, opts, diag);
  ASSERT_TRUE(r.ok());
  for (const auto& e : r->events) {
    ASSERT_TRUE(e.time_valid);
    EXPECT_LT(e.time_ns - kT0, 5 * kS);
  }
  for (const auto& in : r->inputs) EXPECT_TRUE(in.zone_note.empty()) << in.zone_note;
}

// Synthetic runs: what anchoring decides from which starts.
struct Bundle {
  std::vector<Event> events;
  std::vector<InputSummary> inputs;

  // A GC input of broker `broker` whose runs have these (first, last) uptimes;
  // one long pause event at each run's last uptime.
  void gc(int32_t broker, std::vector<std::pair<int64_t, int64_t>> runs) {
    InputSummary in;
    in.input = "broker-" + std::to_string(broker) + "/gc.log";
    in.role = InputRole::kGc;
    in.layout = Layout::kGcUnified;
    in.host = "broker-" + std::to_string(broker);
    in.broker = broker;
    for (size_t r = 0; r < runs.size(); ++r) {
      in.uptime_runs.push_back({runs[r].first, runs[r].second, 100});
      Event e;
      e.kind = EventKind::kGcPause;
      e.duration_ns = 20 * kS;
      e.uptime_ns = runs[r].second;
      e.uptime_run = static_cast<uint32_t>(r);
      e.broker = broker;
      e.host = in.host;
      e.input = in.input;
      e.line = 10 + r;
      events.push_back(e);
    }
    inputs.push_back(in);
  }
  // A record of another input of broker `broker`.
  Event& record(int32_t broker, EventKind kind, int64_t t, std::string pattern) {
    Event e;
    e.kind = kind;
    e.time_ns = t;
    e.time_valid = true;
    e.broker = broker;
    e.host = "broker-" + std::to_string(broker);
    e.input = e.host + "/journal.txt";
    e.line = 100 + events.size();
    e.pattern = std::move(pattern);
    events.push_back(e);
    return events.back();
  }
  void systemd_started(int32_t broker, int64_t t) {
    record(broker, EventKind::kBrokerStart, t, "systemd/unit-started")
        .fields.emplace_back("unit", "kafka.service");
  }
  // The other logs end at `t`.
  void logs_until(int64_t t) {
    InputSummary in;
    in.input = "clients/app.log";
    in.role = InputRole::kClient;
    in.first_ns = kT0 - 10 * 24 * 60 * kMin;
    in.last_ns = t;
    inputs.push_back(in);
  }
  const Event& pause(uint32_t run) const {
    for (const auto& e : events)
      if (e.kind == EventKind::kGcPause && e.line == 10 + run) return e;
    throw std::runtime_error("no pause");
  }
};

TEST(UptimeAnchor, SystemdStartedIsTheStart) {
  Bundle x;
  x.gc(2, {{8'000'000, 90 * kMin}});
  x.systemd_started(2, kT0);
  x.systemd_started(3, kT0 + 40 * kMin);  // another broker's start is not its
  x.logs_until(kT0 + 95 * kMin);
  auto a = anchor_uptimes(x.events, x.inputs);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].jvm_start_ns, kT0);
  EXPECT_EQ(a[0].evidence, "broker-2/journal.txt:101");
  EXPECT_TRUE(x.pause(0).time_valid);
  EXPECT_EQ(x.pause(0).time_ns, kT0 + 90 * kMin);
  EXPECT_EQ(x.inputs[0].first_ns, kT0 + 8'000'000);
  EXPECT_EQ(x.inputs[0].last_ns, kT0 + 90 * kMin);
  EXPECT_NE(x.inputs[0].zone_note.find("systemd's Started kafka.service"), std::string::npos)
      << x.inputs[0].zone_note;
}

TEST(UptimeAnchor, TheJournalAndServerLogTellOneStart) {
  Bundle x;
  x.gc(1, {{0, 10 * kMin}});
  x.systemd_started(1, kT0);
  x.record(1, EventKind::kJvmStart, kT0 + 2 * kS, "kafka-broker/kafka-jvm-first-line");
  x.logs_until(kT0 + 20 * kMin);
  auto a = anchor_uptimes(x.events, x.inputs);
  ASSERT_EQ(a.size(), 1u);
  // Between the two, 1.5 s before the first line: 0.5 s after Started.
  EXPECT_EQ(a[0].jvm_start_ns, kT0 + 500'000'000);
  EXPECT_NE(x.inputs[0].zone_note.find("systemd's Started kafka.service and Kafka's first line"),
            std::string::npos)
      << x.inputs[0].zone_note;
  EXPECT_EQ(x.inputs[0].zone_note.find("latest of"), std::string::npos) << x.inputs[0].zone_note;
}

TEST(UptimeAnchor, TheStartLiesBetweenStartedAndTheFirstLine) {
  Bundle x;
  x.gc(1, {{0, 10 * kMin}});
  x.systemd_started(1, kT0);
  x.record(1, EventKind::kJvmStart, kT0 + 600'000'000, "kafka-broker/kafka-jvm-first-line");
  auto a = anchor_uptimes(x.events, x.inputs);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].jvm_start_ns, kT0);  // not before systemd started the unit
  Bundle y;
  y.gc(1, {{0, 10 * kMin}});
  y.systemd_started(1, kT0);
  y.record(1, EventKind::kJvmStart, kT0 + 9 * kS, "kafka-broker/kafka-jvm-first-line");
  a = anchor_uptimes(y.events, y.inputs);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].jvm_start_ns, kT0 + 7'500'000'000);  // a slow start script
}

TEST(UptimeAnchor, KafkasFirstLineAloneIsTakenAsLate) {
  Bundle x;
  x.gc(1, {{0, 10 * kMin}});
  x.record(1, EventKind::kJvmStart, kT0, "kafka-broker/kafka-jvm-first-line");
  auto a = anchor_uptimes(x.events, x.inputs);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].jvm_start_ns, kT0 - 1'500'000'000);
}

TEST(UptimeAnchor, TheLatestStartThatTheRunFits) {
  // Restarted at +1 h and +3 h; the GC log has run 50 min: the last start.
  Bundle x;
  x.gc(1, {{0, 50 * kMin}});
  for (int64_t h : {0, 1, 3}) x.systemd_started(1, kT0 + h * 60 * kMin);
  x.logs_until(kT0 + 4 * 60 * kMin);
  auto a = anchor_uptimes(x.events, x.inputs);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].jvm_start_ns, kT0 + 3 * 60 * kMin);
  EXPECT_NE(x.inputs[0].zone_note.find("the latest of 3 starts of broker 1"), std::string::npos)
      << x.inputs[0].zone_note;
}

TEST(UptimeAnchor, ARunThatOutlastsTheLaterStartsBelongsToAnEarlierOne) {
  // A gc.log of 2.5 h: not the +3 h start (the logs end at +4 h), not the
  // +1 h one (the JVM restarted at +3 h): the first.
  Bundle x;
  x.gc(1, {{0, 150 * kMin}});
  for (int64_t h : {0, 3}) x.systemd_started(1, kT0 + h * 60 * kMin);
  x.systemd_started(1, kT0 - 24 * 60 * kMin);
  x.logs_until(kT0 + 4 * 60 * kMin);
  auto a = anchor_uptimes(x.events, x.inputs);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].jvm_start_ns, kT0);
}

TEST(UptimeAnchor, ARunCannotSpanARestart) {
  // 2 h of uptimes: from +1 h they would outlast every log; from 0 they
  // would run through the restart at +1 h.
  Bundle x;
  x.gc(1, {{0, 120 * kMin}});
  x.systemd_started(1, kT0);
  x.systemd_started(1, kT0 + 60 * kMin);
  x.logs_until(kT0 + 126 * kMin);
  EXPECT_TRUE(anchor_uptimes(x.events, x.inputs).empty());
  EXPECT_NE(x.inputs[0].zone_note.find("2 start(s) of broker 1's JVM are logged"),
            std::string::npos)
      << x.inputs[0].zone_note;
}

TEST(UptimeAnchor, RestartsInOneFileTakeSuccessiveStarts) {
  Bundle x;
  x.gc(1, {{5 * kMin, 58 * kMin}, {0, 20 * kMin}});  // gc.log.0 then gc.log
  x.systemd_started(1, kT0);
  x.systemd_started(1, kT0 + 60 * kMin);
  x.logs_until(kT0 + 90 * kMin);
  auto a = anchor_uptimes(x.events, x.inputs);
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(x.pause(0).time_ns, kT0 + 58 * kMin);
  EXPECT_EQ(x.pause(1).time_ns, kT0 + 80 * kMin);
  EXPECT_EQ(x.inputs[0].first_ns, kT0 + 5 * kMin);
  EXPECT_EQ(x.inputs[0].last_ns, kT0 + 80 * kMin);
}

TEST(UptimeAnchor, NothingFitsAndTheNoteSaysWhy) {
  // A JVM up for 4 days; the journal holds one restart an hour ago -- of a
  // JVM whose GC log this is not (it would end 4 days from now).
  Bundle x;
  x.gc(3, {{345'600 * kS, 347'219 * kS}});
  x.systemd_started(3, kT0);
  x.logs_until(kT0 + 75 * kMin);
  EXPECT_TRUE(anchor_uptimes(x.events, x.inputs).empty());
  EXPECT_FALSE(x.pause(0).time_valid);
  EXPECT_FALSE(x.inputs[0].has_span());
  EXPECT_EQ(x.inputs[0].zone_source, ZoneSource::kNone);
  EXPECT_NE(x.inputs[0].zone_note.find("fit after none of them"), std::string::npos)
      << x.inputs[0].zone_note;
  EXPECT_NE(x.inputs[0].zone_note.find("--jvm-start"), std::string::npos);
}

TEST(UptimeAnchor, NoStartLogged) {
  Bundle x;
  x.gc(3, {{0, 10 * kMin}});
  x.systemd_started(2, kT0);
  EXPECT_TRUE(anchor_uptimes(x.events, x.inputs).empty());
  EXPECT_NE(x.inputs[0].zone_note.find("no log of broker 3 shows its JVM start"), std::string::npos)
      << x.inputs[0].zone_note;
  EXPECT_NE(x.inputs[0].zone_note.find("time,uptime,level,tags"), std::string::npos);
}

TEST(UptimeAnchor, EventsMovedOutOfTheWindowAreDropped) {
  Bundle x;
  x.gc(1, {{0, 10 * kMin}, {0, 30 * kMin}});
  x.systemd_started(1, kT0);
  x.systemd_started(1, kT0 + 60 * kMin);
  EventWindow w;
  w.since_ns = kT0 + 30 * kMin;
  size_t before = x.events.size();
  anchor_uptimes(x.events, x.inputs, w);
  EXPECT_EQ(x.events.size(), before - 1);  // run 1's pause at +10 min is out
}

TEST(UptimeAnchor, NoGcInputNoWork) {
  Bundle x;
  x.systemd_started(1, kT0);
  x.logs_until(kT0);
  auto events = x.events;
  EXPECT_TRUE(anchor_uptimes(x.events, x.inputs).empty());
  EXPECT_EQ(x.events.size(), events.size());
  for (const auto& in : x.inputs) EXPECT_TRUE(in.zone_note.empty());
}

}  // namespace
}  // namespace logcorr
