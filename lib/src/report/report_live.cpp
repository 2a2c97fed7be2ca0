// What `follow` and `timeline` print as they go: alert lines and objects,
// the closing summary, one timeline record.
#include <fmt/format.h>

#include "logcorr/json_text.hpp"
#include "logcorr/report.hpp"
#include "logcorr/terminal_text.hpp"
#include "logcorr/time.hpp"

namespace logcorr {

namespace {

std::string stamp(int64_t ns) {
  return format_rfc3339(ns, Precision::kMilli);
}

std::string list(const std::vector<std::string>& v) {
  if (v.empty()) return "-";
  return v.size() == 1 ? v[0] : fmt::format("{} +{}", v[0], v.size() - 1);
}

std::string ids(const std::vector<int32_t>& v) {
  if (v.empty()) return "-";
  std::string s;
  for (int32_t b : v) s += (s.empty() ? "" : ",") + std::to_string(b);
  return s;
}

}  // namespace

std::string burst_top_cause(const Burst& b) {
  return b.causes.empty() ? std::string("no broker-side cause found") : b.causes[0].summary;
}

std::string render_alert_opened(uint64_t id, const Correlator::OpenBurst& o, bool json) {
  if (!json)
    return fmt::format("{}  burst #{} opened: {} errors from {} toward broker {}\n",
                       stamp(o.start_ns), id, o.count, terminal_text(list(o.clients)),
                       ids(o.brokers));
  JsonWriter j;
  j.open('{');
  j.key("alert");
  j.str("opened");
  j.key("id");
  j.num(id);
  j.key("start");
  j.str(stamp(o.start_ns));
  j.key("count");
  j.num(o.count);
  j.key("brokers");
  j.open('[');
  for (int32_t b : o.brokers) j.num(b);
  j.close(']');
  j.key("clients");
  j.open('[');
  for (const auto& c : o.clients) j.str(c);
  j.close(']');
  j.close('}');
  j.out().push_back('\n');
  return std::move(j.out());
}

std::string render_alert_decided(uint64_t id, const Burst& b, bool json) {
  if (!json)
    return fmt::format(
        "{}  burst #{} decided: {} (confidence {:.2f}), {} errors in {:.1f}s from {} toward "
        "broker {}: {}\n",
        stamp(b.start_ns), id, verdict_name(b.verdict), b.confidence, b.count,
        static_cast<double>(b.end_ns - b.start_ns) / 1e9, terminal_text(list(b.clients)),
        ids(b.brokers), terminal_text(burst_top_cause(b)));
  JsonWriter j;
  j.open('{');
  j.key("alert");
  j.str("decided");
  j.key("id");
  j.num(id);
  j.key("burst");
  j.raw(render_burst_json(b));
  j.close('}');
  j.out().push_back('\n');
  return std::move(j.out());
}

std::string render_alert_summary(const AlertSummary& s, bool json) {
  if (!json) {
    std::string out = fmt::format("follow {}: {} burst{} ({} records, {} events)\n",
                                  s.interrupted ? "stopped" : "ended", s.bursts,
                                  s.bursts == 1 ? "" : "s", s.records, s.events);
    for (const auto& x : s.latest)
      out += fmt::format("  #{:<3} {}  {:<18} {:>5} errors  {}\n", x.id, stamp(x.start_ns),
                         verdict_name(x.verdict), x.count, terminal_text(x.cause));
    return out;
  }
  JsonWriter j;
  j.open('{');
  j.key("alert");
  j.str("summary");
  j.key("interrupted");
  j.boolean(s.interrupted);
  j.key("records");
  j.num(s.records);
  j.key("events");
  j.num(s.events);
  j.key("bursts");
  j.num(s.bursts);
  j.key("latest");
  j.open('[');
  for (const auto& x : s.latest) {
    j.open('{');
    j.key("id");
    j.num(x.id);
    j.key("start");
    j.str(stamp(x.start_ns));
    j.key("count");
    j.num(x.count);
    j.key("verdict");
    j.str(verdict_name(x.verdict));
    j.key("cause");
    j.str(x.cause);
    j.close('}');
  }
  j.close(']');
  j.close('}');
  j.out().push_back('\n');
  return std::move(j.out());
}

void append_timeline_record(std::string& out, const Record& rec, std::string_view label,
                            bool json) {
  char stamp_buf[48];
  if (json) {
    JsonWriter j(out);
    j.open('{');
    j.key("time");
    if (rec.time.valid())
      j.str(std::string_view(stamp_buf,
                             format_rfc3339(rec.time.utc_ns, rec.time.precision, stamp_buf)));
    else
      j.null();
    j.key("input");
    j.str(label);
    j.key("line");
    j.num(rec.raw.line);
    j.key("text");
    j.str(rec.raw.text);
    j.close('}');
    out.push_back('\n');
    return;
  }
  if (rec.time.valid()) {
    out.append(stamp_buf, format_rfc3339(rec.time.utc_ns, rec.time.precision, stamp_buf));
  } else {
    out.push_back('-');
  }
  // For a terminal: the label and the record with their control bytes
  // escaped (the record keeps its own line breaks).
  out.push_back(' ');
  append_terminal_text(out, label);
  out.append(": ");
  append_terminal_text(out, rec.raw.text, /*keep_newlines=*/true);
  out.push_back('\n');
}

}  // namespace logcorr
