// Header predicates for kHeaderContinued layouts: a line starts a record when
// it begins (after an optional container wrapper) with a stamp or a level word.
// Stack trace lines ("\tat ...", "Caused by: ...") and config dumps never do.
#include <memory>
#include <string>

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

// Layouts read by generic stamp finding: a line starts a record when a
// common stamp starts one of its first tokens (Spark, Hadoop, Serilog, the
// OpenTelemetry agent); stack trace lines carry none.
class GenericClassifier final : public LineClassifier {
 public:
  bool starts_record(std::string_view line) const override {
    if (!line.empty() && line[0] == '\x1b') line.remove_prefix(format_detail::skip_ansi(line, 0));
    format_detail::Stamp st;
    format_detail::GenericHit hit;
    return format_detail::find_generic_stamp(line.substr(0, 48), true, -1, 0, st, hit) &&
           hit.pos <= 20;
  }
};

const JavaClassifier kJava;
const GenericClassifier kGeneric;
const GcLegacyClassifier kGcLegacy;

// A wrapped input: each line is unwrapped and the inner line judged by the
// inner layout's rule; the line after a partial one (CRI `P`, a Docker
// json-file entry without its `\n`) always continues it. Called once per
// line in stream order (the Framer's contract), hence the state.
class WrappedClassifier final : public LineClassifier {
 public:
  enum class Rule : uint8_t { kEveryLine, kUnindented, kInner };
  WrappedClassifier(Rule rule, const LineClassifier* inner) : rule_(rule), inner_(inner) {}
  bool starts_record(std::string_view line) const override {
    format_detail::WrappedLine w;
    // 256 decoded bytes are plenty to judge a line's start.
    bool wrapped = format_detail::unwrap_line(line, w, &decoded_, 256);
    bool after_partial = prev_partial_;
    prev_partial_ = wrapped && w.partial;
    if (after_partial) return false;
    std::string_view s = wrapped ? w.inner : line;
    switch (rule_) {
      case Rule::kEveryLine:
        return true;
      case Rule::kUnindented:
        return s.empty() || (s[0] != ' ' && s[0] != '\t');
      case Rule::kInner:
        return inner_->starts_record(s);
    }
    return true;
  }

 private:
  Rule rule_;
  const LineClassifier* inner_;
  mutable bool prev_partial_ = false;
  mutable std::string decoded_;
};

}  // namespace

std::unique_ptr<LineClassifier> make_classifier(Layout layout, Wrapper wrapper) {
  if (wrapper == Wrapper::kNone || framing_for(layout, wrapper) != Framing::kHeaderContinued)
    return nullptr;
  using Rule = WrappedClassifier::Rule;
  switch (framing_for(layout)) {
    case Framing::kHeaderContinued:
      return std::make_unique<WrappedClassifier>(Rule::kInner, classifier_for(layout));
    case Framing::kIndentContinued:
    case Framing::kIndentUnderHeader:
      return std::make_unique<WrappedClassifier>(Rule::kUnindented, nullptr);
    default:
      return std::make_unique<WrappedClassifier>(Rule::kEveryLine, nullptr);
  }
}

const LineClassifier* classifier_for(Layout layout) {
  if (layout == Layout::kGcLegacy) return &kGcLegacy;
  switch (framing_for(layout)) {
    case Framing::kHeaderContinued:
      if (layout_info(layout).stamp == StampFamily::kGeneric) return &kGeneric;
      return &kJava;
    default:
      return nullptr;
  }
}

}  // namespace logcorr
