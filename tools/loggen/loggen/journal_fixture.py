"""Journal Export Format stream for Kafka broker host broker-2 (broker id 2) whose
kafka.service JVM is OOM-killed by the kernel at the October 2026 DST change
(tests/data/gen/journal/make-journal.py; make.sh turns it into a real journal file
with systemd-journal-remote and renders it with journalctl).

Europe/Berlin falls back at 2026-10-25T01:00:00Z: 02:59:59 CEST (+02:00) is followed by
02:00:00 CET (+01:00), so every local time 02:00:00-02:59:59 happens twice that night. The kill
sits on the change: the kernel OOM report is at 00:59:59.8xZ (02:59:59 CEST), systemd notices
the death at 01:00:00.0xZ (02:00:00 CET). The hourly CRON job runs at 00:17:01Z and 01:17:01Z,
both 02:17:01 local in Berlin; Kafka logs a line at 00:20:05Z and at 01:20:05Z (both 02:20:05).

Deterministic: fixed times, ids and jitter (no randomness). stdlib only (python >= 3.9).
The events TSV is the ground truth: one row per entry, in journal (file) order.
"""

from datetime import datetime, timedelta, timezone

from . import broker as kb
from . import journal as jn
from . import kernel as kn
from .common import EPOCH, usec
from .javalog import log4j, ts_log4j

HOST = 'broker-2'
BOOT_ID = '5e1f0c2a9b7d4e3f8a6c1d2b3e4f5a69'
MACHINE_ID = '0b4c7d2e9f1a4b3c8d5e6f7a8b9c0d12'
BOOT = datetime(2026, 10, 19, 5, 48, 12, 503117, tzinfo=timezone.utc)  # monotonic 0
KAFKA_PID, KAFKA_PID2, OOM_THREAD = 4242, 5117, 4310
KAFKA_UNIT = jn.KAFKA_UNIT
KAFKA_DESCRIPTION = 'Apache Kafka'

# field order of each sender in this stream (after the address fields)
KERNEL_ORDER = ('_SOURCE_MONOTONIC_TIMESTAMP', '_TRANSPORT', 'PRIORITY', 'SYSLOG_FACILITY', 'SYSLOG_IDENTIFIER',
                'MESSAGE')
PID1_ORDER = ('PRIORITY', 'SYSLOG_FACILITY', 'SYSLOG_IDENTIFIER', '_TRANSPORT', '_PID', '_UID', '_GID', '_COMM',
              '_EXE', '_CMDLINE', '_CAP_EFFECTIVE', '_SYSTEMD_CGROUP', '_SYSTEMD_UNIT', '_SYSTEMD_SLICE', 'CODE_FILE',
              'UNIT', 'INVOCATION_ID')
STDOUT_ORDER = ('PRIORITY', 'SYSLOG_FACILITY', '_TRANSPORT', 'SYSLOG_IDENTIFIER', '_PID', '_UID', '_GID', '_COMM',
                '_EXE', '_SYSTEMD_CGROUP', '_SYSTEMD_UNIT', '_SYSTEMD_SLICE', '_SYSTEMD_INVOCATION_ID', '_STREAM_ID',
                'MESSAGE')
SYSLOG_ORDER = ('PRIORITY', 'SYSLOG_FACILITY', 'SYSLOG_IDENTIFIER', 'SYSLOG_PID', 'SYSLOG_TIMESTAMP', '_TRANSPORT',
                '_PID', '_UID', '_GID', '_COMM', '_EXE', '_SYSTEMD_CGROUP', '_SYSTEMD_UNIT', '_SYSTEMD_SLICE',
                'MESSAGE', '_SOURCE_REALTIME_TIMESTAMP')


def t(s):
    return datetime.strptime(s, '%Y-%m-%dT%H:%M:%S.%f').replace(tzinfo=timezone.utc)


