package dev.dateline.opensearch;

import com.carrotsearch.randomizedtesting.annotations.ThreadLeakScope;
import dev.dateline.Article;
import dev.dateline.DatelineLucene;
import dev.dateline.NewsIndex;
import dev.dateline.NewsQuery;
import dev.dateline.ArticleFiles;
import dev.dateline.InvalidQueryException;
import dev.dateline.NewsStore;
import dev.dateline.SearchHit;
import dev.dateline.SearchResults;
import dev.dateline.SortOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.tests.util.LuceneTestCase.SuppressFileSystems;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.rest_client.RestClientTransport;
import org.opensearch.action.bulk.BulkRequestBuilder;
import org.opensearch.action.bulk.BulkResponse;
import org.opensearch.action.search.SearchRequestBuilder;
import org.opensearch.action.search.SearchResponse;
import org.opensearch.action.search.SearchType;
import org.opensearch.action.support.WriteRequest;
import org.opensearch.index.query.QueryBuilders;
import org.opensearch.plugins.Plugin;
import org.opensearch.test.OpenSearchIntegTestCase;
import org.opensearch.transport.Netty4ModulePlugin;

/**
 * A 3-node in-JVM cluster (3 shards, 1 replica) against an embedded {@link NewsIndex} over the same
 * generated articles: date-ordered queries equal id for id over every hit, relevance equal in the
 * top 10 (and in scores) under {@code dfs_query_then_fetch}.
 */
@OpenSearchIntegTestCase.ClusterScope(
    scope = OpenSearchIntegTestCase.Scope.SUITE,
    numDataNodes = 3,
    numClientNodes = 0,
    supportsDedicatedMasters = false)
@SuppressFileSystems("ExtrasFS")
@ThreadLeakScope(ThreadLeakScope.Scope.NONE)
public class DatelineClusterIT extends OpenSearchIntegTestCase {
  private static final int ARTICLES = 450;
  private static final String INDEX = "news";

  @Override
  protected Collection<Class<? extends Plugin>> nodePlugins() {
    return List.of(DatelinePlugin.class, Netty4ModulePlugin.class);
  }

  @Override
  protected boolean addMockHttpTransport() {
    return false; // real HTTP (Netty), for NewsCluster's client
  }

  /** Query kinds, as the dateline query's parameters; each runs in every order. */
  static List<Map<String, Object>> kinds() {
    List<Map<String, Object>> k = new ArrayList<>();
    k.add(Map.of("text", "ceasefire"));
    k.add(Map.of("text", "ceasefire talks"));
    k.add(Map.of("text", "the talks of the summit"));
    k.add(Map.of("text", "\"oil prices\""));
    k.add(Map.of("text", "energy AND -truce"));
    k.add(Map.of("text", "infla*"));
    k.add(Map.of("text", "vacine~"));
    k.add(Map.of("text", "headline:storm"));
    k.add(Map.of("text", "kyiv sanctions"));
    k.add(Map.of("text", "budget", "person", List.of("Angela Merkel")));
    k.add(Map.of("text", "market shares", "source", List.of("Daily Planet"), "section", List.of("Business")));
    k.add(Map.of("text", "election", "from", "2026-01-10", "to", "2026-02-01", "zone", "UTC"));
    k.add(Map.of("place", List.of("Lagos")));
    k.add(Map.of("org", List.of("Red Cross"), "exclude_place", List.of("Lima")));
    k.add(Map.of("from", "2026-02-01", "to", "2026-02-15"));
    k.add(Map.of("text", "byline:storm"));
    k.add(Map.of("text", "\"prices the\" drought"));
    k.add(Map.of("text", "jane doe"));
    k.add(Map.of("text", "lagos rescue", "expand_aliases", false));
    k.add(Map.of("text", "summit zanzibar"));
    k.add(Map.of("text", "visit timbuktu planned"));
    k.add(Map.of());
    // The benchmarks' TERMS_2_3 (every word required) and KEYWORD_2_ENTITIES (a word, two entities).
    k.add(Map.of("text", "oil prices market", "operator", "and"));
    k.add(Map.of("text", "summit", "person", List.of("Angela Merkel"), "place", List.of("Berlin")));
    return k;
  }

  public void testClusterMatchesEmbeddedIndex() throws Exception {
    long start = System.nanoTime();
    DatelineLucene lucene = DatelineLucene.defaults();
    List<Article> generated = GeneratedNews.articles(ARTICLES, 20261130L);
    try (NewsIndex embedded = NewsIndex.inMemory()) {
      List<Article> indexed = new ArrayList<>();
      for (Article a : generated) {
        indexed.add(embedded.add(a));
      }
      embedded.refresh();

      client().admin().indices().prepareCreate(INDEX)
          .setSettings(DatelineMapping.settings(3, 1))
          .setMapping(DatelineMapping.mapping())
          .get();
      ensureGreen(INDEX);
      BulkRequestBuilder bulk = client().prepareBulk().setRefreshPolicy(WriteRequest.RefreshPolicy.IMMEDIATE);
      for (Article a : indexed) {
        bulk.add(client().prepareIndex(INDEX).setId(a.id()).setSource(DatelineMapping.document(lucene, a)));
      }
      BulkResponse r = bulk.get();
      assertFalse(r.buildFailureMessage(), r.hasFailures());
      logger.info("indexed {} articles in {} ms", ARTICLES, (System.nanoTime() - start) / 1_000_000);

      int checked = 0;
      for (Map<String, Object> params : kinds()) {
        for (SortOrder order : SortOrder.values()) {
          if ((order == SortOrder.RELEVANCE || order == SortOrder.RECENT) && !params.containsKey("text")) {
            continue;
          }
          Map<String, Object> p = new LinkedHashMap<>(params);
          p.put("sort", order.name().toLowerCase(java.util.Locale.ROOT));
          if (order == SortOrder.RECENT) {
            p.put("reference", "2026-03-01T00:00:00Z"); // every shard decays from the same instant
          }
          compare(embedded, new DatelineQueryBuilder(p), order);
          checked++;
        }
      }
      assertTrue(checked >= 80);

      // The JSON form, parsed on each shard (a wrapper query is how the typed client sends it).
      String json =
          "{\"dateline\": {\"text\": \"oil prices\", \"place\": [\"Berlin\"], \"sort\": \"relevance\"}}";
      SearchResponse viaJson =
          client().prepareSearch(INDEX).setSearchType(SearchType.DFS_QUERY_THEN_FETCH)
              .setQuery(QueryBuilders.wrapperQuery(json)).setSize(10).get();
      assertEquals(
          embedded.search(NewsQuery.builder().text("oil prices").place("Berlin").build()).total(),
          viaJson.getHits().getTotalHits().value());
      // For the record (not asserted): without DFS each shard scores with its own statistics.
      DatelineQueryBuilder talks = new DatelineQueryBuilder(Map.of("text", "ceasefire talks"));
      List<String> dfs = ids(talks, SearchType.DFS_QUERY_THEN_FETCH);
      List<String> local = ids(talks, SearchType.QUERY_THEN_FETCH);
      logger.info(
          "relevance top 10 without DFS: {} of 10 in common with DFS, {} at the same rank",
          local.stream().filter(dfs::contains).count(),
          java.util.stream.IntStream.range(0, 10).filter(i -> dfs.get(i).equals(local.get(i))).count());
      logger.info("compared {} queries; whole test {} ms", checked, (System.nanoTime() - start) / 1_000_000);
    }
  }

