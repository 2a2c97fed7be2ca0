#include "logcorr/events_io.hpp"

#include <fmt/format.h>
#include <simdjson.h>

#include <cstring>

#include "logcorr/json_text.hpp"
#include "logcorr/time.hpp"

namespace logcorr {

namespace {

// A time member: RFC 3339 UTC at the precision the source printed.
void time_member(JsonWriter& j, const char* key, int64_t ns, Precision p) {
  char buf[48];
  j.key(key);
  j.str(std::string_view(buf,
                         format_rfc3339(ns, p == Precision::kNone ? Precision::kSecond : p, buf)));
}

// Our own RFC 3339 output: "YYYY-MM-DDTHH:MM:SS[.fffffffff]Z". Exact, so that
// events -> analyze gives the same result as analyze on the logs.
bool parse_our_time(std::string_view s, int64_t& ns, Precision& p) {
  auto num = [&](size_t pos, size_t len, unsigned& out) {
    if (pos + len > s.size()) return false;
    out = 0;
    for (size_t i = pos; i < pos + len; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      out = out * 10 + static_cast<unsigned>(s[i] - '0');
    }
    return true;
  };
  unsigned y, mo, d, h, mi, se;
  if (s.size() < 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':')
    return false;
  if (!num(0, 4, y) || !num(5, 2, mo) || !num(8, 2, d) || !num(11, 2, h) || !num(14, 2, mi) ||
      !num(17, 2, se))
    return false;
  auto secs = civil_to_seconds(y, mo, d, h, mi, se);
  if (!secs) return false;
  size_t i = 19;
  int64_t frac = 0;
  int digits = 0;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9' && digits < 9) {
      frac = frac * 10 + (s[i] - '0');
      ++digits;
      ++i;
    }
  }
  if (i >= s.size() || s[i] != 'Z') return false;
  for (int k = digits; k < 9; ++k) frac *= 10;
  ns = *secs * kNanosPerSecond + frac;
  p = digits == 0   ? Precision::kSecond
      : digits <= 3 ? Precision::kMilli
      : digits <= 6 ? Precision::kMicro
                    : Precision::kNano;
  return true;
}

// "38123.456" -> ns, exactly.
bool parse_decimal_ms(std::string_view s, int64_t& ns) {
  int64_t whole = 0, frac = 0;
  int digits = 0;
  size_t i = 0;
  if (s.empty()) return false;
  for (; i < s.size() && s[i] != '.'; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    whole = whole * 10 + (s[i] - '0');
    if (whole > INT64_MAX / 10'000'000) return false;
  }
  if (i < s.size()) {
    for (++i; i < s.size(); ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      if (digits < 6) {
        frac = frac * 10 + (s[i] - '0');
        ++digits;
      }
    }
  }
  for (int k = digits; k < 6; ++k) frac *= 10;
  ns = whole * kNanosPerMilli + frac;
  return true;
}

}  // namespace

std::string format_duration_ms(int64_t ns) {
  if (ns < 0) return "-1";
  int64_t ms = ns / kNanosPerMilli;
  int64_t rest = ns % kNanosPerMilli;
  if (rest == 0) return fmt::format("{}", ms);
  std::string frac = fmt::format("{:06d}", rest);
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  return fmt::format("{}.{}", ms, frac);
}

void append_event_json(std::string& out, const Event& e) {
  JsonWriter j(out);
  j.open('{');
  j.key("v");
  j.num(kEventsSchemaVersion);
  j.key("type");
  j.str("event");
  if (e.time_valid) {
    time_member(j, "time", e.time_ns, e.precision);
  } else {
    j.key("time");
    j.null();
  }
  j.key("kind");
  j.str(kind_name(e.kind));
  if (e.duration_ns >= 0) {
    j.key("duration_ms");
    j.raw(format_duration_ms(e.duration_ns));
    if (e.time_valid) time_member(j, "start", e.time_ns - e.duration_ns, Precision::kNano);
  }
  if (!e.host.empty()) {
    j.key("host");
    j.str(e.host);
  }
  if (e.broker >= 0) {
    j.key("broker");
    j.num(e.broker);
  }
  if (!e.client.empty()) {
    j.key("client");
    j.str(e.client);
  }
  if (!e.fields.empty()) {
    j.key("fields");
    j.open('{');
    for (const auto& [k, v] : e.fields) {
      j.key(k);
      j.str(v);
    }
    j.close('}');
  }
  j.key("input");
  j.str(e.input);
  j.key("line");
  j.num(e.line);
  j.key("text");
  j.str(e.text);
  if (!e.pattern.empty()) {
    j.key("pattern");
    j.str(e.pattern);
  }
  if (e.input_prev_ns != INT64_MIN) time_member(j, "prev", e.input_prev_ns, Precision::kNano);
  j.close('}');
  out.push_back('\n');
}

