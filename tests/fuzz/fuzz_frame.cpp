// Fuzzes the framer in every mode: arbitrary bytes, fed in arbitrary chunk
// sizes, must give the same records as one-shot feeding and never crash.
#include <cstdint>
#include <string>
#include <vector>

#include "logcorr/frame.hpp"

namespace {

class HeaderEveryDigit final : public logcorr::LineClassifier {
 public:
  bool starts_record(std::string_view line) const override {
    return !line.empty() && line[0] >= '0' && line[0] <= '9';
  }
};

class Collect final : public logcorr::RecordSink {
 public:
  void on_record(const logcorr::RawRecord& r) override {
    out.push_back(std::string(r.text) + "@" + std::to_string(r.line) + ":" +
                  std::to_string(r.offset));
  }
  std::vector<std::string> out;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  auto mode = static_cast<logcorr::Framing>(data[0] % 9);
  size_t chunk = 1 + data[1] % 64;
  std::string_view bytes(reinterpret_cast<const char*>(data + 2), size - 2);
  HeaderEveryDigit cls;
  logcorr::FramerOptions fo;
  fo.max_record_bytes = 4096;  // exercise truncation too
  Collect one, many;
  {
    logcorr::Framer f(mode, &cls, fo);
    f.feed(bytes, one);
    f.finish(one);
  }
  {
    logcorr::Framer f(mode, &cls, fo);
    for (size_t i = 0; i < bytes.size(); i += chunk) f.feed(bytes.substr(i, chunk), many);
    f.finish(many);
  }
  if (one.out != many.out) __builtin_trap();
  return 0;
}
