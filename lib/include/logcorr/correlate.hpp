// Correlator: bursts of client symptoms, the broker-side causes that explain
// them, and a verdict for each.
//
// Incremental by design, so batch `analyze` and live `follow` share it:
// events go in (roughly in time order: anything later than the allowed
// lateness behind the newest event is still placed correctly), findings come
// out once the event-time watermark has passed a burst's end plus the window
// in which its causes could still show up. State older than the correlation
// horizon is evicted, so memory stays flat on an endless stream.
//
// The method, in the order an engineer would do it by hand:
//  1. Symptoms (network_exception, request_timeout, disconnect, ...) are
//     clustered by event time: a gap longer than `gap` ends a burst. A burst
//     needs `min_count` symptoms, except a lone one after a long silence of
//     its client (idle-close candidate).
//  2. Cause candidates are intervals: broker downtime from a stop / kill / OOM
//     kill to the next start, a GC pause [end - duration, end], a broker
//     fault (log dir failure, ZooKeeper session expiry, KRaft quorum lost,
//     OutOfMemoryError) from its first line to its last. Each is joined
//     to bursts whose start lies within [cause.start - lookahead,
//     cause.end + lookback].
//  3. Each candidate is scored by entity match (the broker the clients name
//     vs the broker the cause happened on), alignment and kind; a GC pause only
//     counts when it is long enough to trip the client's request timeout, or
//     overlaps the burst start.
//  4. The best candidate decides the verdict; with none, the shape of the
//     symptoms may (network-path, idle-close, listener-misconfig), else
//     `unexplained` with what evidence was missing (which brokers had no log
//     covering the burst). Clients that say their handshake or
//     authentication failed decide `auth-failure` before any of these.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "logcorr/entity.hpp"
#include "logcorr/event.hpp"

