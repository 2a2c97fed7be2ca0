#include "match/layouts_mask.hpp"

namespace logcorr::detail {

std::optional<uint64_t> layout_mask_from_name(std::string_view name) {
  constexpr auto kLast = static_cast<unsigned>(Layout::kPlain);
  static_assert(kLast < 64, "layout masks are 64 bits");
  if (name == "any") {
    uint64_t m = 0;
    for (unsigned i = 0; i <= kLast; ++i) m |= uint64_t{1} << i;
    return m;
  }
  if (name == "journal") {
    uint64_t m = 0;
    for (unsigned i = static_cast<unsigned>(Layout::kJournalShort);
         i <= static_cast<unsigned>(Layout::kJournalCat); ++i)
      m |= uint64_t{1} << i;
    return m;
  }
  for (unsigned i = 0; i <= kLast; ++i)
    if (layout_name(static_cast<Layout>(i)) == name) return uint64_t{1} << i;
  return std::nullopt;
}

}  // namespace logcorr::detail
