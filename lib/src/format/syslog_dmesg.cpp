// dmesg ("[12345.678901] msg", uptime; anchored by boot time), dmesg -T
// ("[Mon Jun 29 14:22:08 2026] msg", local time) and librdkafka's log lines
// ("%3|1719670928.123|FAIL|rdkafka#producer-1| ...", epoch seconds).
#include "parser_state.hpp"

namespace logcorr {

void RecordParser::State::parse_dmesg(const RawRecord& raw, Record& out) {
  std::string_view s = raw.text;
  if (s.empty() || s[0] != '[') return;
  size_t close = s.find(']');
  if (close == std::string_view::npos) return;
  format_detail::Stamp st;
  if (format_detail::scan_ctime(s, 1, st) && st.end == close) {
    if (!resolve(st, out.time)) out.time = RecordTime{};
  } else {
    size_t i = 1;
    while (i < close && s[i] == ' ') ++i;
    int64_t ns;
    Precision p;
    size_t n = format_detail::scan_decimal_ns(s, i, ns, p);
    if (n == 0 || i + n != close) return;
    set_uptime(ns, p, opts.boot_ns, out.time);
  }
  size_t m = close + 1;
  if (m < s.size() && s[m] == ' ') ++m;
  out.message = s.substr(m);
}

void RecordParser::State::parse_librdkafka(const RawRecord& raw, Record& out) {
  std::string_view s = raw.text;
  // An application's log callback that prints ctime() on a line of its own
  // and ` | RD_KAFKA_LOG | level: 3 | fac: FAIL | msg: …` under it: local
  // time, no zone.
  format_detail::Stamp ct;
  if (format_detail::scan_ctime(s, 0, ct) &&
      (ct.end == s.size() || s[ct.end] == '\n' || s[ct.end] == '\r')) {
    if (!resolve(ct, out.time)) out.time = RecordTime{};
    return;
  }
  // "%3|<epoch>|", or the same without the "%3" (log_cb output), possibly
  // behind a "[pod-name] " prefix.
  size_t start = 0;
  if (!s.empty() && s[0] == '[') {
    size_t close = s.find("] ");
    if (close != std::string_view::npos && close < 128) start = close + 2;
  }
  if (start + 3 < s.size() && s[start] == '%' && format_detail::is_digit(s[start + 1]) &&
      s[start + 2] == '|')
    start += 3;
  // A log callback that prints an ISO date instead of the epoch
  // ("%7|2023-08-18T09:07:19.341|FAIL|…"): local time unless it says its zone.
  format_detail::Stamp iso;
  if (start + 20 < s.size() && format_detail::is_digit(s[start]) && s[start + 4] == '-' &&
      format_detail::scan_iso(s, start, iso) && iso.end < s.size() && s[iso.end] == '|') {
    if (!resolve(iso, out.time)) out.time = RecordTime{};
    return;
  }
  int64_t ns;
  Precision p;
  size_t n = format_detail::scan_decimal_ns(s, start, ns, p);
  if (n == 0 || start + n >= s.size() || s[start + n] != '|') {
    diag(Severity::kWarning, "librdkafka line without an epoch stamp");
    return;
  }
  out.time.utc_ns = ns;
  out.time.precision = p;
  out.time.zone = ZoneSource::kExplicit;
}

}  // namespace logcorr
