"""Java logging layouts: the line shapes of Kafka's server.log and of Java client
applications (kafka-clients inside log4j, logback, Spring Boot 3 and
logstash-logback-encoder apps, optionally behind a docker compose prefix).

Shapes from the shared corpus (real-lines/java-client/, kafka-logs/kafka-2.8.0/server.log.*).
The logstash-logback-encoder field order was written from its documentation, not
copied from a real line (see samples/README.md).

Every function returns one record without its trailing newline; a message may hold
newlines (config dumps, stack traces), the layout only frames its first line.
"""

import json

from .common import UTC, Clock, dt, rfc3339

# ---------------------------------------------------------------- stamps

LOG4J_TIME = "%Y-%m-%d %H:%M:%S"  # log4j 1 %d{ISO8601} is LOG4J_TIME + ",mmm"; logback's default is + ".mmm"


def ts_log4j(t, tz=UTC):  # [2026-02-17 10:05:00,123]
    d = dt(t, tz)
    return d.strftime(LOG4J_TIME + ",") + f"{d.microsecond // 1000:03d}"


def ts_logback(t, tz=UTC):  # 2026-02-17 10:05:00.123
    d = dt(t, tz)
    return d.strftime(LOG4J_TIME + ".") + f"{d.microsecond // 1000:03d}"


def ts_iso_z(t):  # 2026-02-17T10:05:00.123Z (Spring Boot 3, logstash @timestamp)
    return rfc3339(t)


def log4j_clock():
    """ts_log4j for epoch-ms UTC times, cached per second."""
    return Clock(LOG4J_TIME, ",")


def logback_clock():
    """ts_logback for epoch-ms UTC times, cached per second."""
    return Clock(LOG4J_TIME, ".")


# ---------------------------------------------------------------- layouts

def log4j(stamp, level, msg, logger):
    """Kafka's log4j layout '[%d] %p %m (%c)%n' (server.log, and clients that keep it)."""
    return f"[{stamp}] {level} {msg} ({logger})"


def logback(stamp, thread, level, logger, msg):
    """logback '%d{yyyy-MM-dd HH:mm:ss.SSS} [%thread] %-5level %logger  - %msg%n'."""
    return f"{stamp} [{thread}] {level:<5} {logger}  - {msg}"


def logback_abbrev(name, target=39):
    """logback 1.3+ TargetLengthBasedClassNameAbbreviator (Spring Boot 3)."""
    if len(name) <= target:
        return name
    parts = name.split(".")
    for i in range(len(parts) - 1):
        if len(".".join(parts)) <= target:
            break
        parts[i] = parts[i][0]
    return ".".join(parts)


def spring3(stamp, level, pid, app, thread, logger, msg):
    """Spring Boot 3 console layout: level right-aligned in 5, thread right-aligned in 15
    (its last 15 characters), logger abbreviated to 39 and padded to 40."""
    return f"{stamp} {level:>5} {pid} --- [{app}] [{thread[-15:]:>15}] {logback_abbrev(logger):<40} : {msg}"


LEVEL_VALUE = {"ERROR": 40000, "WARN": 30000, "INFO": 20000, "DEBUG": 10000}


def logstash(stamp, level, logger, thread, msg, stack=None):
    """logstash-logback-encoder LogstashEncoder: one JSON object per line, the stack trace
    in stack_trace (with its trailing newline)."""
    o = {"@timestamp": stamp, "@version": "1", "message": msg, "logger_name": logger,
         "thread_name": thread, "level": level, "level_value": LEVEL_VALUE[level]}
    if stack:
        o["stack_trace"] = stack + "\n"
    return json.dumps(o, separators=(",", ":"))


def compose(service, text):
    """docker compose logs: every line of the record behind '<service>  | '."""
    return "\n".join(f"{service}  | {x}" for x in text.split("\n"))
