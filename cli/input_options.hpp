// Options every command that reads logs shares: zones, year, layout, time
// window. Parsed by CLI11, turned into library options here.
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

#include "logcorr/diagnostics.hpp"
#include "logcorr/reader.hpp"

namespace logcorr::cli {

struct InputOptions {
  std::vector<std::string> inputs;
  std::vector<std::string> tz;  // "ZONE" or "PATH=ZONE"
  std::optional<int> year;
  std::string layout;  // force a layout for all inputs
  std::string since, until;
  std::string now;  // reference instant for ages in Kubernetes documents
  std::string jvm_start;
  std::string date;
  std::string boot;
  bool no_rotation_groups = false;
  bool quiet = false;

  void add_to(CLI::App& cmd);
  // Builds library options; returns false (after printing why) on bad values.
  bool to_open_options(OpenOptions& out) const;
  // Resolves --since/--until (resolve_time_window: relative forms read the
  // inputs once for the newest record time). False (after printing why) on
  // bad values.
  bool window(const OpenOptions& oo, int64_t& since_ns, int64_t& until_ns) const;
  // --now as UTC ns (INT64_MIN when not given). False (after printing why)
  // when it is not an absolute time.
  bool now_ns(const OpenOptions& oo, int64_t& out) const;
};

// Prints diagnostics to stderr as they arrive ("path:line: error: ...").
class StderrSink final : public DiagnosticSink {
 public:
  explicit StderrSink(bool quiet) : quiet_(quiet) {}
  void report(const Diagnostic& d) override;
  bool had_error() const { return had_error_; }

 private:
  bool quiet_;
  bool had_error_ = false;
};

}  // namespace logcorr::cli
