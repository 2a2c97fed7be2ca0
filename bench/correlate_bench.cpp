// Correlation at 10^6 events, and regex extraction on the records that pass
// the prefilter (issue 7, "How it is measured").
//
// The event mix is that of a day of a busy cluster's logs: most events are
// short young-GC pauses (every GC log yields one per pause), then client
// symptoms in bursts around broker restarts, GC stalls and OOM kills, plus a
// thin drizzle of lone symptoms (idle closes) and broker lifecycle lines.
//   CorrelateEvents     - correlate_events(): entity resolution + Correlator
//                         + report, batch, on a vector of 10^6 events
//   CorrelatorStream    - Correlator::add / poll / finish fed one reused
//                         Event (follow mode's path; no event vector)
//   MatchExtract        - Matcher::match on interesting lines only: the
//                         regex extraction of fields every hit pays
// Arg: number of events (CorrelatePct: % of symptoms in the mix).
// Run: build-bench/bench/correlate_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "logcorr/analyze.hpp"
#include "logcorr/correlate.hpp"
#include "logcorr/diagnostics.hpp"
#include "logcorr/events_io.hpp"
#include "logcorr/match.hpp"
#include "logcorr/patterns.hpp"
#include "logcorr/report.hpp"

namespace {

using namespace logcorr;

constexpr int64_t kMs = 1'000'000;
constexpr int64_t kSec = 1000 * kMs;
constexpr int64_t kDay0 = 1'773'100'800LL * kSec;  // 2026-03-10T00:00:00Z
constexpr int kBrokers = 6;
constexpr int kClients = 24;

const char* const kInputs[] = {"clients/a.log", "clients/b.log", "broker-1/gc.log",
                               "broker-1/journal.json"};

// Fills `e` with the i-th event of a deterministic stream whose times grow
// across a day. About symptom_pct % of the events are client symptoms in
// bursts (~50 errors within a second or two toward one broker, right after a
// stop / long pause / OOM kill of that broker); 0.1% are lone (idle closes).
class EventStream {
 public:
  EventStream(size_t n, int symptom_pct) : n_(n), pct_(symptom_pct), rng_(7) {}

  bool next(Event& e) {
    if (i_ >= n_) return false;
    e.clear();
    e.time_valid = true;
    e.precision = Precision::kMilli;
    t_ += step();
    e.time_ns = t_;
    e.line = i_ + 1;
    const double u = uni_(rng_);
    if (burst_left_ > 0) {
      symptom(e, burst_broker_);
      --burst_left_;
    } else if (u < pct_ / 100.0 / 50) {
      // a new burst (~50 symptoms toward one broker) starts with its cause
      burst_broker_ = 1 + static_cast<int>(rng_() % kBrokers);
      burst_left_ = 20 + static_cast<int>(rng_() % 60);
      cause(e, burst_broker_);
    } else if (u < pct_ / 100.0 / 50 + 0.001) {
      symptom(e, 1 + static_cast<int>(rng_() % kBrokers));  // lone: an idle close
    } else {
      gc(e);
    }
    ++i_;
    return true;
  }

 private:
  int64_t step() {
    // a day spread over n events; a burst's errors come within milliseconds
    if (burst_left_ > 0) return static_cast<int64_t>(rng_() % 40) * kMs;
    const int64_t mean = 86'400 * kSec / static_cast<int64_t>(n_);
    return static_cast<int64_t>(rng_() % static_cast<uint64_t>(2 * mean));
  }

  void symptom(Event& e, int broker) {
    static const EventKind kinds[] = {EventKind::kNetworkException, EventKind::kDisconnect,
                                      EventKind::kConnectFailed, EventKind::kRequestTimeout};
    const int c = static_cast<int>(rng_() % kClients);
    e.kind = kinds[rng_() % 4];
    e.broker = broker;
    e.client = "client-" + std::to_string(c);
    e.host = "broker-" + std::to_string(broker) + ".kafka.internal";
    e.input_index = static_cast<uint32_t>(c & 1);
    e.input = kInputs[e.input_index];
    e.text = "[2026-03-10 06:00:01,850] WARN [Producer clientId=" + e.client +
             "] Received invalid metadata error in produce request on partition orders-3 due to "
             "org.apache.kafka.common.errors.NetworkException";
    e.pattern = "java-client/network-exception";
    e.fields.emplace_back("node", std::to_string(broker));
    e.fields.emplace_back("topic", "orders");
  }

