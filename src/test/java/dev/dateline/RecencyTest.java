package dev.dateline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.dateline.internal.search.RecencyDecay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link SortOrder#RECENT}: relevance blended with a decay on age, with a half-life and a floor. */
class RecencyTest {
  private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String FILLER =
      " Officials met residents, inspected roads and bridges, and promised a report next month on"
          + " repairs, budgets and the schedule for the coming season across the whole province.";
  private static NewsIndex index;

  @BeforeAll
  static void index() {
    index = NewsIndex.inMemory(NewsIndex.Options.builder().entityExtractor(EntityExtractor.none()).build());
    // Twins: the same text, so the same relevance; the id tie-break alone would put a-old first.
    add("a-old", NOW.minus(Duration.ofDays(10)), "Harbour reopens", "The harbour reopened." + FILLER);
    add("z-new", NOW.minus(Duration.ofDays(1)), "Harbour reopens", "The harbour reopened." + FILLER);
    // Floor: a much better old match and a weak match published now.
    add("quake-old", NOW.minus(Duration.ofDays(365)), "Quake quake quake", "Quake after quake shook the quake zone.");
    add("quake-new", NOW, "Council news", "A quake was mentioned in passing." + FILLER.repeat(6));
    // Undated: gets the floor.
    add("lantern-undated", null, "Lantern festival", "The lantern festival drew crowds.");
    // Half-life: a better match three days old and a weaker one published now.
    add("kite-mid", NOW.minus(Duration.ofDays(3)), "Air show", "Kites and a kite contest." + FILLER);
    add("kite-fresh", NOW, "Sky show", "Kites flew over the fair." + FILLER);
    // Paging: many articles about markets with varied dates and texts, some identical.
    for (int i = 0; i < 23; i++) {
      Instant published = i % 7 == 6 ? null : NOW.minus(Duration.ofHours(13L * i * i));
      String body = "market ".repeat(1 + i % 4) + "traders watched." + (i % 3 == 0 ? "" : FILLER);
      add(String.format("m%02d", i), published, "Day " + (i % 5), body);
    }
    index.refresh();
  }

  private static void add(String id, Instant published, String headline, String body) {
    Article.Builder a = Article.builder().id(id).source("Wire").headline(headline).bodyText(body);
    if (published != null) {
      a.published(published);
    }
    index.add(a.build());
  }

  @AfterAll
  static void close() {
    index.close();
  }

  private static NewsQuery.Builder recent(String text) {
    return NewsQuery.builder().text(text).sort(SortOrder.RECENT).clock(CLOCK).limit(100);
  }

  private static List<SearchHit> hits(NewsQuery q) {
    return index.search(q).hits();
  }

  private static List<String> ids(NewsQuery q) {
    return hits(q).stream().map(SearchHit::id).toList();
  }

  private static float relevance(String text, String id) {
    return hits(NewsQuery.builder().text(text).sort(SortOrder.RELEVANCE).limit(100).build()).stream()
        .filter(h -> h.id().equals(id))
        .findFirst()
        .orElseThrow()
        .score();
  }

  @Test
  void withEqualRelevanceTheNewerArticleRanksFirst() {
    assertThat(relevance("harbour", "a-old")).isEqualTo(relevance("harbour", "z-new"));
    assertThat(ids(NewsQuery.builder().text("harbour").limit(100).build())).containsExactly("a-old", "z-new");
    assertThat(ids(recent("harbour").build())).containsExactly("z-new", "a-old");
  }

  @Test
  void theFloorKeepsAMuchBetterOldMatchAboveAWeakNewOne() {
    float strong = relevance("quake", "quake-old");
    float weak = relevance("quake", "quake-new");
    assertThat(strong).as("the old match is over 1/0.3 times better").isGreaterThan(weak / 0.3f);
    assertThat(ids(recent("quake").build())).containsExactly("quake-old", "quake-new");
    // Without a floor, a year of 7-day half-lives buries it.
    assertThat(ids(recent("quake").recencyFloor(0).build())).containsExactly("quake-new", "quake-old");
    // A floor of 1 is plain relevance.
    assertThat(ids(recent("quake").recencyFloor(1).recencyHalfLife(Duration.ofMinutes(1)).build()))
        .containsExactly("quake-old", "quake-new");
  }

  @Test
  void scoresAreRelevanceTimesTheMultiplierAndUndatedArticlesGetTheFloor() {
    float base = relevance("lantern", "lantern-undated");
    assertThat(hits(recent("lantern").build()).get(0).score()).isCloseTo(base * 0.3f, within(1e-4f * base));
    assertThat(hits(recent("lantern").recencyFloor(0.5).build()).get(0).score())
        .isCloseTo(base * 0.5f, within(1e-4f * base));
    // Published exactly now: multiplier 1. Published one half-life ago: halfway to the floor.
    float fresh = relevance("kites", "kite-fresh");
    SearchHit freshHit =
        hits(recent("kites").build()).stream().filter(h -> h.id().equals("kite-fresh")).findFirst().orElseThrow();
    assertThat(freshHit.score()).isCloseTo(fresh, within(1e-4f * fresh));
    float mid = relevance("kites", "kite-mid");
    SearchHit midHit =
        hits(recent("kites").recencyHalfLife(Duration.ofDays(3)).build()).stream()
            .filter(h -> h.id().equals("kite-mid")).findFirst().orElseThrow();
    assertThat(midHit.score()).isCloseTo(mid * 0.65f, within(1e-4f * mid));
  }

