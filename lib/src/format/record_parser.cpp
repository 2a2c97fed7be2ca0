// RecordParser: dispatch per stamp family (from the layout table), and the zone / year / DST
// resolution that every family shares.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstring>

#include "parser_state.hpp"

namespace logcorr {

RecordParser::State::State(Layout l, ParseOptions o, DiagnosticSink* s)
    : layout(l), stamp(layout_info(l).stamp), opts(std::move(o)), sink(s) {
  zone = opts.zone ? opts.zone : Zone::utc();
  zone_source = opts.zone_from_user ? ZoneSource::kUser : ZoneSource::kAssumed;
  if (opts.jvm_start_ns) jvm_start_ns = opts.jvm_start_ns;
  date_order = opts.date_order;
  if (opts.stamp_offset_s) {
    gc_offset_known = true;
    gc_offset_s = *opts.stamp_offset_s;
  }
}

void RecordParser::State::diag(Severity sev, std::string_view msg) {
  // A broken input would otherwise report once per record.
  constexpr int kMaxDiagnostics = 5;
  if (!sink || diag_count > kMaxDiagnostics) return;
  Diagnostic d;
  d.severity = sev;
  d.path = opts.path;
  d.line = cur_line;
  if (++diag_count > kMaxDiagnostics)
    d.message = "further format diagnostics for this input suppressed";
  else
    d.message = std::string(msg);
  sink->report(d);
}

int64_t RecordParser::State::local_to_utc(int64_t local_s) {
  LocalToUtc r = zone->to_utc(local_s);
  switch (r.kind) {
    case LocalToUtc::kUnique:
      return r.earlier;
    case LocalToUtc::kGap:
      if (!warned_gap) {
        warned_gap = true;
        diag(Severity::kWarning, "local time in a DST gap of " + zone->name() +
                                     "; read with the offset before the change");
      }
      return r.earlier;
    case LocalToUtc::kAmbiguous: {
      // Keep the input in order: the earlier candidate unless it would step
      // back further than the later one.
      // Keep the input in order: the earlier candidate unless it steps back,
      // in which case the later one steps back less (or not at all).
      if (prev_utc_ns == INT64_MIN) return r.earlier;
      return r.earlier * kNanosPerSecond >= prev_utc_ns - kNanosPerSecond ? r.earlier : r.later;
    }
  }
  return r.earlier;
}

namespace {
int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}
}  // namespace

namespace {
// Year, month, day, hour and minute of a stamp as one number; distinct for
// distinct fields, even unchecked ones, as every field is read from at most
// two digits.
int64_t minute_key(const format_detail::Stamp& st) {
  return (((st.year * 100 + st.month) * 100 + st.day) * 100 + st.hour) * 100 + st.minute;
}
}  // namespace

