#!/usr/bin/env bash
# Backs up the tool's database (and, with the embedded server, its keys file) into a folder.
set -euo pipefail

usage() {
	cat <<'USAGE'
Usage: ops/backup.sh [--embedded DIR | --external] [--port N] [--database NAME] FOLDER

Writes FOLDER/coachapproach.sql.gz: mariadb-dump --single-transaction --routines, a consistent
snapshot taken while the tool runs (InnoDB), which ops/restore.sh loads.

  --embedded DIR  the embedded server of coachapproach.embedded-db.directory (default
                  ./data/mariadb), found running by its data folder; its own mariadb-dump
                  (DIR/base/bin) is used. The tool must be running. Also copies the keys file
                  kept beside DIR (keys.properties) to FOLDER/keys.properties.
  --external      the server of SPRING_DATASOURCE_URL, _USERNAME, _PASSWORD (the tool's own
                  variables), with mariadb-dump from PATH; MARIADB_CLIENT_OPTIONS adds client
                  options (TLS, say). The keys then live in the environment: back them up from
                  your secret store, this script cannot see them.
  --port N        the server's port, instead of finding it
  --database NAME another database than the tool's
USAGE
}

. "$(dirname "$0")/db-connection.sh"

mkdir -p "$TARGET"
partial=$TARGET/coachapproach.sql.gz.partial
trap 'rm -f "$partial"' EXIT
# Written aside and moved into place, so a failed dump never passes for a backup.
# shellcheck disable=SC2086
client mariadb-dump $CONNECTION --single-transaction --routines --events --triggers --hex-blob \
	--default-character-set=utf8mb4 "$DATABASE" | gzip > "$partial"
mv "$partial" "$TARGET/coachapproach.sql.gz"

if [ -n "$KEYS_FILE" ]; then
	if [ -f "$KEYS_FILE" ]; then
		# Without them the restored signing keys and calendar links cannot be read.
		(umask 077 && cp "$KEYS_FILE" "$TARGET/keys.properties")
		echo "Backed up $DATABASE and $KEYS_FILE into $TARGET (it holds the tool's keys: keep it as a secret)"
	else
		echo "Backed up $DATABASE into $TARGET; no keys file at $KEYS_FILE (keys set in the environment?)"
	fi
else
	echo "Backed up $DATABASE into $TARGET; back up COACHAPPROACH_ASSESSMENT_PSEUDONYM_KEY, COACHAPPROACH_LTI_KEY_ENCRYPTION_KEY and COACHAPPROACH_OUTREACH_LINK_KEY from your secret store"
fi
