// Acceptance test of the format stage on the journal corpus: every rendering
// of the 163-entry journal, in every zone, must sniff as its mode and parse
// to the times of events.tsv, to the precision the mode prints.
#include <sstream>
#include <vector>

#include "logcorr/format.hpp"
#include "simple_frame.hpp"
#include "test_util.hpp"

namespace logcorr {
namespace {

struct Event {
  int64_t realtime_us = 0, source_rt_us = -1, mono_us = 0, source_mono_us = -1;
  int64_t pid = -1;
  std::string identifier, unit, first_line;
};

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> f;
  size_t p = 0;
  for (;;) {
    size_t t = line.find('\t', p);
    f.push_back(line.substr(p, t == std::string::npos ? std::string::npos : t - p));
    if (t == std::string::npos) break;
    p = t + 1;
  }
  return f;
}

std::vector<Event> load_events(const std::string& dir) {
  std::istringstream in(test::read_file(dir + "/events.tsv"));
  std::string line;
  std::vector<Event> ev;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#' || line.rfind("seq", 0) == 0) continue;
    auto f = split_tabs(line);
    if (f.size() < 13) continue;
    Event e;
    e.realtime_us = std::stoll(f[2]);
    if (!f[3].empty()) e.source_rt_us = std::stoll(f[3]);
    e.mono_us = std::stoll(f[4]);
    if (!f[12].empty()) e.source_mono_us = std::stoll(f[12]);
    e.identifier = f[7];
    if (!f[8].empty() && f[8] != "-") e.pid = std::stoll(f[8]);
    e.unit = f[9];
    e.first_line = f[11];
    ev.push_back(e);
  }
  return ev;
}

struct Rendering {
  std::string file;
  Layout layout;
  const char* zone;
};

std::vector<Rendering> renderings() {
  struct ModeRow {
    const char* mode;
    Layout layout;
    bool zoned;
  };
  const ModeRow modes[] = {
      {"short", Layout::kJournalShort, true},
      {"short-full", Layout::kJournalShortFull, true},
      {"short-iso", Layout::kJournalShortIso, true},
      {"short-iso-precise", Layout::kJournalShortIsoPrecise, true},
      {"short-precise", Layout::kJournalShortPrecise, true},
      {"short-monotonic", Layout::kJournalShortMonotonic, false},
      {"short-delta", Layout::kJournalShortDelta, false},
      {"short-unix", Layout::kJournalShortUnix, false},
      {"verbose", Layout::kJournalVerbose, true},
      {"export", Layout::kJournalExport, false},
      {"json", Layout::kJournalJson, false},
      {"json-pretty", Layout::kJournalJsonPretty, false},
      {"json-sse", Layout::kJournalJsonSse, false},
      {"json-seq", Layout::kJournalJsonSeq, false},
      {"with-unit", Layout::kJournalWithUnit, true},
  };
  std::vector<Rendering> r;
  for (const auto& m : modes) {
    r.push_back({std::string("journal-") + m.mode + ".txt", m.layout, "UTC"});
    if (m.zoned) {
      r.push_back({std::string("journal-") + m.mode + "-berlin.txt", m.layout, "Europe/Berlin"});
      r.push_back({std::string("journal-") + m.mode + "-sydney.txt", m.layout, "Australia/Sydney"});
    }
  }
  return r;
}

bool whole_second(Layout l) {
  return l == Layout::kJournalShort || l == Layout::kJournalShortFull ||
         l == Layout::kJournalShortIso || l == Layout::kJournalWithUnit;
}

