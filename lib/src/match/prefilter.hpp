// Multi-literal prefilters: does a record contain any of the packs' required
// literals, and which ones?
//
// Two implementations with one interface, so bench/match_bench.cpp can
// compare them on the same data (the Matcher uses WindowScanner: see the
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

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace logcorr::detail {

// The literals by a two-byte key taken from each one's "window" (the part a
// scanner looks for first), and the full comparison once a scanner has met
// a key in the text. Shared by both scanners below.
class LiteralBuckets {
 public:
  struct Window {
    uint32_t literal;  // index into the literals
    uint32_t start;    // where the window starts in the literal
    uint16_t key;      // two bytes of the window
  };
  LiteralBuckets() = default;
  LiteralBuckets(const std::vector<std::string>& literals, std::vector<Window> windows);
  // Calls on_hit(literal) for every literal whose window has `key` and, put
  // at text position `window_pos`, lies inside a whole occurrence of it.
  template <class F>
  bool compare_at(const unsigned char* s, size_t n, size_t window_pos, uint16_t key,
                  F& on_hit) const {
    auto it = std::lower_bound(windows_.begin(), windows_.end(), key,
                               [](const Window& w, uint16_t k) { return w.key < k; });
    bool found = false;
    for (; it != windows_.end() && it->key == key; ++it) {
      if (it->start > window_pos) continue;
      const size_t at = window_pos - it->start;
      const std::string& lit = lits_[it->literal];
      if (lit.size() <= n - at && std::memcmp(s + at, lit.data(), lit.size()) == 0) {
        found = true;
        on_hit(it->literal);
      }
    }
    return found;
  }

 private:
  std::vector<std::string> lits_;
  std::vector<Window> windows_;  // sorted by key
};

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
  std::vector<uint64_t> bits_;  // 65536 bits: the windows' keys
  LiteralBuckets buckets_;      // windows of two bytes, keyed by both
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
    found |= buckets_.compare_at(s, n, i, key, on_hit);
  }
  return found;
}

// WindowScanner: the Matcher's prefilter. Wu-Manber's idea over one window
// of M bytes per literal (M = the shortest literal's length, 4 to 8): a
// 64 Ki-entry table says, for every two-byte block, how far the nearest
// window end can be from it, and the scan skips that far (up to M-1 bytes)
// instead of probing every position; on log text most steps skip. Only
// where the last two bytes of some window occur does it compare literals.
// Each window is the substring of its literal whose last two bytes look
// rarest (see LiteralScanner), so that ordinary words seldom stop the scan.
// Literals under 4 bytes go to a LiteralScanner of their own.
class WindowScanner {
 public:
  explicit WindowScanner(const std::vector<std::string>& literals);
  ~WindowScanner();
  // As LiteralScanner::scan.
  template <class F>
  bool scan(std::string_view text, F&& on_hit) const;
  bool any(std::string_view text) const;
  size_t window() const { return m_; }

 private:
  size_t m_ = 0;                // window length; 0 when no literal has 4+ bytes
  std::vector<uint8_t> shift_;  // 65536 entries
  LiteralBuckets buckets_;      // windows of M bytes, keyed by their last two
  std::unique_ptr<LiteralScanner> short_;
  std::vector<uint32_t> short_ids_;  // short_'s literal i is literal short_ids_[i]
  // A stop is where some window's last two bytes are; most stops are not a
  // window (log text is full of "me", "ti", "or"). Before any search, the
  // M bytes there are hashed into this 4096-bit set of the windows' hashes.
  uint64_t window_bits_[64] = {};
  static uint32_t window_hash(uint64_t w) {
    return static_cast<uint32_t>((w * 0x9E3779B97F4A7C15ull) >> 52);
  }
  // The M bytes ending at text[p], little-endian, as a number.
  uint64_t window_at(const unsigned char* s, size_t p) const {
    uint64_t v;
    if (p >= 7) {
      std::memcpy(&v, s + p - 7, 8);
      return m_ == 8 ? v : v >> (8 * (8 - m_));
    }
    v = 0;
    for (size_t k = 0; k < m_; ++k) v |= uint64_t{s[p + 1 - m_ + k]} << (8 * k);
    return v;
  }
};

template <class F>
bool WindowScanner::scan(std::string_view text, F&& on_hit) const {
  bool found = false;
  if (short_) found = short_->scan(text, [&](uint32_t i) { on_hit(short_ids_[i]); });
  const size_t m = m_;
  const size_t n = text.size();
  if (m == 0 || n < m) return found;
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const uint8_t* shift = shift_.data();
  auto block = [s](size_t p) { return static_cast<uint16_t>(s[p - 1] | (s[p] << 8)); };
  // Compares the literals whose window's last two bytes end at p.
  auto verify = [&](size_t p, uint16_t key) {
    const uint32_t h = window_hash(window_at(s, p));
    if (!((window_bits_[h >> 6] >> (h & 63)) & 1)) return;
    found |= buckets_.compare_at(s, n, p + 1 - m, key, on_hit);
  };
  // Each step waits for a text load and then a table load before it knows
  // where the next one is: latency, not throughput, bounds a single chain.
  // So a longer text is scanned as two halves at once, two independent
  // chains the CPU overlaps: the first tries window ends before `mid`, the
  // second those from `mid` on, so every window end is tried exactly once.
  // (Four chains measured no faster: log records are too short.)
  auto chain = [&](size_t q, size_t end) {
    while (q < end) {
      const uint16_t k = block(q);
      const uint8_t sh = shift[k];
      if (sh != 0) [[likely]] {
        q += sh;
        continue;
      }
      verify(q, k);
      ++q;
    }
  };
  if (n < 4 * m + 32) {
    chain(m - 1, n);
    return found;
  }
  const size_t mid = n / 2;
  size_t pa = m - 1, pb = mid;
  while (pa < mid && pb < n) {
    const uint16_t ka = block(pa), kb = block(pb);
    uint8_t sa = shift[ka], sb = shift[kb];
    if ((sa == 0) | (sb == 0)) [[unlikely]] {
      if (sa == 0) verify(pa, ka), sa = 1;
      if (sb == 0) verify(pb, kb), sb = 1;
    }
    pa += sa;
    pb += sb;
  }
  chain(pa, mid);
  chain(pb, n);
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
