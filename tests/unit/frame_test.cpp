// Framer tests: every mode on hand-made edge cases and on real renderings in
// ../shared/corpus. Every input is also fed byte by byte and in random chunk
// sizes, which must give exactly the records of one-shot feeding, and every
// record is checked against the stream (text at offset, line = 1 + newlines
// before it).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <random>
#include <regex>
#include <string>
#include <vector>

#include "logcorr/frame.hpp"
#include "test_util.hpp"

namespace logcorr {
namespace {

struct Rec {
  std::string text;
  uint64_t line;
  uint64_t offset;
  uint32_t line_count;
  bool truncated;
  bool operator==(const Rec&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Rec& r) {
  return os << "{line " << r.line << " off " << r.offset << " n " << r.line_count
            << (r.truncated ? " TRUNC" : "") << " '" << r.text.substr(0, 80) << "'}";
}

class Collect final : public RecordSink {
 public:
  void on_record(const RawRecord& r) override {
    out.push_back({std::string(r.text), r.line, r.offset, r.line_count, r.truncated});
  }
  std::vector<Rec> out;
};

// Starts a record at `[YYYY-` or `YYYY-MM-DD` (log4j / logback headers).
class JavaHeader final : public LineClassifier {
 public:
  bool starts_record(std::string_view l) const override {
    auto d = [&](size_t i) { return i < l.size() && l[i] >= '0' && l[i] <= '9'; };
    if (l.size() >= 6 && l[0] == '[' && d(1) && d(2) && d(3) && d(4) && l[5] == '-') return true;
    return l.size() >= 10 && d(0) && d(1) && d(2) && d(3) && l[4] == '-' && d(5) && d(6) &&
           l[7] == '-' && d(8) && d(9);
  }
};

// Legacy JDK 8 GC: a record starts at `2015-05-04T…: 12.3:` or `12.345: `.
class GcHeader final : public LineClassifier {
 public:
  bool starts_record(std::string_view l) const override {
    if (l.size() >= 11 && l[4] == '-' && l[10] == 'T') return true;
    size_t i = 0;
    while (i < l.size() && l[i] >= '0' && l[i] <= '9') ++i;
    if (i == 0 || i >= l.size() || l[i] != '.') return false;
    ++i;
    size_t j = i;
    while (j < l.size() && l[j] >= '0' && l[j] <= '9') ++j;
    return j > i && j < l.size() && l[j] == ':';
  }
};

const JavaHeader kJava;
const GcHeader kGc;

std::vector<Rec> frame_chunks(const std::string& data, Framing m, const LineClassifier* c,
                              FramerOptions o, const std::vector<size_t>& sizes,
                              uint64_t* lines = nullptr, uint64_t* dropped = nullptr) {
  Framer f(m, c, o);
  Collect sink;
  size_t i = 0, k = 0;
  while (i < data.size()) {
    size_t n = sizes.empty() ? data.size() : sizes[k++ % sizes.size()];
    n = std::min(n, data.size() - i);
    f.feed(std::string_view(data).substr(i, n), sink);
    i += n;
  }
  f.finish(sink);
  if (lines) *lines = f.lines();
  if (dropped) *dropped = f.truncated_bytes();
  return sink.out;
}

// Frames `data` one-shot, byte by byte and in random chunks; all three must
// agree, and every record must be where it says it is.
std::vector<Rec> frame(const std::string& data, Framing m, const LineClassifier* c = nullptr,
                       FramerOptions o = {}) {
  uint64_t lines1 = 0, lines2 = 0, drop1 = 0, drop2 = 0;
  auto one = frame_chunks(data, m, c, o, {}, &lines1, &drop1);
  std::mt19937 rng(42);
  std::vector<size_t> rnd;
  for (int i = 0; i < 64; ++i) rnd.push_back(1 + rng() % 700);
  auto rand_chunks = frame_chunks(data, m, c, o, rnd, &lines2, &drop2);
  EXPECT_EQ(one, rand_chunks) << "random chunks differ";
  EXPECT_EQ(lines1, lines2);
  EXPECT_EQ(drop1, drop2);
  if (data.size() <= (2u << 20)) {
    EXPECT_EQ(one, frame_chunks(data, m, c, o, {1})) << "byte-by-byte differs";
  }
  // Line count: every '\n', plus a final unterminated line.
  uint64_t nl = std::count(data.begin(), data.end(), '\n');
  EXPECT_EQ(lines1, nl + (!data.empty() && data.back() != '\n' ? 1 : 0));
  uint64_t prev_end = 0;
  for (const Rec& r : one) {
    EXPECT_EQ(data.compare(r.offset, r.text.size(), r.text), 0) << r;
    EXPECT_EQ(r.line, 1 + std::count(data.begin(), data.begin() + r.offset, '\n')) << r;
    EXPECT_GE(r.offset, prev_end) << r;
    prev_end = r.offset + r.text.size();
    if (!r.truncated) {
      EXPECT_EQ(r.line_count, 1 + std::count(r.text.begin(), r.text.end(), '\n')) << r;
    }
  }
  return one;
}

std::vector<std::string> texts(const std::vector<Rec>& v) {
  std::vector<std::string> out;
  for (const auto& r : v) out.push_back(r.text);
  return out;
}

using V = std::vector<std::string>;

TEST(FrameLines, CrlfFinalLineBlankLinesAndPositions) {
  std::string in = "alpha\r\n\r\nbe\rta\n\ngamma";
  auto r = frame(in, Framing::kLines);
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0], (Rec{"alpha", 1, 0, 1, false}));
  EXPECT_EQ(r[1], (Rec{"be\rta", 3, 9, 1, false}));  // inner CR is data
  EXPECT_EQ(r[2], (Rec{"gamma", 5, 16, 1, false}));  // unterminated, from finish()
}

TEST(FrameLines, NulAndInvalidUtf8PassThrough) {
  std::string in("a\0b\xff\xfe\xc3\n\x80\0\n", 10);
  auto r = frame(in, Framing::kLines);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].text, std::string("a\0b\xff\xfe\xc3", 6));
  EXPECT_EQ(r[1].text, std::string("\x80\0", 2));
}