bool RecordParser::State::resolve(const format_detail::Stamp& st, RecordTime& out) {
  if (st.zone_kind == format_detail::Stamp::kBadOffset) {
    diag(Severity::kWarning, "UTC offset out of range; record left without time");
    return false;
  }
  MinuteCache& mc = minute_cache;
  if (mc.valid && minute_key(st) == mc.minute_key && st.second <= 60 &&
      st.zone_kind == mc.zone_kind &&
      (st.zone_kind != format_detail::Stamp::kOffset || st.offset_s == mc.offset_s)) {
    out.utc_ns = (mc.utc_minute + st.second) * kNanosPerSecond + st.frac_ns;
    out.precision = st.precision;
    out.zone = mc.zs;
    out.year_inferred = false;
    out.unanchored = false;
    return true;
  }
  int64_t year = st.year;
  bool inferred = false;
  if (year == 0) {
    inferred = true;
    if (cur_year == 0) {
      if (opts.year) {
        cur_year = *opts.year;
      } else {
        int64_t ref = opts.reference_ns != INT64_MIN ? opts.reference_ns : now_ns();
        int64_t ref_s = ref / kNanosPerSecond;
        int64_t y = civil_from_days(ref_s / 86400).year;
        auto cand = civil_to_seconds(y, st.month, st.day, st.hour, st.minute, st.second);
        // The stamp is local; a day of slack covers any zone offset.
        if (cand && *cand > ref_s + 86400) --y;
        cur_year = y;
      }
    }
    auto local = civil_to_seconds(cur_year, st.month, st.day, st.hour, st.minute, st.second);
    if (local && last_yearless_local != INT64_MIN && *local < last_yearless_local - 7 * 86400) {
      // A jump back by weeks (Dec 31 -> Jan 1) is a new year; seconds are disorder.
      ++cur_year;
    }
    year = cur_year;
  }
  auto secs = civil_to_seconds(year, st.month, st.day, st.hour, st.minute, st.second);
  if (!secs) {
    diag(Severity::kWarning, "time stamp out of range; record left without time");
    return false;
  }
  if (inferred) last_yearless_local = *secs;
  int64_t utc;
  ZoneSource zs;
  if (st.zone_kind == format_detail::Stamp::kOffset) {
    utc = *secs - st.offset_s;
    zs = ZoneSource::kExplicit;
  } else if (st.zone_kind == format_detail::Stamp::kAbbrev) {
    auto off = zone->offset_for_abbreviation(st.abbrev, *secs);
    if (off) {
      utc = *secs - *off;
      zs = ZoneSource::kAbbrev;
    } else {
      utc = local_to_utc(*secs);
      zs = zone_source;
    }
  } else {
    utc = local_to_utc(*secs);
    zs = zone_source;
  }
  out.utc_ns = utc * kNanosPerSecond + st.frac_ns;
  out.precision = st.precision;
  out.zone = zs;
  out.year_inferred = inferred;
  out.unanchored = false;
  if (!inferred && st.zone_kind != format_detail::Stamp::kAbbrev) {
    // Cacheable when all 60 seconds of this minute read alike.
    const int64_t local_minute = *secs - st.second;
    bool uniform = st.zone_kind == format_detail::Stamp::kOffset;
    if (!uniform) {
      const LocalToUtc a = zone->to_utc(local_minute), b = zone->to_utc(local_minute + 60);
      uniform = a.kind == LocalToUtc::kUnique && b.kind == LocalToUtc::kUnique &&
                a.earlier - local_minute == b.earlier - (local_minute + 60);
    }
    mc.valid = uniform;
    if (uniform) {
      mc.minute_key = minute_key(st);
      mc.zone_kind = st.zone_kind;
      mc.offset_s = st.offset_s;
      mc.utc_minute = utc - st.second;
      mc.zs = zs;
    }
  }
  return true;
}

void RecordParser::State::set_uptime(int64_t uptime_ns, Precision p, std::optional<int64_t> start,
                                     RecordTime& out) {
  out.uptime_ns = uptime_ns;
  out.precision = p;
  int64_t utc;
  if (start && !__builtin_add_overflow(*start, uptime_ns, &utc)) {
    out.utc_ns = utc;
    out.zone = ZoneSource::kExplicit;
    out.unanchored = false;
  } else {
    if (start) diag(Severity::kWarning, "uptime out of range; record left without time");
    out.utc_ns = 0;
    out.zone = ZoneSource::kNone;
    out.unanchored = true;
  }
}

void RecordParser::State::finish_time(RecordTime& t) {
  if (t.valid()) prev_utc_ns = t.utc_ns;
}

RecordParser::RecordParser(Layout layout, ParseOptions opts, DiagnosticSink* sink)
    : s_(std::make_unique<State>(layout, std::move(opts), sink)) {}
RecordParser::~RecordParser() = default;
RecordParser::RecordParser(RecordParser&&) noexcept = default;
RecordParser& RecordParser::operator=(RecordParser&&) noexcept = default;

Layout RecordParser::layout() const {
  return s_->layout;
}
ZoneSource RecordParser::zone_source() const {
  return s_->zone_source;
}

void RecordParser::State::dispatch(const RawRecord& raw, Record& out) {
  std::string_view text = raw.text;
  switch (stamp) {
    case StampFamily::kJournalShort:
      parse_journal_short(raw, out);
      break;
    case StampFamily::kJournalJson:
      parse_journal_json(text, out);
      break;
    case StampFamily::kJournalJsonSeq:
      while (!text.empty() && (text[0] == '\x1e')) text.remove_prefix(1);
      parse_journal_json(text, out);
      break;
    case StampFamily::kJournalJsonSse:
      if (text.substr(0, 6) == "data: ")
        text.remove_prefix(6);
      else if (text.substr(0, 5) == "data:")
        text.remove_prefix(5);
      parse_journal_json(text, out);
      break;
    case StampFamily::kJournalExport:
      parse_journal_export(text, out);
      break;
    case StampFamily::kJournalVerbose:
      parse_journal_verbose(text, out);
      break;
    case StampFamily::kNone:
      break;
    case StampFamily::kLibrdkafka:
      parse_librdkafka(raw, out);
      break;
    case StampFamily::kDmesg:
      parse_dmesg(raw, out);
      break;
    case StampFamily::kGcUnified:
      parse_gc_unified(raw, out);
      break;
    case StampFamily::kGcLegacy:
      parse_gc_legacy(raw, out);
      break;
    case StampFamily::kJava:
      parse_java(raw, out);
      break;
    case StampFamily::kGeneric:
      parse_generic(raw, out);
      break;
    case StampFamily::kLogfmt:
      parse_logfmt(raw, out);
      break;
    case StampFamily::kSyslog5424:
      parse_syslog5424(raw, out);
      break;
  }
}

