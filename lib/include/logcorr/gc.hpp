// GC extraction: stop-the-world pauses and safepoints from JVM GC logs.
//
// A GC pause is not always one line: a JDK 8 G1 pause prints its duration on
// the third line of a detail block, a CMS remark run with
// -XX:+CMSScavengeBeforeRemark is split over two *timestamped* lines, and a
// unified-logging pause of one collection can be nested inside another's
// (Serial/CMS: GC(2) Young start, GC(3) Full start, GC(3) end, GC(2) end).
// A per-record regex cannot see that, so GC logs go through this extractor,
// which follows ../shared/corpus/gc/METHODS.md rule for rule:
//
//  - legacy (JDK 5-8 -XX:+PrintGCDetails): physical lines are regrouped into
//    records by METHODS.md's rule whatever the framer did (a record may be
//    split or joined differently upstream); a record is a pause when it opens
//    `[GC` / `[Full GC` / a Shenandoah `[Pause …` and is not a concurrent
//    phase or a `…, start]` line; its duration is the LAST `N secs]` after
//    deleting every `[Times: …]` block (Shenandoah: the last `N ms]`). The
//    line is stamped at the pause's START: time_ns = stamp + duration.
//  - unified (JDK 9+ -Xlog): a line containing `GC(n) [Y: |O: ]Pause ` whose
//    last token is `<d>[.,]<d>ms`. Stamped at the END: time_ns = stamp.
//    A pause whose `[gc,start]` line came while an earlier pause was still
//    open is emitted with field nested="true": it lies inside the outer
//    pause's window, and counting both would count that time twice.
//  - both: `Total time for which application threads were stopped: X
//    seconds` (X as printed; `Stopping threads took` is reported as a field,
//    not added) and JDK 13+ `Safepoint "op", … Total: N ns` become safepoint
//    events stamped at their END.
//
// Durations are parsed as exact decimals into integer nanoseconds (no
// floating point), and the number is also kept as printed (fields
// "duration" and "duration_unit"), so sums are exact to the log's precision.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "logcorr/diagnostics.hpp"
#include "logcorr/event.hpp"
#include "logcorr/format.hpp"
#include "logcorr/record.hpp"

namespace logcorr {

enum class GcLogStyle : uint8_t {
  kAuto,     // decided from the first non-empty line
  kUnified,  // JDK 9+ -Xlog
  kLegacy,   // JDK 5-8 -XX:+PrintGCDetails (and Red Hat JDK 8 Shenandoah)
};

// kGcUnified -> kUnified, kGcLegacy -> kLegacy, anything else -> kAuto.
GcLogStyle gc_style_for(Layout layout);

struct GcExtractorOptions {
  GcLogStyle style = GcLogStyle::kAuto;
  std::string input;  // copied into Event::input (and used as the diagnostics path)
  // Event::text keeps the record up to the line that carries the duration,
  // capped at this many bytes.
  size_t max_text_bytes = 2048;
  DiagnosticSink* diagnostics = nullptr;  // may be null
};

// Counters, for summaries and tests.
struct GcExtractorStats {
  uint64_t pauses = 0;         // gc_pause events emitted (nested ones included)
  uint64_t nested_pauses = 0;  // of which nested (unified only)
  uint64_t safepoints = 0;     // safepoint events emitted
  uint64_t unterminated = 0;   // legacy STW-looking records without a duration
};

// One extractor per GC log input (a rotation set counts as one input when its
// files are fed in order). Feed the records in order; events come out in
// record order. A legacy record is only known to be complete when the next
// record starts, so legacy pauses come out one record late, and finish()
// releases the last one. Not thread-safe.
class GcExtractor {
 public:
  explicit GcExtractor(GcExtractorOptions opts = {});
  ~GcExtractor();
  GcExtractor(GcExtractor&&) noexcept;
  GcExtractor& operator=(GcExtractor&&) noexcept;

  // Appends the events that `rec` completes to `out`. rec.raw.text is read
  // (the whole record: it needs the stamps and every physical line);
  // rec.time is the time of the record's first line.
  void feed(const Record& rec, std::vector<Event>& out);
  // End of input: appends the pending legacy pause, if any. Feeding may go
  // on afterwards (e.g. call it at the end of each file of a rotation set:
  // open unified pauses are kept, so a pause that spans a rotation still
  // nests correctly).
  void finish(std::vector<Event>& out);

  GcLogStyle style() const;  // kAuto until the first non-empty line is seen
  const GcExtractorStats& stats() const;

 private:
  struct State;
  State* s_;
};

// Parses a printed duration ("0.0209631", "1,474", "38878") in `unit`
// ("secs"/"seconds"/"s", "ms", "us", "ns") into nanoseconds, exactly.
// Digits beyond nanoseconds are rounded half-up. Returns -1 when `number` is
// not <digits>[[.,]<digits>] or the unit is unknown.
int64_t gc_duration_ns(std::string_view number, std::string_view unit);

}  // namespace logcorr