  void cause(Event& e, int broker) {
    const int which = static_cast<int>(rng_() % 3);
    e.host = "broker-" + std::to_string(broker);
    e.broker = broker;
    e.input_index = 3;
    e.input = kInputs[3];
    if (which == 0) {
      e.kind = EventKind::kBrokerStop;
      e.text = "[KafkaServer id=" + std::to_string(broker) +
               "] shutting down (kafka.server.KafkaServer)";
    } else if (which == 1) {
      e.kind = EventKind::kOomKill;
      e.text = "Out of memory: Killed process 4242 (java) total-vm:33825084kB, anon-rss:29656448kB";
      e.fields.emplace_back("pid", "4242");
    } else {
      e.kind = EventKind::kGcPause;
      e.duration_ns = 38 * kSec;
      e.input_index = 2;
      e.input = kInputs[2];
      e.text = "[gc] GC(11431) Pause Full (G1 Compaction Pause) 8104M->7100M(8192M) 38123.456ms";
    }
  }

  void gc(Event& e) {
    const int broker = 1 + static_cast<int>(rng_() % kBrokers);
    e.kind = EventKind::kGcPause;
    e.duration_ns = static_cast<int64_t>(5 + rng_() % 35) * kMs;
    e.host = "broker-" + std::to_string(broker);
    e.broker = broker;
    e.input_index = 2;
    e.input = kInputs[2];
    e.text = "[gc] GC(375) Pause Young (Normal) (G1 Evacuation Pause) 3160M->1561M(6144M) 32.327ms";
    e.fields.emplace_back("cause", "G1 Evacuation Pause");
  }

