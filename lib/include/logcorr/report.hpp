// Report: the findings of an analysis, for people (text) and tools (JSON).
#pragma once

#include <string>
#include <vector>

#include "logcorr/correlate.hpp"
#include "logcorr/entity.hpp"
#include "logcorr/events_io.hpp"

namespace logcorr {

// Version of the `analyze --json` schema (README "JSON report schema").
inline constexpr int kReportSchemaVersion = 1;

struct AnalysisReport {
  std::vector<InputSummary> inputs;
  std::vector<Burst> bursts;
  std::vector<EntityMap::Pair> entities;
  uint64_t records = 0;
  uint64_t events = 0;
  uint64_t symptoms = 0;
  uint64_t isolated_symptoms = 0;  // symptoms in no reported burst
  std::vector<std::string> notes;  // "assumed UTC for ...", skipped inputs
};

struct TextOptions {
  bool color = false;
  // Print evidence paths relative to this prefix (golden tests pin paths).
  std::string strip_prefix;
  size_t max_evidence = 6;
};

std::string render_json(const AnalysisReport& r);
std::string render_text(const AnalysisReport& r, const TextOptions& opts);

}  // namespace logcorr
