package dev.dateline.internal.search;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.similarities.BM25Similarity;

/**
 * How text is scored: BM25 with Dateline's parameters. The defaults were chosen on the dev half
 * (odd topics) of the TIME collection together with the ranked default's other settings (see
 * benchmarks/results/relevance/RESULTS.md): news articles are short and their topic words repeat,
 * so term frequency saturates later (k1 {@value #DEFAULT_K1} instead of Lucene's 1.2) and long
 * articles are normalised a little more (b {@value #DEFAULT_B} instead of 0.75).
 */
public final class Scoring {
  public static final float DEFAULT_K1 = 2.0f;
  public static final float DEFAULT_B = 0.85f;

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
