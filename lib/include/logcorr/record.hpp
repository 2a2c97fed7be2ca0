// Record: one framed log record with its normalized time.
//
// A record is a view: `text` points into the framer's buffer (or the source
// chunk) and is valid until the reader that produced it advances. Nothing in
// a Record is heap-allocated per record; copy what you keep.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace logcorr {

// How finely the source printed its time. Output keeps this precision, so a
// whole-second `short` journal stamp is never shown as ".000000".
enum class Precision : uint8_t { kNone = 0, kSecond, kMilli, kMicro, kNano };

// Where the UTC offset of a stamp came from.
enum class ZoneSource : uint8_t {
  kNone = 0,  // no time
  kExplicit,  // the stamp carries it: Z, +0200, +05:30, epoch seconds, journal usec
  kAbbrev,    // a zone abbreviation in the stamp (CET, CEST, AEDT) read with the input zone
  kUser,      // zone-less stamp read in the zone the user gave (--tz)
  kAssumed,   // zone-less stamp read in the default zone (UTC) nobody chose
  // Input level only (InputSummary): zone-less stamps moved to the offset
  // that records shared with a zoned input showed (zone_infer.hpp).
  kInferred,
};

// One JVM run of an input's records stamped with an uptime only (no JVM
// start known): the uptimes of its first and last such record.
struct UptimeRun {
  int64_t first_ns = 0;
  int64_t last_ns = 0;
  uint64_t records = 0;
};
// Runs an input keeps; a file with more restarts than this is not anchored.
inline constexpr size_t kMaxUptimeRuns = 64;

struct RecordTime {
  int64_t utc_ns = 0;  // nanoseconds since 1970-01-01T00:00:00Z
  Precision precision = Precision::kNone;
  ZoneSource zone = ZoneSource::kNone;
  bool year_inferred = false;  // the stamp had no year (short, syslog, dmesg)
  // An uptime-only stamp (JVM `12.345:` / `[12.345s]`, dmesg `[  12.3]`,
  // journal short-monotonic) that could not be anchored to wall clock. utc_ns
  // is then meaningless; uptime_ns holds the uptime.
  bool unanchored = false;
  int64_t uptime_ns = -1;  // uptime/monotonic stamp when the record has one, else -1
  // For an unanchored uptime: which run of its input's uptimes (a JVM
  // restart starts a new one; InputStats::uptime_runs). Set by the reader.
  uint32_t uptime_run = 0;

  bool valid() const { return precision != Precision::kNone && !unanchored; }
};

// What the framer produces: bytes and position, no meaning yet.
struct RawRecord {
  // The whole record: header line plus continuation lines, joined by their
  // original line terminators; the final terminator (LF or CRLF) is not
  // included.
  std::string_view text;
  uint64_t line = 0;        // 1-based line number of the first line in the stream
  uint64_t offset = 0;      // byte offset of the first byte in the (decompressed) stream
  uint32_t line_count = 1;  // physical lines in the record
  bool truncated = false;   // longer than the framer's cap; text holds the head only
};

// Journal (and syslog) metadata of a record, when the layout carries it.
struct RecordMeta {
  std::string_view host;        // _HOSTNAME / syslog host column
  std::string_view unit;        // _SYSTEMD_UNIT, or UNIT= for PID 1 messages about a unit
  std::string_view identifier;  // SYSLOG_IDENTIFIER / the "ident[pid]:" tag
  std::string_view container;   // kubectl --prefix [pod/NAME/CONTAINER]: CONTAINER (host = NAME)
  int64_t pid = -1;
};

struct Record {
  RawRecord raw;
  // The part that patterns should match: the message of a journal entry
  // (decoded from JSON / export, byte arrays included), the line without a
  // container wrapper prefix, or the whole text. May point into the parser's
  // scratch buffer (valid until its next parse call).
  std::string_view message;
  RecordTime time;
  RecordMeta meta;
  uint32_t input_index = 0;  // which LogicalInput it came from
  uint32_t file_index = 0;   // which file of that input's rotation set
};

}  // namespace logcorr
