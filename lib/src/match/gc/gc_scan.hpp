// Text scanning for GC logs: the per-line and per-record tests of
// ../shared/corpus/gc/METHODS.md, written as plain byte scans (no regex, no
// allocation) so they can run on every line of a GC log.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "logcorr/record.hpp"

namespace logcorr::gc {

// A duration as printed plus its exact value.
struct Duration {
  std::string_view number;  // "0.0209631", "1,474"
  std::string_view unit;    // "secs", "ms", "seconds", "ns"
  int64_t ns = -1;
};

inline bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// ---- legacy (JDK 5-8) --------------------------------------------------

// METHODS.md: a line that starts a new record (datestamp, uptime, "Total time
// for which", "Application time:", rotation line, JVM header).
bool legacy_line_starts_record(std::string_view line);

// The line without its leading "YYYY-MM-DDT…: " and then "123.456: " stamps.
std::string_view legacy_strip_stamps(std::string_view line);

// `^\[(GC|Full GC)([ (\[]|$)` on a stamp-stripped line.
bool legacy_opens_gc(std::string_view body);

// isgc() of legacy_gc_pauses.awk on a record whose physical lines are joined
// by '\n' (the awk joins them with nothing; '\n' is skipped where it matters).
bool legacy_record_is_gc(std::string_view rec);

// '[' minus ']' over a line.
int legacy_bracket_depth(std::string_view line);

// The pause of a record already joined WITHOUT separators and with every
// "[Times: …]" block deleted (see legacy_strip_for_duration): the last
// "<d>[.,]<d> secs]", else the last "<d>[.,]<d> ms]". False when none.
bool legacy_last_duration(std::string_view joined, Duration& d);

// Builds the awk view of a record: '\n' removed, "[Times: …]" blocks deleted.
void legacy_strip_for_duration(std::string_view rec, std::string& out);

// Cause and kind of a legacy pause, from the record's first line (views into it).
struct LegacyPauseInfo {
  std::string_view collection;  // "GC", "Full GC", "GC pause", "GC remark", "GC cleanup"
  std::string_view pause;       // Shenandoah: "Full", "Init Mark", ...
  std::string_view cause;       // "Allocation Failure", "G1 Evacuation Pause", ... ("" none)
};
LegacyPauseInfo legacy_pause_info(std::string_view rec);

// Stamps at the head of a legacy line.
struct LegacyStamp {
  bool has_date = false;
  int64_t date_utc_ns = 0;
  Precision date_precision = Precision::kNone;
  bool has_uptime = false;
  int64_t uptime_ns = 0;
};
LegacyStamp legacy_parse_stamp(std::string_view line);

// ---- unified (JDK 9+) --------------------------------------------------

struct UnifiedPause {
  uint64_t gc_id = 0;
  char generation = 0;  // 'Y' / 'O' (generational ZGC), 0 otherwise
  std::string_view
      title;  // "Young (Normal) (G1 Evacuation Pause)" — between "Pause " and sizes/duration
  bool has_duration = false;
  Duration duration;  // unit "ms"
};
// True when the line contains "GC(<n>) [Y: |O: ]Pause ". has_duration says
// whether it is the end line (last token "<d>[.,]<d>ms") or a start line.
bool unified_pause(std::string_view line, UnifiedPause& p);

// Splits a unified pause title into the pause name ("Young (Normal)") and the
// cause ("G1 Evacuation Pause"); cause is "" when the last parenthesised group
// is a qualifier rather than a cause.
void unified_split_title(std::string_view title, std::string_view& pause, std::string_view& cause);

// ---- safepoints (both styles) -------------------------------------------

// "Total time for which application threads were stopped: X seconds[,
// Stopping threads took: Y seconds]".
bool stopped_time(std::string_view line, Duration& x, Duration& stopping);

// JDK 13+ `Safepoint "<op>", … Total: N ns`.
bool safepoint_total(std::string_view line, Duration& total, std::string_view& op);

}  // namespace logcorr::gc
