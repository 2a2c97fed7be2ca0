// Zone inference: the zone of a zone-less input, from the records it shares
// with a zoned one.
//
// A broker's server.log prints local time without an offset; its journal
// holds the same lines (Kafka's stdout) under UTC stamps. Extraction keeps a
// bounded sketch of each input's records keyed by content (stamp_sample.hpp);
// here the sketch of every input read as UTC for want of an offset is paired
// by key with the sketches of the zoned inputs, and each pair's difference
// votes for a zone. When enough pairs agree on a whole number of quarter
// hours, the input's events are moved to that offset and a note gives the
// evidence; otherwise UTC is kept and the note says why and which --tz to
// give. A constant difference off the quarter-hour grid is no zone but clock
// skew between the two files, and is left alone. An input read in a zone the
// user gave (--tz) is never touched: ZoneSource::kUser, not kAssumed.
//
// Cost: per zone-less input, a sort and a merge of <= 2 * StampSample::
// kCapacity keys per zoned input; then one pass over the events.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "logcorr/event.hpp"
#include "logcorr/extract.hpp"
#include "logcorr/stamp_sample.hpp"

namespace logcorr {

struct ZoneInferenceOptions {
  size_t min_pairs = 3;  // pairs that must agree on the offset
  // Share of all pairs that must agree (a clear majority).
  double min_share = 2.0 / 3.0;
  // How far a pair may sit from a whole number of quarter hours: a journal
  // stamp is taken when journald reads the line (milliseconds later) and
  // `short-iso` prints whole seconds.
  int64_t tolerance_ns = 60'000'000'000;
};

struct ZoneGuess {
  enum class Kind : uint8_t {
    kNoPairs,   // no record of it appears in a zoned input
    kInferred,  // offset_seconds is the zone's offset (0: UTC confirmed)
    kDisagree,  // pairs vote for different offsets (or too few agree)
    kSkew,      // pairs agree on a difference that is no whole quarter hour
  };
  Kind kind = Kind::kNoPairs;
  int32_t offset_seconds = 0;  // the zone's offset (local - UTC): inferred, or the most voted
  size_t pairs = 0;            // records paired by content
  size_t agreeing = 0;         // pairs that vote for offset_seconds
  size_t off_grid = 0;         // pairs off the quarter-hour grid
  size_t sampled = 0;          // points in the zone-less input's sketch
  size_t reference = 0;        // index (into the references given) with the most pairs
  int64_t skew_ns = 0;         // kSkew: the median difference (zoned - zone-less)
  // Offsets voted for, most votes first: (offset seconds, pairs).
  std::vector<std::pair<int32_t, size_t>> votes;
};

// Decides the zone of one zone-less sketch against zoned sketches.
ZoneGuess guess_zone(const StampSample& zoneless, const std::vector<const StampSample*>& zoned,
                     const ZoneInferenceOptions& opts = {});

// Over a run: every input read as UTC for want of an offset (kAssumed) with
// a sketch is matched against all inputs' zoned sketches. An inferred
// offset moves its events (and its span) there: zone = "+02:00",
// zone_source = kInferred; events the move takes out of `window` are
// dropped. zone_note says what was found either way. The sketches are
// released. Inputs read back from `logcorr events` have none: their zone
// was decided when they were written.
void infer_zones(std::vector<Event>& events, std::vector<InputSummary>& inputs,
                 const EventWindow& window = {}, const ZoneInferenceOptions& opts = {});

// The report notes zone inference left (InputSummary::zone_note), in input
// order: the same whether the events were extracted here or read back.
std::vector<std::string> zone_notes(const std::vector<InputSummary>& inputs);

// "+02:00", "-05:30", "+00:00".
std::string format_offset(int32_t offset_seconds);

}  // namespace logcorr
