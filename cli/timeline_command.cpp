// `logcorr timeline`: every record of every input, merged in UTC order.
#include "timeline_command.hpp"

#include <fmt/format.h>

#include <climits>
#include <memory>

#include "input_options.hpp"
#include "logcorr/report.hpp"
#include "logcorr/terminal_text.hpp"
#include "logcorr/timeline.hpp"
#include "output.hpp"

namespace logcorr::cli {

namespace {

struct TimelineArgs {
  InputOptions in;
  bool json = false;
};

int run_timeline(const TimelineArgs& a) {
  OpenOptions oo;
  if (!a.in.to_open_options(oo)) return 2;
  int64_t since = INT64_MIN, until = INT64_MAX;
  if (!a.in.window(oo, since, until)) return 2;

  StderrSink sink(a.in.quiet);
  auto readers = open_inputs(a.in.inputs, oo, sink);
  std::vector<std::string> labels;
  for (auto& r : readers) labels.push_back(r->input().label);
  TimelineMerge merge(std::move(readers));
  Output out;
  std::string& buf = out.buffer();
  while (const Record* rec = merge.next()) {
    int64_t key = merge.current_key();
    if (key < since || key >= until) {
      if (key == INT64_MIN && since == INT64_MIN) {
        // untimed record before any timed one: keep
      } else {
        continue;
      }
    }
    append_timeline_record(buf, *rec, labels[rec->input_index], a.json);
    out.maybe_flush();
    if (out.closed()) return 0;
  }
  out.flush();
  // Say which zone was assumed where, so nobody mistakes a guess for a fact.
  bool any_skipped = sink.had_error();
  if (!a.in.quiet) {
    for (const auto& r : merge.readers()) {
      const auto& st = r->stats();
      if (st.assumed_zone_records > 0)
        fmt::print(stderr,
                   "logcorr: {}: note: {} record(s) had no UTC offset; read as UTC (set --tz)\n",
                   terminal_text(r->input().label), st.assumed_zone_records);
    }
  }
  return any_skipped ? 2 : 0;
}

}  // namespace

void add_timeline_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<TimelineArgs>();
  auto* cmd = app.add_subcommand(
      "timeline", "All records of all inputs merged in UTC time order, with normalized stamps");
  args->in.add_to(*cmd);
  cmd->add_flag("--json", args->json,
                "One NDJSON object per record: time (RFC 3339 UTC or null), input, line, text");
  cmd->callback([args, &exit_code] { exit_code = run_timeline(*args); });
}

}  // namespace logcorr::cli
