"""Reproducible multi-GB incident corpus for logcorr's throughput benchmark.

One day (2026-03-10 UTC) of a three-broker Kafka cluster and four clients,
with three incidents that must correlate:

  06:00:00  broker-2 clean restart (systemctl restart): server.log
            "shutting down" / "started", journal Stopping/Started kafka.service;
            clients burst toward node 2          -> broker-restart
  14:00:00  broker-3 38 s G1 Full GC (gc.log); clients time out 30 s later
            ("Disconnecting from node 3 due to request timeout")  -> gc-pause
  20:00:00  broker-1 JVM killed by the kernel OOM killer (journal -o json),
            systemd restarts it; clients burst toward node 1       -> oom-kill

Line shapes are those of the sample bundles and /work/shared/corpus (Java
clients in log4j, logback and Spring Boot layouts, librdkafka, journalctl
short-iso and -o json, broker server.log, JDK 17 unified G1 logs with gc*);
they come from the loggen emitter modules, shared with samples/generate.py.
Around one line in 10,000 of the client and journal logs is one an engineer's
grep would hit outside the incidents (bootstrap "Node -1 disconnected.", sshd
"Disconnected from user", unrelated "Started session-N.scope", ...).

The bulk is filler drawn from pools of pre-rendered messages so that Python
writes ~100 MB/s; every file has its own random.Random(seed, name), so the
output is byte-identical for a given --seed and --gb whatever --jobs is.

    bench/gen_corpus.py --out DIR [--gb 1.1] [--seed 7] [--jobs 2]

writes DIR/corpus/{clients,broker-1,broker-2,broker-3}/..., and
DIR/archive/billing-consumer.log.{gz,zst} (copies of one client log; the .zst
needs the zstd tool) and DIR/MANIFEST (sizes, line counts, incident times).
"""

import argparse
import os
import random
import shutil
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime, timezone

from . import apps
from . import broker as kb
from . import gc
from . import javaclient as jc
from . import journal as jn
from . import kernel
from . import librdkafka as rd
from .common import BROKER_IP, bhost, iso_z_ms
from .javalog import log4j, log4j_clock, logback, logback_clock, spring3

DAY0 = int(datetime(2026, 3, 10, tzinfo=timezone.utc).timestamp() * 1000)  # epoch ms
H = 3600 * 1000
RESTART_T = DAY0 + 6 * H  # broker-2 systemctl restart
GC_T = DAY0 + 14 * H  # broker-3 Pause Full start
GC_MS = 38123.456
OOM_T = DAY0 + 20 * H  # broker-1 OOM kill
END = DAY0 + 24 * H - 1000
NOISE_RATE = 1e-4  # grep-visible lines outside the incidents, per line

# Share of the total bytes per file. Clients and journals dominate, as in a
# real incident archive; GC logs are small.
FILES = {
    "clients/orders-service.log": 0.15,
    "clients/billing-consumer.log": 0.15,
    "clients/inventory-api.log": 0.13,
    "clients/telemetry-ingest.log": 0.10,
    "broker-1/journal.json": 0.12,
    "broker-2/journal.short-iso.txt": 0.08,
    "broker-3/journal.short-iso.txt": 0.08,
    "broker-1/server.log": 0.04,
    "broker-2/server.log": 0.04,
    "broker-3/server.log": 0.04,
    "broker-1/gc.log": 0.023,
    "broker-2/gc.log": 0.023,
    "broker-3/gc.log": 0.024,
}


def file_rng(seed, path):
    """Each file's own generator, keyed by its place in the corpus (not by
    the output directory), so that any --out and --jobs give the same bytes."""
    rel = "/".join(path.replace(os.sep, "/").split("/")[-2:])
    return random.Random(f"{seed}:{rel}")


class Out:
    """Buffered writer that counts bytes and lines."""

    def __init__(self, path):
        self.f = open(path, "w", encoding="utf-8", newline="\n")
        self.buf, self.size, self.lines, self.path = [], 0, 0, path

    def add(self, text):
        self.buf.append(text)
        self.size += len(text)
        self.lines += text.count("\n")
        if len(self.buf) >= 4096:
            self.f.write("".join(self.buf))
            self.buf.clear()

    def close(self):
        self.f.write("".join(self.buf))
        self.f.close()


def filler_loop(out, rng, budget, events, line_of, noise_of=None, t0=DAY0, t1=END):
    """Writes filler lines spread evenly over [t0, t1] until `budget` bytes,
    interleaving `events` ([(t_ms, text)] already rendered, any order) at
    their time, and a grep-visible noise line with probability NOISE_RATE.
    line_of(t, i) -> one filler line (with newline)."""
    events = sorted(events, key=lambda e: e[0])
    probe = "".join(line_of(t0, i) for i in range(200))
    n = max(1, int(budget / (len(probe) / 200)))
    step = (t1 - t0) / n
    ev = 0
    jit = [rng.random() * 0.9 for _ in range(4096)]  # within-step jitter keeps times monotonic
    # noise positions: geometric gaps with mean 1/NOISE_RATE
    next_noise = int(rng.expovariate(NOISE_RATE)) if noise_of else -1
    i = 0
    tf = float(t0)
    while out.size < budget or ev < len(events):
        if out.size < budget:
            if i & 16383 == 16383:  # re-aim so that the budget ends at t1
                avg = out.size / max(1, out.lines)
                step = max(0.0, (t1 - tf) / max(1.0, (budget - out.size) / avg))
            tf += step
            t = min(t1, int(tf + jit[i & 4095] * step))
        else:
            t = t1
        while ev < len(events) and events[ev][0] <= t:
            out.add(events[ev][1])
            ev += 1
        if out.size >= budget:
            continue
        if i == next_noise:
            out.add(noise_of(t))
            next_noise += 1 + int(rng.expovariate(NOISE_RATE))
        else:
            out.add(line_of(t, i))
        i += 1


