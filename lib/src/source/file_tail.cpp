#include "logcorr/tail.hpp"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>

namespace logcorr {

namespace {
constexpr size_t kChunk = 1u << 20;
constexpr int64_t kStatEveryNs = 250'000'000;
}  // namespace

FileTail::FileTail(std::string path, bool from_start) : path_(std::move(path)) {
  buf_.resize(kChunk);
  open_file(!from_start);
}

FileTail::~FileTail() {
  if (fd_ >= 0) ::close(fd_);
}

bool FileTail::open_file(bool at_end) {
  int fd = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return false;
  }
  if (fd_ >= 0) ::close(fd_);
  fd_ = fd;
  dev_ = static_cast<uint64_t>(st.st_dev);
  ino_ = static_cast<uint64_t>(st.st_ino);
  off_ = at_end ? static_cast<int64_t>(st.st_size) : 0;
  if (off_ > 0) ::lseek(fd_, static_cast<off_t>(off_), SEEK_SET);
  opened_ever_ = true;
  return true;
}

size_t FileTail::drain(size_t budget, const std::function<void(std::string_view)>& on_bytes,
                       bool* more) {
  size_t total = 0;
  while (fd_ >= 0) {
    if (total >= budget) {
      *more = true;
      break;
    }
    ssize_t n = ::read(fd_, buf_.data(), buf_.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    off_ += n;
    total += static_cast<size_t>(n);
    on_bytes(std::string_view(buf_.data(), static_cast<size_t>(n)));
  }
  return total;
}

bool FileTail::poll(int64_t mono_ns, size_t budget,
                    const std::function<void(std::string_view)>& on_bytes,
                    const std::function<void(const char*)>& on_restart) {
  bool more = false;
  if (fd_ < 0) {
    if (mono_ns < next_stat_ns_) return false;
    next_stat_ns_ = mono_ns + kStatEveryNs;
    // A file that appears after we started is new: read all of it.
    bool was = opened_ever_;
    if (!open_file(false)) return false;
    if (was) on_restart("re-created");
    first_ = false;
  }
  drain(budget, on_bytes, &more);
  if (more || mono_ns < next_stat_ns_) return more;
  next_stat_ns_ = mono_ns + kStatEveryNs;
  struct stat st;
  if (::stat(path_.c_str(), &st) != 0)
    return false;  // deleted or renamed away: keep reading the old one
  if (static_cast<uint64_t>(st.st_dev) != dev_ || static_cast<uint64_t>(st.st_ino) != ino_) {
    // Rotated: what the writer put in the old file before it moved on is
    // read first (it is still open), then the new file from its start.
    drain(SIZE_MAX, on_bytes, &more);
    if (!open_file(false)) return false;
    on_restart("rotated");
    drain(budget, on_bytes, &more);
    return more;
  }
  if (static_cast<int64_t>(st.st_size) < off_) {
    // Copy-truncate: the file starts over.
    ::lseek(fd_, 0, SEEK_SET);
    off_ = 0;
    on_restart("truncated");
    drain(budget, on_bytes, &more);
  }
  return more;
}

}  // namespace logcorr
