// Options of the commands that extract and correlate (analyze, events,
// follow): pattern packs, broker units and mappings, burst thresholds.
#pragma once

#include <CLI/CLI.hpp>

#include <cstdint>
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
  // The thresholds' defaults are the library's (CorrelateOptions), in the
  // seconds the flags take.
  static double seconds(int64_t ns) { return static_cast<double>(ns) / 1e9; }
  double burst_gap_s = seconds(CorrelateOptions{}.gap_ns);
  double lookback_s = seconds(CorrelateOptions{}.lookback_ns);
  double lookahead_s = seconds(CorrelateOptions{}.lookahead_ns);
  double client_idle_s = seconds(CorrelateOptions{}.client_idle_ns);
  double request_timeout_s = seconds(CorrelateOptions{}.default_request_timeout_ns);
  double chronic_span_s = seconds(CorrelateOptions{}.chronic_span_ns);
  unsigned min_burst = CorrelateOptions{}.min_count;
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
