package dev.dateline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoriesTest {
  private static final Instant T0 = Instant.parse("2026-02-10T08:00:00Z");
  private static final NewsIndex.Options NO_NER =
      NewsIndex.Options.builder().entityExtractor(EntityExtractor.none()).stories(true).build();

  private static final List<String> ECB_RATES = List.of(
      "The European Central Bank raised its main interest rate by a quarter point on Thursday,"
          + " its fourth increase this year, as inflation in the euro zone stayed well above target.",
      "ECB President Christine Lagarde told reporters in Frankfurt that further increases could"
          + " not be ruled out if price growth did not slow in the coming months.",
      "Economists polled before the meeting had expected the move, and bond yields rose slightly"
          + " after the announcement while the euro gained against the dollar.",
      "Inflation in the euro zone was 5.3 percent in the year to January, according to Eurostat.");
  private static final List<String> ECB_BANKS = List.of(
      "The European Central Bank on Thursday told the euro zone's largest lenders to hold more"
          + " capital against losses on commercial property loans, citing falling office prices.",
      "The bank's supervisory arm said in a letter to chief executives that several banks had"
          + " underestimated the risk, and it would review their plans by the end of June.",
      "Shares in Deutsche Bank and BNP Paribas fell after the letter was reported, while analysts"
          + " said the extra capital needed was manageable for most of the lenders concerned.",
      "The supervisor has raised concerns about commercial property repeatedly since last year.");

  private static List<String> copyOf(List<String> body) {
    // Trimmed, respelt, re-edited, with boilerplate: a typical syndicated copy.
    List<String> out = new ArrayList<>();
    for (String p : body.subList(0, body.size() - 1)) {
      out.add(p.replace("percent", "per cent").replace("told reporters", "said"));
    }
    out.add("This article was first published by Reuters. Copyright 2026 Business Times.");
    return out;
  }

  private static NewsIndex index() {
    return NewsIndex.inMemory(NO_NER);
  }

  @Test
  void copiesJoinOneStoryNamedAfterTheEarliest() {
    try (NewsIndex idx = index()) {
      idx.add(StoryTexts.article("bt", "Business Times", T0.plusSeconds(7200), copyOf(ECB_RATES)));
      idx.add(StoryTexts.article("r", "Reuters", T0, ECB_RATES));
      idx.add(StoryTexts.article("g", "Gulf Daily", T0.plusSeconds(3600), copyOf(ECB_RATES)));
      idx.add(StoryTexts.article("other", "Reuters", T0, ECB_BANKS));
      idx.refresh();
      List<SearchHit> members = idx.timeline("g");
      assertThat(members).extracting(SearchHit::id).containsExactly("r", "g", "bt");
      Story s = members.get(0).story();
      assertThat(s.id()).isEqualTo("r");
      assertThat(s.size()).isEqualTo(3);
      assertThat(s.sources()).containsExactly("Business Times", "Gulf Daily", "Reuters");
      assertThat(s.firstSource()).isEqualTo("Reuters");
      assertThat(s.firstPublished()).isEqualTo(T0);
      assertThat(members).allSatisfy(h -> assertThat(h.story()).isEqualTo(s));
      assertThat(idx.timeline("other")).singleElement()
          .satisfies(h -> assertThat(h.story().size()).isEqualTo(1));
      assertThat(idx.timeline("missing")).isEmpty();
    }
  }

  @Test
  void distinctStoriesOnTheSameSubjectTheSameDayStayApart() {
    try (NewsIndex idx = index()) {
      idx.add(StoryTexts.article("rates", "Reuters", T0, ECB_RATES));
      idx.add(StoryTexts.article("banks", "Reuters", T0.plusSeconds(600), ECB_BANKS));
      idx.refresh();
      assertThat(idx.timeline("rates")).extracting(SearchHit::id).containsExactly("rates");
      assertThat(idx.timeline("banks")).extracting(SearchHit::id).containsExactly("banks");
    }
  }

  @Test
  void copiesFurtherApartThanTheWindowAreSeparateStories() {
    try (NewsIndex idx = index()) {
      idx.add(StoryTexts.article("then", "Reuters", T0, ECB_RATES));
      idx.add(StoryTexts.article("later", "Reuters", T0.plus(Duration.ofDays(4)), ECB_RATES));
      idx.add(StoryTexts.article("undated", "Reuters", null, ECB_RATES));
      idx.refresh();
      assertThat(idx.timeline("then")).extracting(SearchHit::id).containsExactly("then");
      assertThat(idx.timeline("undated")).extracting(SearchHit::id).containsExactly("undated");
    }
  }

  @Test
  void deletingTheEarliestMemberMovesTheIdAndAnEditedArticleLeavesItsStory() {
    try (NewsIndex idx = index()) {
      idx.add(StoryTexts.article("r", "Reuters", T0, ECB_RATES));
      idx.add(StoryTexts.article("g", "Gulf Daily", T0.plusSeconds(3600), copyOf(ECB_RATES)));
      idx.add(StoryTexts.article("bt", "Business Times", T0.plusSeconds(7200), copyOf(ECB_RATES)));
      idx.delete("r");
      idx.refresh();
      Story s = idx.timeline("bt").get(0).story();
      assertThat(s.id()).isEqualTo("g");
      assertThat(s.size()).isEqualTo(2);
      assertThat(s.sources()).containsExactly("Business Times", "Gulf Daily");
      idx.update(StoryTexts.article("g", "Gulf Daily", T0.plusSeconds(3600), ECB_BANKS));
      idx.refresh();
      assertThat(idx.timeline("bt")).extracting(SearchHit::id).containsExactly("bt");
      assertThat(idx.timeline("g").get(0).story().size()).isEqualTo(1);
    }
  }

  @Test
  void storiesSurviveAReopenAndKeepBeingMaintained(@TempDir Path dir) {
    try (NewsIndex idx = NewsIndex.open(dir, NO_NER)) {
      idx.add(StoryTexts.article("r", "Reuters", T0, ECB_RATES));
      idx.add(StoryTexts.article("g", "Gulf Daily", T0.plusSeconds(3600), copyOf(ECB_RATES)));
      idx.commit();
    }
    try (NewsIndex idx = NewsIndex.open(dir, NO_NER)) {
      idx.refresh();
      assertThat(idx.timeline("g").get(0).story().id()).isEqualTo("r");
      idx.add(StoryTexts.article("early", "AFP", T0.minusSeconds(60), copyOf(ECB_RATES)));
      idx.refresh();
      assertThat(idx.timeline("g")).extracting(SearchHit::id).containsExactly("early", "r", "g");
      assertThat(idx.timeline("r").get(0).story().id()).isEqualTo("early");
    }
    try (NewsIndex ro = NewsIndex.openReadOnly(dir)) {
      assertThat(ro.timeline("r").get(0).story().size()).isEqualTo(3);
    }
  }

  @Test
  void collapsedSearchShowsOneHitPerStoryWithItsDetails() {
    try (NewsIndex idx = index()) {
      idx.add(StoryTexts.article("r", "Reuters", T0, ECB_RATES));
      idx.add(StoryTexts.article("g", "Gulf Daily", T0.plusSeconds(3600), copyOf(ECB_RATES)));
      idx.add(StoryTexts.article("bt", "Business Times", T0.plusSeconds(7200), copyOf(ECB_RATES)));
      idx.add(StoryTexts.article("banks", "Reuters", T0.plusSeconds(60), ECB_BANKS));
      idx.refresh();
      NewsQuery plain = NewsQuery.builder().text("central bank").build();
      assertThat(idx.search(plain).hits()).hasSize(4).allSatisfy(h -> assertThat(h.story()).isNull());
      SearchResults collapsed = idx.search(plain.toBuilder().collapse(true).build());
      assertThat(collapsed.total()).isEqualTo(2);
      assertThat(collapsed.totalIsExact()).isTrue();
      assertThat(collapsed.hits()).extracting(h -> h.story().id()).containsExactlyInAnyOrder("r", "banks");
      SearchHit rates = collapsed.hits().stream().filter(h -> h.story().id().equals("r")).findFirst().orElseThrow();
      assertThat(rates.story().size()).isEqualTo(3);
      assertThat(rates.story().sources()).containsExactly("Business Times", "Gulf Daily", "Reuters");

      SearchResults newest =
          idx.search(NewsQuery.builder().sort(SortOrder.NEWEST).collapse(true).build());
      assertThat(newest.hits()).extracting(SearchHit::id).containsExactly("bt", "banks");
      SearchResults oldest =
          idx.search(NewsQuery.builder().sort(SortOrder.OLDEST).collapse(true).build());
      assertThat(oldest.hits()).extracting(SearchHit::id).containsExactly("r", "banks");
      // A filter picks the head among the matching members only.
      SearchResults gulf =
          idx.search(NewsQuery.builder().source("Gulf Daily").collapse(true).build());
      assertThat(gulf.hits()).extracting(SearchHit::id).containsExactly("g");
      assertThat(gulf.hits().get(0).story().id()).isEqualTo("r");
    }
  }

  @Test
  void collapsedCursorPagesListEveryStoryOnceInOrder() {
    Random r = new Random(7);
    try (NewsIndex idx = index()) {
      Set<String> storyIds = new HashSet<>();
      for (int s = 0; s < 12; s++) {
        List<String> body = StoryTexts.body(r, 5);
        Instant t = T0.plus(Duration.ofDays(5L * s));
        idx.add(StoryTexts.article("s" + s, "Reuters", t, body));
        storyIds.add("s" + s);
        for (int c = 0; c < s % 3; c++) {
          idx.add(StoryTexts.article("s" + s + "c" + c, "Copy" + c, t.plusSeconds(60 * (c + 1)),
              StoryTexts.variant(r, body)));
        }
      }
      idx.refresh();
      for (SortOrder order : List.of(SortOrder.NEWEST, SortOrder.OLDEST, SortOrder.RELEVANCE)) {
        NewsQuery q = NewsQuery.builder().text("the").sort(order).limit(5).collapse(true).build();
        // The stories with a matching member (random texts need not contain "the").
        Set<String> expected = new HashSet<>();
        idx.search(q.toBuilder().collapse(false).limit(100).build()).hits()
            .forEach(h -> expected.add(idx.timeline(h.id()).get(0).story().id()));
        assertThat(expected).hasSizeGreaterThan(6);
        List<String> seen = new ArrayList<>();
        SearchResults page = idx.search(q);
        assertThat(page.total()).isEqualTo(expected.size());
        while (true) {
          page.hits().forEach(h -> seen.add(h.story().id()));
          if (page.next() == null) {
            break;
          }
          page = idx.search(q.toBuilder().after(page.next()).build());
        }
        assertThat(seen).as(order.toString()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(storyIds).containsAll(expected);
      }
    }
  }

  @Test
  void templatedItemsDoNotChainIntoOneEverGrowingStory() {
    // Briefs that differ by numbers only: each is a copy of the one before. A story is led by its
    // first article and holds only copies of it, so it never spans more than the window.
    try (NewsIndex idx = index()) {
      int n = 40;
      for (int i = 0; i < n; i++) {
        idx.add(StoryTexts.article("brief" + i, "Wire", T0.plus(Duration.ofHours(6L * i)), List.of(
            "Gold rose " + i + " cents to " + (1900 + i) + " dollars an ounce in London trading on"
                + " the day, while silver was little changed and platinum fell in thin volume as"
                + " traders waited for the central bank decision later in the week.")));
      }
      idx.refresh();
      Set<String> stories = new HashSet<>();
      for (int i = 0; i < n; i++) {
        List<SearchHit> members = idx.timeline("brief" + i);
        Story s = members.get(0).story();
        stories.add(s.id());
        assertThat(Duration.between(s.firstPublished(), members.get(members.size() - 1).published()))
            .isLessThanOrEqualTo(Duration.ofDays(3));
        assertThat(members).allSatisfy(h -> assertThat(h.story()).isEqualTo(s));
      }
      assertThat(idx.timeline("brief0")).hasSizeGreaterThan(1); // they are copies
      assertThat(stories).hasSizeGreaterThan(2);
    }
  }

  @Test
  void detectionIsOffByDefaultAndRecordedInTheIndex(@TempDir Path dir) {
    NewsIndex.Options plain = NewsIndex.Options.builder().entityExtractor(EntityExtractor.none()).build();
    Path without = dir.resolve("without");
    try (NewsIndex idx = NewsIndex.open(without, plain)) {
      assertThat(idx.detectsStories()).isFalse();
      idx.add(StoryTexts.article("r", "Reuters", T0, ECB_RATES));
      idx.add(StoryTexts.article("g", "Gulf Daily", T0.plusSeconds(3600), copyOf(ECB_RATES)));
      idx.refresh();
      assertThatThrownBy(() -> idx.search(NewsQuery.builder().collapse(true).build()))
          .isInstanceOf(StoriesNotEnabledException.class)
          .hasMessageContaining("without story detection");
      assertThatThrownBy(() -> idx.timeline("r")).isInstanceOf(StoriesNotEnabledException.class);
      assertThat(idx.search(NewsQuery.builder().build()).total()).isEqualTo(2);
    }
    assertThatThrownBy(() -> NewsIndex.open(without, NO_NER))
        .isInstanceOf(IndexException.class)
        .hasMessageContaining("without story detection");
    try (NewsIndex ro = NewsIndex.openReadOnly(without)) {
      assertThat(ro.detectsStories()).isFalse();
    }

    Path with = dir.resolve("with");
    try (NewsIndex idx = NewsIndex.open(with, NO_NER)) {
      idx.add(StoryTexts.article("r", "Reuters", T0, ECB_RATES));
      idx.add(StoryTexts.article("g", "Gulf Daily", T0.plusSeconds(3600), copyOf(ECB_RATES)));
    }
    // Reopened with default options: the index knows it detects stories, and keeps doing so.
    try (NewsIndex idx = NewsIndex.open(with, plain)) {
      assertThat(idx.detectsStories()).isTrue();
      idx.add(StoryTexts.article("bt", "Business Times", T0.plusSeconds(7200), copyOf(ECB_RATES)));
      idx.refresh();
      assertThat(idx.timeline("r")).extracting(SearchHit::id).containsExactly("r", "g", "bt");
    }
    try (NewsIndex ro = NewsIndex.openReadOnly(with)) {
      assertThat(ro.search(NewsQuery.builder().collapse(true).build()).total()).isEqualTo(1);
    }
  }
}
