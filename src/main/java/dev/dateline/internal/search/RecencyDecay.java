package dev.dateline.internal.search;

import dev.dateline.internal.index.Schema;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * The recency multiplier of {@link dev.dateline.SortOrder#RECENT}, read from the publication time's
 * doc values ({@link Schema#PUBLISHED}, epoch millis): {@code floor + (1 - floor) * 0.5^(age /
 * halfLife)} with {@code age = max(0, now - published)}, so 1 for an article published at or after
 * {@code now}, halving its distance to the floor every half-life, and the floor for an undated
 * article. Computed with {@link StrictMath} so the same query gives the same scores on any JVM,
 * which cursors rely on. Value-based {@code equals} and {@code hashCode} (Lucene's query cache keys
 * on the query that holds it).
 */
public final class RecencyDecay extends DoubleValuesSource {
  private final String field;
  private final long nowMillis;
  private final long halfLifeMillis;
  private final double floor;

  /**
   * A multiplier over the publication time.
   *
   * @param now the reference instant ages are measured from
   * @param halfLife positive
   * @param floor 0 to 1
   */
  public RecencyDecay(Instant now, Duration halfLife, double floor) {
    this(Schema.PUBLISHED, now.toEpochMilli(), Math.max(1, halfLife.toMillis()), floor);
  }

  private RecencyDecay(String field, long nowMillis, long halfLifeMillis, double floor) {
    if (!(floor >= 0 && floor <= 1)) {
      throw new IllegalArgumentException("floor must be between 0 and 1, was " + floor);
    }
    this.field = field;
    this.nowMillis = nowMillis;
    this.halfLifeMillis = halfLifeMillis;
    this.floor = floor;
  }

  /**
   * {@code query} with its score multiplied by the recency multiplier of each matching article
   * (Lucene's {@link FunctionScoreQuery#boostByValue}); it matches the same articles.
   */
  public static Query boost(Query query, Instant now, Duration halfLife, double floor) {
    return FunctionScoreQuery.boostByValue(query, new RecencyDecay(now, halfLife, floor));
  }

  /** The multiplier for an article published at {@code publishedMillis}. */
  double multiplier(long publishedMillis) {
    // Subtract as doubles: a far-past date must not overflow.
    double age = Math.max(0d, (double) nowMillis - (double) publishedMillis);
    return floor + (1 - floor) * StrictMath.pow(0.5, age / halfLifeMillis);
  }

  @Override
  public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
    SortedNumericDocValues dates = DocValues.getSortedNumeric(ctx.reader(), field);
    return new DoubleValues() {
      private double value;

      @Override
      public double doubleValue() {
        return value;
      }

      @Override
      public boolean advanceExact(int doc) throws IOException {
        // One value per article; the earliest, like the date sorts, if there were ever more.
        value = dates.advanceExact(doc) ? multiplier(dates.nextValue()) : floor;
        return true;
      }
    };
  }

  @Override
  public boolean needsScores() {
    return false;
  }

  @Override
  public DoubleValuesSource rewrite(IndexSearcher searcher) {
    return this;
  }

  @Override
  public boolean isCacheable(LeafReaderContext ctx) {
    return DocValues.isCacheable(ctx, field);
  }

  @Override
  public Explanation explain(LeafReaderContext ctx, int docId, Explanation scoreExplanation)
      throws IOException {
    SortedNumericDocValues dates = DocValues.getSortedNumeric(ctx.reader(), field);
    if (!dates.advanceExact(docId)) {
      return Explanation.match(floor, "recency floor: undated");
    }
    long published = dates.nextValue();
    return Explanation.match(
        multiplier(published),
        "recency: " + floor + " + (1 - " + floor + ") * 0.5^(age / half-life), age "
            + Math.max(0, nowMillis - published) + " ms, half-life " + halfLifeMillis + " ms");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RecencyDecay r
        && field.equals(r.field)
        && nowMillis == r.nowMillis
        && halfLifeMillis == r.halfLifeMillis
        && Double.compare(floor, r.floor) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(field, nowMillis, halfLifeMillis, floor);
  }

  @Override
  public String toString() {
    return "recency(" + field + ", now=" + Instant.ofEpochMilli(nowMillis) + ", halfLife="
        + Duration.ofMillis(halfLifeMillis) + ", floor=" + floor + ")";
  }
}