# ------------------------------------------------------------ Java clients

# the config dumps are shorter than the bundles' (a subset of kafka-clients' keys)
PRODUCER_KEYS = {"acks", "batch.size", "bootstrap.servers", "buffer.memory", "client.id", "compression.type",
                 "connections.max.idle.ms", "delivery.timeout.ms", "enable.idempotence", "linger.ms",
                 "max.in.flight.requests.per.connection", "metadata.max.age.ms", "reconnect.backoff.max.ms",
                 "reconnect.backoff.ms", "request.timeout.ms", "retries", "retry.backoff.ms", "security.protocol",
                 "socket.connection.setup.timeout.max.ms", "socket.connection.setup.timeout.ms"}
CONSUMER_KEYS = {"allow.auto.create.topics", "auto.commit.interval.ms", "auto.offset.reset", "bootstrap.servers",
                 "client.id", "connections.max.idle.ms", "default.api.timeout.ms", "enable.auto.commit",
                 "fetch.max.wait.ms", "group.id", "max.poll.interval.ms", "max.poll.records", "request.timeout.ms",
                 "session.timeout.ms", "socket.connection.setup.timeout.max.ms", "socket.connection.setup.timeout.ms"}
DISC_MSG = jc.DISC_MSG
STACK = jc.send_failure_stack(DISC_MSG, "orders") + "\n"


def producer_burst(rng, t, node, cid, topic, timeout=False):
    """(t, level, message, logger) of a Java producer losing node `node`."""
    out = []
    tag = jc.producer_tag(cid)
    if timeout:
        out.append((t, "INFO", jc.request_timeout(tag, node), jc.NC))
    else:
        out.append((t, "INFO", jc.node_disconnected(tag, node), jc.NC))
    corr = rng.randint(100000, 999999)
    for k in range(rng.randint(4, 7)):
        p = rng.randint(0, 11)
        tt = t + 2 + k
        out.append((tt, "WARN", jc.produce_error(tag, corr, f"{topic}-{p}", "NETWORK_EXCEPTION", f"Disconnected from node {node}"),
                    jc.SENDER))
        out.append((tt, "WARN", jc.invalid_metadata(tag, f"{topic}-{p}", DISC_MSG), jc.SENDER))
    if not timeout:
        back = 50
        tt = t + 60
        while back < 1000:
            out.append((tt, "WARN", jc.connect_failed(tag, node, bhost(node), BROKER_IP[node]), jc.NC))
            tt += back + rng.randint(0, back)
            back *= 2
    return out


def consumer_burst(rng, t, node, cid, gid, timeout=False):
    out = []
    pre = jc.consumer_tag(cid, gid)
    if timeout:
        out.append((t, "INFO", jc.request_timeout(pre, node), jc.NC))
        out.append((t + 1, "INFO", jc.cancelled_in_flight(pre, "FETCH", rng.randint(10000, 99999), node, 30011, 30011), jc.NC))
    else:
        out.append((t, "INFO", jc.node_disconnected(pre, node), jc.NC))
        out.append((t + 1, "INFO", jc.cancelled_in_flight(pre, "FETCH", rng.randint(10000, 99999), node,
                                                          rng.randint(5, 400), rng.randint(5, 400)), jc.NC))
    out.append((t + 3, "INFO", jc.fetch_error(pre, rng.randint(10**8, 2 * 10**9), rng.randint(100, 9999), node), jc.FSH))
    if not timeout:
        for k in range(4):
            out.append((t + 60 + 200 * k, "WARN", jc.connect_failed(pre, node, bhost(node), BROKER_IP[node]), jc.NC))
    return out


INCIDENTS = [  # (client-side first symptom time, node, request-timeout shape)
    (RESTART_T + 1850, 2, False),
    (GC_T + 30000 + 412, 3, True),
    (OOM_T + 37, 1, False),
]


