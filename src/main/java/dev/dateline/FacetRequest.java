package dev.dateline;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * What to count over a query's matches with {@link NewsIndex#facets}: dimensions, how many values
 * of each, a date histogram, and whether filtered dimensions are counted sideways. Immutable; build
 * one with {@link #builder()}.
 *
 * <pre>{@code
 * Facets f = index.facets(query, FacetRequest.builder()
 *     .dimensions(FacetDimension.SOURCE, FacetDimension.PERSON)
 *     .histogram(DateInterval.DAY)
 *     .build());
 * }</pre>
 */
public final class FacetRequest {

  /** The default number of values listed per dimension. */
  public static final int DEFAULT_LIMIT = 10;

  /** The most values that may be listed per dimension. */
  public static final int MAX_LIMIT = 10_000;

  private final List<FacetDimension> dimensions;
  private final int limit;
  private final DateInterval histogram;
  private final ZoneId zone;
  private final boolean sideways;
  private final boolean stories;

  private FacetRequest(Builder b) {
    this.dimensions = List.copyOf(b.dimensions);
    this.limit = b.limit;
    this.histogram = b.histogram;
    this.zone = b.zone;
    this.sideways = b.sideways;
    this.stories = b.stories;
  }

  /**
   * A new builder: no dimension, {@value #DEFAULT_LIMIT} values each, no histogram, not sideways.
   *
   * @return a new builder, for use by one thread
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The dimensions to count, in order, without repeats.
   *
   * @return the dimensions; may be empty
   */
  public List<FacetDimension> dimensions() {
    return dimensions;
  }

  /**
   * How many values are listed per dimension.
   *
   * @return the limit, 1 to {@value #MAX_LIMIT}
   */
  public int limit() {
    return limit;
  }

  /**
   * The histogram's interval.
   *
   * @return the interval, or null for no histogram
   */
  public DateInterval histogram() {
    return histogram;
  }

  /**
   * The histogram's time zone.
   *
   * @return the zone, or null for the query's {@link NewsQuery#zone()}
   */
  public ZoneId zone() {
    return zone;
  }

  /**
   * Whether dimensions the query filters on are counted as if those filters were absent.
   *
   * @return true for drill-sideways counts
   */
  public boolean sideways() {
    return sideways;
  }

  /**
   * Whether the counts count stories instead of articles (see {@link Builder#stories(boolean)}).
   *
   * @return false unless set otherwise
   */
  public boolean stories() {
    return stories;
  }

  @Override
  public String toString() {
    return "FacetRequest[dimensions=" + dimensions + ", limit=" + limit + ", histogram=" + histogram
        + ", zone=" + zone + ", sideways=" + sideways + ", stories=" + stories + "]";
  }

  /** Builder for {@link FacetRequest}. Not thread-safe. */
  public static final class Builder {
    private final LinkedHashSet<FacetDimension> dimensions = new LinkedHashSet<>();
    private int limit = DEFAULT_LIMIT;
    private DateInterval histogram;
    private ZoneId zone;
    private boolean sideways;
    private boolean stories;

    private Builder() {}

    /**
     * Adds dimensions to count (a dimension given twice is counted once).
     *
     * @param dims the dimensions
     * @return this builder
     * @throws NullPointerException if a dimension is null
     */
    public Builder dimensions(FacetDimension... dims) {
      for (FacetDimension d : dims) {
        dimensions.add(Objects.requireNonNull(d, "dimension"));
      }
      return this;
    }

    /**
     * Adds dimensions to count.
     *
     * @param dims the dimensions
     * @return this builder
     * @throws NullPointerException if a dimension is null
     */
    public Builder dimensions(List<FacetDimension> dims) {
      return dimensions(new ArrayList<>(dims).toArray(new FacetDimension[0]));
    }

    /**
     * Sets how many values to list per dimension, the most frequent first (default {@value
     * #DEFAULT_LIMIT}). The counts are exact whatever the limit.
     *
     * @param limit 1 to {@value #MAX_LIMIT}
     * @return this builder
     * @throws IllegalArgumentException if {@code limit} is out of range
     */
    public Builder limit(int limit) {
      if (limit < 1 || limit > MAX_LIMIT) {
        throw new IllegalArgumentException("facet limit must be 1 to " + MAX_LIMIT + ", was " + limit);
      }
      this.limit = limit;
      return this;
    }

    /**
     * Asks for a date histogram with this interval (default none).
     *
     * @param interval the bucket width, or null for no histogram
     * @return this builder
     */
    public Builder histogram(DateInterval interval) {
      this.histogram = interval;
      return this;
    }

    /**
     * Sets the time zone of the histogram's calendar (default: the query's zone).
     *
     * @param zone the zone, or null for the query's
     * @return this builder
     */
    public Builder zone(ZoneId zone) {
      this.zone = zone;
      return this;
    }

    /**
     * Counts each dimension the query filters on (source, section, person, place, org: the filters
     * set with {@link NewsQuery.Builder#source}, {@link NewsQuery.Builder#section} and {@link
     * NewsQuery.Builder#entity}) as if that dimension's filters were absent, while every other
     * dimension and the histogram respect them: drill-sideways, what a faceted search page shows
     * so that a user can widen a selection. Filters written in the query text ({@code
     * source:reuters}) and excluded entities always apply. Default false: every count respects
     * every filter.
     *
     * @param sideways true for drill-sideways counts
     * @return this builder
     */
    public Builder sideways(boolean sideways) {
      this.sideways = sideways;
      return this;
    }

    /**
     * Counts stories instead of articles (default false), in an index that {@link
     * NewsIndex#detectsStories() detects stories}: a value's count is the number of stories with
     * at least one matching member that has the value (a wire story carried by twelve outlets
     * counts once for the person it names, and once for each outlet that carried it); {@link
     * Facets#matches()} is the number of matching stories; a histogram bucket counts the stories
     * with a matching member published in it (a story spread over midnight counts in both days);
     * undated articles are stories of their own. Whether the page of hits is collapsed is a
     * separate choice ({@link NewsQuery.Builder#collapse(boolean)}).
     *
     * @param stories true to count stories
     * @return this builder
     */
    public Builder stories(boolean stories) {
      this.stories = stories;
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request, immutable
     */
    public FacetRequest build() {
      return new FacetRequest(this);
    }
  }
}
