#!/usr/bin/env bash
# Relevance evaluation on the Reuters-21578 judged set (benchmarks/results/relevance/reuters/;
# collection in ../shared/corpora/reuters21578 from the repository root): builds the library and
# the benchmarks as relevance.sh does, checks the measures against hand-computed values
# (TrecEvalCheck), then runs `ReutersEval eval` and prints one Markdown table per query form
# (title, description). Run files go to benchmarks/target/reuters-runs/. Extra arguments go to
# ReutersEval (e.g. --systems dateline-defaults,bm25-headline-body, --data DIR); to list and write
# packets for stories the current rankings put in their top 20 that have no judgment yet, run
# `bash benchmarks/reuters.sh pool-add` (packets in /tmp/reuters-judge-add). See
# benchmarks/results/relevance/reuters/RESULTS.md for the method. Builds and progress go to
# standard error, so standard output is only the tables.
set -euo pipefail
cd "$(dirname "$0")/.."

. "./.ci/jdk.sh"
use_jdk21 reuters

command=eval
if [ "${1:-}" = pool-add ] || [ "${1:-}" = eval ] || [ "${1:-}" = pool ]; then
  command=$1
  shift
fi

# DATELINE_BUILD_DIR and MAVEN_REPO_LOCAL let parallel checkouts build without colliding.
mvn_args=(-B -ntp -q ${MAVEN_REPO_LOCAL:+-Dmaven.repo.local=$MAVEN_REPO_LOCAL})
mvn "${mvn_args[@]}" install -DskipTests ${DATELINE_BUILD_DIR:+-Ddateline.buildDir=$DATELINE_BUILD_DIR} >&2
(cd benchmarks && mvn "${mvn_args[@]}" package) >&2

jar=benchmarks/target/benchmarks.jar
jvm=(--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED)
java -cp "$jar" dev.dateline.bench.quality.TrecEvalCheck >&2
if [ "$command" = eval ]; then
  set -- --run-dir benchmarks/target/reuters-runs "$@"
fi
java "${jvm[@]}" -cp "$jar" dev.dateline.bench.quality.ReutersEval "$command" "$@"
