#include "cause_index.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "burst_builder.hpp"

namespace logcorr::detail {

namespace {

// Pauses shorter than this are never a cause on their own: a client's
// request timeout is seconds, not milliseconds. They are still counted.
constexpr int64_t kMinCandidatePause = kMinCausalPauseNs;

// A stop line arriving this long after a downtime of the same broker closed
// still belongs to it (systemd's "Started" before Kafka's "started", a
// Kubernetes record of the container's end written after the restart).
constexpr int64_t kMergeNs = 60'000'000'000;
// An age-derived time ("3m26s" ago) is this far off at worst: the same stop
// seen with an exact time and with an approximate one is one stop.
constexpr int64_t kApproxSlackNs = 120'000'000'000;
// A Drain Cleaner annotation explains a roll of its pod this long after.
constexpr int64_t kDrainPendingNs = 30LL * 60 * 1'000'000'000;

bool contains(std::string_view hay, std::string_view needle) {
  return hay.find(needle) != std::string_view::npos;
}

std::string exit_suffix(std::string_view reason, std::string_view code) {
  if (!reason.empty() && !code.empty()) return fmt::format(" ({}, exit {})", reason, code);
  if (!code.empty()) return fmt::format(" (exit {})", code);
  if (!reason.empty()) return fmt::format(" ({})", reason);
  return {};
}

}  // namespace

bool is_kube_kind(EventKind k) {
  return k == EventKind::kContainerTerminated || k == EventKind::kPodEvicted ||
         k == EventKind::kPodKilled;
}

bool is_approximate(const Event& e) {
  return e.field("approximate") == "true";
}

std::string pod_uid_of(const Event& e) {
  std::string uid(e.field("pod_uid"));
  std::replace(uid.begin(), uid.end(), '_', '-');
  return uid;
}

KubeStop classify_kube_stop(const Event& e) {
  KubeStop k;
  if (e.kind == EventKind::kContainerTerminated) {
    std::string_view reason = e.field("reason"), code = e.field("exit_code");
    if (reason == "OOMKilled") {
      k = {3, 10, "oom", fmt::format("container OOMKilled (exit {})", code.empty() ? "137" : code)};
    } else if (reason == "CrashLoopBackOff") {
      k = {2, 8, "crashloop", "container in CrashLoopBackOff" + exit_suffix({}, code)};
    } else if (code == "137") {
      k = {2, 7, "exit-137",
           "container killed with SIGKILL" + exit_suffix(reason, code) + " without an OOM kill"};
    } else if (code == "143" || code == "0" || reason == "Completed") {
      k = {1, 3, "completed", "container stopped" + exit_suffix(reason, code)};
    } else if (!code.empty() || reason == "Error" || reason == "ContainerCannotRun" ||
               reason == "StartError") {
      k = {2, 6, "error", "container exited with an error" + exit_suffix(reason, code)};
    } else {
      k = {0, 1, "died", "container ended" + exit_suffix(reason, code)};
    }
    return k;
  }
  std::string_view why = e.field("why");
  if (e.kind == EventKind::kPodEvicted) {
    std::string detail =
        why.empty() || why == "node-pressure" ? std::string("node pressure") : std::string(why);
    while (!detail.empty() && (detail.back() == '.' || detail.back() == ' ')) detail.pop_back();
    return {1, 6, "eviction", fmt::format("evicted by the kubelet ({})", detail)};
  }
  // pod_killed
  std::string_view probe = e.field("probe");
  if (probe == "liveness" || probe == "startup" || contains(why, "liveness") ||
      contains(why, "probe"))
    return {2, 9, "liveness-probe",
            fmt::format("killed by the kubelet after failing its {} probe",
                        probe.empty() ? std::string_view("liveness") : probe)};
  if (contains(why, "CrashLoop") || contains(why, "crashloop") || contains(why, "BackOff"))
    return {2, 8, "crashloop", "container in CrashLoopBackOff"};
  if (why == "drain") return {1, 7, "drain", "stopped for a node drain"};
  if (why == "operator-roll") {
    std::string_view op = e.field("operator"), reasons = e.field("reasons");
    std::string t =
        op == "strimzi" ? "rolled by the Strimzi cluster operator" : "rolled by the operator";
    if (!reasons.empty()) t += fmt::format(" ({})", reasons);
    return {1, 7, "operator-roll", t};
  }
  if (why == "delete" || contains(why, "delete"))
    return {1, 7, "delete", "deleted (kubectl delete pod)"};
  if (contains(why, "evict")) return {1, 6, "eviction", "evicted"};
  if (why.empty() || why == "kubelet-stop") return {1, 2, "kubelet-stop", "stopped by the kubelet"};
  return {1, 4, std::string(why), fmt::format("stopped by Kubernetes ({})", why)};
}

std::string CauseIndex::key_for(const std::string& host, int32_t broker) const {
  int32_t b = broker >= 0 ? broker : ent_.broker_for(host);
  if (b >= 0) {
    // Built in two steps: `"#" + std::to_string(b)` trips GCC 12's -Wrestrict
    // false positive (GCC bug 105329).
    std::string key(1, '#');
    key += std::to_string(b);
    return key;
  }
  return host.empty() ? std::string("?") : ent_.canonical(host);
}

// The same stop is usually logged twice (systemd in the journal, Kafka in
// server.log, and Kafka's stdout again in the journal), and systemd's
// "Started" comes before Kafka's own "started". A stop line that arrives
// within a minute of a downtime of the same broker closing belongs to it:
// reopen that downtime instead of starting a second one.
CauseInterval* CauseIndex::reopen_recent(const std::string& key, int64_t t) {
  for (auto it = closed_.rbegin(); it != closed_.rend(); ++it) {
    if (it->type != CauseInterval::Type::kDowntime) continue;
    if (key_for(it->host, it->broker) != key) continue;
    if (it->end_ns == INT64_MAX || t - it->end_ns > kMergeNs || t < it->start_ns) return nullptr;
    CauseInterval iv = std::move(*it);
    closed_.erase(std::next(it).base());
    iv.end_ns = INT64_MAX;
    iv.restarted = false;
    return &open_.emplace(key, std::move(iv)).first->second;
  }
  return nullptr;
}

void CauseIndex::add_stop(const Event& e, const std::string& host, int32_t broker,
                          const std::string& key) {
  const size_t cap = opts_.max_evidence;
  const bool approx = is_approximate(e);
  const bool kube = is_kube_kind(e.kind);
  KubeStop ks;
  if (kube) {
    ks = classify_kube_stop(e);
    if (e.field("effect") == "annotated") {
      // The Drain Cleaner only marks the pod; the operator stops it later.
      drain_pending_[key] = e.time_ns;
      return;
    }
    auto d = drain_pending_.find(key);
    if (d != drain_pending_.end()) {
      if (e.time_ns - d->second <= kDrainPendingNs && ks.severity == 1) {
        ks.key = "drain";
        ks.specificity = 8;
        ks.text += ks.text.find("rolled by") == 0 ? " for a node drain (Strimzi Drain Cleaner)"
                                                  : ", for a node drain (Strimzi Drain Cleaner)";
      }
      if (e.time_ns - d->second > kDrainPendingNs || ks.key == "drain") drain_pending_.erase(d);
    }
  }
  CauseInterval* iv = open_downtime(key);
  bool attach_closed = false;
  if (!iv && approx) {
    // An age-derived record of a stop already closed: evidence for it, but
    // it must not reopen (or stretch) the exact downtime.
    for (auto it = closed_.rbegin(); it != closed_.rend(); ++it) {
      if (it->type != CauseInterval::Type::kDowntime) continue;
      if (key_for(it->host, it->broker) != key) continue;
      if (it->end_ns != INT64_MAX && e.time_ns <= it->end_ns + kApproxSlackNs &&
          e.time_ns + kApproxSlackNs >= it->start_ns) {
        iv = &*it;
        attach_closed = true;
      }
      break;
    }
  }
  if (!iv) iv = reopen_recent(key, e.time_ns);
  if (!iv) {
    CauseInterval n;
    n.type = CauseInterval::Type::kDowntime;
    n.host = host;
    n.broker = broker;
    n.start_ns = e.time_ns;
    n.start_exact = !approx;
    n.decisive = e.kind;
    n.decisive_ns = e.time_ns;
    n.decisive_approx = approx;
    iv = &open_.emplace(key, std::move(n)).first->second;
  } else if (!approx && !iv->start_exact && !attach_closed) {
    // The first exact record of this stop says when it began.
    iv->start_ns = e.time_ns;
    iv->start_exact = true;
    if (iv->decisive_approx) {
      iv->decisive_ns = e.time_ns;
      iv->decisive_approx = false;
    }
  }
  if (iv->host.empty()) iv->host = host;
  if (iv->broker < 0) iv->broker = broker;
  auto set_decisive = [&](EventKind k) {
    iv->decisive = k;
    iv->decisive_ns = e.time_ns;
    iv->decisive_approx = approx;
  };
  // The most severe thing that happened decides: OOM > signal > clean stop.
  if (kube) {
    iv->kube = true;
    // SIGKILL after a stop that was asked for: the grace period ran out.
    if (ks.key == "exit-137" && iv->kube_rank >= 16 && iv->kube_rank < 2 * 16) {
      ks.key = "grace-period";
      ks.text = iv->why +
                ", then killed with SIGKILL (exit 137): it did not stop within "
                "terminationGracePeriodSeconds";
      ks.specificity = 10;
    }
    const bool more = ks.rank() > iv->kube_rank;
    if (more) {
      iv->kube_rank = ks.rank();
      iv->why_key = ks.key;
      iv->why = ks.text;
    }
    if (ks.severity == 3) {
      if (!iv->oom || (iv->decisive_approx && !approx)) set_decisive(e.kind);
      iv->oom = true;
    } else if (ks.severity == 2) {
      if (!iv->oom && (!iv->killed || more || (iv->decisive_approx && !approx)))
        set_decisive(e.kind);
      iv->killed = true;
    } else if (ks.severity == 1) {
      if (!iv->oom && !iv->killed && more) set_decisive(e.kind);
      iv->clean_stop = true;
    }
  } else if (e.kind == EventKind::kOomKill) {
    if (!iv->oom) set_decisive(EventKind::kOomKill);
    iv->oom = true;
  } else if (e.kind == EventKind::kProcessKilled) {
    // systemd's "Main process exited, code=killed, status=15/TERM" during a
    // stop it asked for is a clean stop, not a crash.
    auto sig = e.field("signal");
    bool term = sig == "TERM" || sig == "15" || sig == "SIGTERM" || sig == "15/TERM";
    if (!(term && iv->clean_stop)) {
      if (!iv->oom) {
        if (!iv->killed) iv->decisive_ns = e.time_ns;
        iv->decisive = EventKind::kProcessKilled;
      }
      iv->killed = true;
    }
  } else {
    iv->clean_stop = true;
  }
  push_evidence(iv->evidence, e, cap);
}

void CauseIndex::add_fault(const Event& e, const std::string& host, int32_t broker,
                           const std::string& key) {
  const size_t cap = opts_.max_evidence;
  CauseInterval* iv = nullptr;
  for (auto it = faults_.rbegin(); it != faults_.rend(); ++it) {
    if (e.time_ns - it->end_ns > kFaultMergeNs) break;
    if (it->decisive == e.kind && key_for(it->host, it->broker) == key) {
      iv = &*it;
      break;
    }
  }
  if (!iv) {
    CauseInterval n;
    n.type = e.kind == EventKind::kTlsFailure || e.kind == EventKind::kSaslFailure
                 ? CauseInterval::Type::kAuth
                 : CauseInterval::Type::kFault;
    n.host = host;
    n.broker = broker;
    n.start_ns = e.time_ns;
    n.end_ns = e.time_ns;
    n.decisive = e.kind;
    n.decisive_ns = e.time_ns;
    faults_.push_back(std::move(n));
    iv = &faults_.back();
  }
  iv->start_ns = std::min(iv->start_ns, e.time_ns);
  iv->end_ns = std::max(iv->end_ns, e.time_ns);
  if (iv->host.empty()) iv->host = host;
  if (iv->broker < 0) iv->broker = broker;
  auto fill = [&](std::string& dst, std::string_view field) {
    if (dst.empty()) dst = std::string(e.field(field));
  };
  fill(iv->dir, "dir");
  fill(iv->reason, "reason");
  fill(iv->what, "what");
  fill(iv->thread, "thread");
  fill(iv->session, "session");
  ++iv->lines;
  if (auto addr = e.field("client_addr");
      !addr.empty() && iv->client_addrs.size() < 4 &&
      std::find(iv->client_addrs.begin(), iv->client_addrs.end(), addr) == iv->client_addrs.end())
    iv->client_addrs.emplace_back(addr);
  push_evidence(iv->evidence, e, cap);
}

bool CauseIndex::same_broker(const CauseInterval& a, const CauseInterval& b) const {
  const int32_t ba = a.broker >= 0 ? a.broker : ent_.broker_for(a.host);
  const int32_t bb = b.broker >= 0 ? b.broker : ent_.broker_for(b.host);
  if (ba >= 0 && bb >= 0) return ba == bb;
  if (a.host.empty() || b.host.empty()) return false;
  return ent_.canonical(a.host) == ent_.canonical(b.host);
}

const CauseInterval* CauseIndex::pause_behind(const CauseInterval& f) const {
  if (f.type != CauseInterval::Type::kFault || f.decisive != EventKind::kZkSessionExpired)
    return nullptr;
  for (const auto& c : closed_) {
    if (c.type != CauseInterval::Type::kPause || c.duration_ns < kZkPauseMinNs) continue;
    if (c.end_ns > f.start_ns + 1'000'000'000 || f.start_ns - c.end_ns > kZkAfterPauseNs) continue;
    if (same_broker(c, f)) return &c;
  }
  return nullptr;
}

const CauseInterval* CauseIndex::fault_before(const CauseInterval& dt) const {
  if (dt.type != CauseInterval::Type::kDowntime) return nullptr;
  auto rank = [](EventKind k) {
    switch (k) {
      case EventKind::kLogDirFailure:
        return 3;
      case EventKind::kJvmOomError:
        return 2;
      case EventKind::kQuorumLost:
        return 1;
      default:
        return 0;
    }
  };
  const CauseInterval* best = nullptr;
  for (const auto& f : faults_) {
    if (f.type != CauseInterval::Type::kFault) continue;
    if (f.start_ns < dt.start_ns - opts_.lookback_ns) continue;
    if (f.start_ns > dt.start_ns + kFaultIntoDowntimeNs) break;
    if (!same_broker(f, dt) || pause_behind(f)) continue;
    if (!best || rank(f.decisive) > rank(best->decisive)) best = &f;
  }
  return best;
}

// The pod of a UID became known: a downtime opened on the node for a kernel
// OOM kill in that pod's cgroup is the pod's.
void CauseIndex::adopt_uid(const std::string& uid, const std::string& pod) {
  const int32_t broker = ent_.broker_for(pod);
  const std::string to = key_for(pod, broker);
  for (auto it = open_.begin(); it != open_.end(); ++it) {
    if (it->second.pod_uid != uid || it->first == to) continue;
    CauseInterval iv = std::move(it->second);
    open_.erase(it);
    iv.host = pod;
    iv.broker = broker;
    iv.pod_uid.clear();
    auto dst = open_.find(to);
    if (dst == open_.end()) {
      open_.emplace(to, std::move(iv));
      return;
    }
    CauseInterval& d = dst->second;
    if (iv.start_ns < d.start_ns) d.start_ns = iv.start_ns;
    if (iv.oom && !d.oom) {
      d.decisive = iv.decisive;
      d.decisive_ns = iv.decisive_ns;
      d.decisive_approx = iv.decisive_approx;
    }
    d.oom |= iv.oom;
    d.killed |= iv.killed;
    d.clean_stop |= iv.clean_stop;
    for (auto& ev : iv.evidence)
      if (d.evidence.size() < opts_.max_evidence) d.evidence.push_back(std::move(ev));
    return;
  }
}

std::string CauseIndex::pod_of(int32_t broker) const {
  if (broker < 0) return {};
  for (const auto& p : pods_)
    if (ent_.broker_for(p) == broker) return p;
  return {};
}

CauseInterval* CauseIndex::open_downtime(const std::string& key) {
  auto it = open_.find(key);
  return it == open_.end() ? nullptr : &it->second;
}

void CauseIndex::add(const Event& e) {
  const size_t cap = opts_.max_evidence;
  std::string host = e.host.empty() ? std::string() : ent_.canonical(e.host);
  // Kubernetes: a record that names the pod by UID only (a kernel OOM
  // report's cgroup, the kubelet's PLEG) is about the pod other records
  // named with that UID.
  const std::string uid = pod_uid_of(e);
  const bool named_pod = !e.field("pod").empty();
  bool uid_pod = false;  // the UID named a pod we know
  if (!uid.empty()) {
    if (named_pod && !host.empty()) {
      const bool fresh = ent_.canonical(uid) != host;
      ent_.learn_alias(uid, host);
      if (fresh) adopt_uid(uid, host);
    } else {
      std::string pod = ent_.canonical(uid);
      uid_pod = pod != normalize_host(uid);
      if (uid_pod) host = pod;
    }
  }
  // A Kubernetes record of a pod nobody named (a PLEG line about a UID no
  // other line mentions) is about no host we could tell: not the node.
  if (is_kube_kind(e.kind) && !named_pod && !uid_pod) return;
  if (e.kind == EventKind::kOomKill && !e.field("pid").empty()) {
    // The node's kernel log: the same input names the same pid twice.
    std::string node_pid = e.input + ' ' + std::string(e.field("pid"));
    if (uid_pod || (!uid.empty() && ent_.canonical(uid) == host && host != normalize_host(uid))) {
      // Bounded for endless streams: the lines of one kill come together.
      if (oom_pid_pod_.size() >= 4096) oom_pid_pod_.clear();
      oom_pid_pod_[node_pid] = host;  // named by its cgroup
    } else if (auto it = oom_pid_pod_.find(node_pid); it != oom_pid_pod_.end())
      host = it->second;
  }
  if ((named_pod || is_kube_kind(e.kind) || uid_pod) && !host.empty()) {
    // Pod names change with every Deployment rollout: bound the memory of
    // them on an endless stream (only coverage notes read it).
    if (pods_.size() >= 65536) {
      pods_.clear();
      cluster_pods_.clear();
    }
    pods_.insert(host);
    if (is_kube_kind(e.kind) || !uid.empty()) cluster_pods_.insert(host);
    // Follow mode has no resolution pass before the correlator: the
    // StatefulSet ordinal is the last resort here too (batch has already
    // tried it, with a note).
    if (e.broker < 0 && ent_.broker_for(host) < 0) ent_.guess_from_pod_name(host);
  }
  int32_t broker = e.broker >= 0 ? e.broker : ent_.broker_for(host);
  // A Deployment's pod (`orders-api-7d9f8-xk2l5`) is an application's, not a
  // broker's, unless something said otherwise.
  if (broker < 0 && (is_kube_kind(e.kind) || uid_pod) && looks_like_replicaset_pod(host)) return;
  std::string key = key_for(host, broker);
  switch (e.kind) {
    case EventKind::kBrokerStop:
    case EventKind::kProcessKilled:
    case EventKind::kOomKill:
    case EventKind::kContainerTerminated:
    case EventKind::kPodEvicted:
    case EventKind::kPodKilled:
      add_stop(e, host, broker, key);
      if (e.kind == EventKind::kOomKill && !uid.empty() && !uid_pod) {
        auto it = open_.find(key);
        if (it != open_.end()) it->second.pod_uid = uid;
      }
      break;
    case EventKind::kUncleanShutdown: {
      // The broker logged nothing when it died; its last record before this
      // boot is the latest it can have been alive.
      CauseInterval* iv = open_downtime(key);
      // A container (or unit) start closed the stop a moment ago, and this is
      // the broker recovering its logs in that new process: the same downtime
      // goes on until the broker itself says it started.
      if (!iv) iv = reopen_recent(key, e.time_ns);
      if (iv) {
        iv->unclean_boot = true;
        if (!iv->oom && !iv->killed) iv->decisive = EventKind::kUncleanShutdown;
        push_evidence(iv->evidence, e, cap);
        break;
      }
      CauseInterval n;
      n.type = CauseInterval::Type::kDowntime;
      n.host = host;
      n.broker = broker;
      n.start_ns = e.input_prev_ns != INT64_MIN ? e.input_prev_ns : e.time_ns;
      n.unclean_boot = true;
      n.decisive = EventKind::kUncleanShutdown;
      n.decisive_ns = e.time_ns;
      push_evidence(n.evidence, e, cap);
      open_.emplace(key, std::move(n));
      break;
    }
    case EventKind::kBrokerStart: {
      CauseInterval* iv = open_downtime(key);
      if (!iv) {
        // A second start line of a restart already closed (Kafka's own
        // "started" after systemd's "Started"): the broker serves only now.
        // An age-derived start never moves an exact one.
        for (auto it = closed_.rbegin(); it != closed_.rend() && !is_approximate(e); ++it) {
          if (it->type != CauseInterval::Type::kDowntime || !it->restarted) continue;
          if (key_for(it->host, it->broker) != key) continue;
          if (e.time_ns >= it->end_ns && e.time_ns - it->end_ns <= 60'000'000'000) {
            it->end_ns = e.time_ns;
            it->duration_ns = e.time_ns - it->start_ns;
            push_evidence(it->evidence, e, cap);
          }
          break;
        }
        break;  // a start with no stop in view: nothing to explain
      }
      iv->end_ns = e.time_ns;
      iv->duration_ns = e.time_ns - iv->start_ns;
      iv->restarted = true;
      push_evidence(iv->evidence, e, cap);
      closed_.push_back(std::move(*iv));
      open_.erase(key);
      break;
    }
    case EventKind::kLogDirFailure:
    case EventKind::kZkSessionExpired:
    case EventKind::kQuorumLost:
    case EventKind::kJvmOomError:
    case EventKind::kTlsFailure:  // a broker's side of a failed handshake
    case EventKind::kSaslFailure:
      add_fault(e, host, broker, key);
      break;
    case EventKind::kGcPause:
    case EventKind::kSafepoint: {
      if (e.field("nested") == "true") break;  // contained in an outer pause
      int64_t d = e.duration_ns;
      if (d < kMinCandidatePause) {
        auto& st = short_pauses_[key];
        ++st.count;
        st.max_ns = std::max(st.max_ns, d);
        break;
      }
      CauseInterval n;
      n.type = CauseInterval::Type::kPause;
      n.host = host;
      n.broker = broker;
      n.start_ns = e.time_ns - d;
      n.end_ns = e.time_ns;
      n.duration_ns = d;
      n.decisive = e.kind;
      n.decisive_ns = e.time_ns;
      push_evidence(n.evidence, e, cap);
      closed_.push_back(std::move(n));
      break;
    }
    default:
      break;
  }
}

std::vector<const CauseInterval*> CauseIndex::candidates(int64_t start_ns, int64_t end_ns) const {
  (void)end_ns;
  std::vector<const CauseInterval*> out;
  int64_t lo = start_ns - opts_.lookback_ns;
  int64_t hi = start_ns + opts_.lookahead_ns;
  auto consider = [&](const CauseInterval& c) {
    if (c.start_ns <= hi && c.end_ns >= lo) out.push_back(&c);
  };
  for (const auto& c : closed_) consider(c);
  for (const auto& [k, c] : open_) consider(c);
  for (const auto& c : faults_) consider(c);
  return out;
}

void CauseIndex::evict_before(int64_t horizon_ns) {
  while (!closed_.empty() && closed_.front().end_ns < horizon_ns &&
         closed_.front().start_ns < horizon_ns)
    closed_.pop_front();
  const int64_t fault_horizon = horizon_ns - opts_.lookback_ns;
  while (!faults_.empty() && faults_.front().end_ns < fault_horizon) faults_.pop_front();
}

bool CauseIndex::any_for_broker(int32_t broker, int64_t from, int64_t to) const {
  auto hit = [&](const CauseInterval& c) {
    int32_t b = c.broker >= 0 ? c.broker : ent_.broker_for(c.host);
    return b == broker && c.start_ns <= to && c.end_ns >= from;
  };
  for (const auto& c : closed_)
    if (hit(c)) return true;
  for (const auto& [k, c] : open_)
    if (hit(c)) return true;
  for (const auto& c : faults_)
    if (hit(c)) return true;
  return false;
}

void CauseIndex::resolve_entities() {
  auto fix = [&](CauseInterval& c) {
    if (c.broker < 0 && !c.host.empty()) c.broker = ent_.broker_for(c.host);
    if (c.host.empty() && c.broker >= 0) c.host = ent_.host_for(c.broker);
  };
  for (auto& c : closed_) fix(c);
  for (auto& [k, c] : open_) fix(c);
  for (auto& c : faults_) fix(c);
}

}  // namespace logcorr::detail
