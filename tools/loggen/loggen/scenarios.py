"""The incident sample bundles (samples/<name>/ and samples/<name>.expected.json).

Each bundle function builds one incident from the hosts of hosts.py and writes it under
`out`; each draws from its own fixed seeds, so a rerun rewrites every byte. main() is
samples/generate.py's command line.
"""

import argparse
from zoneinfo import ZoneInfo

from . import apps
from . import broker as kb
from . import javaclient as jc
from .common import HOUR, MIN, MS, SEC, UTC, T, bhost, rfc3339
from .bundle import Bundle, consumer_msgs
from .hosts import Broker, Client, GoSaramaClient, KafkajsClient, PyRdClient, RdClient
from .kubescenarios import BUNDLES as KUBE_BUNDLES  # the Kubernetes bundles (k8s-*)


RETRIES0 = {"acks": "1", "retries": "0", "enable.idempotence": "false", "max.in.flight.requests.per.connection": "5"}

APP_MSGS_ORDERS = [
    ("com.acme.orders.service.OrderService", lambda r: apps.order_confirmed(r.randint(100000, 999999), r.randint(1, 9), r.randint(5, 900), r.randint(0, 99))),
    ("com.acme.orders.events.EventPublisher", lambda r: apps.order_published(r.randint(100000, 999999))),
    ("com.acme.orders.web.RequestLog", lambda r: apps.post_order(r.randint(8, 90))),
]


def java_consumer_noise(c, t0, t1):
    """Periodic DEBUG metadata requests (NetworkClient at DEBUG) for a consumer."""
    r = c.rng
    t = t0 + r.randint(5000, 300000) * MS
    while t < t1:
        n = r.randint(1, 3)
        c.emit(t, "DEBUG", c.NC, jc.metadata_request(c.tag, c.topic, bhost(n), n))
        t += 300 * SEC + r.randint(-300, 300) * MS


# 1 -------------------------------------------------------------------------
def around_oom_kill(B, victim, t_oom, ev, quiet, every_before):
    """The three brokers around an OOM kill of `victim` (ev: its oom_kill()): the victim's GC
    log stops `quiet` before the kill and resumes at its restart; the others run on, drop it
    from their ISRs 30 s after it stopped fetching (replica.lag.time.max.ms = 30000) and take
    it back once it caught up. Draws in the order the two OOM scenarios always did."""
    for n in (1, 2, 3):
        b = B.brokers[n]
        if n == victim:
            b.gc.run(B.t0, t_oom - quiet, every=every_before, ms=(8, 40))
            b.gc.run(ev["started"], B.t1, every=(6, 15))
            b.noise(B.t0, B.t1, [(t_oom, ev["started"])])
        else:
            b.gc.run(B.t0, B.t1, every=(6, 15))
            b.noise(B.t0, B.t1)
            keys = [f"{tp}-{p}" for tp, p in b.partitions[:4]]
            t_shrink = t_oom + b.rng.randint(30200, 31500) * MS
            b.isr_shrink(t_shrink, victim, keys)
            b.isr_expand(max(ev["started"] + b.rng.randint(8000, 14000) * MS, t_shrink + 2 * SEC), victim, keys)


def rolling_restart(out):
    B = Bundle("rolling-restart", 101, T("2026-02-17T09:00:00"), T("2026-02-17T11:30:00"))
    B.description = ("Planned rolling restart of the three brokers (kafka.service restarted one at a time by an operator, "
                     "about 7 minutes apart). Each restart makes every client log a short burst of disconnects, "
                     "NetworkExceptions and refused reconnects toward the node being restarted.")
    cmds = {1: T("2026-02-17T10:05:12.204312"), 2: T("2026-02-17T10:12:40.881020"), 3: T("2026-02-17T10:19:57.330512")}
    evs = {}
    for n in (1, 2, 3):
        b = B.brokers[n] = Broker(B, n, gc_dec="time,uptime,level,tags", gc_detail=False)
        b.up_since = B.t0 - b.rng.randint(20, 40) * 86400 * SEC
        b.gc.start_jvm(B.t0 - 5 * SEC, jvm_start=b.up_since - 2 * SEC, header=False)
    for n in (1, 2, 3):
        b = B.brokers[n]
        b.ssh_session(cmds[n] - 95 * SEC, "mkoch", "10.0.1.23", 260 * SEC)
        ev = evs[n] = b.restart_clean(cmds[n], "mkoch")
        b.gc.run(B.t0, ev["completed"], every=(6, 15))
        b.gc.run(ev["started"], B.t1, every=(6, 15))
        b.noise(B.t0, B.t1, [(ev["shutting_down"], ev["started"])])
        for o in (1, 2, 3):  # followers rejoin: the leaders expand their ISR
            if o != n:
                keys = [f"{tp}-{p}" for tp, p in B.brokers[o].partitions[:3]]
                B.brokers[o].isr_expand(ev["started"] + b.rng.randint(2000, 6000) * MS, n, keys)
    orders = Client(B, "orders-service.log", "orders-producer", "producer", "log4j", version="2.8", app="orders-service", topic="orders")
    orders.retries0 = True
    billing = Client(B, "billing-consumer.log", "billing-consumer-1", "consumer", "logback", version="3.6", group="billing", app="billing", topic="billing-events")
    inv = Client(B, "inventory-api.log", "producer-1", "producer", "spring3", version="3.8", app="inventory-api", topic="inventory")
    B.clients = [orders, billing, inv]
    for c in B.clients:
        c.startup(B.t0 + c.rng.randint(60000, 400000) * MS, RETRIES0 if c.retries0 else None)
    orders.app_noise(B.t0, B.t1, 12, APP_MSGS_ORDERS)
    billing.app_noise(B.t0, B.t1, 15, consumer_msgs("billing-events", "billing"))
    java_consumer_noise(billing, B.t0, B.t1)
    inv.app_noise(B.t0, B.t1, 20, [("com.acme.inventory.web.StockController", lambda r: f"Reserved {r.randint(1, 5)} unit(s) of SKU-{r.randint(10000, 99999)}"),
                                   ("com.acme.inventory.sync.StockSync", lambda r: apps.stock_snapshot(r.randint(1000, 9000)))])
    for n in (1, 2, 3):
        ev = evs[n]
        down = ev["started"] - ev["sockets_closed"]
        for c in B.clients:
            c.restart_burst(ev["leaders_moved"], ev["sockets_closed"], n, down)
        lo, hi = ev["stopping"] - 1 * SEC, ev["started"] + 30 * SEC
        B.burst("broker-restart", [n], [c.cid for c in B.clients], "broker_stop", n, ev["stopping"],
                syms=lambda t, c, lo=lo, hi=hi: lo <= t <= hi, downtime_s=round((ev["started"] - ev["shutting_down"]) / SEC, 1))
    B.finish(out, "short-iso")


