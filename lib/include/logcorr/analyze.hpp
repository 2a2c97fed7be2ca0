// Analyze: the whole pipeline in one call — inputs in, findings out.
//
//   inputs ─► InputReader (source, frame, format) ─► Matcher + GcExtractor
//          ─► events (host / broker / silence filled in) ─► Correlator ─► report
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
#include "logcorr/events_io.hpp"
#include "logcorr/reader.hpp"
#include "logcorr/report.hpp"

namespace logcorr {

struct AnalyzeOptions {
  OpenOptions open;
  CorrelateOptions correlate;
  // Pattern pack directories, in order; a pack in a later directory replaces
  // an earlier one of the same name. Empty = no packs (only GC extraction).
  std::vector<std::string> pattern_dirs;
  // Packs held in memory, as (name for messages, TOML text), loaded after
  // the directories (and overriding their packs by pack name): an embedder
  // can ship its packs inside its binary.
  std::vector<std::pair<std::string, std::string>> pattern_texts;
  bool wants_patterns() const { return !pattern_dirs.empty() || !pattern_texts.empty(); }
  // Which systemd units are brokers: a unit whose name contains any of these.
  std::vector<std::string> broker_units = {"kafka", "confluent-server"};
  // --broker HOST=ID
  std::vector<std::pair<std::string, int32_t>> broker_map;
  // Only symptoms in [since, until) are analysed; causes are taken from the
  // look-back / look-ahead margins around that window too.
  int64_t since_ns = INT64_MIN;
  int64_t until_ns = INT64_MAX;
  // Inputs are extracted in parallel on this many threads (0 = all cores).
  // Output order does not depend on it: events come out input by input.
  unsigned threads = 1;
  // With threads > 1, one big plain file of a layout whose per-input state
  // can be rebuilt at a seam (see lib/src/analyze/split_extract.hpp) is cut
  // into chunks at record boundaries that are read in parallel; the output
  // is the same as reading it whole. Files smaller than this are read whole.
  uint64_t split_min_bytes = 64ull << 20;
  // Nominal chunk size; 0 = the file size over 2 x threads, at least 32 MiB.
  uint64_t split_chunk_bytes = 0;
  // Bytes before each chunk that are read again (their events discarded) to
  // rebuild the input's state at the seam; grown while too short for that.
  uint64_t split_warmup_bytes = 1ull << 20;
  // Told (from the calling thread) of each input that was read in `chunks`
  // chunks; `stitched` false when a seam disagreed and it was read again
  // whole. For tests and diagnostics.
  std::function<void(const std::string& input, size_t chunks, bool stitched)> split_observer;
  // Called now and then during extraction (from worker threads, serialised)
  // with bytes read so far / total bytes of all inputs (0 when unknown, e.g.
  // stdin) and the input being read. For progress displays.
  std::function<void(uint64_t done, uint64_t total, const std::string& current)> progress;
};

// Receives events as they are extracted (per input, in record order) and
// each input's summary when it is done.
class EventSink {
 public:
  virtual ~EventSink() = default;
  virtual void on_event(const Event& e) = 0;
  virtual void on_input(const InputSummary& in) = 0;
  // True when the sink only needs the time, duration and identity of GC
  // pauses and safepoints shorter than kMinCausalPauseNs (the correlator
  // only counts them): parallel extraction then buffers them without their
  // text and fields too, which keeps peak memory flat on days of GC logs.
  virtual bool short_pauses_slim() const { return false; }
};

// Extracts the events of every input. Returns false when the pattern packs
// could not be loaded (nothing was read); input problems go to `diag` and
// the rest is still extracted.
bool extract_events(const std::vector<std::string>& inputs, const AnalyzeOptions& opts,
                    EventSink& sink, DiagnosticSink& diag);

// The main job: extraction plus correlation. `ok` is false when packs could
// not be loaded.
AnalysisReport analyze(const std::vector<std::string>& inputs, const AnalyzeOptions& opts,
                       DiagnosticSink& diag, bool* ok = nullptr);

// Entity resolution over a whole run: learns host <-> broker pairings from
// every event and input (and opts.broker_map, which wins), then fills in each
// event's missing broker (from its host) and host (from its broker), and each
// input's broker. Returns notes about guesses (a broker id taken from a host
// name such as `broker-3`).
std::vector<std::string> resolve_entities(std::vector<Event>& events,
                                          std::vector<InputSummary>& inputs,
                                          const AnalyzeOptions& opts, EntityMap& map);

// Correlates already extracted events (from any source).
AnalysisReport correlate_events(std::vector<Event> events, std::vector<InputSummary> inputs,
                                const AnalyzeOptions& opts);

}  // namespace logcorr
