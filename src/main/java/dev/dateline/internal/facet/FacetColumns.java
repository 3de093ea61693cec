package dev.dateline.internal.facet;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * The facet dimensions' sorted-set doc values and the publication times of each segment, copied
 * into the heap as plain arrays the first time they are counted over that segment, and kept while
 * the segment lives (keyed by its core, which merges replace and deletions share).
 *
 * <p>Counting from these arrays costs a few array reads per match, where decoding the doc values
 * costs an iterator advance, an address lookup and packed-integer reads per match and per value;
 * with the histogram's use of the index order, counts at 1M articles took about half the time
 * (benchmarks/RESULTS.md, 2026-12-02). Memory: 4 bytes per document for a dimension with at most
 * one value per article (source, language), 4 bytes per document plus 4 per value for the others,
 * 8 bytes per document for the times; a budget caps the total, and a segment whose column does
 * not fit is counted from its doc values, with the same result.
 */
final class FacetColumns {
  private final long budgetBytes;
  private final AtomicLong usedBytes = new AtomicLong();
  private final Map<IndexReader.CacheKey, Map<String, Sized>> columns = new ConcurrentHashMap<>();

  /** @param budgetBytes the most heap all cached columns together may take */
  FacetColumns(long budgetBytes) {
    this.budgetBytes = budgetBytes;
  }

  /** The bytes the cached columns take now. */
  long usedBytes() {
    return usedBytes.get();
  }

  /**
   * The column of the sorted-set field {@code field} in {@code segment}, loaded on first use; null
   * when it does not fit in the budget or the segment cannot be cached (then count from the doc
   * values).
   */
  Column get(LeafReader segment, String field) throws IOException {
    return (Column) cached(segment, field, 4L * segment.maxDoc(), () -> Column.load(segment, field));
  }

  /**
   * The first (least) value of each document of the sorted-numeric field {@code field} in {@code
   * segment}, loaded on first use; null as for {@link #get}.
   */
  Times times(LeafReader segment, String field) throws IOException {
    return (Times) cached(segment, field, 8L * segment.maxDoc(), () -> Times.load(segment, field));
  }

  private interface Loader {
    Sized load() throws IOException;
  }

  private Sized cached(LeafReader segment, String field, long atLeast, Loader loader)
      throws IOException {
    IndexReader.CacheHelper core = segment.getCoreCacheHelper();
    if (core == null) {
      return null;
    }
    Map<String, Sized> perField =
        columns.computeIfAbsent(
            core.getKey(),
            key -> {
              core.addClosedListener(this::release);
              return new ConcurrentHashMap<>();
            });
    Sized c = perField.get(field);
    if (c == null) {
      // Loaded once per segment and field; one that does not fit is remembered as such.
      Sized loaded = usedBytes.get() + atLeast > budgetBytes ? NONE : loader.load();
      if (loaded != NONE && usedBytes.addAndGet(loaded.bytes()) > budgetBytes) {
        usedBytes.addAndGet(-loaded.bytes());
        loaded = NONE;
      }
      c = perField.putIfAbsent(field, loaded);
      if (c == null) {
        c = loaded;
      } else if (loaded != NONE) {
        usedBytes.addAndGet(-loaded.bytes()); // another thread's copy won
      }
    }
    return c == NONE ? null : c;
  }

  /** Something cached, with the heap it takes. */
  interface Sized {
    long bytes();
  }

  /** Marks a column that did not fit in the budget. */
  private static final Sized NONE = () -> 0;

  private void release(IndexReader.CacheKey key) {
    Map<String, Sized> gone = columns.remove(key);
    if (gone != null) {
      for (Sized c : gone.values()) {
        usedBytes.addAndGet(-c.bytes());
      }
    }
  }

  /**
   * One segment's values of one field as segment ordinals. Single-valued: {@code ords[doc]}, or -1
   * for a document without a value, and {@code start} is null. Multi-valued: the values of {@code
   * doc} are {@code ords[start[doc]]} to {@code ords[start[doc + 1] - 1]}, in ordinal order.
   */
  record Column(int[] start, int[] ords) implements Sized {
    @Override
    public long bytes() {
      return 4L * ords.length + (start == null ? 0 : 4L * start.length);
    }

    static Column load(LeafReader segment, String field) throws IOException {
      int maxDoc = segment.maxDoc();
      SortedSetDocValues values = DocValues.getSortedSet(segment, field);
      SortedDocValues single = DocValues.unwrapSingleton(values);
      if (single != null) {
        int[] ords = new int[maxDoc];
        java.util.Arrays.fill(ords, -1);
        for (int doc = single.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = single.nextDoc()) {
          ords[doc] = single.ordValue();
        }
        return new Column(null, ords);
      }
      int[] start = new int[maxDoc + 1];
      int[] ords = new int[Math.max(16, maxDoc)];
      int n = 0;
      int next = 0; // the first document whose start is not set yet
      for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
        while (next <= doc) {
          start[next++] = n;
        }
        int count = values.docValueCount();
        if (n + count > ords.length) {
          ords = java.util.Arrays.copyOf(ords, Math.max(n + count, ords.length + (ords.length >> 1)));
        }
        for (int i = 0; i < count; i++) {
          ords[n++] = (int) values.nextOrd();
        }
      }
      while (next <= maxDoc) {
        start[next++] = n;
      }
      return new Column(start, n == ords.length ? ords : java.util.Arrays.copyOf(ords, n));
    }
  }

  /**
   * One segment's values of a sorted-numeric field, the first (least) per document: {@code
   * values[doc]}, for the documents in {@code present} (null: every document has one). {@code
   * newestFirst} says that the documents with a value are {@code 0} to {@code dated - 1} and their
   * values never rise with the document number, as the index sort (newest first, undated last)
   * lays them out; then a range of values is a range of documents.
   */
  record Times(long[] values, FixedBitSet present, int dated, boolean newestFirst) implements Sized {
    @Override
    public long bytes() {
      return 8L * values.length + (present == null ? 0 : 8L * present.getBits().length);
    }

    static Times load(LeafReader segment, String field) throws IOException {
      int maxDoc = segment.maxDoc();
      SortedNumericDocValues dv = DocValues.getSortedNumeric(segment, field);
      long[] values = new long[maxDoc];
      FixedBitSet present = new FixedBitSet(maxDoc);
      int dated = 0;
      boolean newestFirst = true;
      for (int doc = dv.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = dv.nextDoc()) {
        values[doc] = dv.nextValue();
        present.set(doc);
        newestFirst &= doc == dated && (doc == 0 || values[doc] <= values[doc - 1]);
        dated++;
      }
      return new Times(values, dated == maxDoc ? null : present, dated, newestFirst);
    }

    /**
     * The first document at or after {@code from} (and before {@code dated}) whose value is below
     * {@code t}, or {@code dated}; only when {@link #newestFirst}. Gallops then bisects, so walking
     * the buckets in time order costs the log of each bucket's width.
     */
    int firstBelow(long t, int from) {
      int lo = from;
      int step = 1;
      int hi = from;
      while (hi < dated && values[hi] >= t) {
        lo = hi + 1;
        hi = Math.min(dated, hi + step);
        step <<= 1;
      }
      // values[lo - 1] >= t (or lo == from); values[hi] < t or hi == dated
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (values[mid] >= t) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }
  }
}
