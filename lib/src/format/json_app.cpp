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

// A time field's value: an RFC 3339 string (or another common stamp), an
// epoch number of seconds (zap's float "ts"), or an integer whose digit
// count says its unit (10 s, 13 ms — pino's "time" —, 16 us, 19 ns). The
// same key may hold a string in one line and a number in the next.
bool RecordParser::State::json_time(simdjson::dom::element v, RecordTime& out) {
  std::string_view t;
  format_detail::Stamp st;
  if (v.get_string().get(t) == simdjson::SUCCESS) {
    if (format_detail::scan_iso(t, 0, st)) return resolve(st, out);
    format_detail::GenericHit hit;
    if (!format_detail::find_generic_stamp(t, false, -1, 0, st, hit) || hit.pos != 0) return false;
    if (hit.shape == format_detail::kGenEpoch) {
      out.utc_ns = hit.epoch_ns;
      out.precision = st.precision;
      out.zone = ZoneSource::kExplicit;
      return true;
    }
    if (hit.shape == format_detail::kGenDmy || hit.shape == format_detail::kGenTimeOnly)
      return false;  // no order or no date to go by inside one object
    return resolve(st, out);
  }
  int64_t n;
  if (v.get_int64().get(n) == simdjson::SUCCESS) {
    if (n <= 0) return false;
    int digits = 0;
    for (int64_t x = n; x > 0; x /= 10) ++digits;
    int64_t unit = digits <= 11   ? kNanosPerSecond
                   : digits <= 14 ? kNanosPerMilli
                   : digits <= 17 ? kNanosPerMicro
                                  : 1;
    int64_t ns;
    if (!format_detail::scale(n, unit, ns)) return false;
    out.utc_ns = ns;
    out.precision = unit == kNanosPerSecond  ? Precision::kSecond
                    : unit == kNanosPerMilli ? Precision::kMilli
                    : unit == kNanosPerMicro ? Precision::kMicro
                                             : Precision::kNano;
    out.zone = ZoneSource::kExplicit;
    return true;
  }
  double d;
  if (v.get_double().get(d) == simdjson::SUCCESS) {
    // Seconds with a fraction; a double holds about a microsecond of it.
    if (!(d > 0 && d < 9.2e9)) return false;
    out.utc_ns = int64_t(d * 1e6 + 0.5) * kNanosPerMicro;
    out.precision = Precision::kMicro;
    out.zone = ZoneSource::kExplicit;
    return true;
  }
  return false;
}

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
        "@timestamp", "@version",    "timestamp",   "time",       "level",          "level_value",
        "logger",     "logger_name", "thread_name", "timeMillis", "instant",        "thread",
        "loggerName", "endOfBatch",  "loggerFqcn",  "threadId",   "threadPriority", "ts",
        "t"};
    if (!extra) {
      extra = true;
      for (std::string_view lk : kLayoutKeys)
        if (k == lk) extra = false;
    }
    if (have) continue;
    if (k == "@timestamp" || k == "timestamp" || k == "time" || k == "ts" || k == "t") {
      have = json_time(v, out.time);
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
