package dev.dateline.opensearch;

import com.carrotsearch.randomizedtesting.annotations.ThreadLeakScope;
import com.carrotsearch.randomizedtesting.annotations.TimeoutSuite;
import dev.dateline.Article;
import dev.dateline.ArticleFiles;
import dev.dateline.DateInterval;
import dev.dateline.EntityExtractor;
import dev.dateline.FacetDimension;
import dev.dateline.FacetRequest;
import dev.dateline.NewsIndex;
import dev.dateline.NewsQuery;
import dev.dateline.NewsStore;
import dev.dateline.SearchResults;
import dev.dateline.SortOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.lucene.tests.util.LuceneTestCase.SuppressFileSystems;
import org.apache.lucene.tests.util.TimeUnits;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.rest_client.RestClientTransport;
import org.opensearch.plugins.Plugin;
import org.opensearch.test.OpenSearchIntegTestCase;
import org.opensearch.transport.Netty4ModulePlugin;

/**
 * Not a test (not in CI; run on demand, see opensearch/RESULTS.md): bulk-indexing throughput of
 * Reuters-21578 articles into a 3-node in-JVM cluster (3 shards, 1 replica) through {@link
 * NewsCluster#addAll} against an embedded {@link NewsIndex} on disk, in interleaved rounds; then
 * search latency through the client against the embedded index (plain, and with 3 facets and a
 * day histogram, whose counts must be equal), and bytes per article on disk.
 * Entities are extracted once beforehand, so both sides measure indexing alone. Prints one line
 * per round and a summary ({@code MEASURE ...}).
 *
 * <pre>{@code
 * mvn test -Dtest=ClusterThroughputMeasure -Ddateline.corpus=../../shared/corpora/reuters21578/reuters21578.jsonl.gz
 * }</pre>
 */
@OpenSearchIntegTestCase.ClusterScope(
    scope = OpenSearchIntegTestCase.Scope.SUITE,
    numDataNodes = 3,
    numClientNodes = 0,
    supportsDedicatedMasters = false)
@SuppressFileSystems("*")
@ThreadLeakScope(ThreadLeakScope.Scope.NONE)
@TimeoutSuite(millis = 40 * TimeUnits.MINUTE)
public class ClusterThroughputMeasure extends OpenSearchIntegTestCase {
  private static final int ROUNDS = Integer.getInteger("dateline.rounds", 3);
  private static final int ARTICLES = Integer.getInteger("dateline.articles", 10_000);

  @Override
  protected Collection<Class<? extends Plugin>> nodePlugins() {
    return List.of(DatelinePlugin.class, Netty4ModulePlugin.class);
  }

  @Override
  protected boolean addMockHttpTransport() {
    return false;
  }

  /** The first {@link #ARTICLES} Reuters-21578 articles, entities extracted (skips the test without them). */
  private static List<ArticleFiles.Record> reutersWithEntities() throws Exception {
    Path corpus = Path.of(System.getProperty("dateline.corpus", "../../shared/corpora/reuters21578/reuters21578.jsonl.gz"));
    assumeTrue("corpus " + corpus.toAbsolutePath() + " is absent", Files.exists(corpus));
    EntityExtractor extractor = EntityExtractor.standard();
    List<ArticleFiles.Record> records = new ArrayList<>();
    try (Stream<ArticleFiles.Record> in = ArticleFiles.stream(corpus, ArticleFiles.Options.defaults())) {
      in.limit(ARTICLES).forEach(r -> {
        if (r instanceof ArticleFiles.Parsed p) {
          Article a = p.article();
          records.add(new ArticleFiles.Parsed(a.toBuilder().entities(extractor.extract(a)).build(), p.location()));
        }
      });
    }
    return records;
  }

