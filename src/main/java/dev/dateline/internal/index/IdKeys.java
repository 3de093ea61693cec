package dev.dateline.internal.index;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;

/**
 * Each segment's article ids as two heap arrays, for {@link IdSortField}'s tie-break: the term
 * ordinal of each document's id in the segment's id doc values (the id order within the segment),
 * and a key of eight bytes of the id that orders ids across segments: the bytes after the prefix
 * that every id in the index shares ({@code n00} of {@code n00123456}; the {@code https://host/}
 * of ids that are URLs), read as an unsigned big-endian number and padded with zero bytes. Two
 * ids whose keys differ are in the order of their keys; only ids with equal keys (a longer shared
 * start) need their bytes read.
 *
 * <p>Without these, a tie between hits of different segments read both ids from the terms
 * dictionary of the doc values (a compressed block decoded per look-up), and a tie with the page's
 * last hit looked its id up in each segment's terms: on a 1M-article index in 7 segments that was
 * about a fifth of the time of a one-word search.
 *
 * <p>Arrays are built in the background ({@link ForkJoinPool#commonPool()}) when a segment is
 * first searched with this sort (until they are ready, its ids are compared from its doc values,
 * with the same result): at 1M articles in 7 segments they take about 150 ms, which the first
 * search after opening the index would otherwise wait for. They are kept per segment core
 * (released when it closes) and for one prefix length; when the index's shared prefix changes (an
 * id unlike the others arrives), a segment's arrays are rebuilt. Memory: 12 bytes per document,
 * within a budget for all indexes of the JVM (a sixteenth of the maximum heap); a segment that does
 * not fit is compared from its doc values.
 */
final class IdKeys {
  private IdKeys() {}

  /** One segment's ids: {@code ords[doc]} (-1: no id) and {@code keys[doc]}. */
  record Column(int prefix, int[] ords, long[] keys) {
    long bytes() {
      return 4L * ords.length + 8L * keys.length;
    }
  }

  private static final long BUDGET = Runtime.getRuntime().maxMemory() / 16;
  private static final AtomicLong USED = new AtomicLong();
  /** Per segment core: its {@link Column}, a {@link Pending} build, or {@link #NONE}. */
  private static final Map<IndexReader.CacheKey, Object> COLUMNS = new ConcurrentHashMap<>();
  /** Marks a segment whose column did not fit in the budget, or could not be built. */
  private static final Object NONE = new Object();

  /** A build under way, with the bytes it reserved (compared by identity). */
  private static final class Pending {
    final long bytes;

    Pending(long bytes) {
      this.bytes = bytes;
    }
  }

  /**
   * The length of the prefix every id of the index shares (the common start of the least and the
   * greatest id term over all segments), or -1 when no segment has an id.
   */
  static int sharedPrefix(IndexReader reader, String field) throws IOException {
    BytesRef min = null;
    BytesRef max = null;
    for (LeafReaderContext leaf : reader.leaves()) {
      Terms terms = leaf.reader().terms(field);
      if (terms == null || terms.size() == 0) {
        continue;
      }
      BytesRef lo = terms.getMin();
      BytesRef hi = terms.getMax();
      if (min == null || lo.compareTo(min) < 0) {
        min = BytesRef.deepCopyOf(lo);
      }
      if (max == null || hi.compareTo(max) > 0) {
        max = BytesRef.deepCopyOf(hi);
      }
    }
    if (min == null) {
      return -1;
    }
    int n = Math.min(min.length, max.length);
    int i = 0;
    while (i < n && min.bytes[min.offset + i] == max.bytes[max.offset + i]) {
      i++;
    }
    return i;
  }

