#!/usr/bin/env bash
# A local proof of the scaling-out claim (docs/operations.md, "Cluster"): three MariaDB Galera
# nodes, two tool instances on that cluster, nginx in front, all on loopback.
#
# Usage: ops/cluster/cluster.sh <command> [work folder, default target/cluster]
#   start            install what is missing, start everything afresh (a running cluster of the
#                    same folder is stopped and wiped first)
#   stop             stop everything this folder started; nothing is left running
#   status           node sizes and tool health
#   launches [s] [levels] [warm-up]
#                    LaunchBenchmark through nginx, then counts the launch rows in the database
#   drill [clients] [node]   under launch load (32 clients, 200 s): kill -9 tool 2 and restart
#                    it, stop Galera node 1 and bring it back (IST); launches OK / failed, rows
#   exactly-once [clients] [seconds] [drain]
#                    launches, reflections (scores) and queued email under load (32 clients,
#                    150 s); kill -9 tool 2 and restart it, kill -9 the mariadbd of node 1 and
#                    restart it; then PASS/FAIL per check, exit 1 on a FAIL
#   quorum           kill -9 nodes 2 and 3: node 1 loses quorum (non-primary); what the tools
#                    answer; node 1 bootstrapped primary again, 2 and 3 rejoin; launches again
#   node-stop N | node-start N    stop / restart Galera node N (1-3); a restart rejoins by IST
#   tool-kill N | tool-start N    SIGKILL / restart tool instance N (1-2)
#   sql "statement"  runs a statement as the tool's user on the first running node
#   nginx            (re)writes nginx's configuration and starts or reloads it
# Ports: CLUSTER_PORT (default 23300): nginx on it, tools on +1/+2, MariaDB on +11..+13,
# Galera group on +21..+23, IST on +31..+33, SST on +41..+43, the drill's SMTP server on +50.
set -euo pipefail
cd "$(dirname "$0")/../.."
COMMAND=${1:-}
shift || true
WORK=target/cluster
case "$COMMAND" in
  launches|drill|exactly-once|quorum|node-stop|node-start|tool-kill|tool-start|sql|nginx) ;;
  *) WORK=${1:-$WORK} ;;
esac
WORK=${CLUSTER_DIR:-$WORK}
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
BASE=${CLUSTER_PORT:-23300}
NGINX_PORT=$BASE
GALERA_LIB=/usr/lib/galera/libgalera_smm.so
DB_NAME=coachapproach
DB_USER=coachapproach

db_port() { echo $((BASE + 10 + $1)); }
group_port() { echo $((BASE + 20 + $1)); }
tool_port() { echo $((BASE + $1)); }
smtp_port() { echo $((BASE + 50)); } # the exactly-once drill's SMTP server (nothing listens otherwise: mail waits)
node_dir() { echo "$WORK/node$1"; }
log() { echo "[cluster $(date -u +%H:%M:%S)] $*"; }
die() { echo "cluster: $*" >&2; exit 1; }

install_missing() {
  local missing=()
  command -v mariadbd >/dev/null || [ -x /usr/sbin/mariadbd ] || missing+=(mariadb-server)
  [ -f "$GALERA_LIB" ] || missing+=(galera-4)
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
  command -v rsync >/dev/null || missing+=(rsync)
  # SST by mariabackup: rsync's SST daemon, started as root, drops to nobody and cannot write
  # a joiner's root-owned data folder.
  command -v mariabackup >/dev/null || missing+=(mariadb-backup)
  command -v socat >/dev/null || missing+=(socat)
  command -v lsof >/dev/null || missing+=(lsof)
  command -v openssl >/dev/null || missing+=(openssl)
  command -v curl >/dev/null || missing+=(curl)
  # The packages' own services are not wanted: the cluster runs its own processes.
  # (An existing policy is left as it is.)
  local own_policy=
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    own_policy=yes
    trap 'rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  # An interrupted earlier install leaves dpkg half done; finish it before adding to it.
  if [ -n "$(dpkg --audit 2>/dev/null)" ]; then
    log "finishing an interrupted package installation"
    DEBIAN_FRONTEND=noninteractive dpkg --configure -a || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -f
  fi
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" || {
      apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"; }
  fi
  if [ -n "$own_policy" ]; then rm -f /usr/sbin/policy-rc.d; trap - EXIT; fi
  export PATH=$PATH:/usr/sbin
}

