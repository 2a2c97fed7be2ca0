// BurstBuilder: gap-based clustering of symptom events in event time.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "logcorr/correlate.hpp"

namespace logcorr::detail {

// Distinct clients and hosts a burst lists (BurstBuilder::add).
inline constexpr size_t kMaxBurstNames = 256;

// Adds `name` to `names` unless that would pass `cap`; false when it was a
// new name left out.
inline bool insert_capped(std::set<std::string>& names, const std::string& name, size_t cap) {
  if (names.size() < cap) {
    names.insert(name);
    return true;
  }
  return names.count(name) > 0;
}

// A burst under construction (or closed, waiting for its causes).
struct PendingBurst {
  Burst burst;
  std::set<std::string> clients, hosts, partitions;
  std::set<int32_t> brokers;
  std::set<std::string> inputs;  // client inputs involved (config lookups)
  uint64_t names_dropped = 0;    // symptoms whose new client / host was past the cap
  // Longest silence of the writing client before any symptom of this burst.
  int64_t max_silence_ns = 0;
  bool all_idle_kinds = true;  // only disconnect / network_exception
  uint32_t telling_kept = 0;
  // Longest silence of the client's Kafka records (its events) before a
  // symptom: an application that keeps logging HTTP requests while its
  // producer's connection sits idle is silent where it matters.
  int64_t max_kafka_silence_ns = 0;
  // What the clients said the cause was: TLS / SASL failures and DNS / route
  // failures among the symptoms, their reasons (distinct, first few), the
  // brokers the auth failures name, and the lines themselves.
  uint32_t auth_count = 0, path_count = 0;
  EventKind auth_kind = EventKind::kTlsFailure, path_kind = EventKind::kDnsFailure;
  std::vector<std::string> auth_reasons, path_reasons;
  std::map<int32_t, uint32_t> auth_brokers;
  std::set<std::string> auth_hosts;
  std::vector<Evidence> cause_evidence;
  // Connection ages the disconnects logged (librdkafka "after Nms in state
  // UP"): the first few, with the broker each names.
  struct Age {
    int64_t age_ms;
    int32_t broker;
  };
  std::vector<Age> ages;
  // The record of the last symptom: one record may yield a disconnect and
  // the hint of its cause (franz-go's "(is SASL missing?)"); it counts once.
  std::string last_input;
  uint64_t last_line = 0;
};

class BurstBuilder {
 public:
  explicit BurstBuilder(const CorrelateOptions& opts) : opts_(opts) {}

  // Adds a symptom (in time order). May close the open burst into `closed`.
  // `kafka_silence_ns`: how long the symptom's input had logged no Kafka
  // event before it (-1 unknown).
  void add(const Event& e, std::vector<PendingBurst>& closed, int64_t kafka_silence_ns = -1);
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

// The connection age a disconnect logged, in ms (field age_ms), or -1.
int64_t age_ms_of(const Event& e);

}  // namespace logcorr::detail
