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
#include <string>
#include <vector>

#include "logcorr/event.hpp"
#include "logcorr/extract.hpp"

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
    // Of `invalid`, those stamped with an unanchored uptime, per input and
    // JVM run: anchoring (uptime_anchor.hpp) may give them a time.
    struct Unanchored {
      std::string input;
      uint32_t run = 0;
      uint64_t count = 0;
    };
    std::vector<Unanchored> unanchored;
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

// Collects a run's events and input summaries; with `slim`, short pauses are
// tallied instead of kept. The batch sinks (analyze, the Analyzer facade,
// the per-input buffers of parallel extraction) are all this.
class EventCollector final : public EventSink {
 public:
  explicit EventCollector(bool slim_pauses = false) : slim(slim_pauses) {}
  void on_event(const Event& e) override {
    if (!slim || !pauses.add(e)) events.push_back(e);
  }
  void on_input(const InputSummary& in) override { inputs.push_back(in); }
  // Passes everything on in the order it came (tallied pauses after the
  // other events) and is empty again.
  void drain_into(EventSink& sink);
  // Moves the events out, one kept copy per tallied pause run; returns how
  // many pauses those copies stand for besides themselves. Empty again.
  ShortPauseTally::Extra take_events(std::vector<Event>& out, std::vector<InputSummary>& ins);

  bool slim;
  std::vector<Event> events;
  std::vector<InputSummary> inputs;
  ShortPauseTally pauses;
};

}  // namespace logcorr::detail
