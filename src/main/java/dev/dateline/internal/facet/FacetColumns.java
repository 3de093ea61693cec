package dev.dateline.internal.facet;

import java.io.IOException;
import java.util.Arrays;
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
 * costs an iterator advance, an address lookup and packed-integer reads per match and per value.
 * At 10% of a million articles a count reads most of a column from memory, so columns are as
 * narrow as their segment's values allow: an ordinal takes 1 byte in a dimension with at most one
 * value per article and fewer than 255 values in the segment (source, language), 2 bytes when the
 * segment has at most 65,535 values, else 4; a multi-valued dimension adds 2 bytes per document
 * for where its values start (4 with wide ordinals, or with more than 65,535 values in a run of 64
 * documents). The times take 8 bytes per document, plus every 64th
 * time and the first document below each whole hour of the segment's span (when the index order
 * lays the times out newest first), so that a histogram bucket's range of documents is found
 * without searching the large array. At 1M generated articles, source, person, place and the
 * times take 21.7 MB (35.2 MB with 4-byte ordinals and starts and no hour table). A budget caps the total,
 * and a segment whose column does not fit is counted from its doc values, with the same result.
 */
final class FacetColumns {
  private final long budgetBytes;
  private final AtomicLong usedBytes = new AtomicLong();
  private final Map<IndexReader.CacheKey, Map<String, Sized>> columns = new ConcurrentHashMap<>();

  private final int minWidth;

