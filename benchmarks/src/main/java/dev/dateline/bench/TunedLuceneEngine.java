package dev.dateline.bench;

import dev.dateline.Article;
import dev.dateline.Entity;
import dev.dateline.EntityExtractor;
import dev.dateline.SearchField;
import dev.dateline.internal.index.NameAnalyzer;
import dev.dateline.internal.index.NewsAnalyzer;
import dev.dateline.internal.index.Schema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.IndexSortSortedNumericDocValuesRangeQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The "tuned" raw-Lucene peer: what an expert would hand-write for the same search page, as the
 * lower bound Dateline is measured against (issue 12).
 *
 * <ul>
 *   <li>One combined text field {@value #TEXT} (the six text fields' values, each repeated by its
 *       weight as in Dateline's {@code all_text}, so BM25 (k1 1.2, b 0.75) scores alike), plus a
 *       headline-only field for {@code headline:} queries; no other per-field text index.
 *   <li>Entity fields ({@code person}, {@code place}, {@code org}), not stored.
 *   <li>A {@link LongField} date; the index is sorted newest first, so newest-first queries stop
 *       after the first hits of each segment.
 *   <li>Top hits by {@link IndexSearcher#search(Query, int)} (score, ties by doc id) or by the
 *       index sort; per hit only the {@code id} doc value is read.
 *   <li>Only body and bullets are stored, for snippets (read only when a query asks for them).
 * </ul>
 *
 * <p>Matching is Dateline's by construction, so the exact hit counts of every kind can be checked
 * equal ({@link PeerCheck}): the same analyzers ({@link NewsAnalyzer} for text, stems plus exact
 * forms for quoted phrases; {@link NameAnalyzer} for names), the same term extraction ({@link
 * Schema#analyze}) and the same query shapes (all words required; for the ranked kind any word
 * other than an English stop word, which is what Dateline's ranked operator matches).
 */
final class TunedLuceneEngine {
  static final String ID = "id";
  static final String TEXT = "text";
  static final String HEADLINE = "headline";
  static final String BODY = "body";
  static final String BULLETS = "bullets";
  static final String PUBLISHED = "published";
  static final String PERSON = "person";
  static final String PLACE = "place";
  static final String ORG = "org";
  private static final Schema TERMS = new Schema(Integer.MAX_VALUE);

  private TunedLuceneEngine() {}

  static Analyzer analyzer() {
    NameAnalyzer names = new NameAnalyzer();
    return new PerFieldAnalyzerWrapper(new NewsAnalyzer(), Map.of(PERSON, names, PLACE, names, ORG, names));
  }

  static Sort newestFirst() {
    return new Sort(LongField.newSortField(PUBLISHED, true, SortedNumericSelector.Type.MIN, Long.MIN_VALUE));
  }

  static String entityField(dev.dateline.EntityType type) {
    return switch (type) {
      case PERSON -> PERSON;
      case PLACE -> PLACE;
      case ORG -> ORG;
    };
  }

  static final class Writer implements Engine.Indexer {
    private final Directory dir;
    private final IndexWriter writer;
    private final EntityExtractor extractor;

    Writer(Path path, boolean extract) throws IOException {
      this.dir = FSDirectory.open(path);
      this.extractor = extract ? EntityExtractor.standard() : null;
      this.writer = new IndexWriter(dir, new IndexWriterConfig(analyzer())
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
          .setIndexSort(newestFirst())
          .setRAMBufferSizeMB(128));
    }

    @Override
    public void add(Article a) throws IOException {
      List<Entity> entities = extractor != null && a.entities().isEmpty() ? extractor.extract(a) : a.entities();
      writer.updateDocument(new Term(ID, a.id()), document(a, entities));
    }

    static Document document(Article a, List<Entity> entities) {
      Document doc = new Document();
      doc.add(new StringField(ID, a.id(), Field.Store.NO));
      doc.add(new SortedDocValuesField(ID, new BytesRef(a.id())));
      if (a.headline() != null) {
        doc.add(new TextField(HEADLINE, a.headline(), Field.Store.NO));
      }
      for (String b : a.body()) {
        if (!b.isEmpty()) {
          doc.add(new StoredField(BODY, b));
        }
      }
      for (String b : a.bullets()) {
        if (!b.isEmpty()) {
          doc.add(new StoredField(BULLETS, b));
        }
      }
      weighted(doc, SearchField.HEADLINE, a.headline() == null ? List.of() : List.of(a.headline()));
      weighted(doc, SearchField.BULLETS, a.bullets());
      weighted(doc, SearchField.SUBHEADS, a.subheads());
      weighted(doc, SearchField.BODY, a.body());
      weighted(doc, SearchField.CAPTIONS, a.captions());
      List<String> byline = new ArrayList<>();
      if (a.byline() != null) {
        byline.add(a.byline());
      }
      byline.addAll(a.authors());
      weighted(doc, SearchField.BYLINE, byline);
      if (a.dateline() != null) {
        doc.add(new TextField(PLACE, a.dateline(), Field.Store.NO));
      }
      for (String credit : a.credits()) {
        doc.add(new TextField(ORG, credit, Field.Store.NO));
      }
      if (a.published() != null) {
        doc.add(new LongField(PUBLISHED, a.published().toEpochMilli(), Field.Store.NO));
      }
      for (Entity e : entities) {
        String field = entityField(e.type());
        doc.add(new TextField(field, e.name(), Field.Store.NO));
        e.aliases().forEach(alias -> doc.add(new TextField(field, alias, Field.Store.NO)));
      }
      return doc;
    }

    /** The field's non-empty values in {@value #TEXT}, as many times as its weight. */
    private static void weighted(Document doc, SearchField field, List<String> values) {
      int copies = Math.round(field.defaultBoost());
      for (int c = 0; c < copies; c++) {
        for (String v : values) {
          if (!v.isEmpty()) {
            doc.add(new TextField(TEXT, v, Field.Store.NO));
          }
        }
      }
    }

    @Override
    public void close() throws IOException {
      try (dir; writer) {
        writer.commit();
      }
    }
  }

  static final class Reader implements Engine.Searcher {
    private final Directory dir;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final UnifiedHighlighter highlighter;

    Reader(Path path) throws IOException {
      this.dir = FSDirectory.open(path);
      this.reader = DirectoryReader.open(dir);
      this.searcher = new IndexSearcher(reader);
      searcher.setSimilarity(new BM25Similarity(LuceneEngine.BM25_K1, LuceneEngine.BM25_B));
      searcher.setQueryCache(null);
      this.highlighter = new UnifiedHighlighter(UnifiedHighlighter.builder(searcher, analyzer())
          .withFormatter(new DefaultPassageFormatter("<em>", "</em>", " … ", false))
          .withMaxNoHighlightPassages(1)
          .withMaxLength(10_000)) {
        @Override
        protected Predicate<String> getFieldMatcher(String field) {
          return queryField -> queryField.equals(field) || queryField.equals(TEXT);
        }
      };
    }

    @Override
    public Engine.Prepared prepare(BenchQuery q) throws IOException {
      if (q.page() == 1) {
        return new Engine.Prepared(q, null);
      }
      Query query = query(q);
      TopDocs before = q.newest()
          ? searcher.search(query, q.offset(), newestFirst(), false)
          : searcher.search(query, q.offset());
      return new Engine.Prepared(q, before.scoreDocs[before.scoreDocs.length - 1]);
    }

    @Override
    public Engine.Hits search(Engine.Prepared p) throws IOException {
      BenchQuery q = p.query();
      Query query = query(q);
      ScoreDoc after = (ScoreDoc) p.cursor();
      TopDocs top = q.newest()
          ? after == null ? searcher.search(query, q.limit(), newestFirst(), false)
              : searcher.searchAfter(after, query, q.limit(), newestFirst(), false)
          : after == null ? searcher.search(query, q.limit()) : searcher.searchAfter(after, query, q.limit());
      ScoreDoc[] docs = top.scoreDocs;
      String[] snippets = q.highlight() ? snippets(q, docs) : new String[docs.length];
      String[] ids = ids(docs);
      List<Engine.Hit> hits = new ArrayList<>(docs.length);
      for (int i = 0; i < docs.length; i++) {
        hits.add(new Engine.Hit(ids[i], null, Long.MIN_VALUE, null, snippets[i]));
      }
      return new Engine.Hits(top.totalHits.value(), hits);
    }

    /** The {@code id} doc value of each hit (the only thing read per hit). */
    private String[] ids(ScoreDoc[] docs) throws IOException {
      String[] out = new String[docs.length];
      List<LeafReaderContext> leaves = reader.leaves();
      for (int i = 0; i < docs.length; i++) {
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[i].doc, leaves));
        SortedDocValues ids = leaf.reader().getSortedDocValues(ID);
        if (ids.advanceExact(docs[i].doc - leaf.docBase)) {
          out[i] = ids.lookupOrd(ids.ordValue()).utf8ToString();
        }
      }
      return out;
    }

    private String[] snippets(BenchQuery q, ScoreDoc[] docs) throws IOException {
      String[] out = new String[docs.length];
      if (docs.length == 0) {
        return out;
      }
      int[] ids = new int[docs.length];
      for (int i = 0; i < docs.length; i++) {
        ids[i] = docs[i].doc;
      }
      Query text = q.words().isEmpty() ? new MatchAllDocsQuery() : text(q);
      Map<String, String[]> byField =
          highlighter.highlightFields(new String[] {BODY, BULLETS}, text, ids, new int[] {2, 1});
      for (int i = 0; i < docs.length; i++) {
        String body = byField.get(BODY)[i];
        String bullets = byField.get(BULLETS)[i];
        out[i] = body != null && body.contains("<em>") ? body
            : bullets != null && bullets.contains("<em>") ? bullets : body != null ? body : bullets;
      }
      return out;
    }

    Query query(BenchQuery q) {
      Query text = q.words().isEmpty() ? null : text(q);
      if (text != null && q.from() == null && q.entities().isEmpty()) {
        return text;
      }
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      if (text != null) {
        b.add(text, Occur.MUST);
      }
      if (q.from() != null) {
        long lo = q.from().toEpochMilli();
        long hi = q.to().toEpochMilli();
        b.add(new IndexSortSortedNumericDocValuesRangeQuery(PUBLISHED, lo, hi,
            LongField.newRangeQuery(PUBLISHED, lo, hi)), Occur.FILTER);
      }
      for (BenchQuery.EntityFilter e : q.entities()) {
        b.add(phrase(entityField(e.type()), e.name(), false), Occur.FILTER);
      }
      Query built = b.build();
      return text == null ? new ConstantScoreQuery(built) : built;
    }

    /**
     * The words in {@value #TEXT} (or {@value #HEADLINE} for the headline kind): all required, a
     * phrase of exact forms when quoted, and for the ranked kind any word but stop words.
     */
    private Query text(BenchQuery q) {
      String field = q.field() == null ? TEXT : q.field() == SearchField.HEADLINE ? HEADLINE : null;
      if (field == null) {
        throw new IllegalArgumentException("the tuned peer searches no " + q.field() + " field");
      }
      if (q.phrase()) {
        return phrase(field, String.join(" ", q.words()), true);
      }
      List<String> words = q.words();
      if (q.kind().ranked()) {
        List<String> content = words.stream()
            .filter(w -> !EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(w.toLowerCase(Locale.ROOT))).toList();
        words = content.isEmpty() ? words : content;
      }
      if (words.size() == 1) {
        return phrase(field, words.get(0), false);
      }
      Occur occur = q.kind().ranked() ? Occur.SHOULD : Occur.MUST;
      BooleanQuery.Builder all = new BooleanQuery.Builder();
      words.forEach(w -> all.add(phrase(field, w, false), occur));
      return all.build();
    }

    private Query phrase(String field, String text, boolean exact) {
      List<String> tokens = TERMS.analyze(field, text, exact);
      if (tokens.size() == 1) {
        return new TermQuery(new Term(field, tokens.get(0)));
      }
      return new PhraseQuery(field, tokens.toArray(String[]::new));
    }

    @Override
    public long count(BenchQuery q) throws IOException {
      return searcher.count(query(q));
    }

    @Override
    public void close() throws IOException {
      try (dir) {
        reader.close();
      }
    }
  }
}
