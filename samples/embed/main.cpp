// embed: logcorr as a library. Analyzes one incident directory and prints
// each burst's start, verdict and best cause.
//
//   embed INCIDENT_DIR [PATTERN_DIR]
//
// PATTERN_DIR defaults to the installed pattern packs (the build passes
// their location in LOGCORR_EMBED_PATTERN_DIR). Uses public headers only.
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include <logcorr/logcorr.hpp>

namespace {

// Problems with the inputs arrive here (the library itself never prints);
// this program shows them on stderr, as a compiler would.
class StderrSink final : public logcorr::DiagnosticSink {
 public:
  void report(const logcorr::Diagnostic& d) override {
    std::fprintf(stderr, "%s\n", d.to_string().c_str());
  }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::fprintf(stderr, "usage: %s INCIDENT_DIR [PATTERN_DIR]\n", argv[0]);
    return 2;
  }
  logcorr::AnalyzeOptions opts;
#ifdef LOGCORR_EMBED_PATTERN_DIR
  opts.pattern_dirs = {LOGCORR_EMBED_PATTERN_DIR};
#endif
  if (argc == 3) opts.pattern_dirs = {argv[2]};

  StderrSink diag;
  logcorr::Analyzer analyzer(opts, &diag);
  analyzer.add_path(argv[1]);
  const logcorr::AnalyzerResult result = analyzer.run();
  if (!result.ok()) {
    std::fprintf(stderr, "embed: could not load the pattern packs\n");
    return 2;
  }
  const logcorr::AnalysisReport& report = result.report;

  std::printf("logcorr %s: %zu input(s), %llu records, %llu events, %zu burst(s)\n",
              logcorr::version(), report.inputs.size(),
              static_cast<unsigned long long>(report.records),
              static_cast<unsigned long long>(report.events), report.bursts.size());
  for (const logcorr::Burst& b : report.bursts) {
    const std::string start = logcorr::format_rfc3339(b.start_ns, logcorr::Precision::kMilli);
    const std::string_view verdict = logcorr::verdict_name(b.verdict);
    std::printf("%s  %-18.*s %4u symptom(s)  confidence %.2f", start.c_str(),
                static_cast<int>(verdict.size()), verdict.data(), b.count, b.confidence);
    if (!b.causes.empty()) std::printf("  %s", b.causes.front().summary.c_str());
    std::printf("\n");
  }
  return 0;
}
