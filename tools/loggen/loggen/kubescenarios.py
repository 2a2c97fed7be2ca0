"""The Kubernetes incident bundles: samples/k8s-oom-killed/ (Strimzi, kubectl output) and
samples/k8s-node-drain/ (Bitnami StatefulSet, the nodes' CRI log files).

Each bundle builds its pods from kubehosts.py and writes what an operator collects with
kubectl or copies from the nodes; shapes in kube.py. Same rules as scenarios.py: fixed
seeds, every byte reproducible, the truth in <name>.expected.json beside the bundle.
"""

import gzip
import json
import os
import random
import shutil

from . import apps
from . import broker as kb
from . import kube
from .common import MIN, MS, SEC, T, expected_path, rfc3339, wfile
from .hosts import Client
from .kubehosts import (KubeBroker, client_stdout, container_id, cri_file, hexid, kubectl_logs, sec, split_at,
                        uid)
from .bundle import Bundle, consumer_msgs

NS = 1000  # µs -> ns


def ns(t_us):
    return t_us * NS


class KubeBundle(Bundle):
    def __init__(self, name, seed, t0, t1):
        super().__init__(name, seed, t0, t1)
        self.krng = random.Random(seed * 7 + 1)  # uids, resource versions, event names
        self.rv = 48_000_000 + self.krng.randint(0, 900_000)
        self.events = []  # (kwargs of kube.event_v1)
        # A bundle the analyzer cannot read yet says why here; the e2e runners skip it.
        self.pending = None

    def next_rv(self):
        self.rv += self.krng.randint(3, 400)
        return str(self.rv)

    def event(self, namespace, obj, kind, obj_uid, reason, message, t_first, t_last=None, count=1, etype="Normal",
              component="kubelet", host=None, field_path=None, new_api=False, action=None, instance=None, api_version="v1"):
        """One event as the API server keeps it; t_* in µs (legacy events keep whole seconds)."""
        r = self.krng
        e = {"obj": obj, "kind": kind, "obj_uid": obj_uid,
             "reason": reason, "message": message, "type": etype, "component": component, "host": host,
             "field_path": field_path, "count": count, "new_api": new_api, "action": action, "instance": instance,
             "api_version": api_version,
             "first": ns(t_first + r.randint(0, 999)) if new_api else ns(sec(t_first)), "last": ns(sec(t_last if t_last else t_first)),
             "name_ns": ns(t_first) + r.randint(0, 999), "ev_uid": uid(r), "namespace": namespace}
        self.events.append(e)
        return e

    def events_json(self, namespace):
        # resourceVersions are etcd revisions: they grow with the time each event was last written
        for e in sorted(self.events, key=lambda e: (max(e["first"], e["last"]), e["name_ns"])):
            e["ev_rv"] = self.next_rv()
            e["obj_rv"] = str(int(e["ev_rv"]) - self.krng.randint(1, 300))
        items = [kube.event_v1(e, namespace) for e in self.events if e["namespace"] == namespace]
        items.sort(key=lambda o: o["metadata"]["name"])  # the API server lists by key (name)
        return kube.event_list_json(items)

    def write_expected(self, out):
        d = os.path.join(out, self.name)
        bursts = []
        for bu in self.bursts:
            syms = bu.pop("_syms")
            ts = sorted(t for c in self.clients for t, _ in c.symptoms if syms(t, c))
            bursts.append({"start": rfc3339(ts[0]), "end": rfc3339(ts[-1]), "count": len(ts), **bu})
        exp = {"incident": self.name, "description": self.description, "args": self.args}
        if self.pending:
            exp["pending"] = self.pending
        exp["bursts"] = bursts
        wfile(expected_path(d), json.dumps(exp, indent=2) + "\n")


def fresh_dir(out, name):
    d = os.path.join(out, name)
    if os.path.isdir(d):
        shutil.rmtree(d)
    os.makedirs(d)
    return d


def wgzip(path, text):
    """gzip as kubelet's compressLog writes it (gzip.NewWriter: no name, mtime 0)."""
    with open(path, "wb") as f:
        with gzip.GzipFile(filename="", mode="wb", fileobj=f, mtime=0) as g:
            g.write(text.encode("utf-8"))


