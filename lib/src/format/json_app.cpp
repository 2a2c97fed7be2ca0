// JSON application layouts: logstash-logback "@timestamp", log4j2 JsonLayout
// "timeMillis" or "instant":{"epochSecond","nanoOfSecond"}, and "timestamp"
// (ISO string or epoch millis). The message is the "message" field, followed
// by the exception when the layout puts it in a field of its own (logstash
// "stack_trace", ECS "error.stack_trace", log4j2 "thrown"): in a plain layout
// the exception is the record's continuation lines, and patterns such as
// "TimeoutException: Expiring N record(s)" must see it in JSON logs too.
// When the object has fields beyond the usual layout ones (kafkajs's
// "broker" and "clientId", sarama's "error", zap's "addr"), the line itself
// follows on a line of its own, so patterns can read those fields.
#include "parser_state.hpp"

namespace logcorr {

namespace {

Precision precision_of_nanos(int64_t nanos) {
  if (nanos % kNanosPerMilli == 0) return Precision::kMilli;
  if (nanos % kNanosPerMicro == 0) return Precision::kMicro;
  return Precision::kNano;
}

}  // namespace

bool RecordParser::State::parse_json_app(std::string_view body, Record& out) {
  while (!body.empty() && (body.back() == '\r' || body.back() == ' ')) body.remove_suffix(1);
  pad.assign(body);
  pad.resize(body.size() + simdjson::SIMDJSON_PADDING, '\0');
  simdjson::dom::element doc;
  if (json.parse(pad.data(), body.size(), false).get(doc) != simdjson::SUCCESS ||
      doc.type() != simdjson::dom::element_type::OBJECT) {
    diag(Severity::kWarning, "JSON record does not parse; left without time");
    return false;
  }
  bool have = false, extra = false;
  std::string_view stack;
  simdjson::dom::object obj;
  if (doc.get_object().get(obj) != simdjson::SUCCESS) return false;
  for (auto field : obj) {
    std::string_view k = field.key;
    simdjson::dom::element v = field.value;
    if (k == "message" || k == "msg") {
      std::string_view m;
      if (v.get_string().get(m) == simdjson::SUCCESS) out.message = m;
      continue;
    }
    if (k == "stack_trace" || k == "error.stack_trace" || k == "exception") {
      if (v.get_string().get(stack) != simdjson::SUCCESS) stack = {};
      continue;
    }
    if (k == "thrown" || k == "error") {
      // log4j2 {"thrown":{"name":..,"message":..}}, ECS {"error":{"stack_trace":..}},
      // zap/logrus {"error":"dial tcp …"} (the error text itself).
      std::string_view s;
      if (v.get_string().get(s) == simdjson::SUCCESS) {
        stack = s;
        continue;
      }
      if (v["extendedStackTrace"].get_string().get(s) == simdjson::SUCCESS ||
          v["stack_trace"].get_string().get(s) == simdjson::SUCCESS) {
        stack = s;
      } else if (v["name"].get_string().get(s) == simdjson::SUCCESS) {
        std::string_view m;
        field_buf.assign(s);
        if (v["message"].get_string().get(m) == simdjson::SUCCESS) field_buf.append(": ").append(m);
        stack = field_buf;
      }
      continue;
    }
    static constexpr std::string_view kLayoutKeys[] = {
        "@timestamp", "@version",    "timestamp",   "time",       "level",         "level_value",
        "logger",     "logger_name", "thread_name", "timeMillis", "instant",       "thread",
        "loggerName", "endOfBatch",  "loggerFqcn",  "threadId",   "threadPriority"};
    if (!extra) {
      extra = true;
      for (std::string_view lk : kLayoutKeys)
        if (k == lk) extra = false;
    }
    if (have) continue;
    if (k == "@timestamp" || k == "timestamp" || k == "time") {
      std::string_view t;
      if (v.get_string().get(t) == simdjson::SUCCESS) {
        format_detail::Stamp st;
        if (format_detail::scan_iso(t, 0, st) && resolve(st, out.time)) have = true;
        continue;
      }
      int64_t ms, ns;
      if (v.get_int64().get(ms) == simdjson::SUCCESS &&
          format_detail::scale(ms, kNanosPerMilli, ns)) {
        out.time.utc_ns = ns;
        out.time.precision = Precision::kMilli;
        out.time.zone = ZoneSource::kExplicit;
        have = true;
      }
    } else if (k == "timeMillis") {
      int64_t ms, ns;
      if (v.get_int64().get(ms) == simdjson::SUCCESS &&
          format_detail::scale(ms, kNanosPerMilli, ns)) {
        out.time.utc_ns = ns;
        out.time.precision = Precision::kMilli;
        out.time.zone = ZoneSource::kExplicit;
        have = true;
      }
    } else if (k == "instant") {
      int64_t sec, nanos = 0, ns;
      if (v["epochSecond"].get_int64().get(sec) == simdjson::SUCCESS &&
          format_detail::scale(sec, kNanosPerSecond, ns) && ns <= INT64_MAX - kNanosPerSecond) {
        if (v["nanoOfSecond"].get_int64().get(nanos) != simdjson::SUCCESS || nanos < 0 ||
            nanos >= kNanosPerSecond)
          nanos = 0;
        out.time.utc_ns = ns + nanos;
        out.time.precision = precision_of_nanos(nanos);
        out.time.zone = ZoneSource::kExplicit;
        have = true;
      }
    }
  }
  if (!stack.empty() || extra) {
    // The decoded strings live in the parser's document; join them in the
    // reused scratch buffer (no allocation once it has grown).
    scratch.assign(out.message);
    if (!stack.empty()) {
      if (!scratch.empty()) scratch.push_back('\n');
      scratch.append(stack);
    }
    if (extra) {
      if (!scratch.empty()) scratch.push_back('\n');
      scratch.append(body);
    }
    out.message = scratch;
  }
  return true;
}

}  // namespace logcorr
