package dev.dateline.opensearch;

import com.carrotsearch.randomizedtesting.annotations.ThreadLeakScope;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dateline.Article;
import dev.dateline.DatelineLucene;
import dev.dateline.NewsIndex;
import dev.dateline.NewsQuery;
import dev.dateline.SearchHit;
import dev.dateline.SortOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.lucene.tests.util.LuceneTestCase.SuppressFileSystems;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch._types.SearchType;
import org.opensearch.client.opensearch._types.SortOptions;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.rest_client.RestClientTransport;
import org.opensearch.plugins.Plugin;
import org.opensearch.test.OpenSearchIntegTestCase;
import org.opensearch.transport.Netty4ModulePlugin;

/**
 * Through HTTP and the official {@code opensearch-java} client only: create the index from
 * {@link DatelineMapping}'s JSON, bulk-index articles, and search with the {@code dateline} query
 * sent as a {@code wrapper} query (the typed client has no class for a plugin query); the results
 * equal the embedded index's. One node, three shards (DFS still matters across shards).
 */
@OpenSearchIntegTestCase.ClusterScope(
    scope = OpenSearchIntegTestCase.Scope.SUITE,
    numDataNodes = 1,
    numClientNodes = 0,
    supportsDedicatedMasters = false)
@SuppressFileSystems("ExtrasFS")
@ThreadLeakScope(ThreadLeakScope.Scope.NONE)
public class DatelineRestIT extends OpenSearchIntegTestCase {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected Collection<Class<? extends Plugin>> nodePlugins() {
    return List.of(DatelinePlugin.class, Netty4ModulePlugin.class);
  }

  @Override
  protected boolean addMockHttpTransport() {
    return false; // real HTTP (Netty), for the client
  }

  private static final org.opensearch.client.opensearch._types.SortOrder ASC =
      org.opensearch.client.opensearch._types.SortOrder.Asc;
  private static final org.opensearch.client.opensearch._types.SortOrder DESC =
      org.opensearch.client.opensearch._types.SortOrder.Desc;

  /** As {@link DatelineMapping#sort}, in the client's types. */
  private static List<SortOptions> sorts(boolean byScore) {
    SortOptions id = SortOptions.of(so -> so.field(f -> f.field("id").order(ASC)));
    return byScore
        ? List.of(SortOptions.of(so -> so.score(sc -> sc.order(DESC))), id)
        : List.of(SortOptions.of(so -> so.field(f -> f.field("published").order(DESC).missing(org.opensearch.client.opensearch._types.FieldValue.of("_last")))), id);
  }

  public void testOfficialClientOverHttp_matchesEmbeddedIndex() throws Exception {
    OpenSearchClient client =
        new OpenSearchClient(new RestClientTransport(getRestClient(), new JacksonJsonpMapper()));
    DatelineLucene lucene = DatelineLucene.defaults();
    try (NewsIndex embedded = NewsIndex.inMemory()) {
      List<Article> indexed = new ArrayList<>();
      for (Article a : GeneratedNews.articles(150, 7L)) {
        indexed.add(embedded.add(a));
      }
      embedded.refresh();

      String body =
          JSON.writeValueAsString(
              Map.of("settings", DatelineMapping.settings(3, 0), "mappings", DatelineMapping.mapping()));
      try (Response r =
          client.generic().execute(Requests.builder().method("PUT").endpoint("/news").json(body).build())) {
        assertEquals(r.getBody().map(b -> b.bodyAsString()).orElse(""), 200, r.getStatus());
      }
      List<BulkOperation> ops = new ArrayList<>();
      for (Article a : indexed) {
        Map<String, Object> doc = DatelineMapping.document(lucene, a);
        ops.add(BulkOperation.of(o -> o.index(i -> i.index("news").id(a.id()).document(doc))));
      }
      BulkResponse bulk = client.bulk(b -> b.operations(ops).refresh(Refresh.True));
      assertFalse(String.valueOf(bulk.items().get(0).error()), bulk.errors());

      for (String text : List.of("ceasefire talks", "\"oil prices\"", "summit -border", "kyiv")) {
        for (SortOrder order : List.of(SortOrder.RELEVANCE, SortOrder.NEWEST)) {
          String query =
              JSON.writeValueAsString(
                  Map.of("dateline", Map.of("text", text, "sort", order.name().toLowerCase(java.util.Locale.ROOT))));
          String wrapped = Base64.getEncoder().encodeToString(query.getBytes(StandardCharsets.UTF_8));
          boolean byScore = order == SortOrder.RELEVANCE;
          SearchResponse<ObjectNode> r =
              client.search(
                  s -> s.index("news")
                      .searchType(SearchType.DfsQueryThenFetch)
                      .query(q -> q.wrapper(w -> w.query(wrapped)))
                      .size(10)
                      .trackTotalHits(t -> t.enabled(true))
                      .source(src -> src.fetch(false))
                      .sort(sorts(byScore)),
                  ObjectNode.class);
          NewsQuery nq = NewsQuery.builder().text(text).sort(order).limit(10).exactTotal(true).build();
          var expected = embedded.search(nq);
          assertFalse(text + " matches nothing", expected.hits().isEmpty());
          assertEquals(text + " " + order, expected.hits().stream().map(SearchHit::id).toList(),
              r.hits().hits().stream().map(h -> h.id()).toList());
          assertEquals(text + " " + order + " total", expected.total(), r.hits().total().value());
        }
      }
    }
  }

