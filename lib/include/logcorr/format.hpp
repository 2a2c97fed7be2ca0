// Format: which layout an input has, and the time and metadata of each record.
//
// The layout is sniffed once per input from its first lines (or set by the
// user), and then the parser locks on to it, as lnav does: every record is
// first tried with the stamp shape that worked last time, so the common case
// is one scan of a few fixed digit positions. Records whose first line has no
// stamp of that shape get a short list of fallbacks; records with no stamp at
// all get no time (the merge keeps them after their predecessor).
//
// Zone-less stamps are read in the input's zone (ParseOptions::zone). Stamps
// without a year get one (see YearPolicy). Uptime-only JVM stamps are
// anchored to wall clock when the JVM start is known; otherwise marked
// unanchored, never placed at 1970.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "logcorr/diagnostics.hpp"
#include "logcorr/frame.hpp"
#include "logcorr/record.hpp"
#include "logcorr/time.hpp"

namespace logcorr {

enum class Layout : uint8_t {
  kUnknown = 0,
  // Java application / broker logs
  kLog4j,       // [2026-06-29 14:22:08,455] INFO ... (Kafka's server.log)
  kLogback,     // 2026-06-29 14:22:08.455 INFO ... / Spring Boot 1-3 / Quarkus
  kIso8601,     // 2026-06-29T14:22:08.455Z / +0000 / +05:30 ... first on the line
  kTimeOnly,    // 14:22:08.455 [thread] INFO ... (date from context)
  kJsonApp,     // {"@timestamp": ...} logstash-logback, log4j2 JSON layouts
  kLibrdkafka,  // %3|1719670928.123|FAIL|rdkafka#producer-1| ...
  kGoLog,       // 2018/07/10 10:06:47 ... Go's log package (sarama, franz-go's basic logger)
  kKlog,        // I0517 15:04:22.619632 1 file.go:42] ... klog/glog (kubelet, sarama in glog)
  kSpark,       // 17/06/09 20:10:40 INFO ... Spark's log4j (yy/MM/dd)
  kHadoop,      // 081109 203615 148 INFO ... old Hadoop (yyMMdd HHmmss)
  kSerilog,     // [12:24:27 INF] ... Serilog / NLog console templates (no date)
  kTanuki,      // INFO   | jvm 1    | 2015/04/28 18:40:00 | ... Tanuki Java Service Wrapper
  kOtelAgent,   // [otel.javaagent 2025-04-24 19:51:57:317 +0000] ... OpenTelemetry Java agent
  kLogfmt,      // time=2026-06-29T14:22:08Z level=info msg=... (also ts=, t=, epoch numbers)
  // journalctl -o MODE
  kJournalShort,
  kJournalShortPrecise,
  kJournalShortFull,
  kJournalShortIso,
  kJournalShortIsoPrecise,
  kJournalShortUnix,
  kJournalShortMonotonic,
  kJournalShortDelta,
  kJournalWithUnit,
  kJournalVerbose,
  kJournalExport,
  kJournalJson,
  kJournalJsonPretty,
  kJournalJsonSeq,
  kJournalJsonSse,
  kJournalCat,  // no time at all
  // other system logs
  kSyslog,      // RFC 3164 "Jun 29 14:22:08 host ident[pid]: msg" (= journal short)
  kSyslog5424,  // RFC 5424 "<46>1 2017-04-27T07:50:47.381967+02:00 host app procid msgid - msg"
  kDmesg,       // [12345.678901] msg (uptime)
  kDmesgHuman,  // [Mon Jun 29 14:22:08 2026] msg (dmesg -T)
  // JVM GC
  kGcUnified,  // -Xlog: [decorators...] message
  kGcLegacy,   // JDK <= 8 -XX:+PrintGCDetails: 2026-...+0000: 12.345: [GC ...
  // Kubernetes documents (read whole by the kube stage, not line by line)
  kKubeDescribe,     // kubectl describe pod|node (Name:, State:, the Events: table)
  kKubeEventsTable,  // kubectl get events (LAST SEEN TYPE REASON OBJECT MESSAGE)
  kKubeJson,         // kubectl get pod|events -o json (also the -w stream of objects)
  kKubeYaml,         // kubectl get pod|events -o yaml
  kPlain,            // no recognised layout: one record per line, the first common stamp
};

// What a container runtime or tool put around each line of the application
// (lib/src/format/wrappers.cpp has each shape and its source). The layout is
// the inner line's; the wrapper is unwrapped first, and its stamp is the
// record's time when the inner line has none, or only one read in a zone
// nobody chose (the runtime's stamp is exact UTC). Its names (kubectl
// --prefix pod and container, compose service) become the record's host.
enum class Wrapper : uint8_t {
  kNone = 0,
  kCri,         // <RFC3339Nano> stdout|stderr P|F <line>   (/var/log/pods/…/N.log)
  kKubectl,     // kubectl logs --timestamps and/or --prefix: [pod/NAME/CONTAINER] <stamp> <line>
  kCompose,     // docker compose logs [-t]: <service>  | [<stamp> ]<line>
  kDockerJson,  // Docker json-file: {"log":"<line>\n","stream":…,"time":…}
};
std::string_view wrapper_name(Wrapper w);  // "none", "cri", "kubectl", "compose", "docker-json"
std::optional<Wrapper> wrapper_from_name(std::string_view name);

// The wrapper of an input, sniffed from its head (three in four of the first
// non-blank lines must carry it). Independent of sniff_layout, which reads
// the inner lines.
Wrapper sniff_wrapper(std::string_view head);

// Which parser reads a layout's records: the stamp family. Layouts of one
// family share a parser; the family is the dispatch of RecordParser::parse.
enum class StampFamily : uint8_t {
  kJava,            // log4j / logback / ISO / time-only / JSON app lines
  kLibrdkafka,      // epoch seconds between `|`
  kJournalShort,    // journalctl short modes and RFC 3164 syslog
  kJournalJson,     // one JSON object per record (json, json-pretty)
  kJournalJsonSeq,  // RS then a JSON object
  kJournalJsonSse,  // `data: ` then a JSON object
  kJournalExport,   // NAME=value fields
  kJournalVerbose,  // a stamp line, then indented fields
  kDmesg,           // [uptime] or [ctime]
  kGcUnified,       // -Xlog decorators
  kGcLegacy,        // JDK <= 8 date stamps and uptimes
  kGeneric,         // the first common stamp shape in a line's first bytes (generic_stamps.cpp)
  kLogfmt,          // key=value pairs: time= / ts= / t=
  kSyslog5424,      // <PRI>1 ISO-STAMP HOST APP PROCID MSGID SD MSG
  kNone,            // no time at all
};
std::string_view stamp_family_name(StampFamily family);  // "java", "journal-short", ...
std::string_view framing_name(Framing framing);          // "header-continued", "json-lines", ...

// One sample record of a layout and the time it must get. Samples are real
// lines (from the tests and ../shared/corpus), read with --year 2026 and a
// reference instant of 2026-03-05T12:00:00Z (time-only stamps take its date).
struct LayoutSample {
  std::string_view text;       // one record as framed (several lines for multi-line records)
  std::string_view utc;        // RFC 3339 UTC at the record's precision, "-" = no time
  std::string_view zone = {};  // --tz for zone-less stamps; empty = UTC
  std::string_view boot = {};  // --boot (RFC 3339) for uptime stamps; empty = none
};

// Everything about one layout, in one table (lib/src/format/layouts.cpp).
struct LayoutInfo {
  Layout layout;
  std::string_view name;  // --layout and output name
  Framing framing;
  StampFamily stamp;
  bool journal_like;  // a host's system journal (or syslog / kernel log): role journal
  bool gc;            // a JVM GC log: role GC
  bool splittable;    // full date or epoch on every record, local framing: split across threads
  bool sniffable;     // sniff_layout can answer it (journal-cat reads as plain text)
  // Sniff data: a line starting with sniff_prefix is this layout; when
  // first_line_decides, the first non-blank line settles the input; a layout
  // that wins the vote becomes sniff_upgrade when any line voted for that.
  std::string_view sniff_prefix;
  bool first_line_decides;
  Layout sniff_upgrade;
  // Indented lines (after leading blanks) with one of these prefixes vote for this layout.
  std::span<const std::string_view> continuation_marks;
  std::string_view summary;  // one line
  std::span<const LayoutSample> samples;
};

// One entry per Layout value, in enum order.
std::span<const LayoutInfo> layouts();
const LayoutInfo& layout_info(Layout layout);

std::string_view layout_name(Layout layout);  // "log4j", "journal-short-iso", ...
std::optional<Layout> layout_from_name(std::string_view name);

// Framing each layout needs. A wrapped input of a line-oriented layout is
// framed header-continued: its classifier (below) reads the inner lines and
// joins partial lines (CRI `P`, Docker's 16 KiB splits).
Framing framing_for(Layout layout, Wrapper wrapper = Wrapper::kNone);

// Sniffs the layout from the head of an input (up to ~64 KiB: the first
// lines). Looks past blank lines, JVM header lines and wrapper prefixes.
Layout sniff_layout(std::string_view head);

// For kHeaderContinued layouts: the classifier that tells header lines (a
// stamp, or a level word, in the layout's shape) from continuation lines.
// Static lifetime.
const LineClassifier* classifier_for(Layout layout);
// The same for a wrapped input: it unwraps each line first and remembers a
// partial line, so it has state and is owned by the reader (one per input,
// fed every line in order, as the Framer does). nullptr when the framing of
// framing_for(layout, wrapper) needs no classifier.
std::unique_ptr<LineClassifier> make_classifier(Layout layout, Wrapper wrapper);

// Day/month order of numeric dates (03/04/2026), as a file settles it.
enum class DateOrder : uint8_t { kUnknown, kDayFirst, kMonthFirst };
// What the numeric dates of an input's head settle: a first number above 12
// means day first, a second above 12 month first; kUnknown when neither
// occurs (or both do). Such dates are then never guessed.
DateOrder sniff_date_order(std::string_view head);

// The offset of the first line of `head` that starts with an ISO stamp
// carrying one (a JDK 8 GC log's "2016-04-14T22:37:22.123+0200: "), if any.
std::optional<int32_t> sniff_stamp_offset(std::string_view head);

struct ParseOptions {
  // Zone for stamps that carry no offset. nullptr = UTC, reported as assumed.
  std::shared_ptr<const Zone> zone;
  bool zone_from_user = false;
  // --year: the year of year-less stamps at the start of the input.
  std::optional<int> year;
  // A reference instant near the *end* of the input (file mtime, gzip MTIME):
  // a year-less stamp takes the year that puts it at or before this instant
  // (plus a day of slack). INT64_MIN = unknown; then "now" is used.
  int64_t reference_ns = INT64_MIN;
  // --date: the day (days since 1970-01-01) of date-less stamps (time-only,
  // Serilog) at the start of the input, where no dated line precedes them.
  std::optional<int64_t> date_days;
  // The day/month order of numeric dates (03/04/2026), as sniff_date_order
  // read it from the input's head; kUnknown leaves it to the records.
  DateOrder date_order = DateOrder::kUnknown;
  // The UTC offset the input's own datestamps print (JDK 8 GC logs, from
  // sniff_stamp_offset): the zone of its zone-less lines (rotation banners).
  std::optional<int32_t> stamp_offset_s;
  // The input's head had terminal escapes (a coloured console): every record
  // is cleaned of them, not only those that start with one.
  bool coloured = false;
  // Wall-clock time of JVM start, to anchor uptime-only GC logs.
  std::optional<int64_t> jvm_start_ns;
  // journal short-monotonic / dmesg: wall clock of boot, when known.
  std::optional<int64_t> boot_ns;
  std::string path;  // for diagnostics
  // The input's wrapper (sniff_wrapper); kNone reads lines as they are.
  Wrapper wrapper = Wrapper::kNone;
};

// Per-input stateful parser (year rollover, lock-on, monotonic anchoring).
// One per input; not thread-safe.
class RecordParser {
 public:
  RecordParser(Layout layout, ParseOptions opts, DiagnosticSink* sink = nullptr);
  ~RecordParser();
  RecordParser(RecordParser&&) noexcept;
  RecordParser& operator=(RecordParser&&) noexcept;

  // Fills out.time, out.message and out.meta from `raw` (out.raw = raw).
  // Views in `out` point into raw.text or into this parser's scratch buffer,
  // valid until the next call.
  void parse(const RawRecord& raw, Record& out);

  Layout layout() const;
  // How zone-less stamps of this input were read (for "assumed UTC for X").
  ZoneSource zone_source() const;

 private:
  struct State;
  std::unique_ptr<State> s_;
};

}  // namespace logcorr
