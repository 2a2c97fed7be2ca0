// LiveAnalyzer: the push API behind `logcorr follow`. Wall-clock time is
// injected, so these tests never sleep.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "logcorr/analyze.hpp"
#include "logcorr/follow.hpp"
#include "test_util.hpp"

namespace logcorr {
namespace {

namespace fs = std::filesystem;
constexpr int64_t kMs = 1'000'000;

std::string sample_dir(const std::string& name) {
  return std::string(LOGCORR_SOURCE_DIR) + "/samples/" + name;
}

LiveOptions live_options() {
  LiveOptions lo;
  lo.analyze.pattern_dirs = {std::string(LOGCORR_SOURCE_DIR) + "/patterns"};
  lo.analyze.correlate.lateness_ns = 10'000 * kMs;
  return lo;
}

struct Source {
  std::string id, path, bytes;
  size_t pos = 0;
};

// One source per logical input, as batch sees them: a rotated `gc.log.0` is
// the head of `gc.log` (one stream, oldest first).
std::vector<Source> bundle_sources(const std::string& dir) {
  std::vector<Source> out;
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& p : files) {
    if (p.extension() == ".0") continue;
    Source s{fs::relative(p, fs::path(dir).parent_path()).string(), p.string(), ""};
    fs::path rotated = p.string() + ".0";
    if (fs::exists(rotated)) s.bytes = test::read_file(rotated.string());
    s.bytes += test::read_file(p.string());
    out.push_back(std::move(s));
  }
  return out;
}

// Bytes of every source, round robin, in odd chunk sizes (records straddle
// chunks), then the end of each; findings are collected with the chunk
// index at which they arrived.
struct LiveRun {
  std::vector<LiveFinding> findings;
  std::vector<size_t> arrived;  // feed step of each finding
  size_t steps = 0;
  uint64_t records = 0;
};

LiveRun run_live(const std::string& dir, size_t chunk) {
  CollectingSink diag;
  auto created = LiveAnalyzer::create(live_options(), diag);
  EXPECT_TRUE(created.ok()) << created.status().to_string();
  std::unique_ptr<LiveAnalyzer> la = std::move(created).value();
  LiveRun r;
  if (!la) return r;
  la->set_callback([&](const LiveFinding& f) {
    r.findings.push_back(f);
    r.arrived.push_back(r.steps);
  });
  auto srcs = bundle_sources(dir);
  for (auto& s : srcs) la->add_source(s.id, s.path);
  int64_t wall = 0;
  for (bool more = true; more;) {
    more = false;
    for (auto& s : srcs) {
      if (s.pos >= s.bytes.size()) continue;
      size_t n = std::min(chunk, s.bytes.size() - s.pos);
      la->feed(s.id, std::string_view(s.bytes).substr(s.pos, n), wall);
      s.pos += n;
      more = true;
    }
    wall += 10 * kMs;
    la->tick(wall);
    ++r.steps;
  }
  for (auto& s : srcs) la->end_source(s.id, wall);
  la->finish();
  r.records = la->records();
  return r;
}

std::vector<Burst> batch(const std::string& dir) {
  AnalyzeOptions ao = live_options().analyze;
  CollectingSink diag;
  return analyze({dir}, ao, diag)->bursts;
}

TEST(Follow, SameVerdictsAsBatchWhateverTheChunking) {
  std::string dir = sample_dir("rolling-restart");
  auto want = batch(dir);
  ASSERT_EQ(want.size(), 3u);
  for (size_t chunk : {777u, 4096u, 65536u}) {
    LiveRun r = run_live(dir, chunk);
    std::vector<Burst> got;
    for (const auto& f : r.findings)
      if (f.type == LiveFinding::Type::kDecided) got.push_back(f.burst);
    ASSERT_EQ(got.size(), want.size()) << "chunk " << chunk;
    for (size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(got[i].start_ns, want[i].start_ns);
      EXPECT_EQ(got[i].end_ns, want[i].end_ns);
      EXPECT_EQ(got[i].count, want[i].count);
      EXPECT_EQ(got[i].verdict, want[i].verdict);
      EXPECT_EQ(got[i].brokers, want[i].brokers);
      ASSERT_FALSE(got[i].causes.empty());
      EXPECT_EQ(got[i].causes[0].summary, want[i].causes[0].summary);
    }
    EXPECT_EQ(r.records, 7076u);
  }
}

TEST(Follow, OpenedBeforeDecidedAndDecidedWhileStreaming) {
  LiveRun r = run_live(sample_dir("rolling-restart"), 2048);
  std::vector<uint64_t> opened;
  size_t first_decided_step = SIZE_MAX;
  for (size_t i = 0; i < r.findings.size(); ++i) {
    const auto& f = r.findings[i];
    if (f.type == LiveFinding::Type::kOpened) {
      opened.push_back(f.id);
      EXPECT_GE(f.opened.count, 3u);
    } else {
      // Each verdict follows its own "opened" alert (same id).
      EXPECT_NE(std::find(opened.begin(), opened.end(), f.id), opened.end()) << f.id;
      first_decided_step = std::min(first_decided_step, r.arrived[i]);
    }
  }
  EXPECT_EQ(opened.size(), 3u);
  // The first verdict came while bytes were still being fed, not at finish.
  EXPECT_LT(first_decided_step, r.steps - 1);
}

// Two client-ish sources: findings wait for the slower one until it has
// been quiet for the idle timeout.
TEST(Follow, WatermarkWaitsForEverySourceUntilIdle) {
  LiveOptions lo = live_options();
  lo.idle_timeout_ns = 5'000 * kMs;
  CollectingSink diag;
  auto created = LiveAnalyzer::create(lo, diag);
  ASSERT_TRUE(created.ok()) << created.status().to_string();
  std::unique_ptr<LiveAnalyzer> la = std::move(created).value();
  std::string a, b;
  auto stamp = [](int sec) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "2026-02-17T10:%02d:%02d.000Z", sec / 60, sec % 60);
    return std::string(buf);
  };
  for (int s = 0; s < 20; ++s) b += stamp(s) + "  INFO [main] app - tick\n";
  for (int s = 0; s < 20; ++s) a += stamp(s) + "  INFO [main] app - tick\n";
  for (int s = 20; s < 25; ++s)
    a += stamp(s) +
         "  INFO [kafka-producer-network-thread | p1] NetworkClient - [Producer clientId=p1] "
         "Node 1 disconnected.\n";
  for (int s = 25; s < 59 * 60 - 1; s += 5) a += stamp(s) + "  INFO [main] app - tick\n";
  la->feed("b", b, 0);
  la->feed("a", a, 0);
  la->tick(300 * kMs);
  auto f = la->poll();
  // The burst opened at once...
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].type, LiveFinding::Type::kOpened);
  // ...but "b" (at 10:00:19) holds the verdict back while it is active.
  la->tick(4'000 * kMs);
  EXPECT_TRUE(la->poll().empty());
  EXPECT_LT(la->watermark(), f[0].opened.start_ns);
  // Quiet for longer than the idle timeout: it no longer holds.
  la->tick(6'000 * kMs);
  f = la->poll();
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].type, LiveFinding::Type::kDecided);
  EXPECT_EQ(f[0].burst.count, 5u);
  EXPECT_EQ(f[0].id, 1u);
}

