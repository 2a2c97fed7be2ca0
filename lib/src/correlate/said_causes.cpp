#include "said_causes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace logcorr::detail {

namespace {

constexpr int64_t kSecond = 1'000'000'000;

bool has(std::string_view s, std::string_view x) {
  return std::search(s.begin(), s.end(), x.begin(), x.end(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) ==
                  std::tolower(static_cast<unsigned char>(b));
         }) != s.end();
}

bool any_has(const std::vector<std::string>& reasons, std::string_view x) {
  for (const auto& r : reasons)
    if (has(r, x)) return true;
  return false;
}

// "a quarter of its errors, or three": a burst of connection errors in
// which a few say why is about that why; one TLS line among fifty
// disconnects is not.
bool telling_share(uint32_t n, uint32_t count) {
  return n > 0 && (n >= 3 || n * 4 >= count);
}

std::string who_of(int32_t broker, const std::string& host) {
  if (broker >= 0 && !host.empty()) return fmt::format("broker {} ({})", broker, host);
  if (broker >= 0) return fmt::format("broker {}", broker);
  return host.empty() ? std::string("the brokers") : host;
}

std::string ms_text(int64_t ms) {
  return human_duration(ms * 1'000'000);
}

// Text after "NotAfter: " in an expired certificate's message.
std::string not_after(const std::vector<std::string>& reasons) {
  for (const auto& r : reasons) {
    auto at = r.find("NotAfter: ");
    if (at == std::string::npos) continue;
    std::string d = r.substr(at + 10);
    auto end = d.find_first_of(")\n");
    return d.substr(0, end);
  }
  return {};
}

}  // namespace

std::string from_addrs(const CauseInterval& refusing) {
  std::string from;
  for (size_t i = 0; i < refusing.client_addrs.size(); ++i)
    from += (i ? ", " : " from ") + refusing.client_addrs[i];
  return from;
}

std::vector<std::string> auth_advice(EventKind kind, const std::vector<std::string>& reasons) {
  std::vector<std::string> out;
  if (any_has(reasons, "expired") || any_has(reasons, "NotAfter")) {
    const std::string when = not_after(reasons);
    out.push_back(fmt::format(
        "A certificate in the handshake has expired{}: renew it (the broker's keystore, or the "
        "client's own for mutual TLS), roll it out to every broker, and alert on certificate "
        "expiry weeks ahead.",
        when.empty() ? std::string() : fmt::format(" (NotAfter: {})", when)));
  } else if (any_has(reasons, "not yet valid") || any_has(reasons, "NotBefore")) {
    out.push_back(
        "A certificate is not valid yet: either it was issued for a later date or a clock is "
        "wrong; check the clocks of the client and broker hosts (NTP) and the certificate's "
        "NotBefore.");
  } else if (any_has(reasons, "PKIX") || any_has(reasons, "certification path") ||
             any_has(reasons, "certificate verify failed") ||
             any_has(reasons, "unable to get local issuer") || any_has(reasons, "self signed") ||
             any_has(reasons, "self-signed")) {
    out.push_back(
        "The client does not trust the broker's certificate: give it the CA that signed the "
        "brokers' certificates (Java ssl.truststore.location, librdkafka ssl.ca.location, "
        "kafkajs/Node ssl.ca, Go tls.Config RootCAs), including any intermediate certificate "
        "the broker does not send.");
  } else if (any_has(reasons, "subject alternative") || any_has(reasons, "No name matching") ||
             any_has(reasons, "hostname") || any_has(reasons, "host name")) {
    out.push_back(
        "The broker's certificate does not name the address the client connected to: put every "
        "advertised host name (advertised.listeners, load balancer and bootstrap names) in its "
        "subject alternative names. Turning off ssl.endpoint.identification.algorithm hides "
        "the problem and opens the door to impostors.");
  } else if (any_has(reasons, "Invalid username or password") ||
             any_has(reasons, "invalid credentials")) {
    out.push_back(
        "The broker rejected the client's SASL credentials: check the user name and password "
        "the client sends (sasl.jaas.config, sasl.username / sasl.password) and that the user "
        "exists on the cluster with the mechanism used (SCRAM users: kafka-configs.sh "
        "--describe --entity-type users).");
  } else if (any_has(reasons, "mechanism")) {
    out.push_back(
        "Client and broker disagree on the SASL mechanism: set the client's sasl.mechanism to "
        "one of the listener's sasl.enabled.mechanisms.");
  } else if (any_has(reasons, "is SASL missing") || any_has(reasons, "Unexpected Kafka request") ||
             any_has(reasons, "during SASL handshake")) {
    out.push_back(
        "The client spoke plain Kafka to a listener that expects SASL (or TLS): set the "
        "client's security.protocol (and sasl.mechanism) to what the listener requires, or "
        "point it at the right port.");
  } else if (any_has(reasons, "reauth") || any_has(reasons, "re-auth")) {
    out.push_back(
        "The broker closes connections whose authentication expired "
        "(connections.max.reauth.ms): use a client that re-authenticates (KIP-368), or raise "
        "the limit.");
  } else if (kind == EventKind::kSaslFailure) {
    out.push_back(
        "SASL authentication failed: compare the client's security.protocol, sasl.mechanism "
        "and credentials with the listener's, and read the broker's `Failed authentication` "
        "lines for its side.");
  } else {
    out.push_back(
        "The TLS handshake failed: check the certificate's validity dates, that the client "
        "trusts the CA that signed it, that it names the address the client used, and that "
        "client and listener agree on TLS at all; librdkafka says why with debug=security, "
        "Java with -Djavax.net.debug=ssl:handshake.");
  }
  out.push_back(
      "Retries do not help: every reconnect fails the same way until the certificate or "
      "credentials are fixed.");
  return out;
}

