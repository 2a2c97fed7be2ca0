"""kafka-clients (Java producer/consumer) messages, as NetworkClient, Sender,
FetchSessionHandler and the *Config classes log them; frame them with a javalog layout.

Shapes from the shared corpus, real-lines/java-client/. Not in the corpus verbatim
(written from the kafka-clients sources): 'Cancelled in-flight PRODUCE/FETCH request ...'
(the corpus has the BROKER_HEARTBEAT form, same template).
Client-version details follow kafka-clients: 2.x prints 'Broker may not be available.'
and the NetworkException default message (DISC_MSG), the 3.8 clients print
'Node may not be available.' and 'Disconnected from node N'.
"""

NC = "org.apache.kafka.clients.NetworkClient"
SENDER = "org.apache.kafka.clients.producer.internals.Sender"
FSH = "org.apache.kafka.clients.FetchSessionHandler"
PRODUCER_CONFIG_LOGGER = "org.apache.kafka.clients.producer.ProducerConfig"
CONSUMER_CONFIG_LOGGER = "org.apache.kafka.clients.consumer.ConsumerConfig"

NETWORK_EXCEPTION = "org.apache.kafka.common.errors.NetworkException"
DISC_MSG = "The server disconnected before a response was received."  # NetworkException's default message


def producer_tag(client_id):
    return f"[Producer clientId={client_id}]"


def consumer_tag(client_id, group):
    return f"[Consumer clientId={client_id}, groupId={group}]"


def may_not_be_available(version):
    return "Node may not be available." if version >= "3.8" else "Broker may not be available."


def node_disconnected(tag, n):
    return f"{tag} Node {n} disconnected."


def connect_failed(tag, n, host, ip, may_not="Broker may not be available."):
    return f"{tag} Connection to node {n} ({host}/{ip}:9092) could not be established. {may_not}"


def request_timeout(tag, n):
    return f"{tag} Disconnecting from node {n} due to request timeout."


def cancelled_in_flight(tag, api, corr, n, since_creation_ms, since_send_ms, throttle=False):
    """throttle: the 3.8 clients also print the throttle time."""
    thr = "throttle time: 0ms, " if throttle else ""
    return (f"{tag} Cancelled in-flight {api} request with correlation id {corr} due to node {n} being disconnected "
            f"(elapsed time since creation: {since_creation_ms}ms, elapsed time since send: {since_send_ms}ms, "
            f"{thr}request timeout: 30000ms)")


def produce_error(tag, corr, tp, error, message=None):
    """Sender: a produce response with an error, retried. 3.x appends the error message."""
    s = (f"{tag} Got error produce response with correlation id {corr} on topic-partition {tp}, "
         f"retrying (2147483646 attempts left). Error: {error}")
    return s + f". Error Message: {message}" if message else s


def invalid_metadata(tag, tp, exc_msg):
    """Sender after a NetworkException (exc_msg ends with '.' in 2.x: the line has '..')."""
    return (f"{tag} Received invalid metadata error in produce request on partition {tp} due to "
            f"{NETWORK_EXCEPTION}: {exc_msg}. Going to request metadata update now")


def fetch_error(tag, session_id, epoch, n):
    return (f"{tag} Error sending fetch request (sessionId={session_id}, epoch={epoch}) to node {n}: "
            "org.apache.kafka.common.errors.DisconnectException.")


def metadata_request(tag, topic, host, node_id, authorized_ops=True):
    """NetworkClient at DEBUG. authorized_ops=False: the shorter form without the two
    include*AuthorizedOperations fields."""
    ops = ", includeClusterAuthorizedOperations=false, includeTopicAuthorizedOperations=false" if authorized_ops else ""
    return (f"{tag} Sending metadata request MetadataRequestData(topics=[MetadataRequestTopic("
            f"topicId=AAAAAAAAAAAAAAAAAAAAAA, name='{topic}')], allowAutoTopicCreation=true{ops}) "
            f"to node {host}:9092 (id: {node_id} rack: null)")


def send_failure_stack(exc_msg, pkg):
    """The application's stack trace for a send that failed (retries = 0), without a final newline."""
    exc = f"{NETWORK_EXCEPTION}: {exc_msg}"
    return (f"java.util.concurrent.ExecutionException: {exc}\n"
            "\tat org.apache.kafka.clients.producer.internals.FutureRecordMetadata.valueOrError(FutureRecordMetadata.java:98)\n"
            "\tat org.apache.kafka.clients.producer.internals.FutureRecordMetadata.get(FutureRecordMetadata.java:67)\n"
            "\tat org.apache.kafka.clients.producer.internals.FutureRecordMetadata.get(FutureRecordMetadata.java:30)\n"
            f"\tat com.acme.{pkg}.events.EventPublisher.publish(EventPublisher.java:88)\n"
            f"\tat com.acme.{pkg}.service.OrderService.confirm(OrderService.java:214)\n"
            "\tat java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1136)\n"
            "\tat java.base/java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:635)\n"
            "\tat java.base/java.lang.Thread.run(Thread.java:840)\n"
            f"Caused by: {exc}")


