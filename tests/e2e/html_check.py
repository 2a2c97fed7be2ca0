#!/usr/bin/env python3
"""Browser tests of `logcorr analyze --html` (headless Chromium, driven by html_cdp.js).

  html_check.py MODE LOGCORR SOURCE_DIR
    samples    every samples/<bundle>: no console errors, the lanes, bursts and
               causes the findings call for are in the DOM, zoom / pan / hover /
               click / time zone / print work, a screenshot per bundle
    malicious  log lines and a file name carrying <script> and onerror payloads
               show as text and run nothing
    large      tens of thousands of symptoms from dozens of clients: drawn as
               density in grouped lanes, file stays small
    agree      the findings embedded in the page are exactly `analyze --json`
               (no browser needed)

Screenshots go to <build>/html-report/ (the build folder is two levels above
LOGCORR, i.e. <build>/bin/logcorr). Exit 77 (skip) when Chromium or Node
cannot run at all.
"""
import html as htmlmod
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

MODE, EXE, SRC = sys.argv[1], os.path.abspath(sys.argv[2]), os.path.abspath(sys.argv[3])
BUILD = os.path.dirname(os.path.dirname(EXE))
OUT = os.path.join(BUILD, "html-report")
CDP = os.path.join(SRC, "tests", "e2e", "html_cdp.js")
SAMPLES = os.path.join(SRC, "samples")
SYMPTOMS = {"network_exception", "request_timeout", "timeout_exception", "connect_failed",
            "disconnect", "all_brokers_down", "not_enough_replicas", "unknown_producer_id",
            "out_of_order_sequence"}
failures = []


def check(cond, msg):
    if not cond:
        failures.append(msg)
        print("FAIL: " + msg, file=sys.stderr)
    return cond


def run(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, timeout=300, **kw)


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        p = shutil.which(name)
        if p:
            return p
    return None


def chromium_or_skip():
    chrome, node = find_chromium(), shutil.which("node")
    if not chrome or not node:
        print("SKIP: needs chromium and node (scripts/install-deps.sh --test installs chromium)",
              file=sys.stderr)
        sys.exit(77)
    r = run([chrome, "--headless", "--no-sandbox", "--disable-gpu", "--version"])
    if r.returncode != 0:
        print("SKIP: chromium cannot run here: " + r.stderr[-500:], file=sys.stderr)
        sys.exit(77)
    return chrome


def analyze(inputs, html_path, extra=()):
    r = run([EXE, "analyze", "-q", "--json", "--html", html_path, *extra, *inputs])
    if not check(r.returncode == 0, f"analyze {inputs} exited {r.returncode}: {r.stderr[-800:]}"):
        return None
    return json.loads(r.stdout)


def embedded(html_text, block_id):
    m = re.search(r'<script type="application/json" id="%s">(.*?)</script>' % block_id, html_text, re.S)
    return json.loads(m.group(1)) if m else None


def browse(chrome, html_path, shot=None, interact=False, pdf=None):
    args = ["node", CDP, chrome, html_path]
    if shot:
        args += ["--screenshot", shot]
    if interact:
        args.append("--interact")
    if pdf:
        args += ["--pdf", pdf]
    r = run(args)
    if not check(r.returncode == 0, f"html_cdp on {html_path} exited {r.returncode}: {r.stderr[-1500:]}"):
        return None
    res = json.loads(r.stdout)
    check(not res["errors"], f"{html_path}: console errors: {res['errors']}")
    for w in res["warnings"]:
        print(f"note: {html_path}: {w}", file=sys.stderr)
    return res


def expected_lanes(report, inputs):
    """Lanes the findings call for, counted independently of the page: one
    per broker (its logs, the learned entities, the brokers named by bursts,
    causes and symptom events) and one per client input."""
    brokers, hosts = set(), set()
    for i in report["inputs"]:
        if i["role"] in ("journal", "server", "gc"):
            if i["broker"] is not None:
                brokers.add(i["broker"])
            elif i["host"]:
                hosts.add(i["host"])
    brokers |= {e["broker"] for e in report["entities"]}
    for b in report["bursts"]:
        brokers |= set(b["brokers"])
        brokers |= {c["broker"] for c in b["causes"] if c["broker"] is not None}
    ev = run([EXE, "events", "-q", *inputs])
    for line in ev.stdout.splitlines():
        o = json.loads(line)
        if o["type"] == "event" and o["kind"] in SYMPTOMS and o.get("broker") is not None:
            brokers.add(o["broker"])
    clients = sum(1 for i in report["inputs"] if i["role"] == "client")
    return len(brokers) + len(hosts), clients, sorted(brokers)


