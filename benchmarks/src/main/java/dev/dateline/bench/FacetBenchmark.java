package dev.dateline.bench;

import dev.dateline.DateInterval;
import dev.dateline.FacetDimension;
import dev.dateline.FacetRequest;
import dev.dateline.Facets;
import dev.dateline.IndexFields;
import dev.dateline.NewsIndex;
import dev.dateline.NewsQuery;
import dev.dateline.SearchResults;
import dev.dateline.SignificantValue;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.util.BytesRef;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.sqlite.SQLiteConfig;

/**
 * What facet counts cost (issue 13's speed goal): a one-word query matching about 10% of the
 * articles, first page of 10 hits with snippets (the library's default), alone ({@code search})
 * and with counts of three dimensions (source, person, place) and a UTC day histogram over all its
 * matches, against SQLite FTS5 answering the same with GROUP BY, in the same run:
 *
 * <ul>
 *   <li>{@code searchWithFacets}: {@code NewsIndex.search(query, request)}, the page and the counts
 *       in one pass over the matches (a {@code MultiCollectorManager} of the page's collector and a
 *       {@code FacetsCollector});
 *   <li>{@code searchThenFacets}: {@code search(query)} then {@code facets(query, request)}, two
 *       passes (what the CLI did before the one-pass search);
 *   <li>{@code facetsOnly}: {@code facets(query, request)} alone;
 *   <li>{@code significantWords}: the ten most significant words of the matches against the rest
 *       of the index (not part of the goal; what {@code trends} adds);
 *   <li>{@code sqliteSearch}: the same page from the FTS5 table (bm25 with Dateline's column
 *       weights, snippet of the body), as {@code SqliteEngine} runs it;
 *   <li>{@code sqliteSearchWithGroupBy}: that page, then one statement over the same matches (a
 *       materialised CTE of the FTS5 rowids) with a GROUP BY per dimension and per UTC day, the top
 *       10 of each dimension picked from its groups.
 * </ul>
 *
 * The word is the indexed word whose document frequency is closest to 10% of the articles; setup
 * fails unless it matches 5-15%, unless the facet total and the histogram agree with {@code
 * count()}, and unless SQLite finds the same number of matches with the same counts per source.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar FacetBenchmark -p data=benchmarks/data/c100k \
 *     -rf json -rff benchmarks/results/facets.json
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {
    "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xms2g", "-Xmx2g"})
public class FacetBenchmark {
  @Param("benchmarks/data/c10k")
  public String data;

  /**
   * Whether to open the SQLite peer (and check it agrees). {@code -p withSqlite=false} measures
   * the Dateline benchmarks alone (the SQLite ones then fail): at 1,000,000 articles the peer's
   * agreement check in the setup takes minutes per fork.
   */
  @Param("true")
  public boolean withSqlite;

  private NewsIndex index;
  private NewsQuery query;
  private FacetRequest request;
  private Connection sqlite;
  private PreparedStatement sqlitePage;
  private PreparedStatement sqliteGroups;
  /** The word searched and the share of articles it matches, for the record. */
  public String word;

  public double share;

  @Setup
  public void setUp() throws IOException, SQLException {
    index = NewsIndex.openReadOnly(Indexes.get(Path.of(data), Engine.DATELINE));
    long n = index.count();
    word = index.withSearcher(s -> {
      Terms terms = MultiTerms.getTerms(s.getIndexReader(), IndexFields.ALL_TEXT);
      TermsEnum te = terms.iterator();
      String best = null;
      long bestGap = Long.MAX_VALUE;
      for (BytesRef t = te.next(); t != null; t = te.next()) {
        String w = t.utf8ToString();
        if (!w.chars().allMatch(Character::isLetter) || w.length() < 4) {
          continue;
        }
        long gap = Math.abs(te.docFreq() - n / 10);
        if (gap < bestGap) {
          bestGap = gap;
          best = w;
        }
      }
      return best;
    });
    query = NewsQuery.builder().text(word).limit(10).build();
    long matches = index.count(query);
    share = (double) matches / n;
    if (share < 0.05 || share > 0.15) {
      throw new IllegalStateException("'" + word + "' matches " + matches + " of " + n);
    }
    request = FacetRequest.builder()
        .dimensions(FacetDimension.SOURCE, FacetDimension.PERSON, FacetDimension.PLACE)
        .histogram(DateInterval.DAY)
        .zone(ZoneOffset.UTC)
        .build();
    SearchResults both = index.search(query, request);
    Facets f = both.facets();
    if (f.matches() != matches || f.histogram().dated() + f.histogram().undated() != matches
        || !f.equals(index.facets(query, request))) {
      throw new IllegalStateException("facet counts disagree with count(): " + f.matches() + " vs " + matches);
    }

    if (!withSqlite) {
      return;
    }
    Path db = Indexes.get(Path.of(data), Engine.SQLITE).resolve(SqliteEngine.FILE);
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    sqlite = config.createConnection("jdbc:sqlite:" + db);
    try (Statement st = sqlite.createStatement()) {
      st.execute("PRAGMA mmap_size=4294967296");
      st.execute("PRAGMA cache_size=-65536");
    }
    String match = '"' + word + '"';
    sqlitePage = sqlite.prepareStatement(
        "SELECT a.id, a.headline, a.published, a.source, a.url, a.section, a.byline,"
            + " snippet(fts, 3, '<em>', '</em>', ' … ', 24)"
            + " FROM fts JOIN article a ON a.rowid = fts.rowid WHERE fts MATCH ?"
            + " ORDER BY " + SqliteEngine.BM25 + ", a.id LIMIT 10");
    sqlitePage.setString(1, match);
    sqliteGroups = sqlite.prepareStatement(
        "WITH m(r) AS MATERIALIZED (SELECT rowid FROM fts WHERE fts MATCH ?)"
            + " SELECT 0, source, count(*) FROM article WHERE rowid IN m GROUP BY source"
            + " UNION ALL SELECT 1, name, count(*) FROM entity WHERE type = 'person' AND article IN m GROUP BY name"
            + " UNION ALL SELECT 2, name, count(*) FROM entity WHERE type = 'place' AND article IN m GROUP BY name"
            + " UNION ALL SELECT 3, published / 86400000, count(*) FROM article WHERE rowid IN m GROUP BY 2");
    sqliteGroups.setString(1, match);
    SqlFacets sql = sqliteSearchWithGroupBy();
    Map<String, Long> sources = new HashMap<>();
    long noSource = 0;
    for (SqlGroup g : sql.groups().get(0)) {
      if (g.value() == null) {
        noSource += g.count();
      } else {
        sources.put(g.value(), g.count());
      }
    }
    Map<String, Long> dateline = allSources();
    long sqlMatches = sources.values().stream().mapToLong(Long::longValue).sum() + noSource;
    if (sqlMatches != matches || !sources.equals(dateline) || sql.hits() != 10) {
      throw new IllegalStateException("SQLite disagrees: " + sqlMatches + " matches vs " + matches
          + ", sources " + sources + " vs " + dateline);
    }
    System.out.printf("FacetBenchmark: '%s' matches %d of %d articles (%.1f%%); SQLite agrees%n",
        word, matches, n, 100 * share);
  }

  /** Every source's count among the matches, from Dateline (the limit is above their number). */
  private Map<String, Long> allSources() {
    Facets f = index.facets(query,
        FacetRequest.builder().dimensions(FacetDimension.SOURCE).limit(FacetRequest.MAX_LIMIT).build());
    Map<String, Long> out = new HashMap<>();
    f.counts(FacetDimension.SOURCE).forEach(c -> out.put(c.value(), c.count()));
    return out;
  }

  @Benchmark
  public SearchResults search() {
    return index.search(query);
  }

  @Benchmark
  public SearchResults searchWithFacets() {
    return index.search(query, request);
  }

  @Benchmark
  public Object searchThenFacets() {
    return new Object[] {index.search(query), index.facets(query, request)};
  }

  @Benchmark
  public Facets facetsOnly() {
    return index.facets(query, request);
  }

  /** Not part of the goal: what the significant words of the same matches cost (trends). */
  @Benchmark
  public List<SignificantValue> significantWords() {
    return index.significantWords(query, null, 10);
  }

  @Benchmark
  public int sqliteSearch() throws SQLException {
    return sqlPage();
  }

  @Benchmark
  public SqlFacets sqliteSearchWithGroupBy() throws SQLException {
    int hits = sqlPage();
    List<List<SqlGroup>> groups = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      groups.add(new ArrayList<>());
    }
    try (ResultSet rs = sqliteGroups.executeQuery()) {
      while (rs.next()) {
        groups.get(rs.getInt(1)).add(new SqlGroup(rs.getString(2), rs.getLong(3)));
      }
    }
    // Top 10 per dimension, by count then value, like Dateline's; the days are kept whole.
    for (int i = 0; i < 3; i++) {
      List<SqlGroup> g = groups.get(i);
      g.sort(Comparator.comparingLong(SqlGroup::count).reversed()
          .thenComparing(SqlGroup::value, Comparator.nullsLast(Comparator.naturalOrder())));
      if (i > 0 && g.size() > 10) {
        groups.set(i, new ArrayList<>(g.subList(0, 10)));
      }
    }
    return new SqlFacets(hits, groups);
  }

  /** The page of 10, every column read as a result page would. */
  private int sqlPage() throws SQLException {
    int hits = 0;
    try (ResultSet rs = sqlitePage.executeQuery()) {
      while (rs.next()) {
        for (int c = 1; c <= 8; c++) {
          rs.getObject(c);
        }
        hits++;
      }
    }
    return hits;
  }

  /** One GROUP BY row: a value (source, name or day number) and its count. */
  public record SqlGroup(String value, long count) {}

  /** SQLite's answer: the page's size and the groups of each dimension and of the days. */
  public record SqlFacets(int hits, List<List<SqlGroup>> groups) {}

  @TearDown
  public void close() throws SQLException {
    index.close();
    if (sqlite != null) {
      sqlite.close();
    }
  }
}
