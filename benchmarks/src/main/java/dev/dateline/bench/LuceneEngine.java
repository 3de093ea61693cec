package dev.dateline.bench;

import dev.dateline.Article;
import dev.dateline.Entity;
import dev.dateline.EntityExtractor;
import dev.dateline.NewsIndex;
import dev.dateline.SearchField;
import dev.dateline.internal.index.NameAnalyzer;
import dev.dateline.internal.index.NewsAnalyzer;
import dev.dateline.internal.index.Schema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.IndexSortSortedNumericDocValuesRangeQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The floor: the same index and the same queries written by hand against Lucene's {@link
 * IndexWriter} and {@link IndexSearcher}, with Dateline's analyzers ({@link NewsAnalyzer} for text,
 * {@link NameAnalyzer} for names), fields (including the combined field {@value #ALL_TEXT}), BM25
 * parameters, index sort and hit fields, and none of the facade (no query parsing, no searcher
 * manager, no timeout, no cursor encoding, no hit records).
 */
final class LuceneEngine {
  static final String ID = "id";
  static final String URL = "url";
  static final String SOURCE = "source";
  static final String SECTION = "section";
  static final String TAG = "tag";
  static final String DATELINE = "dateline";
  static final String AUTHORS = "authors";
  static final String CREDITS = "credits";
  static final String PUBLISHED = "published";
  static final String ENTITIES = "entities";
  static final String PERSON = "person";
  static final String PLACE = "place";
  static final String ORG = "org";
  /** The combined field that text without a field is searched in (Dateline's {@code IndexFields.ALL_TEXT}). */
  static final String ALL_TEXT = "all_text";
  static final Set<String> HIT_FIELDS =
      Set.of(ID, URL, SOURCE, SECTION, DATELINE, PUBLISHED, "headline", "byline", ENTITIES);
  /** Dateline's schema, used only to turn query text into terms the same way. */
  private static final Schema TERMS = new Schema(Integer.MAX_VALUE);
  /** Dateline's BM25 parameters: its defaults, read from the library so the two cannot drift. */
  static final float BM25_K1 = NewsIndex.Options.defaults().bm25K1();
  static final float BM25_B = NewsIndex.Options.defaults().bm25B();
  static final int TOTAL_HITS_THRESHOLD = 1000;

  private LuceneEngine() {}

  static Analyzer analyzer() {
    NameAnalyzer names = new NameAnalyzer();
    return new PerFieldAnalyzerWrapper(new NewsAnalyzer(), Map.of(
        PERSON, names, PLACE, names, ORG, names, SOURCE, names, SECTION, names, TAG, names));
  }

  static Sort sort(boolean newest) {
    SortField id = new SortField(ID, SortField.Type.STRING, false);
    if (newest) {
      return new Sort(LongField.newSortField(PUBLISHED, true, SortedNumericSelector.Type.MIN, Long.MIN_VALUE), id);
    }
    return new Sort(SortField.FIELD_SCORE, id);
  }

  static String entityField(dev.dateline.EntityType type) {
    return switch (type) {
      case PERSON -> PERSON;
      case PLACE -> PLACE;
      case ORG -> ORG;
    };
  }

  /** A hand-written writer with the settings of Dateline's: same fields, index sort, RAM buffer. */
  static final class Writer implements Engine.Indexer {
    private final Directory dir;
    private final IndexWriter writer;
    private final EntityExtractor extractor;

    Writer(Path path, boolean extract) throws IOException {
      this.dir = FSDirectory.open(path);
      this.extractor = extract ? EntityExtractor.standard() : null;
      this.writer = new IndexWriter(dir, new IndexWriterConfig(analyzer())
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
          .setIndexSort(sort(true))
          .setRAMBufferSizeMB(64));
    }

    @Override
    public void add(Article a) throws IOException {
      List<Entity> entities = extractor != null && a.entities().isEmpty() ? extractor.extract(a) : a.entities();
      // Same upsert semantics as NewsIndex.add.
      writer.updateDocument(new Term(ID, a.id()), document(a, entities));
    }

    static Document document(Article a, List<Entity> entities) {
      Document doc = new Document();
      doc.add(new StringField(ID, a.id(), Field.Store.YES));
      doc.add(new SortedDocValuesField(ID, new BytesRef(a.id())));
      if (a.url() != null) {
        doc.add(new StoredField(URL, a.url()));
      }
      if (a.source() != null) {
        doc.add(new TextField(SOURCE, a.source(), Field.Store.YES));
        doc.add(new SortedSetDocValuesField("facet.source", new BytesRef(a.source())));
      }
      if (a.section() != null) {
        doc.add(new TextField(SECTION, a.section(), Field.Store.YES));
      }
      for (String tag : a.tags()) {
        doc.add(new TextField(TAG, tag, Field.Store.YES));
      }
      Map<SearchField, List<String>> text = new EnumMap<>(SearchField.class);
      text.put(SearchField.HEADLINE, text(doc, SearchField.HEADLINE, a.headline()));
      text.put(SearchField.BULLETS, texts(doc, SearchField.BULLETS, a.bullets()));
      text.put(SearchField.SUBHEADS, texts(doc, SearchField.SUBHEADS, a.subheads()));
      text.put(SearchField.BODY, texts(doc, SearchField.BODY, a.body()));
      text.put(SearchField.CAPTIONS, texts(doc, SearchField.CAPTIONS, a.captions()));
      List<String> byline = new ArrayList<>(text(doc, SearchField.BYLINE, a.byline()));
      for (String author : a.authors()) {
        doc.add(new StoredField(AUTHORS, author));
        doc.add(new TextField("byline", author, Field.Store.NO));
        byline.add(author);
      }
      text.put(SearchField.BYLINE, byline);
      allText(doc, text);
      if (a.dateline() != null) {
        doc.add(new StoredField(DATELINE, a.dateline()));
        doc.add(new TextField(PLACE, a.dateline(), Field.Store.NO));
      }
      for (String credit : a.credits()) {
        doc.add(new StoredField(CREDITS, credit));
        doc.add(new TextField(ORG, credit, Field.Store.NO));
      }
      if (a.published() != null) {
        doc.add(new LongField(PUBLISHED, a.published().toEpochMilli(), Field.Store.YES));
      }
      for (Entity e : entities) {
        StringBuilder stored = new StringBuilder(e.type().key()).append('\u001f').append(e.name())
            .append('\u001f').append(e.mentions());
        e.aliases().forEach(alias -> stored.append('\u001f').append(alias));
        doc.add(new StoredField(ENTITIES, stored.toString()));
        String field = entityField(e.type());
        doc.add(new TextField(field, e.name(), Field.Store.NO));
        e.aliases().forEach(alias -> doc.add(new TextField(field, alias, Field.Store.NO)));
        doc.add(new SortedSetDocValuesField("facet.entity", new BytesRef(e.type().key() + '\u001f' + e.name())));
      }
      return doc;
    }

    /** Adds a single-valued text field, stored, unless null; returns the value added. */
    private static List<String> text(Document doc, SearchField field, String value) {
      if (value == null) {
        return List.of();
      }
      doc.add(new TextField(field.key(), value, Field.Store.YES));
      return List.of(value);
    }

    /** Adds the non-empty values of a multi-valued text field, stored; returns them. */
    private static List<String> texts(Document doc, SearchField field, List<String> values) {
      List<String> added = new ArrayList<>(values.size());
      for (String v : values) {
        if (!v.isEmpty()) {
          doc.add(new TextField(field.key(), v, Field.Store.YES));
          added.add(v);
        }
      }
      return added;
    }

    /**
     * The combined field {@value #ALL_TEXT}: the values of each text field, fields in {@link
     * SearchField} order, repeated as many times as the field's default boost (headline 3,
     * bullets and subheads 2, the others 1), so term frequencies and length add up as BM25F
     * weighs the fields. Not stored; the analyzer's position gap separates the values, as in the
     * fields themselves.
     */
    private static void allText(Document doc, Map<SearchField, List<String>> text) {
      text.forEach((field, values) -> {
        for (int copy = 0; copy < Math.round(field.defaultBoost()); copy++) {
          values.forEach(v -> doc.add(new TextField(ALL_TEXT, v, Field.Store.NO)));
        }
      });
    }

    @Override
    public void close() throws IOException {
      try (dir; writer) {
        writer.commit();
      }
    }
  }

  /** One {@link DirectoryReader} and {@link IndexSearcher} shared by all threads. */
  static final class Reader implements Engine.Searcher {
    private final Directory dir;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Analyzer analyzer = analyzer();
    private final UnifiedHighlighter highlighter;

    Reader(Path path) throws IOException {
      this.dir = FSDirectory.open(path);
      this.reader = DirectoryReader.open(dir);
      this.searcher = new IndexSearcher(reader);
      searcher.setSimilarity(new BM25Similarity(BM25_K1, BM25_B));
      this.highlighter = new UnifiedHighlighter(UnifiedHighlighter.builder(searcher, analyzer)
          .withFormatter(new DefaultPassageFormatter("<em>", "</em>", " … ", false))
          .withMaxNoHighlightPassages(1)
          .withMaxLength(100_000)) {
        /** A stored field is marked with the query's terms on it and on {@value #ALL_TEXT}, as in Dateline. */
        @Override
        protected Predicate<String> getFieldMatcher(String field) {
          return queryField -> queryField.equals(field) || queryField.equals(ALL_TEXT);
        }
      };
    }

    @Override
    public Engine.Prepared prepare(BenchQuery q) throws IOException {
      if (q.page() == 1) {
        return new Engine.Prepared(q, null);
      }
      TopFieldDocs before = searcher.search(query(q),
          new TopFieldCollectorManager(sort(q.newest()), q.offset(), null, TOTAL_HITS_THRESHOLD));
      return new Engine.Prepared(q, before.scoreDocs[before.scoreDocs.length - 1]);
    }

    @Override
    public Engine.Hits search(Engine.Prepared p) throws IOException {
      BenchQuery q = p.query();
      Query query = query(q);
      TopFieldDocs top = searcher.search(query,
          new TopFieldCollectorManager(sort(q.newest()), q.limit(), (FieldDoc) p.cursor(), TOTAL_HITS_THRESHOLD));
      ScoreDoc[] docs = top.scoreDocs;
      String[] snippets = q.highlight() ? snippets(q, docs) : new String[docs.length];
      StoredFields stored = searcher.storedFields();
      List<Engine.Hit> hits = new ArrayList<>(docs.length);
      for (int i = 0; i < docs.length; i++) {
        Document d = stored.document(docs[i].doc, HIT_FIELDS);
        hits.add(new Engine.Hit(d.get(ID), d.get("headline"), d.getField(PUBLISHED).numericValue().longValue(),
            d.get(SOURCE), snippets[i]));
      }
      return new Engine.Hits(top.totalHits.value(), hits);
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
          highlighter.highlightFields(new String[] {"body", "bullets"}, text, ids, new int[] {2, 1});
      for (int i = 0; i < docs.length; i++) {
        String body = byField.get("body")[i];
        String bullets = byField.get("bullets")[i];
        out[i] = body != null && body.contains("<em>") ? body
            : bullets != null && bullets.contains("<em>") ? bullets : body != null ? body : bullets;
      }
      return out;
    }

    /** Text AND date filter AND entity filters. */
    Query query(BenchQuery q) {
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      if (!q.words().isEmpty()) {
        b.add(text(q), Occur.MUST);
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
      return b.build();
    }

    /**
     * The words (or the phrase) in the query's one field, or without a field in {@value
     * #ALL_TEXT}: all words required, except for {@link BenchQuery.Kind#TERMS_2_3_RANKED}, where
     * any word matches (plain OR: the articles Dateline's ranked operator matches when no word is
     * a stop word; its all-words bonus and proximity clauses, which only reorder, are left out).
     */
    private Query text(BenchQuery q) {
      String field = q.field() == null ? ALL_TEXT : q.field().key();
      if (q.phrase()) {
        return phrase(field, String.join(" ", q.words()), true);
      }
      if (q.words().size() == 1) {
        return phrase(field, q.words().get(0), false);
      }
      Occur occur = q.kind().ranked() ? Occur.SHOULD : Occur.MUST;
      BooleanQuery.Builder all = new BooleanQuery.Builder();
      q.words().forEach(w -> all.add(phrase(field, w, false), occur));
      return all.build();
    }

    /**
     * A term query for one token, a phrase query for several; quoted phrases ({@code exact}) use
     * the exact forms {@link NewsAnalyzer} indexes beside stems, as Dateline does.
     */
    private Query phrase(String field, String text, boolean exact) {
      List<String> tokens = analyze(field, text, exact);
      if (tokens.size() == 1) {
        return new TermQuery(new Term(field, tokens.get(0)));
      }
      return new PhraseQuery(field, tokens.toArray(String[]::new));
    }

    /**
     * One token per position: the exact form where there is one and {@code exact}, else the stem.
     * Term extraction is the one piece taken from Dateline ({@link Schema#analyze}) rather than
     * written again: it is analysis, not query execution, and both peers must agree on it.
     */
    private List<String> analyze(String field, String text, boolean exact) {
      return TERMS.analyze(field, text, exact);
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