TEST(FrameLines, EmittedWithoutHoldBack) {
  // A line that nothing can continue must not wait for the next one.
  Framer f(Framing::kLines);
  Collect c;
  f.feed("one\ntw", c);
  ASSERT_EQ(c.out.size(), 1u);
  f.feed("o\n", c);
  EXPECT_EQ(texts(c.out), (V{"one", "two"}));
}

TEST(FrameIndent, ContinuationOrphanAndBlankLines) {
  std::string in =
      "  orphan\n"
      "Mar 29 a: first\n"
      "          cont 1\n"
      "\tcont 2\n"
      "\n"
      "Mar 29 b: second\n"
      "\n"
      "\n"
      "    after blanks\n"
      "Mar 29 c\n"
      "\n";
  auto r = frame(in, Framing::kIndentContinued);
  ASSERT_EQ(r.size(), 4u);
  EXPECT_EQ(r[0], (Rec{"  orphan", 1, 0, 1, false}));
  EXPECT_EQ(r[1].text, "Mar 29 a: first\n          cont 1\n\tcont 2");  // trailing blank dropped
  EXPECT_EQ(r[1].line, 2u);
  EXPECT_EQ(r[1].line_count, 3u);
  EXPECT_EQ(r[2].text, "Mar 29 b: second\n\n\n    after blanks");  // inner blanks kept
  EXPECT_EQ(r[2].line, 6u);
  EXPECT_EQ(r[3], (Rec{"Mar 29 c", 10, in.size() - 10, 1, false}));
}

TEST(FrameIndent, CrlfInsideRecordKeepsInnerCr) {
  auto r = frame("head\r\n cont\r\nnext\r\n", Framing::kIndentContinued);
  EXPECT_EQ(texts(r), (V{"head\r\n cont", "next"}));
}

