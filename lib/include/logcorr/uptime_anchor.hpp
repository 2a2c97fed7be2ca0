// Uptime anchoring: the wall-clock time of a GC log stamped with JVM uptime
// only, from the JVM start its host's other logs recorded.
//
// `-Xlog:gc*:file=gc.log` without a decoration list prints the JVM's default
// decorations, `[uptime][level][tags]`: seconds since the JVM started and no
// date. Such a log cannot be placed on the time line by itself, and a broker's
// stop-the-world pause is exactly what it holds. The broker's other logs
// usually show the start: systemd's `Started kafka.service` (the JVM is
// exec'd a fraction of a second later) and Kafka's first line, `Registered
// kafka:type=kafka.Log4jController MBean`, logged within about a second of
// the JVM's start (event kind jvm_start; 0.3-2.7 s measured) -- in server.log and in the
// journal's copy of stdout. Kafka's `[KafkaServer id=N] started` and the
// AppInfoParser's `Kafka startTimeMs` come seconds to minutes later (log
// recovery runs before them; clients log startTimeMs too) and are not used.
//
// Extraction files each unanchored uptime stamp under a JVM run of its input
// (InputSummary::uptime_runs: an uptime that falls back is a restart) and
// keeps the uptime on its events (Event::uptime_ns, uptime_run). Here each
// run, the last one first, takes the latest start S of that host such that
// the run fits between S and the next start (S + last uptime <= next start +
// slack) and ends no later than the other logs do (+ end_slack); an earlier
// run must start before the run after it. Starts closer than `cluster_ns`
// are one start (the journal and server.log both log it). A run that no
// start fits stays off the time line, and the note says why.
//
// Cost: one pass over the events to find starts, a sort of the few starts,
// one pass to move the anchored events. A no-op when no input has
// unanchored uptimes (every input stamped with wall time, --jvm-start given,
// or events read back from `logcorr events`, anchored when written).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "logcorr/event.hpp"
#include "logcorr/extract.hpp"

namespace logcorr {

struct UptimeAnchorOptions {
  // How long after the JVM's uptime zero Kafka logs its first line: 0.3 s
  // (Kafka 2.8) to 2.3-2.7 s (Kafka 4.0) in corpus/kafka-logs, whose GC logs
  // print the JVM start; the middle, so an anchor on that line is off by
  // 1.2 s at most there. systemd's `Started` comes before the JVM (the
  // start script builds the classpath first, a fraction of a second) and is
  // taken as the start when it is all there is; with both, the start lies
  // between them and is taken as first line - first_line_delay, kept within
  // [Started, first line - min_first_line_delay].
  int64_t first_line_delay_ns = 1'500'000'000;
  int64_t min_first_line_delay_ns = 300'000'000;
  // Start records closer than this are one JVM start.
  int64_t cluster_ns = 30'000'000'000;
  // How far a run may reach past the next start (the start records are a
  // second or so off the JVM's own uptime zero).
  int64_t slack_ns = 5'000'000'000;
  // How far a run may reach past the last record of every other input
  // (logs collected minutes apart).
  int64_t end_slack_ns = 600'000'000'000;
};

// One JVM run of a GC input placed on the time line.
struct UptimeAnchor {
  std::string input;  // the GC input's label
  uint32_t run = 0;   // index into its InputSummary::uptime_runs
  int64_t jvm_start_ns = 0;
  std::string evidence;  // "broker-2/journal.txt:88" of the start record
};

// Anchors the unanchored uptime events of every GC input whose host (or
// broker id, when resolved) logged a JVM start elsewhere: their time becomes
// start + uptime, their input's span and zone_source (kInferred) follow, and
// its zone_note says what was done or why not. Events the move takes out of
// `window` are dropped. Run it after entity resolution (starts are matched
// to the GC input by broker id or host). Returns the runs anchored.
std::vector<UptimeAnchor> anchor_uptimes(std::vector<Event>& events,
                                         std::vector<InputSummary>& inputs,
                                         const EventWindow& window = {},
                                         const UptimeAnchorOptions& opts = {});

// Whether `e` records a JVM start anchoring can use: a jvm_start event, or
// systemd's `Started` of a broker unit.
bool is_jvm_start_record(const Event& e);

}  // namespace logcorr
