package dev.dateline.internal.search;

import dev.dateline.SortOrder;
import dev.dateline.internal.index.Schema;
import java.io.IOException;
import java.util.Collection;
import java.util.Set;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.internal.hppc.LongIntHashMap;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * Collapsing by story: of the matches of a query, keeps the one match per story that the sort puts
 * first (its head), the way Solr's collapsing filter does. A first pass visits every match and
 * keeps the best one per story key; the search then runs again restricted to those heads, so
 * scores, sorts and cursors are those of the plain search.
 */
public final class Collapse {

  /** The heads of the matches of a query, and how many there are. */
  public record Heads(Query filter, int count) {}

  private Collapse() {}

  /**
   * The query restricted to one match per story.
   *
   * @param scored the query as the search runs it (scores included)
   * @param order the order the search sorts in
   */
  public static Heads heads(IndexSearcher searcher, Query scored, SortOrder order)
      throws IOException {
    boolean byScore = order == SortOrder.RELEVANCE || order == SortOrder.RECENT;
    HeadCollector best =
        searcher.search(
            scored,
            new CollectorManager<HeadCollector, HeadCollector>() {
              @Override
              public HeadCollector newCollector() {
                return new HeadCollector(searcher, order, byScore);
              }

              @Override
              public HeadCollector reduce(Collection<HeadCollector> collectors)
                  throws IOException {
                HeadCollector all = null;
                for (HeadCollector c : collectors) {
                  if (all == null) {
                    all = c;
                  } else {
                    for (int i = 0; i < c.size; i++) {
                      all.offer(c.keys[i], c.docs[i], c.scores[i], c.published[i]);
                    }
                  }
                }
                return all;
              }
            });
    FixedBitSet docs = new FixedBitSet(Math.max(1, searcher.getIndexReader().maxDoc()));
    int count = best == null ? 0 : best.size;
    for (int i = 0; i < count; i++) {
      docs.set(best.docs[i]);
    }
    Query filtered =
        new BooleanQuery.Builder()
            .add(scored, Occur.MUST)
            .add(new DocSetQuery(docs), Occur.FILTER)
            .build();
    return new Heads(filtered, count);
  }

  /** Whether the match (doc, score, published) sorts before head {@code i} of {@code c}. */
  private static boolean better(
      HeadCollector c, int doc, float score, long published, int i) throws IOException {
    int cmp =
        switch (c.order) {
          case RELEVANCE, RECENT -> Float.compare(c.scores[i], score);
          case NEWEST -> Long.compare(c.published[i], published);
          case OLDEST -> Long.compare(published, c.published[i]);
        };
    if (cmp != 0) {
      return cmp < 0;
    }
    return id(c.searcher, doc).compareTo(id(c.searcher, c.docs[i])) < 0;
  }

  private static String id(IndexSearcher searcher, int doc) throws IOException {
    return searcher.storedFields().document(doc, Set.of(Schema.ID)).get(Schema.ID);
  }

  /**
   * The best match per story key so far, in parallel arrays indexed through a primitive map (no
   * object per match).
   */
  private static final class HeadCollector implements Collector {
    private final LongIntHashMap slots = new LongIntHashMap();
    long[] keys = new long[16];
    int[] docs = new int[16];
    float[] scores = new float[16];
    long[] published = new long[16];
    int size;
    final IndexSearcher searcher;
    final SortOrder order;
    private final boolean byScore;
    /** Articles without a story key are stories of their own. */
    private long unkeyed = Long.MIN_VALUE;

    HeadCollector(IndexSearcher searcher, SortOrder order, boolean byScore) {
      this.searcher = searcher;
      this.order = order;
      this.byScore = byScore;
    }

    void offer(long key, int doc, float score, long when) throws IOException {
      int at = slots.indexOf(key);
      if (slots.indexExists(at)) {
        int i = slots.indexGet(at);
        if (better(this, doc, score, when, i)) {
          docs[i] = doc;
          scores[i] = score;
          published[i] = when;
        }
        return;
      }
      if (size == keys.length) {
        int n = size * 2;
        keys = java.util.Arrays.copyOf(keys, n);
        docs = java.util.Arrays.copyOf(docs, n);
        scores = java.util.Arrays.copyOf(scores, n);
        published = java.util.Arrays.copyOf(published, n);
      }
      keys[size] = key;
      docs[size] = doc;
      scores[size] = score;
      published[size] = when;
      slots.indexInsert(at, key, size);
      size++;
    }

    @Override
    public ScoreMode scoreMode() {
      return byScore ? ScoreMode.COMPLETE : ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      NumericDocValues keyValues = DocValues.getNumeric(context.reader(), Schema.STORY_KEY);
      SortedNumericDocValues dates =
          DocValues.getSortedNumeric(context.reader(), Schema.PUBLISHED);
      int base = context.docBase;
      long missing = order == SortOrder.OLDEST ? Long.MAX_VALUE : Long.MIN_VALUE;
      return new LeafCollector() {
        private Scorable scorer;

        @Override
        public void setScorer(Scorable scorer) {
          this.scorer = scorer;
        }

        @Override
        public void collect(int doc) throws IOException {
          long key = keyValues.advanceExact(doc) ? keyValues.longValue() : unkeyed++;
          float score = byScore ? scorer.score() : 0f;
          long when = missing;
          if (!byScore && dates.advanceExact(doc)) {
            when = dates.nextValue();
          }
          offer(key, base + doc, Float.isNaN(score) ? 0f : score, when);
        }
      };
    }
  }

  /** Matches a fixed set of documents of one reader (by global doc id). Not cached. */
  private static final class DocSetQuery extends Query {
    private final FixedBitSet docs;

    DocSetQuery(FixedBitSet docs) {
      this.docs = docs;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
      return new ConstantScoreWeight(this, boost) {
        @Override
        public ScorerSupplier scorerSupplier(LeafReaderContext context) {
          int base = context.docBase;
          int max = context.reader().maxDoc();
          FixedBitSet leaf = new FixedBitSet(Math.max(1, max));
          int cardinality = 0;
          for (int d = docs.nextSetBit(base);
              d != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS && d < base + max;
              d = d + 1 < docs.length() ? docs.nextSetBit(d + 1)
                  : org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS) {
            leaf.set(d - base);
            cardinality++;
          }
          if (cardinality == 0) {
            return null;
          }
          return new Weight.DefaultScorerSupplier(
              new ConstantScoreScorer(score(), scoreMode, new BitSetIterator(leaf, cardinality)));
        }

        @Override
        public boolean isCacheable(LeafReaderContext ctx) {
          return false;
        }
      };
    }

    @Override
    public void visit(QueryVisitor visitor) {
      visitor.visitLeaf(this);
    }

    @Override
    public String toString(String field) {
      return "story heads(" + docs.cardinality() + ")";
    }

    @Override
    public boolean equals(Object o) {
      return o == this;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }
  }

}
