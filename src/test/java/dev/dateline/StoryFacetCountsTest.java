package dev.dateline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Facet counts by story: every count is the number of distinct stories (as the index groups them)
 * among the matching articles with the value, computed here from the articles themselves.
 */
class StoryFacetCountsTest {
  private static final Instant T0 = Instant.parse("2026-03-28T20:00:00Z");
  private static final List<String> SOURCES = List.of("Reuters", "Gulf Daily", "Business Times", "Le Soir");
  private static final List<String> SECTIONS = List.of("World", "Business");
  private static final List<String> PEOPLE = List.of("Ana Kowal", "Chen Wei", "Dara Ruiz");

  private record Case(String name, Function<NewsQuery.Builder, NewsQuery.Builder> query, Predicate<Article> matches) {}

  @Test
  void everyCountIsTheNumberOfStoriesWithTheValue() {
    for (long seed = 1; seed <= 5; seed++) {
      Random r = new Random(seed);
      try (NewsIndex idx = NewsIndex.inMemory(NewsIndex.Options.builder()
          .entityExtractor(EntityExtractor.none()).stories(true).build())) {
        List<Article> all = build(idx, r);
        Map<String, String> storyOf = new HashMap<>();
        for (Article a : all) {
          storyOf.put(a.id(), idx.timeline(a.id()).get(0).story().id());
        }
        assertThat(new HashSet<>(storyOf.values()).size()).isLessThan(all.size());
        // Europe/Berlin changes to summer time on 2026-03-29; Kolkata is UTC+5:30.
        ZoneId zone = r.nextBoolean() ? ZoneId.of("Europe/Berlin") : ZoneId.of("Asia/Kolkata");
        int limit = 1 + r.nextInt(4);
        for (Case c : List.of(
            new Case("all", q -> q, a -> true),
            new Case("source Reuters", q -> q.source("Reuters"), a -> "Reuters".equals(a.source())),
            new Case("section Business", q -> q.section("Business"), a -> "Business".equals(a.section())),
            new Case("person Chen Wei", q -> q.person("Chen Wei"),
                a -> a.entities().stream().anyMatch(e -> e.name().equals("Chen Wei"))))) {
          NewsQuery q = c.query().apply(NewsQuery.builder()).build();
          List<Article> matching = all.stream().filter(c.matches()).toList();
          FacetRequest request = FacetRequest.builder()
              .dimensions(FacetDimension.SOURCE, FacetDimension.SECTION, FacetDimension.PERSON)
              .limit(limit).histogram(DateInterval.DAY).zone(zone).stories(true).build();
          String what = "seed " + seed + ", " + c.name();
          Facets f = idx.facets(q, request);
          assertThat(f.matches()).as(what).isEqualTo(stories(matching, storyOf, a -> true));
          for (FacetDimension d : request.dimensions()) {
            Facets.Dimension got = f.dimensions().get(d);
            Map<String, Long> expected = new HashMap<>();
            for (String v : allValues(matching, d)) {
              expected.put(v, stories(matching, storyOf, a -> values(a, d).contains(v)));
            }
            List<FacetCount> top = expected.entrySet().stream()
                .sorted(FacetCountsPropertyTest.ORDER).limit(limit)
                .map(e -> new FacetCount(e.getKey(), e.getValue())).toList();
            assertThat(got.top()).as(what + " " + d).isEqualTo(top);
            assertThat(got.otherValues()).as(what + " " + d).isEqualTo(expected.size() - top.size());
            assertThat(got.withValue()).as(what + " " + d)
                .isEqualTo(stories(matching, storyOf, a -> !values(a, d).isEmpty()));
          }
          long counted = 0;
          for (Histogram.Bucket b : f.histogram().buckets()) {
            ZonedDateTime day = b.start();
            long expected = stories(matching, storyOf, a -> a.published() != null
                && !a.published().isBefore(day.toInstant()) && a.published().isBefore(b.end()));
            assertThat(b.count()).as(what + " " + day).isEqualTo(expected);
            counted += b.count();
          }
          assertThat(counted).as(what).isGreaterThan(0);
          assertThat(f.histogram().undated()).as(what)
              .isEqualTo(stories(matching, storyOf, a -> a.published() == null));

          // The same request in one pass with a page of hits gives the same counts.
          assertThat(idx.search(q, request).facets()).as(what).isEqualTo(f);
          // Counting articles is unchanged by the option's existence.
          Facets articles = idx.facets(q, FacetRequest.builder().dimensions(FacetDimension.SOURCE).build());
          assertThat(articles.matches()).as(what).isEqualTo(matching.size());
        }
      }
    }
  }

