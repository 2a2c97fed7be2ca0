// Event: a typed fact extracted from a record (DESIGN.md "Vocabularies").
//
// Events own their strings (they outlive the record they came from), but a
// hot extraction loop reuses Event objects: clear() keeps capacity.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "logcorr/record.hpp"

namespace logcorr {

enum class EventKind : uint8_t {
  // symptoms, in priority order: a record yields at most one of these
  kNetworkException,
  kRequestTimeout,
  kTimeoutException,
  kConnectFailed,
  kDisconnect,
  kAllBrokersDown,
  kNotEnoughReplicas,
  kUnknownProducerId,
  kOutOfOrderSequence,
  // causes / context: any number per record
  kBrokerStop,
  kBrokerStart,
  kUncleanShutdown,
  kProcessKilled,
  kOomKill,
  kGcPause,
  kSafepoint,
  kIsrShrink,
  kClientConfig,
  kCount_,
};

std::string_view kind_name(EventKind k);  // "network_exception", ...
std::optional<EventKind> kind_from_name(std::string_view name);
bool is_symptom(EventKind k);

struct Event {
  int64_t time_ns = 0;       // UTC; for interval events the END (gc_pause: end of pause)
  int64_t duration_ns = -1;  // gc_pause / safepoint; -1 when none
  Precision precision = Precision::kNone;
  EventKind kind = EventKind::kNetworkException;
  bool time_valid = false;  // false when the record had no usable time
  std::string host;         // resolved host (short name), "" unknown
  int32_t broker = -1;      // broker / node id >= 0, -1 unknown
  std::string client;       // client.id, "" unknown
  // Pattern fields (name -> value), e.g. {"topic","orders"}, {"partition","5"},
  // {"pid","1187"}, {"unit","kafka.service"}, {"signal","KILL"}, {"cause","G1 Evacuation Pause"}.
  std::vector<std::pair<std::string, std::string>> fields;
  // Where it came from.
  uint32_t input_index = 0;
  std::string input;    // label of the input
  uint64_t line = 0;    // first line of the record
  std::string text;     // raw record text (first line, or capped whole record)
  std::string pattern;  // "pack/entry-id" that produced it
  // When the input's last quiet period began (INT64_MIN if unknown): the time
  // of its last record before the longest gap between records that ended at
  // most 15 s before this event. An idle client's error comes right after
  // the application line that triggered the send, and an unclean boot's
  // recovery line after a few seconds of startup lines; this is the silence
  // before those (idle-close evidence; the window in which a broker died).
  int64_t input_prev_ns = INT64_MIN;

  int64_t start_ns() const { return duration_ns > 0 ? time_ns - duration_ns : time_ns; }
  std::string_view field(std::string_view name) const {
    for (const auto& [k, v] : fields)
      if (k == name) return v;
    return {};
  }
  void clear();
};

}  // namespace logcorr
