package dev.dateline.internal.index;

import dev.dateline.Article;
import dev.dateline.Entity;
import dev.dateline.EntityType;
import dev.dateline.FacetDimension;
import dev.dateline.IndexFields;
import dev.dateline.InvalidArticleException;
import dev.dateline.SearchField;
import dev.dateline.internal.story.Fingerprint;
import dev.dateline.internal.story.StoryRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSortSortedNumericDocValuesRangeQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

/**
 * The index schema: the analyzer of each field, the mapping of an {@link Article} to a Lucene
 * {@link Document} and back, and the queries and sorts over those fields. The names of the public
 * fields are defined (and their indexing documented for callers) in {@link IndexFields}; this class
 * re-exports them and owns how the fields are built. No other class spells a field name.
 *
 * <table>
 *   <caption>Fields</caption>
 *   <tr><th>field</th><th>indexed as</th><th>used for</th></tr>
 *   <tr><td>id</td><td>StringField + sorted doc values</td><td>update/delete, tie-break, cursor</td></tr>
 *   <tr><td>headline, bullets, subheads, body, captions, byline</td><td>text ({@link NewsAnalyzer}), stored
 *   (headline and byline only when the hit summary cuts them); body and bullets with offsets</td><td>field searches ({@code headline:x}), highlighting</td></tr>
 *   <tr><td>all_text</td><td>text ({@link NewsAnalyzer}): each text field's values repeated {@link #weight} times</td><td>unfielded text, scored as BM25F</td></tr>
 *   <tr><td>published</td><td>{@link LongField} (points + doc values); epoch millis</td><td>date filters, date sorts, index sort</td></tr>
 *   <tr><td>hit</td><td>binary doc value ({@link HitSummary}): id, headline, published, source,
 *   byline, url, section, entities; these are stored fields too only when the summary cuts them</td><td>hit fields; with the stored fields, the whole article</td></tr>
 *   <tr><td>person, place, org</td><td>text ({@link NameAnalyzer}) over canonical names and aliases</td><td>entity filters</td></tr>
 *   <tr><td>source, section, tag</td><td>text ({@link NameAnalyzer})</td><td>source/section/tag filters</td></tr>
 *   <tr><td>facet.source, facet.entity</td><td>sorted-set doc values</td><td>statistics, source facet</td></tr>
 *   <tr><td>facet.section, facet.tag, facet.language, facet.author, facet.dateline, facet.person,
 *   facet.place, facet.org</td><td>sorted-set doc values (canonical names for entities)</td><td>facet counts</td></tr>
 *   <tr><td>story.fingerprint</td><td>binary doc values (MinHash of the body and bullets)</td><td>rebuilding stories on open</td></tr>
 *   <tr><td>story.key</td><td>numeric doc values (hash of the story root's id), updated in place
 *   only when the article moves to another story</td><td>collapse, story details (counted at read time), timeline</td></tr>
 * </table>
 *
 * <p>The dateline place is also indexed as a place, and credited agencies as organisations, so
 * {@code place:kyiv} finds stories filed from Kyiv and {@code org:reuters} finds Reuters copy.
 *
 * <p>The index is sorted by publication time, newest first (then id): newest-first queries stop
 * after the first hits of each segment, and date ranges over the sort field are answered by binary
 * search instead of a scan.
 */
