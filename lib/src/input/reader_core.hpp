// What every reader of records shares — the pulling InputReader, the chunks
// of a split input and the pushed live streams — so that they count, parse
// and sniff alike.
#pragma once

#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>

#include "logcorr/reader.hpp"
#include "logcorr/record.hpp"

namespace logcorr::detail {

// How many bytes of an input's head its layout is sniffed from (whole lines
// of it; a pipe may stop earlier at a few complete lines).
inline constexpr size_t kSniffBytes = 64 * 1024;

// Whether a head of bytes is `logcorr events` NDJSON (read back as events,
// never sniffed, framed or split as a log).
inline bool is_events_ndjson_head(std::string_view head) {
  static constexpr std::string_view kPrefix = "{\"v\":";
  return head.substr(0, kPrefix.size()) == kPrefix;
}

// The parser's options for one file of an input: the reader's zone, year,
// JVM start and boot time, and the file's own time of reference (its mtime,
// for year inference; INT64_MIN reads year-less stamps near "now").
inline ParseOptions parse_options_for(const ReaderOptions& ro, std::string path,
                                      int64_t reference_ns) {
  ParseOptions po;
  po.zone = ro.zone;
  po.zone_from_user = ro.zone_from_user;
  po.year = ro.year;
  po.date_days = ro.date_days;
  po.reference_ns = reference_ns;
  po.jvm_start_ns = ro.jvm_start_ns;
  po.boot_ns = ro.boot_ns;
  po.path = std::move(path);
  return po;
}

// Split extraction (one big file read by several workers) reads a chunk of
// an input's only file, which must be a plain uncompressed regular file.
struct ReaderAccess {
  // Before the first next(): begin at the first line that starts at or after
  // byte `offset`. Record offsets and line numbers are then relative to that
  // line; stream_base() says where it is, and the caller maps them back.
  static void start_at(InputReader& r, uint64_t offset);
  // File offset of stream offset 0 (0 unless started at an offset).
  static uint64_t stream_base(const InputReader& r);
};

// One record's share of an input's statistics: what InputReader::next counts,
// and what each chunk of a split input and each live stream counts.
inline void count_record(const Record& rec, InputStats& st) {
  ++st.records;
  if (rec.raw.truncated) ++st.truncated_records;
  if (rec.time.valid()) {
    st.first_ns = std::min(st.first_ns, rec.time.utc_ns);
    st.last_ns = std::max(st.last_ns, rec.time.utc_ns);
    if (rec.time.zone == ZoneSource::kAssumed) ++st.assumed_zone_records;
    if (rec.time.zone == ZoneSource::kUser) ++st.user_zone_records;
    if (rec.time.year_inferred) ++st.year_inferred_records;
    // Zone inference's sample: only zone-less records and zoned wrappers of
    // stamped lines are hashed (one pass over the first line, no allocation).
    if (StampRole role = stamp_role(rec); role != StampRole::kNone)
      (role == StampRole::kZoneless ? st.zoneless_stamps : st.wrapped_stamps)
          .offer(stamp_key(rec.message), rec.time.utc_ns);
  } else {
    ++st.records_without_time;
  }
}

}  // namespace logcorr::detail