  size_t n_;
  int pct_;
  std::mt19937_64 rng_;
  std::uniform_real_distribution<double> uni_{0.0, 1.0};
  size_t i_ = 0;
  int64_t t_ = kDay0;
  int burst_left_ = 0;
  int burst_broker_ = 0;
};

std::vector<InputSummary> summaries() {
  std::vector<InputSummary> v;
  const InputRole roles[] = {InputRole::kClient, InputRole::kClient, InputRole::kGc,
                             InputRole::kJournal};
  for (int i = 0; i < 4; ++i) {
    InputSummary s;
    s.input = kInputs[i];
    s.role = roles[i];
    s.first_ns = kDay0;
    s.last_ns = kDay0 + 86'400 * kSec;
    s.layout = Layout::kLog4j;
    s.zone = "UTC";
    s.zone_source = ZoneSource::kExplicit;
    v.push_back(s);
  }
  return v;
}

void report_counters(benchmark::State& st, size_t events, size_t bursts) {
  st.SetItemsProcessed(static_cast<int64_t>(st.iterations() * events));
  st.counters["bursts"] = static_cast<double>(bursts);
}

// correlate_events() takes its vector by value: the copy of 10^6 events is
// the caller's and is kept out of the timing.
void BM_CorrelateEvents(benchmark::State& st) {
  const size_t n = static_cast<size_t>(st.range(0));
  std::vector<Event> events;
  events.reserve(n);
  EventStream gen(n, static_cast<int>(st.range(1)));
  for (Event e; gen.next(e);) events.push_back(e);
  const auto inputs = summaries();
  AnalyzeOptions opts;
  size_t bursts = 0;
  for (auto _ : st) {
    st.PauseTiming();
    std::vector<Event> copy = events;
    st.ResumeTiming();
    AnalysisReport r = correlate_events(std::move(copy), inputs, opts);
    bursts = r.bursts.size();
    benchmark::DoNotOptimize(r);
  }
  report_counters(st, n, bursts);
}

void BM_CorrelatorStream(benchmark::State& st) {
  const size_t n = static_cast<size_t>(st.range(0));
  size_t bursts = 0;
  for (auto _ : st) {
    // generating the stream costs ~as much as formatting a record; measured
    // alone in BM_EventStream below
    Correlator c;
    for (const auto& in : summaries()) {
      c.add_coverage(in);
    }
    EventStream gen(n, static_cast<int>(st.range(1)));
    Event e;
    bursts = 0;
    size_t k = 0;
    while (gen.next(e)) {
      c.add(e);
      if ((++k & 4095) == 0) bursts += c.poll().size();
    }
    bursts += c.finish().size();
  }
  report_counters(st, n, bursts);
}

void BM_EventStream(benchmark::State& st) {
  const size_t n = static_cast<size_t>(st.range(0));
  for (auto _ : st) {
    EventStream gen(n, static_cast<int>(st.range(1)));
    Event e;
    size_t k = 0;
    while (gen.next(e)) k += e.text.size();
    benchmark::DoNotOptimize(k);
  }
  report_counters(st, n, 0);
}

const PatternSet& packs() {
  static const PatternSet set = [] {
    NullSink sink;
    const char* dir = std::getenv("LOGCORR_PATTERNS");
    return load_packs({std::string(dir ? dir : "patterns")}, sink);
  }();
  return set;
}

// Records that pass the prefilter, one of each shape the corpus has: every
// one of them pays for RE2 field extraction.
const std::vector<std::pair<Layout, std::string>>& hits() {
  static const std::vector<std::pair<Layout, std::string>> v = {
      {Layout::kLog4j,
       "[Producer clientId=orders-producer] Received invalid metadata error in produce request on "
       "partition "
       "orders-3 due to org.apache.kafka.common.errors.NetworkException: The server disconnected "
       "before a "
       "response was received.. Going to request metadata update now"},
      {Layout::kLog4j,
       "[Producer clientId=orders-producer] Got error produce response with correlation id 85107 "
       "on "
       "topic-partition orders-6, retrying (2147483646 attempts left). Error: NETWORK_EXCEPTION. "
       "Error "
       "Message: Disconnected from node 1"},
      {Layout::kLog4j,
       "[Consumer clientId=billing-consumer-1, groupId=billing] Disconnecting from node 3 due to "
       "request "
       "timeout."},
      {Layout::kLog4j,
       "[Producer clientId=orders-producer] Connection to node 2 "
       "(broker-2.kafka.internal/10.0.4.12:9092) could "
       "not be established. Broker may not be available."},
      {Layout::kLog4j,
       "[Consumer clientId=billing-consumer-1, groupId=billing] Node 2 disconnected."},
      {Layout::kLibrdkafka,
       "broker-2.kafka.internal:9092/2: Connect to ipv4#10.0.4.12:9092 failed: Connection refused "
       "(after 0ms "
       "in state CONNECT)"},
      {Layout::kLibrdkafka,
       "broker-2.kafka.internal:9092/2: Disconnected (after 11832631ms in state UP)"},
      {Layout::kLog4j, "[KafkaServer id=2] shutting down"},
      {Layout::kLog4j, "[KafkaServer id=2] started"},
      {Layout::kLog4j,
       "Out of memory: Killed process 4242 (java) total-vm:33825084kB, anon-rss:29656448kB, "
       "file-rss:0kB, "
       "shmem-rss:0kB, UID:998 pgtables:57948kB oom_score_adj:0"},
      {Layout::kLog4j, "kafka.service: Failed with result 'oom-kill'."},
      {Layout::kLog4j, "Stopping kafka.service - Apache Kafka server (broker)..."},
  };
  return v;
}

void BM_MatchExtract(benchmark::State& st) {
  Matcher m(packs());
  std::vector<Event> out;
  Record rec;
  size_t events = 0, bytes = 0;
  for (const auto& h : hits()) bytes += h.second.size() + 1;
  for (auto _ : st) {
    events = 0;
    for (const auto& [layout, text] : hits()) {
      rec.raw.text = text;
      rec.message = text;
      out.clear();
      events += m.match(rec, layout, out);
    }
  }
  st.SetItemsProcessed(static_cast<int64_t>(st.iterations() * hits().size()));
  st.SetBytesProcessed(static_cast<int64_t>(st.iterations() * bytes));
  st.counters["events"] = static_cast<double>(events);
  st.counters["records"] = static_cast<double>(hits().size());
}

// {events, % symptoms}: the realistic mix, and a symptom-heavy one.
BENCHMARK(BM_CorrelateEvents)
    ->Args({1'000'000, 5})
    ->Args({1'000'000, 50})
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CorrelatorStream)
    ->Args({1'000'000, 5})
    ->Args({1'000'000, 50})
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EventStream)->Args({1'000'000, 5})->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MatchExtract);

}  // namespace
