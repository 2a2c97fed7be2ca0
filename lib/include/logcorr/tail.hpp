// FileTail: one file followed like `tail -F`.
//
// Reads what was appended since the last call; every ~250 ms it also stats
// the path to see rotation: a different inode at the path (rename + create,
// delete + re-create) means the old file is read to its end, then the new one
// from its start; a size below what we read means copy-truncate, and the file
// is read again from its start. A path that does not exist yet is retried.
//
// Part of the source stage: it reads raw bytes and writes nothing to
// stdout/stderr; a file that cannot be opened is simply retried.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace logcorr {

class FileTail {
 public:
  // from_start: read what the file holds now; otherwise start at its end.
  FileTail(std::string path, bool from_start);
  ~FileTail();
  FileTail(const FileTail&) = delete;
  FileTail& operator=(const FileTail&) = delete;

  // Bytes appended since the last call go to `on_bytes` (up to `budget`
  // bytes per call; returns true when more may be waiting). `on_restart` is
  // called before the bytes of a new or truncated file.
  bool poll(int64_t mono_ns, size_t budget, const std::function<void(std::string_view)>& on_bytes,
            const std::function<void(const char* why)>& on_restart);

  const std::string& path() const { return path_; }

 private:
  bool open_file(bool at_end);
  size_t drain(size_t budget, const std::function<void(std::string_view)>& on_bytes, bool* more);

  std::string path_;
  int fd_ = -1;
  uint64_t dev_ = 0;
  uint64_t ino_ = 0;
  int64_t off_ = 0;
  bool first_ = true;  // the first open honours --from-start; later ones read all
  bool opened_ever_ = false;
  int64_t next_stat_ns_ = 0;
  std::string buf_;
};

}  // namespace logcorr
