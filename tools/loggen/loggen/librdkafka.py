"""librdkafka's default logger (rd_kafka_log_print):
'%LEVEL|SECONDS.MS|FAC|instance| [thrd:NAME]: message'.

Shapes from the shared corpus, real-lines/librdkafka/. Not in the corpus verbatim
(written from librdkafka's sources): 'Request metadata for 1 topic(s): periodic topic
and broker list refresh'.
"""

from .common import bhost


def line(t_ms, level, fac, instance, thread, msg):
    """t_ms: epoch milliseconds; level: syslog level number (3 error, 4 warning, 7 debug)."""
    return f"%{level}|{t_ms // 1000}.{t_ms % 1000:03d}|{fac}|{instance}| [thrd:{thread}]: {msg}"


def broker(n):
    """librdkafka's broker name (also its thread name): 'host:port/nodeid'."""
    return f"{bhost(n)}:9092/{n}"


def state_change(b, a, to):
    return f"{b}: Broker changed state {a} -> {to}"


def disconnected(b, up_ms, tail=""):
    """tail: e.g. ', 1 identical error(s) suppressed'."""
    return f"{b}: Disconnected (after {up_ms}ms in state UP{tail})"


def connect_refused(b, ip, tail=""):
    return f"{b}: Connect to ipv4#{ip}:9092 failed: Connection refused (after 0ms in state CONNECT{tail})"
