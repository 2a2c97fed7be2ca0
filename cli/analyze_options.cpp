#include "analyze_options.hpp"

#include "logcorr/terminal_text.hpp"
#include "number_range.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>

namespace logcorr::cli {

namespace {

int64_t seconds_to_ns(double s) {
  return static_cast<int64_t>(std::llround(s * 1e9));
}

}  // namespace

std::string builtin_patterns_dir() {
  if (const char* env = std::getenv("LOGCORR_PATTERNS_DIR"); env && *env) return env;
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return "patterns";
  auto dir = exe.parent_path().parent_path() / "share" / "logcorr" / "patterns";
  return dir.string();
}

void AnalyzeArgs::add_to(CLI::App& cmd, bool correlation_flags) {
  in.add_to(cmd);
  cmd.add_option("--patterns", patterns,
                 "Extra pattern pack directory (repeatable); a pack there replaces the built-in "
                 "pack of the same name");
  cmd.add_option("--broker-unit", broker_units,
                 "systemd units whose name contains this are brokers (repeatable; default: kafka, "
                 "confluent-server)");
  cmd.add_option("--broker", brokers,
                 "HOST=ID: this host is broker ID (repeatable); the logs "
                 "usually say it themselves");
  cmd.add_option("--threads", threads, "Inputs read in parallel (0 = all cores)")
      ->check(number_in(0, 1024, true))
      ->capture_default_str();
  if (!correlation_flags) return;
  // Ranges: a day is the widest a burst gap or a cause window can sensibly
  // be; a week for idle and chronic spans (durations in ns stay far from
  // overflow).
  constexpr double kDay = 86400, kWeek = 7 * kDay;
  cmd.add_option("--burst-gap", burst_gap_s, "Seconds of quiet that end a burst")
      ->check(number_in(0.001, kDay))
      ->capture_default_str();
  cmd.add_option("--min-burst", min_burst, "Symptoms needed for a burst")
      ->check(number_in(1, 1'000'000, true))
      ->capture_default_str();
  cmd.add_option("--lookback", lookback_s, "Seconds before a burst to look for its cause")
      ->check(number_in(0, kDay))
      ->capture_default_str();
  cmd.add_option("--lookahead", lookahead_s, "Seconds after a burst's start to look for its cause")
      ->check(number_in(0, kDay))
      ->capture_default_str();
  cmd.add_option("--client-idle", client_idle_s,
                 "Client silence (s) after which a lone disconnect is an idle close "
                 "(connections.max.idle.ms)")
      ->check(number_in(1, kWeek))
      ->capture_default_str();
  cmd.add_option("--request-timeout", request_timeout_s,
                 "Client request.timeout.ms in seconds when no config dump says it")
      ->check(number_in(0.001, kDay))
      ->capture_default_str();
  cmd.add_option("--chronic-span", chronic_span_s,
                 "Errors toward a healthy broker over at least this many seconds point to the "
                 "listener / network path")
      ->check(number_in(1, kWeek))
      ->capture_default_str();
}

bool AnalyzeArgs::to_options(AnalyzeOptions& out) const {
  if (!in.to_open_options(out.open)) return false;
  if (!in.now_ns(out.open, out.now_ns)) return false;
  out.pattern_dirs.clear();
  std::string builtin = builtin_patterns_dir();
  if (std::filesystem::is_directory(builtin)) out.pattern_dirs.push_back(builtin);
  for (const auto& p : patterns) {
    if (!std::filesystem::is_directory(p)) {
      fmt::print(stderr, "logcorr: --patterns {}: not a directory\n", p);
      return false;
    }
    out.pattern_dirs.push_back(p);
  }
  if (out.pattern_dirs.empty()) {
    fmt::print(stderr,
               "logcorr: no pattern packs found (looked in {}); set --patterns DIR or "
               "LOGCORR_PATTERNS_DIR\n",
               builtin);
    return false;
  }
  if (!broker_units.empty()) out.broker_units = broker_units;
  out.threads = threads;
  for (const auto& b : brokers) {
    auto eq = b.find('=');
    int id = -1;
    if (eq != std::string::npos) {
      try {
        id = std::stoi(b.substr(eq + 1));
      } catch (...) {
        id = -1;
      }
    }
    if (eq == std::string::npos || id < 0) {
      fmt::print(stderr, "logcorr: --broker {}: expected HOST=ID, e.g. broker-3.kafka.svc=3\n", b);
      return false;
    }
    out.broker_map.emplace_back(b.substr(0, eq), id);
  }
  auto& c = out.correlate;
  c.gap_ns = seconds_to_ns(burst_gap_s);
  c.min_count = min_burst;
  c.lookback_ns = seconds_to_ns(lookback_s);
  c.lookahead_ns = seconds_to_ns(lookahead_s);
  c.client_idle_ns = seconds_to_ns(client_idle_s);
  c.default_request_timeout_ns = seconds_to_ns(request_timeout_s);
  c.chronic_span_ns = seconds_to_ns(chronic_span_s);
  if (min_burst < 1 || burst_gap_s <= 0 || lookback_s < 0 || lookahead_s < 0) {
    fmt::print(stderr, "logcorr: burst thresholds must be positive\n");
    return false;
  }
  return true;
}

}  // namespace logcorr::cli

namespace logcorr::cli {

namespace {
int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}
std::string human_bytes(double b) {
  if (b >= 1e9) return fmt::format("{:.2f} GB", b / 1e9);
  if (b >= 1e6) return fmt::format("{:.0f} MB", b / 1e6);
  return fmt::format("{:.0f} kB", b / 1e3);
}
}  // namespace

ProgressLine::ProgressLine(bool enabled)
    : enabled_(enabled && isatty(STDERR_FILENO)), start_ns_(now_ns()) {}

ProgressLine::~ProgressLine() {
  clear();
}

void ProgressLine::update(uint64_t done, uint64_t total, const std::string& current) {
  if (!enabled_) return;
  int64_t t = now_ns();
  if (t - start_ns_ < 1'000'000'000 || t - last_ns_ < 200'000'000) return;
  last_ns_ = t;
  double secs = static_cast<double>(t - start_ns_) / 1e9;
  double rate = static_cast<double>(done) / secs;
  std::string line = fmt::format("read {}", human_bytes(static_cast<double>(done)));
  if (total > 0) {
    double frac = std::min(1.0, static_cast<double>(done) / static_cast<double>(total));
    line += fmt::format(" of {} ({:.0f}%)", human_bytes(static_cast<double>(total)), frac * 100);
    if (rate > 0 && done < total)
      line += fmt::format(", ETA {:.0f} s", static_cast<double>(total - done) / rate);
  }
  line += fmt::format(", {}/s, ", human_bytes(rate));
  // The file name last, cut before it is escaped (an escape is never split).
  if (line.size() + current.size() > 110 && line.size() < 107)
    line += terminal_text(utf8_prefix(current, 107 - line.size())) + "...";
  else
    line += terminal_text(current);
  fmt::print(stderr, "\r\x1b[2K{}", line);
  std::fflush(stderr);
  shown_ = true;
}

void ProgressLine::clear() {
  if (!shown_) return;
  fmt::print(stderr, "\r\x1b[2K");
  std::fflush(stderr);
  shown_ = false;
}

}  // namespace logcorr::cli