  private List<String> ids(DatelineQueryBuilder query, SearchType type) {
    SearchRequestBuilder search =
        client().prepareSearch(INDEX).setSearchType(type).setQuery(query).setSize(10).setFetchSource(false);
    DatelineMapping.sort(SortOrder.RELEVANCE).forEach(search::addSort);
    return Arrays.stream(search.get().getHits().getHits()).map(h -> h.getId()).toList();
  }

  private void compare(NewsIndex embedded, DatelineQueryBuilder query, SortOrder order) {
    boolean byDate = order != SortOrder.RELEVANCE;
    int size = byDate ? ARTICLES : 10;
    NewsQuery q = query.toNewsQuery().toBuilder().limit(size).exactTotal(true).build();
    List<SearchHit> expectedHits = embedded.search(q).hits();
    List<String> expected = expectedHits.stream().map(SearchHit::id).toList();

    SearchRequestBuilder search =
        client().prepareSearch(INDEX)
            .setSearchType(SearchType.DFS_QUERY_THEN_FETCH)
            .setQuery(query)
            .setSize(size)
            .setTrackTotalHits(true)
            .setFetchSource(false);
    DatelineMapping.sort(order).forEach(search::addSort);
    if (!byDate) {
      search.setTrackScores(true);
    }
    SearchResponse response = search.get();
    List<String> actual =
        Arrays.stream(response.getHits().getHits()).map(h -> h.getId()).toList();
    String what = query.params() + " " + order;
    assertFalse(what + ": matches nothing, so proves nothing", expected.isEmpty());
    assertEquals(what + ": total", embedded.search(q).total(), response.getHits().getTotalHits().value());
    assertEquals(what + ": ids", expected, actual);
    if (!byDate) {
      for (int i = 0; i < actual.size(); i++) {
        assertEquals(what + ": score of " + actual.get(i), expectedHits.get(i).score(),
            response.getHits().getHits()[i].getScore(), 1e-5f);
      }
    }
  }

  /**
   * The same articles and queries through {@link NewsCluster} (opensearch-java over HTTP) and an
   * embedded {@link NewsIndex}, both used as {@link NewsStore}: every page of every query kind in
   * every order equal (ids, scores, totals, headlines, entities), followed with cursors; a total
   * threshold below the number of matches reported alike; bulk errors per record; deletes.
   */
  public void testClientMatchesEmbeddedIndex() throws Exception {
    long start = System.nanoTime();
    // Options other than the defaults, which the index settings carry to every shard's compiler.
    NewsIndex.Options options =
        NewsIndex.Options.builder()
            .totalHitsThreshold(120)
            .boost(dev.dateline.SearchField.HEADLINE, 5f)
            .bm25(0.9f, 0.5f)
            .build();
    OpenSearchClient client =
        new OpenSearchClient(new RestClientTransport(getRestClient(), new JacksonJsonpMapper()));
    List<Article> generated = GeneratedNews.articles(ARTICLES, 20261201L);
    try (NewsStore embedded = NewsIndex.inMemory(options);
        NewsCluster cluster = NewsCluster.of(client, "news_client", options)) {
      cluster.createIndex(3, 1);
      ensureGreen("news_client");
      // Bulk: good articles, a record the reader rejected and one the library refuses, in order.
      List<ArticleFiles.Record> records = new ArrayList<>();
      for (int i = 0; i < generated.size(); i++) {
        records.add(new ArticleFiles.Parsed(generated.get(i), "news.jsonl:" + (i + 1)));
        if (i == 100) {
          records.add(new ArticleFiles.Rejected("news.jsonl:bad", "invalid JSON"));
          records.add(
              new ArticleFiles.Parsed(
                  generated.get(0).toBuilder().id("too-long-language").language("x".repeat(1001)).build(),
                  "news.jsonl:huge"));
        }
      }
      List<String> rejected = new ArrayList<>();
      long acknowledged = cluster.addAll(records.iterator(), r -> rejected.add(r.toString()));
      assertEquals(ARTICLES, acknowledged);
      assertEquals(2, rejected.size());
      assertEquals("news.jsonl:bad: invalid JSON", rejected.get(0));
      assertTrue(rejected.get(1), rejected.get(1).startsWith("news.jsonl:huge: ") && rejected.get(1).contains("language"));
      for (Article a : generated) {
        embedded.add(a);
      }
      // One article added alone, then deleted from both; an unknown id is not an error.
      Article extra = generated.get(3).toBuilder().id("extra").build();
      cluster.add(extra);
      embedded.add(extra);
      embedded.refresh();
      cluster.refresh();
      NewsQuery all = NewsQuery.builder().build();
      assertEquals(ARTICLES + 1, cluster.count(all));
      cluster.delete("extra");
      embedded.delete("extra");
      cluster.delete("never-there");
      embedded.refresh();
      cluster.refresh();
      assertEquals(embedded.count(all), cluster.count(all));
      logger.info("client: bulk-indexed {} articles, {} ms so far", ARTICLES, (System.nanoTime() - start) / 1_000_000);

      int pages = 0;
      int queries = 0;
      for (Map<String, Object> params : kinds()) {
        for (SortOrder order : SortOrder.values()) {
          if ((order == SortOrder.RELEVANCE || order == SortOrder.RECENT) && !params.containsKey("text")) {
            continue;
          }
          NewsQuery q =
              new DatelineQueryBuilder(params).toNewsQuery().toBuilder()
                  .sort(order)
                  .clock(java.time.Clock.fixed(java.time.Instant.parse("2026-03-01T00:00:00Z"), java.time.ZoneOffset.UTC))
                  .correctTypos(false)
                  .limit(order == SortOrder.RELEVANCE || order == SortOrder.RECENT ? 10 : 100)
                  .build();
          pages += comparePages(embedded, cluster, q, params + " " + order);
          queries++;
        }
      }
      assertTrue(queries >= 80);
      // A date order: only the articles with all the ranked words, or any word when none has them
      // all; decided over the whole index, as the embedded index decides.
      for (String text : List.of("ceasefire talks", "ceasefire zzunknownword")) {
        NewsQuery q = NewsQuery.builder().text(text).sort(SortOrder.NEWEST).correctTypos(false).limit(100).build();
        pages += comparePages(embedded, cluster, q, text + " NEWEST");
        assertEquals(text, embedded.count(q), cluster.count(q));
      }
      NewsQuery both = NewsQuery.builder().text("ceasefire talks").sort(SortOrder.NEWEST).build();
      long strict = cluster.count(both);
      assertTrue(strict + " of " + cluster.count(both.toBuilder().sort(SortOrder.RELEVANCE).build()),
          strict > 0 && strict < cluster.count(both.toBuilder().sort(SortOrder.RELEVANCE).build()));
      assertEquals(cluster.count(NewsQuery.of("ceasefire")),
          cluster.count(NewsQuery.builder().text("ceasefire zzunknownword").sort(SortOrder.NEWEST).build()));
      // Snippets: the highlighter's passages, as plain text with the matched words' offsets.
      SearchResults ceasefire = cluster.search(NewsQuery.of("ceasefire"));
      Map<String, Article> byId = new LinkedHashMap<>();
      generated.forEach(a -> byId.put(a.id(), a));
      int marked = 0;
      for (SearchHit h : ceasefire.hits()) {
        assertNotNull(h.id(), h.highlight());
        Article a = byId.get(h.id());
        if (a.bodyText().toLowerCase(java.util.Locale.ROOT).contains("ceasefire")) {
          assertFalse(h.id() + ": " + h.highlight(), h.highlight().matches().isEmpty());
          marked++;
        }
        for (String matched : h.highlight().matchedText()) {
          assertEquals("ceasefire", matched.toLowerCase(java.util.Locale.ROOT));
        }
        String firstPassage = h.highlight().text().split(dev.dateline.Snippet.ELLIPSIS, -1)[0];
        assertTrue(firstPassage, byId.get(h.id()).bodyText().contains(firstPassage)
            || String.join(" ", byId.get(h.id()).bullets()).contains(firstPassage));
      }
      assertTrue("some snippets mark the word", marked > 0);
      // Exact totals and counts.
      NewsQuery broad = NewsQuery.builder().text("the").exactTotal(true).build();
      assertEquals(embedded.search(broad).total(), cluster.search(broad).total());
      assertEquals(embedded.count(broad), cluster.count(broad));
      // A bad query is the library's typed exception, from the cluster's parse error.
      expectThrows(InvalidQueryException.class, () -> cluster.search(NewsQuery.of("\"ceasefire")));
      expectThrows(
          InvalidQueryException.class,
          () -> cluster.search(NewsQuery.builder().text("ceasefire").after("not a cursor").build()));
      logger.info("client: {} queries, {} pages equal; whole test {} ms", queries, pages, (System.nanoTime() - start) / 1_000_000);
    }
  }

