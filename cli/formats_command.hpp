#pragma once
#include <CLI/CLI.hpp>

namespace logcorr::cli {
// `logcorr formats [--json|--markdown]`: the input layouts (lib/src/format/layouts.cpp).
void add_formats_command(CLI::App& app, int& exit_code);
}  // namespace logcorr::cli
