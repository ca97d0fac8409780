#!/usr/bin/env bash
# Where a warm launch's CPU goes: the tool with a JFR recording (settings=profile), a warm-up at
# 8 clients, then one measured level; the execution samples of that level's seconds only are
# counted by package (benchmarks/jfr-packages.py): by top frame (where the CPU is spent) and by
# the innermost frame of a known library or our code (who asked for it).
# Usage: benchmarks/launch-profile.sh [seconds measured] [clients] [warm-up seconds]
#   defaults: 30 32 60. TOOL_JAVA_OPTS adds JVM options (e.g. -Dspring.threads.virtual.enabled=true).
source "$(dirname "$0")/common.sh"
SECONDS_MEASURED=${1:-30}
CLIENTS=${2:-32}
WARM_UP=${3:-60}
OUT=target/bench-profile
DB_DIR=$OUT/mariadb
mkdir -p "$OUT"
if [ -z "${REUSE_JARS:-}" ]; then
  build
  build_driver "$OUT/classpath.txt"
fi
JAR=$(ls target/coach-approach-*.jar | grep -v plain | head -n 1)
rm -rf "$DB_DIR" "$OUT/launch.jfr"
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD)$(git diff --quiet || echo ' + uncommitted changes'), $(nproc) cores, steal $(top -bn1 | awk -F',' '/Cpu/ { for (i = 1; i <= NF; i++) if ($i ~ / st/) print $i }'), load $(cut -d' ' -f1-3 /proc/loadavg)"
# shellcheck disable=SC2086 # TOOL_JAVA_OPTS is a list of options
start_tool "$OUT/tool.log" -Xmx512m "-XX:StartFlightRecording=filename=$OUT/launch.jfr,settings=profile" ${TOOL_JAVA_OPTS:-}
echo "health UP after $STARTUP_MS ms"
driver "$OUT/classpath.txt" -Dbench.tool-pid="$PID" -Dbench.db-pid="$(mariadb_pid)" -Dbench.clock-ticks="$(getconf CLK_TCK)" \
  "http://localhost:$PORT" "$SECONDS_MEASURED" "$CLIENTS" "$WARM_UP"
# The measured level is the driver's last SECONDS_MEASURED seconds.
END_MS=$(date +%s%3N)
"$JCMD" "$PID" JFR.dump filename="$(realpath "$OUT")/launch.jfr" >/dev/null
stop_tool
"$(dirname "$JCMD")/jfr" print --exact --stack-depth 64 --events jdk.ExecutionSample "$OUT/launch.jfr" \
  | python3 benchmarks/jfr-packages.py $((END_MS - SECONDS_MEASURED * 1000)) "$END_MS" \
    RequestMappingHandlerAdapter.getModelFactory ModelFactory.initModel ViewResolver.createView \
    ContentNegotiatingViewResolver.resolveViewName ThymeleafView.render
