// Event kind names: the DESIGN.md vocabulary, which NDJSON output, pattern
// packs and tests spell the same way.
#include "logcorr/event.hpp"

#include <array>

namespace logcorr {
namespace {

// Indexed by EventKind; the order is the symptom priority order.
constexpr std::array<std::string_view, static_cast<size_t>(EventKind::kCount_)> kNames = {
    "network_exception",
    "request_timeout",
    "timeout_exception",
    "connect_failed",
    "disconnect",
    "all_brokers_down",
    "not_enough_replicas",
    "unknown_producer_id",
    "out_of_order_sequence",
    "broker_stop",
    "broker_start",
    "unclean_shutdown",
    "process_killed",
    "oom_kill",
    "gc_pause",
    "safepoint",
    "isr_shrink",
    "client_config",
    "broker_config",
    "container_terminated",
    "pod_evicted",
    "pod_killed",
    "log_dir_failure",
    "zk_session_expired",
    "quorum_lost",
    "jvm_oom_error",
    "tls_failure",
    "sasl_failure",
    "dns_failure",
    "no_route",
    "jvm_start",
};
// The matcher keeps one bit per kind in a uint32_t.
static_assert(static_cast<size_t>(EventKind::kCount_) <= 32);

}  // namespace

std::string_view kind_name(EventKind k) {
  auto i = static_cast<size_t>(k);
  return i < kNames.size() ? kNames[i] : std::string_view("unknown");
}

std::optional<EventKind> kind_from_name(std::string_view name) {
  for (size_t i = 0; i < kNames.size(); ++i)
    if (kNames[i] == name) return static_cast<EventKind>(i);
  return std::nullopt;
}

bool is_symptom(EventKind k) {
  return k <= EventKind::kOutOfOrderSequence;
}

bool is_broker_fault(EventKind k) {
  return k >= EventKind::kLogDirFailure && k <= EventKind::kJvmOomError;
}

bool is_auth_or_path(EventKind k) {
  return k >= EventKind::kTlsFailure && k <= EventKind::kNoRoute;
}

bool is_client_symptom(const Event& e) {
  if (!is_symptom(e.kind) && !is_auth_or_path(e.kind)) return false;
  return e.field("side") != "broker";
}

void Event::clear() {
  // Keep string and vector capacity: a hot loop reuses Event objects.
  time_ns = 0;
  duration_ns = -1;
  precision = Precision::kNone;
  kind = EventKind::kNetworkException;
  time_valid = false;
  uptime_ns = -1;
  uptime_run = 0;
  host.clear();
  broker = -1;
  client.clear();
  fields.clear();
  input_index = 0;
  input.clear();
  line = 0;
  text.clear();
  pattern.clear();
  input_prev_ns = INT64_MIN;
}

namespace {
constexpr std::string_view kRoleNames[] = {"other", "client", "server", "journal", "gc"};
constexpr std::string_view kZoneSourceNames[] = {"none", "explicit", "abbreviation",
                                                 "user", "assumed",  "inferred"};
}  // namespace

std::string_view role_name(InputRole r) {
  return kRoleNames[static_cast<size_t>(r)];
}

std::optional<InputRole> role_from_name(std::string_view name) {
  for (size_t i = 0; i < std::size(kRoleNames); ++i)
    if (kRoleNames[i] == name) return static_cast<InputRole>(i);
  return std::nullopt;
}

std::string_view zone_source_name(ZoneSource z) {
  return kZoneSourceNames[static_cast<size_t>(z)];
}

std::optional<ZoneSource> zone_source_from_name(std::string_view name) {
  for (size_t i = 0; i < std::size(kZoneSourceNames); ++i)
    if (kZoneSourceNames[i] == name) return static_cast<ZoneSource>(i);
  return std::nullopt;
}

}  // namespace logcorr
