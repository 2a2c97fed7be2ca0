// `kubectl get pod|events -o json|yaml` (and `get events -w -o json`): the
// k8s.io/api shapes, read from the document tree.
//   Pod: metadata.{name,namespace}, spec.nodeName, status.{initContainer,
//     container,ephemeralContainer}Statuses[].{name, restartCount,
//     lastState.terminated, state.terminated, state.running.startedAt}
//     (ContainerStateTerminated: reason, exitCode, signal, startedAt,
//     finishedAt, RFC 3339).
//   core/v1 Event: type, reason, message, involvedObject{kind,name,namespace,
//     fieldPath}, source{component,host}, firstTimestamp, lastTimestamp,
//     eventTime (MicroTime), count, series{count,lastObservedTime}.
//   events.k8s.io/v1 Event: the same with note, regarding, deprecatedSource,
//     deprecatedFirstTimestamp, deprecatedLastTimestamp, deprecatedCount.
// A List / PodList / EventList is read item by item. Only objects whose end
// was read are used (a cut-off document keeps the complete ones before it).
#include <fmt/format.h>

#include <string>

#include "kube/kube_common.hpp"
#include "kube/kube_readers.hpp"
#include "kube/kube_tree.hpp"
#include "logcorr/time.hpp"

namespace logcorr::kube_detail {

namespace {

std::string_view first_of(const Node& n, std::initializer_list<std::string_view> paths) {
  for (std::string_view p : paths) {
    std::string_view v = n.str(p);
    if (!v.empty()) return v;
  }
  return {};
}

struct PodNames {
  std::string_view name, ns, node;
};

void pod_common(Event& e, const PodNames& pod, const Node& cs) {
  e.host.assign(pod.name);
  set_field(e, "pod", pod.name);
  set_field(e, "container", cs.str("name"));
  set_field(e, "namespace", pod.ns);
  set_field(e, "node", pod.node);
  set_field(e, "restart_count", cs.str("restartCount"));
}

void terminated(const PodNames& pod, const Node& cs, const Node& t, std::string_view where,
                Ctx& ctx) {
  std::string text = fmt::format(
      "pod {} container {}: {}.terminated reason={} exitCode={} startedAt={} finishedAt={}",
      pod.name, cs.str("name"), where, t.str("reason"), t.str("exitCode"), t.str("startedAt"),
      t.str("finishedAt"));
  Event& e = ctx.add(EventKind::kContainerTerminated, t.line, text, "pod-status");
  pod_common(e, pod, cs);
  set_field(e, "reason", t.str("reason"));
  set_field(e, "exit_code", t.str("exitCode"));
  set_field(e, "signal", t.str("signal") == "0" ? std::string_view{} : t.str("signal"));
  int64_t ns;
  Precision p;
  if (parse_kube_time(t.str("startedAt"), ns, p)) set_field(e, "started", format_rfc3339(ns, p));
  if (parse_kube_time(t.str("finishedAt"), ns, p)) set_field(e, "finished", format_rfc3339(ns, p));
  const Node* fin = t.get("finishedAt");
  ctx.stamp(e, t.str("finishedAt"), fin ? fin->line : t.line, "finishedAt");
}

void read_pod(const Node& pod_node, Ctx& ctx) {
  const Node* meta = pod_node.get("metadata");
  if (!meta || !meta->complete) return;
  ++ctx.stats().objects;
  PodNames pod{meta->str("name"), meta->str("namespace"), pod_node.str("spec.nodeName")};
  const Node* status = pod_node.get("status");
  if (!status) return;
  for (std::string_view list :
       {"initContainerStatuses", "containerStatuses", "ephemeralContainerStatuses"}) {
    const Node* l = status->get(list);
    if (!l || l->type != Node::Type::kSeq) continue;
    for (const Node& cs : l->seq) {
      if (!cs.complete || cs.type != Node::Type::kMap) continue;
      const Node* last = cs.at("lastState.terminated");
      const Node* now = cs.at("state.terminated");
      if (last && last->type == Node::Type::kMap) terminated(pod, cs, *last, "lastState", ctx);
      if (now && now->type == Node::Type::kMap) terminated(pod, cs, *now, "state", ctx);
      const Node* running = cs.at("state.running");
      if (running && running->type == Node::Type::kMap && last && last->type == Node::Type::kMap) {
        std::string_view started = running->str("startedAt");
        Event& e = ctx.add(EventKind::kBrokerStart, running->line,
                           fmt::format("pod {} container {}: state.running startedAt={}", pod.name,
                                       cs.str("name"), started),
                           "pod-status");
        pod_common(e, pod, cs);
        int64_t ns;
        Precision p;
        if (parse_kube_time(started, ns, p)) set_field(e, "started", format_rfc3339(ns, p));
        const Node* s = running->get("startedAt");
        ctx.stamp(e, started, s ? s->line : running->line, "startedAt");
      }
    }
  }
}

void read_event(const Node& n, Ctx& ctx) {
  ++ctx.stats().objects;
  bool v1 = n.get("regarding") == nullptr && n.get("note") == nullptr;
  KubeEvent k;
  k.type = n.str("type");
  k.reason = n.str("reason");
  k.message = v1 ? n.str("message") : n.str("note");
  std::string_view obj = v1 ? "involvedObject" : "regarding";
  const Node* o = n.get(obj);
  if (o) {
    k.object_kind = o->str("kind");
    k.object_name = o->str("name");
    k.namespace_ = o->str("namespace");
    k.field_path = o->str("fieldPath");
  }
  if (k.namespace_.empty()) k.namespace_ = n.str("metadata.namespace");
  k.component = v1 ? first_of(n, {"source.component", "reportingComponent"})
                   : first_of(n, {"reportingController", "deprecatedSource.component"});
  k.host = v1 ? n.str("source.host") : n.str("deprecatedSource.host");
  auto kind = kube_event_kind(k.reason, k.message);
  if (!kind) return;
  std::string text =
      fmt::format("{} {} {}/{}: {}", k.type, k.reason, k.object_kind, k.object_name, k.message);
  Event& e = ctx.add(*kind, n.line, text, v1 ? "event-v1" : "event-events.k8s.io");
  fill_kube_event(k, e);
  std::string_view last =
      v1 ? first_of(n, {"series.lastObservedTime", "lastTimestamp", "eventTime", "firstTimestamp"})
         : first_of(n, {"series.lastObservedTime", "deprecatedLastTimestamp", "eventTime",
                        "deprecatedFirstTimestamp"});
  std::string_view first = v1 ? first_of(n, {"eventTime", "firstTimestamp"})
                              : first_of(n, {"eventTime", "deprecatedFirstTimestamp"});
  std::string_view count = v1 ? first_of(n, {"series.count", "count"})
                              : first_of(n, {"series.count", "deprecatedCount"});
  if (!count.empty() && count != "1" && count != "0") set_field(e, "count", count);
  int64_t ns;
  Precision p;
  if (!first.empty() && first != last && parse_kube_time(first, ns, p))
    set_field(e, "first_seen", format_rfc3339(ns, p));
  if (last.empty()) {
    ctx.timeless(e, n.line,
                 v1 ? "no eventTime, firstTimestamp, lastTimestamp or series in the Event"
                    : "no eventTime, deprecated timestamps or series in the Event");
    return;
  }
  ctx.stamp(e, last, n.line, "the Event's time");
}

void read_object(const Node& n, Ctx& ctx) {
  if (n.type != Node::Type::kMap) return;
  std::string_view kind = n.str("kind");
  const Node* items = n.get("items");
  if (items && items->type == Node::Type::kSeq) {
    for (const Node& item : items->seq) read_object(item, ctx);
    return;
  }
  bool is_event = kind == "Event" || n.get("involvedObject") || n.get("regarding");
  if (is_event) {
    if (n.complete) read_event(n, ctx);
    return;
  }
  if (kind == "Pod" || (kind.empty() && n.get("status") && n.get("spec"))) read_pod(n, ctx);
}

}  // namespace

void read_objects(std::string_view text, bool yaml, Ctx& ctx) {
  std::vector<Node> docs;
  ParseError err;
  // A List's items are read as each one closes and then dropped.
  const ItemFn on_item = [&ctx](const Node& item) { read_object(item, ctx); };
  if (yaml) {
    parse_yaml_stream(text, docs, err, &on_item);
  } else {
    parse_json_stream(text, docs, err, &on_item);
  }
  for (const Node& d : docs) read_object(d, ctx);
  if (err.failed) {
    ctx.stats().complete = false;
    ctx.report(Severity::kError, err.line,
               fmt::format("{}; the objects complete before this line are kept", err.message));
  }
}

}  // namespace logcorr::kube_detail
