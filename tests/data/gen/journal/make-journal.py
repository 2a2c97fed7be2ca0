#!/usr/bin/env python3
"""make-journal.py - Journal Export Format stream for Kafka broker host broker-2 (broker id 2)
whose kafka.service JVM is OOM-killed by the kernel at the October 2026 DST change.

    python3 make-journal.py EXPORT_OUT EVENTS_TSV_OUT

Europe/Berlin falls back at 2026-10-25T01:00:00Z: 02:59:59 CEST (+02:00) is followed by
02:00:00 CET (+01:00), so every local time 02:00:00-02:59:59 happens twice that night. The kill
sits on the change: the kernel OOM report is at 00:59:59.8xZ (02:59:59 CEST), systemd notices
the death at 01:00:00.0xZ (02:00:00 CET). The hourly CRON job runs at 00:17:01Z and 01:17:01Z,
both 02:17:01 local in Berlin; Kafka logs a line at 00:20:05Z and at 01:20:05Z (both 02:20:05).

Deterministic: fixed times, ids and jitter (no randomness). stdlib only (python >= 3.9).
The events TSV is the ground truth: one row per entry, in journal (file) order.
"""
import struct
import sys
from datetime import datetime, timedelta, timezone

HOST = 'broker-2'
BOOT_ID = '5e1f0c2a9b7d4e3f8a6c1d2b3e4f5a69'
MACHINE_ID = '0b4c7d2e9f1a4b3c8d5e6f7a8b9c0d12'
BOOT = datetime(2026, 10, 19, 5, 48, 12, 503117, tzinfo=timezone.utc)  # monotonic 0
KAFKA_PID, KAFKA_PID2, OOM_THREAD = 4242, 5117, 4310
KAFKA_UNIT = 'kafka.service'
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)

entries = []  # (fields list, tag)


def t(s):
    return datetime.strptime(s, '%Y-%m-%dT%H:%M:%S.%f').replace(tzinfo=timezone.utc)


def usec(d):
    return (d - EPOCH) // timedelta(microseconds=1)


def add(rt, fields, tag='-'):
    """rt: journald reception time (__REALTIME_TIMESTAMP)."""
    mono = usec(rt) - usec(BOOT)
    head = [('__REALTIME_TIMESTAMP', str(usec(rt))), ('__MONOTONIC_TIMESTAMP', str(mono)),
            ('_BOOT_ID', BOOT_ID), ('_MACHINE_ID', MACHINE_ID), ('_HOSTNAME', HOST)]
    entries.append((rt, head + fields, tag))


def src(rt, lag_us):
    return ('_SOURCE_REALTIME_TIMESTAMP', str(usec(rt) - lag_us))


def kernel(rt, msg, prio=6, tag='-', kern_lag_us=900):
    """Kernel ring buffer record: the kernel's own stamp is _SOURCE_MONOTONIC_TIMESTAMP,
    journald reads it slightly later; no _SOURCE_REALTIME_TIMESTAMP, so displayed = reception."""
    add(rt, [('_SOURCE_MONOTONIC_TIMESTAMP', str(usec(rt) - usec(BOOT) - kern_lag_us)),
             ('_TRANSPORT', 'kernel'), ('PRIORITY', str(prio)), ('SYSLOG_FACILITY', '0'),
             ('SYSLOG_IDENTIFIER', 'kernel'), ('MESSAGE', msg)], tag)


