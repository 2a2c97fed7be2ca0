// Internal helpers of the format stage: stamp scanners shared by the layout
// parsers. Scanners only read fixed digit positions and never allocate; they
// return the fields as printed, and the RecordParser resolves zone and year.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "logcorr/format.hpp"
#include "logcorr/record.hpp"

namespace logcorr::format_detail {

// A stamp as printed, before zone/year resolution.
struct Stamp {
  int64_t year = 0;  // 0 = not printed; kYearZero = printed as 0000
  unsigned month = 0, day = 0, hour = 0, minute = 0, second = 0;
  int64_t frac_ns = 0;
  Precision precision = Precision::kSecond;
  // kBadOffset: an offset was printed but is none (+99:99): the stamp is
  // out of range, not zone-less.
  enum ZoneKind : uint8_t { kNoZone, kOffset, kAbbrev, kBadOffset } zone_kind = kNoZone;
  int32_t offset_s = 0;
  std::string_view abbrev;
  size_t end = 0;  // index just past the stamp
};

// A year printed as 0000 is out of range, not "no year printed" (year 0):
// it must not take the year of the file's mtime.
inline constexpr int64_t kYearZero = -1;
inline int64_t printed_year(unsigned y) {
  return y == 0 ? kYearZero : static_cast<int64_t>(y);
}

// v * unit into out; false when it does not fit in 64 bits (a corrupt
// field is no time, not an overflow).
inline bool scale(int64_t v, int64_t unit, int64_t& out) {
  return !__builtin_mul_overflow(v, unit, &out);
}

inline bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Reads exactly n digits at s[pos]; false if any is not a digit.
inline bool digits(std::string_view s, size_t pos, size_t n, unsigned& out) {
  if (pos + n > s.size()) return false;
  unsigned v = 0;
  for (size_t i = 0; i < n; ++i) {
    char c = s[pos + i];
    if (!is_digit(c)) return false;
    v = v * 10 + unsigned(c - '0');
  }
  out = v;
  return true;
}

// "HH:MM:SS" then optional [.,]fraction (1-9 digits kept, the rest skipped).
bool scan_clock(std::string_view s, size_t pos, Stamp& st);
// "YYYY-MM-DD[T ]HH:MM:SS[.frac][Z|+HHMM|+HH:MM|+HH]" at pos.
bool scan_iso(std::string_view s, size_t pos, Stamp& st);
// "YYYY/MM/DD HH:MM:SS[.frac]" then a space or the end (Go's log package).
bool scan_slash_date(std::string_view s, size_t pos, Stamp& st);
// klog/glog "I0517 15:04:22.619632 " (no year) or CockroachDB's
// "I210506 21:26:48.250611 " (two-digit year of its documented format).
bool scan_klog(std::string_view s, size_t pos, Stamp& st);
// Length of a Go log.New prefix "[name] " (padding included) before a slash
// date, 0 when none.
size_t go_log_prefix(std::string_view s);
// "Mar 29 01:59:59[.frac]" (syslog / journal short), no year.
bool scan_month_day(std::string_view s, size_t pos, Stamp& st);
// "Sun 2026-03-29 01:59:59[.frac] CET" (journal short-full / with-unit / verbose).
bool scan_weekday_full(std::string_view s, size_t pos, Stamp& st);
// "Mon Jun 29 14:22:08 2026" (dmesg -T, inside brackets).
bool scan_ctime(std::string_view s, size_t pos, Stamp& st);
// Optional zone suffix at st.end: Z, +HHMM, +HH:MM, +HH.
void scan_offset(std::string_view s, Stamp& st);
// "<digits>[.<digits>]" as fixed point ns; returns chars read, 0 on failure.
size_t scan_decimal_ns(std::string_view s, size_t pos, int64_t& ns, Precision& prec,
                       char point = '.');
// Month name "Jan".."Dec" -> 1..12, 0 if none.
unsigned month_from_name(std::string_view s, size_t pos);

// Generic stamp finding (generic_stamps.cpp): the first common stamp shape
// where a token starts in the first kGenericWindow bytes of a line, for text
// in no known layout and for the named layouts that are only a stamp and
// free text (Spark, old Hadoop, Serilog, Tanuki, the OpenTelemetry agent).
enum GenericShape : int {
  kGenIso = 0,    // 2026-06-29[T ]14:22:08[.,frac][:SSS][zone| zone]
  kGenSlashYmd,   // 2026/06/29[ T]14:22:08[.frac]
  kGenDmy,        // 29-06-2026 14:22:08, 29/06/2026, 06/29/2026, 29.06.2026 (order from the file)
  kGenClf,        // 29/Jun/2026:14:22:08 +0000 (Apache/NCSA)
  kGenCtime,      // Mon Jun 29 14:22:08 [UTC ]2026 (ctime, date(1))
  kGenMonthDay,   // Jun 29 14:22:08 (syslog; no year)
  kGenYyMdSlash,  // 17/06/09 20:10:40 (Spark's yy/MM/dd): only where the layout says so
  kGenYyMMdd,     // 081109 203615 (old Hadoop yyMMdd HHmmss): only where the layout says so
  kGenEpoch,      // 1782742928[.123], 13/16/19-digit ms/us/ns: only first on the line
  kGenTimeOnly,   // 14:22:08[.455] (no date): only near the start
  kGenShapeCount
};
constexpr size_t kGenericWindow = 96;

struct GenericHit {
  int shape = -1;
  size_t pos = 0;
  // kGenDmy: the first two numbers as printed (day/month or month/day).
  unsigned first = 0, second = 0;
  // kGenEpoch: the instant itself.
  int64_t epoch_ns = 0;
};

// Finds the first generic stamp of `line`: the shape `hint` at `hint_pos`
// first (lock-on), then every token start of the window. Two-digit-year
// shapes only when `two_digit_years`. kGenDmy leaves st.day/st.month unset
// (the caller orders hit.first/second). Fills st (fields as printed) and hit.
bool find_generic_stamp(std::string_view line, bool two_digit_years, int hint, size_t hint_pos,
                        Stamp& st, GenericHit& hit);
// The value of a logfmt line's first time key (time=, ts=, t=, timestamp=),
// unquoted; empty when none (logfmt_5424.cpp).
std::string_view logfmt_time_value(std::string_view line);

// Terminal escapes (ansi.cpp). skip_ansi: past the SGR colour sequences
// (`ESC [ digits/; m`) at `pos`. strip_ansi: `in` without any CSI, OSC or
// two-byte escape sequence, into `out` (reused); a lone ESC is dropped.
size_t skip_ansi(std::string_view s, size_t pos);
void strip_ansi(std::string_view in, std::string& out);

// One line taken apart by its wrapper (see wrappers.cpp for the shapes).
struct WrappedLine {
  Wrapper kind = Wrapper::kNone;
  std::string_view inner;      // the application's line (docker-json: decoded)
  std::string_view stamp;      // the wrapper's RFC 3339 stamp, empty when none
  std::string_view name;       // kubectl --prefix pod / compose service
  std::string_view container;  // kubectl --prefix container
  std::string_view stream;     // stdout / stderr (CRI, docker-json)
  bool partial = false;        // the next line continues this one without a newline
};
// Takes a line apart when it carries a wrapper; false (and inner = line)
// otherwise. Docker json-file lines are decoded into *decoded (at most
// `limit` bytes of text; nullptr: not recognised); inner then points into it.
bool unwrap_line(std::string_view line, WrappedLine& out, std::string* decoded,
                 size_t limit = SIZE_MAX);

// True when the line begins with an application stamp / level word of a Java
// layout: the header test of the framers.
bool java_header_line(std::string_view line);

// True when a line starts a record of a JDK 5-8 -XX:+PrintGCDetails log
// (../shared/corpus/gc/METHODS.md): a `YYYY-MM-DDT…` date stamp or a
// `12.345: ` uptime, a `YYYY-MM-DD hh:` line (log rotation banner, or an
// application line on the same stdout, also in log4j brackets), a safepoint
// line, or a JVM header line. Detail blocks, `[Times: …]`, tenuring
// distribution and PrintHeapAtGC lines continue the record.
bool gc_legacy_header_line(std::string_view line);

}  // namespace logcorr::format_detail

namespace logcorr::format_detail {
// " host ident[pid]: msg" after a journal/syslog stamp at `pos`. Fills host,
// identifier and pid; returns the index of the message, or npos.
size_t syslog_tail(std::string_view s, size_t pos, RecordMeta& meta);
}  // namespace logcorr::format_detail

namespace logcorr::format_detail {
// A Kubernetes document (kubectl describe, get -o json|yaml, the get events
// table) from an input's head, or kUnknown (kube_sniff.cpp).
Layout kube_layout(std::string_view head);
}  // namespace logcorr::format_detail
