package dev.dateline.opensearch;

import dev.dateline.EntityType;
import dev.dateline.IndexFields;
import dev.dateline.InvalidQueryException;
import dev.dateline.NewsQuery;
import dev.dateline.QuerySyntax;
import dev.dateline.Snippet;
import dev.dateline.SortOrder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.test.OpenSearchTestCase;

/** NewsCluster's request and response mapping, without a cluster: queries, cursors, snippets. */
public class NewsClusterTests extends OpenSearchTestCase {
  private static final String[] TEXTS = {
    "ceasefire talks", "\"oil prices\" -sanctions", "headline:storm", "infla*", "vacine~", null
  };
  private static final String[] NAMES = {"Angela Merkel", "Kyiv", "Red Cross", "Reuters", "World"};

  /**
   * An index template carries the settings and mapping of the options (stories included) for its
   * patterns; without a pattern it would match no index, and is refused.
   */
  public void testIndexTemplate_carriesTheOptionsAndNeedsAPattern() {
    dev.dateline.NewsIndex.Options stories = dev.dateline.NewsIndex.Options.builder().stories(true).build();
    Map<String, Object> t = DatelineMapping.indexTemplate(List.of("news-*"), 2, 1, stories);
    assertEquals(List.of("news-*"), t.get("index_patterns"));
    assertEquals(Map.of("settings", DatelineMapping.settings(2, 1, stories), "mappings", DatelineMapping.mapping(stories)),
        t.get("template"));
    IllegalArgumentException e = expectThrows(IllegalArgumentException.class,
        () -> DatelineMapping.indexTemplate(List.of(), 1, 0, stories));
    assertTrue(e.getMessage(), e.getMessage().contains("pattern"));
  }

