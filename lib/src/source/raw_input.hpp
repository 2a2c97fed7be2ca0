// RawInput: the undecoded bytes of one file, pipe or memory buffer.
//
// Decoders pull views of compressed bytes from it (no copy for memory
// buffers); the plain source copies straight into the caller's buffer, so a
// regular file is read with one kernel copy and no intermediate buffer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "logcorr/source.hpp"

namespace logcorr::source_detail {

class RawInput {
 public:
  virtual ~RawInput() = default;

  // Next bytes, at most `max`; the view is valid until the next call. Empty
  // at end of input or on error (see status()). Blocks until some bytes exist.
  virtual std::string_view next(size_t max) = 0;

  // Copies up to `cap` bytes into `buf`; 0 at end or error.
  virtual size_t read_into(char* buf, size_t cap) = 0;

  // Up to `n` bytes from the current position without consuming them; fewer
  // only at end of input. Only meant for sniffing a handful of magic bytes.
  virtual std::string_view peek(size_t n) = 0;

  const Status& status() const { return error_; }
  uint64_t consumed() const { return consumed_; }
  SourceInfo& info() { return info_; }

 protected:
  Status error_;
  uint64_t consumed_ = 0;
  SourceInfo info_;
};

// Reads a file descriptor with read(2). Owns the fd when asked to.
std::unique_ptr<RawInput> make_fd_input(int fd, bool owns_fd, SourceInfo info);

// Serves a caller-owned buffer.
std::unique_ptr<RawInput> make_memory_input(std::string_view bytes, SourceInfo info);

// The ByteSource for each compression; they take ownership of the raw input.
std::unique_ptr<ByteSource> make_plain_source(std::unique_ptr<RawInput> raw);
std::unique_ptr<ByteSource> make_gzip_source(std::unique_ptr<RawInput> raw);
std::unique_ptr<ByteSource> make_zstd_source(std::unique_ptr<RawInput> raw);

// Sniffs the raw input's magic bytes and wraps it in the matching source.
std::unique_ptr<ByteSource> wrap_decoder(std::unique_ptr<RawInput> raw);

}  // namespace logcorr::source_detail
