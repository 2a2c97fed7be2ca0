// Pattern packs: the shipped packs load and every sample passes; broken
// packs are rejected with file:line messages.
#include <gtest/gtest.h>

#include "logcorr/match.hpp"
#include "logcorr/patterns.hpp"

namespace logcorr {
namespace {

std::string all(const std::vector<Diagnostic>& ds) {
  std::string s;
  for (const auto& d : ds) s += d.to_string() + "\n";
  return s;
}

TEST(Patterns, ShippedPacksCheckClean) {
  auto ds = check_packs({LOGCORR_SOURCE_DIR "/patterns"});
  size_t errors = 0;
  for (const auto& d : ds) errors += d.severity == Severity::kError;
  EXPECT_EQ(errors, 0u) << all(ds);
  CollectingSink sink;
  PatternSet set = load_packs({LOGCORR_SOURCE_DIR "/patterns"}, sink);
  EXPECT_GE(set.packs.size(), 5u);
  EXPECT_GT(set.sample_count(), set.pattern_count());
}

std::vector<Diagnostic> check_text(const std::string& text) {
  CollectingSink sink;
  Result<Pack> pack = load_pack_text(text, "t.toml", sink);
  PatternSet set;
  if (pack.ok()) set.packs.push_back(std::move(pack).value());
  check_samples(set, sink);
  return sink.items;
}

TEST(Patterns, BrokenPacksReportFileLine) {
  auto ds = check_text(
      "[pack]\nname = \"x\"\nlayouts = [\"any\"]\n[[pattern]]\nid = \"a\"\nkind = \"nope\"\nregex "
      "= 'abc'\n");
  ASSERT_FALSE(ds.empty());
  EXPECT_EQ(ds[0].to_string(), "t.toml:6: error: unknown kind 'nope'");

  ds = check_text(
      "[pack]\nname = \"x\"\nlayouts = [\"any\"]\n[[pattern]]\nid = \"a\"\nkind = "
      "\"disconnect\"\nregex = '(abc'\n");
  ASSERT_FALSE(ds.empty());
  EXPECT_NE(ds[0].to_string().find("t.toml:7: error: regex does not compile: missing )"),
            std::string::npos)
      << ds[0].to_string();

  ds = check_text("[pack]\nname = \"x\"\n[[pattern\n");
  ASSERT_FALSE(ds.empty());
  EXPECT_EQ(ds[0].line, 3u);

  ds = check_text(
      "[pack]\nname = \"x\"\nlayouts = [\"any\"]\n[[pattern]]\nid = \"a\"\nkind = \"disconnect\"\n"
      "regex = 'Node (?P<node>\\d+) disconnected'\n"
      "  [[pattern.sample]]\n  text = 'Node 4 disconnected'\n  fields = { node = \"5\" }\n"
      "  [[pattern.sample]]\n  text = 'nothing here'\n"
      "  [[pattern.sample]]\n  text = 'Node 7 disconnected'\n  match = false\n");
  ASSERT_EQ(ds.size(), 3u) << all(ds);
  EXPECT_EQ(ds[0].to_string(), "t.toml:8: error: yields node=4, expected 5");
  EXPECT_EQ(ds[1].to_string(), "t.toml:11: error: sample does not match");
  EXPECT_EQ(ds[2].to_string(), "t.toml:13: error: negative sample matched");

  ds = check_text(
      "[pack]\nname = \"x\"\nlayouts = [\"any\"]\n[[pattern]]\nid = \"a\"\nkind = "
      "\"disconnect\"\nregex = '\\d+|x'\n"
      "[[pattern]]\nid = \"b\"\nkind = \"disconnect\"\nregex = 'abcd'\n"
      "[[pattern]]\nid = \"b\"\nkind = \"disconnect\"\nregex = 'abcd'\n");
  ASSERT_GE(ds.size(), 2u) << all(ds);
  EXPECT_EQ(ds[0].to_string(),
            "t.toml:7: error: no literal can be derived from the regex; give `literals`");
  EXPECT_NE(ds[1].to_string().find("t.toml:12: error: duplicate id 'b'"), std::string::npos)
      << all(ds);
}

TEST(Patterns, DeriveLiterals) {
  EXPECT_EQ(derive_literals(R"(Node (?P<node>\d+) disconnected\.)"),
            std::vector<std::string>{" disconnected."});
  EXPECT_TRUE(derive_literals("a|b").empty());
  EXPECT_EQ(derive_literals(R"(Shrinking ISR from (\d+))"),
            std::vector<std::string>{"Shrinking ISR from "});
  EXPECT_EQ(derive_literals("abcx?"), std::vector<std::string>{"abc"});
}

TEST(Patterns, OverrideByName) {
  CollectingSink sink;
  PatternSet set = load_packs(
      {LOGCORR_SOURCE_DIR "/patterns", LOGCORR_SOURCE_DIR "/patterns/kernel.toml"}, sink);
  size_t kernels = 0;
  for (const auto& p : set.packs) kernels += p.name == "kernel";
  EXPECT_EQ(kernels, 1u);
}

}  // namespace
}  // namespace logcorr