TEST(FrameIndent, FlushReleasesHeldRecord) {
  Framer f(Framing::kIndentContinued);
  Collect c;
  f.feed("a\n b\n", c);
  EXPECT_TRUE(c.out.empty());  // may still get continuation lines
  f.flush(c);
  ASSERT_EQ(c.out.size(), 1u);
  EXPECT_EQ(c.out[0].text, "a\n b");
  f.feed(" late\nx\n", c);  // a continuation after a flush stands alone
  f.finish(c);
  EXPECT_EQ(texts(c.out), (V{"a\n b", " late", "x"}));
}

// Bare text (layout "plain"): an indented line continues a record whose first
// line is not indented; indented lines under no such line stand alone.
TEST(FrameIndentUnderHeader, BlocksJoinButIndentedLinesAloneDoNot) {
  // real-lines/systemd/008.log (shortened): a `systemctl status` snapshot.
  std::string status =
      "\xe2\x97\x8f kafka.service - Apache Kafka server (broker)\n"
      "   Loaded: loaded (/etc/systemd/system/kafka.service; enabled; vendor preset: disabled)\n"
      "   Active: active (running) since Thu 2021-05-27 16:57:53 IST; 5min ago\n"
      " Main PID: 32709 (java)\n";
  auto r = frame(status, Framing::kIndentUnderHeader);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].line_count, 4u);
  // real-lines/kubernetes/001.log: kubectl describe lines, all indented.
  std::string kubectl =
      "   Last State:    Terminated\n     Reason:      OOMKilled\n     Exit Code:   137\n";
  EXPECT_EQ(
      texts(frame(kubectl, Framing::kIndentUnderHeader)),
      (V{"   Last State:    Terminated", "     Reason:      OOMKilled", "     Exit Code:   137"}));
  // The same lines under an unindented one are its block; blank lines inside
  // are kept, a trailing one is not.
  r = frame("Containers:\n" + kubectl + "\n  more\nnext\n\n", Framing::kIndentUnderHeader);
  EXPECT_EQ(texts(r), (V{"Containers:\n" + kubectl + "\n  more", "next"}));
  // real-lines/java-client/011.log: a headerless `Caused by:` with its frames.
  r = frame(
      "Caused by: kafdrop.service.KafkaAdminClientException: "
      "org.apache.kafka.common.errors.TimeoutException: Timed out waiting for a node assignment. "
      "Call: listNodes\n"
      "\tat kafdrop.service.KafkaHighLevelAdminClient.describeCluster("
      "KafkaHighLevelAdminClient.java:66)\n"
      "\tat kafdrop.service.KafkaMonitorImpl.getBrokers(KafkaMonitorImpl.java:53)\n",
      Framing::kIndentUnderHeader);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].line_count, 3u);
}

TEST(FrameHeader, StackTraceAndConfigDump) {
  std::string in =
      "\tat orphan.Frame(X.java:1)\n"
      "[2026-06-29 14:22:08,455] INFO ProducerConfig values: \n"
      "\tacks = -1\n"
      "\tbatch.size = 16384\n"
      " (org.apache.kafka.clients.producer.ProducerConfig)\n"
      "2026-06-29 14:22:09.001 ERROR boom\n"
      "org.apache.kafka.common.errors.TimeoutException: x\n"
      "\tat a.B.c(B.java:1)\n"
      "\n"
      "Caused by: java.io.IOException: y\n"
      "\t... 3 more\n"
      "\n"
      "[2026-06-29 14:22:10,000] INFO done\n";
  auto r = frame(in, Framing::kHeaderContinued, &kJava);
  ASSERT_EQ(r.size(), 4u);
  EXPECT_EQ(r[0].line, 1u);
  EXPECT_EQ(r[1].line, 2u);
  EXPECT_EQ(r[1].line_count, 4u);
  EXPECT_EQ(r[2].line, 6u);
  EXPECT_EQ(r[2].line_count, 6u);
  EXPECT_EQ(r[2].text.substr(r[2].text.size() - 11), "\t... 3 more");
  EXPECT_EQ(r[3].line, 13u);
}

