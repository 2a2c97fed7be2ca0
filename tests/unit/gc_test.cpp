// GC extraction: every file of ../shared/corpus/gc must give MANIFEST.tsv's
// figures exactly; Kafka's own GC logs and real Java 17 logs generated on
// this machine (tests/data/gc) must give the counts an independent grep gives.
//
// Records are framed here by a small local framer (lib/src/frame is written
// concurrently): legacy lines start a record at a stamp / "Total time" /
// header line WITHOUT METHODS.md's bracket-depth rule (as a generic
// header-continued framer would), or every physical line is its own record.
// The extractor must regroup either way and give the same figures.
#include <gtest/gtest.h>
#include <re2/re2.h>
#include <toml++/toml.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "logcorr/gc.hpp"
#include "match/gc/gc_scan.hpp"
#include "test_util.hpp"

namespace {

using namespace logcorr;
namespace fs = std::filesystem;

// ---------------------------------------------------------------------------
// Local stamps and framing

int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

// "2015-05-04T18:08:01.462+0000" -> UTC ns.
bool iso_ns(const std::string& s, int64_t& ns) {
  static const std::regex re(
      R"(^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})[.,](\d{3})([+-])(\d{2}):?(\d{2}))");
  std::smatch m;
  if (!std::regex_search(s, m, re)) return false;
  auto n = [&](int i) { return std::stoll(m[i].str()); };
  int64_t off = (n(9) * 3600 + n(10) * 60) * (m[8].str() == "-" ? -1 : 1);
  int64_t secs =
      days_from_civil(n(1), static_cast<unsigned>(n(2)), static_cast<unsigned>(n(3))) * 86400 +
      n(4) * 3600 + n(5) * 60 + n(6) - off;
  ns = secs * 1'000'000'000 + n(7) * 1'000'000;
  return true;
}

// Uptime-only logs are anchored at an arbitrary JVM start so they get times.
constexpr int64_t kJvmStart = 946684800LL * 1'000'000'000;  // 2000-01-01T00:00:00Z

int64_t uptime_ns(const std::string& whole, const std::string& frac, int64_t unit) {
  int64_t f = std::stoll(frac);
  for (size_t i = frac.size(); i < 9; ++i) f *= 10;
  return std::stoll(whole) * unit + f * unit / 1'000'000'000;
}

RecordTime stamp_of(const std::string& line, bool unified) {
  RecordTime t;
  int64_t ns;
  std::smatch m;
  if (unified) {
    // First decoration that starts with a digit.
    static const std::regex deco(R"(^(?:\[[a-z][^\]]*\])*\[(\d[^\]]*)\](?:\[(\d[^\]]*)\])?)");
    if (!std::regex_search(line, m, deco)) return t;
    std::string d = m[1].str();
    std::smatch u;
    if (iso_ns(d, ns)) {
      t.utc_ns = ns;
      t.precision = Precision::kMilli;
      t.zone = ZoneSource::kExplicit;
    } else if (std::regex_match(d, u, std::regex(R"((\d+)[.,](\d+)s)"))) {
      t.uptime_ns = uptime_ns(u[1], u[2], 1'000'000'000);
      t.utc_ns = kJvmStart + t.uptime_ns;
      t.precision = Precision::kMilli;
      t.zone = ZoneSource::kAssumed;
    } else if (std::regex_match(d, u, std::regex(R"((\d+)ms)"))) {
      t.uptime_ns = std::stoll(u[1]) * 1'000'000;
      t.utc_ns = kJvmStart + t.uptime_ns;
      t.precision = Precision::kMilli;
      t.zone = ZoneSource::kAssumed;
    }
    return t;
  }
  static const std::regex date(R"(^(\d{4}-\d{2}-\d{2}T[^ ]+): (?:(\d+)[.,](\d+): )?)");
  static const std::regex up(R"(^(\d+)[.,](\d+): )");
  if (std::regex_search(line, m, date) && iso_ns(m[1].str(), ns)) {
    t.utc_ns = ns;
    t.precision = Precision::kMilli;
    t.zone = ZoneSource::kExplicit;
    if (m[2].matched) t.uptime_ns = uptime_ns(m[2], m[3], 1'000'000'000);
  } else if (std::regex_search(line, m, up)) {
    t.uptime_ns = uptime_ns(m[1], m[2], 1'000'000'000);
    t.utc_ns = kJvmStart + t.uptime_ns;
    t.precision = Precision::kMilli;
    t.zone = ZoneSource::kAssumed;
  }
  return t;
}

enum class Framing {
  kGeneric,        // legacy: a stamp / "Total time" / header line starts a record
  kStampsOnly,     // legacy: only stamped lines start one (bare "Total time…",
                   // rotation and header lines get joined to the record before)
  kLinePerRecord,  // every physical line is a record
};

struct LocalRecord {
  std::string text;
  uint64_t line;
};

std::vector<std::string> split_lines(const std::string& data) {
  std::vector<std::string> lines;
  std::string cur;
  std::istringstream in(data);
  while (std::getline(in, cur)) lines.push_back(cur);
  return lines;
}

bool stamped_line(const std::string& l) {
  static const std::regex re(R"(^(\d{4}-\d{2}-\d{2}T|\d+[.,]\d+: ))");
  return std::regex_search(l, re);
}

bool generic_legacy_start(const std::string& l) {
  static const std::regex re(
      R"(^(\d{4}-\d{2}-\d{2}T|\d+[.,]\d+: |Total time for which|Application time:|\d{4}-\d{2}-\d{2} \d{2}:|Java HotSpot|OpenJDK|Memory:|CommandLine flags:))");
  return std::regex_search(l, re);
}

std::vector<LocalRecord> frame(const std::string& data, bool unified, Framing framing) {
  std::vector<LocalRecord> out;
  auto lines = split_lines(data);
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& l = lines[i];
    bool starts = framing == Framing::kLinePerRecord || out.empty() ||
                  (unified ? !(l.size() > 0 && (l[0] == ' ' || l[0] == '\t'))
                   : framing == Framing::kStampsOnly ? stamped_line(l)
                                                     : generic_legacy_start(l));
    if (starts) {
      out.push_back({l, i + 1});
    } else {
      out.back().text += "\n" + l;
    }
  }
  return out;
}

std::vector<Event> extract(const std::string& path, Framing framing, GcExtractorStats* stats,
                           GcLogStyle style = GcLogStyle::kAuto) {
  std::string data = logcorr::test::read_file(path);
  bool unified = !data.empty() && data[0] == '[' && data.compare(0, 3, "[GC") != 0;
  GcExtractorOptions opts;
  opts.input = path;
  opts.style = style;
  GcExtractor ex(opts);
  std::vector<Event> events;
  for (const LocalRecord& lr : frame(data, unified, framing)) {
    Record r;
    r.raw.text = lr.text;
    r.raw.line = lr.line;
    r.time = stamp_of(lr.text.substr(0, lr.text.find('\n')), unified);
    ex.feed(r, events);
  }
  ex.finish(events);
  if (stats) *stats = ex.stats();
  return events;
}

// ---------------------------------------------------------------------------
// Figures

struct Figures {
  int64_t n = 0, max = 0, sum = 0;
};

struct FileFigures {
  Figures pauses, windows, safepoints;
};

FileFigures figures(const std::vector<Event>& events) {
  FileFigures f;
  auto add = [](Figures& g, int64_t d) {
    ++g.n;
    g.sum += d;
    g.max = std::max(g.max, d);
  };
  for (const Event& e : events) {
    if (e.kind == EventKind::kGcPause) {
      add(f.pauses, e.duration_ns);
      if (e.field("nested") != "true") add(f.windows, e.duration_ns);
    } else if (e.kind == EventKind::kSafepoint) {
      add(f.safepoints, e.duration_ns);
    }
  }
  return f;
}

// Does `ns`, rounded at the last digit of `printed` (ms), give `printed`?
::testing::AssertionResult same_as_printed(int64_t ns, const std::string& printed) {
  size_t dot = printed.find('.');
  int digits = dot == std::string::npos ? 0 : static_cast<int>(printed.size() - dot - 1);
  int64_t unit = 1'000'000;
  for (int i = 0; i < digits; ++i) unit /= 10;
  if (unit == 0) unit = 1;
  int64_t want = gc_duration_ns(printed, "ms");
  int64_t rounded = (ns + unit / 2) / unit * unit;
  if (want >= 0 && rounded == want) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << ns << " ns is not " << printed << " ms";
}

// "n|max|sum" (or "0|-|-") against figures.
::testing::AssertionResult same_figures(const Figures& got, const std::string& want) {
  std::vector<std::string> p;
  std::stringstream ss(want);
  for (std::string x; std::getline(ss, x, '|');) p.push_back(x);
  if (p.size() != 3) return ::testing::AssertionFailure() << "bad manifest figure " << want;
  if (std::to_string(got.n) != p[0])
    return ::testing::AssertionFailure() << "count " << got.n << " != " << p[0];
  if (got.n == 0) return ::testing::AssertionSuccess();
  auto mx = same_as_printed(got.max, p[1]);
  if (!mx) return ::testing::AssertionFailure() << "max: " << mx.message();
  auto sm = same_as_printed(got.sum, p[2]);
  if (!sm) return ::testing::AssertionFailure() << "sum: " << sm.message();
  return ::testing::AssertionSuccess();
}

struct ManifestRow {
  std::string file, pauses, windows, stopped;
};

std::vector<ManifestRow> manifest(const std::string& dir) {
  std::vector<ManifestRow> rows;
  for (const std::string& l : split_lines(logcorr::test::read_file(dir + "/MANIFEST.tsv"))) {
    if (l.empty() || l[0] == '#' || l.compare(0, 5, "file\t") == 0) continue;
    std::vector<std::string> c;
    std::stringstream ss(l);
    for (std::string x; std::getline(ss, x, '\t');) c.push_back(x);
    if (c.size() < 11) continue;
    rows.push_back({c[0], c[8], c[9], c[10]});
  }
  return rows;
}

// "JDK6-8 stopped: 6|1000.6881|1064.9399" -> "6|1000.6881|1064.9399"; "none…" -> "0|-|-".
std::string stopped_figure(const std::string& s) {
  if (s.compare(0, 4, "none") == 0) return "0|-|-";
  size_t c = s.find(": ");
  std::string f = s.substr(c + 2);
  return f.substr(0, f.find(' '));
}

// ---------------------------------------------------------------------------

TEST(GcDuration, ParsesPrintedDecimalsExactly) {
  EXPECT_EQ(gc_duration_ns("0.0209631", "secs"), 20'963'100);
  EXPECT_EQ(gc_duration_ns("0,73936800", "secs"), 739'368'000);
  EXPECT_EQ(gc_duration_ns("1,474", "ms"), 1'474'000);
  EXPECT_EQ(gc_duration_ns("4077.274", "ms"), 4'077'274'000);
  EXPECT_EQ(gc_duration_ns("38878", "ns"), 38'878);
  EXPECT_EQ(gc_duration_ns("1.0006881", "seconds"), 1'000'688'100);
  EXPECT_EQ(gc_duration_ns("0.0000000015", "secs"), 2);  // half-up past ns
  EXPECT_EQ(gc_duration_ns("12", "ms"), 12'000'000);
  EXPECT_EQ(gc_duration_ns("1.", "ms"), -1);
  EXPECT_EQ(gc_duration_ns(".5", "ms"), -1);
  EXPECT_EQ(gc_duration_ns("1.5", "min"), -1);
  EXPECT_EQ(gc_duration_ns("99999999999999999999", "secs"), -1);
}

TEST(GcCorpus, EveryManifestFileGivesTheManifestFigures) {
  LOGCORR_REQUIRE_CORPUS();
  std::string dir = logcorr::test::corpus_dir() + "/gc";
  auto rows = manifest(dir);
  ASSERT_EQ(rows.size(), 30u);
  int matched = 0;
  for (const ManifestRow& row : rows) {
    for (Framing framing : {Framing::kGeneric, Framing::kStampsOnly, Framing::kLinePerRecord}) {
      SCOPED_TRACE(row.file + (framing == Framing::kGeneric      ? " (generic framing)"
                               : framing == Framing::kStampsOnly ? " (stamped lines only)"
                                                                 : " (line per record)"));
      GcExtractorStats st;
      FileFigures f = figures(extract(dir + "/" + row.file, framing, &st));
      bool ok = true;
      auto p = same_figures(f.pauses, row.pauses);
      EXPECT_TRUE(p) << "gc_pauses";
      auto w = same_figures(f.windows, row.windows == "=" ? row.pauses : row.windows);
      EXPECT_TRUE(w) << "stw_windows";
      auto s = same_figures(f.safepoints, stopped_figure(row.stopped));
      EXPECT_TRUE(s) << "stopped_or_safepoint";
      EXPECT_EQ(st.unterminated, 0u);
      ok = p && w && s;
      if (framing == Framing::kGeneric) {
        if (ok) ++matched;
        std::printf("[gc] %-70s %s pauses %lld (%lld windows, %lld nested) safepoints %lld\n",
                    row.file.c_str(), ok ? "OK  " : "FAIL", static_cast<long long>(f.pauses.n),
                    static_cast<long long>(f.windows.n), static_cast<long long>(st.nested_pauses),
                    static_cast<long long>(f.safepoints.n));
      }
    }
  }
  EXPECT_EQ(matched, 30);
  std::printf("[gc] %d/30 corpus files match MANIFEST.tsv\n", matched);
}

// kind_name() lives in the matcher stage (written concurrently); the two GC
// kinds are all this test needs.
std::string kind_name_for_test(EventKind k) {
  return k == EventKind::kGcPause ? "gc_pause" : k == EventKind::kSafepoint ? "safepoint" : "?";
}

const Event* nth(const std::vector<Event>& ev, EventKind kind, size_t n) {
  for (const Event& e : ev)
    if (e.kind == kind && n-- == 0) return &e;
  return nullptr;
}

TEST(GcCorpus, LegacyPauseIsStampedAtItsStart) {
  LOGCORR_REQUIRE_CORPUS();
  auto ev = extract(logcorr::test::corpus_dir() + "/gc/garbagecat/dataset41.txt", Framing::kGeneric,
                    nullptr);
  const Event* e = nth(ev, EventKind::kGcPause, 0);
  ASSERT_NE(e, nullptr);
  int64_t stamp;
  ASSERT_TRUE(iso_ns("2015-05-04T18:08:01.462+0000", stamp));
  EXPECT_TRUE(e->time_valid);
  EXPECT_EQ(e->duration_ns, 20'963'100);
  EXPECT_EQ(e->start_ns(), stamp);
  EXPECT_EQ(e->time_ns, stamp + 20'963'100);
  EXPECT_EQ(e->line, 3u);
  EXPECT_EQ(e->field("cause"), "G1 Evacuation Pause");
  EXPECT_EQ(e->field("collection"), "GC pause");
  EXPECT_EQ(e->field("duration"), "0.0209631");
  EXPECT_EQ(e->field("duration_unit"), "secs");
  EXPECT_NE(e->text.find(", 0.0209631 secs]"), std::string::npos);
  // The stopped line after it: stamped at its end.
  const Event* s = nth(ev, EventKind::kSafepoint, 2);
  ASSERT_NE(s, nullptr);
  ASSERT_TRUE(iso_ns("2015-05-04T18:08:01.494+0000", stamp));
  EXPECT_EQ(s->time_ns, stamp);
  EXPECT_EQ(s->duration_ns, 21'482'600);
  EXPECT_EQ(s->field("duration"), "0.0214826");
}

TEST(GcCorpus, CmsRemarkSplitOverTwoStampedLinesIsOnePause) {
  LOGCORR_REQUIRE_CORPUS();
  auto ev = extract(logcorr::test::corpus_dir() + "/gc/GCViewer/SampleSun1_8_0Series-Part1.txt",
                    Framing::kLinePerRecord, nullptr);
  const Event* remark = nullptr;
  for (const Event& e : ev)
    if (e.kind == EventKind::kGcPause && e.line == 18) remark = &e;
  ASSERT_NE(remark, nullptr);
  EXPECT_EQ(remark->duration_ns, 23'621'900);  // outer duration on line 19
  EXPECT_EQ(remark->field("cause"), "CMS Final Remark");
  int64_t stamp;
  ASSERT_TRUE(iso_ns("2016-04-14T22:30:13.217+0200", stamp));
  EXPECT_EQ(remark->start_ns(), stamp);
  for (const Event& e : ev) EXPECT_NE(e.line, 19u) << "second remark line counted on its own";
}

TEST(GcCorpus, UnifiedPauseAndSafepointAreStampedAtTheirEnd) {
  LOGCORR_REQUIRE_CORPUS();
  auto ev = extract(logcorr::test::corpus_dir() + "/gc/garbagecat/dataset283.txt",
                    Framing::kGeneric, nullptr);
  const Event* sp = nth(ev, EventKind::kSafepoint, 0);
  ASSERT_NE(sp, nullptr);
  int64_t stamp;
  ASSERT_TRUE(iso_ns("2024-02-01T11:09:53.291+0000", stamp));
  EXPECT_EQ(sp->time_ns, stamp);
  EXPECT_EQ(sp->duration_ns, 9'179'860);
  EXPECT_EQ(sp->start_ns(), stamp - 9'179'860);
  EXPECT_EQ(sp->line, 4u);
  EXPECT_FALSE(sp->field("operation").empty());
  EXPECT_EQ(sp->pattern, "jvm-gc/safepoint");

  auto kev = extract(logcorr::test::corpus_dir() + "/kafka-logs/kafka-2.8.0/kafkaServer-gc.log",
                     Framing::kGeneric, nullptr);
  const Event* p = nth(kev, EventKind::kGcPause, 0);
  ASSERT_NE(p, nullptr);
  ASSERT_TRUE(iso_ns("2021-05-05T13:41:02.594+0200", stamp));
  EXPECT_EQ(p->time_ns, stamp);
  EXPECT_EQ(p->duration_ns, 12'025'000);
  EXPECT_EQ(p->start_ns(), stamp - 12'025'000);
  EXPECT_EQ(p->line, 17u);
  EXPECT_EQ(p->field("gc_id"), "0");
  EXPECT_EQ(p->field("pause"), "Young (Normal)");
  EXPECT_EQ(p->field("cause"), "G1 Evacuation Pause");
  EXPECT_EQ(p->field("duration"), "12.025");
  EXPECT_EQ(p->field("nested"), "");
}

TEST(GcCorpus, NestedFullInsideYoungIsMarked) {
  LOGCORR_REQUIRE_CORPUS();
  auto ev = extract(
      logcorr::test::corpus_dir() + "/gc/GCViewer/sample-ujl-serial-gc-all,safepoint,os+cpu.txt",
      Framing::kGeneric, nullptr);
  std::vector<const Event*> nested;
  for (const Event& e : ev)
    if (e.field("nested") == "true") nested.push_back(&e);
  ASSERT_EQ(nested.size(), 1u);
  EXPECT_EQ(nested[0]->field("gc_id"), "3");
  EXPECT_EQ(nested[0]->field("pause"), "Full");
  EXPECT_EQ(nested[0]->field("cause"), "Allocation Failure");
  EXPECT_EQ(nested[0]->duration_ns, 6'987'000);
  EXPECT_EQ(nested[0]->line, 32u);
}

// Kafka brokers' own GC logs, counted by hand:
//   grep -cE 'GC\([0-9]+\) Pause .*[0-9][.,][0-9]+ms *$' FILE          (unified)
//   grep -cE '^[0-9-]+T[^ ]+: [0-9.]+: \[(GC (pause|remark|cleanup)|Full GC)' FILE   (legacy)
TEST(GcCorpus, KafkaServerGcLogs) {
  LOGCORR_REQUIRE_CORPUS();
  const std::map<std::string, int> want = {
      {"kafka-2.8.0/kafkaServer-gc.log", 16},           {"kafka-2.8.0/kafkaServer-gc.log.0", 17},
      {"kafka-2.8.0/kafkaServer-gc.log.0.current", 10}, {"kafka-2.8.0/kafkaServer-gc.log.1", 5},
      {"kafka-2.8.0/kafkaServer-gc.log.2", 13},         {"kafka-2.8.0/kafkaServer-gc.log.3", 5},
      {"kafka-2.8.0/kafkaServer-gc.log.4", 16},         {"kafka-2.8.0/kafkaServer-gc.log.5", 9},
      {"kafka-2.8.0/kafkaServer-gc.log.6", 8},          {"kafka-2.8.0/kafkaServer-gc.log.7", 19},
      {"kafka-2.8.0/kafkaServer-gc.log.8", 15},         {"kafka-2.8.0/kafkaServer-gc.log.9", 21},
      {"kafka-4.0.0/kafkaServer-gc.log", 10},           {"kafka-4.0.0/kafkaServer-gc.log.0", 1},
      {"kafka-4.0.0/kafkaServer-gc.log.1", 1},          {"kafka-4.0.0/kafkaServer-gc.log.2", 8},
      {"kafka-4.0.0/kafkaServer-gc.log.3", 10},         {"kafka-4.0.0/kafkaServer-gc.log.4", 9},
      {"kafka-4.0.0/kafkaServer-gc.log.5", 9},          {"kafka-4.0.0/kafkaServer-gc.log.6", 10},
      {"kafka-4.0.0/kafkaServer-gc.log.7", 10},         {"kafka-4.0.0/kafkaServer-gc.log.8", 14},
      {"kafka-4.0.0/kafkaServer-gc.log.9", 9},
  };
  std::string dir = logcorr::test::corpus_dir() + "/kafka-logs";
  int files = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (!entry.is_directory()) continue;
    for (const auto& f : fs::directory_iterator(entry.path())) {
      std::string name = f.path().filename().string();
      if (name.rfind("kafkaServer-gc.log", 0) != 0) continue;
      std::string key = entry.path().filename().string() + "/" + name;
      SCOPED_TRACE(key);
      auto it = want.find(key);
      ASSERT_NE(it, want.end()) << "new GC log in the corpus: count it and add it here";
      GcExtractorStats st;
      FileFigures fig = figures(extract(f.path().string(), Framing::kGeneric, &st));
      EXPECT_EQ(fig.pauses.n, it->second);
      EXPECT_EQ(fig.windows.n, it->second);  // G1 never nests
      EXPECT_EQ(fig.safepoints.n, 0);        // no safepoint logging in these runs
      EXPECT_EQ(st.unterminated, 0u);
      ++files;
    }
  }
  EXPECT_EQ(files, static_cast<int>(want.size()));
}

// A pause whose "[Times: …" line another thread's write tore in two, pulling
// a "[GC concurrent-cleanup-start]" into the pause record, is still a pause.
TEST(GcLegacy, InterleavedConcurrentMarkerDoesNotHideThePause) {
  const std::string log =
      "2021-05-05T16:17:26.693+0000: 1.613: [GC cleanup 159M->151M(1024M), 0.0025510 secs]\n"
      " [Times: user=0.01 sys=0.00, real=0.00 2021-052021-05-05T16:17:26.696+0000: 1.615: [GC "
      "concurrent-cleanup-start]\n"
      "2021-05-05T16:17:26.696+0000: 1.615: [GC concurrent-cleanup-end, 0.0000115 secs]\n";
  logcorr::test::TempDir tmp;
  auto ev = extract(tmp.write("gc.log", log), Framing::kGeneric, nullptr);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].duration_ns, 2'551'000);
  EXPECT_EQ(ev[0].field("collection"), "GC cleanup");
  EXPECT_EQ(ev[0].field("cause"), "");
}

TEST(GcUnified, NotPausesAndDecimalComma) {
  const std::string log =
      "[0.100s][info][gc,start] GC(7) Pause Young (Normal) (G1 Evacuation Pause)\n"
      "[0.101s][info][gc,phases] GC(7)   Other: 0.2ms\n"
      "[0.102s][info][gc] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 9M->3M(64M) 1,474ms\n"
      "[0.200s][info][gc] GC(8) Concurrent Cycle 42.463ms\n"
      "[0.300s][info][gc] Allocation Stall (main) 12.345ms\n"
      "[0.301s][info][gc] GC(9) Major Collection (Warmup) 30M(31%)->26M(27%) 0.036s\n"
      "[0.302s][info][gc,stats] Pause Init Mark (G)              1234 us\n"
      "[0.303s][info][gc,phases] GC(9) Y: Pause Mark Start (Major) 0.009ms\n"
      "[0.304s][info][gc] GC(10) Pause Full (System.gc()) 20M->5M(64M) 3.000ms\n";
  logcorr::test::TempDir tmp;
  GcExtractorStats st;
  auto ev = extract(tmp.write("gc.log", log), Framing::kGeneric, &st);
  ASSERT_EQ(ev.size(), 3u);
  EXPECT_EQ(ev[0].duration_ns, 1'474'000);
  EXPECT_EQ(ev[0].field("duration"), "1,474");
  EXPECT_EQ(ev[0].time_ns, kJvmStart + 102'000'000);
  EXPECT_EQ(ev[1].field("generation"), "young");
  EXPECT_EQ(ev[1].field("pause"), "Mark Start (Major)");
  EXPECT_EQ(ev[1].field("cause"), "");
  EXPECT_EQ(ev[2].field("cause"), "System.gc()");
  EXPECT_EQ(ev[2].field("pause"), "Full");
  EXPECT_EQ(st.nested_pauses, 0u);
}

TEST(GcLegacy, NotPausesAndUnterminated) {
  const std::string log =
      "1.000: [GC concurrent-mark-start]\n"
      "1.100: [GC concurrent-mark-end, 0.0009013 secs]\n"
      "1.200: [CMS-concurrent-sweep: 0.002/0.002 secs] [Times: user=0.00 sys=0.00, real=0.00 "
      "secs]\n"
      "2021-03-23T20:57:42.349+0000: 1.3: [Pause Full, start]\n"
      "1.400: Application time: 0.0107584 seconds\n"
      "1.500: [GC (Allocation Failure) [PSYoungGen: 10K->1K(20K)] 30K->2K(40K)] [Times: "
      "user=0.00 sys=0.00, real=0.05 secs]\n"
      "1.600: [Full GC (Ergonomics) [PSYoungGen: 1K->0K(20K)], 0.0500000 secs] [Times: user=0.00 "
      "sys=0.00, real=0.05 secs]\n";
  logcorr::test::TempDir tmp;
  CollectingSink diags;
  GcExtractorOptions opts;
  opts.input = "gc.log";
  opts.diagnostics = &diags;
  GcExtractor ex(opts);
  std::vector<Event> ev;
  uint64_t n = 0;
  for (const std::string& l : split_lines(log)) {
    Record r;
    r.raw.text = l;
    r.raw.line = ++n;
    r.time = stamp_of(l, false);
    ex.feed(r, ev);
  }
  EXPECT_TRUE(ev.empty()) << "the Full GC is only complete when the input ends";
  ex.finish(ev);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].line, 7u);
  EXPECT_EQ(ev[0].duration_ns, 50'000'000);
  EXPECT_EQ(ev[0].field("cause"), "Ergonomics");
  EXPECT_EQ(ev[0].field("collection"), "Full GC");
  EXPECT_EQ(ex.stats().unterminated, 1u);  // line 6 prints no "secs]" outside [Times]
  ASSERT_EQ(diags.items.size(), 1u);
  EXPECT_EQ(diags.items[0].line, 6u);
  EXPECT_EQ(ex.style(), GcLogStyle::kLegacy);
}

// patterns/jvm-gc.toml describes the events the extractor emits: every
// sample must match its entry's regex with exactly its fields, and the
// extractor, fed the same text, must emit one event of that kind, id and
// fields (negative samples: no event at all).
TEST(GcPack, SamplesAgreeWithRegexAndExtractor) {
  std::string path = std::string(LOGCORR_SOURCE_DIR) + "/patterns/jvm-gc.toml";
  toml::table pack;
  try {  // Debian's toml++ is built with exceptions: parse errors throw
    pack = toml::parse_file(path);
  } catch (const std::exception& e) {
    FAIL() << path << ": " << e.what();
  }
  EXPECT_EQ(pack["pack"]["name"].value_or(std::string()), "jvm-gc");
  const toml::array* entries = pack["pattern"].as_array();
  ASSERT_NE(entries, nullptr);
  int samples = 0;
  for (const toml::node& en : *entries) {
    const toml::table& entry = *en.as_table();
    std::string id = entry["id"].value_or(std::string());
    std::string kind = entry["kind"].value_or(std::string());
    SCOPED_TRACE(id);
    RE2 re(entry["regex"].value_or(std::string()));
    ASSERT_TRUE(re.ok()) << re.error();
    const auto& names = re.CapturingGroupNames();
    int groups = re.NumberOfCapturingGroups();
    GcLogStyle style = GcLogStyle::kAuto;
    if (const toml::array* layouts = entry["layouts"].as_array()) {
      std::string l = (*layouts)[0].value_or(std::string());
      style = l == "gc-unified" ? GcLogStyle::kUnified : GcLogStyle::kLegacy;
    }
    for (const toml::node& sn : *entry["sample"].as_array()) {
      const toml::table& sample = *sn.as_table();
      std::string text = sample["text"].value_or(std::string());
      bool want = sample["match"].value_or(true);
      SCOPED_TRACE(text);
      ++samples;
      std::vector<re2::StringPiece> g(static_cast<size_t>(groups) + 1);
      bool got = re.Match(text, 0, text.size(), RE2::UNANCHORED, g.data(), groups + 1);
      ASSERT_EQ(got, want);
      std::map<std::string, std::string> yielded, expect;
      for (const auto& [i, name] : names)
        if (got && !g[static_cast<size_t>(i)].empty())
          yielded[name] = std::string(g[static_cast<size_t>(i)]);
      if (const toml::table* f = sample["fields"].as_table())
        for (const auto& [k, v] : *f) expect[std::string(k.str())] = v.value_or(std::string());
      EXPECT_EQ(yielded, expect);

      logcorr::test::TempDir tmp;
      auto events = extract(tmp.write("gc.log", text + "\n"), Framing::kGeneric, nullptr, style);
      if (!want) {
        EXPECT_TRUE(events.empty());
        continue;
      }
      ASSERT_EQ(events.size(), 1u);
      EXPECT_EQ(kind_name_for_test(events[0].kind), kind);
      EXPECT_EQ(events[0].pattern, "jvm-gc/" + id);
      for (const auto& [k, v] : expect) EXPECT_EQ(events[0].field(k), v) << k;
    }
  }
  EXPECT_GE(samples, 30);
}

// Real logs written by this machine's Java 17 (tests/data/gen/make-gc-logs.sh).
// EXPECTED.tsv holds grep -c counts and awk sums taken when they were
// generated; the test also recounts with a naive per-line rule of its own.
TEST(GcGenerated, Java17LogsMatchGrep) {
  std::string dir = std::string(LOGCORR_SOURCE_DIR) + "/tests/data/gc";
  std::string expected = logcorr::test::read_file(dir + "/EXPECTED.tsv");
  ASSERT_FALSE(expected.empty()) << "run tests/data/gen/make-gc-logs.sh";
  int files = 0;
  for (const std::string& l : split_lines(expected)) {
    if (l.empty() || l[0] == '#') continue;
    std::stringstream ss(l);
    std::string file, pause_sum_ms, safepoint_sum_ns;
    int pauses = -1, safepoints = -1;
    ss >> file >> pauses >> safepoints >> pause_sum_ms >> safepoint_sum_ns;
    SCOPED_TRACE(file);
    std::string data = logcorr::test::read_file(dir + "/" + file);
    ASSERT_FALSE(data.empty());
    int naive_pauses = 0, naive_safepoints = 0;
    for (const std::string& line : split_lines(data)) {
      std::string t = line.substr(0, line.find_last_not_of(" \r") + 1);
      if (t.find(") Pause ") != std::string::npos && t.size() > 2 &&
          t.compare(t.size() - 2, 2, "ms") == 0 && t.find("GC(") != std::string::npos)
        ++naive_pauses;
      if (t.find("Safepoint \"") != std::string::npos && t.find(" ns") != std::string::npos)
        ++naive_safepoints;
    }
    GcExtractorStats st;
    FileFigures fig = figures(extract(dir + "/" + file, Framing::kGeneric, &st));
    EXPECT_EQ(fig.pauses.n, pauses);
    EXPECT_EQ(fig.pauses.n, naive_pauses);
    EXPECT_EQ(fig.safepoints.n, safepoints);
    EXPECT_EQ(fig.safepoints.n, naive_safepoints);
    EXPECT_TRUE(same_as_printed(fig.pauses.sum, pause_sum_ms));
    EXPECT_EQ(std::to_string(fig.safepoints.sum), safepoint_sum_ns);
    EXPECT_GT(fig.pauses.n, 0);
    EXPECT_GT(fig.safepoints.n, 0);
    // Every safepoint's Total equals its printed field, and pauses are positive.
    for (const Event& e : extract(dir + "/" + file, Framing::kGeneric, nullptr)) {
      EXPECT_TRUE(e.time_valid);
      EXPECT_GE(e.duration_ns, 0);
    }
    ++files;
  }
  EXPECT_GE(files, 3);
}

}  // namespace

