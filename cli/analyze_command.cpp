// `logcorr analyze` (findings) and `logcorr events` (NDJSON events).
#include "analyze_command.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>

#include "analyze_options.hpp"
#include "logcorr/analyze.hpp"
#include "logcorr/report.hpp"
#include "logcorr/report_html.hpp"
#include "logcorr/terminal_text.hpp"
#include "output.hpp"

namespace logcorr::cli {

namespace {

struct AnalyzeCmd {
  AnalyzeArgs args;
  bool json = false;
  std::string color = "auto";
  std::string fail_on;
  std::string strip_prefix;
  std::string html;  // --html FILE
};

bool want_color(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* nc = std::getenv("NO_COLOR");
  if (nc && *nc) return false;
  const char* term = std::getenv("TERM");
  if (term && std::string_view(term) == "dumb") return false;
  return isatty(STDOUT_FILENO) != 0;
}

int run_analyze(const AnalyzeCmd& c) {
  AnalyzeOptions opts;
  if (!c.args.to_options(opts)) return 2;
  std::set<std::string> fail_verdicts;
  if (!c.fail_on.empty()) {
    std::stringstream ss(c.fail_on);
    std::string v;
    while (std::getline(ss, v, ',')) {
      if (v == "any") {
        for (int i = 0; i <= static_cast<int>(Verdict::kUnexplained); ++i)
          fail_verdicts.insert(std::string(verdict_name(static_cast<Verdict>(i))));
        continue;
      }
      if (!verdict_from_name(v)) {
        fmt::print(stderr,
                   "logcorr: --fail-on {}: unknown verdict (one of broker-restart, "
                   "broker-crash, oom-kill, gc-pause, idle-close, listener-misconfig, "
                   "broker-fault, auth-failure, network-path, unexplained, any)\n",
                   v);
        return 2;
      }
      fail_verdicts.insert(v);
    }
  }
  if (!c.args.in.window(opts.open, opts.window.since_ns, opts.window.until_ns)) return 2;
  StderrSink diag(c.args.in.quiet);
  ProgressLine progress(!c.args.in.quiet);
  opts.progress = [&progress](uint64_t done, uint64_t total, const std::string& current) {
    progress.update(done, total, current);
  };
  Result<AnalysisReport> analysed = analyze(c.args.in.inputs, opts, diag);
  progress.clear();
  if (!analysed.ok()) return 2;
  const AnalysisReport& rep = *analysed;
  if (!c.html.empty()) {
    std::ofstream f(c.html, std::ios::binary | std::ios::trunc);
    f << render_html(rep);
    f.close();
    if (!f) {
      fmt::print(stderr, "logcorr: --html {}: cannot write the file\n", c.html);
      return 2;
    }
  }
  Output out;
  if (c.json) {
    out.write(render_json(rep));
  } else {
    TextOptions to;
    to.color = want_color(c.color);
    to.strip_prefix = c.strip_prefix;
    out.write(render_text(rep, to));
  }
  out.flush();
  if (diag.had_error()) return 2;
  for (const auto& b : rep.bursts)
    if (fail_verdicts.count(std::string(verdict_name(b.verdict)))) return 1;
  return 0;
}

int run_events(const AnalyzeArgs& a) {
  AnalyzeOptions opts;
  if (!a.to_options(opts)) return 2;
  if (!a.in.window(opts.open, opts.window.since_ns, opts.window.until_ns)) return 2;
  StderrSink diag(a.in.quiet);
  ProgressLine progress(!a.in.quiet);
  opts.progress = [&progress](uint64_t done, uint64_t total, const std::string& current) {
    progress.update(done, total, current);
  };
  Result<ResolvedEvents> run = extract_resolved_events(a.in.inputs, opts, diag);
  progress.clear();
  if (!run.ok()) return 2;
  for (const auto& note : run->notes)
    if (!a.in.quiet) fmt::print(stderr, "logcorr: note: {}\n", terminal_text(note));
  Output out;
  write_events_ndjson(run->events, run->inputs, [&out](std::string_view line) {
    out.buffer().append(line);
    out.maybe_flush();
  });
  out.flush();
  return diag.had_error() ? 2 : 0;
}

}  // namespace

void add_analyze_command(CLI::App& app, int& exit_code) {
  auto c = std::make_shared<AnalyzeCmd>();
  auto* cmd = app.add_subcommand(
      "analyze", "Find the bursts of client errors and what on the broker side caused each");
  c->args.add_to(*cmd, true);
  cmd->add_flag("--json", c->json, "The findings as JSON (schema in README)");
  cmd->add_option("--color", c->color, "auto|always|never (NO_COLOR is honoured)")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  cmd->add_option("--fail-on", c->fail_on,
                  "VERDICT[,VERDICT...]|any: exit 1 when a burst with such a verdict is found");
  cmd->add_option("--strip-prefix", c->strip_prefix,
                  "Show evidence paths relative to this directory");
  cmd->add_option("--html", c->html,
                  "Also write the incident timeline as one self-contained HTML page to FILE");
  cmd->callback([c, &exit_code] { exit_code = run_analyze(*c); });
}

void add_events_command(CLI::App& app, int& exit_code) {
  auto a = std::make_shared<AnalyzeArgs>();
  auto* cmd = app.add_subcommand(
      "events", "Extract the typed events of every input as NDJSON (also an analyze input)");
  a->add_to(*cmd, false);
  cmd->callback([a, &exit_code] { exit_code = run_events(*a); });
}

}  // namespace logcorr::cli
