"""Kafka brokers and client applications running as Kubernetes pods: the same broker and
client behaviour as hosts.py, seen through the container runtime (stdout of each
container incarnation, stamped by the runtime) instead of server.log and the journal.

KubeBroker is a hosts.Broker whose records are framed in the image's layout (Strimzi:
'%d %p %m (%c) [%t]', Bitnami: Kafka's default '[%d] %p %m (%c)') and whose host names,
ZooKeeper address, data directory, listeners and Kafka version are the pod's (the 2.8
message builders of broker.py name the systemd hosts' values; `renames` maps them).
Shapes of the wrappers live in kube.py; this module only decides what is written when.
"""

import random
import re

from . import broker as kb
from . import kube
from .common import MS, SEC
from .hosts import Broker
from .javalog import ts_log4j

# Kafka 2.8.1 as the Strimzi 0.27.1 and Bitnami 2.8.1 images ship it (commit id as it logs it).
V281 = [("Kafka version: 2.8.2", "Kafka version: 2.8.1"), ("Kafka commitId: 3146c6ff4a24cc24", "Kafka commitId: 839b886f9b732b15")]
ZK3 = "zk-1.kafka.internal:2181,zk-2.kafka.internal:2181,zk-3.kafka.internal:2181"


class KubeBroker(Broker):
    """flavour: 'strimzi' or 'bitnami'. pod_ip: the pod's IP (changes when the pod is recreated).
    Broker ids are the StatefulSet / pod-set ordinals 0..2."""

    ids = (0, 1, 2)

    def __init__(self, bundle, n, flavour, pod, fqdn, pod_ip, zk, zk_ip, data_dir, listeners, listener_map, adv):
        super().__init__(bundle, n)
        self.flavour = flavour
        self.pod = pod
        self.fqdn = fqdn
        self.ip = pod_ip
        self.trng = random.Random(bundle.seed * 1000 + n)  # thread names and runtime stamps
        self.phase = "main"
        self.adv = adv
        self.data_dir = data_dir
        self.zk = zk
        self.zk_ip = zk_ip
        self.listeners = listeners
        self.listener_map = listener_map
        self.extra = []  # (t, text): container stdout that is not a log4j record (start-up scripts)

    def renames(self):
        first_listener = self.listener_map.split(",")[-1].split(":")[0]
        return V281 + [
            (ZK3 + "/kafka", self.zk), (ZK3, self.zk),
            ("\tlisteners = PLAINTEXT://0.0.0.0:9092", f"\tlisteners = {self.listeners}"),
            ("\tlistener.security.protocol.map = PLAINTEXT:PLAINTEXT,SSL:SSL,SASL_PLAINTEXT:SASL_PLAINTEXT,SASL_SSL:SASL_SSL",
             f"\tlistener.security.protocol.map = {self.listener_map}"),
            ("ListenerName(PLAINTEXT)", f"ListenerName({first_listener})"),
            (kb.DATA_DIR, self.data_dir)]

    def frame(self, t, level, msg, logger):
        for a, b in self.renames():
            msg = msg.replace(a, b)
        msg = re.sub(r"zk-\d\.kafka\.internal/10\.0\.3\.2\d:2181", f"{self.zk.split(':')[0]}/{self.zk_ip}:2181", msg)
        if self.flavour == "bitnami":
            return super().frame(t, level, msg, logger)
        return kube.strimzi_layout(ts_log4j(t, self.tz), level, msg, logger, self.thread(logger, msg))

    def thread(self, logger, msg):
        """The thread a 2.8 broker logs each message on (Strimzi's layout prints it)."""
        r = self.trng
        if logger == "org.apache.kafka.common.utils.LoggingSignalHandler" and msg.startswith("Terminating"):
            return "SIGTERM handler"
        if logger == "org.apache.zookeeper.ClientCnxn":
            return "main-EventThread" if msg.startswith("EventThread") else f"main-SendThread({self.zk})"
        if logger == "kafka.server.ReplicaFetcherThread":
            return "ReplicaFetcherThread-0-" + re.search(r"leaderId=(\d+)", msg).group(1)
        if self.phase != "run":
            return self.phase
        if logger == "kafka.coordinator.group.GroupMetadataManager":
            return "group-metadata-manager-0"
        if (logger == "kafka.cluster.Partition" and "Shrinking" in msg) or "Deleting segment" in msg or "Incremented log start" in msg:
            return f"kafka-scheduler-{r.randint(0, 9)}"
        return f"data-plane-kafka-request-handler-{r.randint(0, 7)}"

    def startup(self, t, clean=True, systemd=False):
        self.phase = "main"
        try:
            return super().startup(t, clean=clean, systemd=False)
        finally:
            self.phase = "run"

    def shutdown_clean(self, t_cmd, user="oncall"):
        self.phase = "kafka-shutdown-hook"
        try:
            return super().shutdown_clean(t_cmd, user)
        finally:
            self.phase = "run"

    def script(self, t, lines, step_ms=(1, 40)):
        """Lines a start-up script prints before the JVM starts; returns the time after them."""
        for x in lines:
            self.extra.append((t, x))
            t += self.trng.randint(*step_ms) * MS
        return t

    def stdout(self, t0, t1):
        """The container's stdout lines from t0 to t1 (epoch µs): [(runtime stamp ns, line)]."""
        recs = [(t, s, x) for t, s, x in self.server.sorted() if t0 <= t < t1]
        recs += [(t, -1, x) for t, x in self.extra if t0 <= t < t1]
        recs.sort(key=lambda r: (r[0], r[1]))
        return runtime_stamps(recs, self.trng)


def runtime_stamps(recs, rng):
    """The runtime reads each line from the container's pipe a little after the program
    wrote it: 40-600 µs later, a few µs between the lines of one record; never backwards."""
    out = []
    last = 0
    for t, _, text in recs:
        ns = t * 1000 + rng.randint(40_000, 600_000)
        for line in text.split("\n"):
            ns = max(ns, last + rng.randint(900, 9000))
            out.append((ns, line))
            last = ns
    return out


def client_stdout(client, rng):
    """A hosts.Client's records as its container's stdout."""
    return runtime_stamps(client.log.sorted(), rng)


def kubectl_logs(lines):
    """`kubectl logs --timestamps` of one container incarnation."""
    return "".join(kube.kubectl_line(ns, x) + "\n" for ns, x in lines)


def cri_file(lines, rng):
    """The CRI log file of one container incarnation (long lines cut into P parts)."""
    out = []
    for ns, x in lines:
        stamps = [ns]
        for _ in range(kube.cri_parts(x) - 1):
            stamps.append(stamps[-1] + rng.randint(2_000, 30_000))
        out.extend(kube.cri_lines(stamps, x))
    return "".join(s + "\n" for s in out)


def split_at(lines, *t_ns):
    """Cut [(ns, line)] at the given stamps (kubelet rotations)."""
    parts, cur, cuts = [], [], list(t_ns)
    for ns, x in lines:
        while cuts and ns >= cuts[0]:
            parts.append(cur)
            cur = []
            cuts.pop(0)
        cur.append((ns, x))
    parts.append(cur)
    while cuts:
        parts.append([])
        cuts.pop(0)
    return parts


def hexid(rng, n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def uid(rng):
    """A version-4 UUID, as the API server gives objects."""
    h = hexid(rng, 32)
    v = "89ab"[int(h[16], 16) % 4]
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{v}{h[17:20]}-{h[20:]}"


def container_id(rng):
    return "containerd://" + hexid(rng, 64)


def sec(t_us):
    return t_us // SEC * SEC
