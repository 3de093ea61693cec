package dev.dateline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Significant values compared with counts and G2 scores computed from the articles. */
class SignificantValuesTest {

  /** G2 = 2 * sum O ln(O / E) over the 2x2 table, written out independently of the library. */
  static double g2(long k11, long k12, long k21, long k22) {
    double n = k11 + k12 + k21 + k22;
    long[][] o = {{k11, k12}, {k21, k22}};
    double sum = 0;
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        double e = (double) (o[i][0] + o[i][1]) * (o[0][j] + o[1][j]) / n;
        if (o[i][j] > 0) {
          sum += o[i][j] * Math.log(o[i][j] / e);
        }
      }
    }
    return 2 * sum;
  }

  @Test
  void significantPeople_matchCountsAndScoresFromTheArticles() {
    for (long seed = 1; seed <= 4; seed++) {
      Random r = new Random(seed);
      try (NewsIndex index = NewsIndex.inMemory(FacetCountsPropertyTest.options())) {
        Map<String, Article> live = FacetCountsPropertyTest.index(
            index, r, 300, Instant.parse("2025-05-01T00:00:00Z"), 10L * 86_400_000);
        List<SignificantValue> got =
            index.significant(NewsQuery.of("zork"), null, FacetDimension.PERSON, 100);
        List<Article> fg = live.values().stream().filter(a -> a.headline().contains("zork")).toList();
        List<Article> rest = live.values().stream().filter(a -> !a.headline().contains("zork")).toList();
        Map<String, Long> k1 = counts(fg);
        Map<String, Long> k2 = counts(rest);
        long n1 = fg.size();
        long n2 = rest.size();
        List<SignificantValue> expected = new ArrayList<>();
        k1.forEach((v, a) -> {
          long b = k2.getOrDefault(v, 0L);
          if ((double) a / n1 > (double) b / n2) {
            expected.add(new SignificantValue(v, a, n1, b, n2, g2(a, n1 - a, b, n2 - b)));
          }
        });
        expected.sort(Comparator.comparingDouble(SignificantValue::score).reversed()
            .thenComparing(SignificantValue::value));
        assertThat(got).hasSameSizeAs(expected);
        for (int i = 0; i < got.size(); i++) {
          SignificantValue g = got.get(i);
          SignificantValue e = expected.get(i);
          assertThat(g.value()).isEqualTo(e.value());
          assertThat(List.of(g.foreground(), g.foregroundTotal(), g.background(), g.backgroundTotal()))
              .isEqualTo(List.of(e.foreground(), e.foregroundTotal(), e.background(), e.backgroundTotal()));
          assertThat(g.score()).isCloseTo(e.score(), org.assertj.core.data.Offset.offset(1e-9));
        }
      }
    }
  }

  private static Map<String, Long> counts(List<Article> articles) {
    Map<String, Long> out = new HashMap<>();
    for (Article a : articles) {
      FacetCountsPropertyTest.values(a, FacetDimension.PERSON).forEach(v -> out.merge(v, 1L, Long::sum));
    }
    return out;
  }
}
