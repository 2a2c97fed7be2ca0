// CauseIndex: broker-side events turned into cause intervals.
//
// Downtime: a stop (clean stop, signal death, OOM kill) opens an interval for
// its broker, the next start closes it; an unclean boot with no stop on record
// opens and closes one at once, from the broker's last record before the boot
// (the silence in which it died) to the boot. GC pauses and safepoints are
// intervals of their own length. A broker fault (log dir failure, ZooKeeper
// session expiry, KRaft election timeout, OutOfMemoryError) is an interval
// from its first line to its last: the lines one fault logs (ZooKeeper's and
// Kafka's "expired", the same lines in the journal, one LogDirFailureChannel
// line per partition) within a minute of each other are one fault.
#pragma once

#include <deque>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "logcorr/correlate.hpp"

namespace logcorr::detail {

// A GC pause expires the broker's ZooKeeper session when it outlasts the
// session timeout (zookeeper.session.timeout.ms: 6 s before Kafka 2.5, 18 s
// since; at least 2 ticks = 4 s): a pause of at least this long that ended
// at most kZkAfterPauseNs before the expiry was logged (the client learns of
// the expiry when it reconnects, right after the pause) is its root cause.
inline constexpr int64_t kZkPauseMinNs = 2'000'000'000;
inline constexpr int64_t kZkAfterPauseNs = 10'000'000'000;
// Lines of one fault (same kind, same broker) at most this far apart are one
// fault: ZooKeeper's "has expired" and Kafka's "Session expired", their
// copies in the journal, one LogDirFailureChannel line per partition.
inline constexpr int64_t kFaultMergeNs = 60'000'000'000;
// A fault logged this long after a downtime began still caused it (the
// halt after "all log dirs … have failed" and the stop are the same moment).
inline constexpr int64_t kFaultIntoDowntimeNs = 5'000'000'000;

struct CauseInterval {
  // kAuth: a broker's side of failed TLS handshakes or SASL authentications
  // (`Failed authentication with /IP`), merged like a fault's lines.
  enum class Type : uint8_t { kDowntime, kPause, kFault, kAuth } type = Type::kDowntime;
  std::string host;  // canonical short host ("" unknown)
  int32_t broker = -1;
  int64_t start_ns = 0;
  int64_t end_ns = INT64_MAX;  // INT64_MAX: still open (not restarted in view)
  int64_t duration_ns = -1;
  bool clean_stop = false, killed = false, oom = false, unclean_boot = false, restarted = false;
  EventKind decisive = EventKind::kBrokerStop;
  int64_t decisive_ns = 0;
  bool decisive_approx = false;  // decisive_ns was derived from an age
  bool start_exact = true;       // start_ns is an exact time, not age-derived
  // What Kubernetes records said stopped it (kube_rank 0: none of them did).
  // rank = severity * 16 + specificity; severity 3 OOM, 2 crash, 1 clean.
  bool kube = false;
  int kube_rank = 0;
  std::string why_key;  // "oom", "liveness-probe", "drain", "operator-roll", ...
  std::string why;      // "container OOMKilled (exit 137)"
  // A kernel OOM kill whose cgroup named a pod not known yet (follow mode:
  // the kubelet's line naming it may come a moment later).
  std::string pod_uid;
  // kFault: what its lines said (decisive is the fault's kind).
  std::string dir;      // log_dir_failure: the log dir
  std::string reason;   // log_dir_failure: the IOException's message
  std::string what;     // jvm_oom_error: "Java heap space", ...
  std::string thread;   // jvm_oom_error: the thread it was thrown in
  std::string session;  // zk_session_expired: 0x...
  // kAuth: the clients' addresses the broker named (first few), and how
  // many lines it logged.
  std::vector<std::string> client_addrs;
  uint32_t lines = 0;
  std::vector<Evidence> evidence;
};

// What one Kubernetes record says about a container's stop.
struct KubeStop {
  int severity = 0;  // 3 OOM kill, 2 crash, 1 clean stop, 0 unknown
  int specificity = 0;
  std::string key;
  std::string text;
  int rank() const { return severity * 16 + specificity; }
};
// Kubernetes kinds (container_terminated, pod_evicted, pod_killed) only.
KubeStop classify_kube_stop(const Event& e);
bool is_kube_kind(EventKind k);
bool is_approximate(const Event& e);
// A pod UID as the kubelet prints it (the systemd cgroup driver writes
// `_` for `-`), or "".
std::string pod_uid_of(const Event& e);

class CauseIndex {
 public:
  CauseIndex(const CorrelateOptions& opts, EntityMap& entities) : opts_(opts), ent_(entities) {}

