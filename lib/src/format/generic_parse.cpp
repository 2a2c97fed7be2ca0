// Records read by generic stamp finding (plain text in no known layout, and
// the named layouts that are a stamp shape and free text): the first common
// stamp in the first line's first bytes, locked on per input. Times are read
// only when the input settles them: a numeric date whose day/month order
// neither the head nor an earlier record decided, or a clock without a date
// before any dated line (and no --date), leaves the record without time, with
// one note per input.
#include "parser_state.hpp"

namespace logcorr {

void RecordParser::State::parse_generic(const RawRecord& raw, Record& out) {
  std::string_view line = raw.text;
  if (size_t nl = line.find('\n'); nl != std::string_view::npos) line = line.substr(0, nl);
  // A JSON logger's line among others (container stdout mixes them); a
  // line that only starts with a brace ("{Heap before GC") is text.
  std::string_view trimmed = line;
  while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '\r'))
    trimmed.remove_suffix(1);
  if (!trimmed.empty() && trimmed[0] == '{' && trimmed.back() == '}' &&
      parse_json_app(trimmed, out))
    return;
  format_detail::Stamp st;
  format_detail::GenericHit hit;
  const bool two_digit_years = layout == Layout::kSpark || layout == Layout::kHadoop;
  if (!format_detail::find_generic_stamp(line, two_digit_years, generic_shape, generic_pos, st,
                                         hit))
    return;
  generic_shape = hit.shape;
  generic_pos = hit.pos;
  switch (hit.shape) {
    case format_detail::kGenEpoch:
      out.time.utc_ns = hit.epoch_ns;
      out.time.precision = st.precision;
      out.time.zone = ZoneSource::kExplicit;
      return;
    case format_detail::kGenTimeOnly:
      // Serilog's and NLog's templates print no date by design: the file's
      // mtime is their date, as for Java's time-only layout. Elsewhere a
      // clock is only read under a dated line or --date.
      if (!date_time_only(st, layout == Layout::kSerilog)) {
        if (!warned_dateless) {
          warned_dateless = true;
          diag(Severity::kNote,
               "time stamps without a date and no dated line before them; those records are "
               "left without time (pass --date YYYY-MM-DD)");
        }
        return;
      }
      if (!resolve(st, out.time)) {
        out.time = RecordTime{};
        return;
      }
      out.time.year_inferred = true;
      return;
    case format_detail::kGenDmy: {
      if (hit.first > 12 && date_order == DateOrder::kUnknown) date_order = DateOrder::kDayFirst;
      if (hit.second > 12 && date_order == DateOrder::kUnknown) date_order = DateOrder::kMonthFirst;
      if (hit.first != hit.second && date_order == DateOrder::kUnknown) {
        if (!warned_ambiguous) {
          warned_ambiguous = true;
          diag(Severity::kNote,
               "numeric dates that read as day/month and as month/day, and nothing in the file "
               "settles which; those records are left without time");
        }
        return;
      }
      bool day_first = date_order != DateOrder::kMonthFirst;
      st.day = day_first ? hit.first : hit.second;
      st.month = day_first ? hit.second : hit.first;
      if (st.month > 12) {
        // Contradicts the order the file settled: a corrupt line.
        diag(Severity::kWarning, "date contradicts the file's day/month order; left without time");
        return;
      }
      break;
    }
    default:
      break;
  }
  if (!resolve(st, out.time)) {
    out.time = RecordTime{};
    return;
  }
  note_dated(st);
}

}  // namespace logcorr
