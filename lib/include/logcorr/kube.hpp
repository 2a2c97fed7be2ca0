// Kube: the Kubernetes cluster's own records read as events.
//
// Inputs that are Kubernetes *documents* rather than log lines:
//   kubectl describe pod|node           container states, the Events table
//   kubectl get events                  the plain table (ages only)
//   kubectl get pod|events -o json      a Pod, a List/PodList, an EventList
//   kubectl get pod|events -o yaml      (v1 and events.k8s.io/v1 events), and
//   kubectl get events -w -o json       one object after another
// The format stage sniffs them (Layout::kKube*); this stage turns a
// document's text into events (DESIGN.md "Vocabularies"):
//   container_terminated  a container's end: reason, exit_code, started,
//                         finished (RFC 3339 UTC), signal; time = finished
//   broker_start          the container's start after a recorded
//                         termination (it closes the downtime interval)
//   pod_evicted           an Evicted / TaintManagerEviction event (why)
//   pod_killed            a Killing event (why; probe=liveness|startup when
//                         the kubelet killed for a failed probe) and a
//                         BackOff "restarting failed container" (why,
//                         crash_loop=true)
//   oom_kill              node-problem-detector OOMKilling and the kubelet's
//                         SystemOOM (process, pid)
// Every event carries the fields it knows of pod, container, namespace,
// node, restart_count; host = the pod (the node for node objects), broker -1.
// Times that come only from an age ("3m26s") are taken back from a reference
// instant (KubeReadOptions::now_ns) and get approximate=true and precision
// seconds; without a reference they stay timeless (time_valid false) and a
// note says so. A document that is cut off or does not parse gets a
// `path:line:` diagnostic; what was read before it is kept.
#pragma once

#include <climits>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "logcorr/diagnostics.hpp"
#include "logcorr/event.hpp"
#include "logcorr/format.hpp"

namespace logcorr {

enum class KubeDoc : uint8_t {
  kNone,
  kDescribe,     // kubectl describe pod|node (several objects allowed)
  kEventsTable,  // kubectl get events
  kJson,         // kubectl get ... -o json (one object or several, one after another)
  kYaml,         // kubectl get ... -o yaml (`---` separated documents allowed)
};
std::string_view kube_doc_name(KubeDoc doc);  // "none", "describe", "events-table", "json", "yaml"

// The document kind a sniffed layout stands for (kNone for log layouts).
KubeDoc kube_doc_for(Layout layout);
// Sniffs an input's head (sniff_layout, then kube_doc_for).
KubeDoc sniff_kube(std::string_view head);

// Documents are read whole; an input bigger than this is refused.
inline constexpr uint64_t kMaxKubeDocumentBytes = 256ull << 20;

struct KubeReadOptions {
  std::string path;            // for diagnostics ("-" for standard input)
  int64_t now_ns = INT64_MIN;  // reference instant for ages; INT64_MIN = none
  std::string now_source;      // where it came from, for the note ("--now", "the file's mtime")
  // Say once (a note) that times were counted back from ages. A caller that
  // reads a stream piece by piece says it for the first piece only.
  bool note_reference = true;
  uint64_t first_line = 1;              // line number of the text's first line
  std::string pattern_prefix = "kube";  // Event::pattern = prefix + "/" + rule
};

// What a read found, besides its events.
struct KubeReadStats {
  uint64_t objects = 0;   // pods, nodes and events looked at
  uint64_t aged = 0;      // events whose time came from an age
  uint64_t timeless = 0;  // events without any time
  bool complete = true;   // false: cut off or did not parse (diagnosed)
};

// Appends the events of `text` (a whole document of kind `doc`) to `out`,
// in document order, with Event::line set to the line they came from and
// Event::text to that line (or a one-line summary for JSON/YAML objects).
// Diagnostics (cut off, does not parse, no time) go to `diag`, at most a
// few of each kind. Never throws.
KubeReadStats read_kube(std::string_view text, KubeDoc doc, const KubeReadOptions& opts,
                        std::vector<Event>& out, DiagnosticSink& diag);

// The kube-specific part of turning an age column into an offset: "3m26s"
// -> 206 s, "2m (x3 over 10m)" -> 120 s (last seen). False for "<unknown>",
// "<invalid>" and anything else.
bool parse_kube_age(std::string_view age, int64_t& ns);

// "Sat, 28 Sep 2024 06:56:46 +0600" (describe's RFC 1123 with a numeric
// offset) or RFC 3339 ("2024-09-28T00:56:46Z", MicroTime with fraction).
bool parse_kube_time(std::string_view text, int64_t& utc_ns, Precision& precision);

}  // namespace logcorr