  /** Instants where clocks change in the zones the facet test buckets in. */
  private static final List<String> CLOCK_CHANGES =
      List.of(
          "2025-10-26T01:00:00Z", // Europe/Berlin: back an hour
          "2026-03-29T01:00:00Z", // Europe/Berlin: forward an hour
          "2026-03-08T07:00:00Z", // America/New_York: forward an hour
          "2025-10-04T15:30:00Z", // Australia/Lord_Howe: forward half an hour
          "2026-04-04T15:00:00Z"); // Australia/Lord_Howe: back half an hour

  private static final List<String> ZONES =
      List.of("UTC", "Europe/Berlin", "Asia/Kolkata", "America/New_York", "Australia/Lord_Howe");

  /**
   * Facet counts and date histograms through {@link NewsCluster} (aggregations) equal the embedded
   * index's over the same articles: every dimension, limits, drill-sideways on and off, every
   * interval in zones with clock changes (whole and half hours) and a half-hour offset, with and
   * without a date range; alone ({@code facets}) and with a page of hits ({@code search}); and
   * through the composite path that lists a dimension with more values than the first request.
   */
  public void testFacetsMatchEmbeddedIndex() throws Exception {
    long start = System.nanoTime();
    OpenSearchClient client =
        new OpenSearchClient(new RestClientTransport(getRestClient(), new JacksonJsonpMapper()));
    java.util.Random random = new java.util.Random(20261202L);
    // Publication times: around each clock change (to the minute, and on its edges), and spread
    // over fifteen months for weeks, months, quarters and years; the generator's undated stay so.
    List<java.time.Instant> edges = new ArrayList<>();
    for (String change : CLOCK_CHANGES) {
      java.time.Instant t = java.time.Instant.parse(change);
      for (long minutes : new long[] {-61, -31, -1, 0, 1, 10, 29, 31, 59, 61, 90}) {
        edges.add(t.plusSeconds(60 * minutes));
      }
    }
    java.time.Instant spreadFrom = java.time.Instant.parse("2025-06-01T00:00:00Z");
    List<Article> articles = new ArrayList<>();
    List<Article> generated = GeneratedNews.articles(360, 20261202L);
    for (int i = 0; i < generated.size(); i++) {
      Article a = generated.get(i);
      if (a.published() == null) {
        articles.add(a);
        continue;
      }
      java.time.Instant t;
      if (i < edges.size()) {
        t = edges.get(i);
      } else if (random.nextBoolean()) {
        java.time.Instant change = java.time.Instant.parse(CLOCK_CHANGES.get(random.nextInt(CLOCK_CHANGES.size())));
        t = change.plusSeconds(60L * (random.nextInt(72 * 60) - 36 * 60));
      } else {
        t = spreadFrom.plusSeconds(60L * random.nextInt(460 * 24 * 60));
      }
      Article.Builder b = a.toBuilder().published(t);
      if (random.nextInt(3) == 0) {
        // More tag values than the small first request lists, for the composite path.
        b.tags(List.of("tag" + random.nextInt(40), "Tag" + random.nextInt(5)));
      }
      articles.add(b.build());
    }
    try (NewsIndex embedded = NewsIndex.inMemory();
        NewsCluster cluster = NewsCluster.of(client, "news_facets")) {
      cluster.createIndex(3, 1);
      ensureGreen("news_facets");
      List<ArticleFiles.Record> records = new ArrayList<>();
      for (Article a : articles) {
        records.add(new ArticleFiles.Parsed(a, "facets"));
        embedded.add(a);
      }
      assertEquals(articles.size(), cluster.addAll(records.iterator(), bad -> fail(bad.toString())));
      embedded.refresh();
      cluster.refresh();
      NewsCluster paged = cluster.withFacetTerms(3);

      List<NewsQuery> queries =
          List.of(
              NewsQuery.builder().build(),
              NewsQuery.of("ceasefire"),
              NewsQuery.builder().text("the").source("Daily Planet").person("Angela Merkel").build(),
              NewsQuery.builder().place("Berlin").section("World").section("Business").build(),
              NewsQuery.builder().org("Red Cross").excludeEntity(dev.dateline.EntityType.PLACE, "Lima").build(),
              NewsQuery.builder().text("talks OR summit").from("2026-03-27").to("2026-03-31")
                  .zone(java.time.ZoneId.of("Europe/Berlin")).build());
      List<dev.dateline.DateInterval> intervals = List.of(dev.dateline.DateInterval.values());
      int compared = 0;
      int sidewaysDiffered = 0;
      int tagsPaged = 0;
      for (int qi = 0; qi < queries.size(); qi++) {
        NewsQuery q = queries.get(qi);
        for (boolean sideways : new boolean[] {false, true}) {
          for (int limit : new int[] {3, 10}) {
            dev.dateline.DateInterval interval = intervals.get((qi * 4 + (sideways ? 2 : 0) + limit) % intervals.size());
            if (interval == dev.dateline.DateInterval.HOUR && q.from() == null) {
              interval = dev.dateline.DateInterval.DAY; // hours over fifteen months: see below
            }
            dev.dateline.FacetRequest request =
                dev.dateline.FacetRequest.builder()
                    .dimensions(dev.dateline.FacetDimension.values())
                    .limit(limit)
                    .sideways(sideways)
                    .histogram(interval)
                    .zone(java.time.ZoneId.of(ZONES.get((qi + limit) % ZONES.size())))
                    .build();
            dev.dateline.Facets expected = embedded.facets(q, request);
            String what = q + " " + request;
            assertTrue(what + ": counts nothing, so proves nothing", expected.matches() > 0);
            assertEquals(what, expected, cluster.facets(q, request));
            assertEquals(what + " (composite pages)", expected, paged.facets(q, request));
            if (expected.dimensions().get(dev.dateline.FacetDimension.TAG).otherValues() > 0
                || expected.counts(dev.dateline.FacetDimension.TAG).size() > 3) {
              tagsPaged++;
            }
            if (sideways && !expected.equals(embedded.facets(q, dev.dateline.FacetRequest.builder()
                .dimensions(dev.dateline.FacetDimension.values()).limit(limit).histogram(interval)
                .zone(request.zone()).build()))) {
              sidewaysDiffered++;
            }
            compared++;
          }
        }
        // With a page of hits, in one request: the same page and the same counts.
        dev.dateline.FacetRequest withPage =
            dev.dateline.FacetRequest.builder()
                .dimensions(dev.dateline.FacetDimension.SOURCE, dev.dateline.FacetDimension.PERSON)
                .sideways(true)
                .histogram(dev.dateline.DateInterval.WEEK)
                .zone(java.time.ZoneId.of("Europe/Berlin"))
                .build();
        NewsQuery page = q.toBuilder().sort(SortOrder.NEWEST).limit(20).build();
        SearchResults e = embedded.search(page, withPage);
        SearchResults c = cluster.search(page, withPage);
        assertEquals(q + ": ids", e.hits().stream().map(SearchHit::id).toList(), c.hits().stream().map(SearchHit::id).toList());
        assertEquals(q + ": total", e.total(), c.total());
        assertTrue(c.totalIsExact());
        assertEquals(q + ": facets with the page", e.facets(), c.facets());
        compared++;
      }
      // Every interval in every zone, over the whole range and over a week around each clock
      // change (hours there: the repeated, skipped and half hours).
      for (String zone : ZONES) {
        for (dev.dateline.DateInterval interval : intervals) {
          List<NewsQuery> ranged = new ArrayList<>();
          if (interval != dev.dateline.DateInterval.HOUR) {
            ranged.add(NewsQuery.builder().build());
          }
          for (String change : CLOCK_CHANGES) {
            java.time.Instant t = java.time.Instant.parse(change);
            ranged.add(NewsQuery.builder().from(t.minusSeconds(3 * 86400)).to(t.plusSeconds(3 * 86400)).build());
          }
          for (NewsQuery q : ranged) {
            dev.dateline.FacetRequest request =
                dev.dateline.FacetRequest.builder().histogram(interval).zone(java.time.ZoneId.of(zone)).build();
            dev.dateline.Facets expected = embedded.facets(q, request);
            assertTrue(q + " " + request + ": nothing dated", expected.histogram().dated() > 0);
            assertEquals(q + " " + request, expected, cluster.facets(q, request));
            compared++;
          }
        }
      }
      // An index created without story detection refuses collapse and story counts (not ignored).
      expectThrows(
          dev.dateline.StoriesNotEnabledException.class,
          () -> cluster.search(NewsQuery.builder().text("ceasefire").collapse(true).build()));
      dev.dateline.FacetRequest byStory =
          dev.dateline.FacetRequest.builder().dimensions(dev.dateline.FacetDimension.SOURCE).stories(true).build();
      expectThrows(
          dev.dateline.StoriesNotEnabledException.class,
          () -> cluster.facets(NewsQuery.builder().text("ceasefire").build(), byStory));
      expectThrows(
          dev.dateline.StoriesNotEnabledException.class,
          () -> cluster.search(NewsQuery.builder().text("ceasefire").build(), byStory));
      assertTrue("sideways changed some counts", sidewaysDiffered > 0);
      assertTrue("some tag facets have more values than the first request lists", tagsPaged > 0);
      logger.info("facets: {} requests equal; whole test {} ms", compared, (System.nanoTime() - start) / 1_000_000);
    }
  }

