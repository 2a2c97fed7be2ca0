// The broker-side rule of a pack (Pack::broker_prefixes), shared by the
// matcher and `patterns check` so that samples see what events get.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace logcorr::detail {

// Whether the record's first line contains one of `prefixes`. Only the first
// line: a stack trace's frames name broker classes (`kafka.raft.RaftManager`)
// in client records too, but never a bracketed log prefix on the header line.
// Costs one substring search per prefix over one line (a dozen prefixes of
// ~20 bytes over ~200 bytes); the matcher calls it only for records that
// already yielded an event of the pack.
inline bool first_line_has_prefix(std::string_view text, const std::vector<std::string>& prefixes) {
  const std::string_view line = text.substr(0, text.find('\n'));
  for (const std::string& p : prefixes)
    if (line.find(p) != std::string_view::npos) return true;
  return false;
}

}  // namespace logcorr::detail
