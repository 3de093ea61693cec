package dev.dateline;

import dev.dateline.internal.index.NewsAnalyzer;
import dev.dateline.internal.index.Schema;
import dev.dateline.internal.search.QueryCompiler;
import dev.dateline.internal.search.RecencyDecay;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;

/**
 * Dateline's index mapping and query compilation, for hosts that run Lucene themselves (the
 * OpenSearch plugin under {@code opensearch/}): the same analyzers, the same indexed values per
 * article and the same compiled queries as {@link NewsIndex}, so that a cluster that indexes those
 * values with those analyzers answers a {@link NewsQuery} as the embedded index does.
 *
 * <p>Experimental: this surface follows the index format ({@link NewsIndex}'s schema) and may
 * change with it. Instances are immutable and thread-safe; each call for an analyzer returns a
 * new one, which the caller owns.
 *
 * <p>What a host must do to match {@link NewsIndex}:
 *
 * <ul>
 *   <li>index each field of {@link #indexedFields()} as its {@link FieldKind} says (text fields
 *       with positions, frequencies and norms, and a position gap of {@link
 *       #positionIncrementGap()} between values), with the values of {@link
 *       #indexedValues(Article)} in the order given (repeated values are intended: {@link
 *       IndexFields#ALL_TEXT} weighs each field by repetition);
 *   <li>score with {@link #similarity()};
 *   <li>run {@link #compileDeferred} on each index partition (shard), or {@link #compile} with
 *       that partition's reader, and sort as {@link #order(NewsQuery)} says: by score then {@link
 *       IndexFields#ID} ascending, or by {@link IndexFields#PUBLISHED} (undated last) then id.
 *       Relevance equals the embedded index's only when term statistics are global (OpenSearch's
 *       {@code dfs_query_then_fetch}), and then only with {@link #compileDeferred}, which reads
 *       them when the query runs.
 * </ul>
 */
public final class DatelineLucene {

  /** How a field of {@link #indexedFields()} is indexed. */
  public enum FieldKind {
    /** Analysed with {@link #textAnalyzer()}. */
    TEXT,
    /** Analysed with {@link #nameAnalyzer()}. */
    NAME,
    /** One untokenised term per value (and sorted doc values for {@link IndexFields#ID}). */
    KEYWORD,
    /** A 64-bit number: a point and sorted numeric doc values (epoch milliseconds). */
    LONG
  }

  private final NewsIndex.Options options;
  private final Schema schema;
  private final QueryCompiler compiler;
  private final Similarity similarity;

  private DatelineLucene(NewsIndex.Options options) {
    this.options = options;
    this.schema = new Schema(options.maxFieldChars());
    this.compiler =
        new QueryCompiler(
            schema, options.boosts(), options.entityExtractor(), options.combinedFieldScoring());
    this.similarity = new BM25Similarity(options.bm25K1(), options.bm25B());
  }

  /**
   * The mapping and compiler for an index with these options (boosts, extractor for alias
   * expansion, field size cap, BM25 parameters).
   *
   * @param options the options of the embedded index to mirror
   * @return the mapping and compiler
   */
  public static DatelineLucene of(NewsIndex.Options options) {
    return new DatelineLucene(Objects.requireNonNull(options, "options"));
  }

  /**
   * {@link #of} with {@link NewsIndex.Options#defaults()}.
   *
   * @return the mapping and compiler of a default index
   */
  public static DatelineLucene defaults() {
    return of(NewsIndex.Options.defaults());
  }

  /**
   * The options this mapping was made with.
   *
   * @return the options
   */
  public NewsIndex.Options options() {
    return options;
  }

  /**
   * A new analyzer of the text fields (headline, body, ..., {@link IndexFields#ALL_TEXT}); the
   * caller owns it and closes it when done (one instance may be shared by threads).
   *
   * @return a new text analyzer
   */
  public static Analyzer textAnalyzer() {
    return new NewsAnalyzer();
  }

  /**
   * A new analyzer of query text for the text fields, for engines that analyse query words
   * themselves (OpenSearch's {@code match}): the {@link #textAnalyzer()}'s terms, one per word, the
   * stem where the index also holds the word's exact form, as the library's compiler searches
   * unquoted words. The caller owns it and closes it when done.
   *
   * @return a new analyzer of query words
   */
  public static Analyzer textSearchAnalyzer() {
    return new dev.dateline.internal.index.SearchTimeAnalyzer(false);
  }

  /**
   * A new analyzer of quoted phrases for the text fields (OpenSearch's {@code match_phrase}): one
   * term per word, the word's exact form where its stem differs from it, as the library's compiler
   * searches a quoted phrase ({@code "Russian officials"} does not match "Russian official"). The
   * caller owns it and closes it when done.
   *
   * @return a new analyzer of phrases
   */
  public static Analyzer textPhraseAnalyzer() {
    return new dev.dateline.internal.index.SearchTimeAnalyzer(true);
  }

