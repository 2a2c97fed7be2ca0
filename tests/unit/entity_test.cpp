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

}  // namespace
}  // namespace logcorr
