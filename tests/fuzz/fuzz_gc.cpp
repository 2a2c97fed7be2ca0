// Fuzzes the GC pause extractor on arbitrary "GC log" records.
#include <cstdint>
#include <string>
#include <vector>

#include "logcorr/gc.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  logcorr::GcExtractorOptions o;
  o.style = static_cast<logcorr::GcLogStyle>(data[0] % 3);
  logcorr::GcExtractor ex(o);
  std::vector<logcorr::Event> out;
  std::string_view all(reinterpret_cast<const char*>(data + 1), size - 1);
  size_t start = 0;
  uint64_t line = 1;
  while (start < all.size()) {
    size_t nl = all.find('\n', start);
    if (nl == std::string_view::npos) nl = all.size();
    logcorr::Record rec;
    rec.raw.text = all.substr(start, nl - start);
    rec.raw.line = line++;
    rec.message = rec.raw.text;
    // Times near the epoch, or of today with an uptime (as a JVM prints
    // them), so that shifting by a record's own uptime is exercised too.
    rec.time.utc_ns = static_cast<int64_t>(line) * 1'000'000'000;
    if (data[0] & 4) {
      rec.time.utc_ns += 1'782'742'920'000'000'000;
      rec.time.uptime_ns = static_cast<int64_t>(line) * 1'000'000;
    }
    rec.time.precision = logcorr::Precision::kMilli;
    ex.feed(rec, out);
    start = nl + 1;
  }
  ex.finish(out);
  for (const auto& e : out)
    if (e.duration_ns < 0 && (e.kind == logcorr::EventKind::kGcPause)) __builtin_trap();
  return 0;
}
