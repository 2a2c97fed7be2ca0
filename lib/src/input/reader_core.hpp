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

// A JVM's uptimes only grow; one that falls back by more than this (async
// logging reorders by milliseconds) is a new JVM: a restart. So is one that
// falls back at all into the first second (a JVM that ran for less than a
// second before its successor's `Using G1` at 0.008 s).
inline constexpr int64_t kUptimeRestartNs = 1'000'000'000;
inline constexpr int64_t kUptimeReorderNs = 10'000'000;

// Files an unanchored uptime stamp under its JVM run (InputStats::uptime_runs);
// returns the run's index. A few compares per such record.
inline uint32_t count_uptime(int64_t uptime_ns, InputStats& st) {
  auto& runs = st.uptime_runs;
  if (runs.empty() || uptime_ns < runs.back().last_ns - kUptimeRestartNs ||
      (uptime_ns < kUptimeRestartNs && uptime_ns < runs.back().last_ns - kUptimeReorderNs)) {
    if (runs.size() >= kMaxUptimeRuns)
      st.uptime_runs_overflow = true;
    else
      runs.push_back({uptime_ns, uptime_ns, 0});
  }
  UptimeRun& r = runs.back();
  r.last_ns = std::max(r.last_ns, uptime_ns);
  ++r.records;
  return static_cast<uint32_t>(runs.size() - 1);
}

// One record's share of an input's statistics: what InputReader::next counts,
// and what each chunk of a split input and each live stream counts.
// `uptime_run`, when given, is set to the run of an unanchored uptime stamp.
inline void count_record(const Record& rec, InputStats& st, uint32_t* uptime_run = nullptr) {
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
    if (rec.time.unanchored && rec.time.uptime_ns >= 0) {
      uint32_t run = count_uptime(rec.time.uptime_ns, st);
      if (uptime_run) *uptime_run = run;
    }
  }
}

}  // namespace logcorr::detail