# --- Galera nodes -------------------------------------------------------------------------

write_node_config() { # write_node_config N
  local n=$1 dir; dir=$(node_dir "$n")
  local addresses="" i
  for i in 1 2 3; do addresses+="${addresses:+,}127.0.0.1:$(group_port "$i")"; done
  mkdir -p "$dir/data"
  cat >"$dir/my.cnf" <<EOF
[mysqld]
datadir=$dir/data
socket=$dir/mysqld.sock
pid-file=$dir/mysqld.pid
log-error=$dir/error.log
port=$(db_port "$n")
bind-address=127.0.0.1
user=root
skip-name-resolve
binlog_format=ROW
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2
innodb_buffer_pool_size=96M
innodb_log_file_size=48M
performance_schema=OFF
max_connections=200
character-set-server=utf8mb4
collation-server=utf8mb4_unicode_ci
wsrep_on=ON
wsrep_provider=$GALERA_LIB
wsrep_cluster_name=coachapproach-local
wsrep_cluster_address=gcomm://$addresses
wsrep_node_name=node$n
wsrep_node_address=127.0.0.1:$(group_port "$n")
wsrep_node_incoming_address=127.0.0.1:$(db_port "$n")
wsrep_provider_options="gmcast.listen_addr=tcp://127.0.0.1:$(group_port "$n");ist.recv_addr=127.0.0.1:$((BASE + 30 + n));gcache.size=128M"
wsrep_sst_method=mariabackup
# root over the donor's socket (unix_socket authentication): no password to keep
wsrep_sst_auth=root:
wsrep_sst_receive_address=127.0.0.1:$((BASE + 40 + n))
EOF
}

# live_pid <pid file> <text>: the pid named in the file if that process runs and its command
# line holds the text (a pid reused by another process after a crash is never ours)
live_pid() {
  local pid
  [ -f "$1" ] || return 0
  pid=$(cat "$1")
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$2" && echo "$pid" || true
}

node_pid() { live_pid "$(node_dir "$1")/mysqld.pid" "$(node_dir "$1")/my.cnf"; }

node_sql() { # node_sql N "statement": as root over the node's socket
  # on stdin: the statements may hold the tool's password
  mariadb --no-defaults -uroot -S "$(node_dir "$1")/mysqld.sock" -N -s <<<"$2"
}

node_status() { # node_status N variable
  node_sql "$1" "SHOW STATUS LIKE '$2'" 2>/dev/null | awk '{ print $2 }'
}

start_node() { # start_node N [--wsrep-new-cluster]
  local n=$1; shift
  local dir; dir=$(node_dir "$n")
  [ -n "$(node_pid "$n")" ] && { log "node $n already running"; return; }
  log "starting node $n on port $(db_port "$n") $*"
  mariadbd --defaults-file="$dir/my.cnf" "$@" >>"$dir/stdout.log" 2>&1 &
  echo $! >"$dir/launcher.pid"
  local i
  for i in $(seq 1 600); do
    if [ "$(node_status "$n" wsrep_ready)" = ON ] && [ "$(node_status "$n" wsrep_local_state_comment)" = Synced ]; then
      log "node $n synced, cluster size $(node_status "$n" wsrep_cluster_size)"
      return
    fi
    kill -0 "$(cat "$dir/launcher.pid")" 2>/dev/null || { tail -n 30 "$dir/error.log" >&2; die "node $n died, see $dir/error.log"; }
    sleep 0.5
  done
  die "node $n not synced after 300 s, see $dir/error.log"
}

stop_node() { # stop_node N: a clean shutdown (SIGTERM), so a restart rejoins by IST
  local n=$1 pid; pid=$(node_pid "$n")
  [ -z "$pid" ] && return
  log "stopping node $n (pid $pid)"
  kill -TERM "$pid"
  local i
  for i in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
  log "node $n still running after 60 s: SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
}

wait_cluster_size() { # wait_cluster_size N size
  local i
  for i in $(seq 1 120); do
    [ "$(node_status "$1" wsrep_cluster_size)" = "$2" ] && [ "$(node_status "$1" wsrep_ready)" = ON ] && return
    sleep 0.5
  done
  die "cluster size is $(node_status "$1" wsrep_cluster_size), expected $2"
}

