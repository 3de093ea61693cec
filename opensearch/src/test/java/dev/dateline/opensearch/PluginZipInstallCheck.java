package dev.dateline.opensearch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.lucene.tests.util.LuceneTestCase.SuppressFileSystems;
import org.opensearch.action.search.SearchResponse;
import org.opensearch.action.search.SearchType;
import org.opensearch.action.support.WriteRequest;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.xcontent.XContentType;
import org.opensearch.index.query.QueryBuilders;
import org.opensearch.node.MockNode;
import org.opensearch.node.Node;
import org.opensearch.test.MockHttpTransport;
import org.opensearch.test.OpenSearchTestCase;
import org.opensearch.transport.client.Client;

/**
 * Installs the built plugin zip as an operator would (unzipped into a node's {@code plugins/}
 * folder) and uses it. Run by failsafe after {@code package}, on a class path without the plugin's
 * classes, the library or lucene-facet: only the zip brings them, so this fails if it lacks any.
 * Uses JSON only (no plugin class).
 */
@SuppressFileSystems("*")
public class PluginZipInstallCheck extends OpenSearchTestCase {

  public void testZipInstalledInPluginsFolder_loadsAndAnswersTheDatelineQuery() throws Exception {
    for (String absent : List.of(
        "dev.dateline.opensearch.DatelinePlugin", "dev.dateline.NewsIndex", "org.apache.lucene.facet.FacetsConfig")) {
      expectThrows(ClassNotFoundException.class, () -> Class.forName(absent)); // only in the zip
    }
    Path zip = Paths.get(System.getProperty("dateline.plugin.zip"));
    assertTrue("no plugin zip at " + zip + ": run mvn package first", Files.isRegularFile(zip));
    Path home = createTempDir();
    Path plugin = Files.createDirectories(home.resolve("plugins").resolve("dateline"));
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        Files.copy(in, plugin.resolve(e.getName()));
      }
    }
    Settings settings =
        Settings.builder()
            .put("path.home", home.toString())
            .put("cluster.name", "dateline-install-check")
            .put("node.name", "operator")
            .put("discovery.type", "single-node")
            .put("transport.type", getTestTransportType())
            .put("http.type", "mock-http")
            .build();
    try (Node node =
        new MockNode(settings, List.of(getTestTransportPlugin(), MockHttpTransport.TestPlugin.class))) {
      node.start();
      Client client = node.client();
      // The analyzers, similarity and query below exist only if the plugin loaded from the zip.
      client.admin().indices().prepareCreate("news")
          .setSettings(
              "{\"index.number_of_shards\": 1, \"index.number_of_replicas\": 0,"
                  + " \"index.similarity.default.type\": \"dateline_bm25\"}", XContentType.JSON)
          .setMapping(
              "{\"properties\": {\"id\": {\"type\": \"keyword\"},"
                  + " \"headline\": {\"type\": \"text\", \"analyzer\": \"dateline_text\","
                  + " \"search_analyzer\": \"dateline_text_search\", \"search_quote_analyzer\": \"dateline_text_phrase\"},"
                  + " \"all_text\": {\"type\": \"text\", \"analyzer\": \"dateline_text\"},"
                  + " \"published\": {\"type\": \"long\"}}}")
          .get();
      client.prepareIndex("news").setId("a1")
          .setSource("{\"id\": \"a1\", \"headline\": \"Ceasefire talks resume\","
              + " \"all_text\": [\"Ceasefire talks resume\", \"Ceasefire talks resume\"],"
              + " \"published\": 1767225600000}", XContentType.JSON)
          .setRefreshPolicy(WriteRequest.RefreshPolicy.IMMEDIATE).get();
      SearchResponse r =
          client.prepareSearch("news").setSearchType(SearchType.DFS_QUERY_THEN_FETCH)
              .setQuery(QueryBuilders.wrapperQuery("{\"dateline\": {\"text\": \"ceasefires\"}}")).get();
      assertEquals(1, r.getHits().getTotalHits().value());
      // The search-time analyzers: the phrase as printed matches; with an inflected word the
      // headline does not have ("resumed": its exact form), it does not.
      for (String phrase : List.of("ceasefire talks resume", "ceasefire talks resumed")) {
        SearchResponse p =
            client.prepareSearch("news")
                .setQuery(QueryBuilders.wrapperQuery("{\"match_phrase\": {\"headline\": {\"query\": \"" + phrase
                    + "\", \"analyzer\": \"dateline_text_phrase\"}}}"))
                .get();
        assertEquals(phrase, phrase.endsWith("resume") ? 1 : 0, p.getHits().getTotalHits().value());
      }
    }
  }
}
