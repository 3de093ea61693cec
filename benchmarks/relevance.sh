#!/usr/bin/env bash
# Relevance evaluation on the TIME test collection (../shared/corpora/time from the repository
# root): builds the library and the benchmarks as smoke.sh does, checks the measures against
# hand-computed values (TrecEvalCheck), then runs RelevanceEval and prints one Markdown table per
# topic set. The TREC run files go to benchmarks/target/relevance-runs/. Extra arguments go to
# RelevanceEval (e.g. --json, --systems dateline-or, --min-map-defaults 0.03, --data DIR);
# see benchmarks/results/relevance/RESULTS.md for the method. The builds and the progress lines
# go to standard error, so standard output is only the tables (or the JSON).
set -euo pipefail
cd "$(dirname "$0")/.."

. "./.ci/jdk.sh"
use_jdk21 relevance

# DATELINE_BUILD_DIR lets parallel checkouts build the library without colliding.
mvn -B -ntp -q install -DskipTests ${DATELINE_BUILD_DIR:+-Ddateline.buildDir=$DATELINE_BUILD_DIR} >&2
(cd benchmarks && mvn -B -ntp -q package) >&2

jar=benchmarks/target/benchmarks.jar
jvm=(--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED)
java -cp "$jar" dev.dateline.bench.quality.TrecEvalCheck >&2
java "${jvm[@]}" -cp "$jar" dev.dateline.bench.quality.RelevanceEval \
  --run-dir benchmarks/target/relevance-runs "$@"