def java_client(path, budget, seed, layout):
    """layout: 'log4j' (orders-service producer), 'logback' (billing consumer),
    'spring' (inventory-api producer)."""
    rng = file_rng(seed, path)
    out = Out(path)
    if layout == "log4j":
        clk = log4j_clock()
        cid, topic = "orders-producer", "orders"
        tag = jc.producer_tag(cid)

        def fmt(t, lvl, msg, logger):
            return log4j(clk(t), lvl, msg, logger) + "\n"

        pool = []
        for _ in range(20000):
            r = rng.random()
            if r < 0.45:
                pool.append(("INFO", apps.order_published(rng.randint(100000, 999999)),
                             "com.acme.orders.events.EventPublisher"))
            elif r < 0.75:
                pool.append(("INFO", apps.post_order(rng.randint(3, 90)), "com.acme.orders.web.RequestLog"))
            elif r < 0.93:
                pool.append(("INFO", apps.order_confirmed(rng.randint(100000, 999999), rng.randint(1, 9),
                                                          rng.randint(5, 900), rng.randint(0, 99)),
                             "com.acme.orders.service.OrderService"))
            elif r < 0.98:
                pool.append(("DEBUG", f"[Producer clientId={cid}] Sending PRODUCE request with header RequestHeader(apiKey=PRODUCE, "
                             f"apiVersion=9, clientId={cid}, correlationId={rng.randint(1, 10**6)}) and timeout 30000 to node "
                             f"{rng.randint(1, 3)}: {{acks=-1,timeout=30000,partitionSizes=[orders-{rng.randint(0, 11)}="
                             f"{rng.randint(100, 9000)}]}}", jc.NC))
            else:
                pool.append(("DEBUG", jc.metadata_request(tag, "orders", bhost(rng.randint(1, 3)), rng.randint(1, 3),
                                                          authorized_ops=False), jc.NC))
        header = [(DAY0, "INFO", jc.config_values("producer", cid, keys=PRODUCER_KEYS), jc.PRODUCER_CONFIG_LOGGER)]
        noise = ("INFO", jc.node_disconnected(tag, -1), jc.NC)
    elif layout == "logback":
        clk = logback_clock()
        cid, gid = "billing-consumer-1", "billing"
        tag = jc.consumer_tag(cid, gid)

        def fmt(t, lvl, msg, logger, thread="billing-consumer-0"):
            return logback(clk(t), thread, lvl, logger, msg) + "\n"

        pool = []
        for _ in range(20000):
            r = rng.random()
            w = f"billing-worker-{rng.randint(0, 9)}"
            if r < 0.5:
                pool.append(("INFO", apps.batch_processed(rng.randint(1, 500), "billing-events", rng.randint(3, 900)),
                             "com.acme.billing.listener.BatchListener", w))
            elif r < 0.8:
                pool.append(("INFO", apps.offsets_committed(rng.randint(1, 12), "billing-events"),
                             "com.acme.billing.listener.BatchListener", w))
            elif r < 0.97:
                pool.append(("INFO", f"Invoice INV-{rng.randint(10**6, 10**7)} settled for customer C{rng.randint(1000, 99999)} "
                             f"amount {rng.randint(1, 5000)}.{rng.randint(0, 99):02d} EUR", "com.acme.billing.InvoiceService", w))
            else:
                pool.append(("DEBUG", jc.metadata_request(tag, "billing-events", bhost(rng.randint(1, 3)), rng.randint(1, 3)),
                             jc.NC, "billing-consumer-0"))
        header = [(DAY0, "INFO", jc.config_values("consumer", cid, gid, keys=CONSUMER_KEYS).rstrip("\n"),
                   jc.CONSUMER_CONFIG_LOGGER)]
        noise = ("INFO", jc.node_disconnected(tag, -1), jc.NC)
    else:  # spring boot 3 console layout
        cid, topic = "producer-1", "inventory"
        tag = jc.producer_tag(cid)

        # loggers given already abbreviated (o.a.k.clients.*, c.a.inventory.*), none longer than 39
        def fmt(t, lvl, msg, logger, thread="ad | producer-1"):
            return spring3(iso_z_ms(t), lvl, 1, "inventory-api", thread, logger, msg) + "\n"

        pool = []
        for _ in range(20000):
            r = rng.random()
            w = f"ry-api-worker-{rng.randint(0, 9)}"
            if r < 0.5:
                pool.append(("INFO", apps.stock_snapshot(rng.randint(100, 9999)),
                             "com.acme.inventory.sync.StockSync", w))
            elif r < 0.95:
                pool.append(("INFO", f"GET /api/v1/stock/{rng.randint(10000, 99999)} 200 {rng.randint(1, 60)}ms",
                             "c.a.inventory.web.RequestLoggingFilter", f"nio-8080-exec-{rng.randint(1, 9)}"))
            else:
                pool.append(("WARN", f"Slow query on stock_levels took {rng.randint(500, 3000)} ms",
                             "c.a.inventory.repo.StockRepository", w))
        header = [(DAY0, "INFO", jc.config_values("producer", cid, keys=PRODUCER_KEYS).rstrip("\n"),
                   "o.a.k.clients.producer.ProducerConfig", "           main")]
        noise = ("INFO", jc.node_disconnected(tag, -1), "o.a.k.clients.NetworkClient")

    events = [(t, fmt(t, *rest)) for t, *rest in header]
    for t, node, tmo in INCIDENTS:
        t += rng.randint(0, 250)
        if layout == "logback":
            recs = consumer_burst(rng, t, node, cid, gid, tmo)
        else:
            recs = producer_burst(rng, t, node, cid, topic, tmo)
        for tt, lvl, msg, logger in recs:
            if layout == "spring":
                logger = "o.a.k.clients." + logger.split("clients.", 1)[1]
            events.append((tt, fmt(tt, lvl, msg, logger)))
        if layout == "log4j":  # the application's own failures, with stack traces
            for k in range(3):
                tt = t + 5 + k
                events.append((tt, fmt(tt, "ERROR", apps.publish_failed(rng.randint(100000, 999999), "orders"),
                                       "com.acme.orders.events.EventPublisher") + STACK))
    pool_n = len(pool)
    picks = [rng.randrange(pool_n) for _ in range(65536)]
    filler_loop(out, rng, budget, events, lambda t, i: fmt(t, *pool[picks[i & 65535]]), lambda t: fmt(t, *noise),
                t0=DAY0 + 500)
    out.close()
    return out


# ------------------------------------------------------------ librdkafka

