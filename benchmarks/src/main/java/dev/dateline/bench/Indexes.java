package dev.dateline.bench;

import dev.dateline.EntityExtractor;
import dev.dateline.IndexException;
import dev.dateline.NewsIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.Sort;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The on-disk indexes of a benchmark data directory, {@code <data>/index/<engine>}: built once from
 * the whole corpus (one thread, entities as given) and reused by every search fork. A marker file
 * written last tells a complete index from one whose build was interrupted.
 */
public final class Indexes {
  private static final String MARKER = "complete.txt";

  private Indexes() {}

  /**
   * The index of {@code engine} for {@code data}, built first if missing or incomplete, or (for
   * Dateline) if this build of the library refuses it, as it does an index of an older format.
   */
  public static synchronized Path get(Path data, Engine engine) throws IOException {
    Path dir = data.resolve("index").resolve(engine.name().toLowerCase(Locale.ROOT));
    if (Files.exists(dir.resolve(MARKER))) {
      String refused = engine == Engine.DATELINE ? refusal(dir) : null;
      if (refused == null) {
        return dir;
      }
      System.out.println("rebuilding " + dir + ": " + refused);
    }
    delete(dir);
    Files.createDirectories(dir);
    long start = System.nanoTime();
    int[] n = {0};
    try (Engine.Indexer w = engine.indexer(dir, false)) {
      Corpus.forEach(Corpus.dir(data), -1, a -> {
        try {
          w.add(a);
          n[0]++;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long bytes = size(dir);
    String summary = String.format(Locale.ROOT,
        "%s: %,d articles in %.1f s (%,.0f articles/s, 1 thread, reading JSONL included), %,d bytes (%,.0f bytes/article)",
        engine, n[0], seconds, n[0] / seconds, bytes, bytes / (double) n[0]);
    Files.writeString(dir.resolve(MARKER), summary + "\n");
    System.out.println("built " + summary);
    return dir;
  }

  /** Why this library cannot open the Dateline index in {@code dir}, or null when it can. */
  private static String refusal(Path dir) {
    try (NewsIndex index = NewsIndex.openReadOnly(dir, NewsIndex.Options.builder()
        .entityExtractor(EntityExtractor.none()).build())) {
      return null;
    } catch (IndexException e) {
      return e.getMessage();
    }
  }

  /** Total size of the files under {@code dir}. */
  public static long size(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().equals(MARKER))
          .mapToLong(p -> p.toFile().length())
          .sum();
    }
  }

  public static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /**
   * Merges the index of {@code engine} for {@code data} into at most {@code maxSegments} segments,
   * as after a bulk load: Dateline through its API ({@code NewsIndex.forceMerge}), the raw Lucene
   * peers with an {@code IndexWriter} of their own index sort. SQLite FTS5 has no segments: skipped.
   *
   * @return what was done, one line
   */
  public static String merge(Path data, Engine engine, int maxSegments) throws IOException {
    Path dir = get(data, engine);
    long start = System.nanoTime();
    int before = segments(dir);
    switch (engine) {
      case DATELINE -> {
        try (NewsIndex index = NewsIndex.open(dir, NewsIndex.Options.builder()
            .entityExtractor(EntityExtractor.none()).build())) {
          index.forceMerge(maxSegments);
        }
      }
      case LUCENE -> luceneMerge(dir, LuceneEngine.sort(true), maxSegments);
      case LUCENE_TUNED -> luceneMerge(dir, TunedLuceneEngine.newestFirst(), maxSegments);
      case SQLITE -> {
        return engine + ": no segments to merge";
      }
    }
    return String.format(Locale.ROOT, "%s: %d segments merged into %d in %.1f s, %,d bytes",
        engine, before, segments(dir), (System.nanoTime() - start) / 1e9, size(dir));
  }

  private static void luceneMerge(Path dir, Sort indexSort, int maxSegments) throws IOException {
    try (Directory d = FSDirectory.open(dir);
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig().setIndexSort(indexSort))) {
      w.forceMerge(maxSegments);
      w.commit();
    }
  }

  private static int segments(Path dir) throws IOException {
    try (Directory d = FSDirectory.open(dir)) {
      return SegmentInfos.readLatestCommit(d).size();
    }
  }

  /**
   * Builds the missing indexes of a data directory: {@code Indexes <data> [--merge N] [ENGINE...]};
   * with {@code --merge N}, then merges each (built or found) into at most N segments.
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: Indexes <data dir> [--merge N] [DATELINE|LUCENE|LUCENE_TUNED|SQLITE ...]");
      System.exit(2);
    }
    Path data = Path.of(args[0]);
    int merge = 0;
    List<String> names = new ArrayList<>(List.of(args).subList(1, args.length));
    if (!names.isEmpty() && names.get(0).equals("--merge")) {
      merge = Integer.parseInt(names.get(1));
      names = names.subList(2, names.size());
    }
    Stream<Engine> engines = names.isEmpty() ? Stream.of(Engine.values())
        : names.stream().map(a -> Engine.valueOf(a.toUpperCase(Locale.ROOT)));
    for (Engine e : engines.toList()) {
      Path dir = get(data, e);
      System.out.println(Files.readString(dir.resolve(MARKER)).strip());
      if (merge > 0) {
        System.out.println(merge(data, e, merge));
      }
    }
  }
}
