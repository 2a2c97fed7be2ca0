// HTML report: the incident timeline as one self-contained page
// (`logcorr analyze --html FILE`).
//
// The page holds everything it needs inline (CSS, JS, the data, SVG drawn by
// the script), fetches nothing, and carries a Content-Security-Policy that
// allows only its own style and script (by SHA-256 hash), so it can be
// attached to a ticket and opened offline. Log text never becomes markup: the
// findings are embedded as JSON (with '<', '>' and '&' escaped) in
// <script type="application/json"> blocks and the script builds the page with
// textContent only.
#pragma once

#include <cstddef>
#include <string>

#include "logcorr/report.hpp"

namespace logcorr {

struct HtmlOptions {
  std::string title = "logcorr incident report";
  // More client inputs than this are grouped (by name without a trailing
  // number, then the least noisy into one "other clients" lane).
  size_t max_client_lanes = 12;
  // Symptom density is stored in at most this many time bins over the whole
  // incident: it bounds the file size whatever the number of symptoms.
  size_t max_density_bins = 20000;
};

// The whole page. The embedded findings (<script id="logcorr-report">) are
// exactly render_json(r).
std::string render_html(const AnalysisReport& r, const HtmlOptions& opts = {});

}  // namespace logcorr