public final class Schema {
  // The public field names are defined, and documented, in IndexFields; these are the same.
  public static final String ID = IndexFields.ID;
  public static final String URL = IndexFields.URL;
  public static final String SOURCE = IndexFields.SOURCE;
  public static final String SECTION = IndexFields.SECTION;
  public static final String TAG = IndexFields.TAG;
  public static final String LANGUAGE = IndexFields.LANGUAGE;
  public static final String DATELINE = IndexFields.DATELINE;
  public static final String AUTHORS = IndexFields.AUTHORS;
  public static final String CREDITS = IndexFields.CREDITS;
  public static final String PUBLISHED = IndexFields.PUBLISHED;
  public static final String UPDATED = IndexFields.UPDATED;
  public static final String ALL_TEXT = IndexFields.ALL_TEXT;
  /** Stored encoding of the article's entities (see {@link #encodeEntity}). */
  public static final String ENTITIES = "entities";
  /** Binary doc value with what a search hit shows ({@link HitSummary}). */
  public static final String HIT = "hit";
  public static final String FACET_SOURCE = IndexFields.FACET_SOURCE;
  public static final String FACET_ENTITY = IndexFields.FACET_ENTITY;
  /** Sorted-set doc values of each facet dimension except source ({@link #FACET_SOURCE}). */
  public static final String FACET_SECTION = "facet.section";
  public static final String FACET_TAG = "facet.tag";
  public static final String FACET_LANGUAGE = "facet.language";
  public static final String FACET_AUTHOR = "facet.author";
  public static final String FACET_DATELINE = "facet.dateline";
  public static final String FACET_PERSON = "facet.person";
  public static final String FACET_PLACE = "facet.place";
  public static final String FACET_ORG = "facet.org";
  /** Binary doc value: the article's MinHash fingerprint ({@link Fingerprint}). */
  public static final String STORY_FINGERPRINT = "story.fingerprint";
  /**
   * Numeric doc value: the key of the article's story ({@link StoryRegistry#key} of its root's
   * id), updatable. The story's size, sources and first member are not stored: they are counted
   * from its members when read, so adding a member never rewrites the others.
   */
  public static final String STORY_KEY = "story.key";

  /**
   * Most values indexed and stored per multi-valued field (body paragraphs, bullets, captions,
   * subheads, tags, authors, credits, entities); later values are dropped, so an article with
   * 100,000 bullets cannot make one document huge.
   */
  public static final int MAX_FIELD_VALUES = 1000;

  /**
   * Longest language code accepted, and longest value kept in a statistics facet, in characters
   * (Lucene cannot index a single term or doc value over 32,766 bytes).
   */
  public static final int MAX_KEYWORD_CHARS = 1000;

  /** Separates the parts of an encoded entity and of an entity facet value. */
  private static final char SEP = '\u001f';

  private static final NewsAnalyzer TEXT_ANALYZER = new NewsAnalyzer();
  private static final NameAnalyzer NAME_ANALYZER = new NameAnalyzer();

  /** The fields analysed with {@link NameAnalyzer}; every other analysed field is text. */
  private static final Set<String> NAME_FIELDS =
      Set.of(
          IndexFields.PERSON, IndexFields.PLACE, IndexFields.ORG, SOURCE, SECTION, TAG);

  private final int maxFieldChars;
  private final Analyzer analyzer;

  /**
   * @param maxFieldChars longest text indexed and stored for one field value; longer values are
   *     truncated (at a word boundary) so a pathological article cannot exhaust the heap
   */
  public Schema(int maxFieldChars) {
    this.maxFieldChars = maxFieldChars;
    Map<String, Analyzer> perField = new HashMap<>();
    for (String name : NAME_FIELDS) {
      perField.put(name, NAME_ANALYZER);
    }
    this.analyzer = new PerFieldAnalyzerWrapper(TEXT_ANALYZER, perField);
  }

  /** The analyzer for every field, for the IndexWriter, the query builder and the highlighter. */
  public Analyzer analyzer() {
    return analyzer;
  }

  /** Whether {@code field} is analysed with {@link NameAnalyzer} (else, if analysed, text). */
  public static boolean isNameField(String field) {
    return NAME_FIELDS.contains(field);
  }

  public int maxFieldChars() {
    return maxFieldChars;
  }

  /** The Lucene field of a searchable text field. */
  public static String field(SearchField f) {
    return IndexFields.textField(f);
  }

  /** The Lucene field that entity filters of a type search. */
  public static String entityField(EntityType type) {
    return IndexFields.entityField(type);
  }

  // ---------------------------------------------------------------- index format

  /** The commit user-data key under which an index records the format it was built with. */
  static final String FORMAT_KEY = "dateline.format";

  /**
   * The index format: which fields exist and how text is analysed. Raised when an index built
   * before would answer queries wrongly: 2 added {@link #ALL_TEXT} and changed the stemming; 3
   * added the facet doc values ({@link #facetField}); 4 indexes offsets in the postings of the
   * fields snippets are cut from ({@link #highlighted}), which the highlighter reads instead of
   * analysing each hit's text again; 5 stores the id, url, source, section, headline, byline,
   * publication time and entities only where the hit summary ({@link #HIT}) had to cut them (an
   * older build would read articles without them). An index that detects stories also has the story fields
   * ({@link #STORY_KEY}, {@link #STORY_FINGERPRINT}) and says so under {@link #STORIES_KEY}; one
   * that does not is the same as one built before stories existed.
   */
  static final String FORMAT = "5";

