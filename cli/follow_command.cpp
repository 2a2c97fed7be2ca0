// `logcorr follow`: stdin and tailed files into a LiveAnalyzer, alerts out
// as they happen. One thread: poll(2) on stdin with a short timeout drives
// everything (the tick that flushes quiet inputs and moves the watermark by
// wall clock, the tails' reads and rotation checks), so an alert is at most
// one tick (100 ms) plus the idle flush (200 ms) behind its closing record.
#include "follow_command.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstring>
#include <deque>
#include <memory>

#include "analyze_options.hpp"
#include "logcorr/follow.hpp"
#include "logcorr/report.hpp"
#include "logcorr/source.hpp"
#include "logcorr/tail.hpp"
#include "logcorr/terminal_text.hpp"
#include "logcorr/time.hpp"
#include "number_range.hpp"
#include "output.hpp"

namespace logcorr::cli {

namespace {

volatile sig_atomic_t g_stop = 0;
void on_signal(int) {
  g_stop = 1;
}

// A stream follow reads as it comes (stdin, a pipe or FIFO named by path).
struct Stream {
  int fd = -1;
  std::string id;  // "-" or the path
  bool open = false;
};

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
  // Streams (stdin, pipes, FIFOs: is_stream_path) are read as they come,
  // once; regular files are tailed like tail -F.
  std::vector<std::string> stream_paths, tails;
  for (const auto& in : c.args.in.inputs) (is_stream_path(in) ? stream_paths : tails).push_back(in);
  for (const auto& t : c.tails) (is_stream_path(t) ? stream_paths : tails).push_back(t);
  std::vector<Stream> streams;
  for (const auto& p : stream_paths) {
    int fd = STDIN_FILENO;
    if (p != "-") {
      // Non-blocking: a FIFO with no writer yet must not stop the loop.
      fd = ::open(p.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
      if (fd < 0) {
        fmt::print(stderr, "logcorr follow: {}: {}\n", terminal_text(p), std::strerror(errno));
        return 2;
      }
    }
    streams.push_back(Stream{fd, p, true});
  }
  if (streams.empty() && tails.empty()) {
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

  for (const auto& st : streams) la->add_source(st.id, st.id);
  std::vector<std::unique_ptr<FileTail>> files;
  for (const auto& t : tails) {
    la->add_source(t, t);
    files.push_back(std::make_unique<FileTail>(t, c.from_start));
  }
  std::string buf(1u << 20, '\0');
  // One read of a stream that poll said is ready: the bytes it fed (0 when
  // nothing was there, or the stream has just ended).
  auto read_stream = [&](Stream& st, int64_t now) -> size_t {
    ssize_t n = ::read(st.fd, buf.data(), buf.size());
    if (n > 0) {
      la->feed(st.id, std::string_view(buf.data(), static_cast<size_t>(n)), now);
      return static_cast<size_t>(n);
    }
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) return 0;
    // journalctl exited, the writer closed: that input ends, the rest go on.
    st.open = false;
    if (st.fd != STDIN_FILENO) ::close(st.fd);
    la->end_source(st.id, now);
    return 0;
  };
  auto any_open = [&] {
    for (const auto& st : streams)
      if (st.open) return true;
    return false;
  };
  constexpr size_t kBudget = 8u << 20;  // per tail per turn: one busy file cannot starve the rest
  bool more = false;
  std::vector<struct pollfd> pfd(streams.size() + 1);
  while (!g_stop && !out.closed()) {
    // stdout is watched too: when the reader of a pipe goes away (`| head`)
    // poll reports POLLERR on it, and we stop without waiting for an alert
    // to hit EPIPE.
    for (size_t i = 0; i < streams.size(); ++i) {
      pfd[i].fd = streams[i].open ? streams[i].fd : -1;
      pfd[i].events = POLLIN;
      pfd[i].revents = 0;
    }
    pfd.back().fd = STDOUT_FILENO;
    pfd.back().events = 0;
    pfd.back().revents = 0;
    int rc = ::poll(pfd.data(), pfd.size(), more ? 0 : 100);
    int64_t now = mono_ns();
    if (rc > 0 && (pfd.back().revents & POLLERR)) return 0;
    for (size_t i = 0; rc > 0 && i < streams.size(); ++i)
      // After POLLIN one read() does not block: it returns what is there.
      if (streams[i].open && (pfd[i].revents & (POLLIN | POLLHUP | POLLERR)))
        read_stream(streams[i], now);
    more = false;
    for (auto& f : files) {
      const std::string& id = f->path();
      more |= f->poll(
          now, kBudget, [&](std::string_view bytes) { la->feed(id, bytes, now); },
          [&](const char*) { la->restart_source(id, now); });
    }
    la->tick(now);
    if (!any_open() && files.empty()) break;
  }
  if (out.closed()) return 0;  // `| head`: quietly done
  bool interrupted = g_stop != 0;
  if (interrupted) {
    // Ctrl-C stops following, not reading: what was already written to the
    // pipe and the files (up to a bound, so the exit stays prompt) is read,
    // and the summary and --stats count every record the sources hold now.
    constexpr size_t kDrainBytes = 64u << 20;
    int64_t now = mono_ns();
    for (auto& st : streams)
      for (size_t drained = 0; st.open && drained < kDrainBytes;) {
        struct pollfd one {};
        one.fd = st.fd;
        one.events = POLLIN;
        if (::poll(&one, 1, 0) <= 0 || !(one.revents & (POLLIN | POLLHUP))) break;
        const size_t n = read_stream(st, now);
        if (n == 0) break;
        drained += n;
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
                 terminal_text(s.id), s.records, s.bytes, s.files, s.events, layout_name(s.layout));
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
      ->check(number_in(0.01, 86400))
      ->capture_default_str();
  cmd->add_option("--lateness", c->lateness_s,
                  "Seconds (event time) an event may arrive behind its input's newest")
      ->check(number_in(0, 86400))
      ->capture_default_str();
  cmd->callback([c, &exit_code] { exit_code = run_follow(*c); });
}

}  // namespace logcorr::cli
