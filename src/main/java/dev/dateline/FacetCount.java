package dev.dateline;

import java.util.Objects;

/**
 * One value of a {@link FacetDimension} and the number of matching articles that have it.
 *
 * @param value the value: as given in the articles for source, section, tag, author and dateline,
 *     the lower-cased code for language, the canonical name for entities; values longer than 1,000
 *     characters are cut to their first 1,000
 * @param count the number of matching articles with that value (an article counts once however
 *     often it has the value)
 */
public record FacetCount(String value, long count) {
  /**
   * Checks the count.
   *
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if {@code count} is negative
   */
  public FacetCount {
    Objects.requireNonNull(value, "value");
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative, was " + count);
    }
  }
}
