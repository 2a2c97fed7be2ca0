// The analyze stage's entry points for the library's own callers (the
// Analyzer facade) and tests: correlation of what an EventCollector holds,
// with the short pauses it only counted, and analyze() with split tuning.
#pragma once

#include <string>
#include <vector>

#include "extract/event_collector.hpp"
#include "extract/extract_tuning.hpp"
#include "logcorr/analyze.hpp"

namespace logcorr::detail {

// correlate_events, for events whose short pauses were tallied: `extra`
// counts in the report as events (valid) or as events without usable time.
AnalysisReport correlate_events(std::vector<Event> events, std::vector<InputSummary> inputs,
                                const AnalyzeOptions& opts, ShortPauseTally::Extra extra);
// Correlates what `col` collected (and empties it).
AnalysisReport correlate_collected(EventCollector& col, const AnalyzeOptions& opts);
// analyze() with tuning (split knobs and observer, for tests).
Result<AnalysisReport> analyze(const std::vector<std::string>& inputs, const AnalyzeOptions& opts,
                               ExtractTuning tuning, DiagnosticSink& diag);

}  // namespace logcorr::detail
