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
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BitDocIdSet;
import org.apache.lucene.util.FixedBitSet;

/**
 * Facet counts and date histograms over all the matches of a query. A {@link MatchCollector}
 * gathers the matching documents once, in an unscored pass, into a set per segment; each
 * dimension's values ({@link Schema#facetField}, sorted-set doc values) are then counted in
 * global ordinals, and the histogram buckets the publication times ({@link Schema#PUBLISHED}).
 * Both read {@link FacetColumns}, in-heap copies of those doc values per segment, and fall back
 * to the doc values themselves for a segment whose copy does not fit the budget. The ordinal map
 * across segments of each field ({@link GlobalOrds}) is built once per index view and kept until
 * that view is closed.
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

  /** Each field's segment-to-global ordinals, per index view (for article and story counts). */
  private final PerView<GlobalOrds> globalOrds = new PerView<>(GlobalOrds::build);

  /** The dimensions' values per segment, in the heap. */
  private final FacetColumns columns;

  /**
   * @param columnBudgetBytes the most heap the in-memory copies of the dimensions' values may take
   *     (see {@link FacetColumns}); beyond it, counts read the doc values
   */
  public FacetEngine(long columnBudgetBytes) {
    this(columnBudgetBytes, 1);
  }

  /** For tests: columns with at least {@code minWidth} bytes per ordinal (1, 2 or 4). */
  FacetEngine(long columnBudgetBytes, int minWidth) {
    this.columns = new FacetColumns(columnBudgetBytes, minWidth);
  }

  /** The heap the in-memory copies of the dimensions' values take now. */
  public long columnBytes() {
    return columns.usedBytes();
  }

  /**
   * Counts what {@code request} asks for over the matches: over {@code all} when the caller has
   * already collected them (with {@link #matchCollector()}), else in a pass of its own.
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
      total = matches(all);
    }
    Map<FacetDimension, Facets.Dimension> dims = new LinkedHashMap<>();
    IndexReader reader = searcher.getIndexReader();
    for (FacetDimension d : request.dimensions()) {
      boolean sideways = request.sideways() && matches.filters(d);
      FacetsCollector hits = sideways ? collect(searcher, matches.query(d)) : all;
      dims.put(
          d,
          stories
              ? StoryCounts.dimension(reader, globalOrds.get(reader, Schema.facetField(d)), d, hits,
                  request.limit(), sideways)
              : count(reader, d, hits, request.limit(), sideways));
    }
    Histogram histogram = null;
    if (request.histogram() != null) {
      ZoneId zone = request.zone() != null ? request.zone() : matches.zone();
      histogram = stories
          ? null
          : columnHistogram(all, request.histogram(), zone, matches.from(), matches.to());
      if (histogram == null) {
        histogram = histogram(all, request.histogram(), zone, matches.from(), matches.to(), stories);
      }
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
    out.put(null, matches(hits));
    IndexReader reader = searcher.getIndexReader();
    String field = Schema.facetField(d);
    GlobalOrds global = globalOrds.get(reader, field);
    int[] counts = new int[global.valueCount()];
    countInto(counts, global, field, hits);
    GlobalOrds.Labels labels = global.labels(reader, field);
    for (int ord = 0; ord < counts.length; ord++) {
      if (counts[ord] > 0) {
        out.put(labels.of(ord), (long) counts[ord]);
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
    return searcher.search(query, matchCollector());
  }

  /**
   * The collector of a query's matches that {@link #compute} counts fastest ({@link
   * MatchCollector}: a sorted array or a bit set per segment), for the index's own passes (the
   * matches of a page with counts, beside the story counter of a collapsed page, the foreground and
   * background of significant words).
   */
  public static CollectorManager<FacetsCollector, FacetsCollector> matchCollector() {
    return MatchCollector.manager();
  }

  /** The number of matches {@code hits} gathered, over all segments. */
  public static long matches(FacetsCollector hits) {
    long n = 0;
    for (FacetsCollector.MatchingDocs md : hits.getMatchingDocs()) {
      n += md.totalHits();
    }
    return n;
  }

  /**
   * One dimension over {@code hits}: each match's values are counted in global ordinals (the
   * segment's {@link FacetColumns column} mapped through {@link GlobalOrds}, or its doc values when
   * the column is not cached), then the top {@code limit} by count, ties by value.
   */
  private Facets.Dimension count(
      IndexReader reader, FacetDimension d, FacetsCollector hits, int limit, boolean sideways)
      throws IOException {
    String field = Schema.facetField(d);
    GlobalOrds global = globalOrds.get(reader, field);
    int[] counts = new int[global.valueCount()];
    long withValue = countInto(counts, global, field, hits);
    return top(reader, field, global, counts, limit, d, withValue, sideways);
  }

  /**
   * Adds each match's values of {@code field} to {@code counts} (by global ordinal), from the
   * segment's in-heap column or, when it is not cached, its doc values; returns the number of
   * matches with at least one value.
   */
  private long countInto(int[] counts, GlobalOrds global, String field, FacetsCollector hits)
      throws IOException {
    long withValue = 0;
    for (FacetsCollector.MatchingDocs md : hits.getMatchingDocs()) {
      if (md.totalHits() == 0) {
        continue;
      }
      LeafReaderContext leaf = md.context();
      int[] toGlobal = global.segmentToGlobal(leaf.ord);
      FacetColumns.Column column = this.columns.get(leaf.reader(), field);
      FixedBitSet bits =
          md.bits() instanceof BitDocIdSet set && set.bits() instanceof FixedBitSet b ? b : null;
      if (column == null) {
        withValue += countDocValues(counts, toGlobal, leaf, field, md);
        continue;
      }
      if (bits == null
          || md.totalHits() < (toGlobal.length >>> 2) + (leaf.reader().maxDoc() >>> 8)) {
        // Few matches (in an array), or too few for an array of counts per value and a walk over
        // all the bit set's words to cost less than mapping each match's values as they come
        // (measured at 1M: 0.5% of the articles is on the side of one by one).
        withValue += column.countEach(md.bits().iterator(), counts, toGlobal);
        continue;
      }
      // Counted by segment ordinal (an array the size of the segment's values, which stays in
      // cache), then added to the global counts once per value: one random access per match and
      // value instead of two. The matches are read from the bit set's words.
      int[] local = new int[toGlobal.length];
      withValue += column.count(bits.getBits(), local);
      for (int ord = 0; ord < local.length; ord++) {
        if (local[ord] != 0) {
          counts[toGlobal[ord]] += local[ord];
        }
      }
    }
    return withValue;
  }

  /** {@link #countInto} for a segment read from its doc values (its column is not cached). */
  private static long countDocValues(
      int[] counts, int[] toGlobal, LeafReaderContext leaf, String field,
      FacetsCollector.MatchingDocs md)
      throws IOException {
    long withValue = 0;
    SortedSetDocValues values = DocValues.getSortedSet(leaf.reader(), field);
    DocIdSetIterator it = md.bits().iterator();
    for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
      if (values.advanceExact(doc)) {
        withValue++;
        for (int i = values.docValueCount(); i > 0; i--) {
          counts[toGlobal[(int) values.nextOrd()]]++;
        }
      }
    }
    return withValue;
  }

  /** The top {@code limit} of {@code counts} by count, ties by value (global ordinal order). */
  private static Facets.Dimension top(
      IndexReader reader, String field, GlobalOrds global, int[] counts, int limit,
      FacetDimension d, long withValue, boolean sideways)
      throws IOException {
    // A bounded heap of the best ordinals so far, worst at the root: fewer count first, then the
    // larger ordinal (the later value).
    int[] heap = new int[Math.min(limit, counts.length)];
    int size = 0;
    long counted = 0;
    for (int ord = 0; ord < counts.length; ord++) {
      int c = counts[ord];
      if (c == 0) {
        continue;
      }
      counted++;
      if (heap.length == 0) {
        continue;
      }
      if (size < heap.length) {
        heap[size] = ord;
        siftUp(heap, size++, counts);
      } else if (c > counts[heap[0]]) { // ties lose: this ordinal is larger than any kept
        heap[0] = ord;
        siftDown(heap, size, counts);
      }
    }
    Integer[] best = new Integer[size];
    for (int i = 0; i < size; i++) {
      best[i] = heap[i];
    }
    Arrays.sort(best, (a, b) -> counts[a] != counts[b] ? Integer.compare(counts[b], counts[a]) : a - b);
    List<FacetCount> top = new ArrayList<>(size);
    GlobalOrds.Labels labels = global.labels(reader, field);
    for (int ord : best) {
      top.add(new FacetCount(labels.of(ord), counts[ord]));
    }
    return new Facets.Dimension(d, top, counted - size, withValue, sideways);
  }

  /** Whether ordinal {@code a} ranks below {@code b}: fewer counts, or as many and a later value. */
  private static boolean worse(int a, int b, int[] counts) {
    return counts[a] != counts[b] ? counts[a] < counts[b] : a > b;
  }

  private static void siftUp(int[] heap, int i, int[] counts) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!worse(heap[i], heap[parent], counts)) {
        return;
      }
      int t = heap[i];
      heap[i] = heap[parent];
      heap[parent] = t;
      i = parent;
    }
  }

  private static void siftDown(int[] heap, int size, int[] counts) {
    int i = 0;
    while (true) {
      int l = 2 * i + 1;
      if (l >= size) {
        return;
      }
      int worst = l + 1 < size && worse(heap[l + 1], heap[l], counts) ? l + 1 : l;
      if (!worse(heap[worst], heap[i], counts)) {
        return;
      }
      int t = heap[i];
      heap[i] = heap[worst];
      heap[worst] = t;
      i = worst;
    }
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

  /**
   * The histogram of the matches' publication times read from the in-heap {@link
   * FacetColumns.Times} columns, in two passes over the matches (their range, then their buckets)
   * and no array of times; null when a segment's column is not cached.
   */
  private Histogram columnHistogram(
      FacetsCollector hits, DateInterval interval, ZoneId zone, Instant from, Instant to)
      throws IOException {
    List<FacetsCollector.MatchingDocs> segments = hits.getMatchingDocs();
    FacetColumns.Times[] times = new FacetColumns.Times[segments.size()];
    FixedBitSet[] sorted = new FixedBitSet[segments.size()];
    for (int s = 0; s < times.length; s++) {
      FacetsCollector.MatchingDocs md = segments.get(s);
      if (md.totalHits() > 0) {
        times[s] = columns.times(md.context().reader(), Schema.PUBLISHED);
        if (times[s] == null) {
          return null;
        }
        sorted[s] = sortedBits(md, times[s]);
      }
    }
    long lo = Long.MAX_VALUE;
    long hi = Long.MIN_VALUE;
    long undated = 0;
    for (int s = 0; s < times.length; s++) {
      if (times[s] == null) {
        continue;
      }
      long[] values = times[s].values();
      FixedBitSet bits = sorted[s];
      if (bits != null) {
        // Newest first: the newest match is the first set bit, the oldest the last dated one.
        int dated = times[s].dated();
        int first = bits.nextSetBit(0);
        if (first < dated) {
          hi = Math.max(hi, values[first]);
          lo = Math.min(lo, values[bits.prevSetBit(dated - 1)]);
        }
        undated += cardinality(bits, dated, bits.length());
        continue;
      }
      FixedBitSet present = times[s].present();
      DocIdSetIterator it = segments.get(s).bits().iterator();
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        if (present == null || present.get(doc)) {
          long t = values[doc];
          lo = Math.min(lo, t);
          hi = Math.max(hi, t);
        } else {
          undated++;
        }
      }
    }
    List<ZonedDateTime> bounds = bounds(interval, zone, lo, hi, from, to);
    if (bounds == null) {
      return new Histogram(interval, zone, List.of(), undated); // nothing dated, no range
    }
    long[] startMillis = startMillis(bounds);
    long[] counts = new long[startMillis.length];
    int b = 0;
    for (int s = 0; s < times.length; s++) {
      if (times[s] == null) {
        continue;
      }
      FixedBitSet bits = sorted[s];
      if (bits != null) {
        // Each bucket is a range of documents: count its matches in the bit set, newest bucket
        // first. The first and the last bucket also take any match beyond them, as below.
        int pos = 0;
        for (int j = counts.length - 1; j > 0; j--) {
          int end = times[s].firstBelow(startMillis[j], pos);
          counts[j] += cardinality(bits, pos, end);
          pos = end;
        }
        counts[0] += cardinality(bits, pos, times[s].dated());
        continue;
      }
      long[] values = times[s].values();
      FixedBitSet present = times[s].present();
      DocIdSetIterator it = segments.get(s).bits().iterator();
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        if (present == null || present.get(doc)) {
          b = bucket(startMillis, b, values[doc]);
          counts[b]++;
        }
      }
    }
    return histogram(interval, zone, bounds, counts, undated);
  }

  /**
   * The segment's matches as a bit set when its times are laid out newest first ({@link
   * FacetColumns.Times#newestFirst()}), so that ranges of time are ranges of bits; else null (a
   * sparse set of matches, or a segment in another order), and the matches are visited one by
   * one.
   */
  private static FixedBitSet sortedBits(FacetsCollector.MatchingDocs md, FacetColumns.Times times)
      throws IOException {
    return times.newestFirst()
            && md.bits() instanceof BitDocIdSet set
            && set.bits() instanceof FixedBitSet bits
        ? bits
        : null;
  }

  /** The number of set bits from {@code from} (inclusive) to {@code to} (exclusive). */
  private static int cardinality(FixedBitSet bits, int from, int to) {
    return from < to ? bits.cardinality(from, to) : 0;
  }

  /**
   * The boundaries of the buckets from the oldest to the newest dated match ({@code lo}, {@code
   * hi}), or over the query's own date range where it has one; null when there is nothing dated
   * and no range.
   */
  private static List<ZonedDateTime> bounds(
      DateInterval interval, ZoneId zone, long lo, long hi, Instant from, Instant to) {
    if (from != null) {
      lo = from.toEpochMilli();
    }
    if (to != null) {
      hi = to.toEpochMilli();
    }
    return lo > hi
        ? null
        : interval.boundaries(Instant.ofEpochMilli(lo), Instant.ofEpochMilli(hi), zone);
  }

  /** The start of each bucket, in epoch milliseconds, from the buckets' boundaries. */
  private static long[] startMillis(List<ZonedDateTime> bounds) {
    long[] out = new long[bounds.size() - 1];
    for (int i = 0; i < out.length; i++) {
      out[i] = bounds.get(i).toInstant().toEpochMilli();
    }
    return out;
  }

  /**
   * The bucket of {@code time}, found from bucket {@code b}: the index is sorted newest first, so
   * within a segment the times only fall and the bucket moves a step at a time from the last one
   * (any order is still counted right, only slower).
   */
  private static int bucket(long[] startMillis, int b, long time) {
    while (b > 0 && time < startMillis[b]) {
      b--;
    }
    while (b + 1 < startMillis.length && time >= startMillis[b + 1]) {
      b++;
    }
    return b;
  }

  /** The histogram of the buckets between {@code bounds} with {@code counts}. */
  private static Histogram histogram(
      DateInterval interval, ZoneId zone, List<ZonedDateTime> bounds, long[] counts, long undated) {
    List<Histogram.Bucket> buckets = new ArrayList<>(counts.length);
    for (int i = 0; i < counts.length; i++) {
      buckets.add(new Histogram.Bucket(bounds.get(i), bounds.get(i + 1).toInstant(), counts[i]));
    }
    return new Histogram(interval, zone, buckets, undated);
  }

  private static Histogram histogram(
      FacetsCollector hits, DateInterval interval, ZoneId zone, Instant from, Instant to,
      boolean stories)
      throws IOException {
    long matches = matches(hits);
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
    List<ZonedDateTime> bounds = bounds(interval, zone, lo, hi, from, to);
    if (bounds == null) {
      return new Histogram(interval, zone, List.of(), undated); // nothing dated, no range
    }
    long[] startMillis = startMillis(bounds);
    long[] counts = new long[startMillis.length];
    int[] bucketOf = stories ? new int[n] : null;
    int b = 0;
    for (int i = 0; i < n; i++) {
      b = bucket(startMillis, b, times[i]);
      if (stories) {
        bucketOf[i] = b;
      } else {
        counts[b]++;
      }
    }
    if (stories) {
      counts = StoryCounts.distinctPerGroup(bucketOf, storyOf, n, counts.length);
    }
    return histogram(interval, zone, bounds, counts, undated);
  }
}
