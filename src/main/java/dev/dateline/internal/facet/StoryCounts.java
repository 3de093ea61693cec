package dev.dateline.internal.facet;

import dev.dateline.FacetCount;
import dev.dateline.FacetDimension;
import dev.dateline.Facets;
import dev.dateline.internal.index.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.internal.hppc.LongHashSet;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * Facet counts by story (see {@code FacetRequest.Builder.stories}): each value counts the distinct
 * story keys of the matches that have it. The (value, story) pairs of the matches are grouped by
 * value in one counting pass (values as global ordinals), and each value's stories are sorted and
 * counted once; exact, with memory proportional to the number of (match, value) pairs.
 */
final class StoryCounts {

  private StoryCounts() {}

  /** The story keys of one segment's documents, read forward in doc id order. */
  static final class Keys {
    private final NumericDocValues values;
    private final int docBase;

    Keys(LeafReaderContext leaf) throws IOException {
      this.values = DocValues.getNumeric(leaf.reader(), Schema.STORY_KEY);
      this.docBase = leaf.docBase;
    }

    /**
     * The story of {@code doc}; an article without a story key (indexed before detection was
     * on) is a story of its own, under a key made from its doc id.
     */
    long of(int doc) throws IOException {
      return values.advanceExact(doc) ? values.longValue() : ~(long) (docBase + doc);
    }
  }

  /** The number of distinct stories among the matches. */
  static long stories(FacetsCollector hits) throws IOException {
    LongHashSet keys = new LongHashSet();
    for (FacetsCollector.MatchingDocs md : hits.getMatchingDocs()) {
      if (md.totalHits() == 0) {
        continue;
      }
      Keys k = new Keys(md.context());
      DocIdSetIterator it = md.bits().iterator();
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        keys.add(k.of(doc));
      }
    }
    return keys.size();
  }

  /**
   * One dimension counted by story: the top {@code limit} values by stories (ties by value), how
   * many other values, and how many stories have a value at all.
   */
  static Facets.Dimension dimension(
      IndexReader reader, GlobalOrds global, FacetDimension d, FacetsCollector hits, int limit,
      boolean sideways)
      throws IOException {
    String field = Schema.facetField(d);
    int[] ords = new int[16];
    long[] keys = new long[16];
    int n = 0;
    LongHashSet withValue = new LongHashSet();
    for (FacetsCollector.MatchingDocs md : hits.getMatchingDocs()) {
      if (md.totalHits() == 0) {
        continue;
      }
      LeafReaderContext leaf = md.context();
      SortedSetDocValues values = DocValues.getSortedSet(leaf.reader(), field);
      int[] toGlobal = global.segmentToGlobal(leaf.ord);
      Keys storyKeys = new Keys(leaf);
      DocIdSetIterator it = md.bits().iterator();
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        long story = storyKeys.of(doc);
        if (!values.advanceExact(doc)) {
          continue;
        }
        withValue.add(story);
        for (int i = 0; i < values.docValueCount(); i++) {
          if (n == ords.length) {
            ords = Arrays.copyOf(ords, n * 2);
            keys = Arrays.copyOf(keys, n * 2);
          }
          ords[n] = toGlobal[(int) values.nextOrd()];
          keys[n++] = story;
        }
      }
    }
    long[] counts = distinctPerGroup(ords, keys, n, global.valueCount());
    List<Integer> counted = new ArrayList<>();
    for (int ord = 0; ord < counts.length; ord++) {
      if (counts[ord] > 0) {
        counted.add(ord);
      }
    }
    // Most stories first, ties by value: global ordinals are in the values' byte order.
    counted.sort((a, b) -> counts[a] != counts[b] ? Long.compare(counts[b], counts[a]) : a - b);
    List<FacetCount> top = new ArrayList<>(Math.min(limit, counted.size()));
    GlobalOrds.Labels labels = global.labels(reader, field);
    for (int i = 0; i < Math.min(limit, counted.size()); i++) {
      int ord = counted.get(i);
      top.add(new FacetCount(labels.of(ord), counts[ord]));
    }
    return new Facets.Dimension(d, top, counted.size() - top.size(), withValue.size(), sideways);
  }

  /**
   * For each group {@code 0..groups-1}, the number of distinct keys among the first {@code n}
   * pairs ({@code group[i]}, {@code key[i]}): the pairs are laid out group by group (a counting
   * sort), then each group's keys are sorted and their runs counted.
   */
  static long[] distinctPerGroup(int[] group, long[] key, int n, int groups) {
    int[] start = new int[groups + 1];
    for (int i = 0; i < n; i++) {
      start[group[i] + 1]++;
    }
    for (int g = 0; g < groups; g++) {
      start[g + 1] += start[g];
    }
    long[] byGroup = new long[n];
    int[] next = Arrays.copyOf(start, groups);
    for (int i = 0; i < n; i++) {
      byGroup[next[group[i]]++] = key[i];
    }
    long[] out = new long[groups];
    for (int g = 0; g < groups; g++) {
      int from = start[g];
      int to = start[g + 1];
      if (to - from > 1) {
        Arrays.sort(byGroup, from, to);
      }
      long distinct = 0;
      for (int i = from; i < to; i++) {
        if (i == from || byGroup[i] != byGroup[i - 1]) {
          distinct++;
        }
      }
      out[g] = distinct;
    }
    return out;
  }
}
