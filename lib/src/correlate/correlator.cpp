// Correlator: orchestration. Reorders events within the allowed lateness,
// feeds symptoms to the burst builder and broker-side events to the cause
// index, and finalises bursts once the watermark says no cause can still
// arrive for them.
#include <algorithm>
#include <queue>
#include <unordered_map>

#include "burst_builder.hpp"
#include "cause_index.hpp"
#include "connection_ages.hpp"
#include "logcorr/correlate.hpp"
#include "verdict.hpp"

namespace logcorr {

std::string_view verdict_name(Verdict v) {
  switch (v) {
    case Verdict::kBrokerRestart:
      return "broker-restart";
    case Verdict::kBrokerCrash:
      return "broker-crash";
    case Verdict::kOomKill:
      return "oom-kill";
    case Verdict::kGcPause:
      return "gc-pause";
    case Verdict::kIdleClose:
      return "idle-close";
    case Verdict::kListenerMisconfig:
      return "listener-misconfig";
    case Verdict::kBrokerFault:
      return "broker-fault";
    case Verdict::kAuthFailure:
      return "auth-failure";
    case Verdict::kNetworkPath:
      return "network-path";
    case Verdict::kUnexplained:
      return "unexplained";
  }
  return "unexplained";
}

std::optional<Verdict> verdict_from_name(std::string_view name) {
  for (int i = 0; i <= static_cast<int>(Verdict::kUnexplained); ++i)
    if (verdict_name(static_cast<Verdict>(i)) == name) return static_cast<Verdict>(i);
  return std::nullopt;
}

namespace {

// Symptoms toward one broker over a long time (listener-misconfig evidence).
// Its name sets are capped: a burst that names thousands of brokers and
// hosts is added to every one of their trackers, and uncapped copies would
// make memory quadratic in the number of distinct entities.
constexpr size_t kChronicNames = 64;
// Client configs kept by client.id (the rest are found by their input).
constexpr size_t kMaxClientConfigs = 4096;
struct ChronicTrack {
  int64_t first_ns = INT64_MAX;
  int64_t last_ns = INT64_MIN;
  uint32_t count = 0;
  std::set<std::string> clients;
  std::set<std::string> hosts;
  std::map<std::string, uint32_t> kinds;
  std::vector<Evidence> evidence;
  bool emitted = false;
};

int64_t parse_ms_field(std::string_view v) {
  int64_t x = 0;
  if (v.empty()) return -1;
  for (char c : v) {
    if (c < '0' || c > '9') return -1;
    x = x * 10 + (c - '0');
    if (x > (INT64_MAX / 10'000'000)) return -1;
  }
  return x * 1'000'000;
}

std::string_view config_field(const Event& e, std::string_view dotted) {
  auto v = e.field(dotted);
  if (!v.empty()) return v;
  std::string underscored(dotted);
  std::replace(underscored.begin(), underscored.end(), '.', '_');
  return e.field(underscored);
}

// The reorder buffer releases events by time, and events of equal time in
// the order they arrived (a heap alone is not stable: ties would come out in
// an order that depends on every other event in it, and evidence lists with
// them).
struct Arrived {
  Event e;
  uint64_t seq;
};
struct ByTime {
  bool operator()(const Arrived& a, const Arrived& b) const {
    return a.e.time_ns != b.e.time_ns ? a.e.time_ns > b.e.time_ns : a.seq > b.seq;
  }
};

}  // namespace

struct Correlator::State {
  CorrelateOptions opts;
  EntityMap entities;
  detail::BurstBuilder bursts{opts};
  detail::CauseIndex causes{opts, entities};
  std::priority_queue<Arrived, std::vector<Arrived>, ByTime> reorder;
  uint64_t arrivals = 0;
  int64_t max_seen = INT64_MIN;
  int64_t released_to = INT64_MIN;           // events at or before this were processed
  std::vector<detail::PendingBurst> closed;  // waiting for their causes
  std::map<std::string, detail::ClientConfig> configs;
  std::vector<InputSummary> coverage;
  std::map<int32_t, ChronicTrack> chronic;
  detail::ConnectionAges ages;
  QuietIdleCloses quiet_idle;
  // Per input, the time of its latest event: a client's Kafka records are
  // its events (Kafka's clients log little else at INFO), and the silence
  // before a symptom is measured on them, not on the application's lines.
  std::unordered_map<std::string, int64_t> last_event_ns;
  uint64_t ignored = 0;
  std::vector<OpenBurst> opened;

