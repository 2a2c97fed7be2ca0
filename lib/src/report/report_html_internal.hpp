// Parts of the HTML report (report_html*.cpp), declared for each other and
// for the unit tests.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "logcorr/report.hpp"
#include "logcorr/report_html.hpp"

namespace logcorr::html {

// The page, its stylesheet and its script: src/report/html/page.html,
// page.css and page.js as compiled in (byte for byte, by
// cmake/embed_asset.cmake). render_html fills in the page's {{slots}}; the
// hashes of the stylesheet and the script go into its CSP.
std::string_view page_template();
std::string_view style();
std::string_view script();

// base64(SHA-256(data)): the form CSP 'sha256-...' sources take.
std::string sha256_base64(std::string_view data);
// Lowercase hex SHA-256, for test vectors.
std::string sha256_hex(std::string_view data);

// Text for HTML element content and double-quoted attribute values.
std::string escape_html(std::string_view s);

// One horizontal lane of the picture: a broker (its causes, its coverage,
// the client errors naming it) or a client (group) and its errors.
struct Lane {
  enum class Type : uint8_t { kBroker, kClient };
  Type type = Type::kClient;
  std::string label;   // "broker 1", "inventory-api.log", "orders-* (14 inputs)"
  std::string detail;  // host, client ids, or what the group holds
  int32_t broker = -1;
  std::string host;
  std::vector<uint32_t> inputs;   // AnalysisReport::inputs drawn as coverage
  std::vector<uint32_t> clients;  // AnalysisReport::symptom_clients seen
  uint64_t symptoms = 0;
  // Symptom counts per time bin, bins ascending: (bin index, count).
  std::vector<std::pair<int64_t, uint32_t>> density;
};

struct Picture {
  int64_t t0_ms = 0;  // the incident's extent: inputs, symptoms, bursts, causes
  int64_t t1_ms = 0;
  int64_t bin_ms = 1;
  int64_t view0_ms = 0;  // first view: the bursts and their causes
  int64_t view1_ms = 0;
  std::vector<Lane> lanes;  // brokers first (by id), then clients
  // Per burst, per cause: the lane it is drawn on.
  std::vector<std::vector<uint32_t>> cause_lanes;
  // Per burst: the client lanes with symptoms inside it.
  std::vector<std::vector<uint32_t>> burst_lanes;
};

Picture build_picture(const AnalysisReport& r, const HtmlOptions& opts);
std::string picture_json(const AnalysisReport& r, const Picture& p);

}  // namespace logcorr::html
