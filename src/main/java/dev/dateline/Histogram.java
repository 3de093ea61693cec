package dev.dateline;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * Matching articles counted by publication time in calendar buckets of a time zone (see {@link
 * DateInterval} for where buckets start). Every bucket from the first to the last is listed,
 * empty ones included, in order; the range is the query's {@link NewsQuery#from() from} and {@link
 * NewsQuery#to() to} where given, else the first and last matching article. Articles without a
 * publication time are counted in {@link #undated()}, not in a bucket.
 *
 * @param interval the width of the buckets
 * @param zone the time zone whose calendar the buckets follow
 * @param buckets the buckets in time order, contiguous; empty when no matching article is dated and
 *     the query has no date range
 * @param undated the number of matching articles without a publication time
 */
public record Histogram(DateInterval interval, ZoneId zone, List<Bucket> buckets, long undated) {

  /**
   * The most buckets a histogram may have; asking for more is an {@link InvalidQueryException} (a
   * longer interval or a shorter date range is needed).
   */
  public static final int MAX_BUCKETS = 100_000;

  /**
   * Copies the buckets.
   *
   * @throws NullPointerException if an argument is null
   */
  public Histogram {
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(zone, "zone");
    buckets = List.copyOf(buckets);
  }

  /**
   * The number of dated matching articles, the sum of the buckets' counts.
   *
   * @return the sum of {@link Bucket#count()}
   */
  public long dated() {
    return buckets.stream().mapToLong(Bucket::count).sum();
  }

  /**
   * One bucket: the articles published from {@code start} (inclusive) to {@code end} (exclusive).
   *
   * @param start the bucket's first instant, in the histogram's zone (with the zone's offset at
   *     that instant)
   * @param end the next bucket's start
   * @param count the number of matching articles published in the bucket
   */
  public record Bucket(ZonedDateTime start, Instant end, long count) {
    /**
     * Checks the bucket.
     *
     * @throws NullPointerException if {@code start} or {@code end} is null
     * @throws IllegalArgumentException if {@code end} is not after {@code start}
     */
    public Bucket {
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(end, "end");
      if (!end.isAfter(start.toInstant())) {
        throw new IllegalArgumentException("bucket end " + end + " is not after its start " + start);
      }
    }
  }
}
