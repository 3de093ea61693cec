package dev.dateline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Counts over all the articles matching a query, as returned by {@link NewsIndex#facets}: the top
 * values of each requested {@link FacetDimension} and, if asked for, a date {@link Histogram}. A
 * snapshot of one point-in-time view of the index; immutable.
 *
 * @param matches the exact number of articles matching the query (with all its filters)
 * @param dimensions the counts of each requested dimension, in the order requested
 * @param histogram the date histogram, or null when none was requested
 */
public record Facets(long matches, Map<FacetDimension, Dimension> dimensions, Histogram histogram) {

  /** Copies the map, keeping its order. */
  public Facets {
    dimensions = Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
  }

  /**
   * The top values of one dimension.
   *
   * @param dimension a requested dimension
   * @return its top values, most articles first, ties in ascending order of value (by Unicode code
   *     point); empty if it was not requested
   */
  public List<FacetCount> counts(FacetDimension dimension) {
    Dimension d = dimensions.get(dimension);
    return d == null ? List.of() : d.top();
  }

  /**
   * The counts of one dimension.
   *
   * @param dimension the dimension
   * @param top the most frequent values, at most the request's {@link FacetRequest#limit()}, most
   *     articles first, ties in ascending order of value by Unicode code point (the order of the
   *     values' UTF-8 bytes)
   * @param otherValues how many more distinct values the counted articles have beyond {@code top}
   * @param withValue how many counted articles have at least one value for the dimension (the
   *     others have none: no section, no person mentioned, ...)
   * @param sideways whether the counts ignore the query's own filters on this dimension
   *     (drill-sideways, see {@link FacetRequest.Builder#sideways(boolean)}); then they are over
   *     the matches of the query without those filters
   */
  public record Dimension(
      FacetDimension dimension, List<FacetCount> top, long otherValues, long withValue, boolean sideways) {
    /**
     * Copies the list.
     *
     * @throws NullPointerException if {@code dimension} or {@code top} is null
     */
    public Dimension {
      Objects.requireNonNull(dimension, "dimension");
      top = List.copyOf(top);
    }
  }
}
