package dev.dateline.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Search on a warmed searcher: throughput ({@link #throughput}, ops/s) and latency distribution
 * ({@link #latency}, sampled, p50/p99 in ms) per query kind, for Dateline, raw Lucene (schema mirror and
 * hand-tuned) and SQLite FTS5 on the same on-disk corpus and queries. One operation is one query of the kind (the 16
 * queries of the kind in turn), including building the engine's query, searching, and loading the
 * fields of the hits (and snippets for {@code HIGHLIGHT}).
 *
 * <p>The indexes are built once per data directory (see {@link Indexes}) and reused by every fork.
 * {@link #setUp} opens all four (or the {@link #peers} given), checks with {@link PeerCheck} that
 * every query has hits and that the peers agree, then keeps only the measured engine open.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar SearchBenchmark -p data=benchmarks/data/c100k -t 1 \
 *     -rf json -rff benchmarks/results/search-t1.json
 * </pre>
 *
 * Use {@code -t 2} for two threads sharing one searcher; {@code -p kind=TERM_RARE,PHRASE} and
 * {@code -p engine=DATELINE} for a subset.
 *
 * <p>Warm-up is 10 s: on a loaded 2-core machine Dateline's throughput kept rising until about
 * 10 s into a fork (1,100 ops/s in the second 2-s iteration, 4,000-5,000 from the sixth on for
 * {@code LATEST_ABOUT} at 100k), while the JIT compiled its deeper call path; with the 4 s used
 * before, throughput medians came out 2-4x below what the sampled latencies implied.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {
    "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xms2g", "-Xmx2g"})
public class SearchBenchmark {
  /** Articles read from the start of the corpus to derive the queries from. */
  static final int SAMPLE = 5000;
  /** Seed of the query sets. */
  static final long SEED = 42;

  @Param("benchmarks/data/c10k")
  public String data;

  @Param({"DATELINE", "LUCENE", "LUCENE_TUNED", "SQLITE"})
  public Engine engine;

  /**
   * Whether every query asks for snippets ({@code true}), on top of its kind ({@code HIGHLIGHT}
   * always has them): {@code -p snippets=false,true} measures what snippets cost per kind. SQLite
   * cannot make snippets for a query without text ({@code ENTITY_NEWEST}): leave it out of {@link
   * #peers} for those.
   */
  @Param("false")
  public boolean snippets;

  @Param({
    "TERM_RARE", "TERM_MEDIUM", "TERM_COMMON", "TERMS_2_3", "TERMS_2_3_RANKED", "PHRASE", "HEADLINE", "KEYWORD_WEEK",
    "KEYWORD_MONTH", "KEYWORD_YEAR", "KEYWORD_ENTITY", "KEYWORD_2_ENTITIES", "ENTITY_NEWEST",
    "LATEST_ABOUT", "DEEP_PAGE", "HIGHLIGHT"
  })
  public BenchQuery.Kind kind;

  /**
   * The engines whose indexes {@link #setUp} opens for the peer check, separated by spaces (JMH
   * splits parameter values at commas): {@code -p peers="DATELINE LUCENE"} leaves SQLite out, so
   * its index need not be built (it takes longest at 1,000,000 articles). The measured engine is
   * always opened; peers not opened are not compared (see {@link PeerCheck#check}).
   */
  @Param("DATELINE LUCENE LUCENE_TUNED SQLITE")
  public String peers;

  private Engine.Searcher searcher;
  private Engine.Prepared[] queries;

  /** Each thread walks through the queries on its own, starting at a different one. */
  @State(Scope.Thread)
  public static class Turn {
    int next;

    @Setup(Level.Trial)
    public void start() {
      next = (int) (Thread.currentThread().threadId() % QuerySets.PER_KIND);
    }
  }

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Path dir = Path.of(data);
    List<BenchQuery> qs = QuerySets.derive(Corpus.read(Corpus.dir(dir), SAMPLE), SEED).of(kind);
    if (snippets) {
      qs = qs.stream().map(BenchQuery::withSnippets).toList();
    }
    Set<Engine> opened = PeerCheck.engines(peers);
    opened.add(engine);
    Map<Engine, Engine.Searcher> all = PeerCheck.open(dir, opened);
    try {
      PeerCheck.Agreement a = PeerCheck.check(all, qs);
      System.out.println(PeerCheck.header() + "\n" + PeerCheck.row(a));
    } finally {
      for (Map.Entry<Engine, Engine.Searcher> e : all.entrySet()) {
        if (e.getKey() != engine) {
          e.getValue().close();
        }
      }
    }
    searcher = all.get(engine);
    queries = new Engine.Prepared[qs.size()];
    for (int i = 0; i < qs.size(); i++) {
      queries[i] = searcher.prepare(qs.get(i));
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    searcher.close();
  }

  @Benchmark
  public Engine.Hits throughput(Turn turn) throws IOException {
    return searcher.search(queries[turn.next++ % queries.length]);
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Engine.Hits latency(Turn turn) throws IOException {
    return searcher.search(queries[turn.next++ % queries.length]);
  }
}
