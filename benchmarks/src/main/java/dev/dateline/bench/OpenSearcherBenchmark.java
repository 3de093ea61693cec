package dev.dateline.bench;

import java.io.IOException;
import java.nio.file.Path;
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
 * Time to first result after a restart: open the on-disk index and run one query, in a fresh JVM
 * each time (one cold shot per fork, no warm-up), so class loading and interpretation count as
 * they do for a restarted application. The operating system's page cache is warm (the index was
 * just built or used); a cold disk would add its read time.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar OpenSearcherBenchmark -p data=benchmarks/data/c100k \
 *     -rf json -rff benchmarks/results/open.json
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 5, jvmArgsAppend = {
    "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xms2g", "-Xmx2g"})
public class OpenSearcherBenchmark {
  @Param("benchmarks/data/c10k")
  public String data;

  @Param({"DATELINE", "LUCENE", "LUCENE_TUNED", "SQLITE"})
  public Engine engine;

  private Path index;
  private Engine.Prepared first;
  private Engine.Searcher searcher;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Path dir = Path.of(data);
    index = Indexes.get(dir, engine);
    BenchQuery q = QuerySets.derive(Corpus.read(Corpus.dir(dir), SearchBenchmark.SAMPLE), SearchBenchmark.SEED)
        .of(BenchQuery.Kind.TERM_MEDIUM).get(0);
    first = new Engine.Prepared(q, null);
  }

  @Benchmark
  public Engine.Hits openAndSearch() throws IOException {
    searcher = engine.searcher(index);
    Engine.Hits hits = searcher.search(first);
    if (hits.hits().isEmpty()) {
      throw new IllegalStateException(engine + " finds nothing for " + first.query());
    }
    return hits;
  }

  @TearDown(Level.Iteration)
  public void close() throws IOException {
    if (searcher != null) {
      searcher.close();
      searcher = null;
    }
  }
}
