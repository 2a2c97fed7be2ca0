// `logcorr follow`: stdin and tailed files into a LiveAnalyzer, alerts out
// as they happen. One thread: poll(2) on stdin with a short timeout drives
// everything (the tick that flushes quiet inputs and moves the watermark by
// wall clock, the tails' reads and rotation checks), so an alert is at most
// one tick (100 ms) plus the idle flush (200 ms) behind its closing record.
#include "follow_command.hpp"

#include <fmt/format.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <deque>
#include <memory>

#include "analyze_options.hpp"
#include "logcorr/follow.hpp"
#include "logcorr/report.hpp"
#include "logcorr/tail.hpp"
#include "logcorr/time.hpp"
#include "output.hpp"

namespace logcorr::cli {

namespace {

volatile sig_atomic_t g_stop = 0;
void on_signal(int) {
  g_stop = 1;
}

struct FollowCmd {
  AnalyzeArgs args;
  std::vector<std::string> tails;
  bool from_start = false;
  bool json = false;
  bool stats = false;
  double idle_timeout_s = AnalyzeArgs::seconds(LiveOptions{}.idle_timeout_ns);
  // Tighter than the library's CorrelateOptions::lateness_ns (60 s, for
  // embedders that feed from queues): a terminal user wants the verdict soon.
  double lateness_s = 10;
};

int64_t mono_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// What the final summary lists: the latest bursts (bounded: follow runs for
// days).
class Alerts {
 public:
  Alerts(Output& out, bool json) : out_(out), json_(json) {}

  void on(const LiveFinding& f) {
    if (f.type == LiveFinding::Type::kOpened) {
      out_.write(render_alert_opened(f.id, f.opened, json_));
    } else {
      const Burst& b = f.burst;
      ++decided_;
      seen_.push_back(AlertSummaryEntry{f.id, b.start_ns, b.count, b.verdict, burst_top_cause(b)});
      if (seen_.size() > 1000) seen_.pop_front();
      out_.write(render_alert_decided(f.id, b, json_));
    }
    out_.flush();
  }

  void summary(uint64_t records, uint64_t events, bool interrupted) {
    AlertSummary s;
    s.interrupted = interrupted;
    s.records = records;
    s.events = events;
    s.bursts = decided_;
    s.latest.assign(seen_.begin(), seen_.end());
    out_.write(render_alert_summary(s, json_));
    out_.flush();
  }

 private:
  Output& out_;
  bool json_;
  uint64_t decided_ = 0;
  std::deque<AlertSummaryEntry> seen_;
};

int run_follow(FollowCmd& c) {
  LiveOptions lo;
  if (!c.args.to_options(lo.analyze)) return 2;
  if (c.idle_timeout_s <= 0 || c.lateness_s < 0) {
    fmt::print(stderr, "logcorr: --idle-timeout must be positive and --lateness not negative\n");
    return 2;
  }
  lo.idle_timeout_ns = static_cast<int64_t>(std::llround(c.idle_timeout_s * 1e9));
  lo.analyze.correlate.lateness_ns = static_cast<int64_t>(std::llround(c.lateness_s * 1e9));
  bool use_stdin = false;
  std::vector<std::string> tails = c.tails;
  for (const auto& in : c.args.in.inputs) {
    if (in == "-")
      use_stdin = true;
    else
      tails.push_back(in);  // a file named as INPUT is tailed too
  }
  if (!use_stdin && tails.empty()) {
    fmt::print(stderr, "logcorr follow: nothing to follow (give - for stdin or --tail FILE)\n");
    return 2;
  }
  StderrSink diag(c.args.in.quiet);
  auto created = LiveAnalyzer::create(lo, diag);
  if (!created.ok()) return 2;
  std::unique_ptr<LiveAnalyzer> la = std::move(created).value();
  Output out;  // ignores SIGPIPE: a closed reader shows up as out.closed()
  Alerts alerts(out, c.json);
  la->set_callback([&alerts](const LiveFinding& f) { alerts.on(f); });

  struct sigaction sa {};
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;  // no SA_RESTART: poll() returns at once on a signal
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);

