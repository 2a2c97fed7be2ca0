// Fuzzes the `logcorr events` NDJSON reader (a public input format).
#include <cstdint>
#include <string>

#include "logcorr/events_io.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  logcorr::EventsParser p;
  logcorr::Event ev;
  logcorr::InputSummary in;
  std::string_view all(reinterpret_cast<const char*>(data), size);
  size_t start = 0;
  while (start <= all.size()) {
    size_t nl = all.find('\n', start);
    if (nl == std::string_view::npos) nl = all.size();
    auto parsed = p.parse(all.substr(start, nl - start), ev, in);
    if (parsed.ok() && *parsed == logcorr::EventsParser::LineType::kEvent) {
      // A parsed event must serialise and parse back to the same event.
      std::string line;
      logcorr::append_event_json(line, ev);
      logcorr::Event back;
      line.pop_back();
      auto again = p.parse(line, back, in);
      if (!again.ok() || *again != logcorr::EventsParser::LineType::kEvent) __builtin_trap();
      if (back.time_ns != ev.time_ns || back.kind != ev.kind || back.duration_ns != ev.duration_ns)
        __builtin_trap();
    }
    start = nl + 1;
  }
  return 0;
}
