// analyze / correlate_events: extraction, then the correlator over the
// events in time order.
#include <fmt/format.h>
#include <algorithm>
#include <set>
#include <string_view>
#include <unordered_map>

#include "analyze/analyze_internal.hpp"
#include "extract/event_collector.hpp"
#include "extract/extract_tuning.hpp"
#include "logcorr/analyze.hpp"
#include "logcorr/time.hpp"
#include "logcorr/uptime_anchor.hpp"
#include "logcorr/zone_infer.hpp"

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
    if (in.broker >= 0 && !in.host.empty()) map.learn(in.host, in.broker);
  // Kubernetes: a pod's UID (the kubelet's lines name both) stands for the
  // pod in the records that name only the UID (a kernel OOM report's cgroup,
  // the kubelet's PLEG); those become the pod's events.
  for (const auto& e : events) {
    auto uid = e.field("pod_uid");
    if (!uid.empty() && !e.field("pod").empty() && !e.host.empty()) {
      std::string u(uid);
      std::replace(u.begin(), u.end(), '_', '-');
      map.learn_alias(u, e.host);
    }
  }
  for (auto& e : events) {
    auto uid = e.field("pod_uid");
    if (uid.empty() || !e.field("pod").empty()) continue;
    std::string u(uid);
    std::replace(u.begin(), u.end(), '_', '-');
    std::string pod = map.canonical(u);
    if (pod != normalize_host(u)) e.host = pod;
  }
  // Last resort: a broker-side host named like `broker-3`. Said in a note,
  // since it is a guess.
  // A Kubernetes node's journal (its kubelet names pods) speaks for the
  // node: `aks-nodepool1-…-vmss000002` is no broker 2.
  std::set<std::string_view> node_inputs;
  for (const auto& e : events)
    if (!e.field("pod").empty() || !e.field("pod_uid").empty()) node_inputs.insert(e.input);
  for (const auto& in : inputs) {
    const auto& h = in.host;
    if (!is_broker_side(in.role)) continue;
    if (node_inputs.count(in.input) && in.role == InputRole::kJournal) continue;
    int32_t id = map.guess_from_name(h);
    if (id < 0) continue;
    notes.push_back(
        fmt::format("{} is taken to be broker {} from its name (no log said its id; "
                    "use --broker {}=ID if that is wrong)",
                    h, id, h));
  }
  // A Kubernetes pod named like a Kafka StatefulSet / pod-set member
  // (`my-cluster-kafka-2`), unless its own log is a client's.
  std::set<std::string> clients, guessed;
  for (const auto& in : inputs)
    if (in.role == InputRole::kClient && !in.host.empty()) clients.insert(map.canonical(in.host));
  for (const auto& e : events) {
    if (e.host.empty() || e.broker >= 0) continue;
    if (e.field("pod").empty() &&
        !(e.kind == EventKind::kContainerTerminated || e.kind == EventKind::kPodEvicted ||
          e.kind == EventKind::kPodKilled))
      continue;
    std::string h = map.canonical(e.host);
    if (clients.count(h) || guessed.count(h)) continue;
    int32_t id = map.guess_from_pod_name(h);
    if (id < 0) continue;
    guessed.insert(h);
    notes.push_back(
        fmt::format("pod {} is taken to be broker {} from its StatefulSet ordinal (no log said "
                    "its id; use --broker {}=ID if that is wrong)",
                    h, id, h));
  }
  // A server.log that named its broker (`[KafkaServer id=1]`) but has no
  // host (a `kubectl logs` file, no folder named for the broker) speaks for
  // that broker in the lines that name nobody: its recovery after an
  // unclean stop is that broker's.
  std::unordered_map<std::string_view, int32_t> input_broker;
  for (const auto& in : inputs)
    if (in.role == InputRole::kServer && in.broker >= 0) input_broker.emplace(in.input, in.broker);
  for (auto& e : events) {
    if (e.broker >= 0 || !e.host.empty() || is_client_symptom(e)) continue;
    auto it = input_broker.find(e.input);
    if (it != input_broker.end()) e.broker = it->second;
  }
  for (auto& e : events) {
    if (e.broker < 0 && !e.host.empty()) e.broker = map.broker_for(e.host);
    // A client's event keeps the address the client itself named (or none):
    // for a listener problem that address is the evidence.
    if (e.host.empty() && e.broker >= 0 && !is_client_symptom(e)) e.host = map.host_for(e.broker);
  }
  for (auto& in : inputs)
    if (in.broker < 0 && !in.host.empty()) in.broker = map.broker_for(in.host);
  return notes;
}

