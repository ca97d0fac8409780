#!/usr/bin/env bash
# Launch throughput of two versions side by side on the same machine, in alternating rounds:
# the tool built from BASE (a git revision) and the working tree's. Each round starts each
# tool on a fresh embedded database and runs LaunchBenchmark at one client count; the tool's
# CPU per launch (from /proc, user + system) is the figure least moved by a noisy neighbour;
# the embedded MariaDB's CPU per launch is taken the same way.
# Usage: benchmarks/launch-compare.sh BASE [seconds per round] [clients] [rounds] [warm-up seconds]
# REUSE_JARS=1 runs the rounds again with the two tools and driver of the previous run (no builds).
# BASE_OPTS, CURRENT_OPTS add JVM options to that tool (e.g. -Dspring.threads.virtual.enabled=true);
# with BASE=HEAD and REUSE_JARS=1 the two rounds run one jar and differ by those options only.
source "$(dirname "$0")/common.sh"
BASE=${1:?usage: benchmarks/launch-compare.sh BASE [seconds] [clients] [rounds] [warm-up]}
SECONDS_PER_ROUND=${2:-20}
CLIENTS=${3:-32}
ROUNDS=${4:-2}
WARM_UP=${5:-15}
OUT=target/bench-compare
mkdir -p "$OUT"

CURRENT_JAR=$OUT/current.jar
BASE_JAR=$OUT/base.jar
if [ -z "${REUSE_JARS:-}" ]; then
  # The working tree's tool and the driver (the driver speaks plain LTI, so it serves both).
  build
  cp "$JAR" "$CURRENT_JAR"
  mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=$OUT/classpath.txt -Dmdep.includeScope=test

  # BASE's tool, built in a worktree of its own under target/.
  rm -rf "$OUT/base-src"
  git worktree prune
  git worktree add --detach "$OUT/base-src" "$BASE" >/dev/null
  (cd "$OUT/base-src" && mvn -q -B package -DskipTests)
  cp "$(ls "$OUT"/base-src/target/coach-approach-*.jar | grep -v plain | head -n 1)" "$BASE_JAR"
  git worktree remove --force "$OUT/base-src"
fi

ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# A driver that fails ends the script (set -e): stop the round's tool then too, or it keeps the port.
trap 'if [ -n "${PID:-}" ]; then kill -TERM "$PID" 2>/dev/null || true; fi' EXIT

# round <name> <jar>: one fresh tool, warm-up, one measured level; prints a table row.
round() {
  local name=$1
  JAR=$2
  DB_DIR=$OUT/$name-db
  rm -rf "$DB_DIR"
  local opts_var=${name^^}_OPTS
  # shellcheck disable=SC2086 # a list of options
  start_tool "$OUT/$name.log" -Xmx512m ${!opts_var:-}
  local out t0 t1 d0 d1 db row warm launches
  db=$(mariadb_pid)
  # One driver JVM for warm-up and measurement, so the driver is warm when it counts; the
  # tool's CPU is taken over both, per launch of both.
  t0=$(ticks "$PID")
  d0=$(ticks "$db")
  out=$(java -cp "target/test-classes:target/classes:$(cat $OUT/classpath.txt)" \
    org.coachapproach.lti.LaunchBenchmark "http://localhost:$PORT" "$SECONDS_PER_ROUND" "$CLIENTS" "$WARM_UP" 2>&1)
  t1=$(ticks "$PID")
  d1=$(ticks "$db")
  row=$(echo "$out" | tail -n 1)
  warm=$(echo "$out" | awk -F'|' '/^warm-up/ { gsub(/ /, "", $3); print $3 }')
  stop_tool
  PID=
  launches=$(( $(echo "$row" | awk -F'|' '{ gsub(/ /, "", $3); print $3 }') + ${warm:-0} ))
  printf '| %s %s |%s| %s | %s |\n' "$name" "$3" "$(echo "$row" | cut -d'|' -f2-9)" \
    "$(awk -v t="$((t1 - t0))" -v n="$launches" 'BEGIN { printf "%.2f", t * 10 / n }')" \
    "$(awk -v t="$((d1 - d0))" -v n="$launches" 'BEGIN { printf "%.2f", t * 10 / n }')"
}

echo "base $(git rev-parse --short "$BASE")${BASE_OPTS:+ with $BASE_OPTS}, current $(git rev-parse --short HEAD)$(git diff --quiet || echo ' + uncommitted changes')${CURRENT_OPTS:+ with $CURRENT_OPTS}, $(date -u '+%Y-%m-%d %H:%M UTC'), steal $(top -bn1 | awk -F',' '/Cpu/ { for (i = 1; i <= NF; i++) if ($i ~ / st/) print $i }')"
echo "| tool round | clients | launches | launches/s | p50 ms | p95 ms | p99 ms | max ms | errors | tool CPU ms/launch | MariaDB CPU ms/launch |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for r in $(seq 1 "$ROUNDS"); do
  round base "$BASE_JAR" "$r"
  round current "$CURRENT_JAR" "$r"
done
