// Short GC pauses and safepoints, tallied instead of kept.
//
// A day of GC logs holds hundreds of thousands of pauses under half a second
// (kMinCausalPauseNs). They cannot explain a disconnect, and the correlator
// only counts them, so a sink that feeds the correlator does not keep them:
// per input, host, broker and time validity it keeps one slim copy (its
// host/broker pairing is what entity resolution learns from it) and a count.
// Memory then stays flat however many GC logs come in; `logcorr events` and
// Analyzer::keep_events() still see every pause whole.
#pragma once

#include <cstdint>
#include <vector>

#include "logcorr/analyze.hpp"
#include "logcorr/event.hpp"

namespace logcorr::detail {

class ShortPauseTally {
 public:
  // Counts `e` and returns true when it is a short pause; false leaves it to
  // the caller.
  bool add(const Event& e);
  // Passes every counted pause on: its kept copy, once per pause.
  void replay(EventSink& sink) const;
  // How many pauses the kept copies stand for beyond themselves.
  struct Extra {
    uint64_t valid = 0;    // with a usable time
    uint64_t invalid = 0;  // without
  };
  // Appends each kept copy to `out` once; returns what they stand for besides.
  Extra append_to(std::vector<Event>& out) const;
  void clear() { entries_.clear(); }

 private:
  struct Entry {
    Event kept;
    uint64_t count = 0;
  };
  std::vector<Entry> entries_;  // few: one per input and entity
  size_t last_ = 0;             // the entry hit last (pauses come in runs)
};

// correlate_events, for events whose short pauses were tallied: `extra`
// counts in the report as events (valid) or as events without usable time.
AnalysisReport correlate_tallied(std::vector<Event> events, std::vector<InputSummary> inputs,
                                 const AnalyzeOptions& opts, ShortPauseTally::Extra extra);

}  // namespace logcorr::detail
