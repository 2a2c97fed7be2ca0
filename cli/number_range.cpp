#include "number_range.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace logcorr::cli {

CLI::Validator number_in(double lo, double hi, bool integer) {
  std::string what = fmt::format("{} from {} to {}", integer ? "an integer" : "a number", lo, hi);
  return CLI::Validator(
      [lo, hi, integer, what](std::string& text) -> std::string {
        const char* s = text.c_str();
        char* end = nullptr;
        errno = 0;
        double v = std::strtod(s, &end);
        const bool whole = end != s && *end == '\0';
        if (!whole || errno == ERANGE || !std::isfinite(v) || v < lo || v > hi ||
            (integer && v != std::floor(v)))
          return fmt::format("{} is not {}", text, what);
        return {};
      },
      what);
}

}  // namespace logcorr::cli
