// InputExtractor: one input's records in, its events out.
//
// The per-input half of extraction, shared by batch `extract_events` (which
// pulls records from an InputReader) and live `follow` (which pushes bytes
// through its own framer): the pattern matcher, the GC extractor, the
// input's profile (role, host) and its recent quiet periods (idle-close and
// unclean-boot evidence). Keeping one copy keeps batch and follow verdicts
// the same on the same lines.
#pragma once

#include <deque>
#include <memory>
#include <utility>
#include <vector>

#include "input_profile.hpp"
#include "logcorr/analyze.hpp"
#include "logcorr/gc.hpp"
#include "record_matcher.hpp"

namespace logcorr::detail {

class InputExtractor {
 public:
  // `li`, `matcher` (may be null), `opts` and `diag` must outlive this.
  InputExtractor(const LogicalInput& li, RecordMatcher* matcher, const AnalyzeOptions& opts,
                 DiagnosticSink& diag);

  // Sets the layout once it is known (before the first record).
  void set_layout(Layout layout);
  // One record (in input order); its events go to `sink`.
  void on_record(const Record& rec, EventSink& sink);
  // End of input (or of one file, or an idle pause in follow mode): emits a
  // GC pause still waiting for its closing record. Records may follow.
  void finish(EventSink& sink);

  // The input's summary (coverage, role, host) from its reader statistics.
  InputSummary summary(const InputStats& stats) const;
  uint64_t events() const { return count_; }

 private:
  void emit(Event& e, EventSink& sink);

  const LogicalInput& li_;
  RecordMatcher* matcher_;
  const AnalyzeOptions& opts_;
  DiagnosticSink& diag_;
  InputProfile profile_;
  Layout layout_ = Layout::kUnknown;
  std::unique_ptr<GcExtractor> gc_;
  std::vector<Event> events_;  // reused: no allocation per record once warm
  int64_t prev_ns_ = INT64_MIN;
  uint64_t count_ = 0;
  // The quiet periods that ended in the last kRecentNs: (end, start) of each
  // gap between consecutive records.
  std::deque<std::pair<int64_t, int64_t>> gaps_;
};

// Whether an event falls in the --since/--until window (causes may sit in
// the look-back / look-ahead margins around it).
bool in_window(const Event& e, const AnalyzeOptions& o);

}  // namespace logcorr::detail
