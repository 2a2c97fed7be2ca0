// RecordMatcher: the pattern packs (and the broker-unit rule) behind one call,
// so the extraction loop does not care how matching is done.
#pragma once

#include <memory>
#include <vector>

#include "logcorr/event.hpp"
#include "logcorr/extract.hpp"
#include "logcorr/format.hpp"
#include "logcorr/record.hpp"

namespace logcorr::detail {

class RecordMatcher {
 public:
  virtual ~RecordMatcher() = default;
  // Appends the events `rec` yields (kind, fields, broker/host/client from
  // the pattern; time and provenance are filled in by the caller).
  // `application`: see Matcher::match.
  virtual void match(const Record& rec, Layout layout, std::vector<Event>& out,
                     std::string_view application) = 0;

  // Loads the packs of opts.pattern_dirs; nullptr (after reporting why) when
  // they are broken.
  static std::unique_ptr<RecordMatcher> create(const ExtractOptions& opts, DiagnosticSink& diag);
};

}  // namespace logcorr::detail
