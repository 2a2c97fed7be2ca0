// Source: where bytes come from.
//
// A ByteSource yields the decompressed bytes of one file or stream in order,
// chunk by chunk. It never holds a whole file in memory: regular files and
// pipes are read with read(2) straight into the caller's buffer (measured as
// fast as mmap+copy, see bench/source_bench.cpp, and immune to SIGBUS when a
// file is truncated under us); decoders use fixed-size buffers. Compression is detected from
// magic bytes (gzip 1f 8b, zstd 28 b5 2f fd), never from the file name, and
// is undone transparently; concatenated gzip members and zstd frames are read
// in turn, as `zcat` / `zstdcat` do.
//
// Errors: read() returns 0 at end of stream *or* on error; status() then says
// which. A truncated or corrupt archive yields every byte before the damage,
// and the status (kCorruptInput) names the file and the compressed byte
// offset; a failed read(2) is kIoError.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "logcorr/status.hpp"

namespace logcorr {

enum class Compression : uint8_t { kNone, kGzip, kZstd };

// Metadata known when a source is opened.
struct SourceInfo {
  std::string path;  // as given; "-" for stdin
  Compression compression = Compression::kNone;
  // Modification time of the file, or for gzip the MTIME field of the first
  // member header when it is set (it usually is the original file's mtime).
  // Used to infer the year of year-less stamps. INT64_MIN when unknown.
  int64_t mtime_ns = INT64_MIN;
  int64_t size = -1;  // raw size in bytes, -1 for pipes
};

class ByteSource {
 public:
  virtual ~ByteSource() = default;

  // Reads up to `cap` decompressed bytes into `buf`. Returns the number of
  // bytes read; 0 means end of stream or error (see error()). Blocks on pipes
  // until some data is available (it does not wait to fill `cap`).
  virtual size_t read(char* buf, size_t cap) = 0;

  // Ok, until read() has returned 0 because of an error; then why, with the
  // path and the byte offset in the raw (compressed) file.
  virtual const Status& status() const = 0;

  virtual const SourceInfo& info() const = 0;

  // Raw (compressed) bytes consumed so far; for progress reporting.
  virtual uint64_t raw_bytes_read() const = 0;
};

// Opens a file (or "-" for standard input) and wraps it in the decompressor
// its first bytes call for. Fails with kNotFound, kPermissionDenied or
// kIoError ("Is a directory"), the message naming the path. Cost: open(2),
// fstat(2) and a peek at the first bytes.
Result<std::unique_ptr<ByteSource>> open_source(const std::string& path);

// Whether `path` is read as a stream: "-" (stdin) or anything that exists
// and is neither a regular file nor a directory (a pipe, a FIFO, /dev/stdin
// on a pipe, a character device). A stream can be opened and read once
// only: it is never probed ahead (rotation order, relative --since), split
// or re-read. Cost: one stat(2).
bool is_stream_path(const std::string& path);

// Wraps an already-open file descriptor (not owned unless `owns_fd`). Used for
// stdin and by tests that write into pipes.
Result<std::unique_ptr<ByteSource>> open_fd_source(int fd, std::string name, bool owns_fd);

// Wraps an in-memory buffer (not copied; must outlive the source). Still
// detects and undoes compression. Used by the embedding API and tests.
std::unique_ptr<ByteSource> open_memory_source(std::string_view bytes, std::string name);

// Detects compression from the first bytes of a stream.
Compression sniff_compression(std::string_view first_bytes);

}  // namespace logcorr
