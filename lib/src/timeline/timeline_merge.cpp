// TimelineMerge: a k-way merge of inputs by record time.
//
// A binary heap over the inputs' head records. The key of a record without a
// usable time is the carried-over time of the last timed record of its input,
// so untimed lines (a stack trace the framer did not join, a `cat` journal)
// stay after their predecessor. Ties go to the lower input index, and within
// an input order is always file order: the merge never reorders one input.
#include <algorithm>
#include <climits>

#include "logcorr/timeline.hpp"

namespace logcorr {

namespace {

struct Head {
  int64_t key = INT64_MIN;
  uint32_t reader = 0;
  const Record* rec = nullptr;
};

// Min-heap order: smaller key first, then lower input index.
struct Later {
  bool operator()(const Head& a, const Head& b) const {
    if (a.key != b.key) return a.key > b.key;
    return a.reader > b.reader;
  }
};

}  // namespace

struct TimelineMerge::State {
  std::vector<std::unique_ptr<InputReader>> readers;
  std::vector<int64_t> carried;  // per reader: last valid time seen
  std::vector<Head> heap;
  bool primed = false;
  int64_t current_key = INT64_MIN;
  uint32_t current_reader = UINT32_MAX;  // its head must be advanced on next()

  bool pull(uint32_t i, Head& h) {
    const Record* r = readers[i]->next();
    if (!r) return false;
    if (r->time.valid()) carried[i] = r->time.utc_ns;
    h.key = carried[i];
    h.reader = i;
    h.rec = r;
    return true;
  }
};

TimelineMerge::TimelineMerge(std::vector<std::unique_ptr<InputReader>> readers)
    : s_(std::make_unique<State>()) {
  s_->readers = std::move(readers);
  s_->carried.assign(s_->readers.size(), INT64_MIN);
}

TimelineMerge::~TimelineMerge() = default;

const Record* TimelineMerge::next() {
  State& s = *s_;
  if (!s.primed) {
    s.primed = true;
    for (uint32_t i = 0; i < s.readers.size(); ++i) {
      Head h;
      if (s.pull(i, h)) s.heap.push_back(h);
    }
    std::make_heap(s.heap.begin(), s.heap.end(), Later{});
  } else if (s.current_reader != UINT32_MAX) {
    // The record handed out last time is consumed; advance its input. Its
    // head was left at the top of the heap.
    std::pop_heap(s.heap.begin(), s.heap.end(), Later{});
    Head h;
    if (s.pull(s.current_reader, h)) {
      s.heap.back() = h;
      std::push_heap(s.heap.begin(), s.heap.end(), Later{});
    } else {
      s.heap.pop_back();
    }
    s.current_reader = UINT32_MAX;
  }
  if (s.heap.empty()) return nullptr;
  const Head& top = s.heap.front();
  s.current_reader = top.reader;
  s.current_key = top.key;
  return top.rec;
}

int64_t TimelineMerge::current_key() const {
  return s_->current_key;
}

const std::vector<std::unique_ptr<InputReader>>& TimelineMerge::readers() const {
  return s_->readers;
}

}  // namespace logcorr