// A wrapped record: every physical line loses its wrapper (a partial line is
// joined to the next without a newline), the inner text is parsed by the
// layout's own parser, and the wrapper's stamp and names fill what the inner
// line does not say. The runtime's stamp is exact UTC, so it also wins over
// an inner stamp read in a zone nobody chose or with a guessed year or date.
// Costs one copy of the record into `unwrapped` (reused).
void RecordParser::State::parse_wrapped(const RawRecord& raw, Record& out) {
  format_detail::WrappedLine first;
  const std::string_view text = raw.text;
  RawRecord inner = raw;
  if (text.find('\n') == std::string_view::npos) {
    // One line (most records): the inner text is a view into the record, or
    // into `decoded` for Docker json-file; no copy.
    std::string_view line = text;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (format_detail::unwrap_line(line, first, &decoded)) inner.text = first.inner;
  } else {
    unwrapped.clear();
    bool have_first = false;
    size_t pos = 0;
    for (;;) {
      size_t nl = text.find('\n', pos);
      size_t end = nl == std::string_view::npos ? text.size() : nl;
      std::string_view line = text.substr(pos, end - pos);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      format_detail::WrappedLine w;
      bool ok = format_detail::unwrap_line(line, w, &decoded);
      if (!have_first) {
        have_first = true;
        if (ok) first = w;
      }
      unwrapped.append(ok ? w.inner : line);
      if (!(ok && w.partial)) unwrapped += '\n';
      if (nl == std::string_view::npos) break;
      pos = nl + 1;
    }
    if (!unwrapped.empty() && unwrapped.back() == '\n') unwrapped.pop_back();
    inner.text = unwrapped;
    // The first line's views into `decoded` are gone (a Docker json-file
    // record's later lines reused it); its stamp and names point into raw.
    first.inner = {};
  }
  dispatch(inner, out);
  out.raw = raw;
  if (!first.name.empty() && out.meta.host.empty()) out.meta.host = first.name;
  if (!first.container.empty()) out.meta.container = first.container;
  if (first.stamp.empty()) return;
  const RecordTime& t = out.time;
  bool inner_exact = t.valid() && !t.year_inferred && t.zone != ZoneSource::kAssumed;
  if (inner_exact) return;
  format_detail::Stamp st;
  RecordTime wt;
  if (format_detail::scan_iso(first.stamp, 0, st) &&
      st.zone_kind == format_detail::Stamp::kOffset && resolve(st, wt))
    out.time = wt;
}

void RecordParser::parse(const RawRecord& raw, Record& out) {
  State& s = *s_;
  out.raw = raw;
  out.message = raw.text;
  out.time = RecordTime{};
  out.meta = RecordMeta{};
  s.cur_line = raw.line;
  // Colour escapes go before anything reads the record; the record's text is
  // then the clean copy. Only inputs whose head had an escape are scanned
  // (and any record that starts with one): a scan of every record was +3%
  // instructions for `events -j1` on plain logs.
  const RawRecord* in = &raw;
  if ((s.opts.coloured || (!raw.text.empty() && raw.text[0] == '\x1b')) &&
      std::memchr(raw.text.data(), '\x1b', raw.text.size()) != nullptr) {
    format_detail::strip_ansi(raw.text, s.ansi);
    s.clean = raw;
    s.clean.text = s.ansi;
    in = &s.clean;
    out.raw = s.clean;
    out.message = s.clean.text;
  }
  if (s.opts.wrapper != Wrapper::kNone)
    s.parse_wrapped(*in, out);
  else
    s.dispatch(*in, out);
  s.finish_time(out.time);
}

}  // namespace logcorr
