#include <climits>

#include "logcorr/extract.hpp"

namespace logcorr {

bool EventWindow::contains(const Event& e) const {
  if (everything()) return true;
  // An uptime the analysis may still anchor (uptime_anchor.hpp) is kept
  // until it has a time.
  if (!e.time_valid) return e.uptime_ns >= 0;
  if (is_client_symptom(e)) return e.time_ns >= since_ns && e.time_ns < until_ns;
  // Causes may sit in the margins around the window.
  int64_t lo = since_ns == INT64_MIN ? INT64_MIN : since_ns - cause_margin_before_ns;
  int64_t hi = until_ns == INT64_MAX ? INT64_MAX : until_ns + cause_margin_after_ns;
  return e.time_ns >= lo && e.time_ns < hi;
}

}  // namespace logcorr
