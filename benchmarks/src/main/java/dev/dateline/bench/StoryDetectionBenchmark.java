package dev.dateline.bench;

import dev.dateline.Article;
import dev.dateline.EntityExtractor;
import dev.dateline.NewsIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
 * The cost of story detection at index time: one operation indexes the Reuters-21578 articles
 * ({@link StoryArticles}, held in memory; entity extraction off, so detection is compared with the
 * rest of indexing rather than with the extractor) into a fresh on-disk index with {@code threads}
 * threads and closes it (a durable commit), with story detection off and on. Run with {@link
 * IndexingProfiler} for the index's bytes per article:
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar StoryDetectionBenchmark \
 *     -prof dev.dateline.bench.IndexingProfiler -rf json -rff benchmarks/results/stories/indexing.json
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {
    "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xms2g", "-Xmx2g"})
public class StoryDetectionBenchmark {
  @Param(StoryArticles.REUTERS)
  public String data;

  /** How many of the articles to index (0: all). */
  @Param("0")
  public int articles;

  @Param({"false", "true"})
  public boolean stories;

  @Param({"1", "2"})
  public int threads;

  private List<Article> corpus;
  private Path dir;

  @Setup(Level.Trial)
  public void load() throws IOException {
    List<Article> all = StoryArticles.read(Path.of(data));
    corpus = articles > 0 && articles < all.size() ? all.subList(0, articles) : all;
  }

  @Setup(Level.Iteration)
  public void freshIndex() throws IOException {
    dir = Files.createTempDirectory("story-indexing-" + stories + "-");
    IndexingProfiler.iterationStarts();
  }

  @Benchmark
  public long index() throws Exception {
    NewsIndex.Options options =
        NewsIndex.Options.builder().entityExtractor(EntityExtractor.none()).stories(stories).build();
    try (NewsIndex index = NewsIndex.open(dir, options)) {
      IndexingBenchmark.addAll(corpus, threads, index::add);
    }
    return corpus.size();
  }

  @TearDown(Level.Iteration)
  public void measureAndDelete() throws IOException {
    IndexingProfiler.indexed(corpus.size(), Indexes.size(dir));
    Indexes.delete(dir);
  }
}
