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
  std::vector<Evidence> evidence;
};

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

 private:
  std::string key_for(const std::string& host, int32_t broker) const;
  CauseInterval* open_downtime(const std::string& key);
  CauseInterval* reopen_recent(const std::string& key, int64_t t);

  const CorrelateOptions& opts_;
  EntityMap& ent_;
  std::deque<CauseInterval> closed_;
  std::map<std::string, CauseInterval> open_;  // per broker key
  std::map<std::string, PauseStats> short_pauses_;
};

}  // namespace logcorr::detail
