// Analyzer: paths through batch extraction, named streams and framed records
// through the same per-source machinery as live mode (LiveSource), events
// from elsewhere as they are; then one correlation over all of them.
#include "logcorr/analyzer.hpp"
#include "logcorr/follow.hpp"
#include "logcorr/uptime_anchor.hpp"
#include "logcorr/zone_infer.hpp"

#include <algorithm>
#include <map>

#include "analyze/analyze_internal.hpp"
#include "extract/event_collector.hpp"
#include "extract/live_source.hpp"
#include "extract/record_matcher.hpp"

namespace logcorr {

namespace {

// Forwards to the caller's sink, or keeps the diagnostics; either way notes
// whether a stream's packs failed to load.
class DiagTee final : public DiagnosticSink {
 public:
  void report(const Diagnostic& d) override {
    if (user)
      user->report(d);
    else
      kept.push_back(d);
  }
  DiagnosticSink* user = nullptr;
  std::vector<Diagnostic> kept;
};

}  // namespace

struct Analyzer::State {
  AnalyzeOptions opts;
  ExtractOptions extract;  // opts as the streams' extraction takes them
  // A stream's layout is sniffed from its first lines, as `follow` does.
  uint32_t sniff_lines = LiveOptions().sniff_lines;
  DiagTee diag;
  bool keep = false;
  std::vector<std::string> paths;
  detail::EventCollector streamed;  // events of the streams, and events added as such
  // The streams' shared matcher, made on first use (one thread at a time).
  std::unique_ptr<detail::RecordMatcher> matcher;
  bool matcher_tried = false;
  bool matcher_failed = false;
  // Streams by name, in the order they were first seen.
  std::vector<std::unique_ptr<detail::LiveSource>> streams;
  std::map<std::string, size_t, std::less<>> by_name;

  detail::LiveSource& stream(std::string_view name) {
    auto it = by_name.find(name);
    if (it != by_name.end()) return *streams[it->second];
    if (!matcher_tried) {
      matcher_tried = true;
      matcher = detail::RecordMatcher::create(opts, diag);
      matcher_failed = !matcher && opts.wants_patterns();
    }
    streams.push_back(std::make_unique<detail::LiveSource>(std::string(name), name, matcher.get(),
                                                           extract, sniff_lines, diag, streamed));
    by_name.emplace(std::string(name), streams.size() - 1);
    return *streams.back();
  }
};

Analyzer::Analyzer(AnalyzeOptions opts, DiagnosticSink* diag) : s_(std::make_unique<State>()) {
  s_->opts = std::move(opts);
  s_->extract = s_->opts.extraction();
  s_->diag.user = diag;
}

Analyzer::~Analyzer() = default;
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;

void Analyzer::keep_events(bool keep) {
  s_->keep = keep;
}

void Analyzer::add_path(std::string path) {
  s_->paths.push_back(std::move(path));
}

void Analyzer::add_bytes(std::string_view name, std::string_view bytes) {
  s_->stream(name).feed(bytes, 0);
}

void Analyzer::add_record(std::string_view name, std::string_view text) {
  s_->stream(name).feed_record(text, 0);
}

void Analyzer::add_events(std::vector<Event> events, std::vector<InputSummary> inputs) {
  auto& c = s_->streamed;
  if (c.events.empty())
    c.events = std::move(events);
  else
    c.events.insert(c.events.end(), std::make_move_iterator(events.begin()),
                    std::make_move_iterator(events.end()));
  c.inputs.insert(c.inputs.end(), std::make_move_iterator(inputs.begin()),
                  std::make_move_iterator(inputs.end()));
}

AnalyzerResult Analyzer::run() {
  State& s = *s_;
  AnalyzerResult res;
  if (s.matcher_failed)
    res.status = Status(ErrorCode::kPatternError, "the pattern packs could not be loaded");
  // Streams end first, so their events are all in before correlation.
  for (auto& st : s.streams) {
    st->end();
    s.streamed.inputs.push_back(st->summary());
  }
  detail::EventCollector all(/*slim=*/!s.keep);  // the correlator only counts short pauses
  if (res.ok() && !s.paths.empty()) {
    detail::ExtractTuning tuning;
    tuning.slim_short_pauses = all.slim;
    res.status = detail::extract_events(s.paths, s.extract, tuning, all, s.diag);
  }
  if (res.ok()) {
    all.events.insert(all.events.end(), std::make_move_iterator(s.streamed.events.begin()),
                      std::make_move_iterator(s.streamed.events.end()));
    all.inputs.insert(all.inputs.end(), std::make_move_iterator(s.streamed.inputs.begin()),
                      std::make_move_iterator(s.streamed.inputs.end()));
    // Zones before the events are kept: they must be the correlated ones.
    infer_zones(all.events, all.inputs, s.extract.window);
    if (s.keep) {
      // The events as `logcorr events` writes them: entities resolved, in
      // time order (stable: per input, record order breaks ties).
      std::vector<Event> ev = all.events;
      std::vector<InputSummary> in = all.inputs;
      EntityMap map;
      resolve_entities(ev, in, s.opts, map);
      anchor_uptimes(ev, in, s.extract.window);
      std::stable_sort(ev.begin(), ev.end(),
                       [](const Event& a, const Event& b) { return a.time_ns < b.time_ns; });
      res.events = std::move(ev);
    }
    res.report = detail::correlate_collected(all, s.opts);
  }
  // Ready for the next run: same options, no inputs.
  auto next = std::make_unique<State>();
  next->opts = std::move(s.opts);
  next->extract = std::move(s.extract);
  next->diag.user = s.diag.user;
  next->diag.kept = std::move(s.diag.kept);
  next->keep = s.keep;
  s_ = std::move(next);
  return res;
}

const std::vector<Diagnostic>& Analyzer::diagnostics() const {
  return s_->diag.kept;
}

}  // namespace logcorr