  void add(const Event& e);
  // Intervals that may explain a burst starting at `start_ns` (overlapping
  // [start - lookback, start + lookahead]).
  std::vector<const CauseInterval*> candidates(int64_t start_ns, int64_t end_ns) const;
  // Drops intervals that ended before `horizon_ns`.
  void evict_before(int64_t horizon_ns);
  // Broker faults read at decision time, when every host <-> broker pairing
  // is known. The fault before a downtime of the same broker (within the
  // lookback before its start, or a few seconds into it) that caused it, or
  // null; the most telling one when several: a log dir failure, then an
  // OutOfMemoryError, a lost quorum, a ZooKeeper expiry (earliest on a tie).
  const CauseInterval* fault_before(const CauseInterval& downtime) const;
  // The GC pause of the same broker that expired this ZooKeeper session
  // (at least kZkPauseMinNs long, ended at most kZkAfterPauseNs before the
  // expiry was logged), or null: then the pause is the root cause.
  const CauseInterval* pause_behind(const CauseInterval& fault) const;
  bool same_broker(const CauseInterval& a, const CauseInterval& b) const;
  // Any broker-side cause at all on `broker` within [from, to]?
  bool any_for_broker(int32_t broker, int64_t from, int64_t to) const;
  // Short pauses are not kept as intervals; their count and max per broker
  // are (for "GC was fine" remarks).
  struct PauseStats {
    uint64_t count = 0;
    int64_t max_ns = 0;
  };
  const std::map<std::string, PauseStats>& short_pauses() const { return short_pauses_; }
  void resolve_entities();
  // The pod records named for this broker, or "".
  std::string pod_of(int32_t broker) const;
  // Did the cluster's own records (kubelet, kubectl, kernel cgroup) name it?
  bool has_cluster_records(const std::string& pod) const { return cluster_pods_.count(pod) > 0; }

 private:
  void add_stop(const Event& e, const std::string& host, int32_t broker, const std::string& key);
  void add_fault(const Event& e, const std::string& host, int32_t broker, const std::string& key);
  void adopt_uid(const std::string& uid, const std::string& pod);
  std::string key_for(const std::string& host, int32_t broker) const;
  CauseInterval* open_downtime(const std::string& key);
  CauseInterval* reopen_recent(const std::string& key, int64_t t);

  const CorrelateOptions& opts_;
  EntityMap& ent_;
  std::deque<CauseInterval> closed_;
  // Broker faults, kept a lookback longer than the rest: a downtime up to a
  // lookback before a burst reads the fault up to a lookback before it.
  std::deque<CauseInterval> faults_;
  std::map<std::string, CauseInterval> open_;  // per broker key
  std::map<std::string, PauseStats> short_pauses_;
  std::set<std::string> pods_;          // canonical hosts named as pods
  std::set<std::string> cluster_pods_;  // ... by the cluster's records
  // "node pid" -> pod: the kernel's "Killed process N" after its oom-kill
  // line that named the pod's cgroup.
  std::map<std::string, std::string> oom_pid_pod_;
  // A Drain Cleaner annotation: the reason of the pod's next roll.
  std::map<std::string, int64_t> drain_pending_;
};

}  // namespace logcorr::detail