# 2 -------------------------------------------------------------------------
def oom_kill(out):
    B = Bundle("oom-kill", 202, T("2026-03-05T02:30:00"), T("2026-03-05T05:00:00"))
    B.description = ("The kernel OOM killer kills the broker JVM (pid 4242) on broker-2 at 03:47; systemd restarts kafka.service "
                     "10 s later and the broker recovers its logs (no clean shutdown file). The librdkafka producer and the Java "
                     "consumer lose node 2 until it is back.")
    t_oom = T("2026-03-05T03:47:12.618204")
    for n in (1, 2, 3):
        b = B.brokers[n] = Broker(B, n, gc_dec="time,tags", gc_detail=False)
        b.mirror = 0.08
        b.up_since = B.t0 - 9 * 86400 * SEC - b.rng.randint(0000, 9000000) * MS
        b.gc.start_jvm(B.t0 - 3 * SEC, jvm_start=b.up_since, header=False)
        b.inv = b.journal._hex(32)
    b2 = B.brokers[2]
    b2.pid = 4242
    ev = b2.oom_kill(t_oom)
    around_oom_kill(B, 2, t_oom, ev, quiet=2 * SEC, every_before=(5, 12))
    tel = RdClient(B, "telemetry-ingest.log", "telemetry-ingest")
    for n in (1, 2, 3):
        tel.connect(B.t0 - 2 * HOUR + n * MS, n)
    tel.log.recs.clear()
    tel.metadata_noise(B.t0, B.t1)
    pay = Client(B, "payments-service.log", "payments-consumer-0", "consumer", "logstash", version="3.8", group="payments", app="payments-service", topic="payments")
    pay.startup(B.t0 + 200 * SEC)
    pay.app_noise(B.t0, B.t1, 14, consumer_msgs("payments", "payments-service"))
    B.clients = [tel, pay]
    t_drop = ev["killed"] + 3 * MS  # the kernel closes the sockets of the killed process
    tel.disconnect_burst(t_drop + tel.rng.randint(1, 20) * MS, 2, ev["started"] + 200 * MS)
    pay.restart_burst(None, t_drop, 2, ev["started"] - t_drop, retry_for=18 * SEC + 600 * MS)
    # librdkafka times out the messages of the partitions it could not deliver to? no: 120 s queue, broker back in time
    B.burst("oom-kill", [2], ["telemetry-ingest", "payments-consumer-0"], "oom_kill", 2, ev["killed"],
            syms=lambda t, c: t_oom - SEC <= t <= ev["started"] + 60 * SEC, downtime_s=round((ev["started"] - ev["killed"]) / SEC, 1))
    B.finish(out, "json")


# 3 -------------------------------------------------------------------------
def long_gc_pause(out):
    B = Bundle("long-gc-pause", 303, T("2026-04-22T13:50:00"), T("2026-04-22T15:05:00"))
    B.description = ("broker-3's JVM stops the world for 38 s in a G1 Full GC (evacuation failure, heap nearly full) at 14:31. "
                     "Clients' requests to node 3 hit request.timeout.ms (30 s): 'Disconnecting from node 3 due to request timeout', "
                     "cancelled in-flight requests and NETWORK_EXCEPTION retries. The other brokers drop 3 from their ISRs and its "
                     "ZooKeeper session expires. Nothing restarts.")
    t_full = T("2026-04-22T14:31:07.402118")
    full_ms = 38123.456
    for n in (1, 2, 3):
        b = B.brokers[n] = Broker(B, n, gc_dec="time,uptime,level,tags", gc_detail=True)
        b.up_since = B.t0 - 4 * 86400 * SEC - b.rng.randint(0000, 9000000) * MS
        b.gc.start_jvm(B.t0 - 2 * SEC, jvm_start=b.up_since, header=False)
        b.gc.gcid = b.rng.randint(8000, 12000)
    b3 = B.brokers[3]
    b3.gc.heap = 8192
    t_end_full = t_full + int(full_ms * 1000)
    # before: young pauses grow as the old gen fills; then evacuation failure
    def b3_heap(t):  # the old generation fills up over the hour before the Full GC
        f = max(0.0, min(1.0, (t - B.t0) / (t_full - B.t0)))
        after = int(1900 + f ** 2 * 5000) + b3.rng.randint(-40, 40)
        return after + b3.rng.randint(1900, 2200) if f < 0.8 else after + b3.rng.randint(300, 700), after
    b3.gc.run(B.t0, t_full - 40 * SEC, every=(20, 50), ms=(12, 45), heap=b3_heap)
    t = t_full - 31 * SEC
    for k in range(3):
        t = b3.gc.young(t, [61.2, 88.4, 141.9][k], before=[7410, 7620, 7790][k], after=[7050, 7330, 7610][k]) + 9 * SEC
    n_ = b3.gc.gcid
    b3.gc.line(t_full - 420 * MS, "gc", f"GC({n_}) To-space exhausted")
    b3.gc.young(t_full - 1730 * MS, 1310.552, before=7960, after=8104)
    b3.gc.full(t_full, full_ms, 8104, 7100)
    b3.gc.run(t_end_full + 5 * SEC, B.t1, every=(20, 50), ms=(10, 35))
    for n in (1, 2):
        B.brokers[n].gc.run(B.t0, B.t1, every=(20, 50), ms=(6, 30))
    for n in (1, 2, 3):
        B.brokers[n].noise(B.t0, B.t1, [(t_full, t_end_full)] if n == 3 else [])
    # the other leaders shrink their ISRs 30 s (replica.lag.time.max.ms) into the pause
    for n in (1, 2):
        b = B.brokers[n]
        keys = [f"{tp}-{p}" for tp, p in b.partitions[:5]]
        b.isr_shrink(t_full + 30 * SEC + b.rng.randint(200, 2900) * MS, 3, keys)
        b.isr_expand(t_end_full + b.rng.randint(3000, 9000) * MS, 3, keys)
    b3.log(t_end_full + 41 * MS, "WARN", f"Client session timed out, have not heard from server in {int(full_ms) + 412}ms for session id 0x30019e3b4c70007", "org.apache.zookeeper.ClientCnxn", True)
    b3.log(t_end_full + 302 * MS, "INFO", "Unable to reconnect to ZooKeeper service, session 0x30019e3b4c70007 has expired", "org.apache.zookeeper.ClientCnxn", True)
    b3.log(t_end_full + 305 * MS, "INFO", "[ZooKeeperClient Kafka server] Session expired.", "kafka.zookeeper.ZooKeeperClient", True)
    b3.log(t_end_full + 1620 * MS, "INFO", "Creating /brokers/ids/3 (is it secure? false)", "kafka.zk.KafkaZkClient", True)
    b3.log(t_end_full + 1671 * MS, "INFO", kb.registered_broker(3, b3.adv, 8590112231), "kafka.zk.KafkaZkClient", True)
    b3.journal.kernel(t_full + 21 * SEC + 17 * MS, "TCP: request_sock_TCP: Possible SYN flooding on port 10.0.4.13:9092. Sending cookies.  Check SNMP counters.", 4)
    orders = Client(B, "orders-service.log", "orders-producer", "producer", "log4j", version="2.8", app="orders-service", topic="orders")
    orders.retries0 = True
    audit = Client(B, "audit-writer.log", "audit-writer-producer", "producer", "logback", version="3.6", app="audit-writer", topic="payments", compose="audit-writer-1")
    search = Client(B, "search-indexer.log", "consumer-search-indexer-1", "consumer", "spring3", version="3.8", group="search-indexer", app="search-indexer", topic="inventory")
    B.clients = [orders, audit, search]
    for c in B.clients:
        c.startup(B.t0 + c.rng.randint(30000, 200000) * MS, RETRIES0 if c.retries0 else None)
    orders.app_noise(B.t0, B.t1, 10, APP_MSGS_ORDERS)
    audit.app_noise(B.t0, B.t1, 9, [("com.acme.audit.AuditSink", lambda r: f"Flushed {r.randint(10, 400)} audit events (lag {r.randint(0, 90)} ms)")])
    search.app_noise(B.t0, B.t1, 12, consumer_msgs("inventory", "search-indexer"))
    for c in B.clients:
        c.timeout_burst(t_full - c.rng.randint(0, 400) * MS, 3, c.rng.randint(2, 5))
    B.burst("gc-pause", [3], [c.cid for c in B.clients], "gc_pause", 3, t_full,
            syms=lambda t, c: t_full <= t <= t_end_full + 10 * SEC, pause_ms=full_ms, pause_end=rfc3339(t_end_full))
    B.finish(out, "short-precise", rotate=(1, 2, 3))


