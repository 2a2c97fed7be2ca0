// Container and tool wrappers (kubectl logs --timestamps/--prefix, CRI files,
// docker compose logs, Docker json-file), read end to end through the
// InputReader: sniffed, framed on the inner lines, unwrapped, parsed by the
// inner layout, with the wrapper's stamp and names kept.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "logcorr/reader.hpp"
#include "logcorr/time.hpp"
#include "test_util.hpp"

namespace logcorr {
namespace {

using test::TempDir;

struct Rec {
  uint64_t line;
  std::string message;
  std::string time;  // RFC 3339 or "none"
  std::string host;
  std::string container;
};

struct Read {
  Layout layout = Layout::kUnknown;
  Wrapper wrapper = Wrapper::kNone;
  std::vector<Rec> recs;
  size_t diagnostics = 0;
};

Read read_text(const std::string& text, size_t chunk_bytes = 1u << 20) {
  TempDir dir;
  std::string path = dir.path() + "/in.log";
  {
    std::ofstream f(path, std::ios::binary);
    f << text;
  }
  LogicalInput li;
  li.label = path;
  li.base_path = path;
  li.files.push_back(InputFile{path, ""});
  ReaderOptions ro;
  ro.chunk_bytes = chunk_bytes;
  CollectingSink diag;
  InputReader r(li, 0, ro, diag);
  Read out;
  while (const Record* rec = r.next()) {
    out.recs.push_back({rec->raw.line, std::string(rec->message),
                        rec->time.valid() ? format_rfc3339(rec->time.utc_ns, rec->time.precision)
                                          : std::string("none"),
                        std::string(rec->meta.host), std::string(rec->meta.container)});
  }
  out.layout = r.stats().layout;
  out.wrapper = r.stats().wrapper;
  out.diagnostics = diag.items.size();
  return out;
}

std::string slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// The regression of issue 12: `kubectl logs --timestamps` of a broker was
// taken for a `journalctl -o short-iso` journal, with host "2024-09-28" and
// broker 28. Rebuilt as a new user would: a sample broker log with kubectl's
// fixed nanosecond stamp before each line.
TEST(Wrappers, KubectlTimestampsIsNotAJournal) {
  const std::string server = slurp(LOGCORR_SOURCE_DIR "/samples/oom-kill/broker-2/server.log");
  ASSERT_FALSE(server.empty());
  std::string wrapped;
  std::istringstream in(server);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    // Take the stamp from the line when it has one ("[2026-03-05 03:47:12,619]"),
    // as the runtime would have stamped it a moment later.
    std::string stamp = "2026-03-05T00:00:00.000000000Z";
    if (line.size() > 24 && line[0] == '[')
      stamp = line.substr(1, 10) + "T" + line.substr(12, 8) + "." + line.substr(21, 3) + "123456Z";
    wrapped += stamp + " " + line + "\n";
    ++n;
  }
  Read plain = read_text(server);
  Read k = read_text(wrapped);
  EXPECT_EQ(k.wrapper, Wrapper::kKubectl);
  EXPECT_EQ(k.layout, plain.layout);
  EXPECT_EQ(k.layout, Layout::kLog4j);
  ASSERT_EQ(k.recs.size(), plain.recs.size());
  for (size_t i = 0; i < k.recs.size(); ++i) {
    EXPECT_EQ(k.recs[i].message, plain.recs[i].message) << i;
    EXPECT_EQ(k.recs[i].line, plain.recs[i].line) << i;
    EXPECT_EQ(k.recs[i].host, "") << i;  // never a date
    // The inner stamp is zone-less (read as UTC, assumed): the runtime's exact
    // UTC stamp is taken instead, and agrees to the millisecond.
    if (plain.recs[i].time != "none") {
      EXPECT_EQ(k.recs[i].time.substr(0, 23), plain.recs[i].time.substr(0, 23)) << i;
    }
  }
  EXPECT_GT(n, 100);
}

TEST(Wrappers, RealKubectlTimestampLines) {
  LOGCORR_REQUIRE_CORPUS();
  Read k = read_text(slurp(test::corpus_dir() + "/real-lines-2/k8s-kubectl-timestamps.log"));
  EXPECT_EQ(k.wrapper, Wrapper::kKubectl);
  EXPECT_EQ(k.layout, Layout::kLog4j);
  ASSERT_EQ(k.recs.size(), 2u);
  EXPECT_EQ(k.recs[0].time, "2019-04-11T12:32:24.678408684Z");
  EXPECT_EQ(k.recs[1].message.substr(0, 26), "[2025-05-14 23:09:18,257] ");
  EXPECT_EQ(k.recs[1].host, "");
}

TEST(Wrappers, JournalShortIsoIsStillAJournal) {
  LOGCORR_REQUIRE_CORPUS();
  for (const char* f : {"journal-short-iso.txt", "journal-short-iso-precise.txt",
                        "journal-short-iso-precise-sydney.txt"}) {
    std::string head = slurp(test::corpus_dir() + "/journal/" + f).substr(0, 65536);
    EXPECT_EQ(sniff_wrapper(head), Wrapper::kNone) << f;
  }
  // An application's own ISO stamps (milliseconds) are not kubectl's.
  EXPECT_EQ(
      sniff_wrapper("2026-06-29T14:22:08.455Z  INFO 1 --- [main] o.a.k.c.NetworkClient : x\n"
                    "2026-06-29T14:22:09.455Z  WARN 1 --- [main] o.a.k.c.NetworkClient : y\n"),
      Wrapper::kNone);
}

TEST(Wrappers, CriPartialLinesAndStackTracesJoin) {
  const std::string text =
      "2026-03-05T03:47:12.636101010Z stderr F [2026-03-05 03:47:12,636] WARN [Producer "
      "clientId=orders] Got error produce response (org.apache.kafka.clients.producer.internals."
      "Sender)\n"
      "2026-03-05T03:47:12.636201010Z stderr F org.apache.kafka.common.errors.NetworkException: "
      "The server disconnected before a response was received.\n"
      "2026-03-05T03:47:12.636301010Z stderr F \tat org.apache.kafka.clients.NetworkClient.poll("
      "NetworkClient.java:1)\n"
      "2026-03-05T03:47:13.000000001Z stdout P [2026-03-05 03:47:13,000] INFO a very long line "
      "cut by the runtime: first ha\n"
      "2026-03-05T03:47:13.000000002Z stdout P lf, second ha\n"
      "2026-03-05T03:47:13.000000003Z stdout F lf, end\n"
      "2026-03-05T03:47:14.5Z stdout F WARN a level word but no stamp of its own\n";
  for (size_t chunk : {size_t(1) << 20, size_t(7), size_t(64)}) {
    Read r = read_text(text, chunk);
    EXPECT_EQ(r.wrapper, Wrapper::kCri);
    EXPECT_EQ(r.layout, Layout::kLog4j);
    ASSERT_EQ(r.recs.size(), 3u) << chunk;
    EXPECT_EQ(r.recs[0].line, 1u);
    EXPECT_NE(r.recs[0].message.find("\norg.apache.kafka.common.errors.NetworkException: The "
                                     "server disconnected before a response was received.\n\tat "
                                     "org.apache"),
              std::string::npos);
    EXPECT_EQ(r.recs[0].message.find("stderr F"), std::string::npos);
    EXPECT_EQ(r.recs[0].time, "2026-03-05T03:47:12.636101010Z");
    EXPECT_EQ(r.recs[1].line, 4u);
    EXPECT_EQ(r.recs[1].message,
              "[2026-03-05 03:47:13,000] INFO a very long line cut by the runtime: first half, "
              "second half, end");
    // No stamp inside: the runtime's (with its own precision).
    EXPECT_EQ(r.recs[2].message, "WARN a level word but no stamp of its own");
    EXPECT_EQ(r.recs[2].time, "2026-03-05T03:47:14.500Z");
  }
}

TEST(Wrappers, InnerStampWithItsOwnOffsetWins) {
  Read r = read_text(
      "2026-06-29T14:22:08.999999999Z stderr F 2026-06-29T16:22:08.455+02:00 WARN y\n"
      "2026-06-29T14:22:09.999999999Z stderr F 2026-06-29T16:22:09.455+02:00 WARN z\n");
  EXPECT_EQ(r.wrapper, Wrapper::kCri);
  ASSERT_EQ(r.recs.size(), 2u);
  EXPECT_EQ(r.recs[0].time, "2026-06-29T14:22:08.455Z");
}

// `kubectl logs --prefix --timestamps -l app=kafka`: several pods interleaved,
// each record named by its pod and container.
TEST(Wrappers, KubectlPrefixInterleavedPods) {
  const std::string text =
      "[pod/my-cluster-kafka-0/kafka] 2026-03-05T03:47:12.000000000Z 2026-03-05 03:47:12,000 INFO "
      "[BrokerServer id=0] shutting down (kafka.server.BrokerServer) [SIGTERM handler]\n"
      "[pod/my-cluster-kafka-1/kafka] 2026-03-05T03:47:12.100000000Z 2026-03-05 03:47:12,100 WARN "
      "[ReplicaFetcher replicaId=1, leaderId=0, fetcherId=0] Error in response for fetch request "
      "(kafka.server.ReplicaFetcherThread) [ReplicaFetcherThread-0-0]\n"
      "[pod/my-cluster-kafka-1/kafka] 2026-03-05T03:47:12.100000000Z java.io.IOException: "
      "Connection to 0 was disconnected before the response was read\n"
      "[pod/my-cluster-kafka-0/kafka] 2026-03-05T03:47:13.000000000Z 2026-03-05 03:47:13,000 INFO "
      "[BrokerServer id=0] shut down completed (kafka.server.BrokerServer) [SIGTERM handler]\n";
  Read r = read_text(text);
  EXPECT_EQ(r.wrapper, Wrapper::kKubectl);
  EXPECT_EQ(r.layout, Layout::kLogback);
  ASSERT_EQ(r.recs.size(), 3u);
  EXPECT_EQ(r.recs[0].host, "my-cluster-kafka-0");
  EXPECT_EQ(r.recs[0].container, "kafka");
  EXPECT_EQ(r.recs[1].host, "my-cluster-kafka-1");
  EXPECT_NE(r.recs[1].message.find("\njava.io.IOException: Connection to 0"), std::string::npos);
  EXPECT_EQ(r.recs[2].host, "my-cluster-kafka-0");
  EXPECT_EQ(r.recs[2].time, "2026-03-05T03:47:13.000000000Z");  // the runtime's, exact UTC
}

TEST(Wrappers, RealKubectlPrefixLine) {
  LOGCORR_REQUIRE_CORPUS();
  Read r = read_text(slurp(test::corpus_dir() + "/real-lines-2/k8s-kubectl-prefix.log"));
  EXPECT_EQ(r.wrapper, Wrapper::kKubectl);
  ASSERT_EQ(r.recs.size(), 1u);
  EXPECT_EQ(r.recs[0].host, "my-cluster-kafka-0");
  EXPECT_EQ(r.recs[0].time, "2024-05-01T10:00:00.123Z");
  EXPECT_EQ(r.recs[0].message.substr(0, 24), "2024-05-01 10:00:00,123 ");
}

TEST(Wrappers, ComposeWithColourAndTimestamps) {
  const std::string text =
      "\x1b[36mkafka-1  | \x1b[0m[2026-03-05 03:47:12,000] INFO [KafkaServer id=1] shutting down "
      "(kafka.server.KafkaServer)\n"
      "\x1b[33morders   | \x1b[0m2026-03-05 03:47:12.100  WARN 1 --- [ad | producer-1] "
      "o.a.k.c.NetworkClient : [Producer clientId=producer-1] Node 1 disconnected.\n"
      "\x1b[36mkafka-1  | \x1b[0m[2026-03-05 03:47:13,000] INFO [KafkaServer id=1] shut down "
      "completed (kafka.server.KafkaServer)\n";
  Read r = read_text(text);
  EXPECT_EQ(r.wrapper, Wrapper::kCompose);
  ASSERT_EQ(r.recs.size(), 3u);
  EXPECT_EQ(r.recs[0].host, "kafka-1");
  EXPECT_EQ(r.recs[1].host, "orders");
  EXPECT_EQ(r.recs[0].message.substr(0, 1), "[");
  EXPECT_EQ(r.recs[1].time, "2026-03-05T03:47:12.100Z");

  // `docker compose logs -t`: the daemon's stamp after the bar.
  Read t = read_text(
      "kafka-1  | 2026-03-05T03:47:12.123456789Z [2026-03-05 04:47:12,000] INFO x\n"
      "kafka-1  | 2026-03-05T03:47:13.123456789Z [2026-03-05 04:47:13,000] INFO y\n");
  EXPECT_EQ(t.wrapper, Wrapper::kCompose);
  ASSERT_EQ(t.recs.size(), 2u);
  EXPECT_EQ(t.recs[0].time, "2026-03-05T03:47:12.123456789Z");  // not the container's local hour
  EXPECT_EQ(t.recs[0].message, "[2026-03-05 04:47:12,000] INFO x");
}

TEST(Wrappers, DockerJsonFileJoinsPartialEntriesAndStackTraces) {
  const std::string text =
      R"({"log":"[2026-03-05 03:47:12,636] WARN send failed\n","stream":"stderr","time":"2026-03-05T03:47:12.636123456Z"})"
      "\n"
      R"({"log":"org.apache.kafka.common.errors.NetworkException: The server disconnected\n","stream":"stderr","time":"2026-03-05T03:47:12.636223456Z"})"
      "\n"
      R"({"log":"\tat a.B.c(B.java:1)\n","stream":"stderr","time":"2026-03-05T03:47:12.636323456Z"})"
      "\n"
      R"({"log":"[2026-03-05 03:47:13,000] INFO a \"quoted\" caf\u00e9 cut at 16 K","stream":"stdout","time":"2026-03-05T03:47:13.000000001Z"})"
      "\n"
      R"({"log":"B, the rest\n","stream":"stdout","time":"2026-03-05T03:47:13.000000002Z"})"
      "\n";
  for (size_t chunk : {size_t(1) << 20, size_t(5)}) {
    Read r = read_text(text, chunk);
    EXPECT_EQ(r.wrapper, Wrapper::kDockerJson);
    EXPECT_EQ(r.layout, Layout::kLog4j);
    ASSERT_EQ(r.recs.size(), 2u);
    EXPECT_EQ(r.recs[0].message,
              "[2026-03-05 03:47:12,636] WARN send failed\n"
              "org.apache.kafka.common.errors.NetworkException: The server disconnected\n"
              "\tat a.B.c(B.java:1)");
    EXPECT_EQ(r.recs[0].time, "2026-03-05T03:47:12.636123456Z");
    EXPECT_EQ(r.recs[1].message,
              "[2026-03-05 03:47:13,000] INFO a \"quoted\" caf\xC3\xA9 cut at 16 KB, the rest");
    EXPECT_EQ(r.recs[1].line, 4u);
  }
}