  /**
   * A new analyzer of the name fields (source, section, tag, person, place, org); the caller owns
   * it and closes it when done.
   *
   * @return a new name analyzer
   */
  public static Analyzer nameAnalyzer() {
    return new dev.dateline.internal.index.NameAnalyzer();
  }

  /**
   * The positions left between two values of one field (phrases do not span values).
   *
   * @return the gap, in positions
   */
  public static int positionIncrementGap() {
    return NewsAnalyzer.POSITION_GAP;
  }

  /**
   * The similarity {@link NewsIndex} scores with: BM25 with the options' k1 and b.
   *
   * @return the similarity
   */
  public Similarity similarity() {
    return similarity;
  }

  /**
   * Every field an article may index, with how; fields outside this map are stored or doc-values
   * only in {@link NewsIndex} and play no part in matching or scoring.
   *
   * @return the indexed fields, in a stable order
   */
  public static Map<String, FieldKind> indexedFields() {
    Map<String, FieldKind> fields = new LinkedHashMap<>();
    fields.put(IndexFields.ID, FieldKind.KEYWORD);
    fields.put(IndexFields.LANGUAGE, FieldKind.KEYWORD);
    fields.put(IndexFields.PUBLISHED, FieldKind.LONG);
    for (SearchField f : SearchField.values()) {
      fields.put(IndexFields.textField(f), FieldKind.TEXT);
    }
    fields.put(IndexFields.ALL_TEXT, FieldKind.TEXT);
    for (String name :
        List.of(IndexFields.SOURCE, IndexFields.SECTION, IndexFields.TAG)) {
      fields.put(name, FieldKind.NAME);
    }
    for (EntityType t : EntityType.values()) {
      fields.put(IndexFields.entityField(t), FieldKind.NAME);
    }
    for (String name : fields.keySet()) {
      if (fields.get(name) == FieldKind.NAME != Schema.isNameField(name)) {
        throw new AssertionError("analyzer of " + name + " disagrees with the schema");
      }
    }
    return Collections.unmodifiableMap(fields);
  }

  /**
   * The values {@link NewsIndex} indexes for an article, by field of {@link #indexedFields()}, in
   * indexing order: strings for text, name and keyword fields ({@link IndexFields#ALL_TEXT}
   * holding each text field's values repeated by its weight), a {@code Long} (epoch
   * milliseconds) for {@link IndexFields#PUBLISHED}. Values are truncated and capped as the
   * embedded index does; the entities are the article's own (run the extractor first to add
   * found ones, as {@link NewsIndex#add} does).
   *
   * @param article the article, with its entities
   * @return the values by field
   * @throws InvalidArticleException if the embedded index would refuse the article
   */
  public Map<String, List<Object>> indexedValues(Article article) {
    Document doc = schema.toDocument(Objects.requireNonNull(article, "article"));
    Map<String, FieldKind> kinds = indexedFields();
    Map<String, List<Object>> values = new LinkedHashMap<>();
    for (IndexableField f : doc.getFields()) {
      boolean indexed =
          f.fieldType().indexOptions() != IndexOptions.NONE
              || f.fieldType().pointDimensionCount() > 0;
      if (!indexed) {
        continue;
      }
      if (!kinds.containsKey(f.name())) {
        throw new AssertionError("field " + f.name() + " missing from indexedFields()");
      }
      Object v = f.numericValue() != null ? (Object) f.numericValue().longValue() : f.stringValue();
      values.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(v);
    }
    values.replaceAll((k, v) -> List.copyOf(v));
    return Collections.unmodifiableMap(values);
  }

  /**
   * The values of {@link IndexFields#ALL_TEXT} that {@link #indexedValues} gives, rebuilt from the
   * text fields' values alone (headline, bullets, subheads, body, captions, byline, each repeated
   * by its weight): for a host that keeps {@code all_text} out of its stored copy of a document
   * and has to index the document again from that copy.
   *
   * @param values an article's {@link #indexedValues}, {@code all_text} absent or ignored
   * @return the {@code all_text} values, in indexing order
   */
  public static List<String> allTextValues(Map<String, ? extends List<?>> values) {
    List<String> out = new ArrayList<>();
    for (SearchField f : SearchField.values()) {
      List<?> v = values.get(IndexFields.textField(f));
      if (v == null || v.isEmpty()) {
        continue;
      }
      for (int copy = 0; copy < Schema.weight(f); copy++) {
        for (Object o : v) {
          out.add(String.valueOf(o));
        }
      }
    }
    return List.copyOf(out);
  }

  /**
   * The values {@link NewsIndex#facets} counts for an article, per dimension: distinct, as given
   * (language lower-cased, entities by canonical name), each cut to 1,000 characters, capped as
   * the embedded index caps them. A host that stores these as keyword doc values and counts
   * distinct documents per value gets the embedded index's facet counts.
   *
   * @param article the article, with its entities
   * @return the distinct values per dimension, in article order; dimensions without a value absent
   */
  public static Map<FacetDimension, List<String>> facetValues(Article article) {
    return Collections.unmodifiableMap(Schema.facetValues(Objects.requireNonNull(article, "article")));
  }