first_running_node() {
  local n
  for n in 1 2 3; do [ -n "$(node_pid "$n")" ] && { echo "$n"; return; }; done
  die "no Galera node is running"
}

# --- tool instances and nginx -------------------------------------------------------------

secrets() { # generated once per work folder; both instances share them
  if [ ! -f "$WORK/secrets.env" ]; then
    ( umask 077
    {
      echo "DB_PASSWORD=$(openssl rand -hex 16)"
      echo "COACHAPPROACH_ASSESSMENT_PSEUDONYM_KEY=$(openssl rand -base64 32)"
      echo "COACHAPPROACH_LTI_KEY_ENCRYPTION_KEY=$(openssl rand -base64 32)"
      echo "COACHAPPROACH_OUTREACH_LINK_KEY=$(openssl rand -base64 32)"
      echo "COACHAPPROACH_MANAGEMENT_TOKEN=$(openssl rand -hex 24)"
      echo "REGISTRATION_SECRET=$(openssl rand -hex 16)"
    } >"$WORK/secrets.env" )
  fi
  # shellcheck disable=SC1091
  . "$WORK/secrets.env"
}

jar() { ls target/coach-approach-*.jar 2>/dev/null | grep -v plain | head -n 1; }

build_jar() {
  if [ -z "$(jar)" ]; then
    log "building the tool jar"
    mvn -B -q -o package -DskipTests
  fi
  [ -n "$(jar)" ] || die "no tool jar in target/"
}

tool_pid() { live_pid "$WORK/tool$1.pid" "--server.port=$(tool_port "$1")"; }

start_tool() { # start_tool N
  local n=$1
  [ -n "$(tool_pid "$n")" ] && { log "tool $n already running"; return; }
  secrets
  local url="jdbc:mariadb:sequential://127.0.0.1:$(db_port 1),127.0.0.1:$(db_port 2),127.0.0.1:$(db_port 3)/$DB_NAME"
  log "starting tool $n on port $(tool_port "$n")"
  SPRING_DATASOURCE_URL=$url SPRING_DATASOURCE_USERNAME=$DB_USER SPRING_DATASOURCE_PASSWORD=$DB_PASSWORD \
  COACHAPPROACH_ASSESSMENT_PSEUDONYM_KEY=$COACHAPPROACH_ASSESSMENT_PSEUDONYM_KEY \
  COACHAPPROACH_LTI_KEY_ENCRYPTION_KEY=$COACHAPPROACH_LTI_KEY_ENCRYPTION_KEY \
  COACHAPPROACH_OUTREACH_LINK_KEY=$COACHAPPROACH_OUTREACH_LINK_KEY \
  COACHAPPROACH_MANAGEMENT_TOKEN=$COACHAPPROACH_MANAGEMENT_TOKEN \
  java -Xmx384m ${TOOL_JAVA_OPTS:-} -jar "$(jar)" --server.port="$(tool_port "$n")" --server.address=127.0.0.1 \
    '--server.tomcat.remoteip.internal-proxies=127\.0\.0\.1' \
    --coachapproach.lti.registration-secret="$REGISTRATION_SECRET" \
    --coachapproach.rate-limit.login.capacity=100000000 \
    --spring.mail.host=127.0.0.1 --spring.mail.port="$(smtp_port)" \
    --coachapproach.lti.scores.lease="${SCORE_LEASE:-PT1M}" --coachapproach.outreach.lease="${MAIL_LEASE:-PT1M}" \
    --spring.mail.properties.mail.smtp.connectiontimeout=5000 --spring.mail.properties.mail.smtp.timeout=10000 \
    >>"$WORK/tool$n.log" 2>&1 &
  echo $! >"$WORK/tool$n.pid"
  local pid=$! t0; t0=$(date +%s)
  # Every load-test client comes through nginx as 127.0.0.1: the per-address limit is lifted above.
  # Leases of a minute (production: 10 and 5): a batch claimed by a killed instance is sent by the
  # other a minute later, so a drill waits a minute, not ten. The drill's platform and mail server
  # answer in milliseconds, far inside a minute.
  # Spring Boot's mail health check is off (application.properties): an SMTP server that is down (no drill running) must not
  # take the instances out of nginx; mail waits in the outbox meanwhile.
  until curl -sf "http://127.0.0.1:$(tool_port "$n")/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 "$pid" 2>/dev/null || { tail -n 40 "$WORK/tool$n.log" >&2; die "tool $n died, see $WORK/tool$n.log"; }
    [ $(( $(date +%s) - t0 )) -lt 400 ] || die "tool $n not up after 400 s"
    sleep 0.5
  done
  log "tool $n up in $(( $(date +%s) - t0 )) s"
}

