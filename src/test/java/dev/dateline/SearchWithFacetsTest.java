package dev.dateline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.junit.jupiter.api.Test;

/**
 * {@link NewsIndex#search(NewsQuery, FacetRequest)}: the page of {@link NewsIndex#search(NewsQuery)}
 * and the counts of {@link NewsIndex#facets}: the page searched as without counts, the matches
 * gathered for the counts in one unscored pass.
 */
class SearchWithFacetsTest {

  @Test
  void pageAndCountsEqualTheSeparateCalls_andCountsMatchTheArticles() {
    List<SortOrder> orders = List.of(SortOrder.RELEVANCE, SortOrder.NEWEST, SortOrder.OLDEST, SortOrder.RECENT);
    for (long seed = 21; seed <= 23; seed++) {
      Random r = new Random(seed);
      try (NewsIndex index = NewsIndex.inMemory(FacetCountsPropertyTest.options())) {
        Instant from = Instant.parse("2025-03-01T00:00:00Z");
        Map<String, Article> live =
            FacetCountsPropertyTest.index(index, r, 150 + r.nextInt(200), from, 60L * 86_400_000);
        int limit = 1 + r.nextInt(6);
        for (FacetCountsPropertyTest.Case c : FacetCountsPropertyTest.cases()) {
          SortOrder order = orders.get(r.nextInt(orders.size()));
          NewsQuery q = c.query().apply(NewsQuery.builder().limit(1 + r.nextInt(4)).sort(order)).build();
          FacetRequest request = FacetRequest.builder()
              .dimensions(FacetDimension.values()).limit(limit)
              .histogram(DateInterval.values()[r.nextInt(DateInterval.values().length)])
              .zone(ZoneId.of(List.of("UTC", "Asia/Kolkata", "America/New_York").get(r.nextInt(3))))
              .build();
          List<Article> matching = live.values().stream().filter(c.matches()).toList();
          String what = "seed " + seed + ", " + c.name() + ", " + order;
          // The first page and the one after it: the counts are over all matches either way.
          SearchResults plain = index.search(q);
          List<NewsQuery> pages = new ArrayList<>(List.of(q));
          if (plain.next() != null) {
            pages.add(q.after(plain.next()));
          }
          for (NewsQuery page : pages) {
            SearchResults both = index.search(page, request);
            assertThat(both.hits()).as(what).isEqualTo(index.search(page).hits());
            assertThat(both.next()).as(what).isEqualTo(index.search(page).next());
            assertThat(both.facets()).as(what).isEqualTo(index.facets(page, request));
            assertThat(both.total()).as(what).isEqualTo(matching.size());
            assertThat(both.totalIsExact()).isTrue();
            assertThat(both.facets().matches()).as(what).isEqualTo(matching.size());
            for (Facets.Dimension d : both.facets().dimensions().values()) {
              FacetCountsPropertyTest.assertDimension(d, matching, limit);
            }
            long dated = matching.stream().filter(a -> a.published() != null).count();
            assertThat(both.facets().histogram().dated()).as(what).isEqualTo(dated);
            assertThat(both.facets().histogram().undated()).as(what).isEqualTo(matching.size() - dated);
          }
          assertThat(plain.facets()).isNull();
        }
      }
    }
  }

  @Test
  void aCorrectedQueryIsCountedAsItRan() {
    try (NewsIndex index = NewsIndex.inMemory(FacetCountsPropertyTest.options())) {
      index.add(Article.builder().id("1").headline("Negotiations resume").bodyText("Text.").source("Wire A").build());
      index.add(Article.builder().id("2").headline("Negotiations stall").bodyText("Text.").source("Wire B").build());
      index.add(Article.builder().id("3").headline("Harvest report").bodyText("Text.").source("Wire B").build());
      index.refresh();
      SearchResults r = index.search(NewsQuery.of("negotations"),
          FacetRequest.builder().dimensions(FacetDimension.SOURCE).build());
      assertThat(r.correctedText()).isEqualTo("negotiations");
      assertThat(r.total()).isEqualTo(2);
      assertThat(r.facets().counts(FacetDimension.SOURCE))
          .containsExactly(new FacetCount("Wire A", 1), new FacetCount("Wire B", 1));
    }
  }

  @Test
  void thePageIsSearchedAsWithoutCounts_thenOnePassGathersTheMatches() {
    try (NewsIndex index = NewsIndex.inMemory(FacetCountsPropertyTest.options())) {
      Random r = new Random(7);
      FacetCountsPropertyTest.index(index, r, 200, Instant.parse("2025-01-01T00:00:00Z"), 86_400_000L * 20);
      CountingFilter filter = new CountingFilter();
      NewsQuery q = NewsQuery.builder().text("zork").filter(filter).build();
      FacetRequest request = FacetRequest.builder()
          .dimensions(FacetDimension.SOURCE, FacetDimension.PERSON, FacetDimension.PLACE)
          .histogram(DateInterval.DAY).build();

      // Two weights: the page's search, as without counts (so it may skip weak matches), and one
      // unscored pass for the counts; no more (the counts do not search again per dimension).
      SearchResults both = index.search(q, request);
      assertThat(filter.weights.get()).isEqualTo(2);

      filter.weights.set(0);
      SearchResults page = index.search(q);
      assertThat(filter.weights.get()).isEqualTo(1);
      assertThat(both.hits()).isEqualTo(page.hits());
      assertThat(both.facets()).isEqualTo(index.facets(q, request));
      assertThat(both.total()).isEqualTo(both.facets().matches());
      assertThat(both.totalIsExact()).isTrue();
    }
  }

  /** A filter matching every article that counts how often a search builds its weight. */
  static final class CountingFilter extends Query {
    final AtomicInteger weights = new AtomicInteger();

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
      weights.incrementAndGet();
      return MatchAllDocsQuery.INSTANCE.createWeight(searcher, scoreMode, boost);
    }

    @Override
    public void visit(QueryVisitor visitor) {
      visitor.visitLeaf(this);
    }

    @Override
    public String toString(String field) {
      return "counting";
    }

    @Override
    public boolean equals(Object o) {
      return o == this;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }
  }
}
