// Layout sets of pattern packs: a bit per Layout, plus group aliases.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "logcorr/format.hpp"

namespace logcorr::detail {

inline constexpr uint64_t layout_bit(Layout l) {
  return uint64_t{1} << static_cast<unsigned>(l);
}

// A layout name (layout_name()), or an alias: "any" (every layout),
// "journal" (every journal-* mode: all of them carry the same MESSAGE).
std::optional<uint64_t> layout_mask_from_name(std::string_view name);

}  // namespace logcorr::detail
