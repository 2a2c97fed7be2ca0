#include "extract/input_profile.hpp"

#include <algorithm>

#include "logcorr/entity.hpp"

namespace logcorr::detail {

namespace {

bool is_journal_like(Layout l) {
  return layout_info(l).journal_like;
}

bool is_gc(Layout l) {
  return layout_info(l).gc;
}

bool broker_kind(EventKind k) {
  switch (k) {
    case EventKind::kBrokerStop:
    case EventKind::kBrokerStart:
    case EventKind::kUncleanShutdown:
    case EventKind::kIsrShrink:
    case EventKind::kBrokerConfig:
    case EventKind::kGcPause:
    case EventKind::kSafepoint:
    case EventKind::kProcessKilled:
    case EventKind::kOomKill:
    case EventKind::kLogDirFailure:
    case EventKind::kZkSessionExpired:
    case EventKind::kQuorumLost:
    case EventKind::kJvmStart:
      return true;
    default:
      return false;
  }
}

// Kinds that say nothing about which side wrote the input: a JVM's
// OutOfMemoryError is logged by brokers and client applications alike.
bool neutral_kind(EventKind k) {
  return k == EventKind::kJvmOomError;
}

bool name_says_server(const std::string& label) {
  for (const char* n :
       {"server.log", "controller.log", "state-change.log", "kafkaServer.out", "log-cleaner.log"})
    if (label.find(n) != std::string::npos) return true;
  return false;
}

}  // namespace

InputProfile::InputProfile(const LogicalInput& in, Layout layout) : in_(in), layout_(layout) {
  if (!in.host_hint.empty()) hint_host_ = normalize_host(in.host_hint);
}

void InputProfile::observe_host(std::string_view meta_host) {
  if (meta_host.empty() || meta_hosts_.size() > 64) return;
  ++meta_hosts_[normalize_host(meta_host)];
}

void InputProfile::observe_host(std::string_view meta_host, uint64_t n) {
  if (meta_host.empty() || n == 0 || meta_hosts_.size() > 64) return;
  size_t before = meta_hosts_.size();
  uint64_t& c = meta_hosts_[normalize_host(meta_host)];
  // A 65th host is counted once: the calls after it would return early.
  c += meta_hosts_.size() > before && meta_hosts_.size() > 64 ? 1 : n;
}

void InputProfile::observe_event(const Event& e) {
  if (neutral_kind(e.kind)) return;
  // What a broker logged about its own connections is broker-side: its view
  // of a failed TLS / SASL handshake (`Failed authentication with /IP`) and
  // its own clients' NetworkClient lines (`[RaftManager id=1] Connection to
  // node 0 … could not be established`, replica fetchers, controller
  // channels): a KRaft node's log full of unreachable voters is a broker's
  // log, whatever its name. The client's view of the same is the client's.
  const bool broker_view = e.field("side") == "broker";
  if (broker_kind(e.kind) || broker_view) {
    ++broker_events_;
    if (e.broker >= 0 && (e.kind == EventKind::kBrokerStart || e.kind == EventKind::kBrokerStop ||
                          e.kind == EventKind::kUncleanShutdown ||
                          e.kind == EventKind::kIsrShrink || e.kind == EventKind::kBrokerConfig))
      ++brokers_[e.broker];
  } else {
    ++client_events_;
  }
}

bool InputProfile::broker_side() const {
  if (is_journal_like(layout_) || is_gc(layout_)) return true;
  if (name_says_server(in_.label)) return true;
  return broker_events_ > 0 && broker_events_ >= client_events_;
}

InputRole InputProfile::role() const {
  if (is_gc(layout_)) return InputRole::kGc;
  if (is_journal_like(layout_)) return InputRole::kJournal;
  if (name_says_server(in_.label) || (broker_events_ > 0 && broker_events_ >= client_events_))
    return InputRole::kServer;
  if (client_events_ > 0) return InputRole::kClient;
  return InputRole::kOther;
}

int32_t InputProfile::broker() const {
  int32_t best = -1;
  uint64_t n = 0;
  for (const auto& [b, c] : brokers_)
    if (c > n) {
      best = b;
      n = c;
    }
  return best;
}

std::string InputProfile::host() const {
  // A journal names its host in every entry; otherwise the folder does.
  std::string best;
  uint64_t n = 0;
  for (const auto& [h, c] : meta_hosts_)
    if (c > n) {
      best = h;
      n = c;
    }
  if (!best.empty() && is_journal_like(layout_)) return best;
  if (!hint_host_.empty()) return hint_host_;
  return best;
}

const std::string& InputProfile::default_host() const {
  default_host_ = broker_side() ? host() : std::string();
  return default_host_;
}

InputSummary InputProfile::summary(const InputStats& st) const {
  InputSummary s;
  s.input = in_.label;
  s.role = role();
  s.host = is_broker_side(s.role) ? host() : hint_host_;
  s.broker = broker();
  s.first_ns = st.first_ns;
  s.last_ns = st.last_ns;
  if (st.first_ns > st.last_ns) {
    s.first_ns = 0;
    s.last_ns = -1;
  }
  s.layout = st.layout;
  s.wrapper = st.wrapper;
  s.zone = st.zone_name;
  s.zone_source = st.records == st.records_without_time ? ZoneSource::kNone
                  : st.assumed_zone_records > 0         ? ZoneSource::kAssumed
                  : st.user_zone_records > 0            ? ZoneSource::kUser
                                                        : ZoneSource::kExplicit;
  s.records = st.records;
  s.uptime_runs = st.uptime_runs;
  s.uptime_runs_overflow = st.uptime_runs_overflow;
  s.path = in_.base_path.empty() ? in_.label : in_.base_path;
  if (!st.zoneless_stamps.empty())
    s.zoneless_stamps = std::make_shared<const StampSample>(st.zoneless_stamps);
  if (!st.wrapped_stamps.empty())
    s.wrapped_stamps = std::make_shared<const StampSample>(st.wrapped_stamps);
  return s;
}

}  // namespace logcorr::detail
