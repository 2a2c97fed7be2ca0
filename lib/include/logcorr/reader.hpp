// Reader: one logical input (a file, a rotation set, or stdin) as a pull
// stream of parsed records.
//
// Source -> sniff -> Framer -> RecordParser, glued so that a consumer (the
// timeline merge, the extractor) can ask for one record at a time. Records are
// views: the one returned by next() is valid until the next call. Bytes are
// read in fixed-size chunks; records inside a chunk are not copied.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "logcorr/diagnostics.hpp"
#include "logcorr/discover.hpp"
#include "logcorr/format.hpp"
#include "logcorr/frame.hpp"
#include "logcorr/record.hpp"
#include "logcorr/source.hpp"
#include "logcorr/stamp_sample.hpp"

namespace logcorr {

struct ReaderOptions {
  std::optional<Layout> layout;    // force a layout instead of sniffing
  std::optional<Wrapper> wrapper;  // force a wrapper (kNone: none) instead of sniffing
  // Zone for zone-less stamps; nullptr = UTC (assumed).
  std::shared_ptr<const Zone> zone;
  bool zone_from_user = false;
  std::optional<int> year;
  // --date: the day (days since 1970-01-01) of date-less stamps (Serilog's
  // [12:24:27 INF], a clock before any dated line) at the input's start.
  std::optional<int64_t> date_days;
  std::optional<int64_t> jvm_start_ns;
  std::optional<int64_t> boot_ns;
  size_t chunk_bytes = 1u << 20;
  FramerOptions framer;
};

// Per-input facts gathered while reading, for reports and coverage.
struct InputStats {
  Layout layout = Layout::kUnknown;
  Wrapper wrapper = Wrapper::kNone;  // kubectl / CRI / compose / Docker json-file around the lines
  ZoneSource zone_source = ZoneSource::kNone;
  std::string zone_name;  // zone used for zone-less stamps
  uint64_t records = 0;
  uint64_t records_without_time = 0;
  uint64_t bytes = 0;            // decompressed bytes read
  uint64_t raw_bytes = 0;        // raw bytes read (compressed size)
  int64_t first_ns = INT64_MAX;  // earliest valid record time
  int64_t last_ns = INT64_MIN;   // latest valid record time
  uint32_t files_read = 0;
  uint32_t files_failed = 0;
  uint64_t truncated_records = 0;
  uint64_t assumed_zone_records = 0;  // zone-less stamps read in the default zone
  uint64_t year_inferred_records = 0;
  uint64_t user_zone_records = 0;  // zone-less stamps read in the zone the user gave
  // Sketches of its records for zone inference (stamp_sample.hpp): those read
  // as UTC for want of an offset, and zoned wrappers of inner lines.
  StampSample zoneless_stamps;
  StampSample wrapped_stamps;
  // Unanchored uptime stamps, one entry per run (record.hpp); at most
  // kMaxUptimeRuns, then uptime_runs_overflow.
  std::vector<UptimeRun> uptime_runs;
  bool uptime_runs_overflow = false;
};

namespace detail {
struct ReaderAccess;  // the library's split extraction (src/input/reader_core.hpp)
}  // namespace detail

class InputReader {
 public:
  InputReader(LogicalInput input, uint32_t input_index, ReaderOptions opts, DiagnosticSink& sink);
  ~InputReader();
  InputReader(const InputReader&) = delete;
  InputReader& operator=(const InputReader&) = delete;

  // The next record, or nullptr at the end of the last file. Errors (an
  // unreadable file, a corrupt archive) go to the sink; reading goes on with
  // the next file of the set.
  const Record* next();

  // Opens the first readable file of the input and reads its head, so that
  // its layout (stats().layout), whether it is `logcorr events` output and
  // its compression are known before the first record; next() then goes on
  // from there (the head is read once). False when no file has any bytes.
  // Cost: one open and one chunk read, as the first next() would do.
  bool start();
  // The input is `logcorr events` NDJSON (its records are then plain lines).
  bool is_events_ndjson() const;
  // Compression of the file being read (after start()).
  Compression compression() const;
  // Closes the files and frees the buffers; the next start() or next()
  // reads the input again from its start. For a caller that looked at the
  // head long before it reads the rest (memory stays one reader's worth).
  void rewind();

  const LogicalInput& input() const;
  const InputStats& stats() const;
  const ReaderOptions& options() const;

 private:
  friend struct detail::ReaderAccess;
  struct State;
  std::unique_ptr<State> s_;
};

// Reads just enough of `path` to find its first record time (for ordering
// rotation sets). nullopt when the file has none in its first 64 KiB.
std::optional<int64_t> first_record_time(const std::string& path, const ReaderOptions& opts);

}  // namespace logcorr

namespace logcorr {

// `--tz PATH=ZONE`: inputs whose path equals PATH or lies under the directory
// PATH read zone-less stamps in ZONE. The longest matching prefix wins.
struct ZoneRule {
  std::string path_prefix;
  std::shared_ptr<const Zone> zone;
};

struct OpenOptions {
  ReaderOptions reader;  // defaults for every input (reader.zone = --tz ZONE)
  std::vector<ZoneRule> zone_rules;
  DiscoverOptions discover;
};

// Discovers inputs from the user's arguments, puts each rotation set in time
// order (by each file's first stamp), applies zone rules, and opens a reader
// per logical input. Problems go to `sink`; what can be read is returned.
std::vector<std::unique_ptr<InputReader>> open_inputs(const std::vector<std::string>& args,
                                                      const OpenOptions& opts,
                                                      DiagnosticSink& sink);

// The time window `--since SINCE --until UNTIL` selects: [since_ns, until_ns).
// Each bound is absolute ("2026-06-29T14:00:00Z", "2026-06-29 14:00" in
// opts.reader.zone, UTC when unset; "@1782742800") or relative to the
// newest record of `inputs` ("30 min ago": the inputs are then read once to
// find it); an empty bound is open. Fails with kInvalidArgument naming the
// bound that is not a time, or when a relative bound is asked of standard
// input (it cannot be read twice).
struct TimeWindow {
  int64_t since_ns = INT64_MIN;
  int64_t until_ns = INT64_MAX;
};
Result<TimeWindow> resolve_time_window(std::string_view since, std::string_view until,
                                       const std::vector<std::string>& inputs,
                                       const OpenOptions& opts);

// The zone rule that applies to `path`, or `fallback`.
std::shared_ptr<const Zone> zone_for_path(const std::string& path,
                                          const std::vector<ZoneRule>& rules,
                                          std::shared_ptr<const Zone> fallback);

}  // namespace logcorr
