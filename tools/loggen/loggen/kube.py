"""Kubernetes artefacts around a Kafka pod: what `kubectl logs --timestamps` prints,
the container runtime's CRI log files, `kubectl describe pod`, `kubectl get events
-o json`, the Strimzi log4j layout and the start-up lines of the Strimzi and Bitnami
images. Shapes only: every value is an argument, nothing is random.

Shapes from the shared corpus, real-lines-2/ (k8s-kubectl-timestamps.log, k8s-cri.log,
k8s-describe-pod.log, k8s-get-events.log, broker-strimzi-layout.log). Not in the corpus
verbatim, written from the programs' sources (say so if a parser disagrees):
- kubectl logs --timestamps: kubelet's RFC3339NanoFixed stamp (9 digits) and a space
  before each line (pkg/kubelet/kuberuntime/logs/logs.go, timeFormatOut); a CRI line
  split into P parts is printed once, with the stamp of its first part.
- CRI files: containerd's pkg/cri/io/logger.go redirectLogs: time.RFC3339Nano (trailing
  zeros trimmed), stream, P|F, text; a line longer than max_container_log_line_size
  (16384) is cut into P parts and a final F, each part with its own stamp. kubelet's
  rotation name 0.log.<YYYYMMDD-hhmmss> (container_log_manager.go timestampFormat), older
  rotations gzipped, the newest rotation plain.
- kubectl describe pod: kubectl pkg/describe/describe.go (describePod, describeContainers,
  describeStatus, printLabelsMultiline, printAnnotationsMultiline, tolerations,
  DescribeEvents with its Flush before the table), formatted by Go's text/tabwriter
  (minwidth 0, tabwidth 8, padding 2, ' ') ported below; ages by apimachinery's
  duration.HumanDuration; times as time.RFC1123Z in kubectl's zone (UTC here).
- kubectl get events -o json: a v1 "List" (kubectl get wraps what it prints in a List),
  keys sorted and 4-space indent as encoding/json.MarshalIndent prints an unstructured
  object, <>& escaped; core/v1 Event fields (firstTimestamp/lastTimestamp whole seconds,
  eventTime null for the kubelet's legacy recorder; the scheduler's events.k8s.io
  events seen through v1: eventTime with microseconds, first/lastTimestamp null, action,
  reportingController, empty source); event names <object>.<UnixNano in hex>.
- Strimzi's start-up script lines (docker-images/kafka/scripts/kafka_tls_prepare_certificates.sh)
  and keytool's 'Certificate was added to keystore'; Bitnami's banner and libkafka.sh
  lines ('kafka HH:MM:SS.cc LEVEL ==> ...', container-local time, centiseconds).
"""

import json
from datetime import datetime, timedelta, timezone

UTC = timezone.utc
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

# ---------------------------------------------------------------- stamps (t_ns: epoch nanoseconds)


