// Private: the data behind a Zone (TZif transitions plus the POSIX footer).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "logcorr/time.hpp"

namespace logcorr::time_detail {

// One "start" or "end" field of a POSIX TZ rule (Jn, n or Mm.w.d plus time).
struct PosixDate {
  enum Kind : uint8_t { kJulian1, kJulian0, kMonthWeekDay } kind = kMonthWeekDay;
  int month = 0, week = 0, wday = 0, day = 0;
  int32_t time = 7200;  // seconds after local midnight; may be negative or > 24h
};

struct PosixRule {
  std::string std_abbr, dst_abbr;
  int32_t std_off = 0;  // UTC offset (east positive)
  int32_t dst_off = 0;
  bool has_dst = false;
  PosixDate start, end;
};

// Parses a POSIX TZ string ("CET-1CEST,M3.5.0,M10.5.0/3"). False on garbage.
bool parse_posix_tz(std::string_view s, PosixRule* out);

// UTC seconds of the DST start/end transitions of `year` under `r`.
int64_t posix_transition(const PosixRule& r, int64_t year, bool start);

struct LocalType {
  int32_t offset = 0;
  bool dst = false;
  std::string abbr;
};

}  // namespace logcorr::time_detail

namespace logcorr {

struct Zone::Impl {
  std::string name;
  bool utc = false;
  bool fixed = false;
  int32_t fixed_offset = 0;
  std::vector<int64_t> trans;       // UTC seconds, ascending
  std::vector<uint8_t> trans_type;  // index into types
  std::vector<time_detail::LocalType> types;
  bool has_rule = false;
  time_detail::PosixRule rule;

  struct Lookup {
    int32_t offset;
    std::string_view abbr;
  };
  // Offset and abbreviation in force at UTC second `t`.
  Lookup lookup(int64_t t) const;
};

// Parses TZif bytes (v1 or v2+). False with *err on malformed input.
bool parse_tzif(std::string_view bytes, Zone::Impl* out, std::string* err);

}  // namespace logcorr