namespace logcorr {

enum class Verdict : uint8_t {
  kBrokerRestart,
  kBrokerCrash,
  kOomKill,
  kGcPause,
  kIdleClose,
  kListenerMisconfig,
  // The broker failed internally (log dir failure, ZooKeeper session expiry,
  // KRaft quorum lost, a JVM OutOfMemoryError), whether or not it then
  // exited. Only names are persisted (JSON, NDJSON, --fail-on), never these
  // numbers: verdicts are appended before kUnexplained, which stays last.
  kBrokerFault,
  // Clients failed the TLS handshake or SASL authentication with a broker
  // (an expired or untrusted certificate, a host name mismatch, wrong
  // credentials or mechanism).
  kAuthFailure,
  // Connections were cut between clients and brokers while the brokers
  // stayed healthy: a middlebox idle timeout (connection ages agreeing at one
  // value below every Kafka idle timeout), names that do not resolve, no
  // route, one client losing every broker at once.
  kNetworkPath,
  kUnexplained,
};
std::string_view verdict_name(Verdict v);  // "broker-restart", ...
std::optional<Verdict> verdict_from_name(std::string_view name);

struct CorrelateOptions {
  int64_t gap_ns = 30 * 1'000'000'000LL;        // --burst-gap
  uint32_t min_count = 3;                       // --min-burst
  int64_t lookback_ns = 120 * 1'000'000'000LL;  // --lookback: causes up to this before the burst
  int64_t lookahead_ns = 15 * 1'000'000'000LL;  // --lookahead: and this after its start
  int64_t client_idle_ns = 9 * 60 * 1'000'000'000LL;  // connections.max.idle.ms (client default)
  // The broker's connections.max.idle.ms (default 10 min): it closes a
  // connection idle that long. librdkafka's own default is 0 (never).
  int64_t broker_idle_ns = 10 * 60 * 1'000'000'000LL;
  int64_t default_request_timeout_ns = 30 * 1'000'000'000LL;
  // listener-misconfig: symptoms toward one broker spread over at least this
  // long, with no broker-side cause in their whole span.
  int64_t chronic_span_ns = 10 * 60 * 1'000'000'000LL;
  uint32_t chronic_min_count = 6;
  // ... and at least one symptom per this much of the span on average: a
  // broker's idle reaper closing one connection every hour or so (librdkafka
  // logs it at info: "Disconnected (after 600011ms in state UP)") is not a
  // client that cannot reach its broker.
  int64_t chronic_max_mean_gap_ns = 5 * 60 * 1'000'000'000LL;
  // Events may arrive this late (event time) and still be placed in order.
  int64_t lateness_ns = 60 * 1'000'000'000LL;
  size_t max_evidence = 8;  // evidence lines kept per burst and per cause
};

struct Evidence {
  std::string input;
  uint64_t line = 0;
  std::string text;
  int64_t time_ns = 0;
  EventKind kind = EventKind::kNetworkException;
  bool approximate = false;  // the time was derived from an age ("3m26s")
};

struct Cause {
  EventKind kind = EventKind::kBrokerStop;  // the decisive event's kind
  std::string host;
  int32_t broker = -1;
  int64_t time_ns = 0;       // the decisive event's time
  int64_t start_ns = 0;      // interval start (downtime start, pause start)
  int64_t end_ns = 0;        // interval end (restart, pause end); == start for points
  int64_t duration_ns = -1;  // pause length / downtime, -1 unknown (never restarted in view)
  int64_t lag_ns = 0;        // start_ns - burst start: negative = cause came first
  double score = 0;
  std::string summary;  // "broker 2 killed by the OOM killer, restarted 14 s later"
  // Kubernetes: what its records said stopped the broker ("oom",
  // "liveness-probe", "exit-137", "error", "crashloop", "grace-period",
  // "eviction", "drain", "operator-roll", "delete", "completed",
  // "kubelet-stop", "died"), "" when no Kubernetes record took part.
  std::string why;
  bool approximate = false;  // time_ns was derived from an age
  std::vector<Evidence> evidence;
};

struct Burst {
  int64_t start_ns = 0;
  int64_t end_ns = 0;
  uint32_t count = 0;
  std::map<std::string, uint32_t> kinds;  // kind name -> count
  std::vector<std::string> clients;
  std::vector<int32_t> brokers;  // broker ids the clients named
  std::vector<std::string> hosts;
  std::vector<std::string> partitions;
  Verdict verdict = Verdict::kUnexplained;
  double confidence = 0;
  std::vector<Cause> causes;  // ranked, best first
  std::vector<std::string> advice;
  std::vector<std::string> warnings;  // client hazards, coverage gaps
  std::vector<std::string> coverage_gaps;
  std::vector<Evidence> evidence;  // first and most telling symptom lines
};

// What the correlator needs to know about inputs besides their events.
class Correlator {
 public:
  explicit Correlator(CorrelateOptions opts = {});
  ~Correlator();
  Correlator(const Correlator&) = delete;
  Correlator& operator=(const Correlator&) = delete;

  // Adds one event. Events without a valid time are ignored (and counted).
  void add(const Event& e);
  // Tells the correlator which inputs cover which time (may be called again
  // for the same input as it grows).
  void add_coverage(const InputSummary& c);
  // Learned/user entity pairings; the correlator also learns from events.
  EntityMap& entities();

  // Advances the watermark to `now_ns` (event time) even without new events
  // (follow mode: an idle input stops holding findings back).
  void advance(int64_t now_ns);
  // Bursts that are final as of the watermark (each returned once).
  std::vector<Burst> poll();
  // End of input: every remaining burst is final.
  std::vector<Burst> finish();

  // Bursts opened but not final yet (follow mode's "burst opened" alert).
  struct OpenBurst {
    int64_t start_ns;
    uint32_t count;
    std::vector<int32_t> brokers;
    std::vector<std::string> clients;
  };
  std::vector<OpenBurst> newly_opened();

  uint64_t events_ignored() const;

  // Idle connections that were closed with nothing lost: only disconnects
  // after the client's Kafka records were silent for the idle timeout (or
  // a connection that lived that long), no request failing. They are not
  // findings; batch analyze reports their number in a note.
  struct QuietIdleCloses {
    uint64_t count = 0;             // disconnects
    std::set<std::string> clients;  // the first few
  };
  const QuietIdleCloses& quiet_idle_closes() const;

 private:
  struct State;
  std::unique_ptr<State> s_;
};

}  // namespace logcorr
