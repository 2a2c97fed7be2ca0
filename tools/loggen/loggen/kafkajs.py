"""kafkajs (Node.js) through its default logger (LogLevel.INFO, the JSON logCreator): one
JSON object per line, {"level","timestamp","logger":"kafkajs","message":"[Namespace] msg",
...extra}, the extras in the order the call site passes them (Connection lines:
broker, clientId, then e.g. stack).

Shapes from the shared corpus, real-lines-2/kafkajs.log (the Connection error line with its
broker, clientId and stack) and patterns/kafkajs.toml's ECONNREFUSED sample (Node's
'node:net' stack frame). Not in the corpus verbatim (written from kafkajs 2.x's sources):
the producer retrier's '[Producer] Failed to send messages: <error>' with retryCount and
retryTime (src/producer/messageProducer.js), 'Closed connection' (the
KafkaJSConnectionClosedError rejecting in-flight requests when the broker closes the
socket: src/network/connection.js onEnd, whose own line is at DEBUG), and the
application's line through kafka.logger() with the error as '<name>: <message>'.
"""

import json


def line(stamp, level, namespace, msg, **extra):
    """The default JSON logCreator: level label, ISO timestamp, logger, '[ns] msg', extras."""
    o = {"level": level, "timestamp": stamp, "logger": "kafkajs",
         "message": f"[{namespace}] {msg}" if namespace else msg}
    o.update(extra)
    return json.dumps(o, separators=(",", ":"))


def econnrefused(ip, port=9092):
    return f"connect ECONNREFUSED {ip}:{port}"


def connect_stack(ip, port=9092):
    """Node 20's stack of a refused connect."""
    return f"Error: {econnrefused(ip, port)}\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)"


CLOSED = "Closed connection"  # KafkaJSConnectionClosedError's message
RETRIES_EXCEEDED = "KafkaJSNumberOfRetriesExceeded"
