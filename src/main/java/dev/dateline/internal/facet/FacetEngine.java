package dev.dateline.internal.facet;

import dev.dateline.DateInterval;
import dev.dateline.FacetCount;
import dev.dateline.FacetDimension;
import dev.dateline.FacetRequest;
import dev.dateline.Facets;
import dev.dateline.Histogram;
import dev.dateline.internal.index.Schema;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.StringDocValuesReaderState;
import org.apache.lucene.facet.StringValueFacetCounts;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * Facet counts and date histograms over all the matches of a query, on Lucene's facet module:
 * a {@link FacetsCollector} gathers the matching documents once (in a pass of its own, unscored,
 * or in the same pass as a page of hits, see {@code NewsIndex.search(NewsQuery, FacetRequest)}), {@link
 * StringValueFacetCounts} counts each dimension's sorted-set doc values ({@link
 * Schema#facetField}) in global ordinals, and the histogram reads the publication time's doc
 * values. One {@link StringDocValuesReaderState} (the ordinal map across segments) per field and
 * index view is built on first use and kept until that view is closed.
 */
public final class FacetEngine {

  /** The query to count over, compiled by the index; see {@link #compute}. */
  public interface Matches {
    /**
     * The compiled query, or, with {@code without} set, the query without its structured filters
     * on that dimension (drill-sideways).
     */
    Query query(FacetDimension without);

    /** Whether the query has structured filters on {@code d}. */
    boolean filters(FacetDimension d);

    /** The query's date range, for the histogram's extent: from, or null. */
    Instant from();

    /** The query's date range: to, or null. */
    Instant to();

    /** The query's zone, the histogram's default. */
    ZoneId zone();
  }

  /** The facet module's ordinal map of each field, per index view. */
  private final PerView<StringDocValuesReaderState> states =
      new PerView<>(StringDocValuesReaderState::new);

  /** The segment-to-global ordinal map of each field for story counts (empty: one segment). */
  private final PerView<java.util.Optional<OrdinalMap>> ordinalMaps =
      new PerView<>((reader, field) ->
          java.util.Optional.ofNullable(StoryCounts.buildOrdinalMap(reader, field)));

  /**
   * Counts what {@code request} asks for over the matches: over {@code all} when the caller has
   * already collected them (in the same pass as a page of hits), else in a pass of its own.
   * Drill-sideways dimensions take one more pass each, over the query without their filters.
   */
  public Facets compute(
      IndexSearcher searcher, Matches matches, FacetRequest request, FacetsCollector all)
      throws IOException {
    if (all == null) {
      all = collect(searcher, matches.query(null));
    }
    boolean stories = request.stories();
    long total = 0;
    if (stories) {
      total = StoryCounts.stories(all);
    } else {
      for (FacetsCollector.MatchingDocs md : all.getMatchingDocs()) {
        total += md.totalHits();
      }
    }
    Map<FacetDimension, Facets.Dimension> dims = new LinkedHashMap<>();
    IndexReader reader = searcher.getIndexReader();
    for (FacetDimension d : request.dimensions()) {
      boolean sideways = request.sideways() && matches.filters(d);
      FacetsCollector hits = sideways ? collect(searcher, matches.query(d)) : all;
      dims.put(
          d,
          stories
              ? StoryCounts.dimension(reader, ordinalMap(reader, Schema.facetField(d)), d, hits,
                  request.limit(), sideways)
              : count(reader, d, hits, request.limit(), sideways));
    }
    Histogram histogram = null;
    if (request.histogram() != null) {
      ZoneId zone = request.zone() != null ? request.zone() : matches.zone();
      histogram = histogram(all, request.histogram(), zone, matches.from(), matches.to(), stories);
    }
    return new Facets(total, dims, histogram);
  }

