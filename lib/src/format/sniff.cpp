// Sniffing a layout from an input's head, driven by the sniff data of the
// layout table (layouts.cpp): line prefixes, continuation marks, layouts the
// first line decides, and more precise variants that take over a vote.
//
// Sniffing votes: each of the first ~50 non-blank lines is classified on its
// own, and the layout with most votes wins. One odd line (a JVM banner, a
// continuation line) therefore cannot decide the layout.
#include <array>
#include <string>

#include "format_impl.hpp"
#include "logcorr/format.hpp"

namespace logcorr {

namespace {

constexpr size_t kLayoutCount = size_t(Layout::kPlain) + 1;

bool is_ident_char(char c) {
  return c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\0';
}

// After a stamp: " host ident[pid]: " or " host ident: " (journal/syslog).
// Returns the index of the identifier or npos.
size_t host_ident_at(std::string_view s, size_t pos, size_t* ident_end = nullptr) {
  if (pos >= s.size() || s[pos] != ' ') return std::string_view::npos;
  size_t h = pos + 1, i = h;
  while (i < s.size() && is_ident_char(s[i])) ++i;
  if (i == h || i >= s.size() || s[i] != ' ') return std::string_view::npos;
  size_t id = i + 1, j = id;
  while (j < s.size() && s[j] != ' ' && s[j] != ':' && s[j] != '[') ++j;
  if (j == id || j >= s.size()) return std::string_view::npos;
  size_t e = j;
  if (s[j] == '[') {
    e = s.find(']', j);
    if (e == std::string_view::npos) return std::string_view::npos;
    ++e;
  }
  if (e >= s.size() || s[e] != ':') return std::string_view::npos;
  if (ident_end) *ident_end = j;
  return id;
}

bool ends_with(std::string_view s, std::string_view suf) {
  return s.size() >= suf.size() && s.substr(s.size() - suf.size()) == suf;
}

bool is_unit_name(std::string_view id) {
  for (auto suf : {".service", ".scope", ".socket", ".timer", ".mount", ".slice", ".target",
                   ".path", ".device", ".swap"})
    if (ends_with(id, suf)) return true;
  return false;
}

// Unified GC: "[<decorator>]" where the first decorator is a time, uptime,
// millis/nanos count, or (rarely) hostname/pid/level.
bool gc_unified_line(std::string_view s) {
  if (s.size() < 4 || s[0] != '[') return false;
  size_t close = s.find(']');
  if (close == std::string_view::npos || close + 1 >= s.size()) return false;
  std::string_view d = s.substr(1, close - 1);
  if (d.empty() || !format_detail::is_digit(d[0])) return false;
  format_detail::Stamp st;
  if (format_detail::scan_iso(d, 0, st))
    return st.zone_kind == format_detail::Stamp::kOffset && st.end == d.size();
  if (ends_with(d, "ms") || ends_with(d, "ns") || ends_with(d, "s")) {
    size_t i = 0;
    while (i < d.size() && (format_detail::is_digit(d[i]) || d[i] == '.' || d[i] == ',')) ++i;
    std::string_view unit = d.substr(i);
    return i > 0 && (unit == "s" || unit == "ms" || unit == "ns") &&
           (s[close + 1] == '[' || s[close + 1] == ' ');
  }
  return false;
}

bool upper3(std::string_view s, size_t pos) {
  if (pos + 3 > s.size()) return false;
  for (size_t i = pos; i < pos + 3; ++i)
    if (s[i] < 'A' || s[i] > 'Z') return false;
  return true;
}

bool level_word_then_space(std::string_view s, size_t pos) {
  for (std::string_view w : {"TRACE ", "DEBUG ", "INFO ", "WARN ", "WARNING ", "ERROR ", "FATAL "})
    if (s.substr(pos, w.size()) == w) return true;
  return false;
}

// Layouts that are a stamp shape and free text, read by generic stamp
// finding (generic_stamps.cpp): each is told by its stamp and what follows.
Layout classify_generic_named(std::string_view s) {
  using format_detail::Stamp;
  Stamp st;
  format_detail::GenericHit hit;
  if (s.substr(0, 16) == "[otel.javaagent ") return Layout::kOtelAgent;
  // Serilog / NLog: "[12:24:27 INF] "
  if (s.size() > 14 && s[0] == '[' && format_detail::scan_clock(s, 1, st) && st.end == 9 &&
      s[9] == ' ' && upper3(s, 10) && s[13] == ']')
    return Layout::kSerilog;
  // Tanuki: "INFO   | jvm 1    | 2015/04/28 18:40:00 | " / "STATUS | wrapper  | …"
  if (size_t bar = s.find(" | ");
      bar != std::string_view::npos && bar <= 7 &&
      (s.substr(bar + 3, 4) == "jvm " || s.substr(bar + 3, 8) == "wrapper "))
    return Layout::kTanuki;
  if (format_detail::find_generic_stamp(s, true, -1, 0, st, hit) && hit.pos == 0 &&
      st.end + 1 < s.size() && s[st.end] == ' ') {
    // Spark: "17/06/09 20:10:40 INFO "
    if (hit.shape == format_detail::kGenYyMdSlash && level_word_then_space(s, st.end + 1))
      return Layout::kSpark;
    // Hadoop: "081109 203615 148 INFO "
    if (hit.shape == format_detail::kGenYyMMdd) {
      size_t i = st.end + 1;
      while (i < s.size() && format_detail::is_digit(s[i])) ++i;
      if (i > st.end + 1 && i < s.size() && s[i] == ' ' && level_word_then_space(s, i + 1))
        return Layout::kHadoop;
    }
  }
  // logfmt: a line of key=value pairs with a time key.
  for (std::string_view k : {"time=", "ts=", "t=", "timestamp=", "level=", "lvl="})
    if (s.substr(0, k.size()) == k) {
      if (!format_detail::logfmt_time_value(s).empty()) return Layout::kLogfmt;
      break;
    }
  // RFC 5424: "<PRI>1 "
  if (s.size() > 8 && s[0] == '<') {
    size_t i = 1;
    while (i < s.size() && i < 5 && format_detail::is_digit(s[i])) ++i;
    if (i > 1 && i + 2 < s.size() && s[i] == '>' && s[i + 1] == '1' && s[i + 2] == ' ')
      return Layout::kSyslog5424;
  }
  return Layout::kUnknown;
}

Layout classify_line(std::string_view s, std::string_view head) {
  using format_detail::Stamp;
  if (Layout g = classify_generic_named(s); g != Layout::kUnknown) return g;
  for (const LayoutInfo& e : layouts())
    if (!e.sniff_prefix.empty() && s.substr(0, e.sniff_prefix.size()) == e.sniff_prefix)
      return e.layout;
  if (s == "{") {
    return head.find("\"__REALTIME_TIMESTAMP\"") != std::string_view::npos
               ? Layout::kJournalJsonPretty
               : Layout::kJsonApp;
  }
  if (!s.empty() && s[0] == '{') {
    return s.find("\"__REALTIME_TIMESTAMP\"") != std::string_view::npos ? Layout::kJournalJson
                                                                        : Layout::kJsonApp;
  }
  // librdkafka: "%3|1719670928.123|FAIL|"
  if (s.size() > 4 && s[0] == '%' && format_detail::is_digit(s[1]) && s[2] == '|' &&
      format_detail::is_digit(s[3]))
    return Layout::kLibrdkafka;
  Stamp st;
  // Go's log package: "2018/07/10 10:06:47 …", also behind "[sarama] ".
  if (!s.empty() && (format_detail::is_digit(s[0])
                         ? format_detail::scan_slash_date(s, 0, st)
                         : format_detail::scan_slash_date(s, format_detail::go_log_prefix(s), st)))
    return Layout::kGoLog;
  if (format_detail::scan_klog(s, 0, st)) return Layout::kKlog;
  if (!s.empty() && s[0] == '[') {
    if (format_detail::scan_iso(s, 1, st)) {
      if (st.end < s.size() && s[st.end] == ']') {
        if (gc_unified_line(s)) return Layout::kGcUnified;
        return Layout::kLog4j;
      }
      // "[2026-06-29T14:22:08.455Z main INFO o.a.k.c.NetworkClient] …": a
      // bracketed pattern whose first field is the stamp (the log4j parser
      // reads its stamp the same way).
      if (st.end < s.size() && s[st.end] == ' ') return Layout::kLog4j;
      return Layout::kUnknown;
    }
    if (format_detail::scan_ctime(s, 1, st) && st.end < s.size() && s[st.end] == ']')
      return Layout::kDmesgHuman;
    if (gc_unified_line(s)) return Layout::kGcUnified;
    // "[1714122.509514]" (monotonic / dmesg) or "[1714122.509514 <  0.35 >]" (delta).
    size_t i = 1;
    while (i < s.size() && s[i] == ' ') ++i;
    int64_t ns;
    Precision pr;
    size_t n = format_detail::scan_decimal_ns(s, i, ns, pr);
    if (n > 0 && pr != Precision::kSecond) {
      size_t e = i + n;
      if (e < s.size() && s[e] == ' ') {
        size_t close = s.find(']', e);
        if (close != std::string_view::npos) return Layout::kJournalShortDelta;
      }
      if (e < s.size() && s[e] == ']') {
        return host_ident_at(s, e + 1) != std::string_view::npos ? Layout::kJournalShortMonotonic
                                                                 : Layout::kDmesg;
      }
    }
    return Layout::kUnknown;
  }
  if (format_detail::scan_weekday_full(s, 0, st)) {
    if (s.substr(st.end, 4) == " [s=") return Layout::kJournalVerbose;
    size_t ie = 0;
    size_t id = host_ident_at(s, st.end, &ie);
    if (id == std::string_view::npos) return Layout::kUnknown;
    return is_unit_name(s.substr(id, ie - id)) ? Layout::kJournalWithUnit
                                               : Layout::kJournalShortFull;
  }
  if (format_detail::scan_month_day(s, 0, st)) {
    if (s[4] == ' ') return Layout::kSyslog;
    return st.precision == Precision::kSecond ? Layout::kJournalShort
                                              : Layout::kJournalShortPrecise;
  }
  if (format_detail::scan_iso(s, 0, st)) {
    if (st.end + 1 < s.size() && s[st.end] == ':' && s[st.end + 1] == ' ') return Layout::kGcLegacy;
    if (st.zone_kind == Stamp::kOffset && s[10] == 'T' &&
        host_ident_at(s, st.end) != std::string_view::npos)
      return st.precision == Precision::kSecond ? Layout::kJournalShortIso
                                                : Layout::kJournalShortIsoPrecise;
    return s[10] == 'T' ? Layout::kIso8601 : Layout::kLogback;
  }
  if (format_detail::scan_clock(s, 0, st) && s.size() > st.end && s[st.end] == ' ')
    return Layout::kTimeOnly;
  {
    int64_t ns;
    Precision pr;
    size_t n = format_detail::scan_decimal_ns(s, 0, ns, pr);
    if (n > 0 && n < s.size()) {
      if (s[n] == ':' && n + 1 < s.size() && s[n + 1] == ' ') return Layout::kGcLegacy;
      if (n >= 11 && s[10] == '.' && host_ident_at(s, n) != std::string_view::npos)
        return Layout::kJournalShortUnix;
    }
  }
  return Layout::kUnknown;
}

// Indented lines that name their layout: the ` | RD_KAFKA_LOG | …` line an
// application's librdkafka log callback prints under a ctime() line, and the
// detail block of a JDK 8 -XX:+PrintGCDetails pause (G1), which outnumbers
// the pause lines and so outvotes an application line interleaved on the same
// stdout.
Layout classify_continuation(std::string_view s) {
  size_t i = s.find_first_not_of(" \t");
  if (i == std::string_view::npos) return Layout::kUnknown;
  std::string_view t = s.substr(i);
  for (const LayoutInfo& e : layouts())
    for (std::string_view w : e.continuation_marks)
      if (t.substr(0, w.size()) == w) return e.layout;
  return Layout::kUnknown;
}

}  // namespace

Layout sniff_layout(std::string_view head) {
  // Kubernetes documents are whole documents, not log lines: decided first.
  if (Layout k = format_detail::kube_layout(head); k != Layout::kUnknown) return k;
  std::array<int, kLayoutCount> votes{};
  size_t pos = 0;
  int seen = 0;
  std::string decoded, clean;
  // Export and the JSON modes are decided by their first entry.
  while (pos < head.size() && seen < 50) {
    size_t nl = head.find('\n', pos);
    size_t end = nl == std::string_view::npos ? head.size() : nl;
    std::string_view line = head.substr(pos, end - pos);
    pos = nl == std::string_view::npos ? head.size() : nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find('\x1b') != std::string_view::npos) {
      format_detail::strip_ansi(line, clean);
      line = clean;
    }
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    ++seen;
    if (line[0] == ' ' || line[0] == '\t') {
      // Continuation lines do not vote, except the few that only one layout
      // writes: they decide a file whose header lines are rare or shared.
      Layout c = classify_continuation(line);
      if (c != Layout::kUnknown) ++votes[size_t(c)];
      continue;
    }
    // A wrapped line votes with its inner line (a wrapper's own stamp says
    // nothing about the application's layout).
    format_detail::WrappedLine w;
    bool wrapped = format_detail::unwrap_line(line, w, &decoded, 4096);
    if (wrapped) {
      line = w.inner;
      if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
      if (line[0] == ' ' || line[0] == '\t') {
        Layout c = classify_continuation(line);
        if (c != Layout::kUnknown) ++votes[size_t(c)];
        continue;
      }
    }
    Layout l = classify_line(line, wrapped ? line : head);
    if (seen == 1 && layout_info(l).first_line_decides) return l;
    if (l == Layout::kUnknown) {
      // A line of no known layout that still carries a dated stamp votes
      // for plain text read by generic stamp finding (a bare clock is too
      // weak: Bitnami's banner lines would outvote the log4j lines after
      // them).
      format_detail::Stamp st;
      format_detail::GenericHit hit;
      if (format_detail::find_generic_stamp(line, false, -1, 0, st, hit) &&
          hit.shape != format_detail::kGenTimeOnly)
        l = Layout::kPlain;
    }
    ++votes[size_t(l)];
  }
  Layout best = Layout::kPlain;
  int best_votes = 0;
  for (size_t i = 1; i < kLayoutCount; ++i)
    if (votes[i] > best_votes) best_votes = votes[i], best = Layout(i);
  // journal short and short-precise mix when sub-second parts are all zero; likewise
  // with-unit vs short-full when most lines come from the kernel.
  Layout upgrade = layout_info(best).sniff_upgrade;
  if (upgrade != Layout::kUnknown && votes[size_t(upgrade)] > 0) best = upgrade;
  return best;
}

}  // namespace logcorr
