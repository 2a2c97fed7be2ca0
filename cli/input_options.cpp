#include "input_options.hpp"

#include "number_range.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <cstdio>

#include "logcorr/format.hpp"
#include "logcorr/terminal_text.hpp"
#include "logcorr/time.hpp"

namespace logcorr::cli {

void InputOptions::add_to(CLI::App& cmd) {
  cmd.add_option("inputs", inputs, "Files, directories (recursive) or - for stdin")->required();
  cmd.add_option("--tz", tz,
                 "Zone for stamps without an offset: ZONE for all inputs, or PATH=ZONE for a file "
                 "or directory (repeatable). IANA name (Europe/Berlin) or offset (+02:00). "
                 "Default: UTC, and the output says it was assumed.");
  cmd.add_option("--year", year,
                 "Year of year-less stamps (journal short, syslog) at the start "
                 "of each input; default: from the file's mtime")
      ->check(number_in(1900, 9999, true));
  cmd.add_option("--date", date,
                 "Date (YYYY-MM-DD) of stamps that print none (Serilog's [12:24:27 INF], a clock "
                 "before any dated line) at the start of each input; the date advances when the "
                 "clock steps back at midnight. Default: the file's mtime for Serilog and "
                 "time-only layouts, none (no time) for plain text");
  cmd.add_option("--layout", layout,
                 "Force the layout of every input instead of sniffing it "
                 "(see `logcorr formats`)");
  cmd.add_option("--since", since,
                 "Only records at or after this time: RFC 3339, "
                 "'2026-06-29 14:00', or '30 min ago' (before the newest record)");
  cmd.add_option("--until", until, "Only records before this time (same forms as --since)");
  cmd.add_option("--now", now,
                 "When the Kubernetes records were collected: ages in `kubectl get events` and "
                 "describe's Events (\"3m26s\") count back from it (RFC 3339 or "
                 "'2026-06-29 14:00'; default: the file's mtime; none for stdin)");
  cmd.add_option("--jvm-start", jvm_start,
                 "Wall-clock start of the JVM, to anchor uptime-only GC logs");
  cmd.add_option("--boot", boot,
                 "Wall-clock time of the host's boot, to anchor uptime stamps (dmesg, "
                 "journalctl -o short-monotonic)");
  cmd.add_flag("--no-rotation-groups", no_rotation_groups,
               "Treat every file as its own input (do not join rotated files)");
  cmd.add_flag("-q,--quiet", quiet, "No notes or progress on stderr; errors still print");
}

bool InputOptions::to_open_options(OpenOptions& out) const {
  for (const auto& t : tz) {
    auto eq = t.find('=');
    auto z = Zone::load(eq == std::string::npos ? t : t.substr(eq + 1));
    if (!z.ok()) {
      fmt::print(stderr, "logcorr: --tz {}: {}\n", t, z.status().message());
      return false;
    }
    if (eq == std::string::npos) {
      out.reader.zone = *z;
      out.reader.zone_from_user = true;
    } else {
      out.zone_rules.push_back(ZoneRule{t.substr(0, eq), *z});
    }
  }
  out.reader.year = year;
  if (!date.empty()) {
    int y = 0;
    unsigned m = 0, d = 0;
    char tail = 0;
    auto secs = std::sscanf(date.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) == 3
                    ? civil_to_seconds(y, m, d, 0, 0, 0)
                    : std::nullopt;
    if (!secs || date.size() != 10) {
      fmt::print(stderr, "logcorr: --date {}: not a date (YYYY-MM-DD)\n", date);
      return false;
    }
    out.reader.date_days = *secs / 86400;
  }
  if (!layout.empty()) {
    auto l = layout_from_name(layout);
    if (!l) {
      fmt::print(stderr, "logcorr: --layout {}: unknown layout\n", layout);
      return false;
    }
    out.reader.layout = *l;
  }
  if (!jvm_start.empty()) {
    auto z = out.reader.zone ? out.reader.zone : Zone::utc();
    auto t = parse_user_time(jvm_start, *z);
    if (!t) {
      fmt::print(stderr, "logcorr: --jvm-start {}: not a time\n", jvm_start);
      return false;
    }
    out.reader.jvm_start_ns = *t;
  }
  if (!boot.empty()) {
    auto z = out.reader.zone ? out.reader.zone : Zone::utc();
    auto t = parse_user_time(boot, *z);
    if (!t) {
      fmt::print(stderr, "logcorr: --boot {}: not a time\n", boot);
      return false;
    }
    out.reader.boot_ns = *t;
  }
  out.discover.group_rotations = !no_rotation_groups;
  return true;
}

void StderrSink::report(const Diagnostic& d) {
  if (d.severity == Severity::kError) had_error_ = true;
  if (quiet_ && d.severity == Severity::kNote) return;
  std::string s = d.to_string();
  fmt::print(stderr, "logcorr: {}\n", s);
}

}  // namespace logcorr::cli

namespace logcorr::cli {

bool InputOptions::window(const OpenOptions& oo, int64_t& since_ns, int64_t& until_ns) const {
  Result<TimeWindow> w = resolve_time_window(since, until, inputs, oo);
  if (!w.ok()) {
    fmt::print(stderr, "logcorr: {}\n", terminal_text(w.status().message()));
    return false;
  }
  since_ns = w->since_ns;
  until_ns = w->until_ns;
  return true;
}

bool InputOptions::now_ns(const OpenOptions& oo, int64_t& out) const {
  out = INT64_MIN;
  if (now.empty()) return true;
  auto z = oo.reader.zone ? oo.reader.zone : Zone::utc();
  auto t = parse_user_time(now, *z);
  if (!t) {
    fmt::print(stderr, "logcorr: --now {}: not a time (RFC 3339, '2026-06-29 14:00' or @EPOCH)\n",
               now);
    return false;
  }
  out = *t;
  return true;
}

}  // namespace logcorr::cli
