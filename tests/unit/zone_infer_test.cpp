// Zone inference (zone_infer.hpp): a zone-less server.log against the
// journal that holds the same lines (Kafka's stdout) under UTC stamps.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "logcorr/analyze.hpp"
#include "logcorr/events_io.hpp"
#include "logcorr/time.hpp"
#include "logcorr/zone_infer.hpp"
#include "test_util.hpp"

namespace logcorr {
namespace {

constexpr int64_t kS = 1'000'000'000;
constexpr int64_t kT0 = 1'772'719'331LL * kS;  // 2026-03-05T14:02:11Z

// Sketches of n records whose zoned stamps are `delta` after their zone-less
// ones (zoned - zone-less = -offset), keys from `first`.
void add_pairs(StampSample& zoneless, StampSample& zoned, uint64_t first, int n, int64_t delta) {
  for (int i = 0; i < n; ++i) {
    int64_t t = kT0 + i * 37 * kS;
    zoneless.offer(stamp_key("[line " + std::to_string(first + i) + "]"), t);
    zoned.offer(stamp_key("[line " + std::to_string(first + i) + "]"), t + delta);
  }
}

TEST(ZoneGuess, AgreeingPairsGiveTheOffset) {
  StampSample a, b;
  // journald stamps a little after the line was written (up to 1 s in short-iso)
  add_pairs(a, b, 0, 40, -7200 * kS + 400'000'000);
  ZoneGuess g = guess_zone(a, {&b});
  EXPECT_EQ(g.kind, ZoneGuess::Kind::kInferred);
  EXPECT_EQ(g.offset_seconds, 7200);
  EXPECT_EQ(g.pairs, 40u);
  EXPECT_EQ(g.agreeing, 40u);
  EXPECT_EQ(format_offset(g.offset_seconds), "+02:00");
}

TEST(ZoneGuess, ConstantOffsetsOffTheHour) {
  for (int32_t off : {19800, -10800, 20700, 0, -34200}) {  // +05:30 -03:00 +05:45 UTC -09:30
    StampSample a, b;
    add_pairs(a, b, 100, 12, -int64_t{off} * kS);
    ZoneGuess g = guess_zone(a, {&b});
    EXPECT_EQ(g.kind, ZoneGuess::Kind::kInferred) << off;
    EXPECT_EQ(g.offset_seconds, off);
  }
  EXPECT_EQ(format_offset(19800), "+05:30");
  EXPECT_EQ(format_offset(-34200), "-09:30");
}

TEST(ZoneGuess, DisagreeingPairsKeepUtc) {
  StampSample a, b;
  add_pairs(a, b, 0, 5, -7200 * kS);
  add_pairs(a, b, 1000, 4, -3600 * kS);  // as across a DST change
  ZoneGuess g = guess_zone(a, {&b});
  EXPECT_EQ(g.kind, ZoneGuess::Kind::kDisagree);
  EXPECT_EQ(g.offset_seconds, 7200);  // the most voted, suggested
  ASSERT_EQ(g.votes.size(), 2u);
  EXPECT_EQ(g.votes[1].first, 3600);
}

TEST(ZoneGuess, TooFewPairsDoNotDecide) {
  StampSample a, b;
  add_pairs(a, b, 0, 2, -7200 * kS);
  EXPECT_EQ(guess_zone(a, {&b}).kind, ZoneGuess::Kind::kDisagree);
}

TEST(ZoneGuess, NoSharedRecords) {
  StampSample a, b;
  for (int i = 0; i < 50; ++i) {
    a.offer(stamp_key("server " + std::to_string(i)), kT0);
    b.offer(stamp_key("journal " + std::to_string(i)), kT0);
  }
  ZoneGuess g = guess_zone(a, {&b});
  EXPECT_EQ(g.kind, ZoneGuess::Kind::kNoPairs);
  EXPECT_EQ(g.pairs, 0u);
  EXPECT_EQ(guess_zone(a, {}).kind, ZoneGuess::Kind::kNoPairs);
}

TEST(ZoneGuess, OffTheQuarterHourIsSkewNotAZone) {
  StampSample a, b;
  add_pairs(a, b, 0, 20, -(7200 + 7 * 60 + 12) * kS);  // 2 h 7 min 12 s
  ZoneGuess g = guess_zone(a, {&b});
  EXPECT_EQ(g.kind, ZoneGuess::Kind::kSkew);
  EXPECT_EQ(g.skew_ns, -(7200 + 7 * 60 + 12) * kS);
}

TEST(StampSample, BoundedAndContentKeyed) {
  // Two inputs that share records keep the same ones of them: the sketch is
  // the k smallest keys, whatever else each input holds.
  StampSample a, b;
  for (int i = 0; i < 20000; ++i) {
    a.offer(stamp_key("shared " + std::to_string(i)), kT0);
    b.offer(stamp_key("shared " + std::to_string(i)), kT0 - 3600 * kS);
    b.offer(stamp_key("other " + std::to_string(i)), kT0);
  }
  EXPECT_EQ(a.heap.size(), StampSample::kCapacity);
  EXPECT_EQ(b.heap.size(), StampSample::kCapacity);
  EXPECT_EQ(a.offered, 20000u);
  ZoneGuess g = guess_zone(a, {&b});
  EXPECT_EQ(g.kind, ZoneGuess::Kind::kInferred);
  EXPECT_EQ(g.offset_seconds, 3600);
  EXPECT_GT(g.pairs, StampSample::kCapacity / 4);  // about half of b's sketch is shared
  // A record's key is its first line, trailing blanks aside.
  EXPECT_EQ(stamp_key("[a] x\r"), stamp_key("[a] x\n\tat y"));
}

// Real-shaped lines (../shared/corpus/journal/journal-short-iso.txt,
// kafka-logs/*/server.log): broker-1's server.log in +02:00 local time, its
// journal in UTC with Kafka's stdout.
const char* const kLines[] = {
    "INFO [GroupMetadataManager brokerId=1] Removed 4 expired offsets in 1 milliseconds. "
    "(kafka.coordinator.group.GroupMetadataManager)",
    "INFO [GroupCoordinator 1]: Preparing to rebalance group console-consumer-87929 in state "
    "PreparingRebalance with old generation 0 (__consumer_offsets-16) (reason: Adding new member) "
    "(kafka.coordinator.group.GroupCoordinator)",
    "INFO [GroupCoordinator 1]: Stabilized group console-consumer-87929 generation 1 "
    "(__consumer_offsets-16) with 1 members (kafka.coordinator.group.GroupCoordinator)",
    "INFO [ProducerStateManager partition=orders-3] Wrote producer snapshot at offset 48211 with 0 "
    "producer ids in 1 ms. (kafka.log.ProducerStateManager)",
    "INFO [KafkaServer id=1] shutting down (kafka.server.KafkaServer)",
};

// "[2026-03-05 14:02:11,123] " for a UTC instant shown at `offset` seconds.
std::string log4j_stamp(int64_t utc_s, int offset, int ms) {
  std::string s = format_rfc3339((utc_s + offset) * kS, Precision::kSecond);  // ...T..:..:..Z
  return "[" + s.substr(0, 10) + " " + s.substr(11, 8) + "," + fmt::format("{:03}", ms) + "] ";
}

// server.log and journal of one broker: `n` records, one a minute; with
// `clash`, every other journal stamp an hour early (votes for two zones).
void write_broker(const test::TempDir& d, int offset, int n, bool clash = false) {
  std::string server, journal;
  for (int i = 0; i < n; ++i) {
    int64_t t = 1'772'719'331 + i * 61;
    std::string line = log4j_stamp(t, offset, 100 + i) + kLines[i % 4];
    server += line + "\n";
    // journald stamps it a few ms later, in UTC (-o short-iso: whole seconds)
    int64_t jt = clash && i % 2 ? t - 3600 : t;
    journal += format_rfc3339(jt * kS, Precision::kSecond).substr(0, 19) + "+0000" +
               " broker-1 kafka-server-start.sh[1187]: " + line + "\n";
  }
  server += log4j_stamp(1'772'719'331 + n * 61, offset, 5) + kLines[4] + "\n";
  d.write("broker-1/server.log", server);
  d.write("broker-1/journal.txt", journal);
}

AnalyzeOptions options() {
  AnalyzeOptions o;
  o.pattern_dirs = {LOGCORR_SOURCE_DIR "/patterns"};
  return o;
}

const InputSummary* input(const std::vector<InputSummary>& ins, const std::string& label) {
  // Labels start with the argument's own name (the temporary directory's).
  for (const auto& in : ins)
    if (in.input.size() >= label.size() &&
        in.input.compare(in.input.size() - label.size(), label.size(), label) == 0)
      return &in;
  return nullptr;
}

TEST(ZoneInference, ServerLogReadInTheJournalsZone) {
  test::TempDir d;
  write_broker(d, 7200, 30);
  CollectingSink diag;
  auto run = extract_resolved_events({d.path()}, options(), diag);
  ASSERT_TRUE(run.ok());
  const InputSummary* s = input(run->inputs, "broker-1/server.log");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->zone_source, ZoneSource::kInferred);
  EXPECT_EQ(s->zone, "+02:00");
  EXPECT_EQ(s->zoneless_stamps, nullptr);  // released
  EXPECT_NE(s->zone_note.find("broker-1/server.log read as +02:00: 30 of its 31 sampled records "
                              "appear in " +
                              input(run->inputs, "broker-1/journal.txt")->input +
                              " stamped 2 h earlier in UTC"),
            std::string::npos)
      << s->zone_note;
  // Its stop is placed at the UTC instant, not two hours later.
  bool found = false;
  for (const Event& e : run->events)
    if (e.kind == EventKind::kBrokerStop && e.input == s->input) {
      found = true;
      EXPECT_EQ(format_rfc3339(e.time_ns, Precision::kMilli), "2026-03-05T14:32:41.005Z");
    }
  EXPECT_TRUE(found);
  bool noted = false;
  for (const auto& n : run->notes) noted |= n == s->zone_note;
  EXPECT_TRUE(noted);

  // events | analyze: the NDJSON says the zone and its evidence; read back,
  // the same note comes out and nothing moves again.
  std::string nd;
  write_events_ndjson(run->events, run->inputs, [&nd](std::string_view l) { nd.append(l); });
  test::TempDir e;
  const std::string path = e.write("events.ndjson", nd);
  EXPECT_NE(nd.find("\"zone_source\":\"inferred\""), std::string::npos);
  auto direct = analyze({d.path()}, options(), diag);
  auto piped = analyze({path}, options(), diag);
  ASSERT_TRUE(direct.ok() && piped.ok());
  auto note_in = [&](const AnalysisReport& r) {
    for (const auto& n : r.notes)
      if (n == s->zone_note) return true;
    return false;
  };
  EXPECT_TRUE(note_in(*direct));
  EXPECT_TRUE(note_in(*piped));
  const InputSummary* ps = input(piped->inputs, "broker-1/server.log");
  ASSERT_NE(ps, nullptr);
  EXPECT_EQ(ps->first_ns, s->first_ns);
}

TEST(ZoneInference, UtcConfirmed) {
  test::TempDir d;
  write_broker(d, 0, 10);
  CollectingSink diag;
  auto run = extract_resolved_events({d.path()}, options(), diag);
  ASSERT_TRUE(run.ok());
  const InputSummary* s = input(run->inputs, "broker-1/server.log");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->zone_source, ZoneSource::kInferred);
  EXPECT_EQ(s->zone, "UTC");
  EXPECT_NE(
      s->zone_note.find("server.log: 10 of its 11 sampled records appear in " +
                        input(run->inputs, "broker-1/journal.txt")->input + " at the same time"),
      std::string::npos)
      << s->zone_note;
}

TEST(ZoneInference, ExplicitTzWins) {
  test::TempDir d;
  write_broker(d, 7200, 30);
  AnalyzeOptions o = options();
  std::string err;
  o.open.zone_rules.push_back({d.path() + "/broker-1/server.log", test::load_zone("+01:00", err)});
  CollectingSink diag;
  auto run = extract_resolved_events({d.path()}, o, diag);
  ASSERT_TRUE(run.ok());
  const InputSummary* s = input(run->inputs, "broker-1/server.log");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->zone_source, ZoneSource::kUser);
  EXPECT_TRUE(s->zone_note.empty());
}