namespace {

class CollectRaw final : public logcorr::RecordSink {
 public:
  void on_record(const logcorr::RawRecord& r) override {
    recs.push_back(r);
    texts.emplace_back(r.text);
  }
  std::vector<logcorr::RawRecord> recs;
  std::vector<std::string> texts;
};

// real-lines/gc/009.log: a broker's stdout with a JDK 8 G1 pause, two orphan
// detail lines before it and a log4j line in between. Sniffed, framed and
// parsed by the real stages, the GC extractor must see the one pause on
// line 4 (the orphan `[Times: … real=0.01 secs]` is no pause).
TEST(GcPipeline, LegacyPauseAmongApplicationLines) {
  LOGCORR_REQUIRE_CORPUS();
  const std::string text =
      logcorr::test::read_file(logcorr::test::corpus_dir() + "/real-lines/gc/009.log");
  const logcorr::Layout layout = logcorr::sniff_layout(text);
  ASSERT_EQ(layout, logcorr::Layout::kGcLegacy);
  logcorr::Framer framer(logcorr::framing_for(layout), logcorr::classifier_for(layout));
  CollectRaw col;
  framer.feed(text, col);
  framer.finish(col);
  logcorr::RecordParser parser(layout, {});
  GcExtractorOptions go;
  go.style = gc_style_for(layout);
  GcExtractor ex(go);
  std::vector<Event> events;
  std::vector<uint64_t> starts;
  for (size_t i = 0; i < col.recs.size(); ++i) {
    logcorr::RawRecord raw = col.recs[i];
    raw.text = col.texts[i];
    starts.push_back(raw.line);
    Record rec;
    parser.parse(raw, rec);
    ex.feed(rec, events);
  }
  ex.finish(events);
  EXPECT_EQ(starts, (std::vector<uint64_t>{1, 3, 4}));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].line, 4u);
  EXPECT_EQ(events[0].duration_ns, 6'093'200);
}

}  // namespace
