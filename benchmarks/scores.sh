#!/usr/bin/env bash
# Scores delivered per second through the AGS outbox to a loopback platform endpoint, and the
# time to sign a deep-linking response; the tool runs in-process in a 512 MB heap.
# Usage: benchmarks/scores.sh [scores per round] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/bench-scores
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-scores/classpath.txt -Dmdep.includeScope=test
java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench-scores/classpath.txt)" \
  org.coachapproach.lti.services.ScoreOutboxBenchmark "${1:-2000}" "${2:-3}"
