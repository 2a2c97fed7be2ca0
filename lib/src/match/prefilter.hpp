// Multi-literal prefilters: does a record contain any of the packs' required
// literals, and which ones?
//
// Two implementations with one interface, so bench/match_bench.cpp can
// compare them on the same data (the Matcher uses LiteralScanner: see the
// figures in bench/match_bench.cpp).
//
// LiteralScanner is a small hand-rolled scan in the spirit of Hyperscan's
// "FDR"/Teddy bucket idea, without SIMD: a 64 Ki-bit table holding one
// two-byte window of each literal, probed at every position of the text (one
// load and one bit test per byte, no branch taken on ordinary text); a hit
// looks up the literals with that window and memcmp's them. The window is
// not the literal's first two bytes but its rarest-looking pair (capitals
// and digits over lower case, never "] " or ", "): log text is full of
// spaces, brackets and lower-case pairs, and a window that occurs on every
// line would send every line to memcmp.
#pragma once

#include <re2/set.h>

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace logcorr::detail {

class LiteralScanner {
 public:
  // Literals must be at least 2 bytes long (shorter ones are ignored).
  explicit LiteralScanner(const std::vector<std::string>& literals);
  // Calls on_hit(literal_index) for every literal occurrence (possibly more
  // than once per literal). Returns true if any literal occurs.
  template <class F>
  bool scan(std::string_view text, F&& on_hit) const;
  // True when any literal occurs (stops at the first).
  bool any(std::string_view text) const;

 private:
  bool probe(uint16_t key) const { return (bits_[key >> 6] >> (key & 63)) & 1; }
  std::vector<uint64_t> bits_;  // 65536 bits
  // Literals sorted by their two-byte key: key_[i] for literal order_[i].
  std::vector<uint16_t> key_;
  std::vector<uint32_t> order_;
  std::vector<std::string> lits_;
  std::vector<uint32_t> off_;  // per literal: offset of its window
  size_t min_len_ = 2;
};

template <class F>
bool LiteralScanner::scan(std::string_view text, F&& on_hit) const {
  if (text.size() < min_len_) return false;
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  bool found = false;
  for (size_t i = 0; i + 1 < n; ++i) {
    const uint16_t key = static_cast<uint16_t>(s[i] | (s[i + 1] << 8));
    if (!probe(key)) [[likely]]
      continue;
    // Binary search the bucket of this key.
    size_t lo = 0, hi = key_.size();
    while (lo < hi) {
      size_t mid = (lo + hi) / 2;
      if (key_[mid] < key)
        lo = mid + 1;
      else
        hi = mid;
    }
    for (; lo < key_.size() && key_[lo] == key; ++lo) {
      const std::string& lit = lits_[order_[lo]];
      const size_t off = off_[order_[lo]];
      if (off > i) continue;
      const size_t at = i - off;
      if (lit.size() <= n - at && std::memcmp(s + at, lit.data(), lit.size()) == 0) {
        found = true;
        on_hit(order_[lo]);
      }
    }
  }
  return found;
}

// RE2::Set over the quoted literals (unanchored), for comparison.
class SetPrefilter {
 public:
  explicit SetPrefilter(const std::vector<std::string>& literals);
  ~SetPrefilter();
  // Fills `hits` with the indices of the literals that occur.
  bool match(std::string_view text, std::vector<int>& hits) const;
  bool ok() const { return ok_; }

 private:
  std::unique_ptr<re2::RE2::Set> set_;
  bool ok_ = false;
};

}  // namespace logcorr::detail
