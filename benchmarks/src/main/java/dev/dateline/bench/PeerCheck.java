package dev.dateline.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks that the engines answer the benchmark queries alike before anyone times them:
 *
 * <ul>
 *   <li>every query has hits in every engine;
 *   <li>Dateline and raw Lucene return the same top hits in the same order (they run the same
 *       Lucene query on identically built indexes; anything else is a bug), except for {@link
 *       BenchQuery.Kind#TERMS_2_3_RANKED}, where raw Lucene runs a plain OR of the words and
 *       Dateline its ranked operator ({@link BenchQuery.Kind#sameLuceneQuery()});
 *   <li>filter-only queries (entity, newest first) return the same hits in all three engines,
 *       and raw Lucene and SQLite count the same number of matches;
 *   <li>the tuned Lucene peer ({@link TunedLuceneEngine}) counts exactly as many matches as
 *       Dateline on every query of every kind (its top hits may differ: ties in score are broken
 *       by doc id, not by article id, and it has no per-field text index);
 *   <li>for ranked queries SQLite's top 10 can only be compared by overlap: FTS5's bm25() scores
 *       a document as one bag of weighted column frequencies and one length, like Dateline's
 *       combined field, but with its own BM25 parameters and porter stemming, which conflates
 *       more than KStem. The overlap is printed, not asserted.
 * </ul>
 *
 * <p>The check runs on the engines given (by default all three): without SQLite, for example at
 * 1,000,000 articles where its index takes long to build, the SQLite columns show n/a; with
 * Dateline alone, it only checks that every query has hits.
 *
 * <p>Run alone: {@code java -cp benchmarks.jar dev.dateline.bench.PeerCheck benchmarks/data/c100k
 * [DATELINE LUCENE SQLITE]}
 */
public final class PeerCheck {
  private PeerCheck() {}

  /**
   * One line of the report: how the engines agree on one kind of query.
   *
   * @param datelineEqualsLucene queries on which Dateline and raw Lucene return the same top hits;
   *     -1 when not compared (a different query in the peers, or one of the two not opened)
   * @param overlapWithSqlite mean overlap@10 of Dateline and SQLite; NaN without SQLite
   * @param countsEqual filter-only queries on which raw Lucene and SQLite agree on count and hits;
   *     -1 when not compared (not filter-only, or one of the two not opened)
   * @param tunedCountsEqual queries on which the tuned Lucene peer counts exactly as many matches
   *     as Dateline ({@code NewsIndex.count}); -1 when one of the two is not opened
   */
  public record Agreement(BenchQuery.Kind kind, int queries, double meanHits, int datelineEqualsLucene,
      double overlapWithSqlite, int countsEqual, int tunedCountsEqual) {}

  /**
   * Runs every query of {@code kind} on the given searchers and throws {@link
   * IllegalStateException} when a query has no hits or the peers that must agree do not. Peers
   * that are not given are not compared: without SQLite, its overlap is NaN and filter-only counts
   * are not compared; without Dateline or raw Lucene, their top hits are not.
   */
  public static Agreement check(Map<Engine, Engine.Searcher> searchers, List<BenchQuery> queries)
      throws IOException {
    BenchQuery.Kind kind = queries.get(0).kind();
    boolean sqlite = searchers.containsKey(Engine.SQLITE) && searchers.containsKey(Engine.DATELINE);
    boolean lucene = searchers.containsKey(Engine.LUCENE) && searchers.containsKey(Engine.DATELINE);
    boolean compare = lucene && kind.sameLuceneQuery();
    boolean counts = sqlite && kind.filterOnly() && searchers.containsKey(Engine.LUCENE);
    boolean tuned = searchers.containsKey(Engine.LUCENE_TUNED) && searchers.containsKey(Engine.DATELINE);
    Engine counted = searchers.containsKey(Engine.LUCENE) ? Engine.LUCENE : searchers.keySet().iterator().next();
    int tunedEqual = 0;
    int equal = 0;
    int countsEqual = 0;
    double overlap = 0;
    long hits = 0;
    for (BenchQuery q : queries) {
      Map<Engine, Engine.Hits> r = new EnumMap<>(Engine.class);
      for (Map.Entry<Engine, Engine.Searcher> e : searchers.entrySet()) {
        Engine.Searcher s = e.getValue();
        Engine.Hits h = s.search(s.prepare(q));
        if (h.hits().isEmpty()) {
          throw new IllegalStateException(e.getKey() + " finds nothing for " + q);
        }
        r.put(e.getKey(), h);
      }
      hits += r.get(counted).total();
      if (tuned) {
        long dc = searchers.get(Engine.DATELINE).count(q);
        long tc = searchers.get(Engine.LUCENE_TUNED).count(q);
        if (dc != tc) {
          throw new IllegalStateException("Dateline counts " + dc + " matches, tuned Lucene " + tc + ", for " + q);
        }
        tunedEqual++;
      }
      if (compare) {
        List<String> d = r.get(Engine.DATELINE).ids();
        List<String> l = r.get(Engine.LUCENE).ids();
        if (!d.equals(l)) {
          throw new IllegalStateException("Dateline and raw Lucene disagree on " + q + ":\n  " + d + "\n  " + l);
        }
        equal++;
      }
      if (!sqlite) {
        continue;
      }
      List<String> d = r.get(Engine.DATELINE).ids();
      List<String> s = r.get(Engine.SQLITE).ids();
      Set<String> common = new HashSet<>(d);
      common.retainAll(s);
      overlap += common.size() / (double) Math.max(d.size(), s.size());
      if (counts) {
        long lc = searchers.get(Engine.LUCENE).count(q);
        long sc = searchers.get(Engine.SQLITE).count(q);
        if (lc != sc || !d.equals(s)) {
          throw new IllegalStateException("filter-only query " + q + ": Lucene counts " + lc + ", SQLite " + sc
              + "\n  " + d + "\n  " + s);
        }
        countsEqual++;
      }
    }
    return new Agreement(kind, queries.size(), hits / (double) queries.size(), compare ? equal : -1,
        sqlite ? overlap / queries.size() : Double.NaN, counts ? countsEqual : -1, tuned ? tunedEqual : -1);
  }

  public static String header() {
    return "| kind | queries | mean total hits (raw Lucene if opened; exact up to 1000, then a lower bound) | Dateline = raw Lucene (top 10, in order) | overlap@10 Dateline/SQLite | filter-only: equal counts and hits | exact count Dateline = tuned Lucene |\n"
        + "|---|---:|---:|---:|---:|---:|---:|";
  }

  public static String row(Agreement a) {
    boolean sqlite = !Double.isNaN(a.overlapWithSqlite());
    return String.format(Locale.ROOT, "| %s | %d | %.0f | %s | %s | %s | %s |", a.kind(), a.queries(), a.meanHits(),
        a.datelineEqualsLucene() >= 0 ? a.datelineEqualsLucene() + "/" + a.queries()
            : a.kind().sameLuceneQuery() ? "n/a" : "n/a (not the same query)",
        sqlite ? String.format(Locale.ROOT, "%.2f", a.overlapWithSqlite()) : "n/a",
        a.countsEqual() >= 0 ? a.countsEqual() + "/" + a.queries() : "n/a",
        a.tunedCountsEqual() >= 0 ? a.tunedCountsEqual() + "/" + a.queries() : "n/a");
  }

  /** Opens all three indexes of {@code data} (building missing ones). */
  public static Map<Engine, Engine.Searcher> openAll(Path data) throws IOException {
    return open(data, EnumSet.allOf(Engine.class));
  }

  /** Opens the indexes of {@code engines} in {@code data} (building missing ones). */
  public static Map<Engine, Engine.Searcher> open(Path data, Set<Engine> engines) throws IOException {
    Map<Engine, Engine.Searcher> out = new EnumMap<>(Engine.class);
    for (Engine e : engines) {
      out.put(e, e.searcher(Indexes.get(data, e)));
    }
    return out;
  }

  /** Engine names separated by commas or spaces ({@code "DATELINE LUCENE"}), case-insensitive. */
  public static Set<Engine> engines(String names) {
    Set<Engine> out = EnumSet.noneOf(Engine.class);
    for (String n : names.trim().split("[\\s,]+")) {
      out.add(Engine.valueOf(n.toUpperCase(Locale.ROOT)));
    }
    return out;
  }

  /** Prints the agreement of the peers on every kind of query as a Markdown table. */
  public static void main(String[] args) throws IOException {
    Path data = Path.of(args.length > 0 ? args[0] : "benchmarks/data/c100k");
    Set<Engine> engines = args.length > 1
        ? engines(String.join(" ", List.of(args).subList(1, args.length))) : EnumSet.allOf(Engine.class);
    QuerySets sets = QuerySets.derive(Corpus.read(Corpus.dir(data), SearchBenchmark.SAMPLE), SearchBenchmark.SEED);
    Map<Engine, Engine.Searcher> all = open(data, engines);
    PrintStream out = System.out;
    out.println(header());
    List<String> failures = new ArrayList<>();
    try {
      for (BenchQuery.Kind k : BenchQuery.Kind.values()) {
        try {
          out.println(row(check(all, sets.of(k))));
        } catch (IllegalStateException e) {
          failures.add(e.getMessage());
          out.println("| " + k + " | FAILED | | | | | |");
        }
      }
    } finally {
      for (Engine.Searcher s : all.values()) {
        s.close();
      }
    }
    failures.forEach(System.err::println);
    if (!failures.isEmpty()) {
      System.exit(1);
    }
  }
}
