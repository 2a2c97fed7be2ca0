// Opening files, descriptors and buffers, and picking the decoder.
//
// Regular files are read with read(2) rather than mmap: the benchmark in
// bench/source_bench.cpp shows no gain from mmap for sequential reads into a
// caller buffer, and a mapped log that is truncated by rotation while we read
// it would kill the process with SIGBUS.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "source/errno_status.hpp"

#include "source/raw_input.hpp"

namespace logcorr {

namespace source_detail {

namespace {

class PlainSource final : public ByteSource {
 public:
  explicit PlainSource(std::unique_ptr<RawInput> raw) : raw_(std::move(raw)) {
    raw_->info().compression = Compression::kNone;
  }
  size_t read(char* buf, size_t cap) override { return raw_->read_into(buf, cap); }
  const Status& status() const override { return raw_->status(); }
  const SourceInfo& info() const override { return raw_->info(); }
  uint64_t raw_bytes_read() const override { return raw_->consumed(); }

 private:
  std::unique_ptr<RawInput> raw_;
};

}  // namespace

std::unique_ptr<ByteSource> make_plain_source(std::unique_ptr<RawInput> raw) {
  return std::make_unique<PlainSource>(std::move(raw));
}

std::unique_ptr<ByteSource> wrap_decoder(std::unique_ptr<RawInput> raw) {
  // Peek only as far as a magic number could still match, so that a pipe
  // carrying plain text is never held back waiting for a 4th byte.
  std::string_view head = raw->peek(1);
  if (!head.empty() && (head[0] == '\x1f' || head[0] == '\x28'))
    head = raw->peek(head[0] == '\x1f' ? 2 : 4);
  switch (sniff_compression(head)) {
    case Compression::kGzip:
      return make_gzip_source(std::move(raw));
    case Compression::kZstd:
      return make_zstd_source(std::move(raw));
    case Compression::kNone:
      break;
  }
  return make_plain_source(std::move(raw));
}

}  // namespace source_detail

Compression sniff_compression(std::string_view b) {
  if (b.size() >= 2 && b[0] == '\x1f' && b[1] == '\x8b') return Compression::kGzip;
  if (b.size() >= 4 && b[0] == '\x28' && b[1] == '\xb5' && b[2] == '\x2f' && b[3] == '\xfd')
    return Compression::kZstd;
  return Compression::kNone;
}

namespace {

Status fail(const std::string& path, int e) {
  return source_detail::errno_status(e, path);
}

}  // namespace

Result<std::unique_ptr<ByteSource>> open_fd_source(int fd, std::string name, bool owns_fd) {
  SourceInfo info;
  info.path = std::move(name);
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    int e = errno;
    if (owns_fd) ::close(fd);
    return fail(info.path, e);
  }
  if (S_ISDIR(st.st_mode)) {
    if (owns_fd) ::close(fd);
    return fail(info.path, EISDIR);
  }
  if (S_ISREG(st.st_mode)) {
    info.size = static_cast<int64_t>(st.st_size);
    info.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    // Sequential read-ahead; purely advisory.
    (void)::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  }
  auto src =
      source_detail::wrap_decoder(source_detail::make_fd_input(fd, owns_fd, std::move(info)));
  return src;
}

bool is_stream_path(const std::string& path) {
  if (path == "-") return true;
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return false;
  return !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode);
}

Result<std::unique_ptr<ByteSource>> open_source(const std::string& path) {
  if (path == "-") return open_fd_source(STDIN_FILENO, "-", false);
  int fd;
  do {
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) return fail(path, errno);
  return open_fd_source(fd, path, true);
}

std::unique_ptr<ByteSource> open_memory_source(std::string_view bytes, std::string name) {
  SourceInfo info;
  info.path = std::move(name);
  info.size = static_cast<int64_t>(bytes.size());
  return source_detail::wrap_decoder(source_detail::make_memory_input(bytes, std::move(info)));
}

}  // namespace logcorr
