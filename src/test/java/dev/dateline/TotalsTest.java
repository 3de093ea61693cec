package dev.dateline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link SearchResults#total()} depends on the query and the index view only, never on the page
 * size, the cursor or the sort order; {@link NewsQuery.Builder#exactTotal} and {@link
 * NewsIndex#count(NewsQuery)} count exactly.
 */
class TotalsTest {
  private static final long SEED = 20260204L;
  private static final int THRESHOLD = 10;
  private static final int ARTICLES = 300;
  private static final List<String> WORDS =
      List.of("alpha", "bravo", "delta", "golf", "hotel", "kilo", "lima", "oscar", "tango", "zulu");
  private static final List<String> SOURCES = List.of("Reuters", "Example Herald", "Daily Planet");
  private static final List<String> PEOPLE = List.of("Marisol Vergara", "Rustem Umerov", "Jane Roe");
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final int[] LIMITS = {1, 10, 100, 1000};

  private static NewsIndex index;
  private static final Map<String, Article> model = new LinkedHashMap<>();

  @BeforeAll
  static void buildIndex() {
    index =
        NewsIndex.inMemory(
            NewsIndex.Options.builder()
                .entityExtractor(EntityExtractor.none())
                .totalHitsThreshold(THRESHOLD)
                .build());
    Random r = new Random(SEED);
    for (int i = 0; i < ARTICLES; i++) {
      List<String> words = new ArrayList<>();
      for (String w : WORDS) {
        if (r.nextInt(3) == 0) {
          words.add(w);
        }
      }
      String source = SOURCES.get(r.nextInt(SOURCES.size()));
      // Sources with exactly 3, THRESHOLD and THRESHOLD + 1 articles, for totals at the edge.
      if (i < 3) {
        source = "Three Gazette";
      } else if (i < 3 + THRESHOLD) {
        source = "Ten Times";
      } else if (i < 3 + 2 * THRESHOLD + 1) {
        source = "Eleven Post";
      }
      String person = PEOPLE.get(r.nextInt(PEOPLE.size()));
      Article.Builder b =
          Article.builder()
              .id(String.format("a%03d", i))
              .source(source)
              .headline("Market update " + i)
              .body(List.of("market " + String.join(" ", words)))
              .entities(List.of(new Entity(EntityType.PERSON, person, List.of(), 1)));
      // Every seventh article is undated; the rest share a few hundred timestamps, so ties occur.
      if (i % 7 != 0) {
        b.published(START.plusSeconds(3600L * r.nextInt(400)));
      }
      Article a = b.build();
      index.add(a);
      model.put(a.id(), a);
      if (i % 41 == 40) {
        index.refresh(); // several segments, so per-segment early termination happens
      }
    }
    index.refresh();
    int segments = index.withSearcher(s -> s.getIndexReader().leaves().size());
    assertThat(segments).isGreaterThan(3);
  }

  @AfterAll
  static void closeIndex() {
    index.close();
  }

  private static boolean hasWords(Article a, String... words) {
    Set<String> tokens = Set.of(a.body().get(0).split(" "));
    for (String w : words) {
      if (!tokens.contains(w)) {
        return false;
      }
    }
    return true;
  }

  private static long modelCount(Predicate<Article> p) {
    return model.values().stream().filter(p).count();
  }

  /** Every page of {@code q} (from its first page), following cursors. */
  private static List<SearchResults> pages(NewsQuery q) {
    List<SearchResults> out = new ArrayList<>();
    NewsQuery page = q;
    while (true) {
      SearchResults r = index.search(page);
      out.add(r);
      if (r.next() == null) {
        return out;
      }
      page = q.after(r.next());
    }
  }

  private static List<String> ids(List<SearchResults> pages) {
    return pages.stream().flatMap(p -> p.hits().stream()).map(SearchHit::id).toList();
  }

  /** Asserts that every limit, every cursor page and every sort order report this total. */
  private static void assertTotalEverywhere(NewsQuery base, long total, boolean exact) {
    assertTotalEverywhere(base, order -> total, exact);
  }

  private static void assertTotalEverywhere(
      NewsQuery base, java.util.function.ToLongFunction<SortOrder> totals, boolean exact) {
    for (SortOrder order : SortOrder.values()) {
      long total = totals.applyAsLong(order);
      for (int limit : LIMITS) {
        NewsQuery q = base.toBuilder().sort(order).limit(limit).highlight(false).build();
        SearchResults r = index.search(q);
        assertThat(r.total()).as("%s, %s, limit %d", base, order, limit).isEqualTo(total);
        assertThat(r.totalIsExact()).as("%s, %s, limit %d", base, order, limit).isEqualTo(exact);
      }
      NewsQuery paged = base.toBuilder().sort(order).limit(7).highlight(false).build();
      List<SearchResults> pages = pages(paged);
      for (int i = 0; i < pages.size(); i++) {
        assertThat(pages.get(i).total()).as("%s, %s, page %d", base, order, i).isEqualTo(total);
        assertThat(pages.get(i).totalIsExact()).as("%s, %s, page %d", base, order, i).isEqualTo(exact);
      }
    }
  }

  @Test
  void total_isTheThresholdForEveryLimitPageAndSortOrder_whenMoreMatch() {
    List<NewsQuery> queries =
        List.of(
            NewsQuery.of("market"),
            NewsQuery.builder().build(),
            NewsQuery.of("alpha"),
            NewsQuery.of("alpha OR bravo"),
            NewsQuery.builder().text("delta").from(START).to(START.plusSeconds(3600L * 300)).build(),
            NewsQuery.builder().source("Reuters").build(),
            NewsQuery.builder().source("Eleven Post").build());
    for (NewsQuery q : queries) {
      assertThat(index.count(q)).as(q.toString()).isGreaterThan(THRESHOLD);
      assertTotalEverywhere(q, THRESHOLD, false);
    }
  }

  @Test
  void total_isExactForEveryLimitPageAndSortOrder_upToTheThreshold() {
    assertTotalEverywhere(NewsQuery.builder().source("Three Gazette").build(), 3, true);
    assertTotalEverywhere(NewsQuery.builder().source("Ten Times").build(), THRESHOLD, true);
    assertTotalEverywhere(NewsQuery.builder().text("market").source("Ten Times").build(), THRESHOLD, true);
    assertTotalEverywhere(NewsQuery.of("nothingmatchesthis"), 0, true);
  }

  @Test
  void exactTotal_isExactForEveryLimitPageAndSortOrder() {
    Map<NewsQuery, Long> expected = new LinkedHashMap<>();
    expected.put(NewsQuery.builder().text("market").exactTotal(true).build(), (long) ARTICLES);
    expected.put(NewsQuery.builder().exactTotal(true).build(), (long) ARTICLES);
    expected.put(NewsQuery.builder().text("alpha").exactTotal(true).build(), modelCount(a -> hasWords(a, "alpha")));
    expected.put(
        NewsQuery.builder().text("alpha golf").defaultOperator(NewsQuery.Operator.AND).exactTotal(true).build(),
        modelCount(a -> hasWords(a, "alpha", "golf")));
    expected.put(
        NewsQuery.builder().text("alpha OR golf").exactTotal(true).build(),
        modelCount(a -> hasWords(a, "alpha") || hasWords(a, "golf")));
    expected.put(
        NewsQuery.builder().source("Reuters").exactTotal(true).build(),
        modelCount(a -> a.source().equals("Reuters")));
    expected.put(NewsQuery.builder().source("Three Gazette").exactTotal(true).build(), 3L);
    expected.forEach((q, n) -> {
      assertThat(n).as(q.toString()).isGreaterThan(2L);
      assertTotalEverywhere(q, n, true);
    });
    // Ranked words: any of them by relevance, all of them in a date order (as some article has both).
    long either = modelCount(a -> hasWords(a, "alpha") || hasWords(a, "golf"));
    long both = modelCount(a -> hasWords(a, "alpha", "golf"));
    assertThat(both).isGreaterThan(2L).isLessThan(either);
    assertTotalEverywhere(
        NewsQuery.builder().text("alpha golf").exactTotal(true).build(),
        order -> order == SortOrder.NEWEST || order == SortOrder.OLDEST ? both : either,
        true);
  }

  @Test
  void count_equalsTheIdsCollectedByPagingThroughEverything_randomQueries() {
    Random r = new Random(SEED + 1);
    for (int i = 0; i < 60; i++) {
      NewsQuery.Builder b = NewsQuery.builder().limit(1 + r.nextInt(40)).highlight(false);
      List<Predicate<Article>> conditions = new ArrayList<>();
      Predicate<Article> rankedEither = null;
      Predicate<Article> rankedBoth = null;
      if (r.nextInt(4) != 0) {
        String w1 = WORDS.get(r.nextInt(WORDS.size()));
        String w2 = WORDS.get(r.nextInt(WORDS.size()));
        switch (r.nextInt(4)) {
          case 0 -> {
            b.text(w1);
            conditions.add(a -> hasWords(a, w1));
          }
          case 1 -> {
            b.text(w1 + " " + w2); // ranked default: either word (both in a date order, below)
            rankedEither = a -> hasWords(a, w1) || hasWords(a, w2);
            rankedBoth = a -> hasWords(a, w1, w2);
          }
          case 2 -> {
            b.text(w1 + " " + w2).defaultOperator(NewsQuery.Operator.AND);
            conditions.add(a -> hasWords(a, w1, w2));
          }
          default -> {
            b.text(w1 + " OR " + w2);
            conditions.add(a -> hasWords(a, w1) || hasWords(a, w2));
          }
        }
      }
      if (r.nextBoolean()) {
        String source = SOURCES.get(r.nextInt(SOURCES.size()));
        b.source(source);
        conditions.add(a -> source.equals(a.source()));
      }
      if (r.nextInt(3) == 0) {
        String person = PEOPLE.get(r.nextInt(PEOPLE.size()));
        b.person(person);
        conditions.add(a -> a.entities().get(0).name().equals(person));
      }
      if (r.nextInt(3) == 0) {
        Instant from = START.plusSeconds(3600L * r.nextInt(400));
        Instant to = from.plusSeconds(3600L * r.nextInt(200));
        b.from(from).to(to);
        conditions.add(
            a -> a.published() != null && !a.published().isBefore(from) && !a.published().isAfter(to));
      }
      SortOrder sort = SortOrder.values()[r.nextInt(SortOrder.values().length)];
      b.sort(sort);
      NewsQuery q = b.build();
      if (rankedEither != null) {
        // A date order lists the articles with both words, if any article (within the filters)
        // has both; otherwise those with either.
        Predicate<Article> both = rankedBoth;
        boolean dateOrder = sort == SortOrder.NEWEST || sort == SortOrder.OLDEST;
        boolean anyBoth = model.values().stream()
            .anyMatch(a -> both.test(a) && conditions.stream().allMatch(c -> c.test(a)));
        conditions.add(dateOrder && anyBoth ? rankedBoth : rankedEither);
      }
      Predicate<Article> all = a -> conditions.stream().allMatch(c -> c.test(a));
      Set<String> expected = new HashSet<>();
      model.values().stream().filter(all).forEach(a -> expected.add(a.id()));

      List<SearchResults> pages = pages(q);
      List<String> paged = ids(pages);
      assertThat(paged).as(q.toString()).doesNotHaveDuplicates();
      assertThat(new HashSet<>(paged)).as(q.toString()).isEqualTo(expected);
      assertThat(index.count(q)).as(q.toString()).isEqualTo(paged.size());
      SearchResults exact = index.search(q.toBuilder().exactTotal(true).build());
      assertThat(exact.total()).as(q.toString()).isEqualTo(paged.size());
      assertThat(exact.totalIsExact()).isTrue();
      assertThat(pages.get(0).total()).as(q.toString()).isEqualTo(Math.min(paged.size(), THRESHOLD));
      assertThat(pages.get(0).totalIsExact()).as(q.toString()).isEqualTo(paged.size() <= THRESHOLD);
    }
  }

  @Test
  void count_ignoresSortLimitCursorHighlightAndExactTotal() {
    NewsQuery q = NewsQuery.of("alpha");
    long n = index.count(q);
    assertThat(n).isEqualTo(modelCount(a -> hasWords(a, "alpha")));
    String cursor = index.search(q.toBuilder().limit(5).build()).next();
    assertThat(index.count(q.toBuilder().sort(SortOrder.OLDEST).limit(1).highlight(false).build()))
        .isEqualTo(n);
    assertThat(index.count(q.toBuilder().limit(5).after(cursor).exactTotal(true).build())).isEqualTo(n);
  }

  @Test
  void count_andTotalsLeaveOutDeletedArticles() {
    try (NewsIndex small = NewsIndex.inMemory(
        NewsIndex.Options.builder().entityExtractor(EntityExtractor.none()).totalHitsThreshold(5).build())) {
      for (int i = 0; i < 30; i++) {
        small.add(Article.builder().id("d" + i).headline("storm report " + i).build());
      }
      small.refresh();
      for (int i = 0; i < 30; i += 3) {
        small.delete("d" + i);
      }
      small.refresh();
      assertThat(small.count(NewsQuery.of("storm"))).isEqualTo(20);
      assertThat(small.count(NewsQuery.builder().build())).isEqualTo(20);
      assertThat(small.search(NewsQuery.builder().text("storm").exactTotal(true).build()).total()).isEqualTo(20);
      SearchResults bounded = small.search(NewsQuery.of("storm"));
      assertThat(bounded.total()).isEqualTo(5);
      assertThat(bounded.totalIsExact()).isFalse();
    }
  }

  @Test
  void count_searchAndExactTotal_areStoppedByTheQueryTimeout() {
    try (NewsIndex slow = NewsIndex.inMemory(
        NewsIndex.Options.builder()
            .entityExtractor(EntityExtractor.none())
            .queryTimeout(Duration.ofMillis(50))
            .build())) {
      for (int i = 0; i < 400; i++) {
        slow.add(Article.builder().id("s" + i).headline("slow " + i).build());
      }
      slow.refresh();
      NewsQuery q = NewsQuery.builder().text("slow").filter(new SlowQuery()).build();
      assertThatThrownBy(() -> slow.count(q)).isInstanceOf(SearchTimeoutException.class);
      assertThatThrownBy(() -> slow.search(q)).isInstanceOf(SearchTimeoutException.class);
      assertThatThrownBy(() -> slow.search(q.toBuilder().exactTotal(true).build()))
          .isInstanceOf(SearchTimeoutException.class);
      // Without the slow filter the same index answers.
      assertThat(slow.count(NewsQuery.of("slow"))).isEqualTo(400);
    }
  }

  @Test
  void count_onAClosedIndex_throwsIndexException() {
    NewsIndex closed = NewsIndex.inMemory();
    closed.close();
    assertThatThrownBy(() -> closed.count(NewsQuery.of("x"))).isInstanceOf(IndexException.class);
  }

  /** Matches every document, slowly (1 ms each), so that a timeout of tens of ms stops it. */
  static final class SlowQuery extends Query {
    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
      return new ConstantScoreWeight(this, boost) {
        @Override
        public ScorerSupplier scorerSupplier(LeafReaderContext context) {
          int maxDoc = context.reader().maxDoc();
          DocIdSetIterator slow =
              new DocIdSetIterator() {
                private int doc = -1;

                @Override
                public int docID() {
                  return doc;
                }

                @Override
                public int nextDoc() throws IOException {
                  return advance(doc + 1);
                }

                @Override
                public int advance(int target) throws IOException {
                  try {
                    Thread.sleep(1);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                  }
                  doc = target >= maxDoc ? NO_MORE_DOCS : target;
                  return doc;
                }

                @Override
                public long cost() {
                  return maxDoc;
                }
              };
          Scorer scorer = new ConstantScoreScorer(score(), scoreMode, slow);
          return new DefaultScorerSupplier(scorer);
        }

        @Override
        public boolean isCacheable(LeafReaderContext ctx) {
          return false;
        }
      };
    }

    @Override
    public String toString(String field) {
      return "SlowQuery";
    }

    @Override
    public void visit(QueryVisitor visitor) {
      visitor.visitLeaf(this);
    }

    @Override
    public boolean equals(Object other) {
      return sameClassAs(other);
    }

    @Override
    public int hashCode() {
      return classHash();
    }
  }
}
