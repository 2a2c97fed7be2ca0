// LiveAnalyzer: per-source extraction, the event-time watermark across
// sources, and the shared Correlator behind it.
#include <algorithm>
#include <climits>
#include <deque>
#include <queue>
#include <set>

#include "extract/live_source.hpp"
#include "extract/record_matcher.hpp"
#include "logcorr/follow.hpp"

namespace logcorr {

namespace {

struct Later {
  bool operator()(const Event& a, const Event& b) const { return a.time_ns > b.time_ns; }
};

// Runs of symptoms as they arrive, before the watermark: the correlator only
// sees an event once every source has passed it (plus the lateness), which is
// right for verdicts but a minute too late for "something is failing now".
// This is the same gap rule as the correlator's burst builder, applied on
// arrival, so the "opened" alert fires on the record that crosses the
// threshold.
struct EarlyRun {
  bool announced = false;
  int64_t start_ns = 0, end_ns = 0;
  uint32_t count = 0;
  std::set<int32_t> brokers;
  std::set<std::string> clients;
  uint64_t id = 0;
};

struct Announced {
  int64_t start_ns, end_ns;
  uint64_t id;
};

}  // namespace

struct LiveAnalyzer::State final : EventSink {
  LiveOptions opts;
  ExtractOptions extract;  // opts.analyze as the sources' extraction takes them
  DiagnosticSink* diag = nullptr;
  std::unique_ptr<detail::RecordMatcher> matcher;
  std::unique_ptr<Correlator> corr;
  std::vector<std::unique_ptr<detail::LiveSource>> sources;
  std::priority_queue<Event, std::vector<Event>, Later> held;  // waiting for the watermark
  std::function<void(const LiveFinding&)> callback;
  std::vector<LiveFinding> queue;
  std::deque<EarlyRun> runs;          // recent symptom runs, for "opened" alerts
  std::deque<Announced> announced;    // opened, not decided yet
  std::set<std::string> guessed;      // hosts whose broker id was guessed from the name
  std::set<std::string> node_inputs;  // inputs whose records name Kubernetes pods
  uint64_t next_id = 1;
  uint64_t events = 0;
  int64_t watermark = INT64_MIN;
  int64_t coverage_wall = INT64_MIN;
  bool finished = false;

  void on_event(const Event& e) override {
    ++events;
    if (!e.field("pod").empty() || !e.field("pod_uid").empty()) node_inputs.insert(e.input);
    if (e.time_valid && is_client_symptom(e)) early_symptom(e);
    held.push(e);
  }
  void on_input(const InputSummary&) override {}

  void deliver(LiveFinding&& f) {
    if (callback)
      callback(f);
    else
      queue.push_back(std::move(f));
  }

  // Symptoms arrive per source, so across sources they are out of order
  // (a tailed file read from its start replays hours): each symptom joins
  // the run whose gap-extended span holds it, else starts a new one.
  void early_symptom(const Event& e) {
    const auto& co = opts.analyze.correlate;
    EarlyRun* r = nullptr;
    for (auto& x : runs)
      if (e.time_ns >= x.start_ns - co.gap_ns && e.time_ns <= x.end_ns + co.gap_ns) {
        r = &x;
        break;
      }
    if (!r) {
      // Runs the watermark has passed are decided (or dropped) by the
      // correlator; a fixed cap bounds the rest.
      if (watermark != INT64_MIN) {
        int64_t horizon = watermark - co.lateness_ns - 2 * co.gap_ns - co.lookahead_ns;
        std::erase_if(runs, [&](const EarlyRun& x) { return x.end_ns < horizon; });
      }
      if (runs.size() >= 256) runs.pop_front();
      runs.push_back(EarlyRun{});
      r = &runs.back();
      r->start_ns = r->end_ns = e.time_ns;
    }
    r->start_ns = std::min(r->start_ns, e.time_ns);
    r->end_ns = std::max(r->end_ns, e.time_ns);
    ++r->count;
    if (e.broker >= 0 && r->brokers.size() < 64) r->brokers.insert(e.broker);
    if (!e.client.empty() && r->clients.size() < 64) r->clients.insert(e.client);
    if (r->announced) {
      for (auto& a : announced)
        if (a.id == r->id) {
          a.start_ns = r->start_ns;
          a.end_ns = r->end_ns;
        }
      return;
    }
    if (r->count < co.min_count) return;
    r->announced = true;
    r->id = next_id++;
    announced.push_back(Announced{r->start_ns, r->end_ns, r->id});
    // Bounded: a decision that never matches (a burst the correlator dropped)
    // must not leave its announcement behind for ever.
    if (announced.size() > 1024) announced.pop_front();
    LiveFinding f;
    f.type = LiveFinding::Type::kOpened;
    f.id = r->id;
    f.opened = Correlator::OpenBurst{r->start_ns,
                                     r->count,
                                     {r->brokers.begin(), r->brokers.end()},
                                     {r->clients.begin(), r->clients.end()}};
    deliver(std::move(f));
  }

