// `analyze --json`: the documented, versioned schema (README).
#include <fmt/format.h>

#include "logcorr/json_text.hpp"
#include "logcorr/report.hpp"
#include "logcorr/time.hpp"
#include "logcorr/version.hpp"

namespace logcorr {

int report_schema_version() {
  return kReportSchemaVersion;
}

namespace {

void time(JsonWriter& j, int64_t ns) {
  j.str(format_rfc3339(ns, Precision::kMilli));
}

void time_or_null(JsonWriter& j, int64_t ns, bool valid) {
  if (valid)
    time(j, ns);
  else
    j.null();
}

void evidence(JsonWriter& j, const std::vector<Evidence>& ev) {
  j.key("evidence");
  j.open('[');
  for (const auto& e : ev) {
    j.open('{');
    j.key("input");
    j.str(e.input);
    j.key("line");
    j.num(e.line);
    j.key("time");
    time(j, e.time_ns);
    j.key("kind");
    j.str(kind_name(e.kind));
    j.key("text");
    j.str(e.text);
    if (e.approximate) {  // additive (schema v1): only when an age gave the time
      j.key("approximate");
      j.boolean(true);
    }
    j.close('}');
  }
  j.close(']');
}

void strings(JsonWriter& j, std::string_view k, const std::vector<std::string>& v) {
  j.key(k);
  j.open('[');
  for (const auto& s : v) j.str(s);
  j.close(']');
}

void burst(JsonWriter& j, const Burst& b) {
  j.open('{');
  j.key("start");
  time(j, b.start_ns);
  j.key("end");
  time(j, b.end_ns);
  j.key("duration_ms");
  j.num((b.end_ns - b.start_ns) / kNanosPerMilli);
  j.key("count");
  j.num(b.count);
  j.key("kinds");
  j.open('{');
  for (const auto& [k, n] : b.kinds) {
    j.key(k);
    j.num(n);
  }
  j.close('}');
  strings(j, "clients", b.clients);
  j.key("brokers");
  j.open('[');
  for (int32_t id : b.brokers) j.num(id);
  j.close(']');
  strings(j, "hosts", b.hosts);
  strings(j, "partitions", b.partitions);
  j.key("verdict");
  j.str(verdict_name(b.verdict));
  j.key("confidence");
  j.dbl(b.confidence);
  j.key("causes");
  j.open('[');
  for (const auto& c : b.causes) {
    j.open('{');
    j.key("kind");
    j.str(kind_name(c.kind));
    j.key("summary");
    j.str(c.summary);
    j.key("host");
    if (c.host.empty())
      j.null();
    else
      j.str(c.host);
    j.key("broker");
    if (c.broker < 0)
      j.null();
    else
      j.num(c.broker);
    j.key("time");
    time(j, c.time_ns);
    j.key("start");
    time(j, c.start_ns);
    j.key("end");
    time(j, c.end_ns);
    j.key("duration_ms");
    if (c.duration_ns < 0)
      j.null();
    else
      j.raw(format_duration_ms(c.duration_ns));
    j.key("lag_ms");
    j.num(c.lag_ns / kNanosPerMilli);
    j.key("score");
    j.dbl(c.score);
    if (!c.why.empty()) {  // additive (schema v1): Kubernetes causes only
      j.key("why");
      j.str(c.why);
    }
    if (c.approximate) {
      j.key("approximate");
      j.boolean(true);
    }
    evidence(j, c.evidence);
    j.close('}');
  }
  j.close(']');
  evidence(j, b.evidence);
  strings(j, "advice", b.advice);
  strings(j, "warnings", b.warnings);
  strings(j, "coverage_gaps", b.coverage_gaps);
  j.close('}');
}

}  // namespace

std::string render_burst_json(const Burst& b) {
  JsonWriter j;
  burst(j, b);
  return std::move(j.out());
}

std::string render_json(const AnalysisReport& r) {
  JsonWriter j;
  j.open('{');
  j.key("version");
  j.num(kReportSchemaVersion);
  j.key("generator");
  j.str("logcorr");
  j.key("inputs");
  j.open('[');
  for (const auto& in : r.inputs) {
    const auto& c = in;
    j.open('{');
    j.key("path");
    j.str(c.input);
    j.key("format");
    j.str(layout_name(in.layout));
    if (in.wrapper != Wrapper::kNone) {
      j.key("wrapper");
      j.str(wrapper_name(in.wrapper));
    }
    j.key("role");
    j.str(role_name(c.role));
    j.key("host");
    if (c.host.empty())
      j.null();
    else
      j.str(c.host);
    j.key("broker");
    if (c.broker < 0)
      j.null();
    else
      j.num(c.broker);
    j.key("zone");
    j.str(in.zone);
    j.key("zone_source");
    j.str(zone_source_name(in.zone_source));
    bool has = c.first_ns <= c.last_ns;
    j.key("first");
    time_or_null(j, c.first_ns, has);
    j.key("last");
    time_or_null(j, c.last_ns, has);
    j.key("records");
    j.num(in.records);
    j.key("events");
    j.num(in.events);
    j.close('}');
  }
  j.close(']');
  j.key("entities");
  j.open('[');
  for (const auto& p : r.entities) {
    j.open('{');
    j.key("host");
    j.str(p.host);
    j.key("broker");
    j.num(p.broker);
    j.key("from_user");
    j.raw(p.from_user ? "true" : "false");
    j.close('}');
  }
  j.close(']');
  j.key("summary");
  j.open('{');
  j.key("records");
  j.num(r.records);
  j.key("events");
  j.num(r.events);
  j.key("symptoms");
  j.num(r.symptoms);
  j.key("bursts");
  j.num(r.bursts.size());
  j.close('}');
  j.key("bursts");
  j.open('[');
  for (const auto& b : r.bursts) burst(j, b);
  j.close(']');
  strings(j, "notes", r.notes);
  j.close('}');
  j.out().push_back('\n');
  return std::move(j.out());
}

}  // namespace logcorr