kill_node() { # kill_node N: SIGKILL the node's mariadbd, as a crash or an OOM kill would
  local n=$1 pid; pid=$(node_pid "$n")
  [ -z "$pid" ] && return
  log "node $n (pid $pid): SIGKILL"
  kill -KILL "$pid"
  local i
  for i in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.25; done
}

kill_tool() { # kill_tool N [signal]
  local pid; pid=$(tool_pid "$1")
  [ -z "$pid" ] && return
  log "tool $1 (pid $pid): SIG${2:-TERM}"
  kill "-${2:-TERM}" "$pid" 2>/dev/null || true
  local i
  for i in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
  kill -KILL "$pid" 2>/dev/null || true
}

start_nginx() {
  mkdir -p "$WORK/nginx/tmp"
  cat >"$WORK/nginx/nginx.conf" <<EOF
user root;
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 512; }
http {
  # The login's state (in its redirect) and the launch's state (in its form) name the same
  # launch: joined, they show which instance started a launch and which finished it.
  map \$upstream_http_location \$login_state { "~[?&]state=(?<ls>[^&]+)" \$ls; default "-"; }
  map \$request_body \$launch_state { "~(^|&)state=(?<st>[^&]+)" \$st; default "-"; }
  log_format upstream '\$request_method \$uri \$status login_state=\$login_state launch_state=\$launch_state \$upstream_addr';
  access_log $WORK/nginx/access.log upstream;
  client_body_temp_path $WORK/nginx/tmp/body;
  proxy_temp_path $WORK/nginx/tmp/proxy;
  fastcgi_temp_path $WORK/nginx/tmp/fastcgi;
  uwsgi_temp_path $WORK/nginx/tmp/uwsgi;
  scgi_temp_path $WORK/nginx/tmp/scgi;
  upstream tool {
    # round robin, no stickiness: the tool keeps no state between requests in memory
    server 127.0.0.1:$(tool_port 1) max_fails=1 fail_timeout=5s;
    server 127.0.0.1:$(tool_port 2) max_fails=1 fail_timeout=5s;
    keepalive 32;
  }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://tool;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      # set, never passed through: a client's own X-Forwarded-* must change nothing
      proxy_set_header X-Forwarded-For \$remote_addr;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_set_header X-Forwarded-Host \$host;
      proxy_set_header X-Forwarded-Port \$server_port;
      # a refused connection or a 502 from a dying instance goes to the other one, once
      proxy_next_upstream error timeout http_502;
      add_header X-Upstream \$upstream_addr always;
    }
  }
}
EOF
  [ -n "$(nginx_pid)" ] && { log "nginx already running: configuration reloaded"; kill -HUP "$(nginx_pid)"; return; }
  nginx -e "$WORK/nginx/error.log" -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx"
  log "nginx on http://127.0.0.1:$NGINX_PORT"
}

nginx_pid() { live_pid "$WORK/nginx/nginx.pid" "$WORK/nginx/nginx.conf"; }

# --- commands -----------------------------------------------------------------------------

stop_all() {
  local pid; pid=$(nginx_pid)
  if [ -n "$pid" ]; then
    log "stopping nginx (pid $pid)"; kill -QUIT "$pid"
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  fi
  kill_tool 1; kill_tool 2
  # the last node to stop is the one a later bootstrap would start from
  stop_node 3; stop_node 2; stop_node 1
}

