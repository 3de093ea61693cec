package dev.dateline;

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
}
