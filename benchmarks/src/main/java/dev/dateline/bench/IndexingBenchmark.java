package dev.dateline.bench;

import dev.dateline.Article;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Indexing into a fresh on-disk index: one operation indexes the first {@code articles} articles
 * of the corpus (held in memory, so JSON parsing is not measured) with {@code threads} threads and
 * closes the index (a durable commit). The score is seconds per operation; articles per second is
 * {@code articles / score}.
 *
 * <p>With {@code extract=true} the articles arrive without entities and each engine runs {@code
 * EntityExtractor.standard()} on them; with {@code false} they carry the generator's entities.
 *
 * <p>Run with {@link IndexingProfiler} to get, as secondary metrics, articles/s, final index
 * bytes per article and the peak heap in use:
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar IndexingBenchmark -p data=benchmarks/data/c100k \
 *     -p articles=20000 -prof dev.dateline.bench.IndexingProfiler -rf json -rff benchmarks/results/indexing.json
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {
    "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xms3g", "-Xmx3g"})
public class IndexingBenchmark {
  @Param("benchmarks/data/c10k")
  public String data;

  @Param("10000")
  public int articles;

  @Param({"DATELINE", "LUCENE", "LUCENE_TUNED", "SQLITE"})
  public Engine engine;

  @Param({"1", "2"})
  public int threads;

  @Param({"false", "true"})
  public boolean extract;

  private List<Article> corpus;
  private Path dir;

  @Setup(Level.Trial)
  public void load() throws IOException {
    List<Article> read = Corpus.read(Corpus.dir(Path.of(data)), articles);
    if (read.size() < articles) {
      throw new IllegalStateException("corpus has only " + read.size() + " articles, " + articles + " asked");
    }
    corpus = extract ? read.stream().map(a -> a.toBuilder().entities(List.of()).build()).toList() : read;
  }

  @Setup(Level.Iteration)
  public void freshIndex() throws IOException {
    Path tmp = Path.of(data).resolve("tmp");
    Files.createDirectories(tmp);
    dir = Files.createTempDirectory(tmp, "indexing-" + engine + "-");
    IndexingProfiler.iterationStarts();
  }

  @Benchmark
  public long index() throws Exception {
    try (Engine.Indexer w = engine.indexer(dir, extract)) {
      addAll(corpus, threads, w::add);
    }
    return corpus.size();
  }

  /** What an indexing benchmark adds one article with. */
  @FunctionalInterface
  interface Add {
    void add(Article article) throws Exception;
  }

  /**
   * Adds every article of {@code corpus} through {@code add}: in order on this thread, or taken in
   * turn by {@code threads} threads.
   */
  static void addAll(List<Article> corpus, int threads, Add add) throws Exception {
    if (threads == 1) {
      for (Article a : corpus) {
        add.add(a);
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Object>> done = pool.invokeAll(java.util.Collections.nCopies(threads, () -> {
        for (int i = next.getAndIncrement(); i < corpus.size(); i = next.getAndIncrement()) {
          add.add(corpus.get(i));
        }
        return null;
      }));
      for (Future<Object> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  @TearDown(Level.Iteration)
  public void measureAndDelete() throws IOException {
    IndexingProfiler.indexed(corpus.size(), Indexes.size(dir));
    Indexes.delete(dir);
  }
}