  /**
   * Every value of {@code d} among the matches of {@code query} with its count, and (under the key
   * null) the number of matches.
   */
  public Map<String, Long> allCounts(IndexSearcher searcher, Query query, FacetDimension d)
      throws IOException {
    FacetsCollector hits = collect(searcher, query);
    Map<String, Long> out = new java.util.HashMap<>();
    long total = 0;
    for (FacetsCollector.MatchingDocs md : hits.getMatchingDocs()) {
      total += md.totalHits();
    }
    out.put(null, total);
    String field = Schema.facetField(d);
    FacetResult r =
        new StringValueFacetCounts(state(searcher.getIndexReader(), field), hits).getAllChildren(field);
    if (r != null) {
      for (LabelAndValue lv : r.labelValues) {
        out.put(lv.label, lv.value.longValue());
      }
    }
    return out;
  }

  /**
   * Dunning's log-likelihood ratio (G-squared) of a 2x2 table: {@code k11} foreground articles with
   * the value, {@code k12} without; {@code k21} background articles with it, {@code k22} without.
   */
  public static double logLikelihoodRatio(long k11, long k12, long k21, long k22) {
    double row = entropy(k11 + k12, k21 + k22);
    double column = entropy(k11 + k21, k12 + k22);
    double matrix = entropy(k11, k12, k21, k22);
    return row + column < matrix ? 0.0 : 2.0 * (row + column - matrix);
  }

  private static double entropy(long... k) {
    long sum = 0;
    double parts = 0;
    for (long x : k) {
      parts += xLogX(x);
      sum += x;
    }
    return xLogX(sum) - parts;
  }

  private static double xLogX(long x) {
    return x == 0 ? 0.0 : x * Math.log(x);
  }

  private static FacetsCollector collect(IndexSearcher searcher, Query query) throws IOException {
    return searcher.search(query, new FacetsCollectorManager());
  }

  private Facets.Dimension count(
      IndexReader reader, FacetDimension d, FacetsCollector hits, int limit, boolean sideways)
      throws IOException {
    String field = Schema.facetField(d);
    StringValueFacetCounts counts = new StringValueFacetCounts(state(reader, field), hits);
    FacetResult r = counts.getTopChildren(limit, field);
    if (r == null) {
      return new Facets.Dimension(d, List.of(), 0, 0, sideways);
    }
    List<FacetCount> top = new ArrayList<>(r.labelValues.length);
    for (LabelAndValue lv : r.labelValues) {
      top.add(new FacetCount(lv.label, lv.value.longValue()));
    }
    return new Facets.Dimension(d, top, r.childCount - top.size(), r.value.longValue(), sideways);
  }

  /**
   * The map from segment to global ordinals of {@code field} in this view of the index (null when
   * it has one segment: the ordinals are global already), built once per view.
   */
  private OrdinalMap ordinalMap(IndexReader reader, String field) throws IOException {
    return ordinalMaps.get(reader, field).orElse(null);
  }

  /** The ordinal map of {@code field} in this view of the index, built once per view. */
  private StringDocValuesReaderState state(IndexReader reader, String field) throws IOException {
    return states.get(reader, field);
  }

  /**
   * Values built once per index view and field, and dropped when the view closes; built each time
   * for a reader that cannot be cached.
   */
  private static final class PerView<T> {
    /** Builds the value of a field in a view. */
    interface Builder<T> {
      T build(IndexReader reader, String field) throws IOException;
    }

    private final Map<IndexReader.CacheKey, Map<String, T>> values = new ConcurrentHashMap<>();
    private final Builder<T> builder;

    PerView(Builder<T> builder) {
      this.builder = builder;
    }

    T get(IndexReader reader, String field) throws IOException {
      IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
      if (helper == null) {
        return builder.build(reader, field);
      }
      Map<String, T> perField =
          values.computeIfAbsent(
              helper.getKey(),
              key -> {
                helper.addClosedListener(values::remove);
                return new ConcurrentHashMap<>();
              });
      T v = perField.get(field);
      if (v == null) {
        v = builder.build(reader, field);
        T raced = perField.putIfAbsent(field, v);
        v = raced != null ? raced : v;
      }
      return v;
    }
  }

