#include "output.hpp"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>

namespace logcorr::cli {

namespace {
int g_write_errno = 0;  // the CLI writes stdout from one thread
}  // namespace

int Output::write_error() {
  return g_write_errno;
}

Output::Output() {
  // We want EPIPE from write(), not a signal: it lets us stop cleanly.
  signal(SIGPIPE, SIG_IGN);
  buf_.reserve(1u << 20);
}

Output::~Output() {
  flush();
}

void Output::write(std::string_view s) {
  buf_.append(s);
  maybe_flush();
}

void Output::flush() {
  size_t off = 0;
  while (!closed_ && off < buf_.size()) {
    ssize_t n = ::write(STDOUT_FILENO, buf_.data() + off, buf_.size() - off);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK) {
        // A non-blocking stdout (shared with a parent that set O_NONBLOCK):
        // wait until it takes more, rather than cut the output.
        struct pollfd p {};
        p.fd = STDOUT_FILENO;
        p.events = POLLOUT;
        if (::poll(&p, 1, -1) >= 0 || errno == EINTR) continue;
      }
      if (errno != EPIPE && g_write_errno == 0) g_write_errno = errno;
      closed_ = true;  // EPIPE or a full disk: either way nobody reads us
      break;
    }
    off += static_cast<size_t>(n);
  }
  buf_.clear();
}

}  // namespace logcorr::cli
