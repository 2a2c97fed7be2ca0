#include "logcorr/diagnostics.hpp"

#include <fmt/format.h>

#include "logcorr/terminal_text.hpp"

namespace logcorr {

std::string Diagnostic::to_string() const {
  const char* sev = severity == Severity::kError     ? "error"
                    : severity == Severity::kWarning ? "warning"
                                                     : "note";
  // For a person: a path or message quoting a log's bytes gets its control
  // characters escaped (terminal_text.hpp).
  const std::string p = terminal_text(path), m = terminal_text(message);
  if (p.empty()) return fmt::format("{}: {}", sev, m);
  if (line > 0) return fmt::format("{}:{}: {}: {}", p, line, sev, m);
  if (has_offset) return fmt::format("{}: byte {}: {}: {}", p, offset, sev, m);
  return fmt::format("{}: {}: {}", p, sev, m);
}

bool CollectingSink::has_errors() const {
  for (const auto& d : items)
    if (d.severity == Severity::kError) return true;
  return false;
}

}  // namespace logcorr
