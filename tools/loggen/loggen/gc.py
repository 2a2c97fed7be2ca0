"""JVM GC logs: JDK 17 unified logging (-Xlog:gc / -Xlog:gc*), G1.

Shapes from the shared corpus, kafka-logs/kafka-4.0.0/kafkaServer-gc.log and
gc/GCViewer/sample-ujl-*. Not in the corpus verbatim (written from the JDK 17
sources): the G1 Full GC block ('Pause Full (G1 Compaction Pause)', 'Phase 1: Mark
live objects' ... 'Phase 4: Compact heap').

The message functions return the text after the decorations; decorate() puts the
decorations ([time][uptime][level][tags], as configured) in front. GcLog is the
G1 simulator of the sample bundles (JVM runs, pauses, padding as the JVM does it).
"""

from .common import MS, SEC, UTC, Clock, dt

# ---------------------------------------------------------------- decorations

GC_TIME = "%Y-%m-%dT%H:%M:%S"  # the 'time' decoration is GC_TIME + '.mmm' + '+hhmm'


def ts_gc(t, tz=UTC):  # 2026-02-17T10:05:00.123+0000
    d = dt(t, tz)
    return d.strftime(GC_TIME + ".") + f"{d.microsecond // 1000:03d}" + d.strftime("%z")


def gc_clock():
    """ts_gc without the offset for epoch-ms UTC times, cached per second (append '+0000')."""
    return Clock(GC_TIME, ".")


def uptime(ms):
    """The 'uptime' decoration: seconds with 3 decimals, truncated to the millisecond."""
    return f"{ms // 1000}.{ms % 1000:03d}s"


def decorate(parts, msg):
    """'[time][uptime][level][tags] msg': parts already padded as the JVM pads them."""
    return "[" + "][".join(parts) + "] " + msg


# ---------------------------------------------------------------- messages

def event(n, what):
    """'GC(n) what': a pause or phase start, 'Using 8 workers of 8 for evacuation', 'To-space exhausted'..."""
    return f"GC({n}) {what}"


def timed(n, what, ms):
    """'GC(n) what 12.345ms': the end of a Full GC phase or of a concurrent cycle."""
    return f"GC({n}) {what} {ms:.3f}ms"


def pause(n, name, before_mb, after_mb, heap_mb, ms):
    """The [gc] summary line of a pause."""
    return f"GC({n}) {name} {before_mb}M->{after_mb}M({heap_mb}M) {ms:.3f}ms"


def phase(n, label, ms):
    """[gc,phases] of a young pause (indented, 2 decimals)."""
    return f"GC({n})   {label}: {ms:.2f}ms"


def regions(n, kind, before, after, capacity=None):
    """[gc,heap] 'Eden regions: 51->0(48)'; capacity None: 'Old regions: 70->72'."""
    return f"GC({n}) {kind} regions: {before}->{after}" + (f"({capacity})" if capacity is not None else "")


def metaspace(n, used=(71234, 71234), nonclass=(63104, 63104), klass=(8130, 8130), caps=(72000, 63616, 8384)):
    """[gc,metaspace]: used before->after (capacity) of all, non-class and class space, in K."""
    return (f"GC({n}) Metaspace: {used[0]}K({caps[0]}K)->{used[1]}K({caps[0]}K) "
            f"NonClass: {nonclass[0]}K({caps[1]}K)->{nonclass[1]}K({caps[1]}K) "
            f"Class: {klass[0]}K({caps[2]}K)->{klass[1]}K({caps[2]}K)")


def cpu(n, user, sys, real):
    """[gc,cpu] times in seconds."""
    return f"GC({n}) User={user:.2f}s Sys={sys:.2f}s Real={real:.2f}s"


YOUNG_PHASES = ["Pre Evacuate Collection Set", "Merge Heap Roots", "Evacuate Collection Set",
                "Post Evacuate Collection Set", "Other"]
FULL_NAME = "Pause Full (G1 Compaction Pause)"
# the four phases of a G1 Full GC, with the share of the pause each takes in our logs
FULL_PHASES = [("Phase 1: Mark live objects", 0.41), ("Phase 2: Prepare for compaction", 0.12),
               ("Phase 3: Adjust pointers", 0.19), ("Phase 4: Compact heap", 0.28)]


