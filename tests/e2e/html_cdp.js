#!/usr/bin/env node
// Drives headless Chromium over the DevTools protocol (--remote-debugging-pipe:
// no WebSocket, no npm packages) to load one HTML report and check it as a
// person would see it: console errors, what is in the DOM, zoom / pan /
// hover / click / time zone, the print stylesheet, a screenshot.
//
//   node html_cdp.js CHROMIUM REPORT.html [--screenshot OUT.png] [--interact] [--pdf OUT.pdf]
//                    [--print-screenshot OUT.png]
//
// Prints one JSON object: {errors: [...], warnings: [...], state: {...},
// interact: {...}, print: {...}}. Exit 0 when the browser session worked
// (the caller judges the contents), 3 when Chromium could not be driven.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const argv = process.argv.slice(2);
const chromium = argv[0], report = path.resolve(argv[1]);
const opt = (name) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : null; };
const interact = argv.includes('--interact');
const shotPath = opt('--screenshot'), pdfPath = opt('--pdf');
const W = 1400, H = 1000;

const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'logcorr-chromium-'));
const child = spawn(chromium, [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage', '--user-data-dir=' + profile, '--remote-debugging-pipe',
  '--window-size=' + W + ',' + H, 'about:blank',
], { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
let stderr = '';
child.stderr.on('data', (d) => { stderr += d; });

function cleanup() {
  try { child.kill('SIGKILL'); } catch (e) { /* gone */ }
  try { fs.rmSync(profile, { recursive: true, force: true }); } catch (e) { /* best effort */ }
}
function fail(msg) {
  process.stderr.write('html_cdp: ' + msg + '\n' + stderr.slice(-2000) + '\n');
  cleanup();
  process.exit(3);
}
const timer = setTimeout(() => fail('timed out'), 90000);
child.on('error', (e) => fail('cannot start ' + chromium + ': ' + e.message));

// ---- the protocol: NUL-terminated JSON messages on fds 3 (in) and 4 (out)
let nextId = 1, buf = '';
const pending = new Map(), listeners = [];
child.stdio[4].on('data', (d) => {
  buf += d.toString('utf8');
  let z;
  while ((z = buf.indexOf('\0')) >= 0) {
    const msg = JSON.parse(buf.slice(0, z));
    buf = buf.slice(z + 1);
    if (msg.id && pending.has(msg.id)) {
      const { resolve, reject, method } = pending.get(msg.id);
      pending.delete(msg.id);
      if (msg.error) reject(new Error(method + ': ' + JSON.stringify(msg.error)));
      else resolve(msg.result);
    } else if (msg.method) {
      for (const l of listeners.slice()) l(msg);
    }
  }
});
child.on('exit', (code) => { if (pending.size) fail('chromium exited with ' + code); });
let session = null;
function send(method, params = {}, useSession = true) {
  const id = nextId++;
  const m = { id, method, params };
  if (useSession && session) m.sessionId = session;
  child.stdio[3].write(JSON.stringify(m) + '\0');
  return new Promise((resolve, reject) => pending.set(id, { resolve, reject, method }));
}
function once(method) {
  return new Promise((resolve) => {
    const l = (m) => {
      if (m.method === method) {
        listeners.splice(listeners.indexOf(l), 1);
        resolve(m.params);
      }
    };
    listeners.push(l);
  });
}
async function evaluate(expr) {
  const r = await send('Runtime.evaluate', { expression: expr, returnByValue: true, awaitPromise: true });
  if (r.exceptionDetails) throw new Error('evaluate: ' + JSON.stringify(r.exceptionDetails).slice(0, 500));
  return r.result.value;
}
const settle = () => evaluate('new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 30))))');
async function mouse(type, x, y, extra = {}) {
  await send('Input.dispatchMouseEvent', Object.assign({ type, x, y, button: 'left', clickCount: type === 'mouseMoved' ? 0 : 1 }, extra));
}
async function centerOf(selector) {
  return evaluate(`(() => { const e = document.querySelector(${JSON.stringify(selector)});
    if (!e) return null; e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();
    return {x: r.left + r.width / 2, y: r.top + r.height / 2, w: r.width, h: r.height}; })()`);
}

const errors = [], warnings = [];
listeners.push((m) => {
  const p = m.params || {};
  if (m.method === 'Runtime.consoleAPICalled') {
    const text = (p.args || []).map((a) => (a.value !== undefined ? String(a.value) : a.description || a.type)).join(' ');
    if (p.type === 'error' || p.type === 'assert') errors.push('console.' + p.type + ': ' + text);
    else if (p.type === 'warning') warnings.push('console.warn: ' + text);
  } else if (m.method === 'Runtime.exceptionThrown') {
    const d = p.exceptionDetails || {};
    errors.push('exception: ' + (d.exception && d.exception.description || d.text) + ' at ' + d.url + ':' + d.lineNumber);
  } else if (m.method === 'Log.entryAdded') {
    const e = p.entry || {};
    if (e.level === 'error') errors.push('log.' + e.source + ': ' + e.text + (e.url ? ' (' + e.url + ')' : ''));
    else if (e.level === 'warning') warnings.push('log.' + e.source + ': ' + e.text);
  }
});

// What the page shows, read from the DOM.
const STATE = `(() => {
  const q = (s) => Array.from(document.querySelectorAll(s));
  const at = (e, a) => e.getAttribute(a);
  return {
    rendered: document.documentElement.getAttribute('data-rendered'),
    title: document.title,
    pwned: typeof window.__pwned === 'undefined' ? null : String(window.__pwned),
    bodyPwned: document.body.getAttribute('data-pwned'),
    scripts: q('script').length,
    imgs: q('img').length,
    iframes: q('iframe, object, embed').length,
    lanes: q('#timeline-svg g.lane').map((g) => ({ type: at(g, 'data-lane-type'),
      label: g.querySelector('.lane-label').textContent })),
    bands: q('#timeline-svg rect.burst-band').map((r) => ({ burst: +at(r, 'data-burst'),
      verdict: at(r, 'data-verdict'), width: +at(r, 'width') })),
    causes: q('#timeline-svg g.cause-mark').map((g) => ({ burst: +at(g, 'data-burst'),
      cause: +at(g, 'data-cause'), kind: at(g, 'data-kind'), lane: +at(g, 'data-lane') })),
    points: q('#timeline-svg g.cause-mark path.pt').length,
    density: q('#timeline-svg path.density').length,
    gaps: q('#timeline-svg rect.gap').length,
    rows: q('#bursts tbody tr').map((tr) => ({ burst: +tr.dataset.burst, verdict: tr.dataset.verdict,
      cells: Array.from(tr.cells).map((c) => c.textContent) })),
    evidenceText: document.getElementById('all-evidence-body').textContent,
    evidenceLocs: q('#all-evidence-body .ev .loc').map((e) => e.textContent),
    svgElements: document.querySelectorAll('#timeline-svg *').length,
    corner: q('#timeline-svg .axis-corner').map((e) => e.textContent),
    zoneOptions: q('#tz option').map((o) => o.value),
  };
})()`;

(async () => {
  await send('Target.setDiscoverTargets', { discover: true }, false);
  const { targetInfos } = await send('Target.getTargets', {}, false);
  let page = targetInfos.find((t) => t.type === 'page');
  const targetId = page ? page.targetId : (await send('Target.createTarget', { url: 'about:blank' }, false)).targetId;
  session = (await send('Target.attachToTarget', { targetId, flatten: true }, false)).sessionId;
  await send('Runtime.enable');
  await send('Log.enable');
  await send('Page.enable');
  await send('Emulation.setDeviceMetricsOverride', { width: W, height: H, deviceScaleFactor: 1, mobile: false });
  const loaded = once('Page.loadEventFired');
  await send('Page.navigate', { url: 'file://' + report });
  await loaded;
  await settle();
  await new Promise((r) => setTimeout(r, 300));  // an injected onerror would have fired by now
  const out = { errors, warnings, state: await evaluate(STATE) };

  if (interact) {
    const it = {};
    const viewText = () => evaluate("document.querySelectorAll('#timeline-svg .axis-corner')[1].textContent");
    const c = await centerOf('#chart');
    it.view0 = await viewText();
    await send('Input.dispatchMouseEvent', { type: 'mouseWheel', x: c.x, y: c.y, deltaX: 0, deltaY: -400 });
    await settle();
    it.afterWheelIn = await viewText();
    await evaluate("document.getElementById('zoom-out').click()");
    await settle();
    it.afterButtonOut = await viewText();
    const firstTick = () => evaluate("(document.querySelector('#timeline-svg .axis-text') || {}).textContent || ''");
    const xOfFirstBand = () => evaluate("(() => { const b = document.querySelector('#timeline-svg rect.burst-band'); return b ? +b.getAttribute('x') : null; })()");
    it.bandXBeforeDrag = await xOfFirstBand();
    await mouse('mousePressed', c.x, c.y);
    for (let k = 1; k <= 5; k++) await mouse('mouseMoved', c.x + k * 30, c.y, { buttons: 1 });
    await mouse('mouseReleased', c.x + 150, c.y);
    await settle();
    it.bandXAfterDrag = await xOfFirstBand();
    it.viewAfterDrag = await viewText();
    // Back to the first view, then hover and click the marks.
    await evaluate("document.getElementById('fit-bursts').click()");
    await settle();
    it.tickUtc = await firstTick();
    const band = await centerOf('#timeline-svg rect.burst-band');
    if (band) {
      await mouse('mouseMoved', band.x, band.y + 40);
      await settle();
      it.bandTooltip = await evaluate("document.getElementById('tooltip').hidden ? null : document.getElementById('tooltip').textContent");
      await mouse('mousePressed', band.x, band.y + 40);
      await mouse('mouseReleased', band.x, band.y + 40);
      await settle();
      it.detailsAfterBandClick = await evaluate("document.getElementById('details-body').textContent");
      it.selectedRows = await evaluate("document.querySelectorAll('#bursts tbody tr.selected').length");
    }
    const cause = await centerOf('#timeline-svg g.cause-mark .hit');
    if (cause) {
      await mouse('mouseMoved', cause.x, cause.y);
      await settle();
      it.causeTooltip = await evaluate("document.getElementById('tooltip').hidden ? null : document.getElementById('tooltip').textContent");
      await mouse('mousePressed', cause.x, cause.y);
      await mouse('mouseReleased', cause.x, cause.y);
      await settle();
      it.detailsAfterCauseClick = await evaluate("document.getElementById('details-body').textContent");
    }
    // A table row zooms to its burst.
    const row = await centerOf('#bursts tbody tr:last-child');
    if (row) {
      await mouse('mousePressed', row.x, row.y);
      await mouse('mouseReleased', row.x, row.y);
      await settle();
      it.viewAfterRowClick = await viewText();
    }
    // Time zone: pick one by name through the "other" box.
    it.startUtc = await evaluate("(document.querySelector('#bursts tbody tr td.time') || {}).textContent || null");
    await evaluate(`(() => { const s = document.getElementById('tz'); s.value = '';
      s.dispatchEvent(new Event('change')); const i = document.getElementById('tz-other');
      i.value = 'Asia/Kolkata'; i.dispatchEvent(new Event('change')); })()`);
    await settle();
    it.startZone = await evaluate("(document.querySelector('#bursts tbody tr td.time') || {}).textContent || null");
    it.cornerZone = await evaluate("document.querySelector('#timeline-svg .axis-corner').textContent");
    it.startHeader = await evaluate("document.querySelector('#bursts thead th:nth-child(2)').textContent");
    await evaluate(`(() => { const i = document.getElementById('tz-other'); i.value = 'Mars/Olympus_Mons';
      i.dispatchEvent(new Event('change')); })()`);
    it.badZoneMsg = await evaluate("document.getElementById('tz-msg').textContent");
    await evaluate(`(() => { const s = document.getElementById('tz'); s.value = 'UTC'; s.dispatchEvent(new Event('change')); })()`);
    await evaluate("document.getElementById('fit-bursts').click()");
    await settle();
    await mouse('mouseMoved', 5, 5);
    await settle();
    out.interact = it;
  }

  // Full-page screenshot of the first view.
  if (shotPath) {
    const m = await send('Page.getLayoutMetrics');
    const cs = m.cssContentSize || m.contentSize;
    const shot = await send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true,
      clip: { x: 0, y: 0, width: Math.min(cs.width, W), height: Math.min(cs.height, 4000), scale: 1 } });
    fs.writeFileSync(shotPath, Buffer.from(shot.data, 'base64'));
  }

  // The print stylesheet: controls hidden, all evidence shown.
  await send('Emulation.setEmulatedMedia', { media: 'print' });
  out.print = await evaluate(`(() => ({
    controls: getComputedStyle(document.getElementById('controls')).display,
    evidence: getComputedStyle(document.getElementById('all-evidence-body')).display,
    details: getComputedStyle(document.getElementById('details')).display,
  }))()`);
  const printShot = opt('--print-screenshot');
  if (printShot) {
    await settle();
    const m = await send('Page.getLayoutMetrics');
    const cs = m.cssContentSize || m.contentSize;
    const shot = await send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true,
      clip: { x: 0, y: 0, width: Math.min(cs.width, W), height: Math.min(cs.height, 3000), scale: 1 } });
    fs.writeFileSync(printShot, Buffer.from(shot.data, 'base64'));
  }
  if (pdfPath) {
    const pdf = await send('Page.printToPDF', { landscape: true, printBackground: true });
    fs.writeFileSync(pdfPath, Buffer.from(pdf.data, 'base64'));
  }
  await send('Emulation.setEmulatedMedia', { media: '' });
  out.errors = errors;
  out.warnings = warnings;
  process.stdout.write(JSON.stringify(out) + '\n');
  clearTimeout(timer);
  try { await Promise.race([send('Browser.close', {}, false), new Promise((r) => setTimeout(r, 2000))]); } catch (e) { /* closing */ }
  cleanup();
  process.exit(0);
})().catch((e) => fail(e.stack || String(e)));
