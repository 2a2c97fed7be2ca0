// `analyze` for people: the summary first (one line per burst), then each
// burst with its cause, the evidence lines exactly as the source wrote them
// with file:line, coverage gaps, warnings and advice.
#include <fmt/format.h>

#include <algorithm>

#include "logcorr/report.hpp"
#include "logcorr/terminal_text.hpp"
#include "logcorr/time.hpp"

namespace logcorr {

namespace {

struct Style {
  bool on;
  std::string bold(std::string_view s) const { return wrap("1", s); }
  std::string dim(std::string_view s) const { return wrap("2", s); }
  std::string verdict(Verdict v, std::string_view s) const {
    switch (v) {
      case Verdict::kBrokerRestart:
        return wrap("33", s);
      case Verdict::kBrokerCrash:
      case Verdict::kOomKill:
        return wrap("1;31", s);
      case Verdict::kGcPause:
        return wrap("35", s);
      case Verdict::kIdleClose:
        return wrap("32", s);
      case Verdict::kListenerMisconfig:
        return wrap("36", s);
      case Verdict::kBrokerFault:
        return wrap("1;33", s);
      case Verdict::kAuthFailure:
        return wrap("1;35", s);
      case Verdict::kNetworkPath:
        return wrap("34", s);
      case Verdict::kUnexplained:
        return wrap("1", s);
    }
    return std::string(s);
  }
  std::string wrap(const char* code, std::string_view s) const {
    if (!on) return std::string(s);
    return fmt::format("\x1b[{}m{}\x1b[0m", code, s);
  }
};

std::string stamp(int64_t ns, Precision p = Precision::kMilli) {
  return format_rfc3339(ns, p);
}

std::string span(int64_t ns) {
  double s = static_cast<double>(ns) / 1e9;
  if (s < 1) return fmt::format("{:.0f}ms", s * 1000);
  if (s < 100) return fmt::format("{:.1f}s", s);
  if (s < 6000) return fmt::format("{:.0f}min", s / 60);
  return fmt::format("{:.1f}h", s / 3600);
}

std::string lag(int64_t ns) {
  if (ns == 0) return "at the burst start";
  return fmt::format("{} {} the burst", span(ns < 0 ? -ns : ns), ns < 0 ? "before" : "after");
}

std::string join(const std::vector<std::string>& v, size_t max = 4) {
  std::string out;
  for (size_t i = 0; i < v.size() && i < max; ++i) {
    if (i) out += ", ";
    append_terminal_text(out, v[i]);
  }
  if (v.size() > max) out += fmt::format(" (+{})", v.size() - max);
  return out.empty() ? "-" : out;
}

// "orders-producer +2", cut to the column width.
std::string clients_cell(const std::vector<std::string>& v) {
  if (v.empty()) return "-";
  std::string more = v.size() > 1 ? fmt::format(" +{}", v.size() - 1) : std::string();
  // Cut the name, then escape it: an escape is never split.
  std::string first;
  if (v[0].size() + more.size() > 20)
    first = terminal_text(utf8_prefix(v[0], 19 - more.size())) + "~";
  else
    first = terminal_text(v[0]);
  return first + more;
}

std::string join_ids(const std::vector<int32_t>& v) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += (i ? "," : "") + std::to_string(v[i]);
  return out.empty() ? "-" : out;
}

std::string path_of(const std::string& p, const TextOptions& o) {
  if (!o.strip_prefix.empty() && p.rfind(o.strip_prefix, 0) == 0) {
    std::string r = p.substr(o.strip_prefix.size());
    while (!r.empty() && r.front() == '/') r.erase(r.begin());
    return terminal_text(r);
  }
  return terminal_text(p);
}

// Evidence line: "file:line  first line of the record" (continuation lines of
// a stack trace are summarised so the screen stays readable).
void evidence_line(std::string& out, const Evidence& e, const TextOptions& o, const Style& st) {
  std::string_view text = e.text;
  size_t nl = text.find('\n');
  size_t more = 0;
  if (nl != std::string_view::npos) {
    more = static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
    text = text.substr(0, nl);
  }
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  constexpr size_t kMaxLine = 400;
  std::string t = terminal_text(utf8_prefix(text, kMaxLine));
  if (text.size() > kMaxLine) t += "...";
  out += fmt::format("    {} {}", st.dim(fmt::format("{}:{}", path_of(e.input, o), e.line)), t);
  if (more) out += st.dim(fmt::format(" (+{} line{})", more, more == 1 ? "" : "s"));
  out += '\n';
}

}  // namespace

