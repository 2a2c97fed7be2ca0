// Options of the commands that extract and correlate (analyze, events,
// follow): pattern packs, broker units and mappings, burst thresholds.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "input_options.hpp"
#include "logcorr/analyze.hpp"

namespace logcorr::cli {

struct AnalyzeArgs {
  InputOptions in;
  std::vector<std::string> patterns;  // --patterns DIR (repeatable)
  std::vector<std::string> broker_units;
  std::vector<std::string> brokers;  // HOST=ID
  double burst_gap_s = 30, lookback_s = 120, lookahead_s = 15, client_idle_s = 540,
         request_timeout_s = 30, chronic_span_s = 600;
  unsigned min_burst = 3;
  unsigned threads = 0;  // 0 = all cores

  void add_to(CLI::App& cmd, bool correlation_flags);
  // Fills `out`; false (after printing why) on bad values.
  bool to_options(AnalyzeOptions& out) const;
};

// A progress line on stderr for long batch runs: only on a terminal, not
// with --quiet, and only once a run has taken more than a second.
class ProgressLine {
 public:
  explicit ProgressLine(bool enabled);
  ~ProgressLine();
  void update(uint64_t done, uint64_t total, const std::string& current);
  void clear();

 private:
  bool enabled_;
  bool shown_ = false;
  int64_t start_ns_;
  int64_t last_ns_ = 0;
};

// The built-in pattern packs: <exe dir>/../share/logcorr/patterns.
std::string builtin_patterns_dir();

}  // namespace logcorr::cli
