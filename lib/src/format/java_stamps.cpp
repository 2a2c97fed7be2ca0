// Java application logs: log4j "[2026-06-29 14:22:08,455]", logback / Spring
// Boot "2026-06-29 14:22:08.455", ISO 8601 with Z / +0000 / +05:30, time-only
// "14:22:08.455", Go's log package "2018/07/10 10:06:47[.123456]" (also
// behind its "[sarama] " prefix). The stamp shape that parsed last is tried first
// (lock-on). Container wrappers are taken off before (RecordParser::parse).
#include <chrono>

#include "parser_state.hpp"

namespace logcorr {

namespace {

enum Shape : int {
  kBracketIso = 0,
  kIsoAtStart,
  kClockAtStart,
  kBracketClock,
  kSlashDate,  // Go's log package, maybe behind its "[name] " prefix
  kKlog,       // klog/glog: severity letter, [YY]MMDD, time with microseconds
  kShapeCount
};

bool try_shape(int shape, std::string_view s, format_detail::Stamp& st) {
  switch (shape) {
    case kBracketIso:
      return s.size() > 1 && s[0] == '[' && format_detail::scan_iso(s, 1, st);
    case kIsoAtStart:
      return format_detail::scan_iso(s, 0, st);
    case kClockAtStart:
      return format_detail::scan_clock(s, 0, st) && (st.end == s.size() || s[st.end] == ' ');
    case kBracketClock:
      return s.size() > 1 && s[0] == '[' && format_detail::scan_clock(s, 1, st) &&
             st.end < s.size() && s[st.end] == ']';
    case kSlashDate:
      return !s.empty() &&
             (format_detail::is_digit(s[0])
                  ? format_detail::scan_slash_date(s, 0, st)
                  : format_detail::scan_slash_date(s, format_detail::go_log_prefix(s), st));
    case kKlog:
      return format_detail::scan_klog(s, 0, st);
  }
  return false;
}

// The shape at the start of `body`: the one that parsed last first.
int find_shape(std::string_view body, int last, format_detail::Stamp& st) {
  if (last >= 0) {
    st = format_detail::Stamp{};
    if (try_shape(last, body, st)) return last;
  }
  for (int sh = 0; sh < kShapeCount; ++sh) {
    st = format_detail::Stamp{};
    if (sh != last && try_shape(sh, body, st)) return sh;
  }
  return -1;
}

}  // namespace

void RecordParser::State::parse_java(const RawRecord& raw, Record& out) {
  std::string_view text = raw.text;
  format_detail::Stamp st;
  int found = -1;
  out.message = text;
  // The shape that parsed last, right at the start of the line.
  if (java_shape >= 0 && try_shape(java_shape, text, st)) {
    found = java_shape;
  } else {
    if (!text.empty() && text[0] == '{' && parse_json_app(text, out)) return;
    found = find_shape(text, java_shape, st);
  }
  // klog's MMDD has no year: resolve() infers it like syslog's.
  bool dated =
      found == kBracketIso || found == kIsoAtStart || found == kSlashDate || found == kKlog;
  if (found < 0) return;  // a record without a stamp: no time
  java_shape = found;
  if (dated) {
    if (!resolve(st, out.time)) {
      out.time = RecordTime{};
      return;
    }
    note_dated(st);
    return;
  }
  if (!date_time_only(st, true) || !resolve(st, out.time)) {
    out.time = RecordTime{};
    return;
  }
  out.time.year_inferred = true;
}

bool RecordParser::State::date_time_only(format_detail::Stamp& st, bool from_reference) {
  if (ctx_day == INT64_MIN) {
    if (opts.date_days) {
      ctx_day = *opts.date_days;
    } else {
      if (!from_reference) return false;
      int64_t ref = opts.reference_ns != INT64_MIN
                        ? opts.reference_ns
                        : std::chrono::duration_cast<std::chrono::nanoseconds>(
                              std::chrono::system_clock::now().time_since_epoch())
                              .count();
      int64_t ref_s = ref / kNanosPerSecond;
      int64_t local = ref_s + zone->offset_at(ref_s);
      ctx_day = local >= 0 ? local / 86400 : (local - 86399) / 86400;
    }
    ctx_date = CivilDate{0, 0, 0};
  }
  int64_t sod = int64_t(st.hour) * 3600 + st.minute * 60 + st.second;
  if (last_time_only_sod >= 0 && sod < last_time_only_sod - 12 * 3600) {
    ++ctx_day;
    ctx_date = CivilDate{0, 0, 0};  // no longer the last dated stamp's day
  }
  last_time_only_sod = sod;
  CivilDate cd = civil_from_days(ctx_day);
  st.year = cd.year;
  st.month = cd.month;
  st.day = cd.day;
  return true;
}

}  // namespace logcorr