TEST(Wrappers, RealCorpusShapes) {
  LOGCORR_REQUIRE_CORPUS();
  const std::string dir = test::corpus_dir() + "/real-lines-2/";
  Read cri = read_text(slurp(dir + "k8s-cri.log"));
  EXPECT_EQ(cri.wrapper, Wrapper::kCri);
  EXPECT_EQ(cri.layout, Layout::kLog4j);
  ASSERT_EQ(cri.recs.size(), 3u);
  EXPECT_EQ(cri.recs[1].time, "2025-05-14T23:09:18.257123456Z");
  Read dj = read_text(slurp(dir + "k8s-docker-json.log"));
  EXPECT_EQ(dj.wrapper, Wrapper::kDockerJson);
  EXPECT_EQ(dj.layout, Layout::kLog4j);
  ASSERT_EQ(dj.recs.size(), 2u);
  EXPECT_EQ(dj.recs[0].message.substr(0, 26), "[2025-05-14 23:09:18,257] ");
  Read compose = read_text(slurp(dir + "k8s-compose-broker.log"));
  EXPECT_EQ(compose.wrapper, Wrapper::kCompose);
  EXPECT_EQ(compose.layout, Layout::kLog4j);
  ASSERT_EQ(compose.recs.size(), 2u);
  EXPECT_EQ(compose.recs[0].host, "kafka-ssl");
  EXPECT_EQ(compose.recs[1].host, "kafka_certi");
}

// Lines that only look like wrappers, and broken wrappers, never crash and
// never lose a line.
TEST(Wrappers, BrokenWrappersKeepEveryLine) {
  const std::string text =
      "{\"log\":\"unterminated string, no closing quote\n"
      "{\"log\":\"bad escape \\u12G4 and \\uD800 alone\\n\",\"time\":\"garbage\"}\n"
      "[pod/a/] not a prefix\n"
      "2026-03-05T03:47:13.000000003Z stdout X not cri\n"
      "x | y\n";
  Read r = read_text(text);
  size_t lines = 0;
  for (const Rec& rec : r.recs)
    lines += 1 + size_t(std::count(rec.message.begin(), rec.message.end(), '\n'));
  EXPECT_EQ(lines, 5u);
}

}  // namespace
}  // namespace logcorr
