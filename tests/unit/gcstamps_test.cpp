// GC stamps on the real GC corpus: every file sniffs as unified or legacy as
// MANIFEST.tsv says, and its first and last stamped records parse to the
// first_ts / last_ts columns (wall time and uptime, as printed).
#include <sstream>
#include <vector>

#include "logcorr/format.hpp"
#include "simple_frame.hpp"
#include "test_util.hpp"

namespace logcorr {
namespace {

struct Expect {
  bool has_wall = false;
  int64_t wall_ns = 0;
  bool has_uptime = false;
  int64_t uptime_ns = 0;
};

// Seconds "785,047" / "12.345" / millis "5355ms" -> ns.
int64_t to_ns(std::string num, int64_t unit_ns) {
  for (char& c : num)
    if (c == ',') c = '.';
  size_t dot = num.find('.');
  int64_t whole = std::stoll(num.substr(0, dot));
  int64_t frac = 0, scale = unit_ns;
  if (dot != std::string::npos) {
    for (char c : num.substr(dot + 1)) {
      scale /= 10;
      frac += (c - '0') * scale;
    }
  }
  return whole * unit_ns + frac;
}

Expect parse_expect(const std::string& s) {
  Expect e;
  auto utc = Zone::utc();
  auto uptime_token = [&](const std::string& tok) {
    if (tok.size() > 2 && tok.substr(tok.size() - 2) == "ms") {
      e.has_uptime = true;
      e.uptime_ns = to_ns(tok.substr(0, tok.size() - 2), kNanosPerMilli);
    } else if (!tok.empty() && tok.back() == 's') {
      e.has_uptime = true;
      e.uptime_ns = to_ns(tok.substr(0, tok.size() - 1), kNanosPerSecond);
    }
  };
  if (s[0] == '[') {  // unified: [ISO][uptime] / [ISO] / [uptime]
    size_t p = 0;
    while (p < s.size() && s[p] == '[') {
      size_t c = s.find(']', p);
      std::string tok = s.substr(p + 1, c - p - 1);
      p = c + 1;
      if (tok.find('T') != std::string::npos) {
        auto t = parse_user_time(tok, *utc);
        EXPECT_TRUE(t) << tok;
        e.has_wall = bool(t);
        e.wall_ns = t.value_or(0);
      } else {
        uptime_token(tok);
      }
    }
    return e;
  }
  size_t colon = s.find(": ");
  if (colon != std::string::npos) {  // legacy: ISO: uptime
    auto t = parse_user_time(s.substr(0, colon), *utc);
    EXPECT_TRUE(t) << s;
    e.has_wall = bool(t);
    e.wall_ns = t.value_or(0);
    e.has_uptime = true;
    e.uptime_ns = to_ns(s.substr(colon + 2), kNanosPerSecond);
    return e;
  }
  e.has_uptime = true;
  e.uptime_ns = to_ns(s, kNanosPerSecond);
  return e;
}

bool stamped(const Record& r, const Expect& e) {
  return e.has_uptime ? r.time.uptime_ns >= 0 : r.time.valid();
}

void check(const Record& r, const Expect& e, const char* which) {
  SCOPED_TRACE(which);
  if (e.has_wall) {
    EXPECT_TRUE(r.time.valid());
    EXPECT_EQ(r.time.utc_ns, e.wall_ns);
  }
  if (e.has_uptime) {
    EXPECT_EQ(r.time.uptime_ns, e.uptime_ns);
  }
}

TEST(GcCorpus, FirstAndLastStampsMatchManifest) {
  LOGCORR_REQUIRE_CORPUS();
  const std::string dir = test::corpus_dir() + "/gc";
  std::istringstream in(test::read_file(dir + "/MANIFEST.tsv"));
  std::string line;
  int files = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#' || line.rfind("file\t", 0) == 0) continue;
    std::vector<std::string> f;
    size_t p = 0;
    for (;;) {
      size_t t = line.find('\t', p);
      f.push_back(line.substr(p, t == std::string::npos ? std::string::npos : t - p));
      if (t == std::string::npos) break;
      p = t + 1;
    }
    ASSERT_GE(f.size(), 13u);
    SCOPED_TRACE(f[0]);
    ++files;
    std::string text = test::read_file(dir + "/" + f[0]);
    Layout layout = sniff_layout(std::string_view(text).substr(0, 64 << 10));
    bool unified = f[7].rfind("unified", 0) == 0;
    EXPECT_EQ(layout_name(layout), layout_name(unified ? Layout::kGcUnified : Layout::kGcLegacy));
    Expect first = parse_expect(f[11]), last = parse_expect(f[12]);
    RecordParser parser(layout, {});
    auto raws = test::simple_frame(text, framing_for(layout), classifier_for(layout));
    bool seen_first = false;
    Record last_rec;
    std::string last_text;
    for (const auto& raw : raws) {
      Record rec;
      parser.parse(raw, rec);
      if (!stamped(rec, first)) continue;
      if (!seen_first) {
        seen_first = true;
        check(rec, first, "first");
      }
      last_rec = rec;
      last_text = std::string(raw.text.substr(0, 80));
    }
    ASSERT_TRUE(seen_first);
    SCOPED_TRACE(last_text);
    check(last_rec, last, "last");
  }
  EXPECT_EQ(files, 30);
}

TEST(GcUnified, DecoratorSubsetsAndAnchoring) {
  RecordParser p(Layout::kGcUnified, {});
  auto run = [&](std::string_view l) {
    RawRecord raw;
    raw.text = l;
    Record rec;
    p.parse(raw, rec);
    return rec;
  };
  // Uptime-only before the JVM start is known: unanchored, never 1970.
  Record a = run("[1,474s][info ][gc,heap     ] GC(0) Eden");
  EXPECT_TRUE(a.time.unanchored);
  EXPECT_EQ(a.time.uptime_ns, 1'474'000'000);
  EXPECT_EQ(a.message, "GC(0) Eden");
  // time + uptime teaches the start...
  Record b = run("[2026-06-29T14:22:08.455+0200][2.000s][1234][5678][info][gc] GC(1) Pause");
  EXPECT_EQ(format_rfc3339(b.time.utc_ns, b.time.precision), "2026-06-29T12:22:08.455Z");
  // ...and later uptime-only records are anchored with it.
  Record c = run("[3.000s][info][gc] GC(2) Pause");
  EXPECT_TRUE(c.time.valid());
  EXPECT_EQ(format_rfc3339(c.time.utc_ns, c.time.precision), "2026-06-29T12:22:09.455Z");
  // timemillis vs uptimemillis by magnitude; timenanos.
  Record d = run("[1782742928455ms][12345ms] GC(3)");
  EXPECT_EQ(format_rfc3339(d.time.utc_ns, d.time.precision), "2026-06-29T14:22:08.455Z");
  EXPECT_EQ(d.time.uptime_ns, 12'345'000'000);
  Record e = run("[1782742928455000001ns][host-1] GC(4)");
  EXPECT_EQ(e.time.utc_ns, 1782742928455000001);
  // utctime with Z-less +0000.
  Record f = run("[2026-06-29T14:22:08.455+0000][gc] x");
  EXPECT_EQ(format_rfc3339(f.time.utc_ns, f.time.precision), "2026-06-29T14:22:08.455Z");
}

TEST(GcLegacy, DatedUptimeAndJvmStart) {
  ParseOptions o;
  o.jvm_start_ns = *civil_to_seconds(2026, 6, 29, 14, 0, 0) * kNanosPerSecond;
  RecordParser p(Layout::kGcLegacy, o);
  RawRecord raw;
  raw.text = "12.345: [GC (Allocation Failure) 1024K->512K(2048K), 0.0012 secs]";
  Record rec;
  p.parse(raw, rec);
  EXPECT_EQ(format_rfc3339(rec.time.utc_ns, rec.time.precision), "2026-06-29T14:00:12.345Z");
  RecordParser q(Layout::kGcLegacy, {});
  q.parse(raw, rec);
  EXPECT_TRUE(rec.time.unanchored);
  raw.text = "2026-06-29T14:22:05.123+0000: 12.345: [GC ...";
  q.parse(raw, rec);
  EXPECT_EQ(format_rfc3339(rec.time.utc_ns, rec.time.precision), "2026-06-29T14:22:05.123Z");
  EXPECT_EQ(rec.time.uptime_ns, 12'345'000'000);
}

}  // namespace
}  // namespace logcorr
