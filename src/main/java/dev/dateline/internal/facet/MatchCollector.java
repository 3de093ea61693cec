package dev.dateline.internal.facet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSet;
import org.apache.lucene.search.DocIdStream;
import org.apache.lucene.util.BitDocIdSet;
import org.apache.lucene.util.FixedBitSet;

/**
 * Gathers a query's matches for counting, as the facet module's {@link FacetsCollector} does, but
 * always into one {@link FixedBitSet} per segment (as a {@link BitDocIdSet}): a bit is set per
 * match, or a window of matches at a time when the scorer hands them over as a {@link
 * DocIdStream}, where the facet module grows a {@code DocIdSetBuilder} match by match. The
 * counts then walk the bit sets' words directly, and the histogram counts ranges of bits
 * ({@link FixedBitSet#cardinality(int, int)}). A segment without a match gets an empty set and no
 * bits; one with matches costs {@code maxDoc / 8} bytes while the counts are made.
 *
 * <p>Its {@link #getMatchingDocs()} are in the order the segments were collected, as the facet
 * module's are; each entry's {@code totalHits} is the number of its matches. Scores are not kept.
 */
final class MatchCollector extends FacetsCollector {
  private final List<MatchingDocs> matching = new ArrayList<>();
  private LeafReaderContext context;
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
    this.bits = null; // allocated at the segment's first match
  }

  @Override
  public void collect(int doc) {
    bits().set(doc);
  }

  @Override
  public void collect(DocIdStream stream) throws IOException {
    FixedBitSet b = bits();
    stream.forEach(b::set);
  }

  private FixedBitSet bits() {
    FixedBitSet b = bits;
    if (b == null) {
      b = bits = new FixedBitSet(context.reader().maxDoc());
    }
    return b;
  }

  @Override
  public void finish() {
    if (context == null) {
      return;
    }
    int count = bits == null ? 0 : bits.cardinality();
    DocIdSet set = count == 0 ? DocIdSet.EMPTY : new BitDocIdSet(bits, count);
    matching.add(new MatchingDocs(context, set, count, null));
    context = null;
    bits = null;
  }

  @Override
  public List<MatchingDocs> getMatchingDocs() {
    return matching;
  }
}
