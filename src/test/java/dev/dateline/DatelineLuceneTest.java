package dev.dateline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.junit.jupiter.api.Test;

class DatelineLuceneTest {
  private final DatelineLucene lucene = DatelineLucene.of(
      NewsIndex.Options.builder().entityExtractor(EntityExtractor.none()).build());

  @Test
  void indexedValues_repeatFieldsInAllTextByWeight() {
    Article a = Fixtures.talks();
    Map<String, List<Object>> values = lucene.indexedValues(a);
    assertThat(values.get(IndexFields.ID)).containsExactly(a.id());
    assertThat(values.get(IndexFields.HEADLINE)).containsExactly(a.headline());
    long headlineCopies =
        values.get(IndexFields.ALL_TEXT).stream().filter(a.headline()::equals).count();
    assertThat(headlineCopies).isEqualTo((long) SearchField.HEADLINE.defaultBoost());
    assertThat(values.get(IndexFields.PUBLISHED)).containsExactly(a.published().toEpochMilli());
    assertThat(DatelineLucene.indexedFields()).containsKeys(values.keySet().toArray(String[]::new));
  }

  @Test
  void allTextValues_rebuildsAllTextFromTheTextFields() {
    for (Article a : Fixtures.all()) {
      Article withAuthors = a.toBuilder().authors(List.of("Ann Lee", "Bo Chen")).subheads(List.of("Sub one"))
          .captions(List.of("A caption")).bullets(List.of("First point", "Second point")).build();
      for (Article x : List.of(a, withAuthors)) {
        Map<String, List<Object>> values = new java.util.HashMap<>(lucene.indexedValues(x));
        List<Object> expected = values.remove(IndexFields.ALL_TEXT);
        assertThat(DatelineLucene.allTextValues(values)).as(x.id()).containsExactlyElementsOf(
            expected.stream().map(Object::toString).toList());
      }
    }
  }

  @Test
  void compile_matchesWhatTheEmbeddedIndexFinds() throws Exception {
    try (NewsIndex index = NewsIndex.inMemory(
        NewsIndex.Options.builder().entityExtractor(EntityExtractor.none()).build())) {
      Fixtures.all().forEach(index::add);
      index.refresh();
      NewsQuery q = NewsQuery.builder().text("talks").sort(SortOrder.NEWEST).build();
      long embedded = index.search(q).total();
      long compiled =
          index.withSearcher(
              s -> {
                IndexReader r = s.getIndexReader();
                return (long) s.count(lucene.compile(q, r));
              });
      assertThat(compiled).isEqualTo(embedded).isPositive();
    }
  }

  @Test
  void compileDeferred_scoresAsCompile() throws Exception {
    try (NewsIndex index = NewsIndex.inMemory(
        NewsIndex.Options.builder().entityExtractor(EntityExtractor.none()).build())) {
      Fixtures.all().forEach(index::add);
      index.refresh();
      NewsQuery q = NewsQuery.of("talks productive");
      index.withSearcher(
          s -> {
            var now = s.search(lucene.compile(q, s.getIndexReader()), 10).scoreDocs;
            var deferred = s.search(lucene.compileDeferred(q), 10).scoreDocs;
            assertThat(deferred).hasSameSizeAs(now).isNotEmpty();
            for (int i = 0; i < now.length; i++) {
              assertThat(deferred[i].doc).isEqualTo(now[i].doc);
              assertThat(deferred[i].score).isEqualTo(now[i].score);
            }
            return null;
          });
      assertThat(lucene.compileDeferred(q)).isEqualTo(lucene.compileDeferred(q));
    }
  }

  @Test
  void compileDeferred_showsItsTermsToVisitors() {
    // Highlighters find the words to mark by visiting the query: a deferred query shows the terms
    // it will compile to, not an opaque leaf.
    java.util.Set<org.apache.lucene.index.Term> terms = new java.util.HashSet<>();
    lucene.compileDeferred(NewsQuery.of("ceasefire talks"))
        .visit(org.apache.lucene.search.QueryVisitor.termCollector(terms));
    assertThat(terms).extracting(org.apache.lucene.index.Term::text).contains("ceasefire");
  }

  @Test
  void order_recentWithoutTextIsNewest() {
    assertThat(DatelineLucene.order(NewsQuery.builder().sort(SortOrder.RECENT).build()))
        .isEqualTo(SortOrder.NEWEST);
  }

  @Test
  void facetValues_areWhatTheEmbeddedIndexCounts_perDimension() {
    java.util.Random r = new java.util.Random(20261130L);
    java.time.Instant from = java.time.Instant.parse("2026-01-01T00:00:00Z");
    int withValues = 0;
    for (int i = 0; i < 200; i++) {
      Article a = FacetCountsPropertyTest.randomArticle(r, i, from, 86_400_000L);
      Map<FacetDimension, List<String>> got = DatelineLucene.facetValues(a);
      for (FacetDimension d : FacetDimension.values()) {
        List<String> expected = List.copyOf(FacetCountsPropertyTest.values(a, d));
        assertThat(got.getOrDefault(d, List.of())).as("%s of %s", d, a.id()).isEqualTo(expected);
        withValues += expected.isEmpty() ? 0 : 1;
      }
    }
    assertThat(withValues).isGreaterThan(200);
  }

  /** What a cluster host asks before a date-ordered search: may the words be made all required? */
  @Test
  void requiresAllWordsOnlyForTwoOrMoreRankedWordsInADateOrder() {
    NewsQuery.Builder newest = NewsQuery.builder().sort(SortOrder.NEWEST);
    assertThat(DatelineLucene.requiresAllWords(newest.text("kuwait oil").build())).isTrue();
    assertThat(DatelineLucene.requiresAllWords(newest.text("+kuwait (oil gas)").build())).isTrue();
    assertThat(DatelineLucene.requiresAllWords(NewsQuery.builder().sort(SortOrder.OLDEST).text("kuwait oil").build()))
        .isTrue();
    // One word, one word and stop words, a required word beside it: nothing more to require.
    assertThat(DatelineLucene.requiresAllWords(newest.text("kuwait").build())).isFalse();
    assertThat(DatelineLucene.requiresAllWords(newest.text("the kuwait of").build())).isFalse();
    assertThat(DatelineLucene.requiresAllWords(newest.text("+kuwait oil -gas").build())).isFalse();
    assertThat(DatelineLucene.requiresAllWords(newest.text("kuwait person:x").build())).isFalse();
    assertThat(DatelineLucene.requiresAllWords(newest.text(null).build())).isFalse();
    // Not a date order, or an operator that says what to match.
    assertThat(DatelineLucene.requiresAllWords(NewsQuery.builder().text("kuwait oil").build())).isFalse();
    assertThat(DatelineLucene.requiresAllWords(
        newest.text("kuwait oil").defaultOperator(NewsQuery.Operator.OR).build())).isFalse();
    // The any-word form never requires them.
    assertThat(DatelineLucene.requiresAllWords(DatelineLucene.anyWord(
        NewsQuery.builder().sort(SortOrder.NEWEST).text("kuwait oil").build()))).isFalse();
  }
}
