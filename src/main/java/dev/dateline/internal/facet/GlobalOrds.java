package dev.dateline.internal.facet;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.util.LongValues;
import org.apache.lucene.util.packed.PackedInts;

/**
 * A sorted-set field's ordinals across the segments of one index view: {@code
 * segmentToGlobal(s)[ord]} is the global ordinal of segment {@code s}'s ordinal {@code ord};
 * global ordinals follow the values' byte order. Built once per view and field (see {@code
 * FacetEngine}), for counts by article and by story.
 *
 * @param map Lucene's ordinal map, or null with one segment or none (ordinals are global already)
 * @param toGlobal per segment, its ordinals' global ordinals
 * @param valueCount the number of distinct values in the view
 */
record GlobalOrds(OrdinalMap map, int[][] toGlobal, int valueCount) {
  static GlobalOrds build(IndexReader reader, String field) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    SortedSetDocValues[] values = new SortedSetDocValues[leaves.size()];
    for (LeafReaderContext leaf : leaves) {
      values[leaf.ord] = DocValues.getSortedSet(leaf.reader(), field);
    }
    OrdinalMap map = values.length <= 1 ? null : OrdinalMap.build(null, values, PackedInts.DEFAULT);
    int[][] toGlobal = new int[values.length][];
    for (int s = 0; s < values.length; s++) {
      int[] g = new int[(int) values[s].getValueCount()];
      LongValues ords = map == null ? LongValues.IDENTITY : map.getGlobalOrds(s);
      for (int i = 0; i < g.length; i++) {
        g[i] = (int) ords.get(i);
      }
      toGlobal[s] = g;
    }
    long valueCount =
        map != null ? map.getValueCount() : values.length == 0 ? 0 : values[0].getValueCount();
    return new GlobalOrds(map, toGlobal, Math.toIntExact(valueCount));
  }

  int[] segmentToGlobal(int segment) {
    return toGlobal[segment];
  }

  /**
   * The values of global ordinals in {@code reader}, each segment's doc values opened once (opening
   * them costs several microseconds, more than a look-up).
   */
  Labels labels(IndexReader reader, String field) {
    return new Labels(reader, field);
  }

  /** Looks up values by global ordinal; for one thread and one call. */
  final class Labels {
    private final IndexReader reader;
    private final String field;
    private final SortedSetDocValues[] opened;

    private Labels(IndexReader reader, String field) {
      this.reader = reader;
      this.field = field;
      this.opened = new SortedSetDocValues[Math.max(1, reader.leaves().size())];
    }

    /** The value of global ordinal {@code ord}. */
    String of(int ord) throws IOException {
      int segment = map == null ? 0 : map.getFirstSegmentNumber(ord);
      long segmentOrd = map == null ? ord : map.getFirstSegmentOrd(ord);
      SortedSetDocValues values = opened[segment];
      if (values == null) {
        values = opened[segment] = DocValues.getSortedSet(reader.leaves().get(segment).reader(), field);
      }
      return values.lookupOrd(segmentOrd).utf8ToString();
    }
  }
}