# 4 -------------------------------------------------------------------------
def idle_close(out):
    B = Bundle("idle-close", 404, T("2026-05-12T06:00:00"), T("2026-05-12T14:00:00"))
    B.description = ("A report scheduler produces a few records at irregular times. Whenever it sends after more than 10 minutes "
                     "of silence, its first send finds the idle connection closed: one lone 'Node 1 disconnected.' with a "
                     "NETWORK_EXCEPTION that the idempotent producer retries successfully. Brokers are healthy throughout.")
    for n in (1, 2, 3):
        b = B.brokers[n] = Broker(B, n, gc_dec="time,uptime,level,tags", gc_detail=False)
        b.up_since = B.t0 - 12 * 86400 * SEC - b.rng.randint(0000, 9000000) * MS
        b.gc.start_jvm(B.t0 - 2 * SEC, jvm_start=b.up_since, header=False)
        b.gc.gcid = b.rng.randint(80000, 120000)
        b.roll_every = (90, 420)
        b.mirror = 0.2
        b.gc.run(B.t0, B.t1, every=(20, 60), ms=(5, 30))
        b.noise(B.t0, B.t1)
    c = Client(B, "report-scheduler.log", "report-scheduler", "producer", "logback", version="3.7", app="report-scheduler", topic="reports")
    c.app_thread = "scheduling-1"
    B.clients = [c]
    t = B.t0 + 4 * MIN + 12 * SEC
    c.startup(t)
    r = c.rng
    # send times: gaps of 2-8 min (quiet) and some > 10 min (idle close)
    gaps = [3, 5, 14, 2, 4, 6, 23, 3, 2, 7, 5, 41, 4, 3, 6, 2, 12, 5, 8, 3, 4, 31, 6, 2, 5, 3, 7, 4, 3, 19, 5, 2, 6, 4, 3, 5]
    t_send = t + 40 * SEC
    lone = []
    prev = None
    for g in gaps + gaps[:20]:
        t_send += g * MIN + r.randint(-50000, 50000) * MS
        if t_send > B.t1 - 5 * MIN:
            break
        rid = r.randint(10000, 99999)
        c.emit(t_send, "INFO", "com.acme.reports.ReportJob", f"Report run {rid} finished, publishing {r.randint(1, 4)} record(s) to reports", thread="scheduling-1")
        if prev is not None and t_send - prev >= 10 * MIN:
            tt = t_send + r.randint(3, 12) * MS
            c.node_disconnected(tt, 1)
            c.corr += 2
            c.produce_errors(tt + 1 * MS, 1, 1)
            lone.append(tt)
            c.emit(tt + r.randint(140, 260) * MS, "INFO", "com.acme.reports.ReportPublisher", f"Report {rid} delivered (offset {r.randint(40000, 90000)})", thread="kafka-producer-network-thread | report-scheduler")
        else:
            c.emit(t_send + r.randint(5, 40) * MS, "INFO", "com.acme.reports.ReportPublisher", f"Report {rid} delivered (offset {r.randint(40000, 90000)})", thread="kafka-producer-network-thread | report-scheduler")
        prev = t_send
    for tt in lone:
        B.burst("idle-close", [1], ["report-scheduler"], None, None, None, syms=lambda t, c, tt=tt: tt - SEC <= t <= tt + SEC,
                silence_before_s=None)
    # fill silence_before_s
    sends = sorted(t for t, _, txt in c.log.recs if "finished, publishing" in txt)
    for bu, tt in zip(B.bursts, lone):
        before = [s for s in sends if s < tt - 1 * SEC]
        bu["silence_before_s"] = round((tt - before[-1]) / SEC) if before else None
    B.finish(out, "export")


# 5 -------------------------------------------------------------------------
def listener_misconfig(out):
    B = Bundle("listener-misconfig", 505, T("2026-06-03T07:55:00"), T("2026-06-03T09:25:00"))
    B.description = ("broker-2 advertises PLAINTEXT://kafka-2.internal.corp:9092, a name that resolves to 172.20.0.5, an address "
                     "the clients cannot reach. Clients bootstrap fine through broker-1 and broker-3, then fail to connect to node 2 "
                     "over and over for the whole hour while every broker is healthy in its own logs.")
    for n in (1, 2, 3):
        b = B.brokers[n] = Broker(B, n, gc_dec="time,uptime,level,tags", gc_detail=False)
        if n == 2:
            b.adv = "PLAINTEXT://kafka-2.internal.corp:9092"
        b.startup(B.t0 + 20 * SEC + (n - 1) * 2 * SEC + b.rng.randint(0, 900) * MS, clean=True)
        b.gc.run(b.up_since, B.t1, every=(10, 25), ms=(5, 35))
        b.noise(B.t0, B.t1, [(B.t0, b.up_since)])
    edge = Client(B, "edge-gateway.log", "producer-1", "producer", "spring3", version="3.8", app="edge-gateway", topic="edge-events")
    ship = Client(B, "shipping-worker.log", "shipping-worker-producer", "producer", "logstash", version="3.7", app="shipping-worker", topic="shipments")
    B.clients = [edge, ship]
    for c in B.clients:
        c.node_addr[2] = ("kafka-2.internal.corp", "172.20.0.5")
    t_start = T("2026-06-03T08:10:03.117000")
    t_stop = T("2026-06-03T09:10:40.500000")
    edge.startup(t_start - 4 * SEC, {"reconnect.backoff.max.ms": "10000"})
    ship.startup(t_start - 2 * SEC + 311 * MS, {"reconnect.backoff.max.ms": "10000"})
    edge.app_noise(t_start - 4 * SEC, t_stop, 15, [("com.acme.edge.ingest.EventController", lambda r: f"Accepted {r.randint(1, 40)} event(s) from device gw-{r.randint(100, 999)}")])
    ship.app_noise(t_start, t_stop, 20, [("com.acme.shipping.LabelService", lambda r: f"Label printed for shipment SHP-{r.randint(1000000, 9999999)}")])
    for c in B.clients:
        r = c.rng
        c.emit(t_start + r.randint(100, 900) * MS, "INFO", "org.apache.kafka.clients.Metadata", f"{c.tag} Cluster ID: {B.cluster_id}")
        t = t_start + r.randint(1000, 3000) * MS
        k = 0
        while t < t_stop:
            k += 1
            if k % 9 == 0:
                c.emit(t, "INFO", c.NC, f"{c.tag} Disconnecting from node 2 due to socket connection setup timeout. The timeout value is {r.randint(9000, 11000)} ms.", symptom=True)
            else:
                c.connect_failed(t, 2)
            if k % 23 == 0:
                tp = f"{c.topic}-{r.choice([1, 4, 7, 10])}"
                c.emit(t + r.randint(1, 300) * MS, "ERROR", "org.apache.kafka.clients.producer.internals.ErrorLoggingCallback" if c.layout == "logstash" else "org.springframework.kafka.support.LoggingProducerListener",
                       f"Error when sending message to topic {c.topic} with key: null, value: {r.randint(200, 900)} bytes with error:" if c.layout == "logstash" else
                       f"Exception thrown when sending a message with key='null' and payload='{{\"id\":{r.randint(1000, 9999)}}}' to topic {c.topic}:",
                       cont=f"org.apache.kafka.common.errors.TimeoutException: Expiring {r.randint(1, 30)} record(s) for {tp}:120000 ms has passed since batch creation", symptom=True,
                       thread=f"kafka-producer-network-thread | {c.cid}")
            t += int(r.uniform(3.0, 12.0) * SEC)
    B.burst("listener-misconfig", [2], [c.cid for c in B.clients], None, None, None, syms=lambda t, c: True,
            advertised="PLAINTEXT://kafka-2.internal.corp:9092", unreachable="172.20.0.5:9092")
    B.finish(out, "short")


