package dev.dateline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NewsIndexFilterTest {
  private final NewsIndex index = Fixtures.index();

  @AfterEach
  void close() {
    index.close();
  }

  private List<String> ids(NewsQuery.Builder q) {
    return index.search(q.build()).hits().stream().map(SearchHit::id).toList();
  }

  @Test
  void monthBoundsCoverTheWholeMonth() {
    assertThat(ids(NewsQuery.builder().from("2026-02").to("2026-02")))
        .containsExactlyInAnyOrder("talks-1", "storm-1");
    assertThat(ids(NewsQuery.builder().from("2026-03"))).containsExactly("rates-1");
    assertThat(ids(NewsQuery.builder().to("2026"))).hasSize(3);
  }

  @Test
  void dayBoundsAreInclusiveAndReadInTheChosenZone() {
    // talks-1 is 2026-02-04T18:00Z, which is already Feb 5 in Singapore (+08:00).
    assertThat(ids(NewsQuery.builder().from("2026-02-04").to("2026-02-04"))).containsExactly("talks-1");
    assertThat(ids(NewsQuery.builder().from("2026-02-04").to("2026-02-04").zone("Asia/Singapore")))
        .isEmpty();
    assertThat(ids(NewsQuery.builder().from("2026-02-05").to("2026-02-05").zone("+08:00")))
        .containsExactly("talks-1");
  }

  @Test
  void fullInstantBoundsAreExact() {
    assertThat(ids(NewsQuery.builder().from("2026-02-04T18:00:00Z").to("2026-02-04T18:00:00Z")))
        .containsExactly("talks-1");
    assertThat(ids(NewsQuery.builder().from("2026-02-04T18:00:00.001Z").to("2026-02-10"))).isEmpty();
  }

  @Test
  void relativeDatesCountBackFromNow() {
    Clock clock = Clock.fixed(Instant.parse("2026-02-21T00:00:00Z"), ZoneOffset.UTC);
    assertThat(ids(NewsQuery.builder().from("now-7d").clock(clock))).containsExactly("rates-1", "storm-1");
    assertThat(ids(NewsQuery.builder().from("now-7d").to("now").clock(clock))).containsExactly("storm-1");
  }

  @Test
  void undatedArticlesNeverMatchADateFilter() {
    assertThat(ids(NewsQuery.builder().text("archive"))).containsExactly("undated-1");
    assertThat(ids(NewsQuery.builder().text("archive").from("1900"))).isEmpty();
  }

  @Test
  void invalidDatesAreTypedErrors() {
    assertThatThrownBy(() -> NewsQuery.builder().from("2026-02-30").build())
        .isInstanceOf(InvalidDateException.class)
        .hasMessageContaining("2026-02-30");
    assertThatThrownBy(() -> NewsQuery.builder().to("yesterdayish").build())
        .isInstanceOf(InvalidDateException.class);
    assertThatThrownBy(() -> NewsQuery.builder().zone("Mars/Olympus"))
        .isInstanceOf(InvalidDateException.class);
  }

  @Test
  void inlineDateFiltersMatchStructuredOnes() {
    assertThat(ids(NewsQuery.builder().text("talks after:2026-02-01 before:2026-02-28")))
        .containsExactlyInAnyOrder("talks-1", "storm-1");
  }

  @Test
  void personFilterMatchesAliasesSurnamesAndTransliterations() {
    assertThat(ids(NewsQuery.builder().person("zelenskyy"))).containsExactly("talks-1");
    assertThat(ids(NewsQuery.builder().person("Mr Zelensky"))).containsExactly("talks-1");
    assertThat(ids(NewsQuery.builder().person("Vergara"))).containsExactly("rates-1");
    assertThat(ids(NewsQuery.builder().person("MARISOL VERGARA"))).containsExactly("rates-1");
    assertThat(ids(NewsQuery.builder().person("Vergara Marisol"))).isEmpty();
  }

  @Test
  void placeFilterMatchesAliasAndDateline() {
    assertThat(ids(NewsQuery.builder().place("kiev"))).containsExactly("talks-1");
    assertThat(ids(NewsQuery.builder().place("Kyiv"))).containsExactlyInAnyOrder("talks-1", "undated-1");
  }

  @Test
  void orgFilterMatchesEntitiesAndCredits() {
    assertThat(ids(NewsQuery.builder().org("ecb"))).containsExactly("rates-1");
    assertThat(ids(NewsQuery.builder().org("reuters"))).containsExactly("talks-1");
  }

  @Test
  void severalEntityFiltersMustAllHold() {
    assertThat(ids(NewsQuery.builder().person("zelensky").place("abu dhabi"))).containsExactly("talks-1");
    assertThat(ids(NewsQuery.builder().person("zelensky").person("vergara"))).isEmpty();
  }

  @Test
  void excludedEntitiesAreFilteredOut() {
    assertThat(ids(NewsQuery.builder().text("talks").excludeEntity(EntityType.PLACE, "kyiv")))
        .containsExactlyInAnyOrder("rates-1", "storm-1");
  }

  @Test
  void inlineEntityFiltersCombineWithOrAndNot() {
    assertThat(ids(NewsQuery.builder().text("person:vergara OR person:\"Rustem Umerov\"")))
        .containsExactlyInAnyOrder("rates-1", "talks-1");
    assertThat(ids(NewsQuery.builder().text("talks -place:kyiv")))
        .containsExactlyInAnyOrder("rates-1", "storm-1");
    assertThat(ids(NewsQuery.builder().text("org:reuters place:kyiv"))).containsExactly("talks-1");
  }

  @Test
  void sourceAndSectionFiltersMatchNamesAndAcceptSeveral() {
    assertThat(ids(NewsQuery.builder().source("straits times"))).containsExactly("talks-1");
    assertThat(ids(NewsQuery.builder().source("reuters").source("The Straits Times")))
        .containsExactlyInAnyOrder("talks-1", "rates-1");
    assertThat(ids(NewsQuery.builder().section("world")))
        .containsExactlyInAnyOrder("talks-1", "storm-1");
    assertThat(ids(NewsQuery.builder().text("source:\"example herald\" section:world")))
        .containsExactly("storm-1");
  }

  @Test
  void filtersCombineWithTextAndDates() {
    assertThat(ids(NewsQuery.builder().text("talks").section("world").from("2026-02-10")))
        .containsExactly("storm-1");
  }
}