  /**
   * The codec the index is written with: Lucene's default (stored fields compressed with LZ4), or,
   * for {@code compact} storage, {@link DatelineCodec} (stored fields compressed with DEFLATE in
   * small blocks). Both are found by name when a segment is read, so an index may mix them.
   */
  public static org.apache.lucene.codecs.Codec codec(boolean compact) {
    return compact ? DatelineCodec.INSTANCE : org.apache.lucene.codecs.Codec.getDefault();
  }

  /** The commit user-data key under which an index records whether it detects stories. */
  static final String STORIES_KEY = "dateline.stories";

  /** What the writer records in every commit. */
  public static Map<String, String> formatCommitData(boolean stories) {
    return Map.of(FORMAT_KEY, FORMAT, STORIES_KEY, Boolean.toString(stories));
  }

  /**
   * Whether the index in {@code dir} detects stories, as its latest commit records: null when
   * there is no index or it has no documents yet (the setting is then free to choose).
   *
   * @throws IOException if the latest commit cannot be read
   */
  public static Boolean recordedStories(Directory dir) throws IOException {
    if (!DirectoryReader.indexExists(dir)) {
      return null;
    }
    SegmentInfos infos = SegmentInfos.readLatestCommit(dir);
    if (infos.totalMaxDoc() == 0) {
      return null;
    }
    return Boolean.parseBoolean(infos.getUserData().get(STORIES_KEY));
  }

  /** An index holds documents in another format than this version writes and reads. */
  public static final class FormatMismatchException extends IOException {
    public FormatMismatchException(String message) {
      super(message);
    }
  }

  /**
   * Checks that the index in {@code dir}, if there is one with documents, was built in this
   * version's {@link #FORMAT}. An empty index, or none, is fine: it gets the format with its
   * first commit.
   *
   * @throws FormatMismatchException if the documents were indexed in another format
   * @throws IOException if the latest commit cannot be read
   */
  public static void checkFormat(Directory dir) throws IOException {
    if (!DirectoryReader.indexExists(dir)) {
      return;
    }
    SegmentInfos infos = SegmentInfos.readLatestCommit(dir);
    String format = infos.getUserData().get(FORMAT_KEY);
    if (infos.totalMaxDoc() > 0 && !FORMAT.equals(format)) {
      throw new FormatMismatchException(
          "was built by "
              + (format == null ? "an earlier version of Dateline" : "Dateline index format " + format)
              + ", and this version reads format "
              + FORMAT
              + ": rebuild it from the articles (dateline index)");
    }
  }

  // ---------------------------------------------------------------- Article -> Document