  /** Pages written for this test: raw text as a scraper saves it. */
  private static final List<String> PAGES =
      List.of(
          """
          Ceasefire talks resume in Abu Dhabi
          Subscribe to our newsletter
          By Jane Doe
          Published February 4, 2026 10:45 AM UTC
          ABU DHABI (Reuters) - Delegations from both sides met again on Wednesday, officials said.
          Volodymyr Zelensky said the talks on a ceasefire were serious and would go on next week.
          The United Nations welcomed the meeting.
          """,
          """
          Storm floods the harbour of Lagos
          Posted: 2026-02-06T08:00:00Z
          LAGOS - Heavy rain flooded the harbour overnight and the port was closed.
          The Red Cross sent rescue teams to the coast, a spokesman said.
          """,
          """
          Central bank holds rates as inflation eases
          By Mei Lin
          February 7, 2026
          SINGAPORE - The central bank kept its rates unchanged on Friday.
          Inflation eased for a third month, and the World Bank raised its growth forecast.
          """,
          """
          Markets rally after the ceasefire news
          Markets in Berlin rose on Monday after the ceasefire talks, traders said.
          Angela Merkel spoke of a careful hope.
          """);

  /**
   * The search-time analyzers: query text that OpenSearch analyses itself ({@code query_string}'s
   * quoted phrases through the mapping's {@code search_quote_analyzer}, {@code match_phrase} with
   * the phrase analyzer, {@code match} through the {@code search_analyzer}) matches the articles the
   * library's compiler matches for the same text; with the index analyzer, a phrase also matches
   * another inflection.
   */
  public void testSearchTimeAnalyzersMatchAsTheLibrary() throws Exception {
    String index = "analyzers";
    client().admin().indices().prepareCreate(index)
        .setSettings(DatelineMapping.settings(1, 0)).setMapping(DatelineMapping.mapping()).get();
    ensureGreen(index);
    List<Article> articles = List.of(
        Article.builder().id("t1").headline("Talks resume").bodyText("Russian officials said the talks would resume.").build(),
        Article.builder().id("t2").headline("Envoy speaks").bodyText("A Russian official said little about the talk.").build(),
        Article.builder().id("t3").headline("Markets").bodyText("Oil prices rose on Monday as officials met.").build(),
        Article.builder().id("t4").headline("Markets fall").bodyText("The price of oil fell; an oil price cap was talked about.").build());
    try (NewsIndex embedded = NewsIndex.inMemory(NewsIndex.Options.builder().entityExtractor(dev.dateline.EntityExtractor.none()).build())) {
      BulkRequestBuilder bulk = client().prepareBulk().setRefreshPolicy(WriteRequest.RefreshPolicy.IMMEDIATE);
      for (Article a : articles) {
        embedded.add(a);
        bulk.add(client().prepareIndex(index).setId(a.id()).setSource(DatelineMapping.document(DatelineLucene.defaults(), a)));
      }
      assertFalse(bulk.get().hasFailures());
      embedded.refresh();
      int differs = 0;
      for (String phrase : List.of("Russian officials", "Russian official", "oil prices", "oil price", "said the talks")) {
        java.util.Set<String> library = new java.util.TreeSet<>(
            embedded.search(NewsQuery.builder().text("\"" + phrase + "\"").sort(SortOrder.NEWEST).build())
                .hits().stream().map(SearchHit::id).toList());
        assertFalse(phrase, library.isEmpty());
        assertEquals(phrase + " (query_string)", library,
            ids(index, QueryBuilders.queryStringQuery("\"" + phrase + "\"").defaultField("body")));
        assertEquals(phrase + " (match_phrase)", library,
            ids(index, QueryBuilders.matchPhraseQuery("body", phrase).analyzer(DatelinePlugin.TEXT_PHRASE_ANALYZER)));
        differs += library.equals(ids(index, QueryBuilders.matchPhraseQuery("body", phrase).analyzer(DatelinePlugin.TEXT_ANALYZER))) ? 0 : 1;
      }
      assertTrue("the index analyzer matches other inflections in phrases", differs > 0);
      for (String words : List.of("officials", "talks", "prices", "talked")) {
        java.util.Set<String> library = new java.util.TreeSet<>(
            embedded.search(NewsQuery.builder().text(words).sort(SortOrder.NEWEST).build()).hits().stream().map(SearchHit::id).toList());
        assertEquals(words + " (match)", library, ids(index, QueryBuilders.matchQuery("body", words)));
      }
    }
  }

