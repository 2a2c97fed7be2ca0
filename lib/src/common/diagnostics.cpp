#include "logcorr/diagnostics.hpp"

#include <fmt/format.h>

namespace logcorr {

std::string Diagnostic::to_string() const {
  const char* sev = severity == Severity::kError     ? "error"
                    : severity == Severity::kWarning ? "warning"
                                                     : "note";
  if (path.empty()) return fmt::format("{}: {}", sev, message);
  if (line > 0) return fmt::format("{}:{}: {}: {}", path, line, sev, message);
  if (has_offset) return fmt::format("{}: byte {}: {}: {}", path, offset, sev, message);
  return fmt::format("{}: {}: {}", path, sev, message);
}

bool CollectingSink::has_errors() const {
  for (const auto& d : items)
    if (d.severity == Severity::kError) return true;
  return false;
}

}  // namespace logcorr
