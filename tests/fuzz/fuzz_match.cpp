// Fuzzes the matcher: the shipped packs over arbitrary records in any layout,
// and the prefilter differentially (WindowScanner and LiteralScanner against
// a plain search, with literals taken from the input itself).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "logcorr/match.hpp"
#include "match/prefilter.hpp"

namespace {

const logcorr::PatternSet& packs() {
  static const logcorr::PatternSet set = [] {
    logcorr::NullSink sink;
    return logcorr::load_packs({LOGCORR_SOURCE_DIR "/patterns"}, sink);
  }();
  return set;
}

// Every literal found by the scanner, as a bitmask (at most 16 literals).
template <class Scanner>
uint32_t found(const Scanner& sc, std::string_view text) {
  uint32_t m = 0;
  sc.scan(text, [&](uint32_t i) { m |= uint32_t{1} << i; });
  return m;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  std::string_view in(reinterpret_cast<const char*>(data + 2), size - 2);
  if (data[0] & 1) {
    // "lit1 \x01 lit2 \x01 ... \x00 text": literals, then the text.
    size_t z = in.find('\0');
    if (z == std::string_view::npos) return 0;
    std::vector<std::string> lits;
    std::string_view spec = in.substr(0, z), text = in.substr(z + 1);
    while (!spec.empty() && lits.size() < 16) {
      size_t c = spec.find('\x01');
      lits.emplace_back(spec.substr(0, c));
      spec = c == std::string_view::npos ? std::string_view() : spec.substr(c + 1);
    }
    uint32_t want = 0;
    for (uint32_t i = 0; i < lits.size(); ++i)
      if (lits[i].size() >= 2 && text.find(lits[i]) != std::string_view::npos) want |= 1u << i;
    logcorr::detail::WindowScanner w(lits);
    logcorr::detail::LiteralScanner l(lits);
    if (found(w, text) != want || found(l, text) != want) __builtin_trap();
    return 0;
  }
  static logcorr::Matcher m(packs());
  const auto layout =
      static_cast<logcorr::Layout>(data[1] % (static_cast<unsigned>(logcorr::Layout::kPlain) + 1));
  std::vector<logcorr::Event> out;
  m.match_text(in, layout, out);
  for (const auto& e : out)
    if (e.text.size() > in.size()) __builtin_trap();
  return 0;
}
