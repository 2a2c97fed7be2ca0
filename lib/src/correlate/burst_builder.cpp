#include "burst_builder.hpp"

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

namespace {

bool idle_kind(EventKind k) {
  return k == EventKind::kDisconnect || k == EventKind::kNetworkException;
}

}  // namespace

void BurstBuilder::add(const Event& e, std::vector<PendingBurst>& closed) {
  if (open_ && e.time_ns - cur_.burst.end_ns > opts_.gap_ns) close(closed);
  if (!open_) {
    cur_ = PendingBurst{};
    cur_.burst.start_ns = e.time_ns;
    cur_.burst.end_ns = e.time_ns;
    open_ = true;
  }
  Burst& b = cur_.burst;
  b.end_ns = std::max(b.end_ns, e.time_ns);
  ++b.count;
  if (b.count == opts_.min_count) opened_now_ = true;
  ++b.kinds[std::string(kind_name(e.kind))];
  if (!e.client.empty()) cur_.clients.insert(e.client);
  if (e.broker >= 0) cur_.brokers.insert(e.broker);
  if (!e.host.empty()) cur_.hosts.insert(e.host);
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
  closed.push_back(std::move(cur_));
  cur_ = PendingBurst{};
}

}  // namespace logcorr::detail
