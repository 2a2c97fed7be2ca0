// The `logcorr events` NDJSON format: the public seam between extraction and
// analysis (extraction can run per shard elsewhere; `analyze` reads the
// concatenated output).
//
// One JSON object per line, each with "v" (schema version) and "type":
//   {"v":1,"type":"event","time":"2026-06-29T14:22:08.455Z","kind":"network_exception",
//    "host":"broker-3","broker":3,"client":"orders-1","fields":{"topic":"orders",...},
//    "input":"clients/orders.log","line":1234,"text":"...","pattern":"kafka-java-client/...",
//    "prev":"2026-06-29T14:12:01.000Z"}
//   interval events add "duration_ms" (exact decimal) and "start" (RFC 3339)
//   {"v":1,"type":"input","input":"broker-3/gc.log","role":"gc","layout":"gc-unified",
//    "host":"broker-3","broker":3,"zone":"UTC","zone_source":"explicit",
//    "first":"...","last":"...","records":123,"events":4}
// Readers ignore unknown fields and unknown types, so the format can grow
// within a version. Concatenating the outputs of several runs is valid input.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "logcorr/diagnostics.hpp"
#include "logcorr/event.hpp"

namespace logcorr {

inline constexpr int kEventsSchemaVersion = 1;

// Appends one NDJSON line (with '\n').
void append_event_json(std::string& out, const Event& e);
void append_input_json(std::string& out, const InputSummary& in);

// Formats a nanosecond duration as exact decimal milliseconds ("38123.456").
std::string format_duration_ms(int64_t ns);

// Reads `logcorr events` NDJSON one line at a time (simdjson; the parser's
// buffers are reused, so a warm parser allocates only for the strings it
// returns). Movable, not copyable.
class EventsParser {
 public:
  EventsParser();
  ~EventsParser();
  EventsParser(EventsParser&&) noexcept;
  EventsParser& operator=(EventsParser&&) noexcept;
  EventsParser(const EventsParser&) = delete;
  EventsParser& operator=(const EventsParser&) = delete;

  enum class LineType { kEvent, kInput, kSkip };
  // Parses one line into `ev` or `in`. kSkip: a blank line or an unknown
  // "type" (forward compatible). Fails with kCorruptInput (bad JSON, a
  // missing or malformed field) or kNewerVersion (a newer schema).
  Result<LineType> parse(std::string_view line, Event& ev, InputSummary& in);

 private:
  struct State;
  std::unique_ptr<State> s_;
};

// Passes `logcorr events` output to `line`, one NDJSON line (with '\n') at
// a time, in the order that command writes: each input's events (as they
// come in `events`), then its summary; events of no listed input last.
void write_events_ndjson(const std::vector<Event>& events, const std::vector<InputSummary>& inputs,
                         const std::function<void(std::string_view line)>& line);

// The whole-text forms. Serialises events and inputs (one object per line).
std::string events_to_ndjson(const std::vector<Event>& events,
                             const std::vector<InputSummary>& inputs = {});
// Parses NDJSON text (`name` is used in diagnostics, with the line number).
// Lines that are not valid events are reported and skipped; unknown types
// are ignored. Returns the number of lines rejected.
size_t parse_events_ndjson(std::string_view text, std::string_view name, std::vector<Event>& events,
                           std::vector<InputSummary>& inputs, DiagnosticSink& diag);

}  // namespace logcorr
