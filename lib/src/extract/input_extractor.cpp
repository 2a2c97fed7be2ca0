#include "extract/input_extractor.hpp"

#include <climits>

namespace logcorr::detail {

std::string application_name(std::string_view path) {
  size_t slash = path.find_last_of('/');
  std::string_view dir =
      slash == std::string_view::npos ? std::string_view() : path.substr(0, slash);
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  // Compression, then rotation (.1, .2026-06-29, .20260818-090211), then the
  // usual log extensions, as often as they stack (app.log.1.gz).
  for (bool again = true; again && !name.empty();) {
    again = false;
    size_t dot = name.find_last_of('.');
    if (dot == std::string_view::npos || dot == 0) break;
    std::string_view ext = name.substr(dot + 1);
    bool digits = !ext.empty() && ext.find_first_not_of("0123456789-_") == std::string_view::npos;
    if (digits || ext == "gz" || ext == "zst" || ext == "xz" || ext == "bz2" || ext == "log" ||
        ext == "txt" || ext == "out" || ext == "json" || ext == "ndjson") {
      name = name.substr(0, dot);
      again = true;
    }
  }
  // Kubelet files are "0.log" under the container's directory.
  if ((name.empty() || name.find_first_not_of("0123456789") == std::string_view::npos) &&
      !dir.empty()) {
    size_t s2 = dir.find_last_of('/');
    name = s2 == std::string_view::npos ? dir : dir.substr(s2 + 1);
  }
  return std::string(name);
}

InputExtractor::InputExtractor(const LogicalInput& li, RecordMatcher* matcher,
                               const ExtractOptions& opts, DiagnosticSink& diag)
    : li_(li),
      matcher_(matcher),
      opts_(opts),
      diag_(diag),
      profile_(li, Layout::kUnknown),
      application_(application_name(li.base_path.empty() ? li.label : li.base_path)) {}

void InputExtractor::set_layout(Layout layout) {
  layout_ = layout;
  profile_.set_layout(layout);
  if (layout == Layout::kGcUnified || layout == Layout::kGcLegacy) {
    GcExtractorOptions go;
    go.style = gc_style_for(layout);
    go.input = li_.label;
    go.diagnostics = &diag_;
    gc_ = std::make_unique<GcExtractor>(go);
  }
}

void InputExtractor::emit(Event& e, EventSink& sink) {
  e.input = li_.label;
  e.input_index = 0;
  profile_.observe_event(e);
  // Host the event is about: the pattern's, else (for broker-side inputs)
  // the host this input speaks for.
  if (e.host.empty() && profile_.broker_side()) e.host = profile_.default_host();
  if (opts_.window.contains(e)) {
    sink.on_event(e);
    ++count_;
  }
}

void InputExtractor::on_record(const Record& rec, EventSink& sink) {
  if (!rec.meta.host.empty()) profile_.observe_host(rec.meta.host);
  extract(rec);
  for (Event& e : events_) emit(e, sink);
}

void InputExtractor::on_record_deferred(const Record& rec, DeferredSink& sink) {
  if (!rec.meta.host.empty()) sink.on_host(rec.meta.host);
  extract(rec);
  for (const Event& e : events_) sink.on_event(e);
}

void InputExtractor::extract(const Record& rec) {
  // An idle client's error comes right after an application line that
  // triggers the send ("publishing 1 record"), and an unclean boot's recovery
  // line comes after a few seconds of startup lines: the silence that matters
  // is the longest gap that ended shortly before the event, not the gap to
  // the record just before it.
  events_.clear();
  if (matcher_) {
    // A container's own name (kubectl --prefix pod, compose service) beats
    // the file's, which is often just 0.log.
    matcher_->match(rec, layout_, events_,
                    rec.meta.host.empty() || profile_.broker_side() ? std::string_view(application_)
                                                                    : rec.meta.host);
  }
  if (gc_) gc_->feed(rec, events_);
  for (Event& e : events_) {
    // The GC extractor stamps its own events (a legacy pause is complete
    // only one record later); pattern events take the record's time.
    if (!e.time_valid && e.line == 0) {
      e.time_ns = rec.time.utc_ns;
      e.precision = rec.time.precision;
      e.time_valid = rec.time.valid();
      if (!e.time_valid && rec.time.unanchored && rec.time.uptime_ns >= 0) {
        e.uptime_ns = rec.time.uptime_ns;
        e.uptime_run = rec.time.uptime_run;
      }
    }
    if (e.line == 0) {
      e.line = rec.raw.line;
      if (e.text.empty()) e.text.assign(rec.raw.text.substr(0, 4096));
    }
    e.input_prev_ns = INT64_MIN;
    int64_t best = -1;
    int64_t now = e.time_valid ? e.time_ns : rec.time.utc_ns;
    for (const auto& [end, start] : gaps_)
      if (end >= now - kRecentNs && end <= now && end - start > best) {
        best = end - start;
        e.input_prev_ns = start;
      }
    if (prev_ns_ != INT64_MIN && rec.time.valid() && rec.time.utc_ns - prev_ns_ > best)
      e.input_prev_ns = prev_ns_;
  }
  note_time(rec);
}

void InputExtractor::note_time(const Record& rec) {
  if (!rec.time.valid()) return;
  int64_t t = rec.time.utc_ns;
  if (prev_ns_ != INT64_MIN && t > prev_ns_) gaps_.emplace_back(t, prev_ns_);
  while (!gaps_.empty() && gaps_.front().first < t - kRecentNs) gaps_.pop_front();
  if (gaps_.size() > 4096) gaps_.pop_front();
  prev_ns_ = t;
}

void InputExtractor::finish(EventSink& sink) {
  if (!gc_) return;
  events_.clear();
  gc_->finish(events_);
  for (Event& e : events_) emit(e, sink);
}

InputSummary InputExtractor::summary(const InputStats& stats) const {
  InputSummary s = profile_.summary(stats);
  s.events = count_;
  return s;
}

}  // namespace logcorr::detail
