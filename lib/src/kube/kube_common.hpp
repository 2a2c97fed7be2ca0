// Shared by the kube readers: event construction, times from stamps and
// from ages, the mapping of a Kubernetes Event (reason, message, object) to
// the event vocabulary, and capped diagnostics.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "logcorr/kube.hpp"

namespace logcorr::kube_detail {

class Ctx {
 public:
  Ctx(const KubeReadOptions& opts, DiagnosticSink& diag, std::vector<Event>& out)
      : opts_(opts), diag_(diag), out_(out) {}

  // A new event at `line` (1-based within the text); returns it for filling.
  Event& add(EventKind kind, uint64_t line, std::string_view text, std::string_view rule);
  // The event's time from a stamp ("" or unparsable: timeless, diagnosed).
  void stamp(Event& e, std::string_view text, uint64_t line, std::string_view what);
  // The event's time from an age column ("3m26s", "2m (x3 over 10m)").
  void age(Event& e, std::string_view age, uint64_t line);
  // An event without any time: kept timeless, noted.
  void timeless(Event& e, uint64_t line, std::string_view why);
  void report(Severity sev, uint64_t line, std::string message);
  KubeReadStats& stats() { return stats_; }
  const KubeReadOptions& opts() const { return opts_; }

 private:
  const KubeReadOptions& opts_;
  DiagnosticSink& diag_;
  std::vector<Event>& out_;
  KubeReadStats stats_;
  int timeless_notes_ = 0;
  bool reference_noted_ = false;
};

void set_field(Event& e, std::string_view name, std::string_view value);

// A Kubernetes Event as any of the shapes gives it.
struct KubeEvent {
  std::string_view type;         // Normal / Warning
  std::string_view reason;       // Killing, Evicted, OOMKilling, ...
  std::string_view message;      // note
  std::string_view object_kind;  // Pod, Node (involvedObject / regarding); "" unknown
  std::string_view object_name;
  std::string_view namespace_;
  std::string_view field_path;  // spec.containers{kafka}
  std::string_view component;   // source.component / reportingController
  std::string_view host;        // source.host (the node)
};

// The event kind a Kubernetes Event maps to; nullopt for reasons that say
// nothing about a container's death or start (Scheduled, Pulled, Created,
// Unhealthy, ...).
std::optional<EventKind> kube_event_kind(std::string_view reason, std::string_view message);
// Its fields and host on `e` (made with the kind above).
void fill_kube_event(const KubeEvent& k, Event& e);

std::string trim(std::string_view s);

}  // namespace logcorr::kube_detail
