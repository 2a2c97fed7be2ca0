// The embedding facade: paths, byte streams, framed records, in-memory packs
// and NDJSON round trips all reach the same verdicts on the bundled
// incidents; problems come back as diagnostics, never as crashes or prints.
#include "logcorr/analyzer.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <regex>
#include <thread>

#include "logcorr/format.hpp"
#include "logcorr/frame.hpp"
#include "logcorr/report.hpp"
#include "logcorr/time.hpp"
#include "test_util.hpp"

namespace logcorr {
namespace {

namespace fs = std::filesystem;

const std::string kSamples = LOGCORR_SOURCE_DIR "/samples/";

AnalyzeOptions base_options() {
  AnalyzeOptions o;
  o.pattern_dirs = {LOGCORR_SOURCE_DIR "/patterns"};
  return o;
}

// A burst as the samples' expected.json states it.
struct Want {
  std::string start, verdict;
  uint32_t count;
};

std::vector<Want> expected(const std::string& incident) {
  const std::string text = test::read_file(kSamples + incident + ".expected.json");
  std::vector<Want> out;
  std::regex re(
      R"re("start": "([^"]+)",\s*"end": "[^"]+",\s*"count": (\d+),\s*"verdict": "([^"]+)")re");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator();
       ++it)
    out.push_back(Want{(*it)[1], (*it)[3], static_cast<uint32_t>(std::stoul((*it)[2]))});
  return out;
}

std::vector<Want> got(const AnalysisReport& r) {
  std::vector<Want> out;
  for (const Burst& b : r.bursts)
    out.push_back(Want{format_rfc3339(b.start_ns, Precision::kMilli),
                       std::string(verdict_name(b.verdict)), b.count});
  return out;
}

void expect_same(const std::vector<Want>& a, const std::vector<Want>& b, const std::string& what) {
  ASSERT_EQ(a.size(), b.size()) << what;
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].start, b[i].start) << what << " burst " << i;
    EXPECT_EQ(a[i].verdict, b[i].verdict) << what << " burst " << i;
    EXPECT_EQ(a[i].count, b[i].count) << what << " burst " << i;
  }
}

// The files of an incident grouped as logical inputs: a rotation set
// (gc.log.0 then gc.log) is one stream, oldest member first.
std::vector<std::pair<std::string, std::vector<std::string>>> streams_of(
    const std::string& incident) {
  std::map<std::string, std::vector<std::string>> by;
  for (const auto& f : fs::recursive_directory_iterator(kSamples + incident)) {
    if (!f.is_regular_file()) continue;
    std::string rel = fs::relative(f.path(), kSamples).string();
    std::string name = rel;
    auto dot = name.rfind(".log.");
    if (dot != std::string::npos) name = name.substr(0, dot + 4);
    by[name].push_back(f.path().string());
  }
  std::vector<std::pair<std::string, std::vector<std::string>>> out;
  for (auto& [name, files] : by) {
    // "gc.log.0" (rotated, older) before "gc.log" (current).
    std::sort(files.begin(), files.end(), [](const std::string& a, const std::string& b) {
      return a.size() != b.size() ? a.size() > b.size() : a < b;
    });
    out.emplace_back(name, files);
  }
  return out;
}

class Incidents : public ::testing::TestWithParam<std::string> {};

TEST_P(Incidents, PathsMatchTheExpectedVerdicts) {
  Analyzer a(base_options());
  a.add_path(kSamples + GetParam());
  AnalyzerResult r = a.run();
  ASSERT_TRUE(r.ok());
  expect_same(got(r.report), expected(GetParam()), "paths");
  EXPECT_FALSE(r.report.bursts.empty());
}

TEST_P(Incidents, ByteStreamsInRandomChunksGiveTheSameVerdicts) {
  Analyzer a(base_options());
  std::mt19937 rng(42);
  for (const auto& [name, files] : streams_of(GetParam()))
    for (const auto& f : files) {
      const std::string bytes = test::read_file(f);
      for (size_t at = 0; at < bytes.size();) {
        size_t n = std::min<size_t>(bytes.size() - at, 1 + rng() % 700);
        a.add_bytes(name, std::string_view(bytes).substr(at, n));
        at += n;
      }
    }
  AnalyzerResult r = a.run();
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(a.diagnostics().empty()) << a.diagnostics().front().to_string();
  expect_same(got(r.report), expected(GetParam()), "bytes");
}

// A log shipper hands over whole records (a header with its stack trace):
// frame them here the way a shipper's multiline rule would.
struct Records final : RecordSink {
  std::vector<std::string> texts;
  void on_record(const RawRecord& r) override { texts.emplace_back(r.text); }
};

TEST_P(Incidents, FramedRecordsGiveTheSameVerdicts) {
  Analyzer a(base_options());
  size_t multi_line = 0;
  for (const auto& [name, files] : streams_of(GetParam()))
    for (const auto& f : files) {
      const std::string bytes = test::read_file(f);
      const std::string_view head = std::string_view(bytes).substr(0, 65536);
      const Layout layout = sniff_layout(head);
      const Wrapper wrapper = sniff_wrapper(head);  // a compose-prefixed client log
      auto wrapped = make_classifier(layout, wrapper);
      Framer framer(framing_for(layout, wrapper), wrapped ? wrapped.get() : classifier_for(layout));
      Records recs;
      framer.feed(bytes, recs);
      framer.finish(recs);
      for (const auto& t : recs.texts) {
        multi_line += t.find('\n') != std::string::npos;
        a.add_record(name, t);
      }
    }
  AnalyzerResult r = a.run();
  ASSERT_TRUE(r.ok());
  expect_same(got(r.report), expected(GetParam()), "records");
  if (GetParam() == "rolling-restart") {
    EXPECT_GT(multi_line, 0u) << "stack traces were framed";
  }
}

TEST_P(Incidents, EventsThroughNdjsonGiveTheSameVerdicts) {
  Analyzer a(base_options());
  a.keep_events(true);
  a.add_path(kSamples + GetParam());
  AnalyzerResult first = a.run();
  ASSERT_TRUE(first.ok());
  ASSERT_FALSE(first.events.empty());
  EXPECT_TRUE(std::is_sorted(first.events.begin(), first.events.end(),
                             [](const Event& x, const Event& y) { return x.time_ns < y.time_ns; }));
  const std::string nd = events_to_ndjson(first.events, first.report.inputs);

  CollectingSink diag;
  std::vector<Event> events;
  std::vector<InputSummary> inputs;
  EXPECT_EQ(parse_events_ndjson(nd, "events.ndjson", events, inputs, diag), 0u);
  EXPECT_EQ(events.size(), first.events.size());
  EXPECT_EQ(inputs.size(), first.report.inputs.size());
  Analyzer b(base_options());
  b.add_events(std::move(events), std::move(inputs));
  AnalyzerResult second = b.run();
  ASSERT_TRUE(second.ok());
  expect_same(got(second.report), got(first.report), "ndjson");
  // Causes, evidence, advice: all of a burst survives the round trip. (The
  // report's notes may not: a guess made while resolving entities is not
  // made again once the events carry the answer.)
  ASSERT_EQ(second.report.bursts.size(), first.report.bursts.size());
  for (size_t i = 0; i < first.report.bursts.size(); ++i)
    EXPECT_EQ(render_burst_json(second.report.bursts[i]),
              render_burst_json(first.report.bursts[i]));
}

INSTANTIATE_TEST_SUITE_P(Samples, Incidents,
                         ::testing::Values("rolling-restart", "oom-kill", "long-gc-pause",
                                           "idle-close", "listener-misconfig",
                                           "restart-with-distractors", "oom-kill-polyglot",
                                           "disk-full", "lb-idle-drop", "expired-cert",
                                           "local-time-server-log", "gc-uptime-only"),
                         [](const auto& param_info) {
                           std::string n = param_info.param;
                           std::replace(n.begin(), n.end(), '-', '_');
                           return n;
                         });

TEST(Analyzer, InMemoryPacksEqualPackDirectories) {
  AnalyzeOptions o;
  for (const auto& f : fs::directory_iterator(LOGCORR_SOURCE_DIR "/patterns"))
    if (f.path().extension() == ".toml")
      o.pattern_texts.emplace_back(f.path().filename().string(), test::read_file(f.path()));
  ASSERT_FALSE(o.pattern_texts.empty());
  Analyzer a(o);
  a.add_path(kSamples + "oom-kill");
  AnalyzerResult r = a.run();
  ASSERT_TRUE(r.ok());
  expect_same(got(r.report), expected("oom-kill"), "in-memory packs");
}

TEST(Analyzer, BrokenInMemoryPackIsReportedWithItsNameAndLine) {
  AnalyzeOptions o;
  o.pattern_texts = {{"mine.toml",
                      "name = \"mine\"\n[[pattern]]\nkind = \"broker_stop\"\n"
                      "regex = \"(unclosed\"\n"}};
  CollectingSink diag;
  Analyzer a(o, &diag);
  a.add_bytes("x.log", "2026-02-17 10:00:00,000 INFO hello\n");
  AnalyzerResult r = a.run();
  EXPECT_FALSE(r.ok());
  ASSERT_FALSE(diag.items.empty());
  EXPECT_EQ(diag.items.front().path, "mine.toml");
  EXPECT_GT(diag.items.front().line, 0u);
  EXPECT_TRUE(a.diagnostics().empty()) << "the caller's sink got them";
}

TEST(Analyzer, GarbageBytesAreSurvivedAndTheRunGoesOn) {
  Analyzer a(base_options());
  std::mt19937 rng(7);
  std::string junk(1 << 20, '\0');
  for (char& c : junk) c = static_cast<char>(rng());
  a.add_bytes("junk.bin", junk);
  a.add_record("empty", "");
  a.add_path(kSamples + "long-gc-pause");
  a.add_path("/nonexistent/logcorr/input");
  AnalyzerResult r = a.run();
  ASSERT_TRUE(r.ok());
  expect_same(got(r.report), expected("long-gc-pause"), "with garbage beside");
  bool named = false;
  for (const auto& d : a.diagnostics()) named |= d.path.find("/nonexistent/") != std::string::npos;
  EXPECT_TRUE(named) << "the missing path is named";
}

TEST(Analyzer, InputsWithoutTimeAreNamedInTheNotes) {
  // journalctl -o cat prints bare messages: the events are found but cannot
  // be placed in time, and the report says which input and why.
  const fs::path dir = fs::temp_directory_path() / "logcorr-untimed-test";
  fs::create_directories(dir);
  const fs::path f = dir / "broker-2-journal.cat.txt";
  {
    std::ofstream out(f);
    out << "Stopping kafka.service - Apache Kafka server (broker)...\n"
           "Stopped kafka.service - Apache Kafka server (broker).\n"
           "Started kafka.service - Apache Kafka server (broker).\n";
  }
  AnalyzeOptions o = base_options();
  o.open.reader.layout = Layout::kJournalCat;
  Analyzer a(o);
  a.add_path(f.string());
  AnalyzerResult r = a.run();
  ASSERT_TRUE(r.ok());
  bool named = false, counted = false;
  for (const std::string& n : r.report.notes) {
    named |= n.find(
                 "broker-2-journal.cat.txt: no record has a time stamp (journalctl -o cat); "
                 "its 3 event(s)") != std::string::npos;
    counted |= n.find("3 event(s) had no usable time") != std::string::npos;
  }
  EXPECT_TRUE(named);
  EXPECT_TRUE(counted);
  fs::remove_all(dir);
}

TEST(Analyzer, ReusableAfterRun) {
  Analyzer a(base_options());
  a.add_path(kSamples + "idle-close");
  AnalyzerResult one = a.run();
  a.add_path(kSamples + "oom-kill");
  AnalyzerResult two = a.run();
  expect_same(got(one.report), expected("idle-close"), "first run");
  expect_same(got(two.report), expected("oom-kill"), "second run, nothing of the first");
}

TEST(Analyzer, SeveralAnalyzersAtOnceAgreeWithOneAtATime) {
  const std::vector<std::string> incidents = {"rolling-restart", "oom-kill", "long-gc-pause",
                                              "listener-misconfig"};
  std::vector<std::string> alone, together(incidents.size());
  for (const auto& i : incidents) {
    Analyzer a(base_options());
    a.add_path(kSamples + i);
    alone.push_back(render_json(a.run().report));
  }
  std::vector<std::thread> th;
  for (size_t k = 0; k < incidents.size(); ++k)
    th.emplace_back([&, k] {
      Analyzer a(base_options());
      a.add_path(kSamples + incidents[k]);
      together[k] = render_json(a.run().report);
    });
  for (auto& t : th) t.join();
  EXPECT_EQ(alone, together);
}

TEST(EventsNdjson, BadLinesAreNamedAndSkipped) {
  CollectingSink diag;
  std::vector<Event> events;
  std::vector<InputSummary> inputs;
  const std::string text =
      "{\"v\":1,\"type\":\"event\",\"time\":\"2026-02-17T10:05:13.759Z\",\"kind\":\"broker_stop\","
      "\"host\":\"broker-1\",\"broker\":1,\"input\":\"a.log\",\"line\":3}\n"
      "not json at all\n"
      "{\"v\":1,\"type\":\"future-thing\"}\n"
      "\n";
  EXPECT_EQ(parse_events_ndjson(text, "shard-2.ndjson", events, inputs, diag), 1u);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, EventKind::kBrokerStop);
  EXPECT_EQ(events[0].broker, 1);
  ASSERT_EQ(diag.items.size(), 1u);
  EXPECT_EQ(diag.items[0].path, "shard-2.ndjson");
  EXPECT_EQ(diag.items[0].line, 2u);
}

}  // namespace
}  // namespace logcorr