TEST(JournalCorpus, EveryRenderingSniffsAndNormalizesToEventsTsv) {
  LOGCORR_REQUIRE_CORPUS();
  const std::string dir = test::corpus_dir() + "/journal";
  auto events = load_events(dir);
  ASSERT_EQ(events.size(), 163u);
  const int64_t boot_us = events[0].realtime_us - events[0].mono_us;
  EXPECT_EQ(format_rfc3339(boot_us * 1000, Precision::kMicro), "2026-03-09T04:51:17.882640Z");

  auto all = renderings();
  ASSERT_EQ(all.size(), 29u);  // 30 files minus journal-cat (tested below)
  for (const auto& rd : all) {
    SCOPED_TRACE(rd.file);
    std::string text = test::read_file(dir + "/" + rd.file);
    ASSERT_FALSE(text.empty());
    EXPECT_EQ(layout_name(sniff_layout(std::string_view(text).substr(0, 64 << 10))),
              layout_name(rd.layout));
    ParseOptions opts;
    std::string err;
    opts.zone = test::load_zone(rd.zone, err);
    ASSERT_TRUE(opts.zone) << err;
    opts.zone_from_user = true;
    opts.year = 2026;
    opts.boot_ns = boot_us * 1000;
    opts.path = rd.file;
    CollectingSink sink;
    RecordParser parser(rd.layout, opts, &sink);
    auto raws = test::simple_frame(text, framing_for(rd.layout), classifier_for(rd.layout));
    ASSERT_EQ(raws.size(), 163u);
    int bad = 0;
    for (size_t i = 0; i < raws.size(); ++i) {
      const Event& ev = events[i];
      Record rec;
      parser.parse(raws[i], rec);
      int64_t shown = ev.source_rt_us >= 0 ? ev.source_rt_us : ev.realtime_us;
      int64_t want_us;
      if (rd.layout == Layout::kJournalShortMonotonic || rd.layout == Layout::kJournalShortDelta)
        want_us = boot_us + (ev.source_mono_us >= 0 ? ev.source_mono_us : ev.mono_us);
      else if (whole_second(rd.layout))
        want_us = shown / 1'000'000 * 1'000'000;
      else
        want_us = shown;
      ASSERT_TRUE(rec.time.valid()) << "seq " << i + 1;
      if (rec.time.utc_ns != want_us * 1000 && ++bad <= 5) {
        ADD_FAILURE() << "seq " << i + 1 << ": got "
                      << format_rfc3339(rec.time.utc_ns, Precision::kMicro) << " want "
                      << format_rfc3339(want_us * 1000, Precision::kMicro);
      }
      Precision want_p = whole_second(rd.layout) ? Precision::kSecond : Precision::kMicro;
      EXPECT_EQ(int(rec.time.precision), int(want_p)) << "seq " << i + 1;
      bool has_year =
          rd.layout != Layout::kJournalShort && rd.layout != Layout::kJournalShortPrecise;
      EXPECT_EQ(rec.time.year_inferred, !has_year) << "seq " << i + 1;
      // The message is the entry's MESSAGE (first line compared, escapes aside).
      if (ev.first_line.find('\\') == std::string::npos && rd.layout != Layout::kJournalVerbose &&
          !(ev.first_line.empty())) {
        std::string_view msg = rec.message;
        EXPECT_EQ(msg.substr(0, msg.find('\n')), ev.first_line) << "seq " << i + 1;
      }
      // Identity from the host ident[pid] column or the journal fields.
      EXPECT_EQ(rec.meta.host, "broker-1") << "seq " << i + 1;
      if (rd.layout != Layout::kJournalWithUnit) {
        EXPECT_EQ(rec.meta.identifier, ev.identifier) << "seq " << i + 1;
      }
    }
    EXPECT_EQ(bad, 0);
    EXPECT_FALSE(sink.has_errors());
  }
}

TEST(JournalCorpus, CatHasMessagesOnlyAndNoTime) {
  LOGCORR_REQUIRE_CORPUS();
  std::string text = test::read_file(test::corpus_dir() + "/journal/journal-cat.txt");
  auto raws = test::simple_frame(text, framing_for(Layout::kJournalCat));
  EXPECT_EQ(raws.size(), 172u);  // 163 messages, one of them 10 lines
  RecordParser parser(Layout::kJournalCat, {});
  for (const auto& r : raws) {
    Record rec;
    parser.parse(r, rec);
    EXPECT_EQ(int(rec.time.precision), int(Precision::kNone));
    EXPECT_EQ(rec.message, r.text);
  }
}