def java_client(B, name, cid, role, layout, version, app, topic, fqdn, ips, group=None):
    c = Client(B, name, cid, role, layout, version=version, group=group, app=app, topic=topic)
    c.ids = (0, 1, 2)
    c.node_addr = {n: (fqdn(n), ips[n]) for n in c.ids}
    return c


# 7 -------------------------------------------------------------------------
STRIMZI_IMAGE = "quay.io/strimzi/kafka:0.27.1-kafka-2.8.1"


def strimzi_broker(B, n, ips):
    fq = f"my-cluster-kafka-{n}.my-cluster-kafka-brokers.kafka.svc"
    adv = ",".join(f"{x}://{fq}:{p}" for x, p in (("CONTROLPLANE-9090", 9090), ("REPLICATION-9091", 9091), ("PLAIN-9092", 9092), ("TLS-9093", 9093)))
    return KubeBroker(B, n, "strimzi", f"my-cluster-kafka-{n}", fq, ips[n], "my-cluster-zookeeper-client:2181", "10.96.141.23",
                      f"/var/lib/kafka/data/kafka-log{n}",
                      "CONTROLPLANE-9090://0.0.0.0:9090,REPLICATION-9091://0.0.0.0:9091,PLAIN-9092://0.0.0.0:9092,TLS-9093://0.0.0.0:9093",
                      "CONTROLPLANE-9090:SSL,REPLICATION-9091:SSL,TLS-9093:SSL,PLAIN-9092:PLAINTEXT", adv)