start_all() {
  install_missing
  stop_all
  log "fresh work folder $WORK"
  find "$WORK" -mindepth 1 -maxdepth 1 ! -name 'secrets.env' -exec rm -rf {} +
  local n
  for n in 1 2 3; do write_node_config "$n"; done
  mariadb-install-db --no-defaults --datadir="$(node_dir 1)/data" --user=root --auth-root-authentication-method=socket \
    >"$(node_dir 1)/install.log" 2>&1 || die "mariadb-install-db failed, see $(node_dir 1)/install.log"
  start_node 1 --wsrep-new-cluster
  start_node 2
  start_node 3
  wait_cluster_size 1 3
  log "wsrep_cluster_size=3, wsrep_ready=ON"
  secrets
  node_sql 1 "CREATE DATABASE IF NOT EXISTS $DB_NAME CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
    CREATE USER IF NOT EXISTS '$DB_USER'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD';
    GRANT ALL ON $DB_NAME.* TO '$DB_USER'@'127.0.0.1';"
  build_jar
  # one after the other: the first runs the Flyway migrations, the second finds them applied
  start_tool 1
  start_tool 2
  start_nginx
  status
}

status() {
  local n
  for n in 1 2 3; do
    if [ -n "$(node_pid "$n")" ]; then
      echo "node $n: port $(db_port "$n"), $(node_status "$n" wsrep_local_state_comment), cluster size $(node_status "$n" wsrep_cluster_size), ready $(node_status "$n" wsrep_ready)"
    else echo "node $n: stopped"; fi
  done
  for n in 1 2; do
    echo "tool $n: port $(tool_port "$n"), $(curl -s "http://127.0.0.1:$(tool_port "$n")/actuator/health" 2>/dev/null || echo down)"
  done
  echo "nginx: port $NGINX_PORT, $([ -n "$(nginx_pid)" ] && echo running || echo stopped)"
}

sql() { # as the tool's database user, on the first running node
  secrets
  # the password by environment, not on a command line other users' ps shows
  MYSQL_PWD=$DB_PASSWORD mariadb --no-defaults -h127.0.0.1 -P"$(db_port "$(first_running_node)")" -u"$DB_USER" "$DB_NAME" -e "$1"
}

prepare_driver() {
  [ -f target/cluster-classpath.txt ] && [ -f target/test-classes/org/coachapproach/ops/ExactlyOnceDrill.class ] && return
  log "compiling the launch driver"
  mvn -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cluster-classpath.txt -Dmdep.includeScope=test
}

run_driver() { # run_driver <output> <seconds per level> <levels> <warm-up>: LaunchBenchmark through nginx
  timeout "${DRIVER_TIMEOUT:-0}" java -Dbench.registration-key="$REGISTRATION_SECRET" \
    -cp "target/test-classes:target/classes:$(cat target/cluster-classpath.txt)" \
    org.coachapproach.lti.LaunchBenchmark "http://127.0.0.1:$NGINX_PORT" "$2" "$3" "$4" >"$1" 2>&1
}

nonces() { sql "SELECT COUNT(*) FROM lti_used_nonce" | tail -n 1; }

report() { # report <driver output> <nonce rows before>
  cat "$1"
  # every launch that rendered its first page spent its nonce in the database
  local ok rows
  ok=$(awk -F'|' '/^warm-up/ || /^\| [0-9]/ { s += $3 } END { print s + 0 }' "$1")
  rows=$(( $(nonces) - $2 ))
  echo "launches OK (first page 200): $ok; failed: $(awk -F'|' '/^warm-up/ || /^\| [0-9]/ { s += $9 } END { print s + 0 }' "$1"); new lti_used_nonce rows: $rows (node $(first_running_node)); access_session rows: $(sql 'SELECT COUNT(*) FROM access_session' | tail -n 1)"
  echo "requests per instance (nginx log): $(awk '{ print $NF }' "$WORK/nginx/access.log" 2>/dev/null | sort | uniq -c | tr '\n' ' ')"
  awk '$2 == "/lti/login" && $4 != "login_state=-" { sub("login_state=", "", $4); started[$4] = $NF }
       $1 == "POST" && $2 == "/lti/launch" && $5 != "launch_state=-" { sub("launch_state=", "", $5); finished[$5] = $NF }
       END { for (s in finished) if (s in started) { if (started[s] == finished[s]) same++; else other++ }
             printf "launches (login and id_token POST joined by state): started and finished on the same instance %d, on the other instance %d\n", same, other }' \
    "$WORK/nginx/access.log"
  echo "nginx status codes: $(awk '{ print $3 }' "$WORK/nginx/access.log" | sort | uniq -c | tr '\n' ' ')"
}

