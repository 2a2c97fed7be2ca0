// Header predicates for kHeaderContinued layouts: a line starts a record when
// it begins (after an optional container wrapper) with a stamp or a level word.
// Stack trace lines ("\tat ...", "Caused by: ...") and config dumps never do.
#include "format_impl.hpp"
#include "logcorr/format.hpp"

namespace logcorr {

namespace {

class JavaClassifier final : public LineClassifier {
 public:
  bool starts_record(std::string_view line) const override {
    return format_detail::java_header_line(line);
  }
};

// JDK 8 legacy GC: the Java header test would split a G1 detail block at
// nothing, but it would glue the JVM header lines and safepoint lines to the
// record above (they have no stamp), and a PrintHeapAtGC `{Heap before GC`
// line would start a record of its own (it starts with a JSON-ish `{`).
class GcLegacyClassifier final : public LineClassifier {
 public:
  bool starts_record(std::string_view line) const override {
    return format_detail::gc_legacy_header_line(line);
  }
};

const JavaClassifier kJava;
const GcLegacyClassifier kGcLegacy;

}  // namespace

const LineClassifier* classifier_for(Layout layout) {
  if (layout == Layout::kGcLegacy) return &kGcLegacy;
  switch (framing_for(layout)) {
    case Framing::kHeaderContinued:
      return &kJava;
    default:
      return nullptr;
  }
}

}  // namespace logcorr
