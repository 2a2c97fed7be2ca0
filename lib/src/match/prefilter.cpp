#include "match/prefilter.hpp"

#include <algorithm>
#include <climits>
#include <cstring>
#include <numeric>

namespace logcorr::detail {

namespace {

// How common a byte is in log text (lower = rarer): a rough prior, enough to
// keep windows like "] ", " d" or "in" out of the table.
int commonness(unsigned char c) {
  if (c == ' ' || c == '\t') return 12;
  if (c >= 'a' && c <= 'z') return 6;
  if (c == '[' || c == ']' || c == ',' || c == '.' || c == ':' || c == '-' || c == '=') return 8;
  if (c >= '0' && c <= '9') return 7;
  if (c >= 'A' && c <= 'Z') return 2;
  return 3;
}

}  // namespace

LiteralBuckets::LiteralBuckets(const std::vector<std::string>& literals,
                               std::vector<Window> windows)
    : lits_(literals), windows_(std::move(windows)) {
  std::stable_sort(windows_.begin(), windows_.end(),
                   [](const Window& a, const Window& b) { return a.key < b.key; });
}

namespace {

uint16_t pair_at(const std::string& l, size_t k) {
  const auto* u = reinterpret_cast<const unsigned char*>(l.data());
  return static_cast<uint16_t>(u[k] | (u[k + 1] << 8));
}

}  // namespace

LiteralScanner::LiteralScanner(const std::vector<std::string>& literals) : bits_(65536 / 64, 0) {
  std::vector<LiteralBuckets::Window> windows;
  for (uint32_t i = 0; i < literals.size(); ++i) {
    const std::string& l = literals[i];
    if (l.size() < 2) continue;
    int best = 1 << 30;
    uint32_t off = 0;
    for (size_t k = 0; k + 1 < l.size(); ++k) {
      int score = commonness(static_cast<unsigned char>(l[k])) +
                  commonness(static_cast<unsigned char>(l[k + 1]));
      if (score < best) {
        best = score;
        off = static_cast<uint32_t>(k);
      }
    }
    const uint16_t key = pair_at(l, off);
    windows.push_back({i, off, key});
    bits_[key >> 6] |= uint64_t{1} << (key & 63);
  }
  buckets_ = LiteralBuckets(literals, std::move(windows));
}

WindowScanner::WindowScanner(const std::vector<std::string>& literals) {
  constexpr size_t kMinWindow = 4, kMaxWindow = 8;
  std::vector<std::string> shorts;
  size_t m = kMaxWindow;
  bool any_long = false;
  for (uint32_t i = 0; i < literals.size(); ++i) {
    const size_t len = literals[i].size();
    if (len < kMinWindow) {
      if (len >= 2) {
        shorts.push_back(literals[i]);
        short_ids_.push_back(i);
      }
      continue;
    }
    any_long = true;
    m = std::min(m, len);
  }
  if (!shorts.empty()) short_ = std::make_unique<LiteralScanner>(shorts);
  if (!any_long) return;
  m_ = m;
  // A window ends in a block of the scan (its last two bytes): the one that
  // stops the scan. Rarest-looking last block wins; then the rarest window.
  auto cost = [](const unsigned char* w, size_t len) {
    int last = commonness(w[len - 2]) + commonness(w[len - 1]);
    int all = 0;
    for (size_t k = 0; k < len; ++k) all += commonness(w[k]);
    return last * 1000 + all;
  };
  shift_.assign(65536, static_cast<uint8_t>(m - 1));
  std::vector<LiteralBuckets::Window> windows;
  for (uint32_t i = 0; i < literals.size(); ++i) {
    const std::string& l = literals[i];
    if (l.size() < kMinWindow) continue;
    const auto* u = reinterpret_cast<const unsigned char*>(l.data());
    int best = INT32_MAX;
    uint32_t off = 0;
    for (size_t k = 0; k + m <= l.size(); ++k) {
      int c = cost(u + k, m);
      if (c < best) {
        best = c;
        off = static_cast<uint32_t>(k);
      }
    }
    const unsigned char* w = u + off;
    uint64_t v = 0;
    for (size_t j = 0; j < m; ++j) v |= uint64_t{w[j]} << (8 * j);
    for (size_t j = 0; j + 1 < m; ++j) {
      const uint16_t key = pair_at(l, off + j);
      shift_[key] = std::min<uint8_t>(shift_[key], static_cast<uint8_t>(m - 2 - j));
    }
    windows.push_back({i, off, pair_at(l, off + m - 2)});
    const uint32_t h = window_hash(v);
    window_bits_[h >> 6] |= uint64_t{1} << (h & 63);
  }
  buckets_ = LiteralBuckets(literals, std::move(windows));
}

WindowScanner::~WindowScanner() = default;

bool WindowScanner::any(std::string_view text) const {
  bool hit = false;
  scan(text, [&](uint32_t) { hit = true; });
  return hit;
}

bool LiteralScanner::any(std::string_view text) const {
  bool hit = false;
  // Not stopping early keeps one code path; records are short and hits rare.
  scan(text, [&](uint32_t) { hit = true; });
  return hit;
}

SetPrefilter::SetPrefilter(const std::vector<std::string>& literals) {
  re2::RE2::Options o;
  o.set_log_errors(false);
  set_ = std::make_unique<re2::RE2::Set>(o, re2::RE2::UNANCHORED);
  for (const std::string& l : literals)
    if (set_->Add(re2::RE2::QuoteMeta(l), nullptr) < 0) return;
  ok_ = set_->Compile();
}

SetPrefilter::~SetPrefilter() = default;

bool SetPrefilter::match(std::string_view text, std::vector<int>& hits) const {
  hits.clear();
  return set_->Match(re2::StringPiece(text.data(), text.size()), &hits);
}

}  // namespace logcorr::detail
