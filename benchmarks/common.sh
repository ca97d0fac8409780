# Shared by the benchmark scripts: build once, start the tool jar, wait for health UP.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18080}

build() {
  mvn -q -B package -DskipTests
  JAR=$(ls target/coach-approach-*.jar | grep -v plain | head -n 1)
}

# start <log> [java options...]: starts the tool in the background; sets PID and STARTUP_MS.
start_tool() {
  local log=$1; shift
  local t0; t0=$(date +%s%N)
  # Every simulated browser of a benchmark is 127.0.0.1: lift the per-address login limit.
  java -Dcoachapproach.rate-limit.login.capacity=100000000 "$@" -jar "$JAR" --server.port="$PORT" --coachapproach.embedded-db.directory="$DB_DIR" >"$log" 2>&1 &
  PID=$!
  until curl -sf "http://localhost:$PORT/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    if ! kill -0 "$PID" 2>/dev/null; then echo "tool died, see $log" >&2; exit 1; fi
    sleep 0.05
  done
  STARTUP_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
}

stop_tool() {
  kill -TERM "$PID"
  wait "$PID" || true
}

heap_used_mb() {
  jcmd "$PID" GC.run >/dev/null
  sleep 1
  jcmd "$PID" GC.heap_info | awk '/used/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i+1); sub("K", "", v); printf "%.0f\n", v / 1024; exit } }'
}

rss_mb() { # rss_mb <pid>
  awk '/VmRSS/ { printf "%.0f\n", $2 / 1024 }' "/proc/$1/status"
}

mariadb_pid() {
  pgrep -f "mariadbd.*$(realpath "$DB_DIR")" | head -n 1
}
