package dev.dateline.internal.search;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.similarities.BM25Similarity;

/**
 * How text is scored: BM25 with Lucene's parameters (k1 {@value #DEFAULT_K1}, b {@value
 * #DEFAULT_B}) unless the index options set others. Other values were tried on the TIME collection
 * (k1 0.8-5, b 0.3-1; benchmarks/results/relevance/RESULTS.md): none differed significantly from
 * these on the 83 topics, so the defaults stay the well-known ones.
 */
public final class Scoring {
  public static final float DEFAULT_K1 = 1.2f;
  public static final float DEFAULT_B = 0.75f;

  private Scoring() {}

  /** Searchers that score with BM25(k1, b); norms do not depend on them, so any index fits. */
  public static SearcherFactory searcherFactory(float k1, float b) {
    BM25Similarity similarity = new BM25Similarity(k1, b);
    return new SearcherFactory() {
      @Override
      public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setSimilarity(similarity);
        return searcher;
      }
    };
  }
}
