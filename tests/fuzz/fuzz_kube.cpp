// Fuzzes the kube stage: sniffing, and every document reader (describe, the
// events table, JSON, YAML) on any bytes, with and without a reference time.
// Events must carry a known kind and, when timed, a time; nothing may throw.
#include <climits>
#include <cstdint>
#include <string>
#include <vector>

#include "logcorr/kube.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  logcorr::NullSink diag;
  (void)logcorr::sniff_kube(text);
  for (logcorr::KubeDoc doc : {logcorr::KubeDoc::kDescribe, logcorr::KubeDoc::kEventsTable,
                               logcorr::KubeDoc::kJson, logcorr::KubeDoc::kYaml}) {
    for (int64_t now : {INT64_MIN, int64_t{1727485800} * 1'000'000'000}) {
      logcorr::KubeReadOptions o;
      o.path = "fuzz";
      o.now_ns = now;
      std::vector<logcorr::Event> out;
      logcorr::KubeReadStats st = logcorr::read_kube(text, doc, o, out, diag);
      if (st.aged > out.size() || st.timeless > out.size()) __builtin_trap();
      for (const auto& e : out) {
        if (e.kind >= logcorr::EventKind::kCount_) __builtin_trap();
        if (e.time_valid && e.precision == logcorr::Precision::kNone) __builtin_trap();
        if (now == INT64_MIN && e.field("approximate") == "true") __builtin_trap();
      }
    }
  }
  return 0;
}