void append_input_json(std::string& out, const InputSummary& in) {
  JsonWriter j(out);
  j.open('{');
  j.key("v");
  j.num(kEventsSchemaVersion);
  j.key("type");
  j.str("input");
  j.key("input");
  j.str(in.input);
  j.key("role");
  j.str(role_name(in.role));
  j.key("layout");
  j.str(layout_name(in.layout));
  if (in.wrapper != Wrapper::kNone) {
    j.key("wrapper");
    j.str(wrapper_name(in.wrapper));
  }
  if (!in.host.empty()) {
    j.key("host");
    j.str(in.host);
  }
  if (in.broker >= 0) {
    j.key("broker");
    j.num(in.broker);
  }
  j.key("zone");
  j.str(in.zone);
  j.key("zone_source");
  j.str(zone_source_name(in.zone_source));
  if (!in.zone_note.empty()) {
    j.key("zone_note");
    j.str(in.zone_note);
  }
  if (in.has_span()) {
    time_member(j, "first", in.first_ns, Precision::kNano);
    time_member(j, "last", in.last_ns, Precision::kNano);
  }
  j.key("records");
  j.num(in.records);
  j.key("events");
  j.num(in.events);
  j.close('}');
  out.push_back('\n');
}

struct EventsParser::State {
  simdjson::ondemand::parser parser;
  std::string padded;
};

EventsParser::EventsParser() : s_(std::make_unique<State>()) {}
EventsParser::~EventsParser() = default;
EventsParser::EventsParser(EventsParser&&) noexcept = default;
EventsParser& EventsParser::operator=(EventsParser&&) noexcept = default;

