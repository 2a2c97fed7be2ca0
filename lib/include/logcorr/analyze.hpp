// Analyze: the whole pipeline in one call — inputs in, findings out.
//
//   inputs ─► extract_events (extract.hpp) ─► entity resolution over the run
//          ─► Correlator ─► AnalysisReport (report.hpp renders it)
//
// Inputs may also be the NDJSON of `logcorr events` (detected by content), so
// extraction can run elsewhere, per shard, and be merged here with the same
// result as analysing the logs directly.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "logcorr/correlate.hpp"
#include "logcorr/diagnostics.hpp"
#include "logcorr/entity.hpp"
#include "logcorr/event.hpp"
#include "logcorr/extract.hpp"
#include "logcorr/report.hpp"

namespace logcorr {

// Everything extraction needs (ExtractOptions: inputs, packs, zone, window,
// threads) plus the correlator's thresholds and the user's broker mapping.
// `window.since_ns` / `window.until_ns` select the symptoms analysed; the
// margins in which causes are still taken come from `correlate`.
struct AnalyzeOptions : ExtractOptions {
  CorrelateOptions correlate;
  // --broker HOST=ID
  std::vector<std::pair<std::string, int32_t>> broker_map;
  // These options as extraction takes them: the window's cause margins set
  // to the correlator's look-back and look-ahead. Cost: a copy.
  ExtractOptions extraction() const;
};

// The main job: extraction plus correlation. Fails (kPatternError) when
// the packs could not be loaded; problems with inputs go to `diag`.
Result<AnalysisReport> analyze(const std::vector<std::string>& inputs, const AnalyzeOptions& opts,
                               DiagnosticSink& diag);

// Entity resolution over a whole run: learns host <-> broker pairings from
// every event and input (and opts.broker_map, which wins), then fills in each
// event's missing broker (from its host) and host (from its broker), and each
// input's broker. Returns notes about guesses (a broker id taken from a host
// name such as `broker-3`).
std::vector<std::string> resolve_entities(std::vector<Event>& events,
                                          std::vector<InputSummary>& inputs,
                                          const AnalyzeOptions& opts, EntityMap& map);

// The events of a run as `logcorr events` writes them: extracted (in input
// order), then entities resolved over the whole run (a journal line about
// `broker-2` gets the id another input said); `notes` says which ids were
// guessed. Fails as extract_events does. Cost: every event is held until the
// end (events are few, about one per 10,000 lines).
struct ResolvedEvents {
  std::vector<Event> events;
  std::vector<InputSummary> inputs;
  std::vector<std::string> notes;
};
Result<ResolvedEvents> extract_resolved_events(const std::vector<std::string>& inputs,
                                               const AnalyzeOptions& opts, DiagnosticSink& diag);

// Correlates already extracted events (from any source).
AnalysisReport correlate_events(std::vector<Event> events, std::vector<InputSummary> inputs,
                                const AnalyzeOptions& opts);

}  // namespace logcorr
