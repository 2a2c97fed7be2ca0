"""Kafka broker server.log messages (ZooKeeper-mode brokers); frame them with
javalog.log4j(stamp, level, msg, logger).

Shapes from the shared corpus, kafka-logs/kafka-2.8.0/server.log.* (broker startup,
KafkaConfig values: dump, controlled and clean shutdown sequences, segment roll and
retention lines). Where Kafka 3.x words a line differently (LocalLog/UnifiedLog/LogLoader
instead of Log, 'Wrote producer snapshot ... in N ms.') the class or the variant is a
parameter.
"""

DATA_DIR = "/var/lib/kafka/data"

LOG4J_CONTROLLER = "Registered kafka:type=kafka.Log4jController MBean"
LOG4J_CONTROLLER_LOGGER = "kafka.utils.Log4jControllerRegistration$"


ZK_CONNECTED = "[ZooKeeperClient Kafka server] Connected."
LOADING_LOGS = f"Loading logs from log dirs ArraySeq({DATA_DIR})"


def registered_broker(n, advertised, epoch):
    """KafkaZkClient after the broker (re-)registers in ZooKeeper."""
    return f"Registered broker {n} at path /brokers/ids/{n} with addresses: {advertised}, czxid (broker epoch): {epoch}"


def kafka_server(n, what):
    """KafkaServer lifecycle: 'starting', 'started', 'shutting down', 'shut down completed', ..."""
    return f"[KafkaServer id={n}] {what}"


def socket_server(n, what):
    return f"[SocketServer listenerType=ZK_BROKER, nodeId={n}] {what}"


def request_handler(n, what):
    return f"[data-plane Kafka Request Handler on Broker {n}], {what}"


def replica_fetcher_manager(n, what):
    return f"[ReplicaFetcherManager on broker {n}] {what}"


def log_prefix(cls, key, log_dir=DATA_DIR):
    """cls: 'Log' (2.8), 'LocalLog', 'UnifiedLog', 'LogLoader' (3.x)."""
    return f"[{cls} partition={key}, dir={log_dir}]"


def rolled_segment(cls, key, offset, ms):
    return f"{log_prefix(cls, key)} Rolled new log segment at offset {offset} in {ms} ms."


def log_segment(base, size, last_modified, largest):
    return f"LogSegment(baseOffset={base}, size={size}, lastModifiedTime={last_modified}, largestRecordTimestamp=Some({largest}))"


def deleting_segment(cls, key, segment, retention_ms):
    return (f"{log_prefix(cls, key)} Deleting segment {segment} due to retention time {retention_ms}ms breach "
            "based on the largest record timestamp in the segment")


def recovering_unflushed(cls, key, offset, progress=None):
    """progress: '0/1' in 3.x ('... segment N. 0/1 recovered for TP.'), None in 2.8."""
    s = f"{log_prefix(cls, key)} Recovering unflushed segment {offset}"
    return s + f". {progress} recovered for {key}." if progress else s


def writing_producer_snapshot(key, offset):
    """Kafka 2.8."""
    return f"[ProducerStateManager partition={key}] Writing producer snapshot at offset {offset}"


def wrote_producer_snapshot(key, offset, ids, ms):
    """Kafka 3.x."""
    return f"[ProducerStateManager partition={key}] Wrote producer snapshot at offset {offset} with {ids} producer ids in {ms} ms."


def expired_offsets_removed(n, count, ms):
    return f"[GroupMetadataManager brokerId={n}] Removed {count} expired offsets in {ms} milliseconds."


def group_assignment(n, group, generation, members):
    return (f"[GroupCoordinator {n}]: Assignment received from leader for group {group} for generation {generation}. "
            f"The group has {members} members, 0 of which are static.")


def isr_shrink(key, n, isr_from, isr_to, high_watermark, end_offset, out_id, out_end_offset, last_caught_up_ms):
    return (f"[Partition {key} broker={n}] Shrinking ISR from {isr_from} to {isr_to}. "
            f"Leader: (highWatermark: {high_watermark}, endOffset: {end_offset}). "
            f"Out of sync replicas: (brokerId: {out_id}, endOffset: {out_end_offset}, lastCaughtUpTimeMs: {last_caught_up_ms}).")


def isr_expand(key, n, isr_from, isr_to):
    return f"[Partition {key} broker={n}] Expanding ISR from {isr_from} to {isr_to}"


def isr_updated(key, n, isr, version, bracketed=True):
    """bracketed: 2.8 prints the zk version as '[N]'."""
    v = f"[{version}]" if bracketed else version
    return f"[Partition {key} broker={n}] ISR updated to {isr} and version updated to {v}"


KAFKA_CONFIG_LOGGER = "kafka.server.KafkaConfig"