  /**
   * The order results of {@code query} come in: its {@link NewsQuery#sort() sort}, except that
   * {@link SortOrder#RECENT} without scored text is {@link SortOrder#NEWEST}.
   *
   * @param query the query
   * @return the order of its results
   */
  public static SortOrder order(NewsQuery query) {
    return QueryCompiler.order(query.sort(), query.parsed());
  }

  /**
   * Whether {@link #compile} makes {@code query}'s ranked words all required: in a date order
   * ({@link SortOrder#NEWEST}, {@link SortOrder#OLDEST}), the ranked default matches only the
   * articles with all its words (stop words aside), unless none has them all. {@link NewsIndex}
   * decides that once over the whole index: if the compiled query matches nothing, it runs {@link
   * #anyWord}{@code (query)} instead. A host that searches partitions (shards) must decide the same
   * way over all of them, not per partition.
   *
   * @param query the query
   * @return true if a query that matches nothing should be run again as {@link #anyWord}; false
   *     for a query whose words need not all match (not a date order, another operator, fewer
   *     than two ranked words), which needs no such look
   */
  public static boolean requiresAllWords(NewsQuery query) {
    return QueryCompiler.requiresAllWords(query, query.parsed());
  }

  /**
   * {@code query} as {@link #compile} should read it when no article has all its words ({@link
   * #requiresAllWords}): any word matches. Order its hits by {@code query}'s own {@link
   * #order}: this form's sort is for the compiler only.
   *
   * @param query the query
   * @return the same query, compiled so that any of its words may match
   */
  public static NewsQuery anyWord(NewsQuery query) {
    return QueryCompiler.anyWord(query);
  }

  /**
   * The Lucene query {@link NewsIndex#search} runs for {@code query} (text and every filter; for
   * {@link SortOrder#RECENT}, with the recency decay from the query's reference instant). The
   * cursor and limit are not part of it: page with the host's own means.
   *
   * @param query the query
   * @param reader the index (partition) searched; its statistics say which words are common
   * @return the Lucene query
   * @throws InvalidQueryException if the query expands beyond Lucene's clause limit
   */
  public Query compile(NewsQuery query, IndexReader reader) {
    Objects.requireNonNull(query, "query");
    return withRecency(query, compiler.compile(query, query.parsed(), reader).query());
  }

  /**
   * {@link #compile(NewsQuery, IndexReader)}, deferred until the query is run: the query returned
   * compiles {@code query} when its weight is created, with the searcher's statistics ({@link
   * IndexSearcher#collectionStatistics}, {@link IndexSearcher#termStatistics}) deciding which words
   * are common. Where those statistics are global (OpenSearch's {@code dfs_query_then_fetch}),
   * every shard then compiles the query the embedded index would, which the reader of one shard
   * alone cannot guarantee.
   *
   * @param query the query
   * @return a Lucene query that compiles {@code query} when run
   * @throws InvalidQueryException when run, if the query expands beyond Lucene's clause limit
   */
  public Query compileDeferred(NewsQuery query) {
    return new Deferred(this, Objects.requireNonNull(query, "query"));
  }

  private Query withRecency(NewsQuery query, Query q) {
    if (order(query) == SortOrder.RECENT) {
      q = RecencyDecay.boost(q, query.recencyReference(), query.recencyHalfLife(), query.recencyFloor());
    }
    return q;
  }

  /** A NewsQuery compiled when its weight is created, against the searcher's statistics. */
  private static final class Deferred extends Query {
    private final DatelineLucene owner;
    private final NewsQuery query;

    Deferred(DatelineLucene owner, NewsQuery query) {
      this.owner = owner;
      this.query = query;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost)
        throws IOException {
      Query compiled =
          owner.withRecency(
              query,
              owner.compiler.compile(
                      query, query.parsed(), QueryCompiler.Statistics.of(searcher))
                  .query());
      return searcher.createWeight(searcher.rewrite(compiled), scoreMode, boost);
    }

    /**
     * Visits the query as compiled with no word counted as common (which words are common changes
     * how the clauses are grouped, not which terms there are), so that highlighters and term
     * extraction see its terms; a query that cannot be compiled is a leaf.
     */
    @Override
    public void visit(QueryVisitor visitor) {
      Query compiled;
      try {
        compiled =
            owner.compiler.compile(query, query.parsed(), (QueryCompiler.Statistics) null).query();
      } catch (RuntimeException e) {
        visitor.visitLeaf(this);
        return;
      }
      compiled.visit(visitor.getSubVisitor(BooleanClause.Occur.MUST, this));
    }

    @Override
    public String toString(String field) {
      return "dateline(" + query + ")";
    }

    @Override
    public boolean equals(Object o) {
      return sameClassAs(o) && owner == ((Deferred) o).owner && query.equals(((Deferred) o).query);
    }

    @Override
    public int hashCode() {
      return 31 * classHash() + query.hashCode();
    }
  }
}
