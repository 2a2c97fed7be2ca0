#include "cause_index.hpp"

#include <algorithm>

#include "burst_builder.hpp"

namespace logcorr::detail {

namespace {

// Pauses shorter than this are never a cause on their own: a client's
// request timeout is seconds, not milliseconds. They are still counted.
constexpr int64_t kMinCandidatePause = kMinCausalPauseNs;

}  // namespace

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
  constexpr int64_t kMergeNs = 60'000'000'000;
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

CauseInterval* CauseIndex::open_downtime(const std::string& key) {
  auto it = open_.find(key);
  return it == open_.end() ? nullptr : &it->second;
}

void CauseIndex::add(const Event& e) {
  const size_t cap = opts_.max_evidence;
  std::string host = e.host.empty() ? std::string() : ent_.canonical(e.host);
  int32_t broker = e.broker >= 0 ? e.broker : ent_.broker_for(host);
  std::string key = key_for(host, broker);
  switch (e.kind) {
    case EventKind::kBrokerStop:
    case EventKind::kProcessKilled:
    case EventKind::kOomKill: {
      CauseInterval* iv = open_downtime(key);
      if (!iv) iv = reopen_recent(key, e.time_ns);
      if (!iv) {
        CauseInterval n;
        n.type = CauseInterval::Type::kDowntime;
        n.host = host;
        n.broker = broker;
        n.start_ns = e.time_ns;
        n.decisive = e.kind;
        n.decisive_ns = e.time_ns;
        iv = &open_.emplace(key, std::move(n)).first->second;
      }
      if (iv->host.empty()) iv->host = host;
      if (iv->broker < 0) iv->broker = broker;
      // The most severe thing that happened decides: OOM > signal > clean stop.
      if (e.kind == EventKind::kOomKill) {
        if (!iv->oom) iv->decisive_ns = e.time_ns;
        iv->oom = true;
        iv->decisive = EventKind::kOomKill;
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
      break;
    }
    case EventKind::kUncleanShutdown: {
      // The broker logged nothing when it died; its last record before this
      // boot is the latest it can have been alive.
      CauseInterval* iv = open_downtime(key);
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
        for (auto it = closed_.rbegin(); it != closed_.rend(); ++it) {
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
  return out;
}

void CauseIndex::evict_before(int64_t horizon_ns) {
  while (!closed_.empty() && closed_.front().end_ns < horizon_ns &&
         closed_.front().start_ns < horizon_ns)
    closed_.pop_front();
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
  return false;
}

void CauseIndex::resolve_entities() {
  auto fix = [&](CauseInterval& c) {
    if (c.broker < 0 && !c.host.empty()) c.broker = ent_.broker_for(c.host);
    if (c.host.empty() && c.broker >= 0) c.host = ent_.host_for(c.broker);
  };
  for (auto& c : closed_) fix(c);
  for (auto& [k, c] : open_) fix(c);
}

}  // namespace logcorr::detail
