// StampSample: bottom-k sketch of record keys (see stamp_sample.hpp).
#include "logcorr/stamp_sample.hpp"

#include <algorithm>
#include <cstring>
#include <functional>

namespace logcorr {

namespace {
constexpr size_t kStampKeyBytes = 96;
bool key_less(const StampSample::Point& a, const StampSample::Point& b) {
  return a.key < b.key;
}
}  // namespace

void StampSample::offer(uint64_t key, int64_t utc_ns) {
  ++offered;
  if (heap.size() < kCapacity) {
    // Reserved once, on first use: inputs that offer nothing cost nothing.
    if (heap.empty()) heap.reserve(kCapacity);
    heap.push_back({key, utc_ns});
    std::push_heap(heap.begin(), heap.end(), key_less);
    return;
  }
  if (key >= heap.front().key) return;  // the common case once full: one compare
  std::pop_heap(heap.begin(), heap.end(), key_less);
  heap.back() = {key, utc_ns};
  std::push_heap(heap.begin(), heap.end(), key_less);
}

void StampSample::merge(const StampSample& other) {
  uint64_t n = offered + other.offered;
  for (const Point& p : other.heap) offer(p.key, p.utc_ns);
  offered = n;
}

std::vector<StampSample::Point> StampSample::sorted() const {
  std::vector<Point> v = heap;
  std::sort(v.begin(), v.end(), [](const Point& a, const Point& b) {
    return a.key != b.key ? a.key < b.key : a.utc_ns < b.utc_ns;
  });
  return v;
}

uint64_t stamp_key(std::string_view message) {
  // The head of the line is key enough (its stamp to the millisecond and
  // the start of the message) and bounds the cost per record: callgrind on
  // a bench/gen_corpus.py broker (server.log + journal) said +7.1 %
  // instructions for `events` hashing whole lines.
  message = message.substr(0, kStampKeyBytes);
  if (const void* nl = std::memchr(message.data(), '\n', message.size()))
    message = message.substr(0, static_cast<const char*>(nl) - message.data());
  while (!message.empty() &&
         (message.back() == '\r' || message.back() == ' ' || message.back() == '\t'))
    message.remove_suffix(1);
  return std::hash<std::string_view>{}(message);
}

}  // namespace logcorr