def librdkafka_client(path, budget, seed):
    rng = file_rng(seed, path)
    out = Out(path)
    name = "telemetry-ingest#producer-1"

    def fmt(t, lvl, fac, thrd, msg):
        return rd.line(t, lvl, fac, name, thrd, msg) + "\n"

    pool = []
    for _ in range(20000):
        n = rng.randint(1, 3)
        b = rd.broker(n)
        r = rng.random()
        if r < 0.55:
            pool.append((7, "SEND", b, f"{b}: Sent ProduceRequest (v7, {rng.randint(200, 90000)} bytes @ 0, "
                         f"CorrId {rng.randint(1, 10**6)})"))
        elif r < 0.9:
            pool.append((7, "RECV", b, f"{b}: Received ProduceResponse (v7, {rng.randint(50, 200)} bytes, CorrId "
                         f"{rng.randint(1, 10**6)}, rtt {rng.randint(1, 40)}.{rng.randint(0, 999):03d}ms)"))
        elif r < 0.97:
            pool.append((7, "MSGSET", b, f"{b}: telemetry [{rng.randint(0, 23)}]: MessageSet with "
                         f"{rng.randint(1, 500)} message(s) ({rng.randint(1000, 90000)} bytes, ProduceId -1:-1) delivered"))
        else:
            pool.append((7, "METADATA", "main", f"{b}: ===== Received metadata (for 1 requested topics): "
                         "periodic topic and broker list refresh ====="))
    events = []
    for t, node, tmo in INCIDENTS:
        t += rng.randint(0, 250)
        b = rd.broker(node)
        if tmo:
            events.append((t, fmt(t, 4, "REQTMOUT", b, f"{b}: Timed out ProduceRequest in flight (after 30012ms, timeout #0)")))
            events.append((t, fmt(t, 4, "REQTMOUT", b, f"{b}: Timed out 3 in-flight, 0 retry-queued, 0 out-queue, "
                                 "0 partially-sent requests")))
            events.append((t + 1, fmt(t + 1, 3, "FAIL", b, f"{b}: 3 request(s) timed out: disconnect (after 7211831ms "
                                     "in state UP)")))
            continue
        up = rng.randint(10**6, 5 * 10**7)
        events.append((t, fmt(t, 3, "FAIL", b, rd.disconnected(b, up))))
        events.append((t, fmt(t, 3, "ERROR", b, rd.disconnected(b, up))))
        events.append((t + 1, fmt(t + 1, 3, "FAIL", b, f"{b}: Receive failed: Connection reset by peer")))
        for k in range(5):
            tt = t + 300 + 500 * k
            events.append((tt, fmt(tt, 3, "FAIL", b, rd.connect_refused(b, BROKER_IP[node]))))
    picks = [rng.randrange(len(pool)) for _ in range(65536)]
    noise = (6, "FAIL", "GroupCoordinator",
             rd.disconnected("GroupCoordinator: broker-1.kafka.internal:9092", 600011, ", 1 identical error(s) suppressed"))
    filler_loop(out, rng, budget, events, lambda t, i: fmt(t, *pool[picks[i & 65535]]), lambda t: fmt(t, *noise))
    out.close()
    return out


# ------------------------------------------------------------ broker server.log

def server_pool(rng, n):
    pool = []
    for _ in range(20000):
        topic = rng.choice(["orders", "billing-events", "inventory", "telemetry"])
        p = rng.randint(0, 11)
        r = rng.random()
        if r < 0.35:
            pool.append(("INFO", kb.wrote_producer_snapshot(f"{topic}-{p}", rng.randint(10**6, 10**8), 0, rng.randint(1, 20)),
                         "kafka.log.ProducerStateManager"))
        elif r < 0.6:
            pool.append(("INFO", kb.rolled_segment("LocalLog", f"{topic}-{p}", rng.randint(10**6, 10**8), rng.randint(1, 20)),
                         "kafka.log.LocalLog"))
        elif r < 0.8:
            seg = kb.log_segment(rng.randint(10**6, 10**8), rng.randint(10**7, 2 ** 30),
                                 1773100000000 + rng.randint(0, 10**8), 1773100000000 + rng.randint(0, 10**8))
            pool.append(("INFO", kb.deleting_segment("UnifiedLog", f"{topic}-{p}", seg, 604800000), "kafka.log.UnifiedLog"))
        elif r < 0.95:
            pool.append(("INFO", kb.group_assignment(n, rng.choice(['billing', 'inventory-sync', 'search-indexer']),
                                                     rng.randint(10, 900), rng.randint(2, 9)),
                         "kafka.coordinator.group.GroupCoordinator"))
        else:
            pool.append(("INFO", kb.expired_offsets_removed(n, 0, rng.randint(0, 3)),
                         "kafka.coordinator.group.GroupMetadataManager"))
    return pool


def restart_lines(n, t_stop, t_done, t_start, t_up, clean=True):
    """(t, level, msg, logger) of a broker stop (if clean) and start."""
    L = []
    KS = "kafka.server.KafkaServer"
    if clean:
        L += [(t_stop, "INFO", kb.kafka_server(n, "shutting down"), KS),
              (t_stop + 2, "INFO", kb.kafka_server(n, "Starting controlled shutdown"), KS),
              (t_stop + 900, "INFO", kb.kafka_server(n, "Controlled shutdown request returned successfully after 877ms"), KS),
              (t_stop + 905, "INFO", kb.socket_server(n, "Stopping socket server request processors"),
               "kafka.network.SocketServer"),
              (t_stop + 910, "INFO", kb.request_handler(n, "shutting down"), "kafka.server.KafkaRequestHandlerPool"),
              (t_stop + 920, "INFO", kb.replica_fetcher_manager(n, "shutting down"), "kafka.server.ReplicaFetcherManager"),
              (t_done, "INFO", kb.kafka_server(n, "shut down completed"), KS)]
    else:
        L += [(t_start + 800, "INFO", kb.recovering_unflushed("LogLoader", "orders-3", 0, "0/1"), "kafka.log.LogLoader"),
              (t_start + 700, "WARN", kb.log_prefix("LogLoader", "__consumer_offsets-17") + " Found a "
               "corrupted index file corresponding to log file /var/lib/kafka/data/__consumer_offsets-17/"
               "00000000000000000000.log due to Corrupt time index found, time index file", "kafka.log.LogLoader"),
              (t_start + 600, "INFO", "Attempting recovery of all logs in /var/lib/kafka/data since no clean "
               "shutdown file was found", "kafka.log.LogManager")]
    L += [(t_start, "INFO", kb.LOG4J_CONTROLLER, kb.LOG4J_CONTROLLER_LOGGER),
          (t_start + 40, "INFO", kb.kafka_server(n, "starting"), KS),
          (t_up - 5, "INFO", kb.socket_server(n, "Started socket server acceptors and processors"), "kafka.network.SocketServer"),
          (t_up, "INFO", kb.kafka_server(n, "started"), KS)]
    return L


