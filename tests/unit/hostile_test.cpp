// Hostile input (issue 17): each reproducer of the red-team round, and the
// library's promise that no exception crosses its API whatever the bytes.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "logcorr/logcorr.hpp"
#include "test_util.hpp"

namespace logcorr {
namespace {

using test::TempDir;

// ---- 1. a malformed token in `logcorr events` NDJSON is an error, not an abort

TEST(Hostile, EventsLineWithAMalformedLiteralIsAnError) {
  EventsParser p;
  Event ev;
  InputSummary in;
  for (std::string_view line : {
           R"({"v":1,"type":"event","time":nul})",
           R"({"v":1,"type":"event","time":"2026-03-05T03:47:12Z","kind":"oom_kill","host":nulll})",
           R"({"v":1,"type":"event","time":tru})",
           R"({"v":1,"type":"input","input":nan})",
           R"({"v":1,"type":"event","fields":{"a":nul}})",
           R"({"v":1,"type":"event","time":"x","kind":"gc_pause","duration_ms":)",
       }) {
    Result<EventsParser::LineType> r = EventsParser::LineType::kSkip;
    EXPECT_NO_THROW(r = p.parse(line, ev, in)) << line;
    EXPECT_FALSE(r.ok()) << line;
  }
  // null itself stays a valid "no value"
  auto ok =
      p.parse(R"({"v":1,"type":"event","time":null,"kind":"disconnect","host":null})", ev, in);
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  EXPECT_FALSE(ev.time_valid);
}

TEST(Hostile, OneBrokenEventsFileDoesNotStopTheRun) {
  TempDir t;
  t.write("in/e.ndjson", "{\"v\":1,\"type\":\"event\",\"time\":nul}\n");
  t.write("in/app.log",
          "2026-03-05 10:00:00,000 INFO [Producer clientId=p] Node 2 disconnected.\n");
  AnalyzeOptions opts;
  opts.threads = 1;
  opts.pattern_dirs = {LOGCORR_SOURCE_DIR "/patterns"};
  CollectingSink diag;
  Result<AnalysisReport> r = Status(ErrorCode::kIoError, "not run");
  EXPECT_NO_THROW(r = analyze({t.file("in")}, opts, diag));
  ASSERT_TRUE(r.ok());
  bool app_read = false;  // the other file of the directory is still read
  for (const auto& in : r->inputs)
    app_read |= in.input.find("app.log") != std::string::npos && in.records == 1;
  EXPECT_TRUE(app_read);
  bool named = false;
  for (const auto& d : diag.items)
    named |= d.path.find("e.ndjson") != std::string::npos && d.line == 1;
  EXPECT_TRUE(named) << "the bad line is named with file:line";
}

// ---- no exception crosses the API: every public entry point, malformed input

std::vector<std::string> malformed_blobs() {
  std::string garbage;
  for (int i = 0; i < 4096; ++i) garbage.push_back(static_cast<char>((i * 131 + 7) & 0xFF));
  return {
      garbage,
      std::string("\x1f\x8b\x08\x00truncated gzip", 17),
      std::string("\x28\xb5\x2f\xfd truncated zstd", 19),
      "{\"v\":1,\"type\":\"event\",\"time\":nul}\n{\"v\":1,\"type\":\"input\",\"records\":1e999}\n",
      "[2026-13-45 99:99:99,999] INFO nothing\n0000-01-01T00:00:00.000Z x\n"
      "2026-03-05T10:00:00+99:99 y\n",
      "{\"kind\":\"EventList\",\"items\":[{\"lastTimestamp\":nul",
      "apiVersion: v1\nkind: Event\nmetadata: {name: [\n",
      std::string(3 << 20, 'A'),  // a 3 MiB line
      "\xff\xfe\xc0\xaf\xed\xa0\x80 invalid UTF-8\n",
      "[12.345s][info][gc] GC(1) Pause Full (System.gc()) 99999999999999999999M->1M(2M) 1e400ms\n",
  };
}

TEST(Hostile, NoExceptionCrossesThePublicApi) {
  TempDir t;
  std::vector<std::string> paths;
  const auto blobs = malformed_blobs();
  for (size_t i = 0; i < blobs.size(); ++i)
    paths.push_back(t.write("blob-" + std::to_string(i) + ".log", blobs[i]));
  AnalyzeOptions opts;
  opts.threads = 2;
  opts.pattern_dirs = {LOGCORR_SOURCE_DIR "/patterns"};
  CollectingSink diag;
  EXPECT_NO_THROW(analyze(paths, opts, diag));
  EXPECT_NO_THROW(extract_resolved_events(paths, opts, diag));
  EXPECT_NO_THROW({
    OpenOptions oo;
    TimelineMerge m(open_inputs(paths, oo, diag));
    while (m.next()) {
    }
  });
  for (const auto& b : blobs) {
    EXPECT_NO_THROW({
      Analyzer a(opts, &diag);
      a.add_bytes("stream", b);
      a.add_record("rec", b.substr(0, 4096));
      a.run();
    });
    EXPECT_NO_THROW({
      EventsParser p;
      Event ev;
      InputSummary in;
      p.parse(b.substr(0, 65536), ev, in);
    });
    for (KubeDoc d : {KubeDoc::kJson, KubeDoc::kYaml, KubeDoc::kDescribe, KubeDoc::kEventsTable}) {
      std::vector<Event> out;
      EXPECT_NO_THROW(read_kube(b, d, KubeReadOptions{}, out, diag));
    }
    EXPECT_NO_THROW(load_pack_text(b.substr(0, 65536), "blob.toml", diag));
    EXPECT_NO_THROW(parse_user_time(b.substr(0, 200), *Zone::utc()));
    EXPECT_NO_THROW(Zone::load(b.substr(0, 200)));
    EXPECT_NO_THROW({
      LiveOptions lo;
      lo.analyze = opts;
      auto live = LiveAnalyzer::create(lo, diag);
      if (live.ok()) {
        (*live)->add_source("s");
        (*live)->feed("s", b, 1);
        (*live)->finish();
      }
    });
  }
}

// ---- 2. a stream is opened once: never probed ahead

TEST(Hostile, AStreamIsNoRotationMemberAndIsNotReadTwice) {
  TempDir t;
  const std::string fifo = t.file("app.log.1");
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  t.write("app.log", "2026-03-05 10:00:00,000 INFO a\n");
  EXPECT_TRUE(is_stream_path(fifo));
  EXPECT_TRUE(is_stream_path("-"));
  EXPECT_FALSE(is_stream_path(t.file("app.log")));
  EXPECT_FALSE(is_stream_path(t.path()));
  CollectingSink diag;
  auto inputs = discover_inputs({t.file("app.log"), fifo}, DiscoverOptions{}, diag);
  ASSERT_EQ(inputs.size(), 2u);  // not one rotation set
  for (const auto& in : inputs) EXPECT_EQ(in.files.size(), 1u);
  // A relative window would read every input twice: refused for a stream.
  OpenOptions oo;
  auto w = resolve_time_window("30 min ago", "", {fifo}, oo);
  ASSERT_FALSE(w.ok());
  EXPECT_NE(w.status().message().find("read once only"), std::string::npos);
}

// ---- 4. a file cut while it is read is reported

TEST(Hostile, AFileThatShrinksWhileReadIsReported) {
  TempDir t;
  std::string text;
  for (int i = 0; i < 200000; ++i)
    text += "2026-03-05 10:00:00,000 INFO filler line number " + std::to_string(i) + "\n";
  const std::string path = t.write("big.log", text);
  OpenOptions oo;
  CollectingSink diag;
  auto readers = open_inputs({path}, oo, diag);
  ASSERT_EQ(readers.size(), 1u);
  ASSERT_NE(readers[0]->next(), nullptr);
  ASSERT_EQ(::truncate(path.c_str(), 100), 0);  // a copytruncate rotation
  while (readers[0]->next()) {
  }
  bool said = false;
  for (const auto& d : diag.items)
    said |= d.message.find("shrank from " + std::to_string(text.size()) + " to 100 bytes") !=
            std::string::npos;
  EXPECT_TRUE(said);
}

// ---- 10. the terminal is the user's

TEST(Hostile, ControlCharactersAreEscapedForTheTerminal) {
  EXPECT_EQ(terminal_text("a\x1b]0;pwned\x07z"), "a\\x1b]0;pwned\\x07z");
  EXPECT_EQ(terminal_text("a\nFAKE: 99 bursts\r"), "a\\nFAKE: 99 bursts\\r");
  EXPECT_EQ(terminal_text("line1\r\nline2\n", true), "line1\r\nline2\n");
  EXPECT_EQ(terminal_text("tab\tkept \x7f"), "tab\tkept \\x7f");
  EXPECT_EQ(terminal_text("\xc2\x9b"
                          "2J"),
            "\\u009b2J");  // C1 CSI in UTF-8
  EXPECT_EQ(terminal_text("\x9b"
                          "2J"),
            "\\x9b2J");  // a bare 8-bit CSI
  EXPECT_EQ(terminal_text("Gr\xc3\xbc\xc3\x9f"
                          "e \xe2\x82\xac"),
            "Gr\xc3\xbc\xc3\x9f"
            "e \xe2\x82\xac");
  EXPECT_EQ(terminal_text("\xed\xa0\x80"), "\\xed\\xa0\\x80");  // a surrogate is no UTF-8
  // Cutting never splits a character.
  EXPECT_EQ(utf8_prefix("ab\xe2\x82\xac", 3), "ab");
  EXPECT_EQ(utf8_prefix("ab\xe2\x82\xac", 5), "ab\xe2\x82\xac");
  EXPECT_EQ(utf8_prefix("abc", 2), "ab");
}

TEST(Hostile, TheTextReportEscapesWhatTheLogsSaid) {
  AnalysisReport r;
  Burst b;
  b.count = 3;
  b.clients = {"evil\x1b[2Jclient"};
  Evidence e;
  e.input = "a\nFAKE: 99 bursts.log";
  e.line = 7;
  e.text = "\x1b]0;pwned\x07 Node 2 disconnected";
  b.evidence.push_back(e);
  r.bursts.push_back(b);
  r.notes.push_back("note with \r carriage return");
  TextOptions o;
  o.color = false;
  const std::string out = render_text(r, o);
  EXPECT_EQ(out.find('\x1b'), std::string::npos) << out;
  EXPECT_EQ(out.find('\r'), std::string::npos) << out;
  EXPECT_EQ(out.find("\nFAKE"), std::string::npos) << out;
  EXPECT_NE(out.find("a\\nFAKE: 99 bursts.log:7"), std::string::npos) << out;
}

// ---- 13. out-of-range stamps are said, not guessed

TEST(Hostile, OutOfRangeStampsAreWarnedAboutWithTheirLine) {
  TempDir t;
  const std::string path = t.write("odd.log",
                                   "2026-03-05T10:00:00.000Z ok\n"
                                   "0000-01-01T00:00:00.000Z year zero\n"
                                   "2026-03-05T10:00:01+99:99 offset out of range\n");
  OpenOptions oo;
  CollectingSink diag;
  auto readers = open_inputs({path}, oo, diag);
  std::vector<bool> valid;
  while (const Record* r = readers[0]->next()) valid.push_back(r->time.valid());
  ASSERT_EQ(valid.size(), 3u);
  EXPECT_TRUE(valid[0]);
  EXPECT_FALSE(valid[1]);  // not the file's mtime year
  EXPECT_FALSE(valid[2]);  // not "no offset"
  std::vector<uint64_t> lines;
  for (const auto& d : diag.items)
    if (d.severity == Severity::kWarning) lines.push_back(d.line);
  EXPECT_EQ(lines, (std::vector<uint64_t>{2, 3}));
}

// ---- 12, 13. pattern packs: a literal the prefilter cannot find; a type error

TEST(Hostile, PackErrorsNameTheirLine) {
  CollectingSink diag;
  auto r = load_pack_text(
      "[pack]\nname = \"p\"\nlayouts = [\"any\"]\n\n[[pattern]]\nid = \"x\"\nkind = "
      "\"disconnect\"\nliterals = [\"!\"]\nregex = '''!'''\n",
      "short.toml", diag);
  bool short_lit = false;
  for (const auto& d : diag.items)
    short_lit |= d.line == 8 && d.message.find("shorter than 2 bytes") != std::string::npos;
  EXPECT_TRUE(short_lit);
  CollectingSink diag2;
  auto r2 = load_pack_text("[pack]\ndescription = \"d\"\nname = 42\n", "typed.toml", diag2);
  EXPECT_FALSE(r2.ok());
  ASSERT_FALSE(diag2.items.empty());
  EXPECT_EQ(diag2.items[0].line, 3u);
  EXPECT_NE(diag2.items[0].message.find("'name' must be a string"), std::string::npos)
      << diag2.items[0].message;
}

}  // namespace
}  // namespace logcorr
