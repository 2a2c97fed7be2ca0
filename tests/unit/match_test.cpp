// Matcher: symptom priority, broker-unit rule, layouts filter, fields and
// entities, events kind names.
#include <gtest/gtest.h>

#include "logcorr/match.hpp"

namespace logcorr {
namespace {

const PatternSet& shipped() {
  static const PatternSet set = [] {
    CollectingSink sink;
    return load_packs({LOGCORR_SOURCE_DIR "/patterns"}, sink);
  }();
  return set;
}

std::vector<Event> run(Matcher& m, std::string_view text, Layout layout = Layout::kLog4j,
                       std::string_view unit = {}) {
  Record rec;
  rec.raw.text = text;
  rec.raw.line = 7;
  rec.message = text;
  rec.meta.unit = unit;
  rec.time.utc_ns = 42;
  rec.time.precision = Precision::kMilli;
  std::vector<Event> out;
  m.match(rec, layout, out);
  return out;
}

TEST(EventKinds, NamesRoundTrip) {
  for (int i = 0; i < static_cast<int>(EventKind::kCount_); ++i) {
    auto k = static_cast<EventKind>(i);
    EXPECT_EQ(kind_from_name(kind_name(k)), k);
  }
  EXPECT_FALSE(kind_from_name("nope"));
  EXPECT_TRUE(is_symptom(EventKind::kOutOfOrderSequence));
  EXPECT_FALSE(is_symptom(EventKind::kBrokerStop));
  Event e;
  e.fields.emplace_back("a", "b");
  e.broker = 3;
  e.clear();
  EXPECT_TRUE(e.fields.empty());
  EXPECT_EQ(e.broker, -1);
}

TEST(Matcher, ConnectFailedWithEntities) {
  Matcher m(shipped());
  auto ev =
      run(m,
          "[2018-12-02 13:51:02,310] WARN [Producer clientId=console-producer] Connection to "
          "node 1 (kafka-1.broker.kafka.svc.cluster.local/10.36.1.22:9092) could not be "
          "established. Broker may not be available. (org.apache.kafka.clients.NetworkClient)");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(kind_name(ev[0].kind), "connect_failed");
  EXPECT_EQ(ev[0].broker, 1);
  EXPECT_EQ(ev[0].client, "console-producer");
  EXPECT_EQ(ev[0].host, "kafka-1.broker.kafka.svc.cluster.local");
  EXPECT_EQ(ev[0].field("ip"), "10.36.1.22");
  EXPECT_EQ(ev[0].pattern, "kafka-java-client/connection-could-not-be-established");
  EXPECT_EQ(ev[0].line, 7u);
  EXPECT_EQ(ev[0].time_ns, 42);
}

TEST(Matcher, OneSymptomPerRecordFirstInVocabulary) {
  Matcher m(shipped());
  // A TimeoutException caused by a NetworkException: network_exception wins.
  auto ev = run(m,
                "2024-01-01 10:00:00.000 ERROR [main] App - send failed\n"
                "org.apache.kafka.common.errors.TimeoutException: Expiring 1 record(s) for "
                "t-0:120000 ms has passed since batch creation\n"
                "Caused by: org.apache.kafka.common.errors.NetworkException: The server "
                "disconnected before a response was received.",
                Layout::kLogback);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(kind_name(ev[0].kind), "network_exception");
  // Negative node id: no broker.
  ev = run(m,
           "[2026-07-16 10:48:11,014] INFO [Producer clientId=c] Node -2 disconnected. "
           "(org.apache.kafka.clients.NetworkClient:1191)");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].broker, -1);
}

TEST(Matcher, BrokerUnitRule) {
  Matcher m(shipped());
  EXPECT_TRUE(run(m, "Stopped Service for snap application nextcloud.mysql.", Layout::kJournalJson)
                  .empty());
  auto ev = run(m, "Stopping Apache Kafka Server...", Layout::kJournalJson, "kafka.service");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(kind_name(ev[0].kind), "broker_stop");
  ev = run(m, "Stopping confluent-server.service - Apache Kafka - broker...",
           Layout::kJournalShortIso);
  ASSERT_EQ(ev.size(), 1u);
  // Description decides when the unit is unknown.
  ev = run(m, "Started Apache Kafka Server.", Layout::kSyslog);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(kind_name(ev[0].kind), "broker_start");
  // A custom broker-unit list.
  MatcherOptions o;
  o.broker_units = {"strimzi"};
  Matcher m2(shipped(), o);
  EXPECT_TRUE(run(m2, "Started Apache Kafka Server.", Layout::kSyslog).empty());
  // Kills of any unit stay.
  ev = run(m2, "containerd.service: Main process exited, code=killed, status=9/KILL",
           Layout::kSyslog);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(kind_name(ev[0].kind), "process_killed");
  EXPECT_EQ(ev[0].field("unit"), "containerd.service");
}