TEST(FrameLimits, MaxRecordBytesTruncatesHead) {
  FramerOptions o;
  o.max_record_bytes = 10;
  std::string in = "head 12345678901234567890\n more continuation\nshort\n";
  uint64_t dropped = 0;
  auto r = frame_chunks(in, Framing::kIndentContinued, nullptr, o, {}, nullptr, &dropped);
  EXPECT_EQ(r, frame(in, Framing::kIndentContinued, nullptr, o));
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0], (Rec{"head 12345", 1, 0, 2, true}));
  EXPECT_EQ(r[1], (Rec{"short", 3, 45, 1, false}));
  EXPECT_EQ(dropped, 44u - 10u);
}

TEST(FrameLimits, MaxRecordLinesSplits) {
  FramerOptions o;
  o.max_record_lines = 3;
  auto r = frame("h\n 1\n 2\n 3\n 4\n", Framing::kIndentContinued, nullptr, o);
  EXPECT_EQ(texts(r), (V{"h\n 1\n 2", " 3\n 4"}));
}

TEST(FrameLimits, HugeLineInSmallChunksIsLinearAndCapped) {
  // 50 MB in 64 KiB chunks: the head is kept once, the rest only counted.
  std::string big(50u << 20, 'x');
  std::string in = "first\n" + big + "\nlast\n";
  std::vector<size_t> chunk{64u << 10};
  uint64_t dropped = 0;
  auto r = frame_chunks(in, Framing::kLines, nullptr, {}, chunk, nullptr, &dropped);
  ASSERT_EQ(r.size(), 3u);
  EXPECT_TRUE(r[1].truncated);
  EXPECT_EQ(r[1].text.size(), 16u << 20);
  EXPECT_EQ(r[1].offset, 6u);
  EXPECT_EQ(dropped, big.size() - (16u << 20));
  EXPECT_EQ(r[2], (Rec{"last", 3, 6 + big.size() + 1, 1, false}));
  // With a larger cap the line arrives whole.
  FramerOptions o;
  o.max_record_bytes = 64u << 20;
  r = frame_chunks(in, Framing::kHeaderContinued, &kJava, o, chunk);
  ASSERT_EQ(r.size(), 1u);  // no header anywhere: one orphan record
  EXPECT_EQ(r[0].text.size(), in.size() - 1);
  EXPECT_FALSE(r[0].truncated);
}

std::string u64le(uint64_t v) {
  std::string s(8, '\0');
  for (int i = 0; i < 8; ++i) s[i] = static_cast<char>(v >> (8 * i));
  return s;
}

TEST(FrameExport, BinaryFieldWithNewlinesAndEmptyLines) {
  std::string blob = "line1\n\n\nline4\n";  // empty lines inside must not end the entry
  std::string e1 = "__CURSOR=a\nMESSAGE\n" + u64le(blob.size()) + blob + "\nPRIORITY=6";
  std::string e2 = "__CURSOR=b\nMESSAGE=plain";
  std::string in = e1 + "\n\n" + e2 + "\n\n";
  auto r = frame(in, Framing::kJournalExport);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].text, e1);
  EXPECT_EQ(r[0].line, 1u);
  EXPECT_EQ(r[1].text, e2);
  EXPECT_EQ(r[1].offset, e1.size() + 2);
}

TEST(FrameExport, LengthBytesHoldingNewlineAndAbsurdLength) {
  // A length of 10 is byte 0x0a: the length itself contains a '\n'.
  std::string v = "0123456789";
  std::string e1 = "A=1\nBIN\n" + u64le(v.size()) + v + "\nZ=2";
  std::string bad = "X=1\nBIN\n" + u64le(~uint64_t{0}) + "rest\nY=1";
  auto r = frame(e1 + "\n\n" + bad + "\n\n", Framing::kJournalExport);
  EXPECT_EQ(texts(r), (V{e1, bad}));
}

