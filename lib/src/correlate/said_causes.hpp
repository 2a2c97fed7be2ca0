// Causes the clients' own lines state: a TLS handshake or SASL
// authentication that failed (auth-failure), and the network path between
// clients and brokers (network-path): names that do not resolve, no route,
// connection ages that recur at a middlebox's idle timeout, one client
// losing every broker at once.
//
// The broker-side causes (cause_index) are intervals scored against a
// burst; these are read off the burst itself, plus the run's connection
// ages and coverage. Each returns what decide() needs to state the verdict.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "verdict.hpp"

namespace logcorr::detail {

struct SaidCause {
  Verdict verdict = Verdict::kUnexplained;
  double confidence = 0;
  Cause cause;
  std::vector<std::string> advice;
  std::vector<std::string> warnings;
};

// Auth failures make up at least a quarter of the burst's errors (or three
// of them): `auth-failure`, blaming the broker they name (or the one whose
// own side refused the handshakes: `broker_side`, may be null).
std::optional<SaidCause> auth_failure(const PendingBurst& pb, const VerdictContext& ctx,
                                      const CauseInterval* broker_side);

// The network path, tried when no broker-side cause explains the burst:
//  - DNS / route failures make up a quarter of its errors (or three);
//  - a connection age it logged agrees within 5 % with at least two more
//    disconnects of the run, at two moments or toward two brokers, and lies
//    between 30 s and 95 % of the lowest Kafka idle timeout on the path;
//  - one client input lost every known broker (at least two) in it while
//    a broker-side log covering the burst logged nothing.
// Names no broker.
std::optional<SaidCause> network_path(const PendingBurst& pb, const VerdictContext& ctx,
                                      const std::set<int32_t>& named);

// The lowest idle timeout Kafka itself applies to the burst's connections:
// the broker's connections.max.idle.ms (10 min by default) or a smaller one
// a client of the burst configured.
int64_t kafka_idle_limit_ns(const PendingBurst& pb, const VerdictContext& ctx);

// " from 10.0.4.21, 10.0.4.22": the clients a broker said failed its
// handshakes (kAuth interval), or "".
std::string from_addrs(const CauseInterval& refusing);

// What to change, from what the auth lines said (expired certificate,
// untrusted CA, host name mismatch, credentials, mechanism, no SASL).
std::vector<std::string> auth_advice(EventKind kind, const std::vector<std::string>& reasons);

}  // namespace logcorr::detail