TEST(Follow, QuietSourceReleasesItsLastRecordAndRestartKeepsCounting) {
  LiveOptions lo = live_options();
  lo.sniff_lines = 2;
  CollectingSink diag;
  auto created = LiveAnalyzer::create(lo, diag);
  ASSERT_TRUE(created.ok()) << created.status().to_string();
  std::unique_ptr<LiveAnalyzer> la = std::move(created).value();
  std::string lines =
      "2026-02-17T10:00:00+0000 broker-1 systemd[1]: Starting x...\n"
      "2026-02-17T10:00:01+0000 broker-1 systemd[1]: Started x.\n"
      "2026-02-17T10:00:02+0000 broker-1 systemd[1]: Started y.\n";
  la->feed("j", lines, 0);
  // journal short modes continue records with indented lines: the last one
  // is held back until a line after it, or until the input is quiet.
  EXPECT_EQ(la->records(), 2u);
  la->tick(100 * kMs);
  EXPECT_EQ(la->records(), 2u);
  la->tick(300 * kMs);
  EXPECT_EQ(la->records(), 3u);
  la->restart_source("j", 400 * kMs);
  la->feed("j", lines, 500 * kMs);
  la->end_source("j", 600 * kMs);
  EXPECT_EQ(la->records(), 6u);
  auto st = la->stats();
  ASSERT_EQ(st.size(), 1u);
  EXPECT_EQ(st[0].files, 2u);
  EXPECT_EQ(st[0].layout, Layout::kJournalShortIso);
  EXPECT_TRUE(st[0].ended);
}

}  // namespace
}  // namespace logcorr
