// GcExtractor: records in, gc_pause / safepoint events out (see gc.hpp).
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "logcorr/gc.hpp"
#include "match/gc/gc_scan.hpp"

namespace logcorr {

namespace {

// A legacy record longer than this stops growing (its bracket depth is still
// tracked): no real GC event is this long, and a misdetected layout must not
// make us buffer a whole file.
constexpr size_t kMaxLegacyRecordBytes = 1u << 20;
// Unified pause start lines still waiting for their end line. A start whose
// end never comes would otherwise be kept (and nest every later pause) forever.
constexpr size_t kMaxOpenPauses = 64;
// Diagnostics per input for the same kind of problem.
constexpr uint32_t kMaxDiagnostics = 10;

std::string_view trim_cr(std::string_view line) {
  while (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

GcLogStyle detect_style(std::string_view line) {
  // Unified lines start with their decorations: "[0.018s]", "[2021-…]",
  // "[info]", "[gc". A JDK 5 -verbose:gc line also starts with '[' but with
  // "[GC" / "[Full GC".
  if (!line.empty() && line[0] == '[' && !gc::legacy_opens_gc(line) &&
      line.compare(0, 7, "[Pause ") != 0)
    return GcLogStyle::kUnified;
  return GcLogStyle::kLegacy;
}

}  // namespace

GcLogStyle gc_style_for(Layout layout) {
  switch (layout) {
    case Layout::kGcUnified:
      return GcLogStyle::kUnified;
    case Layout::kGcLegacy:
      return GcLogStyle::kLegacy;
    default:
      return GcLogStyle::kAuto;
  }
}

struct GcExtractor::State {
  GcExtractorOptions opts;
  GcLogStyle style = GcLogStyle::kAuto;
  GcExtractorStats stats;

  // Legacy record being assembled (METHODS.md grouping).
  bool pending = false;
  std::string rec;  // physical lines joined by '\n', CR stripped
  int depth = 0;    // '[' minus ']' so far
  uint64_t rec_line = 0;
  RecordTime rec_time;
  uint32_t rec_input_index = 0;
  int64_t rec_prev_ns = INT64_MIN;
  std::string scratch;  // awk view of rec, reused

  // Unified: GC ids whose pause start line was seen, in order.
  std::vector<uint64_t> open;

  int64_t last_timed_ns = INT64_MIN;  // for Event::input_prev_ns
  uint32_t diagnostics = 0;

  void warn(uint64_t line, std::string message) {
    if (!opts.diagnostics || diagnostics >= kMaxDiagnostics) return;
    ++diagnostics;
    Diagnostic d;
    d.severity = Severity::kWarning;
    d.path = opts.input;
    d.line = line;
    d.message = std::move(message);
    opts.diagnostics->report(d);
  }

  Event& new_event(std::vector<Event>& out, EventKind kind, const RecordTime& t, uint64_t line,
                   uint32_t input_index, int64_t prev_ns, std::string_view text,
                   std::string_view pattern) {
    Event& e = out.emplace_back();
    e.kind = kind;
    e.time_valid = t.valid();
    e.time_ns = t.valid() ? t.utc_ns : 0;
    e.precision = t.valid() ? t.precision : Precision::kNone;
    if (!t.valid() && t.unanchored && t.uptime_ns >= 0) {  // anchored later, if at all
      e.uptime_ns = t.uptime_ns;
      e.uptime_run = t.uptime_run;
    }
    e.input_index = input_index;
    e.input = opts.input;
    e.line = line;
    e.text.assign(text.substr(0, std::min(text.size(), opts.max_text_bytes)));
    e.pattern = pattern;
    e.input_prev_ns = prev_ns;
    return e;
  }

  static void add_field(Event& e, std::string_view k, std::string_view v) {
    if (!v.empty()) e.fields.emplace_back(std::string(k), std::string(v));
  }

  void emit_duration_fields(Event& e, const gc::Duration& d) {
    add_field(e, "duration", d.number);
    add_field(e, "duration_unit", d.unit);
  }

  // ---- legacy ----

  void flush_legacy(std::vector<Event>& out) {
    if (!pending) return;
    pending = false;
    if (!gc::legacy_record_is_gc(rec)) return;
    gc::legacy_strip_for_duration(rec, scratch);
    gc::Duration d;
    if (!gc::legacy_last_duration(scratch, d)) {
      ++stats.unterminated;
      warn(rec_line, "GC event without a duration (not counted as a pause)");
      return;
    }
    // Event text: the record up to the line that prints the duration.
    std::string_view text = rec;
    size_t at = rec.rfind(d.number);
    if (at != std::string::npos) {
      size_t eol = rec.find('\n', at);
      if (eol != std::string::npos) text = text.substr(0, eol);
    }
    bool shenandoah = d.unit == "ms";
    Event& e =
        new_event(out, EventKind::kGcPause, rec_time, rec_line, rec_input_index, rec_prev_ns, text,
                  shenandoah ? "jvm-gc/legacy-shenandoah-pause" : "jvm-gc/legacy-pause");
    // Legacy lines are stamped at the START of the pause.
    e.duration_ns = d.ns;
    if (e.time_valid) e.time_ns += d.ns;
    if (e.uptime_ns >= 0 && __builtin_add_overflow(e.uptime_ns, d.ns, &e.uptime_ns))
      e.uptime_ns = -1;
    gc::LegacyPauseInfo info = gc::legacy_pause_info(rec);
    add_field(e, "collection", info.collection);
    add_field(e, "pause", info.pause);
    add_field(e, "cause", info.cause);
    emit_duration_fields(e, d);
    ++stats.pauses;
  }

  // The time of a physical line inside a record whose first line has `first`.
  static RecordTime legacy_line_time(std::string_view line, const RecordTime& first) {
    gc::LegacyStamp st = gc::legacy_parse_stamp(line);
    RecordTime t;
    if (st.has_date) {
      t.utc_ns = st.date_utc_ns;
      t.precision = st.date_precision;
      t.zone = ZoneSource::kExplicit;
      t.uptime_ns = st.has_uptime ? st.uptime_ns : -1;
    } else if (st.has_uptime && first.uptime_ns >= 0 && first.precision != Precision::kNone) {
      // Same JVM, same clock: shift the first line's time by the uptime delta
      // (a corrupt uptime that would overflow leaves the line without time).
      int64_t utc;
      if (!__builtin_add_overflow(first.utc_ns, st.uptime_ns - first.uptime_ns, &utc)) {
        t = first;
        t.utc_ns = utc;
        t.uptime_ns = st.uptime_ns;
      }
    }
    return t;
  }

  void legacy_line(std::string_view line, uint64_t line_no, const RecordTime& t,
                   uint32_t input_index, std::vector<Event>& out) {
    bool starts = gc::legacy_line_starts_record(line);
    if (starts && pending && depth > 0 && gc::legacy_record_is_gc(rec)) {
      // An open GC event (CMS remark split by -XX:+CMSScavengeBeforeRemark)
      // continues unless this line opens a new one or is a stopped-time line.
      std::string_view body = gc::legacy_strip_stamps(line);
      if (!gc::legacy_opens_gc(body) &&
          line.find("Total time for which") == std::string_view::npos &&
          line.find("Application time:") == std::string_view::npos)
        starts = false;
    }
    if (starts) flush_legacy(out);
    if (!pending) {
      if (line.empty()) return;
      pending = true;
      rec.assign(line);
      depth = gc::legacy_bracket_depth(line);
      rec_line = line_no;
      rec_time = t;
      rec_input_index = input_index;
      rec_prev_ns = last_timed_ns;
      return;
    }
    depth += gc::legacy_bracket_depth(line);
    if (rec.size() + line.size() < kMaxLegacyRecordBytes) {
      rec.push_back('\n');
      rec.append(line);
    }
  }

  // ---- unified ----

  void unified_line(std::string_view line, uint64_t line_no, const RecordTime& t,
                    uint32_t input_index, std::vector<Event>& out) {
    gc::UnifiedPause p;
    if (!gc::unified_pause(line, p)) return;
    auto it = std::find(open.begin(), open.end(), p.gc_id);
    if (!p.has_duration) {
      if (it == open.end()) {
        if (open.size() >= kMaxOpenPauses) open.erase(open.begin());
        open.push_back(p.gc_id);
      }
      return;
    }
    if (p.duration.ns < 0) {
      warn(line_no, "GC pause duration out of range");
      return;
    }
    // Nested: this pause started while an earlier one was still open.
    bool nested = false;
    if (it != open.end()) {
      nested = it != open.begin();
      open.erase(it);
    }
    Event& e = new_event(out, EventKind::kGcPause, t, line_no, input_index, last_timed_ns, line,
                         "jvm-gc/unified-pause");
    e.duration_ns = p.duration.ns;  // stamped at the END: time_ns stays the stamp
    char id[24];
    int n = snprintf(id, sizeof id, "%llu", static_cast<unsigned long long>(p.gc_id));
    add_field(e, "gc_id", std::string_view(id, static_cast<size_t>(n)));
    std::string_view pause, cause;
    gc::unified_split_title(p.title, pause, cause);
    add_field(e, "pause", pause);
    add_field(e, "cause", cause);
    if (p.generation) add_field(e, "generation", p.generation == 'Y' ? "young" : "old");
    emit_duration_fields(e, p.duration);
    if (nested) {
      add_field(e, "nested", "true");
      ++stats.nested_pauses;
    }
    ++stats.pauses;
  }

  // ---- both ----

  void safepoint_line(std::string_view line, uint64_t line_no, const RecordTime& t,
                      uint32_t input_index, std::vector<Event>& out) {
    gc::Duration x, y;
    std::string_view op;
    if (gc::stopped_time(line, x, y)) {
      Event& e = new_event(out, EventKind::kSafepoint, t, line_no, input_index, last_timed_ns, line,
                           "jvm-gc/stopped-time");
      e.duration_ns = x.ns;  // X as printed; Stopping threads is inside it
      emit_duration_fields(e, x);
      add_field(e, "stopping_threads", y.number);
      ++stats.safepoints;
    } else if (gc::safepoint_total(line, x, op)) {
      Event& e = new_event(out, EventKind::kSafepoint, t, line_no, input_index, last_timed_ns, line,
                           "jvm-gc/safepoint");
      e.duration_ns = x.ns;
      add_field(e, "operation", op);
      emit_duration_fields(e, x);
      ++stats.safepoints;
    }
  }
};

GcExtractor::GcExtractor(GcExtractorOptions opts) : s_(new State) {
  s_->opts = std::move(opts);
  s_->style = s_->opts.style;
}

GcExtractor::~GcExtractor() {
  delete s_;
}

GcExtractor::GcExtractor(GcExtractor&& o) noexcept : s_(o.s_) {
  o.s_ = nullptr;
}

GcExtractor& GcExtractor::operator=(GcExtractor&& o) noexcept {
  if (this != &o) {
    delete s_;
    s_ = o.s_;
    o.s_ = nullptr;
  }
  return *this;
}

void GcExtractor::feed(const Record& record, std::vector<Event>& out) {
  State& s = *s_;
  std::string_view text = record.raw.text;
  uint64_t line_no = record.raw.line;
  bool first = true;
  while (true) {
    size_t nl = text.find('\n');
    std::string_view line = trim_cr(text.substr(0, nl));
    if (s.style == GcLogStyle::kAuto && !line.empty()) s.style = detect_style(line);
    RecordTime t = record.time;
    if (!first && s.style == GcLogStyle::kLegacy) t = State::legacy_line_time(line, record.time);
    if (s.style == GcLogStyle::kLegacy) {
      s.legacy_line(line, line_no, t, record.input_index, out);
    } else if (s.style == GcLogStyle::kUnified) {
      s.unified_line(line, line_no, t, record.input_index, out);
    }
    s.safepoint_line(line, line_no, t, record.input_index, out);
    if (t.valid()) s.last_timed_ns = t.utc_ns;
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
    ++line_no;
    first = false;
  }
}

void GcExtractor::finish(std::vector<Event>& out) {
  s_->flush_legacy(out);
}

GcLogStyle GcExtractor::style() const {
  return s_->style;
}

const GcExtractorStats& GcExtractor::stats() const {
  return s_->stats;
}

}  // namespace logcorr
