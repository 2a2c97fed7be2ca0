// Discovery: turning the paths a user gives into logical inputs.
//
// A directory is walked recursively in a stable (byte-wise sorted) order. Files
// that belong to one rotation set -- `server.log`, `server.log.1`,
// `server.log.2.gz`, `server.log.2026-06-29-14`, `gc.log.0` ... `gc.log.9`,
// `gc.log.3.current` -- are grouped into one LogicalInput whose files are read
// one after the other as a single stream.
//
// The order within a set is first a guess from the suffixes (dated suffixes
// ascending, then numeric suffixes descending as logrotate/log4j write them:
// `.3` is older than `.1`, then the live file last). JVM `-XX:GCLogFileSize`
// rotation numbers files in a ring, so suffix order is not time order: for
// sets whose name contains "gc" the guess is ring order starting after the
// `.N.current` file (plain ascending without one), and the caller can
// re-order a set by each file's first timestamp with order_by_first_time(),
// which open_inputs() does after sniffing.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "logcorr/diagnostics.hpp"

namespace logcorr {

struct InputFile {
  std::string path;
  // The suffix that made it part of the set ("", "1", "2.gz", "2026-06-29-14",
  // "0.current"); informative.
  std::string rotation_suffix;
};

struct LogicalInput {
  // Short label for output: the path relative to the argument it was found
  // under, with the rotation suffix removed ("broker-1/server.log"); "-" for
  // stdin.
  std::string label;
  // The base path of the set (the live file's path, even when it is absent).
  std::string base_path;
  std::vector<InputFile> files;  // in read order
  // Host/broker hints from directory names: a path component such as
  // `broker-3`, `kafka-3`, `kafka3.example.com` or `host=NAME`. Empty if none.
  std::string host_hint;
};

struct DiscoverOptions {
  // Group rotation sets (default). When false every file is its own input.
  bool group_rotations = true;
  // Skip hidden files/dirs (starting with '.') inside walked directories.
  bool skip_hidden = true;
};

// Expands files, directories and "-" into logical inputs, in argument order
// (and sorted order inside each directory). Problems (missing path,
// unreadable directory) are reported to `sink` with the path, and that
// argument is skipped.
std::vector<LogicalInput> discover_inputs(const std::vector<std::string>& args,
                                          const DiscoverOptions& opts, DiagnosticSink& sink);

// Re-orders the files of a rotation set by the first timestamp each holds.
// `first_time(path)` returns UTC ns or nullopt when a file has no usable stamp;
// such files keep their suffix-order position relative to their neighbours.
void order_by_first_time(
    LogicalInput& input,
    const std::function<std::optional<int64_t>(const std::string& path)>& first_time);

// Derives a host hint from a path ("/x/broker-3/gc.log" -> "broker-3").
std::string host_hint_from_path(const std::string& path);

}  // namespace logcorr