TEST(ZoneInference, DisagreeingJournalSuggestsTz) {
  test::TempDir d;
  write_broker(d, 7200, 30, /*journal_utc_clash=*/true);
  CollectingSink diag;
  auto run = extract_resolved_events({d.path()}, options(), diag);
  ASSERT_TRUE(run.ok());
  const InputSummary* s = input(run->inputs, "broker-1/server.log");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->zone_source, ZoneSource::kAssumed);
  EXPECT_NE(s->zone_note.find("kept as UTC"), std::string::npos) << s->zone_note;
  EXPECT_NE(s->zone_note.find("--tz " + d.path() + "/broker-1/server.log=+0"), std::string::npos)
      << s->zone_note;
}

TEST(ZoneInference, AnotherHostsJournalIsNoWitness) {
  test::TempDir d;
  write_broker(d, 7200, 30);
  // The same lines in broker-2's journal (its lines name the host).
  std::string j = test::read_file(d.file("broker-1/journal.txt"));
  for (size_t at = 0; (at = j.find(" broker-1 ", at)) != std::string::npos;) j[at + 8] = '2';
  d.write("broker-2/journal.txt", j);
  std::filesystem::remove(d.file("broker-1/journal.txt"));
  CollectingSink diag;
  auto run = extract_resolved_events({d.path()}, options(), diag);
  ASSERT_TRUE(run.ok());
  const InputSummary* s = input(run->inputs, "broker-1/server.log");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->zone_source, ZoneSource::kAssumed);
  EXPECT_TRUE(s->zone_note.empty()) << s->zone_note;
}

}  // namespace
}  // namespace logcorr
