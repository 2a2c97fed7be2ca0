// anchor_uptimes: see uptime_anchor.hpp.
#include "logcorr/uptime_anchor.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <map>
#include <string_view>
#include <utility>

#include "logcorr/time.hpp"

namespace logcorr {

namespace {

struct Start {
  int64_t time_ns = 0;                // the JVM's estimated uptime zero
  const Event* record = nullptr;      // the earliest record of the start
  size_t records = 0;                 // records that tell this start
  int64_t systemd_ns = INT64_MIN;     // systemd's Started, if logged
  int64_t first_line_ns = INT64_MIN;  // Kafka's first line, if logged
};

// "2 h 14 min", "41 min", "38 s": how long a run lasted.
std::string duration_words(int64_t ns) {
  int64_t s = ns / 1'000'000'000;
  if (s >= 86400) return fmt::format("{} d {} h", s / 86400, s % 86400 / 3600);
  if (s >= 3600) return fmt::format("{} h {} min", s / 3600, s % 3600 / 60);
  if (s >= 60) return fmt::format("{} min", s / 60);
  return fmt::format("{:.1f} s", double(ns) / 1e9);
}

std::string where(const Event& e) {
  return fmt::format("{}:{}", e.input, e.line);
}

// What told the start, for the note.
std::string what(const Start& st) {
  std::string said;
  if (st.systemd_ns != INT64_MIN) {
    std::string_view unit = st.record->field("unit");
    said = fmt::format("systemd's Started {}", unit.empty() ? std::string_view("unit") : unit);
  }
  if (st.first_line_ns != INT64_MIN)
    said += fmt::format("{}Kafka's first line {}", said.empty() ? "" : " and ",
                        format_rfc3339(st.first_line_ns, Precision::kMilli));
  if (st.records > 2 ||
      (st.records == 2 && (st.systemd_ns == INT64_MIN || st.first_line_ns == INT64_MIN)))
    said += fmt::format(", {} records in all", st.records);
  return said;
}

// The starts of the JVM(s) whose host `in` speaks for, in time order, each
// cluster of records within opts.cluster_ns taken as one.
std::vector<Start> starts_for(const InputSummary& in, const std::vector<const Event*>& records,
                              const UptimeAnchorOptions& opts) {
  std::vector<const Event*> mine;
  for (const Event* e : records) {
    if (e->input == in.input) continue;
    const bool same =
        (in.broker >= 0 && e->broker == in.broker) || (!in.host.empty() && e->host == in.host);
    if (same) mine.push_back(e);
  }
  std::stable_sort(mine.begin(), mine.end(),
                   [](const Event* a, const Event* b) { return a->time_ns < b->time_ns; });
  std::vector<Start> out;
  for (const Event* e : mine) {
    if (out.empty() || e->time_ns - out.back().record->time_ns >= opts.cluster_ns) {
      out.emplace_back();
      out.back().record = e;
    }
    Start& st = out.back();
    ++st.records;
    int64_t& at = e->kind == EventKind::kJvmStart ? st.first_line_ns : st.systemd_ns;
    if (at == INT64_MIN) at = e->time_ns;
  }
  // systemd's Started comes before the JVM (the start script runs first),
  // Kafka's first line after it: with both, the JVM started between them.
  for (Start& st : out) {
    if (st.first_line_ns == INT64_MIN) {
      st.time_ns = st.systemd_ns;
      continue;
    }
    st.time_ns = st.first_line_ns - opts.first_line_delay_ns;
    if (st.systemd_ns != INT64_MIN)
      st.time_ns =
          std::min(std::max(st.time_ns, st.systemd_ns),
                   std::max(st.systemd_ns, st.first_line_ns - opts.min_first_line_delay_ns));
  }
  return out;
}

}  // namespace

bool is_jvm_start_record(const Event& e) {
  if (!e.time_valid) return false;
  if (e.kind == EventKind::kJvmStart) return true;
  // The systemd pack keeps broker_start only for broker units.
  return e.kind == EventKind::kBrokerStart &&
         std::string_view(e.pattern).substr(0, 8) == "systemd/";
}

std::vector<UptimeAnchor> anchor_uptimes(std::vector<Event>& events,
                                         std::vector<InputSummary>& inputs,
                                         const EventWindow& window,
                                         const UptimeAnchorOptions& opts) {
  std::vector<UptimeAnchor> anchored;
  bool any = false;
  for (const auto& in : inputs)
    if (layout_info(in.layout).gc && !in.uptime_runs.empty()) any = true;
  if (!any) return anchored;

  std::vector<const Event*> records;
  for (const auto& e : events)
    if (is_jvm_start_record(e)) records.push_back(&e);
  int64_t logs_end = INT64_MIN;
  for (const auto& in : inputs)
    if (in.has_span() && in.uptime_runs.empty()) logs_end = std::max(logs_end, in.last_ns);

  // (input, run) -> start; filled per input, applied to the events below.
  std::map<std::pair<std::string, uint32_t>, int64_t> start_of;
  for (auto& in : inputs) {
    if (!layout_info(in.layout).gc || in.uptime_runs.empty()) continue;
    const std::string who = in.broker >= 0    ? fmt::format("broker {}", in.broker)
                            : in.host.empty() ? std::string("its host")
                                              : in.host;
    if (in.uptime_runs_overflow) {
      in.zone_note = fmt::format(
          "{}: uptime stamps only, and its JVM restarted more than {} times: not anchored (give "
          "--jvm-start TIME for one run)",
          in.input, kMaxUptimeRuns);
      continue;
    }
    const std::vector<Start> starts = starts_for(in, records, opts);
    if (starts.empty()) {
      in.zone_note = fmt::format(
          "{}: uptime stamps only, and no log of {} shows its JVM start (systemd's `Started "
          "kafka.service`, Kafka's first line `Registered kafka:type=kafka.Log4jController "
          "MBean`); its events are left out of the time line (give --jvm-start TIME, or decorate "
          "the GC log with time: -Xlog:gc*:file=gc.log:time,uptime,level,tags)",
          in.input, who);
      continue;
    }
    // The last run first: it takes the latest start it fits after; each
    // earlier run must have started before the run after it.
    const size_t n = in.uptime_runs.size();
    std::vector<int> chosen(n, -1);
    std::vector<size_t> fitting(n, 0);
    int64_t before = INT64_MAX;  // the next run's start
    for (size_t r = n; r-- > 0;) {
      const UptimeRun& run = in.uptime_runs[r];
      for (size_t k = starts.size(); k-- > 0;) {
        const int64_t s = starts[k].time_ns;
        if (s >= before) continue;
        int64_t end;
        if (__builtin_add_overflow(s, run.last_ns, &end)) continue;
        int64_t bound = k + 1 < starts.size() ? starts[k + 1].time_ns : INT64_MAX;
        bound = std::min(bound, before);
        if (bound != INT64_MAX && end > bound + opts.slack_ns) continue;
        if (logs_end != INT64_MIN && end > logs_end + opts.end_slack_ns) continue;
        if (chosen[r] < 0) chosen[r] = static_cast<int>(k);
        ++fitting[r];
      }
      if (chosen[r] >= 0) before = starts[static_cast<size_t>(chosen[r])].time_ns;
    }
    std::string said;
    size_t done = 0, left_records = 0;
    int64_t first = INT64_MAX, last = INT64_MIN;
    for (size_t r = 0; r < n; ++r) {
      const UptimeRun& run = in.uptime_runs[r];
      if (chosen[r] < 0) {
        left_records += run.records;
        continue;
      }
      const Start& st = starts[static_cast<size_t>(chosen[r])];
      ++done;
      start_of[{in.input, static_cast<uint32_t>(r)}] = st.time_ns;
      anchored.push_back({in.input, static_cast<uint32_t>(r), st.time_ns, where(*st.record)});
      first = std::min(first, st.time_ns + run.first_ns);
      last = std::max(last, st.time_ns + run.last_ns);
      said += fmt::format(
          "{}{} at {} ({}: {}), its records spanning {}{}", said.empty() ? "" : "; ",
          n > 1 ? fmt::format("JVM run {} of {} started", r + 1, n) : std::string("JVM started"),
          format_rfc3339(st.time_ns, Precision::kMilli), where(*st.record), what(st),
          duration_words(run.last_ns - run.first_ns),
          n == 1 && fitting[r] > 1
              ? fmt::format(" (the latest of {} starts of {} it fits after)", fitting[r], who)
              : std::string());
    }
    if (done == 0) {
      in.zone_note = fmt::format(
          "{}: uptime stamps only; {} start(s) of {}'s JVM are logged, but its uptimes (up to {}) "
          "fit after none of them (the run would outlast the next start or every other log); "
          "its events are left out of the time line (give --jvm-start TIME)",
          in.input, starts.size(), who, duration_words(in.uptime_runs.back().last_ns));
      continue;
    }
    in.zone_note = fmt::format(
        "{}: uptime stamps anchored to the JVM start: {}; within about 1.5 s{}", in.input, said,
        left_records > 0 ? fmt::format("; {} record(s) of {} run(s) no start fits stay off the "
                                       "time line (give --jvm-start TIME)",
                                       left_records, n - done)
                         : std::string());
    if (!in.has_span()) {
      in.first_ns = first;
      in.last_ns = last;
    } else {
      in.first_ns = std::min(in.first_ns, first);
      in.last_ns = std::max(in.last_ns, last);
    }
    in.zone_source = ZoneSource::kInferred;
    in.zone.clear();  // no zone: a start + uptimes
  }
  if (start_of.empty()) return anchored;
  size_t kept = 0;
  for (size_t k = 0; k < events.size(); ++k) {
    Event& e = events[k];
    if (!e.time_valid && e.uptime_ns >= 0) {
      auto it = start_of.find({e.input, e.uptime_run});
      if (it != start_of.end() && !__builtin_add_overflow(it->second, e.uptime_ns, &e.time_ns)) {
        e.time_valid = true;
        e.precision = Precision::kMilli;
        e.uptime_ns = -1;
        if (!window.contains(e)) continue;
      }
    }
    if (kept != k) events[kept] = std::move(e);
    ++kept;
  }
  events.resize(kept);
  return anchored;
}

}  // namespace logcorr
