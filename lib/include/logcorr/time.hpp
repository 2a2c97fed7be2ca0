// Time: calendar arithmetic, time zones and RFC 3339 output.
//
// All times inside logcorr are int64 nanoseconds since the Unix epoch, UTC.
// Zones are IANA zones read from the system zoneinfo (TZif files, with their
// full history of offset changes, so a 2019 log in Europe/Berlin uses 2019's
// rules) or fixed offsets. A Zone is immutable and may be shared between
// threads.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "logcorr/record.hpp"
#include "logcorr/status.hpp"

namespace logcorr {

inline constexpr int64_t kNanosPerSecond = 1'000'000'000;
inline constexpr int64_t kNanosPerMilli = 1'000'000;
inline constexpr int64_t kNanosPerMicro = 1'000;

// Days since 1970-01-01 of a proleptic Gregorian date (any year, no checks).
int64_t days_from_civil(int64_t year, unsigned month, unsigned day);

struct CivilDate {
  int64_t year;
  unsigned month;  // 1..12
  unsigned day;    // 1..31
};
CivilDate civil_from_days(int64_t days);

// Seconds since the epoch of a civil time taken as UTC. Validates ranges
// (year 1678-2261, month 1-12, day within month, hour 0-23, minute 0-59,
// second 0-60); returns nullopt when out of range. The years are those whose
// every instant, give or take a zone offset, fits in int64 nanoseconds since
// the epoch (1677-09-21 to 2262-04-11): a stamp outside them is garbage.
inline constexpr int64_t kMinYear = 1678;
inline constexpr int64_t kMaxYear = 2261;
std::optional<int64_t> civil_to_seconds(int64_t year, unsigned month, unsigned day, unsigned hour,
                                        unsigned minute, unsigned second);

// Result of mapping a local wall-clock time to UTC.
struct LocalToUtc {
  enum Kind : uint8_t {
    kUnique,     // one UTC instant
    kAmbiguous,  // repeated hour at a backward change: `earlier` and `later` differ
    kGap,        // skipped hour at a forward change: `earlier` uses the offset before,
                 // `later` the offset after (both are "wrong"; callers pick and warn)
  } kind = kUnique;
  int64_t earlier = 0;  // UTC seconds
  int64_t later = 0;    // UTC seconds (== earlier when kUnique)
};

class Zone {
 public:
  // "UTC", "Z", a fixed offset ("+02:00", "+0530", "-08", "UTC+2"), or an IANA
  // name ("Europe/Berlin") read from $TZDIR or /usr/share/zoneinfo. Fails
  // with kInvalidArgument (a malformed name or offset), kNotFound (no such
  // zone) or kCorruptInput (a damaged TZif file). Cost: the first load of a
  // name reads its file; later ones come from a process-wide cache.
  static Result<std::shared_ptr<const Zone>> load(std::string_view spec);
  static std::shared_ptr<const Zone> utc();
  static std::shared_ptr<const Zone> fixed(int32_t offset_seconds);

  const std::string& name() const;
  bool is_utc() const;

  // UTC offset in seconds in force at a UTC instant.
  int32_t offset_at(int64_t utc_seconds) const;
  // The abbreviation in force at a UTC instant ("CET"); empty for fixed zones.
  std::string_view abbreviation_at(int64_t utc_seconds) const;

  // Maps local wall-clock seconds (civil_to_seconds of the local fields) to UTC.
  LocalToUtc to_utc(int64_t local_seconds) const;

  // The UTC offset that the abbreviation `abbr` denotes in this zone near
  // `local_seconds` (e.g. CEST -> +7200 in Europe/Berlin); nullopt if this
  // zone never used that abbreviation. Also knows "UTC", "GMT", "Z".
  std::optional<int32_t> offset_for_abbreviation(std::string_view abbr,
                                                 int64_t local_seconds) const;

  struct Impl;  // TZif data; defined in src/time/

 private:
  explicit Zone(std::shared_ptr<const Impl> impl);
  static std::shared_ptr<const Zone> make_fixed(int32_t offset_seconds);
  static Result<std::shared_ptr<const Zone>> load_file(std::string_view name);
  std::shared_ptr<const Impl> impl_;
};

// Writes `utc_ns` as RFC 3339 UTC with as many fractional digits as
// `precision` calls for ("2026-03-29T00:59:59.999712Z"). Returns the length;
// `out` must have room for 40 bytes.
size_t format_rfc3339(int64_t utc_ns, Precision precision, char* out);
std::string format_rfc3339(int64_t utc_ns, Precision precision);

// Parses an absolute stamp as a user would type it on the command line:
// RFC 3339 / ISO 8601 with or without T, seconds, fraction and offset
// (zone-less is read in `zone`), or "@<epoch seconds>". Returns UTC ns.
std::optional<int64_t> parse_user_time(std::string_view text, const Zone& zone);

// Parses a relative span: "30 min ago", "2h ago", "90s ago", "1 day ago".
// Returns the span in ns (positive) or nullopt.
std::optional<int64_t> parse_relative_span(std::string_view text);

}  // namespace logcorr