# ProducerConfig / ConsumerConfig values: the real key set of kafka-clients 3.x, with the
# values of our clients. '{cid}' / '{group}' are filled in by config_values.
BOOTSTRAP = "[broker-1.kafka.internal:9092, broker-2.kafka.internal:9092, broker-3.kafka.internal:9092]"
PRODUCER_CONFIG = {
    "acks": "-1", "batch.size": "16384", "bootstrap.servers": BOOTSTRAP,
    "buffer.memory": "33554432", "client.dns.lookup": "use_all_dns_ips", "client.id": "{cid}",
    "compression.type": "lz4", "connections.max.idle.ms": "540000", "delivery.timeout.ms": "120000",
    "enable.idempotence": "true", "interceptor.classes": "[]",
    "key.serializer": "class org.apache.kafka.common.serialization.StringSerializer", "linger.ms": "5",
    "max.block.ms": "60000", "max.in.flight.requests.per.connection": "5", "max.request.size": "1048576",
    "metadata.max.age.ms": "300000", "metadata.max.idle.ms": "300000", "metric.reporters": "[]",
    "metrics.num.samples": "2", "metrics.recording.level": "INFO", "metrics.sample.window.ms": "30000",
    "partitioner.class": "null", "receive.buffer.bytes": "32768", "reconnect.backoff.max.ms": "1000",
    "reconnect.backoff.ms": "50", "request.timeout.ms": "30000", "retries": "2147483647",
    "retry.backoff.ms": "100", "security.protocol": "PLAINTEXT", "send.buffer.bytes": "131072",
    "socket.connection.setup.timeout.max.ms": "30000", "socket.connection.setup.timeout.ms": "10000",
    "transaction.timeout.ms": "60000", "transactional.id": "null",
    "value.serializer": "class org.apache.kafka.common.serialization.StringSerializer"}
CONSUMER_CONFIG = {
    "allow.auto.create.topics": "true", "auto.commit.interval.ms": "5000", "auto.offset.reset": "latest",
    "bootstrap.servers": BOOTSTRAP,
    "check.crcs": "true", "client.dns.lookup": "use_all_dns_ips", "client.id": "{cid}",
    "connections.max.idle.ms": "540000", "default.api.timeout.ms": "60000", "enable.auto.commit": "false",
    "exclude.internal.topics": "true", "fetch.max.bytes": "52428800", "fetch.max.wait.ms": "500",
    "fetch.min.bytes": "1", "group.id": "{group}", "heartbeat.interval.ms": "3000",
    "isolation.level": "read_uncommitted", "key.deserializer": "class org.apache.kafka.common.serialization.StringDeserializer",
    "max.partition.fetch.bytes": "1048576", "max.poll.interval.ms": "300000", "max.poll.records": "500",
    "metadata.max.age.ms": "300000", "reconnect.backoff.max.ms": "1000", "reconnect.backoff.ms": "50",
    "request.timeout.ms": "30000", "retry.backoff.ms": "100", "security.protocol": "PLAINTEXT",
    "session.timeout.ms": "45000", "socket.connection.setup.timeout.max.ms": "30000",
    "socket.connection.setup.timeout.ms": "10000",
    "value.deserializer": "class org.apache.kafka.common.serialization.StringDeserializer"}


def config_values(role, client_id, group=None, extra=None, keys=None):
    """'ProducerConfig values: ' / 'ConsumerConfig values: ', then one TAB-indented
    'key = value' line per key, sorted, each ending in a newline. Kafka prints the dump
    as one message: the layout's tail (log4j ' (logger)') follows on its own line.
    keys: only these keys (a shorter dump)."""
    base = PRODUCER_CONFIG if role == "producer" else CONSUMER_CONFIG
    kv = {k: v.replace("{cid}", client_id).replace("{group}", str(group)) for k, v in base.items()
          if keys is None or k in keys}
    kv.update(extra or {})
    head = "ProducerConfig values: " if role == "producer" else "ConsumerConfig values: "
    return head + "\n" + "\n".join(f"\t{k} = {v}" for k, v in sorted(kv.items())) + "\n"
