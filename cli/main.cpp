// logcorr: the command-line front end. It only parses arguments and wires
// library stages together; analysis lives in lib/.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <cstring>

#include <string>

#include "analyze_command.hpp"
#include "follow_command.hpp"
#include "formats_command.hpp"
#include "logcorr/version.hpp"
#include "output.hpp"
#include "patterns_command.hpp"
#include "timeline_command.hpp"

int main(int argc, char** argv) {
  CLI::App app{"logcorr: find what on the Kafka broker side caused client NetworkExceptions"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "logcorr " + std::string(logcorr::version()));
  int exit_code = 0;
  logcorr::cli::add_analyze_command(app, exit_code);
  logcorr::cli::add_events_command(app, exit_code);
  logcorr::cli::add_timeline_command(app, exit_code);
  logcorr::cli::add_patterns_command(app, exit_code);
  logcorr::cli::add_follow_command(app, exit_code);
  logcorr::cli::add_formats_command(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;  // usage errors are exit 2, as DESIGN says
  }
  // Output written short is no success: the caller would read a cut report
  // (or cut events NDJSON) as whole.
  if (int e = logcorr::cli::Output::write_error()) {
    fmt::print(stderr, "logcorr: write error: {}\n", std::strerror(e));
    return 2;
  }
  return exit_code;
}
