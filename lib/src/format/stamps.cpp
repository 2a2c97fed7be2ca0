// Stamp scanners: fixed-position digit reads, no allocation, no locale.
#include "format_impl.hpp"

namespace logcorr::format_detail {

size_t scan_decimal_ns(std::string_view s, size_t pos, int64_t& ns, Precision& prec, char point) {
  size_t i = pos;
  int64_t whole = 0;
  // 18 digits fit in int64 (19 may not); more seconds than 2^63 ns hold
  // are rejected below anyway.
  while (i < s.size() && is_digit(s[i]) && i - pos < 18) whole = whole * 10 + (s[i++] - '0');
  if (i == pos) return 0;
  if (i - pos >= 18 && i < s.size() && is_digit(s[i])) return 0;  // would overflow
  int64_t frac = 0;
  int nd = 0;
  prec = Precision::kSecond;
  if (i + 1 < s.size() && s[i] == point && is_digit(s[i + 1])) {
    ++i;
    while (i < s.size() && is_digit(s[i])) {
      if (nd < 9) frac = frac * 10 + (s[i] - '0'), ++nd;
      ++i;
    }
    prec = nd <= 3 ? Precision::kMilli : nd <= 6 ? Precision::kMicro : Precision::kNano;
    for (int k = nd; k < 9; ++k) frac *= 10;
  }
  if (whole > INT64_MAX / 1'000'000'000 - 1) return 0;
  ns = whole * 1'000'000'000 + frac;
  return i - pos;
}

bool scan_clock(std::string_view s, size_t pos, Stamp& st) {
  if (!digits(s, pos, 2, st.hour) || s.size() <= pos + 2 || s[pos + 2] != ':' ||
      !digits(s, pos + 3, 2, st.minute) || s.size() <= pos + 5 || s[pos + 5] != ':' ||
      !digits(s, pos + 6, 2, st.second))
    return false;
  size_t i = pos + 8;
  st.precision = Precision::kSecond;
  st.frac_ns = 0;
  if (i + 1 < s.size() && (s[i] == '.' || s[i] == ',') && is_digit(s[i + 1])) {
    ++i;
    int nd = 0;
    int64_t f = 0;
    while (i < s.size() && is_digit(s[i])) {
      if (nd < 9) f = f * 10 + (s[i] - '0'), ++nd;
      ++i;
    }
    for (int k = nd; k < 9; ++k) f *= 10;
    st.frac_ns = f;
    st.precision = nd <= 3 ? Precision::kMilli : nd <= 6 ? Precision::kMicro : Precision::kNano;
  }
  st.end = i;
  return true;
}

void scan_offset(std::string_view s, Stamp& st) {
  size_t i = st.end;
  if (i >= s.size()) return;
  if (s[i] == 'Z') {
    st.zone_kind = Stamp::kOffset;
    st.offset_s = 0;
    st.end = i + 1;
    return;
  }
  if (s[i] != '+' && s[i] != '-') return;
  unsigned hh, mm = 0;
  if (!digits(s, i + 1, 2, hh)) return;
  size_t e = i + 3;
  if (digits(s, e, 2, mm)) {
    e += 2;
  } else if (e < s.size() && s[e] == ':' && digits(s, e + 1, 2, mm)) {
    e += 3;
  }
  if (hh > 23 || mm > 59) {
    // Both fields printed and out of range: a broken offset, said as such.
    if (e > i + 3) {
      st.zone_kind = Stamp::kBadOffset;
      st.end = e;
    }
    return;
  }
  int32_t off = int32_t(hh * 3600 + mm * 60);
  st.zone_kind = Stamp::kOffset;
  st.offset_s = s[i] == '-' ? -off : off;
  st.end = e;
}

bool scan_iso(std::string_view s, size_t pos, Stamp& st) {
  unsigned y;
  if (!digits(s, pos, 4, y) || s.size() < pos + 19 || s[pos + 4] != '-' ||
      !digits(s, pos + 5, 2, st.month) || s[pos + 7] != '-' || !digits(s, pos + 8, 2, st.day) ||
      (s[pos + 10] != 'T' && s[pos + 10] != ' '))
    return false;
  st.year = printed_year(y);
  if (!scan_clock(s, pos + 11, st)) return false;
  st.zone_kind = Stamp::kNoZone;
  scan_offset(s, st);
  return true;
}

bool scan_slash_date(std::string_view s, size_t pos, Stamp& st) {
  // Go's log package (log.LstdFlags [| log.Lmicroseconds]): "2009/01/23 01:23:23[.123123]".
  unsigned y;
  if (!digits(s, pos, 4, y) || s.size() < pos + 19 || s[pos + 4] != '/' ||
      !digits(s, pos + 5, 2, st.month) || s[pos + 7] != '/' || !digits(s, pos + 8, 2, st.day) ||
      s[pos + 10] != ' ')
    return false;
  st.year = printed_year(y);
  if (!scan_clock(s, pos + 11, st)) return false;
  st.zone_kind = Stamp::kNoZone;
  return st.end == s.size() || s[st.end] == ' ';
}

bool scan_klog(std::string_view s, size_t pos, Stamp& st) {
  // klog/glog: "I0517 15:04:22.619632 …" (severity, MMDD, time; no year) and
  // CockroachDB's "I210506 21:26:48.250611 …" (YYMMDD). The time has its
  // microseconds, and a space follows.
  if (pos + 14 > s.size()) return false;
  char sev = s[pos];
  if (sev != 'I' && sev != 'W' && sev != 'E' && sev != 'F') return false;
  size_t n = 0;
  while (pos + 1 + n < s.size() && is_digit(s[pos + 1 + n]) && n < 7) ++n;
  if ((n != 4 && n != 6) || pos + 1 + n >= s.size() || s[pos + 1 + n] != ' ') return false;
  unsigned yy = 0;
  size_t md = pos + 1;
  if (n == 6) {
    if (!digits(s, pos + 1, 2, yy)) return false;
    md += 2;
  }
  if (!digits(s, md, 2, st.month) || !digits(s, md + 2, 2, st.day) || st.month < 1 ||
      st.month > 12 || st.day < 1 || st.day > 31)
    return false;
  st.year = n == 6 ? 2000 + yy : 0;
  if (!scan_clock(s, pos + 2 + n, st) || st.precision == Precision::kSecond) return false;
  st.zone_kind = Stamp::kNoZone;
  return st.end < s.size() && s[st.end] == ' ';
}

size_t go_log_prefix(std::string_view s) {
  // log.New(w, "[sarama] ", …): a bracketed name, padded by any spaces.
  if (s.size() < 3 || s[0] != '[') return 0;
  size_t close = s.find(']');
  if (close == std::string_view::npos || close < 2 || close > 32) return 0;
  for (size_t i = 1; i < close; ++i)
    if (s[i] == ' ' || s[i] == '[') return 0;
  size_t j = close + 1;
  while (j < s.size() && s[j] == ' ') ++j;
  return j > close + 1 ? j : 0;
}

unsigned month_from_name(std::string_view s, size_t pos) {
  static constexpr std::string_view kNames = "JanFebMarAprMayJunJulAugSepOctNovDec";
  if (pos + 3 > s.size()) return 0;
  std::string_view m = s.substr(pos, 3);
  for (unsigned i = 0; i < 12; ++i)
    if (kNames.substr(i * 3, 3) == m) return i + 1;
  return 0;
}

bool scan_month_day(std::string_view s, size_t pos, Stamp& st) {
  st.month = month_from_name(s, pos);
  if (st.month == 0 || s.size() < pos + 15 || s[pos + 3] != ' ') return false;
  // Day is space padded ("Jun  1") in RFC 3164, zero padded in journalctl.
  unsigned d1 = 0;
  char a = s[pos + 4], b = s[pos + 5];
  if (a == ' ' && is_digit(b))
    d1 = unsigned(b - '0');
  else if (!digits(s, pos + 4, 2, d1))
    return false;
  if (s[pos + 6] != ' ') return false;
  st.day = d1;
  st.year = 0;
  st.zone_kind = Stamp::kNoZone;
  return scan_clock(s, pos + 7, st);
}

static bool is_alpha(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

bool scan_weekday_full(std::string_view s, size_t pos, Stamp& st) {
  if (s.size() < pos + 4 || !is_alpha(s[pos]) || !is_alpha(s[pos + 1]) || !is_alpha(s[pos + 2]) ||
      s[pos + 3] != ' ')
    return false;
  if (!scan_iso(s, pos + 4, st)) return false;
  if (st.zone_kind != Stamp::kNoZone) return true;
  size_t i = st.end;
  if (i < s.size() && s[i] == ' ') {
    size_t j = i + 1;
    while (j < s.size() && (is_alpha(s[j]) || s[j] == '+' || s[j] == '-' || is_digit(s[j])) &&
           j - i < 8)
      ++j;
    if (j > i + 1 && is_alpha(s[i + 1])) {
      st.zone_kind = Stamp::kAbbrev;
      st.abbrev = s.substr(i + 1, j - i - 1);
      st.end = j;
    }
  }
  return true;
}

bool scan_ctime(std::string_view s, size_t pos, Stamp& st) {
  // "Mon Jun 29 14:22:08 2026"
  if (s.size() < pos + 24 || !is_alpha(s[pos]) || s[pos + 3] != ' ') return false;
  if (!scan_month_day(s, pos + 4, st)) return false;
  unsigned y;
  if (st.end + 5 > s.size() || s[st.end] != ' ' || !digits(s, st.end + 1, 4, y)) return false;
  st.year = printed_year(y);
  st.end += 5;
  return true;
}

static bool level_word_at(std::string_view s, size_t i) {
  static constexpr std::string_view kLevels[] = {"TRACE", "DEBUG", "INFO",  "WARN",
                                                 "ERROR", "FATAL", "SEVERE"};
  for (auto lv : kLevels)
    if (s.size() >= i + lv.size() + 1 && s.substr(i, lv.size()) == lv &&
        (s[i + lv.size()] == ' ' || s[i + lv.size()] == '[' || s[i + lv.size()] == ':'))
      return true;
  return false;
}

// Docker Desktop's log view puts the host's local time, `YYYY-MM-DD
// HH:MM:SS ` (no fraction, no zone), before every line of a container,
// continuation lines included (TABs shown as spaces). Returns true when such a
// prefix carries a continuation: blank space then no level word (a config
// dump line, an `at` frame, a dump's ` (logger)` terminator), or a stack
// trace's `Caused by: ` / `... N more`. A logback `%d{yyyy-MM-dd HH:mm:ss}`
// line looks the same up to the space, but is followed by its level (maybe
// right-aligned by `%5p`), thread or message, never by these. `st` is the
// stamp already scanned at the start of `s`.
static bool wrapped_continuation(std::string_view s, const Stamp& st) {
  if (s.size() < 21 || st.end != 19 || s[10] != ' ' || st.zone_kind != Stamp::kNoZone ||
      s[19] != ' ')
    return false;
  std::string_view r = s.substr(20);
  if (r[0] == ' ' || r[0] == '\t') {
    size_t i = r.find_first_not_of(" \t");
    return i == std::string_view::npos || !level_word_at(r, i);
  }
  if (r.substr(0, 11) == "Caused by: ") return true;
  if (r.substr(0, 4) == "... " && r.size() > 4 && is_digit(r[4])) return true;
  return false;
}

bool java_header_line(std::string_view s) {
  if (!s.empty() && s[0] == '\x1b') s.remove_prefix(skip_ansi(s, 0));  // a coloured console
  if (s.empty()) return false;
  // The common shapes first (log4j's "[2026-", ISO, logback): this runs on
  // every line of every Java-family input.
  size_t i = s[0] == '[' ? 1 : 0;
  if (i < s.size() && is_digit(s[i])) {
    Stamp st;
    if (scan_iso(s, i, st)) return i == 1 || !wrapped_continuation(s, st);
    if (i == 0 && scan_slash_date(s, 0, st)) return true;  // Go's log package
    if (scan_clock(s, i, st)) return true;
    // Legacy GC "12.345: [GC" and "2026-...: 12.345:" (the latter is ISO above).
    int64_t ns;
    Precision pr;
    size_t n = scan_decimal_ns(s, i, ns, pr);
    if (n > 0 && i + n + 1 < s.size() && s[i + n] == ':' && s[i + n + 1] == ' ') return true;
    return false;
  }
  {
    Stamp st;
    // Go's log behind a log.New prefix ("[sarama] 2018/07/10 …"), klog/glog.
    size_t g = s[0] == '[' ? go_log_prefix(s) : 0;
    if (g > 0 && scan_slash_date(s, g, st)) return true;
    if (scan_klog(s, 0, st)) return true;
  }
  if (s[0] == '{') return true;  // JSON layout record
  return level_word_at(s, 0);
}

bool gc_legacy_header_line(std::string_view s) {
  if (s.empty()) return false;
  size_t i = s[0] == '[' ? 1 : 0;  // an application's log4j line
  if (i < s.size() && is_digit(s[i])) {
    Stamp st;
    if (scan_iso(s, i, st)) return true;
    if (i == 1) return false;
    int64_t ns;
    Precision pr;
    size_t n = scan_decimal_ns(s, 0, ns, pr);
    return n > 0 && n + 1 < s.size() && s[n] == ':' && s[n + 1] == ' ';
  }
  for (std::string_view w : {"Total time for which", "Application time:", "Java HotSpot", "OpenJDK",
                             "Memory:", "CommandLine flags:"})
    if (s.substr(0, w.size()) == w) return true;
  return false;
}

}  // namespace logcorr::format_detail

namespace logcorr::format_detail {

size_t syslog_tail(std::string_view s, size_t pos, RecordMeta& meta) {
  constexpr size_t npos = std::string_view::npos;
  if (pos >= s.size() || s[pos] != ' ') return npos;
  size_t h = pos + 1, i = h;
  while (i < s.size() && s[i] != ' ' && s[i] != '\n') ++i;
  if (i == h || i >= s.size() || s[i] != ' ') return npos;
  size_t id = i + 1, j = id;
  while (j < s.size() && s[j] != ' ' && s[j] != ':' && s[j] != '[' && s[j] != '\n') ++j;
  if (j == id || j >= s.size()) return npos;
  size_t e = j;
  int64_t pid = -1;
  if (s[j] == '[') {
    size_t k = j + 1;
    int64_t v = 0;
    while (k < s.size() && is_digit(s[k]) && k - j < 12) v = v * 10 + (s[k++] - '0');
    if (k >= s.size() || s[k] != ']') return npos;
    if (k > j + 1) pid = v;
    e = k + 1;
  }
  if (e >= s.size() || s[e] != ':') return npos;
  meta.host = s.substr(h, i - h);
  meta.identifier = s.substr(id, j - id);
  meta.pid = pid;
  ++e;
  if (e < s.size() && s[e] == ' ') ++e;
  return e;
}

}  // namespace logcorr::format_detail