# 6 -------------------------------------------------------------------------
def restart_with_distractors(out):
    B = Bundle("restart-with-distractors", 606, T("2026-07-09T09:30:00"), T("2026-07-09T14:30:00"))
    B.args = ["--tz", "broker-2=Europe/Berlin"]
    B.description = ("broker-2 is restarted cleanly at 13:42 UTC (its server.log and gc.log are in Europe/Berlin local time, "
                     "server.log without an offset). Brokers 1 and 3 show ordinary short GC pauses (5-80 ms) around the same "
                     "minute, and broker-3 was restarted three hours earlier, before the clients were running. The only true "
                     "cause of the clients' burst toward node 2 is the broker-2 restart.")
    berlin = ZoneInfo("Europe/Berlin")
    t_b3 = T("2026-07-09T10:31:44.120551")
    t_b2 = T("2026-07-09T13:42:10.707301")
    for n in (1, 2, 3):
        b = B.brokers[n] = Broker(B, n, tz=berlin if n == 2 else UTC, gc_dec="time,uptime,level,tags", gc_detail=False)
        b.up_since = B.t0 - 6 * 86400 * SEC - b.rng.randint(0000, 9000000) * MS
        b.gc.start_jvm(B.t0 - 2 * SEC, jvm_start=b.up_since, header=False)
        b.gc.gcid = b.rng.randint(30000, 60000)
        b.roll_every = (60, 300)
    b2, b3 = B.brokers[2], B.brokers[3]
    ev3 = b3.restart_clean(t_b3, "oncall")
    b3.gc.run(B.t0, ev3["completed"], every=(8, 20))
    b3.gc.run(ev3["started"], t_b2 - 5 * MIN, every=(8, 20))
    ev2 = b2.restart_clean(t_b2, "oncall")
    b2.gc.run(B.t0, ev2["completed"], every=(8, 20))
    b2.gc.run(ev2["started"], B.t1, every=(8, 20))
    b1 = B.brokers[1]
    b1.gc.run(B.t0, t_b2 - 5 * MIN, every=(8, 20))
    # distractors: a run of longer (but harmless) young pauses on 1 and 3 around T
    for b in (b1, b3):
        t = t_b2 - 5 * MIN + b.rng.randint(0000, 3000) * MS
        while t < t_b2 + 5 * MIN:
            ms = b.rng.uniform(45, 80) if abs(t - t_b2) < 40 * SEC else b.rng.uniform(5, 40)
            b.gc.young(t, round(ms, 3))
            t += int(b.rng.uniform(2, 6) * SEC)
        b.gc.run(t, B.t1, every=(8, 20))
    b1.noise(B.t0, B.t1)
    b2.noise(B.t0, B.t1, [(ev2["shutting_down"], ev2["started"])])
    b3.noise(B.t0, B.t1, [(ev3["shutting_down"], ev3["started"])])
    for o in (1, 3):
        keys = [f"{tp}-{p}" for tp, p in B.brokers[o].partitions[:3]]
        B.brokers[o].isr_expand(ev2["started"] + 4 * SEC, 2, keys)
    for o in (1, 2):
        keys = [f"{tp}-{p}" for tp, p in B.brokers[o].partitions[:3]]
        B.brokers[o].isr_expand(ev3["started"] + 5 * SEC, 3, keys)
    t_clients = T("2026-07-09T11:40:00")
    chk = Client(B, "checkout-service.log", "checkout-producer", "producer", "log4j", version="3.7", app="checkout-service", topic="orders")
    shp = Client(B, "shipping-worker.log", "shipping-consumer-2", "consumer", "logstash", version="3.8", group="shipping", app="shipping-worker", topic="shipments")
    fr = RdClient(B, "fraud-scorer.log", "fraud-scorer")
    fr.topic = "payments"
    B.clients = [chk, shp, fr]
    chk.startup(t_clients + 17 * SEC)
    shp.startup(t_clients + 41 * SEC)
    for n in (1, 2, 3):
        fr.connect(t_clients + 3 * SEC + n * MS, n)
    fr.metadata_noise(t_clients, B.t1)
    chk.app_noise(t_clients, B.t1, 11, [("com.acme.checkout.CheckoutService", lambda r: f"Checkout {r.randint(100000, 999999)} completed in {r.randint(40, 400)} ms")])
    shp.app_noise(t_clients, B.t1, 16, consumer_msgs("shipments", "shipping-worker"))
    down = ev2["started"] - ev2["sockets_closed"]
    chk.restart_burst(ev2["leaders_moved"], ev2["sockets_closed"], 2, down)
    shp.restart_burst(None, ev2["sockets_closed"], 2, down)
    fr.disconnect_burst(ev2["sockets_closed"] + 12 * MS, 2, ev2["started"] + 150 * MS)
    B.burst("broker-restart", [2], ["checkout-producer", "shipping-consumer-2", "fraud-scorer"], "broker_stop", 2, ev2["stopping"],
            syms=lambda t, c: t_b2 - MIN <= t <= ev2["started"] + MIN, downtime_s=round((ev2["started"] - ev2["shutting_down"]) / SEC, 1))
    B.finish(out, "short-iso-precise", rotate=(2,))


