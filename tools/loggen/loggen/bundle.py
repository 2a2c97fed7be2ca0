"""What every bundle builder shares: Bundle (the incident's seed, hosts, bursts and the
expected.json it writes) and the consumer applications' messages. Used by scenarios.py
and kubescenarios.py.
"""

import json
import os
import random
import shutil

from . import apps
from .common import expected_path, rfc3339, wfile


class Bundle:
    def __init__(self, name, seed, t0, t1):
        self.name = name
        self.seed = seed
        self.t0 = t0
        self.t1 = t1
        self.rng = random.Random(seed)
        self.cluster_id = "".join(self.rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") for _ in range(22))
        self.topics = ["orders", "payments", "inventory", "telemetry"]
        self.topic_ids = {tp: "".join(self.rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") for _ in range(22)) for tp in self.topics + ["billing-events", "reports", "edge-events", "shipments"]}
        self.groups_other = ["billing", "inventory-sync", "search-indexer", "fraud-scorer", "audit-writer", "shipping"]
        self.brokers = {}
        self.clients = []
        self.bursts = []
        self.args = []
        self.description = ""
        # Written to expected.json for the checker only (logcorr is not told): the zone of
        # zone-less server.logs per broker folder, and when each journal was exported.
        self.local_tz = {}
        self.journal_until = {}
        self.jvm_start = {}  # broker -> RFC 3339 start of a GC log stamped with uptime only

    def uuid(self, r):
        h = "".join(r.choice("0123456789abcdef") for _ in range(32))
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    def burst(self, verdict, brokers, clients, cause_kind, cause_broker, cause_time, syms=None, **extra):
        self.bursts.append({"verdict": verdict, "brokers": brokers, "clients": clients,
                            "cause": {"kind": cause_kind, "broker": cause_broker, "time": rfc3339(cause_time)} if cause_kind else None,
                            "_syms": syms, **extra})

    def finish(self, out, journal_mode, rotate=()):
        d = os.path.join(out, self.name)
        if os.path.isdir(d):
            shutil.rmtree(d)
        os.makedirs(d)
        for n, b in sorted(self.brokers.items()):
            b.write(d, journal_mode if isinstance(journal_mode, str) else journal_mode[n], rotate=n in rotate)
        for c in self.clients:
            c.write(d)
        bursts = []
        for bu in self.bursts:
            syms = bu.pop("_syms")
            ts = sorted(t for c in self.clients for t, _ in c.symptoms if syms(t, c))
            bursts.append({"start": rfc3339(ts[0]), "end": rfc3339(ts[-1]), "count": len(ts), **bu})
        exp = {"incident": self.name, "description": self.description, "args": self.args, "bursts": bursts}
        if self.local_tz:
            exp["local_tz"] = self.local_tz
        if self.journal_until:
            exp["journal_until"] = self.journal_until
        if self.jvm_start:
            exp["jvm_start"] = self.jvm_start
        wfile(expected_path(d), json.dumps(exp, indent=2) + "\n")


def consumer_msgs(topic, app):
    pkg = app.split("-")[0]
    return [
        (f"com.acme.{pkg}.listener.BatchListener", lambda r: apps.batch_processed(r.randint(20, 500), topic, r.randint(40, 900))),
        (f"com.acme.{pkg}.listener.BatchListener", lambda r: apps.offsets_committed(r.randint(1, 12), topic)),
    ]
