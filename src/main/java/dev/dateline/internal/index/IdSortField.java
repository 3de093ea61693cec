package dev.dateline.internal.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.FieldComparator;
import org.apache.lucene.search.LeafFieldComparator;
import org.apache.lucene.search.Pruning;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.SortField;
import org.apache.lucene.util.BytesRef;

/**
 * The article id as the tie-break of a sort: the same order as Lucene's {@code
 * SortField(ID, STRING)} (ids in unsigned byte order, a document without one first), and equal to
 * it ({@link SortField#equals}), so a search sorted by {@code (published, id)} is still recognised
 * as the index sort and terminates early; only its comparator differs.
 *
 * <p>Lucene's string comparator copies the id bytes of every hit that enters the top hits, and
 * finds the bottom hit's id in each new segment's terms, although an id only decides between hits
 * whose first sort value ties. This one keeps a hit's segment and term ordinal and compares
 * ordinals within a segment; between segments it compares eight bytes of each id kept in the heap
 * ({@link IdKeys}), and reads ids from the doc values only when those are equal too (or the
 * segment has no such copy): then an id's bytes are read, and the bottom (and a cursor's) id is
 * looked up in a segment's terms, only when a hit there ties with it. The sort values it gives the
 * hits are not read either until asked for: a hit's value is an {@link Id}, whose bytes ({@link
 * #bytes}) are read from its segment on first use, which for a page of results is at most once,
 * for the cursor after its last hit (the hits' ids come from the hit summary). Such values must be
 * read while the searcher's reader is open.
 */
final class IdSortField extends SortField {

  IdSortField(String field) {
    super(field, Type.STRING, false);
  }

  @Override
  public FieldComparator<?> getComparator(int numHits, Pruning pruning) {
    return new Comparator(getField(), numHits);
  }

  /**
   * The id in a sort value this field gave (an {@link Id} or a {@link BytesRef}, as a cursor
   * decodes it); null for a document without one.
   */
  static BytesRef bytes(Object value) {
    return value instanceof Id id ? id.bytes() : (BytesRef) value;
  }

  /**
   * A hit's id as a sort value: its segment's doc values and term ordinal, and the bytes once read.
   * Compares (and {@link #equals equals}) by the bytes, as the plain string sort's values do.
   */
  static final class Id implements Comparable<Id> {
    private final SortedDocValues values;
    private final int ord;
    private BytesRef bytes;

    private Id(SortedDocValues values, int ord) {
      this.values = values;
      this.ord = ord;
    }

    /** The id's bytes (never null: a document without an id has no {@code Id}). */
    BytesRef bytes() {
      if (bytes == null) {
        bytes = read(values, ord);
      }
      return bytes;
    }

    @Override
    public int compareTo(Id other) {
      return bytes().compareTo(other.bytes());
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Id other && bytes().equals(other.bytes());
    }

    @Override
    public int hashCode() {
      return bytes().hashCode();
    }

    @Override
    public String toString() {
      return bytes().utf8ToString();
    }
  }

  /** A copy of the id of ordinal {@code ord} in a segment's id doc values. */
  private static BytesRef read(SortedDocValues values, int ord) {
    try {
      return BytesRef.deepCopyOf(values.lookupOrd(ord));
    } catch (IOException e) {
      throw new UncheckedIOException("reading an article id failed", e);
    }
  }

  /** A segment's ordinal and the slot's id bytes, read when first needed. */
  private static final class Comparator extends FieldComparator<Object> {
    private final String field;
    private final Leaf[] leaves;
    /** The slot's term ordinal in its segment's id doc values; -1: the document has no id. */
    private final int[] ords;
    /** The slot's {@link IdKeys} key, when {@code keyed}: its segment has a column. */
    private final long[] keys;
    private final boolean[] keyed;
    private final BytesRef[] ids;
    private final boolean[] read;
    private BytesRef top;
    /** The bottom slot: set on one segment's comparator, it carries over to the next. */
    private int bottom = -1;
    /** Changes whenever the bottom slot or its content may have changed. */
    private long bottomVersion;
    /** The length of the prefix all ids of the searched index share; -2: not known yet. */
    private int prefix = -2;

    Comparator(String field, int numHits) {
      this.field = field;
      this.leaves = new Leaf[numHits];
      this.ords = new int[numHits];
      this.keys = new long[numHits];
      this.keyed = new boolean[numHits];
      this.ids = new BytesRef[numHits];
      this.read = new boolean[numHits];
    }

    @Override
    public int compare(int slot1, int slot2) {
      if (leaves[slot1] == leaves[slot2]) {
        return Integer.compare(ords[slot1], ords[slot2]);
      }
      if (keyed[slot1] && keyed[slot2] && ords[slot1] >= 0 && ords[slot2] >= 0
          && keys[slot1] != keys[slot2]) {
        return Long.compareUnsigned(keys[slot1], keys[slot2]);
      }
      return compareValues(id(slot1), id(slot2));
    }