  private static java.util.Set<String> ids(String index, org.opensearch.index.query.QueryBuilder q) {
    java.util.Set<String> ids = new java.util.TreeSet<>();
    for (var h : client().prepareSearch(index).setQuery(q).setSize(100).setFetchSource(false).get().getHits().getHits()) {
      ids.add(h.getId());
    }
    return ids;
  }

  /**
   * The {@code dateline_article} processor in a pipeline: raw pages indexed through it equal, as
   * search results (ids, fields, entities), the same pages parsed by {@code RawArticleParser} and
   * added to an embedded index; a page with nothing to index fails its bulk item with the
   * library's message, the others are kept.
   */
  public void testArticleProcessorIndexesRawPages() throws Exception {
    String pipeline = "{\"processors\": [{\"dateline_article\": {\"field\": \"page\"}}]}";
    client().admin().cluster()
        .preparePutPipeline("dateline-pages", new org.opensearch.core.common.bytes.BytesArray(pipeline),
            org.opensearch.common.xcontent.XContentType.JSON)
        .get();
    // A headline boost other than the default: the processor weighs all_text by the index's own.
    NewsIndex.Options options = NewsIndex.Options.builder().boost(dev.dateline.SearchField.HEADLINE, 6f).build();
    Map<String, Object> settings = new LinkedHashMap<>(DatelineMapping.settings(3, 1, options));
    settings.put("index.default_pipeline", "dateline-pages");
    client().admin().indices().prepareCreate("pages").setSettings(settings).setMapping(DatelineMapping.mapping()).get();
    ensureGreen("pages");
    try (NewsIndex embedded = NewsIndex.inMemory(options)) {
      BulkRequestBuilder bulk = client().prepareBulk().setRefreshPolicy(WriteRequest.RefreshPolicy.IMMEDIATE);
      for (int i = 0; i < PAGES.size(); i++) {
        String url = "https://news.example/" + i;
        bulk.add(client().prepareIndex("pages").setSource(Map.of("page", PAGES.get(i), "url", url, "source", "Daily Planet")));
        embedded.add(dev.dateline.RawArticleParser.parse(PAGES.get(i)).url(url).source("Daily Planet").build());
      }
      bulk.add(client().prepareIndex("pages").setSource(Map.of("page", "\n\n")));
      BulkResponse r = bulk.get();
      embedded.refresh();
      assertTrue(r.hasFailures());
      for (int i = 0; i < PAGES.size(); i++) {
        assertFalse(r.getItems()[i].getFailureMessage(), r.getItems()[i].isFailed());
      }
      assertTrue(r.getItems()[PAGES.size()].getFailureMessage(),
          r.getItems()[PAGES.size()].getFailureMessage().contains(ArticleProcessor.TYPE));

      OpenSearchClient client =
          new OpenSearchClient(new RestClientTransport(getRestClient(), new JacksonJsonpMapper()));
      NewsCluster cluster = NewsCluster.of(client, "pages", options);
      List<NewsQuery> queries =
          List.of(
              NewsQuery.builder().sort(SortOrder.NEWEST).build(),
              NewsQuery.of("ceasefire talks"),
              NewsQuery.of("headline:storm"),
              NewsQuery.builder().text("byline:jane").build(),
              NewsQuery.builder().place("Abu Dhabi").sort(SortOrder.NEWEST).build(),
              NewsQuery.builder().from("2026-02-05").sort(SortOrder.OLDEST).build());
      int withEntities = 0;
      // The same pages parsed here and bulk-indexed through the client, into an index with the
      // same settings: the processor's documents score exactly as the client's (so it weighs
      // all_text by the index's boost, not the default).
      NewsCluster twin = NewsCluster.of(client, "pages_twin", options);
      twin.createIndex(3, 1);
      ensureGreen("pages_twin");
      List<ArticleFiles.Record> parsed = new ArrayList<>();
      for (int i = 0; i < PAGES.size(); i++) {
        parsed.add(new ArticleFiles.Parsed(
            dev.dateline.RawArticleParser.parse(PAGES.get(i)).url("https://news.example/" + i).source("Daily Planet").build(),
            "page" + i));
      }
      assertEquals(PAGES.size(), twin.addAll(parsed.iterator(), bad -> fail(bad.toString())));
      twin.refresh();
      for (NewsQuery q : queries) {
        SearchResults e = embedded.search(q);
        SearchResults c = cluster.search(q);
        assertFalse(q + ": matches nothing", e.hits().isEmpty());
        assertEquals(q + ": ids", e.hits().stream().map(SearchHit::id).toList(), c.hits().stream().map(SearchHit::id).toList());
        assertEquals(q + ": total", e.total(), c.total());
        SearchResults t = twin.search(q);
        assertEquals(q + ": ids, twin", t.hits().stream().map(SearchHit::id).toList(), c.hits().stream().map(SearchHit::id).toList());
        for (int i = 0; i < e.hits().size(); i++) {
          SearchHit eh = e.hits().get(i);
          SearchHit ch = c.hits().get(i);
          assertEquals(eh.headline(), ch.headline());
          assertEquals(q + ": score of " + eh.id() + ", twin", t.hits().get(i).score(), ch.score(), 1e-4f);
          assertEquals(eh.published(), ch.published());
          assertEquals(eh.byline(), ch.byline());
          assertEquals(eh.url(), ch.url());
          assertEquals(eh.entities(), ch.entities());
          withEntities += ch.entities().isEmpty() ? 0 : 1;
        }
      }
      assertTrue("the extractor found entities in the pages", withEntities > 0);
    }
  }