  /** Maps an article to the Lucene document that represents it. */
  public Document toDocument(Article a) {
    Document doc = new Document();
    // The id, url, source, section, headline, byline, publication time and entities are read back
    // from the hit summary (HIT) and stored only when the summary had to cut them (format 5).
    if (!HitSummary.holds(a.id())) {
      throw new AssertionError("article id longer than a hit summary holds: " + a.id().length());
    }
    doc.add(new StringField(ID, a.id(), Field.Store.NO));
    doc.add(new SortedDocValuesField(ID, new BytesRef(a.id())));
    if (a.url() != null && !HitSummary.holds(a.url())) {
      doc.add(new StoredField(URL, a.url()));
    }
    if (a.source() != null) {
      doc.add(new TextField(SOURCE, a.source(), store(a.source())));
      doc.add(new SortedSetDocValuesField(FACET_SOURCE, new BytesRef(cut(a.source(), MAX_KEYWORD_CHARS))));
    }
    if (a.section() != null) {
      doc.add(new TextField(SECTION, a.section(), store(a.section())));
    }
    for (String tag : capped(a.tags())) {
      doc.add(new TextField(TAG, tag, Field.Store.YES));
    }
    if (a.language() != null) {
      if (a.language().length() > MAX_KEYWORD_CHARS) {
        throw new InvalidArticleException(
            "language",
            "longer than " + MAX_KEYWORD_CHARS + " characters (" + a.language().length() + ")");
      }
      doc.add(new StringField(LANGUAGE, a.language().toLowerCase(Locale.ROOT), Field.Store.YES));
    }
    Map<SearchField, List<AnalyzedText>> text = new EnumMap<>(SearchField.class);
    text.put(SearchField.HEADLINE, text(doc, SearchField.HEADLINE, a.headline()));
    text.put(SearchField.BULLETS, texts(doc, SearchField.BULLETS, a.bullets()));
    text.put(SearchField.SUBHEADS, texts(doc, SearchField.SUBHEADS, a.subheads()));
    text.put(SearchField.BODY, texts(doc, SearchField.BODY, a.body()));
    text.put(SearchField.CAPTIONS, texts(doc, SearchField.CAPTIONS, a.captions()));
    List<AnalyzedText> byline = new ArrayList<>(text(doc, SearchField.BYLINE, a.byline()));
    for (String author : capped(a.authors())) {
      doc.add(new StoredField(AUTHORS, author));
      byline.add(textValue(doc, SearchField.BYLINE, author, false));
    }
    text.put(SearchField.BYLINE, byline);
    allText(doc, text);
    if (a.dateline() != null) {
      doc.add(new StoredField(DATELINE, a.dateline()));
      doc.add(new TextField(entityField(EntityType.PLACE), a.dateline(), Field.Store.NO));
    }
    for (String credit : capped(a.credits())) {
      doc.add(new StoredField(CREDITS, credit));
      doc.add(new TextField(entityField(EntityType.ORG), credit, Field.Store.NO));
    }
    if (a.published() != null) {
      // Read back from the hit summary, which holds it exactly.
      doc.add(new LongField(PUBLISHED, a.published().toEpochMilli(), Field.Store.NO));
    }
    if (a.updated() != null) {
      doc.add(new StoredField(UPDATED, a.updated().toEpochMilli()));
    }
    boolean storeEntities = !HitSummary.holdsEntities(capped(a.entities()));
    for (Entity e : capped(a.entities())) {
      if (storeEntities) {
        doc.add(new StoredField(ENTITIES, encodeEntity(e)));
      }
      String f = entityField(e.type());
      doc.add(new TextField(f, e.name(), Field.Store.NO));
      for (String alias : e.aliases()) {
        doc.add(new TextField(f, alias, Field.Store.NO));
      }
      doc.add(new SortedSetDocValuesField(FACET_ENTITY, new BytesRef(entityFacet(e.type(), e.name()))));
    }
    addFacets(doc, a);
    doc.add(new BinaryDocValuesField(HIT, HitSummary.of(a).encode()));
    return doc;
  }

  // ---------------------------------------------------------------- stories

  /** The fingerprint of the text copies share: the body paragraphs and bullets. */
  public static Fingerprint fingerprint(Article a) {
    List<String> texts = new ArrayList<>(a.body());
    texts.addAll(a.bullets());
    return Fingerprint.of(texts);
  }

  /** Adds the story fields to an article's document: its fingerprint and its story root's key. */
  public static void addStory(Document doc, Fingerprint f, String rootId) {
    doc.add(new BinaryDocValuesField(STORY_FINGERPRINT, f.encode()));
    doc.add(new NumericDocValuesField(STORY_KEY, StoryRegistry.key(rootId)));
  }

  /** The doc-values update that moves an existing article to the story with this root. */
  public static Field storyUpdate(String rootId) {
    return new NumericDocValuesField(STORY_KEY, StoryRegistry.key(rootId));
  }

  // ---------------------------------------------------------------- facets

  /** The sorted-set doc values field that holds a facet dimension's values. */
  public static String facetField(FacetDimension d) {
    return switch (d) {
      case SOURCE -> FACET_SOURCE;
      case SECTION -> FACET_SECTION;
      case TAG -> FACET_TAG;
      case LANGUAGE -> FACET_LANGUAGE;
      case AUTHOR -> FACET_AUTHOR;
      case DATELINE -> FACET_DATELINE;
      case PERSON -> FACET_PERSON;
      case PLACE -> FACET_PLACE;
      case ORG -> FACET_ORG;
    };
  }

  /**
   * Adds the facet values of every dimension but source (added with the source field), as {@link
   * #facetValues} gives them.
   */
  private static void addFacets(Document doc, Article a) {
    facetValues(a).forEach(
        (d, values) -> {
          if (d != FacetDimension.SOURCE) {
            for (String v : values) {
              doc.add(new SortedSetDocValuesField(facetField(d), new BytesRef(v)));
            }
          }
        });
  }

