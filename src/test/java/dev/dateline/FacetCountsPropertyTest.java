package dev.dateline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Facet counts on randomised corpora, every count compared with one computed independently from
 * the articles: several segments, deletions and replacements, ties, values outside the BMP.
 */
class FacetCountsPropertyTest {

  static final List<String> SOURCES =
      List.of("Harbour Daily", "Island Times", "island times", "Zeitung Über", "\uD83D\uDCF0 Wire", "\uFB01 Post", "Reuters");
  static final List<String> WORDS = List.of("zork", "quux", "plugh", "xyzzy");
  static final List<String> PEOPLE = List.of("Ana Kowal", "Ben Okafor", "Chen Wei", "Dara Ruiz", "\u00C9mile Zola");
  static final List<String> PLACES = List.of("Kyiv", "Lagos", "Manila", "Quito");
  static final List<String> ORGS = List.of("UN", "NATO", "Red Cross");

  /** Comparator of the documented order: count descending, then value by code point. */
  static final Comparator<Map.Entry<String, Long>> ORDER =
      Map.Entry.<String, Long>comparingByValue().reversed()
          .thenComparing(Map.Entry::getKey, FacetCountsPropertyTest::byCodePoint);

  static int byCodePoint(String a, String b) {
    return java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
  }

  static Article randomArticle(Random r, int i, Instant from, long spanMillis) {
    Article.Builder b = Article.builder().id("a" + i).headline(headline(r)).bodyText("Text " + i + ".");
    if (r.nextInt(10) > 0) {
      b.source(SOURCES.get(r.nextInt(SOURCES.size())));
    }
    if (r.nextBoolean()) {
      b.section(List.of("World", "Business", "world").get(r.nextInt(3)));
    }
    List<String> tags = new ArrayList<>();
    for (int k = r.nextInt(4); k > 0; k--) {
      tags.add(List.of("energy", "war", "diplomacy", "War").get(r.nextInt(4))); // repeats too
    }
    b.tags(tags);
    if (r.nextInt(3) > 0) {
      b.language(List.of("en", "EN", "de", "fr").get(r.nextInt(4)));
    }
    List<String> authors = new ArrayList<>();
    for (int k = r.nextInt(3); k > 0; k--) {
      authors.add(List.of("Jane Doe", "John Roe", "Li Na").get(r.nextInt(3)));
    }
    b.authors(authors);
    if (r.nextBoolean()) {
      b.dateline(List.of("KYIV", "LAGOS", "Manila").get(r.nextInt(3)));
    }
    List<Entity> entities = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (int k = r.nextInt(5); k > 0; k--) {
      EntityType t = EntityType.values()[r.nextInt(3)];
      List<String> names = t == EntityType.PERSON ? PEOPLE : t == EntityType.PLACE ? PLACES : ORGS;
      String name = names.get(r.nextInt(names.size()));
      if (seen.add(t + name)) {
        entities.add(new Entity(t, name, List.of(), 1 + r.nextInt(3)));
      }
    }
    b.entities(entities);
    if (r.nextInt(8) > 0) {
      b.published(from.plusMillis((long) (r.nextDouble() * spanMillis)));
    }
    return b.build();
  }

  private static String headline(Random r) {
    StringBuilder sb = new StringBuilder("Story");
    for (String w : WORDS) {
      if (r.nextInt(3) == 0) {
        sb.append(' ').append(w);
      }
    }
    return sb.toString();
  }

