#pragma once
#include <CLI/CLI.hpp>

namespace logcorr::cli {
// Registers `logcorr timeline`; returns a function that runs it.
void add_timeline_command(CLI::App& app, int& exit_code);
}  // namespace logcorr::cli