  void learn(const Event& e) {
    if (e.broker >= 0 && !e.host.empty()) entities.learn(e.host, e.broker);
    auto ip = e.field("ip");
    if (!ip.empty() && !e.host.empty()) entities.learn_alias(ip, e.host);
  }

  // How long `e`'s input had logged no event before `e` (from the input's
  // first record when `e` is its first event), or -1.
  int64_t kafka_silence(const Event& e, int64_t prev) const {
    if (prev == INT64_MIN)
      for (const auto& cv : coverage)
        if (cv.input == e.input && cv.has_span()) prev = cv.first_ns;
    return prev == INT64_MIN || prev > e.time_ns ? -1 : e.time_ns - prev;
  }

  void process(const Event& e) {
    auto [last, fresh] = last_event_ns.try_emplace(e.input, INT64_MIN);
    const int64_t prev = last->second;
    last->second = std::max(prev, e.time_ns);
    if (is_client_symptom(e)) {
      if (e.kind == EventKind::kDisconnect)
        if (int64_t age = detail::age_ms_of(e); age > 0) ages.add(e.time_ns, age, e.broker);
      bursts.add(e, closed, kafka_silence(e, prev));
      if (bursts.take_opened_flag()) {
        const auto& pb = bursts.open_burst();
        opened.push_back(OpenBurst{pb.burst.start_ns,
                                   pb.burst.count,
                                   {pb.brokers.begin(), pb.brokers.end()},
                                   {pb.clients.begin(), pb.clients.end()}});
      }
    } else if (e.kind == EventKind::kClientConfig) {
      detail::ClientConfig cc;
      cc.request_timeout_ns = parse_ms_field(config_field(e, "request.timeout.ms"));
      cc.idle_ns = parse_ms_field(config_field(e, "connections.max.idle.ms"));
      cc.idempotence = std::string(config_field(e, "enable.idempotence"));
      cc.acks = std::string(config_field(e, "acks"));
      cc.retries = std::string(config_field(e, "retries"));
      cc.input = e.input;
      std::string id = e.client.empty() ? std::string(config_field(e, "client.id")) : e.client;
      // Java numbers its default client.id per instance (producer-1,
      // producer-2, …): an application that makes a producer per request
      // would grow this without end, so new ids past the cap are not kept
      // (their input's entry still is).
      if (!id.empty() && (configs.size() < kMaxClientConfigs || configs.count(id)))
        configs[id] = cc;
      configs["input:" + e.input] = cc;
    } else if (e.kind == EventKind::kJvmOomError) {
      // An OutOfMemoryError is a broker fault only when a broker's JVM threw
      // it: in a broker-side input (server.log, the journal), never in a
      // client application's log (batch knows every input's role up front;
      // follow refreshes it before releasing events).
      if (broker_side_input(e.input)) causes.add(e);
    } else if (e.kind == EventKind::kTlsFailure || e.kind == EventKind::kSaslFailure ||
               !is_auth_or_path(e.kind)) {
      // A broker's side of a failed handshake (`Failed authentication with
      // /IP`) is a cause on that broker; its own DNS or route failures
      // (toward ZooKeeper, a controller, another broker) are not read yet.
      causes.add(e);
    }
  }

  bool broker_side_input(const std::string& input) const {
    for (const auto& cv : coverage)
      if (cv.input == input) return is_broker_side(cv.role);
    return false;
  }

