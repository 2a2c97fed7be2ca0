// RFC 3339 output. Hot path (one call per printed record): no heap, no
// snprintf, just digit stores.
#include "logcorr/time.hpp"

namespace logcorr {

namespace {

inline char* put2(char* p, unsigned v) {
  p[0] = static_cast<char>('0' + v / 10);
  p[1] = static_cast<char>('0' + v % 10);
  return p + 2;
}

inline char* put_digits(char* p, uint64_t v, int n) {
  for (int i = n - 1; i >= 0; --i) {
    p[i] = static_cast<char>('0' + v % 10);
    v /= 10;
  }
  return p + n;
}

}  // namespace

size_t format_rfc3339(int64_t utc_ns, Precision precision, char* out) {
  // Floor division so instants before 1970 land on the right second with a
  // non-negative fraction.
  int64_t secs = utc_ns / kNanosPerSecond;
  int64_t frac = utc_ns % kNanosPerSecond;
  if (frac < 0) {
    frac += kNanosPerSecond;
    --secs;
  }
  int64_t days = secs / 86400;
  int64_t sod = secs % 86400;
  if (sod < 0) {
    sod += 86400;
    --days;
  }
  CivilDate d = civil_from_days(days);
  char* p = out;
  int64_t y = d.year;
  if (y < 0) {
    *p++ = '-';
    y = -y;
  }
  if (y <= 9999) {
    p = put_digits(p, static_cast<uint64_t>(y), 4);
  } else {
    int n = 0;
    for (int64_t t = y; t > 0; t /= 10) ++n;
    p = put_digits(p, static_cast<uint64_t>(y), n);
  }
  *p++ = '-';
  p = put2(p, d.month);
  *p++ = '-';
  p = put2(p, d.day);
  *p++ = 'T';
  p = put2(p, static_cast<unsigned>(sod / 3600));
  *p++ = ':';
  p = put2(p, static_cast<unsigned>(sod / 60 % 60));
  *p++ = ':';
  p = put2(p, static_cast<unsigned>(sod % 60));
  switch (precision) {
    case Precision::kMilli:
      *p++ = '.';
      p = put_digits(p, static_cast<uint64_t>(frac / kNanosPerMilli), 3);
      break;
    case Precision::kMicro:
      *p++ = '.';
      p = put_digits(p, static_cast<uint64_t>(frac / kNanosPerMicro), 6);
      break;
    case Precision::kNano:
      *p++ = '.';
      p = put_digits(p, static_cast<uint64_t>(frac), 9);
      break;
    default:
      break;
  }
  *p++ = 'Z';
  return static_cast<size_t>(p - out);
}

std::string format_rfc3339(int64_t utc_ns, Precision precision) {
  char buf[48];
  return std::string(buf, format_rfc3339(utc_ns, precision, buf));
}

}  // namespace logcorr