  uint64_t id_for(const Burst& b) {
    int64_t gap = opts.analyze.correlate.gap_ns;
    for (auto it = announced.begin(); it != announced.end(); ++it)
      if (it->start_ns <= b.end_ns + gap && it->end_ns + gap >= b.start_ns) {
        uint64_t id = it->id;
        announced.erase(it);
        return id;
      }
    return next_id++;
  }

  void decided(std::vector<Burst> bursts) {
    for (auto& b : bursts) {
      LiveFinding f;
      f.type = LiveFinding::Type::kDecided;
      f.id = id_for(b);
      f.burst = std::move(b);
      deliver(std::move(f));
    }
  }

  detail::LiveSource* find(std::string_view id) {
    for (auto& s : sources)
      if (s->id() == id) return s.get();
    return nullptr;
  }

  detail::LiveSource& get(std::string_view id, std::string_view path = {}) {
    if (auto* s = find(id)) return *s;
    sources.push_back(std::make_unique<detail::LiveSource>(
        std::string(id), path, matcher.get(), extract, opts.sniff_lines, *diag, *this));
    return *sources.back();
  }

  // Coverage and host <-> broker pairings from what each source is, as
  // batch `correlate_events` learns them from its input summaries.
  void refresh_coverage() {
    EntityMap& ent = corr->entities();
    std::vector<InputSummary> ins;
    for (auto& s : sources) ins.push_back(s->summary());
    for (const auto& in : ins)
      if (in.broker >= 0 && !in.host.empty()) ent.learn(in.host, in.broker);
    // Last resort, as in batch: a broker-side host named like `broker-3`.
    for (const auto& in : ins) {
      if (!is_broker_side(in.role)) continue;
      // A Kubernetes node's journal speaks for the node, as in batch.
      if (in.role == InputRole::kJournal && node_inputs.count(in.input)) continue;
      if (ent.guess_from_name(in.host) >= 0) guessed.insert(in.host);
    }
    for (auto& in : ins) {
      InputSummary cv = in;
      if (cv.broker < 0 && !cv.host.empty()) cv.broker = ent.broker_for(cv.host);
      if (cv.has_span()) corr->add_coverage(cv);
    }
  }

