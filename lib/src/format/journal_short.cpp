// journalctl short-style modes and RFC 3164 syslog: "<stamp> host ident[pid]: msg".
#include "parser_state.hpp"

namespace logcorr {

void RecordParser::State::parse_journal_short(const RawRecord& raw, Record& out) {
  std::string_view s = raw.text;
  format_detail::Stamp st;
  size_t end = 0;
  bool ok = false;
  switch (layout) {
    case Layout::kJournalShort:
    case Layout::kJournalShortPrecise:
    case Layout::kSyslog:
      ok = format_detail::scan_month_day(s, 0, st) && resolve(st, out.time);
      end = st.end;
      break;
    case Layout::kJournalShortFull:
    case Layout::kJournalWithUnit:
      ok = format_detail::scan_weekday_full(s, 0, st) && resolve(st, out.time);
      end = st.end;
      break;
    case Layout::kJournalShortIso:
    case Layout::kJournalShortIsoPrecise:
      // RFC 5424 / rsyslog ISO lines have the same shape.
      ok = format_detail::scan_iso(s, 0, st) && resolve(st, out.time);
      end = st.end;
      break;
    case Layout::kJournalShortUnix: {
      int64_t ns;
      Precision p;
      size_t n = format_detail::scan_decimal_ns(s, 0, ns, p);
      if (n > 0) {
        out.time.utc_ns = ns;
        out.time.precision = p;
        out.time.zone = ZoneSource::kExplicit;
        ok = true;
        end = n;
      }
      break;
    }
    case Layout::kJournalShortMonotonic:
    case Layout::kJournalShortDelta: {
      if (s.empty() || s[0] != '[') break;
      size_t i = 1;
      while (i < s.size() && s[i] == ' ') ++i;
      int64_t ns;
      Precision p;
      size_t n = format_detail::scan_decimal_ns(s, i, ns, p);
      size_t close = s.find(']', i);
      if (n == 0 || close == std::string_view::npos) break;
      set_uptime(ns, p, opts.boot_ns, out.time);
      ok = true;
      end = close + 1;
      break;
    }
    default:
      break;
  }
  if (!ok) {
    out.time = RecordTime{};
    if (!s.empty()) diag(Severity::kWarning, "no time stamp where the layout has one");
    return;
  }
  size_t msg = format_detail::syslog_tail(s, end, out.meta);
  if (msg != std::string_view::npos) {
    out.message = s.substr(msg);
    if (layout == Layout::kJournalWithUnit) out.meta.unit = out.meta.identifier;
  } else {
    size_t m = end;
    while (m < s.size() && s[m] == ' ') ++m;
    out.message = s.substr(m);
  }
}

}  // namespace logcorr
