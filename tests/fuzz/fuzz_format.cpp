// Fuzzes layout and wrapper sniffing and record parsing: any bytes, any
// layout (generic stamps, logfmt, RFC 5424 included), any wrapper (kubectl,
// CRI, compose, Docker json-file), terminal escapes.
#include <cstdint>
#include <string>

#include "logcorr/format.hpp"
#include "logcorr/frame.hpp"

namespace {

class Parse final : public logcorr::RecordSink {
 public:
  explicit Parse(logcorr::RecordParser& p) : p_(p) {}
  void on_record(const logcorr::RawRecord& r) override {
    logcorr::Record rec;
    p_.parse(r, rec);
    // Touch every byte of every view so ASan sees a bad one.
    size_t n = rec.message.size() + rec.meta.host.size() + rec.meta.unit.size() +
               rec.meta.identifier.size() + rec.meta.container.size();
    for (std::string_view v :
         {rec.message, rec.meta.host, rec.meta.unit, rec.meta.identifier, rec.meta.container})
      for (char c : v) n += static_cast<unsigned char>(c);
    sink_ = n;
  }

 private:
  logcorr::RecordParser& p_;
  volatile size_t sink_ = 0;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  logcorr::Layout layout = data[0] == 0
                               ? logcorr::sniff_layout(bytes)
                               : static_cast<logcorr::Layout>(data[0] % logcorr::layouts().size());
  if (!logcorr::layout_from_name(logcorr::layout_name(layout))) layout = logcorr::Layout::kPlain;
  // The high bits of the first byte pick the wrapper: sniffed or forced.
  const unsigned w = data[0] >> 5;
  logcorr::Wrapper wrapper =
      w == 0 ? logcorr::sniff_wrapper(bytes) : static_cast<logcorr::Wrapper>((w - 1) % 5);
  logcorr::ParseOptions po;
  po.year = 2026;
  po.wrapper = wrapper;
  // Generic stamps: the head's day/month order, and a date for clocks.
  po.date_order = logcorr::sniff_date_order(bytes);
  if (data[0] & 0x10) po.date_days = 20'000;
  po.stamp_offset_s = logcorr::sniff_stamp_offset(bytes);
  logcorr::NullSink null;
  logcorr::RecordParser parser(layout, po, &null);
  Parse sink(parser);
  auto wrapped = logcorr::make_classifier(layout, wrapper);
  logcorr::Framer f(logcorr::framing_for(layout, wrapper),
                    wrapped ? wrapped.get() : logcorr::classifier_for(layout));
  f.feed(bytes, sink);
  f.finish(sink);
  return 0;
}
