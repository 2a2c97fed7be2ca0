"""The stateful hosts of the sample bundles: a broker host (its server.log, its journal,
its GC log, with startup, clean shutdown and OOM-kill sequences) and the client
applications (Java kafka-clients in one layout, librdkafka with its default logger or
inside confluent-kafka-python's logging, a Go application with sarama).

Every line shape comes from the emitter modules (javalog, javaclient, broker, journal,
kernel, gc, librdkafka, sarama); this module decides what happens when, drawing every value
from the host's own random.Random so that a rerun reproduces every byte.
"""

import hashlib
import os
import random
from datetime import timedelta

from . import apps
from . import broker as kb
from . import javaclient as jc
from . import journal as jn
from . import kernel
from . import kafkajs as kj
from . import librdkafka as rd
from . import sarama as sa
from .common import BROKER_IP, EPOCH, HOUR, MIN, MS, SEC, UTC, LogFile, bhost, dt, wfile
from .gc import GcLog
from .javalog import compose, log4j, logback, logstash, spring3, ts_iso_z, ts_log4j, ts_logback
from .journal import Journal, timespan


# ---------------------------------------------------------------- brokers

SYSSTAT, SYSSTAT_DESC = jn.SYSSTAT_UNIT, jn.SYSSTAT_DESCRIPTION