def build():
    """[(reception datetime, [(field, value)], tag)] in journal (file) order."""
    entries = []  # (rt, fields list, tag)
    inv = ['a3c1f04e2d9b4c77b0e5f61d28c9a413']
    stream = ['9f2e71c4b05a48d3a6e1c0f7d2b85e36']
    cron_pid = [61003]

    def add(rt, fields, tag='-'):
        """rt: journald reception time (__REALTIME_TIMESTAMP)."""
        mono = usec(rt) - usec(BOOT)
        entries.append((rt, jn.address(usec(rt), mono, BOOT_ID, MACHINE_ID, HOST) + fields, tag))

    def src(rt, lag_us):
        return ('_SOURCE_REALTIME_TIMESTAMP', str(usec(rt) - lag_us))

    def kernel(rt, msg, prio=6, tag='-', kern_lag_us=900):
        """Kernel ring buffer record: the kernel's own stamp is _SOURCE_MONOTONIC_TIMESTAMP,
        journald reads it slightly later; no _SOURCE_REALTIME_TIMESTAMP, so displayed = reception."""
        add(rt, jn.pick(KERNEL_ORDER, jn.KERNEL, {
            '_SOURCE_MONOTONIC_TIMESTAMP': str(usec(rt) - usec(BOOT) - kern_lag_us),
            'PRIORITY': str(prio), 'MESSAGE': msg}), tag)

    def pid1(rt, msg, prio=6, tag='-', lag_us=41, unit=KAFKA_UNIT, extra=()):
        """systemd[1] over the native protocol: has _SOURCE_REALTIME_TIMESTAMP (lag_us earlier)."""
        add(rt, jn.pick(PID1_ORDER, jn.PID1, {'PRIORITY': str(prio), 'CODE_FILE': 'src/core/unit.c',
                                              'UNIT': unit, 'INVOCATION_ID': inv[0]})
            + list(extra) + [('MESSAGE', msg), src(rt, lag_us)], tag)

    def kafka(rt, pid, level, msg, logger, tag='-', ms_lag_us=700):
        """A Kafka log4j line on stdout; the JVM stamps in UTC with ms (truncated), a little before
        journald receives it. stdout transport: no _SOURCE_REALTIME_TIMESTAMP."""
        own = rt - timedelta(microseconds=ms_lag_us)
        add(rt, jn.pick(STDOUT_ORDER, jn.KAFKA_STDOUT, {
            'PRIORITY': '6', '_PID': str(pid), '_SYSTEMD_INVOCATION_ID': inv[0], '_STREAM_ID': stream[0],
            'MESSAGE': log4j(ts_log4j(usec(own)), level, msg, logger)}), tag)

    def cron(rt, tag='cron_hourly'):
        pid = cron_pid[0]
        cron_pid[0] += 617
        for i, (msg, dt) in enumerate([(jn.CRON_SESSION_OPENED, 0), (jn.CRON_HOURLY, 1121),
                                       (jn.CRON_SESSION_CLOSED, 2411)]):
            r = rt + timedelta(microseconds=dt)
            add(r, jn.pick(SYSLOG_ORDER, jn.syslog_sender('CRON'), {
                'PRIORITY': '6', 'SYSLOG_FACILITY': '10' if i != 1 else '9', 'SYSLOG_PID': str(pid),
                'SYSLOG_TIMESTAMP': jn.syslog_timestamp(r), '_PID': str(pid), 'MESSAGE': msg,
                '_SOURCE_REALTIME_TIMESTAMP': src(r, 63)[1]}), tag if i == 1 else '-')

    GC = 'kafka.coordinator.group.GroupCoordinator'
    # --- before the change: normal operation (Berlin CEST, +02:00) ----------------------------
    cron(t('2026-10-24T23:17:01.004518'))
    kafka(t('2026-10-24T23:31:44.218337'), KAFKA_PID, 'INFO',
          '[GroupCoordinator 2]: Preparing to rebalance group billing-workers in state '
          'PreparingRebalance with old generation 118 (__consumer_offsets-17) (reason: Leaving '
          'group)', GC)
    kafka(t('2026-10-24T23:31:47.220961'), KAFKA_PID, 'INFO',
          '[GroupCoordinator 2]: Stabilized group billing-workers generation 119 '
          '(__consumer_offsets-17) with 3 members', GC)
    kafka(t('2026-10-25T00:05:12.611408'), KAFKA_PID, 'INFO',
          kb.wrote_producer_snapshot('orders-1', 88412077, 12, 3), 'kafka.log.ProducerStateManager')
    cron(t('2026-10-25T00:17:01.003771'), tag='cron_hourly_cest')
    kafka(t('2026-10-25T00:20:05.117204'), KAFKA_PID, 'INFO',
          kb.rolled_segment('Log', 'orders-1', 88413920, 2), 'kafka.log.LocalLog', tag='kafka_0220_cest')
    kafka(t('2026-10-25T00:41:33.904155'), KAFKA_PID, 'WARN',
          '[ReplicaFetcher replicaId=2, leaderId=3, fetcherId=0] Error in response for fetch '
          'request (type=FetchRequest, replicaId=2, maxWait=500, minBytes=1, maxBytes=10485760, '
          'fetchData={}, isolationLevel=READ_UNCOMMITTED, removed=, replaced=, metadata=(sessionId='
          '1193772614, epoch=INITIAL), rackId=)', 'kafka.server.ReplicaFetcherThread')
    tmp = ('systemd-tmpfiles-clean.service', 'Cleanup of Temporary Directories')
    pid1(t('2026-10-25T00:52:10.330972'), jn.starting(*tmp), unit=tmp[0])
    pid1(t('2026-10-25T00:52:10.371664'), jn.deactivated(tmp[0]), unit=tmp[0])
    pid1(t('2026-10-25T00:52:10.372185'), jn.finished(*tmp), unit=tmp[0])
    kafka(t('2026-10-25T00:58:41.552906'), KAFKA_PID, 'INFO',
          kb.expired_offsets_removed(2, 0, 1), 'kafka.coordinator.group.GroupMetadataManager')

    # --- the OOM kill, at 00:59:59.8Z = 02:59:59 CEST -----------------------------------------
    k0 = t('2026-10-25T00:59:59.812406')
    oom_report = [
        (kn.oom_invoked(), 4, 'oom_invoked'),
        (kn.cpu_comm(3, OOM_THREAD, '6.1.0-26-amd64', '6.1.112-1'), 4, '-'),
        (kn.HARDWARE, 4, '-'),
        (kn.CALL_TRACE, 4, '-'),
    ] + [(fr, 4, '-') for fr in kn.OOM_FRAMES[:5] + kn.OOM_FRAMES[-1:]] + [
        (kn.MEM_INFO, 6, '-'),
        (kn.anon_pages(7861218, 61337), 6, '-'),
        (kn.TASKS_STATE, 6, '-'),
        (kn.TASKS_HEADER, 6, '-'),
        (kn.task_row(KAFKA_PID, 998, KAFKA_PID, 9175040, 7802533, 63352832, 0, 0, 'java'), 6, '-'),
        (kn.oom_kill_constraint(KAFKA_PID), 6, 'oom_kill_summary'),
        (kn.oom_killed(KAFKA_PID, 36700160, 31210132, 61868), 3, 'oom_killed'),
    ]
    for i, (msg, prio, tag) in enumerate(oom_report):
        kernel(k0 + timedelta(microseconds=i * 4171), msg, prio, tag, kern_lag_us=780 + 37 * i)
    # journald was busy: systemd's first line was sent at 00:59:59.99Z (CEST) but received after
    # the change; the next ones are sent after the change (CET).
    pid1(t('2026-10-25T01:00:00.300512'), jn.oom_killed(KAFKA_UNIT), prio=4, tag='systemd_oom', lag_us=301240,
         extra=[('MESSAGE_ID', jn.UNIT_OUT_OF_MEMORY)])
    pid1(t('2026-10-25T01:00:00.301377'), jn.main_exited_killed(KAFKA_UNIT), prio=5, tag='main_exited', lag_us=297100,
         extra=[('EXIT_CODE', 'killed'), ('EXIT_STATUS', '9'),
                ('MESSAGE_ID', jn.UNIT_PROCESS_EXIT)])
    kernel(t('2026-10-25T01:00:00.302118'), kn.oom_reaped(KAFKA_PID), 6, 'oom_reaper', kern_lag_us=270433)
    pid1(t('2026-10-25T01:00:00.303004'), jn.failed_result(KAFKA_UNIT, 'oom-kill'), prio=4,
         tag='failed_oom', lag_us=296410,
         extra=[('UNIT_RESULT', 'oom-kill'), ('MESSAGE_ID', jn.UNIT_FAILURE_RESULT)])
    pid1(t('2026-10-25T01:00:00.303513'), jn.consumed_cpu(KAFKA_UNIT, '5h 12min 3.441s'),
         lag_us=296388, extra=[('MESSAGE_ID', jn.UNIT_RESOURCES),
                               ('CPU_USAGE_NSEC', '18723441000000')])
    pid1(t('2026-10-25T01:00:10.412880'), jn.restart_scheduled(KAFKA_UNIT, 1), tag='restart_scheduled',
         extra=[('N_RESTARTS', '1')])
    pid1(t('2026-10-25T01:00:10.414127'), jn.stopped(KAFKA_UNIT, KAFKA_DESCRIPTION), tag='stopped',
         extra=[('JOB_TYPE', 'restart'), ('JOB_RESULT', 'done')])
    inv[0] = '7d0b2e95c4a14f6e9e83b1a6f05c27d8'
    pid1(t('2026-10-25T01:00:10.438815'), jn.started(KAFKA_UNIT, KAFKA_DESCRIPTION), tag='started',
         extra=[('JOB_TYPE', 'start'), ('JOB_RESULT', 'done')])

    # --- the restarted broker (new PID, Berlin now CET, +01:00) --------------------------------
    stream[0] = 'c41d8e07a3f24b9b85e6d9a0f1c37b52'
    b = t('2026-10-25T01:00:11.402771')
    KS, LM = 'kafka.server.KafkaServer', 'kafka.log.LogManager'
    boot_lines = [
        (0, 'INFO', kb.LOG4J_CONTROLLER, kb.LOG4J_CONTROLLER_LOGGER, '-'),
        (612044, 'INFO', 'starting', KS, '-'),
        (613310, 'INFO', 'Connecting to zookeeper on zk-1:2181,zk-2:2181,zk-3:2181', KS, '-'),
        (1104928, 'INFO', kb.ZK_CONNECTED, 'kafka.zookeeper.ZooKeeperClient', '-'),
        (2931007, 'INFO', kb.LOADING_LOGS, LM, '-'),
        (2933481, 'INFO', 'Recovering 214 logs from /var/lib/kafka/data since no clean shutdown file '
                          'was found', LM, 'unclean_shutdown'),
        (9870254, 'INFO', kb.recovering_unflushed('LogLoader', 'orders-1', 88413920, '0/1'), 'kafka.log.LogLoader', '-'),
        (11208633, 'INFO', 'Loaded 214 logs in 8277ms', LM, '-'),
        (12004518, 'INFO', kb.kafka_server(2, kb.registered_broker(2, 'PLAINTEXT://broker-2.kafka.internal:9092',
                                                                   8589935113)),
         'kafka.zk.KafkaZkClient', '-'),
        (13117302, 'INFO', kb.kafka_server(2, 'started'), KS, 'kafka_started'),
    ]
    for dt, lvl, msg, logger, tag in boot_lines:
        kafka(b + timedelta(microseconds=dt), KAFKA_PID2, lvl, msg, logger, tag, ms_lag_us=500 + dt % 900)
    kafka(t('2026-10-25T01:00:31.771094'), KAFKA_PID2, 'INFO',
          kb.isr_updated('orders-1', 2, '2,1,3', 412, bracketed=False), 'kafka.cluster.Partition')
    cron(t('2026-10-25T01:17:01.005102'), tag='cron_hourly_cet')
    kafka(t('2026-10-25T01:20:05.117204'), KAFKA_PID2, 'INFO',
          kb.rolled_segment('Log', 'orders-1', 88452113, 1), 'kafka.log.LocalLog', tag='kafka_0220_cet')
    kafka(t('2026-10-25T01:44:19.090366'), KAFKA_PID2, 'INFO',
          '[GroupCoordinator 2]: Stabilized group billing-workers generation 121 '
          '(__consumer_offsets-17) with 3 members', GC)
    cron(t('2026-10-25T02:17:01.002960'))
    return entries