def strimzi_pod(B, b, node, host_ip, start, c_prev_start, t_kill, c_start, ready, restarts):
    r = B.krng
    kube_api = "kube-api-access-" + "".join(r.choice("bcdfghjklmnpqrstvwxz2456789") for _ in range(5))
    return {
        "name": b.pod, "namespace": "kafka", "service_account": "my-cluster-kafka", "node": node, "host_ip": host_ip,
        "start_time": ns(start), "phase": "Running", "ip": b.ip, "controlled_by": "StatefulSet/my-cluster-kafka",
        "labels": {"app.kubernetes.io/instance": "my-cluster", "app.kubernetes.io/managed-by": "strimzi-cluster-operator",
                   "app.kubernetes.io/name": "kafka", "app.kubernetes.io/part-of": "strimzi-my-cluster",
                   "controller-revision-hash": "my-cluster-kafka-6d4f5c8b9d", "statefulset.kubernetes.io/pod-name": b.pod,
                   "strimzi.io/cluster": "my-cluster", "strimzi.io/kind": "Kafka", "strimzi.io/name": "my-cluster-kafka"},
        "annotations": {"strimzi.io/broker-configuration-hash": hexid(r, 8), "strimzi.io/clients-ca-cert-generation": "0",
                        "strimzi.io/cluster-ca-cert-generation": "0", "strimzi.io/generation": "0",
                        "strimzi.io/inter-broker-protocol-version": "2.8", "strimzi.io/kafka-version": "2.8.1",
                        "strimzi.io/log-message-format-version": "2.8", "strimzi.io/logging-appenders-hash": hexid(r, 8),
                        "strimzi.io/storage": '{"type":"persistent-claim","size":"100Gi","deleteClaim":false}'},
        "containers": [{
            "name": "kafka", "container_id": container_id(r), "image": STRIMZI_IMAGE,
            "image_id": "quay.io/strimzi/kafka@sha256:" + hexid(r, 64), "ports": [9090, 9091, 9092, 9093, 9404],
            "command": ["/opt/kafka/kafka_run.sh"],
            "state": {"state": "running", "started": ns(sec(c_start))},
            "last_state": {"state": "terminated", "reason": "OOMKilled", "exit_code": 137,
                           "started": ns(sec(c_prev_start)), "finished": ns(sec(t_kill))},
            "ready": ready, "restart_count": restarts,
            "limits": {"cpu": "2", "memory": "4Gi"}, "requests": {"cpu": "1", "memory": "4Gi"},
            "liveness": "exec [/opt/kafka/kafka_liveness.sh] delay=15s timeout=5s period=10s #success=1 #failure=3",
            "readiness": "exec [/opt/kafka/kafka_readiness.sh] delay=15s timeout=5s period=10s #success=1 #failure=3",
            "env": [("KAFKA_METRICS_ENABLED", "true"), ("STRIMZI_KAFKA_GC_LOG_ENABLED", "false"),
                    ("KAFKA_HEAP_OPTS", "-Xms3072m -Xmx3072m"), ("STRIMZI_DYNAMIC_HEAP_FRACTION", "0.75")],
            "mounts": [("/opt/kafka/broker-certs", "broker-certs", "rw"), ("/opt/kafka/client-ca-certs", "client-ca-cert", "rw"),
                       ("/opt/kafka/cluster-ca-certs", "cluster-ca", "rw"), ("/opt/kafka/custom-config/", "kafka-metrics-and-logging", "rw"),
                       ("/tmp", "strimzi-tmp", "rw"), ("/var/lib/kafka/data", "data", "rw"), ("/var/opt/kafka", "ready-files", "rw"),
                       ("/var/run/secrets/kubernetes.io/serviceaccount", kube_api, "ro")]}],
        "conditions": [("PodReadyToStartContainers", "True"), ("Initialized", "True"), ("Ready", "True" if ready else "False"),
                       ("ContainersReady", "True" if ready else "False"), ("PodScheduled", "True")],
        "volumes": [{"name": "data", "kind": "pvc", "claim": f"data-{b.pod}"},
                    {"name": "strimzi-tmp", "kind": "emptydir", "medium": "Memory", "size": "5Mi"},
                    {"name": "cluster-ca", "kind": "secret", "secret": "my-cluster-cluster-ca-cert"},
                    {"name": "broker-certs", "kind": "secret", "secret": "my-cluster-kafka-brokers"},
                    {"name": "client-ca-cert", "kind": "secret", "secret": "my-cluster-clients-ca-cert"},
                    {"name": "kafka-metrics-and-logging", "kind": "configmap", "configmap": "my-cluster-kafka-config"},
                    {"name": "ready-files", "kind": "emptydir", "medium": "Memory", "size": "1Ki"},
                    {"name": kube_api, "kind": "projected"}],
        "qos": "Burstable",
        "tolerations": ["node.kubernetes.io/not-ready:NoExecute op=Exists for 300s",
                        "node.kubernetes.io/unreachable:NoExecute op=Exists for 300s"]}


