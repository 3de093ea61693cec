package dev.dateline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A collapsed listing, page by page, is exactly the plain listing with every match after the
 * first of its story removed: same order, same stories, whatever the sort, page size, segments,
 * deletions and story sizes (stories larger than a page and than the first batch of matches
 * collapsing reads, identical copies that tie on score).
 */
class CollapsedListingTest {
  private static final Instant T0 = Instant.parse("2026-03-02T06:00:00Z");

  @Test
  void collapsedPagesAreThePlainListingWithOneHitPerStory() {
    for (long seed = 1; seed <= 6; seed++) {
      Random r = new Random(seed);
      NewsIndex.Options options =
          NewsIndex.Options.builder()
              .entityExtractor(EntityExtractor.none())
              .stories(true)
              .totalHitsThreshold(1 + r.nextInt(40))
              .build();
      try (NewsIndex idx = NewsIndex.inMemory(options)) {
        Map<String, Article> articles = new HashMap<>();
        List<String> ids = build(idx, r, articles);
        Map<String, String> storyOf = new HashMap<>();
        for (String id : ids) {
          List<SearchHit> members = idx.timeline(id);
          if (!members.isEmpty()) {
            storyOf.put(id, members.get(0).story().id());
          }
        }
        assertThat(new HashSet<>(storyOf.values()).size())
            .as("seed %d has stories with copies", seed)
            .isLessThan(storyOf.size());
        for (String text : List.of("", "the", "bank rates", "oil OR gold", "\"central bank\"")) {
          for (SortOrder order : SortOrder.values()) {
            int limit = 1 + r.nextInt(7);
            NewsQuery q =
                NewsQuery.builder()
                    .text(text)
                    .sort(order)
                    .highlight(false)
                    .limit(limit)
                    .build();
            List<String> expected = firstPerStory(plainListing(idx, q), storyOf);
            String what = "seed " + seed + ", '" + text + "', " + order + ", pages of " + limit;

            List<String> seen = new ArrayList<>();
            SearchResults page = idx.search(q.toBuilder().collapse(true).build());
            long total = page.total();
            boolean exact = page.totalIsExact();
            while (true) {
              for (SearchHit h : page.hits()) {
                seen.add(h.id());
                assertThat(h.story().id()).as(what).isEqualTo(storyOf.get(h.id()));
                assertThat(h.story()).as(what).isEqualTo(expectedStory(h.story().id(), storyOf, articles));
              }
              if (page.next() == null) {
                break;
              }
              page = idx.search(q.toBuilder().collapse(true).after(page.next()).build());
              // Every page counts all the stories, not those after its cursor.
              assertThat(page.total()).as(what).isEqualTo(total);
              assertThat(page.totalIsExact()).as(what).isEqualTo(exact);
            }
            assertThat(seen).as(what).containsExactlyElementsOf(expected);
            int threshold = options.totalHitsThreshold();
            if (expected.size() <= threshold) {
              assertThat(total).as(what).isEqualTo(expected.size());
              assertThat(exact).as(what).isTrue();
            } else {
              assertThat(total).as(what).isEqualTo(threshold);
              assertThat(exact).as(what).isFalse();
            }
            SearchResults exactTotal =
                idx.search(q.toBuilder().collapse(true).exactTotal(true).build());
            assertThat(exactTotal.total()).as(what).isEqualTo(expected.size());
            assertThat(exactTotal.totalIsExact()).isTrue();
          }
        }
      }
    }
  }

