// Split extraction: one file read in chunks by several workers gives the
// events and the report of reading it whole -- line numbers, silence
// evidence, hosts, roles -- on the bundled incidents and on files made to
// put stack traces, quiet gaps, DST repeats and time-only stamps at seams.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <random>
#include <sstream>

#include "analyze/analyze_internal.hpp"
#include "logcorr/analyze.hpp"
#include "logcorr/report.hpp"
#include "logcorr/time.hpp"
#include "test_util.hpp"

namespace logcorr {
namespace {

namespace fs = std::filesystem;

const std::string kSamples = LOGCORR_SOURCE_DIR "/samples/";

struct Split {
  size_t chunks = 0;
  bool stitched = false;
};

struct Outcome {
  std::string events;  // NDJSON, as `logcorr events` writes it before entity resolution
  std::string report;  // render_json of analyze()
  std::map<std::string, Split> splits;
  std::vector<Event> raw;
};

class Collect final : public EventSink {
 public:
  void on_event(const Event& e) override {
    append_event_json(text, e);
    events.push_back(e);
  }
  void on_input(const InputSummary& in) override { append_input_json(text, in); }
  std::string text;
  std::vector<Event> events;
};

struct SplitRun {
  AnalyzeOptions opts;
  detail::ExtractTuning tuning;
};

SplitRun split_options() {
  SplitRun o;
  o.opts.pattern_dirs = {LOGCORR_SOURCE_DIR "/patterns"};
  // Tiny chunks and a tiny first warm-up, so that small files have many
  // seams and the warm-up has to grow.
  o.tuning.split_min_bytes = 1;
  o.tuning.split_chunk_bytes = 6000;
  o.tuning.split_warmup_bytes = 300;
  return o;
}

Outcome run_with(const std::vector<std::string>& inputs, SplitRun o, unsigned threads) {
  Outcome r;
  o.opts.threads = threads;
  o.tuning.split_observer = [&r](const std::string& in, size_t chunks, bool stitched) {
    r.splits[in] = Split{chunks, stitched};
  };
  NullSink diag;
  Collect c;
  EXPECT_TRUE(detail::extract_events(inputs, o.opts.extraction(), o.tuning, c, diag).ok());
  r.events = std::move(c.text);
  r.raw = std::move(c.events);
  auto splits = r.splits;
  r.report = render_json(*detail::analyze(inputs, o.opts, o.tuning, diag));
  EXPECT_EQ(splits.size(), r.splits.size());
  return r;
}

// Where two outputs first differ, with some context (they are long).
std::string first_difference(const std::string& a, const std::string& b) {
  size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
  if (i == a.size() && i == b.size()) return "same";
  size_t from = i > 200 ? i - 200 : 0;
  return "at byte " + std::to_string(i) + ":\n  " + a.substr(from, 400) + "\nvs\n  " +
         b.substr(from, 400);
}

// Same bytes for 1, 2 and 4 threads; returns the 2-thread run.
Outcome expect_same_for_all_threads(const std::vector<std::string>& inputs, const SplitRun& o) {
  Outcome one = run_with(inputs, o, 1);
  EXPECT_TRUE(one.splits.empty()) << "one thread never splits";
  EXPECT_FALSE(one.raw.empty());
  Outcome two;
  for (unsigned t : {2u, 4u}) {
    Outcome r = run_with(inputs, o, t);
    EXPECT_TRUE(one.events == r.events)
        << t << " threads: " << first_difference(one.events, r.events);
    EXPECT_TRUE(one.report == r.report)
        << t << " threads: " << first_difference(one.report, r.report);
    if (t == 2) two = std::move(r);
  }
  return two;
}

// Line `n` (1-based) of `text`.
std::string_view line_at(std::string_view text, uint64_t n) {
  size_t pos = 0;
  for (uint64_t i = 1; i < n && pos != std::string_view::npos; ++i) {
    pos = text.find('\n', pos);
    if (pos != std::string_view::npos) ++pos;
  }
  if (pos == std::string_view::npos) return {};
  size_t end = text.find('\n', pos);
  return text.substr(pos, end == std::string_view::npos ? text.npos : end - pos);
}

// The file an input label names (labels are paths relative to the
// argument, with the argument's own name in front).
std::string file_for(const std::string& label, const std::string& root) {
  for (const auto& f : fs::recursive_directory_iterator(root)) {
    std::string p = f.path().string();
    if (f.is_regular_file() && p.size() >= label.size() &&
        p.compare(p.size() - label.size(), label.size(), label) == 0)
      return p;
  }
  return {};
}

class Incident : public ::testing::TestWithParam<std::string> {};

TEST_P(Incident, ChunkedReadingGivesTheSameEventsAndReport) {
  const std::string dir = kSamples + GetParam();
  SplitRun o = split_options();
  if (GetParam() == "restart-with-distractors") {
    std::string err;
    o.opts.open.zone_rules.push_back(
        ZoneRule{dir + "/broker-2", test::load_zone("Europe/Berlin", err)});
  }
  Outcome r = expect_same_for_all_threads({dir}, o);
  // Single-file inputs of the layouts with exact seams were split; GC logs
  // and rotation sets were not.
  size_t stitched = 0;
  for (const auto& [in, s] : r.splits) {
    EXPECT_EQ(in.find("gc.log"), std::string::npos) << in;
    EXPECT_GE(s.chunks, 2u) << in;
    stitched += s.stitched;
  }
  EXPECT_GE(stitched, 3u);
  // Line numbers are the file's: the event's text starts its line.
  size_t checked = 0;
  for (const Event& e : r.raw) {
    std::string body = test::read_file(file_for(e.input, dir));
    if (body.empty() || !r.splits.count(e.input)) continue;  // not split
    ++checked;
    std::string_view first = std::string_view(e.text).substr(0, e.text.find('\n'));
    EXPECT_EQ(line_at(body, e.line), first) << e.input << ":" << e.line;
  }
  EXPECT_GT(checked, 0u);
}

INSTANTIATE_TEST_SUITE_P(Samples, Incident,
                         ::testing::Values("rolling-restart", "oom-kill", "long-gc-pause",
                                           "idle-close", "listener-misconfig",
                                           "restart-with-distractors", "oom-kill-polyglot",
                                           "disk-full", "lb-idle-drop", "expired-cert",
                                           "local-time-server-log", "gc-uptime-only"));

// A producer log: bursts of network errors with stack traces, quiet minutes
// before some of them (idle-close evidence), INFO chatter in between.
std::string client_log(uint32_t seed, bool time_only_lines, int64_t start_s, int records) {
  std::mt19937 rng(seed);
  std::ostringstream out;
  int64_t t_ms = start_s * 1000;
  for (int i = 0; i < records; ++i) {
    uint32_t r = rng() % 1000;
    if (r < 15)
      t_ms += 20'000 + rng() % 40'000;  // an idle stretch
    else
      t_ms += rng() % 400;
    std::string stamp = format_rfc3339(t_ms * 1'000'000, Precision::kMilli);  // 2026-...T..Z
    std::string date = stamp.substr(0, 10), clock = stamp.substr(11, 12);
    clock[8] = ',';
    if (time_only_lines && r % 97 == 3) {
      out << "[" << clock << "] INFO a line without a date\n";
      continue;
    }
    out << "[" << date << " " << clock << "] ";
    if (r < 60) {
      out << "ERROR [Producer clientId=orders-producer] send failed for orders-" << r % 12 << "\n"
          << "org.apache.kafka.common.errors.NetworkException: The server disconnected before a "
             "response was received.\n";
      for (uint32_t k = 0, n = 3 + rng() % 30; k < n; ++k)
        out << "\tat org.apache.kafka.clients.Frame" << k << ".call(Frame.java:" << 10 + k << ")\n";
      if (r % 2) out << "\n";  // an empty line inside the output, kept or dropped by position
    } else if (r < 80) {
      out << "WARN [Producer clientId=orders-producer] Got error produce response with "
             "correlation id "
          << i
          << " on topic-partition orders-3, retrying (2 attempts left). Error: "
             "NETWORK_EXCEPTION\n";
    } else {
      out << "INFO [Producer clientId=orders-producer] Sent batch " << i << " to node " << r % 3
          << " (org.apache.kafka.clients.producer.internals.Sender)\n";
    }
  }
  return out.str();
}

TEST(Split, StackTracesAndQuietGapsAtSeams) {
  test::TempDir tmp;
  std::string body = client_log(1, false, 1'783'000'000, 6000);
  std::string path = tmp.write("clients/orders.log", body);
  Outcome r = expect_same_for_all_threads({path}, split_options());
  ASSERT_EQ(r.splits.size(), 1u);
  EXPECT_TRUE(r.splits.begin()->second.stitched);
  EXPECT_GE(r.splits.begin()->second.chunks, 20u);
  size_t with_silence = 0, late = 0;
  for (const Event& e : r.raw) {
    with_silence += e.input_prev_ns != INT64_MIN;
    late += e.line > 1000;
    EXPECT_EQ(line_at(body, e.line), std::string_view(e.text).substr(0, e.text.find('\n')));
  }
  EXPECT_GT(with_silence, 10u);
  EXPECT_GT(late, 100u);
}

TEST(Split, ManyFilesAndOneBigOneTogether) {
  // The big file beside a GC log, a journal and small clients: the work
  // queue mixes whole inputs and chunks and still hands them on in order.
  test::TempDir tmp;
  tmp.write("clients/orders.log", client_log(2, false, 1'783'000'000, 4000));
  fs::create_directories(tmp.file("broker-1"));
  fs::create_directories(tmp.file("broker-2"));
  for (const char* f : {"broker-1/gc.log", "broker-1/server.log"})
    fs::copy_file(kSamples + "oom-kill/" + f, tmp.file(f));
  // No host in its path: the journal's host is the one its entries name.
  fs::create_directories(tmp.file("journals"));
  fs::copy_file(kSamples + "oom-kill/broker-2/journal.json", tmp.file("journals/journal.json"));
  for (const char* f : {"broker-2/gc.log", "broker-2/gc.log.0"})
    fs::copy_file(kSamples + "oom-kill/" + f, tmp.file(f));
  SplitRun o = split_options();
  o.tuning.split_chunk_bytes = 20000;
  Outcome r = expect_same_for_all_threads({tmp.path()}, o);
  size_t orders = 0, journal = 0;
  for (const auto& [in, s] : r.splits) {
    EXPECT_TRUE(s.stitched) << in;
    orders += in.find("orders.log") != std::string::npos;
    journal += in.find("journal.json") != std::string::npos;
  }
  EXPECT_EQ(orders, 1u);
  EXPECT_EQ(journal, 1u);
  EXPECT_NE(
      r.report.find(
          R"(/journals/journal.json","format":"journal-json","role":"journal","host":"broker-2")"),
      std::string::npos);
}

TEST(Split, TimeOnlyStampsAreReadWholeInstead) {
  // A time-only stamp takes its date from the last dated one, which may be
  // far back: a chunk that meets one gives up and the input is read whole.
  test::TempDir tmp;
  std::string path = tmp.write("app.log", client_log(3, true, 1'783'000'000, 3000));
  Outcome r = expect_same_for_all_threads({path}, split_options());
  ASSERT_EQ(r.splits.size(), 1u);
  EXPECT_FALSE(r.splits.begin()->second.stitched);
}

TEST(Split, RepeatedHourOfADstChangeAtSeams) {
  // Zone-less stamps through the hour that Europe/Berlin repeats on
  // 2026-10-25: which of the two instants a stamp is depends on the record
  // before it, so seams there must agree on it or fall back.
  test::TempDir tmp;
  std::ostringstream out;
  // Local 01:50 to 03:00 in summer time, then 02:00 to 03:10 again in
  // winter time, a stamp every 2 s.
  int i = 0;
  for (auto [from, to] : {std::pair{6600, 10800}, std::pair{7200, 11400}}) {
    for (int s = from; s < to; s += 2, ++i) {
      char stamp[64];
      std::snprintf(stamp, sizeof stamp, "[2026-10-25 %02d:%02d:%02d,%03d] ", s / 3600, s / 60 % 60,
                    s % 60, i % 1000);
      out << stamp;
      if (i % 50 == 7)
        out << "WARN [Producer clientId=p] Got error produce response with correlation id " << i
            << " on topic-partition t-1, retrying (1 attempts left). Error: NETWORK_EXCEPTION\n";
      else
        out << "INFO [Producer clientId=p] Sent batch " << i << "\n";
    }
  }
  std::string path = tmp.write("berlin/app.log", out.str());
  SplitRun o = split_options();
  std::string err;
  o.opts.open.reader.zone = test::load_zone("Europe/Berlin", err);
  o.opts.open.reader.zone_from_user = true;
  ASSERT_TRUE(o.opts.open.reader.zone) << err;
  Outcome r = expect_same_for_all_threads({path}, o);
  ASSERT_EQ(r.splits.size(), 1u);
}

TEST(Split, SmallFilesAndOneThreadAreReadWhole) {
  SplitRun o = split_options();
  o.tuning.split_min_bytes = 1ull << 30;
  Outcome r = run_with({kSamples + "oom-kill"}, o, 2);
  EXPECT_TRUE(r.splits.empty());
}

}  // namespace
}  // namespace logcorr
