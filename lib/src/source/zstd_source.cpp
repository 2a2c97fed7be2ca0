// zstd decoding with the streaming API; consecutive frames are read in turn.
#include <zstd.h>

#include <string>

#include "source/raw_input.hpp"

namespace logcorr::source_detail {

namespace {

class ZstdSource final : public ByteSource {
 public:
  explicit ZstdSource(std::unique_ptr<RawInput> raw)
      : raw_(std::move(raw)), dctx_(ZSTD_createDCtx()) {
    raw_->info().compression = Compression::kZstd;
    if (!dctx_) fail(0, "cannot initialise zstd");
  }
  ~ZstdSource() override { ZSTD_freeDCtx(dctx_); }

  size_t read(char* buf, size_t cap) override {
    if (done_ || cap == 0) return publish(0);
    ZSTD_outBuffer out{buf, cap, 0};
    while (out.pos == 0 && !done_) {
      bool have_input = in_.pos < in_.size;
      // With no input left, one more call may still flush output that did
      // not fit last time; only when that yields nothing do we read on.
      if (!have_input && (starved_ || !in_frame_)) {
        std::string_view in = raw_->next(ZSTD_DStreamInSize() * 2);
        if (in.empty()) {
          if (!raw_->status().ok()) {
            pending_ = raw_->status();
          } else if (in_frame_) {
            fail(raw_->consumed(), "unexpected end of zstd stream at byte " +
                                       std::to_string(raw_->consumed()) + " (truncated archive?)");
          }
          done_ = true;
          break;
        }
        chunk_start_ = raw_->consumed() - in.size();
        in_ = ZSTD_inBuffer{in.data(), in.size(), 0};
        starved_ = false;
      }
      size_t r = ZSTD_decompressStream(dctx_, &out, &in_);
      if (ZSTD_isError(r)) {
        uint64_t at = chunk_start_ + in_.pos;
        fail(at, "corrupt zstd data at byte " + std::to_string(at) + ": " + ZSTD_getErrorName(r));
        break;
      }
      in_frame_ = r != 0;
      if (out.pos == 0 && in_.pos == in_.size) starved_ = true;
    }
    return publish(out.pos);
  }

  const Status& status() const override { return error_; }
  const SourceInfo& info() const override { return raw_->info(); }
  uint64_t raw_bytes_read() const override { return chunk_start_ + in_.pos; }

 private:
  void fail(uint64_t at, std::string msg) {
    pending_ = Status(ErrorCode::kCorruptInput, std::move(msg), raw_->info().path, at);
    done_ = true;
  }
  size_t publish(size_t n) {
    if (n == 0 && !pending_.ok() && error_.ok()) error_ = pending_;
    return n;
  }

  std::unique_ptr<RawInput> raw_;
  ZSTD_DCtx* dctx_;
  ZSTD_inBuffer in_{nullptr, 0, 0};
  bool done_ = false;
  bool in_frame_ = false;
  bool starved_ = false;
  uint64_t chunk_start_ = 0;
  Status pending_;
  Status error_;
};

}  // namespace

std::unique_ptr<ByteSource> make_zstd_source(std::unique_ptr<RawInput> raw) {
  return std::make_unique<ZstdSource>(std::move(raw));
}

}  // namespace logcorr::source_detail
