// InputReader: the head is read once (start()), says what the input is, and
// reading goes on from it; rewind() frees everything and reads again alike.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "logcorr/events_io.hpp"
#include "logcorr/reader.hpp"
#include "test_util.hpp"

namespace logcorr {
namespace {

using test::TempDir;

const std::string kSample =
    LOGCORR_SOURCE_DIR "/samples/rolling-restart/clients/orders-service.log";

struct Line {
  uint64_t line;
  std::string text;
  int64_t time_ns;
  bool operator==(const Line&) const = default;
};

std::vector<Line> drain(InputReader& r) {
  std::vector<Line> out;
  while (const Record* rec = r.next())
    out.push_back({rec->raw.line, std::string(rec->raw.text), rec->time.utc_ns});
  return out;
}

InputReader reader_for(const std::string& path, DiagnosticSink& diag) {
  LogicalInput li;
  li.label = path;
  li.base_path = path;
  li.files.push_back(InputFile{path, ""});
  return InputReader(li, 0, ReaderOptions{}, diag);
}

TEST(Reader, StartSniffsTheHeadOnceAndReadingGoesOnFromIt) {
  CollectingSink diag;
  InputReader plain = reader_for(kSample, diag);
  std::vector<Line> whole = drain(plain);
  ASSERT_GT(whole.size(), 100u);

  InputReader started = reader_for(kSample, diag);
  ASSERT_TRUE(started.start());
  EXPECT_EQ(started.stats().layout, plain.stats().layout);  // known before any record
  EXPECT_NE(started.stats().layout, Layout::kUnknown);
  EXPECT_FALSE(started.is_events_ndjson());
  EXPECT_EQ(started.compression(), Compression::kNone);
  EXPECT_TRUE(started.start());  // a second call reads nothing more
  EXPECT_EQ(drain(started), whole);
  EXPECT_EQ(started.stats().files_read, 1u);
  EXPECT_EQ(started.stats().records, whole.size());
  EXPECT_TRUE(diag.items.empty());
}

TEST(Reader, RewindFreesTheHeadAndReadsTheSameRecordsAgain) {
  CollectingSink diag;
  InputReader plain = reader_for(kSample, diag);
  std::vector<Line> whole = drain(plain);

  InputReader r = reader_for(kSample, diag);
  ASSERT_TRUE(r.start());
  r.rewind();
  EXPECT_EQ(r.stats().records, 0u);
  EXPECT_EQ(r.stats().files_read, 0u);
  EXPECT_EQ(drain(r), whole);
  EXPECT_EQ(r.stats().files_read, 1u);  // counted once, not once per look
  EXPECT_EQ(r.stats().records, whole.size());
}

TEST(Reader, EventsNdjsonIsRecognisedFromTheHead) {
  TempDir d;
  Event e;
  e.kind = EventKind::kDisconnect;
  e.time_valid = true;
  e.time_ns = 1'771'322'713'759'000'000;
  e.precision = Precision::kMilli;
  e.input = "clients/orders.log";
  e.line = 7;
  e.text = "Node 1 disconnected.";
  std::string path = d.write("events.ndjson", events_to_ndjson({e, e}));
  CollectingSink diag;
  InputReader r = reader_for(path, diag);
  ASSERT_TRUE(r.start());
  EXPECT_TRUE(r.is_events_ndjson());
  EXPECT_EQ(r.stats().layout, Layout::kPlain);  // one event per line
  EXPECT_EQ(drain(r).size(), 2u);
}

TEST(Reader, StartOnAnEmptyFileSaysSo) {
  TempDir d;
  CollectingSink diag;
  InputReader r = reader_for(d.write("empty.log", ""), diag);
  EXPECT_FALSE(r.start());
  EXPECT_EQ(r.next(), nullptr);
}

}  // namespace
}  // namespace logcorr