  private static Histogram histogram(
      FacetsCollector hits, DateInterval interval, ZoneId zone, Instant from, Instant to,
      boolean stories)
      throws IOException {
    long matches = 0;
    for (FacetsCollector.MatchingDocs md : hits.getMatchingDocs()) {
      matches += md.totalHits();
    }
    long[] times = new long[(int) Math.max(16, Math.min(matches, Integer.MAX_VALUE - 8))];
    // By story: the story of each dated match, and the stories of the undated ones.
    long[] storyOf = stories ? new long[times.length] : null;
    org.apache.lucene.internal.hppc.LongHashSet undatedStories =
        stories ? new org.apache.lucene.internal.hppc.LongHashSet() : null;
    int n = 0;
    long undated = 0;
    for (FacetsCollector.MatchingDocs md : hits.getMatchingDocs()) {
      if (md.totalHits() == 0) {
        continue;
      }
      SortedNumericDocValues published =
          DocValues.getSortedNumeric(md.context().reader(), Schema.PUBLISHED);
      StoryCounts.Keys keys = stories ? new StoryCounts.Keys(md.context()) : null;
      DocIdSetIterator it = md.bits().iterator();
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        if (published.advanceExact(doc)) {
          if (n == times.length) {
            times = Arrays.copyOf(times, n * 2);
            storyOf = stories ? Arrays.copyOf(storyOf, n * 2) : null;
          }
          if (stories) {
            storyOf[n] = keys.of(doc);
          }
          times[n++] = published.nextValue();
        } else if (stories) {
          undatedStories.add(keys.of(doc));
        } else {
          undated++;
        }
      }
    }
    if (stories) {
      undated = undatedStories.size();
    }
    long lo = Long.MAX_VALUE;
    long hi = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      lo = Math.min(lo, times[i]);
      hi = Math.max(hi, times[i]);
    }
    if (from != null) {
      lo = from.toEpochMilli();
    }
    if (to != null) {
      hi = to.toEpochMilli();
    }
    if (lo > hi) {
      return new Histogram(interval, zone, List.of(), undated); // nothing dated, no range
    }
    List<ZonedDateTime> bounds =
        interval.boundaries(Instant.ofEpochMilli(lo), Instant.ofEpochMilli(hi), zone);
    List<ZonedDateTime> starts = bounds.subList(0, bounds.size() - 1);
    ZonedDateTime end = bounds.get(bounds.size() - 1);
    long[] startMillis = new long[starts.size()];
    for (int i = 0; i < startMillis.length; i++) {
      startMillis[i] = starts.get(i).toInstant().toEpochMilli();
    }
    long[] counts = new long[starts.size()];
    int[] bucketOf = stories ? new int[n] : null;
    // The index is sorted newest first, so within a segment the times only fall: the bucket moves
    // a step at a time from the last one (any order is still counted right, only slower).
    int b = 0;
    for (int i = 0; i < n; i++) {
      long time = times[i];
      while (b > 0 && time < startMillis[b]) {
        b--;
      }
      while (b + 1 < startMillis.length && time >= startMillis[b + 1]) {
        b++;
      }
      if (stories) {
        bucketOf[i] = b;
      } else {
        counts[b]++;
      }
    }
    if (stories) {
      counts = StoryCounts.distinctPerGroup(bucketOf, storyOf, n, counts.length);
    }
    List<Histogram.Bucket> buckets = new ArrayList<>(starts.size());
    for (int i = 0; i < starts.size(); i++) {
      Instant bucketEnd = i + 1 < starts.size() ? starts.get(i + 1).toInstant() : end.toInstant();
      buckets.add(new Histogram.Bucket(starts.get(i), bucketEnd, counts[i]));
    }
    return new Histogram(interval, zone, buckets, undated);
  }
}
