#!/usr/bin/env bash
# Full LTI launches against the tool on the embedded MariaDB (tool heap 512 MB), in one run:
# the levels as soon as the tool's health is UP (cold: the first minute after a start, with the
# JIT still warming), then a warm-up at 8 clients, then the levels again (warm). Each row gives
# launches/s, p50/p95/p99 and, per launch, the CPU of the driver (it shares the machine), of the
# tool and of mariadbd (user + system, from /proc/<pid>/stat around the level) and the statements
# the server ran (its Questions counter; background jobs' few included). Start-up time and where
# the memory goes (RSS of both processes, InnoDB buffer pool, the JVM's native memory summary)
# follow the table.
# Usage: benchmarks/launch.sh [seconds per level] [levels] [warm-up seconds]
#   defaults: 20 1,8,32 60 (the three cold levels fill the first minute)
# AOT=1     runs the tool from its JDK 25 AOT cache (ops/aot-cache.sh builds and trains it first)
# AOT=both  runs everything twice, back to back: without the cache, then with it
# TOOL_JAVA_OPTS adds JVM options for the tool; JAVA=<java> picks the JDK (default: common.sh).
source "$(dirname "$0")/common.sh"
SECONDS_PER_LEVEL=${1:-20}
LEVELS=${2:-1,8,32}
WARM_UP=${3:-60}
OUT=target/bench-launch
DB_DIR=$OUT/mariadb
mkdir -p "$OUT"
build
build_driver "$OUT/classpath.txt"
case "${AOT:-0}" in
  0) VARIANTS="plain" ;;
  1) VARIANTS="aot" ;;
  both) VARIANTS="plain aot" ;;
  *) echo "AOT must be 0, 1 or both, not '$AOT'" >&2; exit 2 ;;
esac
if [ "$VARIANTS" != "plain" ]; then
  # Trained with the options the measured tool gets: a cache is refused on a mismatch.
  TRAINING_OPTS="-Xmx512m ${TOOL_JAVA_OPTS:-}" ops/aot-cache.sh
fi

# bench <plain|aot>: one fresh tool on a fresh database, the table, then its memory.
bench() {
  local jar=$JAR opts=()
  if [ "$1" = aot ]; then
    JAR=$(ls target/aot/app/coach-approach-*.jar)
    opts=(-XX:AOTCache=target/aot/app.aot)
  fi
  rm -rf "$DB_DIR"
  # shellcheck disable=SC2086 # TOOL_JAVA_OPTS is a list of options
  start_tool "$OUT/tool-$1.log" -Xmx512m -XX:NativeMemoryTracking=summary "${opts[@]}" ${TOOL_JAVA_OPTS:-}
  local up_at db_pid db_port
  up_at=$(date +%s%3N)
  db_pid=$(mariadb_pid)
  db_port=$(tr '\0' '\n' <"/proc/$db_pid/cmdline" | sed -n 's/^--port=//p')
  echo
  echo "### tool $1$([ "$1" = aot ] && echo ' (-XX:AOTCache)'), $("$JAVA" -version 2>&1 | head -n 1)"
  echo "health UP $STARTUP_MS ms after the java command; $(grep -ao 'Started [A-Za-z]* in [0-9.]* seconds[^)]*)' "$OUT/tool-$1.log" | head -n 1)"
  driver "$OUT/classpath.txt" -Dbench.cold=true -Dbench.up-at-ms="$up_at" -Dbench.tool-pid="$PID" \
    -Dbench.db-pid="$db_pid" -Dbench.db-port="$db_port" -Dbench.clock-ticks="$(getconf CLK_TCK)" \
    "http://localhost:$PORT" "$SECONDS_PER_LEVEL" "$LEVELS" "$WARM_UP"
  echo "RSS java $(rss_mb "$PID") MB, mariadbd $(rss_mb "$db_pid") MB; tool heap used after GC $(heap_used_mb) MB of 512 MB"
  echo "MariaDB (MB): $("$DB_DIR/base/bin/mariadb" --skip-ssl -h127.0.0.1 -P"$db_port" -uroot -N -e "SELECT CONCAT('InnoDB buffer pool ',
    @@innodb_buffer_pool_size DIV 1048576, ', of it data ', (SELECT VARIABLE_VALUE DIV 1048576 FROM information_schema.GLOBAL_STATUS
    WHERE VARIABLE_NAME = 'INNODB_BUFFER_POOL_BYTES_DATA'), '; log buffer ', @@innodb_log_buffer_size DIV 1048576,
    '; key buffer ', @@key_buffer_size DIV 1048576, '; tables on disk ', (SELECT SUM(data_length + index_length) DIV 1048576
    FROM information_schema.TABLES WHERE table_schema = 'coachapproach'))")"
  echo "JVM native memory (NMT, committed MB): $("$JCMD" "$PID" VM.native_memory summary scale=MB \
    | sed -n 's/^-\{0,1\} *\([A-Z][A-Za-z ]*\) (reserved=[0-9]*MB, committed=\([0-9]*\)MB.*/\1 \2;/p' | tr '\n' ' ')"
  echo "OutOfMemoryError lines in the tool log: $(grep -ac OutOfMemoryError "$OUT/tool-$1.log" || true)"
  stop_tool
  JAR=$jar
}

echo "$(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD)$(git diff --quiet || echo ' + uncommitted changes'), $(nproc) cores, steal $(top -bn1 | awk -F',' '/Cpu/ { for (i = 1; i <= NF; i++) if ($i ~ / st/) print $i }')"
echo "benchmarks/launch.sh $SECONDS_PER_LEVEL $LEVELS $WARM_UP, AOT=${AOT:-0}"
for variant in $VARIANTS; do
  bench "$variant"
done