  if (use_stdin) la->add_source("-", "-");
  std::vector<std::unique_ptr<FileTail>> files;
  for (const auto& t : tails) {
    la->add_source(t, t);
    files.push_back(std::make_unique<FileTail>(t, c.from_start));
  }
  std::string buf(1u << 20, '\0');
  bool stdin_open = use_stdin;
  constexpr size_t kBudget = 8u << 20;  // per tail per turn: one busy file cannot starve the rest
  bool more = false;
  while (!g_stop && !out.closed()) {
    // stdout is watched too: when the reader of a pipe goes away (`| head`)
    // poll reports POLLERR on it, and we stop without waiting for an alert
    // to hit EPIPE.
    struct pollfd pfd[2]{};
    pfd[0].fd = stdin_open ? STDIN_FILENO : -1;
    pfd[0].events = POLLIN;
    pfd[1].fd = STDOUT_FILENO;
    pfd[1].events = 0;
    int rc = ::poll(pfd, 2, more ? 0 : 100);
    int64_t now = mono_ns();
    if (rc > 0 && (pfd[1].revents & POLLERR)) return 0;
    if (rc > 0 && stdin_open && (pfd[0].revents & (POLLIN | POLLHUP | POLLERR))) {
      // After POLLIN one read() does not block: it returns what is there.
      ssize_t n = ::read(STDIN_FILENO, buf.data(), buf.size());
      if (n > 0) {
        la->feed("-", std::string_view(buf.data(), static_cast<size_t>(n)), now);
      } else if (n == 0 || errno != EINTR) {
        // journalctl exited: that input ends, the tails go on.
        stdin_open = false;
        la->end_source("-", now);
      }
    }
    more = false;
    for (auto& f : files) {
      const std::string& id = f->path();
      more |= f->poll(
          now, kBudget, [&](std::string_view bytes) { la->feed(id, bytes, now); },
          [&](const char*) { la->restart_source(id, now); });
    }
    la->tick(now);
    if (!stdin_open && files.empty()) break;
  }
  if (out.closed()) return 0;  // `| head`: quietly done
  bool interrupted = g_stop != 0;
  if (interrupted) {
    // Ctrl-C stops following, not reading: what was already written to the
    // pipe and the files (up to a bound, so the exit stays prompt) is read,
    // and the summary and --stats count every record the sources hold now.
    constexpr size_t kDrainBytes = 64u << 20;
    int64_t now = mono_ns();
    for (size_t drained = 0; stdin_open && drained < kDrainBytes;) {
      struct pollfd pfd {};
      pfd.fd = STDIN_FILENO;
      pfd.events = POLLIN;
      if (::poll(&pfd, 1, 0) <= 0 || !(pfd.revents & (POLLIN | POLLHUP))) break;
      ssize_t n = ::read(STDIN_FILENO, buf.data(), buf.size());
      if (n <= 0) break;
      la->feed("-", std::string_view(buf.data(), static_cast<size_t>(n)), now);
      drained += static_cast<size_t>(n);
    }
    for (auto& f : files) {
      const std::string& id = f->path();
      for (size_t turn = 0; turn < kDrainBytes / kBudget; ++turn)
        if (!f->poll(
                now, kBudget, [&](std::string_view bytes) { la->feed(id, bytes, now); },
                [&](const char*) { la->restart_source(id, now); }))
          break;
    }
  }
  la->finish();
  alerts.summary(la->records(), la->events(), interrupted);
  if (c.stats)
    for (const auto& s : la->stats())
      fmt::print(stderr, "logcorr follow: {}: {} records, {} bytes, {} file(s), {} events, {}\n",
                 s.id, s.records, s.bytes, s.files, s.events, layout_name(s.layout));
  return 0;
}

}  // namespace

void add_follow_command(CLI::App& app, int& exit_code) {
  auto c = std::make_shared<FollowCmd>();
  auto* cmd = app.add_subcommand(
      "follow",
      "Live: read stdin (-) and tail files, alert on bursts and their causes as they happen");
  c->args.add_to(*cmd, true);
  cmd->get_option("inputs")->required(false);
  cmd->add_option("--tail", c->tails,
                  "Follow this file like tail -F (repeatable): from its end, across rotation");
  cmd->add_flag("--from-start", c->from_start, "Read what the tailed files hold already first");
  cmd->add_flag("--json", c->json, "Each alert as one NDJSON object (README: follow)");
  cmd->add_flag("--stats", c->stats, "On exit, per input record counts on stderr");
  cmd->add_option("--idle-timeout", c->idle_timeout_s,
                  "Seconds (wall clock) after which a quiet input stops holding findings back")
      ->capture_default_str();
  cmd->add_option("--lateness", c->lateness_s,
                  "Seconds (event time) an event may arrive behind its input's newest")
      ->capture_default_str();
  cmd->callback([c, &exit_code] { exit_code = run_follow(*c); });
}

}  // namespace logcorr::cli
