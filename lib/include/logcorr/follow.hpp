// Live analysis: bytes pushed in per source as they are written, findings
// out while the incident is happening (`logcorr follow`, embedders).
//
// Each source (stdin, a tailed file) gets its own layout sniffing, framer,
// parser and extraction state, exactly as a batch input does, so the same
// lines give the same events. Correlation runs in event time behind a
// watermark: a source's progress is its newest record time, and findings
// wait until every active source has passed them (plus the correlator's
// allowed lateness). A source that has said nothing for `idle_timeout_ns` of
// wall-clock time stops holding the watermark back, so one quiet log cannot
// delay alerts for ever. Batch `analyze` and live analysis share the
// Correlator; memory stays flat because the correlator evicts state older
// than its horizon and evidence is capped.
//
// Wall-clock time is passed in by the caller (`wall_ns`), never read here:
// the library stays deterministic and testable without sleeping.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "logcorr/analyze.hpp"
#include "logcorr/correlate.hpp"
#include "logcorr/diagnostics.hpp"
#include "logcorr/format.hpp"

namespace logcorr {

struct LiveOptions {
  // Pattern packs, correlation thresholds (including lateness), broker
  // mappings and reader defaults (zone, year, forced layout, framer caps).
  AnalyzeOptions analyze;
  // A source whose newest record time has not moved for this long (wall
  // clock) stops holding the watermark back.
  int64_t idle_timeout_ns = 5'000'000'000;
  // A source that has received no bytes for this long (wall clock) has its
  // held-back last record released (Framer::flush), and is sniffed with
  // whatever head it has: a quiet stream's last line must not wait for the
  // next one to be seen.
  int64_t flush_after_ns = 200'000'000;
  // Sniff the layout once this many lines (or 64 KiB) have arrived.
  uint32_t sniff_lines = 20;
};

struct LiveFinding {
  enum class Type : uint8_t {
    kOpened,   // symptoms crossed the burst threshold (min_count within the gap)
    kDecided,  // the burst is final: verdict, causes, evidence
  };
  Type type = Type::kOpened;
  // Sequence number of the burst, from 1; an opened burst and its decision
  // share it. A decided burst that never opened (a lone idle close) gets a
  // new one.
  uint64_t id = 0;
  Correlator::OpenBurst opened{0, 0, {}, {}};  // kOpened
  Burst burst;                                 // kDecided
};

struct LiveSourceStats {
  std::string id;
  Layout layout = Layout::kUnknown;
  uint64_t bytes = 0;
  uint64_t records = 0;
  uint64_t events = 0;
  uint32_t files = 0;  // 1 + restarts (rotations)
  int64_t newest_ns = INT64_MIN;
  bool ended = false;
  bool holding = false;  // currently holds the watermark back
};

class LiveAnalyzer {
 public:
  // Fails (kPatternError) when the pattern packs cannot be loaded (the
  // reasons are reported to `diag`). `diag` must outlive the analyzer.
  static Result<std::unique_ptr<LiveAnalyzer>> create(LiveOptions opts, DiagnosticSink& diag);
  ~LiveAnalyzer();
  LiveAnalyzer(const LiveAnalyzer&) = delete;
  LiveAnalyzer& operator=(const LiveAnalyzer&) = delete;

  // With a callback, findings are delivered from feed()/tick()/finish()
  // as they happen; without one they queue for poll().
  void set_callback(std::function<void(const LiveFinding&)> cb);

  // Declares a source. `path` (may be empty) gives host hints from its
  // directory names, as in batch (broker-3/server.log). Feeding an unknown
  // id declares it with no path.
  void add_source(std::string_view id, std::string_view path = {});
  // The next bytes of a source, in order, in chunks of any size.
  void feed(std::string_view id, std::string_view bytes, int64_t wall_ns);
  // The source continues in a new file (rotation, truncation): the held-back
  // record is released, line numbers restart, the layout is kept.
  void restart_source(std::string_view id, int64_t wall_ns);
  // End of a source (stdin EOF): it stops holding the watermark back.
  void end_source(std::string_view id, int64_t wall_ns);
  // Call often (e.g. every 100 ms): flushes quiet sources, moves the
  // watermark by the idle rules, delivers findings that became final.
  void tick(int64_t wall_ns);

  std::vector<LiveFinding> poll();
  // Everything is final now (end of all input, or shutdown): decides the
  // remaining bursts (and long-run listener-misconfig findings).
  std::vector<LiveFinding> finish();

  // Event time up to which every active source has progressed (INT64_MIN
  // before any timed record).
  int64_t watermark() const;
  std::vector<LiveSourceStats> stats() const;
  uint64_t events() const;
  uint64_t records() const;

 private:
  struct State;
  explicit LiveAnalyzer(std::unique_ptr<State> s);
  std::unique_ptr<State> s_;
};

}  // namespace logcorr
