package dev.dateline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NewsIndexSortingAndPagingTest {

  private static NewsIndex indexWith(int n) {
    NewsIndex index =
        NewsIndex.inMemory(NewsIndex.Options.builder().entityExtractor(EntityExtractor.none()).build());
    for (int i = 0; i < n; i++) {
      Article.Builder b =
          Article.builder().id(String.format("a%03d", i)).headline("Market update number " + i);
      // Every third article is undated; the others share a few timestamps, so ties happen.
      if (i % 3 != 0) {
        b.published(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(3600L * (i % 7)));
      }
      index.add(b.build());
    }
    index.refresh();
    return index;
  }

  private static List<SearchHit> all(NewsIndex index, NewsQuery first) {
    List<SearchHit> out = new ArrayList<>();
    NewsQuery q = first;
    while (true) {
      SearchResults page = index.search(q);
      out.addAll(page.hits());
      if (page.next() == null) {
        return out;
      }
      q = q.after(page.next());
    }
  }

  @Test
  void newestFirstPutsUndatedLastAndBreaksTiesById() {
    try (NewsIndex index = indexWith(30)) {
      List<SearchHit> hits =
          index.search(NewsQuery.builder().sort(SortOrder.NEWEST).limit(30).build()).hits();
      assertThat(hits).hasSize(30);
      for (int i = 1; i < hits.size(); i++) {
        SearchHit a = hits.get(i - 1);
        SearchHit b = hits.get(i);
        if (a.published() == null) {
          assertThat(b.published()).isNull();
          assertThat(a.id()).isLessThan(b.id());
        } else if (b.published() != null) {
          assertThat(a.published()).isAfterOrEqualTo(b.published());
          if (a.published().equals(b.published())) {
            assertThat(a.id()).isLessThan(b.id());
          }
        }
      }
      assertThat(hits.get(29).published()).isNull();
    }
  }

  @Test
  void oldestFirstAlsoPutsUndatedLast() {
    try (NewsIndex index = indexWith(30)) {
      List<SearchHit> hits =
          index.search(NewsQuery.builder().sort(SortOrder.OLDEST).limit(30).build()).hits();
      assertThat(hits.get(0).published()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
      assertThat(hits.subList(20, 30)).allMatch(h -> h.published() == null);
    }
  }

  @Test
  void cursorPagesVisitEveryArticleOnceInEverySortOrder() {
    try (NewsIndex index = indexWith(47)) {
      for (SortOrder order : SortOrder.values()) {
        NewsQuery q = NewsQuery.builder().text("market").sort(order).limit(10).build();
        List<String> paged = all(index, q).stream().map(SearchHit::id).toList();
        List<String> oneShot =
            index.search(q.toBuilder().limit(100).build()).hits().stream().map(SearchHit::id).toList();
        assertThat(paged).as(order.name()).hasSize(47).doesNotHaveDuplicates().isEqualTo(oneShot);
      }
    }
  }

  @Test
  void cursorStaysValidWhenArticlesAreAddedBetweenPages() {
    try (NewsIndex index = indexWith(20)) {
      NewsQuery q = NewsQuery.builder().sort(SortOrder.OLDEST).limit(5).build();
      SearchResults first = index.search(q);
      // An article newer than everything lands after the pages already seen.
      index.add(Article.builder().id("zzz").headline("late").published(Instant.parse("2027-01-01T00:00:00Z")).build());
      index.refresh();
      List<SearchHit> rest = all(index, q.after(first.next()));
      List<String> seen = new ArrayList<>(first.hits().stream().map(SearchHit::id).toList());
      rest.forEach(h -> seen.add(h.id()));
      assertThat(seen).hasSize(21).doesNotHaveDuplicates().contains("zzz");
    }
  }

  @Test
  void lastPageHasNoCursor() {
    try (NewsIndex index = indexWith(5)) {
      SearchResults r = index.search(NewsQuery.builder().limit(10).build());
      assertThat(r.hits()).hasSize(5);
      assertThat(r.next()).isNull();
    }
  }

  @Test
  void aLastPageThatIsExactlyFullHasNoCursor() {
    try (NewsIndex index = indexWith(10)) {
      for (SortOrder order : SortOrder.values()) {
        SearchResults first = index.search(NewsQuery.builder().sort(order).limit(5).build());
        assertThat(first.next()).as("%s: a second page exists", order).isNotNull();
        SearchResults second =
            index.search(NewsQuery.builder().sort(order).limit(5).after(first.next()).build());
        assertThat(second.hits()).as("%s", order).hasSize(5);
        assertThat(second.next()).as("%s: nothing after the tenth article", order).isNull();
      }
      assertThat(index.search(NewsQuery.builder().limit(10).build()).next()).isNull();
    }
  }

  @Test
  void cursorFromAnotherSortOrderIsRejected() {
    try (NewsIndex index = indexWith(20)) {
      String cursor = index.search(NewsQuery.builder().sort(SortOrder.NEWEST).limit(5).build()).next();
      NewsQuery wrong = NewsQuery.builder().sort(SortOrder.OLDEST).after(cursor).build();
      assertThatThrownBy(() -> index.search(wrong))
          .isInstanceOf(InvalidQueryException.class)
          .hasMessageContaining("different sort order");
      assertThatThrownBy(() -> index.search(NewsQuery.builder().after("not-a-cursor!").build()))
          .isInstanceOf(InvalidQueryException.class);
    }
  }

  @Test
  void totalIsExactUpToTheThresholdThenALowerBound() {
    NewsIndex.Options options =
        NewsIndex.Options.builder().entityExtractor(EntityExtractor.none()).totalHitsThreshold(10).build();
    try (NewsIndex index = NewsIndex.inMemory(options)) {
      for (int i = 0; i < 200; i++) {
        index.add(Article.builder().id("m" + i).headline("market " + i).build());
      }
      index.refresh();
      SearchResults few = index.search(NewsQuery.builder().text("\"market 7\"").build());
      assertThat(few.total()).isEqualTo(1);
      assertThat(few.totalIsExact()).isTrue();
      SearchResults many = index.search(NewsQuery.builder().text("market").build());
      assertThat(many.totalIsExact()).isFalse();
      assertThat(many.total()).isEqualTo(10L);
    }
  }

  @Test
  void aQueryThatNeededRaisedParserLimitsCanBePaged() {
    try (NewsIndex index = NewsIndex.inMemory(NewsIndex.Options.builder().entityExtractor(EntityExtractor.none()).build())) {
      for (int i = 0; i < 5; i++) {
        index.add(Article.builder().id("p" + i).headline("talks round " + i).build());
      }
      index.refresh();
      String text = "talks" + " ".repeat(12_000) + "round"; // longer than the default 10,000 chars
      NewsQuery first =
          NewsQuery.builder().text(text).limit(2).parserLimits(new QueryLimits(100_000, 1024, 32)).build();
      SearchResults page = index.search(first);
      assertThat(page.hits()).hasSize(2);
      SearchResults next = index.search(first.after(page.next()));
      assertThat(next.hits()).hasSize(2);
      assertThat(first.toBuilder().build().normalizedText()).isEqualTo(first.normalizedText());
    }
  }
}
