package dev.dateline.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Thread CPU time per query, engine by engine and kind by kind, interleaved in one JVM: a
 * diagnostic for a loaded machine, where wall-clock latency mostly measures the wait for a core
 * (JMH's figures stay the measurement). Each round runs every query of the kind once per engine,
 * engines alternating; after {@code warm} rounds it records the CPU nanoseconds of each query and
 * prints the median and 99th percentile per engine, and the first engine's median over each other's.
 *
 * <pre>
 * java -cp benchmarks.jar dev.dateline.bench.CpuProbe data/c100k DATELINE,LUCENE_TUNED \
 *     TERM_RARE,PHRASE [snippets] [warm rounds] [measured rounds]
 * </pre>
 *
 * <p>An engine written {@code ENGINE@dir} searches the index in {@code dir} instead of the data
 * directory's, so two copies of one engine's index (say, written with two codec settings) can be
 * compared query by query: {@code DATELINE,DATELINE@/tmp/copy}.
 */
public final class CpuProbe {
  private CpuProbe() {}

  /** One engine to probe: an engine on the data directory's index, or on another index directory. */
  private record Probe(String label, Engine engine, Path index) {
    /** {@code ENGINE} or {@code ENGINE@index-dir} (the same engine on another copy of its index). */
    static Probe parse(Path data, String spec) throws java.io.IOException {
      int at = spec.indexOf('@');
      Engine e = Engine.valueOf((at < 0 ? spec : spec.substring(0, at)).toUpperCase(Locale.ROOT));
      return at < 0 ? new Probe(e.name(), e, Indexes.get(data, e))
          : new Probe(spec, e, Path.of(spec.substring(at + 1)));
    }
  }

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    List<Probe> engines = new ArrayList<>();
    for (String spec : args[1].trim().split("[,\\s]+")) {
      engines.add(Probe.parse(data, spec));
    }
    Probe first = engines.get(0);
    List<BenchQuery.Kind> kinds = Arrays.stream(args[2].split(",")).map(BenchQuery.Kind::valueOf).toList();
    boolean snippets = args.length > 3 && Boolean.parseBoolean(args[3]);
    int warm = args.length > 4 ? Integer.parseInt(args[4]) : 200;
    int rounds = args.length > 5 ? Integer.parseInt(args[5]) : 100;
    QuerySets sets = QuerySets.derive(Corpus.read(Corpus.dir(data), SearchBenchmark.SAMPLE), SearchBenchmark.SEED);
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Map<Probe, Engine.Searcher> open = new java.util.LinkedHashMap<>();
    for (Probe p : engines) {
      open.put(p, p.engine().searcher(p.index()));
    }
    System.out.println("| kind | snippets | " + String.join(" | ",
        engines.stream().map(e -> e.label() + " p50 µs | " + e.label() + " p99 µs").toList())
        + " | p50 " + first.label() + " / each other |");
    System.out.println("|---|---|" + "---:|---:|".repeat(engines.size()) + "---:|");
    try {
      for (BenchQuery.Kind kind : kinds) {
        List<BenchQuery> qs = sets.of(kind);
        if (snippets) {
          qs = qs.stream().map(BenchQuery::withSnippets).toList();
        }
        Map<Probe, Engine.Prepared[]> prepared = new java.util.HashMap<>();
        for (Probe e : engines) {
          Engine.Prepared[] p = new Engine.Prepared[qs.size()];
          for (int i = 0; i < p.length; i++) {
            p[i] = open.get(e).prepare(qs.get(i));
          }
          prepared.put(e, p);
        }
        Map<Probe, long[]> cpu = new java.util.HashMap<>();
        for (Probe e : engines) {
          cpu.put(e, new long[rounds * qs.size()]);
        }
        for (int r = 0; r < warm + rounds; r++) {
          for (int i = 0; i < qs.size(); i++) {
            for (Probe e : engines) {
              long t0 = mx.getCurrentThreadCpuTime();
              open.get(e).search(prepared.get(e)[i]);
              long t = mx.getCurrentThreadCpuTime() - t0;
              if (r >= warm) {
                cpu.get(e)[(r - warm) * qs.size() + i] = t;
              }
            }
          }
        }
        StringBuilder row = new StringBuilder("| " + kind + " | " + snippets + " |");
        double base = Double.NaN;
        List<String> ratios = new ArrayList<>();
        for (Probe e : engines) {
          long[] v = cpu.get(e);
          Arrays.sort(v);
          double p50 = v[v.length / 2] / 1000.0;
          double p99 = v[(int) (v.length * 0.99)] / 1000.0;
          row.append(String.format(Locale.ROOT, " %.0f | %.0f |", p50, p99));
          if (Double.isNaN(base)) {
            base = p50;
          } else {
            ratios.add(String.format(Locale.ROOT, "%.2fx", base / p50));
          }
        }
        System.out.println(row.append(' ').append(String.join(", ", ratios)).append(" |"));
      }
    } finally {
      for (Engine.Searcher s : open.values()) {
        s.close();
      }
    }
  }
}
