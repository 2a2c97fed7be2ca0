// RecordMatcher over the pattern-pack Matcher. GC logs are left to the
// GcExtractor (which applies the jvm-gc rules across records), so the jvm-gc
// pack is skipped here and the same pause is never counted twice.
#include "extract/record_matcher.hpp"

#include <algorithm>

#include "logcorr/match.hpp"
#include "logcorr/patterns.hpp"

namespace logcorr::detail {

namespace {

class PackMatcher final : public RecordMatcher {
 public:
  // The matcher may keep views into the pattern set, so the set lives here.
  PackMatcher(PatternSet set, MatcherOptions mo, DiagnosticSink& diag)
      : set_(std::move(set)), matcher_(set_, std::move(mo), &diag) {}
  void match(const Record& rec, Layout layout, std::vector<Event>& out,
             std::string_view application) override {
    matcher_.match(rec, layout, out, application);
  }

 private:
  PatternSet set_;
  Matcher matcher_;
};

}  // namespace

std::unique_ptr<RecordMatcher> RecordMatcher::create(const ExtractOptions& opts,
                                                     DiagnosticSink& diag) {
  if (!opts.wants_patterns()) return nullptr;
  // A broken pattern is reported (file:line) and left out; the run goes on
  // with the rest, and the error makes the exit status say so.
  PatternSet set = opts.pattern_dirs.empty() ? PatternSet{} : load_packs(opts.pattern_dirs, diag);
  for (const auto& [name, text] : opts.pattern_texts) {
    Result<Pack> pack = load_pack_text(text, name, diag);
    if (pack.ok()) set.add(std::move(pack).value());
  }
  if (set.pattern_count() == 0) return nullptr;
  MatcherOptions mo;
  mo.broker_units = opts.broker_units;
  mo.skip_packs = {"jvm-gc"};
  return std::make_unique<PackMatcher>(std::move(set), std::move(mo), diag);
}

}  // namespace logcorr::detail
