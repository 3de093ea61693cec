package dev.dateline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The on-disk indexes of a benchmark data directory, {@code <data>/index/<engine>}: built once from
 * the whole corpus (one thread, entities as given) and reused by every search fork. A marker file
 * written last tells a complete index from one whose build was interrupted.
 */
public final class Indexes {
  private static final String MARKER = "complete.txt";

  private Indexes() {}

  /** The index of {@code engine} for {@code data}, built first if missing or incomplete. */
  public static synchronized Path get(Path data, Engine engine) throws IOException {
    Path dir = data.resolve("index").resolve(engine.name().toLowerCase(Locale.ROOT));
    if (Files.exists(dir.resolve(MARKER))) {
      return dir;
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

  /** Builds the missing indexes of a data directory: {@code Indexes <data> [ENGINE...]}. */
  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: Indexes <data dir> [DATELINE|LUCENE|SQLITE ...]");
      System.exit(2);
    }
    Path data = Path.of(args[0]);
    Stream<Engine> engines = args.length == 1 ? Stream.of(Engine.values())
        : Stream.of(args).skip(1).map(a -> Engine.valueOf(a.toUpperCase(Locale.ROOT)));
    for (Engine e : engines.toList()) {
      Path dir = get(data, e);
      System.out.println(Files.readString(dir.resolve(MARKER)).strip());
    }
  }
}
