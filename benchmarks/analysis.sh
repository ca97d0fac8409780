#!/usr/bin/env bash
# The pre/post statistics in memory (no database): 60 items and 6 scale scores, pre and post,
# for cohorts of 1,000 / 10,000 / 50,000 respondents, in a 256 MB heap.
# Usage: benchmarks/analysis.sh [respondents,...] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/bench-analysis
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-analysis/classpath.txt -Dmdep.includeScope=test
java -Xmx256m ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench-analysis/classpath.txt)" \
  org.coachapproach.assessment.analysis.AnalysisBenchmark "${1:-1000,10000,50000}" "${2:-9}"
