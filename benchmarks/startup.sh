#!/usr/bin/env bash
# Cold start (embedded server unpacked and installed), warm start (kept data), idle heap and
# resident memory. Usage: benchmarks/startup.sh [runs]   Results go to stdout as a table row.
source "$(dirname "$0")/common.sh"
RUNS=${1:-3}
DB_DIR=target/bench-startup/mariadb
mkdir -p target/bench-startup
build

rm -rf "$DB_DIR"
start_tool target/bench-startup/cold.log
COLD=$STARTUP_MS
stop_tool

WARM=()
for i in $(seq "$RUNS"); do
  start_tool "target/bench-startup/warm-$i.log"
  WARM+=("$STARTUP_MS")
  if [ "$i" -eq "$RUNS" ]; then
    sleep 10
    HEAP=$(heap_used_mb)
    RSS_JAVA=$(rss_mb "$PID")
    RSS_DB=$(rss_mb "$(mariadb_pid)")
  fi
  stop_tool
done
SORTED=$(printf '%s\n' "${WARM[@]}" | sort -n | tr '\n' ' ')
echo "| cold start | warm starts (sorted) | idle heap after GC | RSS java | RSS mariadbd |"
echo "|---:|---|---:|---:|---:|"
echo "| ${COLD} ms | ${SORTED}ms | ${HEAP} MB | ${RSS_JAVA} MB | ${RSS_DB} MB |"