TEST(JournalCorpus, KeyEntriesInJsonCarryMetaAndDecodedBytes) {
  LOGCORR_REQUIRE_CORPUS();
  std::string text = test::read_file(test::corpus_dir() + "/journal/journal-json.txt");
  auto raws = test::simple_frame(text, Framing::kJsonLines);
  ASSERT_EQ(raws.size(), 163u);
  RecordParser parser(Layout::kJournalJson, {});
  Record rec;
  parser.parse(raws[42], rec);  // seq 43: non-UTF-8 MESSAGE as a byte array
  EXPECT_EQ(rec.message.size(), 297u);
  EXPECT_EQ(uint8_t(rec.message[88]), 0xfc);
  parser.parse(raws[28], rec);  // seq 29: systemd about kafka.service
  EXPECT_EQ(rec.meta.pid, 1);
  EXPECT_EQ(rec.meta.unit, "kafka.service");
  EXPECT_EQ(format_rfc3339(rec.time.utc_ns, rec.time.precision), "2026-03-29T00:59:59.999712Z");
  parser.parse(raws[157], rec);  // seq 158: multi-line stack trace, escapes decoded
  EXPECT_NE(rec.message.find('\n'), std::string_view::npos);
  EXPECT_EQ(rec.meta.identifier, "kafka");
}

}  // namespace
}  // namespace logcorr

namespace logcorr {
namespace {

// The same renderings through the real Framer (frame stage), fed in odd-sized
// chunks: 163 records each, and the times agree with the test framer's.
struct Collect final : RecordSink {
  std::vector<std::string> texts;
  std::vector<uint64_t> lines;
  void on_record(const RawRecord& r) override {
    texts.emplace_back(r.text);
    lines.push_back(r.line);
  }
};

TEST(JournalCorpus, RealFramerGives163RecordsPerRendering) {
  LOGCORR_REQUIRE_CORPUS();
  const std::string dir = test::corpus_dir() + "/journal";
  for (const auto& rd : renderings()) {
    SCOPED_TRACE(rd.file);
    std::string text = test::read_file(dir + "/" + rd.file);
    Framer framer(framing_for(rd.layout), classifier_for(rd.layout));
    Collect sink;
    for (size_t p = 0; p < text.size(); p += 4093)
      framer.feed(std::string_view(text).substr(p, 4093), sink);
    framer.finish(sink);
    ASSERT_EQ(sink.texts.size(), 163u);
    auto mine = test::simple_frame(text, framing_for(rd.layout), classifier_for(rd.layout));
    ASSERT_EQ(mine.size(), 163u);
    // The framer may drop framing bytes (RS, "data: "); the parsed times and
    // messages must agree all the same.
    ParseOptions opts;
    std::string err;
    opts.zone = test::load_zone(rd.zone, err);
    opts.year = 2026;
    opts.boot_ns = 0;
    RecordParser pa(rd.layout, opts), pb(rd.layout, opts);
    for (size_t i = 0; i < 163; ++i) {
      RawRecord ra;
      ra.text = sink.texts[i];
      Record a, b;
      pa.parse(ra, a);
      std::string msg_a(a.message);
      pb.parse(mine[i], b);
      ASSERT_TRUE(a.time.valid()) << "record " << i + 1;
      EXPECT_EQ(a.time.utc_ns, b.time.utc_ns) << "record " << i + 1;
      EXPECT_EQ(msg_a, b.message) << "record " << i + 1;
      EXPECT_EQ(sink.lines[i], mine[i].line) << "record " << i + 1;
    }
  }
}

}  // namespace
}  // namespace logcorr