    @Override
    public void setTopValue(Object value) {
      top = bytes(value);
    }

    /** The slot's id as an {@link Id} (read when first needed), or null for a document without. */
    @Override
    public Object value(int slot) {
      if (read[slot] || ords[slot] < 0) {
        return ids[slot];
      }
      return new Id(leaves[slot].dictionary(), ords[slot]);
    }

    @Override
    public int compareValues(Object first, Object second) {
      BytesRef a = bytes(first);
      BytesRef b = bytes(second);
      if (a == null) {
        return b == null ? 0 : -1;
      }
      return b == null ? 1 : a.compareTo(b);
    }

    @Override
    public LeafFieldComparator getLeafComparator(LeafReaderContext context) throws IOException {
      if (prefix == -2) {
        prefix = IdKeys.sharedPrefix(ReaderUtil.getTopLevelContext(context).reader(), field);
      }
      return new Leaf(context, IdKeys.get(context.reader(), field, prefix));
    }

    /** The id of a slot's document (null: none), read once. */
    private BytesRef id(int slot) {
      if (!read[slot]) {
        ids[slot] = ords[slot] < 0 ? null : read(leaves[slot].dictionary(), ords[slot]);
        read[slot] = true;
      }
      return ids[slot];
    }

    /**
     * One segment: its {@link IdKeys} column if it has one, and its id doc values, opened when
     * first needed (without a column, read forward for the ordinals).
     */
    private final class Leaf implements LeafFieldComparator {
      private final LeafReaderContext context;
      private final IdKeys.Column column;
      private SortedDocValues values;
      private int ordDoc = -1;
      private int ord = -1;
      private long bottomAt = -1;
      private int bottomPosition;
      private boolean topLooked;
      private int topPosition;

      Leaf(LeafReaderContext context, IdKeys.Column column) {
        this.context = context;
        this.column = column;
      }

      SortedDocValues values() throws IOException {
        if (values == null) {
          values = DocValues.getSorted(context.reader(), field);
        }
        return values;
      }

      /** {@link #values()} for look-ups outside the collector's calls, which cannot throw. */
      SortedDocValues dictionary() {
        try {
          return values();
        } catch (IOException e) {
          throw new UncheckedIOException("reading an article id failed", e);
        }
      }

      /** The ordinal of {@code doc}'s id; documents come in increasing order. */
      private int ordOf(int doc) throws IOException {
        if (column != null) {
          return column.ords()[doc];
        }
        if (doc != ordDoc) {
          SortedDocValues v = values();
          ord = v.advanceExact(doc) ? v.ordValue() : -1;
          ordDoc = doc;
        }
        return ord;
      }

      @Override
      public void setBottom(int slot) {
        bottom = slot;
        bottomVersion++;
      }

      @Override
      public int compareBottom(int doc) throws IOException {
        int docOrd = ordOf(doc);
        if (leaves[bottom] == this) {
          return Integer.compare(ords[bottom], docOrd);
        }
        if (column != null && keyed[bottom] && ords[bottom] >= 0 && docOrd >= 0
            && keys[bottom] != column.keys()[doc]) {
          return Long.compareUnsigned(keys[bottom], column.keys()[doc]);
        }
        if (bottomAt != bottomVersion) {
          BytesRef b = id(bottom);
          bottomPosition = b == null ? MISSING : values().lookupTerm(b);
          bottomAt = bottomVersion;
        }
        return compareAt(bottomPosition, docOrd);
      }

      @Override
      public int compareTop(int doc) throws IOException {
        int docOrd = ordOf(doc);
        if (!topLooked) {
          topPosition = top == null ? MISSING : values().lookupTerm(top);
          topLooked = true;
        }
        return compareAt(topPosition, docOrd);
      }

      @Override
      public void copy(int slot, int doc) throws IOException {
        leaves[slot] = this;
        ords[slot] = ordOf(doc);
        keyed[slot] = column != null;
        keys[slot] = column != null ? column.keys()[doc] : 0;
        ids[slot] = null;
        read[slot] = false;
        bottomVersion++;
      }

      @Override
      public void setScorer(Scorable scorer) {}
    }

    /** The position of a missing id (no id sorts first). */
    private static final int MISSING = Integer.MIN_VALUE;

    /**
     * How an id compares with the id of ordinal {@code docOrd} (-1: none) of a segment, given the
     * id's position there: {@link #MISSING} for no id, else what {@link
     * SortedDocValues#lookupTerm} says (its ordinal, or {@code -insertionPoint - 1}).
     */
    private static int compareAt(int position, int docOrd) {
      if (position == MISSING) {
        return docOrd < 0 ? 0 : -1;
      }
      if (position >= 0) {
        return Integer.compare(position, docOrd);
      }
      int insertion = -position - 1;
      // The id lies between ordinals insertion - 1 and insertion; a missing id (-1) sorts first.
      return docOrd < insertion ? 1 : -1;
    }
  }
}
