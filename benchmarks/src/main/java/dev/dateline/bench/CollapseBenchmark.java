package dev.dateline.bench;

import dev.dateline.Article;
import dev.dateline.EntityExtractor;
import dev.dateline.NewsIndex;
import dev.dateline.NewsQuery;
import dev.dateline.SortOrder;
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
 * A collapsed search (one hit per story) against the same search uncollapsed, on one index with
 * story detection on: Reuters-21578 repeated {@code times} times ({@link StoryArticles}; 5 times is
 * 107,885 articles). The index is built once into {@code benchmarks/data/stories-x<times>} (see
 * {@code indexes}) and reused. Each operation runs one query for the first page of 10 hits, with snippets off (they
 * cost the same either way), and reads the hits.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar CollapseBenchmark -rf json -rff benchmarks/results/stories/collapse.json
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {
    "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xms2g", "-Xmx2g"})
public class CollapseBenchmark {
  @Param(StoryArticles.REUTERS)
  public String data;

  @Param("5")
  public int times;

  /** How many of the articles to take before repeating them (0: all). */
  @Param("0")
  public int articles;

  /** Where the index is built (reused when already built). */
  @Param("benchmarks/data")
  public String indexes;

  /** The query: free text, then {@code |} and a sort order if not by relevance. */
  @Param({"oil prices", "trade deficit|NEWEST", "bank", "|NEWEST"})
  public String query;

  @Param({"false", "true"})
  public boolean collapse;

  private NewsIndex index;
  private NewsQuery q;

  @Setup(Level.Trial)
  public void open() throws IOException {
    Path dir = Path.of(indexes, "stories-x" + times + (articles > 0 ? "-" + articles : ""));
    if (!Files.isDirectory(dir) || !Files.exists(dir.resolve("built"))) {
      Indexes.delete(dir);
      Files.createDirectories(dir);
      NewsIndex.Options options =
          NewsIndex.Options.builder().entityExtractor(EntityExtractor.none()).stories(true).build();
      try (NewsIndex w = NewsIndex.open(dir, options)) {
        List<Article> all = StoryArticles.read(Path.of(data));
        if (articles > 0 && articles < all.size()) {
          all = all.subList(0, articles);
        }
        long added = 0;
        for (int t = 0; t < times; t++) {
          for (Article a : all) {
            w.add(StoryArticles.repetition(a, t));
            if (++added % 100_000 == 0) {
              System.err.printf("indexed %,d of %,d articles%n", added, (long) all.size() * times);
            }
          }
        }
      }
      Files.writeString(dir.resolve("built"), "complete\n");
    }
    index = NewsIndex.openReadOnly(dir, NewsIndex.Options.builder().entityExtractor(EntityExtractor.none()).build());
    String[] parts = query.split("\\|", -1);
    NewsQuery.Builder b = NewsQuery.builder().text(parts[0].isBlank() ? null : parts[0]).highlight(false).collapse(collapse);
    if (parts.length > 1) {
      b.sort(SortOrder.valueOf(parts[1]));
    }
    q = b.build();
  }

  @Benchmark
  public int search() {
    return index.search(q).hits().size();
  }

  @TearDown(Level.Trial)
  public void close() {
    index.close();
  }
}