  void advance(int64_t wall_ns) {
    if (coverage_wall == INT64_MIN || wall_ns - coverage_wall >= 100'000'000) {
      refresh_coverage();
      coverage_wall = wall_ns;
    }
    // Every active source must have passed a time before it is released; an
    // ended or idle source does not hold it back, and when none is active
    // everything seen so far is released.
    int64_t w = INT64_MAX, newest = INT64_MIN;
    bool active = false;
    for (auto& s : sources) {
      // A source that has not said anything yet holds everything back for
      // one idle timeout from when it was first seen: at start-up the files
      // are read one after another, and the first must not race ahead.
      s->touch(wall_ns);
      newest = std::max(newest, s->newest_ns());
      if (s->ended() || wall_ns - s->last_progress_wall() >= opts.idle_timeout_ns) continue;
      w = std::min(w, s->newest_ns());
      active = true;
    }
    if (!active) w = newest;
    if (w > watermark) watermark = w;
    if (watermark == INT64_MIN) return;
    while (!held.empty() && held.top().time_ns <= watermark) {
      corr->add(held.top());
      held.pop();
    }
    // Events without a time never pass a watermark; the correlator counts
    // and ignores them.
    corr->advance(watermark);
    corr->newly_opened();  // opened alerts come from the early run (see EarlyRun)
    decided(corr->poll());
  }
};

LiveAnalyzer::LiveAnalyzer(std::unique_ptr<State> s) : s_(std::move(s)) {}
LiveAnalyzer::~LiveAnalyzer() = default;

Result<std::unique_ptr<LiveAnalyzer>> LiveAnalyzer::create(LiveOptions opts, DiagnosticSink& diag) {
  auto s = std::make_unique<State>();
  s->opts = std::move(opts);
  s->extract = s->opts.analyze.extraction();
  s->diag = &diag;
  s->matcher = detail::RecordMatcher::create(s->extract, diag);
  if (!s->matcher && s->extract.wants_patterns())
    return Status(ErrorCode::kPatternError, "the pattern packs could not be loaded");
  s->corr = std::make_unique<Correlator>(s->opts.analyze.correlate);
  for (const auto& [host, id] : s->opts.analyze.broker_map)
    s->corr->entities().add_user_mapping(host, id);
  return std::unique_ptr<LiveAnalyzer>(new LiveAnalyzer(std::move(s)));
}

void LiveAnalyzer::set_callback(std::function<void(const LiveFinding&)> cb) {
  s_->callback = std::move(cb);
}

void LiveAnalyzer::add_source(std::string_view id, std::string_view path) {
  s_->get(id, path);
}

void LiveAnalyzer::feed(std::string_view id, std::string_view bytes, int64_t wall_ns) {
  if (s_->finished) return;
  s_->get(id).feed(bytes, wall_ns);
  s_->advance(wall_ns);
}

void LiveAnalyzer::restart_source(std::string_view id, int64_t wall_ns) {
  if (s_->finished) return;
  s_->get(id).restart();
  s_->advance(wall_ns);
}

void LiveAnalyzer::end_source(std::string_view id, int64_t wall_ns) {
  if (s_->finished) return;
  auto& src = s_->get(id);
  if (!src.ended()) src.end();
  s_->coverage_wall = INT64_MIN;
  s_->advance(wall_ns);
}

void LiveAnalyzer::tick(int64_t wall_ns) {
  if (s_->finished) return;
  for (auto& s : s_->sources)
    if (s->pending() && wall_ns - s->last_bytes_wall() >= s_->opts.flush_after_ns)
      s->flush(wall_ns);
  s_->advance(wall_ns);
}

std::vector<LiveFinding> LiveAnalyzer::poll() {
  return std::exchange(s_->queue, {});
}

std::vector<LiveFinding> LiveAnalyzer::finish() {
  State& s = *s_;
  if (!s.finished) {
    for (auto& src : s.sources)
      if (!src->ended()) src->end();
    s.refresh_coverage();
    s.corr->entities();
    while (!s.held.empty()) {
      s.corr->add(s.held.top());
      s.held.pop();
    }
    s.corr->newly_opened();
    s.decided(s.corr->finish());
    s.finished = true;
  }
  return poll();
}

int64_t LiveAnalyzer::watermark() const {
  return s_->watermark;
}

std::vector<LiveSourceStats> LiveAnalyzer::stats() const {
  std::vector<LiveSourceStats> out;
  int64_t w = s_->watermark;
  for (const auto& src : s_->sources) {
    LiveSourceStats st;
    st.id = src->id();
    st.layout = src->stats().layout;
    st.bytes = src->stats().bytes;
    st.records = src->stats().records;
    st.events = src->events();
    st.files = src->stats().files_read;
    st.newest_ns = src->newest_ns();
    st.ended = src->ended();
    st.holding = !st.ended && st.newest_ns != INT64_MIN && st.newest_ns == w;
    out.push_back(std::move(st));
  }
  return out;
}

uint64_t LiveAnalyzer::events() const {
  return s_->events;
}

uint64_t LiveAnalyzer::records() const {
  uint64_t n = 0;
  for (const auto& src : s_->sources) n += src->stats().records;
  return n;
}

}  // namespace logcorr
