// Acceptance: every file of ../shared/corpus/real-lines-2/ that names an
// expected kind for a client, a layout or a Kubernetes source (its README)
// yields that kind through the whole extraction (sniff, unwrap, frame,
// parse, match, entities), and the files whose lines carry a stamp get a
// time. The README's kinds are descriptive; the mapping to the DESIGN
// vocabulary, and the lines judged mislabelled, are written next to each row.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "logcorr/analyze.hpp"
#include "test_util.hpp"

namespace logcorr {
namespace {

struct Want {
  const char* file;
  std::set<std::string> kinds;  // each must occur
  bool timed;                   // every event has a time
};

const Want kWant[] = {
    {"java-springboot.log", {"connect_failed"}, true},
    {"java-logback-canal.log", {"connect_failed"}, true},
    {"java-flink.log", {"network_exception"}, true},
    {"java-quarkus.log", {"connect_failed"}, true},
    {"java-logstash-json.log", {"network_exception"}, true},
    {"java-compose-prefix.log", {"connect_failed", "disconnect"}, true},
    {"java-strimzi-operator.log", {"connect_failed"}, true},
    {"rdkafka-default-sslclosed.log", {"disconnect"}, true},
    {"rdkafka-isotime.log", {"disconnect"}, true},
    // dd-MM-yyyy: day 16 settles the order (generic stamp finding).
    {"rdkafka-ddmmyyyy.log", {"disconnect"}, true},
    // Serilog's [12:24:27 INF]: the date is --date's (opts.open.reader.date_days below).
    {"rdkafka-dotnet-serilog.log", {"request_timeout"}, true},
    {"rdkafka-python-logging.log", {"disconnect", "all_brokers_down"}, false},
    {"rdkafka-python-exception.log", {"disconnect", "all_brokers_down"}, false},
    {"rdkafka-noderdkafka.log", {"disconnect"}, false},
    {"rdkafka-rsyslog-omkafka.log", {"disconnect"}, false},
    {"rdkafka-dotnet-msk.log", {"connect_failed"}, false},
    // README: timeout_exception. Old librdkafka's `BROKERFAIL … Local:
    // Message timed out` fails the connection after its requests timed out
    // (confluent-kafka-dotnet#81 shows REQTMOUT first): request_timeout.
    {"rdkafka-tabsep.log", {"request_timeout"}, true},
    {"rdkafka-journal-sh.log", {"connect_failed"}, true},
    {"rdkafka-errcb.log", {"request_timeout"}, false},
    {"rdkafka-idle-reset.log", {"disconnect"}, false},
    {"kafkajs.log", {"connect_failed"}, true},
    {"sarama-stdlog.log", {"disconnect"}, true},
    {"sarama-glog-cockroach.log", {"disconnect"}, true},
    {"sarama-msk.log", {"all_brokers_down"}, false},
    // README: disconnect (SASL missing). kgo's hint is a sasl_failure (inferred).
    {"franz-slog.log", {"disconnect", "sasl_failure"}, true},
    {"franz-benthos-journal.log", {"connect_failed"}, true},
    // README: disconnect, connect_failed. Line 1's `Closing connection.
    // ConnectionError: 111` is the close after a refused connect (errno 111).
    {"kafka-python.log", {"connect_failed"}, true},
    {"k8s-kubectl-timestamps.log", {"broker_stop"}, true},
    {"k8s-kubectl-prefix.log", {"broker_stop"}, true},
    {"k8s-cri.log", {"broker_stop", "unclean_shutdown"}, true},
    {"k8s-docker-json.log", {"broker_stop", "unclean_shutdown"}, true},
    {"k8s-compose-broker.log", {"broker_stop"}, true},
    // README: oom_kill. The container's end as the cluster recorded it.
    {"k8s-describe-pod.log", {"container_terminated"}, true},
    // README: eviction / oom_kill.
    {"k8s-get-events.log", {"pod_evicted", "pod_killed", "oom_kill"}, true},
    {"k8s-describe-node-events.log", {"oom_kill"}, true},
    // README: eviction / container kill.
    {"k8s-kubelet-syslog.log", {"pod_evicted", "pod_killed"}, true},
    // README: drain/eviction. The Drain Cleaner marks the pod for the next roll.
    {"k8s-strimzi-drain-cleaner.log", {"pod_killed"}, true},
    // README: broker_start, broker_stop. Its stop is the controller role's
    // (`[ControllerServer id=1] shutting down`, role=controller: in combined
    // mode the same process stop as the broker's; real-lines/LABELS.md chose
    // otherwise, see labels_test.cpp's kRelabelled).
    {"broker-kraft30-combined.log", {"broker_start", "broker_stop"}, true},
    {"broker-kraft35-startfail.log", {"broker_stop"}, true},
    {"broker-kraft40.log", {"broker_stop", "broker_start", "unclean_shutdown"}, true},
    {"broker-strimzi-layout.log", {"broker_stop"}, true},
    // Issue 14's causes. README: TLS auth failure / TLS failure (no kind).
    {"java-log4j-ssl.log", {"tls_failure"}, true},
    {"broker-sslauth.log", {"tls_failure"}, true},
    // librdkafka's BROKERFAIL `Local: SSL error` (the certificate had expired).
    {"rdkafka-certexpired.log", {"tls_failure"}, true},
    // README: log-dir failure (no kind).
    {"broker-diskfull.log", {"log_dir_failure"}, true},
    // README: ZK session expiry (no kind). Line 1 (`Client session timed
    // out`) is not an expiry yet.
    {"broker-zk-expired.log", {"zk_session_expired"}, true},
    // README: controller failover / quorum loss (no kind). Only line 4's
    // failed election is evidence: line 5 is a first election (epoch=1,
    // retries=1), line 2's "Recorded new controller" repeats at every
    // reconnect (real-lines/LABELS.md labels it `-`), and line 1's stale
    // broker epoch is a fenced broker's heartbeat, no quorum loss.
    {"broker-kraft-controller-failover.log", {"quorum_lost"}, true},
    // README: JVM OOME (no kind). The JVM's own stderr line: no stamp.
    {"broker-jvm-oome.log", {"jvm_oom_error"}, false},
    // broker-sigterm.log (README: broker_stop): "Terminating process due to
    // signal SIGTERM" is no broker_stop by real-lines/LABELS.md's choice (it
    // names no broker, precedes the stop line, repeats in a hung stop).
};

TEST(RealLines2, EveryFileYieldsItsKinds) {
  LOGCORR_REQUIRE_CORPUS();
  const std::string dir = test::corpus_dir() + "/real-lines-2/";
  std::vector<std::string> failures;
  for (const Want& w : kWant) {
    AnalyzeOptions opts;
    opts.threads = 1;
    opts.pattern_dirs = {LOGCORR_SOURCE_DIR "/patterns"};
    opts.now_ns = 1'800'000'000LL * 1'000'000'000LL;  // ages need a reference; any will do
    opts.open.reader.date_days = 19'000;              // date-less stamps (never the mtime)
    CollectingSink diag;
    auto r = extract_resolved_events({dir + w.file}, opts, diag);
    ASSERT_TRUE(r.ok()) << w.file << ": " << r.status().message();
    std::map<std::string, int> got;
    bool untimed = false;
    for (const Event& e : r->events) {
      ++got[std::string(kind_name(e.kind))];
      if (!e.time_valid) untimed = true;
    }
    for (const std::string& k : w.kinds)
      if (!got.count(k)) failures.push_back(std::string(w.file) + ": no " + k);
    if (w.timed && untimed) failures.push_back(std::string(w.file) + ": an event without time");
  }
  for (const auto& f : failures) ADD_FAILURE() << f;
}

// The clients' own names for themselves reach the events.
TEST(RealLines2, ClientIdsAndBrokersOfNonJavaClients) {
  LOGCORR_REQUIRE_CORPUS();
  const std::string dir = test::corpus_dir() + "/real-lines-2/";
  AnalyzeOptions opts;
  opts.threads = 1;
  opts.pattern_dirs = {LOGCORR_SOURCE_DIR "/patterns"};
  CollectingSink diag;
  auto r = extract_resolved_events({dir + "kafkajs.log", dir + "rdkafka-isotime.log"}, opts, diag);
  ASSERT_TRUE(r.ok());
  std::set<std::string> clients;
  for (const Event& e : r->events) clients.insert(e.client);
  EXPECT_TRUE(clients.count("marketing-webhooks"));  // kafkajs's clientId field
  EXPECT_TRUE(clients.count("rdkafka#producer-1"));  // librdkafka's handle name
}

// Issue 14's cause kinds carry what their lines name: the broker whose
// listener refused a handshake (never the client's address as its host),
// the failed log dir, the client and the reason.
TEST(RealLines2, CauseKindsCarryTheirFields) {
  LOGCORR_REQUIRE_CORPUS();
  const std::string dir = test::corpus_dir() + "/real-lines-2/";
  AnalyzeOptions opts;
  opts.threads = 1;
  opts.pattern_dirs = {LOGCORR_SOURCE_DIR "/patterns"};
  CollectingSink diag;
  auto r = extract_resolved_events({dir + "broker-sslauth.log", dir + "java-log4j-ssl.log",
                                    dir + "broker-diskfull.log", dir + "rdkafka-certexpired.log"},
                                   opts, diag);
  ASSERT_TRUE(r.ok());
  std::map<std::string, const Event*> by_input;  // file -> its cause event
  for (const Event& e : r->events)
    if (is_auth_or_path(e.kind) || is_broker_fault(e.kind))
      by_input[e.input.substr(e.input.rfind('/') + 1)] = &e;
  ASSERT_EQ(by_input.size(), 4u);
  const Event& broker = *by_input["broker-sslauth.log"];
  EXPECT_EQ(broker.kind, EventKind::kTlsFailure);
  EXPECT_EQ(broker.broker, 0);
  EXPECT_EQ(broker.field("client_addr"), "10.244.0.20");
  EXPECT_EQ(broker.field("side"), "broker");
  EXPECT_NE(broker.host, "10.244.0.20");
  const Event& client = *by_input["java-log4j-ssl.log"];
  EXPECT_EQ(client.kind, EventKind::kTlsFailure);
  EXPECT_EQ(client.client, "adminclient-1");
  EXPECT_EQ(client.field("side"), "");
  const Event& disk = *by_input["broker-diskfull.log"];
  EXPECT_EQ(disk.kind, EventKind::kLogDirFailure);
  EXPECT_EQ(disk.field("dir"), "/var/lib/kafka/data/kafka-log0");
  const Event& rd = *by_input["rdkafka-certexpired.log"];
  EXPECT_EQ(rd.kind, EventKind::kTlsFailure);
  EXPECT_EQ(rd.broker, 26);
  EXPECT_EQ(rd.field("error"), "Local: SSL error");
  EXPECT_EQ(rd.client, "rdkafka#consumer-1");
}

// sarama and kafka-python never name their client: the application (the
// file's name) is the client of their events.
TEST(RealLines2, ClientsThatNeverNameThemselvesAreTheirApplication) {
  LOGCORR_REQUIRE_CORPUS();
  const std::string dir = test::corpus_dir() + "/real-lines-2/";
  AnalyzeOptions opts;
  opts.threads = 1;
  opts.pattern_dirs = {LOGCORR_SOURCE_DIR "/patterns"};
  CollectingSink diag;
  auto r =
      extract_resolved_events({dir + "sarama-stdlog.log", dir + "kafka-python.log"}, opts, diag);
  ASSERT_TRUE(r.ok());
  std::map<std::string, std::set<std::string>> clients;  // input -> clients
  for (const Event& e : r->events)
    if (is_symptom(e.kind)) clients[e.input.substr(e.input.rfind('/') + 1)].insert(e.client);
  EXPECT_EQ(clients["sarama-stdlog.log"], std::set<std::string>{"sarama-stdlog"});
  EXPECT_EQ(clients["kafka-python.log"], std::set<std::string>{"kafka-python"});
}

// The real TLS / SASL lines decide auth-failure on their own (one
// record, one error: franz-go's line is a disconnect and its SASL hint), and
// the broker idle reaper's resets are noted, not reported.
TEST(RealLines2, AuthLinesAreAuthFailureAndIdleResetsAreNoted) {
  LOGCORR_REQUIRE_CORPUS();
  const std::string dir = test::corpus_dir() + "/real-lines-2/";
  AnalyzeOptions opts;
  opts.threads = 1;
  opts.pattern_dirs = {LOGCORR_SOURCE_DIR "/patterns"};
  struct Case {
    const char* file;
    size_t bursts;
    int32_t broker;
    const char* note;  // a note that must be there, or ""
  };
  for (const Case& k :
       {Case{"rdkafka-certexpired.log", 1, 26, ""}, Case{"franz-slog.log", 1, -1, ""},
        Case{"java-log4j-ssl.log", 1, -1, ""},
        Case{"rdkafka-idle-reset.log", 0, -1, "1 idle connection close(s)"},
        Case{"rdkafka-default-sslclosed.log", 0, -1, "2 idle connection close(s)"}}) {
    CollectingSink diag;
    auto r = analyze({dir + k.file}, opts, diag);
    ASSERT_TRUE(r.ok()) << k.file;
    ASSERT_EQ(r->bursts.size(), k.bursts) << k.file;
    for (const auto& b : r->bursts) {
      EXPECT_EQ(b.verdict, Verdict::kAuthFailure) << k.file;
      EXPECT_EQ(b.count, 1u) << k.file;
      ASSERT_FALSE(b.causes.empty());
      EXPECT_EQ(b.causes[0].broker, k.broker) << k.file;
    }
    bool noted = *k.note == 0;
    for (const auto& n : r->notes) noted |= n.find(k.note) != std::string::npos;
    EXPECT_TRUE(noted) << k.file;
  }
}

}  // namespace
}  // namespace logcorr
