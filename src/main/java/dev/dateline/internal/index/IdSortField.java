package dev.dateline.internal.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
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
 * whose first sort value ties. This one keeps a hit's segment and term ordinal, compares
 * ordinals within a segment, and reads an id's bytes only when hits of different segments tie or
 * when the page's sort values are filled in; the bottom (and a cursor's) id is looked up in a
 * segment's terms only when a hit there ties with it.
 */
final class IdSortField extends SortField {

  IdSortField(String field) {
    super(field, Type.STRING, false);
  }

  @Override
  public FieldComparator<?> getComparator(int numHits, Pruning pruning) {
    return new Comparator(getField(), numHits);
  }

  /** A segment's ordinal and the slot's id bytes, read when first needed. */
  private static final class Comparator extends FieldComparator<BytesRef> {
    private final String field;
    private final Leaf[] leaves;
    /** The slot's term ordinal in its segment's id doc values; -1: the document has no id. */
    private final int[] ords;
    private final BytesRef[] ids;
    private final boolean[] read;
    private BytesRef top;
    /** The bottom slot: set on one segment's comparator, it carries over to the next. */
    private int bottom = -1;
    /** Changes whenever the bottom slot or its content may have changed. */
    private long bottomVersion;

    Comparator(String field, int numHits) {
      this.field = field;
      this.leaves = new Leaf[numHits];
      this.ords = new int[numHits];
      this.ids = new BytesRef[numHits];
      this.read = new boolean[numHits];
    }

    @Override
    public int compare(int slot1, int slot2) {
      if (leaves[slot1] == leaves[slot2]) {
        return Integer.compare(ords[slot1], ords[slot2]);
      }
      return compareValues(id(slot1), id(slot2));
    }

    @Override
    public void setTopValue(BytesRef value) {
      top = value;
    }

    @Override
    public BytesRef value(int slot) {
      return id(slot);
    }

    @Override
    public LeafFieldComparator getLeafComparator(LeafReaderContext context) {
      return new Leaf(context);
    }

    /** The id of a slot's document (null: none), read once. */
    private BytesRef id(int slot) {
      if (!read[slot]) {
        try {
          ids[slot] = ords[slot] < 0 ? null : BytesRef.deepCopyOf(leaves[slot].values().lookupOrd(ords[slot]));
        } catch (IOException e) {
          throw new UncheckedIOException("reading an article id failed", e);
        }
        read[slot] = true;
      }
      return ids[slot];
    }

    /** One segment: its id doc values, opened when first needed and read forward. */
    private final class Leaf implements LeafFieldComparator {
      private final LeafReaderContext context;
      private SortedDocValues values;
      private int ordDoc = -1;
      private int ord = -1;
      private long bottomAt = -1;
      private int bottomPosition;
      private boolean topLooked;
      private int topPosition;

      Leaf(LeafReaderContext context) {
        this.context = context;
      }

      SortedDocValues values() throws IOException {
        if (values == null) {
          values = DocValues.getSorted(context.reader(), field);
        }
        return values;
      }

      /** The ordinal of {@code doc}'s id; documents come in increasing order. */
      private int ordOf(int doc) throws IOException {
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
