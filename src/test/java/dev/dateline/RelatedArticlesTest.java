package dev.dateline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RelatedArticlesTest {
  private static final Instant T0 = Instant.parse("2026-02-10T08:00:00Z");

  private static final List<String> RATES = List.of(
      "The European Central Bank raised its main interest rate by a quarter point on Thursday,"
          + " as inflation in the euro zone stayed well above the bank's target.",
      "ECB President Christine Lagarde said further increases in the interest rate could not be"
          + " ruled out while inflation stayed high.");
  private static final List<String> RATES_LATER = List.of(
      "Euro zone inflation slowed in February, easing pressure on the European Central Bank to"
          + " raise its interest rate again at its next meeting.",
      "Economists said the bank would still lift the rate once more before pausing.");
  private static final List<String> STORM = List.of(
      "Heavy rain flooded villages along the river on Thursday and the army was sent to help"
          + " evacuate families from their homes.",
      "Forecasters said more storms would follow over the weekend.");
  private static final List<String> FOOTBALL = List.of(
      "The home side won the cup final two goals to one after extra time in front of a full"
          + " stadium.",
      "Their captain scored the winner with a header from a corner.");

  private static List<String> copy(List<String> body) {
    List<String> out = new ArrayList<>(body);
    out.add("This story was first published by the wire and is republished under licence.");
    return out;
  }

  private static NewsIndex index(boolean stories) {
    NewsIndex idx = NewsIndex.inMemory(
        NewsIndex.Options.builder().entityExtractor(EntityExtractor.none()).stories(stories).build());
    idx.add(StoryTexts.article("rates", "Reuters", T0, RATES));
    idx.add(StoryTexts.article("rates-copy", "Gulf Daily", T0.plusSeconds(3600), copy(RATES)));
    idx.add(StoryTexts.article("later", "Reuters", T0.plus(Duration.ofDays(10)), RATES_LATER));
    idx.add(StoryTexts.article("later-copy", "Harbour Post", T0.plus(Duration.ofDays(10)).plusSeconds(60), copy(RATES_LATER)));
    idx.add(StoryTexts.article("storm", "Reuters", T0, STORM));
    idx.add(StoryTexts.article("football", "Reuters", T0, FOOTBALL));
    idx.refresh();
    return idx;
  }

  @Test
  void relatedStoriesExcludeTheArticlesOwnStoryAndShowOneHitPerStory() {
    try (NewsIndex idx = index(true)) {
      List<SearchHit> hits = idx.related("rates", 10, null);
      assertThat(hits).extracting(SearchHit::id).doesNotContain("rates", "rates-copy");
      // The later ECB story is the most related, once (its copy is collapsed into it).
      assertThat(hits).isNotEmpty();
      assertThat(hits.get(0).story().id()).isEqualTo("later");
      assertThat(hits).filteredOn(h -> h.story().id().equals("later")).hasSize(1);
      assertThat(hits.get(0).story().size()).isEqualTo(2);
      // Stories on other subjects share no distinctive word (common words are stop words).
      assertThat(hits).extracting(SearchHit::id).doesNotContain("football");
      // From the copy, the same: never the original.
      assertThat(idx.related("rates-copy", 10, null)).extracting(SearchHit::id)
          .doesNotContain("rates", "rates-copy");
    }
  }

  @Test
  void aTimeWindowLimitsTheRelatedArticles() {
    try (NewsIndex idx = index(true)) {
      assertThat(idx.related("rates", 10, Duration.ofDays(1))).extracting(SearchHit::id)
          .doesNotContain("later", "later-copy");
      assertThat(idx.related("rates", 10, Duration.ofDays(11))).extracting(h -> h.story().id())
          .contains("later");
    }
  }

  @Test
  void withoutStoriesCopiesAreNotRecognised() {
    try (NewsIndex idx = index(false)) {
      List<SearchHit> hits = idx.related("rates", 10, null);
      assertThat(hits).extracting(SearchHit::id).contains("rates-copy").doesNotContain("rates");
      assertThat(hits).allSatisfy(h -> assertThat(h.story()).isNull());
    }
  }

  @Test
  void unknownIdsAndBadArguments() {
    try (NewsIndex idx = index(true)) {
      assertThat(idx.related("missing", 10, null)).isEmpty();
      assertThat(idx.related("rates", 1, null)).hasSize(1);
      assertThatThrownBy(() -> idx.related("rates", 0, null)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> idx.related("rates", 5, Duration.ofDays(-1)))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
