// One record's share of an input's statistics: what InputReader::next counts,
// and what each chunk of a split input counts for the records it owns.
#pragma once

#include <algorithm>

#include "logcorr/reader.hpp"
#include "logcorr/record.hpp"

namespace logcorr::detail {

inline void count_record(const Record& rec, InputStats& st) {
  ++st.records;
  if (rec.raw.truncated) ++st.truncated_records;
  if (rec.time.valid()) {
    st.first_ns = std::min(st.first_ns, rec.time.utc_ns);
    st.last_ns = std::max(st.last_ns, rec.time.utc_ns);
    if (rec.time.zone == ZoneSource::kAssumed) ++st.assumed_zone_records;
    if (rec.time.zone == ZoneSource::kUser) ++st.user_zone_records;
    if (rec.time.year_inferred) ++st.year_inferred_records;
  } else {
    ++st.records_without_time;
  }
}

}  // namespace logcorr::detail