  /** dateline-cluster: create, index (a bad record reported, the others kept), search, delete. */
  public void testClusterCli() throws Exception {
    String url = getRestClient().getNodes().get(0).getHost().toURI();
    java.nio.file.Path dir = createTempDir();
    java.nio.file.Path file = dir.resolve("news.jsonl");
    java.nio.file.Files.writeString(
        file,
        "{\"id\": \"c1\", \"headline\": \"Ceasefire talks resume\", \"body\": [\"Envoys met in Geneva.\"],"
            + " \"published\": \"2026-02-01T10:00:00Z\", \"source\": \"Wire\"}\n"
            + "{\"id\": \"c2\", \"published\": \"2026-02-30\", \"headline\": \"Bad date\"}\n"
            + "{\"id\": \"c3\", \"headline\": \"Harvest \\u001b[31mfails\", \"body\": [\"Drought in the north.\"],"
            + " \"published\": \"2026-02-02T10:00:00Z\", \"source\": \"Wire\"}\n");
    assertEquals(0, cli("create", "--url", url, "--index", "cli", "--shards", "2", "--replicas", "0").code);
    ensureGreen("cli");
    Run index = cli("index", "--url", url, "--index", "cli", file.toString());
    assertEquals(index.err, 3, index.code);
    assertTrue(index.err, index.err.startsWith(file + ":2: "));
    assertTrue(index.out, index.out.contains("indexed 2 articles"));
    Run search = cli("search", "--url", url, "--index", "cli", "--sort", "newest");
    assertEquals(search.err, 0, search.code);
    assertTrue(search.out, search.out.startsWith("2 articles"));
    assertTrue(search.out, search.out.indexOf("c3") < search.out.indexOf("c1"));
    assertFalse("terminal escapes are neutralised", search.out.contains("\u001b"));
    Run page = cli("search", "--url", url, "--index", "cli", "--sort", "newest", "--limit", "1");
    String cursor = page.out.substring(page.out.indexOf("--after ") + 8).strip();
    Run next = cli("search", "--url", url, "--index", "cli", "--sort", "newest", "--limit", "1", "--after", cursor);
    assertTrue(next.out, next.out.contains("c1") && !next.out.contains("c3"));
    // Facets and a histogram (in Asia/Kolkata days: from 18:30 UTC).
    Run facets =
        cli("search", "--url", url, "--index", "cli", "--facet", "source", "--facet", "tag",
            "--histogram", "day", "--tz", "Asia/Kolkata");
    assertEquals(facets.err, 0, facets.code);
    assertTrue(facets.out, facets.out.contains("source:\n  2  Wire\n"));
    assertTrue(facets.out, facets.out.contains("tag: none\n"));
    assertTrue(facets.out, facets.out.contains("published per day (Asia/Kolkata):\n"
        + "  2026-02-01T00:00+05:30  1\n  2026-02-02T00:00+05:30  1\n  undated  0\n"));
    Run unknown = cli("search", "--url", url, "--index", "cli", "--facet", "colour");
    assertEquals(unknown.err, 2, unknown.code);
    assertTrue(unknown.err, unknown.err.contains("unknown facet dimension 'colour'") && unknown.err.strip().lines().count() == 1);
    assertEquals(2, cli("search", "--url", url, "--index", "cli", "--histogram", "fortnight").code);
    Run bad = cli("search", "--url", url, "--index", "cli", "\"unclosed");
    assertEquals(bad.err, 2, bad.code);
    assertTrue(bad.err, bad.err.startsWith("dateline-cluster: ") && bad.err.strip().lines().count() == 1);
    assertEquals(2, cli("search", "--url", "http://[bad", "--index", "cli", "x").code);
    assertEquals(0, cli("delete", "--url", url, "--index", "cli", "c1").code);
    assertTrue(cli("search", "--url", url, "--index", "cli", "ceasefire").out.startsWith("0 articles"));
    assertEquals(5, cli("index", "--url", url, "--index", "cli", java.nio.file.Files.writeString(dir.resolve("empty.jsonl"), "").toString()).code);

    // Stories: a wire story and a syndicated copy collapse into one hit; counted once per source.
    String text = "Central bank officials said on Tuesday that interest rates would stay on hold for the"
        + " rest of the year as inflation eased and growth in exports slowed across the region";
    java.nio.file.Path stories = java.nio.file.Files.writeString(
        dir.resolve("stories.jsonl"),
        "{\"id\": \"s1\", \"headline\": \"Rates on hold\", \"body\": [\"" + text + ".\"],"
            + " \"published\": \"2026-02-01T10:00:00Z\", \"source\": \"Wire\"}\n"
            + "{\"id\": \"s2\", \"headline\": \"Bank keeps rates\", \"body\": [\"" + text
            + ", officials said.\", \"Copyright Gulf Daily.\"], \"published\": \"2026-02-01T12:00:00Z\","
            + " \"source\": \"Gulf Daily\"}\n"
            + "{\"id\": \"s3\", \"headline\": \"Harvest fails\", \"body\": [\"Drought in the north.\"],"
            + " \"published\": \"2026-02-03T10:00:00Z\", \"source\": \"Wire\"}\n");
    Run created = cli("create", "--url", url, "--index", "cli_stories", "--shards", "2", "--replicas", "0", "--stories");
    assertTrue(created.out, created.out.contains("stories"));
    ensureGreen("cli_stories");
    assertEquals(0, cli("index", "--url", url, "--index", "cli_stories", stories.toString()).code);
    Run collapsed = cli("search", "--url", url, "--index", "cli_stories", "--sort", "newest", "--collapse");
    assertEquals(collapsed.err, 0, collapsed.code);
    assertTrue(collapsed.out, collapsed.out.startsWith("2 stories\n"));
    assertTrue(collapsed.out, collapsed.out.contains("  s2\n  story s1: 2 articles, Gulf Daily, Wire, first: Wire\n"));
    assertFalse(collapsed.out, collapsed.out.contains("  s1\n"));
    Run byStory = cli("search", "--url", url, "--index", "cli_stories", "--facet", "source", "--facet-stories");
    assertEquals(byStory.err, 0, byStory.code);
    assertTrue(byStory.out, byStory.out.startsWith("2 stories\n") && byStory.out.contains("source:\n  2  Wire\n  1  Gulf Daily\n"));
    Run trends = cli("trends", "--url", url, "--index", "cli_stories", "rates");
    assertEquals(trends.err, 0, trends.code);
    assertTrue(trends.out, trends.out.startsWith("2 articles match\n\nmentioned with it (person):\n"));
    assertTrue(trends.out, trends.out.contains("\nunusually frequent (org, vs the rest of the index; G2 score):\n"));
    assertTrue(trends.out, trends.out.contains("unusually frequent (word): not available through a cluster"));
    assertEquals(2, cli("trends", "--url", url, "--index", "cli_stories", "--top", "0", "rates").code);
    Run refused = cli("search", "--url", url, "--index", "cli", "--collapse", "ceasefire");
    assertEquals(refused.err, 2, refused.code);
    assertTrue(refused.err, refused.err.contains("without story detection") && refused.err.strip().lines().count() == 1);
  }

  private record Run(int code, String out, String err) {}

  private static Run cli(String... args) {
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    int code = ClusterCli.run(new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }
}