  void release(int64_t upto) {
    while (!reorder.empty() && reorder.top().e.time_ns <= upto) {
      // Moved out before the pop: the heap compares only time and seq, which
      // a moved-from Event keeps.
      Event e = std::move(const_cast<Arrived&>(reorder.top()).e);
      reorder.pop();
      process(e);
    }
    released_to = std::max(released_to, upto);
    bursts.advance(upto, closed);
  }

  detail::VerdictContext ctx() const {
    return detail::VerdictContext{opts, entities, causes, configs, coverage, ages};
  }

  // A burst is final when nothing that could explain it can still arrive.
  std::vector<Burst> finalize(bool all) {
    std::vector<Burst> out;
    std::vector<detail::PendingBurst> keep;
    int64_t wait = std::max(opts.gap_ns, opts.lookahead_ns);
    for (auto& pb : closed) {
      if (!all && pb.burst.end_ns + wait > released_to) {
        keep.push_back(std::move(pb));
        continue;
      }
      detail::decide(pb, ctx());
      bool lone = pb.burst.count < opts.min_count;
      // Errors nothing explains feed the long-run view: spread over a long
      // time toward one broker, they point to the path, not the broker.
      if (pb.burst.verdict == Verdict::kUnexplained ||
          pb.burst.verdict == Verdict::kListenerMisconfig)
        track_chronic(pb.burst);
      // A lone symptom is a finding only when something explains it or it
      // looks like an idle close; otherwise it is background noise (it still
      // counts toward the chronic tracker).
      if (lone && pb.burst.verdict == Verdict::kUnexplained) continue;
      if (lone && pb.burst.verdict == Verdict::kListenerMisconfig) continue;
      // An idle connection closed with nothing lost (only disconnects: no
      // request failed, the client will simply reconnect) is Kafka's idle
      // timeout at work, not an incident: counted for a note, not a finding
      // (a busy client's archive has one every few minutes).
      if (pb.burst.verdict == Verdict::kIdleClose && pb.burst.kinds.size() == 1 &&
          pb.burst.kinds.count(std::string(kind_name(EventKind::kDisconnect)))) {
        quiet_idle.count += pb.burst.count;
        for (const auto& cl : pb.burst.clients)
          if (quiet_idle.clients.size() < 8) quiet_idle.clients.insert(cl);
        continue;
      }
      out.push_back(std::move(pb.burst));
    }
    closed = std::move(keep);
    // Evict causes nothing can reach any more.
    if (!all && released_to != INT64_MIN) {
      int64_t horizon = released_to - opts.lookback_ns - opts.gap_ns - opts.lateness_ns;
      if (!closed.empty())
        horizon = std::min(horizon, closed.front().burst.start_ns - opts.lookback_ns);
      causes.evict_before(horizon);
    }
    return out;
  }

  void track_chronic(const Burst& b) {
    for (int32_t broker : b.brokers) {
      auto& t = chronic[broker];
      t.first_ns = std::min(t.first_ns, b.start_ns);
      t.last_ns = std::max(t.last_ns, b.end_ns);
      t.count += b.count;
      for (const auto& c : b.clients) detail::insert_capped(t.clients, c, kChronicNames);
      for (const auto& h : b.hosts) detail::insert_capped(t.hosts, h, kChronicNames);
      for (const auto& [k, n] : b.kinds) t.kinds[k] += n;
      for (const auto& ev : b.evidence)
        if (t.evidence.size() < opts.max_evidence) t.evidence.push_back(ev);
    }
  }

