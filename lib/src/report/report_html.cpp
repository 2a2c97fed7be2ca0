// `analyze --html FILE`: the page (html/page.html) with its {{slots}} filled
// in: the stylesheet and the script (html/page.css, page.js), their CSP
// hashes, the version, the title and the data. The findings go in as
// render_json() output, the picture data (lanes, density) as
// picture_json(); both inside <script type="application/json">, which the
// browser never runs and never parses as markup: append_json_string escapes
// '<', '>' and '&', so no log line can close the block or open a tag. The
// script (html/page.js) builds every element with textContent.
#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>

#include "logcorr/version.hpp"
#include "report/report_html_internal.hpp"

namespace logcorr::html {

// Generated from html/page.html, page.css and page.js at build time
// (lib/CMakeLists.txt).
namespace asset {
extern const std::string_view kPageHtml;
extern const std::string_view kPageCss;
extern const std::string_view kPageJs;
}  // namespace asset

std::string_view page_template() {
  return asset::kPageHtml;
}

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

}  // namespace logcorr::html

namespace logcorr {

using html::escape_html;

std::string render_html(const AnalysisReport& r, const HtmlOptions& opts) {
  const std::string_view page = html::page_template();
  const std::string_view css = html::style();
  const std::string_view js = html::script();
  std::string report = render_json(r);
  while (!report.empty() && report.back() == '\n') report.pop_back();
  const std::string picture = html::picture_json(r, html::build_picture(r, opts));
  const std::string version = escape_html(logcorr::version());
  const std::string title = escape_html(opts.title);
  // The CSP admits only this page's own style and script, by hash: nothing
  // is fetched, and a script that got in some other way would not run.
  // (frame-ancestors and report-uri are not allowed in a <meta> policy.)
  const std::string css_hash = html::sha256_base64(css);
  const std::string js_hash = html::sha256_base64(js);
  const std::pair<std::string_view, std::string_view> slots[] = {
      {"script_sha256", js_hash},
      {"style_sha256", css_hash},
      {"version", version},
      {"title", title},
      {"style", css},
      {"report_json", report},
      {"picture_json", picture},
      {"script", js},
  };

  std::string out;
  out.reserve(page.size() + report.size() + picture.size() + css.size() + js.size() + 512);
  // One pass over the template: what goes into a slot is never scanned for
  // slots itself. An unknown {{name}} stays as it is (the unit test checks
  // that page.html has none).
  size_t pos = 0;
  for (size_t open; (open = page.find("{{", pos)) != std::string_view::npos;) {
    const size_t close = page.find("}}", open + 2);
    if (close == std::string_view::npos) break;
    out += page.substr(pos, open - pos);
    const std::string_view name = page.substr(open + 2, close - open - 2);
    pos = close + 2;
    const auto* slot = std::find_if(std::begin(slots), std::end(slots),
                                    [&](const auto& s) { return s.first == name; });
    out += slot != std::end(slots) ? slot->second : page.substr(open, pos - open);
  }
  out += page.substr(pos);
  return out;
}

}  // namespace logcorr
