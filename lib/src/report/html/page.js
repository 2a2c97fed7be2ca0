
(() => {
  'use strict';
  // Everything shown comes from the two JSON blocks and is put on the page
  // with textContent or setAttribute: log text never becomes markup.
  const SVGNS = 'http://www.w3.org/2000/svg';
  const $ = (id) => document.getElementById(id);
  const R = JSON.parse($('logcorr-report').textContent);
  const P = JSON.parse($('logcorr-picture').textContent);
  const VERDICTS = ['broker-restart', 'broker-crash', 'oom-kill', 'gc-pause', 'idle-close',
    'listener-misconfig', 'broker-fault', 'auth-failure', 'network-path', 'unexplained'];
  const AUTH_KINDS = ['tls_failure', 'sasl_failure'];
  const FAULT_KINDS = ['log_dir_failure', 'zk_session_expired', 'quorum_lost', 'jvm_oom_error'];
  const POINT_KINDS = new Set(['oom_kill', 'process_killed', 'unclean_shutdown'].concat(FAULT_KINDS));
  const KIND_CLASS = { log_dir_failure: 'k-fault', zk_session_expired: 'k-fault',
    quorum_lost: 'k-fault', jvm_oom_error: 'k-fault', tls_failure: 'k-auth', sasl_failure: 'k-auth',
    broker_stop: 'k-down', broker_start: 'k-down', oom_kill: 'k-oom',
    process_killed: 'k-crash', unclean_shutdown: 'k-crash', gc_pause: 'k-gc', safepoint: 'k-gc' };

  function h(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function s(tag, attrs, cls) {
    const e = document.createElementNS(SVGNS, tag);
    for (const k in attrs) e.setAttribute(k, attrs[k]);
    if (cls) e.setAttribute('class', cls);
    return e;
  }
  const parseT = (v) => (v === null || v === undefined ? NaN : Date.parse(v));

  // ---- the data ---------------------------------------------------------
  const bursts = R.bursts.map((b, i) => ({
    i, b, t0: parseT(b.start), t1: parseT(b.end),
    lanes: P.burst_lanes[i] || [],
    causes: b.causes.map((c, k) => ({
      k, c, t: parseT(c.time), t0: parseT(c.start), t1: parseT(c.end),
      lane: (P.cause_lanes[i] || [])[k],
    })),
  }));
  const lanes = P.lanes.map((l, i) => {
    const bins = [], counts = [];
    let b = 0;
    for (let k = 0; k + 1 < l.density.length; k += 2) {
      b += l.density[k];
      bins.push(b);
      counts.push(l.density[k + 1]);
    }
    const inputs = l.inputs.map((ix) => {
      const inp = R.inputs[ix];
      return { inp, first: parseT(inp.first), last: parseT(inp.last) };
    });
    return Object.assign({}, l, { i, bins, counts, inputsCov: inputs });
  });

  // ---- time in UTC or a chosen zone ---------------------------------------
  let zone = 'UTC';
  const fmtCache = new Map();
  function formatter(z) {
    let f = fmtCache.get(z);
    if (!f) {
      f = new Intl.DateTimeFormat('en-US', { timeZone: z, hourCycle: 'h23', year: 'numeric',
        month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
      fmtCache.set(z, f);
    }
    return f;
  }
  function wall(ms) {
    const frac = ((ms % 1000) + 1000) % 1000;
    if (zone === 'UTC') {
      const d = new Date(ms);
      return { y: d.getUTCFullYear(), mo: d.getUTCMonth() + 1, d: d.getUTCDate(),
        h: d.getUTCHours(), mi: d.getUTCMinutes(), s: d.getUTCSeconds(), ms: frac };
    }
    const p = {};
    for (const x of formatter(zone).formatToParts(new Date(ms))) p[x.type] = x.value;
    return { y: +p.year, mo: +p.month, d: +p.day, h: (+p.hour) % 24, mi: +p.minute, s: +p.second,
      ms: frac };
  }
  function offsetAt(ms) {
    if (zone === 'UTC') return 0;
    const w = wall(ms);
    return Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s, w.ms) - ms;
  }
  const p2 = (n) => String(n).padStart(2, '0');
  const p3 = (n) => String(Math.floor(n)).padStart(3, '0');
  const fmtDate = (w) => w.y + '-' + p2(w.mo) + '-' + p2(w.d);
  function fmtFull(ms) {
    if (!isFinite(ms)) return '?';
    const w = wall(ms);
    return fmtDate(w) + ' ' + p2(w.h) + ':' + p2(w.mi) + ':' + p2(w.s) + '.' + p3(w.ms);
  }
  function zoneLabel(ms) {
    if (zone === 'UTC') return 'UTC';
    const off = Math.round(offsetAt(ms) / 60000), a = Math.abs(off);
    return zone + ' (UTC' + (off < 0 ? '-' : '+') + p2(Math.floor(a / 60)) + ':' + p2(a % 60) + ')';
  }
  function fmtDur(ms) {
    if (!isFinite(ms)) return '?';
    if (ms < 1000) return Math.round(ms) + ' ms';
    if (ms < 60000) return (ms / 1000).toFixed(1) + ' s';
    if (ms < 3600000) return Math.floor(ms / 60000) + ' min ' + Math.round((ms % 60000) / 1000) + ' s';
    return Math.floor(ms / 3600000) + ' h ' + Math.round((ms % 3600000) / 60000) + ' min';
  }

  // ---- header, notes, table -----------------------------------------------
  function renderHeader() {
    $('title').textContent = document.title;
    const first = Math.min(...R.inputs.map((x) => parseT(x.first)).filter(isFinite));
    const last = Math.max(...R.inputs.map((x) => parseT(x.last)).filter(isFinite));
    const n = R.bursts.length;
    let sub = n + (n === 1 ? ' burst' : ' bursts') + ' of client errors (' + R.summary.symptoms +
      ' symptom events in ' + R.summary.records + ' records of ' + R.inputs.length + ' inputs';
    if (isFinite(first) && isFinite(last)) sub += ', ' + fmtFull(first) + ' to ' + fmtFull(last) + ' ' + zoneLabel(first);
    $('subtitle').textContent = sub + ')';
    const notes = $('notes');
    notes.replaceChildren(...R.notes.map((t) => h('li', null, t)));
  }

  function renderTable() {
    const body = $('bursts').tBodies[0];
    body.replaceChildren();
    $('no-bursts').hidden = bursts.length > 0;
    for (const B of bursts) {
      const b = B.b;
      const tr = h('tr');
      tr.dataset.burst = B.i;
      tr.dataset.verdict = b.verdict;
      tr.tabIndex = 0;
      if (sel && sel.burst === B.i) tr.classList.add('selected');
      tr.append(h('td', 'num', B.i + 1), h('td', 'time', fmtFull(B.t0)),
        h('td', 'num', fmtDur(B.t1 - B.t0)), h('td', 'num', b.count));
      const cl = b.clients.slice(0, 3).join(', ') + (b.clients.length > 3 ? ' +' + (b.clients.length - 3) : '');
      tr.append(h('td', null, cl), h('td', null, b.brokers.join(', ') || '?'));
      const vd = h('td');
      vd.append(h('span', 'chip v-' + b.verdict, b.verdict));
      tr.append(vd, h('td', 'num', Math.round(b.confidence * 100) + '%'));
      tr.append(h('td', null, b.causes.length ? b.causes[0].summary : '\u2014'));
      const adv = h('td');
      const same = bursts.findIndex((o) => o.i < B.i && JSON.stringify(o.b.advice) === JSON.stringify(b.advice));
      if (same >= 0 && b.advice.length) {
        adv.textContent = 'as for #' + (same + 1);
      } else if (b.advice.length) {
        const ul = h('ul');
        for (const a of b.advice) ul.append(h('li', null, a));
        adv.append(ul);
      }
      tr.append(adv);
      body.append(tr);
    }
    const th = $('bursts').tHead.rows[0].cells[1];
    th.textContent = 'start (' + (zone === 'UTC' ? 'UTC' : zone) + ')';
  }

  // ---- details: evidence lines with file:line ---------------------------------
  function evidenceList(list) {
    const box = h('div', 'evidence');
    for (const e of list) {
      const row = h('div', 'ev');
      row.append(h('span', 'loc', e.input + ':' + e.line), h('span', 'ts', fmtFull(parseT(e.time))),
        h('span', 'kind', e.kind), h('code', 'text', e.text));
      box.append(row);
    }
    return box;
  }
  function facts(pairs) {
    const dl = h('dl', 'facts');
    for (const [k, v] of pairs) {
      if (v === null || v === undefined || v === '') continue;
      dl.append(h('dt', null, k), h('dd', null, v));
    }
    return dl;
  }
  function list(title, items) {
    const f = document.createDocumentFragment();
    if (!items || !items.length) return f;
    f.append(h('h4', null, title));
    const ul = h('ul');
    for (const t of items) ul.append(h('li', null, t));
    f.append(ul);
    return f;
  }
  function causeBlock(B, C) {
    const c = C.c, div = h('div', 'cause');
    div.dataset.burst = B.i;
    div.dataset.cause = C.k;
    div.append(h('div', null, (C.k === 0 ? 'Decisive: ' : 'Candidate ' + (C.k + 1) + ': ') + c.summary));
    const where = c.broker !== null ? 'broker ' + c.broker + (c.host ? ' (' + c.host + ')' : '') : (c.host || 'unknown broker');
    const lag = c.lag_ms < 0 ? fmtDur(-c.lag_ms) + ' before the burst' : fmtDur(c.lag_ms) + ' after the burst began';
    div.append(h('div', 'meta', c.kind + ' on ' + where + '; ' + fmtFull(C.t0) + ' to ' + fmtFull(C.t1) +
      (c.duration_ms !== null ? ' (' + fmtDur(c.duration_ms) + ')' : ' (no restart seen)') + '; ' + lag +
      '; score ' + c.score));
    div.append(evidenceList(c.evidence));
    return div;
  }
  function burstBlock(B) {
    const b = B.b, div = h('div', 'burst-block');
    div.dataset.burst = B.i;
    const h3 = h('h3', null, 'Burst #' + (B.i + 1) + ' ');
    h3.append(h('span', 'chip v-' + b.verdict, b.verdict), document.createTextNode(' ' + Math.round(b.confidence * 100) + '% confidence'));
    div.append(h3);
    const kinds = Object.entries(b.kinds).map(([k, n]) => k + ' ' + n).join(', ');
    div.append(facts([
      ['time', fmtFull(B.t0) + ' to ' + fmtFull(B.t1) + ' ' + zoneLabel(B.t0) + ' (' + fmtDur(B.t1 - B.t0) + ')'],
      ['client errors', b.count + (kinds ? ' (' + kinds + ')' : '')],
      ['clients', b.clients.join(', ')],
      ['brokers named', b.brokers.join(', ') + (b.hosts.length ? ' (' + b.hosts.join(', ') + ')' : '')],
      ['partitions', b.partitions.join(', ')],
    ]));
    if (b.causes.length) {
      div.append(h('h4', null, 'Causes (best first)'));
      for (const C of B.causes) div.append(causeBlock(B, C));
    } else {
      div.append(h('h4', null, 'Causes'), h('p', 'hint', 'No broker-side event explains this burst.'));
    }
    if (b.evidence.length) div.append(h('h4', null, 'Client errors (first and most telling)'), evidenceList(b.evidence));
    div.append(list('Advice', b.advice), list('Warnings', b.warnings), list('Missing logs', b.coverage_gaps));
    return div;
  }

  let sel = null;  // {burst, cause?}
  function renderDetails() {
    const body = $('details-body');
    if (!sel) return;
    const B = bursts[sel.burst];
    if (sel.cause === undefined) {
      body.replaceChildren(burstBlock(B));
      return;
    }
    const C = B.causes[sel.cause];
    const head = h('h3', null, C.c.kind + ' \u2192 burst #' + (B.i + 1) + ' ');
    const btn = h('button', 'linkbtn', 'Show burst #' + (B.i + 1));
    btn.type = 'button';
    btn.addEventListener('click', () => select({ burst: B.i }, true));
    head.append(btn);
    body.replaceChildren(head, causeBlock(B, C));
  }
  function renderAllEvidence() {
    $('all-evidence-body').replaceChildren(...bursts.map(burstBlock));
  }

  // ---- the timeline -----------------------------------------------------
  const LABEL_W = 210, AXIS_H = 30, BURST_H = 24, GAP = 2, RIGHT = 12;
  const chart = $('chart');
  const view = { v0: P.view[0], v1: P.view[1] };
  const MIN_SPAN = 50, MAX_SPAN = Math.max(P.t1 - P.t0, 60000) * 4;
  let geo = null;  // last layout: x scale, lane rows, density columns

  const stripsOf = (l) => (l.inputsCov.length <= 4 ? l.inputsCov.length : 1);
  const laneH = (l) => (l.type === 'broker' ? 54 : 34) + stripsOf(l) * 5;

  // Time intervals [a, b] not covered by any input of the lane, within [v0, v1].
  function gapsOf(covs, v0, v1) {
    const iv = covs.filter((c) => isFinite(c.first) && isFinite(c.last))
      .map((c) => [c.first, c.last]).sort((a, b) => a[0] - b[0]);
    const out = [];
    let t = v0;
    for (const [a, b] of iv) {
      if (a > t) out.push([t, Math.min(a, v1)]);
      t = Math.max(t, b);
      if (t >= v1) break;
    }
    if (t < v1) out.push([t, v1]);
    return out.filter(([a, b]) => b > a);
  }

  function niceStep(msPerPx) {
    const steps = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1e3, 2e3, 5e3, 1e4, 15e3, 3e4, 6e4, 12e4,
      3e5, 6e5, 9e5, 18e5, 36e5, 72e5, 108e5, 216e5, 432e5, 864e5, 1728e5, 6048e5];
    for (const st of steps) if (st / msPerPx >= 95) return st;
    return steps[steps.length - 1];
  }
  function tickLabel(t, step) {
    const w = wall(t);
    if (step >= 864e5 || (w.h === 0 && w.mi === 0 && w.s === 0 && w.ms === 0 && step >= 6e4))
      return p2(w.mo) + '-' + p2(w.d) + (step < 864e5 ? ' 00:00' : '');
    if (step < 1000) return p2(w.mi) + ':' + p2(w.s) + '.' + p3(w.ms);
    if (step < 60000) return p2(w.h) + ':' + p2(w.mi) + ':' + p2(w.s);
    return p2(w.h) + ':' + p2(w.mi);
  }

  function render() {
    const W = Math.max(640, chart.clientWidth || 1200);
    const plotW = W - LABEL_W - RIGHT;
    const span = view.v1 - view.v0;
    const X = (t) => LABEL_W + ((t - view.v0) / span) * plotW;
    const rows = [];
    let y = AXIS_H + BURST_H;
    for (const l of lanes) {
      rows.push({ y, h: laneH(l) });
      y += laneH(l) + GAP;
    }
    const H = y + 4;
    const svg = s('svg', { width: W, height: H, viewBox: '0 0 ' + W + ' ' + H, role: 'img',
      'aria-label': 'Timeline of ' + lanes.length + ' lanes and ' + bursts.length + ' bursts' });
    svg.id = 'timeline-svg';
    const defs = s('defs');
    const hatch = (id, color) => {
      const p = s('pattern', { id, width: 6, height: 6, patternUnits: 'userSpaceOnUse',
        patternTransform: 'rotate(45)' });
      p.append(s('rect', { width: 6, height: 6, fill: 'transparent' }),
        s('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: color, 'stroke-width': 2 }));
      defs.append(p);
    };
    hatch('hatch', 'rgba(120,130,140,0.28)');
    hatch('hatch-dark', 'rgba(190,60,60,0.8)');
    const clip = s('clipPath', { id: 'plot-clip' });
    clip.append(s('rect', { x: LABEL_W, y: 0, width: plotW, height: H }));
    defs.append(clip);
    svg.append(defs);

    // Lane backgrounds and labels.
    const laneG = s('g', {}, 'lanes');
    lanes.forEach((l, i) => {
      const r = rows[i];
      const g = s('g', { 'data-lane': i, 'data-lane-type': l.type }, 'lane lane-' + l.type);
      const inBurst = sel && bursts[sel.burst].lanes.includes(i);
      g.append(s('rect', { x: 0, y: r.y, width: W, height: r.h }, 'lane-bg' + (i % 2 ? ' alt' : '') + (inBurst ? ' hl' : '')));
      const label = s('text', { x: 8, y: r.y + 15 }, 'lane-label');
      label.textContent = clipText(l.label, 30);
      const detail = s('text', { x: 8, y: r.y + 28 }, 'lane-detail');
      detail.textContent = clipText(l.detail || (l.inputs.length ? '' : 'no logs'), 36);
      g.append(label, detail);
      laneG.append(g);
    });
    svg.append(laneG);
    svg.append(s('line', { x1: LABEL_W - 0.5, y1: 0, x2: LABEL_W - 0.5, y2: H }, 'sep'));

    // Axis: grid lines and labels at round times of the chosen zone.
    const axis = s('g', {}, 'axis');
    const step = niceStep(span / plotW);
    const off = offsetAt((view.v0 + view.v1) / 2);
    for (let lt = Math.ceil((view.v0 + off) / step) * step; lt - off <= view.v1; lt += step) {
      const t = lt - off, x = X(t);
      axis.append(s('line', { x1: x, y1: AXIS_H - 6, x2: x, y2: H }, 'axis-line'));
      const tx = s('text', { x: x + 3, y: AXIS_H - 10 }, 'axis-text');
      tx.textContent = tickLabel(t, step);
      axis.append(tx);
    }
    const corner = s('text', { x: 8, y: 13 }, 'axis-corner');
    corner.textContent = fmtDate(wall(view.v0)) + ' ' + (zone === 'UTC' ? 'UTC' : zone);
    const corner2 = s('text', { x: 8, y: 26 }, 'axis-corner');
    corner2.textContent = 'view ' + fmtDur(span);
    svg.append(axis, corner, corner2);

    const plot = s('g', { 'clip-path': 'url(#plot-clip)' }, 'plot');
    // Coverage: hatched where no log of the lane covers; one strip per input.
    lanes.forEach((l, i) => {
      const r = rows[i];
      const n = stripsOf(l);
      const mainH = r.h - n * 5 - 2;
      for (const [a, b] of gapsOf(l.inputsCov, view.v0, view.v1)) {
        const x0 = X(a), x1 = X(b);
        plot.append(s('rect', { x: x0, y: r.y, width: Math.max(0, x1 - x0), height: mainH, 'data-gap': i }, 'gap'));
      }
      const strips = n === l.inputsCov.length ? l.inputsCov.map((c) => [c]) : (n ? [l.inputsCov] : []);
      strips.forEach((covs, k) => {
        const sy = r.y + mainH + 1 + k * 5;
        const g = s('g', {}, 'strip');
        g.dataset.tip = covs.length === 1 ? covs[0].inp.path + ' (' + covs[0].inp.role + '): ' +
          fmtFull(covs[0].first) + ' to ' + fmtFull(covs[0].last) : covs.length + ' inputs';
        for (const c of covs) {
          if (!isFinite(c.first)) continue;
          const x0 = Math.max(X(c.first), LABEL_W - 2), x1 = Math.min(X(c.last), W + 2);
          if (x1 > x0) g.append(s('rect', { x: x0, y: sy, width: Math.max(1, x1 - x0), height: 3 }, 'cov'));
        }
        for (const [a, b] of gapsOf(covs, view.v0, view.v1)) {
          const x0 = X(a), x1 = X(b);
          g.append(s('rect', { x: x0, y: sy, width: Math.max(0, x1 - x0), height: 3 }, 'cov-gap'));
        }
        plot.append(g);
      });
      r.mainH = mainH;
    });

    // Bursts: bands across every lane, coloured by verdict.
    const bandG = s('g', {}, 'bands');
    for (const B of bursts) {
      const x0 = X(B.t0), x1 = Math.max(X(B.t1), x0 + 3);
      const band = s('rect', { x: x0, y: AXIS_H, width: x1 - x0, height: H - AXIS_H - 2, tabindex: 0,
        role: 'button', 'data-burst': B.i, 'data-verdict': B.b.verdict,
        'aria-label': 'Burst ' + (B.i + 1) + ': ' + B.b.verdict },
      'band burst-band mark v-' + B.b.verdict + (sel && sel.burst === B.i && sel.cause === undefined ? ' selected' : ''));
      bandG.append(band);
    }
    plot.append(bandG);

    // Symptom density: binned client errors, one path per lane, one scale
    // for all lanes so heights compare.
    const pxPerMs = plotW / span;
    // A column is a whole number of bins (at least 2 px), aligned to the
    // bins rather than to the view, so panning does not make bars flicker.
    const perCol = Math.max(1, Math.ceil(2 / (P.bin_ms * pxPerMs)));
    const colMs = perCol * P.bin_ms, colPx = colMs * pxPerMs;
    const colBase = Math.floor(Math.floor((view.v0 - P.t0) / P.bin_ms) / perCol);
    const ncols = Math.ceil(plotW / colPx) + 2;
    let maxc = 1;
    const cols = lanes.map((l) => {
      const c = new Float64Array(ncols);
      const firstBin = colBase * perCol;
      let lo = 0, hi = l.bins.length;
      while (lo < hi) { const m = (lo + hi) >> 1; if (l.bins[m] < firstBin) lo = m + 1; else hi = m; }
      for (let k = lo; k < l.bins.length; k++) {
        const col = Math.floor(l.bins[k] / perCol) - colBase;
        if (col >= ncols) break;
        c[col] += l.counts[k];
      }
      for (const v of c) if (v > maxc) maxc = v;
      return c;
    });
    const colX = (k) => X(P.t0 + (colBase + k) * colMs);
    lanes.forEach((l, i) => {
      const r = rows[i], c = cols[i];
      const dh = l.type === 'broker' ? 16 : r.mainH - 6;
      const base = r.y + r.mainH - 1;
      const w = Math.max(1, colPx - 0.5).toFixed(1);
      let d = '';
      for (let k = 0; k < ncols; k++) {
        if (!c[k]) continue;
        const hh = Math.max(2, dh * Math.sqrt(c[k] / maxc));
        d += 'M' + colX(k).toFixed(1) + ' ' + base + 'h' + w + 'v' + (-hh).toFixed(1) + 'h-' + w + 'z';
      }
      if (d) plot.append(s('path', { d, 'data-lane': i }, 'density ' + l.type));
    });

    // Causes on their broker's lane: downtime and pauses as intervals of
    // their true length, kills and crashes also as points; linked to the burst.
    const causeG = s('g', {}, 'causes'), linkG = s('g', {}, 'links');
    for (const B of bursts) {
      for (const C of B.causes) {
        if (C.lane === undefined || !rows[C.lane]) continue;
        const r = rows[C.lane];
        const cls = KIND_CLASS[C.c.kind] || 'k-other';
        const selected = sel && sel.burst === B.i && sel.cause === C.k;
        const g = s('g', { 'data-burst': B.i, 'data-cause': C.k, 'data-kind': C.c.kind, 'data-lane': C.lane, tabindex: 0,
          role: 'button', 'aria-label': C.c.summary },
        'cause-mark mark ' + cls + (C.k ? ' alt' : '') + (selected ? ' selected' : ''));
        // The decisive cause on top, other candidates in a thin row under it.
        const my = C.k ? r.y + 25 : r.y + 5, mh = C.k ? 8 : 18;
        const x0 = X(C.t0), x1 = X(Math.max(C.t1, C.t0));
        g.append(s('rect', { x: x0, y: my, width: Math.max(2, x1 - x0), height: mh }, 'iv ' + cls));
        let cx = (x0 + Math.max(x1, x0 + 2)) / 2;
        if (POINT_KINDS.has(C.c.kind)) {
          cx = X(C.t);
          const cy = my + mh / 2, q = 7;
          g.append(s('path', { d: 'M' + cx + ' ' + (cy - q) + 'L' + (cx + q) + ' ' + cy + 'L' + cx + ' ' + (cy + q) + 'L' + (cx - q) + ' ' + cy + 'Z' }, 'pt ' + cls));
        }
        g.append(s('rect', { x: Math.min(x0, cx - 6), y: my - 2, width: Math.max(12, x1 - x0 + 4), height: mh + 4 }, 'hit'));
        causeG.append(g);
        const bx = X(B.t0) + 2, by = AXIS_H + BURST_H - 4;
        const hl = sel && sel.burst === B.i;
        linkG.append(s('path', { d: 'M' + cx + ' ' + my + 'C' + cx + ' ' + (my - 30) + ' ' + bx + ' ' + (by + 30) + ' ' + bx + ' ' + by,
          'data-burst': B.i, 'data-cause': C.k }, 'link' + (C.k ? ' alt' : '') + (hl ? ' hl' : '')));
      }
    }
    plot.append(linkG, causeG);
    svg.append(plot);

    // Burst chips in their own row, numbered like the table.
    const chipG = s('g', { 'clip-path': 'url(#plot-clip)' }, 'chips');
    let lastX = -1e9;
    for (const B of bursts) {
      const x = X(B.t0);
      if (x < LABEL_W - 30 || x > W) continue;
      const label = '#' + (B.i + 1);
      const w = 8 + label.length * 6.5;
      const g = s('g', { 'data-burst': B.i, 'data-verdict': B.b.verdict }, 'chipbox mark');
      g.append(s('rect', { x, y: AXIS_H + 3, width: w, height: BURST_H - 8, rx: 7 }, 'v-' + B.b.verdict));
      if (x - lastX > w + 2) {
        const t = s('text', { x: x + 4, y: AXIS_H + BURST_H - 9 }, 'chiptext');
        t.textContent = label;
        g.append(t);
        lastX = x;
      }
      chipG.append(g);
    }
    svg.append(chipG);

    if (!lanes.length) {
      const t = s('text', { x: LABEL_W + 12, y: AXIS_H + 18 }, 'lane-detail');
      t.textContent = 'Nothing to draw: no broker or client logs with a usable time were read.';
      svg.append(t);
    }
    chart.replaceChildren(svg);
    geo = { W, H, plotW, rows, cols, colMs, colBase, X };
  }

  function clipText(t, n) { return t.length > n ? t.slice(0, n - 1) + '\u2026' : t; }

  // ---- zoom and pan ----------------------------------------------------------
  let frame = 0;
  function schedule() {
    if (!frame) frame = requestAnimationFrame(() => { frame = 0; render(); });
  }
  function setView(v0, v1) {
    let span = Math.min(Math.max(v1 - v0, MIN_SPAN), MAX_SPAN);
    const mid = (v0 + v1) / 2;
    view.v0 = mid - span / 2;
    view.v1 = mid + span / 2;
    schedule();
  }
  function zoomAt(t, f) { setView(t - (t - view.v0) * f, t + (view.v1 - t) * f); }
  function pan(frac) {
    const d = (view.v1 - view.v0) * frac;
    setView(view.v0 + d, view.v1 + d);
  }
  const tAt = (clientX) => {
    const rect = chart.getBoundingClientRect();
    const x = clientX - rect.left - LABEL_W;
    return view.v0 + (x / geo.plotW) * (view.v1 - view.v0);
  };
  $('zoom-in').addEventListener('click', () => zoomAt((view.v0 + view.v1) / 2, 0.5));
  $('zoom-out').addEventListener('click', () => zoomAt((view.v0 + view.v1) / 2, 2));
  $('pan-left').addEventListener('click', () => pan(-0.25));
  $('pan-right').addEventListener('click', () => pan(0.25));
  $('fit-bursts').addEventListener('click', () => setView(P.view[0], P.view[1]));
  $('fit-all').addEventListener('click', () => {
    const pad = (P.t1 - P.t0) * 0.02;
    setView(P.t0 - pad, P.t1 + pad);
  });
  chart.addEventListener('wheel', (e) => {
    e.preventDefault();
    const f = Math.exp((e.deltaY || e.deltaX) * 0.0015);
    zoomAt(tAt(e.clientX), f);
  }, { passive: false });
  let drag = null;
  chart.addEventListener('pointerdown', (e) => {
    if (e.button !== 0) return;
    drag = { x: e.clientX, v0: view.v0, v1: view.v1, moved: false, id: e.pointerId };
  });
  chart.addEventListener('pointermove', (e) => {
    if (drag && e.pointerId === drag.id) {
      const dx = e.clientX - drag.x;
      if (!drag.moved && Math.abs(dx) > 3) {
        drag.moved = true;
        chart.setPointerCapture(e.pointerId);
        chart.classList.add('dragging');
        hideTip();
      }
      if (drag.moved) {
        const dt = (dx / geo.plotW) * (drag.v1 - drag.v0);
        view.v0 = drag.v0 - dt;
        view.v1 = drag.v1 - dt;
        schedule();
        return;
      }
    }
    hover(e);
  });
  const endDrag = (e) => {
    if (!drag || e.pointerId !== drag.id) return;
    if (drag.moved) {
      chart.classList.remove('dragging');
      chart.releasePointerCapture(e.pointerId);
      suppressClick = true;
      setTimeout(() => { suppressClick = false; }, 0);
    }
    drag = null;
  };
  let suppressClick = false;
  chart.addEventListener('pointerup', endDrag);
  chart.addEventListener('pointercancel', endDrag);
  chart.addEventListener('pointerleave', hideTip);
  chart.addEventListener('click', (e) => {
    if (suppressClick) return;
    const m = e.target.closest('[data-burst]');
    if (!m) return;
    const k = m.getAttribute('data-cause');
    select(k === null ? { burst: +m.getAttribute('data-burst') } : { burst: +m.getAttribute('data-burst'), cause: +k }, false);
  });
  chart.addEventListener('keydown', (e) => {
    const m = e.target.closest && e.target.closest('[data-burst]');
    if ((e.key === 'Enter' || e.key === ' ') && m) {
      e.preventDefault();
      const k = m.getAttribute('data-cause');
      select(k === null ? { burst: +m.getAttribute('data-burst') } : { burst: +m.getAttribute('data-burst'), cause: +k }, false);
      return;
    }
    const keys = { '+': () => zoomAt((view.v0 + view.v1) / 2, 0.5), '=': () => zoomAt((view.v0 + view.v1) / 2, 0.5),
      '-': () => zoomAt((view.v0 + view.v1) / 2, 2), ArrowLeft: () => pan(-0.1), ArrowRight: () => pan(0.1),
      '0': () => setView(P.view[0], P.view[1]) };
    if (keys[e.key]) {
      e.preventDefault();
      keys[e.key]();
    }
  });
  window.addEventListener('resize', schedule);

  // ---- hover and selection --------------------------------------------------
  const tip = $('tooltip');
  function hideTip() { tip.hidden = true; }
  function showTip(e, text) {
    tip.textContent = text;
    tip.hidden = false;
    const x = Math.min(e.clientX + 14, window.innerWidth - tip.offsetWidth - 8);
    const y = e.clientY + 16 + tip.offsetHeight > window.innerHeight ? e.clientY - tip.offsetHeight - 10 : e.clientY + 16;
    tip.style.left = Math.max(4, x) + 'px';
    tip.style.top = Math.max(4, y) + 'px';
  }
  function burstTip(B) {
    const b = B.b;
    let t = 'Burst #' + (B.i + 1) + ': ' + b.verdict + ' (' + Math.round(b.confidence * 100) + '%)\n' +
      fmtFull(B.t0) + ', ' + fmtDur(B.t1 - B.t0) + ', ' + b.count + ' client errors\n';
    if (b.causes.length) t += b.causes[0].summary + '\n';
    const ev = b.causes.length ? b.causes[0].evidence[0] : b.evidence[0];
    if (ev) t += ev.input + ':' + ev.line + '\n  ' + clipText(ev.text, 240);
    return t + '\n(click for all evidence)';
  }
  function causeTip(B, C) {
    let t = C.c.kind + ' \u2192 burst #' + (B.i + 1) + '\n' + C.c.summary + '\n' + fmtFull(C.t0) + ' to ' + fmtFull(C.t1) + '\n';
    for (const ev of C.c.evidence.slice(0, 3)) t += ev.input + ':' + ev.line + '\n  ' + clipText(ev.text, 200) + '\n';
    return t + '(click for all evidence)';
  }
  function highlight(burst) {
    for (const n of chart.querySelectorAll('.hl')) n.classList.remove('hl');
    if (burst === null) return;
    for (const n of chart.querySelectorAll('[data-burst="' + burst + '"]')) n.classList.add('hl');
  }
  function hover(e) {
    if (!geo) return;
    const m = e.target.closest && e.target.closest('[data-burst]');
    if (m) {
      const B = bursts[+m.getAttribute('data-burst')];
      const k = m.getAttribute('data-cause');
      highlight(B.i);
      showTip(e, k === null ? burstTip(B) : causeTip(B, B.causes[+k]));
      return;
    }
    highlight(null);
    const strip = e.target.closest && e.target.closest('.strip');
    if (strip) { showTip(e, strip.dataset.tip); return; }
    // Density: how many client errors under the pointer, in which lane.
    const rect = chart.getBoundingClientRect();
    const y = e.clientY - rect.top, x = e.clientX - rect.left - LABEL_W;
    const li = geo.rows.findIndex((r) => y >= r.y && y < r.y + r.h);
    if (li < 0 || x < 0) { hideTip(); return; }
    const k = Math.floor((tAt(e.clientX) - P.t0) / geo.colMs) - geo.colBase;
    const c = geo.cols[li][k] || 0;
    const l = lanes[li];
    const t0 = P.t0 + (geo.colBase + k) * geo.colMs;
    showTip(e, l.label + (l.detail ? ' \u2014 ' + l.detail : '') + '\n' +
      (c ? c + ' client error' + (c > 1 ? 's' : '') + (l.type === 'broker' ? ' naming this broker' : '') + ' in ' + fmtFull(t0) + ' + ' + fmtDur(geo.colMs)
        : fmtFull(tAt(e.clientX)) + ' ' + zoneLabel(tAt(e.clientX))) +
      '\n' + l.symptoms + ' client errors in all');
  }
  function select(s2, zoom) {
    sel = s2;
    for (const tr of $('bursts').tBodies[0].rows) tr.classList.toggle('selected', +tr.dataset.burst === sel.burst);
    renderDetails();
    if (zoom) {
      const B = bursts[sel.burst];
      let a = B.t0, b = B.t1;
      for (const C of B.causes.slice(0, 1)) { a = Math.min(a, C.t0); b = Math.max(b, C.t1, C.t); }
      const pad = Math.max((b - a) * 0.4, 5000);
      setView(a - pad, b + pad);
    } else {
      schedule();
    }
  }
  $('bursts').addEventListener('click', (e) => {
    const tr = e.target.closest('tr[data-burst]');
    if (tr) select({ burst: +tr.dataset.burst }, true);
  });
  $('bursts').addEventListener('keydown', (e) => {
    const tr = e.target.closest('tr[data-burst]');
    if (tr && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      select({ burst: +tr.dataset.burst }, true);
    }
  });
  $('toggle-evidence').addEventListener('click', (e) => {
    const body = $('all-evidence-body');
    body.classList.toggle('collapsed');
    e.target.textContent = body.classList.contains('collapsed') ? 'Show' : 'Hide';
  });

  // ---- time zone ---------------------------------------------------------
  function validZone(z) {
    try {
      return new Intl.DateTimeFormat('en-US', { timeZone: z }).resolvedOptions().timeZone;
    } catch (err) {
      return null;
    }
  }
  function setZone(z) {
    zone = z;
    $('tz-msg').textContent = '';
    renderAllText();
    schedule();
  }
  function renderAllText() {
    renderHeader();
    renderTable();
    renderDetails();
    renderAllEvidence();
  }
  (function initZones() {
    const selEl = $('tz');
    const zones = ['UTC'];
    for (const z of P.zones) if (validZone(z) && !zones.includes(z)) zones.push(z);
    const local = validZone(undefined);
    if (local && !zones.includes(local)) zones.push(local);
    for (const z of zones) {
      const o = h('option', null, z === local && z !== 'UTC' ? z + ' (this computer)' : z);
      o.value = z;
      selEl.append(o);
    }
    const other = h('option', null, 'other\u2026');
    other.value = '';
    selEl.append(other);
    const input = $('tz-other');
    selEl.addEventListener('change', () => {
      input.hidden = selEl.value !== '';
      if (selEl.value) setZone(selEl.value); else input.focus();
    });
    input.addEventListener('change', () => {
      const z = input.value.trim();
      if (validZone(z)) setZone(z);
      else $('tz-msg').textContent = 'not a time zone this browser knows: ' + input.value;
    });
  })();

  // ---- legend ----------------------------------------------------------------
  (function legend() {
    const box = $('legend');
    const swatch = (draw) => {
      const sv = s('svg', { width: 22, height: 12, 'aria-hidden': 'true' });
      draw(sv);
      return sv;
    };
    const item = (sv, text) => {
      const span = h('span');
      span.append(sv, document.createTextNode(text));
      box.append(span);
    };
    const present = new Set(R.bursts.map((b) => b.verdict));
    for (const v of VERDICTS) {
      if (!present.has(v)) continue;
      item(swatch((sv) => sv.append(s('rect', { x: 2, y: 0, width: 18, height: 12, 'fill-opacity': 0.35 }, 'v-' + v))), 'burst: ' + v);
    }
    item(swatch((sv) => sv.append(s('rect', { x: 1, y: 2, width: 20, height: 8 }, 'k-down'))), 'broker down (stop to start)');
    item(swatch((sv) => sv.append(s('rect', { x: 1, y: 2, width: 20, height: 8 }, 'k-gc'))), 'GC pause');
    item(swatch((sv) => sv.append(s('path', { d: 'M11 0L17 6L11 12L5 6Z' }, 'k-oom'))), 'OOM kill');
    item(swatch((sv) => sv.append(s('path', { d: 'M11 0L17 6L11 12L5 6Z' }, 'k-crash'))), 'crash / killed');
    if (R.bursts.some((b) => (b.causes || []).some((c) => FAULT_KINDS.includes(c.kind)))) {
      item(swatch((sv) => sv.append(s('path', { d: 'M11 0L17 6L11 12L5 6Z' }, 'k-fault'))), 'broker fault (disk, ZooKeeper, quorum, JVM memory)');
    }
    if (R.bursts.some((b) => (b.causes || []).some((c) => AUTH_KINDS.includes(c.kind)))) {
      item(swatch((sv) => sv.append(s('rect', { x: 1, y: 2, width: 20, height: 8 }, 'k-auth'))), 'failed TLS / SASL handshakes');
    }
    item(swatch((sv) => sv.append(s('path', { d: 'M2 12v-5h3v5zM7 12v-10h3v10zM12 12v-7h3v7zM17 12v-3h3v3z' }, 'density'))), 'client errors (density)');
    item(swatch((sv) => {
      sv.append(s('rect', { x: 1, y: 1, width: 20, height: 10, fill: 'rgba(120,130,140,0.12)' }),
        s('rect', { x: 1, y: 1, width: 20, height: 10 }, 'gap'));
    }), 'no log coverage (hatched)');
  })();

  renderAllText();
  render();
  document.documentElement.setAttribute('data-rendered', String(lanes.length));
})();
