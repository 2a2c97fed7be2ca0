#!/usr/bin/env python3
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

Line shapes are those of samples/generate.py and /work/shared/corpus (Java
clients in log4j, logback and Spring Boot layouts, librdkafka, journalctl
short-iso and -o json, broker server.log, JDK 17 unified G1 logs with gc*).
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
import json
import os
import random
import shutil
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime, timezone

DAY0 = int(datetime(2026, 3, 10, tzinfo=timezone.utc).timestamp() * 1000)  # epoch ms
H = 3600 * 1000
RESTART_T = DAY0 + 6 * H  # broker-2 systemctl restart
GC_T = DAY0 + 14 * H  # broker-3 Pause Full start
GC_MS = 38123.456
OOM_T = DAY0 + 20 * H  # broker-1 OOM kill
END = DAY0 + 24 * H - 1000
BROKER_IP = {1: "10.0.4.11", 2: "10.0.4.12", 3: "10.0.4.13"}
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


def bhost(n):
    return f"broker-{n}.kafka.internal"


class Clock:
    """Formats epoch-ms stamps; the part up to the second is cached because
    consecutive lines share it (this is what keeps the generator fast)."""

    def __init__(self, fmt, sep):
        self.fmt, self.sep, self.sec, self.head = fmt, sep, None, ""

    def __call__(self, t):
        s = t // 1000
        if s != self.sec:
            self.sec = s
            self.head = time.strftime(self.fmt, time.gmtime(s))
        return f"{self.head}{self.sep}{t % 1000:03d}"


log4j_ts = lambda: Clock("%Y-%m-%d %H:%M:%S", ",")  # noqa: E731
logback_ts = lambda: Clock("%Y-%m-%d %H:%M:%S", ".")  # noqa: E731


