#include "burst_builder.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace logcorr::detail {

void push_evidence(std::vector<Evidence>& v, const Event& e, size_t cap) {
  if (v.size() >= cap) return;
  for (const auto& x : v)
    if (x.input == e.input && x.line == e.line) return;
  Evidence ev;
  ev.input = e.input;
  ev.line = e.line;
  // Evidence shows the record as it appears in the source; long records are
  // capped so that a megabyte stack trace cannot bloat a report.
  constexpr size_t kMaxText = 2000;
  ev.text = e.text.size() > kMaxText ? e.text.substr(0, kMaxText) + " [...]" : e.text;
  ev.time_ns = e.time_ns;
  ev.kind = e.kind;
  ev.approximate = e.field("approximate") == "true";
  v.push_back(std::move(ev));
}

int64_t age_ms_of(const Event& e) {
  auto v = e.field("age_ms");
  if (v.empty() || v.size() > 12) return -1;
  int64_t x = 0;
  for (char c : v) {
    if (c < '0' || c > '9') return -1;
    x = x * 10 + (c - '0');
  }
  return x;
}

namespace {

bool idle_kind(EventKind k) {
  return k == EventKind::kDisconnect || k == EventKind::kNetworkException;
}

void add_reason(std::vector<std::string>& v, std::string_view r) {
  if (r.empty() || v.size() >= 4) return;
  for (const auto& x : v)
    if (x == r) return;
  v.emplace_back(r);
}

// What the client said about the cause, from a TLS / SASL / DNS / route line.
void note_cause(PendingBurst& pb, const Event& e, size_t cap) {
  if (!is_auth_or_path(e.kind)) return;
  std::string_view reason = e.field("reason");
  if (reason.empty()) reason = e.field("error");
  if (reason.empty()) reason = e.field("cause");
  if (e.kind == EventKind::kTlsFailure || e.kind == EventKind::kSaslFailure) {
    if (pb.auth_count++ == 0 || e.kind == EventKind::kTlsFailure) pb.auth_kind = e.kind;
    add_reason(pb.auth_reasons, reason);
    if (e.broker >= 0) ++pb.auth_brokers[e.broker];
    if (!e.host.empty() && pb.auth_hosts.size() < 8) pb.auth_hosts.insert(e.host);
  } else {
    if (pb.path_count++ == 0) pb.path_kind = e.kind;
    add_reason(pb.path_reasons, reason);
  }
  push_evidence(pb.cause_evidence, e, cap);
}

}  // namespace

void BurstBuilder::add(const Event& e, std::vector<PendingBurst>& closed,
                       int64_t kafka_silence_ns) {
  if (open_ && e.time_ns - cur_.burst.end_ns > opts_.gap_ns) close(closed);
  // The cause a client named in the same record as its symptom annotates
  // that symptom: one record, one error.
  if (open_ && e.line != 0 && e.line == cur_.last_line && e.input == cur_.last_input) {
    note_cause(cur_, e, opts_.max_evidence);
    return;
  }
  if (!open_) {
    cur_ = PendingBurst{};
    cur_.burst.start_ns = e.time_ns;
    cur_.burst.end_ns = e.time_ns;
    open_ = true;
  }
  Burst& b = cur_.burst;
  cur_.last_input = e.input;
  cur_.last_line = e.line;
  note_cause(cur_, e, opts_.max_evidence);
  if (kafka_silence_ns > cur_.max_kafka_silence_ns) cur_.max_kafka_silence_ns = kafka_silence_ns;
  if (e.kind == EventKind::kDisconnect && cur_.ages.size() < 32)
    if (int64_t age = age_ms_of(e); age > 0) {
      cur_.ages.push_back({age, e.broker});
      if (cur_.cause_evidence.size() < 3) push_evidence(cur_.cause_evidence, e, opts_.max_evidence);
    }
  b.end_ns = std::max(b.end_ns, e.time_ns);
  ++b.count;
  if (b.count == opts_.min_count) opened_now_ = true;
  ++b.kinds[std::string(kind_name(e.kind))];
  // Names are kept up to a cap: a burst that never ends (`follow` on a
  // stream where every symptom has a new client.id) must not grow without
  // bound; the report says when the lists were cut.
  if (!e.client.empty() && !insert_capped(cur_.clients, e.client, kMaxBurstNames))
    ++cur_.names_dropped;
  if (e.broker >= 0) cur_.brokers.insert(e.broker);
  if (!e.host.empty() && !insert_capped(cur_.hosts, e.host, kMaxBurstNames)) ++cur_.names_dropped;
  cur_.inputs.insert(e.input);
  auto topic = e.field("topic");
  auto part = e.field("partition");
  if (!topic.empty() && !part.empty() && cur_.partitions.size() < 64)
    cur_.partitions.insert(std::string(topic) + "-" + std::string(part));
  if (e.input_prev_ns != INT64_MIN)
    cur_.max_silence_ns = std::max(cur_.max_silence_ns, e.time_ns - e.input_prev_ns);
  if (!idle_kind(e.kind)) cur_.all_idle_kinds = false;
  // Evidence: the first few symptoms, then one per kind/broker that names a
  // broker (the most telling: they say who).
  size_t cap = opts_.max_evidence;
  if (b.evidence.size() < 3) {
    push_evidence(b.evidence, e, cap);
  } else if (e.broker >= 0 && cur_.telling_kept < cap) {
    bool seen = false;
    for (const auto& x : b.evidence)
      if (x.kind == e.kind && x.text.find(std::to_string(e.broker)) != std::string::npos)
        seen = true;
    if (!seen) {
      push_evidence(b.evidence, e, cap);
      ++cur_.telling_kept;
    }
  }
}

void BurstBuilder::advance(int64_t watermark_ns, std::vector<PendingBurst>& closed) {
  if (open_ && watermark_ns - cur_.burst.end_ns > opts_.gap_ns) close(closed);
}

void BurstBuilder::close(std::vector<PendingBurst>& closed) {
  if (!open_) return;
  open_ = false;
  Burst& b = cur_.burst;
  b.clients.assign(cur_.clients.begin(), cur_.clients.end());
  b.brokers.assign(cur_.brokers.begin(), cur_.brokers.end());
  b.hosts.assign(cur_.hosts.begin(), cur_.hosts.end());
  b.partitions.assign(cur_.partitions.begin(), cur_.partitions.end());
  if (cur_.names_dropped > 0)
    b.warnings.push_back(fmt::format(
        "more than {} distinct clients or hosts: the lists name the first {} of each ({} more "
        "symptom(s) named others)",
        kMaxBurstNames, kMaxBurstNames, cur_.names_dropped));
  closed.push_back(std::move(cur_));
  cur_ = PendingBurst{};
}

}  // namespace logcorr::detail
