// LiveSource: one pushed byte stream turned into events, incrementally.
//
// The push-side twin of InputReader: bytes are buffered only until the
// layout is sniffed, then go straight through the Framer (records are views
// into the fed chunk, no copy) and the RecordParser into the shared
// InputExtractor. The framer holds back the newest record until the line
// after it shows it is complete; flush() releases it when the stream has
// gone quiet.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extract/input_extractor.hpp"
#include "logcorr/extract.hpp"
#include "logcorr/frame.hpp"
#include "logcorr/kube.hpp"

namespace logcorr::detail {

class LiveSource final : private RecordSink {
 public:
  // `sniff_lines`: the layout is sniffed once this many lines (or
  // kSniffBytes) have arrived.
  LiveSource(std::string id, std::string_view path, detail::RecordMatcher* matcher,
             const ExtractOptions& opts, uint32_t sniff_lines, DiagnosticSink& diag,
             EventSink& events);

  void feed(std::string_view bytes, int64_t wall_ns);
  // One record the caller framed (header line plus its continuation lines,
  // without the final newline). The layout is sniffed from the first
  // records; don't mix with feed() on one source.
  void feed_record(std::string_view text, int64_t wall_ns);
  // Releases the held-back record (and sniffs a short head) when quiet.
  void flush(int64_t wall_ns);
  void restart();  // next bytes are a new file of the same input
  void end();

  const std::string& id() const { return id_; }
  InputSummary summary() const { return ex_->summary(stats_); }
  // The reader statistics so far (records, bytes, files, layout).
  const InputStats& stats() const { return stats_; }
  uint64_t events() const { return ex_->events(); }

  int64_t newest_ns() const { return newest_ns_; }
  int64_t last_bytes_wall() const { return last_bytes_wall_; }
  int64_t last_progress_wall() const { return last_progress_wall_; }
  // Starts the idle clock of a source that has not progressed yet.
  void touch(int64_t wall_ns) {
    if (last_progress_wall_ == INT64_MIN) last_progress_wall_ = wall_ns;
  }
  bool ended() const { return ended_; }
  // The real-time clock (UTC ns) that ages in a live Kubernetes events table
  // count back from when --now is not given: the `wall_ns` passed in is a
  // monotonic clock, not a date. Default: the system clock (tests set one).
  void set_utc_clock(std::function<int64_t()> clock) { utc_clock_ = std::move(clock); }
  bool pending() const { return pending_; }  // bytes or a record held back

 private:
  void on_record(const RawRecord& raw) override;
  void start_framing(std::string_view head);
  void new_framer();     // for layout_ and wrapper_ (at start and at each rotation)
  void start_records();  // sniffs head_records_ and replays them
  void direct_record(std::string_view text);
  // Kubernetes documents (kube.hpp): `kubectl get events -w -o json` objects
  // are read as each one closes, table rows as they come, describe and YAML
  // at the end of the stream.
  void kube_line(const RawRecord& raw);
  void kube_read(KubeDoc doc);

  std::string id_;
  LogicalInput li_;
  const ExtractOptions& opts_;
  uint32_t sniff_lines_;
  DiagnosticSink& diag_;
  EventSink& events_;
  std::unique_ptr<InputExtractor> ex_;
  std::string head_;  // bytes before the layout is known
  uint32_t head_lines_ = 0;
  std::vector<std::string> head_records_;  // feed_record() before the layout is known
  bool records_mode_ = false;
  uint64_t next_line_ = 1;    // feed_record(): physical line of the next record
  uint64_t next_offset_ = 0;  // and its byte offset
  Layout layout_ = Layout::kUnknown;
  Wrapper wrapper_ = Wrapper::kNone;
  std::unique_ptr<LineClassifier> wrapped_classifier_;  // the framer's, for a wrapped input
  std::unique_ptr<Framer> framer_;
  std::unique_ptr<RecordParser> parser_;
  Record rec_;
  InputStats stats_;
  int64_t newest_ns_ = INT64_MIN;
  int64_t wall_ns_ = INT64_MIN;
  int64_t last_bytes_wall_ = INT64_MIN;
  int64_t last_progress_wall_ = INT64_MIN;  // when newest_ns_ last moved
  bool pending_ = false;
  bool ended_ = false;
  KubeDoc kube_ = KubeDoc::kNone;
  std::string kube_text_;             // the document (or JSON object) so far
  std::vector<uint64_t> kube_lines_;  // the input line of each of its lines
  int kube_depth_ = 0;                // JSON: brackets open
  bool kube_too_big_ = false;
  bool kube_noted_ = false;  // the note on ages was given
  std::string kube_header_;  // a table's header line (its columns), before each row
  uint64_t kube_header_line_ = 0;
  std::function<int64_t()> utc_clock_;
};

}  // namespace logcorr::detail
