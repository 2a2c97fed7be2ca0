#!/usr/bin/env bash
# Regenerates tests/data/gc-uptime/: a broker folder whose GC log this
# machine's JDK wrote with the JVM's default decorations (-Xlog:gc*:file=...
# with no decorator list: [uptime][level][tags], no date), over two JVM runs
# (gc.log.0, then gc.log after a restart), plus what anchors it and the truth:
#   broker-1/gc.log.0, broker-1/gc.log   uptime only (the input)
#   broker-1/server.log                  each run's first line, stamped by the
#                                        JVM itself with the wall clock (UTC)
#   truth/run0.log, truth/run1.log       the same runs decorated with time
#                                        (a second -Xlog output of one JVM)
# tests/unit/uptime_anchor_test.cpp checks the anchored pauses against truth.
#
# Usage: tests/data/gen/make-uptime-gc.sh [OUTDIR]   (default: tests/data/gc-uptime)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/../gc-uptime}
mkdir -p "$out/broker-1" "$out/truth"
classes=$(mktemp -d)
trap 'rm -rf "$classes"' EXIT
javac -d "$classes" "$here/GcChurn.java"
: >"$out/broker-1/server.log"
for run in 0 1; do
  name=gc.log.$run
  [ "$run" = 1 ] && name=gc.log
  rm -f "$out/broker-1/$name" "$out/truth/run$run.log"
  java -Xms32m -Xmx32m -XX:+UseG1GC \
    "-Xlog:gc*:file=$out/broker-1/$name::filecount=0" \
    "-Xlog:gc*:file=$out/truth/run$run.log:time,uptime,level,tags:filecount=0" \
    -cp "$classes" GcChurn 2 8 first-line | grep -F 'Log4jController' >>"$out/broker-1/server.log"
  [ "$run" = 0 ] && sleep 35  # down a while: starts closer than 30 s are taken as one
done
echo "$out: $(grep -c 'Pause' "$out/broker-1/gc.log.0") + $(grep -c 'Pause' "$out/broker-1/gc.log") pause lines" >&2
