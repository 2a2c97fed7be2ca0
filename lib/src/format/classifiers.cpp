// Header predicates for kHeaderContinued layouts: a line starts a record when
// it begins (after an optional container wrapper) with a stamp or a level word.
// Stack trace lines ("\tat ...", "Caused by: ...") and config dumps never do.
#include "format_impl.hpp"
#include "logcorr/format.hpp"

namespace logcorr {

namespace {

class JavaClassifier final : public LineClassifier {
 public:
  bool starts_record(std::string_view line) const override { return fmt::java_header_line(line); }
};

const JavaClassifier kJava;

}  // namespace

const LineClassifier* classifier_for(Layout layout) {
  switch (framing_for(layout)) {
    case Framing::kHeaderContinued:
      return &kJava;
    default:
      return nullptr;
  }
}

}  // namespace logcorr
