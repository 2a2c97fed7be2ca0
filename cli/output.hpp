// Buffered stdout for the CLI: large writes, and a closed pipe (`| head`)
// ends the program quietly with status 0 instead of a SIGPIPE death; any
// other failed write (ENOSPC, EIO) is remembered for main to report. Every
// command writes its stdout through this.
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
  // True once a write failed (EPIPE, or a full disk); callers stop producing.
  bool closed() const { return closed_; }
  // errno of the first failed write to stdout in this process other than
  // EPIPE (a reader that went away is no error: `| head`), 0 if none. main
  // turns it into `logcorr: write error: …` and exit status 2.
  static int write_error();

 private:
  std::string buf_;
  bool closed_ = false;
};

}  // namespace logcorr::cli
