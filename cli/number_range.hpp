// Numeric options: a finite number within a stated range, or a usage error
// that says the range. CLI11's own conversion accepts `nan`, `inf` and
// 1e300 for a double (and llround(NaN) is INT64_MIN), so every numeric
// option of the CLI is checked here on its text first.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace logcorr::cli {

// A validator for `--opt VALUE`: VALUE parses whole as a finite number in
// [lo, hi] (an integer when `integer`).
CLI::Validator number_in(double lo, double hi, bool integer = false);

}  // namespace logcorr::cli