  /** Indexes in several refreshed batches, replacing and deleting some; returns the live ones. */
  static Map<String, Article> index(NewsIndex index, Random r, int n, Instant from, long span) {
    Map<String, Article> live = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Article a = randomArticle(r, i, from, span);
      index.add(a);
      live.put(a.id(), a);
      if (r.nextInt(40) == 0) {
        index.commit();
        index.refresh();
      }
    }
    for (int k = 0; k < n / 10; k++) {
      String id = "a" + r.nextInt(n);
      if (r.nextBoolean()) {
        index.delete(id);
        live.remove(id);
      } else {
        Article a = randomArticle(r, Integer.parseInt(id.substring(1)), from, span);
        index.add(a);
        live.put(id, a);
      }
    }
    index.refresh();
    return live;
  }

  static NewsIndex.Options options() {
    return NewsIndex.Options.builder().entityExtractor(EntityExtractor.none()).build();
  }

  static Set<String> values(Article a, FacetDimension d) {
    Set<String> out = new LinkedHashSet<>();
    switch (d) {
      case SOURCE -> add(out, a.source());
      case SECTION -> add(out, a.section());
      case TAG -> a.tags().forEach(t -> add(out, t));
      case LANGUAGE -> add(out, a.language() == null ? null : a.language().toLowerCase(Locale.ROOT));
      case AUTHOR -> a.authors().forEach(t -> add(out, t));
      case DATELINE -> add(out, a.dateline());
      default -> a.entities().stream().filter(e -> e.type() == d.entityType()).forEach(e -> add(out, e.name()));
    }
    return out;
  }

  private static void add(Set<String> out, String v) {
    if (v != null) {
      out.add(v);
    }
  }

  static void assertDimension(Facets.Dimension got, List<Article> matching, int limit) {
    Map<String, Long> expected = new HashMap<>();
    long withValue = 0;
    for (Article a : matching) {
      Set<String> vs = values(a, got.dimension());
      withValue += vs.isEmpty() ? 0 : 1;
      vs.forEach(v -> expected.merge(v, 1L, Long::sum));
    }
    List<FacetCount> top =
        expected.entrySet().stream().sorted(ORDER).limit(limit)
            .map(e -> new FacetCount(e.getKey(), e.getValue())).toList();
    assertThat(got.top()).as("%s", got.dimension()).isEqualTo(top);
    assertThat(got.otherValues()).as("%s others", got.dimension()).isEqualTo(expected.size() - top.size());
    assertThat(got.withValue()).as("%s with a value", got.dimension()).isEqualTo(withValue);
  }

  record Case(String name, Function<NewsQuery.Builder, NewsQuery.Builder> query, Predicate<Article> matches) {}

  static List<Case> cases() {
    return List.of(
        new Case("all", q -> q, a -> true),
        new Case("word zork", q -> q.text("zork"), a -> a.headline().contains("zork")),
        new Case("zork and plugh", q -> q.text("zork plugh").defaultOperator(NewsQuery.Operator.AND),
            a -> a.headline().contains("zork") && a.headline().contains("plugh")),
        new Case("source Reuters", q -> q.source("Reuters"), a -> "Reuters".equals(a.source())),
        new Case("person Chen Wei, word quux", q -> q.text("quux").person("Chen Wei"),
            a -> a.headline().contains("quux") && has(a, EntityType.PERSON, "Chen Wei")),
        new Case("place Lagos or section", q -> q.place("Lagos").section("Business"),
            // The dateline is indexed as a place too: place:lagos finds stories filed from LAGOS.
            a -> (has(a, EntityType.PLACE, "Lagos") || "LAGOS".equals(a.dateline()))
                && "Business".equals(a.section())));
  }

  static boolean has(Article a, EntityType t, String name) {
    return a.entities().stream().anyMatch(e -> e.type() == t && e.name().equals(name));
  }

  @Test
  void everyCountMatchesTheArticles_overRandomCorpora() {
    for (long seed = 1; seed <= 6; seed++) {
      Random r = new Random(seed);
      try (NewsIndex index = NewsIndex.inMemory(options())) {
        Instant from = Instant.parse("2025-03-01T00:00:00Z");
        Map<String, Article> live = index(index, r, 150 + r.nextInt(200), from, 90L * 86_400_000);
        int limit = 1 + r.nextInt(6);
        for (Case c : cases()) {
          NewsQuery q = c.query().apply(NewsQuery.builder().limit(1 + r.nextInt(3))).build();
          List<Article> matching = live.values().stream().filter(c.matches()).toList();
          Facets f = index.facets(q, FacetRequest.builder()
              .dimensions(FacetDimension.values()).limit(limit).build());
          String what = "seed " + seed + ", " + c.name();
          assertThat(f.matches()).as(what).isEqualTo(matching.size());
          assertThat(f.dimensions().keySet()).containsExactly(FacetDimension.values());
          for (Facets.Dimension d : f.dimensions().values()) {
            assertThat(d.sideways()).isFalse();
            assertDimension(d, matching, limit);
          }
          assertThat(f.histogram()).isNull();
        }
      }
    }
  }

  @Test
  void sidewaysCountsAFilteredDimensionWithoutItsFilters_andTheOthersWithThem() {
    for (long seed = 11; seed <= 14; seed++) {
      Random r = new Random(seed);
      try (NewsIndex index = NewsIndex.inMemory(options())) {
        Map<String, Article> live =
            index(index, r, 300, Instant.parse("2025-01-01T00:00:00Z"), 30L * 86_400_000);
        NewsQuery q = NewsQuery.builder().text("zork").source("Reuters").source("Harbour Daily")
            .person("Ben Okafor").build();
        Predicate<Article> text = a -> a.headline().contains("zork");
        Predicate<Article> source = a -> "Reuters".equals(a.source()) || "Harbour Daily".equals(a.source());
        Predicate<Article> person = a -> has(a, EntityType.PERSON, "Ben Okafor");
        Facets f = index.facets(q, FacetRequest.builder().sideways(true).limit(50)
            .dimensions(FacetDimension.SOURCE, FacetDimension.PERSON, FacetDimension.TAG).build());
        List<Article> all = List.copyOf(live.values());
        assertDimension(f.dimensions().get(FacetDimension.SOURCE),
            all.stream().filter(text.and(person)).toList(), 50);
        assertDimension(f.dimensions().get(FacetDimension.PERSON),
            all.stream().filter(text.and(source)).toList(), 50);
        assertDimension(f.dimensions().get(FacetDimension.TAG),
            all.stream().filter(text.and(source).and(person)).toList(), 50);
        assertThat(f.dimensions().get(FacetDimension.SOURCE).sideways()).isTrue();
        assertThat(f.dimensions().get(FacetDimension.PERSON).sideways()).isTrue();
        assertThat(f.dimensions().get(FacetDimension.TAG).sideways()).isFalse();
        assertThat(f.matches()).isEqualTo(all.stream().filter(text.and(source).and(person)).count());

        Facets plain = index.facets(q, FacetRequest.builder().limit(50)
            .dimensions(FacetDimension.SOURCE, FacetDimension.PERSON).build());
        List<Article> matching = all.stream().filter(text.and(source).and(person)).toList();
        assertDimension(plain.dimensions().get(FacetDimension.SOURCE), matching, 50);
        assertDimension(plain.dimensions().get(FacetDimension.PERSON), matching, 50);
      }
    }
  }

  @Test
  void entityFacetsCountCanonicalNames_whateverTheArticleCalledThem() {
    try (NewsIndex index = NewsIndex.inMemory()) {
      index.add(Article.builder().id("1").headline("Shelling near Kiev").bodyText("Shelling was reported near Kiev.").build());
      index.add(Article.builder().id("2").headline("Kyiv talks").bodyText("Talks were held in Kyiv.").build());
      index.refresh();
      Facets f = index.facets(NewsQuery.builder().build(),
          FacetRequest.builder().dimensions(FacetDimension.PLACE).build());
      assertThat(f.counts(FacetDimension.PLACE)).contains(new FacetCount("Kyiv", 2));
    }
  }

  @Test
  void emptyIndexAndNoMatches_giveEmptyCounts() {
    try (NewsIndex index = NewsIndex.inMemory(options())) {
      Facets f = index.facets(NewsQuery.of("zork"),
          FacetRequest.builder().dimensions(FacetDimension.SOURCE).histogram(DateInterval.DAY).build());
      assertThat(f.matches()).isZero();
      assertThat(f.counts(FacetDimension.SOURCE)).isEmpty();
      assertThat(f.histogram().buckets()).isEmpty();
      assertThat(f.histogram().undated()).isZero();
    }
  }
}
