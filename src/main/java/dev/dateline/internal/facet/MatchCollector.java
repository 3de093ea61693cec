package dev.dateline.internal.facet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSet;
import org.apache.lucene.search.DocIdStream;
import org.apache.lucene.util.BitDocIdSet;
import org.apache.lucene.util.DocIdSetBuilder;
import org.apache.lucene.util.FixedBitSet;

/**
 * Gathers a query's matches for counting, as the facet module's {@link FacetsCollector} does, into
 * one set per segment: a sorted array of document numbers while the segment has few matches (up
 * to {@code maxDoc / 128}), else a {@link FixedBitSet} (as a {@link BitDocIdSet}), where the facet
 * module grows a {@code DocIdSetBuilder} match by match. The counts then walk a bit set's words
 * directly and the histogram counts ranges of bits ({@link FixedBitSet#cardinality(int, int)}); a
 * few matches are visited one by one, without reading a bit set of the whole segment.
 *
 * <p>Its {@link #getMatchingDocs()} are in the order the segments were collected, as the facet
 * module's are; each entry's {@code totalHits} is the number of its matches. Scores are not kept.
 */
final class MatchCollector extends FacetsCollector {
  private final List<MatchingDocs> matching = new ArrayList<>();
  private LeafReaderContext context;
  private int[] docs = new int[16];
  private int count;
  private FixedBitSet bits;

  private MatchCollector() {
    super(false);
  }

  /** A manager for {@code IndexSearcher.search}: one collector per slice, merged in order. */
  static CollectorManager<FacetsCollector, FacetsCollector> manager() {
    return new CollectorManager<>() {
      @Override
      public FacetsCollector newCollector() {
        return new MatchCollector();
      }

      @Override
      public FacetsCollector reduce(Collection<FacetsCollector> collectors) {
        if (collectors.size() == 1) {
          return collectors.iterator().next();
        }
        MatchCollector all = new MatchCollector();
        for (FacetsCollector c : collectors) {
          all.matching.addAll(c.getMatchingDocs());
        }
        return all;
      }
    };
  }

  @Override
  protected void doSetNextReader(LeafReaderContext context) {
    this.context = context;
    this.count = 0;
    this.bits = null;
  }

  @Override
  public void collect(int doc) {
    if (bits != null) {
      bits.set(doc);
    } else {
      add(doc);
    }
  }

  /**
   * A window of matches (scorers hand them over this way when they come in runs): into the bit
   * set once there is one, else one by one into the array, which may then become the bit set.
   * Sending every window straight to a bit set cost a word in 5,000 of 1M articles half as much
   * again (benchmarks/RESULTS.md, 2026-12-02, third session).
   */
  @Override
  public void collect(DocIdStream stream) throws IOException {
    if (bits != null) {
      stream.forEach(bits::set);
    } else {
      stream.forEach(this::collect);
    }
  }

  /** Adds a match to the array, or moves the array into a bit set when the segment has many. */
  private void add(int doc) {
    if (count == docs.length) {
      int maxDoc = context.reader().maxDoc();
      if (count >= maxDoc >>> 7) {
        toBits().set(doc);
        return;
      }
      docs = Arrays.copyOf(docs, Math.min(Math.max(16, maxDoc >>> 7), 2 * count));
    }
    docs[count++] = doc;
  }

  /** The segment's bit set, made from the array of matches so far if there is none yet. */
  private FixedBitSet toBits() {
    if (bits == null) {
      bits = new FixedBitSet(context.reader().maxDoc());
      for (int i = 0; i < count; i++) {
        bits.set(docs[i]);
      }
    }
    return bits;
  }

  @Override
  public void finish() {
    if (context == null) {
      return;
    }
    DocIdSet set;
    int n;
    if (bits != null) {
      n = bits.cardinality();
      set = new BitDocIdSet(bits, n);
    } else {
      // Lucene's set of a sorted array (its own class is not public): built from the array.
      n = count;
      DocIdSetBuilder few = new DocIdSetBuilder(context.reader().maxDoc());
      DocIdSetBuilder.BulkAdder adder = few.grow(n);
      for (int i = 0; i < n; i++) {
        adder.add(docs[i]);
      }
      set = few.build();
    }
    matching.add(new MatchingDocs(context, set, n, null));
    context = null;
    bits = null;
    count = 0;
  }

  @Override
  public List<MatchingDocs> getMatchingDocs() {
    return matching;
  }
}
