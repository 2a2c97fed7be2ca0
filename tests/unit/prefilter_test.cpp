// The Matcher's prefilters against a plain search: every occurrence of every
// literal is reported, on the packs' own literals over corpus-shaped text and
// on random literals over random text of every length (the window scanner
// splits longer texts into two chains; the seams must not lose a hit).
#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>
#include <vector>

#include "logcorr/match.hpp"
#include "match/prefilter.hpp"

namespace logcorr {
namespace {

std::set<uint32_t> naive(const std::vector<std::string>& lits, std::string_view text) {
  std::set<uint32_t> out;
  for (uint32_t i = 0; i < lits.size(); ++i)
    if (lits[i].size() >= 2 && text.find(lits[i]) != std::string_view::npos) out.insert(i);
  return out;
}

template <class Scanner>
std::set<uint32_t> scanned(const Scanner& sc, std::string_view text) {
  std::set<uint32_t> out;
  bool any = sc.scan(text, [&](uint32_t i) { out.insert(i); });
  EXPECT_EQ(any, !out.empty());
  return out;
}

std::vector<std::string> shipped_literals() {
  CollectingSink sink;
  PatternSet set = load_packs({LOGCORR_SOURCE_DIR "/patterns"}, sink);
  std::vector<std::string> out;
  for (const Pack& p : set.packs)
    for (const Pattern& q : p.patterns)
      for (const std::string& l : q.literals) out.push_back(l);
  return out;
}

TEST(Prefilter, ShippedLiteralsAnywhereInARecord) {
  const auto lits = shipped_literals();
  ASSERT_GT(lits.size(), 30u);
  detail::WindowScanner w(lits);
  detail::LiteralScanner l(lits);
  EXPECT_GE(w.window(), 4u);
  const std::string pad =
      "[2026-06-29 14:22:08,455] INFO [Log partition=__consumer_offsets-14, dir=/var/lib/kafka] "
      "Completed load of log with 1 segments in 106 ms (kafka.log.Log) ";
  for (uint32_t i = 0; i < lits.size(); ++i)
    for (size_t at : {size_t{0}, size_t{1}, size_t{37}, pad.size() / 2 - 3, pad.size() / 2,
                      pad.size() - 1, pad.size()}) {
      std::string text = pad.substr(0, at) + lits[i] + pad.substr(at);
      auto want = naive(lits, text);
      ASSERT_TRUE(want.count(i));
      EXPECT_EQ(scanned(w, text), want) << lits[i] << " at " << at;
      EXPECT_EQ(scanned(l, text), want) << lits[i] << " at " << at;
      // At the very end too (no byte after the literal).
      std::string end = pad.substr(0, at) + lits[i];
      EXPECT_EQ(scanned(w, end), naive(lits, end)) << lits[i] << " at end after " << at;
    }
  EXPECT_TRUE(scanned(w, pad).empty());
}

TEST(Prefilter, RandomLiteralsRandomTextAllLengths) {
  std::mt19937 rng(2026);
  const std::string alphabet = "abcAB ]:";  // small: many partial matches
  auto word = [&](size_t len) {
    std::string s;
    for (size_t i = 0; i < len; ++i) s += alphabet[rng() % alphabet.size()];
    return s;
  };
  for (int round = 0; round < 200; ++round) {
    std::vector<std::string> lits;
    const int nlit = 1 + static_cast<int>(rng() % 12);
    for (int i = 0; i < nlit; ++i) lits.push_back(word(2 + rng() % 11));  // 2..12 bytes
    detail::WindowScanner w(lits);
    for (int t = 0; t < 20; ++t) {
      std::string text = word(rng() % 300);
      // Plant a literal somewhere, often near the middle (the chains' seam).
      const std::string& l = lits[rng() % lits.size()];
      size_t at = rng() % 2 ? text.size() / 2 - std::min(text.size() / 2, rng() % 10)
                            : rng() % (text.size() + 1);
      text.insert(at, l);
      ASSERT_EQ(scanned(w, text), naive(lits, text)) << "round " << round << " text " << text;
    }
  }
}

TEST(Prefilter, NoLiteralsAndShortOnly) {
  detail::WindowScanner none(std::vector<std::string>{});
  EXPECT_TRUE(scanned(none, "anything at all").empty());
  detail::WindowScanner shorts(std::vector<std::string>{"GC", "[GC"});
  EXPECT_EQ(shorts.window(), 0u);
  EXPECT_EQ(scanned(shorts, "12.3: [GC (Allocation Failure)"), (std::set<uint32_t>{0, 1}));
}

}  // namespace
}  // namespace logcorr
