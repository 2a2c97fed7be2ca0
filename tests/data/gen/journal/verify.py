#!/usr/bin/env python3
"""verify.py DIR - check every oom-<mode>[-berlin].txt rendering against oom-events.tsv.

Each rendering is split into records (short-style/verbose: a line that does not start with
whitespace; json: one object per line; export: blank-line separated), in file order. Every
record must match its truth row: the same count, the displayed time (converted to UTC µs, and
truncated to whole seconds for the second-precision modes), the identifier, the PID and the first
message line. For short/short-precise (no year, no zone) the local stamp is compared with the
expected local rendering of the truth time, because the Berlin fall-back makes 02:xx ambiguous.
Exit status 1 on any mismatch. stdlib only.
"""
import json
import os
import re
import sys
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

d = sys.argv[1] if len(sys.argv) > 1 else '.'
rows = []
with open(os.path.join(d, 'oom-events.tsv'), encoding='utf-8') as f:
    head = f.readline().rstrip('\n').split('\t')
    for line in f:
        rows.append(dict(zip(head, line.rstrip('\n').split('\t'))))
fails = 0


def fail(name, i, what):
    global fails
    fails += 1
    if fails < 30:
        print('FAIL %s record %d: %s' % (name, i + 1, what))


def local(usec, zone):
    return datetime.fromtimestamp(usec // 1_000_000, timezone.utc).astimezone(zone), usec % 1_000_000


def split_lines(text):
    recs = []
    for ln in text.split('\n'):
        if not ln:
            continue
        if ln[0] in ' \t':
            recs[-1] += '\n' + ln
        else:
            recs.append(ln)
    return recs


SHORT_TAIL = re.compile(r' broker-2 ([^\s\[:]+)(?:\[(\d+)\])?: (.*)$', re.S)


def check_tail(name, i, rest, r):
    m = SHORT_TAIL.match(rest)
    if not m:
        return fail(name, i, 'cannot parse %r' % rest[:80])
    ident, pid, msg = m.group(1), m.group(2) or '', m.group(3).split('\n')[0]
    if (ident, pid, msg) != (r['identifier'], r['pid'], r['message_first_line']):
        fail(name, i, 'got %r, want %r' % ((ident, pid, msg[:60]),
                                           (r['identifier'], r['pid'], r['message_first_line'][:60])))


def check_short(name, text, mode, zone):
    recs = split_lines(text)
    if len(recs) != len(rows):
        fail(name, -1, '%d records, want %d' % (len(recs), len(rows)))
    for i, (rec, r) in enumerate(zip(recs, rows)):
        shown = int(r['shown_usec'])
        lt, us = local(shown, zone)
        if mode == 'short':
            want = lt.strftime('%b %d %H:%M:%S')
        elif mode == 'short-precise':
            want = lt.strftime('%b %d %H:%M:%S') + '.%06d' % us
        elif mode == 'short-full':
            want = lt.strftime('%a %Y-%m-%d %H:%M:%S %Z')
        elif mode == 'short-unix':
            want = '%d.%06d' % (shown // 1_000_000, us)
        else:  # short-iso[-precise]: parse back to UTC, independent of the expected string
            mm = re.match(r'(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(\.\d{6})?([+-])(\d\d)(\d\d)', rec)
            if not mm:
                fail(name, i, 'bad stamp %r' % rec[:40])
                continue
            y, mo, dd, h, mi, s = (int(x) for x in mm.groups()[:6])
            frac = int(mm.group(7)[1:]) if mm.group(7) else 0
            off = (int(mm.group(9)) * 60 + int(mm.group(10))) * 60 * (1 if mm.group(8) == '+' else -1)
            got = (int(datetime(y, mo, dd, h, mi, s, tzinfo=timezone.utc).timestamp()) - off) * 1_000_000 + frac
            exp = shown if mode == 'short-iso-precise' else shown // 1_000_000 * 1_000_000
            if got != exp:
                fail(name, i, 'UTC %d, want %d' % (got, exp))
            check_tail(name, i, rec[len(mm.group(0)):], r)
            continue
        if not rec.startswith(want):
            fail(name, i, 'stamp %r, want %r' % (rec[:len(want)], want))
        check_tail(name, i, rec[len(want):], r)


def check_verbose(name, text, zone):
    recs = [x for x in split_lines(text)]
    if len(recs) != len(rows):
        fail(name, -1, '%d records, want %d' % (len(recs), len(rows)))
    for i, (rec, r) in enumerate(zip(recs, rows)):
        lt, us = local(int(r['shown_usec']), zone)
        want = lt.strftime('%a %Y-%m-%d %H:%M:%S') + '.%06d ' % us + lt.strftime('%Z') + ' [s='
        if not rec.startswith(want):
            fail(name, i, 'header %r, want %r' % (rec[:len(want)], want))
        t = re.search(r';t=([0-9a-f]+);', rec.split('\n')[0])
        if not t or int(t.group(1), 16) != int(r['realtime_usec']):
            fail(name, i, 'cursor t= mismatch')
        fields = dict(ln.strip().split('=', 1) for ln in rec.split('\n')[1:] if '=' in ln)
        check_fields(name, i, fields, r)


def check_fields(name, i, fl, r):
    got = (fl.get('__REALTIME_TIMESTAMP'), fl.get('_SOURCE_REALTIME_TIMESTAMP', ''),
           fl.get('SYSLOG_IDENTIFIER'), fl.get('_PID', ''), fl.get('MESSAGE', '').split('\n')[0])
    want = (r.get('realtime_usec'), r['source_realtime_usec'], r['identifier'], r['pid'],
            r['message_first_line'])
    if 'realtime_usec' not in r or got[0] is None and name.startswith('oom-verbose'):
        got, want = got[1:], want[1:]  # verbose shows __REALTIME only in the cursor
    if got != want:
        fail(name, i, 'fields %r, want %r' % (got, want))


def check_json(name, text):
    recs = [json.loads(x) for x in text.split('\n') if x]
    if len(recs) != len(rows):
        fail(name, -1, '%d records, want %d' % (len(recs), len(rows)))
    for i, (o, r) in enumerate(zip(recs, rows)):
        check_fields(name, i, o, r)


def check_export(name, data):
    recs = [x for x in data.split(b'\n\n') if x.strip()]
    if len(recs) != len(rows):
        fail(name, -1, '%d records, want %d' % (len(recs), len(rows)))
    for i, (rec, r) in enumerate(zip(recs, rows)):
        fl = dict(ln.split('=', 1) for ln in rec.decode().split('\n') if '=' in ln)
        check_fields(name, i, fl, r)


n = 0
for fn in sorted(os.listdir(d)):
    m = re.match(r'oom-(.+?)(-berlin)?\.txt$', fn)
    if not m:
        continue
    mode, zone = m.group(1), ZoneInfo('Europe/Berlin' if m.group(2) else 'UTC')
    with open(os.path.join(d, fn), 'rb') as f:
        data = f.read()
    before = fails
    if mode == 'json':
        check_json(fn, data.decode())
    elif mode == 'export':
        check_export(fn, data)
    elif mode == 'verbose':
        check_verbose(fn, data.decode(), zone)
    else:
        check_short(fn, data.decode(), mode, zone)
    n += 1
    print('%-32s %s' % (fn, 'OK' if fails == before else 'FAILED'))
if n == 0:
    print('no renderings found')
    sys.exit(1)
print('all OK (%d files, %d records each)' % (n, len(rows)) if not fails else '%d mismatches' % fails)
sys.exit(1 if fails else 0)
