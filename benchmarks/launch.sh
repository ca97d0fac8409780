#!/usr/bin/env bash
# Full LTI launches per second and latency at 1, 8 and 32 clients against the tool on the
# embedded MariaDB, the tool limited to a 512 MB heap.
# Usage: benchmarks/launch.sh [seconds per level] [levels] [warm-up seconds]
source "$(dirname "$0")/common.sh"
SECONDS_PER_LEVEL=${1:-20}
LEVELS=${2:-1,8,32}
WARM_UP=${3:-30}
DB_DIR=target/bench-launch/mariadb
mkdir -p target/bench-launch
build
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-launch/classpath.txt -Dmdep.includeScope=test
rm -rf "$DB_DIR"
start_tool target/bench-launch/tool.log -Xmx512m ${TOOL_JAVA_OPTS:-}
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
DB_PID=$(mariadb_pid)
TOOL_TICKS=$(ticks "$PID"); DB_TICKS=$(ticks "$DB_PID"); T0=$(date +%s)
java -cp "target/test-classes:target/classes:$(cat target/bench-launch/classpath.txt)" \
  org.coachapproach.lti.LaunchBenchmark "http://localhost:$PORT" "$SECONDS_PER_LEVEL" "$LEVELS" "$WARM_UP"
echo "CPU over the whole run (warm-up included): tool $(( ($(ticks "$PID") - TOOL_TICKS) / 100 )) s, mariadbd $(( ($(ticks "$DB_PID") - DB_TICKS) / 100 )) s, in $(( $(date +%s) - T0 )) s wall on $(nproc) cores"
echo "tool heap used after the run (after GC): $(heap_used_mb) MB; max heap 512 MB; RSS java $(rss_mb "$PID") MB"
echo "OutOfMemoryError lines in the tool log: $(grep -ac OutOfMemoryError target/bench-launch/tool.log || true)"
stop_tool
