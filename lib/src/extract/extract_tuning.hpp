// Knobs of extraction that are for the library's own callers and tests, not
// for embedders: how big files are split across threads, and whether the
// final sink only counts short GC pauses.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "logcorr/extract.hpp"

namespace logcorr::detail {

struct ExtractTuning {
  // With threads > 1, one big plain file of a layout whose per-input state
  // can be rebuilt at a seam (see split_extract.hpp) is cut into chunks at
  // record boundaries that are read in parallel; the output is the same as
  // reading it whole. Files smaller than this are read whole.
  uint64_t split_min_bytes = 64ull << 20;
  // Nominal chunk size; 0 = the file size over 2 x threads, at least 32 MiB.
  uint64_t split_chunk_bytes = 0;
  // Bytes before each chunk that are read again (their events discarded) to
  // rebuild the input's state at the seam; grown while too short for that.
  uint64_t split_warmup_bytes = 1ull << 20;
  // Told (from the calling thread) of each input that was read in `chunks`
  // chunks; `stitched` false when a seam disagreed and it was read again
  // whole. For tests.
  std::function<void(const std::string& input, size_t chunks, bool stitched)> split_observer;
  // True when the final sink only needs the time, duration and identity of
  // GC pauses and safepoints shorter than kMinCausalPauseNs (the correlator
  // only counts them): parallel extraction then buffers them without their
  // text and fields, which keeps peak memory flat on days of GC logs.
  bool slim_short_pauses = false;
};

// extract_events with tuning.
Status extract_events(const std::vector<std::string>& inputs, const ExtractOptions& opts,
                      const ExtractTuning& tuning, EventSink& sink, DiagnosticSink& diag);

}  // namespace logcorr::detail
