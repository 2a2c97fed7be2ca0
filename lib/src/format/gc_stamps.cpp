// JVM GC logs. Unified logging (-Xlog) prints decorators in HotSpot's fixed
// order: time/utctime, uptime, timemillis, uptimemillis, timenanos,
// uptimenanos, hostname, pid, tid, level, tags -- any subset. Legacy JDK 8
// prints "2026-...+0000: 12.345: [GC ..." or just "12.345: [GC ...".
// Uptime-only records are anchored with the JVM start: given by the caller,
// or learned from a record that has both wall time and uptime.
#include "parser_state.hpp"

namespace logcorr {

namespace {

// Millis / nanos since the epoch are >= 1e11 ms (1973); an uptime that long
// would be three years of JVM.
constexpr int64_t kEpochMillisFloor = 100'000'000'000LL;
constexpr int64_t kEpochNanosFloor = 100'000'000'000'000'000LL;

// "<digits>[.,<digits>]" seconds with either decimal mark (JVM locale).
size_t scan_seconds(std::string_view s, size_t pos, int64_t& ns, Precision& p) {
  size_t n = format_detail::scan_decimal_ns(s, pos, ns, p, '.');
  if (n > 0 && pos + n < s.size() && s[pos + n] == ',')
    n = format_detail::scan_decimal_ns(s, pos, ns, p, ',');
  return n;
}

bool scan_integer(std::string_view s, int64_t& v) {
  if (s.empty() || s.size() > 19) return false;
  int64_t x = 0;
  for (char c : s) {
    if (!format_detail::is_digit(c)) return false;
    x = x * 10 + (c - '0');
  }
  v = x;
  return true;
}

}  // namespace

void RecordParser::State::parse_gc_unified(const RawRecord& raw, Record& out) {
  std::string_view s = raw.text;
  size_t i = 0;
  bool have_wall = false;
  int64_t uptime = -1;
  Precision up_prec = Precision::kNone;
  while (i < s.size() && s[i] == '[') {
    size_t close = s.find(']', i);
    if (close == std::string_view::npos) break;
    std::string_view d = s.substr(i + 1, close - i - 1);
    i = close + 1;
    if (d.empty() || !format_detail::is_digit(d[0])) continue;  // hostname, level, tags
    format_detail::Stamp st;
    if (!have_wall && format_detail::scan_iso(d, 0, st) && st.end == d.size()) {
      have_wall = resolve(st, out.time);
      continue;
    }
    int64_t v;
    if (d.size() > 2 && d.substr(d.size() - 2) == "ms" &&
        scan_integer(d.substr(0, d.size() - 2), v)) {
      int64_t ns;
      if (!format_detail::scale(v, kNanosPerMilli, ns)) {
        diag(Severity::kWarning, "GC decoration out of range: " + std::string(d));
        continue;
      }
      if (v >= kEpochMillisFloor) {
        if (!have_wall) {
          out.time.utc_ns = ns;
          out.time.precision = Precision::kMilli;
          out.time.zone = ZoneSource::kExplicit;
          have_wall = true;
        }
      } else if (uptime < 0) {
        uptime = ns;
        up_prec = Precision::kMilli;
      }
      continue;
    }
    if (d.size() > 2 && d.substr(d.size() - 2) == "ns" &&
        scan_integer(d.substr(0, d.size() - 2), v)) {
      if (v >= kEpochNanosFloor) {
        if (!have_wall) {
          out.time.utc_ns = v;
          out.time.precision = Precision::kNano;
          out.time.zone = ZoneSource::kExplicit;
          have_wall = true;
        }
      } else if (uptime < 0) {
        uptime = v;
        up_prec = Precision::kNano;
      }
      continue;
    }
    if (d.back() == 's' && uptime < 0) {
      int64_t ns;
      Precision p;
      size_t n = scan_seconds(d, 0, ns, p);
      if (n + 1 == d.size()) {
        uptime = ns;
        up_prec = p;
      }
    }
  }
  size_t m = i;
  if (m < s.size() && s[m] == ' ') ++m;
  out.message = s.substr(m);
  if (have_wall) {
    out.time.uptime_ns = uptime;
    int64_t start;
    if (uptime >= 0 && !opts.jvm_start_ns &&
        !__builtin_sub_overflow(out.time.utc_ns, uptime, &start))
      jvm_start_ns = start;
  } else if (uptime >= 0) {
    set_uptime(uptime, up_prec, jvm_start_ns, out.time);
  }
}

void RecordParser::State::parse_gc_legacy(const RawRecord& raw, Record& out) {
  std::string_view s = raw.text;
  format_detail::Stamp st;
  size_t pos = 0;
  bool have_wall = false;
  if (format_detail::scan_iso(s, 0, st)) {
    // The JVM's rotation banner ("2016-04-14 22:37:22 GC log file has
    // reached the maximum size…") prints local time without an offset: the
    // offset of the file's own datestamps is its zone, not UTC.
    if (st.zone_kind == format_detail::Stamp::kNoZone && gc_offset_known) {
      st.zone_kind = format_detail::Stamp::kOffset;
      st.offset_s = gc_offset_s;
    } else if (st.zone_kind == format_detail::Stamp::kOffset) {
      gc_offset_known = true;
      gc_offset_s = st.offset_s;
    }
    have_wall = resolve(st, out.time);
    pos = st.end;
    if (pos + 1 < s.size() && s[pos] == ':' && s[pos + 1] == ' ')
      pos += 2;
    else
      pos = s.size();  // a dated line without uptime (rotation header)
  }
  int64_t ns;
  Precision p;
  size_t n = pos < s.size() ? scan_seconds(s, pos, ns, p) : 0;
  bool have_uptime = n > 0 && pos + n < s.size() && s[pos + n] == ':';
  if (have_wall) {
    if (have_uptime) {
      out.time.uptime_ns = ns;
      int64_t start;
      if (!opts.jvm_start_ns && !__builtin_sub_overflow(out.time.utc_ns, ns, &start))
        jvm_start_ns = start;
    }
  } else if (have_uptime) {
    set_uptime(ns, p, jvm_start_ns, out.time);
  }
}

std::optional<int32_t> sniff_stamp_offset(std::string_view head) {
  size_t pos = 0;
  while (pos < head.size()) {
    size_t nl = head.find('\n', pos);
    size_t end = nl == std::string_view::npos ? head.size() : nl;
    format_detail::Stamp st;
    if (format_detail::scan_iso(head.substr(pos, end - pos), 0, st) &&
        st.zone_kind == format_detail::Stamp::kOffset)
      return st.offset_s;
    pos = end + 1;
  }
  return std::nullopt;
}

}  // namespace logcorr
