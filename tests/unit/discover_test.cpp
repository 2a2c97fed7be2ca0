// Tests for lib/src/discover: directory walking, rotation sets, read order,
// labels and host hints, on synthetic trees and on two real broker logs/.
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>

#include "logcorr/discover.hpp"
#include "test_util.hpp"

namespace logcorr {
namespace {

using test::TempDir;

std::vector<std::string> suffixes(const LogicalInput& in) {
  std::vector<std::string> out;
  for (const auto& f : in.files) out.push_back(f.rotation_suffix);
  return out;
}

const LogicalInput* find_label(const std::vector<LogicalInput>& ins, const std::string& label) {
  for (const auto& in : ins)
    if (in.label == label) return &in;
  return nullptr;
}

std::vector<std::string> labels(const std::vector<LogicalInput>& ins) {
  std::vector<std::string> out;
  for (const auto& in : ins) out.push_back(in.label);
  return out;
}

TEST(Discover, RotationSetOrderFromSuffixes) {
  TempDir d;
  for (const char* n : {"server.log", "server.log.1", "server.log.2.gz", "server.log.10.zst",
                        "server.log.2026-06-29-14", "server.log.2026-06-28", "other.log"})
    d.write(std::string("broker-1/") + n, "x\n");
  CollectingSink sink;
  auto ins = discover_inputs({d.file("broker-1")}, {}, sink);
  EXPECT_TRUE(sink.items.empty());
  ASSERT_EQ(labels(ins), (std::vector<std::string>{"broker-1/other.log", "broker-1/server.log"}));
  const auto& s = ins[1];
  EXPECT_EQ(s.base_path, d.file("broker-1/server.log"));
  EXPECT_EQ(suffixes(s),
            (std::vector<std::string>{"2026-06-28", "2026-06-29-14", "10.zst", "2.gz", "1", ""}));
  EXPECT_EQ(s.files.back().path, d.file("broker-1/server.log"));
  EXPECT_EQ(s.host_hint, "broker-1");
}

// The kubelet rotates a container's log to N.log.<YYYYMMDD-hhmmss> and
// gzips older ones; the directory names the pod (kubelet's own layout).
TEST(Discover, KubeletContainerLogRotationAndPod) {
  TempDir d;
  const std::string dir =
      "var/log/pods/messaging_kafka-2_30d2d6f2-59f7-4c3b-92ca-45e8da1b5113/kafka/";
  for (const char* n : {"0.log", "0.log.20260818-090211", "0.log.20260818-084437.gz"})
    d.write(dir + n, "x\n");
  CollectingSink sink;
  auto ins = discover_inputs({d.file("var")}, {}, sink);
  EXPECT_TRUE(sink.items.empty());
  ASSERT_EQ(ins.size(), 1u);
  EXPECT_EQ(suffixes(ins[0]),
            (std::vector<std::string>{"20260818-084437.gz", "20260818-090211", ""}));
  EXPECT_EQ(ins[0].host_hint, "kafka-2");
}

TEST(Discover, NoGroupingWhenDisabled) {
  TempDir d;
  d.write("a/server.log", "x\n");
  d.write("a/server.log.1", "x\n");
  DiscoverOptions o;
  o.group_rotations = false;
  CollectingSink sink;
  auto ins = discover_inputs({d.file("a")}, o, sink);
  EXPECT_EQ(labels(ins), (std::vector<std::string>{"a/server.log", "a/server.log.1"}));
}

TEST(Discover, RecursiveSortedHiddenSkippedAndSetsStayInTheirDirectory) {
  TempDir d;
  d.write("logs/b/server.log", "x\n");
  d.write("logs/a/server.log", "x\n");
  d.write("logs/a/server.log.1", "x\n");
  d.write("logs/.hidden/server.log", "x\n");
  d.write("logs/a/.swp", "x\n");
  d.write("logs/Z.log", "x\n");
  CollectingSink sink;
  auto ins = discover_inputs({d.file("logs")}, {}, sink);
  // Byte-wise: 'Z' < 'a'.
  EXPECT_EQ(labels(ins),
            (std::vector<std::string>{"logs/Z.log", "logs/a/server.log", "logs/b/server.log"}));
  EXPECT_EQ(ins[1].files.size(), 2u);
  DiscoverOptions o;
  o.skip_hidden = false;
  auto all = discover_inputs({d.file("logs")}, o, sink);
  EXPECT_EQ(all.size(), 5u);
}

TEST(Discover, MissingPathIsReportedAndTheRestContinues) {
  TempDir d;
  d.write("ok.log", "x\n");
  CollectingSink sink;
  auto ins = discover_inputs({d.file("missing.log"), d.file("ok.log"), "-"}, {}, sink);
  ASSERT_EQ(sink.items.size(), 1u);
  EXPECT_EQ(sink.items[0].severity, Severity::kError);
  EXPECT_EQ(sink.items[0].path, d.file("missing.log"));
  EXPECT_EQ(sink.items[0].message, "No such file or directory");
  ASSERT_EQ(ins.size(), 2u);
  EXPECT_EQ(ins[0].files[0].path, d.file("ok.log"));
  EXPECT_EQ(ins[1].label, "-");
  EXPECT_EQ(ins[1].files[0].path, "-");
}

// Returns true when the check passed; run directly or, as root (who reads
// mode-000 directories), in a child that drops to nobody.
bool unreadable_dir_check(const TempDir& d, const std::string& locked) {
  CollectingSink sink;
  auto ins = discover_inputs({d.file("logs")}, {}, sink);
  return sink.items.size() == 1 && sink.items[0].path == locked &&
         sink.items[0].severity == Severity::kError &&
         sink.items[0].message.find("ermission denied") != std::string::npos &&
         labels(ins) == std::vector<std::string>{"logs/ok/server.log"};
}

TEST(Discover, UnreadableSubdirectoryIsReported) {
  TempDir d;
  d.write("logs/ok/server.log", "x\n");
  d.write("logs/locked/server.log", "x\n");
  std::string locked = d.file("logs/locked");
  ASSERT_EQ(chmod(locked.c_str(), 0), 0);
  if (geteuid() != 0) {
    EXPECT_TRUE(unreadable_dir_check(d, locked));
    chmod(locked.c_str(), 0755);
    return;
  }
  ASSERT_EQ(chmod(d.path().c_str(), 0755), 0);
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    if (setresgid(65534, 65534, 65534) != 0 || setresuid(65534, 65534, 65534) != 0) _exit(77);
    _exit(unreadable_dir_check(d, locked) ? 0 : 1);
  }
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  chmod(locked.c_str(), 0755);
  ASSERT_TRUE(WIFEXITED(status));
  if (WEXITSTATUS(status) == 77) GTEST_SKIP() << "cannot drop privileges to test EACCES";
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

TEST(Discover, ExplicitFileArgumentsGroupAndLabelWithParent) {
  TempDir d;
  std::string a = d.write("kafka-3/server.log.1", "x\n");
  std::string b = d.write("kafka-3/server.log", "x\n");
  CollectingSink sink;
  auto ins = discover_inputs({b, a}, {}, sink);
  ASSERT_EQ(ins.size(), 1u);
  EXPECT_EQ(ins[0].label, "kafka-3/server.log");
  EXPECT_EQ(suffixes(ins[0]), (std::vector<std::string>{"1", ""}));
  EXPECT_EQ(ins[0].host_hint, "kafka-3");
}

TEST(Discover, GcRingOrderFromCurrentMarker) {
  TempDir d;
  // Ring of 5 that wrapped: .2.current is being written, so .3 is oldest.
  for (const char* n : {"gc.log.0", "gc.log.1", "gc.log.2.current", "gc.log.3", "gc.log.4"})
    d.write(std::string("h/") + n, "x\n");
  CollectingSink sink;
  auto ins = discover_inputs({d.file("h")}, {}, sink);
  ASSERT_EQ(ins.size(), 1u);
  EXPECT_EQ(ins[0].label, "h/gc.log");
  EXPECT_EQ(suffixes(ins[0]), (std::vector<std::string>{"3", "4", "0", "1", "2.current"}));
}

TEST(Discover, OrderByFirstTimeIsStableAndKeepsUnstampedInPlace) {
  LogicalInput in;
  for (const char* p : {"a", "b", "nostamp", "c", "d"}) in.files.push_back({p, p});
  std::map<std::string, int64_t> t{{"a", 40}, {"b", 10}, {"c", 30}, {"d", 10}};
  order_by_first_time(in, [&](const std::string& p) -> std::optional<int64_t> {
    auto it = t.find(p);
    if (it == t.end()) return std::nullopt;
    return it->second;
  });
  std::vector<std::string> got;
  for (const auto& f : in.files) got.push_back(f.path);
  EXPECT_EQ(got, (std::vector<std::string>{"b", "d", "nostamp", "c", "a"}));
}

TEST(Discover, HostHints) {
  EXPECT_EQ(host_hint_from_path("/x/broker-3/gc.log"), "broker-3");
  EXPECT_EQ(host_hint_from_path("/x/kafka-3/server.log"), "kafka-3");
  EXPECT_EQ(host_hint_from_path("/x/kafka3/server.log"), "kafka3");
  EXPECT_EQ(host_hint_from_path("/x/broker3.example.com/logs/server.log"), "broker3.example.com");
  EXPECT_EQ(host_hint_from_path("/x/kafka-broker-2/logs/server.log"), "kafka-broker-2");
  EXPECT_EQ(host_hint_from_path("/x/host=db7/server.log"), "db7");
  EXPECT_EQ(host_hint_from_path("/var/lib/kafka-logs/server.log"), "");
  EXPECT_EQ(host_hint_from_path("/tmp/logs/server.log"), "");
  EXPECT_EQ(host_hint_from_path("/corpus/kafka-2.8.0/server.log"), "");
  EXPECT_EQ(host_hint_from_path("server.log"), "");
  EXPECT_EQ(host_hint_from_path("/x/kafka-1.log"), "");  // a file name, not a host
  // Container logs name their pod, broker or client alike.
  EXPECT_EQ(host_hint_from_path("/var/log/pods/shop_checkout-api-6c8d9f7b4-r2x9q_"
                                "1ea8bb24-43bc-4efa-b843-851e6cf5caab/checkout-api/0.log"),
            "checkout-api-6c8d9f7b4-r2x9q");
  EXPECT_EQ(host_hint_from_path("/var/log/containers/my-cluster-kafka-0_kafka_kafka-"
                                "4296b9e2377fddb0e7e42d20223c36771268cb7a1828315331405b66f0030add"
                                ".log"),
            "my-cluster-kafka-0");
  EXPECT_EQ(host_hint_from_path("/var/log/pods/not_a_pod/x/0.log"), "");
}

// ---- real broker logs/ folders -------------------------------------------

// Test-only first-stamp reader for the JVM GC logs: unified logging
// "[2021-04-26T16:14:33.123+0200]" or legacy "2021-04-26T16:14:33.123+0200:".
std::optional<int64_t> first_gc_stamp(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    size_t i = line[0] == '[' ? 1 : 0;
    if (line.size() < i + 28 || line[i + 4] != '-' || line[i + 10] != 'T') continue;
    std::tm tm{};
    if (!strptime(line.c_str() + i, "%Y-%m-%dT%H:%M:%S", &tm)) continue;
    int64_t secs = timegm(&tm);
    int ms = std::stoi(line.substr(i + 20, 3));
    int sign = line[i + 23] == '-' ? -1 : 1;
    int off = std::stoi(line.substr(i + 24, 2)) * 3600 + std::stoi(line.substr(i + 26, 2)) * 60;
    return (secs - sign * off) * 1000000000LL + ms * 1000000LL;
  }
  return std::nullopt;
}

TEST(DiscoverCorpus, Kafka28Groups) {
  LOGCORR_REQUIRE_CORPUS();
  std::string dir = test::corpus_dir() + "/kafka-logs/kafka-2.8.0";
  CollectingSink sink;
  auto ins = discover_inputs({dir}, {}, sink);
  EXPECT_TRUE(sink.items.empty());
  // 130 files: 31 server.log, 45 controller.log, 17 state-change.log,
  // 11 log-cleaner.log, 12 kafkaServer-gc.log, 12 zookeeper-gc.log, and two
  // single files (counted with ls | grep -c).
  EXPECT_EQ(labels(ins), (std::vector<std::string>{
                             "kafka-2.8.0/controller.log", "kafka-2.8.0/kafka-authorizer.log",
                             "kafka-2.8.0/kafka-request.log", "kafka-2.8.0/kafkaServer-gc.log",
                             "kafka-2.8.0/log-cleaner.log", "kafka-2.8.0/server.log",
                             "kafka-2.8.0/state-change.log", "kafka-2.8.0/zookeeper-gc.log"}));
  std::map<std::string, size_t> sizes;
  size_t total = 0;
  for (const auto& in : ins) {
    sizes[in.label] = in.files.size();
    total += in.files.size();
    EXPECT_EQ(in.host_hint, "") << in.label;  // "kafka-2.8.0" is a version
  }
  EXPECT_EQ(total, 130u);
  EXPECT_EQ(sizes["kafka-2.8.0/server.log"], 31u);
  EXPECT_EQ(sizes["kafka-2.8.0/controller.log"], 45u);
  EXPECT_EQ(sizes["kafka-2.8.0/state-change.log"], 17u);
  EXPECT_EQ(sizes["kafka-2.8.0/log-cleaner.log"], 11u);
  EXPECT_EQ(sizes["kafka-2.8.0/kafkaServer-gc.log"], 12u);
  EXPECT_EQ(sizes["kafka-2.8.0/zookeeper-gc.log"], 12u);

  // Hourly set: dated ascending, live file last.
  const auto* server = find_label(ins, "kafka-2.8.0/server.log");
  ASSERT_TRUE(server);
  auto s = suffixes(*server);
  EXPECT_EQ(s.front(), "2021-04-26-16");
  EXPECT_EQ(s[s.size() - 2], "2021-05-05-18");
  EXPECT_EQ(s.back(), "");
  EXPECT_TRUE(std::is_sorted(s.begin(), s.end() - 1));

  // GC ring, suffix guess: .0.current is being written, so 1..9 then 0.
  const auto* gc = find_label(ins, "kafka-2.8.0/kafkaServer-gc.log");
  ASSERT_TRUE(gc);
  EXPECT_EQ(suffixes(*gc), (std::vector<std::string>{"1", "2", "3", "4", "5", "6", "7", "8", "9",
                                                     "0", "0.current", ""}));
}

TEST(DiscoverCorpus, Kafka28GcRingPutInTimeOrder) {
  LOGCORR_REQUIRE_CORPUS();
  std::string dir = test::corpus_dir() + "/kafka-logs/kafka-2.8.0";
  CollectingSink sink;
  auto ins = discover_inputs({dir}, {}, sink);
  const auto* found = find_label(ins, "kafka-2.8.0/kafkaServer-gc.log");
  ASSERT_TRUE(found);
  LogicalInput gc = *found;
  order_by_first_time(gc, first_gc_stamp);
  // First stamps (head -c of each file): .6 2021-04-28T16:33:11, .5 16:33:20,
  // .8 05-03T16:36:27, .4 16:36:55, .0 18:13:25, .9 18:13:31, .1 05-05T10:18:59,
  // .3 10:19:03, .2 10:19:16, .7 13:40:55, live 13:41:01 (all +0200); the
  // JDK 8 .0.current starts after three header lines at 2021-05-05T16:17:25
  // +0000, i.e. 18:17 +0200: the newest file, although its name sorts early.
  EXPECT_EQ(suffixes(gc), (std::vector<std::string>{"6", "5", "8", "4", "0", "9", "1", "3", "2",
                                                    "7", "", "0.current"}));
}

TEST(DiscoverCorpus, Kafka40Groups) {
  LOGCORR_REQUIRE_CORPUS();
  std::string dir = test::corpus_dir() + "/kafka-logs/kafka-4.0.0";
  CollectingSink sink;
  auto ins = discover_inputs({dir}, {}, sink);
  EXPECT_TRUE(sink.items.empty());
  // "stage-change.log.*" (sic, as the files are named) is not state-change.log.
  EXPECT_EQ(labels(ins), (std::vector<std::string>{
                             "kafka-4.0.0/controller.log", "kafka-4.0.0/kafka-authorizer.log",
                             "kafka-4.0.0/kafka-request.log", "kafka-4.0.0/kafkaServer-gc.log",
                             "kafka-4.0.0/kafkaServer.out", "kafka-4.0.0/log-cleaner.log",
                             "kafka-4.0.0/server.log", "kafka-4.0.0/stage-change.log",
                             "kafka-4.0.0/state-change.log"}));
  const auto* stage = find_label(ins, "kafka-4.0.0/stage-change.log");
  ASSERT_TRUE(stage);
  EXPECT_EQ(suffixes(*stage),
            (std::vector<std::string>{"2025-05-14-23", "2025-05-15-00", "2025-05-17-12"}));
  EXPECT_EQ(stage->base_path, dir + "/stage-change.log");  // absent live file
  const auto* server = find_label(ins, "kafka-4.0.0/server.log");
  ASSERT_TRUE(server);
  EXPECT_EQ(suffixes(*server),
            (std::vector<std::string>{"2025-05-14-22", "2025-05-14-23", "2025-05-15-00",
                                      "2025-05-17-12", "2025-05-17-13", "2025-05-17-14", ""}));
  // JDK 17 -Xlog rotation: no .current, suffix guess ascending; here the
  // ring did not wrap, so time order agrees (first stamps .0 08-04T16:32
  // ... .8 17:16, .9 08-08T14:49, live 14:52).
  const auto* found = find_label(ins, "kafka-4.0.0/kafkaServer-gc.log");
  ASSERT_TRUE(found);
  std::vector<std::string> want{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", ""};
  EXPECT_EQ(suffixes(*found), want);
  LogicalInput gc = *found;
  order_by_first_time(gc, first_gc_stamp);
  EXPECT_EQ(suffixes(gc), want);
}

}  // namespace
}  // namespace logcorr