Result<ResolvedEvents> extract_resolved_events(const std::vector<std::string>& inputs,
                                               const AnalyzeOptions& opts, DiagnosticSink& diag) {
  detail::EventCollector col;  // every event whole: they are written out
  Status st = extract_events(inputs, opts.extraction(), col, diag);
  if (!st.ok()) return st;
  ResolvedEvents out;
  col.take_events(out.events, out.inputs);
  infer_zones(out.events, out.inputs, opts.extraction().window);
  EntityMap map;
  out.notes = resolve_entities(out.events, out.inputs, opts, map);
  anchor_uptimes(out.events, out.inputs, opts.extraction().window);
  for (auto& n : zone_notes(out.inputs)) out.notes.push_back(std::move(n));
  return out;
}

ExtractOptions AnalyzeOptions::extraction() const {
  ExtractOptions x = *this;
  x.window.cause_margin_before_ns = correlate.lookback_ns;
  x.window.cause_margin_after_ns = correlate.lookahead_ns;
  return x;
}

AnalysisReport correlate_events(std::vector<Event> events, std::vector<InputSummary> inputs,
                                const AnalyzeOptions& opts) {
  return detail::correlate_events(std::move(events), std::move(inputs), opts, {});
}

AnalysisReport detail::correlate_collected(EventCollector& col, const AnalyzeOptions& opts) {
  std::vector<Event> events;
  std::vector<InputSummary> inputs;
  const ShortPauseTally::Extra extra = col.take_events(events, inputs);
  return correlate_events(std::move(events), std::move(inputs), opts, extra);
}

