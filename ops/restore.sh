#!/usr/bin/env bash
# Loads a backup of ops/backup.sh into a database (and puts the embedded server's keys back).
set -euo pipefail

usage() {
	cat <<'USAGE'
Usage: ops/restore.sh [--embedded DIR | --external] [--port N] [--database NAME] [--replace] FOLDER

Loads FOLDER/coachapproach.sql.gz (from ops/backup.sh) into the database. Servers and options as
for ops/backup.sh. The database must be empty or absent (it is created); --replace drops it
first. Restart the tool right after restoring into its own database: it keeps keys and
registrations in memory.

With --embedded and the tool's own database, FOLDER/keys.properties replaces the keys file
beside DIR; the one it replaces is kept as keys.properties.before-restore. Restoring into
another database (--database scratch, to check a backup) leaves the keys alone.
USAGE
}

. "$(dirname "$0")/db-connection.sh"

dump=$TARGET/coachapproach.sql.gz
[ -f "$dump" ] || fail "no $dump: give a folder written by ops/backup.sh"
gzip -t "$dump" || fail "$dump is damaged (gzip -t failed); nothing was changed"

sql() {
	# shellcheck disable=SC2086
	client mariadb $CONNECTION --batch --skip-column-names "$@"
}
tables=$(sql -e "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '$DATABASE'")
if [ "$tables" != 0 ]; then
	[ "$REPLACE" = true ] || fail "database $DATABASE holds $tables tables: give --replace to drop them first, or --database a new name; nothing was changed"
	sql -e "DROP DATABASE \`$DATABASE\`"
fi
sql -e "CREATE DATABASE IF NOT EXISTS \`$DATABASE\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
gzip -dc "$dump" | sql "$DATABASE"

if [ -n "$KEYS_FILE" ] && [ "$DATABASE" = coachapproach ] && [ -f "$TARGET/keys.properties" ]; then
	if [ -f "$KEYS_FILE" ] && ! cmp -s "$KEYS_FILE" "$TARGET/keys.properties"; then
		cp -p "$KEYS_FILE" "$KEYS_FILE.before-restore"
	fi
	(umask 077 && cp "$TARGET/keys.properties" "$KEYS_FILE")
	echo "Restored $DATABASE and $KEYS_FILE from $TARGET: restart the tool now"
else
	echo "Restored $DATABASE from $TARGET"
fi
