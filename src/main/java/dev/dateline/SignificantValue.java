package dev.dateline;

import dev.dateline.internal.facet.FacetEngine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A value (an entity or a word) that is unusually frequent among a query's matches compared with a
 * background, as returned by {@link NewsIndex#significant} and {@link NewsIndex#significantWords}.
 *
 * <p>The score is Dunning's log-likelihood ratio (G-squared) of the 2x2 table: matches with and
 * without the value against background articles with and without it. It grows with both the
 * difference in rates and the amount of evidence (a value seen in 40 of 50 matches outranks one
 * seen in 1 of 1); above about 10.83 the difference is significant at p &lt; 0.001 under the
 * test's chi-squared approximation. Only values more frequent among the matches than in the
 * background are listed.
 *
 * @param value the value (for entities, the canonical name; for words, the indexed form)
 * @param foreground the number of matches with the value
 * @param foregroundTotal the number of matches
 * @param background the number of background articles with the value (the rest of the index when
 *     the background is the whole index: matches are not counted twice)
 * @param backgroundTotal the number of background articles (likewise)
 * @param score the log-likelihood ratio, zero or more
 */
public record SignificantValue(
    String value, long foreground, long foregroundTotal, long background, long backgroundTotal, double score) {
  /**
   * Checks the value.
   *
   * @throws NullPointerException if {@code value} is null
   */
  public SignificantValue {
    Objects.requireNonNull(value, "value");
  }

  /**
   * Ranks values from their counts as {@link NewsIndex#significant} does: each value of the
   * foreground scored by the log-likelihood ratio of its 2x2 table, only values more frequent in
   * the foreground than in the background kept, most significant first, ties by value. For hosts
   * that count elsewhere (the OpenSearch client in Dateline's {@code opensearch/} module): the
   * same counts give the same list.
   *
   * @param foreground the number of matches with each value
   * @param foregroundTotal the number of matches
   * @param background the number of background articles with each value
   * @param backgroundTotal the number of background articles
   * @param wholeIndex whether the background is the whole index, matches included: the matches
   *     are then taken out of the background counts (the rest of the index)
   * @param top how many values to return, at least 1
   * @return at most {@code top} values
   * @throws IllegalArgumentException if {@code top} is less than 1
   */
  public static List<SignificantValue> rank(
      Map<String, Long> foreground, long foregroundTotal,
      Map<String, Long> background, long backgroundTotal, boolean wholeIndex, int top) {
    if (top < 1) {
      throw new IllegalArgumentException("top must be at least 1, was " + top);
    }
    long n1 = foregroundTotal;
    long n2 = backgroundTotal - (wholeIndex ? n1 : 0);
    List<SignificantValue> out = new ArrayList<>();
    foreground.forEach((value, k1) -> {
      if (value == null) {
        return;
      }
      long k2 = background.getOrDefault(value, 0L) - (wholeIndex ? k1 : 0);
      // Only values more frequent among the matches: k1/n1 > k2/n2.
      if (n2 > 0 && (double) k1 * n2 <= (double) k2 * n1) {
        return;
      }
      double score = FacetEngine.logLikelihoodRatio(k1, n1 - k1, k2, n2 - k2);
      out.add(new SignificantValue(value, k1, n1, k2, n2, score));
    });
    out.sort(
        Comparator.comparingDouble(SignificantValue::score).reversed()
            .thenComparing(SignificantValue::value));
    return List.copyOf(out.subList(0, Math.min(top, out.size())));
  }
}
