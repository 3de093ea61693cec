#!/usr/bin/env bash
# Benchmark smoke pass (CI calls it from .ci/run): builds the library and the benchmarks, then
# runs a seconds-long pass of every benchmark class, with one query kind per feature and each of
# the four engines (Dateline, raw Lucene mirroring its schema, tuned raw Lucene, SQLite FTS5), on
# a 2,000-article corpus (the story benchmarks on 500 Reuters-21578 articles), so that the
# benchmarks cannot rot. Not a measurement; then the relevance evaluation on the TIME collection
# when ../shared/corpora/time is there (a MAP regression guard). Exits non-zero on any failure,
# including a failed peer-agreement check or a MAP below the guard.
set -euo pipefail
cd "$(dirname "$0")/.."

. "./.ci/jdk.sh"
use_jdk21 smoke

# DATELINE_BUILD_DIR lets parallel checkouts build the library without colliding.
mvn -B -ntp -q install -DskipTests ${DATELINE_BUILD_DIR:+-Ddateline.buildDir=$DATELINE_BUILD_DIR}
(cd benchmarks && mvn -B -ntp -q package)

jar=benchmarks/target/benchmarks.jar
data=$(mktemp -d "${TMPDIR:-/tmp}/dateline-smoke.XXXXXX")
trap 'rm -rf "$data"' EXIT
jvm=(--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED)
once=(-f 1 -i 1 -r 1s -foe true -p "data=$data")
quick=("${once[@]}" -wi 1 -w 1s)

seed=../shared/corpora/seed
java -cp "$jar" dev.dateline.bench.CorpusGenerator --articles 2000 --seed 42 --out "$data" \
  $([ -d "$seed" ] && echo --seed-text "$seed")
java "${jvm[@]}" -cp "$jar" dev.dateline.bench.Indexes "$data"
java "${jvm[@]}" -cp "$jar" dev.dateline.bench.PeerCheck "$data"

# Relevance: the measures against hand-computed values, then the TIME collection as a regression
# guard. dateline-defaults (the ranked operator, with the stemming fixes) scored MAP 0.6834 on the
# natural-language topics when this was set (benchmarks/results/relevance/RESULTS.md); the
# threshold sits a little under that so only a real loss trips it. Raise it when ranking improves.
java -cp "$jar" dev.dateline.bench.quality.TrecEvalCheck
time_collection=../shared/corpora/time
if [ -f "$time_collection/time.jsonl" ]; then
  java "${jvm[@]}" -cp "$jar" dev.dateline.bench.quality.RelevanceEval --data "$time_collection" \
    --min-map-defaults 0.68
else
  echo "smoke: relevance evaluation skipped: no TIME collection at $time_collection"
fi

java -jar "$jar" 'SearchBenchmark.throughput' "${quick[@]}" -p kind=KEYWORD_ENTITY,HIGHLIGHT -p snippets=false,true \
  -rf json -rff "$data/search.json"
java -jar "$jar" 'SearchBenchmark.latency' "${quick[@]}" -p kind=ENTITY_NEWEST -p engine=DATELINE \
  -rf json -rff "$data/latency.json"
java -jar "$jar" IndexingBenchmark "${once[@]}" -wi 0 -p articles=500 -p threads=2 -p extract=true \
  -prof dev.dateline.bench.IndexingProfiler -rf json -rff "$data/indexing.json"
java -jar "$jar" FacetBenchmark "${quick[@]}" -rf json -rff "$data/facets.json"
java -jar "$jar" ExtractionBenchmark "${quick[@]}" -p articles=200 -rf json -rff "$data/extraction.json"
java -jar "$jar" OpenSearcherBenchmark -f 1 -foe true -p "data=$data" -p engine=DATELINE,LUCENE_TUNED -rf json -rff "$data/open.json"
java "${jvm[@]}" -cp "$jar" dev.dateline.bench.OpenHeap "$data" DATELINE
# Merged after the bulk load (NewsIndex.forceMerge and the raw peers' own merge): the peers
# must still agree.
java "${jvm[@]}" -cp "$jar" dev.dateline.bench.Indexes "$data" --merge 1 DATELINE LUCENE LUCENE_TUNED
java "${jvm[@]}" -cp "$jar" dev.dateline.bench.PeerCheck "$data" DATELINE LUCENE LUCENE_TUNED
java "${jvm[@]}" -cp "$jar" dev.dateline.bench.PageDump "$data" 2 > "$data/pages.txt"
java "${jvm[@]}" -cp "$jar" dev.dateline.bench.PageDump "$data" 1 full > "$data/pages-full.txt"
# Where the bytes go, per field and kind of data, in both Lucene engines' merged indexes.
java "${jvm[@]}" -cp "$jar" dev.dateline.bench.IndexBreakdown "$data/index/dateline" --best-compression > "$data/breakdown.txt"
java "${jvm[@]}" -cp "$jar" dev.dateline.bench.IndexBreakdown "$data/index/lucene_tuned" >> "$data/breakdown.txt"

# Story benchmarks (their JSON kept apart from the table below): detection on and off, collapse.
reuters=../shared/corpora/reuters21578/reuters21578.jsonl.gz
if [ -f "$reuters" ]; then
  mkdir -p "$data/stories"
  story=(-f 1 -i 1 -r 1s -foe true -p "data=$reuters")
  java -jar "$jar" StoryDetectionBenchmark "${story[@]}" -wi 0 -p articles=500 -p threads=2 \
    -prof dev.dateline.bench.IndexingProfiler -rf json -rff "$data/stories/indexing.json"
  java -jar "$jar" CollapseBenchmark "${story[@]}" -wi 1 -w 1s -p articles=500 -p times=2 \
    -p "indexes=$data/stories" -p 'query=oil prices' -rf json -rff "$data/stories/collapse.json"
else
  echo "smoke: story benchmarks skipped: no Reuters-21578 at $reuters"
fi
java -cp "$jar" dev.dateline.bench.ResultsTable "$data"/*.json
echo "smoke: ok"