  /** A NewsQuery sent as the dateline query's parameters is, on the shard, the same NewsQuery. */
  public void testParams_roundTripThroughTheQueryBuilder() {
    Random r = new Random(random().nextLong());
    for (int i = 0; i < 200; i++) {
      NewsQuery.Builder b = NewsQuery.builder();
      String text = TEXTS[r.nextInt(TEXTS.length)];
      if (text != null) {
        b.text(text);
      }
      if (r.nextBoolean()) {
        b.from("2026-0" + (1 + r.nextInt(3)));
      }
      if (r.nextBoolean()) {
        b.to("2026-0" + (4 + r.nextInt(3)) + "-1" + r.nextInt(10));
      }
      if (r.nextBoolean()) {
        b.zone(r.nextBoolean() ? "Europe/Kyiv" : "Asia/Singapore");
      }
      for (EntityType t : EntityType.values()) {
        if (r.nextInt(3) == 0) {
          b.entity(t, NAMES[r.nextInt(NAMES.length)]);
        }
        if (r.nextInt(5) == 0) {
          b.excludeEntity(t, NAMES[r.nextInt(NAMES.length)]);
        }
      }
      if (r.nextBoolean()) {
        b.source(NAMES[r.nextInt(NAMES.length)]);
      }
      if (r.nextBoolean()) {
        b.section("World");
      }
      b.defaultOperator(NewsQuery.Operator.values()[r.nextInt(NewsQuery.Operator.values().length)]);
      b.syntax(QuerySyntax.values()[r.nextInt(QuerySyntax.values().length)]);
      b.expandAliases(r.nextBoolean());
      b.sort(SortOrder.values()[r.nextInt(SortOrder.values().length)]);
      b.clock(Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC));
      NewsQuery q = b.build();
      Instant reference = q.sort() == SortOrder.RECENT ? q.recencyReference() : null;
      NewsQuery onShard = new DatelineQueryBuilder(NewsCluster.params(q, reference)).toNewsQuery();
      // limit, highlighting and cursors are the request's, not the query's
      NewsQuery expected = q.toBuilder().build();
      assertEquals(q.toString(), expected.text(), onShard.text());
      assertEquals(q.toString(), expected.from(), onShard.from());
      assertEquals(q.toString(), expected.to(), onShard.to());
      assertEquals(q.toString(), expected.zone(), onShard.zone());
      assertEquals(q.toString(), expected.entities(), onShard.entities());
      assertEquals(q.toString(), expected.excludedEntities(), onShard.excludedEntities());
      assertEquals(q.toString(), expected.sources(), onShard.sources());
      assertEquals(q.toString(), expected.sections(), onShard.sections());
      assertEquals(q.toString(), expected.defaultOperator(), onShard.defaultOperator());
      assertEquals(q.toString(), expected.syntax(), onShard.syntax());
      assertEquals(q.toString(), expected.expandAliases(), onShard.expandAliases());
      assertEquals(q.toString(), expected.sort(), onShard.sort());
      if (reference != null) {
        assertEquals(reference, onShard.recencyReference());
      }
    }
  }

  public void testParams_refuseWhatCannotBeSent() {
    expectThrows(
        InvalidQueryException.class,
        () -> NewsCluster.params(NewsQuery.builder().filter(new MatchAllDocsQuery()).build(), null));
    expectThrows(
        InvalidQueryException.class,
        () -> NewsCluster.params(NewsQuery.builder().text("x").recencyHalfLife(Duration.ofDays(1)).build(), null));
  }

  public void testCursor_roundTripsEveryKindOfSortValue() {
    Random r = new Random(random().nextLong());
    for (int i = 0; i < 100; i++) {
      List<FieldValue> values = new ArrayList<>();
      values.add(FieldValue.of(r.nextDouble() * 1000));
      values.add(FieldValue.of(r.nextLong()));
      values.add(FieldValue.of("id\n\\n" + r.nextInt() + "\\"));
      values.add(FieldValue.NULL);
      SortOrder order = SortOrder.values()[r.nextInt(SortOrder.values().length)];
      Instant reference = r.nextBoolean() ? null : Instant.ofEpochMilli(r.nextLong(0, 4_000_000_000_000L));
      NewsCluster.Cursor c = new NewsCluster.Cursor(order, reference, values);
      NewsCluster.Cursor back = NewsCluster.Cursor.decode(order, c.encode());
      assertEquals(reference, back.reference());
      assertEquals(values.size(), back.values().size());
      for (int v = 0; v < values.size(); v++) {
        assertEquals(values.get(v)._toJsonString(), back.values().get(v)._toJsonString());
      }
    }
  }

  public void testCursor_fromAnotherOrderOrNotACursor_isAnInvalidQuery() {
    String newest = new NewsCluster.Cursor(SortOrder.NEWEST, null, List.of(FieldValue.of(1L), FieldValue.of("a"))).encode();
    InvalidQueryException e =
        expectThrows(InvalidQueryException.class, () -> NewsCluster.Cursor.decode(SortOrder.RELEVANCE, newest));
    assertTrue(e.getMessage(), e.getMessage().contains("newest"));
    expectThrows(InvalidQueryException.class, () -> NewsCluster.Cursor.decode(SortOrder.NEWEST, "not a cursor"));
    expectThrows(InvalidQueryException.class, () -> NewsCluster.Cursor.decode(SortOrder.NEWEST, ""));
  }

  public void testSnippet_marksBecomeOffsetsOfPlainText() {
    String pre = NewsCluster.PRE;
    String post = NewsCluster.POST;
    Snippet s =
        NewsCluster.snippet(
            Map.of(
                IndexFields.BODY,
                List.of(
                    "Talks on a " + pre + "ceasefire" + post + " <b>resumed</b> & went on",
                    pre + "Ceasefire" + post + pre + "s" + post + " hold")));
    assertEquals(
        "Talks on a ceasefire <b>resumed</b> & went on" + Snippet.ELLIPSIS + "Ceasefires hold", s.text());
    assertEquals(List.of("ceasefire", "Ceasefires"), s.matchedText());
    assertTrue(s.html(), s.html().contains("&lt;b&gt;resumed&lt;/b&gt; &amp;"));
    assertNull(NewsCluster.snippet(null));
    assertNull(NewsCluster.snippet(Map.of()));
    assertEquals("bullet", NewsCluster.snippet(Map.of(IndexFields.BULLETS, List.of("bullet"))).text());
  }

  /**
   * Facet values tie-break in code point order (the order of their UTF-8 bytes, as the embedded
   * index and OpenSearch's keywords order them), which UTF-16 {@code String.compareTo} is not
   * for characters beyond U+FFFF; checked against the UTF-8 bytes of random strings.
   */
  public void testFacetValueOrder_isTheOrderOfTheUtf8Bytes() {
    Random r = new Random(random().nextLong());
    int[] points = {'a', 'B', 0xE9, 0x4E2D, 0xFB01, 0xFFFD, 0x1F600, 0x10400};
    assertTrue(NewsCluster.compareCodePoints("\uFFFD", "\uD83D\uDE00") < 0);
    assertTrue("\uFFFD".compareTo("\uD83D\uDE00") > 0); // why compareTo is not used
    for (int i = 0; i < 2000; i++) {
      String a = randomText(r, points);
      String b = randomText(r, points);
      int expected =
          Integer.signum(
              java.util.Arrays.compareUnsigned(
                  a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                  b.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      assertEquals(a + " vs " + b, expected, Integer.signum(NewsCluster.compareCodePoints(a, b)));
    }
    List<dev.dateline.FacetCount> counts =
        new ArrayList<>(
            List.of(
                new dev.dateline.FacetCount("b", 2), new dev.dateline.FacetCount("\uD83D\uDE00", 5),
                new dev.dateline.FacetCount("\uFFFD", 5), new dev.dateline.FacetCount("a", 2)));
    counts.sort(NewsCluster.COUNT_THEN_VALUE);
    assertEquals(
        List.of("\uFFFD", "\uD83D\uDE00", "a", "b"),
        counts.stream().map(dev.dateline.FacetCount::value).toList());
  }

  private static String randomText(Random r, int[] points) {
    StringBuilder s = new StringBuilder();
    for (int n = r.nextInt(4); n > 0; n--) {
      s.appendCodePoint(points[r.nextInt(points.length)]);
    }
    return s.toString();
  }
}
