// The causes clients state themselves (issue 14): auth-failure from TLS /
// SASL lines, network-path from DNS / route failures, connection ages that
// recur below Kafka's idle timeouts and one client losing every broker, and
// idle-close by connection age. The texts are the real lines of
// ../shared/corpus/real-lines-2/ (rdkafka-*, java-log4j-ssl.log,
// broker-sslauth.log, franz-slog.log) with this test's times and names.
#include <gtest/gtest.h>

#include "correlate_events.hpp"

#include "logcorr/correlate.hpp"

namespace logcorr {
namespace {

using test::coverage;
using test::ev;
using test::kSec;
using test::T0;

// librdkafka: the connection to broker `id` was reset after `age_ms` in
// state UP (rdkafka-idle-reset.log's shape).
Event reset_after(int64_t t, int32_t id, int64_t age_ms,
                  std::string input = "pricing/pricing.log") {
  const std::string host = "kafka-" + std::to_string(id);
  return ev(
      EventKind::kDisconnect, t, std::move(input),
      "%3|1782742920.223|FAIL|pricing-feed#producer-1| [thrd:" + host + ":9092/" +
          std::to_string(id) + "]: " + host + ":9092/" + std::to_string(id) +
          ": Receive failed: Connection reset by peer (after " + std::to_string(age_ms) +
          "ms in state UP)",
      id, host, "pricing-feed#producer-1",
      {{"cause", "Connection reset by peer"}, {"age_ms", std::to_string(age_ms)}, {"state", "UP"}});
}

void watch_brokers(Correlator& c) {
  for (int id = 1; id <= 3; ++id) {
    const std::string host = "kafka-" + std::to_string(id);
    c.entities().learn(host, id);
    c.add_coverage(coverage(host + "/server.log", InputRole::kServer, host, id));
  }
}

// An Azure load balancer drops flows idle for 4 minutes: every connection
// the producer left idle since it opened is reset at 240 s, again and again.
TEST(SaidCauses, AgesRecurringBelowKafkasIdleTimeoutAreTheNetworkPath) {
  Correlator c;
  watch_brokers(c);
  for (int round = 0; round < 3; ++round)
    for (int id = 1; id <= 3; ++id)
      c.add(reset_after(T0 + round * 300 * kSec + id * 50'000'000, id, 240'003 + id * 7));
  auto bursts = c.finish();
  ASSERT_EQ(bursts.size(), 3u);
  for (const auto& b : bursts) {
    EXPECT_EQ(b.verdict, Verdict::kNetworkPath);
    ASSERT_FALSE(b.causes.empty());
    EXPECT_EQ(b.causes[0].broker, -1);  // the path, not a broker
    EXPECT_EQ(b.causes[0].host, "");
    EXPECT_NE(b.causes[0].summary.find("4.0 min"), std::string::npos) << b.causes[0].summary;
    ASSERT_FALSE(b.advice.empty());
    EXPECT_NE(b.advice[0].find("connections.max.idle.ms below 4.0 min"), std::string::npos)
        << b.advice[0];
  }
}

TEST(SaidCauses, OneDropOfConnectionsOpenedTogetherIsNotAMiddlebox) {
  // Three connections to one broker opened together, cut together once:
  // a single moment toward a single broker says nothing about the path.
  Correlator c;
  watch_brokers(c);
  for (int i = 0; i < 3; ++i) c.add(reset_after(T0 + i * 10'000'000, 2, 240'003 + i));
  auto bursts = c.finish();
  ASSERT_EQ(bursts.size(), 1u);
  EXPECT_NE(bursts[0].verdict, Verdict::kNetworkPath);
}

TEST(SaidCauses, ABrokerRestartStillExplainsAgesThatAgree) {
  Correlator c;
  watch_brokers(c);
  c.add(ev(EventKind::kBrokerStop, T0 + 300 * kSec - 2 * kSec, "kafka-2/journal.txt",
           "Jun 29 14:26:58 kafka-2 systemd[1]: Stopping kafka.service - Apache Kafka...", -1,
           "kafka-2"));
  for (int round = 0; round < 3; ++round)
    for (int id = 1; id <= 3; ++id)
      c.add(reset_after(T0 + round * 300 * kSec + id * 50'000'000, round == 1 ? 2 : id,
                        240'003 + id * 7));
  c.add(ev(EventKind::kBrokerStart, T0 + 330 * kSec, "kafka-2/journal.txt",
           "Jun 29 14:27:30 kafka-2 systemd[1]: Started kafka.service - Apache Kafka.", -1,
           "kafka-2"));
  auto bursts = c.finish();
  ASSERT_EQ(bursts.size(), 3u);
  EXPECT_EQ(bursts[0].verdict, Verdict::kNetworkPath);
  EXPECT_EQ(bursts[1].verdict, Verdict::kBrokerRestart);
  EXPECT_EQ(bursts[2].verdict, Verdict::kNetworkPath);
}

// The broker's own idle reaper (connections.max.idle.ms = 10 min): a
// connection age at that value is an idle close, whatever the file's lines.
TEST(SaidCauses, AConnectionAgeAtKafkasIdleTimeoutIsAnIdleClose) {
  Correlator c;
  watch_brokers(c);
  auto e = reset_after(T0, 1, 600'003);
  e.input_prev_ns = T0 - kSec;
  c.add(ev(EventKind::kClientConfig, T0 - kSec, "pricing/pricing.log", "config"));
  c.add(e);
  // Nothing failed: an idle close counted for the note, not a finding.
  EXPECT_TRUE(c.finish().empty());
  EXPECT_EQ(c.quiet_idle_closes().count, 1u);
}

Event tls_expired(int64_t t, int32_t id) {
  const std::string host = "kafka-" + std::to_string(id);
  return ev(EventKind::kTlsFailure, t, "billing/billing.log",
            "%3|1782742920.976|FAIL|rdkafka#consumer-1| [thrd:ssl://" + host + ":9093/" +
                std::to_string(id) + "]: ssl://" + host + ":9093/" + std::to_string(id) +
                ": SSL handshake failed: ssl/statem/statem_clnt.c:1913: "
                "error:0A000086:SSL routines::certificate verify failed: broker certificate "
                "has expired (after 7ms in state SSL_HANDSHAKE)",
            id, host, "rdkafka#consumer-1",
            {{"reason", "certificate verify failed: broker certificate has expired"}});
}

TEST(SaidCauses, ExpiredCertificateIsAuthFailureOfThatBroker) {
  Correlator c;
  watch_brokers(c);
  for (int i = 0; i < 12; ++i) c.add(tls_expired(T0 + i * 5 * kSec, 3));
  c.add(ev(EventKind::kTlsFailure, T0 + 1 * kSec, "kafka-3/server.log",
           "[2026-06-29 14:22:01,146] INFO [SocketServer listenerType=BROKER, nodeId=3] Failed "
           "authentication with /10.0.4.21 (channelId=10.0.4.13:9093-10.0.4.21:38710-39) (SSL "
           "handshake failed) (org.apache.kafka.common.network.Selector)",
           3, "kafka-3", "",
           {{"client_addr", "10.0.4.21"}, {"reason", "SSL handshake failed"}, {"side", "broker"}}));
  auto bursts = c.finish();
  ASSERT_EQ(bursts.size(), 1u);
  const Burst& b = bursts[0];
  EXPECT_EQ(b.verdict, Verdict::kAuthFailure);
  EXPECT_EQ(b.count, 12u);  // the broker's line is its side, not a client error
  ASSERT_FALSE(b.causes.empty());
  EXPECT_EQ(b.causes[0].broker, 3);
  EXPECT_EQ(b.causes[0].kind, EventKind::kTlsFailure);
  EXPECT_NE(b.causes[0].summary.find("10.0.4.21"), std::string::npos) << b.causes[0].summary;
  ASSERT_FALSE(b.advice.empty());
  EXPECT_NE(b.advice[0].find("expired"), std::string::npos) << b.advice[0];
}

// A client without the cluster's CA retries for an hour: chronic failures
// toward one broker are the certificate, not a misconfigured listener.
TEST(SaidCauses, ChronicHandshakeFailuresAreNotListenerMisconfig) {
  Correlator c;
  watch_brokers(c);
  for (int i = 0; i < 60; ++i) {
    auto e = ev(EventKind::kTlsFailure, T0 + i * 60 * kSec, "admin/admin.log",
                "[2026-06-29 14:22:00,745] ERROR [AdminClient clientId=adminclient-1] Connection "
                "to node 1 (kafka-1/10.0.4.11:9093) failed authentication due to: SSL handshake "
                "failed (org.apache.kafka.clients.NetworkClient)",
                1, "kafka-1", "adminclient-1",
                {{"reason",
                  "PKIX path building failed: unable to find valid certification path to "
                  "requested target"}});
    c.add(e);
  }
  auto bursts = c.finish();
  ASSERT_FALSE(bursts.empty());
  for (const auto& b : bursts) {
    EXPECT_EQ(b.verdict, Verdict::kAuthFailure);
    ASSERT_FALSE(b.advice.empty());
    EXPECT_NE(b.advice[0].find("truststore"), std::string::npos) << b.advice[0];
  }
}

TEST(SaidCauses, WrongSaslPasswordIsAuthFailureWithCredentialsAdvice) {
  Correlator c;
  watch_brokers(c);
  for (int i = 0; i < 4; ++i)
    c.add(ev(EventKind::kSaslFailure, T0 + i * kSec, "admin/admin.log",
             "[2026-06-29 14:22:00,720] ERROR [AdminClient clientId=adminclient-1] Connection to "
             "node 3 (kafka-3/192.168.112.8:39092) failed authentication due to: Authentication "
             "failed: Invalid username or password (org.apache.kafka.clients.NetworkClient)",
             3, "kafka-3", "adminclient-1",
             {{"reason", "Authentication failed: Invalid username or password"}}));
  auto bursts = c.finish();
  ASSERT_EQ(bursts.size(), 1u);
  EXPECT_EQ(bursts[0].verdict, Verdict::kAuthFailure);
  EXPECT_EQ(bursts[0].causes[0].kind, EventKind::kSaslFailure);
  EXPECT_NE(bursts[0].advice[0].find("credentials"), std::string::npos);
}

// franz-go logs one line: the read that failed and its guess at the cause.
// The matcher makes two events of it (disconnect, sasl_failure): one error.
TEST(SaidCauses, OneRecordWithItsCauseHintCountsOnce) {
  Correlator c;
  for (int i = 0; i < 3; ++i) {
    const int64_t t = T0 + i * kSec;
    const std::string text =
        "2025/04/30 10:23:57 WARN read from broker errored, killing connection after 0 "
        "successful responses (is SASL missing?) broker=seed_0 err=EOF";
    auto d = ev(EventKind::kDisconnect, t, "ingest/ingest.log", text, -1, "localhost", "ingest");
    auto s = d;
    s.kind = EventKind::kSaslFailure;
    s.fields = {{"reason", "is SASL missing?"}, {"inferred", "true"}};
    c.add(d);
    c.add(s);
  }
  auto bursts = c.finish();
  ASSERT_EQ(bursts.size(), 1u);
  EXPECT_EQ(bursts[0].count, 3u);
  EXPECT_EQ(bursts[0].verdict, Verdict::kAuthFailure);
  EXPECT_NE(bursts[0].advice[0].find("security.protocol"), std::string::npos);
}

Event unresolved(int64_t t, const std::string& host) {
  return ev(EventKind::kDnsFailure, t, "orders/orders.log",
            "2026-06-29 14:22:00 WARN  [org.apache.kafka.clients.NetworkClient] "
            "(kafka-producer-network-thread | producer-1) [Producer clientId=producer-1] Error "
            "connecting to node " +
                host + ":9092 (id: 1 rack: null): java.net.UnknownHostException: " + host +
                ": Name or service not known",
            1, host, "producer-1", {{"reason", host + ": Name or service not known"}});
}

TEST(SaidCauses, NamesThatDoNotResolveAreTheNetworkPath) {
  Correlator c;
  watch_brokers(c);
  for (int i = 0; i < 5; ++i) c.add(unresolved(T0 + i * kSec, "kafka-1.kafka.svc"));
  auto bursts = c.finish();
  ASSERT_EQ(bursts.size(), 1u);
  EXPECT_EQ(bursts[0].verdict, Verdict::kNetworkPath);
  EXPECT_EQ(bursts[0].causes[0].kind, EventKind::kDnsFailure);
  EXPECT_EQ(bursts[0].causes[0].broker, -1);
  EXPECT_NE(bursts[0].causes[0].summary.find("Name or service not known"), std::string::npos);
}

// A broker pod's DNS record goes away while it restarts: the restart is the
// cause, the unresolved name its consequence.
TEST(SaidCauses, UnresolvedNameOfARestartingBrokerIsTheRestart) {
  Correlator c;
  watch_brokers(c);
  c.add(ev(EventKind::kBrokerStop, T0 - 2 * kSec, "kafka-1/server.log",
           "[2026-06-29 14:21:58,001] INFO [KafkaServer id=1] shutting down "
           "(kafka.server.KafkaServer)",
           1, "kafka-1"));
  for (int i = 0; i < 5; ++i) c.add(unresolved(T0 + i * kSec, "kafka-1"));
  c.add(ev(EventKind::kBrokerStart, T0 + 20 * kSec, "kafka-1/server.log",
           "[2026-06-29 14:22:20,001] INFO [KafkaServer id=1] started (kafka.server.KafkaServer)",
           1, "kafka-1"));
  auto bursts = c.finish();
  ASSERT_EQ(bursts.size(), 1u);
  EXPECT_EQ(bursts[0].verdict, Verdict::kBrokerRestart);
}

TEST(SaidCauses, OneClientLosingEveryBrokerAtOnceIsTheNetworkPath) {
  Correlator c;
  watch_brokers(c);
  for (int id = 1; id <= 3; ++id) c.add(reset_after(T0 + id * 300'000'000, id, 81'234 * id));
  auto bursts = c.finish();
  ASSERT_EQ(bursts.size(), 1u);
  EXPECT_EQ(bursts[0].verdict, Verdict::kNetworkPath);
  EXPECT_NE(bursts[0].causes[0].summary.find("all 3 brokers"), std::string::npos)
      << bursts[0].causes[0].summary;

  // Two clients losing every broker at once are not one client's network.
  Correlator two;
  watch_brokers(two);
  for (int id = 1; id <= 3; ++id) {
    two.add(reset_after(T0 + id * 300'000'000, id, 81'234 * id));
    two.add(reset_after(T0 + id * 300'000'000, id, 91'234 * id, "orders/orders.log"));
  }
  auto b2 = two.finish();
  ASSERT_EQ(b2.size(), 1u);
  EXPECT_EQ(b2[0].verdict, Verdict::kUnexplained);
}

}  // namespace
}  // namespace logcorr
