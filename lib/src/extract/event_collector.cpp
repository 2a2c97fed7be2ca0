#include "extract/event_collector.hpp"

namespace logcorr::detail {

namespace {

bool same_key(const Event& kept, const Event& e) {
  return kept.input_index == e.input_index && kept.time_valid == e.time_valid &&
         kept.broker == e.broker && kept.uptime_run == e.uptime_run && kept.host == e.host &&
         kept.input == e.input;
}

Event slim_copy(const Event& e) {
  Event s;
  s.time_ns = e.time_ns;
  s.duration_ns = e.duration_ns;
  s.precision = e.precision;
  s.kind = e.kind;
  s.time_valid = e.time_valid;
  s.uptime_ns = e.uptime_ns;
  s.uptime_run = e.uptime_run;
  s.host = e.host;
  s.broker = e.broker;
  s.input_index = e.input_index;
  s.input = e.input;
  s.line = e.line;
  s.input_prev_ns = e.input_prev_ns;
  return s;
}

}  // namespace

bool ShortPauseTally::add(const Event& e) {
  if ((e.kind != EventKind::kGcPause && e.kind != EventKind::kSafepoint) ||
      e.duration_ns >= kMinCausalPauseNs)
    return false;
  if (last_ < entries_.size() && same_key(entries_[last_].kept, e)) {
    ++entries_[last_].count;
    return true;
  }
  for (size_t i = 0; i < entries_.size(); ++i)
    if (same_key(entries_[i].kept, e)) {
      ++entries_[i].count;
      last_ = i;
      return true;
    }
  last_ = entries_.size();
  entries_.push_back({slim_copy(e), 1});
  return true;
}

void ShortPauseTally::replay(EventSink& sink) const {
  for (const auto& en : entries_)
    for (uint64_t i = 0; i < en.count; ++i) sink.on_event(en.kept);
}

ShortPauseTally::Extra ShortPauseTally::append_to(std::vector<Event>& out) const {
  Extra x;
  for (const auto& en : entries_) {
    out.push_back(en.kept);
    (en.kept.time_valid ? x.valid : x.invalid) += en.count - 1;
    if (!en.kept.time_valid && en.kept.uptime_ns >= 0 && en.count > 1)
      x.unanchored.push_back({en.kept.input, en.kept.uptime_run, en.count - 1});
  }
  return x;
}

void EventCollector::drain_into(EventSink& sink) {
  for (const auto& e : events) sink.on_event(e);
  pauses.replay(sink);
  for (const auto& in : inputs) sink.on_input(in);
  events = {};
  inputs = {};
  pauses.clear();
}

ShortPauseTally::Extra EventCollector::take_events(std::vector<Event>& out,
                                                   std::vector<InputSummary>& ins) {
  const ShortPauseTally::Extra extra = pauses.append_to(events);
  pauses.clear();
  out = std::move(events);
  ins = std::move(inputs);
  events = {};
  inputs = {};
  return extra;
}

}  // namespace logcorr::detail
