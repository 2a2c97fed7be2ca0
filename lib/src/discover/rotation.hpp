// Rotation-suffix parsing: which rotation set a file name belongs to and
// where it falls in the set's suffix order.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace logcorr::discover_detail {

struct RotationName {
  std::string base;    // file name of the live file ("server.log")
  std::string suffix;  // "" for the live file, else "1", "2.gz", "2026-06-29-14", "0.current"
  enum Kind : uint8_t { kLive, kDated, kNumbered, kCompressedLive } kind = kLive;
  std::string date;      // dated: the stamp digits, comparable as a string
  uint64_t number = 0;   // numbered: N
  bool current = false;  // JVM `.N.current`: the file being written
};

// Splits a file name (no directory) into its set base and suffix.
RotationName parse_rotation_name(std::string_view name);

// JVM GC log sets number their files in a ring (`gc.log.N`, `.N.current`).
bool is_gc_ring_base(std::string_view base);

}  // namespace logcorr::discover_detail
