// RangeSource: read(2) from a line boundary inside a plain file.
#include "range_source.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <optional>

#include "source/errno_status.hpp"

namespace logcorr::detail {

namespace {

class RangeSource final : public ByteSource {
 public:
  RangeSource(int fd, SourceInfo info) : fd_(fd), info_(std::move(info)) {}
  ~RangeSource() override { ::close(fd_); }

  size_t read(char* buf, size_t cap) override {
    if (!error_.ok() || cap == 0) return 0;
    for (;;) {
      ssize_t n = ::read(fd_, buf, cap);
      if (n >= 0) {
        raw_ += static_cast<uint64_t>(n);
        return static_cast<size_t>(n);
      }
      if (errno == EINTR) continue;
      error_ = source_detail::errno_status(errno, info_.path, raw_);
      return 0;
    }
  }
  const Status& status() const override { return error_; }
  const SourceInfo& info() const override { return info_; }
  uint64_t raw_bytes_read() const override { return raw_; }

 private:
  int fd_;
  SourceInfo info_;
  uint64_t raw_ = 0;
  Status error_;
};

// Position just after the first '\n' at or after `from - 1`, found with
// pread in blocks (the previous chunk's reader finishes that line).
int64_t line_start_at_or_after(int fd, uint64_t from, uint64_t size) {
  if (from == 0) return 0;
  char buf[64 * 1024];
  uint64_t pos = from - 1;
  while (pos < size) {
    ssize_t n = ::pread(fd, buf, sizeof buf, static_cast<off_t>(pos));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return n < 0 ? -1 : static_cast<int64_t>(size);
    if (const void* nl = std::memchr(buf, '\n', static_cast<size_t>(n)))
      return static_cast<int64_t>(pos + (static_cast<const char*>(nl) - buf) + 1);
    pos += static_cast<uint64_t>(n);
  }
  return static_cast<int64_t>(size);
}

}  // namespace

Result<std::unique_ptr<ByteSource>> open_range_source(const std::string& path, uint64_t from,
                                                      uint64_t* base) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  struct stat st;
  if (fd < 0 || ::fstat(fd, &st) != 0) {
    Status failed = source_detail::errno_status(errno, path);
    if (fd >= 0) ::close(fd);
    return failed;
  }
  uint64_t size = static_cast<uint64_t>(st.st_size);
  int64_t start = line_start_at_or_after(fd, from, size);
  if (start < 0 || ::lseek(fd, static_cast<off_t>(start), SEEK_SET) < 0) {
    Status failed = source_detail::errno_status(errno, path, from);
    ::close(fd);
    return failed;
  }
  SourceInfo info;
  info.path = path;
  info.compression = Compression::kNone;
  info.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
  info.size = static_cast<int64_t>(size);
  if (base) *base = static_cast<uint64_t>(start);
  return std::unique_ptr<ByteSource>(std::make_unique<RangeSource>(fd, std::move(info)));
}

}  // namespace logcorr::detail