Result<EventsParser::LineType> EventsParser::parse(std::string_view line, Event& ev,
                                                   InputSummary& in) {
  using namespace simdjson;
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
  if (line.empty()) return LineType::kSkip;
  s_->padded.assign(line.data(), line.size());
  s_->padded.append(SIMDJSON_PADDING, '\0');
  auto fail = [](std::string m) { return Status(ErrorCode::kCorruptInput, std::move(m)); };
  ondemand::document doc;
  if (s_->parser.iterate(s_->padded.data(), line.size(), s_->padded.size()).get(doc))
    return fail("not JSON");
  ondemand::object obj;
  if (doc.get_object().get(obj)) return fail("not a JSON object");

  // Read fields in any order; collect into strings first.
  int64_t version = -1;
  std::string type, time, kind, start, host, client, input, text, pattern, prev, role, layout,
      wrapper, zone, zone_source, zone_note, first, last, duration;
  int64_t broker = -1, lineno = 0, records = 0, events = 0;
  std::vector<std::pair<std::string, std::string>> fields;
  for (auto field : obj) {
    std::string_view key;
    if (field.unescaped_key().get(key)) return fail("bad key");
    ondemand::value val;
    if (field.value().get(val)) return fail("bad value");
    auto str = [&](std::string& dst) -> bool {
      // is_null() reports a malformed token (`nul`, `nulll`) as an error, not
      // as false: read it with get(), never as a bool (that would throw).
      bool null = false;
      if (val.is_null().get(null)) return false;
      if (null) return true;
      std::string_view sv;
      if (val.get_string().get(sv)) return false;
      dst.assign(sv);
      return true;
    };
    auto integer = [&](int64_t& dst) -> bool { return !val.get_int64().get(dst); };
    bool ok = true;
    if (key == "v")
      ok = integer(version);
    else if (key == "type")
      ok = str(type);
    else if (key == "time")
      ok = str(time);
    else if (key == "kind")
      ok = str(kind);
    else if (key == "start")
      ok = str(start);
    else if (key == "host")
      ok = str(host);
    else if (key == "client")
      ok = str(client);
    else if (key == "input")
      ok = str(input);
    else if (key == "text")
      ok = str(text);
    else if (key == "pattern")
      ok = str(pattern);
    else if (key == "prev")
      ok = str(prev);
    else if (key == "role")
      ok = str(role);
    else if (key == "layout")
      ok = str(layout);
    else if (key == "wrapper")
      ok = str(wrapper);
    else if (key == "zone")
      ok = str(zone);
    else if (key == "zone_source")
      ok = str(zone_source);
    else if (key == "zone_note")
      ok = str(zone_note);
    else if (key == "first")
      ok = str(first);
    else if (key == "last")
      ok = str(last);
    else if (key == "broker")
      ok = integer(broker);
    else if (key == "line")
      ok = integer(lineno);
    else if (key == "records")
      ok = integer(records);
    else if (key == "events")
      ok = integer(events);
    else if (key == "duration_ms") {
      std::string_view raw = val.raw_json_token();
      while (!raw.empty() && (raw.back() == ' ' || raw.back() == ',')) raw.remove_suffix(1);
      duration.assign(raw);
    } else if (key == "fields") {
      ondemand::object fo;
      if (val.get_object().get(fo)) return fail("\"fields\" is not an object");
      for (auto f : fo) {
        std::string_view k, v;
        if (f.unescaped_key().get(k)) return fail("bad field key");
        if (f.value().get_string().get(v)) return fail("field values must be strings");
        fields.emplace_back(std::string(k), std::string(v));
      }
    }
    if (!ok) return fail(fmt::format("bad value for \"{}\"", key));
  }
  if (version < 0) return fail("no \"v\" (schema version): not logcorr events output");
  if (version > kEventsSchemaVersion)
    return Status(ErrorCode::kNewerVersion,
                  fmt::format("schema version {} is newer than this logcorr understands ({})",
                              version, kEventsSchemaVersion));
  if (type == "event") {
    ev.clear();
    auto k = kind_from_name(kind);
    if (!k) return fail(fmt::format("unknown kind \"{}\"", kind));
    ev.kind = *k;
    if (!time.empty()) {
      if (!parse_our_time(time, ev.time_ns, ev.precision)) return fail("bad \"time\"");
      ev.time_valid = true;
    }
    if (!duration.empty()) {
      if (!parse_decimal_ms(duration, ev.duration_ns)) return fail("bad \"duration_ms\"");
    }
    ev.host = std::move(host);
    ev.broker = static_cast<int32_t>(broker);
    ev.client = std::move(client);
    ev.fields = std::move(fields);
    ev.input = std::move(input);
    ev.line = static_cast<uint64_t>(lineno);
    ev.text = std::move(text);
    ev.pattern = std::move(pattern);
    if (!prev.empty()) {
      Precision p;
      if (!parse_our_time(prev, ev.input_prev_ns, p)) return fail("bad \"prev\"");
    }
    return LineType::kEvent;
  }
  if (type == "input") {
    in = InputSummary{};
    in.input = std::move(input);
    // Values this version does not know (a newer writer's) read as unknown.
    in.role = role_from_name(role).value_or(InputRole::kOther);
    in.host = std::move(host);
    in.broker = static_cast<int32_t>(broker);
    Precision p;
    in.first_ns = 0;
    in.last_ns = -1;
    if (!first.empty() && !parse_our_time(first, in.first_ns, p)) return fail("bad \"first\"");
    if (!last.empty() && !parse_our_time(last, in.last_ns, p)) return fail("bad \"last\"");
    in.layout = layout_from_name(layout).value_or(Layout::kUnknown);
    in.wrapper = wrapper_from_name(wrapper).value_or(Wrapper::kNone);
    in.zone = std::move(zone);
    in.zone_source = zone_source_from_name(zone_source).value_or(ZoneSource::kNone);
    in.zone_note = std::move(zone_note);
    in.records = static_cast<uint64_t>(records);
    in.events = static_cast<uint64_t>(events);
    return LineType::kInput;
  }
  return LineType::kSkip;
}

}  // namespace logcorr
