// `analyze --html FILE`: the page template and its assembly. The findings
// go in as render_json() output, the picture data (lanes, density) as
// picture_json(); both inside <script type="application/json">, which the
// browser never runs and never parses as markup: append_json_string escapes
// '<', '>' and '&', so no log line can close the block or open a tag. The
// script (html/page.js) builds every element with textContent.
#include <string>

#include "logcorr/version.hpp"
#include "report/report_html_internal.hpp"

namespace logcorr::html {

// Generated from html/page.css and html/page.js at build time
// (lib/CMakeLists.txt).
namespace asset {
extern const std::string_view kPageCss;
extern const std::string_view kPageJs;
}  // namespace asset

std::string_view style() {
  return asset::kPageCss;
}

std::string_view script() {
  return asset::kPageJs;
}

std::string escape_html(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

namespace {

// The static part of the page; the script fills it in. Element ids are the
// script's (and the browser tests') handles.
constexpr std::string_view kBody = R"HTML(<header>
<h1 id="title"></h1>
<p id="subtitle" class="sub"></p>
<ul id="notes" class="notes"></ul>
</header>
<noscript><p class="noscript">This page draws its timeline with its own inline script, which is
disabled here. The findings are in the JSON block near the end of this file, and
<code>logcorr analyze</code> prints them as text.</p></noscript>
<main>
<section id="summary" aria-labelledby="summary-h">
<h2 id="summary-h">Bursts of client errors</h2>
<table id="bursts">
<thead><tr><th>#</th><th>start</th><th>length</th><th>errors</th><th>clients</th><th>brokers</th>
<th>verdict</th><th>confidence</th><th>top cause</th><th>advice</th></tr></thead>
<tbody></tbody>
</table>
<p id="no-bursts" class="hint" hidden>No bursts of client errors were found.</p>
</section>
<section id="timeline" aria-labelledby="timeline-h">
<h2 id="timeline-h">Timeline</h2>
<div class="controls" id="controls">
<button type="button" id="zoom-in" title="Zoom in (+)" aria-label="Zoom in">+</button>
<button type="button" id="zoom-out" title="Zoom out (-)" aria-label="Zoom out">&minus;</button>
<button type="button" id="pan-left" title="Earlier (left arrow)" aria-label="Earlier">&larr;</button>
<button type="button" id="pan-right" title="Later (right arrow)" aria-label="Later">&rarr;</button>
<button type="button" id="fit-bursts" title="Show the bursts and their causes (0)">Bursts</button>
<button type="button" id="fit-all" title="Show the whole time the logs cover">Whole incident</button>
<label>Time zone <select id="tz"></select></label>
<input id="tz-other" type="text" placeholder="IANA zone, e.g. Europe/Berlin" hidden>
<span id="tz-msg" role="status"></span>
</div>
<div id="legend" class="legend"></div>
<div id="chart" tabindex="0" aria-label="Incident timeline. Wheel or plus and minus zoom, drag or arrow keys pan."></div>
<p class="hint">Wheel or +/&minus; zooms, drag or &larr;/&rarr; pans. Hover or click a burst band or a
cause mark for its evidence lines; hatched: no log covers that time.</p>
</section>
<section id="details" aria-labelledby="details-h">
<h2 id="details-h">Details</h2>
<div id="details-body"><p class="hint">Click a burst, a cause or a row of the table.</p></div>
</section>
<section id="all-evidence" aria-labelledby="all-evidence-h">
<h2 id="all-evidence-h">Evidence by burst <button type="button" id="toggle-evidence">Show</button></h2>
<div id="all-evidence-body" class="collapsed"></div>
</section>
</main>
<div id="tooltip" role="tooltip" hidden></div>
)HTML";

}  // namespace

}  // namespace logcorr::html

namespace logcorr {

using html::escape_html;

std::string render_html(const AnalysisReport& r, const HtmlOptions& opts) {
  const std::string_view css = html::style();
  const std::string_view js = html::script();
  std::string report = render_json(r);
  while (!report.empty() && report.back() == '\n') report.pop_back();
  std::string picture = html::picture_json(r, html::build_picture(r, opts));

  std::string out;
  out.reserve(report.size() + picture.size() + css.size() + js.size() + html::kBody.size() + 2048);
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  // Only this page's own style and script, by hash: nothing is fetched, and
  // a script that got in some other way would not run. (frame-ancestors and
  // report-uri are not allowed in a <meta> policy.)
  out +=
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src "
      "'sha256-";
  out += html::sha256_base64(js);
  out += "'; style-src 'sha256-";
  out += html::sha256_base64(css);
  out += "'; img-src 'none'; base-uri 'none'; form-action 'none'\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<meta name=\"generator\" content=\"logcorr ";
  out += escape_html(version());
  out += "\">\n<title>";
  out += escape_html(opts.title);
  out += "</title>\n<style>";
  out += css;
  out += "</style>\n</head>\n<body>\n";
  out += html::kBody;
  out += "<footer>Generated by logcorr ";
  out += escape_html(version());
  out += ". Self-contained: this file fetches nothing.</footer>\n";
  out += "<script type=\"application/json\" id=\"logcorr-report\">";
  out += report;
  out += "</script>\n<script type=\"application/json\" id=\"logcorr-picture\">";
  out += picture;
  out += "</script>\n<script>";
  out += js;
  out += "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace logcorr
