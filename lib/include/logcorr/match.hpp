// Matcher: pattern packs compiled once; records in, events out.
//
// Most records of a log match nothing. Those cost one scan of the message by
// a multi-literal prefilter (every pattern's required literals, looked up by
// their first bytes) and nothing else: no regex, no allocation. Only the
// patterns whose literal occurs, and that apply to the record's layout, run
// their RE2 regex; named groups become event fields.
//
// A record yields at most one symptom kind (the first in the vocabulary's
// order among the patterns that match) and at most one event of each
// cause/context kind.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "logcorr/event.hpp"
#include "logcorr/format.hpp"
#include "logcorr/patterns.hpp"
#include "logcorr/record.hpp"

namespace logcorr {

struct MatcherOptions {
  // Which systemd units are Kafka brokers: a unit whose name contains one of
  // these (case-insensitive). broker_stop / broker_start events of the
  // `systemd` pack about other units are dropped; process_killed and oom_kill
  // of any unit are kept. When the unit is unknown, the unit description in
  // the line ("Stopping Apache Kafka Server...") is tested instead.
  std::vector<std::string> broker_units = {"kafka", "confluent-server"};
  // Packs to leave out, e.g. {"jvm-gc"} when GC logs go through GcExtractor,
  // which emits those events itself.
  std::vector<std::string> skip_packs;
  // Event::text keeps at most this many bytes of the record.
  size_t max_text_bytes = 4096;
};

class Matcher {
 public:
  // Compiles `set` (patterns that fail to compile were already left out by
  // the loader; any that still fail are reported and skipped).
  Matcher(const PatternSet& set, MatcherOptions opts = {}, DiagnosticSink* diag = nullptr);
  ~Matcher();
  Matcher(Matcher&&) noexcept;
  Matcher& operator=(Matcher&&) noexcept;

  // Appends the events of `rec` to `out` (out is not cleared). Each event has
  // kind, pattern, fields, host/broker/client as the pattern names them (host
  // falls back to rec.meta.host), the record's time, line and text. Returns
  // the number appended. Not thread-safe (scratch state); use one Matcher per
  // thread.
  // `application`: the name of the application the input is (its file's
  // name, without directories, rotation and extensions), the client of the
  // events of packs whose clients never name themselves.
  size_t match(const Record& rec, Layout layout, std::vector<Event>& out,
               std::string_view application = {});

  // Text-only variant, for samples and tools: message = text, no time.
  size_t match_text(std::string_view text, Layout layout, std::vector<Event>& out);

  // True when the prefilter lets `text` through (for benchmarks and tests).
  bool prefilter_passes(std::string_view text) const;

  size_t pattern_count() const;
  size_t literal_count() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> p_;
};

}  // namespace logcorr