def pid1(rt, msg, prio=6, tag='-', lag_us=41, unit=KAFKA_UNIT, extra=()):
    """systemd[1] over the native protocol: has _SOURCE_REALTIME_TIMESTAMP (lag_us earlier)."""
    add(rt, [('PRIORITY', str(prio)), ('SYSLOG_FACILITY', '3'), ('SYSLOG_IDENTIFIER', 'systemd'),
             ('_TRANSPORT', 'journal'), ('_PID', '1'), ('_UID', '0'), ('_GID', '0'),
             ('_COMM', 'systemd'), ('_EXE', '/usr/lib/systemd/systemd'),
             ('_CMDLINE', '/sbin/init'), ('_CAP_EFFECTIVE', '1ffffffffff'),
             ('_SYSTEMD_CGROUP', '/init.scope'), ('_SYSTEMD_UNIT', 'init.scope'),
             ('_SYSTEMD_SLICE', '-.slice'), ('CODE_FILE', 'src/core/unit.c'),
             ('UNIT', unit), ('INVOCATION_ID', INV[0])] + list(extra) +
        [('MESSAGE', msg), src(rt, lag_us)], tag)


def kafka(rt, pid, level, text, tag='-', ms_lag_us=700):
    """A Kafka log4j line on stdout; the JVM stamps in UTC with ms (truncated), a little before
    journald receives it. stdout transport: no _SOURCE_REALTIME_TIMESTAMP."""
    own = rt - timedelta(microseconds=ms_lag_us)
    stamp = own.strftime('%Y-%m-%d %H:%M:%S,') + '%03d' % (own.microsecond // 1000)
    add(rt, [('PRIORITY', '6'), ('SYSLOG_FACILITY', '3'), ('_TRANSPORT', 'stdout'),
             ('SYSLOG_IDENTIFIER', 'kafka-server-start.sh'), ('_PID', str(pid)),
             ('_UID', '998'), ('_GID', '998'), ('_COMM', 'java'),
             ('_EXE', '/usr/lib/jvm/java-17-openjdk-amd64/bin/java'),
             ('_SYSTEMD_CGROUP', '/system.slice/kafka.service'), ('_SYSTEMD_UNIT', KAFKA_UNIT),
             ('_SYSTEMD_SLICE', 'system.slice'), ('_SYSTEMD_INVOCATION_ID', INV[0]),
             ('_STREAM_ID', STREAM[0]), ('MESSAGE', '[%s] %s %s' % (stamp, level, text))], tag)


CRON_PID = [61003]


def cron(rt, tag='cron_hourly'):
    pid = CRON_PID[0]
    CRON_PID[0] += 617
    for i, (msg, dt) in enumerate([
            ('pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)', 0),
            ('(root) CMD (cd / && run-parts --report /etc/cron.hourly)', 1121),
            ('pam_unix(cron:session): session closed for user root', 2411)]):
        r = rt + timedelta(microseconds=dt)
        add(r, [('PRIORITY', '6'), ('SYSLOG_FACILITY', '10' if i != 1 else '9'),
                ('SYSLOG_IDENTIFIER', 'CRON'), ('SYSLOG_PID', str(pid)),
                ('SYSLOG_TIMESTAMP', r.strftime('%b %d %H:%M:%S ')), ('_TRANSPORT', 'syslog'),
                ('_PID', str(pid)), ('_UID', '0'), ('_GID', '0'), ('_COMM', 'cron'),
                ('_EXE', '/usr/sbin/cron'), ('_SYSTEMD_CGROUP', '/system.slice/cron.service'),
                ('_SYSTEMD_UNIT', 'cron.service'), ('_SYSTEMD_SLICE', 'system.slice'),
                ('MESSAGE', msg), src(r, 63)], tag if i == 1 else '-')


INV = ['a3c1f04e2d9b4c77b0e5f61d28c9a413']
STREAM = ['9f2e71c4b05a48d3a6e1c0f7d2b85e36']

# --- before the change: normal operation (Berlin CEST, +02:00) ----------------------------
cron(t('2026-10-24T23:17:01.004518'))
kafka(t('2026-10-24T23:31:44.218337'), KAFKA_PID, 'INFO',
      '[GroupCoordinator 2]: Preparing to rebalance group billing-workers in state '
      'PreparingRebalance with old generation 118 (__consumer_offsets-17) (reason: Leaving '
      'group) (kafka.coordinator.group.GroupCoordinator)')
kafka(t('2026-10-24T23:31:47.220961'), KAFKA_PID, 'INFO',
      '[GroupCoordinator 2]: Stabilized group billing-workers generation 119 '
      '(__consumer_offsets-17) with 3 members (kafka.coordinator.group.GroupCoordinator)')
kafka(t('2026-10-25T00:05:12.611408'), KAFKA_PID, 'INFO',
      '[ProducerStateManager partition=orders-1] Wrote producer snapshot at offset 88412077 '
      'with 12 producer ids in 3 ms. (kafka.log.ProducerStateManager)')
cron(t('2026-10-25T00:17:01.003771'), tag='cron_hourly_cest')
kafka(t('2026-10-25T00:20:05.117204'), KAFKA_PID, 'INFO',
      '[Log partition=orders-1, dir=/var/lib/kafka/data] Rolled new log segment at offset '
      '88413920 in 2 ms. (kafka.log.LocalLog)', tag='kafka_0220_cest')
kafka(t('2026-10-25T00:41:33.904155'), KAFKA_PID, 'WARN',
      '[ReplicaFetcher replicaId=2, leaderId=3, fetcherId=0] Error in response for fetch '
      'request (type=FetchRequest, replicaId=2, maxWait=500, minBytes=1, maxBytes=10485760, '
      'fetchData={}, isolationLevel=READ_UNCOMMITTED, removed=, replaced=, metadata=(sessionId='
      '1193772614, epoch=INITIAL), rackId=) (kafka.server.ReplicaFetcherThread)')
pid1(t('2026-10-25T00:52:10.330972'), 'Starting systemd-tmpfiles-clean.service - Cleanup of '
     'Temporary Directories...', unit='systemd-tmpfiles-clean.service')
pid1(t('2026-10-25T00:52:10.371664'), 'systemd-tmpfiles-clean.service: Deactivated successfully.',
     unit='systemd-tmpfiles-clean.service')
pid1(t('2026-10-25T00:52:10.372185'), 'Finished systemd-tmpfiles-clean.service - Cleanup of '
     'Temporary Directories.', unit='systemd-tmpfiles-clean.service')
kafka(t('2026-10-25T00:58:41.552906'), KAFKA_PID, 'INFO',
      '[GroupMetadataManager brokerId=2] Removed 0 expired offsets in 1 milliseconds. '
      '(kafka.coordinator.group.GroupMetadataManager)')

# --- the OOM kill, at 00:59:59.8Z = 02:59:59 CEST -----------------------------------------
k0 = t('2026-10-25T00:59:59.812406')
oom_report = [
    ('java invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=0, '
     'oom_score_adj=0', 4, 'oom_invoked'),
    ('CPU: 3 PID: %d Comm: java Not tainted 6.1.0-26-amd64 #1 Debian 6.1.112-1' % OOM_THREAD, 4, '-'),
    ('Hardware name: Amazon EC2 r6i.xlarge/, BIOS 1.0 10/16/2017', 4, '-'),
    ('Call Trace:', 4, '-'),
    (' <TASK>', 4, '-'),
    (' dump_stack_lvl+0x44/0x5c', 4, '-'),
    (' dump_header+0x4a/0x211', 4, '-'),
    (' oom_kill_process.cold+0xb/0x10', 4, '-'),
    (' out_of_memory+0x1fd/0x4c0', 4, '-'),
    (' </TASK>', 4, '-'),
    ('Mem-Info:', 6, '-'),
    ('active_anon:7861218 inactive_anon:61337 isolated_anon:0', 6, '-'),
    ('Tasks state (memory values in pages):', 6, '-'),
    ('[  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name', 6, '-'),
    ('[   %d]   998  %d  9175040  7802533 63352832        0             0 java' % (KAFKA_PID, KAFKA_PID), 6, '-'),
    ('oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,'
     'task_memcg=/system.slice/kafka.service,task=java,pid=%d,uid=998' % KAFKA_PID, 6, 'oom_kill_summary'),
    ('Out of memory: Killed process %d (java) total-vm:36700160kB, anon-rss:31210132kB, '
     'file-rss:0kB, shmem-rss:0kB, UID:998 pgtables:61868kB oom_score_adj:0' % KAFKA_PID, 3, 'oom_killed'),
]
for i, (msg, prio, tag) in enumerate(oom_report):
    kernel(k0 + timedelta(microseconds=i * 4171), msg, prio, tag, kern_lag_us=780 + 37 * i)
# journald was busy: systemd's first line was sent at 00:59:59.99Z (CEST) but received after
# the change; the next ones are sent after the change (CET).
pid1(t('2026-10-25T01:00:00.300512'), 'kafka.service: A process of this unit has been killed by '
     'the OOM killer.', prio=4, tag='systemd_oom', lag_us=301240,
     extra=[('MESSAGE_ID', 'fe6faa94e7774663a0da52717891d8ef')])
pid1(t('2026-10-25T01:00:00.301377'), 'kafka.service: Main process exited, code=killed, '
     'status=9/KILL', prio=5, tag='main_exited', lag_us=297100,
     extra=[('EXIT_CODE', 'killed'), ('EXIT_STATUS', '9'),
            ('MESSAGE_ID', '98e322203f7a4ed290d09fe03c09fe15')])
kernel(t('2026-10-25T01:00:00.302118'), 'oom_reaper: reaped process %d (java), now anon-rss:0kB, '
       'file-rss:0kB, shmem-rss:0kB' % KAFKA_PID, 6, 'oom_reaper', kern_lag_us=270433)
pid1(t('2026-10-25T01:00:00.303004'), "kafka.service: Failed with result 'oom-kill'.", prio=4,
     tag='failed_oom', lag_us=296410,
     extra=[('UNIT_RESULT', 'oom-kill'), ('MESSAGE_ID', 'd9b373ed55a64feb8242e02dbe79a49c')])
pid1(t('2026-10-25T01:00:00.303513'), 'kafka.service: Consumed 5h 12min 3.441s CPU time.',
     lag_us=296388, extra=[('MESSAGE_ID', 'ae8f7b866b0347b9af31fe1c80b127c0'),
                           ('CPU_USAGE_NSEC', '18723441000000')])
pid1(t('2026-10-25T01:00:10.412880'), 'kafka.service: Scheduled restart job, restart counter is '
     'at 1.', tag='restart_scheduled', extra=[('N_RESTARTS', '1')])
pid1(t('2026-10-25T01:00:10.414127'), 'Stopped kafka.service - Apache Kafka.', tag='stopped',
     extra=[('JOB_TYPE', 'restart'), ('JOB_RESULT', 'done')])
INV[0] = '7d0b2e95c4a14f6e9e83b1a6f05c27d8'
pid1(t('2026-10-25T01:00:10.438815'), 'Started kafka.service - Apache Kafka.', tag='started',
     extra=[('JOB_TYPE', 'start'), ('JOB_RESULT', 'done')])

# --- the restarted broker (new PID, Berlin now CET, +01:00) --------------------------------
STREAM[0] = 'c41d8e07a3f24b9b85e6d9a0f1c37b52'
b = t('2026-10-25T01:00:11.402771')
boot_lines = [
    (0, 'INFO', 'Registered kafka:type=kafka.Log4jController MBean '
                '(kafka.utils.Log4jControllerRegistration$)', '-'),
    (612044, 'INFO', 'starting (kafka.server.KafkaServer)', '-'),
    (613310, 'INFO', 'Connecting to zookeeper on zk-1:2181,zk-2:2181,zk-3:2181 '
                     '(kafka.server.KafkaServer)', '-'),
    (1104928, 'INFO', '[ZooKeeperClient Kafka server] Connected. (kafka.zookeeper.ZooKeeperClient)', '-'),
    (2931007, 'INFO', 'Loading logs from log dirs ArraySeq(/var/lib/kafka/data) (kafka.log.LogManager)', '-'),
    (2933481, 'INFO', 'Recovering 214 logs from /var/lib/kafka/data since no clean shutdown file '
                      'was found (kafka.log.LogManager)', 'unclean_shutdown'),
    (9870254, 'INFO', '[LogLoader partition=orders-1, dir=/var/lib/kafka/data] Recovering unflushed '
                      'segment 88413920. 0/1 recovered for orders-1. (kafka.log.LogLoader)', '-'),
    (11208633, 'INFO', 'Loaded 214 logs in 8277ms (kafka.log.LogManager)', '-'),
    (12004518, 'INFO', '[KafkaServer id=2] Registered broker 2 at path /brokers/ids/2 with addresses: '
                       'PLAINTEXT://broker-2.kafka.internal:9092, czxid (broker epoch): 8589935113 '
                       '(kafka.zk.KafkaZkClient)', '-'),
    (13117302, 'INFO', '[KafkaServer id=2] started (kafka.server.KafkaServer)', 'kafka_started'),
]
for dt, lvl, text, tag in boot_lines:
    kafka(b + timedelta(microseconds=dt), KAFKA_PID2, lvl, text, tag, ms_lag_us=500 + dt % 900)
kafka(t('2026-10-25T01:00:31.771094'), KAFKA_PID2, 'INFO',
      '[Partition orders-1 broker=2] ISR updated to 2,1,3 and version updated to 412 '
      '(kafka.cluster.Partition)')
cron(t('2026-10-25T01:17:01.005102'), tag='cron_hourly_cet')
kafka(t('2026-10-25T01:20:05.117204'), KAFKA_PID2, 'INFO',
      '[Log partition=orders-1, dir=/var/lib/kafka/data] Rolled new log segment at offset '
      '88452113 in 1 ms. (kafka.log.LocalLog)', tag='kafka_0220_cet')
kafka(t('2026-10-25T01:44:19.090366'), KAFKA_PID2, 'INFO',
      '[GroupCoordinator 2]: Stabilized group billing-workers generation 121 '
      '(__consumer_offsets-17) with 3 members (kafka.coordinator.group.GroupCoordinator)')
cron(t('2026-10-25T02:17:01.002960'))


def main():
    exp_path, tsv_path = sys.argv[1], sys.argv[2]
    with open(exp_path, 'wb') as f, open(tsv_path, 'w', encoding='utf-8') as tv:
        tv.write('seq\tshown_utc\tshown_usec\trealtime_usec\tsource_realtime_usec\t'
                 'monotonic_usec\ttransport\tidentifier\tpid\ttag\tmessage_first_line\n')
        for seq, (rt, fields, tag) in enumerate(entries, 1):
            d = dict(fields)
            for k, v in fields:
                b = v.encode('utf-8')
                if b'\n' in b:
                    f.write(k.encode() + b'\n' + struct.pack('<Q', len(b)) + b + b'\n')
                else:
                    f.write(k.encode() + b'=' + b + b'\n')
            f.write(b'\n')
            shown = int(d.get('_SOURCE_REALTIME_TIMESTAMP') or d['__REALTIME_TIMESTAMP'])
            shown_dt = EPOCH + timedelta(microseconds=shown)
            tv.write('\t'.join([
                str(seq), shown_dt.strftime('%Y-%m-%dT%H:%M:%S.%fZ'), str(shown),
                d['__REALTIME_TIMESTAMP'], d.get('_SOURCE_REALTIME_TIMESTAMP', ''),
                d['__MONOTONIC_TIMESTAMP'], d['_TRANSPORT'], d['SYSLOG_IDENTIFIER'],
                d.get('_PID', ''), tag,
                d['MESSAGE'].split('\n')[0].replace('\t', '\\t')]) + '\n')
    print('%d entries' % len(entries), file=sys.stderr)


if __name__ == '__main__':
    main()