  /**
   * The column of {@code segment} for keys after {@code prefix} bytes; null while it is being built
   * (the first search of a segment starts that in the background, so that opening an index or a
   * merge adds nothing to the next search's time), or when the segment cannot be cached or does
   * not fit in the budget.
   */
  static Column get(LeafReader segment, String field, int prefix) {
    IndexReader.CacheHelper core = segment.getCoreCacheHelper();
    if (core == null || prefix < 0 || mode == Mode.OFF) {
      return null;
    }
    IndexReader.CacheKey key = core.getKey();
    Object c = COLUMNS.get(key);
    if (c instanceof Column column && column.prefix() == prefix) {
      return column;
    }
    if (c == NONE || c instanceof Pending) {
      return null;
    }
    // Not built yet, or built for another shared prefix (an id unlike the others arrived).
    long need = 12L * segment.maxDoc();
    Pending pending = new Pending(need);
    if (c == null) {
      if (USED.addAndGet(need) > BUDGET) {
        USED.addAndGet(-need);
        if (COLUMNS.putIfAbsent(key, NONE) == null) {
          core.addClosedListener(IdKeys::release);
        }
        return null;
      }
      if (COLUMNS.putIfAbsent(key, pending) != null) {
        USED.addAndGet(-need);
        return null; // another search got there first
      }
      core.addClosedListener(IdKeys::release);
    } else if (COLUMNS.replace(key, c, pending)) {
      USED.addAndGet(need - ((Column) c).bytes());
    } else {
      return null;
    }
    Runnable task =
        () -> {
          Column built = null;
          try {
            built = build(segment, field, prefix);
          } catch (IOException | RuntimeException e) {
            // This reader of the segment closed meanwhile, or it cannot be read: compared from
            // its doc values, and tried again on a later search.
          }
          if (built == null ? COLUMNS.remove(key, pending) : COLUMNS.replace(key, pending, built)) {
            USED.addAndGet((built == null ? 0 : built.bytes()) - need);
          } // else the segment was released meanwhile, and its reservation with it
        };
    if (mode == Mode.INLINE) {
      task.run();
      return COLUMNS.get(key) instanceof Column built ? built : null;
    }
    ForkJoinPool.commonPool().execute(task);
    return null;
  }

  /** The heap the columns of all open segments take, or have reserved, now. */
  static long usedBytes() {
    return USED.get();
  }

  /** Where columns are built; tests choose, to cover both comparisons. */
  enum Mode {
    /** In the background (the default). */
    BACKGROUND,
    /** In the searching thread, before the search goes on. */
    INLINE,
    /** Not at all: every segment is compared from its doc values. */
    OFF
  }

  static volatile Mode mode = Mode.BACKGROUND;

  private static void release(IndexReader.CacheKey key) {
    Object gone = COLUMNS.remove(key);
    if (gone instanceof Pending p) {
      USED.addAndGet(-p.bytes);
    } else if (gone instanceof Column c) {
      USED.addAndGet(-c.bytes());
    }
  }

  private static Column build(LeafReader segment, String field, int prefix) throws IOException {
    int maxDoc = segment.maxDoc();
    SortedDocValues values = DocValues.getSorted(segment, field);
    long[] keyOfOrd = new long[values.getValueCount()];
    TermsEnum terms = values.termsEnum();
    int ord = 0;
    for (BytesRef id = terms.next(); id != null; id = terms.next()) {
      keyOfOrd[ord++] = key(id, prefix);
    }
    int[] ords = new int[maxDoc];
    long[] keys = new long[maxDoc];
    java.util.Arrays.fill(ords, -1);
    for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
      ords[doc] = values.ordValue();
      keys[doc] = keyOfOrd[ords[doc]];
    }
    return new Column(prefix, ords, keys);
  }

  /**
   * Eight bytes of {@code id} from {@code prefix} on, big-endian, zero bytes past its end: for two
   * ids sharing their first {@code prefix} bytes, {@code Long.compareUnsigned} of the keys agrees
   * with the ids' byte order whenever it is not 0.
   */
  static long key(BytesRef id, int prefix) {
    long k = 0;
    for (int i = 0; i < 8; i++) {
      int at = prefix + i;
      k = (k << 8) | (at < id.length ? id.bytes[id.offset + at] & 0xFF : 0);
    }
    return k;
  }
}