def broker_timeline(n):
    """Broker-side (t, level, msg, logger) lines that also reach the journal."""
    if n == 2:
        return restart_lines(2, RESTART_T + 120, RESTART_T + 4600, RESTART_T + 9000, RESTART_T + 15300)
    if n == 1:
        L = restart_lines(1, 0, 0, OOM_T + 11000, OOM_T + 31500, clean=False)
    else:
        L = []
    if n in (1, 2):  # the others drop broker 3 from their ISRs during its GC pause
        for p in (2, 5, 8):
            t = GC_T + 18000 + p * 37 + n
            L.append((t, "INFO", kb.isr_shrink(f"orders-{p}", n, f"{n},3", f"{n}", 5000000 + p, 5000100 + p,
                                               3, 4999000, 1773151190000), "kafka.cluster.Partition"))
    return L


def server_log(path, budget, seed, n):
    rng = file_rng(seed, path)
    out = Out(path)
    clk = log4j_clock()

    def fmt(t, lvl, msg, logger):
        return log4j(clk(t), lvl, msg, logger) + "\n"

    pool = server_pool(rng, n)
    picks = [rng.randrange(len(pool)) for _ in range(65536)]
    events = [(t, fmt(t, *r)) for t, *r in broker_timeline(n)]
    # broker-1 is down from the OOM kill to its restart, broker-2 between its
    # stop and start, broker-3 frozen during its pause: no filler then.
    gap = {1: (OOM_T - 3, OOM_T + 11000), 2: (RESTART_T + 4700, RESTART_T + 9000), 3: (GC_T, GC_T + int(GC_MS))}[n]

    def line(t, i):
        if gap[0] <= t < gap[1]:
            t = gap[1] + (t - gap[0]) // 1000  # squeeze into the first moments after
        return fmt(t, *pool[picks[i & 65535]])

    filler_loop(out, rng, budget, events, line)
    out.close()
    return out


# ------------------------------------------------------------ journals

SYSSTAT, SYSSTAT_DESC = jn.SYSSTAT_UNIT, jn.SYSSTAT_DESCRIPTION
SYSTEMD_MSGS = [jn.starting(SYSSTAT, SYSSTAT_DESC),
                jn.deactivated(SYSSTAT),
                jn.finished(SYSSTAT, SYSSTAT_DESC),
                jn.starting("logrotate.service", "Rotate log files"),
                jn.deactivated("logrotate.service")]
KAFKA = (jn.KAFKA_UNIT, jn.KAFKA_DESCRIPTION)


def journal_pool(rng, n, pid):
    """(ident, pid, message) of a broker host's ordinary journal traffic."""
    pool = []
    for lvl, msg, logger in server_pool(rng, n)[:12000]:
        pool.append(("kafka-server-start.sh", pid, None, msg, logger))
    for _ in range(300):
        r = rng.random()
        if r < 0.5:
            pool.append(("CRON", rng.randint(30000, 39999), "cron.service", jn.CRON_HOURLY, None))
        elif r < 0.8:
            pool.append(("systemd", 1, "init.scope", rng.choice(SYSTEMD_MSGS), None))
        else:
            pool.append(("sshd", rng.randint(2000, 60000), "ssh.service",
                         jn.sshd_accepted("deploy", f"10.0.9.{rng.randint(2, 250)}", rng.randint(30000, 60000),
                                          "Xq3v1E0c8y0F4rGm2qJ3m7d6Yl5b0s9Q1rA2kZ8pW4c"), None))
    return pool


def journal_noise(rng):
    """Grep-visible lines that are not Kafka events."""
    k = rng.random()
    if k < 0.4:
        return ("sshd", rng.randint(2000, 60000), "ssh.service",
                f"Disconnected from user deploy 10.0.9.{rng.randint(2, 250)} port {rng.randint(30000, 60000)}", None)
    if k < 0.8:
        s = rng.randint(100, 9999)
        return ("systemd", 1, "init.scope", jn.started(f"session-{s}.scope", f"Session {s} of User deploy"), None)
    return ("kernel", None, None, "nf_conntrack: nf_conntrack: table full, dropping packet", None)


