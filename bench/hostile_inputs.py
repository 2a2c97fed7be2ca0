#!/usr/bin/env python3
"""Inputs that once made logcorr's memory or time grow without bound (issue 17),
for measuring before and after (figures in the issue's closing note):

  python3 bench/hostile_inputs.py OUT
  /usr/bin/time -f '%e s %M KB' logcorr analyze -q OUT/many-bursts.log > /dev/null
  /usr/bin/time -f '%e s %M KB' logcorr analyze -q OUT/many-brokers.log > /dev/null
  /usr/bin/time -f '%e s %M KB' logcorr follow - < OUT/new-client-ids.log > /dev/null
  /usr/bin/time -f '%e s %M KB' logcorr timeline OUT/small-files > /dev/null
  (ulimit -n 256; logcorr timeline OUT/small-files | wc -l)

many-bursts.log     3 connection errors every 60 s toward broker 1 (one burst each)
many-brokers.log    one burst in which each line names a new node and host
new-client-ids.log  one long run of errors, each from a new client.id
small-files/        one-line files
"""
import os
import sys
from datetime import datetime, timedelta, timezone

T0 = datetime(2026, 3, 5, 0, 0, 0, tzinfo=timezone.utc)


def stamp(t):
    return t.strftime("%Y-%m-%d %H:%M:%S,") + f"{t.microsecond // 1000:03d}"


def refused(t, client, node, host, ip):
    return (f"[{stamp(t)}] WARN [Producer clientId={client}] Connection to node {node} "
            f"({host}/{ip}:9092) could not be established. Broker may not be available. "
            f"(org.apache.kafka.clients.NetworkClient)\n")


def main(out, bursts=40000, brokers=4000, clients=300000, files=2000):
    os.makedirs(os.path.join(out, "small-files"), exist_ok=True)
    with open(os.path.join(out, "many-bursts.log"), "w") as f:
        for i in range(bursts):
            t = T0 + timedelta(seconds=60 * i)
            for k in range(3):
                f.write(refused(t + timedelta(milliseconds=100 * k), "orders", 1, "broker-1", "10.0.4.11"))
    with open(os.path.join(out, "many-brokers.log"), "w") as f:
        for i in range(brokers):
            t = T0 + timedelta(milliseconds=50 * i)
            f.write(refused(t, "orders", 1000 + i, f"host-{i}", f"10.{i // 65536 % 256}.{i // 256 % 256}.{i % 256}"))
    with open(os.path.join(out, "new-client-ids.log"), "w") as f:
        for i in range(clients):
            t = T0 + timedelta(milliseconds=100 * i)
            f.write(refused(t, f"producer-{i + 1}", 1, "broker-1", "10.0.4.11"))
    for i in range(files):
        with open(os.path.join(out, "small-files", f"app-{i:05d}.log"), "w") as f:
            f.write(refused(T0 + timedelta(seconds=i), "orders", 1, "broker-1", "10.0.4.11"))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