# 7 -------------------------------------------------------------------------
def oom_kill_polyglot(out):
    B = Bundle("oom-kill-polyglot", 707, T("2026-09-14T03:00:00"), T("2026-09-14T05:30:00"))
    B.description = ("The kernel OOM killer kills the broker JVM on broker-3 at 04:12:31; systemd restarts kafka.service 10 s "
                     "later and the broker recovers its logs. No Java client: a Go service with a sarama async producer sees EOF, "
                     "then refused connections to broker 3 until the controller moves its partitions' leadership (its ZooKeeper "
                     "session expires 18 s after the kill) and its retries run out meanwhile (ProducerErrors); a Python service "
                     "with confluent-kafka-python logs librdkafka's disconnect and refused reconnect through Python logging and "
                     "its error_cb's KafkaErrors; a Node.js service's kafkajs producer "
                     "logs its failed sends and refused connects until its retries run out.")
    t_oom = T("2026-09-14T04:12:31.418207")
    for n in (1, 2, 3):
        b = B.brokers[n] = Broker(B, n, gc_dec="time,uptime,level,tags", gc_detail=False)
        b.mirror = 0.15
        b.up_since = B.t0 - 16 * 86400 * SEC - b.rng.randint(0000, 9000000) * MS
        b.gc.start_jvm(B.t0 - 2 * SEC, jvm_start=b.up_since, header=False)
        b.gc.gcid = b.rng.randint(20000, 40000)
    b3 = B.brokers[3]
    ev = b3.oom_kill(t_oom)
    t_elect = ev["killed"] + 18 * SEC + b3.rng.randint(150, 600) * MS  # zookeeper.session.timeout.ms = 18000
    around_oom_kill(B, 3, t_oom, ev, quiet=3 * SEC, every_before=(6, 15))
    led = GoSaramaClient(B, "ledger-writer.log", "ledger-writer", "ledger")
    t = led.startup(B.t0 + 3 * MIN + led.rng.randint(0, 60000) * MS,
                    "ledger-writer 1.8.0 starting (sarama v1.43.2, client.id=ledger-writer, "
                    f"brokers=[{' '.join(f'broker-{n}.kafka.internal:9092' for n in (1, 2, 3))}], topic=ledger)")
    led.metadata_noise(t, B.t1)
    led.app_noise(t, B.t1, 25, lambda r: apps.ledger_flushed(r.randint(40, 600), "ledger", r.randint(3, 60)))
    prc = PyRdClient(B, "pricing-feed.log", "pricing-feed")
    prc.topic = "prices"
    t_py = B.t0 + 7 * MIN + prc.rng.randint(0, 60000) * MS
    prc.pylog(t_py, "INFO", "pricing-feed 2.4.1 starting: confluent-kafka 2.5.0, librdkafka 2.5.0, "
                            f"bootstrap.servers={','.join(f'broker-{n}.kafka.internal:9092' for n in (1, 2, 3))}, "
                            "client.id=pricing-feed")
    for n in (1, 2, 3):
        prc.conn_since[n] = t_py + prc.rng.randint(20, 400) * MS
    prc.app_noise(t_py, B.t1, 30, lambda r: apps.prices_published(r.randint(50, 900), "prices", r.randint(2, 40)))
    ntf = KafkajsClient(B, "notify-gateway.log", "notify-gateway", "notifications")
    ntf.emit(B.t0 + 11 * MIN + ntf.rng.randint(0, 60000) * MS, "INFO", "", "notify-gateway 3.2.0 starting (kafkajs 2.2.4, "
             "clientId notify-gateway)")
    ntf.app_noise(B.t0 + 12 * MIN, B.t1, 40, lambda r: apps.notifications_sent(r.randint(1, 80), "notifications"))
    B.clients = [led, prc, ntf]
    t_drop = ev["killed"] + 3 * MS  # the kernel closes the sockets of the killed process
    led.killed_broker(t_drop, 3, t_elect, 1)
    prc.disconnect_burst(t_drop + prc.rng.randint(1, 20) * MS, 3, ev["started"] + 300 * MS)
    t = ntf.send_while_down(t_drop + ntf.rng.randint(2, 30) * MS, 3, t_elect, closed=True)
    ntf.send_while_down(t + ntf.rng.randint(1500, 2500) * MS, 3, t_elect)
    B.burst("oom-kill", [3], ["ledger-writer", "pricing-feed", "notify-gateway"], "oom_kill", 3, ev["killed"],
            syms=lambda t, c: t_oom - SEC <= t <= ev["started"] + 60 * SEC, downtime_s=round((ev["started"] - ev["killed"]) / SEC, 1),
            leadership_moved=rfc3339(t_elect))
    B.finish(out, "short-iso")


# 8 -------------------------------------------------------------------------
def disk_full(out):
    B = Bundle("disk-full", 808, T("2026-10-20T13:20:00"), T("2026-10-20T15:00:00"))
    B.description = ("broker-2's only log dir (/var/lib/kafka/data) fills up at 14:02:31: LogDirFailureChannel logs "
                     "'java.io.IOException: No space left on device' for a checkpoint write and an append, the dir goes "
                     "offline and the broker halts ('Shutdown broker because all log dirs in /var/lib/kafka/data have "
                     "failed', then systemd: code=exited, status=1/FAILURE; no Restart=). The on-call engineer frees space "
                     "and starts kafka.service 2.7 minutes later; the broker recovers its logs. Clients lose node 2 at the "
                     "halt. A disk that fills and makes the broker exit is a broker fault, not a crash.")
    t_fill = T("2026-10-20T14:02:31.418207")
    for n in (1, 2, 3):
        b = B.brokers[n] = Broker(B, n, gc_dec="time,uptime,level,tags", gc_detail=False)
        b.up_since = B.t0 - b.rng.randint(10, 30) * 86400 * SEC
        b.gc.start_jvm(B.t0 - 4 * SEC, jvm_start=b.up_since - 2 * SEC, header=False)
    b2 = B.brokers[2]
    ev = b2.log_dir_full(t_fill, t_fill + 161 * SEC + b2.rng.randint(0, 900) * MS, "jpetrov")
    for n in (1, 2, 3):
        b = B.brokers[n]
        if n == 2:
            b.gc.run(B.t0, t_fill - 2 * SEC, every=(6, 15))
            b.gc.run(ev["started"], B.t1, every=(6, 15))
            b.noise(B.t0, B.t1, [(t_fill - 5 * SEC, ev["started"])])
        else:
            b.gc.run(B.t0, B.t1, every=(6, 15))
            b.noise(B.t0, B.t1)
            keys = [f"{tp}-{p}" for tp, p in b.partitions[:4]]
            t_shrink = ev["halted"] + b.rng.randint(30200, 31500) * MS  # replica.lag.time.max.ms = 30000
            b.isr_shrink(t_shrink, 2, keys)
            b.isr_expand(ev["started"] + b.rng.randint(8000, 14000) * MS, 2, keys)
    orders = Client(B, "orders-service.log", "orders-producer", "producer", "log4j", version="3.7", app="orders-service", topic="orders")
    ship = Client(B, "shipping-worker.log", "shipping-worker-0", "consumer", "logback", version="3.8", group="shipping", app="shipping-worker", topic="orders")
    B.clients = [orders, ship]
    for c in B.clients:
        c.startup(B.t0 + c.rng.randint(60000, 400000) * MS)
    orders.app_noise(B.t0, B.t1, 12, APP_MSGS_ORDERS)
    ship.app_noise(B.t0, B.t1, 15, consumer_msgs("orders", "shipping"))
    down = ev["started"] - ev["halted"]
    for c in B.clients:
        c.restart_burst(None, ev["halted"] + 2 * MS, 2, down)
    B.burst("broker-fault", [2], [c.cid for c in B.clients], "log_dir_failure", 2, ev["failed"],
            syms=lambda t, c: t_fill - SEC <= t <= ev["started"] + 60 * SEC, downtime_s=round(down / SEC, 1))
    B.finish(out, "short-iso")


