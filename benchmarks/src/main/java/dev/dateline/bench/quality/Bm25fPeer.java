package dev.dateline.bench.quality;

import dev.dateline.Article;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CombinedFieldQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * The textbook BM25F peer: raw Lucene with two text fields, {@code headline} and {@code body}, both
 * analysed by Lucene's {@link EnglishAnalyzer}, scored together by {@link CombinedFieldQuery}
 * (BM25F: a term's frequencies and lengths are summed over the fields with the fields' weights
 * before one BM25 saturation, k1 = {@value Bm25Peer#K1}, b = {@value Bm25Peer#B}) with headline
 * weight {@value #HEADLINE_WEIGHT} and body weight 1. A query is a {@link BooleanQuery} of one
 * SHOULD {@link CombinedFieldQuery} per analysed token of the topic text (one per occurrence, as
 * {@link Bm25Peer} does). Nothing of Dateline is used but the parsed articles.
 */
final class Bm25fPeer implements AutoCloseable {
  static final String HEADLINE = "headline";
  static final String BODY = "body";
  static final float HEADLINE_WEIGHT = 2f;

  private final Directory dir = new ByteBuffersDirectory();
  private final Analyzer analyzer = new EnglishAnalyzer();
  private final DirectoryReader reader;
  private final IndexSearcher searcher;

  Bm25fPeer(List<Article> articles) throws IOException {
    BM25Similarity similarity = new BM25Similarity(Bm25Peer.K1, Bm25Peer.B);
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer).setSimilarity(similarity))) {
      for (Article a : articles) {
        Document doc = new Document();
        doc.add(new StringField(Bm25Peer.ID, a.id(), Field.Store.YES));
        if (a.headline() != null) {
          doc.add(new TextField(HEADLINE, a.headline(), Field.Store.NO));
        }
        doc.add(new TextField(BODY, a.bodyText(), Field.Store.NO));
        w.addDocument(doc);
      }
    }
    reader = DirectoryReader.open(dir);
    searcher = new IndexSearcher(reader);
    searcher.setSimilarity(similarity);
  }

  /** The top {@code depth} documents for the topic text, best first; empty when no term matches. */
  List<RelevanceEval.Scored> search(String text, int depth) throws IOException {
    return Bm25Peer.top(searcher, query(text), depth);
  }

  /** One SHOULD combined-field clause per analysed token. */
  Query query(String text) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    // Both fields use the same analyzer, so the body's analysis of the text serves both.
    for (String term : Bm25Peer.terms(analyzer, BODY, text)) {
      b.add(new CombinedFieldQuery.Builder(term).addField(HEADLINE, HEADLINE_WEIGHT).addField(BODY, 1f).build(),
          Occur.SHOULD);
    }
    return b.build();
  }

  @Override
  public void close() throws IOException {
    try (dir; analyzer) {
      reader.close();
    }
  }
}