# The KafkaConfig values: dump of a 2.8 broker (one message; log4j appends the logger on its
# own line). {adv}, {id}, {rack} are filled in by kafka_config_values.
KAFKA_CONFIG_BODY = """\tadvertised.host.name = null
\tadvertised.listeners = {adv}
\tadvertised.port = null
\talter.config.policy.class.name = null
\talter.log.dirs.replication.quota.window.num = 11
\talter.log.dirs.replication.quota.window.size.seconds = 1
\tauthorizer.class.name = 
\tauto.create.topics.enable = false
\tauto.leader.rebalance.enable = true
\tbackground.threads = 10
\tbroker.heartbeat.interval.ms = 2000
\tbroker.id = {id}
\tbroker.id.generation.enable = true
\tbroker.rack = {rack}
\tbroker.session.timeout.ms = 9000
\tclient.quota.callback.class = null
\tcompression.type = producer
\tconnection.failed.authentication.delay.ms = 100
\tconnections.max.idle.ms = 600000
\tconnections.max.reauth.ms = 0
\tcontrol.plane.listener.name = null
\tcontrolled.shutdown.enable = true
\tcontrolled.shutdown.max.retries = 3
\tcontrolled.shutdown.retry.backoff.ms = 5000
\tcontroller.socket.timeout.ms = 30000
\tcreate.topic.policy.class.name = null
\tdefault.replication.factor = 3
\tdelete.records.purgatory.purge.interval.requests = 1
\tdelete.topic.enable = true
\tfetch.max.bytes = 57671680
\tfetch.purgatory.purge.interval.requests = 1000
\tgroup.initial.rebalance.delay.ms = 3000
\tgroup.max.session.timeout.ms = 1800000
\tgroup.max.size = 2147483647
\tgroup.min.session.timeout.ms = 6000
\thost.name = 
\tinter.broker.listener.name = null
\tinter.broker.protocol.version = 2.8-IV1
\tkafka.metrics.polling.interval.secs = 10
\tkafka.metrics.reporters = []
\tleader.imbalance.check.interval.seconds = 300
\tleader.imbalance.per.broker.percentage = 10
\tlistener.security.protocol.map = PLAINTEXT:PLAINTEXT,SSL:SSL,SASL_PLAINTEXT:SASL_PLAINTEXT,SASL_SSL:SASL_SSL
\tlisteners = PLAINTEXT://0.0.0.0:9092
\tlog.cleaner.backoff.ms = 15000
\tlog.cleaner.dedupe.buffer.size = 134217728
\tlog.cleaner.delete.retention.ms = 86400000
\tlog.cleaner.enable = true
\tlog.cleaner.threads = 1
\tlog.cleanup.policy = [delete]
\tlog.dir = /tmp/kafka-logs
\tlog.dirs = /var/lib/kafka/data
\tlog.flush.interval.messages = 9223372036854775807
\tlog.flush.interval.ms = null
\tlog.flush.offset.checkpoint.interval.ms = 60000
\tlog.index.interval.bytes = 4096
\tlog.index.size.max.bytes = 10485760
\tlog.message.format.version = 2.8-IV1
\tlog.message.timestamp.type = CreateTime
\tlog.preallocate = false
\tlog.retention.bytes = -1
\tlog.retention.check.interval.ms = 300000
\tlog.retention.hours = 72
\tlog.roll.hours = 168
\tlog.segment.bytes = 268435456
\tlog.segment.delete.delay.ms = 60000
\tmax.connections = 2147483647
\tmax.connections.per.ip = 2147483647
\tmessage.max.bytes = 1048588
\tmin.insync.replicas = 2
\tnum.io.threads = 8
\tnum.network.threads = 3
\tnum.partitions = 12
\tnum.recovery.threads.per.data.dir = 2
\tnum.replica.fetchers = 2
\toffsets.retention.check.interval.ms = 600000
\toffsets.retention.minutes = 10080
\toffsets.topic.num.partitions = 50
\toffsets.topic.replication.factor = 3
\tport = 9092
\treplica.fetch.max.bytes = 1048576
\treplica.fetch.wait.max.ms = 500
\treplica.lag.time.max.ms = 30000
\treplica.socket.timeout.ms = 30000
\trequest.timeout.ms = 30000
\tsocket.connection.setup.timeout.max.ms = 30000
\tsocket.connection.setup.timeout.ms = 10000
\tsocket.receive.buffer.bytes = 102400
\tsocket.request.max.bytes = 104857600
\tsocket.send.buffer.bytes = 102400
\ttransaction.state.log.min.isr = 2
\ttransaction.state.log.replication.factor = 3
\tunclean.leader.election.enable = false
\tzookeeper.connect = zk-1.kafka.internal:2181,zk-2.kafka.internal:2181,zk-3.kafka.internal:2181/kafka
\tzookeeper.connection.timeout.ms = 18000
\tzookeeper.max.in.flight.requests = 10
\tzookeeper.session.timeout.ms = 18000
\tzookeeper.set.acl = false
\tzookeeper.sync.time.ms = 2000
"""


def kafka_config_values(advertised, broker_id, rack):
    return "KafkaConfig values: \n" + KAFKA_CONFIG_BODY.format(adv=advertised, id=broker_id, rack=rack)
