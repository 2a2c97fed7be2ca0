// logcorr: the whole public API in one include.
//
//   #include <logcorr/logcorr.hpp>
//
// Link logcorr::logcorr (CMake: find_package(logcorr 0.1 REQUIRED)) or use
// `pkg-config --cflags --libs logcorr`; C++20. Each header below also
// compiles on its own, for code that wants less.
//
// Where to start:
//   analyze.hpp      the whole pipeline in one call: inputs in, AnalysisReport out
//   report.hpp       AnalysisReport; render_text / render_json
//   correlate.hpp    Burst, Cause, Verdict; the incremental Correlator (live use)
//   events_io.hpp    the `logcorr events` NDJSON format, in and out
//   diagnostics.hpp  how problems are reported: a DiagnosticSink, never
//                    stdout/stderr, never exceptions
//   version.hpp      version() and the JSON schema versions
// The stages underneath, in pipeline order, for callers that feed bytes or
// records themselves: source (tail: one file followed like tail -F), frame,
// format, record, time, discover, reader, timeline, patterns, match, event,
// gc, entity; json_text is the JSON string writer.
#pragma once

#include "logcorr/version.hpp"

#include "logcorr/analyze.hpp"
#include "logcorr/analyzer.hpp"
#include "logcorr/correlate.hpp"
#include "logcorr/diagnostics.hpp"
#include "logcorr/discover.hpp"
#include "logcorr/entity.hpp"
#include "logcorr/event.hpp"
#include "logcorr/events_io.hpp"
#include "logcorr/extract.hpp"
#include "logcorr/follow.hpp"
#include "logcorr/format.hpp"
#include "logcorr/frame.hpp"
#include "logcorr/gc.hpp"
#include "logcorr/json_text.hpp"
#include "logcorr/kube.hpp"
#include "logcorr/match.hpp"
#include "logcorr/patterns.hpp"
#include "logcorr/reader.hpp"
#include "logcorr/record.hpp"
#include "logcorr/report.hpp"
#include "logcorr/report_html.hpp"
#include "logcorr/source.hpp"
#include "logcorr/stamp_sample.hpp"
#include "logcorr/status.hpp"
#include "logcorr/tail.hpp"
#include "logcorr/terminal_text.hpp"
#include "logcorr/time.hpp"
#include "logcorr/timeline.hpp"
#include "logcorr/uptime_anchor.hpp"
#include "logcorr/zone_infer.hpp"
