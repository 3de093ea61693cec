package dev.dateline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dateline.Article;
import dev.dateline.Entity;
import dev.dateline.EntityExtractor;
import dev.dateline.bench.ner.EntityEval;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Entity extraction latency, one thread: one operation is {@code EntityExtractor.standard()} on
 * one article of about 800 characters (its headline and the first ~800 characters of its body, cut
 * at a space), the articles taken in turn from a list of {@code articles}. Sampled, so the JMH
 * output gives the median and p99 per article.
 *
 * <p>{@code source} is a Dateline JSON Lines file (gzip or not): by default the Reuters-21578 wire
 * stories in {@code ../shared/corpora}; when that file is absent the generated corpus in {@code
 * data} is used instead (the smoke pass), and the run says so on stderr.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ExtractionBenchmark -rf json -rff benchmarks/results/extraction.json
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {
    "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xms1g", "-Xmx1g"})
public class ExtractionBenchmark {
  private static final int LENGTH = 800;

  @Param("../shared/corpora/reuters21578/reuters21578.jsonl.gz")
  public String source;

  @Param("benchmarks/data/c10k")
  public String data;

  @Param("2000")
  public int articles;

  private final EntityExtractor extractor = EntityExtractor.standard();
  private List<Article> list;
  private int next;

  @Setup(Level.Trial)
  public void load() throws IOException {
    Path file = Path.of(source);
    List<Article> read;
    if (Files.isRegularFile(file)) {
      read = readJsonLines(file, articles * 3);
    } else {
      System.err.println("ExtractionBenchmark: " + source + " not found; using the generated corpus in " + data);
      read = Corpus.read(Corpus.dir(Path.of(data)), articles * 3);
    }
    list = new ArrayList<>();
    for (Article a : read) {
      String body = String.join("\n", a.body());
      if (body.length() < LENGTH) {
        continue;
      }
      int cut = body.lastIndexOf(' ', LENGTH);
      list.add(a.toBuilder().entities(List.of())
          .body(List.of(body.substring(0, cut > 0 ? cut : LENGTH))).build());
      if (list.size() == articles) {
        break;
      }
    }
    if (list.isEmpty()) {
      throw new IllegalStateException("no article of " + LENGTH + " characters or more in " + file);
    }
  }

  @Benchmark
  public List<Entity> extract() {
    Article a = list.get(next);
    next = next + 1 == list.size() ? 0 : next + 1;
    return extractor.extract(a);
  }

  /** Articles of a Dateline JSON Lines file (headline, dateline and body are what extraction reads). */
  static List<Article> readJsonLines(Path file, int max) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Article> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        file.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(file))
            : Files.newInputStream(file), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null && out.size() < max) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode j = json.readTree(line);
        if (!j.hasNonNull("id") || !j.has("body")) {
          continue;
        }
        try {
          out.add(EntityEval.article(j));
        } catch (RuntimeException e) {
          // an article the builder refuses (no body text): skipped, as indexing would
        }
      }
    }
    return out;
  }
}
