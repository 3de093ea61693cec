package dev.dateline.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Heap an open index holds: opens an engine's index of {@code DIR} and runs one first query (as
 * {@link OpenSearcherBenchmark} does, which times it), then reports the Java heap in use after
 * full collections, less the heap in use before opening. Run one engine per JVM (a fresh process
 * per measurement, as for a restart); the JVM flags are the caller's ({@code -Xmx} bounds what is
 * measured, it does not change it).
 *
 * <pre>
 * java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Xmx2g \
 *     -cp benchmarks/target/benchmarks.jar dev.dateline.bench.OpenHeap DIR DATELINE
 * </pre>
 *
 * <p>Prints one line: engine, milliseconds to open and answer the first query, heap before and
 * after (MB), the difference, and the index's size on disk (MB).
 */
public final class OpenHeap {
  private OpenHeap() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: OpenHeap DIR ENGINE");
      System.exit(2);
    }
    Path data = Path.of(args[0]);
    Engine engine = Engine.valueOf(args[1]);
    Path index = Indexes.get(data, engine);
    BenchQuery q =
        QuerySets.derive(Corpus.read(Corpus.dir(data), SearchBenchmark.SAMPLE), SearchBenchmark.SEED)
            .of(BenchQuery.Kind.TERM_MEDIUM)
            .get(0);
    Engine.Prepared first = new Engine.Prepared(q, null);
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long before = settledHeap(memory);
    long start = System.nanoTime();
    try (Engine.Searcher searcher = engine.searcher(index)) {
      List<?> hits = searcher.search(first).hits();
      long millis = (System.nanoTime() - start) / 1_000_000;
      if (hits.isEmpty()) {
        throw new IllegalStateException(engine + " finds nothing for " + q);
      }
      long after = settledHeap(memory);
      System.out.printf(
          Locale.ROOT,
          "%s open+first query %d ms, heap before %.1f MB, after %.1f MB, held by the open index"
              + " %.1f MB, index on disk %.1f MB%n",
          engine, millis, before / 1e6, after / 1e6, (after - before) / 1e6,
          Indexes.size(index) / 1e6);
    }
  }

  /** Heap in use after full collections, once it stops falling. */
  private static long settledHeap(MemoryMXBean memory) throws InterruptedException {
    long last = Long.MAX_VALUE;
    for (int i = 0; i < 10; i++) {
      System.gc();
      Thread.sleep(100);
      long used = memory.getHeapMemoryUsage().getUsed();
      if (used >= last - (1 << 20)) {
        return Math.min(used, last);
      }
      last = used;
    }
    return last;
  }
}
