package dev.dateline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.ClassicSimilarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The advanced API: Lucene filters on a {@link NewsQuery}, {@link NewsIndex#withSearcher}, and the
 * field names and query factories of {@link IndexFields}.
 */
class EscapeHatchTest {
  private static final long SEED = 4242L;
  private static final List<String> WORDS = List.of("alpha", "bravo", "delta", "golf", "kilo");
  private static final List<String> SOURCES = List.of("Reuters", "Associated Press", "The Straits Times");
  private static final List<String> PEOPLE = List.of("Marisol Vergara", "Rustem Umerov");
  private static final List<String> SECTIONS = List.of("World", "Business");
  private static final Instant START = Instant.parse("2026-02-01T00:00:00Z");

  private static NewsIndex index;
  private static final Map<String, Article> model = new LinkedHashMap<>();

  @BeforeAll
  static void buildIndex() {
    index = NewsIndex.inMemory(options().build());
    Random r = new Random(SEED);
    for (int i = 0; i < 120; i++) {
      StringBuilder body = new StringBuilder("report");
      for (String w : WORDS) {
        // Varying term frequencies, so that scores differ.
        for (int n = r.nextInt(4) - 1; n > 0; n--) {
          body.append(' ').append(w);
        }
      }
      Article.Builder b =
          Article.builder()
              .id(String.format("e%03d", i))
              .source(SOURCES.get(r.nextInt(SOURCES.size())))
              .section(SECTIONS.get(r.nextInt(SECTIONS.size())))
              .tags(List.of(r.nextBoolean() ? "diplomacy" : "markets"))
              .language(r.nextBoolean() ? "en" : "EN-GB")
              .headline("Report number " + i)
              .body(List.of(body.toString()))
              .entities(List.of(new Entity(EntityType.PERSON, PEOPLE.get(r.nextInt(PEOPLE.size())), List.of(), 1)));
      if (i % 9 != 0) {
        b.published(START.plusSeconds(3600L * r.nextInt(24 * 28)));
      }
      Article a = b.build();
      index.add(a);
      model.put(a.id(), a);
      if (i % 30 == 29) {
        index.refresh();
      }
    }
    index.refresh();
  }

  @AfterAll
  static void closeIndex() {
    index.close();
  }

  private static NewsIndex.Options.Builder options() {
    return NewsIndex.Options.builder().entityExtractor(EntityExtractor.none());
  }

  private static boolean has(Article a, String word) {
    return List.of(a.body().get(0).split(" ")).contains(word);
  }

  private static boolean publishedIn(Article a, Instant from, Instant to) {
    return a.published() != null && !a.published().isBefore(from) && !a.published().isAfter(to);
  }

  private static Set<String> modelIds(Predicate<Article> p) {
    Set<String> out = new HashSet<>();
    model.values().stream().filter(p).forEach(a -> out.add(a.id()));
    return out;
  }

  /** Every hit of {@code q} in {@code idx}, following cursors. */
  private static List<SearchHit> all(NewsIndex idx, NewsQuery q) {
    List<SearchHit> out = new ArrayList<>();
    NewsQuery page = q;
    while (true) {
      SearchResults r = idx.search(page);
      out.addAll(r.hits());
      if (r.next() == null) {
        return out;
      }
      page = page.after(r.next());
    }
  }

  private static Set<String> ids(NewsIndex idx, NewsQuery q) {
    List<String> ids = all(idx, q).stream().map(SearchHit::id).toList();
    assertThat(ids).doesNotHaveDuplicates();
    return new HashSet<>(ids);
  }

  // ---------------------------------------------------------------- Lucene filters

  @Test
  void filter_termQueryOnSource_restrictsTheResults() {
    NewsQuery q =
        NewsQuery.builder().filter(new TermQuery(new Term(IndexFields.SOURCE, "reuters"))).limit(13).build();
    Set<String> expected = modelIds(a -> a.source().equals("Reuters"));
    assertThat(expected).isNotEmpty().hasSizeLessThan(model.size());
    assertThat(ids(index, q)).isEqualTo(expected);
    assertThat(index.count(q)).isEqualTo(expected.size());
  }

  @Test
  void filter_longPointRangeOnPublished_restrictsTheResults() {
    Instant from = START.plusSeconds(3600L * 24 * 5);
    Instant to = START.plusSeconds(3600L * 24 * 12);
    NewsQuery q =
        NewsQuery.builder()
            .filter(LongPoint.newRangeQuery(IndexFields.PUBLISHED, from.toEpochMilli(), to.toEpochMilli()))
            .limit(7)
            .build();
    Set<String> expected = modelIds(a -> publishedIn(a, from, to));
    assertThat(expected).isNotEmpty().hasSizeLessThan(model.size());
    assertThat(ids(index, q)).isEqualTo(expected);
    assertThat(index.count(q)).isEqualTo(expected.size());
  }

  @Test
  void filter_combinesWithTextEntityAndDateFilters_andRepeatedFiltersMustAllHold() {
    Instant from = START.plusSeconds(3600L * 24 * 3);
    Instant to = START.plusSeconds(3600L * 24 * 20);
    NewsQuery q =
        NewsQuery.builder()
            .text("alpha")
            .person("Vergara")
            .from(from)
            .to(to)
            .filter(new TermQuery(new Term(IndexFields.SOURCE, "reuters")))
            .filter(IndexFields.newSectionQuery("world"))
            .limit(3)
            .build();
    Set<String> expected =
        modelIds(
            a -> has(a, "alpha")
                && a.entities().get(0).name().equals("Marisol Vergara")
                && publishedIn(a, from, to)
                && a.source().equals("Reuters")
                && a.section().equals("World"));
    assertThat(expected).isNotEmpty();
    for (SortOrder order : SortOrder.values()) {
      NewsQuery ordered = q.toBuilder().sort(order).build();
      assertThat(ids(index, ordered)).as(order.name()).isEqualTo(expected);
      assertThat(index.count(ordered)).isEqualTo(expected.size());
      assertThat(index.search(ordered.toBuilder().exactTotal(true).build()).total()).isEqualTo(expected.size());
    }
    // The second filter restricts too: without it there are more results.
    NewsQuery withoutSection =
        NewsQuery.builder().text("alpha").person("Vergara").from(from).to(to)
            .filter(new TermQuery(new Term(IndexFields.SOURCE, "reuters"))).build();
    assertThat(ids(index, withoutSection)).containsAll(expected).hasSizeGreaterThan(expected.size());
  }

  @Test
  void filter_doesNotChangeTheScoresOrOrderOfTheRemainingHits() {
    for (String text : List.of("alpha", "alpha OR bravo OR golf", "bravo delta")) {
      NewsQuery plain = NewsQuery.builder().text(text).limit(NewsQuery.MAX_LIMIT).highlight(false).build();
      List<SearchHit> unfiltered = index.search(plain).hits();
      assertThat(unfiltered.stream().map(SearchHit::score).distinct().count()).as(text).isGreaterThan(2);
      Map<String, Float> scores = new HashMap<>();
      unfiltered.forEach(h -> scores.put(h.id(), h.score()));

      NewsQuery filtered =
          plain.toBuilder().filter(IndexFields.newSourceQuery("Associated Press")).build();
      List<SearchHit> hits = index.search(filtered).hits();
      assertThat(hits).isNotEmpty().hasSizeLessThan(unfiltered.size());
      for (SearchHit h : hits) {
        assertThat(h.source()).isEqualTo("Associated Press");
        assertThat(h.score()).as("%s: %s", text, h.id()).isEqualTo(scores.get(h.id()));
      }
      List<String> expectedOrder =
          unfiltered.stream().filter(h -> h.source().equals("Associated Press")).map(SearchHit::id).toList();
      assertThat(hits.stream().map(SearchHit::id).toList()).isEqualTo(expectedOrder);
    }
  }

  @Test
  void filter_appliesToCountAndToEveryCursorPage_inEverySortOrder() {
    Query reuters = new TermQuery(new Term(IndexFields.SOURCE, "reuters"));
    Set<String> expected = modelIds(a -> a.source().equals("Reuters") && has(a, "bravo"));
    for (SortOrder order : SortOrder.values()) {
      NewsQuery q = NewsQuery.builder().text("bravo").filter(reuters).sort(order).limit(4).build();
      SearchResults first = index.search(q);
      assertThat(q.after(first.next()).filters()).containsExactly(reuters);
      assertThat(ids(index, q)).as(order.name()).isEqualTo(expected);
      assertThat(index.count(q)).isEqualTo(expected.size());
    }
  }

  @Test
  void filter_isPartOfEqualsHashCodeToStringAndToBuilder() {
    Query reuters = new TermQuery(new Term(IndexFields.SOURCE, "reuters"));
    NewsQuery a = NewsQuery.builder().text("alpha").filter(reuters).build();
    NewsQuery b = NewsQuery.builder().text("alpha").filter(new TermQuery(new Term(IndexFields.SOURCE, "reuters"))).build();
    NewsQuery other = NewsQuery.builder().text("alpha").filter(new TermQuery(new Term(IndexFields.SOURCE, "ap"))).build();
    NewsQuery none = NewsQuery.builder().text("alpha").build();
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(other).isNotEqualTo(none);
    assertThat(a.toString()).contains("filter source:reuters");
    assertThat(a.toBuilder().build()).isEqualTo(a);
    assertThat(a.filters()).containsExactly(reuters);
    assertThatThrownBy(() -> a.filters().add(reuters)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> NewsQuery.builder().filter(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void exactTotal_isPartOfEqualsHashCodeToStringAndToBuilder() {
    NewsQuery exact = NewsQuery.builder().text("alpha").exactTotal(true).build();
    NewsQuery bounded = NewsQuery.builder().text("alpha").build();
    assertThat(exact.exactTotal()).isTrue();
    assertThat(bounded.exactTotal()).isFalse();
    assertThat(exact).isNotEqualTo(bounded).isEqualTo(exact.toBuilder().build());
    assertThat(exact.hashCode()).isEqualTo(exact.toBuilder().build().hashCode());
    assertThat(exact.toString()).contains("exactTotal");
    assertThat(bounded.toString()).doesNotContain("exactTotal");
  }

  // ---------------------------------------------------------------- IndexFields

  @Test
  void indexFieldsQueryFactories_matchLikeTheBuiltInFilters() {
    for (String source : List.of("Reuters", "REUTERS", "straits times", "The Straits Times", "associated")) {
      assertThat(ids(index, NewsQuery.builder().filter(IndexFields.newSourceQuery(source)).build()))
          .as(source)
          .isNotEmpty()
          .isEqualTo(ids(index, NewsQuery.builder().source(source).build()));
    }
    assertThat(ids(index, NewsQuery.builder().filter(IndexFields.newSectionQuery("business")).build()))
        .isEqualTo(modelIds(a -> a.section().equals("Business")));
    assertThat(ids(index, NewsQuery.builder().filter(IndexFields.newTagQuery("Diplomacy")).build()))
        .isEqualTo(modelIds(a -> a.tags().contains("diplomacy")));
    assertThat(ids(index, NewsQuery.builder().filter(IndexFields.newEntityQuery(EntityType.PERSON, "Mr Umerov")).build()))
        .isEqualTo(modelIds(a -> a.entities().get(0).name().equals("Rustem Umerov")))
        .isEqualTo(ids(index, NewsQuery.builder().person("Mr Umerov").build()));
    assertThat(ids(index, NewsQuery.builder().filter(IndexFields.newLanguageQuery("en-gb")).build()))
        .isEqualTo(modelIds(a -> "en-gb".equalsIgnoreCase(a.language())))
        .hasSizeLessThan(model.size());
    assertThat(ids(index, NewsQuery.builder().filter(IndexFields.newIdQuery("e007")).build()))
        .containsExactly("e007");
    assertThat(ids(index, NewsQuery.builder().filter(IndexFields.newSourceQuery("!!! ...")).build())).isEmpty();
  }

  @Test
  void newPublishedRangeQuery_isInclusiveToTheMillisecond_andOpenAtANullBound() {
    Article dated = model.values().stream().filter(a -> a.published() != null).findFirst().orElseThrow();
    Instant t = dated.published();
    Set<String> at = ids(index, NewsQuery.builder().filter(IndexFields.newPublishedRangeQuery(t, t)).build());
    assertThat(at).contains(dated.id()).isEqualTo(modelIds(a -> t.equals(a.published())));
    assertThat(ids(index, NewsQuery.builder()
            .filter(IndexFields.newPublishedRangeQuery(t.plusMillis(1), null)).build()))
        .isEqualTo(modelIds(a -> a.published() != null && a.published().isAfter(t)));
    assertThat(ids(index, NewsQuery.builder()
            .filter(IndexFields.newPublishedRangeQuery(null, t.minusMillis(1))).build()))
        .isEqualTo(modelIds(a -> a.published() != null && a.published().isBefore(t)));
    assertThat(ids(index, NewsQuery.builder().filter(IndexFields.newPublishedRangeQuery(null, null)).build()))
        .isEqualTo(modelIds(a -> a.published() != null));
    assertThat(ids(index, NewsQuery.builder().filter(IndexFields.newPublishedRangeQuery(t, t.minusMillis(1))).build()))
        .isEmpty();
    // The same as the built-in date filter.
    Instant from = START.plusSeconds(3600L * 24 * 7);
    Instant to = START.plusSeconds(3600L * 24 * 9);
    assertThat(ids(index, NewsQuery.builder().filter(IndexFields.newPublishedRangeQuery(from, to)).build()))
        .isEqualTo(ids(index, NewsQuery.builder().from(from).to(to).build()));
  }

  @Test
  void indexFields_nameTheFieldsTheIndexHolds() {
    try (NewsIndex fixtures = Fixtures.index()) {
      Article talks = Fixtures.talks();
      Map<String, Object> read =
          fixtures.withSearcher(s -> {
            int doc = s.search(IndexFields.newIdQuery(talks.id()), 1).scoreDocs[0].doc;
            Document stored = s.storedFields().document(doc);
            Map<String, Object> out = new HashMap<>();
            // Summary fields (id, url, headline, source, published, ...) are not in the stored
            // fields (format 5): the id and time are read from their doc values, the rest by get.
            out.put("stored summary fields", java.util.stream.Stream.of(IndexFields.ID, IndexFields.URL,
                    IndexFields.HEADLINE, IndexFields.SOURCE, IndexFields.SECTION, IndexFields.BYLINE, IndexFields.PUBLISHED)
                .filter(f -> stored.getField(f) != null).toList());
            out.put(IndexFields.DATELINE, stored.get(IndexFields.DATELINE));
            out.put(IndexFields.BODY, List.of(stored.getValues(IndexFields.BODY)));
            LeafReaderContext leaf = s.getIndexReader().leaves().get(0);
            int local = doc - leaf.docBase;
            org.apache.lucene.index.SortedDocValues ids = DocValues.getSorted(leaf.reader(), IndexFields.ID);
            assertThat(ids.advanceExact(local)).isTrue();
            out.put(IndexFields.ID, ids.lookupOrd(ids.ordValue()).utf8ToString());
            org.apache.lucene.index.SortedNumericDocValues published =
                DocValues.getSortedNumeric(leaf.reader(), IndexFields.PUBLISHED);
            assertThat(published.advanceExact(local)).isTrue();
            out.put(IndexFields.PUBLISHED, published.nextValue());
            SortedSetDocValues sources = DocValues.getSortedSet(leaf.reader(), IndexFields.FACET_SOURCE);
            assertThat(sources.advanceExact(local)).isTrue();
            out.put(IndexFields.FACET_SOURCE, sources.lookupOrd(sources.nextOrd()).utf8ToString());
            SortedSetDocValues entities = DocValues.getSortedSet(leaf.reader(), IndexFields.FACET_ENTITY);
            assertThat(entities.advanceExact(local)).isTrue();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < entities.docValueCount(); i++) {
              names.add(entities.lookupOrd(entities.nextOrd()).utf8ToString());
            }
            out.put(IndexFields.FACET_ENTITY, names);
            out.put("headline term", s.count(new TermQuery(new Term(IndexFields.textField(SearchField.HEADLINE), "talk"))));
            out.put("stemmed body term", s.count(new TermQuery(new Term(IndexFields.BODY, "official"))));
            out.put("person term", s.count(new TermQuery(new Term(IndexFields.entityField(EntityType.PERSON), "umerov"))));
            out.put("place term", s.count(new TermQuery(new Term(IndexFields.PLACE, "kyiv"))));
            return out;
          });
      assertThat(read)
          .containsEntry(IndexFields.ID, "talks-1")
          .containsEntry("stored summary fields", List.of())
          .containsEntry(IndexFields.DATELINE, "KYIV")
          .containsEntry(IndexFields.BODY, talks.body())
          .containsEntry(IndexFields.PUBLISHED, talks.published().toEpochMilli())
          .containsEntry(IndexFields.FACET_SOURCE, "The Straits Times")
          .containsEntry("headline term", 2) // "peace talks", and "talks in Kyiv" (undated): stem "talk"
          .containsEntry("stemmed body term", 2) // "officials" (talks), "officials" (storm)
          .containsEntry("person term", 1)
          .containsEntry("place term", 2); // talks (dateline and entity) and the undated note
      @SuppressWarnings("unchecked")
      List<String> facets = (List<String>) read.get(IndexFields.FACET_ENTITY);
      assertThat(facets).contains("person\u001fRustem Umerov", "place\u001fKyiv");
      // The summary fields are the article's, as get reads them.
      Article got = fixtures.get(talks.id()).orElseThrow();
      assertThat(List.of(got.url(), got.headline(), got.source(), got.published()))
          .containsExactly(talks.url(), talks.headline(), "The Straits Times", talks.published());
    }
  }

  // ---------------------------------------------------------------- withSearcher

  private static int countAll(NewsIndex idx) {
    return idx.withSearcher(s -> s.count(MatchAllDocsQuery.INSTANCE));
  }

  /** Collects the ids of the matching documents from the id doc values. */
  static final class IdsCollector implements CollectorManager<IdsCollector.Leafwise, Set<String>> {
    @Override
    public Leafwise newCollector() {
      return new Leafwise();
    }

    @Override
    public Set<String> reduce(Collection<Leafwise> collectors) {
      Set<String> out = new HashSet<>();
      for (Leafwise c : collectors) {
        assertThat(Collections.disjoint(out, c.ids)).isTrue();
        out.addAll(c.ids);
      }
      return out;
    }

    static final class Leafwise extends SimpleCollector {
      final List<String> ids = new ArrayList<>();
      private SortedDocValues values;

      @Override
      protected void doSetNextReader(LeafReaderContext context) throws IOException {
        values = DocValues.getSorted(context.reader(), IndexFields.ID);
      }

      @Override
      public void collect(int doc) throws IOException {
        assertThat(values.advanceExact(doc)).isTrue();
        ids.add(values.lookupOrd(values.ordValue()).utf8ToString());
      }

      @Override
      public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
      }
    }
  }

  @Test
  void withSearcher_customCollectorSeesExactlyTheMatchingDocs() {
    try (NewsIndex idx = NewsIndex.inMemory(options().build())) {
      model.values().forEach(idx::add);
      idx.refresh();
      List<String> reuters = modelIds(a -> a.source().equals("Reuters")).stream().sorted().toList();
      // Deleted articles are not collected.
      idx.delete(reuters.get(0));
      idx.delete(reuters.get(1));
      idx.refresh();
      Set<String> expected = new HashSet<>(reuters.subList(2, reuters.size()));

      Set<String> collected =
          idx.withSearcher(s -> s.search(IndexFields.newSourceQuery("Reuters"), new IdsCollector()));
      assertThat(collected).isEqualTo(expected);
      assertThat(collected).isEqualTo(ids(idx, NewsQuery.builder().source("Reuters").build()));

      Query alphaFromReuters =
          new org.apache.lucene.search.BooleanQuery.Builder()
              .add(IndexFields.newSourceQuery("Reuters"), org.apache.lucene.search.BooleanClause.Occur.FILTER)
              .add(new TermQuery(new Term(IndexFields.BODY, "alpha")), org.apache.lucene.search.BooleanClause.Occur.MUST)
              .build();
      Set<String> alpha = idx.withSearcher(s -> s.search(alphaFromReuters, new IdsCollector()));
      assertThat(alpha)
          .isEqualTo(ids(idx, NewsQuery.builder().text("body:alpha").source("Reuters").build()))
          .isNotEmpty();
    }
  }

  @Test
  void withSearcher_isAPointInTimeViewOfTheLastRefresh() {
    try (NewsIndex idx = NewsIndex.inMemory(options().build())) {
      idx.add(Article.builder().id("one").headline("first").build());
      idx.refresh();
      idx.add(Article.builder().id("two").headline("second").build()); // not refreshed
      assertThat(countAll(idx)).isEqualTo(1);

      int[] seen =
          idx.withSearcher(s -> {
            int before = s.count(MatchAllDocsQuery.INSTANCE);
            idx.add(Article.builder().id("three").headline("third").build());
            idx.refresh();
            int after = s.count(MatchAllDocsQuery.INSTANCE);
            return new int[] {before, after};
          });
      assertThat(seen).containsExactly(1, 1);
      assertThat(countAll(idx)).isEqualTo(3);
    }
  }

  @Test
  void withSearcher_releasesTheSearcher_soNoReaderStaysOpenAndNoFileLingers(@TempDir Path dir)
      throws IOException {
    Set<IndexReader> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    NewsIndex idx = NewsIndex.open(dir, options().build());
    for (int i = 0; i < 240; i++) {
      idx.add(Article.builder().id("r" + (i % 90)).headline("revision " + i).body(List.of("text " + i)).build());
      if (i % 4 == 0) {
        idx.refresh();
      }
      if (i % 60 == 59) {
        idx.commit();
      }
      switch (i % 3) {
        case 0 -> {
          int n = idx.withSearcher(s -> {
            seen.add(s.getIndexReader());
            return s.count(MatchAllDocsQuery.INSTANCE);
          });
          assertThat(n).isPositive();
        }
        case 1 -> assertThatThrownBy(() -> idx.withSearcher(s -> {
              seen.add(s.getIndexReader());
              throw new IOException("disk on fire");
            }))
            .isInstanceOf(IndexException.class)
            .hasMessageContaining("disk on fire")
            .hasCauseInstanceOf(IOException.class);
        default -> {
          IllegalStateException mine = new IllegalStateException("caller's bug");
          assertThatThrownBy(() -> idx.withSearcher(s -> {
                seen.add(s.getIndexReader());
                throw mine;
              }))
              .isSameAs(mine);
        }
      }
    }
    assertThat(seen.size()).isGreaterThan(20);
    IndexReader current = idx.withSearcher(IndexSearcher::getIndexReader);
    for (IndexReader r : seen) {
      if (r != current) {
        assertThat(r.getRefCount()).as("a reader replaced by a refresh is closed").isZero();
      }
    }
    assertThat(current.getRefCount()).as("only the index holds the current reader").isEqualTo(1);

    idx.close();
    for (IndexReader r : seen) {
      assertThat(r.getRefCount()).isZero();
    }
    // Every file left belongs to the last commit: none is kept alive by an unreleased reader.
    try (Directory d = FSDirectory.open(dir)) {
      Set<String> committed = new HashSet<>(SegmentInfos.readLatestCommit(d).files(true));
      committed.add("write.lock");
      assertThat(Set.of(d.listAll())).isSubsetOf(committed);
    }
    assertThatThrownBy(() -> idx.withSearcher(s -> s.count(MatchAllDocsQuery.INSTANCE)))
        .isInstanceOf(IndexException.class)
        .hasMessageContaining("closed");
    try (NewsIndex reopened = NewsIndex.openReadOnly(dir)) {
      assertThat(reopened.count()).isEqualTo(90);
    }
  }

  @Test
  void withSearcher_searcherIsTheCallersOwn() {
    try (NewsIndex idx = Fixtures.index()) {
      List<Float> before = idx.search(NewsQuery.of("talks")).hits().stream().map(SearchHit::score).toList();
      idx.withSearcher(s -> {
        s.setSimilarity(new ClassicSimilarity());
        s.setQueryCache(null);
        return null;
      });
      List<Float> after = idx.search(NewsQuery.of("talks")).hits().stream().map(SearchHit::score).toList();
      assertThat(after).isEqualTo(before);
    }
  }

  @Test
  void withSearcher_searchesAreStoppedByTheQueryTimeout() {
    try (NewsIndex idx = NewsIndex.inMemory(options().queryTimeout(Duration.ofMillis(50)).build())) {
      for (int i = 0; i < 400; i++) {
        idx.add(Article.builder().id("s" + i).headline("slow " + i).build());
      }
      idx.refresh();
      assertThatThrownBy(() -> idx.withSearcher(s -> s.count(new TotalsTest.SlowQuery())))
          .isInstanceOf(SearchTimeoutException.class);
      assertThat(countAll(idx)).isEqualTo(400);
    }
  }

  @Test
  void withSearcher_onAClosedIndex_throwsIndexException() {
    NewsIndex closed = NewsIndex.inMemory();
    closed.close();
    assertThatThrownBy(() -> closed.withSearcher(s -> 1)).isInstanceOf(IndexException.class);
    assertThatThrownBy(() -> index.withSearcher(null)).isInstanceOf(NullPointerException.class);
  }
}
