package dev.dateline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Turns JMH JSON results into Markdown tables: search throughput (median of iterations) and
 * latency (p50, p99) per query kind and thread count for the three engines with the ratios
 * Dateline/raw Lucene and Dateline/SQLite; indexing throughput, bytes per article and peak heap;
 * time to first result after a restart.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.dateline.bench.ResultsTable benchmarks/results/*.json
 * </pre>
 */
public final class ResultsTable {
  private static final String[] ENGINES = {"DATELINE", "LUCENE", "SQLITE"};

  private final List<JsonNode> runs = new ArrayList<>();

  private ResultsTable(List<Path> files) throws IOException {
    ObjectMapper json = new ObjectMapper();
    for (Path f : files) {
      json.readTree(f.toFile()).forEach(runs::add);
    }
  }

  /**
   * Prints the tables for the given JSON files or directories. With {@code --strip-histograms}
   * first, also rewrites the files without the sampled-latency histograms (megabytes; the
   * percentiles stay), to keep results small enough to commit.
   */
  public static void main(String[] args) throws IOException {
    List<Path> files = new ArrayList<>();
    boolean strip = args.length > 0 && args[0].equals("--strip-histograms");
    for (String a : strip ? Arrays.copyOfRange(args, 1, args.length) : args) {
      Path p = Path.of(a);
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.list(p)) {
          s.filter(f -> f.toString().endsWith(".json")).sorted().forEach(files::add);
        }
      } else {
        files.add(p);
      }
    }
    if (strip) {
      stripHistograms(files);
    }
    System.out.print(new ResultsTable(files).markdown());
  }

  private static void stripHistograms(List<Path> files) throws IOException {
    ObjectMapper json = new ObjectMapper();
    for (Path f : files) {
      JsonNode root = json.readTree(f.toFile());
      boolean changed = false;
      for (JsonNode run : root) {
        JsonNode metric = run.path("primaryMetric");
        if (metric instanceof com.fasterxml.jackson.databind.node.ObjectNode o && o.has("rawDataHistogram")) {
          o.remove("rawDataHistogram");
          changed = true;
        }
      }
      if (changed) {
        json.writerWithDefaultPrettyPrinter().writeValue(f.toFile(), root);
      }
    }
  }

  String markdown() {
    StringBuilder out = new StringBuilder();
    settings(out);
    search(out);
    indexing(out);
    open(out);
    return out.toString();
  }

  private void settings(StringBuilder out) {
    Set<String> lines = new LinkedHashSet<>();
    for (JsonNode r : runs) {
      lines.add(String.format(Locale.ROOT, "- `%s`: JMH %s, %s %s, forks %d, warm-up %d x %s, measurement %d x %s, JVM args `%s`",
          shortName(r), r.path("jmhVersion").asText(), r.path("vmName").asText(), r.path("jdkVersion").asText(),
          r.path("forks").asInt(), r.path("warmupIterations").asInt(), r.path("warmupTime").asText(),
          r.path("measurementIterations").asInt(), r.path("measurementTime").asText(),
          String.join(" ", strings(r.path("jvmArgs")))));
    }
    out.append("### Settings\n\n");
    lines.forEach(l -> out.append(l).append('\n'));
    out.append('\n');
  }

  private void search(StringBuilder out) {
    Set<Integer> threads = new TreeSet<>();
    Set<String> kinds = new LinkedHashSet<>();
    for (JsonNode r : runs) {
      if (r.path("benchmark").asText().contains("SearchBenchmark")) {
        threads.add(r.path("threads").asInt());
        kinds.add(r.path("params").path("kind").asText());
      }
    }
    for (int t : threads) {
      if (kinds.stream().anyMatch(k -> find("SearchBenchmark.throughput", t, "kind", k, "engine", "DATELINE") != null)) {
        throughput(out, t, kinds);
      }
      if (kinds.stream().anyMatch(k -> find("SearchBenchmark.latency", t, "kind", k, "engine", "DATELINE") != null)) {
        latency(out, t, kinds);
        tuned(out, t, kinds);
      }
    }
  }

  /**
   * Dateline against the tuned Lucene peer (sampled latency), snippets off, and Dateline with
   * snippets on (the {@code snippets} parameter) against itself off: the goals of issue 12.
   */
  private void tuned(StringBuilder out, int t, Set<String> kinds) {
    if (kinds.stream().noneMatch(k -> latencyOf(t, k, "LUCENE_TUNED", "false") != null)) {
      return;
    }
    out.append("### Dateline vs tuned Lucene, ").append(t).append(t == 1 ? " thread" : " threads")
        .append(" (ms, p50 / p99 of sampled operations; snippets off unless said)\n\n")
        .append("| kind | Dateline p50 | Dateline p99 | tuned p50 | tuned p99 | p50 Dateline/tuned "
            + "| p99 Dateline/tuned | Dateline snippets on p50 | p99 | p50 on/off | tuned snippets on p50 |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (String kind : kinds) {
      double[] d = pct(latencyOf(t, kind, "DATELINE", "false"));
      double[] u = pct(latencyOf(t, kind, "LUCENE_TUNED", "false"));
      double[] on = pct(latencyOf(t, kind, "DATELINE", "true"));
      double[] uon = pct(latencyOf(t, kind, "LUCENE_TUNED", "true"));
      if (Double.isNaN(d[0]) && Double.isNaN(u[0])) {
        continue;
      }
      out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", kind,
          ms(d[0]), ms(d[1]), ms(u[0]), ms(u[1]), ratio(d[0], u[0]), ratio(d[1], u[1]), ms(on[0]), ms(on[1]),
          ratio(on[0], d[0]), ms(uon[0])));
    }
    out.append('\n');
  }

  private JsonNode latencyOf(int t, String kind, String engine, String snippets) {
    JsonNode r = find("SearchBenchmark.latency", t, "kind", kind, "engine", engine, "snippets", snippets);
    if (r == null && snippets.equals("false")) {
      r = find("SearchBenchmark.latency", t, "kind", kind, "engine", engine);
    }
    return r;
  }

  private static double[] pct(JsonNode r) {
    JsonNode pct = r == null ? null : r.path("primaryMetric").path("scorePercentiles");
    return pct == null ? new double[] {Double.NaN, Double.NaN}
        : new double[] {pct.path("50.0").asDouble(), pct.path("99.0").asDouble()};
  }

  private void throughput(StringBuilder out, int t, Set<String> kinds) {
    out.append("### Search throughput, ").append(t).append(t == 1 ? " thread" : " threads")
        .append(" (ops/s, median of iterations; higher is better)\n\n")
        .append("| kind | Dateline | raw Lucene | SQLite FTS5 | Dateline/Lucene | Dateline/SQLite |\n")
        .append("|---|---:|---:|---:|---:|---:|\n");
    for (String kind : kinds) {
      double[] v = new double[3];
      for (int e = 0; e < 3; e++) {
        JsonNode r = find("SearchBenchmark.throughput", t, "kind", kind, "engine", ENGINES[e]);
        v[e] = r == null ? Double.NaN : median(r.path("primaryMetric").path("rawData"));
      }
      if (Arrays.stream(v).allMatch(Double::isNaN)) {
        continue; // kind not run with this thread count
      }
      out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |\n", kind, num(v[0]), num(v[1]), num(v[2]),
          ratio(v[0], v[1]), ratio(v[0], v[2])));
    }
    out.append('\n');
  }

  private void latency(StringBuilder out, int t, Set<String> kinds) {
    out.append("### Search latency, ").append(t).append(t == 1 ? " thread" : " threads")
        .append(" (ms, p50 / p99 of sampled operations; lower is better)\n\n")
        .append("| kind | Dateline p50 | Dateline p99 | Lucene p50 | Lucene p99 | SQLite p50 | SQLite p99 "
            + "| p50 Lucene/Dateline | p50 SQLite/Dateline | p99 Dateline/Lucene |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (String kind : kinds) {
      double[] p50 = new double[3];
      double[] p99 = new double[3];
      StringBuilder row = new StringBuilder("| " + kind + " |");
      for (int e = 0; e < 3; e++) {
        JsonNode r = find("SearchBenchmark.latency", t, "kind", kind, "engine", ENGINES[e]);
        JsonNode pct = r == null ? null : r.path("primaryMetric").path("scorePercentiles");
        p50[e] = pct == null ? Double.NaN : pct.path("50.0").asDouble();
        p99[e] = pct == null ? Double.NaN : pct.path("99.0").asDouble();
        row.append(' ').append(ms(p50[e])).append(" | ").append(ms(p99[e])).append(" |");
      }
      if (Double.isNaN(p50[0]) && Double.isNaN(p50[1]) && Double.isNaN(p50[2])) {
        continue;
      }
      row.append(' ').append(ratio(p50[1], p50[0])).append(" | ").append(ratio(p50[2], p50[0]))
          .append(" | ").append(ratio(p99[0], p99[1])).append(" |\n");
      out.append(row);
    }
    out.append('\n');
  }

  private void indexing(StringBuilder out) {
    List<JsonNode> rs = runs.stream().filter(r -> r.path("benchmark").asText().contains("IndexingBenchmark")).toList();
    if (rs.isEmpty()) {
      return;
    }
    out.append("### Indexing (fresh on-disk index, commit included; median of iterations)\n\n")
        .append("| engine | threads | extraction | articles | articles/s | vs Lucene | vs tuned Lucene | vs SQLite | bytes/article | bytes vs tuned | peak heap MB (baseline) |\n")
        .append("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (JsonNode r : rs) {
      JsonNode p = r.path("params");
      double rate = rate(r);
      String t = p.path("threads").asText();
      String x = p.path("extract").asText();
      JsonNode lucene = find("IndexingBenchmark.index", -1, "threads", t, "extract", x, "engine", "LUCENE");
      JsonNode sqlite = find("IndexingBenchmark.index", -1, "threads", t, "extract", x, "engine", "SQLITE");
      JsonNode tuned = find("IndexingBenchmark.index", -1, "threads", t, "extract", x, "engine", "LUCENE_TUNED");
      JsonNode sec = r.path("secondaryMetrics");
      double bytes = sec.path("bytes/article").path("score").asDouble(Double.NaN);
      out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s (%s) |\n",
          p.path("engine").asText(), p.path("threads").asText(), p.path("extract").asText(), p.path("articles").asText(),
          num(rate), lucene == null ? "" : ratio(rate, rate(lucene)), tuned == null ? "" : ratio(rate, rate(tuned)),
          sqlite == null ? "" : ratio(rate, rate(sqlite)), num(bytes),
          tuned == null ? "" : ratio(bytes, tuned.path("secondaryMetrics").path("bytes/article").path("score").asDouble(Double.NaN)),
          num(sec.path("peak.heap.MB").path("score").asDouble(Double.NaN)),
          num(sec.path("baseline.heap.MB").path("score").asDouble(Double.NaN))));
    }
    out.append('\n');
  }

  /** Articles per second from the median seconds per operation. */
  private static double rate(JsonNode r) {
    return r.path("params").path("articles").asDouble() / median(r.path("primaryMetric").path("rawData"));
  }

  private void open(StringBuilder out) {
    List<JsonNode> rs = runs.stream().filter(r -> r.path("benchmark").asText().contains("OpenSearcherBenchmark")).toList();
    if (rs.isEmpty()) {
      return;
    }
    out.append("### Restart: open the index and run a first query (fresh JVM per fork, ms, median of forks)\n\n")
        .append("| engine | median ms | min ms | max ms |\n|---|---:|---:|---:|\n");
    for (JsonNode r : rs) {
      double[] all = values(r.path("primaryMetric").path("rawData"));
      out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |\n", r.path("params").path("engine").asText(),
          num(median(r.path("primaryMetric").path("rawData"))), num(Arrays.stream(all).min().orElse(Double.NaN)),
          num(Arrays.stream(all).max().orElse(Double.NaN))));
    }
    out.append('\n');
  }

  private JsonNode find(String benchmark, int threads, String k1, String v1, String k2, String v2) {
    return find(benchmark, threads, k1, v1, k2, v2, null, null);
  }

  private JsonNode find(String benchmark, int threads, String k1, String v1, String k2, String v2, String k3, String v3) {
    for (JsonNode r : runs) {
      JsonNode p = r.path("params");
      if (r.path("benchmark").asText().endsWith(benchmark)
          && (threads < 0 || r.path("threads").asInt() == threads)
          && p.path(k1).asText().equals(v1) && p.path(k2).asText().equals(v2)
          && (k3 == null || p.path(k3).asText().equals(v3))
          && (k3 != null && k3.equals("snippets") || !p.path("snippets").asText().equals("true"))) {
        return r;
      }
    }
    return null;
  }

  private static double[] values(JsonNode rawData) {
    List<Double> all = new ArrayList<>();
    rawData.forEach(fork -> fork.forEach(v -> all.add(v.asDouble())));
    return all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
  }

  private static double median(JsonNode rawData) {
    double[] v = values(rawData);
    if (v.length == 0) {
      return Double.NaN;
    }
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  private static String shortName(JsonNode r) {
    String b = r.path("benchmark").asText();
    return b.substring(b.lastIndexOf('.', b.lastIndexOf('.') - 1) + 1) + " " + r.path("mode").asText()
        + " t=" + r.path("threads").asInt();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  private static String num(double v) {
    if (Double.isNaN(v)) {
      return "–";
    }
    return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.1f", v);
  }

  private static String ms(double v) {
    return Double.isNaN(v) ? "–" : v >= 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
  }

  private static String ratio(double a, double b) {
    return Double.isNaN(a) || Double.isNaN(b) || b == 0 ? "–" : String.format(Locale.ROOT, "%.2fx", a / b);
  }
}
