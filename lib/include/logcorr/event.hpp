// Event: a typed fact extracted from a record (DESIGN.md "Vocabularies").
//
// Events own their strings (they outlive the record they came from), but a
// hot extraction loop reuses Event objects: clear() keeps capacity.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "logcorr/format.hpp"
#include "logcorr/record.hpp"
#include "logcorr/stamp_sample.hpp"

namespace logcorr {

enum class EventKind : uint8_t {
  // symptoms, in priority order: a record yields at most one of these
  kNetworkException,
  kRequestTimeout,
  kTimeoutException,
  kConnectFailed,
  kDisconnect,
  kAllBrokersDown,
  kNotEnoughReplicas,
  kUnknownProducerId,
  kOutOfOrderSequence,
  // causes / context: any number per record
  kBrokerStop,
  kBrokerStart,
  kUncleanShutdown,
  kProcessKilled,
  kOomKill,
  kGcPause,
  kSafepoint,
  kIsrShrink,
  kClientConfig,
  // A broker's own `KafkaConfig values:` dump at startup: who the node is
  // (node.id as its broker) and its process_roles (KRaft
  // combined mode: "broker, controller"). Context only; it tells extraction
  // whose log this is when no other line names the node (Kafka 3.0-3.2's
  // "Kafka Server started" has no id).
  kBrokerConfig,
  // Kubernetes (wave 2): a container's end as the cluster recorded it
  // (fields reason, exit_code, started, finished, restart_count), an eviction,
  // and a kill the kubelet or an operator asked for (field why).
  kContainerTerminated,
  kPodEvicted,
  kPodKilled,
  // Broker faults and the auth / network-path causes (issue 14). The broker
  // faults (log_dir_failure … jvm_oom_error) are causes of `broker-fault`;
  // the auth / network-path kinds are context only so far.
  kLogDirFailure,     // a log dir failed (disk full, I/O error): dir, reason
  kZkSessionExpired,  // the broker's ZooKeeper session expired: session
  kQuorumLost,        // a KRaft voter's election timed out: node, backoff_ms
  kJvmOomError,       // java.lang.OutOfMemoryError in a live JVM: what, thread
  kTlsFailure,        // TLS handshake failed: reason; side=broker + client_addr on broker lines
  kSaslFailure,  // SASL authentication failed: reason; side=broker + client_addr on broker lines
  kDnsFailure,   // a broker's name did not resolve: host / target, reason
  kNoRoute,      // No route to host / Network is unreachable: reason or cause
  // A broker JVM's first line (`Registered kafka:type=kafka.Log4jController
  // MBean`, logged within about a second of the JVM's start, in server.log
  // and in the journal's copy of stdout). Context only: it anchors GC logs
  // stamped with uptime only (uptime_anchor.hpp).
  kJvmStart,
  kCount_,
};

std::string_view kind_name(EventKind k);  // "network_exception", ...
std::optional<EventKind> kind_from_name(std::string_view name);
bool is_symptom(EventKind k);
// Broker faults (log_dir_failure, zk_session_expired, quorum_lost,
// jvm_oom_error): causes of the `broker-fault` verdict.
bool is_broker_fault(EventKind k);
// Issue 14's auth / network-path kinds (tls_failure, sasl_failure,
// dns_failure, no_route). A client's line of these kinds is a symptom (the
// client's own error, and a cause named in the same breath); a broker's
// (field side=broker: `Failed authentication with /IP`) is a cause.
bool is_auth_or_path(EventKind k);

struct Event;
// Whether the correlator counts `e` as a client's error: a symptom kind or an
// auth / network-path kind, unless a broker logged it about its own
// connections (field side=broker: a broker's view of a failed handshake, its
// inter-broker and controller clients). Reads one field; no allocation.
bool is_client_symptom(const Event& e);

// A stop-the-world pause shorter than this is never taken as the cause of
// a disconnect (clients time out after seconds, not milliseconds); the
// correlator only counts such pauses.
inline constexpr int64_t kMinCausalPauseNs = 500'000'000;

struct Event {
  int64_t time_ns = 0;       // UTC; for interval events the END (gc_pause: end of pause)
  int64_t duration_ns = -1;  // gc_pause / safepoint; -1 when none
  Precision precision = Precision::kNone;
  EventKind kind = EventKind::kNetworkException;
  bool time_valid = false;  // false when the record had no usable time
  // A record stamped with a JVM uptime only and no known JVM start (GC logs
  // without a time decoration): the uptime (for a pause, of its end) and
  // which JVM run of its input it belongs to (InputSummary::uptime_runs),
  // so that analysis can anchor it later (uptime_anchor.hpp). -1 otherwise.
  int64_t uptime_ns = -1;
  uint32_t uptime_run = 0;
  std::string host;     // resolved host (short name), "" unknown
  int32_t broker = -1;  // broker / node id >= 0, -1 unknown
  std::string client;   // client.id, "" unknown
  // Pattern fields (name -> value), e.g. {"topic","orders"}, {"partition","5"},
  // {"pid","1187"}, {"unit","kafka.service"}, {"signal","KILL"}, {"cause","G1 Evacuation Pause"}.
  std::vector<std::pair<std::string, std::string>> fields;
  // Where it came from.
  uint32_t input_index = 0;
  std::string input;    // label of the input
  uint64_t line = 0;    // first line of the record
  std::string text;     // raw record text (first line, or capped whole record)
  std::string pattern;  // "pack/entry-id" that produced it
  // When the input's last quiet period began (INT64_MIN if unknown): the time
  // of its last record before the longest gap between records that ended at
  // most 15 s before this event. An idle client's error comes right after
  // the application line that triggered the send, and an unclean boot's
  // recovery line after a few seconds of startup lines; this is the silence
  // before those (idle-close evidence; the window in which a broker died).
  int64_t input_prev_ns = INT64_MIN;