# 9 -------------------------------------------------------------------------
def lb_idle_drop(out):
    B = Bundle("lb-idle-drop", 909, T("2026-11-10T07:30:00"), T("2026-11-10T08:40:00"))
    B.description = ("Two librdkafka producers reach the brokers through an Azure load balancer whose idle timeout is 4 minutes "
                     "with TCP reset on idle. Neither has anything to send, so each connection carries nothing after its setup "
                     "and the load balancer resets it 240 s later: 'Receive failed: Connection reset by peer (after 2400xxms in "
                     "state UP)' toward every broker, at the same age every time; librdkafka reconnects at once and the cycle "
                     "repeats. The brokers are healthy and log nothing; a Java consumer in the same network (not behind the load "
                     "balancer) fetches all along without an error. The cause is the network path, not a broker.")
    for n in (1, 2, 3):
        b = B.brokers[n] = Broker(B, n, gc_dec="time,uptime,level,tags", gc_detail=False)
        b.up_since = B.t0 - 21 * 86400 * SEC - b.rng.randint(0000, 9000000) * MS
        b.gc.start_jvm(B.t0 - 2 * SEC, jvm_start=b.up_since, header=False)
        b.gc.gcid = b.rng.randint(40000, 90000)
        b.gc.run(B.t0, B.t1, every=(8, 20), ms=(5, 30))
        b.noise(B.t0, B.t1)
    t_end = T("2026-11-10T08:16:00")  # the collection: an engineer copied the logs soon after
    # a C service: librdkafka's default logger on stderr (no debug, no error_cb), nothing else in the file
    mex = RdClient(B, "meter-export.log", "meter-export", debug=False)
    t_c = T("2026-11-10T07:44:57.310000") + mex.rng.randint(0, 900) * MS
    ups_c = {}
    t = t_c
    for n in (2, 1, 3):  # the leaders of its partitions, in the order the metadata listed them
        t += mex.rng.randint(20, 90) * MS
        ups_c[n] = t
    resets_c = mex.idle_resets(ups_c, t_end)
    # a Python service: confluent-kafka-python with logger= and an error_cb, and its own lines
    alm = PyRdClient(B, "alarm-forwarder.log", "alarm-forwarder")
    alm.topic = "alarms"
    t_py = T("2026-11-10T07:47:21.000000") + alm.rng.randint(0, 900) * MS
    alm.pylog(t_py, "INFO", "alarm-forwarder 1.6.2 starting: confluent-kafka 2.5.0, librdkafka 2.5.0, "
                            f"bootstrap.servers={','.join(f'broker-{n}.kafka.internal:9092' for n in (1, 2, 3))}, "
                            "client.id=alarm-forwarder")
    ups_p = {}
    t = t_py + alm.rng.randint(200, 400) * MS
    for n in (3, 1, 2):
        t += alm.rng.randint(15, 80) * MS
        ups_p[n] = t
    alm.pylog(t + 40 * MS, "INFO", "kafka producer ready, topic=alarms")
    alm.app_noise(t_py + 2 * SEC, t_end + 10 * MIN, 60, lambda r: f"gateway poll: 0 new alarm(s), {r.randint(38, 44)} site(s) connected, "
                                                               f"last heartbeat {r.randint(1, 59)} s ago")
    resets_p = alm.idle_resets(ups_p, t_end)
    dsp = Client(B, "dispatch-console.log", "dispatch-console-0", "consumer", "logback", version="3.8", group="dispatch",
                 app="dispatch-console", topic="alarms")
    dsp.startup(B.t0 + 3 * MIN + dsp.rng.randint(0, 60000) * MS)
    dsp.app_noise(B.t0 + 4 * MIN, B.t1, 20, consumer_msgs("alarms", "dispatch-console"))
    java_consumer_noise(dsp, B.t0, B.t1)
    B.clients = [mex, alm, dsp]
    # every moment at which a client's connections were reset is one burst
    times = sorted((t, c) for c, rs in ((mex, resets_c), (alm, resets_p)) for ts in rs.values() for t in ts)
    groups = []
    for t, c in times:
        if groups and t - groups[-1][-1][0] < 30 * SEC:
            groups[-1].append((t, c))
        else:
            groups.append([(t, c)])
    for g in groups:
        lo, hi = g[0][0] - 1 * MS, g[-1][0] + 20 * MS
        cids = sorted({c.cid for _, c in g})
        B.burst("network-path", [1, 2, 3], cids, "disconnect", None, g[0][0],
                syms=lambda t, c, lo=lo, hi=hi: lo <= t <= hi, idle_timeout_s=240)
    B.finish(out, "short-iso")


