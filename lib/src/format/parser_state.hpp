// The state behind RecordParser, shared by the per-family parse functions.
#pragma once

#include <simdjson.h>

#include <string>

#include "format_impl.hpp"
#include "logcorr/format.hpp"

namespace logcorr {

struct RecordParser::State {
  Layout layout;
  StampFamily stamp;  // which parser: layout_info(layout).stamp
  ParseOptions opts;
  DiagnosticSink* sink;
  std::shared_ptr<const Zone> zone;
  ZoneSource zone_source;

  // Year-less stamps: the year in force and the previous stamp's local seconds.
  int64_t cur_year = 0;
  int64_t last_yearless_local = INT64_MIN;
  // Time-only stamps: local day (days since epoch) from context.
  int64_t ctx_day = INT64_MIN;
  CivilDate ctx_date{0, 0, 0};  // the date ctx_day was computed from
  int64_t last_time_only_sod = -1;
  // Previous valid UTC instant (ambiguous local times pick the monotonic candidate).
  int64_t prev_utc_ns = INT64_MIN;
  // JVM start learned from a record with both wall time and uptime.
  std::optional<int64_t> jvm_start_ns;
  // Lock-on: index of the Java stamp shape that parsed last.
  int java_shape = -1;
  // Generic stamps: the shape and position that parsed last, the day/month
  // order once the file settled it, and what was left without time.
  int generic_shape = -1;
  size_t generic_pos = 0;
  DateOrder date_order = DateOrder::kUnknown;
  bool warned_ambiguous = false;
  bool warned_dateless = false;
  // JDK 8 GC logs: the offset of the last datestamp (for zone-less banners).
  bool gc_offset_known = false;
  int32_t gc_offset_s = 0;

  // Minute cache for resolve(): consecutive records mostly share date, hour
  // and minute, so the calendar and zone arithmetic is done once per minute.
  // Filled only where every second of the minute has one reading (an explicit
  // offset, or a zone with no DST change inside the minute).
  struct MinuteCache {
    bool valid = false;
    int64_t minute_key = 0;  // date, hour and minute (minute_key())
    uint8_t zone_kind = 0;
    int32_t offset_s = 0;
    int64_t utc_minute = 0;  // UTC seconds of the minute's start
    ZoneSource zs = ZoneSource::kNone;
  } minute_cache;

  bool warned_gap = false;
  int diag_count = 0;
  uint64_t cur_line = 0;

  // Scratch: decoded messages, padded JSON copies.
  std::string scratch;
  std::string pad;
  std::string field_buf;  // byte-array values of fields other than MESSAGE
  std::string unwrapped;  // a wrapped record's inner text
  std::string decoded;    // one Docker json-file line's decoded text
  std::string ansi;       // a record without its terminal escapes
  RawRecord clean;        // the record with `ansi` as its text
  simdjson::dom::parser json;

  State(Layout l, ParseOptions o, DiagnosticSink* s);

  void diag(Severity sev, std::string_view msg);
  // Resolves a scanned stamp to out (zone, year, DST); false when invalid.
  bool resolve(const format_detail::Stamp& st, RecordTime& out);
  // UTC seconds of local seconds in the input zone, DST-aware.
  int64_t local_to_utc(int64_t local_s);
  // Sets out from an uptime, anchored when a JVM/boot start is known.
  void set_uptime(int64_t uptime_ns, Precision p, std::optional<int64_t> start, RecordTime& out);

  // The stamp family's parser for `raw`.
  void dispatch(const RawRecord& raw, Record& out);
  void parse_wrapped(const RawRecord& raw, Record& out);
  void parse_java(const RawRecord& raw, Record& out);
  void parse_generic(const RawRecord& raw, Record& out);
  void parse_logfmt(const RawRecord& raw, Record& out);
  void parse_syslog5424(const RawRecord& raw, Record& out);
  // A dated stamp sets the day that later time-only stamps take (inline: it
  // runs for every dated record).
  void note_dated(const format_detail::Stamp& st) {
    if (st.year != ctx_date.year || st.month != ctx_date.month || st.day != ctx_date.day) {
      ctx_day = days_from_civil(st.year, st.month, st.day);
      ctx_date = CivilDate{st.year, st.month, st.day};
    }
    last_time_only_sod = -1;
  }
  // Gives a time-only stamp its date: the last dated stamp's day (a clock
  // stepping back by half a day has passed midnight), else --date, else,
  // when `from_reference`, the day of the reference instant (file mtime) or
  // today. False when no date is known.
  bool date_time_only(format_detail::Stamp& st, bool from_reference);
  bool parse_json_app(std::string_view body, Record& out);
  bool json_time(simdjson::dom::element v, RecordTime& out);
  void parse_librdkafka(const RawRecord& raw, Record& out);
  void parse_journal_short(const RawRecord& raw, Record& out);
  void parse_journal_json(std::string_view text, Record& out);
  void parse_journal_export(std::string_view text, Record& out);
  void parse_journal_verbose(std::string_view text, Record& out);
  void parse_dmesg(const RawRecord& raw, Record& out);
  void parse_gc_unified(const RawRecord& raw, Record& out);
  void parse_gc_legacy(const RawRecord& raw, Record& out);
  void finish_time(RecordTime& t);
};

}  // namespace logcorr