// real-lines/journal-json/001.txt: a pasted export entry whose binary
// _SELINUX_CONTEXT lost its 8 length bytes; the value ("unconfined" and the
// field's newline) then reads as text lines with an empty one among them. The
// entry must not end there: it runs to the next `__CURSOR=` entry.
TEST(FrameExport, MangledBinaryFieldKeepsTheEntryWhole) {
  std::string e1 =
      "__CURSOR=s=f5ed;i=17623\n__REALTIME_TIMESTAMP=1592391301176116\n_GID=0\n"
      "_SELINUX_CONTEXT\n\nunconfined\n\n_HOSTNAME=nas\n"
      "MESSAGE=pam_unix(cron:session): session closed for user root\n_PID=350359";
  std::string e2 = "__CURSOR=s=f5ed;i=17624\nMESSAGE=next";
  auto r = frame(e1 + "\n\n" + e2 + "\n\n", Framing::kJournalExport);
  EXPECT_EQ(texts(r), (V{e1, e2}));
  // A well-formed entry after it is not affected.
  std::string blob = "a\n\nb";
  std::string e3 = "__CURSOR=c\nMESSAGE\n" + u64le(blob.size()) + blob + "\nX=1";
  r = frame(e1 + "\n\n" + e3 + "\n\n" + e2 + "\n\n", Framing::kJournalExport);
  EXPECT_EQ(texts(r), (V{e1, e3, e2}));
}

TEST(FrameJson, SeqPrettySse) {
  auto seq = frame("\x1e{\"a\":1}\n\x1e{\"b\":\n 2}\n", Framing::kJsonSeq);
  ASSERT_EQ(seq.size(), 2u);
  EXPECT_EQ(seq[0], (Rec{"{\"a\":1}", 1, 1, 1, false}));  // RS stripped, offset after it
  EXPECT_EQ(seq[1].text, "{\"b\":\n 2}");

  auto pretty = frame("{\n\t\"a\" : 1\n}\n{\"c\":3}\n{\n\t\"b\" : 2,\n", Framing::kJsonPretty);
  EXPECT_EQ(texts(pretty), (V{"{\n\t\"a\" : 1\n}", "{\"c\":3}", "{\n\t\"b\" : 2,"}));

  auto sse = frame("data: {\"a\":1}\n\nid: 7\ndata: {\"b\":2}\n\n", Framing::kJsonSse);
  EXPECT_EQ(texts(sse), (V{"data: {\"a\":1}", "id: 7\ndata: {\"b\":2}"}));

  auto lines = frame("{\"a\":1}\n\n{\"b\":2}\r\n", Framing::kJsonLines);
  EXPECT_EQ(texts(lines), (V{"{\"a\":1}", "{\"b\":2}"}));
}

TEST(FrameJson, PrettyCloseEmitsWithoutWaiting) {
  Framer f(Framing::kJsonPretty);
  Collect c;
  f.feed("{\n\t\"a\" : 1\n}\n", c);
  EXPECT_EQ(c.out.size(), 1u);
}

TEST(FrameAllModes, ArbitraryBytesChunkInvariant) {
  std::mt19937 rng(7);
  const char alphabet[] =
      "\n\n\r \t{}=\x1e"
      "dataAB0123456789:[-";
  for (int round = 0; round < 40; ++round) {
    std::string s;
    size_t n = 200 + rng() % 2000;
    for (size_t i = 0; i < n; ++i) {
      s.push_back(rng() % 8 == 0 ? static_cast<char>(rng())
                                 : alphabet[rng() % (sizeof alphabet - 1)]);
    }
    for (int m = 0; m <= static_cast<int>(Framing::kIndentUnderHeader); ++m) {
      FramerOptions o;
      o.max_record_bytes = 1 + rng() % 300;
      o.max_record_lines = 1 + rng() % 20;
      SCOPED_TRACE("mode " + std::to_string(m));
      frame(s, static_cast<Framing>(m), &kJava, o);
    }
  }
}

// --- real data ------------------------------------------------------------

std::string corpus(const std::string& rel) {
  return test::corpus_dir() + "/" + rel;
}

