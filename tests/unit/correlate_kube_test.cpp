// Kubernetes causes: the records the cluster keeps about a broker pod's
// stop (kubectl describe / get -o json, the kubelet's journal, the Strimzi
// operator and Drain Cleaner) decide the verdict like systemd's do, merge
// with the broker's own lines into one downtime, and bring Kubernetes advice.
// The events are built in the shapes the readers and patterns emit:
// Event.host = the pod, broker -1, fields pod/namespace/container/reason/
// exit_code/why/probe, `approximate`="true" for age-derived times.
#include <gtest/gtest.h>

#include <algorithm>

#include "logcorr/analyze.hpp"
#include "logcorr/correlate.hpp"

namespace logcorr {
namespace {

constexpr int64_t kSec = 1'000'000'000;
// 2024-09-28T00:59:31Z (k8s-describe-pod.log's Finished, in UTC)
const int64_t T0 = 1727485171LL * kSec;
const std::string kPod = "my-cluster-kafka-2";

Event ev(EventKind k, int64_t t, std::string input, std::string text, std::string host = kPod,
         int32_t broker = -1) {
  Event e;
  e.kind = k;
  e.time_ns = t;
  e.time_valid = true;
  e.precision = Precision::kSecond;
  e.input = std::move(input);
  e.text = std::move(text);
  e.host = std::move(host);
  e.broker = broker;
  static uint64_t line = 0;
  e.line = ++line;
  return e;
}

Event pod_fields(Event e) {
  e.fields.insert(e.fields.begin(), {{"pod", e.host}, {"namespace", "kafka"}});
  return e;
}

Event terminated(int64_t t, std::string reason, std::string code, std::string input,
                 bool approximate = false) {
  Event e = ev(EventKind::kContainerTerminated, t, std::move(input),
               "Last State: Terminated Reason: " + reason + " Exit Code: " + code);
  e.fields = {{"pod", kPod},         {"namespace", "kafka"}, {"container", "kafka"},
              {"reason", reason},    {"exit_code", code},    {"node", "worker-3"},
              {"restart_count", "1"}};
  if (approximate) e.fields.emplace_back("approximate", "true");
  return e;
}

Event killed(int64_t t, std::string why, std::string input, std::string text) {
  Event e = pod_fields(ev(EventKind::kPodKilled, t, std::move(input), std::move(text)));
  e.fields.emplace_back("why", std::move(why));
  return e;
}

// The broker's own lines through `kubectl logs --timestamps --prefix`.
Event broker_line(EventKind k, int64_t t, std::string text) {
  return ev(k, t, "kafka/my-cluster-kafka-2.log", std::move(text), kPod, 2);
}

void add_client_burst(Correlator& c, int64_t from) {
  for (int i = 0; i < 6; ++i) {
    Event e = ev(EventKind::kDisconnect, from + i * kSec, "clients/orders-api.log",
                 "[Producer clientId=orders-1] Node 2 disconnected.", "", 2);
    e.client = "orders-1";
    c.add(e);
  }
}

bool any_contains(const std::vector<std::string>& v, std::string_view s) {
  return std::any_of(v.begin(), v.end(),
                     [&](const std::string& x) { return x.find(s) != std::string::npos; });
}

TEST(CorrelateKube, OomKilledContainerIsOomKillUntilItsNextStart) {
  Correlator c;
  c.entities().learn(kPod, 2);  // its log said [KafkaServer id=2]
  c.add(terminated(T0, "OOMKilled", "137", "describe-my-cluster-kafka-2.txt"));
  add_client_burst(c, T0 + 1 * kSec);
  c.add(broker_line(EventKind::kBrokerStart, T0 + 45 * kSec,
                    "[KafkaServer id=2] started (kafka.server.KafkaServer)"));
  auto bursts = c.finish();
  ASSERT_EQ(bursts.size(), 1u);
  const Burst& b = bursts[0];
  EXPECT_EQ(b.verdict, Verdict::kOomKill);
  ASSERT_EQ(b.causes.size(), 1u);
  const Cause& k = b.causes[0];
  EXPECT_EQ(k.kind, EventKind::kContainerTerminated);
  EXPECT_EQ(k.broker, 2);
  EXPECT_EQ(k.host, kPod);
  EXPECT_EQ(k.start_ns, T0);
  EXPECT_EQ(k.end_ns, T0 + 45 * kSec);
  EXPECT_EQ(k.duration_ns, 45 * kSec);
  EXPECT_EQ(k.why, "oom");
  EXPECT_FALSE(k.approximate);
  EXPECT_EQ(k.summary,
            "broker 2 (my-cluster-kafka-2) container OOMKilled (exit 137), back 45.0 s later");
  EXPECT_TRUE(any_contains(b.advice, "resources.limits.memory"));
  EXPECT_TRUE(any_contains(b.advice, "-Xmx"));
  EXPECT_FALSE(any_contains(b.advice, "MemoryMax"));  // the systemd advice is not given
}

TEST(CorrelateKube, SameStopFromEverySourceIsOneDowntimeAndTheExactTimeWins) {
  Correlator c;
  c.entities().learn(kPod, 2);
  // describe's Events table, from an age ("45s ago"): 20 s off.
  c.add(terminated(T0 - 20 * kSec, "OOMKilled", "137", "describe-events.txt", true));
  // the exact Finished of Last State, and the kubelet's PLEG a moment later
  c.add(terminated(T0, "OOMKilled", "137", "get-pod.json"));
  Event pleg = pod_fields(ev(EventKind::kContainerTerminated, T0 + kSec / 3, "node/journal.txt",
                             "\"SyncLoop (PLEG): event for pod\" pod=\"kafka/my-cluster-kafka-2\" "
                             "event={\"Type\":\"ContainerDied\"}"));
  pleg.fields.emplace_back("via", "pleg");
  c.add(pleg);
  add_client_burst(c, T0 + 1 * kSec);
  c.add(broker_line(EventKind::kBrokerStart, T0 + 40 * kSec,
                    "[KafkaServer id=2] started (kafka.server.KafkaServer)"));
  auto bursts = c.finish();
  ASSERT_EQ(bursts.size(), 1u);
  const Burst& b = bursts[0];
  EXPECT_EQ(b.verdict, Verdict::kOomKill);
  ASSERT_EQ(b.causes.size(), 1u);  // one downtime, not three
  EXPECT_EQ(b.causes[0].start_ns, T0);
  EXPECT_EQ(b.causes[0].time_ns, T0);
  EXPECT_FALSE(b.causes[0].approximate);
  EXPECT_EQ(b.causes[0].end_ns, T0 + 40 * kSec);
  EXPECT_EQ(b.causes[0].evidence.size(), 4u);
  // the age-derived record is marked so
  int approx = 0;
  for (const auto& e : b.causes[0].evidence) approx += e.approximate ? 1 : 0;
  EXPECT_EQ(approx, 1);
}

TEST(CorrelateKube, ApproximateRecordAfterTheRestartDoesNotReopenIt) {
  Correlator c;
  c.entities().learn(kPod, 2);
  c.add(terminated(T0, "OOMKilled", "137", "get-pod.json"));
  add_client_burst(c, T0 + 1 * kSec);
  c.add(broker_line(EventKind::kBrokerStart, T0 + 30 * kSec, "[KafkaServer id=2] started"));
  c.add(terminated(T0 + 50 * kSec, "OOMKilled", "137", "describe-events.txt", true));
  auto bursts = c.finish();
  ASSERT_EQ(bursts.size(), 1u);
  ASSERT_EQ(bursts[0].causes.size(), 1u);
  EXPECT_EQ(bursts[0].causes[0].end_ns, T0 + 30 * kSec);  // still restarted
  EXPECT_EQ(bursts[0].causes[0].start_ns, T0);
}

TEST(CorrelateKube, AnAgeDerivedStopAloneIsMarkedApproximate) {
  Correlator c;
  c.entities().learn(kPod, 2);
  c.add(terminated(T0, "OOMKilled", "137", "describe-events.txt", true));
  add_client_burst(c, T0 + 5 * kSec);
  c.add(broker_line(EventKind::kBrokerStart, T0 + 40 * kSec, "[KafkaServer id=2] started"));
  auto bursts = c.finish();
  ASSERT_EQ(bursts.size(), 1u);
  ASSERT_EQ(bursts[0].causes.size(), 1u);
  EXPECT_TRUE(bursts[0].causes[0].approximate);
  EXPECT_TRUE(bursts[0].causes[0].evidence[0].approximate);
  EXPECT_EQ(bursts[0].causes[0].summary,
            "broker 2 (my-cluster-kafka-2) container OOMKilled (exit 137) (time approximate, "
            "from an age), back 40.0 s later");
}

TEST(CorrelateKube, EvictionIsARestartNamingWhyWithKubernetesAdvice) {
  Correlator c;
  c.entities().learn(kPod, 2);
  c.add(killed(T0, "kubelet-stop", "node/journal.txt",
               "\"Killing container with a grace period\" pod=\"kafka/my-cluster-kafka-2\""));
  c.add(broker_line(EventKind::kBrokerStop, T0 + kSec / 10,
                    "[KafkaServer id=2] shutting down (kafka.server.KafkaServer)"));
  Event evicted = pod_fields(ev(EventKind::kPodEvicted, T0 + kSec / 2, "events.json",
                                "Evicted: The node was low on resource: memory."));
  evicted.fields.emplace_back("why", "The node was low on resource: memory.");
  c.add(evicted);
  add_client_burst(c, T0 + 1 * kSec);
  c.add(terminated(T0 + 5 * kSec, "Error", "143", "get-pod.json"));
  c.add(broker_line(EventKind::kBrokerStart, T0 + 40 * kSec, "[KafkaServer id=2] started"));
  auto bursts = c.finish();
  ASSERT_EQ(bursts.size(), 1u);
  const Burst& b = bursts[0];
  EXPECT_EQ(b.verdict, Verdict::kBrokerRestart);
  ASSERT_EQ(b.causes.size(), 1u);
  const Cause& k = b.causes[0];
  EXPECT_EQ(k.kind, EventKind::kPodEvicted);
  EXPECT_EQ(k.broker, 2);
  EXPECT_EQ(k.start_ns, T0);
  EXPECT_EQ(k.end_ns, T0 + 40 * kSec);
  EXPECT_EQ(k.why, "eviction");
  EXPECT_EQ(k.summary,
            "broker 2 (my-cluster-kafka-2) evicted by the kubelet (The node was low on "
            "resource: memory), back 40.0 s later");
  EXPECT_TRUE(any_contains(b.advice, "PodDisruptionBudget"));
  EXPECT_TRUE(any_contains(b.advice, "requests equal to its limits"));
  EXPECT_TRUE(any_contains(b.advice, "terminationGracePeriodSeconds"));
}

TEST(CorrelateKube, LivenessProbeKillIsACrash) {
  Correlator c;
  c.entities().learn(kPod, 2);
  Event probe = killed(T0, "liveness-probe", "node/journal.txt",
                       "containerMessage=\"Container kafka failed liveness probe, will be "
                       "restarted\"");
  probe.fields.emplace_back("probe", "liveness");
  c.add(probe);
  c.add(killed(T0, "kubelet-stop", "node/journal.txt",
               "\"Killing container with a grace period\" pod=\"kafka/my-cluster-kafka-2\""));
  c.add(broker_line(EventKind::kBrokerStop, T0 + kSec / 10, "[KafkaServer id=2] shutting down"));
  add_client_burst(c, T0 + 1 * kSec);
  c.add(terminated(T0 + 3 * kSec, "Error", "143", "get-pod.json"));
  c.add(broker_line(EventKind::kBrokerStart, T0 + 60 * kSec, "[KafkaServer id=2] started"));
  auto bursts = c.finish();
  ASSERT_EQ(bursts.size(), 1u);
  const Burst& b = bursts[0];
  EXPECT_EQ(b.verdict, Verdict::kBrokerCrash);
  ASSERT_EQ(b.causes.size(), 1u);
  EXPECT_EQ(b.causes[0].why, "liveness-probe");
  EXPECT_EQ(b.causes[0].kind, EventKind::kPodKilled);
  EXPECT_NE(b.causes[0].summary.find("failing its liveness probe"), std::string::npos);
  EXPECT_TRUE(any_contains(b.advice, "failureThreshold"));
  EXPECT_FALSE(any_contains(b.advice, "kill -9"));  // not the systemd crash advice
}

TEST(CorrelateKube, Exit137WithoutOomAndErrorExitAreCrashes) {
  for (const auto& [reason, code, key] :
       {std::tuple{"Error", "137", "exit-137"}, std::tuple{"Error", "1", "error"},
        std::tuple{"CrashLoopBackOff", "1", "crashloop"}}) {
    Correlator c;
    c.entities().learn(kPod, 2);
    c.add(terminated(T0, reason, code, "get-pod.json"));
    add_client_burst(c, T0 + 1 * kSec);
    c.add(broker_line(EventKind::kBrokerStart, T0 + 30 * kSec, "[KafkaServer id=2] started"));
    auto bursts = c.finish();
    ASSERT_EQ(bursts.size(), 1u) << key;
    EXPECT_EQ(bursts[0].verdict, Verdict::kBrokerCrash) << key;
    ASSERT_FALSE(bursts[0].causes.empty());
    EXPECT_EQ(bursts[0].causes[0].why, key);
  }
}

TEST(CorrelateKube, CompletedOr143IsARestart) {
  for (const auto& [reason, code] : {std::pair{"Completed", "0"}, std::pair{"Error", "143"}}) {
    Correlator c;
    c.entities().learn(kPod, 2);
    c.add(terminated(T0, reason, code, "get-pod.json"));
    add_client_burst(c, T0 + 1 * kSec);
    c.add(broker_line(EventKind::kBrokerStart, T0 + 30 * kSec, "[KafkaServer id=2] started"));
    auto bursts = c.finish();
    ASSERT_EQ(bursts.size(), 1u);
    EXPECT_EQ(bursts[0].verdict, Verdict::kBrokerRestart) << reason;
    EXPECT_EQ(bursts[0].causes[0].why, "completed");
  }
}

TEST(CorrelateKube, DrainCleanerGivesTheReasonOfTheOperatorsRoll) {
  Correlator c;
  c.entities().learn(kPod, 2);
  // The Drain Cleaner annotates; the operator rolls a minute later.
  Event drain = killed(T0 - 65 * kSec, "drain", "drain-cleaner.log",
                       "Pod my-cluster-kafka-2 in namespace kafka found and annotated for restart");
  drain.fields.emplace_back("effect", "annotated");
  c.add(drain);
  Event roll = killed(T0, "operator-roll", "strimzi-operator.log",
                      "Reconciliation #13(timer) Kafka(kafka/my-cluster): Rolling Pod "
                      "my-cluster-kafka-2/2 due to [Pod has old revision]");
  roll.fields.emplace_back("operator", "strimzi");
  roll.fields.emplace_back("reasons", "Pod has old revision");
  c.add(roll);
  c.add(broker_line(EventKind::kBrokerStop, T0 + kSec, "[KafkaServer id=2] shutting down"));
  add_client_burst(c, T0 + 2 * kSec);
  c.add(terminated(T0 + 9 * kSec, "Completed", "0", "get-pod.json"));
  c.add(broker_line(EventKind::kBrokerStart, T0 + 50 * kSec, "[KafkaServer id=2] started"));
  auto bursts = c.finish();
  ASSERT_EQ(bursts.size(), 1u);
  const Burst& b = bursts[0];
  EXPECT_EQ(b.verdict, Verdict::kBrokerRestart);
  ASSERT_EQ(b.causes.size(), 1u);
  const Cause& k = b.causes[0];
  EXPECT_EQ(k.start_ns, T0);  // the annotation is no stop
  EXPECT_EQ(k.why, "drain");
  EXPECT_EQ(k.summary,
            "broker 2 (my-cluster-kafka-2) rolled by the Strimzi cluster operator (Pod has old "
            "revision) for a node drain (Strimzi Drain Cleaner), back 50.0 s later");
  EXPECT_TRUE(any_contains(b.advice, "PodDisruptionBudget"));
}

TEST(CorrelateKube, SigkillAfterARequestedStopIsTheGracePeriod) {
  Correlator c;
  c.entities().learn(kPod, 2);
  c.add(killed(T0, "delete", "events.json", "Killing: Stopping container kafka"));
  c.add(broker_line(EventKind::kBrokerStop, T0 + kSec, "[KafkaServer id=2] shutting down"));
  add_client_burst(c, T0 + 2 * kSec);
  c.add(terminated(T0 + 30 * kSec, "Error", "137", "get-pod.json"));
  c.add(broker_line(EventKind::kBrokerStart, T0 + 70 * kSec, "[KafkaServer id=2] started"));
  auto bursts = c.finish();
  ASSERT_EQ(bursts.size(), 1u);
  const Burst& b = bursts[0];
  EXPECT_EQ(b.verdict, Verdict::kBrokerCrash);
  ASSERT_EQ(b.causes.size(), 1u);
  EXPECT_EQ(b.causes[0].why, "grace-period");
  EXPECT_NE(b.causes[0].summary.find("deleted (kubectl delete pod), then killed with SIGKILL"),
            std::string::npos);
  EXPECT_TRUE(any_contains(b.advice, "terminationGracePeriodSeconds"));
}

TEST(CorrelateKube, MissingLogsOfAPodNameTheKubectlCommands) {
  Correlator c;
  c.entities().learn(kPod, 2);
  InputSummary client;
  client.input = "clients/orders-api.log";
  client.role = InputRole::kClient;
  client.first_ns = T0 - 600 * kSec;
  client.last_ns = T0 + 600 * kSec;
  c.add_coverage(client);
  c.add(terminated(T0, "OOMKilled", "137", "get-pod.json"));
  add_client_burst(c, T0 + 1 * kSec);
  auto bursts = c.finish();
  ASSERT_EQ(bursts.size(), 1u);
  const Burst& b = bursts[0];
  EXPECT_EQ(b.verdict, Verdict::kOomKill);
  EXPECT_TRUE(any_contains(b.coverage_gaps,
                           "no log of broker 2 (my-cluster-kafka-2) was given: `kubectl logs "
                           "--timestamps my-cluster-kafka-2`"));
  EXPECT_TRUE(any_contains(b.coverage_gaps, "--previous"));
  EXPECT_TRUE(any_contains(b.coverage_gaps, "about an hour"));
}

TEST(CorrelateKube, KernelOomOfThePodsCgroupIsTheBrokersOomKill) {
  // Batch path: the kubelet's line names pod and UID; the kernel's report
  // names only the UID (systemd cgroup driver: `_` for `-`).
  std::vector<Event> events;
  Event kill = ev(EventKind::kOomKill, T0, "node/kern.log",
                  "oom-kill:constraint=CONSTRAINT_MEMCG,...,task_memcg=/kubepods.slice/"
                  "kubepods-burstable.slice/kubepods-burstable-pod5931aa75_4603_4e65_b552_"
                  "7c71cf55cfb5.slice/cri-containerd-25a3.scope,task=java,pid=1837,uid=1001",
                  "worker-3");
  kill.fields = {
      {"pod_uid", "5931aa75_4603_4e65_b552_7c71cf55cfb5"}, {"process", "java"}, {"pid", "1837"}};
  events.push_back(kill);
  // The kernel's next line names the victim by pid only: the same kill.
  Event killed_process = ev(EventKind::kOomKill, T0, "node/kern.log",
                            "Memory cgroup out of memory: Killed process 1837 (java) "
                            "total-vm:15791416kB, anon-rss:14369596kB",
                            "worker-3");
  killed_process.fields = {{"pid", "1837"}, {"process", "java"}};
  events.push_back(killed_process);
  // A PLEG line about a UID no other line names is about no host.
  Event stray = ev(EventKind::kContainerTerminated, T0, "node/journal.txt",
                   "\"Generic (PLEG): container finished\" podID=0f0e0d0c-aaaa-bbbb-cccc-"
                   "000000000000 exitCode=1",
                   "worker-3");
  stray.fields = {{"pod_uid", "0f0e0d0c-aaaa-bbbb-cccc-000000000000"}, {"exit_code", "1"}};
  events.push_back(stray);
  Event pleg = pod_fields(ev(EventKind::kContainerTerminated, T0 + kSec, "node/journal.txt",
                             "\"SyncLoop (PLEG): event for pod\" ContainerDied"));
  pleg.fields.emplace_back("pod_uid", "5931aa75-4603-4e65-b552-7c71cf55cfb5");
  events.push_back(pleg);
  for (int i = 0; i < 5; ++i) {
    Event e = ev(EventKind::kDisconnect, T0 + (2 + i) * kSec, "clients/orders-api.log",
                 "[Producer clientId=orders-1] Node 2 disconnected.", "", 2);
    e.client = "orders-1";
    events.push_back(e);
  }
  events.push_back(
      broker_line(EventKind::kBrokerStart, T0 + 35 * kSec, "[KafkaServer id=2] started"));
  auto rep = correlate_events(events, {}, AnalyzeOptions{});
  ASSERT_EQ(rep.bursts.size(), 1u);
  EXPECT_EQ(rep.bursts[0].verdict, Verdict::kOomKill);
  ASSERT_EQ(rep.bursts[0].causes.size(), 1u);
  EXPECT_EQ(rep.bursts[0].causes[0].broker, 2);
  EXPECT_EQ(rep.bursts[0].causes[0].host, kPod);
  EXPECT_EQ(rep.bursts[0].causes[0].kind, EventKind::kOomKill);
  EXPECT_EQ(rep.bursts[0].causes[0].start_ns, T0);
}

TEST(CorrelateKube, FollowModeTiesAKernelOomToThePodNamedAMomentLater) {
  // Streaming order of a node's journal: the kernel's report (pod by UID
  // only) comes before the kubelet's line that names the pod.
  Correlator c;
  c.entities().learn(kPod, 2);
  Event kill = ev(EventKind::kOomKill, T0, "node/journal.txt",
                  "oom-kill:constraint=CONSTRAINT_MEMCG,...,task_memcg=/kubepods/burstable/"
                  "pod5931aa75-4603-4e65-b552-7c71cf55cfb5/25a3,task=java,pid=1837,uid=1001",
                  "worker-3");
  kill.fields = {{"pod_uid", "5931aa75-4603-4e65-b552-7c71cf55cfb5"}, {"pid", "1837"}};
  c.add(kill);
  Event killed_process = ev(EventKind::kOomKill, T0, "node/journal.txt",
                            "Memory cgroup out of memory: Killed process 1837 (java)", "worker-3");
  killed_process.fields = {{"pid", "1837"}};
  c.add(killed_process);
  Event finished = ev(EventKind::kContainerTerminated, T0 + kSec, "node/journal.txt",
                      "\"Generic (PLEG): container finished\" exitCode=137", "worker-3");
  finished.fields = {{"pod_uid", "5931aa75-4603-4e65-b552-7c71cf55cfb5"}, {"exit_code", "137"}};
  c.add(finished);
  Event died = pod_fields(ev(EventKind::kContainerTerminated, T0 + kSec, "node/journal.txt",
                             "\"SyncLoop (PLEG): event for pod\" ContainerDied"));
  died.fields.emplace_back("pod_uid", "5931aa75-4603-4e65-b552-7c71cf55cfb5");
  c.add(died);
  add_client_burst(c, T0 + 1 * kSec);
  c.add(broker_line(EventKind::kBrokerStart, T0 + 30 * kSec, "[KafkaServer id=2] started"));
  auto bursts = c.finish();
  ASSERT_EQ(bursts.size(), 1u);
  EXPECT_EQ(bursts[0].verdict, Verdict::kOomKill);
  ASSERT_EQ(bursts[0].causes.size(), 1u);
  const Cause& k = bursts[0].causes[0];
  EXPECT_EQ(k.broker, 2);
  EXPECT_EQ(k.host, kPod);
  EXPECT_EQ(k.start_ns, T0);
  EXPECT_EQ(k.end_ns, T0 + 30 * kSec);
  EXPECT_EQ(k.why, "oom");
  EXPECT_EQ(k.summary, "broker 2 (my-cluster-kafka-2) killed by the OOM killer, back 30.0 s later");
}

TEST(CorrelateKube, AClientPodsOomKillIsNoBrokerCause) {
  Correlator c;
  c.entities().learn(kPod, 2);
  Event e = terminated(T0, "OOMKilled", "137", "get-pod.json");
  e.host = "orders-api-7d9f8-xk2l5";
  e.fields[0].second = e.host;
  c.add(e);
  Event other = terminated(T0, "OOMKilled", "137", "get-pod.json");
  other.host = "batch-loader-0";  // a StatefulSet that is no Kafka
  other.fields[0].second = other.host;
  c.add(other);
  add_client_burst(c, T0 + 1 * kSec);
  auto bursts = c.finish();
  ASSERT_EQ(bursts.size(), 1u);
  EXPECT_EQ(bursts[0].verdict, Verdict::kUnexplained);
  for (const auto& k : bursts[0].causes) EXPECT_NE(k.host, "orders-api-7d9f8-xk2l5");
}

TEST(CorrelateKube, PodGuessedFromItsOrdinalWhenNoLogSaidItsId) {
  // Only Kubernetes records of the broker pod, clients name node 2.
  std::vector<Event> events;
  events.push_back(terminated(T0, "OOMKilled", "137", "get-pod.json"));
  for (int i = 0; i < 5; ++i) {
    Event e = ev(EventKind::kDisconnect, T0 + (1 + i) * kSec, "clients/orders-api.log",
                 "[Producer clientId=orders-1] Node 2 disconnected.", "", 2);
    events.push_back(e);
  }
  auto rep = correlate_events(events, {}, AnalyzeOptions{});
  ASSERT_EQ(rep.bursts.size(), 1u);
  EXPECT_EQ(rep.bursts[0].verdict, Verdict::kOomKill);
  EXPECT_EQ(rep.bursts[0].causes[0].broker, 2);
  EXPECT_TRUE(any_contains(rep.notes, "pod my-cluster-kafka-2 is taken to be broker 2"));
}

}  // namespace
}  // namespace logcorr
