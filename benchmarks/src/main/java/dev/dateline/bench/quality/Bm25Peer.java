package dev.dateline.bench.quality;

import dev.dateline.Article;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * The textbook peer: raw Lucene with one text field (headline, if any, and body), Lucene's {@link
 * EnglishAnalyzer} (standard tokenizer, lower case, English stop words, possessives, Porter
 * stemmer) and {@link BM25Similarity} with k1 = 1.2, b = 0.75. A query is the analysed topic text
 * as a {@link BooleanQuery} of SHOULD {@link TermQuery} clauses, one per token occurrence (a term
 * repeated in the topic gets one clause per occurrence, as Lucene's classic QueryParser builds it),
 * so any matching term retrieves a document. Nothing of Dateline is used but the parsed articles.
 *
 * <p>{@link #Bm25Peer(List, Similarity)} builds the same peer with another similarity (the
 * {@code lm-dirichlet} system of {@link ReutersEval}).
 */
final class Bm25Peer implements AutoCloseable {
  static final String ID = "id";
  static final String TEXT = "text";
  static final float K1 = 1.2f;
  static final float B = 0.75f;

  private final Directory dir = new ByteBuffersDirectory();
  private final Analyzer analyzer = new EnglishAnalyzer();
  private final DirectoryReader reader;
  private final IndexSearcher searcher;

  Bm25Peer(List<Article> articles) throws IOException {
    this(articles, new BM25Similarity(K1, B));
  }

  /** The same index and queries, scored by {@code similarity} instead of BM25. */
  Bm25Peer(List<Article> articles, Similarity similarity) throws IOException {
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer).setSimilarity(similarity))) {
      for (Article a : articles) {
        Document doc = new Document();
        doc.add(new StringField(ID, a.id(), Field.Store.YES));
        String text = a.headline() == null ? a.bodyText() : a.headline() + "\n\n" + a.bodyText();
        doc.add(new TextField(TEXT, text, Field.Store.NO));
        w.addDocument(doc);
      }
    }
    reader = DirectoryReader.open(dir);
    searcher = new IndexSearcher(reader);
    searcher.setSimilarity(similarity);
  }

  /** The top {@code depth} documents for the topic text, best first; empty when no term matches. */
  List<RelevanceEval.Scored> search(String text, int depth) throws IOException {
    return top(searcher, query(text), depth);
  }

  /** The top {@code depth} documents of {@code q}, best first, by their stored {@link #ID}. */
  static List<RelevanceEval.Scored> top(IndexSearcher searcher, Query q, int depth) throws IOException {
    TopDocs top = searcher.search(q, depth);
    StoredFields stored = searcher.storedFields();
    List<RelevanceEval.Scored> out = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc sd : top.scoreDocs) {
      out.add(new RelevanceEval.Scored(stored.document(sd.doc).get(ID), sd.score));
    }
    return out;
  }

  /** SHOULD term clauses over the analysed text. */
  Query query(String text) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String term : terms(analyzer, TEXT, text)) {
      b.add(new TermQuery(new Term(TEXT, term)), Occur.SHOULD);
    }
    return b.build();
  }

  /** The tokens {@code analyzer} makes of {@code text} for {@code field}, one per occurrence, in order. */
  static List<String> terms(Analyzer analyzer, String field, String text) {
    List<String> terms = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        terms.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return terms;
  }

  @Override
  public void close() throws IOException {
    try (dir; analyzer) {
      reader.close();
    }
  }
}