def journal_incident(n, pid, pid2):
    """(t, ident, pid, level, message, logger) of the broker host's incident lines;
    level and logger are None but for the Kafka lines on stdout."""
    J = []
    for t, lvl, msg, logger in broker_timeline(n):
        J.append((t, "kafka-server-start.sh", pid if t < (OOM_T if n == 1 else RESTART_T + 5000) else pid2,
                  lvl, msg, logger))
    u = jn.KAFKA_UNIT
    if n == 2:
        J += [(RESTART_T, "systemd", 1, None, jn.stopping(*KAFKA), None),
              (RESTART_T + 4700, "systemd", 1, None, jn.deactivated(u), None),
              (RESTART_T + 4702, "systemd", 1, None, jn.stopped(*KAFKA), None),
              (RESTART_T + 4705, "systemd", 1, None, jn.consumed_cpu(u, "3h 2min 11.204s"), None),
              (RESTART_T + 4800, "systemd", 1, None, jn.started(*KAFKA), None)]
    if n == 1:
        J += [(OOM_T - 40, "kernel", None, None, kernel.oom_invoked(), None),
              (OOM_T - 20, "kernel", None, None, kernel.oom_kill_constraint(pid), None),
              (OOM_T - 19, "kernel", None, None, kernel.oom_killed(pid, 33825084, 29656448, 57948), None),
              (OOM_T + 60, "kernel", None, None, kernel.oom_reaped(pid), None),
              (OOM_T + 70, "systemd", 1, None, jn.oom_killed(u), None),
              (OOM_T + 75, "systemd", 1, None, jn.main_exited_killed(u), None),
              (OOM_T + 76, "systemd", 1, None, jn.failed_result(u, "oom-kill"), None),
              (OOM_T + 10000, "systemd", 1, None, jn.restart_scheduled(u, 1), None),
              (OOM_T + 10010, "systemd", 1, None, jn.started(*KAFKA), None)]
    return J


def journal_short(path, budget, seed, n):
    rng = file_rng(seed, path)
    out = Out(path)
    host = f"broker-{n}"
    pid, pid2 = rng.randint(1000, 3000), rng.randint(3001, 9000)
    clk_j = jn.short_iso_utc_clock()
    clk_l = log4j_clock()

    def fmt(t, ident, p, unit, msg):
        return jn.short_line(clk_j(t), host, ident, p, msg) + "\n"

    pool = journal_pool(rng, n, pid)
    picks = [rng.randrange(len(pool)) for _ in range(65536)]
    events = []
    for t, ident, p, lvl, msg, logger in journal_incident(n, pid, pid2):
        if logger:
            events.append((t, fmt(t, ident, p, None, log4j(clk_l(t), lvl, msg, logger))))
        else:
            events.append((t, fmt(t, ident, p, None, msg)))
    gap = (RESTART_T + 4700, RESTART_T + 9000) if n == 2 else (GC_T, GC_T + int(GC_MS)) if n == 3 else (0, 0)

    def line(t, i):
        ident, p, unit, msg, logger = pool[picks[i & 65535]]
        if ident == "kafka-server-start.sh":
            if gap[0] <= t < gap[1]:
                t = gap[1] + (t - gap[0]) // 1000
            if n == 2 and t >= RESTART_T + 5000:
                p = pid2
            return fmt(t, ident, p, unit, log4j(clk_l(t), "INFO", msg, logger))
        return fmt(t, ident, p, unit, msg)

    def noise(t):
        ident, p, unit, msg, _ = journal_noise(rng)
        return fmt(t, ident, p, unit, msg)

    filler_loop(out, rng, budget, events, line, noise)
    out.close()
    return out


# the corpus's json entries carry fewer fields than the bundles', in their own (hash) order
STDOUT_ORDER = ("_TRANSPORT", "_COMM", "_EXE", "_SYSTEMD_UNIT", "_SYSTEMD_SLICE", "MESSAGE", "_UID", "_GID", "_PID",
                "SYSLOG_IDENTIFIER", "SYSLOG_FACILITY", "_SYSTEMD_CGROUP", "_SYSTEMD_INVOCATION_ID", "_STREAM_ID",
                "_CMDLINE", "PRIORITY")
KERNEL_ORDER = ("_TRANSPORT", "SYSLOG_IDENTIFIER", "SYSLOG_FACILITY", "MESSAGE", "PRIORITY")
PID1_ORDER = ("_TRANSPORT", "_PID", "_COMM", "_EXE", "_SYSTEMD_CGROUP", "_SYSTEMD_UNIT", "_SYSTEMD_SLICE",
              "SYSLOG_IDENTIFIER", "SYSLOG_FACILITY", "_UID", "_GID", "_CAP_EFFECTIVE", "UNIT", "MESSAGE", "PRIORITY")
SYSLOG_ORDER = ("_TRANSPORT", "SYSLOG_IDENTIFIER", "_PID", "SYSLOG_PID", "_COMM", "_UID", "_GID", "SYSLOG_FACILITY",
                "MESSAGE", "PRIORITY")
# a shorter kafka command line than the bundles' journald has (jn.KAFKA_CMDLINE)
KAFKA_CMDLINE = ("java -Xmx6G -Xms6G -server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -cp /opt/kafka/bin/../libs/* "
                 "kafka.Kafka /etc/kafka/server.properties")