def bundles():
    """The sample bundles, without those whose expected.json says "pending" (not readable yet)."""
    names = sorted(f[:-len(".expected.json")] for f in os.listdir(SAMPLES) if f.endswith(".expected.json"))
    return [n for n in names if not json.load(open(os.path.join(SAMPLES, n + ".expected.json"))).get("pending")]


def mode_samples():
    chrome = chromium_or_skip()
    os.makedirs(OUT, exist_ok=True)
    for name in bundles():
        exp = json.load(open(os.path.join(SAMPLES, name + ".expected.json")))
        page = os.path.join(OUT, name + ".html")
        inputs = [os.path.join(SAMPLES, name)] + list(exp.get("args", []))
        report = analyze([os.path.join(SAMPLES, name)], page, exp.get("args", []))
        if report is None:
            continue
        shot = os.path.join(OUT, name + ".png")
        res = browse(chrome, page, shot=shot, interact=True,
                     pdf=os.path.join(OUT, name + ".pdf") if name == "rolling-restart" else None)
        if res is None:
            continue
        st, it = res["state"], res["interact"]
        nb, nc, ids = expected_lanes(report, [os.path.join(SAMPLES, name)])
        types = [l["type"] for l in st["lanes"]]
        check(types.count("broker") == nb, f"{name}: {types.count('broker')} broker lanes, want {nb}")
        check(types.count("client") == nc, f"{name}: {types.count('client')} client lanes, want {nc}")
        check([l["label"] for l in st["lanes"][:len(ids)]] == [f"broker {i}" for i in ids],
              f"{name}: broker lanes {st['lanes'][:len(ids)]}, want brokers {ids}")
        check(st["rendered"] == str(len(st["lanes"])), f"{name}: page not rendered: {st['rendered']}")
        # Bursts: as many bands and rows as the sample expects, same verdicts, same order.
        want = [b["verdict"] for b in exp["bursts"]]
        check([b["verdict"] for b in st["bands"]] == want, f"{name}: bands {st['bands']} want {want}")
        check([r["verdict"] for r in st["rows"]] == want, f"{name}: table rows verdicts want {want}")
        check(all(b["width"] >= 3 for b in st["bands"]), f"{name}: a burst band is too thin to see")
        for b, row in zip(report["bursts"], st["rows"]):
            check(row["cells"][1] == b["start"].replace("T", " ").rstrip("Z"),
                  f"{name}: row start {row['cells'][1]} want {b['start']}")
            check(row["cells"][3] == str(b["count"]), f"{name}: row count {row['cells'][3]} want {b['count']}")
        # Causes: every cause of every burst, on its broker's lane; a
        # network-path cause names no broker and no host and has no mark
        # (the burst's band carries it).
        def on_path(c):
            return c["broker"] is None and not c.get("host")
        want_causes = [(i, k, c["kind"], c["broker"]) for i, b in enumerate(report["bursts"])
                       for k, c in enumerate(b["causes"]) if not on_path(c)]
        got = [(c["burst"], c["cause"], c["kind"]) for c in st["causes"]]
        check(got == [w[:3] for w in want_causes], f"{name}: cause marks {got} want {want_causes}")
        for c, w in zip(st["causes"], want_causes):
            if w[3] is not None:
                check(st["lanes"][c["lane"]]["label"] == f"broker {w[3]}",
                      f"{name}: cause {w} drawn on lane {st['lanes'][c['lane']]}")
        # page.js POINT_KINDS: kills, crashes and the broker faults are also drawn as points
        points = sum(1 for w in want_causes if w[2] in ("oom_kill", "process_killed", "unclean_shutdown",
                                                        "log_dir_failure", "zk_session_expired",
                                                        "quorum_lost", "jvm_oom_error"))
        check(st["points"] == points, f"{name}: {st['points']} point marks want {points}")
        for b in exp["bursts"]:
            if b.get("cause") and b["cause"].get("broker", 0) is not None:
                check(any(c[2] == b["cause"]["kind"] for c in got), f"{name}: no {b['cause']['kind']} mark")
        # Every evidence line is listed with its file:line.
        locs = [f"{e['input']}:{e['line']}" for b in report["bursts"]
                for e in [x for c in b["causes"] for x in c["evidence"]] + b["evidence"]]
        check(st["evidenceLocs"] == locs, f"{name}: evidence file:line list differs")
        check(st["density"] >= 1, f"{name}: no symptom density drawn")
        check(st["imgs"] == 0 and st["scripts"] == 3 and st["iframes"] == 0, f"{name}: unexpected elements")
        # Interaction.
        check(it["afterWheelIn"] != it["view0"], f"{name}: wheel did not zoom ({it['view0']})")
        check(it["afterButtonOut"] != it["afterWheelIn"], f"{name}: zoom-out button did nothing")
        check(it["bandXAfterDrag"] is not None and abs(it["bandXAfterDrag"] - it["bandXBeforeDrag"] - 150) < 2,
              f"{name}: drag by 150 px moved the first band {it['bandXBeforeDrag']} -> {it['bandXAfterDrag']}")
        check(it.get("bandTooltip") and "Burst #1" in it["bandTooltip"], f"{name}: no tooltip on a band")
        check(it.get("detailsAfterBandClick", "").startswith("Burst #1"), f"{name}: band click shows no details")
        check(it.get("selectedRows") == 1, f"{name}: band click selected {it.get('selectedRows')} rows")
        if report["bursts"] and report["bursts"][0]["causes"] and not on_path(report["bursts"][0]["causes"][0]):
            ev = report["bursts"][0]["causes"][0]["evidence"][0]
            check(f"{ev['input']}:{ev['line']}" in (it.get("causeTooltip") or ""),
                  f"{name}: cause tooltip lacks its evidence file:line")
            check(ev["text"] in (it.get("detailsAfterCauseClick") or ""),
                  f"{name}: cause click does not show its evidence line")
        check(it["viewAfterRowClick"] != it["view0"], f"{name}: table row click did not zoom to the burst")
        # Time zone: Asia/Kolkata is UTC+05:30 all year.
        t = report["bursts"][0]["start"]
        hh, mm = int(t[11:13]), int(t[14:16])
        shifted = (hh * 60 + mm + 330) % 1440
        check(it["startZone"] is not None and it["startZone"][11:16] == "%02d:%02d" % (shifted // 60, shifted % 60),
              f"{name}: start in Asia/Kolkata {it['startZone']} (UTC {t})")
        check("Asia/Kolkata" in it["startHeader"], f"{name}: table header {it['startHeader']}")
        check("not a time zone" in it["badZoneMsg"], f"{name}: unknown zone accepted silently")
        pr = res["print"]
        check(pr == {"controls": "none", "evidence": "block", "details": "none"}, f"{name}: print styles {pr}")
        check(os.path.getsize(shot) > 20000, f"{name}: screenshot {shot} too small")
        print(f"ok {name}: {len(st['lanes'])} lanes, {len(st['bands'])} bursts, {len(st['causes'])} causes, "
              f"{os.path.getsize(page)} bytes; screenshot {shot}")


PAYLOADS = ['<script>window.__pwned=1</script>', '"><img src=x onerror="window.__pwned=1">',
            "<script>document.title='PWNED'</script>", "</script><script>window.__pwned=2</script>",
            "'-alert(1)-'\\u2028"]


def mode_malicious():
    chrome = chromium_or_skip()
    os.makedirs(OUT, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="logcorr-html-mal-")
    try:
        bundle = os.path.join(tmp, "evil")
        shutil.copytree(os.path.join(SAMPLES, "rolling-restart"), bundle)
        payload = " ".join(PAYLOADS)
        # Client symptom lines (NetworkException, disconnects) and the broker's
        # shutdown line: exactly the lines that become evidence.
        cli = os.path.join(bundle, "clients", "inventory-api.log")
        lines = open(cli).read().split("\n")
        for i in range(254, 266):
            lines[i] += " " + payload
        evil_name = os.path.join(bundle, "clients", '"><img src=x onerror=window.__pwned=3>.log')
        open(evil_name, "w").write("\n".join(lines))
        os.remove(cli)
        srv = os.path.join(bundle, "broker-1", "server.log")
        lines = open(srv).read().split("\n")
        lines[184] += " " + payload
        open(srv, "w").write("\n".join(lines))
        page = os.path.join(OUT, "malicious.html")
        report = analyze([bundle], page)
        if report is None:
            return
        raw = open(page, encoding="utf-8").read()
        texts = [e["text"] for b in report["bursts"] for e in b["evidence"] + [x for c in b["causes"] for x in c["evidence"]]]
        check(any(PAYLOADS[0] in t for t in texts) and any("KafkaServer id=1" in t and PAYLOADS[1] in t for t in texts),
              "the payloads did not reach the evidence (the test would prove nothing)")
        # The file itself: payloads only inside JSON, with < > & escaped.
        check(raw.count("<script") == 3, f"page has {raw.count('<script')} <script tags, want 3")
        check("<img" not in raw and "onerror=\"window" not in raw.replace('\\"', ''), "raw <img> or onerror in the page")
        check(embedded(raw, "logcorr-report") == report, "embedded findings differ from --json")
        res = browse(chrome, page, shot=os.path.join(OUT, "malicious.png"))
        if res is None:
            return
        st = res["state"]
        check(st["pwned"] is None, f"an injected script ran: window.__pwned = {st['pwned']}")
        check(st["title"] == "logcorr incident report", f"title changed to {st['title']}")
        check(st["imgs"] == 0 and st["scripts"] == 3 and st["iframes"] == 0,
              f"injected elements in the DOM: {st['imgs']} img, {st['scripts']} script")
        for p in PAYLOADS[:4]:
            check(p in st["evidenceText"], f"payload not shown as text: {p}")
        check(any('"><img src=x onerror=window.__pwned=3>.log:' in l for l in st["evidenceLocs"]),
              "the evil file name is not shown as text in file:line")
        # And as Chromium's own serialization sees it (--dump-dom): escaped text.
        prof = tempfile.mkdtemp(prefix="logcorr-chromium-")
        r = run([chrome, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--user-data-dir=" + prof, "--dump-dom", "file://" + page])
        shutil.rmtree(prof, ignore_errors=True)
        dom = r.stdout
        check(r.returncode == 0 and 'data-rendered="' in dom, f"--dump-dom failed: {r.stderr[-500:]}")
        check(htmlmod.escape(PAYLOADS[0], quote=False) in dom, "--dump-dom lacks the escaped <script> payload")
        check("<img" not in dom, "--dump-dom shows an <img> element")
        check("<title>logcorr incident report</title>" in dom, "--dump-dom shows a changed title")
        check(len(re.findall(r"<script\b", dom)) == 3, "--dump-dom shows extra <script> elements")
        print(f"ok malicious: payloads shown as text, nothing ran ({page})")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def mode_large():
    chrome = chromium_or_skip()
    os.makedirs(OUT, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="logcorr-html-large-")
    try:
        # 40 client instances (4 applications x 10) logging 60000 NetworkExceptions
        # over two hours toward three brokers, plus broker-1 restarting.
        import random
        rnd = random.Random(7)
        base = 1_780_000_000.0
        apps = ["orders-service", "billing-api", "search-indexer", "audit-writer"]
        total = 0
        for a in apps:
            for n in range(10):
                path = os.path.join(tmp, "clients", f"{a}-{n}.log")
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "w") as f:
                    t = base
                    for k in range(1500):
                        t += rnd.expovariate(1 / 4.8)
                        node = rnd.randint(1, 3)
                        stamp = _stamp(t)
                        f.write(f"[{stamp}] WARN [Producer clientId={a}-{n}] Received invalid metadata error in "
                                f"produce request on partition {a}-{k % 12} due to org.apache.kafka.common.errors."
                                f"NetworkException: The server disconnected before a response was received.. Going "
                                f"to request metadata update now (org.apache.kafka.clients.producer.internals.Sender)\n")
                        f.write(f"[{stamp}] INFO [Producer clientId={a}-{n}] Node {node} disconnected. "
                                f"(org.apache.kafka.clients.NetworkClient)\n")
                        total += 2
        for b in (1, 2, 3):
            path = os.path.join(tmp, f"broker-{b}", "server.log")
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w") as f:
                f.write(f"[{_stamp(base)}] INFO [KafkaServer id={b}] started (kafka.server.KafkaServer)\n")
                f.write(f"[{_stamp(base + 7300)}] INFO [KafkaServer id={b}] shutting down (kafka.server.KafkaServer)\n")
        page = os.path.join(OUT, "large.html")
        report = analyze([tmp], page)
        if report is None:
            return
        size = os.path.getsize(page)
        check(report["summary"]["symptoms"] >= total * 0.9, f"only {report['summary']['symptoms']} of {total} symptoms")
        check(size < 3_000_000, f"large report is {size} bytes")
        res = browse(chrome, page, shot=os.path.join(OUT, "large.png"), interact=False)
        if res is None:
            return
        st = res["state"]
        types = [l["type"] for l in st["lanes"]]
        check(types.count("broker") == 3, f"{types.count('broker')} broker lanes, want 3")
        check(types.count("client") == 4, f"40 inputs of 4 applications make {types.count('client')} lanes, want 4: "
              f"{[l['label'] for l in st['lanes']]}")
        check(all("(10 inputs)" in l["label"] for l in st["lanes"] if l["type"] == "client"),
              f"group labels {[l['label'] for l in st['lanes']]}")
        check(st["density"] == len(st["lanes"]), f"{st['density']} density paths for {len(st['lanes'])} lanes")
        check(st["svgElements"] < 3000, f"{st['svgElements']} SVG elements for {total} symptoms")
        print(f"ok large: {report['summary']['symptoms']} symptoms, {len(report['bursts'])} bursts, "
              f"{size} bytes, {st['svgElements']} SVG elements")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _stamp(t):
    import datetime
    d = datetime.datetime.fromtimestamp(t, datetime.timezone.utc)
    return d.strftime("%Y-%m-%d %H:%M:%S,") + "%03d" % (d.microsecond // 1000)


def mode_agree():
    tmp = tempfile.mkdtemp(prefix="logcorr-html-agree-")
    try:
        for name in bundles():
            exp = json.load(open(os.path.join(SAMPLES, name + ".expected.json")))
            page = os.path.join(tmp, name + ".html")
            report = analyze([os.path.join(SAMPLES, name)], page, exp.get("args", []))
            if report is None:
                continue
            raw = open(page, encoding="utf-8").read()
            emb = embedded(raw, "logcorr-report")
            check(emb == report, f"{name}: the page's findings differ from analyze --json")
            pic = embedded(raw, "logcorr-picture")
            check(pic is not None and len(pic["cause_lanes"]) == len(report["bursts"]) and
                  [len(x) for x in pic["cause_lanes"]] == [len(b["causes"]) for b in report["bursts"]],
                  f"{name}: picture cause lanes do not match the bursts")
            # Density holds every symptom once in client lanes.
            client_total = sum(l["symptoms"] for l in pic["lanes"] if l["type"] == "client")
            check(client_total == report["summary"]["symptoms"],
                  f"{name}: client lanes hold {client_total} symptoms, report says {report['summary']['symptoms']}")
            check([b["verdict"] for b in emb["bursts"]] == [b["verdict"] for b in exp["bursts"]],
                  f"{name}: verdicts differ from {name}.expected.json")
            csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', raw)
            check(csp and "default-src 'none'" in csp.group(1) and "unsafe" not in csp.group(1),
                  f"{name}: CSP {csp.group(1) if csp else None}")
            check(not re.search(r"\b(src|href)=\"(https?:)?//", raw), f"{name}: a remote reference in the page")
            print(f"ok agree {name}: {len(report['bursts'])} bursts")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


{"samples": mode_samples, "malicious": mode_malicious, "large": mode_large, "agree": mode_agree}[MODE]()
if failures:
    print(f"{len(failures)} failure(s)", file=sys.stderr)
    sys.exit(1)