  /**
   * @param budgetBytes the most heap all cached columns together may take
   * @param minWidth the fewest bytes per ordinal a column uses (1 in production: the narrowest
   *     that holds the segment's values; tests raise it to try the wider layouts)
   */
  FacetColumns(long budgetBytes, int minWidth) {
    this.budgetBytes = budgetBytes;
    this.minWidth = minWidth;
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
    return (Column) cached(segment, field, segment.maxDoc(), () -> Column.load(segment, field, minWidth));
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
   * One segment's values of one field as segment ordinals, in the narrowest array that holds them:
   * counting at 10% of a million articles reads most of a column from memory, so its bytes are
   * what a count costs. {@link #count} adds the values of a set of matches to per-ordinal counts.
   */
  abstract static sealed class Column implements Sized permits Single, Multi {
    /**
     * Adds one to {@code counts[ord]} for each value {@code ord} of each document whose bit is set
     * in {@code words} (a {@link FixedBitSet}'s words); returns the number of those documents with
     * at least one value.
     */
    abstract long count(long[] words, int[] counts);

    /**
     * Adds one to {@code counts[toGlobal[ord]]} for each value {@code ord} of each document of
     * {@code matches}, visited one by one (for few matches: no array per segment value, no walk
     * over a bit set); returns the number of those documents with at least one value.
     */
    abstract long countEach(DocIdSetIterator matches, int[] counts, int[] toGlobal)
        throws IOException;

    /** Bytes per ordinal: 1, 2 or 4 (the narrowest that holds {@code valueCount} values, or 4). */
    static int width(long valueCount, int atLeast) {
      int w = valueCount <= 255 ? 1 : valueCount <= 65_535 ? 2 : 4;
      return Math.max(w, atLeast);
    }

    /**
     * Copies the segment's values of {@code field}; {@code minWidth} (1, 2 or 4) is the fewest
     * bytes per ordinal to use (tests use it to try every layout).
     */
    static Column load(LeafReader segment, String field, int minWidth) throws IOException {
      int maxDoc = segment.maxDoc();
      SortedSetDocValues values = DocValues.getSortedSet(segment, field);
      SortedDocValues single = DocValues.unwrapSingleton(values);
      if (single != null) {
        // ord + 1, 0 for no value; byte and char values are read unsigned.
        int width = width(single.getValueCount() + 1L, minWidth);
        int[] plusOne = new int[maxDoc];
        for (int doc = single.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = single.nextDoc()) {
          plusOne[doc] = single.ordValue() + 1;
        }
        return Single.of(plusOne, width);
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
          ords = Arrays.copyOf(ords, Math.max(n + count, ords.length + (ords.length >> 1)));
        }
        for (int i = 0; i < count; i++) {
          ords[n++] = (int) values.nextOrd();
        }
      }
      while (next <= maxDoc) {
        start[next++] = n;
      }
      ords = n == ords.length ? ords : Arrays.copyOf(ords, n);
      if (width(values.getValueCount(), minWidth) <= 2) {
        Multi narrow = Multi.narrow(start, ords);
        if (narrow != null) {
          return narrow;
        }
      }
      return new Multi(start, ords);
    }

    private static char[] chars(int[] ints) {
      char[] out = new char[ints.length];
      for (int i = 0; i < ints.length; i++) {
        out[i] = (char) ints[i];
      }
      return out;
    }
  }

  /**
   * A field with at most one value per document: {@code ord + 1} per document, 0 for none, in
   * one of {@code bytes}, {@code chars} or {@code ints} (the others null).
   */
  static final class Single extends Column {
    private final byte[] bytes;
    private final char[] chars;
    private final int[] ints;

    private Single(byte[] bytes, char[] chars, int[] ints) {
      this.bytes = bytes;
      this.chars = chars;
      this.ints = ints;
    }

    static Single of(int[] plusOne, int width) {
      if (width == 4) {
        return new Single(null, null, plusOne);
      }
      if (width == 2) {
        return new Single(null, Column.chars(plusOne), null);
      }
      byte[] b = new byte[plusOne.length];
      for (int i = 0; i < b.length; i++) {
        b[i] = (byte) plusOne[i];
      }
      return new Single(b, null, null);
    }

    @Override
    public long bytes() {
      return bytes != null ? bytes.length : chars != null ? 2L * chars.length : 4L * ints.length;
    }

    @Override
    long countEach(DocIdSetIterator matches, int[] counts, int[] toGlobal) throws IOException {
      long withValue = 0;
      for (int doc = matches.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = matches.nextDoc()) {
        int v = bytes != null ? bytes[doc] & 0xFF : chars != null ? chars[doc] : ints[doc];
        if (v != 0) {
          withValue++;
          counts[toGlobal[v - 1]]++;
        }
      }
      return withValue;
    }

    @Override
    long count(long[] words, int[] counts) {
      // One loop per width, so that none tests the width per match. Counts of ord + 1 first.
      int[] plusOne = new int[counts.length + 1];
      if (bytes != null) {
        byte[] v = bytes;
        for (int w = 0; w < words.length; w++) {
          for (long word = words[w]; word != 0; word &= word - 1) {
            plusOne[v[(w << 6) | Long.numberOfTrailingZeros(word)] & 0xFF]++;
          }
        }
      } else if (chars != null) {
        char[] v = chars;
        for (int w = 0; w < words.length; w++) {
          for (long word = words[w]; word != 0; word &= word - 1) {
            plusOne[v[(w << 6) | Long.numberOfTrailingZeros(word)]]++;
          }
        }
      } else {
        int[] v = ints;
        for (int w = 0; w < words.length; w++) {
          for (long word = words[w]; word != 0; word &= word - 1) {
            plusOne[v[(w << 6) | Long.numberOfTrailingZeros(word)]]++;
          }
        }
      }
      long withValue = 0;
      for (int ord = 0; ord < counts.length; ord++) {
        counts[ord] += plusOne[ord + 1];
        withValue += plusOne[ord + 1];
      }
      return withValue;
    }
  }

  /**
   * A multi-valued field. Wide: the values of {@code doc} are entries {@code start[doc]} to {@code
   * start[doc + 1] - 1} of {@code ints}. Narrow (at most 65,535 values in the segment, and in each
   * run of 64 documents): where a document's values start is {@code base[doc >>> 6] + rel[doc]},
   * 2 bytes per document instead of 4, and the values are {@code chars}. In ordinal order.
   */
  static final class Multi extends Column {
    private final int[] start;
    private final int[] base;
    private final char[] rel;
    private final char[] chars;
    private final int[] ints;

    /** The wide layout. */
    Multi(int[] start, int[] ints) {
      this.start = start;
      this.base = null;
      this.rel = null;
      this.chars = null;
      this.ints = ints;
    }

    private Multi(int[] base, char[] rel, char[] chars) {
      this.start = null;
      this.base = base;
      this.rel = rel;
      this.chars = chars;
      this.ints = null;
    }

    /** The narrow layout of {@code start} and {@code ords}, or null if a run of 64 has too many. */
    static Multi narrow(int[] start, int[] ords) {
      int[] base = new int[(start.length + 63) >>> 6];
      char[] rel = new char[start.length];
      for (int d = 0; d < start.length; d++) {
        if ((d & 63) == 0) {
          base[d >>> 6] = start[d];
        }
        int r = start[d] - base[d >>> 6];
        if (r > Character.MAX_VALUE) {
          return null;
        }
        rel[d] = (char) r;
      }
      return new Multi(base, rel, Column.chars(ords));
    }

    @Override
    public long bytes() {
      return start != null
          ? 4L * start.length + 4L * ints.length
          : 4L * base.length + 2L * rel.length + 2L * chars.length;
    }

    @Override
    long countEach(DocIdSetIterator matches, int[] counts, int[] toGlobal) throws IOException {
      long withValue = 0;
      if (start != null) {
        for (int doc = matches.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = matches.nextDoc()) {
          int from = start[doc];
          int to = start[doc + 1];
          withValue += from < to ? 1 : 0;
          for (int i = from; i < to; i++) {
            counts[toGlobal[ints[i]]]++;
          }
        }
        return withValue;
      }
      for (int doc = matches.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = matches.nextDoc()) {
        int from = base[doc >>> 6] + rel[doc];
        int to = base[(doc + 1) >>> 6] + rel[doc + 1];
        withValue += from < to ? 1 : 0;
        for (int i = from; i < to; i++) {
          counts[toGlobal[chars[i]]]++;
        }
      }
      return withValue;
    }

    @Override
    long count(long[] words, int[] counts) {
      return start != null ? count(words, counts, start, ints) : count(words, counts, base, rel, chars);
    }

    private static long count(long[] words, int[] counts, int[] base, char[] rel, char[] ords) {
      long withValue = 0;
      for (int w = 0; w < words.length; w++) {
        for (long word = words[w]; word != 0; word &= word - 1) {
          int doc = (w << 6) | Long.numberOfTrailingZeros(word);
          int from = base[w] + rel[doc];
          int to = base[(doc + 1) >>> 6] + rel[doc + 1];
          withValue += from < to ? 1 : 0;
          for (int i = from; i < to; i++) {
            counts[ords[i]]++;
          }
        }
      }
      return withValue;
    }

    private static long count(long[] words, int[] counts, int[] start, int[] ords) {
      long withValue = 0;
      for (int w = 0; w < words.length; w++) {
        for (long word = words[w]; word != 0; word &= word - 1) {
          int doc = (w << 6) | Long.numberOfTrailingZeros(word);
          int from = start[doc];
          int to = start[doc + 1];
          withValue += from < to ? 1 : 0;
          for (int i = from; i < to; i++) {
            counts[ords[i]]++;
          }
        }
      }
      return withValue;
    }
  }

  /**
   * One segment's values of a sorted-numeric field, the first (least) per document: {@code
   * values[doc]}, for the documents in {@code present} (null: every document has one). {@code
   * newestFirst} says that the documents with a value are {@code 0} to {@code dated - 1} and their
   * values never rise with the document number, as the index sort (newest first, undated last)
   * lays them out; then a range of values is a range of documents.
   */
  record Times(
      long[] values, long[] samples, int[] hourFirst, long hourBase, FixedBitSet present, int dated,
      boolean newestFirst)
      implements Sized {
    /** Documents per sample: every 64th document's value is also in {@code samples}. */
    static final int SAMPLE_SHIFT = 6;

    static final long HOUR = 3_600_000;

    @Override
    public long bytes() {
      return 8L * values.length
          + (samples == null ? 0 : 8L * samples.length)
          + (hourFirst == null ? 0 : 4L * hourFirst.length)
          + (present == null ? 0 : 8L * present.getBits().length);
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
      return of(values, dated == maxDoc ? null : present, dated, newestFirst);
    }

    /**
     * The times with, when newest first, every 64th of them ({@code samples}) and the first
     * document below each whole hour of their span ({@code hourFirst[i]}: below {@code hourBase - i
     * hours}), the latter only when the span has no more hours than there are documents (4 bytes
     * per hour).
     */
    static Times of(long[] values, FixedBitSet present, int dated, boolean newestFirst) {
      long[] samples = null;
      int[] hourFirst = null;
      long hourBase = 0;
      if (newestFirst) {
        samples = new long[(dated + (1 << SAMPLE_SHIFT) - 1) >>> SAMPLE_SHIFT];
        for (int k = 0; k < samples.length; k++) {
          samples[k] = values[k << SAMPLE_SHIFT];
        }
        if (dated > 0) {
          hourBase = Math.ceilDiv(values[0], HOUR) * HOUR;
          long hours = (hourBase - Math.floorDiv(values[dated - 1], HOUR) * HOUR) / HOUR + 1;
          if (hours > 0 && hours <= dated) {
            hourFirst = new int[(int) hours];
            int d = 0;
            for (int i = 0; i < hourFirst.length; i++) {
              long t = hourBase - i * HOUR;
              while (d < dated && values[d] >= t) {
                d++;
              }
              hourFirst[i] = d;
            }
          }
        }
      }
      return new Times(values, samples, hourFirst, hourBase, present, dated, newestFirst);
    }

    /** Whether whole hours are looked up in {@code hourFirst} (for tests). */
    boolean hourIndexed() {
      return hourFirst != null;
    }

    /**
     * The first document at or after {@code from} (and before {@code dated}) whose value is below
     * {@code t}, or {@code dated}; only when {@link #newestFirst}. Finds the run of 64 documents
     * that holds it in {@code samples} (every 64th value: small enough to stay in cache), galloping
     * from {@code from}'s run so that walking the buckets in time order costs the log of each
     * bucket's width, then bisects the run: a day bucket at a million articles costs a few reads
     * of the large array instead of a dozen. A whole hour {@code t} is read from {@code
     * hourFirst} when there is one.
     */
    int firstBelow(long t, int from) {
      if (hourFirst != null && t % HOUR == 0) {
        // A whole hour (the bucket boundaries of most zones): looked up, not searched. Buckets
        // walked in order read this small array in order, where each search would miss the cache.
        long i = (hourBase - t) / HOUR;
        int first = i < 0 ? 0 : i >= hourFirst.length ? dated : hourFirst[(int) i];
        return Math.max(from, first);
      }
      if (from >= dated || values[from] < t) {
        return from;
      }
      // values[from] >= t. The last sample at or after from's run that is still >= t:
      int k = from >>> SAMPLE_SHIFT; // samples[k] >= values[from] >= t
      int step = 1;
      int hi = k + 1;
      while (hi < samples.length && samples[hi] >= t) {
        k = hi;
        hi = Math.min(samples.length, hi + step);
        step <<= 1;
      }
      // samples[k] >= t; samples[hi] < t or hi == samples.length
      while (k + 1 < hi) {
        int mid = (k + hi) >>> 1;
        if (samples[mid] >= t) {
          k = mid;
        } else {
          hi = mid;
        }
      }
      // The answer lies after max(from, the run's first document) and at most at the next run.
      int lo = Math.max(from, k << SAMPLE_SHIFT) + 1;
      int end = Math.min(dated, (k + 1) << SAMPLE_SHIFT);
      while (lo < end) {
        int mid = (lo + end) >>> 1;
        if (values[mid] >= t) {
          lo = mid + 1;
        } else {
          end = mid;
        }
      }
      return lo;
    }
  }
}