def _dt(t_ns):
    return EPOCH + timedelta(microseconds=t_ns // 1000)


def rfc3339nano_fixed(t_ns):
    """Go RFC3339NanoFixed in UTC: 2026-03-05T03:47:12.636123456Z (kubectl logs --timestamps)."""
    return _dt(t_ns).strftime("%Y-%m-%dT%H:%M:%S.") + f"{t_ns % 1_000_000_000:09d}Z"


def rfc3339nano(t_ns):
    """Go time.RFC3339Nano in UTC: the fraction without trailing zeros, none at all if zero (CRI files)."""
    frac = f"{t_ns % 1_000_000_000:09d}".rstrip("0")
    return _dt(t_ns).strftime("%Y-%m-%dT%H:%M:%S") + (f".{frac}" if frac else "") + "Z"


def rfc3339(t_ns):
    """metav1.Time in JSON: whole seconds."""
    return _dt(t_ns).strftime("%Y-%m-%dT%H:%M:%SZ")


def micro_time(t_ns):
    """metav1.MicroTime in JSON: six fractional digits."""
    return _dt(t_ns).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def rfc1123z(t_ns):
    """Go time.RFC1123Z: Thu, 05 Mar 2026 03:47:12 +0000."""
    return _dt(t_ns).strftime("%a, %d %b %Y %H:%M:%S +0000")


def human_duration(seconds):
    """k8s.io/apimachinery/pkg/util/duration.HumanDuration for a whole number of seconds."""
    s = int(seconds)
    if s < -1:
        return "<invalid>"
    if s < 0:
        return "0s"
    if s < 120:
        return f"{s}s"
    minutes = s // 60
    if minutes < 10:
        return f"{minutes}m" if s % 60 == 0 else f"{minutes}m{s % 60}s"
    if minutes < 180:
        return f"{minutes}m"
    hours = s // 3600
    if hours < 8:
        return f"{hours}h" if minutes % 60 == 0 else f"{hours}h{minutes % 60}m"
    if hours < 48:
        return f"{hours}h"
    if hours < 24 * 8:
        return f"{hours // 24}d" if hours % 24 == 0 else f"{hours // 24}d{hours % 24}h"
    if hours < 24 * 365 * 2:
        return f"{hours // 24}d"
    if hours < 24 * 365 * 8:
        dy = (hours // 24) % 365
        return f"{hours // 24 // 365}y" if dy == 0 else f"{hours // 24 // 365}y{dy}d"
    return f"{hours // 24 // 365}y"


# ---------------------------------------------------------------- log wrappers


def kubectl_line(t_ns, text):
    """One line of `kubectl logs --timestamps`."""
    return f"{rfc3339nano_fixed(t_ns)} {text}"


CRI_MAX_LINE = 16384  # containerd's max_container_log_line_size


def cri_lines(stamps_ns, text, stream="stdout", max_len=CRI_MAX_LINE):
    """The CRI file lines of one output line: P parts of max_len bytes, then F.
    stamps_ns gives one stamp per part (see cri_parts)."""
    data = text.encode("utf-8")
    parts = [data[i:i + max_len] for i in range(0, len(data), max_len)] or [b""]
    out = []
    for k, p in enumerate(parts):
        tag = "F" if k == len(parts) - 1 else "P"
        out.append(f"{rfc3339nano(stamps_ns[k])} {stream} {tag} {p.decode('utf-8')}")
    return out


def cri_parts(text, max_len=CRI_MAX_LINE):
    """How many CRI lines one output line becomes."""
    n = len(text.encode("utf-8"))
    return max(1, -(-n // max_len))


def rotated_name(t_ns):
    """kubelet's rotated CRI log name suffix: 0.log.20260305-034500 (node-local time, UTC here)."""
    return "0.log." + _dt(t_ns).strftime("%Y%m%d-%H%M%S")


# ---------------------------------------------------------------- container images' own lines


def strimzi_layout(stamp, level, msg, logger, thread):
    """Strimzi's broker log4j layout '%d{yyyy-MM-dd HH:mm:ss,SSS} %p %m (%c) [%t]%n'."""
    return f"{stamp} {level} {msg} ({logger}) [{thread}]"


def strimzi_tls_prepare(ca_alias="ca"):
    """kafka_tls_prepare_certificates.sh (Strimzi 0.27) before the JVM starts; keytool's line between."""
    crt = f"/opt/kafka/cluster-ca-certs/{ca_alias}.crt"
    return ["Preparing truststore for replication listener",
            f"Adding {crt} to truststore /tmp/kafka/cluster.truststore.p12 with alias {ca_alias}",
            "Certificate was added to keystore",
            "Preparing truststore for replication listener is complete",
            "Looking for the right CA",
            f"Found the right CA: {crt}",
            "Preparing keystore for replication and clienttls listener",
            "Preparing keystore for replication and clienttls listener is complete"]


def bitnami_stamp(t_ns):
    """Bitnami's liblog stamp: container-local HH:MM:SS.cc."""
    d = _dt(t_ns)
    return d.strftime("%H:%M:%S.") + f"{d.microsecond // 10000:02d}"


def bitnami_line(t_ns, level, msg, app="kafka"):
    """'kafka 09:21:03.47 INFO  ==> msg' (level padded to 5); level None: the banner's bare form."""
    if level is None:
        return f"{app} {bitnami_stamp(t_ns)} {msg}"
    return f"{app} {bitnami_stamp(t_ns)} {level:<5} ==> {msg}"


BITNAMI_BANNER = ["", "Welcome to the Bitnami kafka container",
                  "Subscribe to project updates by watching https://github.com/bitnami/bitnami-docker-kafka",
                  "Submit issues and feature requests at https://github.com/bitnami/bitnami-docker-kafka/issues", ""]

BITNAMI_SETUP = [("INFO", "** Starting Kafka setup **"),
                 ("WARN", "You set the environment variable ALLOW_PLAINTEXT_LISTENER=yes. For safety reasons, do not use this flag in a production environment."),
                 ("INFO", "Initializing Kafka..."),
                 ("INFO", "No injected configuration files found, creating default config files"),
                 ("INFO", "Configuring Kafka for inter-broker communications with PLAINTEXT authentication."),
                 ("WARN", "Inter-broker communications are configured as PLAINTEXT. This is not safe for production environments."),
                 ("INFO", "Configuring Kafka for client communications with PLAINTEXT authentication."),
                 ("WARN", "Client communications are configured using PLAINTEXT listeners. For safety reasons, do not use this in a production environment."),
                 ("INFO", "** Kafka setup finished! **")]


# ---------------------------------------------------------------- Go text/tabwriter


def tabwriter(text, minwidth=0, padding=2, padchar=" "):
    """Go's text/tabwriter (flags 0) over a whole buffer: tab-terminated cells aligned
    per column block (consecutive lines that have a cell in that column)."""
    lines = [ln.split("\t") for ln in text.split("\n")]
    out = []
    widths = []

    def write_lines(a, b):
        for i in range(a, b):
            cells = lines[i]
            s = []
            for j, c in enumerate(cells):
                s.append(c)
                if j < len(widths) and j < len(cells) - 1:
                    s.append(padchar * (widths[j] - len(c)))
            out.append("".join(s))

    def fmt(line0, line1):
        column = len(widths)
        this = line0
        while this < line1:
            if column >= len(lines[this]) - 1:
                this += 1
                continue
            write_lines(line0, this)
            line0 = this
            width = minwidth
            while this < line1 and column < len(lines[this]) - 1:
                width = max(width, len(lines[this][column]) + padding)
                this += 1
            widths.append(width)
            fmt(line0, this)
            widths.pop()
            line0 = this
        write_lines(line0, line1)

    fmt(0, len(lines))
    return "\n".join(out)


class PrefixWriter:
    """kubectl's PrefixWriter: LEVEL_n indents by two spaces per level; Flush() ends a
    tabwriter block (DescribeEvents flushes before its table)."""

    def __init__(self):
        self.blocks = [""]

    def w(self, level, s):
        self.blocks[-1] += "  " * level + s

    def flush(self):
        self.blocks.append("")

    def text(self):
        return "".join(tabwriter(b) for b in self.blocks)


# ---------------------------------------------------------------- kubectl describe pod


def _labels(w, title, labels):
    w.w(0, f"{title}:\t")
    if not labels:
        w.w(0, "<none>\n")
        return
    for i, k in enumerate(sorted(labels)):
        if i:
            w.w(0, "\t")
        w.w(0, f"{k}={labels[k]}\n")


def _annotations(w, title, ann):
    w.w(0, f"{title}:\t")
    if not ann:
        w.w(0, "<none>\n")
        return
    for i, k in enumerate(sorted(ann)):
        if i:
            w.w(0, "\t")
        w.w(0, f"{k}: {ann[k]}\n")


def _status(w, name, st):
    if st["state"] == "running":
        w.w(2, f"{name}:\tRunning\n")
        w.w(3, f"Started:\t{rfc1123z(st['started'])}\n")
    elif st["state"] == "waiting":
        w.w(2, f"{name}:\tWaiting\n")
        if st.get("reason"):
            w.w(3, f"Reason:\t{st['reason']}\n")
    else:
        w.w(2, f"{name}:\tTerminated\n")
        if st.get("reason"):
            w.w(3, f"Reason:\t{st['reason']}\n")
        w.w(3, f"Exit Code:\t{st['exit_code']}\n")
        w.w(3, f"Started:\t{rfc1123z(st['started'])}\n")
        w.w(3, f"Finished:\t{rfc1123z(st['finished'])}\n")


def describe_events(w, events, now_ns):
    """DescribeEvents: sorted by lastTimestamp (or eventTime), ages against now_ns."""
    if not events:
        w.w(0, "Events:\t<none>\n")
        return
    w.flush()
    w.w(0, "Events:\n  Type\tReason\tAge\tFrom\tMessage\n")
    w.w(1, "----\t------\t----\t----\t-------\n")
    for e in sorted(events, key=lambda e: e["last"]):
        first = human_duration((now_ns - e["first"]) // 1_000_000_000)
        if e.get("count", 1) > 1:
            age = f"{human_duration((now_ns - e['last']) // 1_000_000_000)} (x{e['count']} over {first})"
        else:
            age = first
        w.w(1, f"{e['type']}\t{e['reason']}\t{age}\t{e['component']}\t{e['message'].strip()}\n")


def describe_pod(p, events, now_ns):
    """`kubectl describe pod` of a pod model p (dict, see kubehosts.pod_model)."""
    w = PrefixWriter()
    w.w(0, f"Name:\t{p['name']}\n")
    w.w(0, f"Namespace:\t{p['namespace']}\n")
    w.w(0, f"Priority:\t{p.get('priority', 0)}\n")
    w.w(0, f"Service Account:\t{p['service_account']}\n")
    w.w(0, f"Node:\t{p['node']}/{p['host_ip']}\n")
    w.w(0, f"Start Time:\t{rfc1123z(p['start_time'])}\n")
    _labels(w, "Labels", p["labels"])
    _annotations(w, "Annotations", p["annotations"])
    w.w(0, f"Status:\t{p['phase']}\n")
    w.w(0, f"IP:\t{p['ip']}\n")
    w.w(0, "IPs:\n")
    w.w(1, f"IP:\t{p['ip']}\n")
    w.w(0, f"Controlled By:\t{p['controlled_by']}\n")
    w.w(0, "Containers:\n")
    for c in p["containers"]:
        w.w(1, f"{c['name']}:\n")
        w.w(2, f"Container ID:\t{c['container_id']}\n")
        w.w(2, f"Image:\t{c['image']}\n")
        w.w(2, f"Image ID:\t{c['image_id']}\n")
        ports = ", ".join(f"{x}/TCP" for x in c["ports"])
        hports = ", ".join("0/TCP" for _ in c["ports"])
        w.w(2, (f"Ports:\t{ports}\n" if len(c["ports"]) > 1 else f"Port:\t{ports or '<none>'}\n"))
        w.w(2, (f"Host Ports:\t{hports}\n" if len(c["ports"]) > 1 else f"Host Port:\t{hports or '<none>'}\n"))
        if c.get("command"):
            w.w(2, "Command:\n")
            for s in c["command"]:
                w.w(3, f"{s}\n")
        _status(w, "State", c["state"])
        if c.get("last_state"):
            _status(w, "Last State", c["last_state"])
        w.w(2, f"Ready:\t{'True' if c['ready'] else 'False'}\n")
        w.w(2, f"Restart Count:\t{c['restart_count']}\n")
        for title, res in (("Limits", c.get("limits")), ("Requests", c.get("requests"))):
            if res:
                w.w(2, f"{title}:\n")
                for k in sorted(res):
                    w.w(3, f"{k}:\t{res[k]}\n")
        for title, pr in (("Liveness", c.get("liveness")), ("Readiness", c.get("readiness"))):
            if pr:
                w.w(2, f"{title}:\t{pr}\n")
        if c.get("env"):
            w.w(2, "Environment:\n")
            for k, v in c["env"]:
                w.w(3, f"{k}:\t{v}\n")
        else:
            w.w(2, "Environment:\t<none>\n")
        w.w(2, "Mounts:\n")
        for path, vol, flags in sorted(c["mounts"]):
            w.w(3, f"{path} from {vol} ({flags})\n")
    w.w(0, "Conditions:\n  Type\tStatus\n")
    for t, s in p["conditions"]:
        w.w(1, f"{t} \t{s} \n")
    w.w(0, "Volumes:\n")
    for v in p["volumes"]:
        w.w(1, f"{v['name']}:\n")
        if v["kind"] == "pvc":
            w.w(2, "Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n"
                   f"    ClaimName:\t{v['claim']}\n    ReadOnly:\tfalse\n")
        elif v["kind"] == "secret":
            w.w(2, f"Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t{v['secret']}\n    Optional:\tfalse\n")
        elif v["kind"] == "configmap":
            w.w(2, f"Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t{v['configmap']}\n    Optional:\tfalse\n")
        elif v["kind"] == "emptydir":
            w.w(2, "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n"
                   f"    Medium:\t{v.get('medium', '')}\n    SizeLimit:\t{v.get('size', '<unset>')}\n")
        elif v["kind"] == "projected":
            w.w(2, "Type:\tProjected (a volume that contains injected data from multiple sources)\n")
            w.w(2, "TokenExpirationSeconds:\t3607\n")
            w.w(2, "ConfigMapName:\tkube-root-ca.crt\n    Optional:\tfalse\n")
            w.w(2, "DownwardAPI:\ttrue\n")
    w.w(0, f"QoS Class:\t{p['qos']}\n")
    _labels(w, "Node-Selectors", {})
    w.w(0, "Tolerations:\t")
    for i, tol in enumerate(p["tolerations"]):
        if i:
            w.w(0, "\t")
        w.w(0, f"{tol}\n")
    describe_events(w, events, now_ns)
    return w.text()


# ---------------------------------------------------------------- kubectl get events -o json


def event_name(obj_name, t_ns):
    """client-go's recorder: <object>.<UnixNano as lower-case hex>."""
    return f"{obj_name}.{t_ns:x}"


def event_v1(e, namespace):
    """A core/v1 Event as kubectl get -o json prints it (unstructured; keys sorted later).
    e: dict with kind/name/uid/field_path/rv (involved object), reason, message, type,
    first, last, count, component, host, name_ns (the stamp in its name), ev_uid, ev_rv;
    new_api=True for an events.k8s.io event (the scheduler's) seen through v1."""
    inv = {"apiVersion": e.get("api_version", "v1"), "kind": e["kind"], "name": e["obj"], "namespace": namespace,
           "resourceVersion": e["obj_rv"], "uid": e["obj_uid"]}
    if e.get("field_path"):
        inv["fieldPath"] = e["field_path"]
    if e["kind"] == "Node":
        inv.pop("namespace")
        inv.pop("resourceVersion")
        inv["uid"] = e["obj"]
    meta = {"creationTimestamp": rfc3339(e["first"]), "name": event_name(e["obj"], e["name_ns"]),
            "namespace": namespace if e["kind"] != "Node" else "default", "resourceVersion": e["ev_rv"], "uid": e["ev_uid"]}
    o = {"apiVersion": "v1", "kind": "Event", "involvedObject": inv, "message": e["message"], "metadata": meta,
         "reason": e["reason"], "type": e["type"]}
    if e.get("new_api"):
        o.update({"action": e["action"], "eventTime": micro_time(e["first"]), "firstTimestamp": None,
                  "lastTimestamp": None, "reportingComponent": e["component"],
                  "reportingInstance": e["instance"], "source": {}})
    else:
        o.update({"count": e.get("count", 1), "eventTime": None, "firstTimestamp": rfc3339(e["first"]),
                  "lastTimestamp": rfc3339(e["last"]), "reportingComponent": e.get("reporting_component", e["component"]),
                  "reportingInstance": e.get("host", ""), "source": {"component": e["component"], **({"host": e["host"]} if e.get("host") else {})}})
    return o


def go_json(obj):
    """encoding/json.MarshalIndent(obj, "", "    ") of an unstructured object, plus kubectl's newline."""
    s = json.dumps(obj, indent=4, sort_keys=True, ensure_ascii=False, separators=(",", ": "))
    return s.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n"


def event_list_json(items):
    """kubectl get events -o json: the items in the order the API server lists them."""
    return go_json({"apiVersion": "v1", "items": items, "kind": "List", "metadata": {"resourceVersion": ""}})