def journal_json(path, budget, seed, n):
    rng = file_rng(seed, path)
    out = Out(path)
    host = f"broker-{n}"
    hx = lambda k: "".join(rng.choice("0123456789abcdef") for _ in range(k))  # noqa: E731
    boot, machine, seqid = hx(32), hx(32), hx(32)
    boot_rt = (DAY0 - 41 * 86400 * 1000) * 1000  # booted 41 days earlier (us)
    pid, pid2 = rng.randint(1000, 3000), rng.randint(3001, 9000)
    clk_l = log4j_clock()
    seq = [0]
    jd = jn.json_value
    inv = hx(32)
    enc = lambda d: {k: jd(v) for k, v in d.items()}  # noqa: E731
    stdout = enc(jn.KAFKA_STDOUT)
    stdout.update(_SYSTEMD_INVOCATION_ID=jd(inv), _CMDLINE=jd(KAFKA_CMDLINE), PRIORITY=jd("6"))
    kern = enc(jn.KERNEL)
    kern.update(PRIORITY=jd("3"))
    pid1 = enc(jn.PID1)
    pid1.update(PRIORITY=jd("6"))
    # every syslog sender with facility 4 here
    syslog = {ident: dict(enc(jn.syslog_sender(ident)), SYSLOG_FACILITY=jd("4"), PRIORITY=jd("6")) for ident in ("CRON", "sshd")}

    def fields(ident, p, msg):
        if ident == "kafka-server-start.sh":
            return jn.pick(STDOUT_ORDER, stdout, {"MESSAGE": msg, "_PID": f'"{p}"'})
        if ident == "kernel":
            return jn.pick(KERNEL_ORDER, kern, {"MESSAGE": msg})
        if ident == "systemd":
            return jn.pick(PID1_ORDER, pid1, {"UNIT": '"kafka.service"' if "kafka" in msg else '"session.scope"', "MESSAGE": msg})
        return jn.pick(SYSLOG_ORDER, syslog[ident], {"_PID": f'"{p}"', "SYSLOG_PID": f'"{p}"', "MESSAGE": msg})

    orders = {}

    def render(t, ident, p, msg):
        """msg: already JSON-encoded."""
        seq[0] += 1
        rt = t * 1000 + rng.randint(19, 139) if seq[0] & 7 else t * 1000 + 100
        mono = rt - boot_rt
        f = fields(ident, p, msg)
        f += ([("__CURSOR", jd(jn.cursor(seqid, seq[0], boot, mono, rt, f"{(rt * 2654435761) & 0xffffffffffffffff:016x}")))]
              + [(k, jd(v)) for k, v in jn.address(rt, mono, boot, machine, host)])
        # journalctl prints fields in hash-table order: a few fixed shuffles
        key = (len(f), seq[0] & 7)
        o = orders.get(key)
        if o is None:
            o = orders[key] = rng.sample(range(len(f)), len(f))
        return jn.json_entry([f[k] for k in o]) + "\n"

    pool = journal_pool(rng, n, pid)
    encoded = []
    for ident, p, unit, msg, logger in pool:
        if ident == "kafka-server-start.sh":
            encoded.append((ident, p, msg, logger))
        else:
            encoded.append((ident, p, jd(msg), None))
    picks = [rng.randrange(len(encoded)) for _ in range(65536)]

    def line(t, i):
        ident, p, msg, logger = encoded[picks[i & 65535]]
        if logger is not None:
            if OOM_T - 3 <= t < OOM_T + 11000:
                t = OOM_T + 11000 + (t - OOM_T) // 1000
            msg = jd(log4j(clk_l(t), "INFO", msg, logger))
            p = pid if t < OOM_T else pid2
        return render(t, ident, p, msg)

    def noise(t):
        ident, p, unit, msg, _ = journal_noise(rng)
        return render(t, ident, p, jd(msg))

    events = []
    for t, ident, p, lvl, msg, logger in journal_incident(n, pid, pid2):
        text = log4j(clk_l(t), lvl, msg, logger) if logger else msg
        events.append((t, render(t, ident, p, jd(text))))
    filler_loop(out, rng, budget, events, line, noise)
    out.close()
    return out


# ------------------------------------------------------------ GC logs

