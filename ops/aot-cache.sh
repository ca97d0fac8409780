#!/usr/bin/env bash
# The tool's AOT cache (JDK 25: JEPs 483, 514, 515): classes loaded and linked, and the method
# profiles of a training run, so a start skips most of the class loading and the JIT's warm-up.
# Builds the jar, extracts it as Spring Boot recommends for CDS/AOT (the cache names the class
# path, so the extracted layout is what runs later), starts it once with -XX:AOTCacheOutput on a
# scratch embedded database, serves real launches at 8 clients (LaunchBenchmark), stops it; the
# JVM writes the cache on exit.
# Usage: ops/aot-cache.sh [training seconds]   (default 30)
# Writes target/aot/app/<jar> (with its lib/) and target/aot/app.aot; then run the tool with
#   java -XX:AOTCache=target/aot/app.aot -jar target/aot/app/<jar>
# from the same JDK, with the same class path and JVM options as TRAINING_OPTS (a cache is
# ignored, with a warning, when they differ). JAR=<jar> trains another jar than the one built here.
source "$(dirname "$0")/../benchmarks/common.sh"
TRAINING_SECONDS=${1:-30}
OUT=target/aot
DB_DIR=$OUT/training-db
if ! "$JAVA" -XX:AOTMode=auto -version >/dev/null 2>&1; then
  echo "$JAVA has no AOT cache (JDK 25 or later needed): $("$JAVA" -version 2>&1 | head -n 1)" >&2
  exit 1
fi
if [ -z "${JAR:-}" ]; then
  build
fi
build_driver "$OUT-classpath.txt"
rm -rf "$OUT/app" "$OUT/app.aot" "$DB_DIR"
mkdir -p "$OUT"
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$OUT/app"
JAR=$(ls "$OUT"/app/coach-approach-*.jar)
# shellcheck disable=SC2086 # TRAINING_OPTS is a list of options
start_tool "$OUT/training.log" -XX:AOTCacheOutput="$OUT/app.aot" ${TRAINING_OPTS:-}
echo "training run: health UP after $STARTUP_MS ms; serving launches for $TRAINING_SECONDS s"
driver "$OUT-classpath.txt" "http://localhost:$PORT" 1 8 "$TRAINING_SECONDS" | grep "^warm-up"
stop_tool
if [ ! -s "$OUT/app.aot" ]; then
  echo "no cache written, see $OUT/training.log" >&2
  exit 1
fi
echo "AOT cache $OUT/app.aot ($(du -m "$OUT/app.aot" | cut -f1) MB) for $JAR"
