// analyze / correlate_events: extraction, then the correlator over the
// events in time order.
#include <fmt/format.h>
#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "logcorr/analyze.hpp"
#include "logcorr/time.hpp"
#include "short_pauses.hpp"

namespace logcorr {

std::vector<std::string> resolve_entities(std::vector<Event>& events,
                                          std::vector<InputSummary>& inputs,
                                          const AnalyzeOptions& opts, EntityMap& map) {
  std::vector<std::string> notes;
  for (const auto& [host, id] : opts.broker_map) map.add_user_mapping(host, id);
  // Every event is at hand: learn all host <-> broker pairings first, so
  // early events resolve as well as late ones.
  for (const auto& e : events) {
    if (e.broker >= 0 && !e.host.empty()) map.learn(e.host, e.broker);
    auto ip = e.field("ip");
    if (!ip.empty() && !e.host.empty()) map.learn_alias(ip, e.host);
  }
  for (const auto& in : inputs)
    if (in.coverage.broker >= 0 && !in.coverage.host.empty())
      map.learn(in.coverage.host, in.coverage.broker);
  // Last resort: a broker-side host named like `broker-3` / `kafka-3` /
  // `kafka3` whose id the logs never said is taken to be broker 3, unless
  // another host already is. Said in a note, since it is a guess.
  for (const auto& in : inputs) {
    const auto& h = in.coverage.host;
    if (h.empty() || in.coverage.role == "client" || in.coverage.role == "other") continue;
    if (map.broker_for(h) >= 0) continue;
    size_t end = h.size(), beg = end;
    while (beg > 0 && h[beg - 1] >= '0' && h[beg - 1] <= '9') --beg;
    if (beg == end || end - beg > 6) continue;
    int32_t id = std::stoi(h.substr(beg));
    if (!map.host_for(id).empty()) continue;
    map.learn(h, id);
    notes.push_back(
        fmt::format("{} is taken to be broker {} from its name (no log said its id; "
                    "use --broker {}=ID if that is wrong)",
                    h, id, h));
  }
  for (auto& e : events) {
    if (e.broker < 0 && !e.host.empty()) e.broker = map.broker_for(e.host);
    // A client's event keeps the address the client itself named (or none):
    // for a listener problem that address is the evidence.
    if (e.host.empty() && e.broker >= 0 && !is_symptom(e.kind)) e.host = map.host_for(e.broker);
  }
  for (auto& in : inputs)
    if (in.coverage.broker < 0 && !in.coverage.host.empty())
      in.coverage.broker = map.broker_for(in.coverage.host);
  return notes;
}

AnalysisReport correlate_events(std::vector<Event> events, std::vector<InputSummary> inputs,
                                const AnalyzeOptions& opts) {
  return detail::correlate_tallied(std::move(events), std::move(inputs), opts, {});
}

AnalysisReport detail::correlate_tallied(std::vector<Event> events,
                                         std::vector<InputSummary> inputs,
                                         const AnalyzeOptions& opts, ShortPauseTally::Extra extra) {
  AnalysisReport rep;
  Correlator c(opts.correlate);
  rep.notes = resolve_entities(events, inputs, opts, c.entities());
  for (const auto& in : inputs) {
    InputCoverage cv = in.coverage;
    if (cv.broker < 0 && !cv.host.empty()) cv.broker = c.entities().broker_for(cv.host);
    if (cv.first_ns <= cv.last_ns) c.add_coverage(cv);
    rep.records += in.records;
  }
  std::stable_sort(events.begin(), events.end(),
                   [](const Event& a, const Event& b) { return a.time_ns < b.time_ns; });
  // Symptom marks name their input and client by index: a large incident
  // has many thousands of symptoms but few inputs and clients.
  std::unordered_map<std::string_view, uint32_t> input_index, client_index;
  for (size_t i = 0; i < inputs.size(); ++i)
    input_index.emplace(inputs[i].coverage.input, static_cast<uint32_t>(i));
  rep.symptom_clients.emplace_back();
  uint64_t untimed = 0;
  for (const auto& e : events) {
    if (!e.time_valid) {
      ++untimed;
      continue;
    }
    ++rep.events;
    if (is_symptom(e.kind)) {
      ++rep.symptoms;
      SymptomMark m;
      m.time_ns = e.time_ns;
      m.broker = e.broker;
      auto in = input_index.find(e.input);
      m.input = in == input_index.end() ? SymptomMark::kNoInput : in->second;
      if (!e.client.empty()) {
        auto [it, fresh] = client_index.emplace(e.client, 0);
        if (fresh) {
          it->second = static_cast<uint32_t>(rep.symptom_clients.size());
          rep.symptom_clients.push_back(e.client);
        }
        m.client = it->second;
      }
      rep.symptom_marks.push_back(m);
    }
    c.add(e);
  }
  rep.events += extra.valid;
  rep.bursts = c.finish();
  uint64_t in_bursts = 0;
  for (const auto& b : rep.bursts) in_bursts += b.count;
  rep.isolated_symptoms = rep.symptoms > in_bursts ? rep.symptoms - in_bursts : 0;
  rep.entities = c.entities().pairs();
  // Fill in input host/broker from what was learned.
  std::vector<std::string> assumed;
  for (auto& in : inputs) {
    if (in.coverage.broker < 0 && !in.coverage.host.empty())
      in.coverage.broker = c.entities().broker_for(in.coverage.host);
    if (in.zone_source == "assumed") assumed.push_back(in.coverage.input);
  }
  if (!assumed.empty()) {
    std::string list;
    for (size_t i = 0; i < assumed.size() && i < 3; ++i) list += (i ? ", " : "") + assumed[i];
    if (assumed.size() > 3) list += fmt::format(" and {} more", assumed.size() - 3);
    rep.notes.push_back(fmt::format(
        "{} input(s) have stamps without a UTC offset, read as UTC (set --tz [PATH=]ZONE if "
        "not): {}",
        assumed.size(), list));
  }
  if (rep.isolated_symptoms > 0)
    rep.notes.push_back(fmt::format(
        "{} isolated symptom event(s) formed no burst (fewer than {} within {} s) and had no cause",
        rep.isolated_symptoms, opts.correlate.min_count, opts.correlate.gap_ns / kNanosPerSecond));
  // An input none of whose records carries a time (journalctl -o cat, a
  // copy of bare messages) still yields events, but nothing can place them.
  for (const auto& in : inputs) {
    if (in.records == 0 || in.zone_source != "none") continue;
    if (in.layout.rfind("gc-", 0) == 0)
      rep.notes.push_back(fmt::format(
          "{}: uptime stamps only and no JVM start known; its {} event(s) are left out of the "
          "time line (give --jvm-start TIME, or a GC log decorated with time)",
          in.coverage.input, in.events));
    else
      rep.notes.push_back(fmt::format(
          "{}: no record has a time stamp{}; its {} event(s) are left out of the time line "
          "(give the log with its stamps, e.g. journalctl -o short-iso or -o json)",
          in.coverage.input, in.layout == "journal-cat" ? " (journalctl -o cat)" : "", in.events));
  }
  if (uint64_t ignored = untimed + c.events_ignored() + extra.invalid; ignored > 0)
    rep.notes.push_back(
        fmt::format("{} event(s) had no usable time and were not correlated", ignored));
  rep.inputs = std::move(inputs);
  return rep;
}

AnalysisReport analyze(const std::vector<std::string>& inputs, const AnalyzeOptions& opts,
                       DiagnosticSink& diag, bool* ok) {
  detail::EventCollector col(/*slim=*/true);
  bool good = extract_events(inputs, opts, col, diag);
  if (ok) *ok = good;
  if (!good) return {};
  return col.correlate(opts);
}

}  // namespace logcorr