TEST(Matcher, LayoutsFilter) {
  Matcher m(shipped());
  // systemd lifecycle does not apply to Java application logs.
  EXPECT_TRUE(
      run(m, "2024-01-01 10:00:00.000  INFO 1 --- [main] c.e.App : Started KafkaApp in 3.2 seconds",
          Layout::kLogback)
          .empty());
}

TEST(Matcher, NoiseYieldsNothing) {
  Matcher m(shipped());
  for (std::string_view s :
       {"[2020-03-13 23:23:35,264] INFO [/config/changes-event-process-thread]: Stopped "
        "(kafka.common.ZkNodeChangeNotificationListener$ChangeEventProcessThread)",
        "1433288006.756 RDKAFKA-3-ERROR: rdkafka#producer-0: 0/1 brokers are down",
        "[863081.188000] java invoked oom-killer: gfp_mask=0x24201ca, order=0, oom_score_adj=0",
        "Disconnected from authenticating user root 10.0.0.1 port 22 [preauth]", ""}) {
    EXPECT_TRUE(run(m, s).empty()) << s;
  }
  EXPECT_FALSE(m.prefilter_passes("an ordinary line with nothing of interest"));
  EXPECT_TRUE(m.prefilter_passes("xx NetworkException yy"));
}

}  // namespace
}  // namespace logcorr

namespace logcorr {
namespace {

// real-lines/librdkafka/022.log lines 1-2, framed as LABELS.md says (the
// indented RD_KAFKA_LOG line continues the ctime() line).
TEST(Matcher, APodIsTheHostOfItsEventsNotTheNode) {
  Matcher m(shipped());
  Record rec;
  rec.raw.text =
      "Oct 12 19:34:45 aks-nodepool1-24207654-vmss000002 kubelet[2480]: I1012 19:34:45.000152    "
      "2480 kuberuntime_container.go:709] \"Killing container with a grace period\" "
      "pod=\"kafka/my-cluster-kafka-2\" podUID=27aff94d-e0d9-43d1-84d6-9ab000aa57e2 "
      "containerName=\"kafka\" containerID=\"containerd://4296b9e2\" gracePeriod=30";
  rec.message = rec.raw.text;
  rec.meta.host = "aks-nodepool1-24207654-vmss000002";
  rec.time.utc_ns = 42;
  rec.time.precision = Precision::kMilli;
  std::vector<Event> out;
  m.match(rec, Layout::kLog4j, out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].kind, EventKind::kPodKilled);
  EXPECT_EQ(out[0].host, "my-cluster-kafka-2");
  EXPECT_EQ(out[0].broker, -1);
  EXPECT_EQ(out[0].field("namespace"), "kafka");
  EXPECT_EQ(out[0].field("container"), "kafka");
  EXPECT_EQ(out[0].field("why"), "kubelet-stop");
  // The kernel's report on the same node keeps the node as host and names
  // the pod by UID.
  rec.raw.text =
      "oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,mems_allowed=0,oom_memcg=/"
      "kubepods/burstable/pod27aff94d-e0d9-43d1-84d6-9ab000aa57e2,task_memcg=/kubepods/burstable/"
      "pod27aff94d-e0d9-43d1-84d6-9ab000aa57e2/4296b9e2,task=java,pid=1187,uid=1001";
  rec.message = rec.raw.text;
  out.clear();
  m.match(rec, Layout::kLog4j, out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].kind, EventKind::kOomKill);
  EXPECT_EQ(out[0].host, "aks-nodepool1-24207654-vmss000002");
  EXPECT_EQ(out[0].field("pod_uid"), "27aff94d-e0d9-43d1-84d6-9ab000aa57e2");
}

TEST(Matcher, RdKafkaLogCallbackRecord) {
  Matcher m(shipped());
  auto ev = run(m,
                "Mon Feb 29 10:35:04 2016\n | RD_KAFKA_LOG | level: 3 | fac: FAIL | msg: "
                "10.139.220.16:9092/0: Receive failed: Disconnected",
                Layout::kPlain);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(kind_name(ev[0].kind), "disconnect");
  EXPECT_EQ(ev[0].broker, 0);
  EXPECT_EQ(ev[0].host, "10.139.220.16");
  ev = run(m,
           "Mon Feb 29 10:35:04 2016\n | RD_KAFKA_LOG | level: 3 | fac: FAIL | msg: "
           "10.139.220.16:9092/0: Connect to ipv4#10.139.220.16:9092 failed: Connection refused",
           Layout::kPlain);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(kind_name(ev[0].kind), "connect_failed");
}

}  // namespace
}  // namespace logcorr