std::optional<SaidCause> auth_failure(const PendingBurst& pb, const VerdictContext& ctx,
                                      const CauseInterval* broker_side) {
  const Burst& b = pb.burst;
  if (!telling_share(pb.auth_count, b.count)) return std::nullopt;
  SaidCause s;
  s.verdict = Verdict::kAuthFailure;
  s.confidence = broker_side ? 0.95 : 0.9;
  Cause& c = s.cause;
  c.kind = pb.auth_kind;
  // The broker the failures name most.
  uint32_t most = 0;
  for (const auto& [id, n] : pb.auth_brokers)
    if (n > most) {
      most = n;
      c.broker = id;
    }
  if (c.broker < 0 && broker_side)
    c.broker =
        broker_side->broker >= 0 ? broker_side->broker : ctx.entities.broker_for(broker_side->host);
  if (c.broker < 0 && pb.auth_hosts.size() == 1) {
    c.host = *pb.auth_hosts.begin();
    c.broker = ctx.entities.broker_for(c.host);
  }
  if (c.broker >= 0) c.host = ctx.entities.host_for(c.broker);
  if (c.host.empty() && broker_side) c.host = broker_side->host;
  if (c.host.empty() && pb.auth_hosts.size() == 1) c.host = *pb.auth_hosts.begin();
  c.evidence = pb.cause_evidence;
  c.time_ns = c.evidence.empty() ? b.start_ns : c.evidence.front().time_ns;
  c.start_ns = c.time_ns;
  c.end_ns = b.end_ns;
  std::vector<std::string> reasons = pb.auth_reasons;
  if (broker_side) {
    if (!broker_side->reason.empty() &&
        std::find(reasons.begin(), reasons.end(), broker_side->reason) == reasons.end())
      reasons.push_back(broker_side->reason);
    for (const auto& ev : broker_side->evidence)
      if (c.evidence.size() < ctx.opts.max_evidence + 2) c.evidence.push_back(ev);
    c.start_ns = std::min(c.start_ns, broker_side->start_ns);
  }
  std::sort(c.evidence.begin(), c.evidence.end(),
            [](const Evidence& x, const Evidence& y) { return x.time_ns < y.time_ns; });
  c.lag_ns = c.start_ns - b.start_ns;
  c.score = s.confidence;
  const bool tls = pb.auth_kind == EventKind::kTlsFailure;
  std::string why;
  for (const auto& r : pb.auth_reasons) why += (why.empty() ? ": " : "; ") + r;
  c.summary = fmt::format(
      "{}: clients failed the {} {}{}", who_of(c.broker, c.host),
      tls ? "TLS handshake" : "SASL authentication",
      pb.auth_count == 1 ? std::string("once") : fmt::format("{} times", pb.auth_count), why);
  if (broker_side)
    c.summary += fmt::format("; the broker logged {} failed authentication(s){}",
                             broker_side->lines, from_addrs(*broker_side));
  s.advice = auth_advice(pb.auth_kind, reasons);
  return s;
}

int64_t kafka_idle_limit_ns(const PendingBurst& pb, const VerdictContext& ctx) {
  int64_t limit = ctx.opts.broker_idle_ns;
  auto consider = [&](const std::string& key) {
    auto it = ctx.configs.find(key);
    if (it != ctx.configs.end() && it->second.idle_ns > 0)
      limit = std::min(limit, it->second.idle_ns);
  };
  for (const auto& c : pb.clients) consider(c);
  for (const auto& i : pb.inputs) consider("input:" + i);
  return limit;
}

