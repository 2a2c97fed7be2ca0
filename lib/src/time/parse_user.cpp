// Command-line time parsing (--since/--until style): absolute stamps and
// "N unit ago" spans. Not a hot path; clarity over speed.
#include "logcorr/time.hpp"

namespace logcorr {

namespace {

bool digit(char c) {
  return c >= '0' && c <= '9';
}

struct Scan {
  std::string_view s;
  size_t i = 0;
  bool eof() const { return i >= s.size(); }
  char peek() const { return eof() ? '\0' : s[i]; }
  // Exactly n digits.
  bool fixed(int n, unsigned* v) {
    if (s.size() - i < static_cast<size_t>(n)) return false;
    unsigned x = 0;
    for (int k = 0; k < n; ++k) {
      if (!digit(s[i + k])) return false;
      x = x * 10 + static_cast<unsigned>(s[i + k] - '0');
    }
    i += static_cast<size_t>(n);
    *v = x;
    return true;
  }
  bool eat(char c) {
    if (peek() != c) return false;
    ++i;
    return true;
  }
  // Fraction after '.' or ',' -> nanoseconds (extra digits truncated).
  bool fraction(int64_t* ns) {
    size_t b = i;
    int64_t v = 0;
    int n = 0;
    while (!eof() && digit(s[i])) {
      if (n < 9) {
        v = v * 10 + (s[i] - '0');
        ++n;
      }
      ++i;
    }
    if (i == b) return false;
    for (; n < 9; ++n) v *= 10;
    *ns = v;
    return true;
  }
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

std::optional<int64_t> parse_epoch(std::string_view s) {
  bool neg = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  Scan sc{s};
  int64_t secs = 0;
  size_t b = sc.i;
  while (!sc.eof() && digit(sc.peek())) {
    if (secs > 9'000'000'000LL) return std::nullopt;  // beyond int64 ns
    secs = secs * 10 + (sc.s[sc.i++] - '0');
  }
  if (sc.i == b) return std::nullopt;
  int64_t frac = 0;
  if (sc.eat('.') && !sc.fraction(&frac)) return std::nullopt;
  if (!sc.eof()) return std::nullopt;
  int64_t ns = secs * kNanosPerSecond + frac;
  return neg ? -ns : ns;
}

}  // namespace

std::optional<int64_t> parse_user_time(std::string_view text, const Zone& zone) {
  text = trim(text);
  if (!text.empty() && text[0] == '@') return parse_epoch(text.substr(1));
  Scan sc{text};
  unsigned y = 0, mo = 0, d = 0, h = 0, mi = 0, se = 0;
  if (!sc.fixed(4, &y) || !sc.eat('-') || !sc.fixed(2, &mo) || !sc.eat('-') || !sc.fixed(2, &d))
    return std::nullopt;
  int64_t frac = 0;
  if (sc.peek() == 'T' || sc.peek() == 't' || sc.peek() == ' ') {
    ++sc.i;
    if (!sc.fixed(2, &h) || !sc.eat(':') || !sc.fixed(2, &mi)) return std::nullopt;
    if (sc.eat(':')) {
      if (!sc.fixed(2, &se)) return std::nullopt;
      if ((sc.eat('.') || sc.eat(',')) && !sc.fraction(&frac)) return std::nullopt;
    }
  }
  auto local = civil_to_seconds(y, mo, d, h, mi, se);
  if (!local) return std::nullopt;
  if (sc.eof()) {
    // Zone-less: read in `zone`; in a gap or repeated hour take the earlier
    // reading (the documented choice for --since/--until).
    return zone.to_utc(*local).earlier * kNanosPerSecond + frac;
  }
  if (sc.peek() == ' ') ++sc.i;
  int32_t off = 0;
  if (sc.eat('Z') || sc.eat('z')) {
    off = 0;
  } else if (sc.peek() == '+' || sc.peek() == '-') {
    int sign = sc.s[sc.i++] == '-' ? -1 : 1;
    unsigned oh = 0, om = 0;
    if (!sc.fixed(2, &oh)) return std::nullopt;
    if (sc.eat(':')) {
      if (!sc.fixed(2, &om)) return std::nullopt;
    } else if (!sc.eof()) {
      if (!sc.fixed(2, &om)) return std::nullopt;
    }
    if (oh > 23 || om > 59) return std::nullopt;
    off = sign * static_cast<int32_t>(oh * 3600 + om * 60);
  } else {
    return std::nullopt;
  }
  if (!sc.eof()) return std::nullopt;
  return (*local - off) * kNanosPerSecond + frac;
}

std::optional<int64_t> parse_relative_span(std::string_view text) {
  text = trim(text);
  Scan sc{text};
  int64_t n = 0;
  size_t b = sc.i;
  while (!sc.eof() && digit(sc.peek())) {
    if (n > 1'000'000'000) return std::nullopt;
    n = n * 10 + (sc.s[sc.i++] - '0');
  }
  if (sc.i == b) return std::nullopt;
  while (sc.peek() == ' ') ++sc.i;
  size_t ub = sc.i;
  while (!sc.eof() &&
         ((sc.peek() >= 'a' && sc.peek() <= 'z') || (sc.peek() >= 'A' && sc.peek() <= 'Z')))
    ++sc.i;
  std::string unit(text.substr(ub, sc.i - ub));
  for (auto& c : unit) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  std::string_view rest = trim(text.substr(sc.i));
  if (!rest.empty() && rest != "ago") return std::nullopt;
  int64_t mult = 0;
  auto any = [&](std::initializer_list<const char*> names) {
    for (const char* nm : names)
      if (unit == nm) return true;
    return false;
  };
  if (any({"s", "sec", "secs", "second", "seconds"}))
    mult = 1;
  else if (any({"m", "min", "mins", "minute", "minutes"}))
    mult = 60;
  else if (any({"h", "hr", "hrs", "hour", "hours"}))
    mult = 3600;
  else if (any({"d", "day", "days"}))
    mult = 86400;
  else if (any({"w", "wk", "wks", "week", "weeks"}))
    mult = 7 * 86400;
  else
    return std::nullopt;
  if (n > INT64_MAX / kNanosPerSecond / mult) return std::nullopt;
  return n * mult * kNanosPerSecond;
}

}  // namespace logcorr
