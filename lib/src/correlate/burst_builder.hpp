// BurstBuilder: gap-based clustering of symptom events in event time.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "logcorr/correlate.hpp"

namespace logcorr::detail {

// A burst under construction (or closed, waiting for its causes).
struct PendingBurst {
  Burst burst;
  std::set<std::string> clients, hosts, partitions;
  std::set<int32_t> brokers;
  std::set<std::string> inputs;  // client inputs involved (config lookups)
  // Longest silence of the writing client before any symptom of this burst.
  int64_t max_silence_ns = 0;
  bool all_idle_kinds = true;  // only disconnect / network_exception
  uint32_t telling_kept = 0;
};

class BurstBuilder {
 public:
  explicit BurstBuilder(const CorrelateOptions& opts) : opts_(opts) {}

  // Adds a symptom (in time order). May close the open burst into `closed`.
  void add(const Event& e, std::vector<PendingBurst>& closed);
  // Closes the open burst if the watermark is past its end + gap.
  void advance(int64_t watermark_ns, std::vector<PendingBurst>& closed);
  void close(std::vector<PendingBurst>& closed);
  bool has_open() const { return open_; }
  const PendingBurst& open_burst() const { return cur_; }
  bool take_opened_flag() {
    bool f = opened_now_;
    opened_now_ = false;
    return f;
  }

 private:
  const CorrelateOptions& opts_;
  bool open_ = false;
  bool opened_now_ = false;  // crossed min_count since last take
  PendingBurst cur_;
};

// Adds one evidence line to `v` (capped), keeping the record's first line.
void push_evidence(std::vector<Evidence>& v, const Event& e, size_t cap);

}  // namespace logcorr::detail
