// POSIX TZ rule strings, as found in TZif footers: they give the offsets for
// instants after the last explicit transition (e.g. year 2090).
#include "time/zone_impl.hpp"

namespace logcorr::time_detail {

namespace {

struct P {
  std::string_view s;
  size_t i = 0;
  bool eof() const { return i >= s.size(); }
  char peek() const { return eof() ? '\0' : s[i]; }
  bool digit() const { return !eof() && s[i] >= '0' && s[i] <= '9'; }
  bool num(int* v, int max) {
    if (!digit()) return false;
    int n = 0;
    while (digit()) {
      n = n * 10 + (s[i++] - '0');
      if (n > max) return false;
    }
    *v = n;
    return true;
  }
};

bool parse_abbr(P& p, std::string* out) {
  if (p.peek() == '<') {
    size_t e = p.s.find('>', p.i);
    if (e == std::string_view::npos) return false;
    *out = std::string(p.s.substr(p.i + 1, e - p.i - 1));
    p.i = e + 1;
  } else {
    size_t b = p.i;
    while (!p.eof() &&
           ((p.peek() >= 'A' && p.peek() <= 'Z') || (p.peek() >= 'a' && p.peek() <= 'z')))
      ++p.i;
    *out = std::string(p.s.substr(b, p.i - b));
  }
  return out->size() >= 3 || !out->empty();
}

// [+-]hh[:mm[:ss]]; hours up to 167 (RFC 8536 extension for rule times).
bool parse_hms(P& p, int32_t* out) {
  int sign = 1;
  if (p.peek() == '+' || p.peek() == '-') sign = p.s[p.i++] == '-' ? -1 : 1;
  int h = 0, m = 0, sec = 0;
  if (!p.num(&h, 167)) return false;
  if (p.peek() == ':') {
    ++p.i;
    if (!p.num(&m, 59)) return false;
    if (p.peek() == ':') {
      ++p.i;
      if (!p.num(&sec, 59)) return false;
    }
  }
  *out = sign * (h * 3600 + m * 60 + sec);
  return true;
}

bool parse_date(P& p, PosixDate* d) {
  if (p.peek() == 'M') {
    ++p.i;
    d->kind = PosixDate::kMonthWeekDay;
    if (!p.num(&d->month, 12) || d->month < 1 || p.peek() != '.') return false;
    ++p.i;
    if (!p.num(&d->week, 5) || d->week < 1 || p.peek() != '.') return false;
    ++p.i;
    if (!p.num(&d->wday, 6)) return false;
  } else if (p.peek() == 'J') {
    ++p.i;
    d->kind = PosixDate::kJulian1;
    if (!p.num(&d->day, 365) || d->day < 1) return false;
  } else {
    d->kind = PosixDate::kJulian0;
    if (!p.num(&d->day, 365)) return false;
  }
  d->time = 7200;
  if (p.peek() == '/') {
    ++p.i;
    if (!parse_hms(p, &d->time)) return false;
  }
  return true;
}

bool is_leap(int64_t y) {
  return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

}  // namespace

bool parse_posix_tz(std::string_view s, PosixRule* r) {
  P p{s};
  int32_t v = 0;
  if (!parse_abbr(p, &r->std_abbr) || !parse_hms(p, &v)) return false;
  r->std_off = -v;  // POSIX offsets count west of Greenwich
  r->has_dst = false;
  if (p.eof()) return true;
  if (!parse_abbr(p, &r->dst_abbr)) return false;
  r->has_dst = true;
  r->dst_off = r->std_off + 3600;
  if (p.peek() != ',' && !p.eof()) {
    if (!parse_hms(p, &v)) return false;
    r->dst_off = -v;
  }
  if (p.eof()) {
    // No rule given: POSIX leaves it implementation-defined; use US rules like
    // glibc.
    r->start = PosixDate{PosixDate::kMonthWeekDay, 3, 2, 0, 0, 7200};
    r->end = PosixDate{PosixDate::kMonthWeekDay, 11, 1, 0, 0, 7200};
    return true;
  }
  if (p.peek() != ',') return false;
  ++p.i;
  if (!parse_date(p, &r->start) || p.peek() != ',') return false;
  ++p.i;
  if (!parse_date(p, &r->end)) return false;
  return p.eof();
}

int64_t posix_transition(const PosixRule& r, int64_t year, bool start) {
  const PosixDate& d = start ? r.start : r.end;
  int64_t jan1 = days_from_civil(year, 1, 1);
  int64_t day = 0;
  switch (d.kind) {
    case PosixDate::kJulian1:  // 1..365, Feb 29 never counted
      day = jan1 + d.day - 1 + (is_leap(year) && d.day >= 60 ? 1 : 0);
      break;
    case PosixDate::kJulian0:  // 0..365, Feb 29 counted
      day = jan1 + d.day;
      break;
    case PosixDate::kMonthWeekDay: {
      int64_t first = days_from_civil(year, static_cast<unsigned>(d.month), 1);
      int64_t wd = ((first + 4) % 7 + 7) % 7;  // 1970-01-01 was a Thursday
      day = first + ((d.wday - wd) % 7 + 7) % 7 + 7 * (d.week - 1);
      int64_t next = d.month == 12 ? days_from_civil(year + 1, 1, 1)
                                   : days_from_civil(year, static_cast<unsigned>(d.month) + 1, 1);
      while (day >= next) day -= 7;  // week 5 = last
      break;
    }
  }
  // The rule time is local time in the offset in force before the change.
  int32_t before = start ? r.std_off : r.dst_off;
  return day * 86400 + d.time - before;
}

}  // namespace logcorr::time_detail
