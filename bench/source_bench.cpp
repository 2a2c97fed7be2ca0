// Source throughput: read(2) through open_source() versus mmap, on a ~200 MB
// generated log file in the page cache (the case where the copy strategy,
// not the disk, decides). Each variant also counts newlines, as the framer
// must touch every byte anyway.
//
//   build/bench/source_bench --benchmark_min_time=1s
//
// LOGCORR_BENCH_FILE=path uses an existing file instead of generating one.
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "logcorr/source.hpp"

namespace {

const std::string& bench_file() {
  static const std::string path = [] {
    if (const char* p = std::getenv("LOGCORR_BENCH_FILE")) return std::string(p);
    const char* tmp = std::getenv("TMPDIR");
    std::string p = std::string(tmp ? tmp : "/tmp") + "/logcorr-source-bench.log";
    struct stat st {};
    if (::stat(p.c_str(), &st) == 0 && st.st_size >= 200 * 1000 * 1000) return p;
    FILE* f = std::fopen(p.c_str(), "w");
    if (!f) std::abort();
    char line[256];
    unsigned x = 12345;
    for (size_t written = 0, i = 0; written < 200u * 1000 * 1000; ++i) {
      x = x * 1103515245u + 12345u;
      int n = std::snprintf(line, sizeof line,
                            "[2026-06-29 14:%02zu:%02zu,%03zu] INFO [ReplicaFetcher replicaId=%u, "
                            "leaderId=%u, fetcherId=0] Node %u disconnected. seq=%zu v=%u\n",
                            (i / 60000) % 60, (i / 1000) % 60, i % 1000, x % 7, (x >> 8) % 7,
                            (x >> 16) % 7, i, x);
      std::fwrite(line, 1, static_cast<size_t>(n), f);
      written += static_cast<size_t>(n);
    }
    std::fclose(f);
    return p;
  }();
  return path;
}

size_t count_newlines(const char* p, size_t n) {
  size_t c = 0;
  const char* end = p + n;
  while ((p = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p))))) {
    ++c;
    ++p;
  }
  return c;
}

// What the library does: open_source() (read(2)) into a caller buffer.
void BM_ReadSource(benchmark::State& state) {
  const std::string& path = bench_file();
  std::vector<char> buf(static_cast<size_t>(state.range(0)));
  size_t total = 0;
  for (auto _ : state) {
    auto opened = logcorr::open_source(path);
    if (!opened.ok()) {
      state.SkipWithError(opened.status().to_string().c_str());
      break;
    }
    auto& src = *opened;
    size_t lines = 0, n;
    while ((n = src->read(buf.data(), buf.size())) > 0) {
      lines += count_newlines(buf.data(), n);
      total += n;
    }
    benchmark::DoNotOptimize(lines);
  }
  state.SetBytesProcessed(static_cast<int64_t>(total));
}
BENCHMARK(BM_ReadSource)
    ->Arg(64 << 10)
    ->Arg(256 << 10)
    ->Arg(1 << 20)
    ->Arg(4 << 20)
    ->Unit(benchmark::kMillisecond);

// The alternative behind the same read(buf, cap) interface: mmap the file and
// copy chunk by chunk out of the mapping.
void BM_MmapCopy(benchmark::State& state) {
  const std::string& path = bench_file();
  std::vector<char> buf(static_cast<size_t>(state.range(0)));
  size_t total = 0;
  for (auto _ : state) {
    int fd = ::open(path.c_str(), O_RDONLY);
    struct stat st {};
    ::fstat(fd, &st);
    size_t size = static_cast<size_t>(st.st_size);
    void* m = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    ::madvise(m, size, MADV_SEQUENTIAL);
    const char* p = static_cast<const char*>(m);
    size_t lines = 0;
    for (size_t off = 0; off < size; off += buf.size()) {
      size_t n = std::min(buf.size(), size - off);
      std::memcpy(buf.data(), p + off, n);
      lines += count_newlines(buf.data(), n);
    }
    total += size;
    benchmark::DoNotOptimize(lines);
    ::munmap(m, size);
    ::close(fd);
  }
  state.SetBytesProcessed(static_cast<int64_t>(total));
}
BENCHMARK(BM_MmapCopy)->Arg(256 << 10)->Arg(1 << 20)->Unit(benchmark::kMillisecond);

// Upper bound for mmap: scanning the mapping in place (would need a
// zero-copy interface, and a truncated file would SIGBUS).
void BM_MmapInPlace(benchmark::State& state) {
  const std::string& path = bench_file();
  size_t total = 0;
  for (auto _ : state) {
    int fd = ::open(path.c_str(), O_RDONLY);
    struct stat st {};
    ::fstat(fd, &st);
    size_t size = static_cast<size_t>(st.st_size);
    void* m = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    benchmark::DoNotOptimize(count_newlines(static_cast<const char*>(m), size));
    total += size;
    ::munmap(m, size);
    ::close(fd);
  }
  state.SetBytesProcessed(static_cast<int64_t>(total));
}
BENCHMARK(BM_MmapInPlace)->Unit(benchmark::kMillisecond);

}  // namespace
