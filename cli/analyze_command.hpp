#pragma once
#include <CLI/CLI.hpp>

namespace logcorr::cli {
void add_analyze_command(CLI::App& app, int& exit_code);
void add_events_command(CLI::App& app, int& exit_code);
}  // namespace logcorr::cli
