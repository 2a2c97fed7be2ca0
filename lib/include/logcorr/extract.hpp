// Extract: records in, events out — the stage shared by batch analysis, the
// threaded split of big files, live `follow` and the library.
//
//   inputs ─► InputReader (source, frame, format) ─► Matcher + GcExtractor
//          ─► events (time, provenance, host, silence before them) ─► EventSink
//
// Inputs may also be the NDJSON of `logcorr events` (detected by content):
// its events are read back instead of extracted again.
#pragma once

#include <climits>
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "logcorr/diagnostics.hpp"
#include "logcorr/event.hpp"
#include "logcorr/reader.hpp"

namespace logcorr {

// Which events extraction passes on (`--since` / `--until`): symptoms inside
// [since, until); causes also in the margins before and after it, since a
// cause may precede the symptoms it explains. Cost: two comparisons.
struct EventWindow {
  int64_t since_ns = INT64_MIN;
  int64_t until_ns = INT64_MAX;
  int64_t cause_margin_before_ns = 0;
  int64_t cause_margin_after_ns = 0;
  bool everything() const { return since_ns == INT64_MIN && until_ns == INT64_MAX; }
  bool contains(const Event& e) const;
};

struct ExtractOptions {
  OpenOptions open;
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
  // Events outside it are dropped as they are extracted (memory stays
  // proportional to the window, not to the logs).
  EventWindow window;
  // Inputs are extracted in parallel on this many threads (0 = all cores).
  // Output order does not depend on it: events come out input by input. A
  // big plain file of a layout whose state can be rebuilt at a seam is cut
  // into chunks at record boundaries and read in parallel too.
  unsigned threads = 1;
  // Called now and then during extraction (from worker threads, serialised)
  // with bytes read so far / total bytes of all inputs (0 when unknown, e.g.
  // stdin) and the input being read. For progress displays.
  std::function<void(uint64_t done, uint64_t total, const std::string& current)> progress;
  // The instant ages in Kubernetes documents ("3m26s" in `kubectl get
  // events`, describe's Events) are counted back from (`--now`). INT64_MIN:
  // the file's mtime, and for standard input none (such events stay
  // timeless). See kube.hpp.
  int64_t now_ns = INT64_MIN;
};

// Receives events as they are extracted (per input, in record order) and
// each input's summary when it is done.
class EventSink {
 public:
  virtual ~EventSink() = default;
  virtual void on_event(const Event& e) = 0;
  virtual void on_input(const InputSummary& in) = 0;
};

// Extracts the events of every input. Fails (kPatternError, nothing read)
// when the pattern packs could not be loaded; problems with inputs go to
// `diag` and the rest is still extracted. Cost: one pass over every input.
Status extract_events(const std::vector<std::string>& inputs, const ExtractOptions& opts,
                      EventSink& sink, DiagnosticSink& diag);

}  // namespace logcorr
