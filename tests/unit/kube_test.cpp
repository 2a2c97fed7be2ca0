// The kube stage (kube.hpp): Kubernetes documents read as events, from the
// real lines of ../shared/corpus/real-lines-2/k8s-* and the kubectl-shaped
// fixtures in tests/data/kube/ (README there says where each shape is from).
#include <gtest/gtest.h>

#include <climits>
#include <filesystem>
#include <string>
#include <vector>

#include "extract/input_extractor.hpp"
#include "extract/live_source.hpp"
#include "logcorr/extract.hpp"
#include "logcorr/kube.hpp"
#include "logcorr/time.hpp"
#include "test_util.hpp"

namespace logcorr {
namespace {

const std::string kData = std::string(LOGCORR_SOURCE_DIR) + "/tests/data/kube/";

int64_t at(std::string_view rfc3339) {
  auto t = parse_user_time(rfc3339, *Zone::utc());
  EXPECT_TRUE(t) << rfc3339;
  return t ? *t : 0;
}

struct Read {
  std::vector<Event> events;
  CollectingSink diag;
  KubeReadStats stats;
};

Read read_text(const std::string& text, int64_t now = INT64_MIN, std::string path = "doc") {
  Read r;
  KubeReadOptions o;
  o.path = std::move(path);
  o.now_ns = now;
  if (now != INT64_MIN) o.now_source = "--now";
  KubeDoc doc = sniff_kube(text);
  EXPECT_NE(doc, KubeDoc::kNone) << text.substr(0, 200);
  r.stats = read_kube(text, doc, o, r.events, r.diag);
  return r;
}

class Sink : public EventSink {
 public:
  void on_event(const Event& e) override { events.push_back(e); }
  void on_input(const InputSummary& in) override { inputs.push_back(in); }
  std::vector<Event> events;
  std::vector<InputSummary> inputs;
};

Read read_fixture(const std::string& name, int64_t now = INT64_MIN) {
  return read_text(test::read_file(kData + name), now, name);
}

bool has_message(const CollectingSink& d, Severity sev, std::string_view part, uint64_t line = 0) {
  for (const auto& x : d.items)
    if (x.severity == sev && x.message.find(part) != std::string::npos &&
        (line == 0 || x.line == line))
      return true;
  return false;
}

TEST(Kube, SniffsEachDocumentKind) {
  EXPECT_EQ(sniff_kube(test::read_file(kData + "describe-pod-strimzi.txt")), KubeDoc::kDescribe);
  EXPECT_EQ(sniff_kube(test::read_file(kData + "describe-pod-cut.txt")), KubeDoc::kDescribe);
  EXPECT_EQ(sniff_kube(test::read_file(kData + "pods.json")), KubeDoc::kJson);
  EXPECT_EQ(sniff_kube(test::read_file(kData + "events-watch.json")), KubeDoc::kJson);
  EXPECT_EQ(sniff_kube(test::read_file(kData + "pod.yaml")), KubeDoc::kYaml);
  EXPECT_EQ(sniff_kube(test::read_file(kData + "events-k8s-io.yaml")), KubeDoc::kYaml);
  EXPECT_EQ(sniff_kube(test::read_file(kData + "events-table.txt")), KubeDoc::kEventsTable);
  EXPECT_EQ(layout_name(sniff_layout("apiVersion: v1\nkind: Pod\n")), "kube-yaml");
  // Ordinary JSON logs and key: value text stay what they were.
  EXPECT_EQ(sniff_kube(R"({"@timestamp":"2026-06-29T14:22:08Z","message":"apiVersion"})"),
            KubeDoc::kNone);
  EXPECT_EQ(sniff_kube("Name: x\nsomething else\n"), KubeDoc::kNone);
  EXPECT_EQ(sniff_kube("Warning: the thing\nState: broken\n"), KubeDoc::kNone);
}

// Every sample and every real line that is not a Kubernetes document sniffs
// as it did before the kube layouts existed (none of them is taken).
TEST(Kube, SniffDoesNotStealOrdinaryLogs) {
  std::vector<std::string> files;
  for (const auto& e :
       std::filesystem::recursive_directory_iterator(std::string(LOGCORR_SOURCE_DIR) + "/samples"))
    if (e.is_regular_file()) files.push_back(e.path().string());
  std::string corpus = test::corpus_dir();
  for (std::string dir : {"/real-lines-2", "/real-lines"}) {
    if (corpus.empty() || !std::filesystem::is_directory(corpus + dir)) continue;
    for (const auto& e : std::filesystem::directory_iterator(corpus + dir)) {
      std::string name = e.path().filename().string();
      if (name == "k8s-describe-pod.log" || name == "k8s-get-events.log" ||
          name == "k8s-describe-node-events.log")
        continue;
      if (e.is_regular_file()) files.push_back(e.path().string());
    }
  }
  size_t checked = 0, documents = 0;
  for (const auto& f : files) {
    if (f.ends_with(".gz") || f.ends_with(".zst")) continue;
    std::string head = test::read_file(f).substr(0, 64 << 10);
    // The Kubernetes bundles' own cluster records are documents.
    std::string name = std::filesystem::path(f).filename().string();
    if (f.find("/samples/k8s-") != std::string::npos &&
        (name == "describe-pod.txt" || name == "events.json")) {
      EXPECT_NE(sniff_kube(head), KubeDoc::kNone) << f;
      ++documents;
      continue;
    }
    EXPECT_EQ(sniff_kube(head), KubeDoc::kNone) << f;
    ++checked;
  }
  EXPECT_GT(checked, 20u);
  EXPECT_GE(documents, 3u);
}

TEST(Kube, RealDescribePodLines) {
  LOGCORR_REQUIRE_CORPUS();
  std::string text = test::read_file(test::corpus_dir() + "/real-lines-2/k8s-describe-pod.log");
  Read r = read_text(text);
  ASSERT_EQ(r.events.size(), 2u);
  const Event& t = r.events[0];
  EXPECT_EQ(t.kind, EventKind::kContainerTerminated);
  EXPECT_TRUE(t.time_valid);
  EXPECT_EQ(t.time_ns, at("2024-09-28T00:59:31Z"));  // 06:59:31 +0600
  EXPECT_EQ(t.precision, Precision::kSecond);
  EXPECT_EQ(t.field("reason"), "OOMKilled");
  EXPECT_EQ(t.field("exit_code"), "137");
  EXPECT_EQ(t.field("started"), "2024-09-28T00:56:46Z");
  EXPECT_EQ(t.field("finished"), "2024-09-28T00:59:31Z");
  EXPECT_EQ(t.line, 3u);
  EXPECT_EQ(t.broker, -1);
  const Event& s = r.events[1];
  EXPECT_EQ(s.kind, EventKind::kBrokerStart);
  EXPECT_EQ(s.time_ns, at("2024-09-28T01:04:34Z"));
  EXPECT_EQ(s.line, 1u);
  EXPECT_TRUE(r.stats.complete);
}

TEST(Kube, RealGetEventsTableWithNow) {
  LOGCORR_REQUIRE_CORPUS();
  std::string text = test::read_file(test::corpus_dir() + "/real-lines-2/k8s-get-events.log");
  Read r = read_text(text, at("2024-09-28T01:10:00Z"));
  ASSERT_EQ(r.events.size(), 3u);
  EXPECT_EQ(r.events[0].kind, EventKind::kPodEvicted);
  EXPECT_EQ(r.events[0].time_ns, at("2024-09-28T01:06:34Z"));  // 3m26s before
  EXPECT_EQ(r.events[0].host, "minecraftg-fdf76df5c-r4nkh");
  EXPECT_EQ(r.events[0].field("namespace"), "minecraft");
  EXPECT_EQ(r.events[0].field("resource"), "memory");
  EXPECT_EQ(r.events[0].field("approximate"), "true");
  EXPECT_NE(r.events[0].field("why").find("low on resource: memory"), std::string_view::npos);
  EXPECT_EQ(r.events[1].kind, EventKind::kPodKilled);
  EXPECT_EQ(r.events[1].field("why"), "Stopping container minecraft");
  EXPECT_EQ(r.events[1].field("container"), "minecraft");
  EXPECT_EQ(r.events[2].kind, EventKind::kOomKill);
  EXPECT_EQ(r.events[2].host, "hans-laptop");
  EXPECT_EQ(r.events[2].field("process"), "nginx");
  EXPECT_EQ(r.events[2].field("pid"), "9295");
  EXPECT_EQ(r.events[2].time_ns, at("2024-09-28T00:17:00Z"));  // 53m
  EXPECT_EQ(r.events[2].precision, Precision::kSecond);
  EXPECT_TRUE(has_message(r.diag, Severity::kNote, "approximate"));
}

TEST(Kube, AgesWithoutAReferenceInventNoTime) {
  LOGCORR_REQUIRE_CORPUS();
  std::string text = test::read_file(test::corpus_dir() + "/real-lines-2/k8s-get-events.log");
  Read r = read_text(text);
  ASSERT_EQ(r.events.size(), 3u);
  for (const Event& e : r.events) {
    EXPECT_FALSE(e.time_valid);
    EXPECT_EQ(e.field("approximate"), "");
  }
  EXPECT_EQ(r.stats.timeless, 3u);
  EXPECT_TRUE(has_message(r.diag, Severity::kNote, "give --now", 1));
}

TEST(Kube, RealDescribeNodeEvents) {
  LOGCORR_REQUIRE_CORPUS();
  std::string text =
      test::read_file(test::corpus_dir() + "/real-lines-2/k8s-describe-node-events.log");
  Read r = read_text(text, at("2024-09-28T01:10:00Z"));
  ASSERT_EQ(r.events.size(), 2u);
  EXPECT_EQ(r.events[0].kind, EventKind::kOomKill);
  EXPECT_EQ(r.events[0].field("reason"), "SystemOOM");
  EXPECT_EQ(r.events[0].field("process"), "stress-ng-vm");
  EXPECT_EQ(r.events[0].field("pid"), "3103923");
  EXPECT_EQ(r.events[0].time_ns, at("2024-09-28T01:06:03Z"));
  EXPECT_EQ(r.events[1].kind, EventKind::kOomKill);
  EXPECT_EQ(r.events[1].field("reason"), "OOMKilling");
  EXPECT_EQ(r.events[1].field("source"), "kernel-monitor");
  EXPECT_EQ(r.events[1].field("process"), "stress-ng-vm");
  EXPECT_EQ(r.events[1].field("pid"), "3103923");
}

TEST(Kube, DescribePodsWithEvents) {
  Read r = read_fixture("describe-pod-strimzi.txt", at("2024-09-28T01:10:00Z"));
  ASSERT_EQ(r.events.size(), 5u);
  const Event& t = r.events[0];
  EXPECT_EQ(t.kind, EventKind::kContainerTerminated);
  EXPECT_EQ(t.host, "my-cluster-kafka-0");
  EXPECT_EQ(t.field("pod"), "my-cluster-kafka-0");
  EXPECT_EQ(t.field("container"), "kafka");
  EXPECT_EQ(t.field("namespace"), "kafka");
  EXPECT_EQ(t.field("node"), "worker-2");
  EXPECT_EQ(t.field("restart_count"), "3");
  EXPECT_EQ(t.field("reason"), "OOMKilled");
  EXPECT_EQ(t.time_ns, at("2024-09-28T00:59:31Z"));
  EXPECT_EQ(t.line, 32u);
  EXPECT_EQ(r.events[1].kind, EventKind::kBrokerStart);
  EXPECT_EQ(r.events[1].time_ns, at("2024-09-28T01:04:34Z"));
  // Events: the liveness kill, the crash loop, the restart.
  EXPECT_EQ(r.events[2].kind, EventKind::kPodKilled);
  EXPECT_EQ(r.events[2].field("probe"), "liveness");
  EXPECT_EQ(r.events[2].time_ns, at("2024-09-28T00:56:00Z"));
  EXPECT_EQ(r.events[2].field("approximate"), "true");
  EXPECT_EQ(r.events[3].kind, EventKind::kPodKilled);
  EXPECT_EQ(r.events[3].field("crash_loop"), "true");
  EXPECT_EQ(r.events[3].field("count"), "4");
  EXPECT_EQ(r.events[3].field("first_seen"), "2024-09-28T00:58:00Z");
  EXPECT_EQ(r.events[4].kind, EventKind::kBrokerStart);
  EXPECT_EQ(r.events[4].field("reason"), "Started");
  EXPECT_TRUE(r.stats.complete);
  for (const auto& d : r.diag.items) EXPECT_NE(d.severity, Severity::kWarning) << d.to_string();
}

TEST(Kube, DescribeNodeEventsAreTheNodes) {
  Read r = read_fixture("describe-node.txt", at("2024-09-28T01:10:00Z"));
  ASSERT_EQ(r.events.size(), 2u);  // NodeHasInsufficientMemory, EvictionThresholdMet: none
  for (const Event& e : r.events) {
    EXPECT_EQ(e.kind, EventKind::kOomKill);
    EXPECT_EQ(e.host, "worker-3");
    EXPECT_EQ(e.field("node"), "worker-3");
    EXPECT_EQ(e.field("pod"), "");
    EXPECT_EQ(e.field("pid"), "20211");
    EXPECT_EQ(e.field("process"), "java");
  }
  EXPECT_EQ(r.events[1].time_ns, at("2024-09-28T01:03:00Z"));
  EXPECT_TRUE(r.stats.complete);
}

// A crash-looping container (Waiting after an Error exit) and an init
// container: terminations, but no start to close them yet.
TEST(Kube, DescribeCrashLoopAndInitContainer) {
  const std::string text =
      "Name:             kafka-2\n"
      "Namespace:        data\n"
      "Node:             node-a/10.1.1.4\n"
      "Init Containers:\n"
      "  kafka-init:\n"
      "    Image:          bitnami/kafka:3.7\n"
      "    State:          Terminated\n"
      "      Reason:       Completed\n"
      "      Exit Code:    0\n"
      "      Started:      Sat, 28 Sep 2024 06:40:05 +0600\n"
      "      Finished:     Sat, 28 Sep 2024 06:40:07 +0600\n"
      "    Ready:          True\n"
      "    Restart Count:  0\n"
      "Containers:\n"
      "  kafka:\n"
      "    State:          Waiting\n"
      "      Reason:       CrashLoopBackOff\n"
      "    Last State:     Terminated\n"
      "      Reason:       Error\n"
      "      Message:      Exception in thread \"main\" java.lang.OutOfMemoryError\n"
      "  at kafka.Kafka.main(Kafka.scala)\n"
      "      Exit Code:    1\n"
      "      Started:      Sat, 28 Sep 2024 07:01:02 +0600\n"
      "      Finished:     Sat, 28 Sep 2024 07:01:40 +0600\n"
      "    Ready:          False\n"
      "    Restart Count:  6\n"
      "Events:            <none>\n";
  Read r = read_text(text);
  ASSERT_EQ(r.events.size(), 2u);
  EXPECT_EQ(r.events[0].field("container"), "kafka-init");
  EXPECT_EQ(r.events[0].field("reason"), "Completed");
  EXPECT_EQ(r.events[0].time_ns, at("2024-09-28T00:40:07Z"));
  EXPECT_EQ(r.events[1].field("container"), "kafka");
  EXPECT_EQ(r.events[1].field("reason"), "Error");
  EXPECT_EQ(r.events[1].field("exit_code"), "1");
  EXPECT_EQ(r.events[1].field("restart_count"), "6");
  EXPECT_EQ(r.events[1].field("node"), "node-a");
  EXPECT_EQ(r.events[1].time_ns, at("2024-09-28T01:01:40Z"));
  EXPECT_TRUE(r.stats.complete);
  EXPECT_TRUE(r.diag.items.empty());
}

TEST(Kube, CutOffDescribeKeepsWhatWasReadAndSaysSo) {
  Read r = read_fixture("describe-pod-cut.txt", at("2024-09-28T01:10:00Z"));
  EXPECT_FALSE(r.stats.complete);
  EXPECT_TRUE(has_message(r.diag, Severity::kWarning, "no Finished: line", 32));
  EXPECT_TRUE(has_message(r.diag, Severity::kWarning, "ends before its Events:", 35));
  // The termination is known but not when it ended: no time invented.
  ASSERT_EQ(r.events.size(), 2u);
  EXPECT_EQ(r.events[0].kind, EventKind::kContainerTerminated);
  EXPECT_FALSE(r.events[0].time_valid);
  EXPECT_EQ(r.events[0].field("reason"), "OOMKilled");
  EXPECT_EQ(r.events[0].field("finished"), "");
  EXPECT_EQ(r.events[1].kind, EventKind::kBrokerStart);
  EXPECT_TRUE(r.events[1].time_valid);
}

TEST(Kube, PodListWithTwoPods) {
  Read r = read_fixture("pods.json");
  ASSERT_EQ(r.events.size(), 3u);
  EXPECT_EQ(r.stats.objects, 2u);
  EXPECT_EQ(r.events[0].kind, EventKind::kContainerTerminated);
  EXPECT_EQ(r.events[0].host, "my-cluster-kafka-0");
  EXPECT_EQ(r.events[0].field("reason"), "OOMKilled");
  EXPECT_EQ(r.events[0].field("exit_code"), "137");
  EXPECT_EQ(r.events[0].field("node"), "worker-2");
  EXPECT_EQ(r.events[0].field("restart_count"), "3");
  EXPECT_EQ(r.events[0].field("started"), "2024-09-28T00:56:46Z");
  EXPECT_EQ(r.events[0].time_ns, at("2024-09-28T00:59:31Z"));
  EXPECT_EQ(r.events[1].kind, EventKind::kBrokerStart);
  EXPECT_EQ(r.events[1].time_ns, at("2024-09-28T01:04:34Z"));
  EXPECT_EQ(r.events[2].kind, EventKind::kContainerTerminated);
  EXPECT_EQ(r.events[2].host, "my-cluster-kafka-1");
  EXPECT_EQ(r.events[2].field("reason"), "Error");
  EXPECT_EQ(r.events[2].field("exit_code"), "1");
  EXPECT_EQ(r.events[2].field("node"), "worker-1");
  EXPECT_EQ(r.events[2].time_ns, at("2024-09-28T01:02:10Z"));
  EXPECT_TRUE(r.diag.items.empty());
}

TEST(Kube, PodYamlReadsLikeJson) {
  Read r = read_fixture("pod.yaml");
  ASSERT_EQ(r.events.size(), 2u);
  EXPECT_EQ(r.events[0].kind, EventKind::kContainerTerminated);
  EXPECT_EQ(r.events[0].field("reason"), "OOMKilled");
  EXPECT_EQ(r.events[0].time_ns, at("2024-09-28T00:59:31Z"));
  EXPECT_EQ(r.events[0].line, 33u);  // lastState.terminated's first line
  EXPECT_EQ(r.events[1].kind, EventKind::kBrokerStart);
}

TEST(Kube, EventListWithSeriesCountAndAnEventWithoutTime) {
  Read r = read_fixture("events.json");
  ASSERT_EQ(r.events.size(), 7u);  // Scheduled says nothing
  EXPECT_EQ(r.events[0].kind, EventKind::kPodKilled);
  EXPECT_EQ(r.events[0].field("probe"), "liveness");
  EXPECT_EQ(r.events[0].field("container"), "kafka");
  EXPECT_EQ(r.events[0].field("node"), "worker-2");
  EXPECT_EQ(r.events[0].time_ns, at("2024-09-28T00:55:58Z"));
  EXPECT_EQ(r.events[0].field("approximate"), "");
  // count 4: the time is the last occurrence, the first is a field.
  EXPECT_EQ(r.events[1].field("crash_loop"), "true");
  EXPECT_EQ(r.events[1].field("count"), "4");
  EXPECT_EQ(r.events[1].field("first_seen"), "2024-09-28T00:58:02Z");
  EXPECT_EQ(r.events[1].time_ns, at("2024-09-28T01:01:12Z"));
  EXPECT_EQ(r.events[2].kind, EventKind::kPodEvicted);
  EXPECT_EQ(r.events[3].kind, EventKind::kOomKill);
  EXPECT_EQ(r.events[3].host, "worker-3");
  EXPECT_EQ(r.events[3].field("process"), "java");
  EXPECT_EQ(r.events[4].kind, EventKind::kBrokerStart);
  // series: lastObservedTime (MicroTime), count from the series.
  const Event& s = r.events[5];
  EXPECT_EQ(s.kind, EventKind::kPodKilled);
  EXPECT_EQ(s.time_ns, at("2024-09-28T01:06:10.482817Z"));
  EXPECT_EQ(s.precision, Precision::kMicro);
  EXPECT_EQ(s.field("count"), "2");
  EXPECT_EQ(s.field("first_seen"), "2024-09-28T01:05:02.118320Z");
  // No time at all: kept timeless, said where.
  EXPECT_FALSE(r.events[6].time_valid);
  EXPECT_EQ(r.events[6].host, "my-cluster-kafka-1");
  EXPECT_TRUE(has_message(r.diag, Severity::kNote, "no eventTime", r.events[6].line));
}

TEST(Kube, EventsK8sIoYaml) {
  Read r = read_fixture("events-k8s-io.yaml");
  ASSERT_EQ(r.events.size(), 2u);
  EXPECT_EQ(r.events[0].kind, EventKind::kPodKilled);
  EXPECT_EQ(r.events[0].field("probe"), "liveness");
  EXPECT_EQ(r.events[0].field("node"), "worker-2");
  EXPECT_EQ(r.events[0].time_ns, at("2024-09-28T00:55:58Z"));
  EXPECT_EQ(r.events[1].kind, EventKind::kPodEvicted);
  EXPECT_EQ(r.events[1].time_ns, at("2024-09-28T01:04:10.118320Z"));
  EXPECT_EQ(r.events[1].field("count"), "2");
  EXPECT_NE(r.events[1].field("why").find("91348Ki. Container kafka"), std::string_view::npos);
}

TEST(Kube, WatchStreamOfObjects) {
  Read r = read_fixture("events-watch.json");
  ASSERT_EQ(r.events.size(), 2u);
  EXPECT_EQ(r.events[0].kind, EventKind::kPodKilled);
  EXPECT_EQ(r.events[0].line, 1u);
  EXPECT_EQ(r.events[1].kind, EventKind::kPodEvicted);
  EXPECT_EQ(r.events[1].line, 34u);
}

TEST(Kube, JsonThatDoesNotParse) {
  Read r = read_fixture("events-bad.json");
  EXPECT_FALSE(r.stats.complete);
  EXPECT_TRUE(has_message(r.diag, Severity::kError, "not JSON", 37));
  ASSERT_EQ(r.events.size(), 1u);  // the item complete before the damage
  EXPECT_EQ(r.events[0].kind, EventKind::kPodKilled);
}

TEST(Kube, CutOffJsonKeepsCompleteItems) {
  Read r = read_fixture("events-cut.json");
  EXPECT_FALSE(r.stats.complete);
  EXPECT_TRUE(has_message(r.diag, Severity::kError, "cut off"));
  ASSERT_EQ(r.events.size(), 2u);
  EXPECT_EQ(r.events[1].field("crash_loop"), "true");
}

TEST(Kube, BrokenYaml) {
  Read r =
      read_text("apiVersion: v1\nitems:\n- kind: Event\n  reason: Killing\n  message: [oops\n");
  EXPECT_FALSE(r.stats.complete);
  EXPECT_TRUE(has_message(r.diag, Severity::kError, "not YAML"));
  EXPECT_TRUE(r.events.empty());
}

TEST(Kube, EventsTable) {
  Read r = read_fixture("events-table.txt", at("2024-09-28T01:10:00Z"));
  ASSERT_EQ(r.events.size(), 5u);
  EXPECT_EQ(r.events[0].kind, EventKind::kPodKilled);
  EXPECT_EQ(r.events[0].field("probe"), "liveness");
  EXPECT_EQ(r.events[0].time_ns, at("2024-09-28T00:56:00Z"));
  EXPECT_EQ(r.events[0].line, 3u);
  EXPECT_EQ(r.events[2].kind, EventKind::kPodEvicted);
  EXPECT_EQ(r.events[2].time_ns, at("2024-09-28T01:03:40Z"));
  EXPECT_EQ(r.events[3].kind, EventKind::kOomKill);
  EXPECT_EQ(r.events[3].field("node"), "worker-3");
  // <unknown>: no time, said so.
  EXPECT_FALSE(r.events[4].time_valid);
  EXPECT_TRUE(has_message(r.diag, Severity::kNote, "<unknown>", 7));
}

// `kubectl get events -o wide`: SUBOBJECT (often empty) and SOURCE come
// before MESSAGE; cells are cut at the header's column offsets.
TEST(Kube, WideEventsTable) {
  Read r = read_fixture("events-table-wide.txt", at("2024-09-28T01:10:00Z"));
  ASSERT_EQ(r.events.size(), 2u);
  EXPECT_EQ(r.events[0].field("why"), "Container kafka failed liveness probe, will be restarted");
  EXPECT_EQ(r.events[0].field("probe"), "liveness");
  EXPECT_EQ(r.events[0].field("source"), "kubelet");
  EXPECT_EQ(r.events[0].field("node"), "worker-2");
  EXPECT_EQ(r.events[1].field("why"), "Back-off restarting failed container");
  EXPECT_EQ(r.events[1].field("count"), "4");
  // Live, row by row, the header still cuts the rows.
  std::string text = test::read_file(kData + "events-table-wide.txt");
  ExtractOptions o;
  o.now_ns = at("2024-09-28T01:10:00Z");
  Sink sink;
  CollectingSink diag;
  detail::LiveSource src("-", "-", nullptr, o, 1, diag, sink);
  src.feed(text, 1);
  src.end();
  ASSERT_EQ(sink.events.size(), 2u);
  EXPECT_EQ(sink.events[0].field("why"), r.events[0].field("why"));
  EXPECT_EQ(sink.events[1].field("count"), "4");
  EXPECT_EQ(sink.events[1].line, 4u);
}

TEST(Kube, TimesAndAges) {
  int64_t ns;
  Precision p;
  ASSERT_TRUE(parse_kube_time("Sat, 28 Sep 2024 06:56:46 +0600", ns, p));
  EXPECT_EQ(ns, at("2024-09-28T00:56:46Z"));
  ASSERT_TRUE(parse_kube_time("Mon, 07 Dec 2026 09:00:00 -0330", ns, p));
  EXPECT_EQ(ns, at("2026-12-07T12:30:00Z"));
  ASSERT_TRUE(parse_kube_time("2024-09-28T01:06:10.482817Z", ns, p));
  EXPECT_EQ(p, Precision::kMicro);
  EXPECT_FALSE(parse_kube_time("Sat, 28 Sep 2024 06:56:46 MST", ns, p));
  EXPECT_FALSE(parse_kube_time("null", ns, p));
  ASSERT_TRUE(parse_kube_age("3m26s", ns));
  EXPECT_EQ(ns, 206 * kNanosPerSecond);
  ASSERT_TRUE(parse_kube_age("2m (x3 over 10m)", ns));
  EXPECT_EQ(ns, 120 * kNanosPerSecond);
  ASSERT_TRUE(parse_kube_age("5d4h", ns));
  EXPECT_EQ(ns, (5 * 86400 + 4 * 3600) * kNanosPerSecond);
  EXPECT_FALSE(parse_kube_age("<unknown>", ns));
  EXPECT_FALSE(parse_kube_age("<invalid>", ns));
  EXPECT_FALSE(parse_kube_age("3x", ns));
}

// Through extraction: line numbers of the input, --now, the summary.

TEST(Kube, ExtractionReadsDocumentsWhole) {
  ExtractOptions o;
  o.now_ns = at("2024-09-28T01:10:00Z");
  Sink sink;
  CollectingSink diag;
  ASSERT_TRUE(
      extract_events({kData + "describe-pod-strimzi.txt", kData + "events-bad.json"}, o, sink, diag)
          .ok());
  ASSERT_EQ(sink.inputs.size(), 2u);
  EXPECT_EQ(sink.inputs[0].layout, Layout::kKubeDescribe);
  EXPECT_EQ(sink.inputs[0].role, InputRole::kOther);
  EXPECT_EQ(sink.inputs[0].events, 5u);
  EXPECT_EQ(sink.inputs[0].first_ns, at("2024-09-28T00:56:00Z"));
  EXPECT_EQ(sink.inputs[0].last_ns, at("2024-09-28T01:04:34Z"));
  EXPECT_EQ(sink.inputs[1].layout, Layout::kKubeJson);
  ASSERT_EQ(sink.events.size(), 6u);
  EXPECT_EQ(sink.events[0].line, 32u);
  EXPECT_EQ(sink.events[0].input_index, 0u);
  bool saw = false;
  for (const auto& d : diag.items)
    if (d.severity == Severity::kError && d.line == 37 && d.path.ends_with("events-bad.json"))
      saw = true;
  EXPECT_TRUE(saw);
}

TEST(Kube, ExtractionCountsAgesBackFromTheFileMtime) {
  test::TempDir dir;
  std::string path =
      dir.write("events.txt",
                "LAST SEEN   TYPE      REASON    OBJECT            MESSAGE\n"
                "10s         Normal    Killing   pod/kafka-0       Stopping container kafka\n");
  auto mtime = std::filesystem::file_time_type::clock::now();
  std::filesystem::last_write_time(path, mtime);
  ExtractOptions o;
  Sink sink;
  CollectingSink diag;
  ASSERT_TRUE(extract_events({path}, o, sink, diag).ok());
  ASSERT_EQ(sink.events.size(), 1u);
  EXPECT_TRUE(sink.events[0].time_valid);
  EXPECT_EQ(sink.events[0].line, 2u);
  EXPECT_EQ(sink.events[0].field("approximate"), "true");
  bool noted = false;
  for (const auto& d : diag.items)
    if (d.severity == Severity::kNote && d.message.find("mtime") != std::string::npos) noted = true;
  EXPECT_TRUE(noted);
}

// `kubectl get events -w -o json | logcorr follow -`: each object is read as
// soon as it closes, whatever the chunking of the pipe.
TEST(Kube, FollowReadsWatchObjectsAsTheyClose) {
  std::string text = test::read_file(kData + "events-watch.json");
  ExtractOptions o;
  Sink sink;
  CollectingSink diag;
  detail::LiveSource src("-", "-", nullptr, o, 50, diag, sink);
  // The first object alone, in 7-byte pieces, then the idle flush.
  size_t second = text.find("\n{") + 1;
  for (size_t i = 0; i < second; i += 7)
    src.feed(std::string_view(text).substr(i, std::min<size_t>(7, second - i)), 1);
  src.flush(2);
  ASSERT_EQ(sink.events.size(), 1u);
  EXPECT_EQ(sink.events[0].kind, EventKind::kPodKilled);
  EXPECT_EQ(sink.events[0].time_ns, at("2024-09-28T00:55:58Z"));
  EXPECT_EQ(sink.events[0].input, "-");
  src.feed(std::string_view(text).substr(second), 3);
  src.flush(4);
  ASSERT_EQ(sink.events.size(), 2u);
  EXPECT_EQ(sink.events[1].kind, EventKind::kPodEvicted);
  EXPECT_EQ(sink.events[1].line, 34u);
  src.end();
  EXPECT_EQ(src.summary().layout, Layout::kKubeJson);
  EXPECT_TRUE(diag.items.empty());
}

// `kubectl get events -w` (the table): an age is counted back from when
// its row arrived.
TEST(Kube, FollowTableAgesCountFromArrival) {
  ExtractOptions o;
  Sink sink;
  CollectingSink diag;
  detail::LiveSource src("-", "-", nullptr, o, 1, diag, sink);
  int64_t wall = at("2024-09-28T01:10:00Z");
  src.set_utc_clock([wall] { return wall; });
  src.feed("LAST SEEN   TYPE      REASON    OBJECT          MESSAGE\n", 5);
  src.feed("0s          Normal    Killing   pod/kafka-0     Stopping container kafka\n", 6);
  src.flush(7);
  ASSERT_EQ(sink.events.size(), 1u);
  EXPECT_EQ(sink.events[0].time_ns, wall);
  EXPECT_EQ(sink.events[0].field("approximate"), "true");
  EXPECT_EQ(sink.events[0].line, 2u);
}

// The application an input is, by its path (the client of packs whose
// clients never name themselves).
TEST(ApplicationName, FromFilesRotationsAndKubeletPaths) {
  using detail::application_name;
  EXPECT_EQ(application_name("bundle/clients/ledger-writer.log"), "ledger-writer");
  EXPECT_EQ(application_name("ledger-writer.log.1.gz"), "ledger-writer");
  EXPECT_EQ(application_name("/x/app.log.2026-06-29"), "app");
  EXPECT_EQ(application_name("/var/log/pods/shop_checkout-7d9_uid/checkout/0.log"), "checkout");
  EXPECT_EQ(application_name("/var/log/pods/ns_p_uid/api/0.log.20260818-090211.gz"), "api");
  EXPECT_EQ(application_name("-"), "-");
}

}  // namespace
}  // namespace logcorr
