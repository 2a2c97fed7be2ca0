// InputExtractor: one input's records in, its events out.
//
// The per-input half of extraction, shared by batch `extract_events` (which
// pulls records from an InputReader) and live `follow` (which pushes bytes
// through its own framer): the pattern matcher, the GC extractor, the
// input's profile (role, host) and its recent quiet periods (idle-close and
// unclean-boot evidence). Keeping one copy keeps batch and follow verdicts
// the same on the same lines.
#pragma once

#include <climits>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/input_profile.hpp"
#include "extract/record_matcher.hpp"
#include "logcorr/extract.hpp"
#include "logcorr/gc.hpp"

namespace logcorr::detail {

// Split extraction: where a chunk worker's records go before they are
// stitched in input order (events raw, as the record yielded them, and the
// metadata host of every record, which the input's profile counts).
class DeferredSink : public EventSink {
 public:
  virtual void on_host(std::string_view host) = 0;
};

// The application an input is, by its path: the file's name without
// directories, compression, rotation and log extensions ("clients/
// ledger-writer.log.1.gz" -> "ledger-writer"; a kubelet "…/<container>/0.log"
// -> the container).
std::string application_name(std::string_view path);

class InputExtractor {
 public:
  // What carries over from one record to the next besides the parser: the
  // last record time and the recent quiet gaps. Two workers that agree on it
  // at a seam give the records after it the same silence evidence.
  struct SeamState {
    int64_t prev_ns = INT64_MIN;
    std::deque<std::pair<int64_t, int64_t>> gaps;
    bool operator==(const SeamState&) const = default;
  };

  // `li`, `matcher` (may be null), `opts` and `diag` must outlive this.
  InputExtractor(const LogicalInput& li, RecordMatcher* matcher, const ExtractOptions& opts,
                 DiagnosticSink& diag);

  // Sets the layout once it is known (before the first record).
  void set_layout(Layout layout);
  // One record (in input order); its events go to `sink`.
  void on_record(const Record& rec, EventSink& sink);
  // The same for a chunk of a split input: the record's metadata host and
  // its events (time, line, text, silence filled in; not yet attributed to
  // the input's profile, host or window) go to `sink`, to be passed through
  // finalize() in input order once every chunk before is done. Only for
  // layouts without a GC extractor.
  void on_record_deferred(const Record& rec, DeferredSink& sink);
  // The second half of on_record for a deferred event / host: counts it in
  // the profile, fills in the input's host, applies the window, emits.
  void finalize(Event& e, EventSink& sink) { emit(e, sink); }
  void observe_hosts(std::string_view host, uint64_t n) { profile_.observe_host(host, n); }
  SeamState seam_state() const { return SeamState{prev_ns_, gaps_}; }
  // A warm-up record of a split input: only its time counts (its events are
  // the previous chunk's), so it is not matched at all.
  void warm_up(const Record& rec) { note_time(rec); }
  // End of input (or of one file, or an idle pause in follow mode): emits a
  // GC pause still waiting for its closing record. Records may follow.
  void finish(EventSink& sink);

  // The input's summary (coverage, role, host) from its reader statistics.
  InputSummary summary(const InputStats& stats) const;
  uint64_t events() const { return count_; }

 private:
  void emit(Event& e, EventSink& sink);
  // Fills events_ with the record's events, complete but for emit().
  void extract(const Record& rec);
  // Records the record's time in the quiet-gap history.
  void note_time(const Record& rec);

  // The silence that matters for an event is the longest gap that ended in
  // the last 15 s (see extract()).
  static constexpr int64_t kRecentNs = 15'000'000'000;

  const LogicalInput& li_;
  RecordMatcher* matcher_;
  const ExtractOptions& opts_;
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
  std::string application_;  // application_name of the input (see Matcher::match)
};

}  // namespace logcorr::detail