  /**
   * Stories through the cluster: articles with syndicated copies, added to an embedded story index
   * and through {@code NewsCluster} (one by one, in bulk, out of publication order, with deletes
   * of story leaders and a second client that loads the stories from the cluster); collapsed
   * searches page for page equal (heads, order, scores, totals, stories), facet counts by story
   * and significant values equal.
   */
  public void testStoriesMatchEmbeddedIndex() throws Exception {
    long start = System.nanoTime();
    NewsIndex.Options options =
        NewsIndex.Options.builder()
            .stories(true)
            .entityExtractor(dev.dateline.EntityExtractor.none())
            .totalHitsThreshold(25)
            .build();
    OpenSearchClient client =
        new OpenSearchClient(new RestClientTransport(getRestClient(), new JacksonJsonpMapper()));
    List<Article> generated = StoryNews.articles(70, 20261202L);
    java.util.Random r = new java.util.Random(20261202L);
    List<Article> shuffled = new ArrayList<>(generated);
    java.util.Collections.shuffle(shuffled, r);
    try (NewsIndex embedded = NewsIndex.inMemory(options);
        NewsCluster cluster = NewsCluster.of(client, "news_stories", options)) {
      cluster.createIndex(3, 1);
      ensureGreen("news_stories");
      assertTrue(cluster.detectsStories());
      // The dateline_article processor cannot assign stories: a story index refuses its
      // documents, naming the index (the same pipeline indexes into an index without stories:
      // testArticleProcessorIndexesRawPages).
      client().admin().cluster()
          .preparePutPipeline("dateline-story-pages",
              new org.opensearch.core.common.bytes.BytesArray("{\"processors\": [{\"dateline_article\": {}}]}"),
              org.opensearch.common.xcontent.XContentType.JSON)
          .get();
      BulkResponse viaProcessor =
          client().prepareBulk()
              .add(client().prepareIndex("news_stories").setId("page0").setPipeline("dateline-story-pages")
                  .setSource(Map.of("page", PAGES.get(0))))
              .get();
      assertTrue("a story index refuses the processor's documents", viaProcessor.getItems()[0].isFailed());
      String why = viaProcessor.getItems()[0].getFailureMessage();
      assertTrue(why, why.contains(ArticleProcessor.TYPE) && why.contains("news_stories") && why.contains("detects stories"));
      assertFalse(client().prepareGet("news_stories", "page0").get().isExists());
      // 20 one by one, the rest in bulk; arrival out of publication order moves articles.
      int third = 20;
      for (Article a : shuffled.subList(0, third)) {
        cluster.add(a);
      }
      List<ArticleFiles.Record> records = new ArrayList<>();
      for (Article a : shuffled.subList(third, shuffled.size() - 10)) {
        records.add(new ArticleFiles.Parsed(a, "stories.jsonl:" + a.id()));
      }
      List<String> rejected = new ArrayList<>();
      assertEquals(records.size(), cluster.addAll(records.iterator(), x -> rejected.add(x.toString())));
      assertEquals(List.of(), rejected);
      for (Article a : shuffled.subList(0, shuffled.size() - 10)) {
        embedded.add(a);
      }
      // Deleting story leaders moves their copies to a new leader.
      for (String id : List.of("w003", "w010", "w017")) {
        embedded.delete(id);
        cluster.delete(id);
      }
      // A write that failed half-way leaves a wrong story key (here written behind the client's
      // back); a second client (a new process, say) loads the stories from the cluster, rewrites
      // that key, and goes on.
      String damaged =
          shuffled.subList(0, shuffled.size() - 10).stream().map(Article::id)
              .filter(id -> id.endsWith("c0") && !List.of("w003c0", "w010c0", "w017c0").contains(id))
              .findFirst().orElseThrow();
      client.update(u -> u.index("news_stories").id(damaged).doc(Map.of(DatelineMapping.STORY_KEY, 42L)), Map.class);
      NewsCluster later = NewsCluster.of(client, "news_stories", options);
      List<Article> last = shuffled.subList(shuffled.size() - 10, shuffled.size());
      String kept = shuffled.stream().map(Article::id).filter(id -> !List.of("w003", "w010", "w017").contains(id))
          .findFirst().orElseThrow();
      // One writing client per story index: while the first holds the writer lease, the second's
      // writes are refused, naming the index and the holder, and write nothing; it still searches.
      WriterLeaseException held = expectThrows(WriterLeaseException.class, () -> later.add(last.get(0)));
      assertEquals("news_stories", held.index());
      assertEquals(cluster.writerId(), held.holder());
      assertTrue(held.getMessage(), held.getMessage().contains("news_stories") && held.getMessage().contains(cluster.writerId()));
      assertTrue(held instanceof dev.dateline.IndexLockedException);
      expectThrows(WriterLeaseException.class, () -> later.delete(kept));
      expectThrows(WriterLeaseException.class,
          () -> later.addAll(List.<ArticleFiles.Record>of(new ArticleFiles.Parsed(last.get(1), "x")).iterator(), x -> fail(x.toString())));
      later.refresh();
      assertFalse(client.exists(g -> g.index("news_stories").id(last.get(0).id())).value());
      assertFalse(client.exists(g -> g.index("news_stories").id(last.get(1).id())).value());
      assertTrue(client.exists(g -> g.index("news_stories").id(kept)).value());
      embedded.refresh();
      assertEquals(embedded.count(NewsQuery.builder().build()), later.count(NewsQuery.builder().build()));
      // The first writer is taken to be gone (its process died): the second takes the lease over
      // and writes; the first, still running after all, is refused at its next write, naming the
      // new holder, and its close leaves the new holder's lease alone.
      later.takeOverWriterLease();
      for (Article a : last) {
        embedded.add(a);
        later.add(a);
      }
      WriterLeaseException lost = expectThrows(WriterLeaseException.class, () -> cluster.delete(kept));
      assertEquals(later.writerId(), lost.holder());
      assertTrue(lost.getMessage(), lost.getMessage().contains(later.writerId()));
      assertTrue(client.exists(g -> g.index("news_stories").id(kept)).value());
      cluster.close();
      NewsCluster next = NewsCluster.of(client, "news_stories", options);
      assertEquals(later.writerId(), expectThrows(WriterLeaseException.class, () -> next.delete("no-such-article")).holder());
      later.close(); // releases the lease: the next writer takes it
      next.delete("no-such-article");
      next.close();
      assertFalse(client.exists(g -> g.index(NewsCluster.WRITER_LEASE_INDEX).id("news_stories")).value());
      Object repaired =
          client.get(g -> g.index("news_stories").id(damaged), Map.class).source().get(DatelineMapping.STORY_KEY);
      cluster.refresh();
      // Moving an article re-indexes it in the cluster (a doc-values update in the embedded
      // index): its deleted copy counts in the term statistics until a merge drops it, which
      // OpenSearch's soft-delete retention (for replicas' recovery) holds back; scores then
      // differ slightly. So relevance is compared on a twin index written in publication order
      // (no moves), against the embedded index merged (no deleted articles either).
      embedded.forceMerge(1); // and refreshes
      assertEquals(damaged + " repaired", dev.dateline.StoryDetector.key(embedded.timeline(damaged).get(0).story().id()),
          ((Number) repaired).longValue());
      Map<String, Article> live = new LinkedHashMap<>();
      shuffled.forEach(a -> live.put(a.id(), a));
      List<String> deleted = List.of("w003", "w010", "w017");
      for (Article a : shuffled.subList(0, shuffled.size() - 10)) {
        if (deleted.contains(a.id())) {
          live.remove(a.id());
        }
      }
      NewsCluster twin = NewsCluster.of(client, "news_stories_twin", options);
      twin.createIndex(3, 1);
      ensureGreen("news_stories_twin");
      List<ArticleFiles.Record> inOrder = new ArrayList<>();
      live.values().stream()
          .sorted(java.util.Comparator.comparing(Article::published, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
              .thenComparing(Article::id))
          .forEach(a -> inOrder.add(new ArticleFiles.Parsed(a, a.id())));
      twin.addAll(inOrder.iterator(), x -> fail(x.toString()));
      twin.refresh();
      assertEquals(0L, (long) client.indices().stats(x -> x.index("news_stories_twin")).all().total().docs().deleted());
      logger.info("stories: indexed {} articles in {} ms", generated.size(), (System.nanoTime() - start) / 1_000_000);

      List<NewsQuery.Builder> queries = List.of(
          NewsQuery.builder(),
          NewsQuery.builder().text("ceasefire talks"),
          NewsQuery.builder().text("oil prices market"),
          NewsQuery.builder().text("reportedly"),
          NewsQuery.builder().place("Berlin"),
          NewsQuery.builder().text("election").person("Angela Merkel").from("2026-02-03").to("2026-02-10"));
      int pages = 0;
      boolean copiesSeen = false;
      for (NewsQuery.Builder b : queries) {
        for (SortOrder order : SortOrder.values()) {
          NewsQuery q = b.sort(order).collapse(true).limit(15).build();
          if ((order == SortOrder.RELEVANCE || order == SortOrder.RECENT) && q.text() == null) {
            continue;
          }
          // Date orders on the index with moves; score orders on the twin (see above).
          NewsCluster store = order == SortOrder.NEWEST || order == SortOrder.OLDEST ? cluster : twin;
          pages += compareCollapsed(embedded, store, q, q.text() + " " + order);
          if (order == SortOrder.NEWEST) {
            pages += compareCollapsed(embedded, store, q.toBuilder().exactTotal(true).build(), q.text() + " " + order + " exact");
          }
        }
        copiesSeen |= embedded.search(b.sort(SortOrder.NEWEST).collapse(true).limit(100).build()).hits().stream()
            .anyMatch(h -> h.story().size() > 1);
      }
      assertTrue("some story has copies", copiesSeen);

      // Facet counts by story, with and without sideways, beside a collapsed page or alone.
      int facetRequests = 0;
      for (NewsQuery.Builder b : queries) {
        NewsQuery q = b.sort(SortOrder.NEWEST).collapse(false).limit(10).build();
        for (boolean sideways : List.of(false, true)) {
          dev.dateline.FacetRequest request =
              dev.dateline.FacetRequest.builder()
                  .dimensions(dev.dateline.FacetDimension.SOURCE, dev.dateline.FacetDimension.PERSON,
                      dev.dateline.FacetDimension.PLACE)
                  .limit(3)
                  .sideways(sideways)
                  .stories(true)
                  .histogram(sideways ? dev.dateline.DateInterval.DAY : dev.dateline.DateInterval.WEEK)
                  .zone(java.time.ZoneId.of(sideways ? "Asia/Kolkata" : "Europe/Berlin"))
                  .build();
          assertEquals(q.text() + " stories", embedded.facets(q, request), cluster.facets(q, request));
          SearchResults e = embedded.search(q, request);
          SearchResults c = cluster.search(q, request);
          assertEquals(e.facets(), c.facets());
          assertEquals(e.total(), c.total());
          assertEquals(e.hits().stream().map(SearchHit::id).toList(), c.hits().stream().map(SearchHit::id).toList());
          NewsQuery collapsed = q.toBuilder().collapse(true).build();
          e = embedded.search(collapsed, request);
          c = cluster.search(collapsed, request);
          assertEquals(e.facets(), c.facets());
          assertEquals(e.total(), c.total());
          assertEquals(e.totalIsExact(), c.totalIsExact());
          assertEquals(e.hits().stream().map(SearchHit::story).toList(), c.hits().stream().map(SearchHit::story).toList());
          facetRequests += 3;
        }
      }

      // Timelines: every story through each of its roots (and the articles deleted), on the index
      // with moves and on the twin: the same members, order, fields and stories.
      long timelineStart = System.nanoTime();
      int timelines = 0;
      boolean longTimeline = false;
      for (Article a : generated) {
        if (a.id().contains("c") && !a.id().equals(damaged)) {
          continue; // a copy: its story is checked through its root
        }
        List<SearchHit> e = embedded.timeline(a.id());
        assertEquals(a.id() + " timeline", e, cluster.timeline(a.id()));
        assertEquals(a.id() + " timeline (twin)", e, twin.timeline(a.id()));
        assertEquals(a.id(), !live.containsKey(a.id()), e.isEmpty());
        longTimeline |= e.size() > 2;
        timelines += 2;
      }
      assertTrue("a story with copies", longTimeline);
      logger.info("stories: {} timelines in {} ms", timelines, (System.nanoTime() - timelineStart) / 1_000_000);

      // Significant values: against the rest of the index, and against an earlier period.
      int significant = 0;
      for (dev.dateline.FacetDimension d :
          List.of(dev.dateline.FacetDimension.PERSON, dev.dateline.FacetDimension.PLACE, dev.dateline.FacetDimension.SOURCE)) {
        NewsQuery fg = NewsQuery.builder().text("reportedly").build();
        NewsQuery week = NewsQuery.builder().from("2026-02-07").to("2026-02-13").build();
        NewsQuery before = NewsQuery.builder().from("2026-02-01").to("2026-02-06").build();
        for (NewsQuery[] pair : List.of(new NewsQuery[] {fg, null}, new NewsQuery[] {week, before})) {
          List<dev.dateline.SignificantValue> e = embedded.significant(pair[0], pair[1], d, 5);
          assertEquals(d + " significant", e, cluster.significant(pair[0], pair[1], d, 5));
          significant++;
        }
      }
      assertTrue(pages > 30);
      logger.info("stories: {} collapsed pages, {} facet requests, {} significant lists in {} ms",
          pages, facetRequests, significant, (System.nanoTime() - start) / 1_000_000);
    }
  }

  /** Pages through a collapsed query in both stores, each with its own cursors; every page equal. */
  private static int compareCollapsed(NewsIndex embedded, NewsCluster cluster, NewsQuery first, String what) {
    NewsQuery qe = first;
    NewsQuery qc = first;
    int pages = 0;
    while (true) {
      SearchResults e = embedded.search(qe);
      SearchResults c = cluster.search(qc);
      String page = what + " page " + pages;
      assertEquals(page + ": heads",
          e.hits().stream().map(SearchHit::id).toList(),
          c.hits().stream().map(SearchHit::id).toList());
      assertEquals(page + ": stories", e.hits().stream().map(SearchHit::story).toList(),
          c.hits().stream().map(SearchHit::story).toList());
      assertEquals(page + ": total", e.total(), c.total());
      assertEquals(page + ": total exact", e.totalIsExact(), c.totalIsExact());
      for (int i = 0; i < e.hits().size(); i++) {
        assertEquals(page + ": score", e.hits().get(i).score(), c.hits().get(i).score(), 1e-4f);
        assertEquals(page + ": has snippet", e.hits().get(i).highlight() == null, c.hits().get(i).highlight() == null);
      }
      pages++;
      assertEquals(page + ": has next", e.next() == null, c.next() == null);
      if (c.next() == null) {
        return pages;
      }
      qe = first.after(e.next());
      qc = first.after(c.next());
    }
  }

  /**
   * Pages through both stores, each with its own cursors; every page equal. Returns the pages
   * compared.
   */
  private static int comparePages(NewsStore embedded, NewsStore cluster, NewsQuery first, String what) {
    NewsQuery qe = first;
    NewsQuery qc = first;
    boolean byScore = first.sort() == SortOrder.RELEVANCE || first.sort() == SortOrder.RECENT;
    // Relevance: the top 30; dates: every page. A fuzzy or prefix word is expanded by each shard
    // from its own terms, and the expansion's blended statistics then agree with the embedded
    // index's only to about 1e-5: near-tied articles may fall on either side of a page boundary,
    // so for those only the first page is compared in score orders (seed 1412BF931FB9C990 put
    // `vacine~`'s tie at the end of its second page).
    String text = String.valueOf(first.text());
    boolean expanded = text.contains("~") || text.contains("*");
    int maxPages = byScore ? (expanded ? 1 : 3) : Integer.MAX_VALUE;
    int pages = 0;
    while (pages < maxPages) {
      SearchResults e = embedded.search(qe);
      SearchResults c = cluster.search(qc);
      String page = what + " page " + pages;
      if (pages == 0) {
        assertFalse(what + ": matches nothing, so proves nothing", e.hits().isEmpty());
      }
      assertEquals(page + ": ids", e.hits().stream().map(SearchHit::id).toList(),
          c.hits().stream().map(SearchHit::id).toList());
      assertEquals(page + ": total", e.total(), c.total());
      assertEquals(page + ": total exact", e.totalIsExact(), c.totalIsExact());
      for (int i = 0; i < e.hits().size(); i++) {
        SearchHit eh = e.hits().get(i);
        SearchHit ch = c.hits().get(i);
        assertEquals(page + ": score of " + eh.id(), eh.score(), ch.score(), 1e-4f);
        assertEquals(page + ": headline of " + eh.id(), eh.headline(), ch.headline());
        assertEquals(page + ": published of " + eh.id(), eh.published(), ch.published());
        assertEquals(page + ": source of " + eh.id(), eh.source(), ch.source());
        assertEquals(page + ": entities of " + eh.id(), eh.entities(), ch.entities());
        assertEquals(page + ": has snippet " + eh.id(), eh.highlight() == null, ch.highlight() == null);
      }
      pages++;
      assertEquals(page + ": has next", e.next() == null, c.next() == null);
      if (c.next() == null) {
        break;
      }
      qe = first.after(e.next());
      qc = first.after(c.next());
    }
    return pages;
  }
}
