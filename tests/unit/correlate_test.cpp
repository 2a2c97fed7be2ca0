// Correlator behaviour on event sequences shaped like real incidents: the
// event texts are the lines real clients, brokers, systemd and the kernel
// print (see ../shared/corpus/real-lines), with times of a real restart.
#include <gtest/gtest.h>

#include "correlate_events.hpp"

#include "logcorr/correlate.hpp"
#include "logcorr/time.hpp"

namespace logcorr {
namespace {

using test::coverage;
using test::ev;
using test::kSec;
using test::T0;

Event client_disconnect(int64_t t, int32_t node, std::string client = "orders-1") {
  return ev(EventKind::kDisconnect, t, "clients/orders.log",
            "[Producer clientId=" + client + "] Node " + std::to_string(node) + " disconnected.",
            node, "", client);
}

Event client_netex(int64_t t, std::string client = "orders-1") {
  auto e = ev(EventKind::kNetworkException, t, "clients/orders.log",
              "[Producer clientId=" + client +
                  "] Received invalid metadata error in produce request on partition orders-5 "
                  "due to org.apache.kafka.common.errors.NetworkException: The server "
                  "disconnected before a response was received.. Going to request metadata "
                  "update now",
              -1, "", client);
  e.fields = {{"topic", "orders"}, {"partition", "5"}};
  return e;
}

TEST(Correlate, CleanRestartExplainsBurstTowardThatBroker) {
  Correlator c;
  c.entities().learn("broker-2.kafka.internal", 2);
  c.add(ev(EventKind::kBrokerStop, T0, "broker-2/journal.txt",
           "Jun 29 14:22:00 broker-2 systemd[1]: Stopping kafka.service - Apache Kafka...", -1,
           "broker-2"));
  for (int i = 0; i < 6; ++i) c.add(client_disconnect(T0 + (2 + i) * kSec, 2));
  c.add(client_netex(T0 + 3 * kSec));
  c.add(ev(EventKind::kBrokerStart, T0 + 25 * kSec, "broker-2/journal.txt",
           "Jun 29 14:22:25 broker-2 systemd[1]: Started kafka.service - Apache Kafka.", -1,
           "broker-2"));
  auto bursts = c.finish();
  ASSERT_EQ(bursts.size(), 1u);
  const Burst& b = bursts[0];
  EXPECT_EQ(b.verdict, Verdict::kBrokerRestart);
  EXPECT_EQ(b.count, 7u);
  EXPECT_EQ(b.start_ns, T0 + 2 * kSec);
  ASSERT_FALSE(b.causes.empty());
  EXPECT_EQ(b.causes[0].broker, 2);
  EXPECT_EQ(b.causes[0].host, "broker-2");
  EXPECT_EQ(b.causes[0].lag_ns, -2 * kSec);  // the stop came 2 s before the burst
  EXPECT_EQ(b.causes[0].duration_ns, 25 * kSec);
  EXPECT_GT(b.confidence, 0.5);
  EXPECT_EQ(b.brokers, std::vector<int32_t>{2});
  EXPECT_EQ(b.partitions, std::vector<std::string>{"orders-5"});
  EXPECT_FALSE(b.advice.empty());
  EXPECT_EQ(b.causes[0].evidence.size(), 2u);  // the stop and the start lines
}

TEST(Correlate, EqualTimesKeepArrivalOrderWhateverElseIsBuffered) {
  // A client logs "Node 2 disconnected." and the NetworkException in the
  // same millisecond; the evidence lists them in file order, however many
  // other events (here short GC pauses of the broker) sit in the reorder
  // buffer with them.
  for (int pauses : {0, 1, 7, 100}) {
    Correlator c;
    std::vector<Event> client;
    for (int i = 0; i < 6; ++i) {
      client.push_back(client_disconnect(T0 + 2 * kSec, 2));
      client.push_back(client_netex(T0 + 2 * kSec));
    }
    for (int i = 0; i < pauses; ++i) {
      Event p = ev(EventKind::kGcPause, T0 + 2 * kSec - i, "broker-2/gc.log",
                   "[info][gc] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 50M->20M(256M) "
                   "3.1ms",
                   2, "broker-2");
      p.duration_ns = 3'100'000;
      c.add(p);
    }
    for (const auto& e : client) c.add(e);
    auto bursts = c.finish();
    ASSERT_EQ(bursts.size(), 1u) << pauses;
    const auto& evd = bursts[0].evidence;
    ASSERT_GE(evd.size(), 2u);
    for (size_t i = 1; i < evd.size(); ++i) EXPECT_LT(evd[i - 1].line, evd[i].line) << pauses;
    EXPECT_EQ(evd[0].line, client[0].line) << pauses;
  }
}

TEST(Correlate, RestartOfAnotherBrokerLosesToTheNamedOne) {
  Correlator c;
  c.add(ev(EventKind::kBrokerStop, T0 - 5 * kSec, "broker-1/server.log",
           "[KafkaServer id=1] shutting down", 1));
  c.add(ev(EventKind::kBrokerStart, T0 + 20 * kSec, "broker-1/server.log",
           "[KafkaServer id=1] started", 1));
  c.add(ev(EventKind::kOomKill, T0, "broker-3/journal.txt",
           "Out of memory: Killed process 4242 (java) total-vm:12000000kB", 3));
  for (int i = 0; i < 5; ++i) c.add(client_disconnect(T0 + (1 + i) * kSec, 3));
  auto bursts = c.finish();
  ASSERT_EQ(bursts.size(), 1u);
  EXPECT_EQ(bursts[0].verdict, Verdict::kOomKill);
  ASSERT_GE(bursts[0].causes.size(), 2u);
  EXPECT_EQ(bursts[0].causes[0].broker, 3);
  EXPECT_EQ(bursts[0].causes[0].duration_ns, -1);  // never restarted in view
  EXPECT_GT(bursts[0].causes[0].score, bursts[0].causes[1].score);
}

TEST(Correlate, SignalDeathIsACrashButTermDuringStopIsNot) {
  for (bool term : {false, true}) {
    Correlator c;
    if (term) c.add(ev(EventKind::kBrokerStop, T0, "b/journal", "Stopping kafka.service", 1));
    auto killed = ev(EventKind::kProcessKilled, T0 + kSec, "b/journal",
                     term ? "kafka.service: Main process exited, code=killed, status=15/TERM"
                          : "kafka.service: Main process exited, code=killed, status=6/ABRT",
                     1);
    killed.fields = {{"signal", term ? "TERM" : "ABRT"}};
    c.add(killed);
    for (int i = 0; i < 4; ++i) c.add(client_disconnect(T0 + (2 + i) * kSec, 1));
    c.add(ev(EventKind::kBrokerStart, T0 + 30 * kSec, "b/journal", "Started kafka.service", 1));
    auto bursts = c.finish();
    ASSERT_EQ(bursts.size(), 1u) << term;
    EXPECT_EQ(bursts[0].verdict, term ? Verdict::kBrokerRestart : Verdict::kBrokerCrash) << term;
  }
}

TEST(Correlate, UncleanBootMeansCrashInTheSilenceBeforeIt) {
  Correlator c;
  for (int i = 0; i < 5; ++i) c.add(client_disconnect(T0 + i * kSec, 1));
  auto unclean = ev(EventKind::kUncleanShutdown, T0 + 40 * kSec, "broker-1/server.log",
                    "[Log partition=orders-5, dir=/var/lib/kafka] Recovering unflushed segment 0 "
                    "... since no clean shutdown file was found",
                    1);
  unclean.input_prev_ns = T0 - 1 * kSec;  // last line the broker wrote before dying
  c.add(unclean);
  c.add(ev(EventKind::kBrokerStart, T0 + 45 * kSec, "broker-1/server.log",
           "[KafkaServer id=1] started", 1));
  auto bursts = c.finish();
  ASSERT_EQ(bursts.size(), 1u);
  EXPECT_EQ(bursts[0].verdict, Verdict::kBrokerCrash);
  EXPECT_EQ(bursts[0].causes[0].start_ns, T0 - kSec);
}

// systemd (or the kubelet) restarts the killed broker at once; the new JVM
// recovers its logs and Kafka says `started` 25 s later. One downtime, from
// the kill to Kafka's own start: the unit / container start is not the broker
// serving (samples/oom-kill: "back 25.5 s later", was 10.5 s).
TEST(Correlate, RecoveryAfterAQuickProcessRestartBelongsToTheKill) {
  Correlator c;
  c.entities().learn("broker-2", 2);
  c.add(ev(EventKind::kOomKill, T0, "broker-2/journal.txt",
           "kernel: Out of memory: Killed process 4242 (java)", -1, "broker-2"));
  c.add(ev(EventKind::kBrokerStart, T0 + 10 * kSec, "broker-2/journal.txt",
           "systemd[1]: Started kafka.service - Apache Kafka.", -1, "broker-2"));
  for (int i = 0; i < 5; ++i) c.add(client_disconnect(T0 + (1 + i) * kSec, 2));
  auto recovery = ev(EventKind::kUncleanShutdown, T0 + 14 * kSec, "broker-2/server.log",
                     "Recovering 12 logs since no clean shutdown file was found", 2, "broker-2");
  recovery.input_prev_ns = T0 - kSec;
  c.add(recovery);
  c.add(ev(EventKind::kBrokerStart, T0 + 25 * kSec, "broker-2/server.log",
           "[KafkaServer id=2] started", 2, "broker-2"));
  auto bursts = c.finish();
  ASSERT_EQ(bursts.size(), 1u);
  EXPECT_EQ(bursts[0].verdict, Verdict::kOomKill);
  ASSERT_EQ(bursts[0].causes.size(), 1u);  // no second, "unclean boot" downtime
  EXPECT_EQ(bursts[0].causes[0].start_ns, T0);
  EXPECT_EQ(bursts[0].causes[0].duration_ns, 25 * kSec);
}

TEST(Correlate, LongGcPauseExplainsRequestTimeoutsShortOnesDoNot) {
  Correlator c;
  auto gc = ev(EventKind::kGcPause, T0 + 38 * kSec, "broker-3/gc.log",
               "[2026-06-29T14:22:38.123+0000][12345.678s][info][gc] GC(1234) Pause Full (G1 "
               "Compaction Pause) 7800M->7100M(8192M) 38123.456ms",
               -1, "broker-3");
  gc.duration_ns = 38123456000LL;
  c.entities().learn("broker-3", 3);
  c.add(gc);
  auto shortgc = ev(EventKind::kGcPause, T0 + 30 * kSec, "broker-1/gc.log",
                    "GC(7) Pause Young 45.1ms", -1, "broker-1");
  shortgc.duration_ns = 45'100'000;
  c.add(shortgc);
  for (int i = 0; i < 4; ++i)
    c.add(ev(EventKind::kRequestTimeout, T0 + (30 + i) * kSec, "clients/a.log",
             "[Producer clientId=a] Disconnecting from node 3 due to request timeout.", 3, "",
             "a"));
  auto bursts = c.finish();
  ASSERT_EQ(bursts.size(), 1u);
  EXPECT_EQ(bursts[0].verdict, Verdict::kGcPause);
  ASSERT_EQ(bursts[0].causes.size(), 1u);  // the 45 ms pause is no candidate
  EXPECT_EQ(bursts[0].causes[0].duration_ns, 38123456000LL);
  EXPECT_LT(bursts[0].causes[0].lag_ns, 0);
}

TEST(Correlate, GcPauseShorterThanClientTimeoutAndNotOverlappingIsIgnored) {
  Correlator c;
  auto gc = ev(EventKind::kGcPause, T0 - 60 * kSec, "broker-3/gc.log", "Pause Full 2000ms", 3);
  gc.duration_ns = 2 * kSec;
  c.add(gc);
  for (int i = 0; i < 4; ++i) c.add(client_disconnect(T0 + i * kSec, 3));
  auto bursts = c.finish();
  ASSERT_EQ(bursts.size(), 1u);
  EXPECT_EQ(bursts[0].verdict, Verdict::kUnexplained);
  EXPECT_TRUE(bursts[0].causes.empty());
  ASSERT_FALSE(bursts[0].coverage_gaps.empty());
  EXPECT_NE(bursts[0].coverage_gaps[0].find("broker 3"), std::string::npos);
}

TEST(Correlate, LoneErrorAfterLongSilenceIsIdleClose) {
  Correlator c;
  auto lone = client_netex(T0);
  lone.input_prev_ns = T0 - 15 * 60 * kSec;
  c.add(lone);
  // The client's Kafka connection was busy a second before: not idle.
  c.add(ev(EventKind::kRequestTimeout, T0 + 3599 * kSec, "clients/orders.log",
           "[Producer clientId=orders-1] Disconnecting from node 1 due to request timeout.", 1, "",
           "orders-1"));
  auto busy = client_disconnect(T0 + 3600 * kSec, 1);
  busy.input_prev_ns = T0 + 3599 * kSec;
  c.add(busy);
  auto bursts = c.finish();
  ASSERT_EQ(bursts.size(), 1u);
  EXPECT_EQ(bursts[0].verdict, Verdict::kIdleClose);
  EXPECT_EQ(bursts[0].count, 1u);
  EXPECT_EQ(c.quiet_idle_closes().count, 0u);
}

// "Node -1 disconnected." at INFO after 15 quiet minutes: the idle timeout
// closed a connection and nothing failed. Counted, not a finding.
TEST(Correlate, IdleDisconnectThatLostNothingIsCountedNotReported) {
  Correlator c;
  auto lone = client_disconnect(T0, -1);
  lone.input_prev_ns = T0 - 15 * 60 * kSec;
  c.add(lone);
  EXPECT_TRUE(c.finish().empty());
  EXPECT_EQ(c.quiet_idle_closes().count, 1u);
  EXPECT_EQ(c.quiet_idle_closes().clients, std::set<std::string>{"orders-1"});
}

// Issue 14: the application keeps logging (HTTP requests, pool warnings)
// while its producer's connection sits idle; the silence that matters is
// the one of its Kafka records.
TEST(Correlate, IdlenessIsTheKafkaConnectionsNotTheFiles) {
  Correlator c;
  c.add(ev(EventKind::kDisconnect, T0 - 12 * 60 * kSec, "clients/orders.log",
           "[Producer clientId=orders-1] Node -1 disconnected.", -1, "", "orders-1"));
  auto lone = client_netex(T0);
  lone.input_prev_ns = T0 - 2 * kSec;  // "GET /orders 200" two seconds before
  c.add(lone);
  auto bursts = c.finish();
  // The earlier line has no silence on record before it: noise, dropped.
  ASSERT_EQ(bursts.size(), 1u);
  EXPECT_EQ(bursts[0].verdict, Verdict::kIdleClose);
  ASSERT_FALSE(bursts[0].warnings.empty());
  EXPECT_NE(bursts[0].warnings[0].find("silent for 12.0 min"), std::string::npos)
      << bursts[0].warnings[0];
}

TEST(Correlate, SteadyFailuresTowardAHealthyBrokerAreListenerMisconfig) {
  Correlator c;
  for (int i = 0; i < 60; ++i)
    c.add(ev(EventKind::kConnectFailed, T0 + i * 60 * kSec, "clients/a.log",
             "[Consumer clientId=a] Connection to node 2 (kafka-2.internal.corp/172.20.0.5:9092) "
             "could not be established. Broker may not be available.",
             2, "kafka-2.internal.corp", "a"));
  auto bursts = c.finish();
  ASSERT_EQ(bursts.size(), 1u);
  EXPECT_EQ(bursts[0].verdict, Verdict::kListenerMisconfig);
  EXPECT_EQ(bursts[0].count, 60u);
  EXPECT_EQ(bursts[0].end_ns - bursts[0].start_ns, 59 * 60 * kSec);
}

// The broker's idle reaper closes a librdkafka client's idle coordinator
// connection about once an hour: 13 disconnects over 17.7 hours (what
// bench/gen_corpus.py --gb 0.3 writes) are not a listener misconfiguration.
TEST(Correlate, SparseDisconnectsHoursApartAreNotListenerMisconfig) {
  Correlator c;
  for (int i = 0; i < 13; ++i) {
    Event e = ev(EventKind::kDisconnect, T0 + i * 82 * 60 * kSec, "clients/telemetry.log",
                 "%6|1773104407.127|FAIL|telemetry-ingest#producer-1| [thrd:GroupCoordinator]: "
                 "GroupCoordinator: broker-1.kafka.internal:9092: Disconnected (after 600011ms in "
                 "state UP, 1 identical error(s) suppressed)",
                 1, "broker-1.kafka.internal", "telemetry-ingest#producer-1");
    e.fields = {{"age_ms", "600011"}, {"state", "UP"}};
    c.add(e);
  }
  for (const Burst& b : c.finish()) EXPECT_NE(b.verdict, Verdict::kListenerMisconfig);
}

TEST(Correlate, ClientHazardWarnsAboutNonIdempotentProducer) {
  Correlator c;
  auto cfg = ev(EventKind::kClientConfig, T0 - 3600 * kSec, "clients/orders.log",
                "ProducerConfig values: ...", -1, "", "orders-1");
  cfg.fields = {{"enable.idempotence", "false"}, {"acks", "1"}, {"request.timeout.ms", "30000"}};
  c.add(cfg);
  for (int i = 0; i < 4; ++i) c.add(client_disconnect(T0 + i * kSec, 1));
  auto bursts = c.finish();
  ASSERT_EQ(bursts.size(), 1u);
  ASSERT_FALSE(bursts[0].warnings.empty());
  EXPECT_NE(bursts[0].warnings[0].find("enable.idempotence=false"), std::string::npos);
  EXPECT_NE(bursts[0].warnings[0].find("acks=1"), std::string::npos);
}

TEST(Correlate, SeparateBurstsAcrossAGapRollingRestart) {
  Correlator c;
  for (int b = 1; b <= 3; ++b) {
    int64_t t = T0 + (b - 1) * 300 * kSec;
    c.add(ev(EventKind::kBrokerStop, t, "j", "Stopping kafka.service", b));
    for (int i = 0; i < 5; ++i) c.add(client_disconnect(t + (1 + i) * kSec, b));
    c.add(ev(EventKind::kBrokerStart, t + 20 * kSec, "j", "Started kafka.service", b));
  }
  auto bursts = c.finish();
  ASSERT_EQ(bursts.size(), 3u);
  for (int b = 0; b < 3; ++b) {
    EXPECT_EQ(bursts[b].verdict, Verdict::kBrokerRestart);
    EXPECT_EQ(bursts[b].causes[0].broker, b + 1);
  }
}

TEST(Correlate, StreamingPollMatchesBatchAndWaitsForTheWatermark) {
  auto feed = [](Correlator& c, bool shuffle) {
    std::vector<Event> evs;
    evs.push_back(ev(EventKind::kBrokerStop, T0, "j", "Stopping kafka.service", 2));
    for (int i = 0; i < 5; ++i) evs.push_back(client_disconnect(T0 + (1 + i) * kSec, 2));
    evs.push_back(ev(EventKind::kBrokerStart, T0 + 20 * kSec, "j", "Started kafka.service", 2));
    if (shuffle) std::swap(evs[0], evs[3]);  // the stop arrives 3 s late
    for (auto& e : evs) c.add(e);
  };
  Correlator batch;
  feed(batch, false);
  auto expect = batch.finish();

  Correlator live;
  feed(live, true);
  EXPECT_TRUE(live.poll().empty());  // nothing final yet: causes may still come
  live.advance(T0 + 10 * 60 * kSec);
  auto got = live.poll();
  ASSERT_EQ(got.size(), 1u);
  ASSERT_EQ(expect.size(), 1u);
  EXPECT_EQ(got[0].verdict, expect[0].verdict);
  EXPECT_EQ(got[0].start_ns, expect[0].start_ns);
  EXPECT_EQ(got[0].causes[0].lag_ns, expect[0].causes[0].lag_ns);
  EXPECT_TRUE(live.finish().empty());  // reported once
}

// ---- broker-fault (issue 14) ---------------------------------------------
// The lines are the real ones of ../shared/corpus/real-lines-2/broker-*.log
// (and samples/long-gc-pause), with the times of these incidents. Each
// precedence pairing of verdict_of() is checked both ways.

// broker-2's log dir fills up: LogDirFailureChannel's line with the
// IOException on the record's next line, then LogManager halts the broker.
void add_disk_full(Correlator& c, int64_t t) {
  auto fail = ev(EventKind::kLogDirFailure, t, "broker-2/server.log",
                 "[2026-06-29 14:21:57,237] ERROR Error while appending records to orders-5 in "
                 "dir /var/lib/kafka/data (kafka.server.LogDirFailureChannel)\n"
                 "java.io.IOException: No space left on device",
                 2, "broker-2");
  fail.fields = {{"dir", "/var/lib/kafka/data"}, {"reason", "No space left on device"}};
  c.add(fail);
  auto fail2 = ev(EventKind::kLogDirFailure, t + 2 * 1'000'000, "broker-2/server.log",
                  "[2026-06-29 14:21:57,239] ERROR Error while writing to checkpoint file "
                  "/var/lib/kafka/data/orders-5/leader-epoch-checkpoint "
                  "(kafka.server.LogDirFailureChannel)",
                  2, "broker-2");
  fail2.fields = {{"dir", "/var/lib/kafka/data"}};
  c.add(fail2);
  auto halt = ev(EventKind::kLogDirFailure, t + 40 * 1'000'000, "broker-2/server.log",
                 "[2026-06-29 14:21:57,277] ERROR Shutdown broker because all log dirs in "
                 "/var/lib/kafka/data have failed (kafka.log.LogManager)",
                 2, "broker-2");
  halt.fields = {{"dir", "/var/lib/kafka/data"}};
  c.add(halt);
}

TEST(Correlate, DiskThatFillsAndHaltsTheBrokerIsBrokerFaultNotCrash) {
  for (bool fault : {true, false}) {
    Correlator c;
    c.entities().learn("broker-2", 2);
    if (fault) add_disk_full(c, T0 - 3 * kSec);
    for (int i = 0; i < 6; ++i) c.add(client_disconnect(T0 + i * kSec, 2));
    // systemd restarts it; the new broker recovers its logs.
    auto unclean = ev(EventKind::kUncleanShutdown, T0 + 20 * kSec, "broker-2/server.log",
                      "[2026-06-29 14:22:20,101] INFO Attempting recovery for all logs in "
                      "/var/lib/kafka/data since no clean shutdown file was found "
                      "(kafka.log.LogManager)",
                      2, "broker-2");
    unclean.input_prev_ns = T0 - 3 * kSec + 40'000'000;  // the halt line
    c.add(unclean);
    c.add(ev(EventKind::kBrokerStart, T0 + 30 * kSec, "broker-2/server.log",
             "[KafkaServer id=2] started (kafka.server.KafkaServer)", 2, "broker-2"));
    auto bursts = c.finish();
    ASSERT_EQ(bursts.size(), 1u) << fault;
    const Burst& b = bursts[0];
    if (!fault) {
      EXPECT_EQ(b.verdict, Verdict::kBrokerCrash);
      continue;
    }
    EXPECT_EQ(b.verdict, Verdict::kBrokerFault);
    ASSERT_EQ(b.causes.size(), 1u);  // the fault is told with its downtime, not twice
    const Cause& k = b.causes[0];
    EXPECT_EQ(k.kind, EventKind::kLogDirFailure);
    EXPECT_EQ(k.time_ns, T0 - 3 * kSec);
    EXPECT_EQ(k.broker, 2);
    EXPECT_EQ(k.lag_ns, -3 * kSec);
    EXPECT_EQ(k.summary,
              "broker 2 (broker-2): log dir /var/lib/kafka/data failed (No space left on "
              "device), then the broker died without a clean shutdown, back 33.0 s later");
    // Fault lines first (at most half of max_evidence), then the recovery and the start.
    ASSERT_EQ(k.evidence.size(), 5u);
    EXPECT_EQ(k.evidence[0].kind, EventKind::kLogDirFailure);
    EXPECT_EQ(k.evidence[4].kind, EventKind::kBrokerStart);
    ASSERT_FALSE(b.advice.empty());
    EXPECT_NE(b.advice[0].find("/var/lib/kafka/data"), std::string::npos) << b.advice[0];
    EXPECT_NE(b.advice[0].find("retention"), std::string::npos) << b.advice[0];
  }
}

TEST(Correlate, LogDirFailureWithTheBrokerUpIsBrokerFaultForItsOwnBrokerOnly) {
  for (int32_t toward : {2, 1}) {
    Correlator c;
    c.entities().learn("broker-2", 2);
    add_disk_full(c, T0 - 20 * kSec);
    for (int i = 0; i < 6; ++i) c.add(client_disconnect(T0 + i * kSec, toward));
    auto bursts = c.finish();
    ASSERT_EQ(bursts.size(), 1u) << toward;
    if (toward == 1) {
      // Errors toward broker 1 are not explained by broker 2's disk.
      EXPECT_EQ(bursts[0].verdict, Verdict::kUnexplained);
      EXPECT_TRUE(bursts[0].causes.empty());
      continue;
    }
    EXPECT_EQ(bursts[0].verdict, Verdict::kBrokerFault);
    ASSERT_EQ(bursts[0].causes.size(), 1u);  // three lines, one fault
    EXPECT_EQ(bursts[0].causes[0].summary,
              "broker 2 (broker-2): log dir /var/lib/kafka/data failed (No space left on device)");
    EXPECT_EQ(bursts[0].causes[0].evidence.size(), 3u);
    EXPECT_EQ(bursts[0].causes[0].duration_ns, -1);
  }
}

// samples/long-gc-pause: broker-3's 38 s Full GC; when it ends the ZooKeeper
// client finds its session expired (ZooKeeper's line and Kafka's, both also
// in the journal as the JVM's stdout).
void add_zk_expiry(Correlator& c, int64_t t) {
  for (const char* input : {"broker-3/server.log", "broker-3/journal.txt"}) {
    auto zk = ev(EventKind::kZkSessionExpired, t, input,
                 "[2026-04-22 14:31:45,827] INFO Unable to reconnect to ZooKeeper service, "
                 "session 0x30019e3b4c70007 has expired (org.apache.zookeeper.ClientCnxn)",
                 3, "broker-3");
    zk.fields = {{"session", "0x30019e3b4c70007"}};
    c.add(zk);
    c.add(ev(EventKind::kZkSessionExpired, t + 3'000'000, input,
             "[2026-04-22 14:31:45,830] INFO [ZooKeeperClient Kafka server] Session expired. "
             "(kafka.zookeeper.ZooKeeperClient)",
             3, "broker-3"));
  }
}

void add_request_timeouts(Correlator& c, int64_t t) {
  for (int i = 0; i < 4; ++i)
    c.add(ev(EventKind::kRequestTimeout, t + i * 100'000'000, "clients/orders.log",
             "[Producer clientId=orders-producer] Disconnecting from node 3 due to request "
             "timeout.",
             3, "", "orders-producer"));
}

TEST(Correlate, GcPauseThatExpiresTheZooKeeperSessionStaysGcPause) {
  Correlator c;
  c.entities().learn("broker-3", 3);
  auto gc = ev(EventKind::kGcPause, T0 + 38 * kSec, "broker-3/gc.log",
               "[2026-04-22T14:31:45.525+0000][3605.123s][info][gc] GC(4123) Pause Full (G1 "
               "Compaction Pause) 7980M->7012M(8192M) 38123.456ms",
               -1, "broker-3");
  gc.duration_ns = 38123456000LL;
  add_request_timeouts(c, T0 + 30 * kSec);
  c.add(gc);
  add_zk_expiry(c, T0 + 38 * kSec + 300'000'000);
  auto bursts = c.finish();
  ASSERT_EQ(bursts.size(), 1u);
  EXPECT_EQ(bursts[0].verdict, Verdict::kGcPause);
  // The expiry is the pause's consequence, not a competing cause.
  ASSERT_EQ(bursts[0].causes.size(), 1u);
  EXPECT_EQ(bursts[0].causes[0].kind, EventKind::kGcPause);
  // ... and told as its consequence, with its first lines as evidence.
  EXPECT_NE(bursts[0].causes[0].summary.find("; then its ZooKeeper session 0x30019e3b4c70007 "
                                             "expired"),
            std::string::npos)
      << bursts[0].causes[0].summary;
  size_t zk = 0;
  for (const auto& x : bursts[0].causes[0].evidence) zk += x.kind == EventKind::kZkSessionExpired;
  EXPECT_EQ(zk, 2u);
}

TEST(Correlate, ZooKeeperExpiryWithoutAPauseIsBrokerFaultOnce) {
  // A short pause (1.2 s) does not expire a session: the expiry is the fault.
  Correlator c;
  c.entities().learn("broker-3", 3);
  auto gc = ev(EventKind::kGcPause, T0 - 5 * kSec, "broker-3/gc.log",
               "[info][gc] GC(88) Pause Young (Normal) (G1 Evacuation Pause) 4100M->1200M(8192M) "
               "1200.000ms",
               -1, "broker-3");
  gc.duration_ns = 1'200'000'000;
  c.add(gc);
  add_zk_expiry(c, T0 - 4 * kSec);
  add_request_timeouts(c, T0);
  auto bursts = c.finish();
  ASSERT_EQ(bursts.size(), 1u);
  EXPECT_EQ(bursts[0].verdict, Verdict::kBrokerFault);
  ASSERT_FALSE(bursts[0].causes.empty());
  const Cause& k = bursts[0].causes[0];
  EXPECT_EQ(k.kind, EventKind::kZkSessionExpired);
  EXPECT_EQ(k.summary, "broker 3 (broker-3): its ZooKeeper session 0x30019e3b4c70007 expired");
  EXPECT_EQ(k.evidence.size(), 4u);  // four lines, one expiry
  size_t zk = 0;
  for (const auto& x : bursts[0].causes) zk += x.kind == EventKind::kZkSessionExpired;
  EXPECT_EQ(zk, 1u);
  ASSERT_FALSE(bursts[0].advice.empty());
  EXPECT_NE(bursts[0].advice[0].find("zookeeper.session.timeout.ms"), std::string::npos);
}

// A heap OutOfMemoryError, then the kernel's OOM killer: the kill decides.
// The same error with the JVM still running is a broker fault.
TEST(Correlate, KernelOomKillStaysOomKillHeapErrorAloneIsBrokerFault) {
  for (bool killed : {true, false}) {
    Correlator c;
    c.entities().learn("broker-2", 2);
    c.add_coverage(coverage("broker-2/server.log", InputRole::kServer, "broker-2", 2));
    auto oome = ev(EventKind::kJvmOomError, T0 - 10 * kSec, "broker-2/server.log",
                   "[2026-06-29 14:21:50,012] ERROR [ReplicaManager broker=2] Error processing "
                   "append operation on partition orders-5 (kafka.server.ReplicaManager)\n"
                   "java.lang.OutOfMemoryError: Java heap space",
                   2, "broker-2");
    oome.fields = {{"what", "Java heap space"}};
    c.add(oome);
    if (killed)
      c.add(ev(EventKind::kOomKill, T0, "broker-2/journal.txt",
               "kernel: Out of memory: Killed process 4242 (java) total-vm:12000000kB", -1,
               "broker-2"));
    for (int i = 0; i < 5; ++i) c.add(client_disconnect(T0 + (1 + i) * kSec, 2));
    if (killed)
      c.add(ev(EventKind::kBrokerStart, T0 + 25 * kSec, "broker-2/server.log",
               "[KafkaServer id=2] started (kafka.server.KafkaServer)", 2, "broker-2"));
    auto bursts = c.finish();
    ASSERT_EQ(bursts.size(), 1u) << killed;
    const Burst& b = bursts[0];
    ASSERT_FALSE(b.causes.empty()) << killed;
    if (killed) {
      EXPECT_EQ(b.verdict, Verdict::kOomKill);
      EXPECT_EQ(b.causes[0].kind, EventKind::kOomKill);
      EXPECT_EQ(b.causes.size(), 1u);  // the error is told with the kill's downtime
      EXPECT_NE(b.causes[0].summary.find(
                    "(before it, the JVM threw java.lang.OutOfMemoryError: Java heap space)"),
                std::string::npos)
          << b.causes[0].summary;
      continue;
    }
    EXPECT_EQ(b.verdict, Verdict::kBrokerFault);
    EXPECT_EQ(b.causes[0].kind, EventKind::kJvmOomError);
    EXPECT_EQ(b.causes[0].summary,
              "broker 2 (broker-2): the JVM threw java.lang.OutOfMemoryError: Java heap space");
    ASSERT_FALSE(b.advice.empty());
    EXPECT_NE(b.advice[0].find("-Xmx"), std::string::npos) << b.advice[0];
  }
}

// An OutOfMemoryError in a client application's log is the application's.
TEST(Correlate, OutOfMemoryErrorCountsOnlyInBrokerSideInputs) {
  Correlator c;
  c.add_coverage(coverage("clients/orders.log", InputRole::kClient, "app-1", -1));
  auto oome = ev(EventKind::kJvmOomError, T0 - 5 * kSec, "clients/orders.log",
                 "Exception in thread \"kafka-producer-network-thread | orders-1\" "
                 "java.lang.OutOfMemoryError: Java heap space",
                 -1, "app-1");
  oome.fields = {{"what", "Java heap space"}};
  c.add(oome);
  for (int i = 0; i < 5; ++i) c.add(client_disconnect(T0 + i * kSec, 2));
  auto bursts = c.finish();
  ASSERT_EQ(bursts.size(), 1u);
  EXPECT_EQ(bursts[0].verdict, Verdict::kUnexplained);
  EXPECT_TRUE(bursts[0].causes.empty());
}

// An operator stops the broker after its KRaft quorum was lost: the lost
// quorum is the story, the stop its consequence. A stop alone is a restart.
TEST(Correlate, QuorumLostBeforeAStopIsBrokerFault) {
  for (bool fault : {true, false}) {
    Correlator c;
    c.entities().learn("broker-1", 1);
    if (fault) {
      auto q = ev(EventKind::kQuorumLost, T0 - 90 * kSec, "broker-1/server.log",
                  "[2026-06-29 14:20:30,800] INFO [RaftManager id=1] Election has timed out, "
                  "backing off for 1000ms before becoming a candidate again "
                  "(org.apache.kafka.raft.KafkaRaftClient)",
                  1, "broker-1");
      q.fields = {{"node", "1"}, {"backoff_ms", "1000"}};
      c.add(q);
    }
    c.add(ev(EventKind::kBrokerStop, T0, "broker-1/journal.txt",
             "systemd[1]: Stopping kafka.service - Apache Kafka...", -1, "broker-1"));
    for (int i = 0; i < 5; ++i) c.add(client_disconnect(T0 + (1 + i) * kSec, 1));
    c.add(ev(EventKind::kBrokerStart, T0 + 20 * kSec, "broker-1/journal.txt",
             "systemd[1]: Started kafka.service - Apache Kafka.", -1, "broker-1"));
    auto bursts = c.finish();
    ASSERT_EQ(bursts.size(), 1u) << fault;
    EXPECT_EQ(bursts[0].verdict, fault ? Verdict::kBrokerFault : Verdict::kBrokerRestart);
    if (!fault) continue;
    EXPECT_EQ(bursts[0].causes[0].summary,
              "broker 1 (broker-1): its KRaft election timed out (no controller quorum), then "
              "the broker stopped, back 20.0 s later");
    ASSERT_FALSE(bursts[0].advice.empty());
    EXPECT_NE(bursts[0].advice[0].find("controller.quorum.voters"), std::string::npos);
  }
}

TEST(Correlate, VerdictNamesRoundTrip) {
  for (int i = 0; i <= static_cast<int>(Verdict::kUnexplained); ++i) {
    auto v = static_cast<Verdict>(i);
    EXPECT_EQ(verdict_from_name(verdict_name(v)), v);
  }
  EXPECT_FALSE(verdict_from_name("reboot").has_value());
  EXPECT_EQ(verdict_name(Verdict::kBrokerFault), "broker-fault");
}

}  // namespace
}  // namespace logcorr
