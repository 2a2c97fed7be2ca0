// The layout table (format.hpp LayoutInfo): one entry per layout, and every
// entry's samples get their time through the real sniff, frame and parse path.
#include <set>
#include <string>

#include "logcorr/format.hpp"
#include "simple_frame.hpp"
#include "test_util.hpp"

namespace logcorr {
namespace {

TEST(Layouts, OneEntryPerLayoutInEnumOrder) {
  auto all = layouts();
  ASSERT_EQ(all.size(), size_t(Layout::kPlain) + 1);
  std::set<std::string_view> names;
  for (size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(size_t(all[i].layout), i);
    EXPECT_EQ(&layout_info(all[i].layout), &all[i]);
    EXPECT_TRUE(names.insert(all[i].name).second) << all[i].name;
    EXPECT_EQ(layout_from_name(all[i].name), all[i].layout) << all[i].name;
    EXPECT_FALSE(all[i].summary.empty()) << all[i].name;
    if (all[i].layout != Layout::kUnknown) {
      EXPECT_FALSE(all[i].samples.empty()) << all[i].name;
    }
    EXPECT_FALSE(all[i].journal_like && all[i].gc) << all[i].name;
  }
}

TEST(Layouts, SamplesSniffFrameAndParseToTheirTime) {
  const int64_t reference = *civil_to_seconds(2026, 3, 5, 12, 0, 0) * kNanosPerSecond;
  size_t checked = 0;
  for (const LayoutInfo& e : layouts()) {
    for (const LayoutSample& s : e.samples) {
      SCOPED_TRACE(std::string(e.name) + ": " + std::string(s.text.substr(0, 80)));
      if (e.sniffable) {
        EXPECT_EQ(layout_name(sniff_layout(s.text)), e.name);
      }
      ParseOptions opts;
      opts.year = 2026;
      opts.reference_ns = reference;
      if (!s.zone.empty()) {
        auto zone = Zone::load(s.zone);
        ASSERT_TRUE(zone.ok()) << zone.status().message();
        opts.zone = *zone;
        opts.zone_from_user = true;
      }
      if (!s.boot.empty()) {
        auto boot = parse_user_time(s.boot, *Zone::utc());
        ASSERT_TRUE(boot);
        opts.boot_ns = *boot;
      }
      // A wrapped sample (CRI, compose) is read as its wrapper says.
      opts.wrapper = sniff_wrapper(s.text);
      auto wrapped_cls = make_classifier(e.layout, opts.wrapper);
      auto raws = test::simple_frame(s.text, framing_for(e.layout, opts.wrapper),
                                     wrapped_cls ? wrapped_cls.get() : classifier_for(e.layout));
      ASSERT_EQ(raws.size(), 1u) << "a sample is one record";
      RecordParser parser(e.layout, opts);
      Record rec;
      parser.parse(raws[0], rec);
      std::string got =
          rec.time.valid() ? format_rfc3339(rec.time.utc_ns, rec.time.precision) : "-";
      EXPECT_EQ(got, s.utc);
      ++checked;
    }
  }
  EXPECT_GE(checked, layouts().size() - 1);
}

TEST(Layouts, RoleAndSplitFlags) {
  EXPECT_TRUE(layout_info(Layout::kJournalShortIso).journal_like);
  EXPECT_TRUE(layout_info(Layout::kDmesg).journal_like);
  EXPECT_FALSE(layout_info(Layout::kLog4j).journal_like);
  EXPECT_TRUE(layout_info(Layout::kGcLegacy).gc);
  EXPECT_TRUE(layout_info(Layout::kLog4j).splittable);
  EXPECT_FALSE(layout_info(Layout::kTimeOnly).splittable);
  EXPECT_FALSE(layout_info(Layout::kJournalShort).splittable);  // no year
  EXPECT_EQ(framing_for(Layout::kPlain), Framing::kIndentUnderHeader);
}

}  // namespace
}  // namespace logcorr
