// ConnectionAges: the ages clients logged for the connections they lost
// (librdkafka: "Disconnected (after 240003ms in state UP)"), kept for the
// whole run so that a burst can ask whether its ages recur.
//
// A load balancer, NAT or firewall that drops flows idle for T seconds cuts
// every connection that sat idle from its start at the same age T, again and
// again: ages that agree within a few percent, logged at several moments or
// toward several brokers, are that middlebox's signature. A broker restart
// also cuts connections opened together at one age, but once, toward one
// broker, and the broker's own logs explain it first.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>

namespace logcorr::detail {

class ConnectionAges {
 public:
  // Most recent entries kept: an endless stream stays bounded, and a few
  // thousand disconnects that name their age are far more than a middlebox
  // needs to show its period.
  static constexpr size_t kMax = 4096;

  void add(int64_t time_ns, int64_t age_ms, int32_t broker);

  struct Cluster {
    int64_t lo_ms = 0, hi_ms = 0;  // the agreeing ages' range
    uint32_t count = 0;            // disconnects whose ages agree
    uint32_t moments = 0;          // ... at this many moments (gaps > gap_ns apart)
    uint32_t brokers = 0;          // ... toward this many distinct brokers (-1 not counted)
  };
  // The disconnects logged up to `until_ns` whose ages agree with `age_ms`
  // within `tolerance` (0.05: 5 %). A burst asks with its end plus the gap:
  // what live follow knows when it decides, so batch and follow agree.
  // Linear in the entries kept (at most kMax).
  Cluster around(int64_t age_ms, double tolerance, int64_t gap_ns, int64_t until_ns) const;

 private:
  struct Seen {
    int64_t time_ns;
    int64_t age_ms;
    int32_t broker;
  };
  std::deque<Seen> seen_;  // in arrival (event-time) order
};

}  // namespace logcorr::detail
