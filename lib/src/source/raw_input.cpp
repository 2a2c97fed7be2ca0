// RawInput implementations: file descriptors and memory buffers.
#include "source/raw_input.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "source/errno_status.hpp"

namespace logcorr::source_detail {

namespace {

// Compressed input is pulled in blocks this big: large enough that syscalls
// are rare next to the decompression work, small enough to stay in L2.
constexpr size_t kRawBlock = 256 * 1024;

class FdInput final : public RawInput {
 public:
  FdInput(int fd, bool owns, SourceInfo info) : fd_(fd), owns_(owns) { info_ = std::move(info); }
  ~FdInput() override {
    if (owns_ && fd_ >= 0) ::close(fd_);
  }

  std::string_view next(size_t max) override {
    if (max == 0) return {};
    if (pos_ < len_) return take(max);
    if (buf_.empty()) buf_.resize(kRawBlock);
    pos_ = 0;
    len_ = sys_read(buf_.data(), buf_.size());
    return take(max);
  }

  size_t read_into(char* buf, size_t cap) override {
    if (cap == 0) return 0;
    if (pos_ < len_) {
      std::string_view v = take(cap);
      std::memcpy(buf, v.data(), v.size());
      return v.size();
    }
    size_t n = sys_read(buf, cap);
    consumed_ += n;
    return n;
  }

  std::string_view peek(size_t n) override {
    if (buf_.empty()) buf_.resize(kRawBlock);
    if (pos_ > 0 && len_ - pos_ < n) {
      std::memmove(buf_.data(), buf_.data() + pos_, len_ - pos_);
      len_ -= pos_;
      pos_ = 0;
    }
    while (len_ - pos_ < n && !eof_) {
      size_t got = sys_read(buf_.data() + len_, buf_.size() - len_);
      len_ += got;
    }
    return std::string_view(buf_.data() + pos_, std::min(n, len_ - pos_));
  }

 private:
  std::string_view take(size_t max) {
    size_t n = std::min(max, len_ - pos_);
    std::string_view v(buf_.data() + pos_, n);
    pos_ += n;
    consumed_ += n;
    return v;
  }

  // read(2) retried on EINTR; 0 at EOF or error (recorded once).
  size_t sys_read(char* p, size_t cap) {
    if (eof_) return 0;
    for (;;) {
      ssize_t r = ::read(fd_, p, cap);
      if (r > 0) return static_cast<size_t>(r);
      if (r < 0 && errno == EINTR) continue;
      eof_ = true;
      if (r < 0) {
        int e = errno;
        error_ = errno_status(e, info_.path, consumed_ + (len_ - pos_));
      }
      return 0;
    }
  }

  int fd_;
  bool owns_;
  bool eof_ = false;
  std::vector<char> buf_;  // only used for decoders and sniffing
  size_t pos_ = 0, len_ = 0;
};

class MemoryInput final : public RawInput {
 public:
  MemoryInput(std::string_view bytes, SourceInfo info) : bytes_(bytes) { info_ = std::move(info); }

  std::string_view next(size_t max) override {
    std::string_view v = bytes_.substr(consumed_, max);
    consumed_ += v.size();
    return v;
  }
  size_t read_into(char* buf, size_t cap) override {
    std::string_view v = next(cap);
    if (!v.empty()) std::memcpy(buf, v.data(), v.size());
    return v.size();
  }
  std::string_view peek(size_t n) override { return bytes_.substr(consumed_, n); }

 private:
  std::string_view bytes_;
};

}  // namespace

std::unique_ptr<RawInput> make_fd_input(int fd, bool owns_fd, SourceInfo info) {
  return std::make_unique<FdInput>(fd, owns_fd, std::move(info));
}

std::unique_ptr<RawInput> make_memory_input(std::string_view bytes, SourceInfo info) {
  return std::make_unique<MemoryInput>(bytes, std::move(info));
}

}  // namespace logcorr::source_detail