def cronjob_noise(B, namespace, cron, container, image, node, every_min, t0, t1):
    """A CronJob's runs: the cronjob-controller, job-controller, scheduler and kubelet events."""
    r = B.krng
    cj_uid = uid(r)
    t = (t0 // (every_min * MIN) + 1) * every_min * MIN
    while t < t1:
        job = f"{cron}-{t // MIN}"
        pod = f"{job}-" + "".join(r.choice("bcdfghjklmnpqrstvwxz2456789") for _ in range(5))
        job_uid, pod_uid = uid(r), uid(r)
        t1_ = t + r.randint(30, 900) * MS
        B.event(namespace, cron, "CronJob", cj_uid, "SuccessfulCreate", f"Created job {job}", t1_, component="cronjob-controller", api_version="batch/v1")
        t2 = t1_ + r.randint(20, 90) * MS
        B.event(namespace, job, "Job", job_uid, "SuccessfulCreate", f"Created pod: {pod}", t2, component="job-controller", api_version="batch/v1")
        t3 = t2 + r.randint(5, 40) * MS
        B.event(namespace, pod, "Pod", pod_uid, "Scheduled", f"Successfully assigned {namespace}/{pod} to {node}", t3,
                component="default-scheduler", new_api=True, action="Binding", instance="default-scheduler-cp-1")
        t4 = t3 + r.randint(600, 1400) * MS
        fp = f"spec.containers{{{container}}}"
        B.event(namespace, pod, "Pod", pod_uid, "Pulled", f'Container image "{image}" already present on machine', t4, host=node, field_path=fp)
        B.event(namespace, pod, "Pod", pod_uid, "Created", f"Created container {container}", t4 + 40 * MS, host=node, field_path=fp)
        B.event(namespace, pod, "Pod", pod_uid, "Started", f"Started container {container}", t4 + 250 * MS, host=node, field_path=fp)
        t5 = t4 + r.randint(4000, 9000) * MS
        B.event(namespace, job, "Job", job_uid, "Completed", "Job completed", t5, component="job-controller", api_version="batch/v1")
        B.event(namespace, cron, "CronJob", cj_uid, "SawCompletedJob", f"Saw completed job: {job}, status: Complete", t5 + 300 * MS,
                component="cronjob-controller", api_version="batch/v1")
        old = f"{cron}-{t // MIN - 3 * every_min}"
        B.event(namespace, cron, "CronJob", cj_uid, "SuccessfulDelete", f"Deleted job {old}", t5 + 320 * MS,
                component="cronjob-controller", api_version="batch/v1")
        t += every_min * MIN


def k8s_oom_killed(out):
    B = KubeBundle("k8s-oom-killed", 707, T("2026-03-19T01:40:00"), T("2026-03-19T02:19:30"))
    B.description = ("Strimzi cluster my-cluster (ZooKeeper mode, Kafka 2.8.1) in namespace kafka. The kafka container of pod "
                     "my-cluster-kafka-1 (broker 1) hits its 4Gi memory limit at 02:13:41 and is OOMKilled (exit code 137); "
                     "the kubelet restarts it at once (restart count 1) and the broker recovers its logs (no clean shutdown "
                     "file) and is back about 24 s after the kill. The Spring Boot producer and the consumer lose node 1 "
                     "until ZooKeeper drops it from the metadata.")
    t_oom = T("2026-03-19T02:13:41.271804")
    t_now = B.t1  # when kubectl describe / get events / logs ran
    B.args = ["--now", rfc3339(t_now).replace(".000Z", "Z")]
    ips = {0: "10.244.0.31", 1: "10.244.1.23", 2: "10.244.2.17"}
    fqdn = lambda n: f"my-cluster-kafka-{n}.my-cluster-kafka-brokers.kafka.svc"  # noqa: E731
    pod_start = T("2026-03-11T09:13:58")
    c_prev_start = T("2026-03-11T09:14:09.518220")
    for n in (0, 1, 2):
        b = B.brokers[n] = strimzi_broker(B, n, ips)
        b.up_since = c_prev_start + 6 * SEC + n * 43 * SEC
        b.phase = "run"
    b1 = B.brokers[1]
    t_kill = t_oom  # the kernel kills the JVM: the previous container's log just stops
    c_start = t_oom + 1 * SEC + b1.trng.randint(200, 600) * MS  # PLEG sees the exit; the first restart has no back-off
    t = b1.script(c_start + b1.trng.randint(150, 300) * MS, kube.strimzi_tls_prepare(), step_ms=(300, 1200))
    started = b1.startup(t_oom + 7 * SEC, clean=False)  # JVM up ~1.2 s later; ZooKeeper registration after the old session expired
    # the last lines the killed JVM wrote: ordinary traffic, then nothing
    tp, p = b1.partitions[5]
    key = f"{tp}-{p}"
    off = b1.offsets[key] = b1.offsets[key] + b1.rng.randint(200_000, 900_000)
    b1.log(t_oom - 1 * SEC - b1.rng.randint(100, 900) * MS, "INFO", kb.writing_producer_snapshot(key, off), "kafka.log.ProducerStateManager")
    b1.log(t_oom - 1 * SEC + b1.rng.randint(1, 90) * MS, "INFO", kb.rolled_segment("Log", key, off, b1.rng.randint(2, 9)), "kafka.log.Log")
    for n in (0, 1, 2):
        b = B.brokers[n]
        if n == 1:
            b.noise(B.t0, B.t1, [(t_kill, started)])
        else:
            b.noise(B.t0, B.t1)
            keys = [f"{tp}-{p}" for tp, p in b.partitions[:4]]
            t_shrink = t_oom + b.rng.randint(30200, 31500) * MS  # replica.lag.time.max.ms = 30000
            b.isr_shrink(t_shrink, 1, keys)
            b.isr_expand(max(started + b.rng.randint(8000, 14000) * MS, t_shrink + 2 * SEC), 1, keys)
    # clients
    orders = java_client(B, "orders-api-7d9f8c6b5-xk2lp.log", "producer-1", "producer", "spring3", "3.8", "orders-api", "orders", fqdn, ips)
    pay = java_client(B, "payments-worker-5b6c7d8f9-q4z7m.log", "consumer-payments-1", "consumer", "logback", "3.7", "payments-worker",
                      "payments", fqdn, ips, group="payments")
    B.clients = [orders, pay]
    boot = {"bootstrap.servers": "[my-cluster-kafka-bootstrap.kafka.svc:9092]"}
    orders.startup(B.t0 + 41 * SEC + 311 * MS, boot)
    pay.startup(B.t0 + 63 * SEC + 127 * MS, boot)
    orders.app_noise(B.t0 + 50 * SEC, B.t1, 9, [("com.acme.orders.web.OrderController", lambda r: apps.post_order(r.randint(8, 90))),
                                                ("com.acme.orders.service.OrderService", lambda r: apps.order_confirmed(r.randint(100000, 999999), r.randint(1, 9), r.randint(5, 900), r.randint(0, 99)))])
    pay.app_noise(B.t0 + 70 * SEC, B.t1, 13, consumer_msgs("payments", "payments-worker"))
    t_drop = t_kill + 3 * MS  # the kernel closes the killed JVM's sockets
    for c in B.clients:
        c.restart_burst(None, t_drop, 1, started - t_drop, retry_for=18 * SEC + 600 * MS)  # until the ZooKeeper session (18 s) expires
    B.burst("oom-kill", [1], [c.cid for c in B.clients], "container_terminated", 1, sec(t_kill),
            syms=lambda t, c: t_kill - SEC <= t <= started + 60 * SEC, downtime_s=round((started - t_kill) / SEC, 1),
            pod="kafka/my-cluster-kafka-1", container="kafka", reason="OOMKilled", exit_code=137, restart_count=1,
            container_started=rfc3339(sec(c_start)), broker_started=rfc3339(started))
    # the cluster's records
    node, host_ip = "node-b", "10.0.1.12"
    pod = strimzi_pod(B, b1, node, host_ip, pod_start, c_prev_start, t_kill, c_start, True, 1)
    pod_uid = uid(B.krng)
    fp = "spec.containers{kafka}"
    ev = [B.event("kafka", b1.pod, "Pod", pod_uid, "Pulled", f'Container image "{STRIMZI_IMAGE}" already present on machine',
                  c_start - 210 * MS, host=node, field_path=fp),
          B.event("kafka", b1.pod, "Pod", pod_uid, "Created", "Created container kafka", c_start - 60 * MS, host=node, field_path=fp),
          B.event("kafka", b1.pod, "Pod", pod_uid, "Started", "Started container kafka", c_start + 90 * MS, host=node, field_path=fp)]
    probes = [c_start + 15 * SEC + k * 10 * SEC for k in range(6)]
    failing = [p for p in probes if p < started + 800 * MS]  # kafka-agent writes kafka-ready once the broker runs
    if failing:
        ev.append(B.event("kafka", b1.pod, "Pod", pod_uid, "Unhealthy", "Readiness probe failed: ", failing[0],
                          t_last=failing[-1], count=len(failing), etype="Warning", host=node, field_path=fp))
    cronjob_noise(B, "kafka", "kafka-lag-report", "lag-report", "quay.io/strimzi/kafka:0.27.1-kafka-2.8.1", "node-c", 15,
                  t_now - 58 * MIN, t_now)
    d = fresh_dir(out, B.name)
    wfile(os.path.join(d, "describe-pod.txt"), kube.describe_pod(pod, ev, ns(t_now)))
    wfile(os.path.join(d, "events.json"), B.events_json("kafka"))
    for n, b in sorted(B.brokers.items()):
        if n == 1:
            wfile(os.path.join(d, f"{b.pod}.previous.log"), kubectl_logs(b.stdout(B.t0, t_kill)))
            wfile(os.path.join(d, f"{b.pod}.log"), kubectl_logs(b.stdout(c_start, t_now)))
        else:
            wfile(os.path.join(d, f"{b.pod}.log"), kubectl_logs(b.stdout(B.t0, t_now)))
    for c in B.clients:
        wfile(os.path.join(d, c.fname), kubectl_logs(client_stdout(c, random.Random(B.seed + len(c.fname)))))
    B.write_expected(out)


# 8 -------------------------------------------------------------------------
BITNAMI_IMAGE = "docker.io/bitnami/kafka:2.8.1-debian-10-r99"


def bitnami_broker(B, n, ip):
    fq = f"kafka-{n}.kafka-headless.messaging.svc.cluster.local"
    return KubeBroker(B, n, "bitnami", f"kafka-{n}", fq, ip, "kafka-zookeeper:2181", "10.43.18.201", "/bitnami/kafka/data",
                      "INTERNAL://:9093,CLIENT://:9092", "INTERNAL:PLAINTEXT,CLIENT:PLAINTEXT",
                      f"INTERNAL://{fq}:9093,CLIENT://{fq}:9092")


# topics of the drained cluster, for the fetcher line a restarted follower logs (one line, > 16 KiB)
DRAIN_TOPICS = [("__consumer_offsets", 50), ("audit-log", 48), ("clickstream", 180), ("inventory", 12), ("orders", 12),
                ("page-views", 96), ("payments", 12), ("telemetry", 12)]


def added_fetcher(b, leader, leader_fqdn, rng):
    parts = [f"{tp}-{p}" for tp, k in DRAIN_TOPICS for p in range(k) if p % 3 == leader]
    m = ", ".join(f"{x} -> InitialFetchState(BrokerEndPoint(id={leader}, host={leader_fqdn}:9092),{rng.randint(3, 40)},{rng.randint(10_000, 90_000_000)})"
                  for x in parts)
    return kb.replica_fetcher_manager(b.n, f"Added fetcher to broker {leader} for partitions Map({m})")


def k8s_node_drain(out):
    B = KubeBundle("k8s-node-drain", 808, T("2026-08-18T08:40:00"), T("2026-08-18T09:35:00"))
    B.description = ("Bitnami Kafka 2.8.1 StatefulSet kafka (ZooKeeper mode) in namespace messaging, one pod per node. At 09:14 an "
                     "operator runs kubectl drain node-b: the eviction deletes pod kafka-2 (broker 2) with its 30 s grace period, "
                     "the kubelet stops the container (Killing), the broker shuts down cleanly (controlled shutdown), the "
                     "StatefulSet recreates kafka-2 on node-a, its volume waits for the detach from node-b (Multi-Attach), and "
                     "the broker is back about a minute after it stopped. The clients see a short burst toward node 2. Logs are "
                     "the nodes' CRI files (node-b's copy taken before the kubelet removed the deleted pod's directory).")
    t_now = B.t1
    ips = {0: "10.42.0.15", 1: "10.42.2.9", 2: "10.42.1.21"}
    new_ip = "10.42.0.27"
    fqdn = lambda n: f"kafka-{n}.kafka-headless.messaging.svc.cluster.local"  # noqa: E731
    nodes = {0: "node-a", 1: "node-c", 2: "node-b"}
    for n in (0, 1, 2):
        b = B.brokers[n] = bitnami_broker(B, n, ips[n])
        b.up_since = T("2026-08-11T16:02:31.180227") + n * 52 * SEC
        b.phase = "run"
        b.roll_every = (40, 200)
    b2 = B.brokers[2]
    t_drain = T("2026-08-18T09:14:05.402117")
    ev = b2.shutdown_clean(t_drain)  # ev["stopping"]: the kubelet asks the runtime to stop the container (SIGTERM)
    t_killing = ev["stopping"] - b2.trng.randint(5, 30) * MS
    t_exit = ev["completed"] + b2.trng.randint(150, 400) * MS
    t_deleted = t_exit + b2.trng.randint(500, 1100) * MS
    t_created = t_deleted + b2.trng.randint(30, 90) * MS
    t_sched = t_created + b2.trng.randint(8, 40) * MS
    t_multi = t_sched + b2.trng.randint(150, 400) * MS
    t_attached = t_sched + b2.trng.randint(34000, 42000) * MS
    c_start = t_attached + b2.trng.randint(2500, 4000) * MS  # mount, then the container starts
    b2.ip = new_ip
    t = c_start + b2.trng.randint(60, 200) * MS
    for x in kube.BITNAMI_BANNER:
        b2.extra.append((t, kube.bitnami_line(ns(t), None, x).rstrip(" ") + (" " if not x else "")))
        t += b2.trng.randint(0, 6) * MS
    for lvl, x in kube.BITNAMI_SETUP:
        b2.extra.append((t, kube.bitnami_line(ns(t), lvl, x)))
        t += b2.trng.randint(10, 260) * MS
    b2.extra.append((t, ""))
    t += b2.trng.randint(10, 30) * MS
    b2.extra.append((t, kube.bitnami_line(ns(t), "INFO", "** Starting Kafka **")))
    started = b2.startup(t, clean=True)
    for lead in (0, 1):
        b2.log(started + b2.trng.randint(150, 260) * MS + lead * 3 * MS, "INFO", added_fetcher(b2, lead, fqdn(lead), b2.trng),
               "kafka.server.ReplicaFetcherManager")
    for n in (0, 1, 2):
        b = B.brokers[n]
        b.noise(B.t0, B.t1, [(ev["shutting_down"], started)] if n == 2 else [])
        if n != 2:
            keys = [f"{tp}-{p}" for tp, p in b.partitions[:3]]
            b.isr_expand(started + b.rng.randint(3000, 7000) * MS, 2, keys)
    # clients on node-c, namespace shop
    chk = java_client(B, "checkout-api", "checkout-producer", "producer", "log4j", "3.7", "checkout-api", "orders", fqdn, ips)
    ful = java_client(B, "fulfillment-worker", "consumer-fulfillment-1", "consumer", "logback", "3.8", "fulfillment-worker",
                      "orders", fqdn, ips, group="fulfillment")
    B.clients = [chk, ful]
    boot = {"bootstrap.servers": "[kafka.messaging.svc.cluster.local:9092]"}
    chk.startup(B.t0 + 27 * SEC + 915 * MS, boot)
    ful.startup(B.t0 + 33 * SEC + 402 * MS, boot)
    chk.app_noise(B.t0 + 30 * SEC, B.t1, 16, [("com.acme.checkout.CheckoutService", lambda r: f"Checkout {r.randint(100000, 999999)} completed in {r.randint(40, 400)} ms")])
    ful.app_noise(B.t0 + 40 * SEC, B.t1, 24, consumer_msgs("orders", "fulfillment-worker"))
    down = started - ev["sockets_closed"]
    for c in B.clients:
        c.restart_burst(ev["leaders_moved"], ev["sockets_closed"], 2, down)
    # The cause is the kubelet's Killing event (whole seconds): it comes before
    # the broker's own "shutting down" line, and the correlator takes the first
    # record of a merged downtime.
    B.burst("broker-restart", [2], [c.cid for c in B.clients], "pod_killed", 2, sec(t_killing),
            syms=lambda t, c: t_drain - MIN <= t <= started + MIN, downtime_s=round((started - sec(t_killing)) / SEC, 1),
            pod="messaging/kafka-2", node="node-b", new_node="node-a",
            why="eviction (kubectl drain node-b)",
            broker_started=rfc3339(started))
    # the cluster's records (namespace messaging)
    r = B.krng
    uids = {n: uid(r) for n in (0, 1, 2)}
    new_uid = uid(r)
    pv = "pvc-" + uid(r)
    fp = "spec.containers{kafka}"
    B.event("messaging", "kafka-2", "Pod", uids[2], "Killing", "Stopping container kafka", t_killing, host="node-b", field_path=fp)
    B.event("messaging", "kafka", "StatefulSet", uid(r), "SuccessfulCreate", "create Pod kafka-2 in StatefulSet kafka successful",
            t_created, component="statefulset-controller", api_version="apps/v1")
    B.event("messaging", "kafka-2", "Pod", new_uid, "Scheduled", "Successfully assigned messaging/kafka-2 to node-a", t_sched,
            component="default-scheduler", new_api=True, action="Binding", instance="default-scheduler-cp-1")
    B.event("messaging", "kafka-2", "Pod", new_uid, "FailedAttachVolume",
            f'Multi-Attach error for volume "{pv}" Volume is already exclusively attached to one node and can\'t be attached to another',
            t_multi, etype="Warning", component="attachdetach-controller")
    B.event("messaging", "kafka-2", "Pod", new_uid, "SuccessfulAttachVolume", f'AttachVolume.Attach succeeded for volume "{pv}" ',
            t_attached, component="attachdetach-controller")
    B.event("messaging", "kafka-2", "Pod", new_uid, "Pulled", f'Container image "{BITNAMI_IMAGE}" already present on machine',
            c_start - 180 * MS, host="node-a", field_path=fp)
    B.event("messaging", "kafka-2", "Pod", new_uid, "Created", "Created container kafka", c_start - 50 * MS, host="node-a", field_path=fp)
    B.event("messaging", "kafka-2", "Pod", new_uid, "Started", "Started container kafka", c_start + 70 * MS, host="node-a", field_path=fp)
    probes = [c_start + 5 * SEC + k * 10 * SEC for k in range(6)]
    failing = [p for p in probes if p < started - 300 * MS]
    if failing:
        B.event("messaging", "kafka-2", "Pod", new_uid, "Unhealthy",
                f"Readiness probe failed: dial tcp {new_ip}:9092: connect: connection refused", failing[0], t_last=failing[-1],
                count=len(failing), etype="Warning", host="node-a", field_path=fp)
    cronjob_noise(B, "messaging", "topic-retention-audit", "audit", BITNAMI_IMAGE, "node-c", 30, t_now - 55 * MIN, t_now)
    # files: each node's /var/log/pods, the events
    d = fresh_dir(out, B.name)
    wfile(os.path.join(d, "events.json"), B.events_json("messaging"))

    def pod_dir(node, namespace, pod, puid, container):
        p = os.path.join(d, node, "var", "log", "pods", f"{namespace}_{pod}_{puid}", container)
        os.makedirs(p, exist_ok=True)
        return p

    crng = random.Random(B.seed * 13)
    for n in (0, 1):
        b = B.brokers[n]
        wfile(os.path.join(pod_dir(nodes[n], "messaging", b.pod, uids[n], "kafka"), "0.log"), cri_file(b.stdout(B.t0, t_now), crng))
    old = b2.stdout(B.t0, t_exit)
    rot = [ns(T("2026-08-18T08:44:37.204411")), ns(T("2026-08-18T09:02:11.617035"))]
    older, newer, cur = split_at(old, *rot)
    pd = pod_dir("node-b", "messaging", "kafka-2", uids[2], "kafka")
    wgzip(os.path.join(pd, kube.rotated_name(rot[0]) + ".gz"), cri_file(older, crng))
    wfile(os.path.join(pd, kube.rotated_name(rot[1])), cri_file(newer, crng))
    wfile(os.path.join(pd, "0.log"), cri_file(cur, crng))
    wfile(os.path.join(pod_dir("node-a", "messaging", "kafka-2", new_uid, "kafka"), "0.log"), cri_file(b2.stdout(c_start, t_now), crng))
    pods = {"checkout-api": "checkout-api-6c8d9f7b4-r2x9q", "fulfillment-worker": "fulfillment-worker-84f5d6c7b9-m7t4w"}
    for c in B.clients:
        wfile(os.path.join(pod_dir("node-c", "shop", pods[c.fname], uid(r), c.fname), "0.log"),
              cri_file(client_stdout(c, random.Random(B.seed + len(c.fname))), crng))
    B.write_expected(out)


BUNDLES = [k8s_oom_killed, k8s_node_drain]
