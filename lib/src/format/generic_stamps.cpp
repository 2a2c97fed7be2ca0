// Generic stamp finding: a line in no known layout still carries a time when
// one of the common stamp shapes starts a token in its first bytes. Each
// shape is a fixed-position digit read (the scanners of stamps.cpp); a line
// costs one pass over at most kGenericWindow bytes, and nothing when the
// shape and position that parsed last (the lock-on hint) parse again.
//
// Precision before coverage: shapes that a common other reading shares are
// narrowed here (two-digit years only where a named layout says so, epoch
// numbers only first on the line, clocks without a date only near the
// start), and the day/month order of numeric dates is left to the caller,
// who reads it only when the file settles it.
#include "format_impl.hpp"

namespace logcorr::format_detail {

namespace {

bool is_alpha(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
bool is_alnum(char c) {
  return is_digit(c) || is_alpha(c);
}

// The digits at pos end there (no longer number).
bool ends_number(std::string_view s, size_t end) {
  return end >= s.size() || !is_digit(s[end]);
}

// A clock after a date: "T" or one space (also ":" for CLF), then HH:MM:SS.
bool date_then_clock(std::string_view s, size_t pos, Stamp& st) {
  if (pos >= s.size() || (s[pos] != ' ' && s[pos] != 'T')) return false;
  if (!scan_clock(s, pos + 1, st)) return false;
  return st.hour < 24 && st.minute < 60 && st.second <= 60;
}

// " +0000" / " UTC" / " GMT" after a stamp that printed no zone.
void spaced_zone(std::string_view s, Stamp& st) {
  if (st.zone_kind != Stamp::kNoZone || st.end + 1 >= s.size() || s[st.end] != ' ') return;
  size_t z = st.end + 1;
  if (s[z] == '+' || s[z] == '-') {
    Stamp t = st;
    t.end = z;
    scan_offset(s, t);
    // Only a four-digit or hh:mm offset: "- 12" is text.
    if (t.zone_kind == Stamp::kOffset && t.end - z >= 5 &&
        (t.end == s.size() || !is_digit(s[t.end])))
      st = t;
    return;
  }
  std::string_view w = s.substr(z, 4);
  if (w.substr(0, 3) == "UTC" || w.substr(0, 3) == "GMT") {
    if (w.size() == 3 || !is_alnum(w[3])) {
      st.zone_kind = Stamp::kOffset;
      st.offset_s = 0;
      st.end = z + 3;
    }
  }
}

bool valid_date(const Stamp& st) {
  return st.month >= 1 && st.month <= 12 && st.day >= 1 && st.day <= 31;
}

bool scan_gen_iso(std::string_view s, size_t pos, Stamp& st) {
  if (!scan_iso(s, pos, st) || !valid_date(st) || st.hour > 23 || st.minute > 59) return false;
  // The OpenTelemetry Java agent's "19:51:57:317": milliseconds after a colon.
  unsigned ms;
  if (st.zone_kind == Stamp::kNoZone && st.precision == Precision::kSecond && st.end < s.size() &&
      s[st.end] == ':' && digits(s, st.end + 1, 3, ms) && ends_number(s, st.end + 4)) {
    st.frac_ns = int64_t(ms) * 1'000'000;
    st.precision = Precision::kMilli;
    st.end += 4;
    scan_offset(s, st);
  }
  spaced_zone(s, st);
  return true;
}

bool scan_gen_slash_ymd(std::string_view s, size_t pos, Stamp& st) {
  unsigned y;
  if (!digits(s, pos, 4, y) || pos + 10 > s.size() || s[pos + 4] != '/' ||
      !digits(s, pos + 5, 2, st.month) || s[pos + 7] != '/' || !digits(s, pos + 8, 2, st.day))
    return false;
  st.year = printed_year(y);
  if (!valid_date(st) || !date_then_clock(s, pos + 10, st)) return false;
  st.zone_kind = Stamp::kNoZone;
  scan_offset(s, st);
  spaced_zone(s, st);
  return true;
}

// "29-06-2026", "29/06/2026", "29.06.2026" (also one-digit day or month is
// not accepted: fixed widths keep this a digit read) then a clock.
bool scan_gen_dmy(std::string_view s, size_t pos, Stamp& st, GenericHit& hit) {
  unsigned a, b, y;
  if (!digits(s, pos, 2, a) || pos + 10 > s.size()) return false;
  char sep = s[pos + 2];
  if ((sep != '-' && sep != '/' && sep != '.') || !digits(s, pos + 3, 2, b) || s[pos + 5] != sep ||
      !digits(s, pos + 6, 4, y) || !ends_number(s, pos + 10))
    return false;
  if (a < 1 || b < 1 || a > 31 || b > 31 || (a > 12 && b > 12)) return false;
  if (!date_then_clock(s, pos + 10, st)) return false;
  st.year = printed_year(y);
  st.zone_kind = Stamp::kNoZone;
  scan_offset(s, st);
  spaced_zone(s, st);
  hit.first = a;
  hit.second = b;
  return true;
}

bool scan_gen_clf(std::string_view s, size_t pos, Stamp& st) {
  // "10/Oct/2000:13:55:36 -0700"
  unsigned y;
  if (!digits(s, pos, 2, st.day) || pos + 20 > s.size() || s[pos + 2] != '/' ||
      (st.month = month_from_name(s, pos + 3)) == 0 || s[pos + 6] != '/' ||
      !digits(s, pos + 7, 4, y) || s[pos + 11] != ':')
    return false;
  st.year = printed_year(y);
  if (!scan_clock(s, pos + 12, st) || !valid_date(st)) return false;
  st.zone_kind = Stamp::kNoZone;
  spaced_zone(s, st);
  return true;
}

bool scan_gen_ctime(std::string_view s, size_t pos, Stamp& st) {
  // "Mon Jun 29 14:22:08 2026" (ctime), "Mon Jun 29 14:22:08 UTC 2026" (date(1)).
  if (pos + 4 > s.size() || !is_alpha(s[pos]) || !is_alpha(s[pos + 1]) || !is_alpha(s[pos + 2]) ||
      s[pos + 3] != ' ')
    return false;
  if (!scan_month_day(s, pos + 4, st)) return false;
  size_t i = st.end;
  unsigned y;
  if (i + 5 <= s.size() && s[i] == ' ' && digits(s, i + 1, 4, y) && ends_number(s, i + 5)) {
    st.year = printed_year(y);
    st.end = i + 5;
    return true;
  }
  // A zone name between clock and year.
  if (i + 1 >= s.size() || s[i] != ' ' || !is_alpha(s[i + 1])) return false;
  size_t j = i + 1;
  while (j < s.size() && is_alpha(s[j]) && j - i <= 6) ++j;
  if (j + 5 > s.size() || s[j] != ' ' || !digits(s, j + 1, 4, y) || !ends_number(s, j + 5))
    return false;
  st.year = printed_year(y);
  std::string_view abbrev = s.substr(i + 1, j - i - 1);
  if (abbrev == "UTC" || abbrev == "GMT" || abbrev == "Z") {
    st.zone_kind = Stamp::kOffset;
    st.offset_s = 0;
  } else {
    st.zone_kind = Stamp::kAbbrev;
    st.abbrev = abbrev;
  }
  st.end = j + 5;
  return true;
}

bool scan_gen_yy_md_slash(std::string_view s, size_t pos, Stamp& st) {
  // Spark's log4j "%d{yy/MM/dd HH:mm:ss}".
  unsigned yy;
  if (!digits(s, pos, 2, yy) || pos + 8 > s.size() || s[pos + 2] != '/' ||
      !digits(s, pos + 3, 2, st.month) || s[pos + 5] != '/' || !digits(s, pos + 6, 2, st.day) ||
      !ends_number(s, pos + 8))
    return false;
  st.year = 2000 + yy;
  if (!valid_date(st) || pos + 8 >= s.size() || s[pos + 8] != ' ') return false;
  st.zone_kind = Stamp::kNoZone;
  return scan_clock(s, pos + 9, st);
}

bool scan_gen_yymmdd(std::string_view s, size_t pos, Stamp& st) {
  // Old Hadoop "081109 203615": yyMMdd HHmmss.
  unsigned yy;
  if (!digits(s, pos, 2, yy) || !digits(s, pos + 2, 2, st.month) ||
      !digits(s, pos + 4, 2, st.day) || pos + 13 > s.size() || s[pos + 6] != ' ' ||
      !digits(s, pos + 7, 2, st.hour) || !digits(s, pos + 9, 2, st.minute) ||
      !digits(s, pos + 11, 2, st.second) || !ends_number(s, pos + 13))
    return false;
  st.year = 2000 + yy;
  st.frac_ns = 0;
  st.precision = Precision::kSecond;
  st.zone_kind = Stamp::kNoZone;
  st.end = pos + 13;
  return valid_date(st) && st.hour < 24 && st.minute < 60 && st.second <= 60;
}

bool scan_gen_epoch(std::string_view s, size_t pos, GenericHit& hit, Stamp& st) {
  size_t i = pos;
  while (i < s.size() && is_digit(s[i]) && i - pos < 20) ++i;
  size_t n = i - pos;
  if (n != 10 && n != 13 && n != 16 && n != 19) return false;
  // 19 digits may not fit in int64_t; they do in uint64_t.
  uint64_t v = 0;
  for (size_t k = pos; k < i; ++k) v = v * 10 + uint64_t(s[k] - '0');
  uint64_t unit = n == 10 ? 1'000'000'000 : n == 13 ? 1'000'000 : n == 16 ? 1'000 : 1;
  // 2001-09-09 .. 2100-01-01: a number outside is an id or a counter.
  uint64_t secs = v / (1'000'000'000 / unit);
  if (secs < 1'000'000'000 || secs > 4'102'444'800) return false;
  hit.epoch_ns = int64_t(v * unit);
  st.precision = n == 10   ? Precision::kSecond
                 : n == 13 ? Precision::kMilli
                 : n == 16 ? Precision::kMicro
                           : Precision::kNano;
  if (n == 10 && i + 1 < s.size() && s[i] == '.' && is_digit(s[i + 1])) {
    int64_t ns;
    Precision p;
    size_t m = scan_decimal_ns(s, pos, ns, p);
    if (m == 0) return false;
    hit.epoch_ns = ns;
    st.precision = p;
    i = pos + m;
  }
  if (i < s.size() && is_alnum(s[i])) return false;
  st.end = i;
  return true;
}

bool scan_gen_time_only(std::string_view s, size_t pos, Stamp& st) {
  if (!scan_clock(s, pos, st) || st.hour > 23 || st.minute > 59 || st.second > 60) return false;
  if (st.end < s.size() && (is_digit(s[st.end]) || s[st.end] == ':')) return false;
  st.year = 0;
  st.month = st.day = 0;
  st.zone_kind = Stamp::kNoZone;
  return true;
}

bool try_generic(int shape, std::string_view s, size_t pos, bool two_digit_years, Stamp& st,
                 GenericHit& hit) {
  st = Stamp{};
  switch (shape) {
    case kGenIso:
      return scan_gen_iso(s, pos, st);
    case kGenSlashYmd:
      return scan_gen_slash_ymd(s, pos, st);
    case kGenDmy:
      return scan_gen_dmy(s, pos, st, hit);
    case kGenClf:
      return scan_gen_clf(s, pos, st);
    case kGenCtime:
      return scan_gen_ctime(s, pos, st);
    case kGenMonthDay:
      return scan_month_day(s, pos, st) && valid_date(st) &&
             (st.end == s.size() || !is_digit(s[st.end]));
    case kGenYyMdSlash:
      return two_digit_years && scan_gen_yy_md_slash(s, pos, st);
    case kGenYyMMdd:
      return two_digit_years && scan_gen_yymmdd(s, pos, st);
    case kGenEpoch:
      return (pos == 0 || (pos == 1 && (s[0] == '[' || s[0] == '"'))) &&
             scan_gen_epoch(s, pos, hit, st);
    case kGenTimeOnly:
      return pos <= 24 && scan_gen_time_only(s, pos, st);
  }
  return false;
}

}  // namespace

bool find_generic_stamp(std::string_view line, bool two_digit_years, int hint, size_t hint_pos,
                        Stamp& st, GenericHit& hit) {
  if (hint >= 0 && hint_pos < line.size() &&
      try_generic(hint, line, hint_pos, two_digit_years, st, hit)) {
    hit.shape = hint;
    hit.pos = hint_pos;
    return true;
  }
  const size_t window = std::min(line.size(), kGenericWindow);
  for (size_t i = 0; i < window; ++i) {
    char c = line[i];
    if (i > 0 && is_alnum(line[i - 1])) continue;  // not a token start
    if (is_digit(c)) {
      for (int sh : {int(kGenIso), int(kGenSlashYmd), int(kGenClf), int(kGenDmy), int(kGenYyMMdd),
                     int(kGenYyMdSlash), int(kGenEpoch), int(kGenTimeOnly)}) {
        if (try_generic(sh, line, i, two_digit_years, st, hit)) {
          hit.shape = sh;
          hit.pos = i;
          return true;
        }
      }
    } else if (c >= 'A' && c <= 'Z') {
      for (int sh : {int(kGenCtime), int(kGenMonthDay)}) {
        if (try_generic(sh, line, i, two_digit_years, st, hit)) {
          hit.shape = sh;
          hit.pos = i;
          return true;
        }
      }
    }
  }
  return false;
}

}  // namespace logcorr::format_detail

namespace logcorr {

DateOrder sniff_date_order(std::string_view head) {
  using namespace format_detail;
  bool day_first = false, month_first = false;
  size_t pos = 0;
  int hint = -1;
  size_t hint_pos = 0;
  while (pos < head.size()) {
    size_t nl = head.find('\n', pos);
    size_t end = nl == std::string_view::npos ? head.size() : nl;
    std::string_view line = head.substr(pos, end - pos);
    pos = end + 1;
    Stamp st;
    GenericHit hit;
    if (!find_generic_stamp(line, false, hint, hint_pos, st, hit)) continue;
    hint = hit.shape;
    hint_pos = hit.pos;
    if (hit.shape != kGenDmy) continue;
    if (hit.first > 12) day_first = true;
    if (hit.second > 12) month_first = true;
  }
  if (day_first == month_first) return DateOrder::kUnknown;
  return day_first ? DateOrder::kDayFirst : DateOrder::kMonthFirst;
}

}  // namespace logcorr
