#!/usr/bin/env bash
# Soak: mixed load (launches, page views, reflections with their scores, survey submissions) for
# a bounded time against the tool on its embedded database; samples heap after GC, the
# connection pool, p50/p99 and row counts every 30 s and prints whether they stayed flat.
# Usage: benchmarks/soak.sh [minutes, default 10] [clients, default 8]
# Its own port: other benchmarks use common.sh's default, and a health check answered by another
# tool would start the soak against the wrong one.
PORT=${PORT:-18471}
source "$(dirname "$0")/common.sh"
if curl -s -o /dev/null "http://localhost:$PORT/"; then echo "port $PORT is taken: set PORT" >&2; exit 1; fi
MINUTES=${1:-10}
CLIENTS=${2:-8}
OUT=target/soak
DB_DIR=$OUT/mariadb
mkdir -p "$OUT"
build
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt" -Dmdep.includeScope=test
# The driver runs from its own copy, so that a build during the soak does not change its classes.
rm -rf "$OUT/classes" "$OUT/test-classes" "$DB_DIR"
cp -r target/classes "$OUT/classes"
cp -r target/test-classes "$OUT/test-classes"
TOKEN=$(head -c 48 /dev/urandom | base64 | tr -d '/+=' | head -c 40)
echo "soak: $MINUTES min, $CLIENTS clients, $(date -u '+%F %H:%M UTC'), $(nproc) cores"
top -bn1 | head -5
start_tool "$OUT/tool.log" -Xmx512m -Dcoachapproach.management.token="$TOKEN" ${TOOL_JAVA_OPTS:-}
trap 'stop_tool' EXIT
DB_PORT=$(tr '\0' ' ' <"/proc/$(mariadb_pid)/cmdline" | grep -o -- '--port=[0-9]*' | cut -d= -f2)
# Bounded in time: the driver stops its clients at MINUTES; the timeout catches a hung run.
status=0
timeout $(( MINUTES * 60 + 300 )) java -cp "$OUT/test-classes:$OUT/classes:$(cat "$OUT/classpath.txt")" \
  org.coachapproach.soak.SoakDriver "http://localhost:$PORT" "$MINUTES" "$CLIENTS" \
  "jdbc:mariadb://127.0.0.1:$DB_PORT/coachapproach" "$TOKEN" "$PID" || status=$?
top -bn1 | head -5
echo "tool RSS $(rss_mb "$PID") MB"
exit $status
