// StampSample: a bounded, content-keyed sample of an input's records, for
// telling what zone a zone-less input was written in.
//
// A broker's server.log (local time, no offset) and its journal (Kafka's
// stdout, UTC stamps, the same lines as the message) carry the same records.
// Each input keeps the records whose key (a hash of the message's first
// line) is among the kCapacity smallest it has seen: a bottom-k sketch. The
// sketch is the same function of the content on every input, so two inputs
// that share records keep the same ones of them, whatever else they hold and
// however long they are; pairing two sketches by key yields pairs of stamps
// of one record, and their differences say the zone.
//
// Cost: one hash of at most 96 bytes per offered record (no allocation);
// an insert (O(log k)) only for a key below the sketch's largest, which
// after the first k records becomes rare (about k * ln(n/k) inserts over
// n records). Memory: at most kCapacity * 16 bytes per sketch.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "logcorr/record.hpp"

namespace logcorr {

struct StampSample {
  static constexpr size_t kCapacity = 2048;
  struct Point {
    uint64_t key = 0;
    int64_t utc_ns = 0;
  };
  // A max-heap on key while sampling (points()), at most kCapacity.
  std::vector<Point> heap;
  uint64_t offered = 0;  // records offered (sampled or not)

  bool empty() const { return heap.empty(); }
  void offer(uint64_t key, int64_t utc_ns);
  // Adds another part of the same input (a chunk of a split file).
  void merge(const StampSample& other);
  // The points sorted by key. Cost: a copy and a sort of <= kCapacity.
  std::vector<Point> sorted() const;
};

// The key of a record's message: a hash of the first 96 bytes of its first
// line without trailing blanks (a journal entry holds one line of a
// multi-line record).
uint64_t stamp_key(std::string_view message);

// Which sketch of its input a record feeds, if any:
//  - kZoneless: its stamp had no offset and was read as UTC (ZoneSource::kAssumed);
//  - kWrapped: its stamp carries the zone and its message is an inner line
//    that starts like a stamp ('[' or a digit): a journal entry of Kafka's
//    stdout, a kubectl/CRI-wrapped line. Other records are not hashed.
enum class StampRole : uint8_t { kNone, kZoneless, kWrapped };
inline StampRole stamp_role(const Record& rec) {
  if (!rec.time.valid() || rec.message.empty()) return StampRole::kNone;
  if (rec.time.zone == ZoneSource::kAssumed) return StampRole::kZoneless;
  if (rec.time.zone != ZoneSource::kExplicit || rec.message.data() == rec.raw.text.data())
    return StampRole::kNone;
  char c = rec.message.front();
  return c == '[' || (c >= '0' && c <= '9') ? StampRole::kWrapped : StampRole::kNone;
}

}  // namespace logcorr