  int64_t start_ns() const { return duration_ns > 0 ? time_ns - duration_ns : time_ns; }
  std::string_view field(std::string_view name) const {
    for (const auto& [k, v] : fields)
      if (k == name) return v;
    return {};
  }
  void clear();
};

// What an input is, as extraction worked it out (InputProfile).
enum class InputRole : uint8_t {
  kOther,    // nothing Kafka-related recognised
  kClient,   // a client application's log
  kServer,   // a broker's server.log (or controller.log, kafkaServer.out, ...)
  kJournal,  // a journal / syslog / dmesg: broker-side by nature
  kGc,       // a JVM GC log
};
std::string_view role_name(InputRole r);  // "other", "client", "server", "journal", "gc"
std::optional<InputRole> role_from_name(std::string_view name);
inline bool is_broker_side(InputRole r) {
  return r == InputRole::kServer || r == InputRole::kJournal || r == InputRole::kGc;
}

// "none", "explicit", "abbreviation", "user", "assumed", "inferred" (how an input's
// stamps got their UTC offset; see ZoneSource).
std::string_view zone_source_name(ZoneSource z);
std::optional<ZoneSource> zone_source_from_name(std::string_view name);

// One input of a run: what it is, whose it is, the time it covers. The
// correlator reads coverage from it ("no GC log for that broker at that
// time" differs from "no pause in the GC log"); reports list it.
struct InputSummary {
  std::string input;  // label
  InputRole role = InputRole::kOther;
  std::string host;     // the broker-side host it speaks for, or a client's folder host
  int32_t broker = -1;  // -1 unknown
  // Time span of its timed records; first_ns > last_ns when it has none.
  int64_t first_ns = 0;
  int64_t last_ns = -1;
  Layout layout = Layout::kUnknown;
  Wrapper wrapper = Wrapper::kNone;  // kubectl / CRI / compose / Docker json-file
  std::string zone;                  // the zone its zone-less stamps were read in
  // How its stamps got their offset: kAssumed when some were read in a zone
  // nobody chose, kNone when no record had a time.
  ZoneSource zone_source = ZoneSource::kNone;
  // What zone inference (zone_infer.hpp) found about its zone-less stamps,
  // or uptime anchoring (uptime_anchor.hpp) about its uptime-only stamps, in
  // words for a note: the evidence of an inferred zone or JVM start, or why
  // none was taken and what to give. Empty when it had nothing to say.
  std::string zone_note;
  // Extraction's sketches of its records for zone inference and the path
  // its --tz rule would name (not written to events NDJSON: by then the
  // zone is decided). Shared: summaries are copied.
  std::shared_ptr<const StampSample> zoneless_stamps;
  std::shared_ptr<const StampSample> wrapped_stamps;
  std::string path;
  uint64_t records = 0;
  uint64_t events = 0;
  // Its records stamped with an uptime only and no known JVM start, one
  // entry per JVM run (the uptime fell back: a restart), in read order.
  std::vector<UptimeRun> uptime_runs;
  bool uptime_runs_overflow = false;  // more runs than kMaxUptimeRuns
  bool has_span() const { return first_ns <= last_ns; }
};

}  // namespace logcorr
