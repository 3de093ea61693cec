#!/usr/bin/env bash
# Runs the benchmarks and writes benchmarks/RESULTS.md with the JMH JSON kept in benchmarks/results/.
#
#   benchmarks/run.sh short   # 100,000 articles; indexing measured on the first 5,000; ~1 hour on 2 cores
#   benchmarks/run.sh full    # 1,000,000 articles; indexing on the first 100,000; about 2.5 hours
#
# Steps (each can be re-run; generated data and built indexes are reused):
#   corpus   generate the corpus (seed 42) unless present
#   indexes  build the three search indexes once (reused by every search fork)
#   check    peer agreement on all query kinds (PeerCheck)
#   search   SearchBenchmark: search-t1 (throughput, 1 thread), latency-t1, search-t2 (throughput, 2 threads)
#   indexing IndexingBenchmark with IndexingProfiler (articles/s, bytes/article, peak heap)
#   open     OpenSearcherBenchmark (restart: open + first query)
#   report   RESULTS.md from the JSON
# Pass step names after the size to run only those: benchmarks/run.sh short search report
set -euo pipefail
self="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
cd "$(dirname "$self")"

. "../.ci/jdk.sh"
use_jdk21 run

size=${1:-short}
shift || true
steps=${*:-corpus indexes check search indexing open report}
case "$size" in
  short)
    articles=100000 data=data/c100k indexing=5000
    # Shorter measurement than the annotations' settings (the warm-up stays 5 x 2 s: less left
    # the JIT unfinished, see SearchBenchmark), so the whole run fits in about an hour.
    search_opts=(-wi 5 -w 2s -i 2 -r 2s)
    index_opts=(-wi 1 -i 2)
    t2_kinds=TERM_MEDIUM,KEYWORD_MONTH,KEYWORD_ENTITY,ENTITY_NEWEST,LATEST_ABOUT
    ;;
  full)
    articles=1000000 data=data/c1m indexing=100000
    # The annotations' search settings (5 x 2 s warm-up, 3 x 2 s measured). Indexing 100,000
    # articles takes 1-3 minutes per engine and setting, so one single shot each, no warm-up
    # shot (the JIT is warm after the first few thousand articles of the shot).
    search_opts=()
    index_opts=(-wi 0 -i 1)
    t2_kinds=TERM_MEDIUM,PHRASE,KEYWORD_WEEK,KEYWORD_MONTH,KEYWORD_YEAR,KEYWORD_ENTITY,KEYWORD_2_ENTITIES,ENTITY_NEWEST,LATEST_ABOUT,HIGHLIGHT
    ;;
  *) echo "usage: run.sh short|full [steps...]" >&2; exit 2 ;;
esac

jar=target/benchmarks.jar
jvm=(--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED)
out=results/$size
mkdir -p "$out"
[ -f "$jar" ] || { echo "build first: (cd benchmarks && mvn -B -ntp package)" >&2; exit 1; }

for step in $steps; do
  echo "== $step ($size) $(date -u +%H:%M:%S)"
  case "$step" in
    corpus)
      [ -d "$data/corpus" ] || java -cp "$jar" dev.dateline.bench.CorpusGenerator --articles "$articles" \
        --seed 42 --out "$data" --seed-text ../../shared/corpora/seed ;;
    indexes) java -Xmx3g "${jvm[@]}" -cp "$jar" dev.dateline.bench.Indexes "$data" | tee "$out/indexes.txt" ;;
    check) java "${jvm[@]}" -cp "$jar" dev.dateline.bench.PeerCheck "$data" | tee "$out/peer-check.md" ;;
    search) "$self" "$size" search-t1 latency-t1 search-t2 ;;
    search-t1)
      java -jar "$jar" 'SearchBenchmark.throughput' -p data="$data" -t 1 "${search_opts[@]}" \
        -rf json -rff "$out/search-throughput-t1.json" ;;
    latency-t1)
      java -jar "$jar" 'SearchBenchmark.latency' -p data="$data" -t 1 "${search_opts[@]}" \
        -rf json -rff "$out/search-latency-t1.json" ;;
    search-t2)
      java -jar "$jar" 'SearchBenchmark.throughput' -p data="$data" -t 2 -p kind="$t2_kinds" "${search_opts[@]}" \
        -rf json -rff "$out/search-throughput-t2.json" ;;
    indexing)
      java -jar "$jar" IndexingBenchmark -p data="$data" -p articles="$indexing" "${index_opts[@]}" \
        -prof dev.dateline.bench.IndexingProfiler -rf json -rff "$out/indexing.json" ;;
    open)
      java -jar "$jar" OpenSearcherBenchmark -p data="$data" -rf json -rff "$out/open.json" ;;
    report)
      java -cp "$jar" dev.dateline.bench.ResultsTable --strip-histograms "$out"/*.json > "$out/tables.md"
      echo "tables: $out/tables.md" ;;
    *) echo "unknown step $step" >&2; exit 2 ;;
  esac
done
