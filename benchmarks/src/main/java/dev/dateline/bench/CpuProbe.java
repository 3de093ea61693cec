package dev.dateline.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
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
 */
public final class CpuProbe {
  private CpuProbe() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    List<Engine> engines = new ArrayList<>(PeerCheck.engines(args[1]));
    Engine first = Engine.valueOf(args[1].split("[,\\s]+")[0].toUpperCase(Locale.ROOT));
    engines.remove(first);
    engines.add(0, first);
    List<BenchQuery.Kind> kinds = Arrays.stream(args[2].split(",")).map(BenchQuery.Kind::valueOf).toList();
    boolean snippets = args.length > 3 && Boolean.parseBoolean(args[3]);
    int warm = args.length > 4 ? Integer.parseInt(args[4]) : 200;
    int rounds = args.length > 5 ? Integer.parseInt(args[5]) : 100;
    QuerySets sets = QuerySets.derive(Corpus.read(Corpus.dir(data), SearchBenchmark.SAMPLE), SearchBenchmark.SEED);
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Map<Engine, Engine.Searcher> open = PeerCheck.open(data, new java.util.LinkedHashSet<>(engines));
    System.out.println("| kind | snippets | " + String.join(" | ",
        engines.stream().map(e -> e + " p50 µs | " + e + " p99 µs").toList()) + " | p50 " + first + " / each other |");
    System.out.println("|---|---|" + "---:|---:|".repeat(engines.size()) + "---:|");
    try {
      for (BenchQuery.Kind kind : kinds) {
        List<BenchQuery> qs = sets.of(kind);
        if (snippets) {
          qs = qs.stream().map(BenchQuery::withSnippets).toList();
        }
        Map<Engine, Engine.Prepared[]> prepared = new EnumMap<>(Engine.class);
        for (Engine e : engines) {
          Engine.Prepared[] p = new Engine.Prepared[qs.size()];
          for (int i = 0; i < p.length; i++) {
            p[i] = open.get(e).prepare(qs.get(i));
          }
          prepared.put(e, p);
        }
        Map<Engine, long[]> cpu = new EnumMap<>(Engine.class);
        for (Engine e : engines) {
          cpu.put(e, new long[rounds * qs.size()]);
        }
        for (int r = 0; r < warm + rounds; r++) {
          for (int i = 0; i < qs.size(); i++) {
            for (Engine e : engines) {
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
        for (Engine e : engines) {
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