TEST(FrameCorpus, JournalRenderingsHave163Records) {
  LOGCORR_REQUIRE_CORPUS();
  const std::vector<std::pair<std::string, Framing>> modes = {
      {"short", Framing::kIndentContinued},
      {"short-full", Framing::kIndentContinued},
      {"short-iso", Framing::kIndentContinued},
      {"short-iso-precise", Framing::kIndentContinued},
      {"short-precise", Framing::kIndentContinued},
      {"short-monotonic", Framing::kIndentContinued},
      {"short-delta", Framing::kIndentContinued},
      {"short-unix", Framing::kIndentContinued},
      {"with-unit", Framing::kIndentContinued},
      {"short-berlin", Framing::kIndentContinued},
      {"short-full-sydney", Framing::kIndentContinued},
      {"verbose", Framing::kJournalVerbose},
      {"verbose-berlin", Framing::kJournalVerbose},
      {"export", Framing::kJournalExport},
      {"json", Framing::kJsonLines},
      {"json-pretty", Framing::kJsonPretty},
      {"json-seq", Framing::kJsonSeq},
      {"json-sse", Framing::kJsonSse},
  };
  for (const auto& [name, mode] : modes) {
    SCOPED_TRACE(name);
    std::string data = test::read_file(corpus("journal/journal-" + name + ".txt"));
    ASSERT_FALSE(data.empty());
    auto r = frame(data, mode);
    ASSERT_EQ(r.size(), 163u);
    // seq 158: the 10-line Java stack trace is one record.
    const Rec& st = r[157];
    if (mode == Framing::kIndentContinued) {
      EXPECT_EQ(st.line_count, 10u);
    } else if (mode == Framing::kJournalVerbose) {
      EXPECT_NE(st.text.find("\n            \tat "), std::string::npos);
    }
    EXPECT_NE(st.text.find("kafka"), std::string::npos);
    for (size_t i = 0; i < r.size(); ++i) {
      if (i == 157) continue;
      // Only the stack trace spans lines in the message-per-line modes.
      if (mode == Framing::kIndentContinued) {
        EXPECT_EQ(r[i].line_count, 1u) << r[i];
      }
    }
  }
  // cat: no header to join on; one record per line.
  auto cat = frame(test::read_file(corpus("journal/journal-cat.txt")), Framing::kLines);
  EXPECT_EQ(cat.size(), 172u);
}

TEST(FrameCorpus, ExportBinaryMessageStaysInItsEntry) {
  LOGCORR_REQUIRE_CORPUS();
  auto r = frame(test::read_file(corpus("journal/journal-export.txt")), Framing::kJournalExport);
  ASSERT_EQ(r.size(), 163u);
  const std::string& e = r[42].text;  // seq 43
  std::string needle = "\nMESSAGE\n" + u64le(297);
  size_t at = e.find(needle);
  ASSERT_NE(at, std::string::npos);
  std::string value = e.substr(at + needle.size(), 297);
  EXPECT_NE(value.find("group lager-\xfc"
                       "bersicht"),
            std::string::npos);
  // The value ends the entry or is followed by the field's closing newline.
  size_t end = at + needle.size() + 297;
  EXPECT_TRUE(end == e.size() || e[end] == '\n');
  for (const Rec& x : r) EXPECT_EQ(x.text.rfind("__CURSOR=", 0), 0u) << x;
  // seq 158's multi-line MESSAGE is binary too, with its newlines.
  EXPECT_NE(r[157].text.find("\n\tat "), std::string::npos);
}

