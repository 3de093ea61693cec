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

      // The index comes from DatelineMapping's index template: created by name, nothing else.
      String template =
          JSON.writeValueAsString(DatelineMapping.indexTemplate(List.of("news*"), 3, 0, NewsIndex.Options.defaults()));
      try (Response r =
          client.generic().execute(Requests.builder().method("PUT").endpoint("/_index_template/dateline-news").json(template).build())) {
        assertEquals(r.getBody().map(b -> b.bodyAsString()).orElse(""), 200, r.getStatus());
      }
      try (Response r = client.generic().execute(Requests.builder().method("PUT").endpoint("/news").build())) {
        assertEquals(r.getBody().map(b -> b.bodyAsString()).orElse(""), 200, r.getStatus());
      }
      try (Response r = client.generic().execute(Requests.builder().method("GET").endpoint("/news/_settings").build())) {
        String settings = r.getBody().map(b -> b.bodyAsString()).orElse("");
        assertTrue(settings, settings.contains("\"number_of_shards\":\"3\"") && settings.contains("\"sort\""));
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
    // A word starting with - is an exclusion, as in dateline search (not -h plus letters); an
    // unknown --option is a usage error.
    Run excluded = cli("search", "--url", url, "--index", "cli", "--json", "drought", "-harvest");
    assertEquals(excluded.err, 0, excluded.code);
    assertTrue(excluded.out, excluded.out.startsWith("{\"total\":0,"));
    Run typo = cli("search", "--url", url, "--index", "cli", "--limt", "5", "drought");
    assertEquals(typo.err, 2, typo.code);
    assertTrue(typo.err, typo.err.contains("unknown option '--limt'"));
    Run unknown = cli("search", "--url", url, "--index", "cli", "--facet", "colour");
    assertEquals(unknown.err, 2, unknown.code);
    assertTrue(unknown.err, unknown.err.contains("unknown facet dimension 'colour'") && unknown.err.strip().lines().count() == 1);
    assertEquals(2, cli("search", "--url", url, "--index", "cli", "--histogram", "fortnight").code);
    assertEquals(0, cli("search", "--url", url, "--index", "cli", "\"unclosed").code); // plain syntax: any text
    Run bad = cli("search", "--url", url, "--index", "cli", "--syntax", "full", "\"unclosed");
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
    Run story = cli("story", "--url", url, "--index", "cli_stories", "s2");
    assertEquals(story.err, 0, story.code);
    assertTrue(story.out, story.out.startsWith("story s1: 2 articles, first: Wire\n  2026-02-01T10:00:00Z  Wire  Rates on hold  [s1]\n"));
    Run missing = cli("story", "--url", url, "--index", "cli_stories", "nope");
    assertEquals(missing.err, 6, missing.code);
    assertTrue(missing.err, missing.err.contains("no article with id 'nope'") && missing.err.strip().lines().count() == 1);
    Run noStories = cli("story", "--url", url, "--index", "cli", "c3");
    assertEquals(noStories.err, 2, noStories.code);
    assertTrue(noStories.err, noStories.err.contains("without story detection") && noStories.err.strip().lines().count() == 1);
    Run refused = cli("search", "--url", url, "--index", "cli", "--collapse", "ceasefire");
    assertEquals(refused.err, 2, refused.code);
    assertTrue(refused.err, refused.err.contains("without story detection") && refused.err.strip().lines().count() == 1);

    // One writer per story index. The CLI's index released its writer lease when it finished (a
    // client takes it now); while that client holds it, the CLI's writes are refused (exit 4, one
    // line naming the index and the holder) and change nothing; --take-over takes the lease from
    // a writer that is gone, and the old holder is refused at its next write.
    NewsCluster holder =
        NewsCluster.of(new OpenSearchClient(new RestClientTransport(getRestClient(), new JacksonJsonpMapper())), "cli_stories");
    holder.delete("nope");
    Run locked = cli("delete", "--url", url, "--index", "cli_stories", "s3");
    assertEquals(locked.err, 4, locked.code);
    assertTrue(locked.err, locked.err.contains("cli_stories") && locked.err.contains(holder.writerId())
        && locked.err.strip().lines().count() == 1);
    assertEquals(0, cli("story", "--url", url, "--index", "cli_stories", "s3").code);
    Run takeOver = cli("delete", "--url", url, "--index", "cli_stories", "--take-over", "s3");
    assertEquals(takeOver.err, 0, takeOver.code);
    assertEquals(6, cli("story", "--url", url, "--index", "cli_stories", "s3").code);
    expectThrows(WriterLeaseException.class, () -> holder.delete("s1"));
    assertEquals(0, cli("story", "--url", url, "--index", "cli_stories", "s1").code);
  }

  /**
   * {@code dateline-cluster ... --json} prints what {@code dateline ... --json} prints for the same
   * articles and options: searches (orders, filters, dates, pages by each tool's own cursor,
   * facets, histograms, sideways, collapse, story counts, count), trends and story, as JSON trees
   * equal but for the snippets, the highlights and the cursors (each store's own) and the
   * significant words (not available through a cluster: null). An article full of hostile text
   * comes back as the same strings in valid, markup-free JSON.
   */
  public void testClusterCliJsonEqualsEmbeddedCli() throws Exception {
    String url = getRestClient().getNodes().get(0).getHost().toURI();
    java.nio.file.Path dir = createTempDir();
    String hostile = "Quote \" back \\ slash </script><script>alert('x')</script> & \u0001\u001b[31m\ttab"
        + " Z\u00fcrich \u6771\u4eac \ud83d\ude00 \u202e \u2028 zanzibar";
    List<Article> articles = new ArrayList<>(StoryNews.articles(30, 11L));
    articles.addAll(GeneratedNews.articles(60, 12L));
    articles.add(Article.builder().id("evil\"</script>").source("Evil \"Wire\" </script>").headline(hostile)
        .body(List.of(hostile, "Ceasefire talks in zanzibar.")).byline("By \\ </b>")
        .url("https://example.com/?a=1&b=<2>").published("2026-02-05T10:00:00Z")
        .entities(List.of(dev.dateline.Entity.of(dev.dateline.EntityType.PERSON, "Zo\u00eb O'Brien"))).build());
    // In publication order, so the cluster moves no article to another story (a move re-indexes
    // it, and its deleted copy would count in the term statistics until merged away).
    articles.sort(java.util.Comparator.comparing(Article::published, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
    StringBuilder lines = new StringBuilder();
    for (Article a : articles) {
      lines.append(dev.dateline.ArticleFiles.toJson(a).replace("\n", "")).append('\n');
    }
    java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("news.jsonl"), lines.toString());
    String embedded = dir.resolve("idx").toString();
    Run built = embedded("index", "--index", embedded, "--stories", file.toString());
    assertEquals(built.err, 0, built.code);
    assertEquals(0, cli("create", "--url", url, "--index", "json", "--shards", "3", "--replicas", "0", "--stories").code);
    ensureGreen("json");
    Run indexed = cli("index", "--url", url, "--index", "json", file.toString());
    assertEquals(indexed.err, 0, indexed.code);

    List<List<String>> searches = List.of(
        List.of("search", "ceasefire", "talks"),
        List.of("search", "--sort", "newest", "--limit", "20"),
        List.of("search", "--sort", "oldest", "--limit", "7", "--from", "2026-02-03", "--to", "2026-02-08", "--tz", "Europe/Berlin"),
        List.of("search", "--person", "Angela Merkel", "--source", "Wire Service", "--sort", "newest", "truce"),
        List.of("search", "--syntax", "full", "ceasefire AND (talks OR truce) -border"),
        List.of("search", "--and", "--exact-total", "summit", "border"),
        List.of("search", "--facet", "source", "--facet", "person", "--facet", "place", "--facet-limit", "3",
            "--histogram", "day", "--tz", "Asia/Kolkata", "ceasefire"),
        List.of("search", "--sideways", "--source", "Gulf Daily", "--facet", "source", "--facet", "org",
            "--histogram", "week", "--tz", "Europe/Berlin"),
        List.of("search", "--collapse", "--sort", "newest", "--limit", "15"),
        List.of("search", "--collapse", "truce", "summit"),
        List.of("search", "--facet", "source", "--facet", "person", "--facet-stories", "--histogram", "day", "--collapse"),
        List.of("search", "--count", "talks"),
        List.of("search", "--exact-total", "--sort", "newest", "zanzibar"),
        List.of("trends", "ceasefire"),
        List.of("trends", "--place", "Kyiv", "--from", "2026-02-01", "--background-from", "2026-01-01",
            "--background-to", "2026-01-31"),
        List.of("story", "w000"),
        List.of("story", "w004"));
    int compared = 0;
    for (List<String> args : searches) {
      JsonPair p = jsonPair(url, embedded, args);
      compared++;
      if (args.get(0).equals("search") && !args.contains("--count")) {
        // The next page, each tool with its own cursor.
        String nextE = p.embedded.path("next").isNull() ? null : p.embedded.path("next").asText(null);
        String nextC = p.cluster.path("next").isNull() ? null : p.cluster.path("next").asText(null);
        assertEquals(args + " has a next page", nextE != null, nextC != null);
        if (nextE != null) {
          List<String> e = new ArrayList<>(args);
          e.addAll(1, List.of("--after", nextE));
          List<String> c = new ArrayList<>(args);
          c.addAll(1, List.of("--after", nextC));
          jsonPair(url, embedded, e, c);
          compared++;
        }
      }
    }
    assertTrue("pages compared: " + compared, compared > searches.size());

    // The hostile article: the same strings back, in JSON without markup or raw control characters.
    JsonPair evil = jsonPair(url, embedded, List.of("search", "--exact-total", "zanzibar", "script"));
    com.fasterxml.jackson.databind.JsonNode hit = null;
    for (com.fasterxml.jackson.databind.JsonNode h : evil.cluster.get("hits")) {
      if (h.get("id").asText().equals("evil\"</script>")) {
        hit = h;
      }
    }
    assertNotNull(evil.clusterText, hit);
    // The file reader removes C0 control characters but tab and line feed (ArticleFiles).
    assertEquals(hostile.replace("\u0001", "").replace("\u001b", ""), hit.get("headline").asText());
    assertTrue(evil.clusterText, evil.clusterText.contains("\\u003C/script\\u003E"));
    assertEquals("Evil \"Wire\" </script>", hit.get("source").asText());
    assertEquals("By \\ </b>", hit.get("byline").asText());
    assertEquals("https://example.com/?a=1&b=<2>", hit.get("url").asText());
    assertEquals("Zo\u00eb O'Brien", hit.get("entities").get(0).get("name").asText());
  }

  /** Two tools' JSON for one command, parsed, and their raw text. */
  private record JsonPair(
      com.fasterxml.jackson.databind.JsonNode embedded, com.fasterxml.jackson.databind.JsonNode cluster,
      String clusterText) {}

  private static JsonPair jsonPair(String url, String embeddedIndex, List<String> args) throws Exception {
    return jsonPair(url, embeddedIndex, args, args);
  }

  /**
   * Runs {@code dateline} with {@code embeddedArgs} and {@code dateline-cluster} with {@code
   * clusterArgs} (each with {@code --json} and its index), checks both print one line of valid,
   * HTML-safe JSON and that the trees are equal but for what legitimately differs.
   */
  private static JsonPair jsonPair(String url, String embeddedIndex, List<String> embeddedArgs, List<String> clusterArgs)
      throws Exception {
    List<String> e = new ArrayList<>(embeddedArgs);
    e.addAll(1, List.of("--json", "--index", embeddedIndex));
    List<String> c = new ArrayList<>(clusterArgs);
    c.addAll(1, List.of("--json", "--url", url, "--index", "json"));
    Run er = embedded(e.toArray(String[]::new));
    Run cr = cli(c.toArray(String[]::new));
    assertEquals(e + ": " + er.err, 0, er.code);
    assertEquals(c + ": " + cr.err, 0, cr.code);
    com.fasterxml.jackson.databind.JsonNode ej = strictJson(er.out);
    com.fasterxml.jackson.databind.JsonNode cj = strictJson(cr.out);
    com.fasterxml.jackson.databind.JsonNode ec = comparable(ej);
    com.fasterxml.jackson.databind.JsonNode cc = comparable(cj);
    assertEquals(embeddedArgs.toString(), ec.toPrettyString(), cc.toPrettyString());
    if (ej.has("hits") && embeddedArgs.get(0).equals("search")) {
      assertTrue(embeddedArgs + " finds something", ej.get("hits").size() > 0 || ej.path("total").asLong() == 0);
    }
    if (ej.has("significant")) {
      assertTrue(er.out, ej.get("significant").get("word").isArray());
      assertTrue(cr.out, cj.get("significant").get("word").isNull());
    }
    return new JsonPair(ej, cj, cr.out);
  }

  /** One line of JSON: parsed strictly, no markup characters, no raw control characters. */
  private static com.fasterxml.jackson.databind.JsonNode strictJson(String out) throws Exception {
    assertTrue(out, out.endsWith("\n") && out.indexOf('\n') == out.length() - 1);
    for (char ch : out.substring(0, out.length() - 1).toCharArray()) {
      assertTrue(out, ch >= 0x20 && ch != '<' && ch != '>' && ch != '&' && ch != '\'');
    }
    com.fasterxml.jackson.databind.ObjectMapper strict = new com.fasterxml.jackson.databind.ObjectMapper()
        .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    return strict.readTree(out);
  }

  /**
   * The tree without what differs between the tools by design: each hit's {@code snippet} and
   * {@code highlight} (OpenSearch's highlighter picks its own passages), {@code next} (each
   * store's own cursor) and {@code significant.word} (not available through a cluster).
   */
  private static com.fasterxml.jackson.databind.JsonNode comparable(com.fasterxml.jackson.databind.JsonNode json) {
    ObjectNode copy = (ObjectNode) json.deepCopy();
    copy.remove("next");
    if (copy.get("hits") instanceof com.fasterxml.jackson.databind.node.ArrayNode hits) {
      for (com.fasterxml.jackson.databind.JsonNode h : hits) {
        ((ObjectNode) h).remove(List.of("snippet", "highlight"));
      }
    }
    if (copy.get("significant") instanceof ObjectNode sig) {
      sig.remove("word");
    }
    return copy;
  }

  private static Run embedded(String... args) {
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    int code = dev.dateline.cli.Main.run(new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  private record Run(int code, String out, String err) {}

  private static Run cli(String... args) {
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    int code = ClusterCli.run(new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }
}
