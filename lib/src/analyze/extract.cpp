// extract_events: read every input and turn records into events.
//
// Per input: InputReader yields records; the pattern matcher and, for GC
// logs, the GC extractor yield events; each event gets its time, its
// provenance, the host it is about, and how long its input had been silent
// before it (idle-close and unclean-boot evidence). NDJSON produced by
// `logcorr events` is recognised by content and read back instead.
#include <fmt/format.h>

#include <climits>
#include <cstring>
#include <deque>

#include "input_profile.hpp"
#include "logcorr/analyze.hpp"
#include "logcorr/gc.hpp"
#include "record_matcher.hpp"

namespace logcorr {

namespace {

bool is_events_ndjson(const std::string& path) {
  if (path == "-") return false;  // cannot peek at stdin without consuming it
  SourceError err;
  auto src = open_source(path, &err);
  if (!src) return false;
  char buf[32];
  size_t n = 0;
  while (n < sizeof buf) {
    size_t k = src->read(buf + n, sizeof buf - n);
    if (k == 0) break;
    n += k;
  }
  static const char kPrefix[] = "{\"v\":";
  return n >= sizeof kPrefix - 1 && std::memcmp(buf, kPrefix, sizeof kPrefix - 1) == 0;
}

bool in_window(const Event& e, const AnalyzeOptions& o) {
  if (o.since_ns == INT64_MIN && o.until_ns == INT64_MAX) return true;
  if (!e.time_valid) return false;
  if (is_symptom(e.kind)) return e.time_ns >= o.since_ns && e.time_ns < o.until_ns;
  // Causes may sit in the margins around the window.
  int64_t lo = o.since_ns == INT64_MIN ? INT64_MIN : o.since_ns - o.correlate.lookback_ns;
  int64_t hi = o.until_ns == INT64_MAX ? INT64_MAX : o.until_ns + o.correlate.lookahead_ns;
  return e.time_ns >= lo && e.time_ns < hi;
}

// Reads `logcorr events` output back.
void read_events_input(InputReader& reader, const AnalyzeOptions& opts, EventSink& sink,
                       DiagnosticSink& diag) {
  EventsParser parser;
  Event ev;
  InputSummary in;
  std::string err;
  uint64_t bad = 0;
  while (const Record* rec = reader.next()) {
    switch (parser.parse(rec->raw.text, ev, in, &err)) {
      case EventsParser::LineType::kEvent:
        if (in_window(ev, opts)) sink.on_event(ev);
        break;
      case EventsParser::LineType::kInput:
        sink.on_input(in);
        break;
      case EventsParser::LineType::kSkip:
        break;
      case EventsParser::LineType::kError:
        if (++bad <= 5) {
          Diagnostic d;
          d.severity = Severity::kError;
          d.path = reader.input().files.empty() ? reader.input().label
                                                : reader.input().files.front().path;
          d.line = rec->raw.line;
          d.message = "not a logcorr events line: " + err;
          diag.report(d);
        }
        break;
    }
  }
  if (bad > 5) {
    Diagnostic d;
    d.severity = Severity::kError;
    d.path = reader.input().label;
    d.message = fmt::format("{} more bad lines not shown", bad - 5);
    diag.report(d);
  }
}

void read_log_input(InputReader& reader, detail::RecordMatcher* matcher, const AnalyzeOptions& opts,
                    EventSink& sink, DiagnosticSink& diag) {
  const LogicalInput& li = reader.input();
  detail::InputProfile profile(li, Layout::kUnknown);
  std::vector<Event> events;
  std::unique_ptr<GcExtractor> gc;
  Layout layout = Layout::kUnknown;
  int64_t prev_ns = INT64_MIN;
  uint64_t count = 0;
  // The quiet periods that ended in the last kRecentNs: (end, start) of each
  // gap between consecutive records. An idle client's error comes right after
  // an application line that triggers the send ("publishing 1 record"), and
  // an unclean boot's recovery line comes after a few seconds of startup
  // lines: the silence that matters is the longest gap that ended shortly
  // before the event, not the gap to the record just before it.
  constexpr int64_t kRecentNs = 15'000'000'000;
  std::deque<std::pair<int64_t, int64_t>> gaps;

  auto emit = [&](Event& e) {
    e.input = li.label;
    e.input_index = 0;
    profile.observe_event(e);
    // Host the event is about: the pattern's, else (for broker-side inputs)
    // the host this input speaks for.
    if (e.host.empty() && profile.broker_side()) e.host = profile.default_host();
    if (in_window(e, opts)) {
      sink.on_event(e);
      ++count;
    }
  };

  while (const Record* rec = reader.next()) {
    if (layout == Layout::kUnknown) {
      layout = reader.stats().layout;
      profile.set_layout(layout);
      if (layout == Layout::kGcUnified || layout == Layout::kGcLegacy) {
        GcExtractorOptions go;
        go.style = gc_style_for(layout);
        go.input = li.label;
        go.diagnostics = &diag;
        gc = std::make_unique<GcExtractor>(go);
      }
    }
    if (!rec->meta.host.empty()) profile.observe_host(rec->meta.host);
    events.clear();
    if (matcher) matcher->match(*rec, layout, events);
    if (gc) gc->feed(*rec, events);
    for (Event& e : events) {
      // The GC extractor stamps its own events (a legacy pause is complete
      // only one record later); pattern events take the record's time.
      if (!e.time_valid && e.line == 0) {
        e.time_ns = rec->time.utc_ns;
        e.precision = rec->time.precision;
        e.time_valid = rec->time.valid();
      }
      if (e.line == 0) {
        e.line = rec->raw.line;
        if (e.text.empty()) e.text.assign(rec->raw.text.substr(0, 4096));
      }
      e.input_prev_ns = INT64_MIN;
      int64_t best = -1;
      int64_t now = e.time_valid ? e.time_ns : rec->time.utc_ns;
      for (const auto& [end, start] : gaps)
        if (end >= now - kRecentNs && end <= now && end - start > best) {
          best = end - start;
          e.input_prev_ns = start;
        }
      if (prev_ns != INT64_MIN && rec->time.valid() && rec->time.utc_ns - prev_ns > best)
        e.input_prev_ns = prev_ns;
      emit(e);
    }
    if (rec->time.valid()) {
      int64_t t = rec->time.utc_ns;
      if (prev_ns != INT64_MIN && t > prev_ns) gaps.emplace_back(t, prev_ns);
      while (!gaps.empty() && gaps.front().first < t - kRecentNs) gaps.pop_front();
      if (gaps.size() > 4096) gaps.pop_front();
      prev_ns = t;
    }
  }
  if (gc) {
    events.clear();
    gc->finish(events);
    for (Event& e : events) emit(e);
  }
  InputSummary s = profile.summary(reader.stats());
  s.events = count;
  sink.on_input(s);
}

}  // namespace

bool extract_events(const std::vector<std::string>& inputs, const AnalyzeOptions& opts,
                    EventSink& sink, DiagnosticSink& diag) {
  auto matcher = detail::RecordMatcher::create(opts, diag);
  if (!matcher && !opts.pattern_dirs.empty()) return false;
  auto readers = open_inputs(inputs, opts.open, diag);
  uint32_t index = 0;
  for (auto& r : readers) {
    const auto& files = r->input().files;
    if (!files.empty() && is_events_ndjson(files.front().path)) {
      // One event per line, whatever the sniffer would have guessed.
      ReaderOptions ro = opts.open.reader;
      ro.layout = Layout::kPlain;
      InputReader plain(r->input(), index, ro, diag);
      read_events_input(plain, opts, sink, diag);
    } else {
      read_log_input(*r, matcher.get(), opts, sink, diag);
    }
    ++index;
  }
  return true;
}

}  // namespace logcorr