// Excerpts where every labelled record starts at a `[YYYY-` / `YYYY-MM-DD`
// header (others use wrappers or bare text and need the format stage).
TEST(FrameCorpus, JavaExcerptsMatchLabelledRecordStarts) {
  LOGCORR_REQUIRE_CORPUS();
  std::map<std::string, std::vector<uint64_t>> starts;
  std::string labels = test::read_file(corpus("real-lines/labels.tsv"));
  size_t pos = labels.find('\n') + 1;
  while (pos < labels.size()) {
    size_t eol = labels.find('\n', pos);
    std::string row = labels.substr(pos, eol - pos);
    pos = eol == std::string::npos ? labels.size() : eol + 1;
    size_t t1 = row.find('\t'), t2 = row.find('\t', t1 + 1);
    starts[row.substr(0, t1)].push_back(std::stoull(row.substr(t1 + 1, t2 - t1 - 1)));
  }
  const char* files[] = {"broker-server/001.log", "broker-server/002.log", "broker-server/003.log",
                         "broker-server/004.log", "broker-server/005.log", "broker-server/006.log",
                         "broker-server/007.log", "broker-server/008.log", "broker-server/009.log",
                         "broker-server/010.log", "broker-server/011.log", "broker-server/012.log",
                         "broker-server/013.log", "broker-server/014.log", "broker-server/015.log",
                         "broker-server/016.log", "broker-server/021.log", "broker-server/022.log",
                         "broker-server/024.log", "broker-server/025.log", "java-client/001.log",
                         "java-client/005.log",   "java-client/007.log",   "java-client/010.log",
                         "java-client/011.log",   "java-client/013.log",   "java-client/015.log",
                         "java-client/017.log",   "java-client/020.log",   "java-client/021.log",
                         "java-client/026.log",   "java-client/027.log",   "java-client/029.log",
                         "java-client/031.log",   "java-client/032.log",   "java-client/033.log",
                         "java-client/035.log"};
  size_t dumps = 0, traces = 0;
  for (const char* f : files) {
    SCOPED_TRACE(f);
    auto r = frame(test::read_file(corpus(std::string("real-lines/") + f)),
                   Framing::kHeaderContinued, &kJava);
    std::vector<uint64_t> got;
    for (const Rec& x : r) {
      got.push_back(x.line);
      if (x.text.find("ProducerConfig values:") != std::string::npos && x.line_count > 10) ++dumps;
      if (x.text.find("\n\tat ") != std::string::npos) ++traces;
    }
    EXPECT_EQ(got, starts[f]);
  }
  EXPECT_GE(dumps, 2u);
  EXPECT_GE(traces, 3u);
}

TEST(FrameCorpus, BrokerServerLogsJoinStackTraces) {
  LOGCORR_REQUIRE_CORPUS();
  size_t files = 0, multi = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(corpus("kafka-logs"))) {
    std::string name = e.path().filename().string();
    if (!e.is_regular_file() || name.rfind("server.log", 0) != 0) continue;
    if (e.path().extension() == ".gz") continue;
    std::string data = test::read_file(e.path().string());
    SCOPED_TRACE(e.path().string());
    ++files;
    // Independent count of header lines.
    size_t headers = 0, first_is_header = 0;
    for (size_t p = 0; p < data.size();) {
      size_t eol = data.find('\n', p);
      if (eol == std::string::npos) eol = data.size();
      bool h = kJava.starts_record(std::string_view(data).substr(p, eol - p));
      if (p == 0) first_is_header = h;
      headers += h;
      p = eol + 1;
    }
    auto r = frame(data, Framing::kHeaderContinued, &kJava);
    size_t expect = headers + (!data.empty() && !first_is_header ? 1 : 0);
    EXPECT_EQ(r.size(), expect);
    for (const Rec& x : r) multi += x.line_count > 1;
  }
  EXPECT_GT(files, 10u);
  EXPECT_GT(multi, 0u);
}

TEST(FrameCorpus, MangledExportEntryIsOneRecord) {
  LOGCORR_REQUIRE_CORPUS();
  auto r =
      frame(test::read_file(corpus("real-lines/journal-json/001.txt")), Framing::kJournalExport);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].line, 1u);
  EXPECT_EQ(r[0].line_count, 31u);
}

TEST(FrameCorpus, LegacyGcDetailBlocks) {
  LOGCORR_REQUIRE_CORPUS();
  auto r = frame(test::read_file(corpus("gc/garbagecat/dataset41.txt")), Framing::kHeaderContinued,
                 &kGc);
  ASSERT_EQ(r.size(), 8u);
  size_t pauses = 0;
  for (const Rec& x : r) {
    if (x.text.find("[GC pause") == std::string::npos) continue;
    ++pauses;
    EXPECT_NE(x.text.find("[Times: user="), std::string::npos) << x;
    EXPECT_GT(x.line_count, 10u);
  }
  EXPECT_GE(pauses, 2u);
}

}  // namespace
}  // namespace logcorr