def gc_log(path, budget, seed, n):
    """JDK 17 G1 with -Xlog:gc*:file=gc.log:time,uptime,level,tags."""
    rng = file_rng(seed, path)
    out = Out(path)
    heap = 6144
    starts = [DAY0 - 3 * 86400 * 1000]  # JVM start (ms)
    if n == 1:
        starts.append(OOM_T + 10600)
    if n == 2:
        starts.append(RESTART_T + 9000)
    clk = gc.gc_clock()
    tagw = [12]

    def L(t, tags, msg):
        jvm = max(s for s in starts if s <= t)
        up = t - jvm
        tagw[0] = max(tagw[0], len(tags))
        return gc.decorate([clk(t) + "+0000", gc.uptime(up), "info", tags.ljust(tagw[0])], msg) + "\n"

    gcid = [0]

    def young(t, ms, name="Pause Young (Normal) (G1 Evacuation Pause)"):
        g = gcid[0]
        gcid[0] += 1
        end = t + int(ms)
        before = rng.randint(int(heap * .45), int(heap * .6))
        after = before - rng.randint(int(heap * .22), int(heap * .3))
        eden = (before - after) // 4
        ph = gc.YOUNG_PHASES
        s = [L(t, "gc,start", gc.event(g, name)),
             L(t, "gc,task", gc.event(g, "Using 8 workers of 8 for evacuation")),
             L(end, "gc,phases", gc.phase(g, ph[0], rng.uniform(.05, .4))),
             L(end, "gc,phases", gc.phase(g, ph[1], rng.uniform(.1, .5))),
             L(end, "gc,phases", gc.phase(g, ph[2], ms * .8)),
             L(end, "gc,phases", gc.phase(g, ph[3], rng.uniform(.5, 2.5))),
             L(end, "gc,phases", gc.phase(g, ph[4], rng.uniform(.2, 1.5))),
             L(end, "gc,heap", gc.regions(g, "Eden", eden, 0, eden + 3)),
             L(end, "gc,heap", gc.regions(g, "Survivor", rng.randint(8, 14), rng.randint(8, 14), 77)),
             L(end, "gc,heap", gc.regions(g, "Old", after // 4 - 22, after // 4 - 20)),
             L(end, "gc,heap", gc.regions(g, "Humongous", rng.randint(0, 6), 0)),
             L(end, "gc,metaspace", gc.metaspace(g)),
             L(end, "gc", gc.pause(g, name, before, after, heap, ms)),
             L(end, "gc,cpu", gc.cpu(g, ms / 1000 * 6.5, ms / 1000 * .4, ms / 1000))]
        return "".join(s), end

    def header(t):
        gcid[0] = 0
        init = [m for m in gc.g1_init(heap) if m.split(":")[0] in ("Version", "CPUs", "Memory", "Heap Region Size",
                                                                    "Heap Max Capacity")]
        return "".join(L(t, "gc,init" if k else "gc", m) for k, m in enumerate(["Using G1"] + init))

    probe, _ = young(DAY0, 20.0)
    gcid[0] = 0
    npause = max(10, int(budget / len(probe)))
    step = (END - DAY0) / npause
    t = DAY0 + 200
    restart = starts[1] if len(starts) > 1 else None
    down = {1: (OOM_T - 3, OOM_T + 10600), 2: (RESTART_T + 4600, RESTART_T + 9000), 3: (GC_T - 200, GC_T + 40000)}[n]
    while out.size < budget and t < END:
        if restart and t >= restart:
            out.add(header(restart + 30))
            restart = None
            t = max(t, starts[-1] + 500)
        if n == 3 and down and t >= GC_T - 200:
            # heap fills, an evacuation failure and a 38 s Full GC
            s, e = young(GC_T - 1500, 140.0, "Pause Young (Normal) (G1 Evacuation Pause)")
            out.add(s)
            g = gcid[0]
            gcid[0] += 1
            mark = gc.FULL_PHASES[0][0]
            out.add(L(GC_T, "gc,start", gc.event(g, gc.FULL_NAME)))
            out.add(L(GC_T + 5, "gc,phases,start", gc.event(g, mark)))
            end = GC_T + int(GC_MS)
            out.add(L(end, "gc,phases", gc.timed(g, mark, 14211.502)))
            out.add(L(end, "gc", gc.pause(g, gc.FULL_NAME, 6104, 5100, heap, GC_MS)))
            out.add(L(end, "gc,cpu", gc.cpu(g, 231.02, 1.10, GC_MS / 1000)))
            t = end + 2000
            down = None
            continue
        if down and down[0] <= t < down[1]:
            t = down[1] + 500
            continue
        s, _ = young(t, rng.uniform(5, 40))
        out.add(s)
        t += int(step * rng.uniform(0.5, 1.5))
    out.close()
    return out


# ------------------------------------------------------------ driver

def build(job):
    rel, budget, seed, outdir = job
    path = os.path.join(outdir, "corpus", rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    name = os.path.basename(rel)
    n = int(rel.split("/")[0][-1]) if rel.startswith("broker-") else 0
    if name == "orders-service.log":
        o = java_client(path, budget, seed, "log4j")
    elif name == "billing-consumer.log":
        o = java_client(path, budget, seed, "logback")
    elif name == "inventory-api.log":
        o = java_client(path, budget, seed, "spring")
    elif name == "telemetry-ingest.log":
        o = librdkafka_client(path, budget, seed)
    elif name == "journal.json":
        o = journal_json(path, budget, seed, n)
    elif name.startswith("journal.short-iso"):
        o = journal_short(path, budget, seed, n)
    elif name == "server.log":
        o = server_log(path, budget, seed, n)
    elif name == "gc.log":
        o = gc_log(path, budget, seed, n)
    else:
        raise ValueError(rel)
    return rel, os.path.getsize(path), o.lines


def main(argv=None):
    """bench/gen_corpus.py's command line."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    ap.add_argument("--gb", default="1.1", help="total size of corpus/ in GB (10^9 bytes)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--archive", default="clients/billing-consumer.log",
                    help="input copied to archive/ as .gz and .zst")
    a = ap.parse_args(argv)
    total = int(float(a.gb) * 1e9)
    jobs = [(rel, int(total * share), a.seed, a.out) for rel, share in FILES.items()]
    jobs.sort(key=lambda j: -j[1])  # biggest first for a balanced pool
    t0 = time.time()
    with ProcessPoolExecutor(max_workers=max(1, a.jobs)) as ex:
        res = sorted(ex.map(build, jobs))
    arch = os.path.join(a.out, "archive")
    os.makedirs(arch, exist_ok=True)
    src = os.path.join(a.out, "corpus", a.archive)
    base = os.path.join(arch, os.path.basename(a.archive))
    subprocess.run(f"gzip -6 -n -c '{src}' > '{base}.gz'", shell=True, check=True)
    if shutil.which("zstd"):
        subprocess.run(["zstd", "-q", "-f", "-3", "-T0", src, "-o", base + ".zst"], check=True)
    else:
        print("gen_corpus: zstd tool missing, no .zst copy", file=sys.stderr)
    with open(os.path.join(a.out, "MANIFEST"), "w") as m:
        m.write(f"# gen_corpus.py --gb {a.gb} --seed {a.seed}\n")
        for rel, size, lines in res:
            m.write(f"{rel}\t{size}\t{lines}\n")
        m.write("# incidents (UTC)\n")
        for what, t in [("broker-2 restart", RESTART_T), ("broker-3 Pause Full 38.1 s", GC_T), ("broker-1 OOM kill", OOM_T)]:
            m.write(f"# {iso_z_ms(t)}  {what}\n")
    print(f"gen_corpus: {sum(r[1] for r in res) / 1e9:.2f} GB, {sum(r[2] for r in res)} lines in "
          f"{time.time() - t0:.0f} s -> {a.out}", file=sys.stderr)