  @Test
  void countingStoriesNeedsAnIndexThatDetectsThem() {
    try (NewsIndex idx = NewsIndex.inMemory(NewsIndex.Options.builder().entityExtractor(EntityExtractor.none()).build())) {
      FacetRequest request = FacetRequest.builder().dimensions(FacetDimension.SOURCE).stories(true).build();
      assertThatThrownBy(() -> idx.facets(NewsQuery.builder().build(), request))
          .isInstanceOf(StoriesNotEnabledException.class);
      assertThatThrownBy(() -> idx.search(NewsQuery.builder().build(), request))
          .isInstanceOf(StoriesNotEnabledException.class);
    }
  }

  private static long stories(List<Article> articles, Map<String, String> storyOf, Predicate<Article> p) {
    Set<String> out = new HashSet<>();
    for (Article a : articles) {
      if (p.test(a)) {
        out.add(storyOf.get(a.id()));
      }
    }
    return out.size();
  }

  private static Set<String> allValues(List<Article> articles, FacetDimension d) {
    Set<String> out = new HashSet<>();
    articles.forEach(a -> out.addAll(values(a, d)));
    return out;
  }

  private static Set<String> values(Article a, FacetDimension d) {
    return FacetCountsPropertyTest.values(a, d);
  }

  /**
   * Stories of 1 to 8 members around a summer-time change, each member with its own source,
   * section and people; a few undated articles; in several segments, some deleted.
   */
  private static List<Article> build(NewsIndex idx, Random r) {
    List<Article> all = new ArrayList<>();
    int stories = 12 + r.nextInt(8);
    for (int s = 0; s < stories; s++) {
      List<String> body = StoryTexts.body(r, 4);
      Instant t = T0.plus(Duration.ofMinutes(r.nextInt(60 * 72)));
      int members = r.nextInt(3) == 0 ? 1 : 2 + r.nextInt(7);
      for (int m = 0; m < members; m++) {
        all.add(article(r, m == 0 ? "s" + s : "s" + s + "c" + m,
            m == 0 ? body : StoryTexts.variant(r, body), t.plus(Duration.ofMinutes(m == 0 ? 0 : r.nextInt(600)))));
      }
    }
    for (int u = 0; u < 3; u++) {
      all.add(article(r, "u" + u, StoryTexts.body(r, 3), null));
    }
    java.util.Collections.shuffle(all, r);
    for (Article a : all) {
      idx.add(a);
      if (r.nextInt(20) == 0) {
        idx.refresh();
      }
    }
    idx.refresh();
    for (int i = 0; i < 3; i++) {
      idx.delete(all.remove(r.nextInt(all.size())).id());
    }
    idx.refresh();
    return all;
  }

  private static Article article(Random r, String id, List<String> body, Instant published) {
    List<Entity> people = new ArrayList<>();
    for (String p : PEOPLE) {
      if (r.nextInt(3) == 0) {
        people.add(new Entity(EntityType.PERSON, p, List.of(), 1));
      }
    }
    Article.Builder b = Article.builder().id(id).headline("Headline of " + id).body(body)
        .source(SOURCES.get(r.nextInt(SOURCES.size()))).entities(people).published(published);
    if (r.nextBoolean()) {
      b.section(SECTIONS.get(r.nextInt(SECTIONS.size())));
    }
    return b.build();
  }
}