  @Test
  void storyDetailsFollowKeysMovedInSegmentsAlreadySearched() {
    Random r = new Random(11);
    try (NewsIndex idx = NewsIndex.inMemory(NewsIndex.Options.builder()
        .entityExtractor(EntityExtractor.none()).stories(true).build())) {
      List<String> body = StoryTexts.body(r, 5);
      idx.add(StoryTexts.article("late", "Gulf Daily", T0.plusSeconds(3_600), StoryTexts.variant(r, body)));
      idx.add(StoryTexts.article("later", "Le Soir", T0.plusSeconds(7_200), StoryTexts.variant(r, body)));
      idx.refresh();
      NewsQuery all = NewsQuery.builder().collapse(true).sort(SortOrder.NEWEST).build();
      SearchResults before = idx.search(all);
      assertThat(before.hits()).singleElement()
          .satisfies(h -> assertThat(h.story().id()).isEqualTo("late"))
          .satisfies(h -> assertThat(h.story().size()).isEqualTo(2));

      // An earlier original arrives: the two members already searched move to its story (their
      // keys change in a segment whose story table was built), and one of them is deleted.
      idx.add(StoryTexts.article("wire", "Reuters", T0, body));
      idx.delete("later");
      idx.refresh();
      SearchResults after = idx.search(all);
      assertThat(after.hits()).singleElement().satisfies(h -> {
        assertThat(h.id()).isEqualTo("late");
        assertThat(h.story().id()).isEqualTo("wire");
        assertThat(h.story().size()).isEqualTo(2);
        assertThat(h.story().sources()).containsExactly("Gulf Daily", "Reuters");
      });
      assertThat(idx.timeline("late")).extracting(SearchHit::id).containsExactly("wire", "late");
    }
  }

  /**
   * Stories of 1 to 40 members (some identical copies), published over weeks, added out of order
   * in several segments, then a few articles deleted.
   */
  private static List<String> build(NewsIndex idx, Random r, Map<String, Article> kept) {
    List<Article> all = new ArrayList<>();
    int stories = 15 + r.nextInt(10);
    for (int s = 0; s < stories; s++) {
      List<String> body = StoryTexts.body(r, 4 + r.nextInt(3));
      Instant t = T0.plus(Duration.ofHours(30L * s + r.nextInt(20)));
      all.add(StoryTexts.article("s" + s, "Wire", t, body));
      int copies = r.nextInt(4) == 0 ? 20 + r.nextInt(21) : r.nextInt(3);
      for (int c = 0; c < copies; c++) {
        List<String> copy = r.nextInt(3) == 0 ? body : StoryTexts.variant(r, body);
        all.add(StoryTexts.article("s" + s + "c" + c, "Outlet" + (c % 5),
            t.plusSeconds(60L * (1 + r.nextInt(600))), copy));
      }
    }
    java.util.Collections.shuffle(all, r);
    List<String> ids = new ArrayList<>();
    for (Article a : all) {
      idx.add(a);
      ids.add(a.id());
      if (r.nextInt(25) == 0) {
        idx.refresh(); // another segment
      }
    }
    idx.refresh();
    for (int i = 0; i < 4; i++) {
      String gone = ids.remove(r.nextInt(ids.size()));
      idx.delete(gone);
    }
    idx.refresh();
    for (Article a : all) {
      if (ids.contains(a.id())) {
        kept.put(a.id(), a);
      }
    }
    return ids;
  }

  /** The story {@code storyId} counted from the articles the test added, apart from the index. */
  private static Story expectedStory(
      String storyId, Map<String, String> storyOf, Map<String, Article> articles) {
    Story.Tally tally = new Story.Tally();
    storyOf.forEach((id, story) -> {
      if (story.equals(storyId)) {
        Article a = articles.get(id);
        tally.add(id, a.published() == null ? null : a.published().toEpochMilli(), a.source());
      }
    });
    return tally.story();
  }

  private static List<String> plainListing(NewsIndex idx, NewsQuery q) {
    List<String> out = new ArrayList<>();
    SearchResults page = idx.search(q.toBuilder().limit(1000).build());
    page.hits().forEach(h -> out.add(h.id()));
    assertThat(page.next()).isNull();
    return out;
  }

  private static List<String> firstPerStory(List<String> listing, Map<String, String> storyOf) {
    Set<String> stories = new LinkedHashSet<>();
    List<String> out = new ArrayList<>();
    for (String id : listing) {
      if (stories.add(storyOf.get(id))) {
        out.add(id);
      }
    }
    return out;
  }
}
