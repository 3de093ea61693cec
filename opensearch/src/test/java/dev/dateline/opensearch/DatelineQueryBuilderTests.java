package dev.dateline.opensearch;

import dev.dateline.NewsIndex;
import dev.dateline.NewsQuery;
import dev.dateline.SearchField;
import dev.dateline.SortOrder;
import java.util.List;
import java.util.Map;
import org.opensearch.common.io.stream.BytesStreamOutput;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.common.ParsingException;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.xcontent.DeprecationHandler;
import org.opensearch.core.xcontent.NamedXContentRegistry;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.test.OpenSearchTestCase;

/** The {@code dateline} query's JSON form, its wire form and what NewsQuery it stands for. */
public class DatelineQueryBuilderTests extends OpenSearchTestCase {

  private static DatelineQueryBuilder parse(String json) throws Exception {
    try (XContentParser p =
        JsonXContent.jsonXContent.createParser(
            NamedXContentRegistry.EMPTY, DeprecationHandler.THROW_UNSUPPORTED_OPERATION, json)) {
      p.nextToken();
      return DatelineQueryBuilder.fromXContent(p);
    }
  }

  public void testFromXContent_keysBecomeTheNewsQuery() throws Exception {
    DatelineQueryBuilder q =
        parse(
            "{\"text\": \"ceasefire talks\", \"person\": [\"Angela Merkel\"], \"source\": \"Reuters\","
                + " \"from\": \"2026-01-01\", \"zone\": \"UTC\", \"sort\": \"newest\", \"boost\": 2.0,"
                + " \"_name\": \"news\"}");
    assertEquals(2.0f, q.boost(), 0f);
    assertEquals("news", q.queryName());
    NewsQuery expected =
        NewsQuery.builder().text("ceasefire talks").person("Angela Merkel").source("Reuters")
            .zone("UTC").from("2026-01-01").sort(SortOrder.NEWEST).build();
    NewsQuery actual = q.toNewsQuery();
    assertEquals(expected.toString(), actual.toString());
  }

  public void testFromXContent_unknownKey_failsNamingIt() {
    ParsingException e = expectThrows(ParsingException.class, () -> parse("{\"txet\": \"talks\"}"));
    assertTrue(e.getMessage(), e.getMessage().contains("[txet]"));
  }

  public void testFromXContent_nullValue_failsNamingIt() {
    ParsingException e = expectThrows(ParsingException.class, () -> parse("{\"text\": null}"));
    assertTrue(e.getMessage(), e.getMessage().contains("[text]"));
  }

  public void testFromXContent_invalidQuery_failsAtParse() {
    expectThrows(ParsingException.class, () -> parse("{\"from\": \"not a date\"}"));
  }

  public void testWireForm_roundTrips() throws Exception {
    DatelineQueryBuilder q =
        new DatelineQueryBuilder(
            Map.of("text", "\"oil prices\"", "place", List.of("Berlin", "Lima"), "expand_aliases", false));
    q.boost(1.5f);
    try (BytesStreamOutput out = new BytesStreamOutput()) {
      q.writeTo(out);
      try (StreamInput in = out.bytes().streamInput()) {
        DatelineQueryBuilder read = new DatelineQueryBuilder(in);
        assertEquals(q, read);
        assertEquals(q.hashCode(), read.hashCode());
      }
    }
  }

  public void testToXContent_parsesBackEqual() throws Exception {
    DatelineQueryBuilder q = new DatelineQueryBuilder(Map.of("text", "storm", "section", List.of("World")));
    String json = q.toString(); // {"dateline": {...}}
    String inner = json.substring(json.indexOf(':') + 1, json.lastIndexOf('}'));
    assertEquals(q, parse(inner));
  }

  public void testIndexSettings_carryTheScoringOptions() {
    NewsIndex.Options options =
        NewsIndex.Options.builder()
            .boost(SearchField.HEADLINE, 5f)
            .boost(SearchField.BODY, 0.5f)
            .bm25(0.9f, 0.4f)
            .combinedFieldScoring(false)
            .build();
    Settings settings = Settings.builder().loadFromMap(DatelineMapping.settings(3, 1, options)).build();
    NewsIndex.Options read = DatelinePlugin.options(settings);
    assertEquals(options.boosts(), read.boosts());
    assertEquals(0.9f, read.bm25K1(), 0f);
    assertEquals(0.4f, read.bm25B(), 0f);
    assertFalse(read.combinedFieldScoring());
    // No Dateline settings: the library's defaults.
    NewsIndex.Options defaults = DatelinePlugin.options(Settings.EMPTY);
    assertEquals(NewsIndex.Options.defaults().boosts(), defaults.boosts());
    assertEquals(NewsIndex.Options.defaults().bm25K1(), defaults.bm25K1(), 0f);
    assertTrue(defaults.combinedFieldScoring());
    assertSame(DatelineQueryBuilder.lucene(Settings.EMPTY), DatelineQueryBuilder.lucene(Settings.EMPTY));
    assertEquals(options.boosts(), DatelineQueryBuilder.lucene(settings).options().boosts());
  }
}
