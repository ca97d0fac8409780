# Shared by the benchmark scripts: build once, start the tool jar, wait for health UP.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18080}

# The JDK the build picks too (pom.xml, maven-toolchains-plugin): JDK 25 where installed (its AOT
# cache, ops/aot-cache.sh), else the java on the PATH. JAVA=<path to java> overrides.
java_25() {
  local home
  for home in "${JAVA25_HOME:-}" /usr/lib/jvm/*-25-*; do
    if [ -n "$home" ] && [ -x "$home/bin/java" ]; then echo "$home/bin/java"; return; fi
  done
  echo java
}
JAVA=${JAVA:-$(java_25)}
JCMD=$(dirname "$(command -v "$JAVA")")/jcmd

build() {
  mvn -q -B package -DskipTests
  JAR=$(ls target/coach-approach-*.jar | grep -v plain | head -n 1)
}

# start <log> [java options...]: starts the tool in the background; sets PID and STARTUP_MS.
start_tool() {
  local log=$1; shift
  # A tool left on the port would answer the health check in place of this one.
  if curl -s -o /dev/null "http://localhost:$PORT/actuator/health"; then
    echo "port $PORT is in use: stop what listens there or set PORT" >&2; exit 1
  fi
  local t0; t0=$(date +%s%N)
  # Every simulated browser of a benchmark is 127.0.0.1: lift the per-address login limit.
  "$JAVA" -Dcoachapproach.rate-limit.login.capacity=100000000 "$@" -jar "$JAR" --server.port="$PORT" --coachapproach.embedded-db.directory="$DB_DIR" >"$log" 2>&1 &
  PID=$!
  # Stopped also when the script fails half-way (a driver error, Ctrl-C).
  trap 'kill -TERM "$PID" 2>/dev/null || true' EXIT
  until curl -sf "http://localhost:$PORT/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    if ! kill -0 "$PID" 2>/dev/null; then echo "tool died, see $log" >&2; exit 1; fi
    sleep 0.05
  done
  STARTUP_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
}

# build_driver <classpath file>: the launch driver (LaunchBenchmark) and the class path to run it.
build_driver() {
  mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile="$1" -Dmdep.includeScope=test
}

# driver <classpath file> [java options...] <LaunchBenchmark arguments...>
driver() {
  local cp=$1; shift
  local opts=()
  while [ $# -gt 0 ] && [ "${1#-}" != "$1" ]; do opts+=("$1"); shift; done
  "$JAVA" "${opts[@]}" -cp "target/test-classes:target/classes:$(cat "$cp")" org.coachapproach.lti.LaunchBenchmark "$@"
}

stop_tool() {
  kill -TERM "$PID"
  wait "$PID" || true
}

heap_used_mb() {
  "$JCMD" "$PID" GC.run >/dev/null
  sleep 1
  "$JCMD" "$PID" GC.heap_info | awk '/used/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i+1); sub("K", "", v); printf "%.0f\n", v / 1024; exit } }'
}

rss_mb() { # rss_mb <pid>
  awk '/VmRSS/ { printf "%.0f\n", $2 / 1024 }' "/proc/$1/status"
}

mariadb_pid() {
  pgrep -f "mariadbd.*$(realpath "$DB_DIR")" | head -n 1
}
