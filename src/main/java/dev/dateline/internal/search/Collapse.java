package dev.dateline.internal.search;

import dev.dateline.SortOrder;
import dev.dateline.internal.index.Schema;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
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
    Map<Long, Head> best =
        searcher.search(
            scored,
            new CollectorManager<HeadCollector, Map<Long, Head>>() {
              @Override
              public HeadCollector newCollector() {
                return new HeadCollector(searcher, order, byScore);
              }

              @Override
              public Map<Long, Head> reduce(Collection<HeadCollector> collectors)
                  throws IOException {
                Map<Long, Head> all = new HashMap<>();
                for (HeadCollector c : collectors) {
                  for (Map.Entry<Long, Head> e : c.heads.entrySet()) {
                    Head h = all.get(e.getKey());
                    if (h == null || better(searcher, order, e.getValue(), h)) {
                      all.put(e.getKey(), e.getValue());
                    }
                  }
                }
                return all;
              }
            });
    FixedBitSet docs = new FixedBitSet(Math.max(1, searcher.getIndexReader().maxDoc()));
    for (Head h : best.values()) {
      docs.set(h.doc);
    }
    Query filtered =
        new BooleanQuery.Builder()
            .add(scored, Occur.MUST)
            .add(new DocSetQuery(docs), Occur.FILTER)
            .build();
    return new Heads(filtered, best.size());
  }

  /** A story's best match so far: its global doc id and its sort value. */
  private record Head(int doc, float score, long published) {}

  /** Whether {@code a} sorts before {@code b} in {@code order} (ties: the smaller id). */
  private static boolean better(IndexSearcher searcher, SortOrder order, Head a, Head b)
      throws IOException {
    int c =
        switch (order) {
          case RELEVANCE, RECENT -> Float.compare(b.score, a.score);
          case NEWEST -> Long.compare(b.published, a.published);
          case OLDEST -> Long.compare(a.published, b.published);
        };
    if (c != 0) {
      return c < 0;
    }
    return id(searcher, a.doc).compareTo(id(searcher, b.doc)) < 0;
  }

  private static String id(IndexSearcher searcher, int doc) throws IOException {
    return searcher.storedFields().document(doc, Set.of(Schema.ID)).get(Schema.ID);
  }

  private static final class HeadCollector implements Collector {
    final Map<Long, Head> heads = new HashMap<>();
    private final IndexSearcher searcher;
    private final SortOrder order;
    private final boolean byScore;
    /** Articles without a story key (none in a format-4 index) are stories of their own. */
    private long unkeyed = Long.MIN_VALUE;

    HeadCollector(IndexSearcher searcher, SortOrder order, boolean byScore) {
      this.searcher = searcher;
      this.order = order;
      this.byScore = byScore;
    }

    @Override
    public ScoreMode scoreMode() {
      return byScore ? ScoreMode.COMPLETE : ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      NumericDocValues keys = DocValues.getNumeric(context.reader(), Schema.STORY_KEY);
      SortedNumericDocValues published =
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
          long key = keys.advanceExact(doc) ? keys.longValue() : unkeyed++;
          float score = byScore ? scorer.score() : 0f;
          long when = missing;
          if (!byScore && published.advanceExact(doc)) {
            when = published.nextValue();
          }
          Head h = new Head(base + doc, Float.isNaN(score) ? 0f : score, when);
          Head old = heads.get(key);
          if (old == null || better(searcher, order, h, old)) {
            heads.put(key, h);
          }
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
