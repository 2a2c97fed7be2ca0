// CauseIndex: broker-side events turned into cause intervals.
//
// Downtime: a stop (clean stop, signal death, OOM kill) opens an interval for
// its broker, the next start closes it; an unclean boot with no stop on record
// opens and closes one at once, from the broker's last record before the boot
// (the silence in which it died) to the boot. GC pauses and safepoints are
// intervals of their own length.
#pragma once

#include <deque>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "logcorr/correlate.hpp"

namespace logcorr::detail {

struct CauseInterval {
  enum class Type : uint8_t { kDowntime, kPause } type = Type::kDowntime;
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
  void adopt_uid(const std::string& uid, const std::string& pod);
  std::string key_for(const std::string& host, int32_t broker) const;
  CauseInterval* open_downtime(const std::string& key);
  CauseInterval* reopen_recent(const std::string& key, int64_t t);

  const CorrelateOptions& opts_;
  EntityMap& ent_;
  std::deque<CauseInterval> closed_;
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