AnalysisReport detail::correlate_events(std::vector<Event> events, std::vector<InputSummary> inputs,
                                        const AnalyzeOptions& opts, ShortPauseTally::Extra extra) {
  AnalysisReport rep;
  Correlator c(opts.correlate);
  // Zones first: entity resolution and correlation read event times. A no-op
  // on events read back from `logcorr events` (decided when written).
  infer_zones(events, inputs, opts.extraction().window);
  rep.notes = resolve_entities(events, inputs, opts, c.entities());
  // Uptime-only GC logs: after entities, which match a JVM start to its
  // GC log by broker id. Pauses only counted move to the time line too.
  for (const auto& a : anchor_uptimes(events, inputs, opts.extraction().window))
    for (const auto& u : extra.unanchored)
      if (u.run == a.run && u.input == a.input) {
        extra.invalid -= u.count;
        extra.valid += u.count;
      }
  for (const auto& in : inputs) {
    InputSummary cv = in;
    if (cv.broker < 0 && !cv.host.empty()) cv.broker = c.entities().broker_for(cv.host);
    if (cv.has_span()) c.add_coverage(cv);
    rep.records += in.records;
  }
  std::stable_sort(events.begin(), events.end(),
                   [](const Event& a, const Event& b) { return a.time_ns < b.time_ns; });
  // Symptom marks name their input and client by index: a large incident
  // has many thousands of symptoms but few inputs and clients.
  std::unordered_map<std::string_view, uint32_t> input_index, client_index;
  for (size_t i = 0; i < inputs.size(); ++i)
    input_index.emplace(inputs[i].input, static_cast<uint32_t>(i));
  rep.symptom_clients.emplace_back();
  uint64_t untimed = 0;
  // One record is one error even when it also names its cause (franz-go's
  // "(is SASL missing?)": a disconnect and a sasl_failure); its events sit
  // next to each other.
  const Event* last_symptom = nullptr;
  for (const auto& e : events) {
    if (!e.time_valid) {
      ++untimed;
      continue;
    }
    ++rep.events;
    const bool same_record = last_symptom && last_symptom->line == e.line &&
                             last_symptom->time_ns == e.time_ns && last_symptom->input == e.input;
    if (is_client_symptom(e) && !same_record) {
      last_symptom = &e;
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
  in_bursts += c.quiet_idle_closes().count;  // disconnects, noted below
  rep.isolated_symptoms = rep.symptoms > in_bursts ? rep.symptoms - in_bursts : 0;
  rep.entities = c.entities().pairs();
  // Fill in input host/broker from what was learned.
  std::vector<std::string> assumed;
  for (auto& in : inputs) {
    if (in.broker < 0 && !in.host.empty()) in.broker = c.entities().broker_for(in.host);
    if (in.zone_source == ZoneSource::kAssumed) assumed.push_back(in.input);
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
  for (auto& n : zone_notes(inputs)) rep.notes.push_back(std::move(n));
  if (const auto& q = c.quiet_idle_closes(); q.count > 0) {
    std::string who;
    for (const auto& cl : q.clients) who += (who.empty() ? "" : ", ") + cl;
    rep.notes.push_back(fmt::format(
        "{} idle connection close(s) lost no request (only a disconnect after "
        "the client's Kafka records were silent for the idle timeout, or a connection that "
        "lived that long): Kafka's connections.max.idle.ms at work, not findings{}",
        q.count, who.empty() ? std::string() : "; clients: " + who));
  }
  if (rep.isolated_symptoms > 0)
    rep.notes.push_back(fmt::format(
        "{} isolated symptom event(s) formed no burst (fewer than {} within {} s) and had no cause",
        rep.isolated_symptoms, opts.correlate.min_count, opts.correlate.gap_ns / kNanosPerSecond));
  // An input none of whose records carries a time (journalctl -o cat, a
  // copy of bare messages) still yields events, but nothing can place them.
  for (const auto& in : inputs) {
    if (in.records == 0 || in.zone_source != ZoneSource::kNone) continue;
    if (!in.zone_note.empty()) continue;  // said by zone inference or uptime anchoring
    if (in.layout == Layout::kGcUnified || in.layout == Layout::kGcLegacy)
      rep.notes.push_back(fmt::format(
          "{}: uptime stamps only and no JVM start known; its {} event(s) are left out of the "
          "time line (give --jvm-start TIME, or a GC log decorated with time)",
          in.input, in.events));
    else
      rep.notes.push_back(fmt::format(
          "{}: no record has a time stamp{}; its {} event(s) are left out of the time line "
          "(give the log with its stamps, e.g. journalctl -o short-iso or -o json)",
          in.input, in.layout == Layout::kJournalCat ? " (journalctl -o cat)" : "", in.events));
  }
  if (uint64_t ignored = untimed + c.events_ignored() + extra.invalid; ignored > 0)
    rep.notes.push_back(
        fmt::format("{} event(s) had no usable time and were not correlated", ignored));
  rep.inputs = std::move(inputs);
  return rep;
}

Result<AnalysisReport> analyze(const std::vector<std::string>& inputs, const AnalyzeOptions& opts,
                               DiagnosticSink& diag) {
  return detail::analyze(inputs, opts, detail::ExtractTuning{}, diag);
}

Result<AnalysisReport> detail::analyze(const std::vector<std::string>& inputs,
                                       const AnalyzeOptions& opts, ExtractTuning tuning,
                                       DiagnosticSink& diag) {
  EventCollector col(/*slim=*/true);
  tuning.slim_short_pauses = true;  // the correlator only counts short pauses
  Status st = extract_events(inputs, opts.extraction(), tuning, col, diag);
  if (!st.ok()) return st;
  return correlate_collected(col, opts);
}

}  // namespace logcorr
