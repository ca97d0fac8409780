#!/usr/bin/env bash
# Matching engine: random pools of mentees against mentors of capacity 1-3, in a JVM capped at
# a 512 MB heap (a run that needs more fails with OutOfMemoryError). No server is started.
# Usage: benchmarks/matching.sh [mentors] [mentee counts...]   (defaults: 1000; 100 250 500 1000 2000)
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/bench-matching
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-matching/classpath.txt -Dmdep.includeScope=test
java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench-matching/classpath.txt)" \
  org.coachapproach.matching.engine.MatchingBenchmark "$@"