# 10 ------------------------------------------------------------------------
def expired_cert(out):
    B = Bundle("expired-cert", 1010, T("2026-12-07T08:30:00"), T("2026-12-07T10:00:00"))
    B.description = ("broker-2's TLS certificate expired at 2026-12-06 23:59:59 UTC. Connections made before that keep "
                     "working (a consumer fetches without an error all morning), but every new TLS handshake with broker-2 "
                     "fails. At 09:14 billing-service is redeployed: it bootstraps through broker-3, then fails the "
                     "handshake with node 2 on every reconnect (failed authentication due to: SSL handshake failed) and its "
                     "sends to node 2's partitions fail with SslAuthenticationException (CertificateExpiredException: "
                     "NotAfter: Sun Dec 06 23:59:59 UTC 2026); broker-2 logs 'Failed authentication with /10.0.4.21 (SSL "
                     "handshake failed)' for each. About ten minutes later the on-call engineer puts a renewed keystore in "
                     "place and reloads the listener's keystore without a restart; the handshakes succeed again.")
    for n in (1, 2, 3):
        b = B.brokers[n] = Broker(B, n, gc_dec="time,uptime,level,tags", gc_detail=False)
        b.up_since = B.t0 - 33 * 86400 * SEC - b.rng.randint(0000, 9000000) * MS
        b.gc.start_jvm(B.t0 - 2 * SEC, jvm_start=b.up_since, header=False)
        b.gc.gcid = b.rng.randint(60000, 90000)
        b.gc.run(B.t0, B.t1, every=(8, 20), ms=(5, 30))
        b.noise(B.t0, B.t1)
    b2 = B.brokers[2]
    B.topic_ids["invoices"] = "".join(B.rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") for _ in range(22))
    bil = Client(B, "billing-service.log", "billing-producer", "producer", "log4j", version="3.7", app="billing-service", topic="invoices")
    bil.node_addr = {n: (f"broker-{n}.kafka.internal", f"10.0.4.1{n}") for n in (1, 2, 3)}
    ssl = {"bootstrap.servers": "[broker-1.kafka.internal:9093, broker-2.kafka.internal:9093, broker-3.kafka.internal:9093]",
           "security.protocol": "SSL", "ssl.endpoint.identification.algorithm": "https",
           "ssl.truststore.location": "/etc/billing/kafka-truststore.p12", "ssl.truststore.type": "PKCS12",
           "ssl.truststore.password": "[hidden]", "ssl.protocol": "TLSv1.3", "ssl.enabled.protocols": "[TLSv1.2, TLSv1.3]"}
    t_dep = T("2026-12-07T09:14:00.412000")
    r = bil.rng
    bil.emit(t_dep - 2 * SEC, "INFO", "com.acme.billing.BillingApplication", "Starting billing-service 4.12.0 (build 2026-12-04, git 8f3e2a1)", thread="main")
    t = bil.startup(t_dep, ssl)
    bil.app_noise(t, B.t1, 14, [("com.acme.billing.invoice.InvoiceService", lambda r: f"Invoice INV-{r.randint(100000, 999999)} issued for customer C{r.randint(10000, 99999)} ({r.randint(5, 900)}.{r.randint(0, 99):02d} EUR)")])
    t_fixed = T("2026-12-07T09:24:37.905000")
    client_ip = "10.0.4.21"
    # the handshakes with node 2: at connect, then after each failure with reconnect.backoff (50 ms doubling to 1 s, +-20 %)
    t = t + r.randint(150, 400) * MS
    back = 50
    auth_times, broker_times = [], []
    while t < t_fixed:
        broker_times.append(t - r.randint(2, 6) * MS)  # the broker fails the handshake, the client reads the alert
        b2.log(broker_times[-1], "INFO", f"[SocketServer brokerId=2] Failed authentication with /{client_ip} (SSL handshake failed)",
               "org.apache.kafka.common.network.Selector", False)
        bil.emit(t, "ERROR", bil.NC, f"{bil.tag} Connection to node 2 (broker-2.kafka.internal/10.0.4.12:9093) failed authentication due to: SSL handshake failed", symptom=True)
        auth_times.append(t)
        t += int(back * r.uniform(0.8, 1.2)) * MS + r.randint(8, 25) * MS  # backoff, then connect + handshake
        back = min(back * 2, 1000)
    # the application's sends to node 2's partitions fail (Metadata.fatalError: the next send's callback gets it)
    stack = ("org.apache.kafka.common.errors.SslAuthenticationException: SSL handshake failed\n"
             "Caused by: javax.net.ssl.SSLHandshakeException: PKIX path validation failed: java.security.cert.CertPathValidatorException: validity check failed\n"
             "\tat java.base/sun.security.ssl.Alert.createSSLException(Alert.java:131)\n"
             "\tat java.base/sun.security.ssl.TransportContext.fatal(TransportContext.java:378)\n"
             "\tat java.base/sun.security.ssl.TransportContext.fatal(TransportContext.java:321)\n"
             "\tat java.base/sun.security.ssl.CertificateMessage$T13CertificateConsumer.checkServerCerts(CertificateMessage.java:1357)\n"
             "\tat java.base/sun.security.ssl.SSLEngineImpl$DelegatedTask$DelegatedAction.run(SSLEngineImpl.java:1278)\n"
             "\tat org.apache.kafka.common.network.SslTransportLayer.runDelegatedTasks(SslTransportLayer.java:435)\n"
             "\tat org.apache.kafka.common.network.SslTransportLayer.handshake(SslTransportLayer.java:289)\n"
             "\tat org.apache.kafka.common.network.KafkaChannel.prepare(KafkaChannel.java:178)\n"
             "\tat org.apache.kafka.common.network.Selector.pollSelectionKeys(Selector.java:543)\n"
             "\tat org.apache.kafka.clients.producer.internals.Sender.run(Sender.java:243)\n"
             "\tat java.base/java.lang.Thread.run(Thread.java:840)\n"
             "Caused by: sun.security.validator.ValidatorException: PKIX path validation failed: java.security.cert.CertPathValidatorException: validity check failed\n"
             "\tat java.base/sun.security.validator.PKIXValidator.doValidate(PKIXValidator.java:369)\n"
             "\tat java.base/sun.security.validator.Validator.validate(Validator.java:264)\n"
             "\t... 19 more\n"
             "Caused by: java.security.cert.CertPathValidatorException: validity check failed\n"
             "\tat java.base/sun.security.provider.certpath.PKIXMasterCertPathValidator.validate(PKIXMasterCertPathValidator.java:135)\n"
             "\t... 24 more\n"
             "Caused by: java.security.cert.CertificateExpiredException: NotAfter: Sun Dec 06 23:59:59 UTC 2026\n"
             "\tat java.base/sun.security.x509.CertificateValidity.valid(CertificateValidity.java:277)\n"
             "\tat java.base/sun.security.x509.X509CertImpl.checkValidity(X509CertImpl.java:675)\n"
             "\t... 30 more")
    t = auth_times[0] + r.randint(300, 900) * MS
    while t < t_fixed - 2 * SEC:
        bil.emit(t, "WARN", "com.acme.billing.events.InvoicePublisher", f"Failed to publish invoice INV-{r.randint(100000, 999999)} to invoices, will retry",
                 cont=stack, symptom=True, thread=f"billing-service-worker-{r.randint(1, 8)}")
        t += r.randint(4000, 9000) * MS
    # the fix: a renewed keystore, reloaded through a dynamic broker config (no restart)
    b2.ssh_session(t_fixed - 6 * MIN, "rkhan", "10.0.1.57", 9 * MIN)
    b2.log(t_fixed - 400 * MS, "INFO", "Processing override for entityPath: brokers/2 with config: HashMap(listener.name.ssl.ssl.keystore.location -> /etc/kafka/ssl/broker-2.keystore.p12, listener.name.ssl.ssl.keystore.password -> [hidden])",
           "kafka.server.DynamicConfigManager", True)
    # a distractor: a consumer connected since before the certificate expired, unaffected
    led = Client(B, "ledger-consumer.log", "ledger-consumer-1", "consumer", "logback", version="3.8", group="ledger",
                 app="ledger-consumer", topic="invoices")
    led.app_noise(B.t0, B.t1, 18, consumer_msgs("invoices", "ledger-consumer"))
    java_consumer_noise(led, B.t0, B.t1)
    B.clients = [bil, led]
    B.burst("auth-failure", [2], ["billing-producer"], "tls_failure", 2, broker_times[0],
            syms=lambda t, c: True, not_after="Sun Dec 06 23:59:59 UTC 2026",
            advice_has="has expired (NotAfter: Sun Dec 06 23:59:59 UTC 2026)")
def local_time_server_log(out):
    B = Bundle("local-time-server-log", 909, T("2026-07-21T11:50:00"), T("2026-07-21T14:20:00"))
    B.description = ("The brokers' server.logs are in Europe/Berlin local time (+02:00 in July) without an offset, and no "
                     "--tz is given; their journals (Kafka's stdout, UTC stamps) were exported at 13:20 UTC, when a disk "
                     "alert was looked at, and hold the same lines up to then. broker-2 is restarted cleanly at 13:42 UTC; "
                     "only its server.log shows it. Read as UTC, the restart would sit two hours after the clients' burst "
                     "toward node 2 and the burst would stay unexplained; the records the server.logs share with the "
                     "journals say +02:00, and the restart explains the burst.")
    berlin = ZoneInfo("Europe/Berlin")
    t_b2 = T("2026-07-21T13:42:10.707301")
    for n in (1, 2, 3):
        b = B.brokers[n] = Broker(B, n, tz=berlin, gc_dec="time,uptime,level,tags", gc_detail=False)
        b.up_since = B.t0 - 9 * 86400 * SEC - b.rng.randint(0, 9000000) * MS
        b.gc.start_jvm(B.t0 - 2 * SEC, jvm_start=b.up_since, header=False)
        b.gc.gcid = b.rng.randint(30000, 60000)
        b.journal_until = T("2026-07-21T13:20:00")
    b2 = B.brokers[2]
    ev2 = b2.restart_clean(t_b2, "oncall")
    b2.gc.run(B.t0, ev2["completed"], every=(8, 20))
    b2.gc.run(ev2["started"], B.t1, every=(8, 20))
    for n in (1, 3):
        B.brokers[n].gc.run(B.t0, B.t1, every=(8, 20))
        B.brokers[n].noise(B.t0, B.t1)
        keys = [f"{tp}-{p}" for tp, p in B.brokers[n].partitions[:3]]
        B.brokers[n].isr_expand(ev2["started"] + 4 * SEC, 2, keys)
    b2.noise(B.t0, B.t1, [(ev2["shutting_down"], ev2["started"])])
    chk = Client(B, "checkout-service.log", "checkout-producer", "producer", "log4j", version="3.7", app="checkout-service", topic="orders")
    fr = RdClient(B, "fraud-scorer.log", "fraud-scorer")
    fr.topic = "payments"
    B.clients = [chk, fr]
    t_clients = B.t0 + 4 * MIN
    chk.startup(t_clients + 17 * SEC)
    for n in (1, 2, 3):
        fr.connect(t_clients + 3 * SEC + n * MS, n)
    fr.metadata_noise(t_clients, B.t1)
    chk.app_noise(t_clients, B.t1, 11, [("com.acme.checkout.CheckoutService", lambda r: f"Checkout {r.randint(100000, 999999)} completed in {r.randint(40, 400)} ms")])
    down = ev2["started"] - ev2["sockets_closed"]
    chk.restart_burst(ev2["leaders_moved"], ev2["sockets_closed"], 2, down)
    fr.disconnect_burst(ev2["sockets_closed"] + 12 * MS, 2, ev2["started"] + 150 * MS)
    B.burst("broker-restart", [2], ["checkout-producer", "fraud-scorer"], "broker_stop", 2, ev2["shutting_down"],
            syms=lambda t, c: t_b2 - MIN <= t <= ev2["started"] + MIN, downtime_s=round((ev2["started"] - ev2["shutting_down"]) / SEC, 1))
    B.local_tz = {f"broker-{n}": "Europe/Berlin" for n in (1, 2, 3)}
    B.journal_until = {f"broker-{n}": rfc3339(B.brokers[n].journal_until) for n in (1, 2, 3)}
    B.finish(out, "short-iso")


# 12 ------------------------------------------------------------------------
def gc_uptime_only(out):
    B = Bundle("gc-uptime-only", 1212, T("2026-05-11T08:40:00"), T("2026-05-11T10:40:00"))
    B.description = ("broker-2's heap has been growing, so at 09:12 an operator turns on GC logging there with "
                     "-Xlog:gc*:file=/var/log/kafka/gc.log -- no decoration list, so the JVM writes its defaults, "
                     "[uptime][level][tags], and no date -- and restarts kafka.service; the clients see the restart. "
                     "At 10:07 broker-2 stops the world for 34 s in a G1 Full GC and the clients' requests to node 2 "
                     "time out. The GC log alone cannot say when that was: the journal's 'Started kafka.service' of "
                     "the 09:12 restart (and server.log's first line) anchor its uptimes.")
    t_cmd = T("2026-05-11T09:12:03.518220")
    t_full = T("2026-05-11T10:07:41.227604")
    full_ms = 34217.903
    for n in (1, 2, 3):
        b = B.brokers[n] = Broker(B, n, gc_dec="uptime,level,tags" if n == 2 else "time,tags", gc_detail=n == 2)
        b.up_since = B.t0 - 12 * 86400 * SEC - b.rng.randint(0, 9000000) * MS
        if n != 2:  # the others log GC with Kafka's own default decorations (time,tags)
            b.gc.start_jvm(B.t0 - 2 * SEC, jvm_start=b.up_since, header=False)
            b.gc.gcid = b.rng.randint(20000, 40000)
    b2 = B.brokers[2]
    b2.ssh_session(t_cmd - 3 * MIN, "dvoss", "10.0.1.31", 6 * MIN)
    ev = b2.restart_clean(t_cmd, "dvoss")
    b2.gc.heap = 8192
    t_end_full = t_full + int(full_ms * 1000)
    def b2_heap(t):  # the old generation fills up over the hour before the Full GC
        f = max(0.0, min(1.0, (t - ev["started"]) / (t_full - ev["started"])))
        after = int(1500 + f ** 2 * 5500) + b2.rng.randint(-40, 40)
        return after + b2.rng.randint(1900, 2200) if f < 0.8 else after + b2.rng.randint(300, 700), after
    b2.gc.run(ev["started"] + 4 * SEC, t_full - 40 * SEC, every=(20, 50), ms=(12, 45), heap=b2_heap)
    t = t_full - 31 * SEC
    for k in range(3):
        t = b2.gc.young(t, [58.4, 93.1, 150.2][k], before=[7420, 7650, 7810][k], after=[7090, 7350, 7630][k]) + 9 * SEC
    b2.gc.line(t_full - 410 * MS, "gc", f"GC({b2.gc.gcid}) To-space exhausted")
    b2.gc.young(t_full - 1690 * MS, 1287.118, before=7980, after=8110)
    b2.gc.full(t_full, full_ms, 8110, 6900)
    b2.gc.run(t_end_full + 5 * SEC, B.t1, every=(20, 50), ms=(10, 35))
    for n in (1, 3):
        B.brokers[n].gc.run(B.t0, B.t1, every=(15, 40), ms=(6, 30))
        B.brokers[n].noise(B.t0, B.t1)
        keys = [f"{tp}-{p}" for tp, p in B.brokers[n].partitions[:3]]
        B.brokers[n].isr_expand(ev["started"] + B.brokers[n].rng.randint(2000, 6000) * MS, 2, keys)
        # 30 s (replica.lag.time.max.ms) into the pause, node 2 leaves their ISRs
        B.brokers[n].isr_shrink(t_full + 30 * SEC + B.brokers[n].rng.randint(200, 2900) * MS, 2, keys)
        B.brokers[n].isr_expand(t_end_full + B.brokers[n].rng.randint(3000, 9000) * MS, 2, keys)
    b2.noise(B.t0, B.t1, [(ev["shutting_down"], ev["started"]), (t_full, t_end_full)])
    orders = Client(B, "orders-service.log", "orders-producer", "producer", "log4j", version="3.6", app="orders-service", topic="orders")
    track = RdClient(B, "tracking-ingest.log", "tracking-ingest")
    B.clients = [orders, track]
    orders.startup(B.t0 + orders.rng.randint(30000, 200000) * MS)
    orders.app_noise(B.t0, B.t1, 10, APP_MSGS_ORDERS)
    for n in (1, 2, 3):
        track.connect(B.t0 - HOUR + n * MS, n)
    track.log.recs.clear()
    track.metadata_noise(B.t0, B.t1)
    down = ev["started"] - ev["sockets_closed"]
    orders.restart_burst(ev["leaders_moved"], ev["sockets_closed"], 2, down)
    track.disconnect_burst(ev["sockets_closed"] + 9 * MS, 2, ev["started"] + 120 * MS)
    orders.timeout_burst(t_full - orders.rng.randint(0, 400) * MS, 2, 4)
    B.burst("broker-restart", [2], ["orders-producer", "tracking-ingest"], "broker_stop", 2, ev["stopping"],
            syms=lambda t, c: t_cmd - MIN <= t <= ev["started"] + MIN, downtime_s=round((ev["started"] - ev["shutting_down"]) / SEC, 1))
    B.burst("gc-pause", [2], ["orders-producer"], "gc_pause", 2, t_full,
            syms=lambda t, c: t_full <= t <= t_end_full + 10 * SEC, pause_ms=full_ms, pause_end=rfc3339(t_end_full))
    B.jvm_start = {"broker-2": rfc3339(b2.gc.jvm_start)}
    B.finish(out, "short-iso-precise")


BUNDLES = [rolling_restart, oom_kill, long_gc_pause, idle_close, listener_misconfig, restart_with_distractors,
           oom_kill_polyglot, disk_full, lb_idle_drop, expired_cert, local_time_server_log, gc_uptime_only] + KUBE_BUNDLES


def main(argv=None, default_out=None, description=None):
    """samples/generate.py: write the bundles into --out, or --check them."""
    from .check import check_all
    ap = argparse.ArgumentParser(description=description or __doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=default_out)
    ap.add_argument("--check", action="store_true", help="check the bundles in --out instead of writing them")
    a = ap.parse_args(argv)
    if a.out is None:
        ap.error("--out is required")
    if not a.check:
        for fn in BUNDLES:
            fn(a.out)
        return 0
    return 1 if check_all(a.out, BUNDLES) else 0
