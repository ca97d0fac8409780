#!/usr/bin/env bash
# Reminder emails queued and handed to a local SMTP server (GreenMail, in the benchmark's JVM)
# per second, for a faculty list of 5,000: the tool runs in-process with its embedded MariaDB
# and its own background outbox sender.
# Usage: benchmarks/email.sh [faculty] [rate-per-second throttle]
set -euo pipefail
cd "$(dirname "$0")/.."
FACULTY=${1:-5000}
RATE=${2:-1000}
mkdir -p target/bench-email
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-email/classpath.txt -Dmdep.includeScope=test
java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench-email/classpath.txt)" \
  org.coachapproach.outreach.EmailBenchmark "$FACULTY" "$RATE" target/bench-email/mariadb
