#!/usr/bin/env python3
"""make-journal.py - Journal Export Format stream for Kafka broker host broker-2 (broker id 2)
whose kafka.service JVM is OOM-killed by the kernel at the October 2026 DST change.

    python3 make-journal.py EXPORT_OUT EVENTS_TSV_OUT

A thin wrapper: the entries (and why they sit where they sit) are in the loggen package,
tools/loggen/loggen/journal_fixture.py, built from its shared journal, kernel and broker
line shapes. Deterministic, stdlib only (python >= 3.9).
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', '..', 'tools', 'loggen'))

from loggen.journal_fixture import write  # noqa: E402


def main():
    exp_path, tsv_path = sys.argv[1], sys.argv[2]
    print('%d entries' % write(exp_path, tsv_path), file=sys.stderr)


if __name__ == '__main__':
    main()
