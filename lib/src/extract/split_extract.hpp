// Split extraction: one big file read by several workers, with the output
// of reading it whole.
//
// The file is cut at nominal offsets N_1 < N_2 < ...; chunk k owns the
// records whose first byte lies in [N_k, N_k+1), so a record that straddles
// N_k+1 is finished by chunk k, which reads on past its end. Framing is
// local for the layouts we split (a record starts at a header line, a JSON
// line, a non-indented line), so a reader that starts at any line before
// N_k frames every record after its first one as the whole-file reader does.
//
// Per-input state is rebuilt by a warm-up: chunk k starts reading some bytes
// before N_k and parses those records and notes their times, without
// matching them (their events are chunk k-1's). What each stage carries
// across records, and how it is made exact:
//  - quiet-gap history and last record time (idle-close / unclean-boot
//    evidence): compared at every seam between the end of chunk k-1 and the
//    warm-up of chunk k; equal means exact. The warm-up grows until it spans
//    the history's 15 s window (or its 4096-gap cap).
//  - parser: java/JSON/librdkafka/journal-json/short-iso stamps carry their
//    date, so the only state that changes a result is the previous instant
//    (which candidate an ambiguous DST hour picks) -- equal to the last
//    record time compared above -- and the day of time-only stamps, so a
//    chunk with a year-less or time-only stamp gives up.
//  - input profile (role, host): counts over the whole input so far, so it
//    is not rebuilt but deferred: chunks hand on their events and hosts raw,
//    and the stitcher feeds them through one InputExtractor in input order.
//  - line numbers: chunk k's are relative to where it began; the record at
//    N_k is seen by both chunk k-1 (as its stop) and chunk k (as its first),
//    and the difference of its two line numbers carries the base across.
// Any disagreement at a seam (offsets, state) makes the caller read the
// input whole instead: slower, never different.
//
// Not split: GC logs (the GC extractor holds open and pending pauses across
// records, and uptime stamps need the JVM start learned far back),
// year-less layouts (syslog, journal short/short-precise/short-full: the
// year is inferred from the whole input before), time-only and uptime
// layouts (dmesg, short-monotonic/delta), multi-line journal modes (verbose,
// export, json-pretty/seq/sse: no cheap resync in the middle of an entry),
// plain/unknown files, compressed files, pipes, rotation sets (their members
// are split no further; inputs already run in parallel).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "extract/extract_tuning.hpp"
#include "extract/input_extractor.hpp"
#include "extract/record_matcher.hpp"
#include "logcorr/extract.hpp"
#include "logcorr/reader.hpp"

namespace logcorr::detail {

struct SplitPlan {
  Layout layout = Layout::kUnknown;
  Wrapper wrapper = Wrapper::kNone;
  uint64_t size = 0;
  std::vector<uint64_t> bounds;  // N_0 = 0 < N_1 < ... < N_n = size
  size_t chunks() const { return bounds.empty() ? 0 : bounds.size() - 1; }
};

// Whether `input` is worth splitting for `threads` workers, and where.
std::optional<SplitPlan> plan_split(InputReader& input, const ExtractTuning& tuning,
                                    unsigned threads);

// Events and hosts of one chunk, in record order.
class ChunkBuffer final : public DeferredSink {
 public:
  void on_event(const Event& e) override { events.push_back(e); }
  void on_input(const InputSummary&) override {}
  void on_host(std::string_view host) override;

  struct HostRun {
    std::string host;
    uint64_t count = 0;
    size_t before_event = 0;  // observed before events[before_event]
  };
  std::vector<Event> events;
  std::vector<HostRun> hosts;
};

struct ChunkResult {
  ChunkBuffer out;
  InputStats stats;  // of the records this chunk owns
  bool ok = true;    // false: a record whose state cannot be stitched
  // The first record at or after N_k, and the first at or after N_k+1 (where
  // the chunk stopped), as (file offset, chunk-relative line); absent at EOF.
  bool has_first = false, has_stop = false;
  uint64_t first_offset = 0, first_line = 0, stop_offset = 0, stop_line = 0;
  InputExtractor::SeamState start, end;  // state before the first, after the last owned record
  std::vector<Diagnostic> diags;
};

// Reads chunk `k` of `input`. `progress` (may be null) gets bytes done.
void run_chunk(const InputReader& input, const SplitPlan& plan, size_t k, RecordMatcher* matcher,
               const ExtractOptions& opts, const ExtractTuning& tuning, ChunkResult& out,
               const std::function<void(uint64_t)>* progress);

// Checks every seam and passes the chunks' events and the input's summary to
// `sink` in input order. False (nothing passed on) when a seam disagrees.
bool stitch_chunks(const InputReader& input, const SplitPlan& plan,
                   std::vector<ChunkResult>& chunks, const ExtractOptions& opts, EventSink& sink,
                   DiagnosticSink& diag);

}  // namespace logcorr::detail
