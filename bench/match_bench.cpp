// Prefilter options for the matcher, measured on generated realistic noise
// (broker server.log, application and journal lines) with one interesting
// line per 10,000:
//   Scanner   - LiteralScanner (hand-rolled 2-byte-prefix table + memcmp)
//   Window    - WindowScanner (Wu-Manber shift table over one window per
//               literal + memcmp; what the Matcher uses)
//   Re2Set    - RE2::Set over the quoted literals
//   Filtered  - FilteredRE2 (atoms found by LiteralScanner over a lowercased
//               copy, then FilteredRE2::AllMatches)
//   FullSet   - no prefilter: RE2::Set over all pattern regexes
//   Matcher   - the whole Matcher::match (scanner + regexes + events)
// Run: build/bench/match_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>
#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <cctype>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "logcorr/match.hpp"
#include "match/prefilter.hpp"

namespace {

using namespace logcorr;

const PatternSet& packs() {
  static const PatternSet set = [] {
    NullSink sink;
    return load_packs({std::string(std::getenv("LOGCORR_PATTERNS") ? std::getenv("LOGCORR_PATTERNS")
                                                                   : "patterns")},
                      sink);
  }();
  return set;
}

std::vector<std::string> literals() {
  std::vector<std::string> out;
  for (const Pack& p : packs().packs)
    for (const Pattern& q : p.patterns)
      for (const std::string& l : q.literals) out.push_back(l);
  return out;
}

// Lines shaped like the corpus: mostly INFO noise with words that share
// prefixes with the literals ("Connection", "Disconnecting", "Kill").
const std::vector<std::string>& lines() {
  static const std::vector<std::string> v = [] {
    const char* noise[] = {
        "[2020-03-13 23:23:35,263] INFO [/config/changes-event-process-thread]: Shutting down "
        "(kafka.common.ZkNodeChangeNotificationListener$ChangeEventProcessThread)",
        "[2021-04-28 16:12:30,889] INFO [ReplicaFetcherManager on broker 0] Removed fetcher for "
        "partitions Set(orders-1, orders-0) (kafka.server.ReplicaFetcherManager)",
        "2024-05-02 10:11:12.345  INFO 3193 --- [nio-8080-exec-7] c.e.orders.OrderController       "
        "        : Created order 81234 for customer 5512 in 14 ms",
        "[2020-01-27 13:04:38,633] INFO [Log partition=__consumer_offsets-14, dir=/tmp/kafka-logs] "
        "Completed load of log with 1 segments, log start offset 0 and log end offset 0 in 106 ms "
        "(kafka.log.Log)",
        "Sep 09 14:23:36 host-1 sshd[2211]: Accepted publickey for deploy from 10.0.0.7 port 52114 "
        "ssh2: ED25519 SHA256:abcdef",
        "2024-05-02T10:11:12.345Z DEBUG [kafka-coordinator-heartbeat-thread | g1] "
        "o.a.k.c.c.i.AbstractCoordinator - [Consumer clientId=c-1, groupId=g1] Sending Heartbeat "
        "request with generation 4 and member id c-1-77 to coordinator broker-2:9092 (id: "
        "2147483645 rack: null)",
        "[2025-05-14 23:09:49,869] INFO [SocketServer listenerType=BROKER, nodeId=10] Enabling "
        "request processing. (kafka.network.SocketServer)",
        "2024-05-02 10:11:12.346 DEBUG 3193 --- [pool-1-thread-1] o.a.k.clients.NetworkClient : "
        "[Producer clientId=p-1] Sending metadata request MetadataRequestData(topics=[orders]) to "
        "node broker-1:9092 (id: 1 rack: null)",
    };
    const char* hits[] = {
        "[2023-09-14 21:56:19,894] WARN [Producer clientId=producer-1] Received invalid metadata "
        "error in produce request on partition panda-topic-13 due to "
        "org.apache.kafka.common.errors.NetworkException: Disconnected from node 2. Going to "
        "request metadata update now (org.apache.kafka.clients.producer.internals.Sender)",
        "%3|1597743224.190|FAIL|rdkafka#consumer-1| [thrd:kafka:9092/bootstrap]: kafka:9092/1001: "
        "Disconnected",
        "May 15 23:13:51 host kernel: [  778.982998] Out of memory: Killed process 509 "
        "(systemd-timesyn) total-vm:89956kB, anon-rss:812kB",
    };
    std::vector<std::string> out;
    std::mt19937 rng(7);
    for (int i = 0; i < 200000; ++i) {
      if (i % 10000 == 5000)
        out.emplace_back(hits[(i / 10000) % 3]);
      else
        out.emplace_back(noise[rng() % 8]);
    }
    return out;
  }();
  return v;
}

size_t total_bytes() {
  size_t n = 0;
  for (const auto& l : lines()) n += l.size() + 1;
  return n;
}

void finish(benchmark::State& st, size_t hits) {
  st.SetBytesProcessed(static_cast<int64_t>(st.iterations() * total_bytes()));
  st.counters["hits"] = static_cast<double>(hits);
}

// A scanner's any() over every line.
template <class Scanner>
void BM_Scan(benchmark::State& st) {
  Scanner sc(literals());
  size_t hits = 0;
  for (auto _ : st) {
    hits = 0;
    for (const auto& l : lines()) hits += sc.any(l);
  }
  finish(st, hits);
}
void BM_Scanner(benchmark::State& st) {
  BM_Scan<detail::LiteralScanner>(st);
}
void BM_Window(benchmark::State& st) {
  BM_Scan<detail::WindowScanner>(st);
}

void BM_Re2Set(benchmark::State& st) {
  detail::SetPrefilter set(literals());
  std::vector<int> v;
  v.reserve(256);
  size_t hits = 0;
  for (auto _ : st) {
    hits = 0;
    for (const auto& l : lines()) hits += set.match(l, v);
  }
  finish(st, hits);
}

void BM_Filtered(benchmark::State& st) {
  re2::FilteredRE2 f(3);
  RE2::Options o;
  o.set_log_errors(false);
  for (const Pack& p : packs().packs)
    for (const Pattern& q : p.patterns) {
      int id;
      f.Add(q.regex, o, &id);
    }
  std::vector<std::string> atoms;
  f.Compile(&atoms);
  detail::LiteralScanner sc(atoms);
  std::string lower;
  std::vector<int> matched, ids;
  size_t hits = 0;
  for (auto _ : st) {
    hits = 0;
    for (const auto& l : lines()) {
      lower.assign(l);
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      matched.clear();
      sc.scan(lower, [&](uint32_t a) { matched.push_back(static_cast<int>(a)); });
      ids.clear();
      f.AllMatches(l, matched, &ids);
      hits += !ids.empty();
    }
  }
  st.counters["atoms"] = static_cast<double>(atoms.size());
  finish(st, hits);
}

void BM_FullSet(benchmark::State& st) {
  RE2::Options o;
  o.set_log_errors(false);
  RE2::Set set(o, RE2::UNANCHORED);
  for (const Pack& p : packs().packs)
    for (const Pattern& q : p.patterns) set.Add(q.regex, nullptr);
  set.Compile();
  std::vector<int> v;
  size_t hits = 0;
  for (auto _ : st) {
    hits = 0;
    for (const auto& l : lines()) hits += set.Match(l, &v);
  }
  finish(st, hits);
}

void BM_Matcher(benchmark::State& st) {
  Matcher m(packs());
  std::vector<Event> out;
  Record rec;
  size_t hits = 0;
  for (auto _ : st) {
    hits = 0;
    for (const auto& l : lines()) {
      rec.raw.text = l;
      rec.message = l;
      out.clear();
      hits += m.match(rec, Layout::kLog4j, out);
    }
  }
  finish(st, hits);
}

BENCHMARK(BM_Scanner)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Window)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Re2Set)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Filtered)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FullSet)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Matcher)->Unit(benchmark::kMillisecond);

}  // namespace
