#pragma once
#include <CLI/CLI.hpp>

namespace logcorr::cli {
void add_follow_command(CLI::App& app, int& exit_code);
}  // namespace logcorr::cli