def iso_z(t):
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(t // 1000)) + f".{t % 1000:03d}Z"


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

PRODUCER_CONFIG = """ProducerConfig values: 
\tacks = -1
\tbatch.size = 16384
\tbootstrap.servers = [broker-1.kafka.internal:9092, broker-2.kafka.internal:9092, broker-3.kafka.internal:9092]
\tbuffer.memory = 33554432
\tclient.id = {cid}
\tcompression.type = lz4
\tconnections.max.idle.ms = 540000
\tdelivery.timeout.ms = 120000
\tenable.idempotence = true
\tlinger.ms = 5
\tmax.in.flight.requests.per.connection = 5
\tmetadata.max.age.ms = 300000
\treconnect.backoff.max.ms = 1000
\treconnect.backoff.ms = 50
\trequest.timeout.ms = 30000
\tretries = 2147483647
\tretry.backoff.ms = 100
\tsecurity.protocol = PLAINTEXT
\tsocket.connection.setup.timeout.max.ms = 30000
\tsocket.connection.setup.timeout.ms = 10000
"""
CONSUMER_CONFIG = """ConsumerConfig values: 
\tallow.auto.create.topics = true
\tauto.commit.interval.ms = 5000
\tauto.offset.reset = latest
\tbootstrap.servers = [broker-1.kafka.internal:9092, broker-2.kafka.internal:9092, broker-3.kafka.internal:9092]
\tclient.id = {cid}
\tconnections.max.idle.ms = 540000
\tdefault.api.timeout.ms = 60000
\tenable.auto.commit = false
\tfetch.max.wait.ms = 500
\tgroup.id = {gid}
\tmax.poll.interval.ms = 300000
\tmax.poll.records = 500
\trequest.timeout.ms = 30000
\tsession.timeout.ms = 45000
\tsocket.connection.setup.timeout.max.ms = 30000
\tsocket.connection.setup.timeout.ms = 10000
"""

STACK = """java.util.concurrent.ExecutionException: org.apache.kafka.common.errors.NetworkException: {msg}
\tat org.apache.kafka.clients.producer.internals.FutureRecordMetadata.valueOrError(FutureRecordMetadata.java:98)
\tat org.apache.kafka.clients.producer.internals.FutureRecordMetadata.get(FutureRecordMetadata.java:67)
\tat org.apache.kafka.clients.producer.internals.FutureRecordMetadata.get(FutureRecordMetadata.java:30)
\tat com.acme.orders.events.EventPublisher.publish(EventPublisher.java:88)
\tat com.acme.orders.service.OrderService.confirm(OrderService.java:214)
\tat java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1136)
\tat java.base/java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:635)
\tat java.base/java.lang.Thread.run(Thread.java:840)
Caused by: org.apache.kafka.common.errors.NetworkException: {msg}
"""

DISC_MSG = "The server disconnected before a response was received."


def producer_burst(rng, t, node, cid, topic, timeout=False):
    """(t, level, message, logger) of a Java producer losing node `node`."""
    out = []
    if timeout:
        out.append((t, "INFO", f"[Producer clientId={cid}] Disconnecting from node {node} due to request timeout.",
                    "org.apache.kafka.clients.NetworkClient"))
    else:
        out.append((t, "INFO", f"[Producer clientId={cid}] Node {node} disconnected.",
                    "org.apache.kafka.clients.NetworkClient"))
    corr = rng.randint(100000, 999999)
    for k in range(rng.randint(4, 7)):
        p = rng.randint(0, 11)
        tt = t + 2 + k
        out.append((tt, "WARN", f"[Producer clientId={cid}] Got error produce response with correlation id {corr} on "
                    f"topic-partition {topic}-{p}, retrying (2147483646 attempts left). Error: NETWORK_EXCEPTION. "
                    f"Error Message: Disconnected from node {node}", "org.apache.kafka.clients.producer.internals.Sender"))
        out.append((tt, "WARN", f"[Producer clientId={cid}] Received invalid metadata error in produce request on "
                    f"partition {topic}-{p} due to org.apache.kafka.common.errors.NetworkException: {DISC_MSG}. "
                    "Going to request metadata update now", "org.apache.kafka.clients.producer.internals.Sender"))
    if not timeout:
        back = 50
        tt = t + 60
        while back < 1000:
            out.append((tt, "WARN", f"[Producer clientId={cid}] Connection to node {node} ({bhost(node)}/"
                        f"{BROKER_IP[node]}:9092) could not be established. Broker may not be available.",
                        "org.apache.kafka.clients.NetworkClient"))
            tt += back + rng.randint(0, back)
            back *= 2
    return out


def consumer_burst(rng, t, node, cid, gid, timeout=False):
    out = []
    pre = f"[Consumer clientId={cid}, groupId={gid}]"
    if timeout:
        out.append((t, "INFO", f"{pre} Disconnecting from node {node} due to request timeout.",
                    "org.apache.kafka.clients.NetworkClient"))
        out.append((t + 1, "INFO", f"{pre} Cancelled in-flight FETCH request with correlation id "
                    f"{rng.randint(10000, 99999)} due to node {node} being disconnected (elapsed time since creation: "
                    f"30011ms, elapsed time since send: 30011ms, request timeout: 30000ms)",
                    "org.apache.kafka.clients.NetworkClient"))
    else:
        out.append((t, "INFO", f"{pre} Node {node} disconnected.", "org.apache.kafka.clients.NetworkClient"))
        out.append((t + 1, "INFO", f"{pre} Cancelled in-flight FETCH request with correlation id "
                    f"{rng.randint(10000, 99999)} due to node {node} being disconnected (elapsed time since creation: "
                    f"{rng.randint(5, 400)}ms, elapsed time since send: {rng.randint(5, 400)}ms, request timeout: 30000ms)",
                    "org.apache.kafka.clients.NetworkClient"))
    out.append((t + 3, "INFO", f"{pre} Error sending fetch request (sessionId={rng.randint(10**8, 2 * 10**9)}, "
                f"epoch={rng.randint(100, 9999)}) to node {node}: org.apache.kafka.common.errors.DisconnectException.",
                "org.apache.kafka.clients.FetchSessionHandler"))
    if not timeout:
        for k in range(4):
            out.append((t + 60 + 200 * k, "WARN", f"{pre} Connection to node {node} ({bhost(node)}/"
                        f"{BROKER_IP[node]}:9092) could not be established. Broker may not be available.",
                        "org.apache.kafka.clients.NetworkClient"))
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
        clk = log4j_ts()
        cid, topic = "orders-producer", "orders"

        def fmt(t, lvl, msg, logger):
            return f"[{clk(t)}] {lvl} {msg} ({logger})\n"

        pool = []
        for _ in range(20000):
            r = rng.random()
            if r < 0.45:
                pool.append(("INFO", f"Published OrderCreated for order {rng.randint(100000, 999999)} to orders",
                             "com.acme.orders.events.EventPublisher"))
            elif r < 0.75:
                pool.append(("INFO", f"POST /api/v1/orders 201 {rng.randint(3, 90)}ms", "com.acme.orders.web.RequestLog"))
            elif r < 0.93:
                pool.append(("INFO", f"Order {rng.randint(100000, 999999)} confirmed ({rng.randint(1, 9)} items, total "
                             f"{rng.randint(5, 900)}.{rng.randint(0, 99):02d} EUR)", "com.acme.orders.service.OrderService"))
            elif r < 0.98:
                pool.append(("DEBUG", f"[Producer clientId={cid}] Sending PRODUCE request with header RequestHeader(apiKey=PRODUCE, "
                             f"apiVersion=9, clientId={cid}, correlationId={rng.randint(1, 10**6)}) and timeout 30000 to node "
                             f"{rng.randint(1, 3)}: {{acks=-1,timeout=30000,partitionSizes=[orders-{rng.randint(0, 11)}="
                             f"{rng.randint(100, 9000)}]}}", "org.apache.kafka.clients.NetworkClient"))
            else:
                pool.append(("DEBUG", f"[Producer clientId={cid}] Sending metadata request MetadataRequestData(topics="
                             f"[MetadataRequestTopic(topicId=AAAAAAAAAAAAAAAAAAAAAA, name='orders')], allowAutoTopicCreation=true) "
                             f"to node {bhost(rng.randint(1, 3))}:9092 (id: {rng.randint(1, 3)} rack: null)",
                             "org.apache.kafka.clients.NetworkClient"))
        header = [(DAY0, "INFO", PRODUCER_CONFIG.format(cid=cid).rstrip("\n") + "\n",
                   "org.apache.kafka.clients.producer.ProducerConfig")]
        noise = ("INFO", f"[Producer clientId={cid}] Node -1 disconnected.", "org.apache.kafka.clients.NetworkClient")
    elif layout == "logback":
        clk = logback_ts()
        cid, gid = "billing-consumer-1", "billing"

        def fmt(t, lvl, msg, logger, thread="billing-consumer-0"):
            return f"{clk(t)} [{thread}] {lvl:<5} {logger}  - {msg}\n"

        pool = []
        for _ in range(20000):
            r = rng.random()
            w = f"billing-worker-{rng.randint(0, 9)}"
            if r < 0.5:
                pool.append(("INFO", f"Processed {rng.randint(1, 500)} records from billing-events in {rng.randint(3, 900)} ms",
                             "com.acme.billing.listener.BatchListener", w))
            elif r < 0.8:
                pool.append(("INFO", f"Committed offsets for {rng.randint(1, 12)} partition(s) of billing-events",
                             "com.acme.billing.listener.BatchListener", w))
            elif r < 0.97:
                pool.append(("INFO", f"Invoice INV-{rng.randint(10**6, 10**7)} settled for customer C{rng.randint(1000, 99999)} "
                             f"amount {rng.randint(1, 5000)}.{rng.randint(0, 99):02d} EUR", "com.acme.billing.InvoiceService", w))
            else:
                pool.append(("DEBUG", f"[Consumer clientId={cid}, groupId={gid}] Sending metadata request MetadataRequestData("
                             f"topics=[MetadataRequestTopic(topicId=AAAAAAAAAAAAAAAAAAAAAA, name='billing-events')], "
                             f"allowAutoTopicCreation=true, includeClusterAuthorizedOperations=false, "
                             f"includeTopicAuthorizedOperations=false) to node {bhost(rng.randint(1, 3))}:9092 "
                             f"(id: {rng.randint(1, 3)} rack: null)", "org.apache.kafka.clients.NetworkClient",
                             "billing-consumer-0"))
        header = [(DAY0, "INFO", CONSUMER_CONFIG.format(cid=cid, gid=gid).rstrip("\n"),
                   "org.apache.kafka.clients.consumer.ConsumerConfig")]
        noise = ("INFO", f"[Consumer clientId={cid}, groupId={gid}] Node -1 disconnected.",
                 "org.apache.kafka.clients.NetworkClient")
    else:  # spring boot 3 console layout
        cid, topic = "producer-1", "inventory"

        def fmt(t, lvl, msg, logger, thread="ad | producer-1"):
            return f"{iso_z(t)} {lvl:>5} 1 --- [inventory-api] [{thread[-15:]:>15}] {logger[:40]:<40} : {msg}\n"

        pool = []
        for _ in range(20000):
            r = rng.random()
            w = f"ry-api-worker-{rng.randint(0, 9)}"
            if r < 0.5:
                pool.append(("INFO", f"Stock snapshot published ({rng.randint(100, 9999)} SKUs)",
                             "com.acme.inventory.sync.StockSync", w))
            elif r < 0.95:
                pool.append(("INFO", f"GET /api/v1/stock/{rng.randint(10000, 99999)} 200 {rng.randint(1, 60)}ms",
                             "c.a.inventory.web.RequestLoggingFilter", f"nio-8080-exec-{rng.randint(1, 9)}"))
            else:
                pool.append(("WARN", f"Slow query on stock_levels took {rng.randint(500, 3000)} ms",
                             "c.a.inventory.repo.StockRepository", w))
        header = [(DAY0, "INFO", PRODUCER_CONFIG.format(cid=cid).rstrip("\n"), "o.a.k.clients.producer.ProducerConfig",
                   "           main")]
        noise = ("INFO", f"[Producer clientId={cid}] Node -1 disconnected.", "o.a.k.clients.NetworkClient")

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
                events.append((tt, fmt(tt, "ERROR", f"Failed to publish event for order {rng.randint(100000, 999999)} to "
                                       "orders", "com.acme.orders.events.EventPublisher") + STACK.format(msg=DISC_MSG)))
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

    def rd(t, lvl, fac, thrd, msg):
        return f"%{lvl}|{t // 1000}.{t % 1000:03d}|{fac}|{name}| [thrd:{thrd}]: {msg}\n"

    pool = []
    for _ in range(20000):
        n = rng.randint(1, 3)
        b = f"{bhost(n)}:9092/{n}"
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
        b = f"{bhost(node)}:9092/{node}"
        if tmo:
            events.append((t, rd(t, 4, "REQTMOUT", b, f"{b}: Timed out ProduceRequest in flight (after 30012ms, timeout #0)")))
            events.append((t, rd(t, 4, "REQTMOUT", b, f"{b}: Timed out 3 in-flight, 0 retry-queued, 0 out-queue, "
                                 "0 partially-sent requests")))
            events.append((t + 1, rd(t + 1, 3, "FAIL", b, f"{b}: 3 request(s) timed out: disconnect (after 7211831ms "
                                     "in state UP)")))
            continue
        up = rng.randint(10**6, 5 * 10**7)
        events.append((t, rd(t, 3, "FAIL", b, f"{b}: Disconnected (after {up}ms in state UP)")))
        events.append((t, rd(t, 3, "ERROR", b, f"{b}: Disconnected (after {up}ms in state UP)")))
        events.append((t + 1, rd(t + 1, 3, "FAIL", b, f"{b}: Receive failed: Connection reset by peer")))
        for k in range(5):
            tt = t + 300 + 500 * k
            events.append((tt, rd(tt, 3, "FAIL", b, f"{b}: Connect to ipv4#{BROKER_IP[node]}:9092 failed: Connection "
                                  f"refused (after 0ms in state CONNECT)")))
    picks = [rng.randrange(len(pool)) for _ in range(65536)]
    noise = (6, "FAIL", "GroupCoordinator", "GroupCoordinator: broker-1.kafka.internal:9092: Disconnected (after "
             "600011ms in state UP, 1 identical error(s) suppressed)")
    filler_loop(out, rng, budget, events, lambda t, i: rd(t, *pool[picks[i & 65535]]), lambda t: rd(t, *noise))
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
            pool.append(("INFO", f"[ProducerStateManager partition={topic}-{p}] Wrote producer snapshot at offset "
                         f"{rng.randint(10**6, 10**8)} with 0 producer ids in {rng.randint(1, 20)} ms.",
                         "kafka.log.ProducerStateManager"))
        elif r < 0.6:
            pool.append(("INFO", f"[LocalLog partition={topic}-{p}, dir=/var/lib/kafka/data] Rolled new log segment at "
                         f"offset {rng.randint(10**6, 10**8)} in {rng.randint(1, 20)} ms.", "kafka.log.LocalLog"))
        elif r < 0.8:
            pool.append(("INFO", f"[UnifiedLog partition={topic}-{p}, dir=/var/lib/kafka/data] Deleting segment "
                         f"LogSegment(baseOffset={rng.randint(10**6, 10**8)}, size={rng.randint(10**7, 2 ** 30)}, "
                         f"lastModifiedTime={1773100000000 + rng.randint(0, 10**8)}, largestRecordTimestamp=Some("
                         f"{1773100000000 + rng.randint(0, 10**8)})) due to retention time 604800000ms breach based on the "
                         "largest record timestamp in the segment", "kafka.log.UnifiedLog"))
        elif r < 0.95:
            pool.append(("INFO", f"[GroupCoordinator {n}]: Assignment received from leader for group "
                         f"{rng.choice(['billing', 'inventory-sync', 'search-indexer'])} for generation "
                         f"{rng.randint(10, 900)}. The group has {rng.randint(2, 9)} members, 0 of which are static.",
                         "kafka.coordinator.group.GroupCoordinator"))
        else:
            pool.append(("INFO", f"[GroupMetadataManager brokerId={n}] Removed 0 expired offsets in "
                         f"{rng.randint(0, 3)} milliseconds.", "kafka.coordinator.group.GroupMetadataManager"))
    return pool


def restart_lines(n, t_stop, t_done, t_start, t_up, clean=True):
    """(t, level, msg, logger) of a broker stop (if clean) and start."""
    L = []
    if clean:
        L += [(t_stop, "INFO", f"[KafkaServer id={n}] shutting down", "kafka.server.KafkaServer"),
              (t_stop + 2, "INFO", f"[KafkaServer id={n}] Starting controlled shutdown", "kafka.server.KafkaServer"),
              (t_stop + 900, "INFO", f"[KafkaServer id={n}] Controlled shutdown request returned successfully after "
               "877ms", "kafka.server.KafkaServer"),
              (t_stop + 905, "INFO", f"[SocketServer listenerType=ZK_BROKER, nodeId={n}] Stopping socket server request "
               "processors", "kafka.network.SocketServer"),
              (t_stop + 910, "INFO", f"[data-plane Kafka Request Handler on Broker {n}], shutting down",
               "kafka.server.KafkaRequestHandlerPool"),
              (t_stop + 920, "INFO", f"[ReplicaFetcherManager on broker {n}] shutting down",
               "kafka.server.ReplicaFetcherManager"),
              (t_done, "INFO", f"[KafkaServer id={n}] shut down completed", "kafka.server.KafkaServer")]
    else:
        L += [(t_start + 800, "INFO", "[LogLoader partition=orders-3, dir=/var/lib/kafka/data] Recovering unflushed "
               "segment 0. 0/1 recovered for orders-3.", "kafka.log.LogLoader"),
              (t_start + 700, "WARN", "[LogLoader partition=__consumer_offsets-17, dir=/var/lib/kafka/data] Found a "
               "corrupted index file corresponding to log file /var/lib/kafka/data/__consumer_offsets-17/"
               "00000000000000000000.log due to Corrupt time index found, time index file", "kafka.log.LogLoader"),
              (t_start + 600, "INFO", "Attempting recovery of all logs in /var/lib/kafka/data since no clean "
               "shutdown file was found", "kafka.log.LogManager")]
    L += [(t_start, "INFO", "Registered kafka:type=kafka.Log4jController MBean", "kafka.utils.Log4jControllerRegistration$"),
          (t_start + 40, "INFO", f"[KafkaServer id={n}] starting", "kafka.server.KafkaServer"),
          (t_up - 5, "INFO", f"[SocketServer listenerType=ZK_BROKER, nodeId={n}] Started socket server acceptors and "
           "processors", "kafka.network.SocketServer"),
          (t_up, "INFO", f"[KafkaServer id={n}] started", "kafka.server.KafkaServer")]
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
            L.append((t, "INFO", f"[Partition orders-{p} broker={n}] Shrinking ISR from {n},3 to {n}. Leader: "
                      f"(highWatermark: {5000000 + p}, endOffset: {5000100 + p}). Out of sync replicas: "
                      "(brokerId: 3, endOffset: 4999000, lastCaughtUpTimeMs: 1773151190000).", "kafka.cluster.Partition"))
    return L


def server_log(path, budget, seed, n):
    rng = file_rng(seed, path)
    out = Out(path)
    clk = log4j_ts()

    def fmt(t, lvl, msg, logger):
        return f"[{clk(t)}] {lvl} {msg} ({logger})\n"

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

SYSTEMD_MSGS = ["Starting sysstat-collect.service - system activity accounting tool...",
                "sysstat-collect.service: Deactivated successfully.",
                "Finished sysstat-collect.service - system activity accounting tool.",
                "Starting logrotate.service - Rotate log files...",
                "logrotate.service: Deactivated successfully."]


def journal_pool(rng, n, pid):
    """(ident, pid, message) of a broker host's ordinary journal traffic."""
    pool = []
    for lvl, msg, logger in server_pool(rng, n)[:12000]:
        pool.append(("kafka-server-start.sh", pid, None, msg, logger))
    for _ in range(300):
        r = rng.random()
        if r < 0.5:
            pool.append(("CRON", rng.randint(30000, 39999), "cron.service",
                         "(root) CMD (cd / && run-parts --report /etc/cron.hourly)", None))
        elif r < 0.8:
            pool.append(("systemd", 1, "init.scope", rng.choice(SYSTEMD_MSGS), None))
        else:
            pool.append(("sshd", rng.randint(2000, 60000), "ssh.service",
                         f"Accepted publickey for deploy from 10.0.9.{rng.randint(2, 250)} port {rng.randint(30000, 60000)} "
                         "ssh2: ED25519 SHA256:Xq3v1E0c8y0F4rGm2qJ3m7d6Yl5b0s9Q1rA2kZ8pW4c", None))
    return pool


def journal_noise(rng):
    """Grep-visible lines that are not Kafka events."""
    k = rng.random()
    if k < 0.4:
        return ("sshd", rng.randint(2000, 60000), "ssh.service",
                f"Disconnected from user deploy 10.0.9.{rng.randint(2, 250)} port {rng.randint(30000, 60000)}", None)
    if k < 0.8:
        s = rng.randint(100, 9999)
        return ("systemd", 1, "init.scope", f"Started session-{s}.scope - Session {s} of User deploy.", None)
    return ("kernel", None, None, f"nf_conntrack: nf_conntrack: table full, dropping packet", None)


def journal_incident(n, pid, pid2):
    """(t, ident, pid, message, logger-or-None) of the broker host's incident lines."""
    J = []
    for t, lvl, msg, logger in broker_timeline(n):
        J.append((t, "kafka-server-start.sh", pid if t < (OOM_T if n == 1 else RESTART_T + 5000) else pid2,
                  f"{lvl} {msg}", logger))
    if n == 2:
        J += [(RESTART_T, "systemd", 1, "Stopping kafka.service - Apache Kafka server (broker)...", None),
              (RESTART_T + 4700, "systemd", 1, "kafka.service: Deactivated successfully.", None),
              (RESTART_T + 4702, "systemd", 1, "Stopped kafka.service - Apache Kafka server (broker).", None),
              (RESTART_T + 4705, "systemd", 1, "kafka.service: Consumed 3h 2min 11.204s CPU time.", None),
              (RESTART_T + 4800, "systemd", 1, "Started kafka.service - Apache Kafka server (broker).", None)]
    if n == 1:
        J += [(OOM_T - 40, "kernel", None, "java invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), "
               "order=0, oom_score_adj=0", None),
              (OOM_T - 20, "kernel", None, "oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,"
               f"global_oom,task_memcg=/system.slice/kafka.service,task=java,pid={pid},uid=998", None),
              (OOM_T - 19, "kernel", None, f"Out of memory: Killed process {pid} (java) total-vm:33825084kB, "
               "anon-rss:29656448kB, file-rss:0kB, shmem-rss:0kB, UID:998 pgtables:57948kB oom_score_adj:0", None),
              (OOM_T + 60, "kernel", None, f"oom_reaper: reaped process {pid} (java), now anon-rss:0kB, file-rss:0kB, "
               "shmem-rss:0kB", None),
              (OOM_T + 70, "systemd", 1, "kafka.service: A process of this unit has been killed by the OOM killer.", None),
              (OOM_T + 75, "systemd", 1, "kafka.service: Main process exited, code=killed, status=9/KILL", None),
              (OOM_T + 76, "systemd", 1, "kafka.service: Failed with result 'oom-kill'.", None),
              (OOM_T + 10000, "systemd", 1, "kafka.service: Scheduled restart job, restart counter is at 1.", None),
              (OOM_T + 10010, "systemd", 1, "Started kafka.service - Apache Kafka server (broker).", None)]
    return J


def journal_short(path, budget, seed, n):
    rng = file_rng(seed, path)
    out = Out(path)
    host = f"broker-{n}"
    pid, pid2 = rng.randint(1000, 3000), rng.randint(3001, 9000)
    clk_j = Clock("%Y-%m-%dT%H:%M:%S+0000", "")
    clk_l = log4j_ts()

    def fmt(t, ident, p, unit, msg):
        who = "kernel" if ident == "kernel" else f"{ident}[{p}]"
        return f"{clk_j(t)[:-3]} {host} {who}: {msg}\n"

    pool = journal_pool(rng, n, pid)
    picks = [rng.randrange(len(pool)) for _ in range(65536)]
    events = []
    for t, ident, p, msg, logger in journal_incident(n, pid, pid2):
        if logger:
            events.append((t, f"{clk_j(t)[:-3]} {host} {ident}[{p}]: [{clk_l(t)}] {msg} ({logger})\n"))
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
            return f"{clk_j(t)[:-3]} {host} kafka-server-start.sh[{p}]: [{clk_l(t)}] INFO {msg} ({logger})\n"
        return fmt(t, ident, p, unit, msg)

    def noise(t):
        ident, p, unit, msg, _ = journal_noise(rng)
        return fmt(t, ident, p, unit, msg)

    filler_loop(out, rng, budget, events, line, noise)
    out.close()
    return out


def journal_json(path, budget, seed, n):
    rng = file_rng(seed, path)
    out = Out(path)
    host = f"broker-{n}"
    hx = lambda k: "".join(rng.choice("0123456789abcdef") for _ in range(k))  # noqa: E731
    boot, machine, seqid = hx(32), hx(32), hx(32)
    boot_rt = (DAY0 - 41 * 86400 * 1000) * 1000  # booted 41 days earlier (us)
    pid, pid2 = rng.randint(1000, 3000), rng.randint(3001, 9000)
    clk_l = log4j_ts()
    seq = [0]
    jd = lambda s: json.dumps(s, ensure_ascii=False)  # noqa: E731
    inv = hx(32)

    def fields(ident, p, msg):
        if ident == "kafka-server-start.sh":
            return [("_TRANSPORT", '"stdout"'), ("_COMM", '"java"'), ("_EXE", '"/usr/lib/jvm/java-17-openjdk-amd64/bin/java"'),
                    ("_SYSTEMD_UNIT", '"kafka.service"'), ("_SYSTEMD_SLICE", '"system.slice"'), ("MESSAGE", msg),
                    ("_UID", '"998"'), ("_GID", '"998"'), ("_PID", f'"{p}"'), ("SYSLOG_IDENTIFIER", '"kafka-server-start.sh"'),
                    ("SYSLOG_FACILITY", '"3"'), ("_SYSTEMD_CGROUP", '"/system.slice/kafka.service"'),
                    ("_SYSTEMD_INVOCATION_ID", f'"{inv}"'), ("_STREAM_ID", '"61f0a9d3c27e4b58904ea1c6d3b72f85"'),
                    ("_CMDLINE", '"java -Xmx6G -Xms6G -server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -cp /opt/kafka/bin/../libs/* '
                     'kafka.Kafka /etc/kafka/server.properties"'), ("PRIORITY", '"6"')]
        if ident == "kernel":
            return [("_TRANSPORT", '"kernel"'), ("SYSLOG_IDENTIFIER", '"kernel"'), ("SYSLOG_FACILITY", '"0"'),
                    ("MESSAGE", msg), ("PRIORITY", '"3"')]
        if ident == "systemd":
            return [("_TRANSPORT", '"journal"'), ("_PID", '"1"'), ("_COMM", '"systemd"'), ("_EXE", '"/usr/lib/systemd/systemd"'),
                    ("_SYSTEMD_CGROUP", '"/init.scope"'), ("_SYSTEMD_UNIT", '"init.scope"'), ("_SYSTEMD_SLICE", '"-.slice"'),
                    ("SYSLOG_IDENTIFIER", '"systemd"'), ("SYSLOG_FACILITY", '"3"'), ("_UID", '"0"'), ("_GID", '"0"'),
                    ("_CAP_EFFECTIVE", '"1ffffffffff"'), ("UNIT", '"kafka.service"' if "kafka" in msg else '"session.scope"'),
                    ("MESSAGE", msg), ("PRIORITY", '"6"')]
        return [("_TRANSPORT", '"syslog"'), ("SYSLOG_IDENTIFIER", jd(ident)), ("_PID", f'"{p}"'), ("SYSLOG_PID", f'"{p}"'),
                ("_COMM", jd(ident.lower())), ("_UID", '"0"'), ("_GID", '"0"'), ("SYSLOG_FACILITY", '"4"'),
                ("MESSAGE", msg), ("PRIORITY", '"6"')]

    orders = {}

    def render(t, ident, p, msg):
        """msg: already JSON-encoded."""
        seq[0] += 1
        rt = t * 1000 + rng.randint(19, 139) if seq[0] & 7 else t * 1000 + 100
        mono = rt - boot_rt
        f = fields(ident, p, msg)
        f += [("__CURSOR", f'"s={seqid};i={seq[0]:x};b={boot};m={mono:x};t={rt:x};x={(rt * 2654435761) & 0xffffffffffffffff:016x}"'),
              ("__REALTIME_TIMESTAMP", f'"{rt}"'), ("__MONOTONIC_TIMESTAMP", f'"{mono}"'), ("_BOOT_ID", f'"{boot}"'),
              ("_MACHINE_ID", f'"{machine}"'), ("_HOSTNAME", f'"{host}"')]
        # journalctl prints fields in hash-table order: a few fixed shuffles
        key = (len(f), seq[0] & 7)
        o = orders.get(key)
        if o is None:
            o = orders[key] = rng.sample(range(len(f)), len(f))
        f = [f[k] for k in o]
        return "{" + ",".join(f'"{k}":{v}' for k, v in f) + "}\n"

    pool = journal_pool(rng, n, pid)
    enc = []
    for ident, p, unit, msg, logger in pool:
        if ident == "kafka-server-start.sh":
            enc.append((ident, p, msg, logger))
        else:
            enc.append((ident, p, jd(msg), None))
    picks = [rng.randrange(len(enc)) for _ in range(65536)]

    def line(t, i):
        ident, p, msg, logger = enc[picks[i & 65535]]
        if logger is not None:
            if OOM_T - 3 <= t < OOM_T + 11000:
                t = OOM_T + 11000 + (t - OOM_T) // 1000
            msg = jd(f"[{clk_l(t)}] INFO {msg} ({logger})")
            p = pid if t < OOM_T else pid2
        return render(t, ident, p, msg)

    def noise(t):
        ident, p, unit, msg, _ = journal_noise(rng)
        return render(t, ident, p, jd(msg))

    events = []
    for t, ident, p, msg, logger in journal_incident(n, pid, pid2):
        text = f"[{clk_l(t)}] {msg} ({logger})" if logger else msg
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
    clk = Clock("%Y-%m-%dT%H:%M:%S", ".")
    tagw = [12]

    def L(t, tags, msg):
        jvm = max(s for s in starts if s <= t)
        up = t - jvm
        tagw[0] = max(tagw[0], len(tags))
        return f"[{clk(t)}+0000][{up // 1000}.{up % 1000:03d}s][info][{tags:<{tagw[0]}}] {msg}\n"

    gcid = [0]

    def young(t, ms, name="Pause Young (Normal) (G1 Evacuation Pause)"):
        g = gcid[0]
        gcid[0] += 1
        end = t + int(ms)
        before = rng.randint(int(heap * .45), int(heap * .6))
        after = before - rng.randint(int(heap * .22), int(heap * .3))
        eden = (before - after) // 4
        s = [L(t, "gc,start", f"GC({g}) {name}"),
             L(t, "gc,task", f"GC({g}) Using 8 workers of 8 for evacuation"),
             L(end, "gc,phases", f"GC({g})   Pre Evacuate Collection Set: {rng.uniform(.05, .4):.2f}ms"),
             L(end, "gc,phases", f"GC({g})   Merge Heap Roots: {rng.uniform(.1, .5):.2f}ms"),
             L(end, "gc,phases", f"GC({g})   Evacuate Collection Set: {ms * .8:.2f}ms"),
             L(end, "gc,phases", f"GC({g})   Post Evacuate Collection Set: {rng.uniform(.5, 2.5):.2f}ms"),
             L(end, "gc,phases", f"GC({g})   Other: {rng.uniform(.2, 1.5):.2f}ms"),
             L(end, "gc,heap", f"GC({g}) Eden regions: {eden}->0({eden + 3})"),
             L(end, "gc,heap", f"GC({g}) Survivor regions: {rng.randint(8, 14)}->{rng.randint(8, 14)}(77)"),
             L(end, "gc,heap", f"GC({g}) Old regions: {after // 4 - 22}->{after // 4 - 20}"),
             L(end, "gc,heap", f"GC({g}) Humongous regions: {rng.randint(0, 6)}->0"),
             L(end, "gc,metaspace", f"GC({g}) Metaspace: 71234K(72000K)->71234K(72000K) NonClass: "
               "63104K(63616K)->63104K(63616K) Class: 8130K(8384K)->8130K(8384K)"),
             L(end, "gc", f"GC({g}) {name} {before}M->{after}M({heap}M) {ms:.3f}ms"),
             L(end, "gc,cpu", f"GC({g}) User={ms / 1000 * 6.5:.2f}s Sys={ms / 1000 * .4:.2f}s Real={ms / 1000:.2f}s")]
        return "".join(s), end

    def header(t):
        gcid[0] = 0
        return "".join(L(t, "gc,init" if k else "gc", m) for k, m in enumerate(
            ["Using G1", "Version: 17.0.14+7-Debian-1deb12u1 (release)", "CPUs: 8 total, 8 available",
             "Memory: 31846M", "Heap Region Size: 4M", f"Heap Max Capacity: {heap // 1024}G"]))

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
            out.add(L(GC_T, "gc,start", f"GC({g}) Pause Full (G1 Compaction Pause)"))
            out.add(L(GC_T + 5, "gc,phases,start", f"GC({g}) Phase 1: Mark live objects"))
            end = GC_T + int(GC_MS)
            out.add(L(end, "gc,phases", f"GC({g}) Phase 1: Mark live objects 14211.502ms"))
            out.add(L(end, "gc", f"GC({g}) Pause Full (G1 Compaction Pause) 6104M->5100M({heap}M) {GC_MS:.3f}ms"))
            out.add(L(end, "gc,cpu", f"GC({g}) User=231.02s Sys=1.10s Real={GC_MS / 1000:.2f}s"))
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


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    ap.add_argument("--gb", default="1.1", help="total size of corpus/ in GB (10^9 bytes)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--archive", default="clients/billing-consumer.log",
                    help="input copied to archive/ as .gz and .zst")
    a = ap.parse_args()
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
            m.write(f"# {iso_z(t)}  {what}\n")
    print(f"gen_corpus: {sum(r[1] for r in res) / 1e9:.2f} GB, {sum(r[2] for r in res)} lines in "
          f"{time.time() - t0:.0f} s -> {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
