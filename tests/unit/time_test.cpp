// Tests for the time stage: calendar math, TZif zones (against real
// /usr/share/zoneinfo data and glibc as an oracle), RFC 3339 output and
// command-line time parsing.
#include "logcorr/time.hpp"

#include <gtest/gtest.h>

#include <boost/date_time/gregorian/gregorian.hpp>

#include <cstdlib>
#include <ctime>
#include <random>
#include <string>

#include "test_util.hpp"

namespace logcorr {
namespace {

int64_t utc(int64_t y, unsigned mo, unsigned d, unsigned h = 0, unsigned mi = 0, unsigned s = 0) {
  return *civil_to_seconds(y, mo, d, h, mi, s);
}

std::shared_ptr<const Zone> must_load(std::string_view name) {
  std::string err;
  auto z = test::load_zone(name, err);
  EXPECT_TRUE(z) << name << ": " << err;
  return z;
}

// ---- calendar ----------------------------------------------------------

TEST(Civil, KnownDays) {
  EXPECT_EQ(days_from_civil(1970, 1, 1), 0);
  EXPECT_EQ(days_from_civil(2000, 3, 1), 11017);
  EXPECT_EQ(days_from_civil(1969, 12, 31), -1);
  EXPECT_EQ(days_from_civil(2026, 3, 29), 20541);
  CivilDate d = civil_from_days(-719468);  // 0000-03-01
  EXPECT_EQ(d.year, 0);
  EXPECT_EQ(d.month, 3u);
  EXPECT_EQ(d.day, 1u);
}

TEST(Civil, RoundTripWideRange) {
  int64_t prev_y = -1;
  unsigned prev_m = 0, prev_d = 0;
  for (int64_t days = -1'000'000; days <= 1'000'000; ++days) {
    CivilDate c = civil_from_days(days);
    ASSERT_EQ(days_from_civil(c.year, c.month, c.day), days) << days;
    ASSERT_GE(c.month, 1u);
    ASSERT_LE(c.month, 12u);
    if (days > -1'000'000) {  // consecutive days are consecutive dates
      bool next = (c.year == prev_y && c.month == prev_m && c.day == prev_d + 1) ||
                  (c.year == prev_y && c.month == prev_m + 1 && c.day == 1) ||
                  (c.year == prev_y + 1 && c.month == 1 && c.day == 1 && prev_m == 12);
      ASSERT_TRUE(next) << days;
    }
    prev_y = c.year;
    prev_m = c.month;
    prev_d = c.day;
  }
  for (int64_t y : {-1'000'000LL, -4713LL, 1LL, 9999LL, 1'000'000LL}) {
    EXPECT_EQ(civil_from_days(days_from_civil(y, 2, 28)).year, y);
  }
}

TEST(Civil, AgreesWithBoostDateTimeOnEveryRepresentableDay) {
  // The hot path converts dates with three integer operations (no
  // exceptions, no tables); Boost.DateTime's Gregorian calendar is the
  // reference it must agree with on every day a stamp can name.
  const boost::gregorian::date epoch(1970, 1, 1);
  for (boost::gregorian::date d(static_cast<unsigned short>(kMinYear), 1, 1);
       d <= boost::gregorian::date(static_cast<unsigned short>(kMaxYear), 12, 31);
       d += boost::gregorian::days(1)) {
    const auto ymd = d.year_month_day();
    const int64_t want = (d - epoch).days();
    ASSERT_EQ(days_from_civil(ymd.year, ymd.month, ymd.day), want) << d;
    const CivilDate c = civil_from_days(want);
    ASSERT_EQ(c.year, ymd.year) << d;
    ASSERT_EQ(c.month, ymd.month.as_number()) << d;
    ASSERT_EQ(c.day, ymd.day.as_number()) << d;
    ASSERT_EQ(civil_to_seconds(ymd.year, ymd.month, ymd.day, 12, 0, 0), want * 86400 + 43200) << d;
  }
  // Outside those years no instant fits in int64 nanoseconds: rejected.
  EXPECT_FALSE(civil_to_seconds(kMinYear - 1, 12, 31, 0, 0, 0));
  EXPECT_FALSE(civil_to_seconds(kMaxYear + 1, 1, 1, 0, 0, 0));
}

TEST(Civil, ValidatesFields) {
  EXPECT_TRUE(civil_to_seconds(2024, 2, 29, 0, 0, 0));
  EXPECT_FALSE(civil_to_seconds(2023, 2, 29, 0, 0, 0));
  EXPECT_FALSE(civil_to_seconds(1900, 2, 29, 0, 0, 0));
  EXPECT_TRUE(civil_to_seconds(2000, 2, 29, 0, 0, 0));
  EXPECT_FALSE(civil_to_seconds(2026, 4, 31, 0, 0, 0));
  EXPECT_FALSE(civil_to_seconds(2026, 13, 1, 0, 0, 0));
  EXPECT_FALSE(civil_to_seconds(2026, 0, 1, 0, 0, 0));
  EXPECT_FALSE(civil_to_seconds(2026, 1, 0, 0, 0, 0));
  EXPECT_FALSE(civil_to_seconds(2026, 1, 1, 24, 0, 0));
  EXPECT_FALSE(civil_to_seconds(2026, 1, 1, 0, 60, 0));
  EXPECT_FALSE(civil_to_seconds(2026, 1, 1, 0, 0, 61));
  // Leap second maps like 59 + 1.
  EXPECT_EQ(*civil_to_seconds(2016, 12, 31, 23, 59, 60), *civil_to_seconds(2017, 1, 1, 0, 0, 0));
  EXPECT_EQ(*civil_to_seconds(2026, 3, 29, 1, 0, 0), 1774746000);
}

// ---- zones -------------------------------------------------------------

TEST(Zone, UtcAndFixed) {
  std::string err;
  for (const char* n : {"UTC", "Z", "GMT", "utc"}) {
    auto z = test::load_zone(n, err);
    ASSERT_TRUE(z) << n;
    EXPECT_TRUE(z->is_utc());
    EXPECT_EQ(z->offset_at(1774746000), 0);
  }
  struct {
    const char* spec;
    int32_t off;
  } cases[] = {{"+02:00", 7200}, {"+0530", 19800},      {"-08", -28800},
               {"UTC+2", 7200},  {"UTC-05:30", -19800}, {"+00:00", 0}};
  for (const auto& c : cases) {
    auto z = test::load_zone(c.spec, err);
    ASSERT_TRUE(z) << c.spec << " " << err;
    EXPECT_EQ(z->offset_at(0), c.off) << c.spec;
    EXPECT_EQ(z->offset_at(4'000'000'000), c.off) << c.spec;
    auto r = z->to_utc(1000);
    EXPECT_EQ(r.kind, LocalToUtc::kUnique);
    EXPECT_EQ(r.earlier, 1000 - c.off);
    EXPECT_TRUE(z->abbreviation_at(0).empty());
  }
  EXPECT_EQ(test::load_zone("+05:30", err)->name(), "+05:30");
  EXPECT_EQ(Zone::fixed(-3600)->offset_at(0), -3600);
  for (const char* bad : {"+25:00", "+2", "+02:7", "UTC+", "+02:00x", "-0"}) {
    err.clear();
    EXPECT_FALSE(test::load_zone(bad, err)) << bad;
    EXPECT_FALSE(err.empty()) << bad;
  }
}

TEST(Zone, RejectsBadNamesAndFiles) {
  std::string err;
  for (const char* bad : {"../etc/passwd", "/etc/localtime", "Europe/../../etc/passwd",
                          "No/Such_Zone", "Europe/Berlin\n", ""}) {
    err.clear();
    EXPECT_FALSE(test::load_zone(bad, err)) << bad;
    EXPECT_FALSE(err.empty()) << bad;
  }
  // Non-TZif and truncated files, through $TZDIR.
  test::TempDir dir;
  std::string good = test::read_file("/usr/share/zoneinfo/Europe/Berlin");
  ASSERT_GT(good.size(), 100u);
  std::filesystem::create_directories(dir.path() + "/T");
  dir.write("T/Text", "this is not a zone file\n");
  dir.write("T/Trunc", good.substr(0, good.size() / 2));
  dir.write("T/Short", good.substr(0, 30));
  dir.write("T/Copy", good);
  const char* old = std::getenv("TZDIR");
  std::string saved = old ? old : "";
  setenv("TZDIR", dir.path().c_str(), 1);
  err.clear();
  EXPECT_FALSE(test::load_zone("T/Text", err));
  EXPECT_NE(err.find("not a TZif"), std::string::npos) << err;
  err.clear();
  EXPECT_FALSE(test::load_zone("T/Trunc", err));
  EXPECT_NE(err.find("truncated"), std::string::npos) << err;
  err.clear();
  EXPECT_FALSE(test::load_zone("T/Short", err));
  EXPECT_FALSE(err.empty());
  auto copy = test::load_zone("T/Copy", err);
  ASSERT_TRUE(copy) << err;
  EXPECT_EQ(copy->offset_at(utc(2026, 7, 1)), 7200);
  if (old)
    setenv("TZDIR", saved.c_str(), 1);
  else
    unsetenv("TZDIR");
}

TEST(Zone, CachedAndShared) {
  auto a = must_load("Europe/Berlin");
  auto b = must_load("Europe/Berlin");
  EXPECT_EQ(a.get(), b.get());
  EXPECT_EQ(a->name(), "Europe/Berlin");
  EXPECT_FALSE(a->is_utc());
}

TEST(Zone, BerlinSpringForward2026) {
  auto z = must_load("Europe/Berlin");
  int64_t t = utc(2026, 3, 29, 1, 0, 0);
  EXPECT_EQ(z->offset_at(t - 1), 3600);
  EXPECT_EQ(z->abbreviation_at(t - 1), "CET");
  EXPECT_EQ(z->offset_at(t), 7200);
  EXPECT_EQ(z->abbreviation_at(t), "CEST");
  // 01:59:59 CET is the last second before; 03:00:00 CEST the first after.
  EXPECT_EQ(z->to_utc(utc(2026, 3, 29, 1, 59, 59)).earlier, t - 1);
  auto after = z->to_utc(utc(2026, 3, 29, 3, 0, 0));
  EXPECT_EQ(after.kind, LocalToUtc::kUnique);
  EXPECT_EQ(after.earlier, t);
  auto gap = z->to_utc(utc(2026, 3, 29, 2, 30, 0));
  EXPECT_EQ(gap.kind, LocalToUtc::kGap);
  EXPECT_EQ(gap.earlier, utc(2026, 3, 29, 1, 30));  // read with CET (before)
  EXPECT_EQ(gap.later, utc(2026, 3, 29, 0, 30));    // read with CEST (after)
}

TEST(Zone, BerlinFallBack2026) {
  auto z = must_load("Europe/Berlin");
  auto r = z->to_utc(utc(2026, 10, 25, 2, 30, 0));
  EXPECT_EQ(r.kind, LocalToUtc::kAmbiguous);
  EXPECT_EQ(r.earlier, utc(2026, 10, 25, 0, 30));
  EXPECT_EQ(r.later, utc(2026, 10, 25, 1, 30));
  EXPECT_EQ(z->abbreviation_at(r.earlier), "CEST");
  EXPECT_EQ(z->abbreviation_at(r.later), "CET");
  auto u = z->to_utc(utc(2026, 10, 25, 3, 0, 0));
  EXPECT_EQ(u.kind, LocalToUtc::kUnique);
  EXPECT_EQ(u.earlier, utc(2026, 10, 25, 2, 0));
}

TEST(Zone, SydneySouthernHemisphere) {
  auto z = must_load("Australia/Sydney");
  EXPECT_EQ(z->offset_at(utc(2026, 3, 1)), 11 * 3600);
  EXPECT_EQ(z->abbreviation_at(utc(2026, 3, 1)), "AEDT");
  EXPECT_EQ(z->offset_at(utc(2026, 7, 1)), 10 * 3600);
  EXPECT_EQ(z->abbreviation_at(utc(2026, 7, 1)), "AEST");
  // DST ends 2026-04-05 03:00 AEDT = 2026-04-04T16:00Z.
  EXPECT_EQ(z->offset_at(utc(2026, 4, 4, 15, 59, 59)), 11 * 3600);
  EXPECT_EQ(z->offset_at(utc(2026, 4, 4, 16, 0, 0)), 10 * 3600);
}

TEST(Zone, HistoricalRules) {
  auto berlin = must_load("Europe/Berlin");
  // West Germany had no DST from 1950 until 1980 (it started again in 1980;
  // 1979 was the last summer at +1).
  EXPECT_EQ(berlin->offset_at(utc(1979, 7, 1)), 3600);
  EXPECT_EQ(berlin->offset_at(utc(1975, 8, 1)), 3600);
  EXPECT_EQ(berlin->offset_at(utc(1981, 7, 1)), 7200);
  // 1980's first change (zdump): 1980-04-06 01:00Z.
  EXPECT_EQ(berlin->offset_at(utc(1980, 4, 6, 0, 59, 59)), 3600);
  EXPECT_EQ(berlin->offset_at(utc(1980, 4, 6, 1, 0, 0)), 7200);
  auto ny = must_load("America/New_York");
  // 2006: DST began on the first Sunday of April (Apr 2, 2:00 EST = 07:00Z).
  EXPECT_EQ(ny->offset_at(utc(2006, 3, 20)), -5 * 3600);
  EXPECT_EQ(ny->offset_at(utc(2006, 4, 2, 6, 59, 59)), -5 * 3600);
  EXPECT_EQ(ny->offset_at(utc(2006, 4, 2, 7, 0, 0)), -4 * 3600);
  // 2007: second Sunday of March (Mar 11).
  EXPECT_EQ(ny->offset_at(utc(2007, 3, 11, 6, 59, 59)), -5 * 3600);
  EXPECT_EQ(ny->offset_at(utc(2007, 3, 11, 7, 0, 0)), -4 * 3600);
  EXPECT_EQ(ny->offset_at(utc(2007, 3, 20)), -4 * 3600);
}

TEST(Zone, FarFutureUsesFooterRule) {
  auto z = must_load("Europe/Berlin");
  // 2090: past any explicit transition; last Sunday of March is 2090-03-26.
  EXPECT_EQ(z->offset_at(utc(2090, 3, 26, 0, 59, 59)), 3600);
  EXPECT_EQ(z->offset_at(utc(2090, 3, 26, 1, 0, 0)), 7200);
  EXPECT_EQ(z->abbreviation_at(utc(2090, 7, 1)), "CEST");
  EXPECT_EQ(z->abbreviation_at(utc(2090, 12, 1)), "CET");
  auto syd = must_load("Australia/Sydney");
  EXPECT_EQ(syd->offset_at(utc(2090, 1, 15)), 11 * 3600);
  EXPECT_EQ(syd->offset_at(utc(2090, 6, 15)), 10 * 3600);
  auto gap = z->to_utc(utc(2090, 3, 26, 2, 30));
  EXPECT_EQ(gap.kind, LocalToUtc::kGap);
}

TEST(Zone, Abbreviations) {
  auto berlin = must_load("Europe/Berlin");
  int64_t summer = utc(2026, 7, 1, 12);
  int64_t winter = utc(2026, 1, 15, 12);
  EXPECT_EQ(berlin->offset_for_abbreviation("CEST", summer), 7200);
  EXPECT_EQ(berlin->offset_for_abbreviation("CET", winter), 3600);
  EXPECT_EQ(berlin->offset_for_abbreviation("CET", summer), 3600);
  EXPECT_EQ(berlin->offset_for_abbreviation("UTC", summer), 0);
  EXPECT_EQ(berlin->offset_for_abbreviation("GMT", summer), 0);
  EXPECT_EQ(berlin->offset_for_abbreviation("Z", summer), 0);
  EXPECT_FALSE(berlin->offset_for_abbreviation("AEDT", summer));
  EXPECT_FALSE(berlin->offset_for_abbreviation("", summer));
  auto syd = must_load("Australia/Sydney");
  EXPECT_EQ(syd->offset_for_abbreviation("AEDT", utc(2026, 3, 1)), 11 * 3600);
  EXPECT_EQ(syd->offset_for_abbreviation("AEST", utc(2026, 7, 1)), 10 * 3600);
  EXPECT_FALSE(syd->offset_for_abbreviation("CEST", utc(2026, 7, 1)));
  // In the ambiguous hour the abbreviation disambiguates.
  int64_t local = utc(2026, 10, 25, 2, 30);
  EXPECT_EQ(local - *berlin->offset_for_abbreviation("CEST", local), utc(2026, 10, 25, 0, 30));
  EXPECT_EQ(local - *berlin->offset_for_abbreviation("CET", local), utc(2026, 10, 25, 1, 30));
}

// glibc's localtime_r reads the same zoneinfo files with its own code: an
// independent oracle for offsets and abbreviations.
void cross_check_glibc(const char* tz, std::string_view name_for_load) {
  auto z = must_load(name_for_load);
  ASSERT_TRUE(z);
  const char* old = std::getenv("TZ");
  std::string saved = old ? old : "";
  setenv("TZ", tz, 1);
  tzset();
  std::mt19937_64 rng(42);
  // 1900 .. 2100, plus dense sampling around 2026.
  std::uniform_int_distribution<int64_t> wide(-2'208'988'800LL, 4'102'444'800LL);
  std::uniform_int_distribution<int64_t> near(utc(2025, 1, 1), utc(2028, 1, 1));
  for (int i = 0; i < 600; ++i) {
    int64_t t = i % 2 ? wide(rng) : near(rng);
    time_t tt = static_cast<time_t>(t);
    struct tm tm {};
    ASSERT_TRUE(localtime_r(&tt, &tm));
    EXPECT_EQ(z->offset_at(t), tm.tm_gmtoff) << tz << " at " << t;
    EXPECT_EQ(z->abbreviation_at(t), std::string_view(tm.tm_zone)) << tz << " at " << t;
    // Local -> UTC must give back t (as one of the readings).
    int64_t local = t + tm.tm_gmtoff;
    auto r = z->to_utc(local);
    EXPECT_NE(r.kind, LocalToUtc::kGap);
    EXPECT_TRUE(r.earlier == t || r.later == t) << tz << " at " << t;
  }
  if (old)
    setenv("TZ", saved.c_str(), 1);
  else
    unsetenv("TZ");
  tzset();
}

TEST(Zone, MatchesGlibcBerlin) {
  cross_check_glibc("Europe/Berlin", "Europe/Berlin");
}
TEST(Zone, MatchesGlibcSydney) {
  cross_check_glibc("Australia/Sydney", "Australia/Sydney");
}
TEST(Zone, MatchesGlibcNewYork) {
  cross_check_glibc("America/New_York", "America/New_York");
}

// A v2 TZif with no transitions at all: everything comes from the footer.
std::string footer_only_tzif(const std::string& rule) {
  auto be32 = [](std::string& s, uint32_t v) {
    for (int sh = 24; sh >= 0; sh -= 8) s.push_back(static_cast<char>((v >> sh) & 0xff));
  };
  auto header = [&](std::string& s) {
    s += "TZif2";
    s.append(15, '\0');
    for (uint32_t c : {0u, 0u, 0u, 0u, 1u, 4u}) be32(s, c);
  };
  std::string s;
  for (int pass = 0; pass < 2; ++pass) {
    header(s);
    be32(s, 0);          // utoff
    s.push_back('\0');   // isdst
    s.push_back('\0');   // abbr index
    s.append("UTC", 4);  // chars incl. NUL
  }
  return s + "\n" + rule + "\n";
}

// POSIX rule forms (Mm.w.d, Jn, n, negative and >24h times) checked against
// glibc, which accepts the same strings directly in TZ.
TEST(Zone, PosixFooterForms) {
  test::TempDir dir;
  std::filesystem::create_directories(dir.path() + "/P");
  const char* rules[] = {
      "CET-1CEST,M3.5.0,M10.5.0/3",
      "AEST-10AEDT,M10.1.0,M4.1.0/3",
      "EST5EDT,J60/2,J300/2",
      "XST3XDT,59/1,299/4",
      "<-02>2<-01>,M3.5.0/-1,M10.5.0/0",
      "IST-2IDT,M3.4.4/26,M10.5.0",
      "NZST-12NZDT,M9.5.0,M4.1.0/3",
      "<+0330>-3:30",
  };
  const char* old_dir = std::getenv("TZDIR");
  std::string saved_dir = old_dir ? old_dir : "";
  setenv("TZDIR", dir.path().c_str(), 1);
  int n = 0;
  for (const char* rule : rules) {
    std::string name = "P/R" + std::to_string(n++);
    dir.write(name, footer_only_tzif(rule));
    std::string err;
    auto z = test::load_zone(name, err);
    ASSERT_TRUE(z) << rule << ": " << err;
    setenv("TZ", rule, 1);
    tzset();
    // Every hour (+ an odd minute) of 2031..2033 (2032 is a leap year: the
    // Jn / n forms differ there), plus random instants up to 2110.
    std::mt19937_64 rng(7);
    std::uniform_int_distribution<int64_t> dist(utc(2030, 1, 1), utc(2110, 1, 1));
    const int64_t dense_from = utc(2031, 1, 1), dense_to = utc(2034, 1, 1);
    const int dense = static_cast<int>((dense_to - dense_from) / 3600);
    for (int i = 0; i < dense + 300; ++i) {
      int64_t t = i < dense ? dense_from + int64_t{i} * 3600 + 1800 : dist(rng);
      time_t tt = static_cast<time_t>(t);
      struct tm tm {};
      ASSERT_TRUE(localtime_r(&tt, &tm));
      ASSERT_EQ(z->offset_at(t), tm.tm_gmtoff) << rule << " at " << t;
      ASSERT_EQ(z->abbreviation_at(t), std::string_view(tm.tm_zone)) << rule << " at " << t;
    }
  }
  unsetenv("TZ");
  tzset();
  if (old_dir)
    setenv("TZDIR", saved_dir.c_str(), 1);
  else
    unsetenv("TZDIR");
}

// ---- RFC 3339 ----------------------------------------------------------

TEST(Rfc3339, Precisions) {
  int64_t ns = utc(2026, 3, 29, 0, 59, 59) * kNanosPerSecond + 999'712'345;
  EXPECT_EQ(format_rfc3339(ns, Precision::kSecond), "2026-03-29T00:59:59Z");
  EXPECT_EQ(format_rfc3339(ns, Precision::kMilli), "2026-03-29T00:59:59.999Z");
  EXPECT_EQ(format_rfc3339(ns, Precision::kMicro), "2026-03-29T00:59:59.999712Z");
  EXPECT_EQ(format_rfc3339(ns, Precision::kNano), "2026-03-29T00:59:59.999712345Z");
  EXPECT_EQ(format_rfc3339(0, Precision::kMilli), "1970-01-01T00:00:00.000Z");
  char buf[40];
  size_t len = format_rfc3339(ns, Precision::kMicro, buf);
  EXPECT_EQ(std::string(buf, len), "2026-03-29T00:59:59.999712Z");
}

TEST(Rfc3339, NegativeInstants) {
  EXPECT_EQ(format_rfc3339(-1, Precision::kNano), "1969-12-31T23:59:59.999999999Z");
  EXPECT_EQ(format_rfc3339(-1, Precision::kSecond), "1969-12-31T23:59:59Z");
  EXPECT_EQ(format_rfc3339(-kNanosPerSecond, Precision::kMilli), "1969-12-31T23:59:59.000Z");
  EXPECT_EQ(format_rfc3339(-500 * kNanosPerMilli, Precision::kMilli), "1969-12-31T23:59:59.500Z");
  EXPECT_EQ(format_rfc3339(utc(1900, 1, 1) * kNanosPerSecond, Precision::kSecond),
            "1900-01-01T00:00:00Z");
  EXPECT_EQ(format_rfc3339(INT64_MIN, Precision::kNano), "1677-09-21T00:12:43.145224192Z");
  EXPECT_EQ(format_rfc3339(INT64_MAX, Precision::kNano), "2262-04-11T23:47:16.854775807Z");
}

TEST(Rfc3339, MatchesGmtime) {
  std::mt19937_64 rng(3);
  std::uniform_int_distribution<int64_t> dist(-4'000'000'000LL, 9'000'000'000LL);
  for (int i = 0; i < 500; ++i) {
    int64_t s = dist(rng);
    time_t tt = static_cast<time_t>(s);
    struct tm tm {};
    ASSERT_TRUE(gmtime_r(&tt, &tm));
    char want[64];
    strftime(want, sizeof want, "%Y-%m-%dT%H:%M:%SZ", &tm);
    ASSERT_EQ(format_rfc3339(s * kNanosPerSecond, Precision::kSecond), want);
  }
}

// ---- parsing -----------------------------------------------------------

TEST(ParseUserTime, Forms) {
  auto u = Zone::utc();
  auto berlin = must_load("Europe/Berlin");
  const int64_t t = utc(2026, 3, 29, 1) * kNanosPerSecond;
  EXPECT_EQ(parse_user_time("2026-03-29T01:00:00Z", *u), t);
  EXPECT_EQ(parse_user_time("2026-03-29T01:00:00Z", *berlin), t);  // explicit wins
  EXPECT_EQ(parse_user_time("2026-03-29 01:00:00", *u), t);
  EXPECT_EQ(parse_user_time("2026-03-29T01:00", *u), t);
  EXPECT_EQ(parse_user_time("2026-03-29", *u), utc(2026, 3, 29) * kNanosPerSecond);
  EXPECT_EQ(parse_user_time("  2026-03-29T01:00:00.25Z ", *u), t + 250 * kNanosPerMilli);
  EXPECT_EQ(parse_user_time("2026-03-29T01:00:00.123456789123Z", *u), t + 123456789);
  EXPECT_EQ(parse_user_time("2026-03-29T03:00:00+02:00", *u), t);
  EXPECT_EQ(parse_user_time("2026-03-29T03:00:00+0200", *u), t);
  EXPECT_EQ(parse_user_time("2026-03-28T20:00:00-05:00", *u), t);
  EXPECT_EQ(parse_user_time("2026-03-29T03:00:00", *berlin), t);  // zone-less: CEST
  EXPECT_EQ(parse_user_time("2026-03-29", *berlin), utc(2026, 3, 28, 23) * kNanosPerSecond);
  // Gap: 02:30 does not exist; the earlier reading uses the offset before (CET).
  EXPECT_EQ(parse_user_time("2026-03-29T02:30", *berlin),
            utc(2026, 3, 29, 1, 30) * kNanosPerSecond);
  // Ambiguous: earlier instant (CEST).
  EXPECT_EQ(parse_user_time("2026-10-25T02:30", *berlin),
            utc(2026, 10, 25, 0, 30) * kNanosPerSecond);
  EXPECT_EQ(parse_user_time("@1774745999.5", *u), 1774745999 * kNanosPerSecond + 500'000'000);
  EXPECT_EQ(parse_user_time("@1774746000", *berlin), t);
  EXPECT_EQ(parse_user_time("@-1.5", *u), -1'500'000'000);
}

TEST(ParseUserTime, RejectsGarbage) {
  auto u = Zone::utc();
  for (const char* bad :
       {"", "yesterday", "2026-3-29", "2026-02-30", "2026-03-29T25:00", "2026-03-29T01",
        "2026-03-29T01:00:00Zjunk", "2026-03-29T01:00:00+2", "2026-03-29T01:00:00.Z", "@", "@abc",
        "@12x", "2026/03/29", "2026-03-29T01:60", "2026-03-29X01:00"}) {
    EXPECT_FALSE(parse_user_time(bad, *u)) << bad;
  }
}

TEST(ParseRelativeSpan, Forms) {
  const int64_t s = kNanosPerSecond;
  EXPECT_EQ(parse_relative_span("30 min ago"), 1800 * s);
  EXPECT_EQ(parse_relative_span("30min ago"), 1800 * s);
  EXPECT_EQ(parse_relative_span("2h ago"), 7200 * s);
  EXPECT_EQ(parse_relative_span("90s ago"), 90 * s);
  EXPECT_EQ(parse_relative_span("1 day ago"), 86400 * s);
  EXPECT_EQ(parse_relative_span("2 hours ago"), 7200 * s);
  EXPECT_EQ(parse_relative_span("45 minutes ago"), 2700 * s);
  EXPECT_EQ(parse_relative_span("1w ago"), 7 * 86400 * s);
  EXPECT_EQ(parse_relative_span("10m"), 600 * s);
  for (const char* bad : {"", "ago", "min ago", "30 parsecs ago", "30 min later", "-5m ago",
                          "99999999999999 days ago", "5 m ago ago"}) {
    EXPECT_FALSE(parse_relative_span(bad)) << bad;
  }
}

}  // namespace
}  // namespace logcorr