  public void testMeasure() throws Exception {
    List<ArticleFiles.Record> records = reutersWithEntities();
    long textChars = records.stream().mapToLong(r -> ((ArticleFiles.Parsed) r).article().bodyText().length()).sum();
    OpenSearchClient client =
        new OpenSearchClient(new RestClientTransport(getRestClient(), new JacksonJsonpMapper()));
    NewsIndex.Options options = NewsIndex.Options.builder().entityExtractor(EntityExtractor.none()).build();
    double[] embeddedRates = new double[ROUNDS];
    double[] clusterRates = new double[ROUNDS];
    long embeddedBytes = 0;
    long clusterBytes = 0;
    for (int round = 0; round < ROUNDS; round++) {
      Path dir = createTempDir();
      long t0 = System.nanoTime();
      try (NewsIndex embedded = NewsIndex.open(dir, options)) {
        for (ArticleFiles.Record r : records) {
          embedded.add(((ArticleFiles.Parsed) r).article());
        }
        embedded.commit();
      }
      embeddedRates[round] = records.size() / ((System.nanoTime() - t0) / 1e9);
      embeddedBytes = directorySize(dir);

      String index = "measure" + round;
      NewsCluster cluster = NewsCluster.of(client, index, options);
      cluster.createIndex(3, 1);
      ensureGreen(index);
      long t1 = System.nanoTime();
      List<String> rejected = new ArrayList<>();
      long acknowledged = cluster.addAll(records.iterator(), r -> rejected.add(r.toString()));
      cluster.refresh();
      clusterRates[round] = acknowledged / ((System.nanoTime() - t1) / 1e9);
      assertEquals(rejected.toString(), records.size(), acknowledged);
      client.indices().flush(f -> f.index(index));
      clusterBytes =
          client.indices().stats(s -> s.index(index)).indices().get(index).primaries().store().sizeInBytes();
      logger.info(
          "MEASURE round {}: embedded {} articles/s, cluster {} articles/s", round,
          fmt(embeddedRates[round]), fmt(clusterRates[round]));
      if (round < ROUNDS - 1) {
        client.indices().delete(d -> d.index(index));
      }
    }
    // Search latency: the same queries through the client and embedded, interleaved.
    String index = "measure" + (ROUNDS - 1);
    List<NewsQuery> queries = new ArrayList<>();
    for (String text :
        List.of("oil prices", "interest rates", "\"trade deficit\"", "bank AND loans", "opec output",
            "wheat exports", "merger", "dollar yen", "coffee", "earnings per share")) {
      queries.add(NewsQuery.builder().text(text).build());
      queries.add(NewsQuery.builder().text(text).sort(SortOrder.NEWEST).build());
    }
    Path dir = createTempDir();
    try (NewsIndex embedded = NewsIndex.open(dir, options)) {
      for (ArticleFiles.Record r : records) {
        embedded.add(((ArticleFiles.Parsed) r).article());
      }
      embedded.refresh();
      NewsStore cluster = NewsCluster.of(client, index, options);
      // The same page with 3 facets and a day histogram counted over every match (one request).
      FacetRequest facets =
          FacetRequest.builder()
              .dimensions(FacetDimension.SOURCE, FacetDimension.PERSON, FacetDimension.PLACE)
              .histogram(DateInterval.DAY)
              .build();
      List<Double> e = new ArrayList<>();
      List<Double> c = new ArrayList<>();
      List<Double> ef = new ArrayList<>();
      List<Double> cf = new ArrayList<>();
      for (int rep = 0; rep < 6; rep++) {
        for (NewsQuery q : queries) {
          long a = System.nanoTime();
          embedded.search(q);
          long b = System.nanoTime();
          cluster.search(q);
          long d = System.nanoTime();
          SearchResults withFacets = embedded.search(q, facets);
          long f = System.nanoTime();
          SearchResults clusterFacets = cluster.search(q, facets);
          long g = System.nanoTime();
          if (rep > 0) { // the first pass warms up
            e.add((b - a) / 1e6);
            c.add((d - b) / 1e6);
            ef.add((f - d) / 1e6);
            cf.add((g - f) / 1e6);
          } else {
            // Real names and dates: the counts must be the embedded index's here too.
            assertEquals(q.toString(), withFacets.facets(), clusterFacets.facets());
          }
        }
      }
      logger.info(
          "MEASURE search latency ms over {} searches: embedded median {} p90 {}; cluster (client, DFS) median {} p90 {}",
          e.size(), fmt(pct(e, 50)), fmt(pct(e, 90)), fmt(pct(c, 50)), fmt(pct(c, 90)));
      logger.info(
          "MEASURE search + 3 facets + day histogram, ms over {} searches: embedded median {} p90 {}; "
              + "cluster (client, DFS, aggregations) median {} p90 {}",
          ef.size(), fmt(pct(ef, 50)), fmt(pct(ef, 90)), fmt(pct(cf, 50)), fmt(pct(cf, 90)));
    }
    Arrays.sort(embeddedRates);
    Arrays.sort(clusterRates);
    logger.info(
        "MEASURE {} articles ({} chars of body on average), {} rounds: embedded median {} articles/s, "
            + "cluster (3 nodes, 3 shards + 1 replica) median {} articles/s, ratio {}; bytes/article "
            + "on disk: embedded {}, cluster primaries {} (x2 with the replica)",
        records.size(), textChars / records.size(), ROUNDS, fmt(embeddedRates[ROUNDS / 2]), fmt(clusterRates[ROUNDS / 2]),
        String.format(Locale.ROOT, "%.2f", embeddedRates[ROUNDS / 2] / clusterRates[ROUNDS / 2]),
        embeddedBytes / records.size(), clusterBytes / records.size());
  }

