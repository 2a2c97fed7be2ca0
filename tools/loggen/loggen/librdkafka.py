"""librdkafka's default logger (rd_kafka_log_print):
'%LEVEL|SECONDS.MS|FAC|instance| [thrd:NAME]: message', and librdkafka as hosted by
confluent-kafka-python: its log_cb hands each line to the application's Python logger as
logger.log(level, "%s [%s] %s", fac, rd_kafka_name(rk), buf) (confluent_kafka.c), and an
error_cb that logs its KafkaError prints KafkaError{code=..,val=..,str=".."}.

Shapes from the shared corpus, real-lines/librdkafka/ and real-lines-2/ (rdkafka-isotime.log:
'Disconnected (after Nms in state UP)'; rdkafka-python-exception.log: the KafkaError text).
Not in the corpus verbatim (written from the sources): 'Request metadata for 1 topic(s):
periodic topic and broker list refresh' (librdkafka); the log_cb message 'FAC [name] buf'
and KafkaError's repr (confluent-kafka-python's confluent_kafka.c); the Python logging
layout is the one confluent-kafka-python's examples/consumer.py gives its logger,
'%(asctime)-15s %(levelname)-8s %(message)s', asctime being Python's default
'2026-09-14 04:12:31,123' (local time).
"""

from .common import UTC, bhost, dt


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


def receive_failed(b, cause, up_ms, tail=""):
    """A recv() error on an established connection (rd_kafka_recv: 'Receive failed: %s', always
    LOG_ERR), e.g. a load balancer's TCP reset: real-lines-2/rdkafka-idle-reset.log."""
    return f"{b}: Receive failed: {cause} (after {up_ms}ms in state UP{tail})"


def connect_refused(b, ip, tail=""):
    return f"{b}: Connect to ipv4#{ip}:9092 failed: Connection refused (after 0ms in state CONNECT{tail})"


# ---------------------------------------------------------------- confluent-kafka-python

PY_LEVEL = {3: "ERROR", 4: "WARNING", 5: "INFO", 6: "INFO", 7: "DEBUG"}  # log_cb's syslog -> logging map


def ts_python(t, tz=UTC):
    """Python logging's default asctime: '2026-09-14 04:12:31,123' (local time)."""
    d = dt(t, tz)
    return d.strftime("%Y-%m-%d %H:%M:%S") + f",{d.microsecond // 1000:03d}"


def python_line(stamp, levelname, msg):
    """logging.Formatter('%(asctime)-15s %(levelname)-8s %(message)s')."""
    return f"{stamp:<15} {levelname:<8} {msg}"


def log_cb(fac, name, thread, msg):
    """The message confluent-kafka-python's log_cb logs: 'FAC [name] [thrd:..]: msg'."""
    return f"{fac} [{name}] [thrd:{thread}]: {msg}"


def kafka_error(code, val, s):
    """repr() of a confluent_kafka.KafkaError (e.g. _TRANSPORT, -195)."""
    return f'KafkaError{{code={code},val={val},str="{s}"}}'