  /**
   * The values an article has for each facet dimension, as counted: values as given (language
   * lower-cased as indexed, entities by canonical name), each cut to {@link #MAX_KEYWORD_CHARS},
   * empty ones left out, without repeats (sorted-set doc values keep a set), at most {@link
   * #MAX_FIELD_VALUES} tags, authors and entities as indexed.
   *
   * @param a the article
   * @return the distinct values per dimension, in article order; dimensions without a value absent
   */
  public static Map<FacetDimension, List<String>> facetValues(Article a) {
    Map<FacetDimension, java.util.LinkedHashSet<String>> v = new EnumMap<>(FacetDimension.class);
    facet(v, FacetDimension.SOURCE, a.source());
    facet(v, FacetDimension.SECTION, a.section());
    for (String tag : capped(a.tags())) {
      facet(v, FacetDimension.TAG, tag);
    }
    facet(v, FacetDimension.LANGUAGE, a.language() == null ? null : a.language().toLowerCase(Locale.ROOT));
    for (String author : capped(a.authors())) {
      facet(v, FacetDimension.AUTHOR, author);
    }
    facet(v, FacetDimension.DATELINE, a.dateline());
    for (Entity e : capped(a.entities())) {
      facet(
          v,
          switch (e.type()) {
            case PERSON -> FacetDimension.PERSON;
            case PLACE -> FacetDimension.PLACE;
            case ORG -> FacetDimension.ORG;
          },
          e.name());
    }
    Map<FacetDimension, List<String>> out = new EnumMap<>(FacetDimension.class);
    v.forEach((d, values) -> out.put(d, List.copyOf(values)));
    return out;
  }

  private static void facet(
      Map<FacetDimension, java.util.LinkedHashSet<String>> v, FacetDimension d, String value) {
    if (value != null && !value.isEmpty()) {
      v.computeIfAbsent(d, k -> new java.util.LinkedHashSet<>()).add(cut(value, MAX_KEYWORD_CHARS));
    }
  }

  /**
   * Adds a single-valued text field (headline, byline); returns the value as analysed (none if
   * null). The value is stored only when the hit summary does not hold it as indexed (when it is
   * longer than a summary keeps, or was truncated to {@code maxFieldChars}).
   */
  private List<AnalyzedText> text(Document doc, SearchField f, String value) {
    if (value == null) {
      return List.of();
    }
    String indexed = truncate(value);
    return List.of(textValue(doc, f, indexed, !(indexed.equals(value) && HitSummary.holds(value))));
  }

  /** Stores a keyword value (source, section) only when the hit summary cannot hold it whole. */
  private static Field.Store store(String value) {
    return HitSummary.holds(value) ? Field.Store.NO : Field.Store.YES;
  }

  /**
   * Adds one value of a text field, analysed once: one field, stored if {@code store}, whose
   * indexed tokens {@link #allText} replays for the combined field. Body and bullets, the
   * fields snippets are cut from, index offsets in their postings ({@link #OFFSETS}).
   */
  private static AnalyzedText textValue(Document doc, SearchField f, String value, boolean store) {
    String name = field(f);
    AnalyzedText analyzed = AnalyzedText.of(TEXT_ANALYZER, name, value);
    FieldType type =
        highlighted(f)
            ? (store ? OFFSETS_STORED : OFFSETS)
            : (store ? TextField.TYPE_STORED : TextField.TYPE_NOT_STORED);
    doc.add(new AnalyzedField(name, value, analyzed, type));
    return analyzed;
  }

  /**
   * A text field whose tokens were produced once ({@link AnalyzedText}) and are replayed, not
   * analysed again; it keeps its text as its string value, for those who read a document's values
   * ({@code DatelineLucene.indexedValues}).
   */
  private static final class AnalyzedField extends Field {
    private final AnalyzedText analyzed;

    AnalyzedField(String name, String value, AnalyzedText analyzed, FieldType type) {
      super(name, value, type);
      this.analyzed = analyzed;
    }

