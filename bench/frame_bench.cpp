// Framer throughput per mode on ~64 MB of generated data fed in 64 KiB chunks
// (the reader's chunk size), counting records in a sink that does nothing
// else. Reports bytes/s and records/s.
//
//   build/bench/frame_bench --benchmark_min_time=1s
#include <benchmark/benchmark.h>

#include <cstdio>
#include <string>

#include "logcorr/frame.hpp"

namespace {

using logcorr::Framer;
using logcorr::Framing;

constexpr size_t kTarget = 64u << 20;
constexpr size_t kChunk = 64u << 10;

class Count final : public logcorr::RecordSink {
 public:
  void on_record(const logcorr::RawRecord& r) override {
    ++n;
    bytes += r.text.size();
  }
  uint64_t n = 0, bytes = 0;
};

// log4j header lines; every 20th record carries a 6-line stack trace.
const std::string& java_log() {
  static const std::string s = [] {
    std::string out;
    char line[256];
    for (size_t i = 0; out.size() < kTarget; ++i) {
      int n = std::snprintf(line, sizeof line,
                            "[2026-06-29 14:%02zu:%02zu,%03zu] INFO [ReplicaFetcher replicaId=1, "
                            "leaderId=%zu, fetcherId=0] Node %zu disconnected. seq=%zu\n",
                            (i / 60000) % 60, (i / 1000) % 60, i % 1000, i % 7, i % 5, i);
      out.append(line, static_cast<size_t>(n));
      if (i % 20 == 0) {
        out +=
            "org.apache.kafka.common.errors.TimeoutException: Expiring 3 record(s)\n"
            "\tat org.apache.kafka.clients.producer.internals.Sender.run(Sender.java:239)\n"
            "\tat org.apache.kafka.clients.producer.internals.Sender.run(Sender.java:163)\n"
            "\tat java.base/java.lang.Thread.run(Thread.java:833)\n"
            "Caused by: java.io.IOException: Connection reset by peer\n"
            "\t... 3 more\n";
      }
    }
    return out;
  }();
  return s;
}

// journal short-iso with an indented continuation every 20th record.
const std::string& journal_short() {
  static const std::string s = [] {
    std::string out;
    char line[256];
    for (size_t i = 0; out.size() < kTarget; ++i) {
      int n = std::snprintf(line, sizeof line,
                            "2026-03-29T01:%02zu:%02zu+0000 broker-1 kafka-server-start.sh[48213]: "
                            "[2026-03-29 01:00:11,401] INFO seq=%zu\n",
                            (i / 60) % 60, i % 60, i);
      out.append(line, static_cast<size_t>(n));
      if (i % 20 == 0)
        out += "                                                   \tat a.B.c(B.java:1)\n";
    }
    return out;
  }();
  return s;
}

const std::string& json_lines() {
  static const std::string s = [] {
    std::string out;
    char line[320];
    for (size_t i = 0; out.size() < kTarget; ++i) {
      int n = std::snprintf(line, sizeof line,
                            "{\"@timestamp\":\"2026-06-29T14:22:08.%03zuZ\",\"level\":\"INFO\","
                            "\"logger_name\":\"kafka.server.ReplicaFetcherThread\",\"message\":"
                            "\"Node %zu disconnected\",\"seq\":%zu}\n",
                            i % 1000, i % 7, i);
      out.append(line, static_cast<size_t>(n));
    }
    return out;
  }();
  return s;
}

// journal export: 14 text fields, every 10th entry with a binary MESSAGE
// holding newlines.
const std::string& journal_export() {
  static const std::string s = [] {
    std::string out;
    char buf[256];
    for (size_t i = 0; out.size() < kTarget; ++i) {
      int n = std::snprintf(buf, sizeof buf,
                            "__CURSOR=s=f9acfc154fc447cd8aa3d0ff2f828ee6;i=%zx\n"
                            "__REALTIME_TIMESTAMP=%zu\n__MONOTONIC_TIMESTAMP=%zu\n",
                            i, 1774721821203000 + i, 1689943320360 + i);
      out.append(buf, static_cast<size_t>(n));
      out +=
          "_BOOT_ID=e4b1a7c29d3f4c8e9a61b05d7f2c3e18\n_HOSTNAME=broker-1\nPRIORITY=6\n"
          "_TRANSPORT=stdout\n_PID=48213\n_UID=998\n_COMM=java\n"
          "_SYSTEMD_UNIT=kafka.service\nSYSLOG_IDENTIFIER=kafka-server-start.sh\n";
      if (i % 10 == 0) {
        std::string msg = "[2026-03-29 01:00:11,401] ERROR boom\n\tat a.B.c(B.java:1)\n\n\tat x";
        out += "MESSAGE\n";
        for (int k = 0; k < 8; ++k)
          out.push_back(static_cast<char>((msg.size() >> (8 * k)) & 0xff));
        out += msg + "\n";
      } else {
        out += "MESSAGE=[2026-03-29 01:00:11,401] INFO [KafkaServer id=1] started\n";
      }
      out += "\n";
    }
    return out;
  }();
  return s;
}

class JavaHeader final : public logcorr::LineClassifier {
 public:
  bool starts_record(std::string_view l) const override {
    return l.size() >= 6 && l[0] == '[' && l[1] >= '0' && l[1] <= '9' && l[5] == '-';
  }
};

void run(benchmark::State& state, const std::string& data, Framing mode,
         const logcorr::LineClassifier* cls) {
  uint64_t records = 0;
  for (auto _ : state) {
    Framer f(mode, cls);
    Count c;
    for (size_t i = 0; i < data.size(); i += kChunk) {
      f.feed(std::string_view(data).substr(i, kChunk), c);
    }
    f.finish(c);
    benchmark::DoNotOptimize(c.bytes);
    records += c.n;
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * data.size()));
  state.counters["records/s"] =
      benchmark::Counter(static_cast<double>(records), benchmark::Counter::kIsRate);
}

const JavaHeader kJava;

void BM_Lines(benchmark::State& s) {
  run(s, java_log(), Framing::kLines, nullptr);
}
void BM_IndentContinued(benchmark::State& s) {
  run(s, journal_short(), Framing::kIndentContinued, nullptr);
}
void BM_HeaderContinued(benchmark::State& s) {
  run(s, java_log(), Framing::kHeaderContinued, &kJava);
}
void BM_JsonLines(benchmark::State& s) {
  run(s, json_lines(), Framing::kJsonLines, nullptr);
}
void BM_JournalExport(benchmark::State& s) {
  run(s, journal_export(), Framing::kJournalExport, nullptr);
}

// One 50 MB line in 64 KiB chunks (default 16 MiB cap): must stay linear.
void BM_HugeLine(benchmark::State& s) {
  static const std::string big = std::string(50u << 20, 'x') + "\n";
  run(s, big, Framing::kLines, nullptr);
}

BENCHMARK(BM_Lines)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_IndentContinued)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_HeaderContinued)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_JsonLines)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_JournalExport)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_HugeLine)->Unit(benchmark::kMillisecond);

}  // namespace
