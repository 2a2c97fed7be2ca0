// KRaft-era broker lines (issue 14): the node's own start and stop, and the
// broker's own clients (RaftManager, replica fetchers, controller channels)
// printing the Java client's NetworkClient templates. Those are broker-side
// events (field side=broker): kept with their kind, never a client's error,
// and they make their input a broker's.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>

#include "logcorr/analyze.hpp"
#include "logcorr/match.hpp"
#include "test_util.hpp"

namespace logcorr {
namespace {

namespace fs = std::filesystem;

const PatternSet& shipped() {
  static const PatternSet set = [] {
    CollectingSink sink;
    return load_packs({LOGCORR_SOURCE_DIR "/patterns"}, sink);
  }();
  return set;
}

std::vector<Event> run(Matcher& m, std::string_view text) {
  Record rec;
  rec.raw.text = text;
  rec.raw.line = 1;
  rec.message = text;
  rec.time.utc_ns = 42;
  rec.time.precision = Precision::kMilli;
  std::vector<Event> out;
  m.match(rec, Layout::kLog4j, out);
  return out;
}

// Broker-internal NetworkClient lines, real (find_string ids and corpus files
// as in patterns/kafka-java-client.toml), with the kind each keeps.
TEST(Kraft, BrokerInternalConnectionsAreBrokerSide) {
  Matcher m(shipped());
  const std::pair<const char*, const char*> lines[] = {
      {"[2025-02-24 13:52:50,515] WARN [RaftManager id=1] Connection to node 0 "
       "(sentry-kafka-controller-0.sentry-kafka-controller-headless.sentry.svc.cluster.local/"
       "10.62.6.9:9093) could not be established. Node may not be available. "
       "(org.apache.kafka.clients.NetworkClient)",
       "connect_failed"},
      {"[2021-06-21 11:46:08,039] WARN [RaftManager nodeId=2] Error connecting to node "
       "kafka-1.kafka-svc.kafka-kraft.svc.cluster.local:9093 (id: 1 rack: null) "
       "(org.apache.kafka.clients.NetworkClient)\njava.net.UnknownHostException: "
       "kafka-1.kafka-svc.kafka-kraft.svc.cluster.local",
       "dns_failure"},
      {"[2022-03-14 09:00:00,597] INFO [ReplicaFetcher replicaId=1, leaderId=2, fetcherId=0] "
       "Error sending fetch request (sessionId=2095832195, epoch=8913816) to node 2: "
       "java.io.IOException: Connection to 2 was disconnected before the response was read. "
       "(org.apache.kafka.clients.FetchSessionHandler)",
       "network_exception"},
      {"[2024-06-21 11:14:59,320] WARN [ReplicaFetcher replicaId=1, leaderId=0, fetcherId=0] "
       "Connection to node 0 (/172.23.47.13:9092) could not be established. Broker may not be "
       "available. (org.apache.kafka.clients.NetworkClient)",
       "connect_failed"},
      {"[2019-01-25 05:35:21,026] WARN [Controller id=1, targetBrokerId=1] Connection to node 1 "
       "(/10.0.10.104:9092) could not be established. Broker may not be available. "
       "(org.apache.kafka.clients.NetworkClient)",
       "connect_failed"},
      {"[2025-05-14 23:33:31,116] INFO [NodeToControllerChannelManager id=10 name=heartbeat] "
       "Disconnecting from node 10 due to request timeout. "
       "(org.apache.kafka.clients.NetworkClient)",
       "request_timeout"},
      {"[2023-11-09 07:33:36,106] INFO [TransactionCoordinator id=1] Disconnecting from node 1 "
       "due to socket connection setup timeout. The timeout value is 26590 ms. "
       "(org.apache.kafka.clients.NetworkClient)",
       "connect_failed"},
      {"[2025-05-17 12:05:58,173] INFO [RaftManager id=1] Node 2 disconnected. "
       "(org.apache.kafka.clients.NetworkClient)",
       "disconnect"},
      {"[2020-01-27 11:09:21,540] WARN [KafkaServer id=0] Error during controlled shutdown, "
       "possibly because leader movement took longer than the configured "
       "controller.socket.timeout.ms and/or request.timeout.ms: Connection to 0 was disconnected "
       "before the response was read (kafka.server.KafkaServer)",
       "network_exception"},
  };
  for (const auto& [text, kind] : lines) {
    auto ev = run(m, text);
    ASSERT_EQ(ev.size(), 1u) << text;
    EXPECT_EQ(kind_name(ev[0].kind), kind) << text;
    EXPECT_EQ(ev[0].field("side"), "broker") << text;
    EXPECT_FALSE(is_client_symptom(ev[0])) << text;
  }
}

// The same templates logged by a client application are unchanged: no side,
// a client's error.
TEST(Kraft, ClientLinesStayClientSymptoms) {
  Matcher m(shipped());
  for (const char* text : {
           "[2018-12-02 13:51:02,310] WARN [Producer clientId=console-producer] Connection to node "
           "1 (kafka-1.broker.kafka.svc.cluster.local/10.36.1.22:9092) could not be established. "
           "Broker may not be available. (org.apache.kafka.clients.NetworkClient)",
           "[2026-07-16 10:48:11,014] INFO [Producer clientId=orders-1] Node 1 disconnected. "
           "(org.apache.kafka.clients.NetworkClient:1191)",
           "2019-08-22 14:15:03.458  INFO 3193 --- [pool-1-thread-1] o.a.k.c.FetchSessionHandler "
           "             : [Consumer clientId=consumer-1, groupId=aaaa2] Error sending fetch "
           "request (sessionId=INVALID, epoch=INITIAL) to node 3: "
           "org.apache.kafka.common.errors.DisconnectException.",
           // A stack frame naming a broker class is no broker prefix: only the
           // record's first line is read.
           "[2026-07-16 10:48:12,000] WARN [Producer clientId=orders-1] Node 1 disconnected.\n"
           "\tat kafka.server.BrokerServer.startup([ControllerServer id=1])",
       }) {
    auto ev = run(m, text);
    ASSERT_EQ(ev.size(), 1u) << text;
    EXPECT_EQ(ev[0].field("side"), "") << text;
    EXPECT_TRUE(is_client_symptom(ev[0])) << text;
  }
}

// Kafka 3.x/4.x lifecycle: the controller role's stop is a broker_stop of
// its node (role=controller); a start without a node id gets the id its
// input says elsewhere.
TEST(Kraft, RealLinesGiveStartAndStopWithTheNodeId) {
  LOGCORR_REQUIRE_CORPUS();
  const std::string dir = test::corpus_dir() + "/real-lines-2/";
  AnalyzeOptions opts;
  opts.threads = 1;
  opts.pattern_dirs = {LOGCORR_SOURCE_DIR "/patterns"};
  CollectingSink diag;
  auto r = extract_resolved_events(
      {dir + "broker-kraft30-combined.log", dir + "broker-kraft35-startfail.log",
       dir + "broker-kraft40.log", dir + "broker-kraft-controller-failover.log"},
      opts, diag);
  ASSERT_TRUE(r.ok()) << r.status().message();
  std::multimap<std::string, std::string> got;  // file -> "kind broker"
  for (const Event& e : r->events)
    got.emplace(e.input.substr(e.input.rfind('/') + 1),
                std::string(kind_name(e.kind)) + " " + std::to_string(e.broker) +
                    (e.field("side").empty() ? "" : " side=" + std::string(e.field("side"))));
  auto of = [&](const std::string& file) {
    std::multiset<std::string> s;
    auto [a, b] = got.equal_range(file);
    for (auto it = a; it != b; ++it) s.insert(it->second);
    return s;
  };
  // Kafka 3.0 combined mode: "Kafka Server started" names no node; the
  // controller role's stop says 1.
  EXPECT_EQ(of("broker-kraft30-combined.log"),
            (std::multiset<std::string>{"broker_start 1", "broker_stop 1"}));
  EXPECT_EQ(of("broker-kraft35-startfail.log"), (std::multiset<std::string>{"broker_stop 0"}));
  EXPECT_EQ(
      of("broker-kraft40.log"),
      (std::multiset<std::string>{"broker_stop 10", "broker_start 10", "unclean_shutdown 10"}));
  // The voter that cannot reach node 0 is broker-side; its failed election
  // is the fault.
  EXPECT_EQ(of("broker-kraft-controller-failover.log"),
            (std::multiset<std::string>{"connect_failed 0 side=broker", "quorum_lost 1"}));
  for (const InputSummary& in : r->inputs) EXPECT_EQ(role_name(in.role), "server") << in.input;
}

void write(const fs::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
}

// A KRaft node's log whose name says nothing (`kubectl logs` saved as
// kafka-controller-0.log): minutes of unreachable voters and controller
// heartbeats make it a broker's input, and no client burst; a client's own
// disconnects in the same run still make theirs.
TEST(Kraft, ABrokersOwnConnectionErrorsAreNoClientBurst) {
  const fs::path dir = fs::path(::testing::TempDir()) / "kraft_no_client_burst";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::string broker =
      "[2025-02-24 13:50:00,001] INFO Kafka Server started (kafka.server.KafkaRaftServer)\n"
      "[2025-02-24 13:50:00,002] INFO [BrokerLifecycleManager id=1] The broker has been "
      "unfenced. Transitioning from RECOVERY to RUNNING. "
      "(kafka.server.BrokerLifecycleManager)\n";
  for (int i = 0; i < 40; ++i) {
    char ts[32];
    std::snprintf(ts, sizeof ts, "2025-02-24 13:52:%02d,%03d", i, 515);
    broker += std::string("[") + ts +
              "] WARN [RaftManager id=1] Connection to node 0 "
              "(kafka-controller-0.kafka-controller-headless.kafka.svc.cluster.local/"
              "10.62.6.9:9093) could not be established. Node may not be available. "
              "(org.apache.kafka.clients.NetworkClient)\n";
    broker += std::string("[") + ts +
              "] INFO [NodeToControllerChannelManager id=1 name=heartbeat] Disconnecting from "
              "node 0 due to request timeout. (org.apache.kafka.clients.NetworkClient)\n";
  }
  broker +=
      "[2025-02-24 13:53:10,798] INFO [ControllerServer id=1] shutting down "
      "(kafka.server.ControllerServer)\n";
  write(dir / "kafka-controller-1.log", broker);
  std::string client;
  for (int i = 0; i < 5; ++i)
    client += "[2025-02-24 14:10:0" + std::to_string(i) +
              ",100] INFO [Producer clientId=orders-1] Node 1 disconnected. "
              "(org.apache.kafka.clients.NetworkClient)\n";
  write(dir / "orders-app.log", client);

  AnalyzeOptions opts;
  opts.threads = 1;
  opts.pattern_dirs = {LOGCORR_SOURCE_DIR "/patterns"};
  CollectingSink diag;
  auto r = analyze({dir.string()}, opts, diag);
  ASSERT_TRUE(r.ok()) << r.status().message();
  std::map<std::string, std::string> roles;
  for (const InputSummary& in : r->inputs)
    roles[fs::path(in.input).filename().string()] = std::string(role_name(in.role));
  EXPECT_EQ(roles["kafka-controller-1.log"], "server");
  EXPECT_EQ(roles["orders-app.log"], "client");
  EXPECT_EQ(r->symptoms, 5u);  // the client's only
  ASSERT_EQ(r->bursts.size(), 1u);
  EXPECT_EQ(r->bursts[0].count, 5u);
  fs::remove_all(dir);
}

// Kafka 3.0-3.2's "Kafka Server started" names no node: the broker's config
// dump does (node.id), and the start gets that id.
TEST(Kraft, AStartWithoutIdTakesTheNodeOfTheConfigDump) {
  const fs::path dir = fs::path(::testing::TempDir()) / "kraft_config_dump";
  fs::remove_all(dir);
  fs::create_directories(dir);
  write(dir / "kafka-2.log",
        "[2021-10-09 01:01:58,101] INFO KafkaConfig values: \n"
        "\tadvertised.listeners = PLAINTEXT://kafka-2:9092\n"
        "\tbroker.id = 2\n"
        "\tnode.id = 2\n"
        "\tprocess.roles = [broker, controller]\n"
        " (kafka.server.KafkaConfig)\n"
        "[2021-10-09 01:02:00,668] INFO Kafka Server started (kafka.server.KafkaRaftServer)\n");
  AnalyzeOptions opts;
  opts.threads = 1;
  opts.pattern_dirs = {LOGCORR_SOURCE_DIR "/patterns"};
  CollectingSink diag;
  auto r = extract_resolved_events({(dir / "kafka-2.log").string()}, opts, diag);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->events.size(), 2u);
  EXPECT_EQ(kind_name(r->events[0].kind), "broker_config");
  EXPECT_EQ(r->events[0].field("process_roles"), "broker, controller");
  EXPECT_EQ(kind_name(r->events[1].kind), "broker_start");
  EXPECT_EQ(r->events[1].broker, 2);
  ASSERT_EQ(r->inputs.size(), 1u);
  EXPECT_EQ(role_name(r->inputs[0].role), "server");
  EXPECT_EQ(r->inputs[0].broker, 2);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace logcorr
