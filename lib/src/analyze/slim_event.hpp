// Short GC pauses and safepoints, kept slim.
//
// A day of GC logs holds hundreds of thousands of pauses under half a second.
// The correlator only counts them (they cannot explain a disconnect; see
// kMinCausalPauseNs), so a sink that only feeds the correlator keeps them
// without their text, fields and pattern name: about a third of the memory of
// a full event. `logcorr events` and Analyzer::keep_events() need them whole.
#pragma once

#include <vector>

#include "logcorr/event.hpp"

namespace logcorr::detail {

// Appends `e` to `out`: whole, or slim when `slim` and `e` is a short pause.
void append_event(std::vector<Event>& out, const Event& e, bool slim);

}  // namespace logcorr::detail
