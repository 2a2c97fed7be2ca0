// gzip decoding with zlib, streaming, member after member as zcat does.
#include <zlib.h>

#include <climits>
#include <string>

#include "source/raw_input.hpp"

namespace logcorr::source_detail {

namespace {

constexpr size_t kInBlock = 256 * 1024;

class GzipSource final : public ByteSource {
 public:
  explicit GzipSource(std::unique_ptr<RawInput> raw) : raw_(std::move(raw)) {
    SourceInfo& info = raw_->info();
    info.compression = Compression::kGzip;
    // MTIME (bytes 4..7, little endian) is the original file's mtime when the
    // compressor knew it; a better year anchor than the archive's own mtime.
    std::string_view h = raw_->peek(8);
    if (h.size() == 8) {
      uint32_t t = 0;
      for (int i = 7; i >= 4; --i) t = (t << 8) | static_cast<unsigned char>(h[i]);
      if (t != 0) info.mtime_ns = static_cast<int64_t>(t) * 1000000000;
    }
    // 16 + MAX_WBITS: gzip wrapper only; the magic already said gzip.
    ok_ = inflateInit2(&zs_, 16 + MAX_WBITS) == Z_OK;
    if (!ok_) fail(0, "cannot initialise zlib");
  }
  ~GzipSource() override {
    if (ok_) inflateEnd(&zs_);
  }

  size_t read(char* buf, size_t cap) override {
    if (done_ || cap == 0) return publish(0);
    uInt want = static_cast<uInt>(std::min<size_t>(cap, 1u << 30));
    zs_.next_out = reinterpret_cast<Bytef*>(buf);
    zs_.avail_out = want;
    while (zs_.avail_out == want && !done_) {
      if (zs_.avail_in == 0 && (starved_ || !in_member_)) {
        std::string_view in = raw_->next(kInBlock);
        if (in.empty()) {
          if (!raw_->status().ok()) {
            pending_ = raw_->status();
          } else if (in_member_) {
            fail(raw_->consumed(), "unexpected end of gzip stream at byte " +
                                       std::to_string(raw_->consumed()) + " (truncated archive?)");
          }
          done_ = true;
          break;
        }
        chunk_start_ = raw_->consumed() - in.size();
        zs_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
        zs_.avail_in = static_cast<uInt>(in.size());
        starved_ = false;
      }
      if (!in_member_) {
        // Between members: zero padding (tape/block devices) is ignored as
        // gzip does; anything else must be the next member's header.
        while (zs_.avail_in > 0 && *zs_.next_in == 0) {
          ++zs_.next_in;
          --zs_.avail_in;
        }
        if (zs_.avail_in == 0) continue;
        in_member_ = true;
      }
      uInt before_in = zs_.avail_in;
      int rc = inflate(&zs_, Z_NO_FLUSH);
      if (rc == Z_STREAM_END) {
        in_member_ = false;
        starved_ = false;
        inflateReset(&zs_);
      } else if (rc == Z_OK) {
        if (zs_.avail_in == 0 && zs_.avail_out == want) starved_ = true;
      } else if (rc == Z_BUF_ERROR) {
        // No progress possible without more input.
        if (zs_.avail_in > 0 && zs_.avail_in == before_in && zs_.avail_out > 0) {
          fail(offset(), "corrupt gzip data at byte " + std::to_string(offset()));
          break;
        }
        starved_ = true;
      } else {
        std::string why = zs_.msg ? zs_.msg : zError(rc);
        fail(offset(), "corrupt gzip data at byte " + std::to_string(offset()) + ": " + why);
        break;
      }
    }
    return publish(want - zs_.avail_out);
  }

  const Status& status() const override { return error_; }
  const SourceInfo& info() const override { return raw_->info(); }
  uint64_t raw_bytes_read() const override { return raw_->consumed() - zs_.avail_in; }

 private:
  uint64_t offset() const {
    return chunk_start_ + (raw_->consumed() - chunk_start_) - zs_.avail_in;
  }

  void fail(uint64_t at, std::string msg) {
    pending_ = Status(ErrorCode::kCorruptInput, std::move(msg), raw_->info().path, at);
    done_ = true;
  }

  // Bytes decoded before a failure are delivered first; the error becomes
  // visible with the read() that returns 0.
  size_t publish(size_t n) {
    if (n == 0 && !pending_.ok() && error_.ok()) error_ = pending_;
    return n;
  }

  std::unique_ptr<RawInput> raw_;
  z_stream zs_{};
  bool ok_ = false;
  bool done_ = false;
  bool in_member_ = false;
  bool starved_ = false;
  uint64_t chunk_start_ = 0;
  Status pending_;
  Status error_;
};

}  // namespace

std::unique_ptr<ByteSource> make_gzip_source(std::unique_ptr<RawInput> raw) {
  return std::make_unique<GzipSource>(std::move(raw));
}

}  // namespace logcorr::source_detail
