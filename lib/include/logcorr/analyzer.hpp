// Analyzer: the embedding API in one object. Configure it, give it inputs in
// whatever form a host program has them, and get plain value types back.
//
//   logcorr::AnalyzeOptions opts;
//   opts.pattern_dirs = {logcorr_PATTERN_DIR};
//   logcorr::Analyzer a(opts);
//   a.add_path("/incident/broker-1");                // files, dirs, rotation sets, .gz/.zst
//   a.add_bytes("pod-7/app.log", chunk);             // a named stream, in chunks of any size
//   a.add_record("shipper/orders", "2026-06-29 ...");  // one already framed record
//   logcorr::AnalyzerResult r = a.run();
//   if (!r.ok) ...;                                  // packs unusable: see a.diagnostics()
//   for (const logcorr::Burst& b : r.report.bursts) ...
//
// Inputs of all three kinds are extracted exactly as `logcorr analyze`
// extracts files (same sniffing, framing, timestamp rules and patterns), so
// the same lines give the same events and verdicts whichever way they came.
//
// For findings while the data is still arriving, use LiveAnalyzer
// (logcorr/follow.hpp): the same extraction and correlator behind a
// watermark, with a callback or poll().
//
// Error model: no exceptions cross this API (std::bad_alloc aside), and the
// library never prints. Problems with inputs (unreadable file, truncated
// archive, garbage, over-long line) go to the DiagnosticSink with the file
// and line or byte offset, and the rest is still analysed; the one fatal
// problem — pattern packs that cannot be loaded — makes run() return
// ok == false. Without a sink of your own, diagnostics are collected and
// diagnostics() returns them.
//
// Threads: an Analyzer is used by one thread at a time; any number of them
// may run at once in one process (there is no shared mutable state other
// than an internal, locked cache of parsed time zone files).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "logcorr/analyze.hpp"
#include "logcorr/diagnostics.hpp"
#include "logcorr/event.hpp"
#include "logcorr/events_io.hpp"
#include "logcorr/report.hpp"

namespace logcorr {

struct AnalyzerResult {
  // kPatternError when the pattern packs could not be loaded: nothing was
  // analysed. Problems with inputs are diagnostics, not a failed run.
  Status status;
  bool ok() const { return status.ok(); }
  // Bursts with verdicts, causes and evidence; per-input coverage; counts.
  AnalysisReport report;
  // Every extracted event in time order, entities resolved (as `logcorr
  // events` would write them) — only after keep_events(true); empty
  // otherwise, since an archive can yield millions.
  std::vector<Event> events;
};

class Analyzer {
 public:
  // `diag` (optional) receives every diagnostic as it happens and must
  // outlive the Analyzer; without it they are collected (diagnostics()).
  explicit Analyzer(AnalyzeOptions opts, DiagnosticSink* diag = nullptr);
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;
  Analyzer(Analyzer&&) noexcept;
  Analyzer& operator=(Analyzer&&) noexcept;

  // Keep the extracted events for AnalyzerResult::events (default: off).
  void keep_events(bool keep);

  // A file, directory (recursive) or `-`; read during run(), in parallel on
  // opts.threads. Rotation sets and archives as in `logcorr analyze`. Cost:
  // nothing until run().
  void add_path(std::string path);

  // The next bytes of the stream `name` (a path-like name gives host hints
  // from its directories, as files do: "broker-3/server.log"). Chunks may
  // split lines and records anywhere. Cost: extraction happens here, as the
  // bytes arrive; the bytes themselves are not kept past the record they
  // belong to.
  void add_bytes(std::string_view name, std::string_view bytes);

  // One record that the caller has already framed (a log shipper's message:
  // a line, or a header with its stack trace), for the stream `name`. The
  // stream's layout is sniffed from its first records unless
  // opts.open.reader.layout forces one. Do not mix add_bytes and add_record
  // on one name.
  void add_record(std::string_view name, std::string_view text);

  // Events extracted elsewhere (`logcorr events` output of a shard, or
  // events a host program built). The NDJSON form: parse_events_ndjson().
  void add_events(std::vector<Event> events, std::vector<InputSummary> inputs = {});

  // Extracts the paths, ends the streams, resolves entities and correlates.
  // The Analyzer is then empty and may be reused with new inputs.
  AnalyzerResult run();

  // Diagnostics collected so far (only when no sink was given).
  const std::vector<Diagnostic>& diagnostics() const;

 private:
  struct State;
  std::unique_ptr<State> s_;
};

// `logcorr events` NDJSON as functions (events_to_ndjson, parse_events_ndjson):
// see events_io.hpp.

}  // namespace logcorr