class Broker:
    ids = (1, 2, 3)  # the cluster's broker ids (Kubernetes StatefulSets count from 0)

    def __init__(self, bundle, n, tz=UTC, gc_dec="time,uptime,level,tags", gc_detail=False):
        self.b = bundle
        self.n = n
        self.rng = random.Random(bundle.seed * 10 + n)
        self.tz = tz
        self.server = LogFile()
        self.journal = Journal(self.rng, f"broker-{n}", bundle.t0 - self.rng.randint(20, 60) * 86400 * SEC)
        self.gc = GcLog(self.rng, gc_dec, gc_detail, tz)
        self.pid = self.rng.randint(1000, 3000)
        self.adv = f"PLAINTEXT://{bhost(n)}:9092"
        self.ip = BROKER_IP.get(n)
        self.partitions = [(tp, p) for tp in bundle.topics for p in range(12) if p % 3 == self.ids.index(n)]
        self.offsets = {f"{tp}-{p}": self.rng.randint(10_000_000, 90_000_000) for tp, p in self.partitions}
        self.jvm_runs = []  # (start, end) times the JVM was up
        self.up_since = None
        self.mirror = 0.35  # share of the ordinary server.log lines also seen on stdout (journal)
        self.journal_until = None  # the journal was exported at this time: later entries are not in its file
        self.roll_every = (20, 140)  # seconds between segment rolls
        self.inv = self.journal._hex(32)
        self.stream = self.journal._hex(32)

    # a server.log record, mirrored (sometimes) to the journal as stdout
    def frame(self, t, level, msg, logger):
        """One server.log record in the broker's layout (Kafka's log4j.properties: '[%d] %p %m (%c)%n')."""
        return log4j(ts_log4j(t, self.tz), level, msg, logger)

    def log(self, t, level, msg, logger, mirror=None, cont=None):
        text = self.frame(t, level, msg, logger)
        self.server.add(t, text + ("\n" + cont if cont else ""))
        if mirror is None:
            mirror = self.rng.random() < self.mirror
        if mirror:
            self.journal.kafka_stdout(t, self.pid, text)
            if cont:  # journald splits stdout at newlines
                for i, c in enumerate(cont.split("\n")):
                    self.journal.kafka_stdout(t + 1 + i, self.pid, c)

    def noise(self, t0, t1, down=()):
        """Background server.log lines and journal lines from t0 to t1."""
        r = self.rng

        def up(t):
            return not any(a <= t <= b for a, b in down)

        n = self.n
        # offsets cleanup every 10 minutes
        t = t0 + r.randint(0000, 600000) * MS
        while t < t1:
            if up(t):
                self.log(t, "INFO", kb.expired_offsets_removed(n, r.randint(0, 14), r.randint(0, 2)),
                         "kafka.coordinator.group.GroupMetadataManager")
            t += 600 * SEC + r.randint(-40, 40) * MS
        # segment roll / retention
        t = t0 + r.randint(10000, 200000) * MS
        while t < t1:
            tp, p = r.choice(self.partitions)
            key = f"{tp}-{p}"
            if up(t):
                off = self.offsets[key] = self.offsets[key] + r.randint(200_000, 900_000)
                pre = kb.log_prefix("Log", key)
                self.log(t, "INFO", kb.writing_producer_snapshot(key, off), "kafka.log.ProducerStateManager")
                self.log(t + r.randint(1, 4) * MS, "INFO", kb.rolled_segment("Log", key, off, r.randint(1, 9)), "kafka.log.Log")
                if r.random() < 0.6:
                    t2 = t + r.randint(20000, 280000) * MS
                    base = off - r.randint(4_000_000, 8_000_000)
                    lm = (t2 // 1000) - 72 * 3600 * 1000 - r.randint(1000, 900000)
                    seg = kb.log_segment(base, r.randint(268_000_000, 268_435_000), lm, lm - r.randint(1, 90))
                    if up(t2):
                        self.log(t2, "INFO", kb.deleting_segment("Log", key, seg, 259200000), "kafka.log.Log")
                        self.log(t2 + r.randint(1, 3) * MS, "INFO", f"{pre} Incremented log start offset to {base + r.randint(3_000_000, 4_000_000)} due to segment deletion", "kafka.log.Log")
                    if up(t2 + 60 * SEC):
                        self.log(t2 + 60 * SEC + r.randint(1, 9) * MS, "INFO", f"{pre} Deleting segment files {seg}", "kafka.log.Log")
            t += r.randint(self.roll_every[0] * 1000, self.roll_every[1] * 1000) * MS
        # group coordinator traffic
        t = t0 + r.randint(30000, 900000) * MS
        while t < t1:
            if up(t):
                g = r.choice(self.b.groups_other)
                self.log(t, "INFO", kb.group_assignment(n, g, r.randint(3, 400), r.randint(1, 6)),
                         "kafka.coordinator.group.GroupCoordinator")
            t += r.randint(300000, 1500000) * MS
        # journal: CRON hourly, sshd scans, logrotate
        d = dt(t0).replace(minute=17, second=1, microsecond=0)
        t = (d - EPOCH) // timedelta(microseconds=1) + r.randint(202_000, 242_000)
        if t < t0:
            t += HOUR
        while t < t1:
            self.journal.cron(t)
            t += HOUR + r.randint(-20000, 20000)
        # sysstat-collect.timer: OnCalendar=*:00/10
        d = dt(t0).replace(minute=dt(t0).minute // 10 * 10, second=0, microsecond=0)
        t = (d - EPOCH) // timedelta(microseconds=1) + 10 * MIN + r.randint(1000, 900000)
        while t < t1:
            self.journal.systemd(t, jn.starting(SYSSTAT, SYSSTAT_DESC), unit=SYSSTAT,
                                 extra={"JOB_TYPE": "start", "MESSAGE_ID": jn.UNIT_STARTING})
            self.journal.systemd(t + r.randint(20000, 60000), jn.deactivated(SYSSTAT), unit=SYSSTAT,
                                 extra={"MESSAGE_ID": jn.UNIT_SUCCESS})
            self.journal.systemd(t + r.randint(61000, 70000), jn.finished(SYSSTAT, SYSSTAT_DESC), unit=SYSSTAT,
                                 extra={"JOB_TYPE": "start", "JOB_RESULT": "done", "MESSAGE_ID": jn.UNIT_STARTED})
            t = (dt(t).replace(second=0, microsecond=0) - EPOCH) // timedelta(microseconds=1) + 10 * MIN + r.randint(1000, 900000)
        t = t0 + r.randint(300000, 3000000) * MS
        while t < t1:
            pid = r.randint(40000, 69999)
            ip = f"203.0.113.{r.randint(2, 250)}"
            user = r.choice(["admin", "ubuntu", "test", "oracle", "postgres"])
            port = r.randint(32768, 60999)
            self.journal.sshd(t, f"Invalid user {user} from {ip} port {port}", pid)
            self.journal.sshd(t + r.randint(200, 400) * MS, f"Connection closed by invalid user {user} {ip} port {port} [preauth]", pid)
            t += r.randint(1200000, 5400000) * MS

    def ssh_session(self, t, user, src_ip, dur):
        r = self.rng
        pid = r.randint(40000, 69999)
        port = r.randint(40000, 60000)
        fp = "".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") for _ in range(43))
        self.journal.sshd(t, jn.sshd_accepted(user, src_ip, port, fp), pid)
        sess = r.randint(80, 400)
        self.journal.add(t + 17 * MS, "syslog", "systemd-logind", 604, f"New session {sess} of user {user}.", 6, "systemd-logind.service")
        self.journal.sshd(t + dur, f"Received disconnect from {src_ip} port {port}:11: disconnected by user", pid)
        self.journal.add(t + dur + 31 * MS, "syslog", "systemd-logind", 604, f"Removed session {sess}.", 6, "systemd-logind.service")

    # lifecycle --------------------------------------------------------------
    def startup(self, t, clean=True, systemd=True):
        """JVM start to '[KafkaServer id=N] started'. Returns the started time."""
        r = self.rng
        n = self.n
        self.pid = r.randint(self.pid + 100, self.pid + 9000)
        self.inv = self.journal._hex(32)
        self.stream = self.journal._hex(32)
        if systemd:
            self.journal.systemd(t, jn.started(jn.KAFKA_UNIT, jn.KAFKA_DESCRIPTION),
                                 extra={"JOB_TYPE": "start", "JOB_RESULT": "done", "INVOCATION_ID": self.inv,
                                        "MESSAGE_ID": jn.UNIT_STARTED})
        t += r.randint(1100, 1400) * MS
        self.gc.start_jvm(t - r.randint(200, 400) * MS)
        L = self.log
        L(t, "INFO", kb.LOG4J_CONTROLLER, kb.LOG4J_CONTROLLER_LOGGER, True)
        t += r.randint(300, 500) * MS
        L(t, "INFO", "Registered signal handlers for TERM, INT, HUP", "org.apache.kafka.common.utils.LoggingSignalHandler")
        L(t, "INFO", "starting", "kafka.server.KafkaServer", True)
        L(t, "INFO", "Connecting to zookeeper on zk-1.kafka.internal:2181,zk-2.kafka.internal:2181,zk-3.kafka.internal:2181/kafka", "kafka.server.KafkaServer", True)
        t += 12 * MS
        L(t, "INFO", "[ZooKeeperClient Kafka server] Initializing a new session to zk-1.kafka.internal:2181,zk-2.kafka.internal:2181,zk-3.kafka.internal:2181.", "kafka.zookeeper.ZooKeeperClient")
        L(t + 3 * MS, "INFO", "[ZooKeeperClient Kafka server] Waiting until connected.", "kafka.zookeeper.ZooKeeperClient")
        zk = r.randint(1, 3)
        sess = f"0x{r.randint(1, 3)}{r.getrandbits(52):013x}"
        L(t + 9 * MS, "INFO", f"Opening socket connection to server zk-{zk}.kafka.internal/10.0.3.{20 + zk}:2181. Will not attempt to authenticate using SASL (unknown error)", "org.apache.zookeeper.ClientCnxn")
        L(t + 14 * MS, "INFO", f"Socket connection established, initiating session, client: /{self.ip}:{r.randint(40000, 60000)}, server: zk-{zk}.kafka.internal/10.0.3.{20 + zk}:2181", "org.apache.zookeeper.ClientCnxn")
        L(t + 41 * MS, "INFO", f"Session establishment complete on server zk-{zk}.kafka.internal/10.0.3.{20 + zk}:2181, sessionid = {sess}, negotiated timeout = 18000", "org.apache.zookeeper.ClientCnxn")
        L(t + 44 * MS, "INFO", kb.ZK_CONNECTED, "kafka.zookeeper.ZooKeeperClient")
        self.zk_session = sess
        t += r.randint(600, 800) * MS
        L(t, "INFO", f"Cluster ID = {self.b.cluster_id}", "kafka.server.KafkaServer")
        t += 30 * MS
        cfg = kb.kafka_config_values(self.adv, n, f"eu-central-1{'abc'[self.ids.index(n)]}")
        self.server.add(t, self.frame(t, "INFO", cfg, kb.KAFKA_CONFIG_LOGGER))
        t += 40 * MS
        L(t, "INFO", kb.LOADING_LOGS, "kafka.log.LogManager")
        nlogs = len(self.partitions) * 3 + 50
        if clean:
            L(t + 2 * MS, "INFO", "Skipping recovery for all logs in /var/lib/kafka/data since clean shutdown file was found", "kafka.log.LogManager", True)
            load = r.randint(1200, 2600)
        else:
            L(t + 2 * MS, "INFO", "Attempting recovery for all logs in /var/lib/kafka/data since no clean shutdown file was found", "kafka.log.LogManager", True)
            load = r.randint(9000, 16000)
            for tp, p in r.sample(self.partitions, 3):
                t2 = t + r.randint(500, load - 500) * MS
                L(t2, "INFO", kb.recovering_unflushed("Log", f"{tp}-{p}", self.offsets[f'{tp}-{p}'] - r.randint(1000, 90000)), "kafka.log.Log")
        t += load * MS
        L(t, "INFO", f"Loaded {nlogs} logs in {load}ms.", "kafka.log.LogManager", True)
        L(t, "INFO", "Starting log cleanup with a period of 300000 ms.", "kafka.log.LogManager")
        L(t + 2 * MS, "INFO", "Starting log flusher with a default period of 9223372036854775807 ms.", "kafka.log.LogManager")
        t += r.randint(250, 400) * MS
        L(t, "INFO", "Awaiting socket connections on 0.0.0.0:9092.", "kafka.network.Acceptor")
        L(t + 30 * MS, "INFO", kb.socket_server(n, "Created data-plane acceptor and processors for endpoint : ListenerName(PLAINTEXT)"), "kafka.network.SocketServer")
        t += 120 * MS
        for w in ["Produce", "Fetch", "DeleteRecords", "ElectLeader"]:
            L(t, "INFO", f"[ExpirationReaper-{n}-{w}]: Starting", "kafka.server.DelayedOperationPurgatory$ExpiredOperationReaper")
            t += r.randint(0, 2) * MS
        t += 60 * MS
        L(t, "INFO", f"Creating /brokers/ids/{n} (is it secure? false)", "kafka.zk.KafkaZkClient")
        epoch = r.randint(4_000_000_000, 9_000_000_000)
        L(t + 50 * MS, "INFO", kb.registered_broker(n, self.adv, epoch), "kafka.zk.KafkaZkClient")
        t += 120 * MS
        L(t, "INFO", f"[GroupCoordinator {n}]: Starting up.", "kafka.coordinator.group.GroupCoordinator")
        L(t + 59 * MS, "INFO", f"[GroupCoordinator {n}]: Startup complete.", "kafka.coordinator.group.GroupCoordinator")
        t += 250 * MS
        L(t, "INFO", f"[TransactionCoordinator id={n}] Starting up.", "kafka.coordinator.transaction.TransactionCoordinator")
        L(t + 4 * MS, "INFO", f"[TransactionCoordinator id={n}] Startup complete.", "kafka.coordinator.transaction.TransactionCoordinator")
        t += 60 * MS
        L(t, "INFO", kb.socket_server(n, "Starting socket server acceptors and processors"), "kafka.network.SocketServer")
        L(t + 4 * MS, "INFO", kb.socket_server(n, "Started data-plane acceptor and processor(s) for endpoint : ListenerName(PLAINTEXT)"), "kafka.network.SocketServer")
        L(t + 4 * MS, "INFO", kb.socket_server(n, "Started socket server acceptors and processors"), "kafka.network.SocketServer")
        t += 8 * MS
        L(t, "INFO", "Kafka version: 2.8.2", "org.apache.kafka.common.utils.AppInfoParser", True)
        L(t, "INFO", "Kafka commitId: 3146c6ff4a24cc24", "org.apache.kafka.common.utils.AppInfoParser")
        L(t + 1 * MS, "INFO", f"Kafka startTimeMs: {t // 1000}", "org.apache.kafka.common.utils.AppInfoParser")
        t += 3 * MS
        L(t, "INFO", kb.kafka_server(n, "started"), "kafka.server.KafkaServer", True)
        self.up_since = t
        # followers catch up: ISR expansions on this broker as leader come later; fetchers start
        for lead in [x for x in self.ids if x != n]:
            L(t + r.randint(300, 900) * MS, "INFO", f"[ReplicaFetcher replicaId={n}, leaderId={lead}, fetcherId=0] Starting", "kafka.server.ReplicaFetcherThread")
        return t

    def shutdown_clean(self, t_cmd, user="oncall"):
        """sudo systemctl restart kafka.service at t_cmd; returns (t_stopping, t_shutting_down, t_completed, t_stopped)."""
        r = self.rng
        n = self.n
        self.journal.sudo(t_cmd, user, "/usr/bin/systemctl restart kafka.service")
        t = t_cmd + r.randint(100, 180) * MS
        job = str(r.randint(20000, 40000))
        self.journal.systemd(t, jn.stopping(jn.KAFKA_UNIT, jn.KAFKA_DESCRIPTION),
                             extra={"JOB_TYPE": "restart", "INVOCATION_ID": self.inv, "JOB_ID": job,
                                    "MESSAGE_ID": jn.UNIT_STOPPING})
        t_stopping = t
        L = self.log
        t += r.randint(60, 80) * MS
        L(t, "INFO", "Terminating process due to signal SIGTERM", "org.apache.kafka.common.utils.LoggingSignalHandler", True)
        t += r.randint(8, 12) * MS
        L(t, "INFO", kb.kafka_server(n, "shutting down"), "kafka.server.KafkaServer", True)
        t_sd = t
        L(t + 1 * MS, "INFO", kb.kafka_server(n, "Starting controlled shutdown"), "kafka.server.KafkaServer", True)
        t += r.randint(900, 2600) * MS
        L(t, "INFO", kb.replica_fetcher_manager(n, f"Removed fetcher for partitions HashSet({', '.join(f'{a}-{b}' for a, b in self.partitions[:5])})"), "kafka.server.ReplicaFetcherManager")
        L(t + 3 * MS, "INFO", kb.kafka_server(n, "Controlled shutdown succeeded"), "kafka.server.KafkaServer", True)
        t_ctl = t + 3 * MS
        t += 8 * MS
        L(t, "INFO", kb.socket_server(n, "Stopping socket server request processors"), "kafka.network.SocketServer")
        L(t + 8 * MS, "INFO", kb.socket_server(n, "Stopped socket server request processors"), "kafka.network.SocketServer")
        t_sock = t + 8 * MS
        t += 10 * MS
        L(t, "INFO", kb.request_handler(n, "shutting down"), "kafka.server.KafkaRequestHandlerPool")
        L(t + 3 * MS, "INFO", kb.request_handler(n, "shut down completely"), "kafka.server.KafkaRequestHandlerPool")
        t += 70 * MS
        L(t, "INFO", f"[KafkaApi-{n}] Shutdown complete.", "kafka.server.KafkaApis")
        L(t + 98 * MS, "INFO", f"[TransactionCoordinator id={n}] Shutting down.", "kafka.coordinator.transaction.TransactionCoordinator")
        L(t + 101 * MS, "INFO", f"[TransactionCoordinator id={n}] Shutdown complete.", "kafka.coordinator.transaction.TransactionCoordinator")
        L(t + 102 * MS, "INFO", f"[GroupCoordinator {n}]: Shutting down.", "kafka.coordinator.group.GroupCoordinator")
        L(t + 500 * MS, "INFO", f"[GroupCoordinator {n}]: Shutdown complete.", "kafka.coordinator.group.GroupCoordinator")
        t += 502 * MS
        L(t, "INFO", f"[ReplicaManager broker={n}] Shutting down", "kafka.server.ReplicaManager")
        L(t + 3 * MS, "INFO", kb.replica_fetcher_manager(n, "shutting down"), "kafka.server.ReplicaFetcherManager")
        L(t + 4 * MS, "INFO", kb.replica_fetcher_manager(n, "shutdown completed"), "kafka.server.ReplicaFetcherManager")
        t += r.randint(400, 700) * MS
        L(t, "INFO", f"[ReplicaManager broker={n}] Shut down completely", "kafka.server.ReplicaManager")
        L(t + 4 * MS, "INFO", "Shutting down.", "kafka.log.LogManager")
        t += r.randint(300, 1800) * MS
        L(t, "INFO", "Shutdown complete.", "kafka.log.LogManager")
        L(t + 3 * MS, "INFO", "[ZooKeeperClient Kafka server] Closing.", "kafka.zookeeper.ZooKeeperClient")
        L(t + 186 * MS, "INFO", f"Session: {getattr(self, 'zk_session', '0x200a1c3b4c70003')} closed", "org.apache.zookeeper.ZooKeeper")
        L(t + 186 * MS, "INFO", f"EventThread shut down for session: {getattr(self, 'zk_session', '0x200a1c3b4c70003')}", "org.apache.zookeeper.ClientCnxn")
        L(t + 187 * MS, "INFO", "[ZooKeeperClient Kafka server] Closed.", "kafka.zookeeper.ZooKeeperClient")
        t += r.randint(1900, 2300) * MS
        L(t, "INFO", kb.socket_server(n, "Shutting down socket server"), "kafka.network.SocketServer")
        L(t + 16 * MS, "INFO", kb.socket_server(n, "Shutdown completed"), "kafka.network.SocketServer")
        L(t + 17 * MS, "INFO", "Metrics scheduler closed", "org.apache.kafka.common.metrics.Metrics")
        L(t + 18 * MS, "INFO", f"App info kafka.server for {n} unregistered", "org.apache.kafka.common.utils.AppInfoParser")
        t += 19 * MS
        L(t, "INFO", kb.kafka_server(n, "shut down completed"), "kafka.server.KafkaServer", True)
        t_done = t
        self.jvm_runs.append((self.up_since, t_done))
        t += r.randint(280, 340) * MS
        self.journal.systemd(t, jn.deactivated(jn.KAFKA_UNIT),
                             extra={"INVOCATION_ID": self.inv, "MESSAGE_ID": jn.UNIT_SUCCESS})
        self.journal.systemd(t + 700, jn.stopped(jn.KAFKA_UNIT, jn.KAFKA_DESCRIPTION),
                             extra={"JOB_TYPE": "restart", "JOB_RESULT": "done", "INVOCATION_ID": self.inv, "JOB_ID": job,
                                    "MESSAGE_ID": jn.UNIT_STOPPED})
        cpu = (t - (self.up_since or t - 5 * HOUR)) / SEC * r.uniform(0.6, 1.1)
        self.journal.systemd(t + 1000, jn.consumed_cpu(jn.KAFKA_UNIT, timespan(cpu)),
                             extra={"INVOCATION_ID": self.inv, "MESSAGE_ID": jn.UNIT_RESOURCES})
        return {"stopping": t_stopping, "shutting_down": t_sd, "leaders_moved": t_sd + (t_ctl - t_sd) // 2, "sockets_closed": t_sock,
                "completed": t_done, "stopped": t + 700, "restart_at": t + 21 * MS}

    def restart_clean(self, t_cmd, user="oncall"):
        ev = self.shutdown_clean(t_cmd, user)
        ev["started"] = self.startup(ev["restart_at"], clean=True)
        return ev

    def oom_kill(self, t):
        """The kernel OOM killer kills the broker JVM at t; systemd restarts it."""
        r = self.rng
        k = self.journal.kernel
        pid = self.pid
        tid = pid + r.randint(40, 300)
        k(t, kernel.oom_invoked(), 4)
        t += 6
        k(t, kernel.cpu_comm(5, tid, "6.1.0-31-amd64", "6.1.128-1"), 4)
        k(t + 1, kernel.HARDWARE, 4)
        k(t + 2, kernel.CALL_TRACE, 4)
        for i, fr in enumerate(kernel.OOM_FRAMES):
            k(t + 3 + i, fr, 4)
        t += 40
        k(t, kernel.MEM_INFO, 4)
        k(t + 1, kernel.anon_pages(5512, 7821934), 4)
        k(t + 2, kernel.TASKS_STATE, 6)
        k(t + 3, kernel.TASKS_HEADER, 6)
        for p, uid, vm, rss, name in [(412, 0, 12061, 2311, "systemd-journal"), (604, 0, 4521, 1602, "systemd-logind"),
                                      (812, 0, 3892, 1203, "sshd"), (pid, 998, 8456271, 7414112, "java"),
                                      (2790, 0, 310221, 9012, "node_exporter")]:
            # pgtables_bytes padded to the header's width (the kernel pads it to 8)
            k(t + 4, kernel.task_row(p, uid, p, vm, rss, rss * 8 - 4096, 0, 0, name, pgtables_width=14), 6)
        t += 900
        k(t, kernel.oom_kill_constraint(pid), 6)
        t += 30
        k(t, kernel.oom_killed(pid, 33825084, 29656448, 57948), 3)
        t_kill = t
        self.jvm_runs.append((self.up_since, t_kill))
        t += r.randint(200, 400) * MS
        k(t, kernel.oom_reaped(pid), 6)
        t += r.randint(20, 60) * MS
        s = self.journal.systemd
        u = jn.KAFKA_UNIT
        s(t, jn.oom_killed(u),
          extra={"INVOCATION_ID": self.inv, "MESSAGE_ID": jn.UNIT_OUT_OF_MEMORY}, prio=4)
        s(t + 900, jn.main_exited_killed(u),
          extra={"INVOCATION_ID": self.inv, "MESSAGE_ID": jn.UNIT_PROCESS_EXIT, "EXIT_CODE": "killed", "EXIT_STATUS": "9"}, prio=5)
        s(t + 1200, jn.failed_result(u, "oom-kill"),
          extra={"INVOCATION_ID": self.inv, "MESSAGE_ID": jn.UNIT_FAILURE_RESULT}, prio=4)
        s(t + 1500, jn.consumed_cpu(u, timespan((t - self.up_since) / SEC * r.uniform(0.6, 1.1))),
          extra={"INVOCATION_ID": self.inv, "MESSAGE_ID": jn.UNIT_RESOURCES})
        t += 10 * SEC + r.randint(90, 120) * MS
        s(t, jn.restart_scheduled(u, 1),
          extra={"INVOCATION_ID": self.inv, "MESSAGE_ID": jn.UNIT_RESTART_SCHEDULED})
        s(t + 1500, jn.stopped(u, jn.KAFKA_DESCRIPTION),
          extra={"JOB_TYPE": "restart", "JOB_RESULT": "done", "MESSAGE_ID": jn.UNIT_STOPPED})
        started = self.startup(t + 23 * MS, clean=False)
        return {"killed": t_kill, "systemd_restart": t, "started": started}

    def log_dir_full(self, t, t_cmd, user="oncall"):
        """The broker's only log dir fills up at t: LogDirFailureChannel logs the IOException
        (real-lines-2/broker-diskfull.log: a checkpoint write, `java.io.IOException: ...` on the
        record's next line), the dir goes offline and LogManager halts the broker (Exit.halt(1):
        no shutdown lines). systemd records the exit; the unit has no Restart=. At t_cmd the
        operator, having freed space, starts it again; it recovers its logs."""
        r = self.rng
        n = self.n
        L = self.log
        d = kb.DATA_DIR
        tp, p = self.partitions[0]
        trace = ("java.io.IOException: No space left on device\n"
                 "\tat java.base/sun.nio.ch.FileDispatcherImpl.write0(Native Method)\n"
                 "\tat java.base/sun.nio.ch.FileDispatcherImpl.write(FileDispatcherImpl.java:62)")
        L(t, "ERROR", f"Error while writing to checkpoint file {d}/{tp}-{p}/leader-epoch-checkpoint",
          "kafka.server.LogDirFailureChannel", True, cont=trace)
        t_first = t
        t += r.randint(2, 9) * MS
        tp2, p2 = self.partitions[1]
        L(t, "ERROR", f"Error while appending records to {tp2}-{p2} in dir {d}",
          "kafka.server.LogDirFailureChannel", True, cont=trace)
        t += r.randint(20, 60) * MS
        L(t, "WARN", f"[ReplicaManager broker={n}] Stopping serving replicas in dir {d}", "kafka.server.ReplicaManager", True)
        keys = ", ".join(f"{a}-{b}" for a, b in self.partitions[:4])
        L(t + 3 * MS, "INFO", kb.replica_fetcher_manager(n, f"Removed fetcher for partitions HashSet({keys})"),
          "kafka.server.ReplicaFetcherManager")
        L(t + 9 * MS, "WARN", f"[ReplicaManager broker={n}] Broker {n} stopped fetcher for partitions {keys} and stopped moving "
          f"logs for partitions  because they are in the failed log directory {d}.", "kafka.server.ReplicaManager")
        t += r.randint(12, 30) * MS
        L(t, "WARN", f"Stopping serving logs in dir {d}", "kafka.log.LogManager", True)
        t += r.randint(1, 4) * MS
        L(t, "ERROR", f"Shutdown broker because all log dirs in {d} have failed", "kafka.log.LogManager", True)
        t_halt = t
        self.jvm_runs.append((self.up_since, t_halt))
        s = self.journal.systemd
        u = jn.KAFKA_UNIT
        t += r.randint(60, 140) * MS
        s(t, jn.main_exited_code(u),
          extra={"INVOCATION_ID": self.inv, "MESSAGE_ID": jn.UNIT_PROCESS_EXIT, "EXIT_CODE": "exited", "EXIT_STATUS": "1"}, prio=5)
        s(t + 300, jn.failed_result(u, "exit-code"),
          extra={"INVOCATION_ID": self.inv, "MESSAGE_ID": jn.UNIT_FAILURE_RESULT}, prio=4)
        s(t + 600, jn.consumed_cpu(u, timespan((t - self.up_since) / SEC * r.uniform(0.6, 1.1))),
          extra={"INVOCATION_ID": self.inv, "MESSAGE_ID": jn.UNIT_RESOURCES})
        self.journal.sudo(t_cmd, user, "/usr/bin/systemctl start kafka.service")
        started = self.startup(t_cmd + r.randint(100, 180) * MS, clean=False)
        return {"failed": t_first, "halted": t_halt, "started": started}

    def isr_shrink(self, t, out_id, keys):
        """This broker (as leader) drops out_id from the ISR of its partitions."""
        r = self.rng
        for key in keys:
            hw = self.offsets[key] + r.randint(1000, 90000)
            isr = sorted(self.ids)
            new = [x for x in isr if x != out_id]
            lag = t // 1000 - r.randint(30000, 31500)
            self.log(t, "INFO", kb.isr_shrink(key, self.n, ','.join(map(str, isr)), ','.join(map(str, new)), hw, hw + r.randint(5, 90), out_id, hw, lag),
                     "kafka.cluster.Partition", True)
            self.log(t + r.randint(5, 30) * MS, "INFO", kb.isr_updated(key, self.n, ','.join(map(str, new)), r.randint(40, 400)), "kafka.cluster.Partition")
            t += r.randint(0, 4) * MS

    def isr_expand(self, t, in_id, keys):
        r = self.rng
        for key in keys:
            self.log(t, "INFO", kb.isr_expand(key, self.n, ','.join(str(x) for x in self.ids if x != in_id), ",".join(map(str, self.ids))), "kafka.cluster.Partition")
            self.log(t + r.randint(5, 30) * MS, "INFO", kb.isr_updated(key, self.n, ",".join(map(str, self.ids)), r.randint(40, 400)), "kafka.cluster.Partition")
            t += r.randint(1, 40) * MS

    def write(self, d, journal_mode, rotate=False):
        bd = os.path.join(d, f"broker-{self.n}")
        os.makedirs(bd, exist_ok=True)
        recs = self.server.sorted()
        if rotate:  # log4j DailyRollingFileAppender, hourly, suffix in the broker's local time
            hours = {}
            for rec in recs:
                h = dt(rec[0], self.tz).strftime("%Y-%m-%d-%H")
                hours.setdefault(h, []).append(rec)
            keys = sorted(hours)
            for h in keys[:-1]:
                wfile(os.path.join(bd, f"server.log.{h}"), self.server.render(hours[h]))
            wfile(os.path.join(bd, "server.log"), self.server.render(hours[keys[-1]]))
        else:
            wfile(os.path.join(bd, "server.log"), self.server.render(recs))
        ext = "json" if journal_mode == "json" else f"{journal_mode}.txt"
        if self.journal_until is not None:
            self.journal.entries = [e for e in self.journal.entries if e["rt"] < self.journal_until]
        wfile(os.path.join(bd, f"journal.{ext}"), self.journal.render(journal_mode))
        runs = [r for r in self.gc.runs if r[2]]
        # the JVM rotates its GC log at start: the current run is gc.log, the one before gc.log.0
        wfile(os.path.join(bd, "gc.log"), self.gc.render_run(runs[-1]))
        for i, run in enumerate(runs[:-1]):
            wfile(os.path.join(bd, f"gc.log.{i}"), self.gc.render_run(run))


# ---------------------------------------------------------------- clients

class Client:
    """A Java client application's log file in one layout."""

    ids = (1, 2, 3)  # the cluster's broker ids

    def __init__(self, bundle, fname, client_id, role, layout, version="3.7", group=None,
                 app="app", thread_app=None, compose=None, topic="orders", pid=1):
        self.b = bundle
        self.fname = fname
        self.cid = client_id
        self.role = role  # producer | consumer
        self.layout = layout  # log4j | logback | spring3 | logstash
        self.version = version
        self.group = group
        self.app = app
        self.compose = compose
        self.topic = topic
        self.pid = pid
        self.rng = random.Random(bundle.seed * 100 + sum(map(ord, fname)))
        self.log = LogFile()
        self.corr = self.rng.randint(1000, 90000)
        self.symptoms = []  # (t, text) of the lines that are symptoms, for --check
        self.node_addr = {n: (bhost(n), BROKER_IP[n]) for n in (1, 2, 3)}
        self.retries0 = False
        self.pkg = app.split("-")[0]  # retries = 0: a failed batch is not retried, the app gets the exception

    @property
    def tag(self):
        if self.role == "producer":
            return jc.producer_tag(self.cid)
        return jc.consumer_tag(self.cid, self.group)

    def thread_for(self, logger):
        if logger.startswith("org.apache.kafka.clients") and self.role == "producer":
            return f"kafka-producer-network-thread | {self.cid}"
        if self.role == "consumer" and logger.startswith("org.apache.kafka"):
            return "org.springframework.kafka.KafkaListenerEndpointContainer#0-0-C-1" if self.layout == "spring3" else f"{self.app}-consumer-0"
        return self.app_thread

    app_thread = "main"

    def emit(self, t, level, logger, msg, cont=None, symptom=False, thread=None):
        th = thread or self.thread_for(logger)
        L = self.layout
        if L == "log4j":
            head = log4j(ts_log4j(t), level, msg, logger)
        elif L == "logback":
            head = logback(ts_logback(t), th, level, logger, msg)
        elif L == "spring3":
            head = spring3(ts_iso_z(t), level, self.pid, self.app, th, logger, msg)
        elif L == "logstash":
            head = logstash(ts_iso_z(t), level, logger, th, msg, cont)
            cont = None
        else:
            raise ValueError(L)
        text = head + ("\n" + cont if cont else "")
        if self.compose:
            text = compose(self.compose, text)
        self.log.add(t, text)
        if symptom:
            self.symptoms.append((t, msg))

    # building blocks ------------------------------------------------------
    NC = jc.NC
    SENDER = jc.SENDER
    FSH = jc.FSH

    def connect_failed(self, t, n):
        h, ip = self.node_addr[n]
        self.emit(t, "WARN", self.NC, jc.connect_failed(self.tag, n, h, ip, jc.may_not_be_available(self.version)), symptom=True)

    def node_disconnected(self, t, n):
        self.emit(t, "INFO", self.NC, jc.node_disconnected(self.tag, n), symptom=True)

    def cancelled(self, t, n, api, elapsed):
        self.corr += self.rng.randint(1, 9)
        self.emit(t, "INFO", self.NC, jc.cancelled_in_flight(self.tag, api, self.corr, n, elapsed, elapsed, throttle=self.version >= "3.8"),
                  symptom=True)
        return self.corr

    def partitions_on(self, n, k):
        ps = [p for p in range(12) if p % 3 == self.ids.index(n)]
        return [f"{self.topic}-{p}" for p in sorted(self.rng.sample(ps, min(k, len(ps))))]

    def produce_errors(self, t, n, k, corr=None):
        for tp in self.partitions_on(n, k):
            c = corr or self.corr
            if self.retries0:
                exc = f"Disconnected from node {n}" if self.version >= "3" else jc.DISC_MSG
                self.emit(t, "WARN", self.SENDER, jc.invalid_metadata(self.tag, tp, exc), symptom=True)
                self.app_error_stack(t + self.rng.randint(1, 4) * MS, n, exc)
            elif self.version >= "3":
                self.emit(t, "WARN", self.SENDER, jc.produce_error(self.tag, c, tp, "NETWORK_EXCEPTION", f"Disconnected from node {n}"), symptom=True)
                self.emit(t, "WARN", self.SENDER, jc.invalid_metadata(self.tag, tp, f"Disconnected from node {n}"), symptom=True)
            else:
                self.emit(t, "WARN", self.SENDER, jc.produce_error(self.tag, c, tp, "NETWORK_EXCEPTION"), symptom=True)
                self.emit(t, "WARN", self.SENDER, jc.invalid_metadata(self.tag, tp, jc.DISC_MSG), symptom=True)
            t += self.rng.randint(0, 2) * MS

    def fetch_error(self, t, n):
        sid = self.rng.randint(100_000_000, 2_000_000_000)
        self.emit(t, "INFO", self.FSH, jc.fetch_error(self.tag, sid, self.rng.randint(100, 9000), n), symptom=True)

    def not_leader(self, t, n, k):
        for tp in self.partitions_on(n, k):
            self.corr += 1
            self.emit(t, "WARN", self.SENDER, jc.produce_error(self.tag, self.corr, tp, "NOT_LEADER_OR_FOLLOWER"))
            t += self.rng.randint(0, 3) * MS

    def coordinator_lost(self, t, n):
        if self.role != "consumer":
            return
        self.emit(t, "INFO", "org.apache.kafka.clients.consumer.internals.ConsumerCoordinator",
                  f"{self.tag} Group coordinator {self.node_addr[n][0]}:9092 (id: {2147483647 - n} rack: null) is unavailable or invalid due to cause: coordinator unavailable.isDisconnected: true. Rediscovery will be attempted.")

    def app_error_stack(self, t, n, exc_msg):
        """The application's own error for a send that failed (retries = 0)."""
        oid = self.rng.randint(100000, 999999)
        stack = jc.send_failure_stack(exc_msg, self.pkg)
        self.emit(t, "ERROR", f"com.acme.{self.pkg}.events.EventPublisher", apps.publish_failed(oid, self.topic), cont=stack,
                  symptom=True, thread=f"{self.app}-worker-{self.rng.randint(1, 8)}")

    def reconnect_attempts(self, t, n, dur):
        """Reconnects with exponential backoff (50 ms .. 1 s) for dur."""
        r = self.rng
        back = 50
        end = t + dur
        while t < end:
            self.connect_failed(t, n)
            t += int(back * r.uniform(0.8, 1.2)) * MS
            back = min(back * 2, 1000)

    def restart_burst(self, t_leaders, t_drop, n, down_for, retry_for=None):
        """What this client logs when broker n is stopped (clean or killed)."""
        r = self.rng
        if t_leaders is not None and self.role == "producer":
            self.not_leader(t_leaders + r.randint(-300, 300) * MS, n, 2)
        t = t_drop + r.randint(2, 40) * MS
        self.node_disconnected(t, n)
        if self.role == "producer":
            k = r.randint(1, 3)
            for _ in range(k):
                if self.version >= "3":  # 2.x logs the cancellation at DEBUG only
                    self.cancelled(t + 1 * MS, n, "PRODUCE", r.randint(2, 40))
            self.produce_errors(t + 2 * MS, n, k)
        else:
            self.fetch_error(t + 1 * MS, n)
            if r.random() < 0.5:
                self.coordinator_lost(t + 3 * MS, n)
        # a cleanly stopped broker leaves ZooKeeper at once and the next metadata update drops it;
        # a killed one stays registered until its ZooKeeper session times out (18 s)
        self.reconnect_attempts(t + r.randint(40, 120) * MS, n, min(down_for, retry_for or r.randint(3000, 9000) * MS))
        return t

    def timeout_burst(self, t_sent, n, inflight):
        """The oldest request on the connection to a stalled broker was sent at t_sent;
        request.timeout.ms (30 s) later the client drops the connection and cancels
        every request in flight on it."""
        r = self.rng
        t = t_sent + 30 * SEC + r.randint(1, 30) * MS
        self.emit(t, "INFO", self.NC, jc.request_timeout(self.tag, n), symptom=True)
        for k in range(inflight):
            el = (t - t_sent) // MS - k * r.randint(90, 400)
            if self.role == "producer":
                c = self.cancelled(t + 1 * MS, n, "PRODUCE", el) if self.version >= "3" else self.corr + k
                self.produce_errors(t + 2 * MS, n, 1, c)
            else:
                self.cancelled(t + 1 * MS, n, "FETCH", el)
                self.fetch_error(t + 2 * MS, n)
                break  # one fetch in flight per node
        return t

    def config_dump(self, t, extra=None):
        """ProducerConfig / ConsumerConfig values, real key set of kafka-clients 3.x.
        Kafka prints the dump as one message: header, TAB lines, then the layout's tail on its own line."""
        lg = jc.PRODUCER_CONFIG_LOGGER if self.role == "producer" else jc.CONSUMER_CONFIG_LOGGER
        self.emit(t, "INFO", lg, jc.config_values(self.role, self.cid, self.group, extra), thread="main")

    def startup(self, t, extra=None):
        r = self.rng
        self.config_dump(t, extra)
        t += r.randint(20, 60) * MS
        ai = "org.apache.kafka.common.utils.AppInfoParser"
        ver = {"2.8": "2.8.2", "3.6": "3.6.2", "3.7": "3.7.1", "3.8": "3.8.1"}[self.version]
        self.emit(t, "INFO", ai, f"Kafka version: {ver}", thread="main")
        self.emit(t, "INFO", ai, f"Kafka commitId: {hashlib.sha1(ver.encode()).hexdigest()[:16]}", thread="main")
        self.emit(t, "INFO", ai, f"Kafka startTimeMs: {t // 1000}", thread="main")
        t += r.randint(100, 300) * MS
        self.emit(t, "INFO", "org.apache.kafka.clients.Metadata", f"{self.tag} Cluster ID: {self.b.cluster_id}")
        if self.role == "producer" and self.version >= "3":
            self.emit(t + 5 * MS, "INFO", "org.apache.kafka.clients.producer.internals.TransactionManager", f"{self.tag} ProducerId set to {r.randint(1000, 90000)} with epoch 0")
            for p in range(0, 12, 4):
                self.emit(t + 40 * MS, "INFO", "org.apache.kafka.clients.Metadata",
                          f"{self.tag} Resetting the last seen epoch of partition {self.topic}-{p} to {r.randint(3, 40)} since the associated topicId changed from null to {self.b.topic_ids[self.topic]}")
        if self.role == "consumer":
            cc = "org.apache.kafka.clients.consumer.internals.ConsumerCoordinator"
            coord = self.ids[r.randint(1, 3) - 1]
            self.emit(t + 80 * MS, "INFO", cc, f"{self.tag} Discovered group coordinator {self.node_addr[coord][0]}:9092 (id: {2147483647 - coord} rack: null)")
            self.emit(t + 95 * MS, "INFO", cc, f"{self.tag} (Re-)joining group")
            gen = r.randint(20, 400)
            self.emit(t + 3200 * MS, "INFO", cc, f"{self.tag} Successfully joined group with generation Generation{{generationId={gen}, memberId='{self.cid}-{self.b.uuid(r)}', protocol='range'}}")
            parts = ", ".join(f"{self.topic}-{p}" for p in range(12))
            self.emit(t + 3250 * MS, "INFO", cc, f"{self.tag} Adding newly assigned partitions: {parts}")
        return t

    def app_noise(self, t0, t1, every, msgs):
        r = self.rng
        t = t0 + r.randint(0, every) * SEC
        while t < t1:
            lg, m = r.choice(msgs)
            self.emit(t, "INFO", lg, m(r), thread=f"{self.app}-worker-{r.randint(1, 8)}")
            t += int(r.uniform(0.3, 1.7) * every * SEC)

    def write(self, d):
        os.makedirs(os.path.join(d, "clients"), exist_ok=True)
        wfile(os.path.join(d, "clients", self.fname), self.log.render())


class RdClient:
    """librdkafka's default logger (%level|epoch.ms|FAC|instance| [thrd:...]: ...)."""

    def __init__(self, bundle, fname, client_id, role="producer", debug=True):
        self.b = bundle
        self.fname = fname
        self.cid = client_id
        self.inst = f"{client_id}#{role}-1"
        self.rng = random.Random(bundle.seed * 100 + sum(map(ord, fname)))
        self.log = LogFile()
        self.debug = debug
        self.symptoms = []
        self.conn_since = {}
        self.topic = "telemetry"

    def h(self, n):
        return rd.broker(n)

    def emit(self, t, lvl, fac, thrd, msg, symptom=False):
        self.log.add(t, rd.line(t // MS, lvl, fac, self.inst, thrd, msg))
        if symptom:
            self.symptoms.append((t, msg))

    def state(self, t, n, a, b):
        if self.debug:
            self.emit(t, 7, "STATE", self.h(n), rd.state_change(self.h(n), a, b))

    def connect(self, t, n):
        r = self.rng
        self.state(t, n, "TRY_CONNECT", "CONNECT")
        if self.debug:
            self.emit(t, 7, "CONNECT", self.h(n), f"{self.h(n)}: Connecting to ipv4#{BROKER_IP[n]}:9092 (plaintext) with socket {r.randint(20, 90)}")
            self.emit(t + 1 * MS, 7, "CONNECT", self.h(n), f"{self.h(n)}: Connected to ipv4#{BROKER_IP[n]}:9092")
            self.emit(t + 1 * MS, 7, "CONNECTED", self.h(n), f"{self.h(n)}: Connected (#{r.randint(2, 9)})")
        self.state(t + 1 * MS, n, "CONNECT", "APIVERSION_QUERY")
        self.state(t + 3 * MS, n, "APIVERSION_QUERY", "UP")
        self.conn_since[n] = t + 3 * MS

    def metadata_noise(self, t0, t1):
        """topic.metadata.refresh.interval.ms = 300000 with debug=metadata."""
        r = self.rng
        t = t0 + r.randint(5000, 300000) * MS
        while t < t1:
            if self.debug:
                n = r.randint(1, 3)
                self.emit(t, 7, "METADATA", "main", f"{self.h(n)}: Request metadata for 1 topic(s): periodic topic and broker list refresh")
                for p in range(12):
                    self.emit(t + 2 * MS, 7, "METADATA", "main", f"  Topic {self.topic} partition {p} Leader {p % 3 + 1}")
                self.emit(t + 2 * MS, 7, "METADATA", "main", f"{self.h(n)}: 1/1 requested topic(s) seen in metadata")
            t += 300 * SEC + r.randint(-200, 200) * MS

    def disconnect_burst(self, t, n, t_up, refused=True):
        r = self.rng
        up_ms = (t - self.conn_since.get(n, t - 3 * HOUR)) // MS
        self.emit(t, 3, "FAIL", self.h(n), rd.disconnected(self.h(n), up_ms), True)
        self.emit(t, 3, "ERROR", self.h(n), rd.disconnected(self.h(n), up_ms), True)
        self.state(t, n, "UP", "DOWN")
        tt = t + r.randint(100, 300) * MS
        first = True
        suppressed = 0
        last_log = tt
        back = 100
        while tt < t_up:
            self.state(tt, n, "DOWN", "INIT") if first else None
            self.state(tt, n, "INIT" if first else "DOWN", "TRY_CONNECT")
            self.state(tt, n, "TRY_CONNECT", "CONNECT")
            if first or tt - last_log >= 30 * SEC:
                tail = f", {suppressed} identical error(s) suppressed" if suppressed else ""
                self.emit(tt + 1 * MS, 3, "FAIL", self.h(n), rd.connect_refused(self.h(n), BROKER_IP[n], tail), True)
                last_log = tt
                suppressed = 0
                first = False
            else:
                suppressed += 1
            self.state(tt + 1 * MS, n, "CONNECT", "DOWN")
            tt += int(back * r.uniform(0.8, 1.2)) * MS
            back = min(back * 2, 10000)
        self.state(tt, n, "DOWN", "TRY_CONNECT")
        self.connect(tt, n)
        return tt

    def reset_error(self, t, n, msg):
        """No error_cb: librdkafka logs the error op itself (fac ERROR, LOG_ERR)."""
        self.emit(t, 3, "ERROR", self.h(n), msg, True)

    def idle_resets(self, ups, t_end, idle=240 * SEC):
        """A middlebox (an Azure load balancer with TCP reset on idle) resets each connection
        `idle` after its last packet. The connections carry nothing after their setup (the
        application has nothing to send, debug is off), so each reset comes at one age:
        'Receive failed: Connection reset by peer (after 2400xxms in state UP)', logged at
        LOG_ERR (FAIL, then the error itself); librdkafka reconnects at once (the last
        connect attempt is minutes old, reconnect.backoff.ms does not hold it back) and the
        new connection idles again. ups: {broker: time its connection came UP}. Returns the
        reset times per broker."""
        r = self.rng
        out = {n: [] for n in ups}
        for n, up in sorted(ups.items()):
            while True:
                last = up + r.randint(2, 9) * MS  # ApiVersion (and the first metadata) on the new connection
                t = last + idle + r.randint(3, 180) * MS
                if t >= t_end:
                    break
                s = rd.receive_failed(self.h(n), "Connection reset by peer", (t - up) // MS)
                self.emit(t, 3, "FAIL", self.h(n), s, True)
                self.reset_error(t + r.randint(0, 1) * MS, n, s)
                out[n].append(t)
                up = t + r.randint(1, 4) * MS  # TCP connect + ApiVersion, no backoff
        return out

    def write(self, d):
        os.makedirs(os.path.join(d, "clients"), exist_ok=True)
        wfile(os.path.join(d, "clients", self.fname), self.log.render())



class PyRdClient(RdClient):
    """librdkafka inside a confluent-kafka-python application: the handle's log_cb lines go
    through the Python logger the application passes as logger= (layout of
    confluent-kafka-python's examples/consumer.py), and its error_cb logs each KafkaError.
    No debug contexts: librdkafka logs only what it logs at INFO and above."""

    def __init__(self, bundle, fname, client_id, role="producer"):
        super().__init__(bundle, fname, client_id, role, debug=False)

    def emit(self, t, lvl, fac, thrd, msg, symptom=False):
        self.pylog(t, rd.PY_LEVEL[lvl], rd.log_cb(fac, self.inst, thrd, msg), symptom)

    def pylog(self, t, levelname, msg, symptom=False):
        self.log.add(t, rd.python_line(rd.ts_python(t), levelname, msg))
        if symptom:
            self.symptoms.append((t, msg))

    def reset_error(self, t, n, msg):
        self.error_cb(t + self.rng.randint(1, 9) * MS, "_TRANSPORT", -195, msg)

    def error_cb(self, t, code, val, s):
        """The application's error_cb: log.error("kafka error: %s", err)."""
        self.pylog(t, "ERROR", f"kafka error: {rd.kafka_error(code, val, s)}", True)

    def app_noise(self, t0, t1, every, msg):
        r = self.rng
        t = t0 + r.randint(0, every) * SEC
        while t < t1:
            self.pylog(t, "INFO", msg(r))
            t += int(r.uniform(0.3, 1.7) * every * SEC)

    def disconnect_burst(self, t, n, t_up, inflight=2):
        """The broker's sockets close under the client (process killed): FAIL at WARNING
        with requests in flight (INFO without), refused reconnects every backoff, logged
        once per 30 s (librdkafka suppresses identical errors), each logged FAIL also
        reaching error_cb. The reconnect when the broker is back is silent (no debug)."""
        r = self.rng
        up_ms = (t - self.conn_since.get(n, t - 3 * HOUR)) // MS
        s = rd.disconnected(self.h(n), up_ms)
        self.emit(t, 4 if inflight > 1 else 6, "FAIL", self.h(n), s, True)
        self.error_cb(t + r.randint(1, 9) * MS, "_TRANSPORT", -195, s)
        tt = t + r.randint(100, 300) * MS
        first = True
        suppressed = 0
        last_log = tt
        back = 100
        while tt < t_up:
            if first or tt - last_log >= 30 * SEC:
                tail = f", {suppressed} identical error(s) suppressed" if suppressed else ""
                s = rd.connect_refused(self.h(n), BROKER_IP[n], tail)
                self.emit(tt + 1 * MS, 3, "FAIL", self.h(n), s, True)
                self.error_cb(tt + r.randint(2, 9) * MS, "_TRANSPORT", -195, s)
                last_log = tt
                suppressed = 0
                first = False
            else:
                suppressed += 1
            tt += int(back * r.uniform(0.8, 1.2)) * MS
            back = min(back * 2, 10000)
        self.conn_since[n] = tt + 3 * MS
        return tt


class GoSaramaClient:
    """A Go application with a sarama AsyncProducer (Retry.Max 3, Retry.Backoff 100 ms, the
    defaults): sarama.Logger = log.New(os.Stdout, "[sarama] ", log.LstdFlags), the
    application's own lines through the standard logger, both on stdout, host in UTC.
    sarama logs no client id: the application sets Config.ClientID to its name."""

    def __init__(self, bundle, fname, client_id, topic, partitions=6):
        self.b = bundle
        self.fname = fname
        self.cid = client_id
        self.topic = topic
        self.partitions = partitions
        self.rng = random.Random(bundle.seed * 100 + sum(map(ord, fname)))
        self.log = LogFile()
        self.symptoms = []
        self.seeds = [f"{bhost(n)}:9092" for n in self.rng.sample([1, 2, 3], 3)]  # randomizeSeedBrokers

    def addr(self, n):
        return f"{bhost(n)}:9092"

    def emit(self, t, msg, symptom=False, sarama=True):
        self.log.add(t, sa.line(sa.ts_go(t), msg, "[sarama] " if sarama else ""))
        if symptom:  # the record's time is what Go's log printed: the whole second
            self.symptoms.append((t - t % SEC, msg))

    def app(self, t, msg, symptom=False):
        self.emit(t, msg, symptom, sarama=False)

    def leaders(self, n):
        return [p for p in range(self.partitions) if p % 3 == n - 1]

    def startup(self, t, settings):
        """NewClient (Metadata.Full: metadata for all topics from the first seed), then
        NewAsyncProducerFromClient and the first messages to every partition."""
        r = self.rng
        self.app(t, settings)
        t += r.randint(2, 9) * MS
        self.emit(t, sa.INITIALIZING)
        self.emit(t, sa.fetching_metadata(None, self.seeds[0]))
        self.emit(t + r.randint(1, 4) * MS, sa.connected(self.seeds[0]))
        t += r.randint(5, 20) * MS
        for n in r.sample([1, 2, 3], 3):  # Go map iteration order
            self.emit(t, sa.registered_broker(n, self.addr(n)))
        self.emit(t, sa.INITIALIZED)
        t += r.randint(30, 200) * MS
        seen = set()
        for p in range(self.partitions):
            n = p % 3 + 1
            if n not in seen:
                self.emit(t, sa.broker_starting(n))
            self.emit(t, sa.broker_open(n, self.topic, p))
            if n not in seen:
                self.emit(t + r.randint(1, 3) * MS, sa.connected(self.addr(n), n))
                seen.add(n)
            t += r.randint(0, 2) * MS
        return t

    def metadata_noise(self, t0, t1):
        """backgroundMetadataUpdater: Metadata.RefreshFrequency 10 min, all topics."""
        t = t0 + 10 * MIN
        while t < t1:
            self.emit(t, sa.fetching_metadata(None, self.seeds[0]))
            t += 10 * MIN + self.rng.randint(0, 3) * MS

    def app_noise(self, t0, t1, every, msg, quiet=()):
        r = self.rng
        t = t0 + r.randint(0, every) * SEC
        while t < t1:
            if not any(a <= t <= b for a, b in quiet):
                self.app(t, msg(r))
            t += int(r.uniform(0.3, 1.7) * every * SEC)

    def killed_broker(self, t, n, t_elect, new_leader):
        """Broker n's process dies at t with produce requests in flight: EOF, the batches
        retried (3 times, 100 ms apart) while the metadata still names n the leader, whose
        port refuses connections, then ProducerErrors to the application; new batches for
        n's partitions go the same way until the controller has moved their leadership
        (t_elect), when the producer selects the new leader."""
        r = self.rng
        addr, ip = self.addr(n), BROKER_IP[n]
        refused = sa.dial_refused(ip)
        parts = self.leaders(n)
        t += r.randint(1, 15) * MS
        self.emit(t, sa.broker_closing(n, "EOF"), True)
        self.emit(t, sa.closed_connection(addr), True)
        for p in parts:
            self.emit(t + 1 * MS, sa.leader_retrying(self.topic, p, 1))
            self.emit(t + 1 * MS, sa.leader_abandoning(self.topic, p, n), True)
        self.emit(t + 2 * MS, sa.broker_input_closed(n))
        self.emit(t + 2 * MS, sa.broker_shut_down(n))

        def attempts(t, ps, retries):
            """The attempts with retries = `retries` .. Retry.Max (3) of the batches for the
            partitions ps, through one brokerProducer for n, each refused; then their
            ProducerErrors, which the application logs."""
            for k in range(retries, 4):
                if k:
                    t += 100 * MS + r.randint(1, 6) * MS  # Retry.Backoff
                for p in ps:
                    self.emit(t, sa.fetching_metadata([self.topic], self.seeds[0]))
                t += r.randint(1, 3) * MS
                self.emit(t, sa.broker_starting(n))
                for p in ps:
                    self.emit(t, sa.leader_selected(self.topic, p, n))
                    self.emit(t, sa.broker_open(n, self.topic, p))
                self.emit(t + 1 * MS, sa.failed_to_connect(addr, refused), True)
                t += r.randint(1, 3) * MS
                self.emit(t, sa.broker_closing(n, refused), True)
                if k < 3:
                    for p in ps:
                        self.emit(t, sa.leader_retrying(self.topic, p, k + 1))
                        self.emit(t, sa.leader_abandoning(self.topic, p, n), True)
                self.emit(t + 1 * MS, sa.broker_input_closed(n))
                self.emit(t + 1 * MS, sa.broker_shut_down(n))
            for p in ps:
                t += r.randint(1, 4) * MS
                self.app(t, f"{self.cid}: delivery failed: {sa.producer_error(self.topic, refused)}", True)
            return t

        t = attempts(t + 100 * MS, parts, 1) + r.randint(3000, 6000) * MS
        while t < t_elect:
            t = attempts(t, [r.choice(parts)], 0) + r.randint(3000, 6000) * MS
        t = max(t, t_elect + r.randint(200, 900) * MS)
        self.emit(t, sa.fetching_metadata([self.topic], self.seeds[0]))
        for p in parts:
            t += r.randint(1, 3) * MS
            self.emit(t, sa.leader_selected(self.topic, p, new_leader))
            self.emit(t, sa.broker_open(new_leader, self.topic, p))
        return t

    def write(self, d):
        os.makedirs(os.path.join(d, "clients"), exist_ok=True)
        wfile(os.path.join(d, "clients", self.fname), self.log.render())


class KafkajsClient:
    """A Node.js service with a kafkajs producer (retry: 5 retries from 300 ms, factor 0.2,
    multiplier 2) and kafkajs' default JSON logger at INFO, its own errors through
    kafka.logger(). Connection lines carry clientId."""

    def __init__(self, bundle, fname, client_id, topic):
        self.b = bundle
        self.fname = fname
        self.cid = client_id
        self.topic = topic
        self.rng = random.Random(bundle.seed * 100 + sum(map(ord, fname)))
        self.log = LogFile()
        self.symptoms = []

    def emit(self, t, level, namespace, msg, symptom=False, **extra):
        self.log.add(t, kj.line(ts_iso_z(t), level, namespace, msg, **extra))
        if symptom:
            self.symptoms.append((t, msg))

    def app_noise(self, t0, t1, every, msg):
        r = self.rng
        t = t0 + r.randint(0, every) * SEC
        while t < t1:
            self.emit(t, "INFO", "", msg(r))
            t += int(r.uniform(0.3, 1.7) * every * SEC)

    def retry_times(self, n=5):
        """The retrier's waits: initialRetryTime 300 ms randomized by factor 0.2, doubling."""
        r = self.rng
        t, out = 300.0, []
        for _ in range(n):
            t = t * r.uniform(0.8, 1.2)
            out.append(int(t))
            t *= 2
        return out

    def send_while_down(self, t, n, t_back, closed=False):
        """One producer.send() to a partition led by broker n while n is down: each attempt's
        connect is refused (the first one's request is rejected with 'Closed connection'
        instead when closed: it was in flight as n died), the retrier logs every failure,
        until the retries are spent (the application logs KafkaJSNumberOfRetriesExceeded)
        or the metadata names a live leader (t_back), when the send succeeds."""
        r = self.rng
        ip, broker = BROKER_IP[n], f"{bhost(n)}:9092"
        refused = f"Connection error: {kj.econnrefused(ip)}"
        for k, wait in enumerate(self.retry_times() + [None]):
            if k == 0 and closed:
                err = kj.CLOSED
            else:
                err = refused
                self.emit(t, "ERROR", "Connection", err, True, broker=broker, clientId=self.cid, stack=kj.connect_stack(ip))
                t += r.randint(1, 3) * MS
            if wait is None:
                break
            self.emit(t, "ERROR", "Producer", f"Failed to send messages: {err}", True, retryCount=k, retryTime=wait)
            t += (wait + r.randint(1, 9)) * MS
            if t >= t_back:
                return t
        self.emit(t, "ERROR", "", "notification publish failed", True, topic=self.topic,
                  error=f"{kj.RETRIES_EXCEEDED}: {err}")
        return t

    def write(self, d):
        os.makedirs(os.path.join(d, "clients"), exist_ok=True)
        wfile(os.path.join(d, "clients", self.fname), self.log.render())
