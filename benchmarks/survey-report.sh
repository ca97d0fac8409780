#!/usr/bin/env bash
# The full pre/post survey report (60 items, 2 waves, Holm-adjusted p, response rates, JSON)
# from the embedded MariaDB at several cohort sizes, in a JVM limited to 256 MB of heap, with 10 %
# of answer cells blank (BENCH_JAVA_OPTS=-Dcoachapproach.bench.missing=0 for none).
# Usage: benchmarks/survey-report.sh [sizes, e.g. 1000,10000,50000]
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${1:-1000,10000,50000}
OUT=target/bench-survey-report
mkdir -p "$OUT"
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt" -Dmdep.includeScope=test
[ -n "${KEEP_DB:-}" ] || rm -rf "$OUT/mariadb"
java -Xmx256m ${BENCH_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat "$OUT/classpath.txt")" \
  org.coachapproach.assessment.SurveyReportBenchmark "$SIZES" "$OUT/mariadb"