fresh_access_log() { : >"$WORK/nginx/access.log"; } # nginx appends, so truncating is enough

launches() { # launches [seconds per level] [levels] [warm-up]
  secrets; prepare_driver; fresh_access_log
  local before; before=$(nonces)
  run_driver "$WORK/launches.out" "${1:-10}" "${2:-1,8}" "${3:-5}" || true
  report "$WORK/launches.out" "$before"
}

# top's first report counts from boot: the second, over 2 s, is the machine now (st = steal)
cpu_sample() { top -bn2 -d2 | grep 'Cpu(s)' | tail -n 1; }

drill() { # drill [clients] [Galera node to stop]: faults under launch load
  local clients=${1:-32} node=${2:-1}
  secrets; prepare_driver; fresh_access_log
  echo "date: $(date -u '+%F %T UTC'); $(nproc) cores; $(cpu_sample)"
  local before; before=$(nonces)
  run_driver "$WORK/drill.out" 200 "$clients" 5 &
  local driver=$!
  sleep 20
  log "DRILL: kill -9 tool 2"; kill_tool 2 KILL
  sleep 10
  log "DRILL: restart tool 2"; start_tool 2
  sleep 10
  log "DRILL: stop Galera node $node"; stop_node "$node"
  sleep 15
  log "DRILL: start Galera node $node"; start_node "$node"; wait_cluster_size "$node" 3
  grep -E 'IST received|Receiving IST|State transfer required|SST' "$(node_dir "$node")/error.log" | tail -n 4 || true
  log "DRILL: faults done, load runs on"
  echo "under load: $(cpu_sample)"
  wait "$driver" || true
  echo "after: $(cpu_sample)"
  report "$WORK/drill.out" "$before"
}

exactly_once() { # exactly-once [clients] [seconds] [drain]: faults under mixed load, then the counts
  local clients=${1:-32} seconds=${2:-150} drain=${3:-900} t0; t0=$(date +%s)
  secrets; prepare_driver; fresh_access_log
  [ -n "$(nginx_pid)" ] || die "the cluster is not running: ops/cluster/cluster.sh start"
  echo "date: $(date -u '+%F %T UTC'); $(nproc) cores; $(cpu_sample)"
  DB_PASSWORD=$DB_PASSWORD java -Ddrill.registration-key="$REGISTRATION_SECRET" \
    -Ddrill.jdbc="jdbc:mariadb:sequential://127.0.0.1:$(db_port 1),127.0.0.1:$(db_port 2),127.0.0.1:$(db_port 3)/$DB_NAME" \
    -Ddrill.db-user="$DB_USER" -cp "target/test-classes:target/classes:$(cat target/cluster-classpath.txt)" \
    org.coachapproach.ops.ExactlyOnceDrill "http://127.0.0.1:$NGINX_PORT" "$seconds" "$clients" "$(smtp_port)" "$drain" \
    >"$WORK/exactly-once.out" 2>&1 &
  local driver=$!
  sleep 20
  log "DRILL: kill -9 tool 2, restart it"; kill_tool 2 KILL
  start_tool 2 >"$WORK/tool2-restart.out" 2>&1 &
  local restart=$!
  sleep 15
  log "DRILL: kill -9 the mariadbd of Galera node 1 (the node both instances write through)"; kill_node 1
  sleep 10
  log "DRILL: start node 1"; start_node 1; wait_cluster_size 1 3
  grep -E 'IST received|Receiving IST|State transfer required|SST (complete|request)|WSREP_SST' "$(node_dir 1)/error.log" | tail -n 4 || true
  wait "$restart" && cat "$WORK/tool2-restart.out" || { cat "$WORK/tool2-restart.out"; die "tool 2 did not come back"; }
  log "DRILL: faults done, load runs on"
  echo "under load: $(cpu_sample)"
  local rc=0
  wait "$driver" || rc=$?
  cat "$WORK/exactly-once.out"
  echo "nginx status codes: $(awk '{ print $3 }' "$WORK/nginx/access.log" | sort | uniq -c | tr '\n' ' ')"
  echo "requests per instance (nginx log): $(awk '{ print $NF }' "$WORK/nginx/access.log" | sort | uniq -c | tr '\n' ' ')"
  log "exactly-once: $([ $rc = 0 ] && echo PASS || echo FAIL) in $(( $(date +%s) - t0 )) s"
  return "$rc"
}

