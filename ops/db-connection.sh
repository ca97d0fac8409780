# Sourced by ops/backup.sh and ops/restore.sh: the server to talk to and its client programs.
# Sets CLIENT_DIR (where mariadb and mariadb-dump are; empty: from PATH), CONNECTION (client
# options), DATABASE and, for the embedded server, KEYS_FILE. The password travels in MYSQL_PWD,
# never on a command line that ps would show.

MODE=embedded
DIRECTORY=./data/mariadb
PORT=
DATABASE=coachapproach
REPLACE=false
TARGET=

fail() {
	echo "$(basename "$0"): $*" >&2
	exit 2
}

while [ $# -gt 0 ]; do
	case "$1" in
		--embedded) [ $# -gt 1 ] || fail "--embedded needs the folder of coachapproach.embedded-db.directory"; MODE=embedded; DIRECTORY=$2; shift ;;
		--external) MODE=external ;;
		--port) [ $# -gt 1 ] || fail "--port needs a number"; PORT=$2; shift ;;
		--database) [ $# -gt 1 ] || fail "--database needs a name"; DATABASE=$2; shift ;;
		--replace) REPLACE=true ;;
		-h|--help) usage; exit 0 ;;
		-*) fail "unknown option $1 (see --help)" ;;
		*) [ -z "$TARGET" ] || fail "one backup folder only (see --help)"; TARGET=$1 ;;
	esac
	shift
done
[ -n "$TARGET" ] || { usage >&2; exit 2; }
case "$DATABASE" in
	*[!A-Za-z0-9_]*|'') fail "database name '$DATABASE': letters, digits and _ only" ;;
esac

if [ "$MODE" = embedded ]; then
	[ -d "$DIRECTORY/base/bin" ] || fail "no embedded MariaDB in $DIRECTORY (no base/bin): give the folder of coachapproach.embedded-db.directory"
	DIRECTORY=$(cd "$DIRECTORY" && pwd -P)
	CLIENT_DIR=$DIRECTORY/base/bin
	KEYS_FILE=$(dirname "$DIRECTORY")/keys.properties
	if [ -z "$PORT" ]; then
		# The tool starts the server on a free port; its command line names the data folder and port.
		# The folder may be named through a link (a checkout under the temporary directory), so
		# each server's data folder is compared after resolving it.
		PORT=$(ps -eo args= | grep -E "^[^ ]*mariadbd .*--datadir=" | while read -r line; do
			datadir=$(printf '%s\n' "$line" | sed -n 's/.*--datadir=\([^ ]*\).*/\1/p')
			[ -n "$datadir" ] && [ "$(cd "$datadir" 2>/dev/null && pwd -P)" = "$DIRECTORY/data" ] || continue
			printf '%s\n' "$line" | sed -n 's/.*--port=\([0-9][0-9]*\).*/\1/p'
		done | head -n 1)
		[ -n "$PORT" ] || fail "no MariaDB server running on $DIRECTORY/data: start the tool (its embedded server runs while it runs), or give --port"
	fi
	# Loopback only and without TLS, as the tool starts it; root needs no password there.
	CONNECTION="--protocol=tcp --host=127.0.0.1 --port=$PORT --user=root --skip-ssl"
	export MYSQL_PWD=
else
	CLIENT_DIR=
	KEYS_FILE=
	url=${SPRING_DATASOURCE_URL:-}
	[ -n "$url" ] || fail "--external reads SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD, as the tool does: SPRING_DATASOURCE_URL is not set"
	# jdbc:mariadb://host[:port][,more hosts]/database[?options]: the first host is used.
	rest=${url#jdbc:*//}
	[ "$rest" != "$url" ] || fail "SPRING_DATASOURCE_URL '$url' is not a jdbc:mariadb://host/database URL"
	hosts=${rest%%/*}
	host=${hosts%%,*}
	[ "$DATABASE" != coachapproach ] || { DATABASE=${rest#*/}; DATABASE=${DATABASE%%\?*}; }
	[ -n "$PORT" ] || { PORT=3306; case "$host" in *:*) PORT=${host##*:} ;; esac; }
	host=${host%%:*}
	CONNECTION="--protocol=tcp --host=$host --port=$PORT --user=${SPRING_DATASOURCE_USERNAME:-root} ${MARIADB_CLIENT_OPTIONS:-}"
	export MYSQL_PWD=${SPRING_DATASOURCE_PASSWORD:-}
fi

client() {
	"${CLIENT_DIR:+$CLIENT_DIR/}$1" "${@:2}"
}
