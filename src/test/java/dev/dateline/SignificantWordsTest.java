package dev.dateline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Significant words ({@link NewsIndex#significantWords}) against counts taken from the articles'
 * text and G2 scores computed by {@link SignificantValuesTest#g2}, on random corpora written from a
 * small vocabulary of words the analyzer keeps as they are.
 */
class SignificantWordsTest {

  static final List<String> VOCABULARY = List.of(
      "zork", "quux", "plugh", "xyzzy", "frob", "blarg", "snark", "grue", "floop", "glorp", "wump", "kvetch");
  static final List<String> SOURCES = List.of("Wire A", "Wire B", "Wire C");
  static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
  static final long DAY = 86_400_000L;

  /** Each source and each half of the period leans to some words, so some words stand out. */
  static Article article(Random r, int i) {
    int source = r.nextInt(SOURCES.size());
    boolean late = r.nextBoolean();
    List<String> headline = new ArrayList<>();
    List<String> body = new ArrayList<>();
    for (int w = 0; w < VOCABULARY.size(); w++) {
      double p = 0.15 + (w % SOURCES.size() == source ? 0.35 : 0) + (late && w >= 8 ? 0.3 : 0);
      if (r.nextDouble() < p) {
        (r.nextBoolean() ? headline : body).add(VOCABULARY.get(w));
      }
    }
    if (headline.isEmpty()) {
      headline.add(VOCABULARY.get(r.nextInt(VOCABULARY.size())));
    }
    if (body.isEmpty()) {
      body.add(VOCABULARY.get(r.nextInt(VOCABULARY.size())));
    }
    return Article.builder().id("a" + i).source(SOURCES.get(source))
        .headline(capitalised(headline)).bodyText(String.join(" ", body) + ".")
        .published(START.plusMillis((late ? 10 * DAY : 0) + (long) (r.nextDouble() * 9 * DAY)))
        .build();
  }

  private static String capitalised(List<String> words) {
    String s = String.join(" ", words);
    return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }

  static Set<String> words(Article a) {
    Set<String> out = new HashSet<>();
    for (String text : List.of(a.headline(), String.join(" ", a.body()))) {
      for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
        if (!w.isEmpty()) {
          out.add(w);
        }
      }
    }
    return out;
  }

  /** Indexes n articles in several segments, then deletes and replaces some; the live ones. */
  static Map<String, Article> index(NewsIndex index, Random r, int n) {
    Map<String, Article> live = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Article a = article(r, i);
      index.add(a);
      live.put(a.id(), a);
      if (r.nextInt(50) == 0) {
        index.commit();
        index.refresh();
      }
    }
    for (int k = 0; k < n / 10; k++) {
      int i = r.nextInt(n);
      if (r.nextBoolean()) {
        index.delete("a" + i);
        live.remove("a" + i);
      } else {
        Article a = article(r, i);
        index.add(a);
        live.put(a.id(), a);
      }
    }
    index.refresh();
    return live;
  }

  /** The expected words: counted from the articles, G2 written out, the documented rules. */
  static Map<String, SignificantValue> expected(
      List<Article> fg, List<Article> bg, Set<String> excluded) {
    Map<String, Long> k1 = new HashMap<>();
    Map<String, Long> k2 = new HashMap<>();
    fg.forEach(a -> words(a).forEach(w -> k1.merge(w, 1L, Long::sum)));
    bg.forEach(a -> words(a).forEach(w -> k2.merge(w, 1L, Long::sum)));
    long n1 = fg.size();
    long n2 = bg.size();
    Map<String, SignificantValue> out = new HashMap<>();
    k1.forEach((w, a) -> {
      long b = k2.getOrDefault(w, 0L);
      if (a >= 2 && !excluded.contains(w) && (double) a / n1 > (double) b / n2) {
        out.put(w, new SignificantValue(w, a, n1, b, n2, SignificantValuesTest.g2(a, n1 - a, b, n2 - b)));
      }
    });
    return out;
  }

  static void assertWords(List<SignificantValue> got, Map<String, SignificantValue> expected, String what) {
    assertThat(got).as(what).hasSize(expected.size());
    for (int i = 0; i < got.size(); i++) {
      SignificantValue g = got.get(i);
      SignificantValue e = expected.get(g.value());
      assertThat(e).as(what + ": unexpected word " + g.value()).isNotNull();
      assertThat(Arrays.asList(g.foreground(), g.foregroundTotal(), g.background(), g.backgroundTotal()))
          .as(what + ": " + g.value())
          .isEqualTo(Arrays.asList(e.foreground(), e.foregroundTotal(), e.background(), e.backgroundTotal()));
      assertThat(g.score()).as(what + ": " + g.value()).isCloseTo(e.score(), Offset.offset(1e-9));
      if (i > 0) {
        SignificantValue prev = got.get(i - 1);
        assertThat(prev.score() > g.score()
                || (prev.score() == g.score() && prev.value().compareTo(g.value()) < 0))
            .as(what + ": order at " + i).isTrue();
      }
    }
  }

  @Test
  void wordsOfAResultSetAgainstTheRestOfTheIndex_matchTheArticles() {
    for (long seed = 1; seed <= 5; seed++) {
      Random r = new Random(seed);
      try (NewsIndex index = NewsIndex.inMemory(FacetCountsPropertyTest.options())) {
        Map<String, Article> live = index(index, r, 200 + r.nextInt(200));
        List<Article> all = List.copyOf(live.values());
        String source = SOURCES.get(r.nextInt(SOURCES.size()));
        Predicate<Article> fromSource = a -> source.equals(a.source());
        List<SignificantValue> got =
            index.significantWords(NewsQuery.builder().source(source).build(), null, 1000);
        Map<String, SignificantValue> expected = expected(
            all.stream().filter(fromSource).toList(), all.stream().filter(fromSource.negate()).toList(), Set.of());
        String what = "seed " + seed + ", source " + source;
        assertThat(expected).as(what).isNotEmpty();
        assertWords(got, expected, what);
        // top N is the head of the full list
        assertThat(index.significantWords(NewsQuery.builder().source(source).build(), null, 3))
            .isEqualTo(got.subList(0, Math.min(3, got.size())));

        // A text query: its own word is left out of the answer.
        String word = VOCABULARY.get(r.nextInt(VOCABULARY.size()));
        Predicate<Article> hasWord = a -> words(a).contains(word);
        assertWords(index.significantWords(NewsQuery.of(word), null, 1000),
            expected(all.stream().filter(hasWord).toList(), all.stream().filter(hasWord.negate()).toList(),
                Set.of(word)),
            what + ", word " + word);
      }
    }
  }

  @Test
  void aBackgroundPeriod_isComparedAsGiven() {
    for (long seed = 7; seed <= 9; seed++) {
      Random r = new Random(seed);
      try (NewsIndex index = NewsIndex.inMemory(FacetCountsPropertyTest.options())) {
        Map<String, Article> live = index(index, r, 300);
        Instant mid = START.plusMillis(10 * DAY);
        NewsQuery late = NewsQuery.builder().from(mid).build();
        NewsQuery early = NewsQuery.builder().to(mid.minusMillis(1)).build();
        List<Article> all = List.copyOf(live.values());
        Map<String, SignificantValue> expected = expected(
            all.stream().filter(a -> !a.published().isBefore(mid)).toList(),
            all.stream().filter(a -> a.published().isBefore(mid)).toList(), Set.of());
        List<SignificantValue> got = index.significantWords(late, early, 1000);
        assertWords(got, expected, "seed " + seed);
        // The late half leans to the last four words of the vocabulary: they lead.
        assertThat(got.subList(0, 4)).extracting(SignificantValue::value)
            .containsExactlyInAnyOrderElementsOf(VOCABULARY.subList(8, 12));
      }
    }
  }

  @Test
  void noMatchesAndBadTop() {
    try (NewsIndex index = NewsIndex.inMemory(FacetCountsPropertyTest.options())) {
      index(index, new Random(3), 50);
      assertThat(index.significantWords(NewsQuery.of("nowhereword"), null, 5)).isEmpty();
      assertThatThrownBy(() -> index.significantWords(NewsQuery.of("zork"), null, 0))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