std::optional<SaidCause> network_path(const PendingBurst& pb, const VerdictContext& ctx,
                                      const std::set<int32_t>& named) {
  const Burst& b = pb.burst;
  SaidCause s;
  s.verdict = Verdict::kNetworkPath;
  Cause& c = s.cause;  // names no broker: the evidence is the path
  c.time_ns = b.start_ns;
  c.start_ns = b.start_ns;
  c.end_ns = b.end_ns;

  // 1. The clients said so: a name that does not resolve, no route.
  if (telling_share(pb.path_count, b.count)) {
    const bool dns = pb.path_kind == EventKind::kDnsFailure;
    c.kind = pb.path_kind;
    c.evidence = pb.cause_evidence;
    if (!c.evidence.empty()) c.time_ns = c.start_ns = c.evidence.front().time_ns;
    std::string why;
    for (const auto& r : pb.path_reasons) why += (why.empty() ? ": " : "; ") + r;
    c.summary = fmt::format(
        "{} {}{}", dns ? "broker names did not resolve" : "no route to the brokers",
        pb.path_count == 1 ? std::string("once") : fmt::format("{} times", pb.path_count), why);
    s.confidence = 0.85;
    if (dns)
      s.advice = {
          "A broker's name did not resolve where the client runs: the name it was given "
          "(bootstrap.servers) or the one the broker advertises (advertised.listeners) must "
          "resolve from the client's network; check DNS, /etc/hosts and, on Kubernetes, that "
          "the Service's records exist (a headless Service has a pod's record only while it "
          "is ready).",
          "If the name belongs to a broker that was restarting, its record comes back with it; "
          "if it never resolves, the advertised name is wrong for this client."};
    else
      s.advice = {
          "The client had no route to a broker's address: check routing, security groups and "
          "firewall rules between the client's network and the address the broker advertises "
          "(advertised.listeners), which must be reachable from every client."};
    return s;
  }

  // 2. Connection ages that recur at one value below Kafka's idle timeouts.
  const int64_t limit = kafka_idle_limit_ns(pb, ctx);
  ConnectionAges::Cluster best;
  int64_t best_age = -1;
  for (const auto& a : pb.ages) {
    const int64_t age_ns = a.age_ms * 1'000'000;
    if (age_ns < 30 * kSecond || static_cast<double>(age_ns) >= 0.95 * static_cast<double>(limit))
      continue;
    auto cl = ctx.ages.around(a.age_ms, 0.05, ctx.opts.gap_ns, b.end_ns + ctx.opts.gap_ns);
    if (cl.count >= 3 && (cl.moments >= 2 || cl.brokers >= 2) && cl.count > best.count) {
      best = cl;
      best_age = a.age_ms;
    }
  }
  if (best_age > 0) {
    c.kind = EventKind::kDisconnect;
    c.evidence = pb.cause_evidence;
    const int64_t mid = (best.lo_ms + best.hi_ms) / 2;
    c.summary = fmt::format(
        "connections were cut after {} of life ({} to {}), {} times so far{}{}, "
        "while no broker logged a stop, crash or pause: an idle timeout on the network path "
        "below Kafka's own ({})",
        ms_text(mid), ms_text(best.lo_ms), ms_text(best.hi_ms), best.count,
        best.moments > 1 ? fmt::format(" at {} moments", best.moments) : std::string(),
        best.brokers > 1 ? fmt::format(" toward {} brokers", best.brokers) : std::string(),
        human_duration(limit));
    s.confidence = std::min(0.9, 0.6 + 0.05 * static_cast<double>(best.count));
    s.advice = {
        fmt::format(
            "Something between clients and brokers drops connections idle for about {}: a load "
            "balancer (Azure's default idle timeout is 4 min), a NAT gateway (AWS: 350 s) or a "
            "firewall. Raise that idle timeout above Kafka's, or have Kafka close idle "
            "connections first: connections.max.idle.ms below {} on the clients (Java; "
            "librdkafka >= 1.9 has it too, off by default) and on the brokers' listeners.",
            ms_text(mid), ms_text(mid)),
        fmt::format("Or keep the flows alive: TCP keepalive with a period below {} "
                    "(librdkafka socket.keepalive.enable=true and net.ipv4.tcp_keepalive_time on "
                    "the client host).",
                    ms_text(mid)),
    };
    return s;
  }

  // 3. One client lost every broker at once while the brokers' own logs
  //    went on.
  std::set<int32_t> known;
  for (const auto& p : ctx.entities.pairs()) known.insert(p.broker);
  for (const auto& cv : ctx.coverage)
    if (cv.broker >= 0 && is_broker_side(cv.role)) known.insert(cv.broker);
  if (pb.inputs.size() == 1 && known.size() >= 2 &&
      std::includes(named.begin(), named.end(), known.begin(), known.end()) &&
      b.count >= ctx.opts.min_count) {
    bool watched = false;  // a broker-side log ran through the burst
    for (const auto& cv : ctx.coverage) {
      const int32_t cb = cv.broker >= 0 ? cv.broker : ctx.entities.broker_for(cv.host);
      if (cb >= 0 && named.count(cb) && is_broker_side(cv.role) && cv.first_ns <= b.start_ns &&
          cv.last_ns >= b.end_ns)
        watched = true;
    }
    if (watched) {
      c.kind = EventKind::kDisconnect;
      c.evidence = b.evidence;
      c.summary = fmt::format(
          "{} lost its connections to all {} brokers within {} while the brokers' logs "
          "showed no stop, crash or pause",
          *pb.inputs.begin(), known.size(), human_duration(b.end_ns - b.start_ns));
      s.confidence = 0.6;
      s.advice = {
          "One client lost every broker at once while the brokers stayed up: look at that "
          "client's host and its network at that moment (a VM or container pause, a NIC, VPN "
          "or NAT table reset, a saturated link), in its kernel log and the hypervisor's."};
      return s;
    }
  }
  return std::nullopt;
}

}  // namespace logcorr::detail
