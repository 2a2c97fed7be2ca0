// Report: the findings of an analysis, for people (text) and tools (JSON).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "logcorr/correlate.hpp"
#include "logcorr/entity.hpp"
#include "logcorr/events_io.hpp"

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

}  // namespace logcorr