def g1_init(heap_mb):
    """The [gc,init] lines a JDK 17 G1 JVM prints after 'Using G1' (Debian 12's JDK, 8 CPUs)."""
    return ["Version: 17.0.14+7-Debian-1deb12u1 (release)", "CPUs: 8 total, 8 available",
            "Memory: 31846M", "Large Page Support: Disabled", "NUMA Support: Disabled",
            "Compressed Oops: Enabled (Zero based)", "Heap Region Size: 4M",
            f"Heap Min Capacity: {heap_mb // 1024}G", f"Heap Initial Capacity: {heap_mb // 1024}G",
            f"Heap Max Capacity: {heap_mb // 1024}G", "Pre-touch: Disabled", "Parallel Workers: 8",
            "Concurrent Workers: 2", "Concurrent Refinement Workers: 8", "Periodic GC: Disabled"]


# ---------------------------------------------------------------- the bundles' G1 simulator

class GcLog:
    """JDK 17 unified logging, G1. decorations: 'time,tags' (Kafka's default,
    -Xlog:gc*), 'time,uptime,level,tags', or 'uptime,level,tags' (the JVM's
    default when -Xlog names a file and no decorations). detail=True logs gc* (phases, heap,
    cpu), else only the [gc] tag. Padding grows with the widest value seen, as
    the JVM does."""

    def __init__(self, rng, decorations, detail, tz=UTC, heap_mb=6144):
        self.rng = rng
        self.dec = decorations
        self.detail = detail
        self.tz = tz
        self.heap = heap_mb
        self.runs = []  # [jvm_start, first_line_time, [(t, seq, tags, msg)]], oldest first
        self.seq = 0
        self.gcid = 0
        self.pauses = []  # (start_us, end_us, name, ms)

    def line(self, t, tags, msg):
        # a line belongs to the JVM run that was up at t
        run = [r for r in self.runs if r[1] <= t]
        run = run[-1] if run else self.runs[0]
        self.seq += 1
        run[2].append((t, self.seq, tags, msg))

    def start_jvm(self, t, jvm_start=None, header=True):
        """A JVM run whose log starts at t. header=False: a JVM that has been up
        since jvm_start and whose earlier lines went to older, size-rotated files."""
        self.jvm_start = jvm_start if jvm_start is not None else t - self.rng.randint(300, 900) * MS
        self.jvm_start -= self.jvm_start % MS
        self.runs.append([self.jvm_start, t, [], header])
        if not header:
            return
        self.gcid = 0  # a new JVM counts its collections from 0
        self.line(t, "gc", "Using G1")
        if self.detail:
            for m in g1_init(self.heap):
                self.line(t + 25 * MS, "gc,init", m)

    def render_run(self, run):
        """The JVM pads each decoration to the widest value it has printed so far."""
        jvm_start, _, lines, header = run
        w = {}
        if not header:  # the JVM has padded to its widest tags long before this file began
            w["tags"] = len("gc,metaspace") if self.detail else 2
        out = []
        decs = self.dec.split(",")
        for t, _, tags, msg in sorted(lines):
            parts = [ts_gc(t, self.tz)] if "time" in decs else []
            if "uptime" in decs:
                s = uptime((t - jvm_start) // MS)  # truncated, like the time decoration
                w["up"] = max(w.get("up", 0), len(s))
                parts.append(s.ljust(w["up"]))
            if "level" in decs:
                parts.append("info")
            w["tags"] = max(w.get("tags", 0), len(tags))
            parts.append(tags.ljust(w["tags"]))
            out.append(decorate(parts, msg) + "\n")
        return "".join(out)

    def young(self, t_start, ms, kind="Normal", cause="G1 Evacuation Pause", before=None, after=None):
        """A young pause that starts at t_start and lasts ms milliseconds."""
        r = self.rng
        n = self.gcid
        self.gcid += 1
        end = t_start + int(ms * 1000)
        if before is None:
            before = r.randint(int(self.heap * 0.45), int(self.heap * 0.6))
            after = before - r.randint(int(self.heap * 0.22), int(self.heap * 0.3))
        name = f"Pause Young ({kind}) ({cause})"
        if self.detail:
            self.line(t_start, "gc,start", event(n, name))
            self.line(t_start, "gc,task", event(n, "Using 8 workers of 8 for evacuation"))
            pre = r.uniform(0.05, 0.4)
            merge = r.uniform(0.1, 0.5)
            post = r.uniform(0.5, 2.5)
            other = r.uniform(0.2, 1.5)
            evac = max(0.5, ms - pre - merge - post - other)
            for lbl, v in zip(YOUNG_PHASES, [pre, merge, evac, post, other]):
                self.line(end, "gc,phases", phase(n, lbl, v))
            eden = max((before - after) // 4 + r.randint(-3, 3), r.randint(20, 60))
            self.line(end, "gc,heap", regions(n, "Eden", eden, 0, eden + r.randint(-4, 4)))
            self.line(end, "gc,heap", regions(n, "Survivor", r.randint(8, 14), r.randint(8, 14), 77))
            old = after // 4 - 20
            self.line(end, "gc,heap", regions(n, "Old", old - r.randint(0, 3), old))
            self.line(end, "gc,heap", regions(n, "Archive", 2, 2))
            self.line(end, "gc,heap", regions(n, "Humongous", r.randint(0, 6), 0))
            self.line(end, "gc,metaspace", metaspace(n))
        self.line(end, "gc", pause(n, name, before, after, self.heap, ms))
        if self.detail:
            real = ms / 1000
            self.line(end, "gc,cpu", cpu(n, real * 6.5, real * 0.4, real))
        self.pauses.append((t_start, end, name, ms))
        return end

    def concurrent_cycle(self, t):
        """Concurrent Start young pause, the mark cycle with Remark and Cleanup."""
        r = self.rng
        end = self.young(t, r.uniform(8, 22), "Concurrent Start")
        n = self.gcid
        self.gcid += 1
        self.line(end, "gc", event(n, "Concurrent Mark Cycle"))
        t2 = end + r.randint(400, 1500) * MS
        ms = r.uniform(2.5, 9.0)
        before = r.randint(int(self.heap * 0.5), int(self.heap * 0.6))
        if self.detail:
            self.line(t2, "gc,start", event(n, "Pause Remark"))
        self.line(t2 + int(ms * 1000), "gc", pause(n, "Pause Remark", before, before - r.randint(5, 60), self.heap, ms))
        self.pauses.append((t2, t2 + int(ms * 1000), "Pause Remark", ms))
        t3 = t2 + r.randint(200, 600) * MS
        ms2 = r.uniform(0.3, 1.2)
        if self.detail:
            self.line(t3, "gc,start", event(n, "Pause Cleanup"))
        self.line(t3 + int(ms2 * 1000), "gc", pause(n, "Pause Cleanup", before - 70, before - 70, self.heap, ms2))
        self.pauses.append((t3, t3 + int(ms2 * 1000), "Pause Cleanup", ms2))
        self.line(t3 + r.randint(5, 40) * MS, "gc", timed(n, "Concurrent Mark Cycle", (t3 - end) / 1000 + 12.3))
        return t3 + 50 * MS

    def run(self, t0, t1, every=(3, 9), ms=(5, 40), skip=(), heap=None):
        """Young pauses from t0 to t1, avoiding the (start, end) intervals in skip.
        heap(t) -> (before, after) MB overrides the steady-state heap occupancy."""
        r = self.rng
        t = t0 + r.randint(1000, every[1] * 1000) * MS
        k = 0
        while t < t1:
            if not any(a <= t <= b for a, b in skip):
                k += 1
                if k % 61 == 0:
                    t = self.concurrent_cycle(t)
                else:
                    d = r.uniform(*ms) if r.random() < 0.97 else r.uniform(ms[1], ms[1] * 1.4)
                    ba = heap(t) if heap else (None, None)
                    self.young(t, round(d, 3), before=ba[0], after=ba[1])
            t += int(r.uniform(*every) * SEC)

    def full(self, t_start, ms, before, after):
        """G1 Full GC after an evacuation failure (JDK 17 shapes)."""
        r = self.rng
        n = self.gcid
        self.gcid += 1
        name = FULL_NAME
        self.line(t_start, "gc,start", event(n, name))
        self.line(t_start, "gc,task", event(n, "Using 8 workers of 8 for full compaction"))
        t = t_start
        for lbl, frac in FULL_PHASES:
            self.line(t, "gc,phases,start", event(n, lbl))
            d = ms * frac * r.uniform(0.97, 1.03)
            t += int(d * 1000)
            self.line(t, "gc,phases", timed(n, lbl, d))
        end = t_start + int(ms * 1000)
        self.line(end, "gc,heap", regions(n, "Eden", 0, 0, 153))
        self.line(end, "gc,heap", regions(n, "Survivor", 0, 0, 26))
        self.line(end, "gc,heap", regions(n, "Old", before // 4 - 30, after // 4))
        self.line(end, "gc,heap", regions(n, "Archive", 2, 2))
        self.line(end, "gc,heap", regions(n, "Humongous", 28, 0))
        self.line(end, "gc,metaspace", metaspace(n, (71301, 71244), (63166, 63110), (8135, 8134)))
        self.line(end, "gc", pause(n, name, before, after, self.heap, ms))
        self.line(end, "gc,cpu", cpu(n, ms / 1000 * 7.1, ms / 1000 * 0.05, ms / 1000))
        self.pauses.append((t_start, end, name, ms))
        return end
