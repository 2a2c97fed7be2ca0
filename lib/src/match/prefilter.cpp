#include "match/prefilter.hpp"

#include <algorithm>
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

LiteralScanner::LiteralScanner(const std::vector<std::string>& literals)
    : bits_(65536 / 64, 0), lits_(literals), off_(literals.size(), 0) {
  for (uint32_t i = 0; i < lits_.size(); ++i) {
    const std::string& l = lits_[i];
    if (l.size() < 2) continue;
    int best = 1 << 30;
    for (size_t k = 0; k + 1 < l.size(); ++k) {
      int score = commonness(static_cast<unsigned char>(l[k])) +
                  commonness(static_cast<unsigned char>(l[k + 1]));
      if (score < best) {
        best = score;
        off_[i] = static_cast<uint32_t>(k);
      }
    }
    order_.push_back(i);
  }
  auto key_of = [&](uint32_t i) {
    const auto* s = reinterpret_cast<const unsigned char*>(lits_[i].data()) + off_[i];
    return static_cast<uint16_t>(s[0] | (s[1] << 8));
  };
  std::sort(order_.begin(), order_.end(),
            [&](uint32_t a, uint32_t b) { return key_of(a) < key_of(b); });
  for (uint32_t i : order_) {
    uint16_t k = key_of(i);
    key_.push_back(k);
    bits_[k >> 6] |= uint64_t{1} << (k & 63);
  }
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