  /**
   * Stories through the cluster (run alone: {@code -Dtests.method=testMeasureStories}): the same
   * articles into an embedded story index and a story cluster index ({@code addAll}, the client
   * detecting stories), then, interleaved per query, a plain and a collapsed search and a facet
   * request by article and by story on each side; the collapsed pages and story facets of date
   * orders are asserted equal on the first (warm-up) pass.
   */
  public void testMeasureStories() throws Exception {
    List<ArticleFiles.Record> records = reutersWithEntities();
    OpenSearchClient client =
        new OpenSearchClient(new RestClientTransport(getRestClient(), new JacksonJsonpMapper()));
    NewsIndex.Options options =
        NewsIndex.Options.builder().entityExtractor(EntityExtractor.none()).stories(true).build();
    Path dir = createTempDir();
    try (NewsIndex embedded = NewsIndex.open(dir, options)) {
      long t0 = System.nanoTime();
      for (ArticleFiles.Record r : records) {
        embedded.add(((ArticleFiles.Parsed) r).article());
      }
      embedded.commit();
      embedded.refresh();
      double embeddedRate = records.size() / ((System.nanoTime() - t0) / 1e9);
      NewsCluster cluster = NewsCluster.of(client, "stories", options);
      cluster.createIndex(3, 1);
      ensureGreen("stories");
      long t1 = System.nanoTime();
      List<String> rejected = new ArrayList<>();
      long acknowledged = cluster.addAll(records.iterator(), r -> rejected.add(r.toString()));
      cluster.refresh();
      double clusterRate = acknowledged / ((System.nanoTime() - t1) / 1e9);
      assertEquals(rejected.toString(), records.size(), acknowledged);
      long deleted = client.indices().stats(x -> x.index("stories")).all().primaries().docs().deleted();
      logger.info(
          "MEASURE stories: indexing {} articles with story detection: embedded {} articles/s, cluster {} articles/s;"
              + " deleted documents left by moves in the cluster's primaries: {}",
          records.size(), fmt(embeddedRate), fmt(clusterRate), deleted);
      List<NewsQuery> queries = new ArrayList<>();
      for (String text :
          List.of("oil prices", "interest rates", "\"trade deficit\"", "bank AND loans", "opec output",
              "wheat exports", "merger", "dollar yen", "coffee", "earnings per share")) {
        queries.add(NewsQuery.builder().text(text).build());
        queries.add(NewsQuery.builder().text(text).sort(SortOrder.NEWEST).build());
      }
      FacetRequest byArticle =
          FacetRequest.builder().dimensions(FacetDimension.SOURCE, FacetDimension.PERSON, FacetDimension.PLACE)
              .histogram(DateInterval.DAY).build();
      FacetRequest byStory =
          FacetRequest.builder().dimensions(FacetDimension.SOURCE, FacetDimension.PERSON, FacetDimension.PLACE)
              .histogram(DateInterval.DAY).stories(true).build();
      String[] names = {
        "embedded plain", "cluster plain", "embedded collapsed", "cluster collapsed",
        "embedded facets by article", "cluster facets by article", "embedded facets by story", "cluster facets by story"
      };
      List<List<Double>> times = new ArrayList<>();
      for (int i = 0; i < names.length; i++) {
        times.add(new ArrayList<>());
      }
      for (int rep = 0; rep < 6; rep++) {
        for (NewsQuery q : queries) {
          NewsQuery collapsed = q.toBuilder().collapse(true).build();
          long[] t = new long[9];
          t[0] = System.nanoTime();
          embedded.search(q);
          t[1] = System.nanoTime();
          cluster.search(q);
          t[2] = System.nanoTime();
          SearchResults ec = embedded.search(collapsed);
          t[3] = System.nanoTime();
          SearchResults cc = cluster.search(collapsed);
          t[4] = System.nanoTime();
          embedded.facets(q, byArticle);
          t[5] = System.nanoTime();
          cluster.facets(q, byArticle);
          t[6] = System.nanoTime();
          var es = embedded.facets(q, byStory);
          t[7] = System.nanoTime();
          var cs = cluster.facets(q, byStory);
          t[8] = System.nanoTime();
          if (rep > 0) {
            for (int i = 0; i < names.length; i++) {
              times.get(i).add((t[i + 1] - t[i]) / 1e6);
            }
          } else {
            assertEquals(q.toString(), es, cs);
            if (q.sort() == SortOrder.NEWEST) {
              assertEquals(q.toString(), ec.hits().stream().map(h -> h.id() + " " + h.story()).toList(),
                  cc.hits().stream().map(h -> h.id() + " " + h.story()).toList());
              assertEquals(q.toString(), ec.total(), cc.total());
            }
          }
        }
      }
      StringBuilder line = new StringBuilder("MEASURE stories, ms over " + times.get(0).size() + " searches each (median / p90):");
      for (int i = 0; i < names.length; i++) {
        line.append(" ").append(names[i]).append(" ").append(fmt(pct(times.get(i), 50))).append(" / ")
            .append(fmt(pct(times.get(i), 90))).append(";");
      }
      logger.info(line.toString());
    }
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private static double pct(List<Double> values, int p) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
  }

  private static long directorySize(Path dir) throws java.io.IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }
}