    @Override
    public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
      return analyzed.stream();
    }
  }

  /** Whether snippets are cut from the field, so its postings carry offsets. */
  public static boolean highlighted(SearchField f) {
    return f == SearchField.BODY || f == SearchField.BULLETS;
  }

  /**
   * Text indexed with offsets in its postings: the highlighter reads where a query's terms are
   * from the index instead of analysing the stored text of each hit again (format 4).
   */
  private static final FieldType OFFSETS = offsets(false);

  private static final FieldType OFFSETS_STORED = offsets(true);

  private static FieldType offsets(boolean stored) {
    FieldType t = new FieldType(stored ? TextField.TYPE_STORED : TextField.TYPE_NOT_STORED);
    t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    t.freeze();
    return t;
  }

  /**
   * Adds the values of a multi-valued text field: at most {@link #MAX_FIELD_VALUES} of them and at
   * most {@code maxFieldChars} characters in all, the value that crosses the limit truncated.
   * Returns the values as analysed.
   */
  private List<AnalyzedText> texts(Document doc, SearchField f, List<String> values) {
    List<AnalyzedText> indexed = new ArrayList<>();
    int budget = maxFieldChars;
    for (String value : capped(values)) {
      if (budget <= 0) {
        break;
      }
      String t = truncate(value, budget);
      if (!t.isEmpty()) {
        indexed.add(textValue(doc, f, t, true));
      }
      budget -= t.length();
    }
    return indexed;
  }

  /**
   * How many times a text field's values are indexed in {@link #ALL_TEXT}: its default boost
   * ({@link SearchField#defaultBoost()}, a whole number). Repeating a value {@code w} times adds
   * {@code w} times its term frequencies and its length to the combined field, which is exactly
   * how BM25F weights a field (Lucene's {@code CombinedFieldQuery} computes the same sums at
   * search time).
   */
  public static int weight(SearchField f) {
    return WEIGHTS.get(f);
  }

  private static final Map<SearchField, Integer> WEIGHTS = weights();

  private static Map<SearchField, Integer> weights() {
    Map<SearchField, Integer> w = new EnumMap<>(SearchField.class);
    for (SearchField f : SearchField.values()) {
      float boost = f.defaultBoost();
      if (boost < 1 || boost != Math.round(boost)) {
        throw new AssertionError("default boost of " + f + " is not a whole number: " + boost);
      }
      w.put(f, Math.round(boost));
    }
    return w;
  }

  /**
   * Adds {@link #ALL_TEXT}: each field's indexed values, {@link #weight} times over, replaying the
   * tokens the field's own analysis produced (the same analyzer serves both) rather than analysing
   * each copy again.
   */
  private static void allText(Document doc, Map<SearchField, List<AnalyzedText>> text) {
    text.forEach(
        (f, values) -> {
          for (int copy = 0; copy < weight(f); copy++) {
            for (AnalyzedText v : values) {
              doc.add(new AnalyzedField(ALL_TEXT, v.text(), v, TextField.TYPE_NOT_STORED));
            }
          }
        });
  }

  private static <T> List<T> capped(List<T> values) {
    return values.size() <= MAX_FIELD_VALUES ? values : values.subList(0, MAX_FIELD_VALUES);
  }

  /** {@code value} cut to {@code maxChars} chars, never splitting a surrogate pair. */
  static String cut(String value, int maxChars) {
    if (value.length() <= maxChars) {
      return value;
    }
    int end = maxChars;
    if (Character.isHighSurrogate(value.charAt(end - 1))) {
      end--;
    }
    return value.substring(0, end);
  }

  /** Cuts a value to {@code maxFieldChars}, at the last white space before the limit if any. */
  String truncate(String value) {
    return truncate(value, maxFieldChars);
  }

  private static String truncate(String value, int limit) {
    if (value.length() <= limit) {
      return value;
    }
    int cut = limit;
    int space = value.lastIndexOf(' ', cut);
    if (space > limit / 2) {
      cut = space;
    }
    if (Character.isHighSurrogate(value.charAt(cut - 1))) {
      cut--;
    }
    return value.substring(0, cut);
  }

  // ---------------------------------------------------------------- Document -> Article

  /**
   * The article of a document in the index: its stored fields completed by its hit summary
   * ({@link #HIT}), which holds the id, url, source, section, headline, byline, publication time
   * and entities the stored fields leave out.
   *
   * @param searcher the searcher the document id belongs to
   * @param doc the document id (top level)
   * @return the article as indexed
   * @throws IOException if the index cannot be read
   */
  public static Article article(IndexSearcher searcher, int doc) throws IOException {
    Document stored = searcher.storedFields().document(doc);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    BinaryDocValues hits = leaf.reader().getBinaryDocValues(HIT);
    HitSummary summary =
        hits != null && hits.advanceExact(doc - leaf.docBase) ? HitSummary.decode(hits.binaryValue()) : null;
    return toArticle(stored, summary);
  }

  /**
   * Rebuilds the article from a document's stored fields and its hit summary (null if it has none):
   * a value is taken from the stored fields when they hold it, else from the summary.
   */
  static Article toArticle(Document doc, HitSummary summary) {
    Article.Builder b =
        Article.builder()
            .id(orSummary(doc.get(ID), summary, HitSummary::id))
            .url(orSummary(doc.get(URL), summary, HitSummary::url))
            .source(orSummary(doc.get(SOURCE), summary, HitSummary::source))
            .section(orSummary(doc.get(SECTION), summary, HitSummary::section))
            .tags(values(doc, TAG))
            .language(doc.get(LANGUAGE))
            .headline(orSummary(doc.get(field(SearchField.HEADLINE)), summary, HitSummary::headline))
            .bullets(values(doc, field(SearchField.BULLETS)))
            .subheads(values(doc, field(SearchField.SUBHEADS)))
            .body(values(doc, field(SearchField.BODY)))
            .captions(values(doc, field(SearchField.CAPTIONS)))
            .byline(orSummary(doc.get(field(SearchField.BYLINE)), summary, HitSummary::byline))
            .authors(values(doc, AUTHORS))
            .dateline(doc.get(DATELINE))
            .credits(values(doc, CREDITS))
            .published(instant(doc, PUBLISHED) != null || summary == null ? instant(doc, PUBLISHED) : summary.published())
            .updated(instant(doc, UPDATED));
    List<Entity> entities = entities(doc);
    b.entities(entities.isEmpty() && summary != null ? summary.entities() : entities);
    return b.build();
  }

  private static <T> T orSummary(T stored, HitSummary summary, java.util.function.Function<HitSummary, T> get) {
    return stored != null || summary == null ? stored : get.apply(summary);
  }

  /** The entities stored in a document (none when its hit summary holds them). */
  private static List<Entity> entities(Document doc) {
    List<Entity> entities = new ArrayList<>();
    for (String encoded : doc.getValues(ENTITIES)) {
      entities.add(decodeEntity(encoded));
    }
    return entities;
  }

  /** The stored publication instant, or null. */
  public static Instant instant(Document doc, String field) {
    IndexableField f = doc.getField(field);
    if (f == null || f.numericValue() == null) {
      return null;
    }
    return Instant.ofEpochMilli(f.numericValue().longValue());
  }

  private static List<String> values(Document doc, String field) {
    return Arrays.asList(doc.getValues(field));
  }

  /** type SEP name SEP mentions (SEP alias)*. */
  static String encodeEntity(Entity e) {
    StringBuilder sb = new StringBuilder();
    sb.append(e.type().key()).append(SEP).append(e.name()).append(SEP).append(e.mentions());
    for (String alias : e.aliases()) {
      sb.append(SEP).append(alias);
    }
    return sb.toString();
  }

  static Entity decodeEntity(String encoded) {
    String[] parts = encoded.split(String.valueOf(SEP), -1);
    return new Entity(
        EntityType.parse(parts[0]),
        parts[1],
        Arrays.asList(parts).subList(3, parts.length),
        Integer.parseInt(parts[2]));
  }

  public static String entityFacet(EntityType type, String name) {
    return type.key() + SEP + name;
  }

  /** Splits an entity facet value into its type and name. */
  public static Map.Entry<EntityType, String> parseEntityFacet(String value) {
    int i = value.indexOf(SEP);
    return Map.entry(EntityType.parse(value.substring(0, i)), value.substring(i + 1));
  }

  // ---------------------------------------------------------------- queries and sorts

  /** Matches the article with this id. */
  public static Term idTerm(String id) {
    return new Term(ID, id);
  }

  /**
   * Articles published in {@code [fromMillis, toMillis]} (both inclusive). Undated articles never
   * match. Uses the index sort when the segment is sorted by date (binary search), else points or
   * doc values, whichever is cheaper for the rest of the query.
   */
  public static Query publishedBetween(long fromMillis, long toMillis) {
    if (fromMillis > toMillis) {
      return new MatchNoDocsQuery("empty date range");
    }
    return new IndexSortSortedNumericDocValuesRangeQuery(
        PUBLISHED, fromMillis, toMillis, LongField.newRangeQuery(PUBLISHED, fromMillis, toMillis));
  }

  /** Articles that have a publication time. */
  public static Query hasPublished() {
    return new FieldExistsQuery(PUBLISHED);
  }

  /**
   * Articles whose name field ({@code person}, {@code place}, {@code org}, {@code source},
   * {@code section} or {@code tag}) contains any of the given names as a phrase. A name that
   * analyses to nothing (only punctuation or honorifics) matches nothing.
   *
   * @throws IllegalArgumentException if {@code field} is not one of those name fields
   */
  public static Query nameMatches(String field, List<String> names) {
    if (!NAME_FIELDS.contains(field)) {
      throw new IllegalArgumentException("not a name field: " + field);
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    int clauses = 0;
    for (String name : names) {
      Query q = namePhrase(field, name);
      if (q != null) {
        any.add(q, Occur.SHOULD);
        clauses++;
      }
    }
    if (clauses == 0) {
      return new MatchNoDocsQuery("no name tokens");
    }
    return new ConstantScoreQuery(any.build());
  }

  private static Query namePhrase(String field, String name) {
    List<String> tokens = tokens(NAME_ANALYZER, field, name, false);
    if (tokens.isEmpty()) {
      return null;
    }
    if (tokens.size() == 1) {
      return new TermQuery(new Term(field, tokens.get(0)));
    }
    PhraseQuery.Builder pb = new PhraseQuery.Builder();
    for (String t : tokens) {
      pb.add(new Term(field, t));
    }
    return pb.build();
  }

  /**
   * The terms a text yields in a field, one per position. Where a position has both a stem and the
   * word's exact form ({@link NewsAnalyzer}), {@code exact} picks the exact form (for quoted
   * phrases), otherwise the stem.
   */
  public List<String> analyze(String field, String text, boolean exact) {
    return tokens(analyzer, field, text, exact);
  }

  /**
   * The terms a text yields in each text field ({@link SearchField}): they all use the same
   * analyzer, so this is {@link #analyze} for any one of them.
   */
  public List<String> analyzeText(String text, boolean exact) {
    return tokens(TEXT_ANALYZER, field(SearchField.BODY), text, exact);
  }

  private static List<String> tokens(Analyzer analyzer, String field, String text, boolean exact) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute posInc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        String t = term.toString();
        boolean exactForm = NewsAnalyzer.isExactForm(t);
        if (posInc.getPositionIncrement() == 0 && !out.isEmpty()) {
          if (exactForm && exact) {
            out.set(out.size() - 1, t);
          }
        } else if (!exactForm) {
          out.add(t);
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysis of an in-memory string failed", e);
    }
    return out;
  }

  /**
   * Sort for the given order; ties are broken by id so that the order is total. The id is compared
   * by {@link IdSortField}, which reads a hit's id only when a tie needs it (the order, and the
   * sort values in the hits, are those of a plain string sort on the id).
   */
  public static Sort sort(dev.dateline.SortOrder order) {
    return switch (order) {
      case RELEVANCE, RECENT -> new Sort(SortField.FIELD_SCORE, new IdSortField(ID));
      case NEWEST -> new Sort(publishedSort(true), new IdSortField(ID));
      case OLDEST -> new Sort(publishedSort(false), new IdSortField(ID));
    };
  }

  /**
   * The id in a hit's sort value of {@link #sort} (its second value), which is read from the index
   * when first asked for: call while the searcher's reader is open.
   */
  public static BytesRef sortId(Object sortValue) {
    return IdSortField.bytes(sortValue);
  }

  /**
   * Newest first, then id, as a plain string sort (what the index stores in its segments): equal
   * ({@link Sort#equals}) to {@code sort(NEWEST)}, so those queries terminate early.
   */
  public static Sort indexSort() {
    return new Sort(publishedSort(true), new SortField(ID, SortField.Type.STRING, false));
  }

  private static SortField publishedSort(boolean newestFirst) {
    // Undated articles sort last in both directions.
    long missing = newestFirst ? Long.MIN_VALUE : Long.MAX_VALUE;
    return LongField.newSortField(PUBLISHED, newestFirst, SortedNumericSelector.Type.MIN, missing);
  }

  /** Folds case, diacritics and runs of white space, for comparing names outside Lucene. */
  public static String fold(String s) {
    String d = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    return d.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
  }
}
