// Timeline: many inputs merged into one UTC-ordered stream of records.
//
// A streaming k-way merge over InputReaders: memory is one pending record per
// input. Each input keeps its own file order (a journal that steps back over a
// DST change is not "repaired"); across inputs the record with the smallest
// time goes first. A record without a usable time sorts with the last timed
// record before it in its input, so it stays after its predecessor.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "logcorr/reader.hpp"
#include "logcorr/record.hpp"

namespace logcorr {

class TimelineMerge {
 public:
  explicit TimelineMerge(std::vector<std::unique_ptr<InputReader>> readers);
  ~TimelineMerge();

  // The next record in time order, or nullptr when every input is exhausted.
  // Valid until the next call.
  const Record* next();
  // The merge key of the record last returned: its time, or the carried-over
  // time of its predecessor.
  int64_t current_key() const;

  const std::vector<std::unique_ptr<InputReader>>& readers() const;

 private:
  struct State;
  std::unique_ptr<State> s_;
};

}  // namespace logcorr
