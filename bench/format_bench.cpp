// Format parse rate per family: pre-split records (framing is not measured
// here; see the frame bench) parsed by one RecordParser, as the reader does.
// Reports records/s (items) and MB/s (bytes).
//
//   build/bench/format_bench --benchmark_min_time=1s
#include <benchmark/benchmark.h>

#include <cstdio>
#include <string>
#include <vector>

#include "logcorr/format.hpp"

namespace {

using logcorr::Layout;

// 100k generated records of one family, with varying digits so lock-on and
// year/DST state see realistic input.
struct Corpus {
  std::vector<std::string> lines;
  size_t bytes = 0;
};

Corpus make(Layout layout) {
  Corpus c;
  char buf[1024];
  for (int i = 0; i < 100000; ++i) {
    int h = (i / 3600) % 24, m = (i / 60) % 60, s = i % 60, ms = (i * 7) % 1000;
    switch (layout) {
      case Layout::kLog4j:
        std::snprintf(
            buf, sizeof buf,
            "[2026-06-29 %02d:%02d:%02d,%03d] INFO [ReplicaFetcher replicaId=1, leaderId=2, "
            "fetcherId=0] Truncating partition orders-%d to offset %d "
            "(kafka.log.UnifiedLog)",
            h, m, s, ms, i % 12, i * 13);
        break;
      case Layout::kIso8601:
        std::snprintf(buf, sizeof buf,
                      "2026-06-29T%02d:%02d:%02d.%03d+02:00  INFO 4711 --- [main] "
                      "o.a.k.clients.consumer.KafkaConsumer : [Consumer clientId=c-%d] Subscribed",
                      h, m, s, ms, i % 9);
        break;
      case Layout::kJournalShortIso:
        std::snprintf(buf, sizeof buf,
                      "2026-06-29T%02d:%02d:%02d+0200 broker-1 kafka-server-start.sh[1187]: "
                      "[2026-06-29 %02d:%02d:%02d,%03d] INFO [Log partition=t-%d] Rolled segment",
                      h, m, s, h, m, s, ms, i % 7);
        break;
      case Layout::kJournalJson:
        std::snprintf(
            buf, sizeof buf,
            R"({"__CURSOR":"s=f9acfc154fc447cd8aa3d0ff2f828ee6;i=%x","__REALTIME_TIMESTAMP":"%lld",)"
            R"("__MONOTONIC_TIMESTAMP":"%lld","_BOOT_ID":"e4b1a7c29d3f4c8e9a61b05d7f2c3e18",)"
            R"("PRIORITY":"6","_PID":"1187","_HOSTNAME":"broker-1","SYSLOG_IDENTIFIER":)"
            R"("kafka-server-start.sh","_SYSTEMD_UNIT":"kafka.service","_TRANSPORT":"stdout",)"
            R"("MESSAGE":"[2026-06-29 14:22:08,455] INFO [Log partition=t-%d] Rolled segment"})",
            i, 1782742928000000LL + i * 1000LL, 1689943320360LL + i * 1000LL, i % 7);
        break;
      case Layout::kGcUnified:
        std::snprintf(buf, sizeof buf,
                      "[2026-06-29T%02d:%02d:%02d.%03d+0000][%d.%03ds][info][gc,phases   ] GC(%d) "
                      "Pre Evacuate Collection Set: 0.1ms",
                      h, m, s, ms, i, ms, i / 10);
        break;
      case Layout::kLibrdkafka:
        std::snprintf(
            buf, sizeof buf,
            "%%3|%lld.%03d|FAIL|rdkafka#producer-1| [thrd:broker-%d:9092/%d]: "
            "broker-%d:9092/%d: Connect to ipv4#10.0.0.%d:9092 failed: Connection refused",
            1782742928LL + i, ms, i % 3, i % 3, i % 3, i % 3, i % 250);
        break;
      default:
        break;
    }
    c.lines.emplace_back(buf);
    c.bytes += c.lines.back().size() + 1;
  }
  return c;
}

void run(benchmark::State& state, Layout layout) {
  static std::vector<std::pair<Layout, Corpus>> cache;
  const Corpus* c = nullptr;
  for (auto& [l, cc] : cache)
    if (l == layout) c = &cc;
  if (!c) {
    cache.emplace_back(layout, make(layout));
    c = &cache.back().second;
  }
  logcorr::ParseOptions opts;
  logcorr::RecordParser parser(layout, opts);
  logcorr::Record rec;
  logcorr::RawRecord raw;
  int64_t valid = 0;
  for (auto _ : state) {
    for (const auto& l : c->lines) {
      raw.text = l;
      parser.parse(raw, rec);
      valid += rec.time.valid();
      benchmark::DoNotOptimize(rec.time.utc_ns);
    }
  }
  if (valid != int64_t(state.iterations()) * int64_t(c->lines.size()))
    state.SkipWithError("records without time: the generator and parser disagree");
  state.SetItemsProcessed(int64_t(state.iterations()) * int64_t(c->lines.size()));
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(c->bytes));
}

void BM_Log4j(benchmark::State& s) {
  run(s, Layout::kLog4j);
}
void BM_LogbackIso(benchmark::State& s) {
  run(s, Layout::kIso8601);
}
void BM_JournalShortIso(benchmark::State& s) {
  run(s, Layout::kJournalShortIso);
}
void BM_JournalJson(benchmark::State& s) {
  run(s, Layout::kJournalJson);
}
void BM_GcUnified(benchmark::State& s) {
  run(s, Layout::kGcUnified);
}
void BM_Librdkafka(benchmark::State& s) {
  run(s, Layout::kLibrdkafka);
}

BENCHMARK(BM_Log4j);
BENCHMARK(BM_LogbackIso);
BENCHMARK(BM_JournalShortIso);
BENCHMARK(BM_JournalJson);
BENCHMARK(BM_GcUnified);
BENCHMARK(BM_Librdkafka);

}  // namespace
