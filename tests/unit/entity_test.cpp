// Entity resolution: the forms in which logs name one broker.
#include <gtest/gtest.h>

#include "logcorr/analyze.hpp"
#include "logcorr/entity.hpp"

namespace logcorr {
namespace {

TEST(Entity, NormalizeHost) {
  EXPECT_EQ(normalize_host("Broker-3.Kafka.SVC."), "broker-3");
  EXPECT_EQ(normalize_host("broker-3.kafka.svc.cluster.local"), "broker-3");
  EXPECT_EQ(normalize_host("10.0.4.31"), "10.0.4.31");
  EXPECT_EQ(normalize_host("[fe80::1]"), "fe80::1");
  EXPECT_TRUE(looks_like_ip("10.0.4.31"));
  EXPECT_FALSE(looks_like_ip("10.0.4"));
  EXPECT_FALSE(looks_like_ip("broker-3"));
}

TEST(Entity, ShortFqdnAndIpResolveToOneBroker) {
  EntityMap m;
  // A Java client: "Connection to node 3 (broker-3.kafka.svc:9092/10.0.4.31:9092)".
  m.learn("broker-3.kafka.svc", 3);
  m.learn_alias("10.0.4.31", "broker-3.kafka.svc");
  EXPECT_EQ(m.broker_for("broker-3"), 3);             // journal _HOSTNAME
  EXPECT_EQ(m.broker_for("BROKER-3.kafka.svc."), 3);  // another spelling
  EXPECT_EQ(m.broker_for("10.0.4.31"), 3);            // librdkafka ipv4#10.0.4.31
  EXPECT_EQ(m.broker_for("broker-2"), -1);
  EXPECT_EQ(m.host_for(3), "broker-3");
}

TEST(Entity, UserMappingWins) {
  EntityMap m;
  m.add_user_mapping("kafka-a", 7);
  m.learn("kafka-a", 1);  // a later learned fact does not override the user
  EXPECT_EQ(m.broker_for("kafka-a.example.com"), 7);
}

TEST(Entity, ResolveFillsBrokerSideEventsAndGuessesFromNamesWithANote) {
  std::vector<Event> events(2);
  events[0].kind = EventKind::kBrokerStop;  // journal: "Stopping kafka.service" on broker-1
  events[0].host = "broker-1";
  events[1].kind = EventKind::kBrokerStart;  // server.log: "[KafkaServer id=1] started"
  events[1].host = "broker-1.kafka.internal";
  events[1].broker = 1;
  std::vector<InputSummary> inputs(1);
  inputs[0].input = "broker-3/gc.log";  // a GC log never says its broker id
  inputs[0].role = InputRole::kGc;
  inputs[0].host = "broker-3";
  EntityMap m;
  auto notes = resolve_entities(events, inputs, AnalyzeOptions{}, m);
  EXPECT_EQ(events[0].broker, 1);
  EXPECT_EQ(inputs[0].broker, 3);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_NE(notes[0].find("broker-3 is taken to be broker 3"), std::string::npos);
}

TEST(Entity, PodOrdinalsOfKafkaOperatorsAreGuessedOthersAreNot) {
  EntityMap m;
  EXPECT_EQ(m.guess_from_pod_name("my-cluster-kafka-2"), 2);      // Strimzi (StrimziPodSet)
  EXPECT_EQ(m.guess_from_pod_name("kafka-0"), 0);                 // Bitnami / Confluent
  EXPECT_EQ(m.guess_from_pod_name("kafka-controller-1"), 1);      // Bitnami KRaft
  EXPECT_EQ(m.guess_from_pod_name("kafka-broker-3"), 3);          // Bitnami broker pool
  EXPECT_EQ(m.guess_from_pod_name("my-cluster-dual-role-4"), 4);  // Strimzi node pool
  EXPECT_EQ(m.guess_from_pod_name("my-cluster-broker-5"), 5);
  EXPECT_EQ(m.broker_for("my-cluster-kafka-2"), 2);
  // No brokers: Deployment pods, clients, ZooKeeper, Connect, UIs, exporters.
  EXPECT_EQ(m.guess_from_pod_name("orders-api-7d9f8-xk2l5"), -1);
  EXPECT_EQ(m.guess_from_pod_name("orders-api-7d9f8b6c5d-xk2lp"), -1);
  EXPECT_EQ(m.guess_from_pod_name("payments-consumer-6"), -1);
  EXPECT_EQ(m.guess_from_pod_name("my-cluster-zookeeper-7"), -1);
  EXPECT_EQ(m.guess_from_pod_name("my-cluster-connect-8"), -1);
  EXPECT_EQ(m.guess_from_pod_name("kafka-ui-9"), -1);
  EXPECT_EQ(m.guess_from_pod_name("kafka-10x"), -1);
  // An id another host already has is not guessed twice.
  EXPECT_EQ(m.guess_from_pod_name("other-kafka-2"), -1);
  EXPECT_TRUE(looks_like_replicaset_pod("orders-api-7d9f8-xk2l5"));
  EXPECT_FALSE(looks_like_replicaset_pod("my-cluster-kafka-2"));
  // The name-based guess for broker-side hosts no longer takes a Deployment
  // pod's random suffix for an id.
  EXPECT_EQ(m.guess_from_name("orders-api-7d9f8-xk2l5"), -1);
}

TEST(Entity, ResolveGuessesKafkaPodsNotClientPodsOrNodesAndTheUserWins) {
  auto pod_event = [](EventKind k, std::string pod) {
    Event e;
    e.kind = k;
    e.host = pod;
    e.input = "node/journal.txt";
    e.fields = {{"pod", pod}, {"namespace", "kafka"}};
    return e;
  };
  std::vector<Event> events;
  events.push_back(pod_event(EventKind::kPodKilled, "my-cluster-kafka-2"));
  events.push_back(pod_event(EventKind::kContainerTerminated, "kafka-loadgen-0"));
  events.push_back(pod_event(EventKind::kPodKilled, "my-cluster-kafka-1"));
  std::vector<InputSummary> inputs(2);
  inputs[0].input = "loadgen/kafka-loadgen-0.log";  // a client's own log
  inputs[0].role = InputRole::kClient;
  inputs[0].host = "kafka-loadgen-0";
  inputs[1].input = "node/journal.txt";  // a node's journal: its kubelet names pods
  inputs[1].role = InputRole::kJournal;
  inputs[1].host = "aks-nodepool1-24207654-vmss000002";
  AnalyzeOptions opts;
  opts.broker_map = {{"my-cluster-kafka-1", 11}};  // --broker POD=ID
  EntityMap m;
  auto notes = resolve_entities(events, inputs, opts, m);
  EXPECT_EQ(events[0].broker, 2);
  EXPECT_EQ(events[1].broker, -1);  // a client pod stays a client
  EXPECT_EQ(events[1].host, "kafka-loadgen-0");
  EXPECT_EQ(events[2].broker, 11);
  EXPECT_EQ(inputs[1].broker, -1);  // the node is no broker 2
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_NE(notes[0].find("pod my-cluster-kafka-2 is taken to be broker 2"), std::string::npos);
}

}  // namespace
}  // namespace logcorr