  @Test
  void theHalfLifeChangesTheOrder() {
    float mid = relevance("kites", "kite-mid");
    float fresh = relevance("kites", "kite-fresh");
    // mid is better, but not by so much that a short half-life cannot overturn it.
    assertThat(mid).isGreaterThan(fresh * 1.1f).isLessThan(fresh * 3f);
    assertThat(ids(NewsQuery.builder().text("kites").build())).containsExactly("kite-mid", "kite-fresh");
    // 30 days: three days of age cost 5%; the better match stays first.
    assertThat(ids(recent("kites").recencyHalfLife(Duration.ofDays(30)).build()))
        .containsExactly("kite-mid", "kite-fresh");
    // 12 hours: six half-lives, the three-day-old article is near the floor.
    assertThat(ids(recent("kites").recencyHalfLife(Duration.ofHours(12)).build()))
        .containsExactly("kite-fresh", "kite-mid");
  }

  @Test
  void cursorPagesReturnEveryMatchOnceInOrderAgainstTheFirstPagesInstant() {
    NewsQuery all = recent("market").limit(100).build();
    List<String> expected = ids(all);
    assertThat(expected).hasSize(23);
    assertThat(expected).as("not simply relevance order").isNotEqualTo(ids(NewsQuery.builder().text("market").limit(100).build()));
    List<String> paged = new ArrayList<>();
    NewsQuery page = recent("market").limit(4).build();
    SearchResults r = index.search(page);
    paged.addAll(r.hits().stream().map(SearchHit::id).toList());
    while (r.next() != null) {
      // Built again later, as the CLI does: the cursor keeps the first page's instant.
      NewsQuery next =
          recent("market").limit(4).clock(Clock.fixed(NOW.plus(Duration.ofDays(40)), ZoneOffset.UTC))
              .after(r.next()).build();
      r = index.search(next);
      paged.addAll(r.hits().stream().map(SearchHit::id).toList());
    }
    assertThat(paged).containsExactlyElementsOf(expected);
    // A RECENT cursor is not a RELEVANCE cursor, and vice versa.
    String cursor = index.search(recent("market").limit(4).build()).next();
    assertThatThrownBy(() -> index.search(NewsQuery.builder().text("market").after(cursor).build()))
        .isInstanceOf(InvalidQueryException.class);
  }

  @Test
  void theReferenceInstantComesFromTheClockAndCarriesOver() {
    NewsQuery q = recent("harbour").build();
    assertThat(q.recencyReference()).isEqualTo(NOW);
    assertThat(q.recencyHalfLife()).isEqualTo(Duration.ofDays(7));
    assertThat(q.recencyFloor()).isEqualTo(0.3);
    assertThat(q.toBuilder().build()).isEqualTo(q);
    assertThat(q.after("x").recencyReference()).isEqualTo(NOW);
    assertThat(NewsQuery.builder().text("harbour").clock(CLOCK).build().recencyReference()).isNull();
    assertThat(recent("harbour").recencyFloor(0.5).build()).isNotEqualTo(q);
  }

  @Test
  void withoutScoredTextRecentListsNewestFirst() {
    NewsQuery recent = NewsQuery.builder().sort(SortOrder.RECENT).clock(CLOCK).limit(100).build();
    NewsQuery newest = NewsQuery.builder().sort(SortOrder.NEWEST).limit(100).build();
    assertThat(ids(recent)).containsExactlyElementsOf(ids(newest));
    NewsQuery filterOnly = recent("source:wire").build();
    assertThat(ids(filterOnly)).containsExactlyElementsOf(ids(newest));
    // and pages like it
    SearchResults first = index.search(NewsQuery.builder().sort(SortOrder.RECENT).clock(CLOCK).limit(5).build());
    NewsQuery second = NewsQuery.builder().sort(SortOrder.RECENT).clock(CLOCK).limit(5).after(first.next()).build();
    assertThat(ids(second)).containsExactlyElementsOf(ids(newest).subList(5, 10));
  }

  @Test
  void parametersAreValidated() {
    NewsQuery.Builder b = NewsQuery.builder();
    assertThatThrownBy(() -> b.recencyHalfLife(Duration.ZERO)).isInstanceOf(InvalidQueryException.class);
    assertThatThrownBy(() -> b.recencyHalfLife(Duration.ofHours(-1))).isInstanceOf(InvalidQueryException.class);
    assertThatThrownBy(() -> b.recencyHalfLife(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> b.recencyFloor(-0.1)).isInstanceOf(InvalidQueryException.class);
    assertThatThrownBy(() -> b.recencyFloor(1.1)).isInstanceOf(InvalidQueryException.class);
    assertThatThrownBy(() -> b.recencyFloor(Double.NaN)).isInstanceOf(InvalidQueryException.class);
  }

  @Test
  void theDecaySourceHasValueEquality() {
    RecencyDecay a = new RecencyDecay(NOW, Duration.ofDays(7), 0.3);
    assertThat(a).isEqualTo(new RecencyDecay(NOW, Duration.ofDays(7), 0.3));
    assertThat(a.hashCode()).isEqualTo(new RecencyDecay(NOW, Duration.ofDays(7), 0.3).hashCode());
    assertThat(a).isNotEqualTo(new RecencyDecay(NOW.plusMillis(1), Duration.ofDays(7), 0.3));
    assertThat(a).isNotEqualTo(new RecencyDecay(NOW, Duration.ofDays(8), 0.3));
    assertThat(a).isNotEqualTo(new RecencyDecay(NOW, Duration.ofDays(7), 0.31));
    assertThat(RecencyDecay.boost(MatchAll.QUERY, NOW, Duration.ofDays(7), 0.3))
        .isEqualTo(RecencyDecay.boost(MatchAll.QUERY, NOW, Duration.ofDays(7), 0.3));
  }

  private static final class MatchAll {
    static final org.apache.lucene.search.Query QUERY = org.apache.lucene.search.MatchAllDocsQuery.INSTANCE;
  }
}
