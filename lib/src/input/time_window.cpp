// resolve_time_window: `--since` / `--until` as a user writes them, to UTC.
#include <algorithm>
#include <climits>
#include <string>
#include <tuple>

#include <fmt/format.h>

#include "logcorr/reader.hpp"
#include "logcorr/source.hpp"

namespace logcorr {

namespace {

bool is_relative(std::string_view text) {
  return !text.empty() && parse_relative_span(text).has_value();
}

}  // namespace

Result<TimeWindow> resolve_time_window(std::string_view since, std::string_view until,
                                       const std::vector<std::string>& inputs,
                                       const OpenOptions& opts) {
  int64_t newest = INT64_MIN;
  if (is_relative(since) || is_relative(until)) {
    // "30 min ago" means before the newest record: read every input once
    // more. A stream would be empty the second time.
    for (const auto& in : inputs)
      if (is_stream_path(in))
        return Status(ErrorCode::kInvalidArgument,
                      fmt::format("relative --since/--until need the newest record, which "
                                  "means reading every input twice; {} is {} and can be read "
                                  "once only: give an absolute time",
                                  in, in == "-" ? "stdin" : "a pipe or device"));
    NullSink null;
    for (auto& r : open_inputs(inputs, opts, null)) {
      while (r->next()) {
      }
      newest = std::max(newest, r->stats().last_ns);
    }
  }
  const Zone& zone = opts.reader.zone ? *opts.reader.zone : *Zone::utc();
  TimeWindow w;
  for (auto [text, flag, out] :
       {std::tuple{since, "--since", &w.since_ns}, std::tuple{until, "--until", &w.until_ns}}) {
    if (text.empty()) continue;
    if (auto span = parse_relative_span(text))
      *out = newest - *span;
    else if (auto t = parse_user_time(text, zone))
      *out = *t;
    else
      return Status(ErrorCode::kInvalidArgument,
                    std::string(flag) + " " + std::string(text) +
                        ": not a time (try 2026-06-29T14:00:00Z or '30 min ago')");
  }
  return w;
}

}  // namespace logcorr
