// journalctl -o json / json-pretty / json-seq / json-sse: one entry object.
//
// Time = _SOURCE_REALTIME_TIMESTAMP when present, else __REALTIME_TIMESTAMP
// (what journalctl itself displays). MESSAGE may be a string, an array of
// byte values (non-UTF-8 payloads), or null; a field logged twice is an array
// of such values and the first is used.
#include "parser_state.hpp"

namespace logcorr {

namespace {

bool parse_u64(std::string_view v, int64_t& out) {
  if (v.empty() || v.size() > 18) return false;
  int64_t x = 0;
  for (char c : v) {
    if (!format_detail::is_digit(c)) return false;
    x = x * 10 + (c - '0');
  }
  out = x;
  return true;
}

// A field value as text: a string, a byte array decoded into `buf`, or the
// first element of a multi-value array.
bool field_text(simdjson::dom::element v, std::string& buf, std::string_view& out) {
  using simdjson::dom::element_type;
  if (v.type() == element_type::STRING) return v.get_string().get(out) == simdjson::SUCCESS;
  if (v.type() != element_type::ARRAY) return false;
  simdjson::dom::array arr;
  simdjson::dom::element first;
  if (v.get_array().get(arr) != simdjson::SUCCESS || arr.at(0).get(first) != simdjson::SUCCESS)
    return false;
  if (first.type() != element_type::INT64 && first.type() != element_type::UINT64)
    return field_text(first, buf, out);
  buf.clear();
  for (simdjson::dom::element b : arr) {
    int64_t x;
    if (b.get_int64().get(x) != simdjson::SUCCESS || x < 0 || x > 255) return false;
    buf.push_back(char(x));
  }
  out = buf;
  return true;
}

}  // namespace

void RecordParser::State::parse_journal_json(std::string_view text, Record& out) {
  // simdjson reads up to SIMDJSON_PADDING bytes past the end: parse a padded
  // copy kept across records (no allocation once it is large enough).
  pad.assign(text);
  pad.resize(text.size() + simdjson::SIMDJSON_PADDING, '\0');
  simdjson::dom::element doc;
  if (json.parse(pad.data(), text.size(), false).get(doc) != simdjson::SUCCESS ||
      doc.type() != simdjson::dom::element_type::OBJECT) {
    diag(Severity::kWarning, "journal JSON entry does not parse; left without time");
    return;
  }
  int64_t realtime = -1, source_rt = -1, mono = -1, source_mono = -1;
  std::string_view unit_field;
  simdjson::dom::object obj;
  if (doc.get_object().get(obj) != simdjson::SUCCESS) return;
  for (auto field : obj) {
    std::string_view k = field.key;
    std::string_view v;
    if (k == "MESSAGE") {
      if (field_text(field.value, scratch, v))
        out.message = v;
      else
        out.message = {};
      continue;
    }
    if (!field_text(field.value, field_buf, v)) continue;
    if (k == "__REALTIME_TIMESTAMP")
      parse_u64(v, realtime);
    else if (k == "_SOURCE_REALTIME_TIMESTAMP")
      parse_u64(v, source_rt);
    else if (k == "__MONOTONIC_TIMESTAMP")
      parse_u64(v, mono);
    else if (k == "_SOURCE_MONOTONIC_TIMESTAMP")
      parse_u64(v, source_mono);
    else if (k == "_HOSTNAME")
      out.meta.host = v;
    else if (k == "SYSLOG_IDENTIFIER")
      out.meta.identifier = v;
    else if (k == "_PID")
      parse_u64(v, out.meta.pid);
    else if (k == "_SYSTEMD_UNIT")
      out.meta.unit = v;
    else if (k == "UNIT")
      unit_field = v;
  }
  // PID 1 writes about a unit; UNIT= names it (init.scope is not interesting).
  if (out.meta.pid == 1 && !unit_field.empty()) out.meta.unit = unit_field;
  int64_t shown = source_rt >= 0 ? source_rt : realtime;
  int64_t ns;
  if (shown >= 0 && format_detail::scale(shown, kNanosPerMicro, ns)) {
    out.time.utc_ns = ns;
    out.time.precision = Precision::kMicro;
    out.time.zone = ZoneSource::kExplicit;
  } else if (shown >= 0) {
    diag(Severity::kWarning, "__REALTIME_TIMESTAMP out of range; record left without time");
  }
  int64_t m = source_mono >= 0 ? source_mono : mono;
  if (m >= 0 && format_detail::scale(m, kNanosPerMicro, ns)) out.time.uptime_ns = ns;
}

}  // namespace logcorr
