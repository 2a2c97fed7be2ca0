#include "connection_ages.hpp"

#include <algorithm>
#include <cmath>

namespace logcorr::detail {

void ConnectionAges::add(int64_t time_ns, int64_t age_ms, int32_t broker) {
  if (age_ms <= 0) return;
  if (seen_.size() >= kMax) seen_.pop_front();
  seen_.push_back({time_ns, age_ms, broker});
}

ConnectionAges::Cluster ConnectionAges::around(int64_t age_ms, double tolerance, int64_t gap_ns,
                                               int64_t until_ns) const {
  Cluster c;
  if (age_ms <= 0) return c;
  const double lo = static_cast<double>(age_ms) * (1.0 - tolerance);
  const double hi = static_cast<double>(age_ms) * (1.0 + tolerance);
  int64_t last_ns = 0;
  int32_t brokers[8];
  uint32_t nb = 0;
  for (const Seen& s : seen_) {
    if (s.time_ns > until_ns) break;  // in time order
    const auto a = static_cast<double>(s.age_ms);
    if (a < lo || a > hi) continue;
    if (c.count == 0) {
      c.lo_ms = c.hi_ms = s.age_ms;
      c.moments = 1;
    } else {
      c.lo_ms = std::min(c.lo_ms, s.age_ms);
      c.hi_ms = std::max(c.hi_ms, s.age_ms);
      if (std::llabs(s.time_ns - last_ns) > gap_ns) ++c.moments;
    }
    last_ns = s.time_ns;
    ++c.count;
    if (s.broker >= 0 && nb < 8 && std::find(brokers, brokers + nb, s.broker) == brokers + nb)
      brokers[nb++] = s.broker;
  }
  c.brokers = nb;
  return c;
}

}  // namespace logcorr::detail
