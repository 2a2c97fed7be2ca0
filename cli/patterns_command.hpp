#pragma once
#include <CLI/CLI.hpp>

namespace logcorr::cli {
// `logcorr patterns list|check [DIR...]`
void add_patterns_command(CLI::App& app, int& exit_code);
}  // namespace logcorr::cli
