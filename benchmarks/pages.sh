#!/usr/bin/env bash
# Session page and CFDS archive search at 32 signed-in clients, with 5,000 learners' recorded
# work in the database (each signed in, one reflection submitted, one recording in progress).
# Usage: benchmarks/pages.sh [learners] [seconds per page] [clients]
source "$(dirname "$0")/common.sh"
LEARNERS=${1:-5000}
SECONDS_PER_PAGE=${2:-20}
CLIENTS=${3:-32}
DB_DIR=target/bench-pages/mariadb
mkdir -p target/bench-pages
build
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-pages/classpath.txt -Dmdep.includeScope=test
rm -rf "$DB_DIR"
start_tool target/bench-pages/tool.log -Xmx512m ${TOOL_JAVA_OPTS:-}
java -cp "target/test-classes:target/classes:$(cat target/bench-pages/classpath.txt)" \
  org.coachapproach.lti.PageBenchmark "http://localhost:$PORT" "$LEARNERS" "$SECONDS_PER_PAGE" "$CLIENTS"
echo "tool heap used after the run (after GC): $(heap_used_mb) MB; RSS java $(rss_mb "$PID") MB"
stop_tool
