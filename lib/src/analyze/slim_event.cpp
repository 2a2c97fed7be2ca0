#include "slim_event.hpp"

#include "logcorr/correlate.hpp"

namespace logcorr::detail {

void append_event(std::vector<Event>& out, const Event& e, bool slim) {
  if (!slim || (e.kind != EventKind::kGcPause && e.kind != EventKind::kSafepoint) ||
      e.duration_ns >= kMinCausalPauseNs) {
    out.push_back(e);
    return;
  }
  Event& s = out.emplace_back();
  s.time_ns = e.time_ns;
  s.duration_ns = e.duration_ns;
  s.precision = e.precision;
  s.kind = e.kind;
  s.time_valid = e.time_valid;
  s.host = e.host;
  s.broker = e.broker;
  s.input_index = e.input_index;
  s.input = e.input;
  s.line = e.line;
  s.input_prev_ns = e.input_prev_ns;
  // The correlator tells a pause nested in another (a safepoint inside a GC
  // pause) from one of its own.
  if (e.field("nested") == "true") s.fields.emplace_back("nested", "true");
}

}  // namespace logcorr::detail
