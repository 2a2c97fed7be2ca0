// `logcorr events` NDJSON as whole-text functions, over the line-level
// writer and EventsParser of events_io.
#include <fmt/format.h>

#include "logcorr/events_io.hpp"
#include "logcorr/version.hpp"

namespace logcorr {

int events_schema_version() {
  return kEventsSchemaVersion;
}

void write_events_ndjson(const std::vector<Event>& events, const std::vector<InputSummary>& inputs,
                         const std::function<void(std::string_view line)>& line) {
  std::string buf;
  size_t next = 0;
  for (const auto& in : inputs) {
    while (next < events.size() && events[next].input == in.input) {
      buf.clear();
      append_event_json(buf, events[next++]);
      line(buf);
    }
    buf.clear();
    append_input_json(buf, in);
    line(buf);
  }
  for (; next < events.size(); ++next) {
    buf.clear();
    append_event_json(buf, events[next]);
    line(buf);
  }
}

std::string events_to_ndjson(const std::vector<Event>& events,
                             const std::vector<InputSummary>& inputs) {
  std::string out;
  out.reserve(events.size() * 256 + inputs.size() * 256);
  for (const Event& e : events) append_event_json(out, e);
  for (const InputSummary& in : inputs) append_input_json(out, in);
  return out;
}

size_t parse_events_ndjson(std::string_view text, std::string_view name, std::vector<Event>& events,
                           std::vector<InputSummary>& inputs, DiagnosticSink& diag) {
  EventsParser parser;
  Event ev;
  InputSummary in;
  size_t rejected = 0;
  uint64_t line_no = 0;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ev = Event{};
    in = InputSummary{};
    Result<EventsParser::LineType> parsed = parser.parse(line, ev, in);
    if (!parsed.ok()) {
      ++rejected;
      Diagnostic d;
      d.severity = Severity::kError;
      d.path = std::string(name);
      d.line = line_no;
      d.message = fmt::format("not a logcorr event: {}", parsed.status().message());
      diag.report(d);
      continue;
    }
    switch (*parsed) {
      case EventsParser::LineType::kEvent:
        events.push_back(std::move(ev));
        break;
      case EventsParser::LineType::kInput:
        inputs.push_back(std::move(in));
        break;
      case EventsParser::LineType::kSkip:
        break;
    }
  }
  return rejected;
}

}  // namespace logcorr
