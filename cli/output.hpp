// Buffered stdout for the CLI: large writes, and a closed pipe (`| head`)
// ends the program quietly with status 0 instead of a SIGPIPE death.
#pragma once

#include <string>
#include <string_view>

namespace logcorr::cli {

class Output {
 public:
  Output();
  ~Output();
  // Appends to the buffer; flushes when it grows past 1 MiB.
  void write(std::string_view s);
  std::string& buffer() { return buf_; }
  void maybe_flush() {
    if (buf_.size() >= (1u << 20)) flush();
  }
  void flush();
  // True once a write failed with EPIPE; callers stop producing.
  bool closed() const { return closed_; }

 private:
  std::string buf_;
  bool closed_ = false;
};

}  // namespace logcorr::cli