  // Long-running symptoms toward a healthy broker -> listener-misconfig.
  void chronic_findings(std::vector<Burst>& out) {
    // The brokers whose errors were chronic, with their spans.
    std::unordered_map<int32_t, std::pair<int64_t, int64_t>> spans;
    for (auto& [broker, t] : chronic) {
      if (t.emitted || t.count < opts.chronic_min_count) continue;
      if (t.last_ns - t.first_ns < opts.chronic_span_ns) continue;
      if ((t.last_ns - t.first_ns) / t.count > opts.chronic_max_mean_gap_ns) continue;
      if (causes.any_for_broker(broker, t.first_ns, t.last_ns)) continue;
      spans.emplace(broker, std::make_pair(t.first_ns, t.last_ns));
    }
    if (spans.empty()) return;
    // Unexplained bursts toward such a broker inside its span are absorbed:
    // one pass over the bursts, whatever the number of brokers (erasing one
    // at a time per broker was quadratic).
    std::erase_if(out, [&spans](const Burst& x) {
      if (x.verdict != Verdict::kUnexplained && x.verdict != Verdict::kListenerMisconfig)
        return false;
      for (int32_t b : x.brokers) {
        auto it = spans.find(b);
        if (it != spans.end() && x.start_ns >= it->second.first && x.end_ns <= it->second.second)
          return true;
      }
      return false;
    });
    for (auto& [broker, t] : chronic) {
      if (!spans.count(broker)) continue;
      Burst b;
      b.start_ns = t.first_ns;
      b.end_ns = t.last_ns;
      b.count = t.count;
      b.kinds = t.kinds;
      b.clients.assign(t.clients.begin(), t.clients.end());
      b.hosts.assign(t.hosts.begin(), t.hosts.end());
      b.brokers = {broker};
      b.verdict = Verdict::kListenerMisconfig;
      b.confidence = 0.7;
      b.evidence = t.evidence;
      b.advice = detail::advice_for(b.verdict);
      std::string addr = t.hosts.empty() ? std::string() : *t.hosts.begin();
      b.warnings.push_back(
          "errors toward broker " + std::to_string(broker) +
          (addr.empty() ? std::string() : " (" + addr + ")") +
          " kept coming for the whole span while no broker-side stop, crash or pause was logged");
      t.emitted = true;
      out.push_back(std::move(b));
    }
    std::sort(out.begin(), out.end(),
              [](const Burst& a, const Burst& b) { return a.start_ns < b.start_ns; });
  }
};

Correlator::Correlator(CorrelateOptions opts) : s_(std::make_unique<State>()) {
  s_->opts = opts;
}
Correlator::~Correlator() = default;

void Correlator::add(const Event& e) {
  State& s = *s_;
  if (!e.time_valid) {
    ++s.ignored;
    return;
  }
  s.learn(e);
  s.reorder.push({e, s.arrivals++});
  s.max_seen = std::max(s.max_seen, e.time_ns);
  if (s.max_seen - s.opts.lateness_ns > s.released_to) s.release(s.max_seen - s.opts.lateness_ns);
}

void Correlator::add_coverage(const InputSummary& c) {
  for (auto& x : s_->coverage)
    if (x.input == c.input) {
      x = c;
      return;
    }
  s_->coverage.push_back(c);
}

EntityMap& Correlator::entities() {
  return s_->entities;
}

void Correlator::advance(int64_t now_ns) {
  State& s = *s_;
  s.max_seen = std::max(s.max_seen, now_ns);
  s.release(s.max_seen - s.opts.lateness_ns);
}

std::vector<Burst> Correlator::poll() {
  auto out = s_->finalize(false);
  return out;
}

std::vector<Burst> Correlator::finish() {
  State& s = *s_;
  s.release(INT64_MAX);
  s.bursts.close(s.closed);
  s.causes.resolve_entities();
  auto out = s.finalize(true);
  s.chronic_findings(out);
  return out;
}

std::vector<Correlator::OpenBurst> Correlator::newly_opened() {
  auto out = std::move(s_->opened);
  s_->opened.clear();
  return out;
}

const Correlator::QuietIdleCloses& Correlator::quiet_idle_closes() const {
  return s_->quiet_idle;
}

uint64_t Correlator::events_ignored() const {
  return s_->ignored;
}

}  // namespace logcorr