health_line() { # health_line N: the tool's health status code and body, one line
  curl -s -m 10 -o /tmp/cluster-health.$$ -w '%{http_code}' "http://127.0.0.1:$(tool_port "$1")/actuator/health" 2>/dev/null || true
  echo " $(cat /tmp/cluster-health.$$ 2>/dev/null)"; rm -f /tmp/cluster-health.$$
}

quorum() { # quorum: two of three nodes crash; the last is non-primary; then they come back
  secrets; prepare_driver
  [ -n "$(nginx_pid)" ] || die "the cluster is not running: ops/cluster/cluster.sh start"
  local n before after
  before=$(sql "SELECT COUNT(*) FROM person" | tail -n 1); fresh_access_log
  log "QUORUM: kill -9 nodes 2 and 3 at once (a clean stop would shrink the cluster and keep node 1 primary)"
  kill -KILL "$(node_pid 2)" "$(node_pid 3)"
  sleep 10
  echo "node 1: $(node_status 1 wsrep_cluster_status), size $(node_status 1 wsrep_cluster_size), ready $(node_status 1 wsrep_ready)"
  for n in 1 2; do echo "tool $n health: $(health_line "$n")"; done
  echo "a launch through nginx (its registration first):"
  # timeout: the benchmark's platform server keeps its JVM alive after a failed registration
  DRIVER_TIMEOUT=90 run_driver "$WORK/quorum-launch.out" 5 1 0 || true
  grep -m 1 -o 'registration failed: [0-9]*' "$WORK/quorum-launch.out" || tail -n 3 "$WORK/quorum-launch.out"
  echo "nginx status codes while non-primary: $(awk '{ print $3 }' "$WORK/nginx/access.log" | sort | uniq -c | tr '\n' ' ')"
  # Galera does not make a primary component again from a minority on its own (nor from two
  # nodes of which one lost its state in the crash): the operator names the node with the
  # latest state (here the only survivor) primary, and the others rejoin it by state transfer.
  log "QUORUM: node 1 made primary again (pc.bootstrap=YES), then nodes 2 and 3 rejoin it"
  node_sql 1 "SET GLOBAL wsrep_provider_options='pc.bootstrap=YES'"
  sleep 5
  echo "node 1: $(node_status 1 wsrep_cluster_status), size $(node_status 1 wsrep_cluster_size), ready $(node_status 1 wsrep_ready)"
  for n in 1 2; do echo "tool $n health: $(health_line "$n")"; done
  start_node 2; start_node 3; wait_cluster_size 1 3
  echo "node 1: $(node_status 1 wsrep_cluster_status), size $(node_status 1 wsrep_cluster_size), ready $(node_status 1 wsrep_ready)"
  for n in 1 2; do echo "tool $n health: $(health_line "$n")"; done
  fresh_access_log
  run_driver "$WORK/quorum-after.out" 10 4 0 || true; cat "$WORK/quorum-after.out"
  after=$(sql "SELECT COUNT(*) FROM person" | tail -n 1)
  echo "person rows before $before, after $after; nginx status codes after recovery: $(awk '{ print $3 }' "$WORK/nginx/access.log" | sort | uniq -c | tr '\n' ' ')"
}

case "$COMMAND" in
  start) start_all ;;
  stop) stop_all; log "stopped" ;;
  status) status ;;
  launches) launches "$@" ;;
  drill) drill "$@" ;;
  exactly-once) exactly_once "$@" ;;
  quorum) quorum ;;
  node-stop) stop_node "${1:?node 1-3}" ;;
  node-start) start_node "${1:?node 1-3}"; wait_cluster_size "$1" 3 ;;
  tool-kill) kill_tool "${1:?tool 1-2}" KILL ;;
  tool-start) start_tool "${1:?tool 1-2}" ;;
  sql) sql "${1:?statement}" ;;
  nginx) start_nginx ;;
  *) sed -n '2,25p' "$0"; exit 2 ;;
esac