def write(exp_path, tsv_path):
    """The export stream (binary Journal Export Format) and the truth TSV; returns the entry count."""
    entries = build()
    with open(exp_path, 'wb') as f, open(tsv_path, 'w', encoding='utf-8') as tv:
        tv.write('seq\tshown_utc\tshown_usec\trealtime_usec\tsource_realtime_usec\t'
                 'monotonic_usec\ttransport\tidentifier\tpid\ttag\tmessage_first_line\n')
        for seq, (rt, fields, tag) in enumerate(entries, 1):
            d = dict(fields)
            f.write(jn.export_entry(fields))
            shown = int(d.get('_SOURCE_REALTIME_TIMESTAMP') or d['__REALTIME_TIMESTAMP'])
            shown_dt = EPOCH + timedelta(microseconds=shown)
            tv.write('\t'.join([
                str(seq), shown_dt.strftime('%Y-%m-%dT%H:%M:%S.%fZ'), str(shown),
                d['__REALTIME_TIMESTAMP'], d.get('_SOURCE_REALTIME_TIMESTAMP', ''),
                d['__MONOTONIC_TIMESTAMP'], d['_TRANSPORT'], d['SYSLOG_IDENTIFIER'],
                d.get('_PID', ''), tag,
                d['MESSAGE'].split('\n')[0].replace('\t', '\\t')]) + '\n')
    return len(entries)
