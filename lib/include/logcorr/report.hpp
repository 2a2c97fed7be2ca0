// Report: the findings of an analysis, for people (text) and tools (JSON).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "logcorr/correlate.hpp"
#include "logcorr/entity.hpp"
#include "logcorr/events_io.hpp"
#include "logcorr/record.hpp"

namespace logcorr {

// Version of the `analyze --json` schema (README "JSON report schema").
inline constexpr int kReportSchemaVersion = 1;

// One client symptom event, kept so pictures of the incident (the HTML
// report) can show where every error fell, not only the bursts.
struct SymptomMark {
  int64_t time_ns = 0;
  uint32_t input = 0;   // index into AnalysisReport::inputs, kNoInput when unknown
  uint32_t client = 0;  // index into AnalysisReport::symptom_clients ("" = unknown)
  int32_t broker = -1;  // broker the client named, -1 unknown
  static constexpr uint32_t kNoInput = UINT32_MAX;
};

struct AnalysisReport {
  std::vector<InputSummary> inputs;
  std::vector<Burst> bursts;
  std::vector<EntityMap::Pair> entities;
  uint64_t records = 0;
  uint64_t events = 0;
  uint64_t symptoms = 0;
  uint64_t isolated_symptoms = 0;  // symptoms in no reported burst
  std::vector<std::string> notes;  // "assumed UTC for ...", skipped inputs
  // Every symptom event that was correlated, in time order (24 bytes each),
  // and the client ids they name (index 0 is "", the unknown client).
  std::vector<SymptomMark> symptom_marks;
  std::vector<std::string> symptom_clients;
};

struct TextOptions {
  bool color = false;
  // Print evidence paths relative to this prefix (golden tests pin paths).
  std::string strip_prefix;
  size_t max_evidence = 6;
};

std::string render_json(const AnalysisReport& r);
// One burst as the JSON object of the report's "bursts" array (no newline);
// `follow --json` writes these as NDJSON alerts.
std::string render_burst_json(const Burst& b);
std::string render_text(const AnalysisReport& r, const TextOptions& opts);

// `follow` alerts (README: follow), one line each with its newline: text for
// people, or with `json` one NDJSON object.
//   opened:  "<start>  burst #<id> opened: <n> errors from <clients> toward broker <ids>"
//   decided: "<start>  burst #<id> decided: <verdict> (confidence c), ...: <top cause>"
std::string render_alert_opened(uint64_t id, const Correlator::OpenBurst& o, bool json);
std::string render_alert_decided(uint64_t id, const Burst& b, bool json);

// The summary `follow` ends with: how many bursts were decided and the latest
// of them, one line each (text) or one "summary" object (json).
struct AlertSummaryEntry {
  uint64_t id = 0;
  int64_t start_ns = 0;
  uint32_t count = 0;
  Verdict verdict = Verdict::kUnexplained;
  std::string cause;  // burst_top_cause()
};
struct AlertSummary {
  bool interrupted = false;  // stopped by a signal rather than at end of input
  uint64_t records = 0;
  uint64_t events = 0;
  uint64_t bursts = 0;  // decided in all, more than `latest` may hold
  std::vector<AlertSummaryEntry> latest;
};
std::string render_alert_summary(const AlertSummary& s, bool json);

// The summary of a burst's first cause, or "no broker-side cause found".
std::string burst_top_cause(const Burst& b);

// `timeline`: appends one record with its newline, "<stamp> <label>: <text>"
// ("-" for no stamp), or with `json` {"time":...,"input":...,"line":...,"text":...}.
void append_timeline_record(std::string& out, const Record& rec, std::string_view label, bool json);

}  // namespace logcorr
