"""sarama (IBM/sarama, formerly Shopify/sarama, Go) through Go's log package: the
application sets sarama.Logger = log.New(os.Stdout, "[sarama] ", log.LstdFlags), so
every sarama line is '[sarama] 2018/07/10 10:06:47 <msg>' (LstdFlags: the host's local
date and time, whole seconds); the application's own log.Printf lines (the standard
logger, no prefix) share its stdout: '2018/07/10 10:06:47 <msg>'. sarama's DebugLogger
forwards to Logger unless the application sets it, so its debug lines are there too.

Shapes from the shared corpus: the prefixed stamp from real-lines-2/sarama-stdlog.log
('[sarama]      2018/07/10 10:06:47 producer/broker/0 state change to [closing] because
EOF', there with a padded prefix), the unprefixed one from real-lines-2/sarama-msk.log.
Not in the corpus verbatim (written from sarama's sources, broker.go, client.go and
async_producer.go, v1.4x): every other message template below, Go's dial error text
('dial tcp IP:PORT: connect: connection refused', net.OpError) and ProducerError's
'kafka: Failed to produce message to topic %s: %s'.
"""

from .common import UTC, dt

GO_TIME = "%Y/%m/%d %H:%M:%S"  # log.LstdFlags = Ldate | Ltime


def ts_go(t, tz=UTC):
    """Go's log stamp: local date and time, the fraction dropped (2026/09/14 04:12:31)."""
    return dt(t, tz).strftime(GO_TIME)


def line(stamp, msg, prefix="[sarama] "):
    """One log.Logger line: prefix, stamp, a space, the message (prefix "" for log.Printf)."""
    return f"{prefix}{stamp} {msg}"


# ---------------------------------------------------------------- client.go

INITIALIZING = "Initializing new client"
INITIALIZED = "Successfully initialized new client"


def fetching_metadata(topics, addr):
    """DebugLogger; topics formatted with %v ([a b]), None for all topics."""
    if topics is None:
        return f"client/metadata fetching metadata for all topics from broker {addr}"
    return f"client/metadata fetching metadata for [{' '.join(topics)}] from broker {addr}"


def registered_broker(node, addr):
    return f"client/brokers registered new broker #{node} at {addr}"


# ---------------------------------------------------------------- broker.go

def connected(addr, node=None):
    if node is None:
        return f"Connected to broker at {addr} (unregistered)"
    return f"Connected to broker at {addr} (registered as #{node})"


def failed_to_connect(addr, err):
    return f"Failed to connect to broker {addr}: {err}"


def closed_connection(addr):
    return f"Closed connection to broker {addr}"


def dial_refused(ip, port=9092):
    """Go's net.OpError for a refused TCP connect."""
    return f"dial tcp {ip}:{port}: connect: connection refused"


# ---------------------------------------------------------------- async_producer.go

def broker_starting(node):
    return f"producer/broker/{node} starting up"


def broker_open(node, topic, partition):
    return f"producer/broker/{node} state change to [open] on {topic}/{partition}"


def broker_closing(node, err):
    return f"producer/broker/{node} state change to [closing] because {err}"


def broker_input_closed(node):
    return f"producer/broker/{node} input chan closed"


def broker_shut_down(node):
    return f"producer/broker/{node} shut down"


def leader_retrying(topic, partition, level):
    return f"producer/leader/{topic}/{partition} state change to [retrying-{level}]"


def leader_abandoning(topic, partition, node):
    return f"producer/leader/{topic}/{partition} abandoning broker {node}"


def leader_selected(topic, partition, node):
    return f"producer/leader/{topic}/{partition} selected broker {node}"


def leader_flushing(topic, partition, level):
    return f"producer/leader/{topic}/{partition} state change to [flushing-{level}]"


def leader_normal(topic, partition):
    return f"producer/leader/{topic}/{partition} state change to [normal]"


def producer_error(topic, err):
    """ProducerError.Error(), what the application gets on Errors() once retries are spent."""
    return f"kafka: Failed to produce message to topic {topic}: {err}"