std::string render_text(const AnalysisReport& r, const TextOptions& o) {
  Style st{o.color};
  std::string out;
  int64_t first = INT64_MAX, last = INT64_MIN;
  for (const auto& in : r.inputs)
    if (in.first_ns <= in.last_ns) {
      first = std::min(first, in.first_ns);
      last = std::max(last, in.last_ns);
    }
  std::string range = first <= last ? fmt::format(", {} to {}", stamp(first, Precision::kSecond),
                                                  stamp(last, Precision::kSecond))
                                    : std::string();
  out += st.bold(
      fmt::format("{} burst{} of client errors", r.bursts.size(), r.bursts.size() == 1 ? "" : "s"));
  out += fmt::format(" ({} symptom events in {} records of {} inputs{})\n", r.symptoms, r.records,
                     r.inputs.size(), range);
  if (r.bursts.empty()) {
    out += "No burst of client network errors was found.\n";
  } else {
    out += '\n';
    out += st.dim(fmt::format("  {:>2}  {:<24} {:>7} {:>6}  {:<20} {:<7} {:<18} {}\n", "#",
                              "start (UTC)", "length", "errors", "clients", "brokers", "verdict",
                              "top cause"));
    for (size_t i = 0; i < r.bursts.size(); ++i) {
      const Burst& b = r.bursts[i];
      std::string cause =
          b.causes.empty()
              ? std::string("-")
              : fmt::format("{} ({})", terminal_text(b.causes[0].summary), lag(b.causes[0].lag_ns));
      std::string v(verdict_name(b.verdict));
      out +=
          fmt::format("  {:>2}  {:<24} {:>7} {:>6}  {:<20} {:<7} {} {}\n", i + 1, stamp(b.start_ns),
                      span(b.end_ns - b.start_ns), b.count, clients_cell(b.clients),
                      join_ids(b.brokers), st.verdict(b.verdict, fmt::format("{:<18}", v)), cause);
    }
  }
  for (size_t i = 0; i < r.bursts.size(); ++i) {
    const Burst& b = r.bursts[i];
    out += '\n';
    out += st.bold(fmt::format("Burst {}: ", i + 1));
    out += st.verdict(b.verdict, std::string(verdict_name(b.verdict)));
    out += fmt::format(" (confidence {:.2f})\n", b.confidence);
    std::string kinds;
    for (const auto& [k, n] : b.kinds)
      kinds += (kinds.empty() ? "" : ", ") + fmt::format("{} {}", k, n);
    out += fmt::format("  {} to {} ({}), {} error{}: {}\n", stamp(b.start_ns), stamp(b.end_ns),
                       span(b.end_ns - b.start_ns), b.count, b.count == 1 ? "" : "s", kinds);
    out += fmt::format("  clients: {}; brokers named: {}", join(b.clients, 6), join_ids(b.brokers));
    if (!b.partitions.empty()) out += fmt::format("; partitions: {}", join(b.partitions, 6));
    out += '\n';
    if (!b.causes.empty()) {
      const Cause& c = b.causes[0];
      out += fmt::format("  {} {} — {} (score {:.2f})\n", st.bold("Cause:"),
                         terminal_text(c.summary), lag(c.lag_ns), c.score);
      size_t n = 0;
      for (const auto& e : c.evidence) {
        if (n++ >= o.max_evidence) break;
        evidence_line(out, e, o, st);
      }
      for (size_t k = 1; k < b.causes.size() && k < 3; ++k)
        out += st.dim(fmt::format("  also considered: {} — {} (score {:.2f})\n",
                                  terminal_text(b.causes[k].summary), lag(b.causes[k].lag_ns),
                                  b.causes[k].score));
    } else {
      out += fmt::format("  {} none found on the broker side\n", st.bold("Cause:"));
    }
    out += fmt::format("  {}\n", st.bold("Client errors:"));
    size_t n = 0;
    for (const auto& e : b.evidence) {
      if (n++ >= o.max_evidence) break;
      evidence_line(out, e, o, st);
    }
    for (const auto& g : b.coverage_gaps)
      out += fmt::format("  {} {}\n", st.bold("Missing:"), terminal_text(g));
    for (const auto& w : b.warnings)
      out += fmt::format("  {} {}\n", st.bold("Warning:"), terminal_text(w));
    for (const auto& a : b.advice)
      out += fmt::format("  {} {}\n", st.bold("Advice:"), terminal_text(a));
  }
  if (!r.notes.empty()) {
    out += '\n';
    for (const auto& nt : r.notes) out += st.dim(fmt::format("note: {}\n", terminal_text(nt)));
  }
  return out;
}

}  // namespace logcorr
