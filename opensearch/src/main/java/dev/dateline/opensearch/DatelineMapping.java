package dev.dateline.opensearch;

import dev.dateline.Article;
import dev.dateline.DatelineLucene;
import dev.dateline.Entity;
import dev.dateline.FacetDimension;
import dev.dateline.IndexFields;
import dev.dateline.NewsIndex;
import dev.dateline.SearchField;
import dev.dateline.SortOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opensearch.search.sort.FieldSortBuilder;
import org.opensearch.search.sort.ScoreSortBuilder;
import org.opensearch.search.sort.SortBuilder;
import org.opensearch.search.sort.SortMode;

/**
 * The index settings, mappings, documents and sorts that make an OpenSearch index hold what a
 * Dateline index holds, field for field ({@link DatelineLucene#indexedFields()}): text and name
 * fields with Dateline's analyzers and its position gap (text fields search with the search-time
 * variants {@value DatelinePlugin#TEXT_SEARCH_ANALYZER} and {@value
 * DatelinePlugin#TEXT_PHRASE_ANALYZER}), the id and language as keywords, the
 * publication time as a date of epoch milliseconds (a long point and doc values, as in the embedded index), Lucene's BM25, and the index sorted newest
 * first as the embedded index is. Needs {@link DatelinePlugin} on every node. Everything here but
 * {@link #sort} works without OpenSearch's server classes (a client application has only
 * {@code opensearch-java}).
 */
public final class DatelineMapping {
  /** The article's address, kept in {@code _source} for results (not indexed). */
  public static final String URL = IndexFields.URL;

  /**
   * The article's entities ({@code type}, {@code name}, {@code aliases}, {@code mentions}), kept
   * in {@code _source} for results; matching uses the indexed {@code person}/{@code place}/{@code
   * org} fields.
   */
  public static final String ENTITIES = "entities";

  /**
   * The story key of an article in an index that detects stories ({@link
   * dev.dateline.StoryDetector#key}: a hash of its story's first article's id), a long with doc
   * values and points: what {@link NewsCluster} collapses and counts stories by.
   */
  public static final String STORY_KEY = "story_key";

  /**
   * The article's story fingerprint ({@link dev.dateline.StoryDetector#fingerprint}), kept in
   * {@code _source} only (a {@code binary} field): what {@link NewsCluster} rebuilds its story
   * detector from.
   */
  public static final String STORY_FINGERPRINT = "story_fingerprint";

  /**
   * The mapping's {@code _meta} key that records that the index detects stories ({@code true}),
   * written by {@link #mapping(NewsIndex.Options)} when the options ask for stories.
   */
  public static final String META_STORIES = "dateline_stories";

  /** The index setting: whether text without a field is scored over all text fields together. */
  public static final String COMBINED_FIELD_SCORING = "index.dateline.combined_field_scoring";

  /**
   * The index setting of a field's boost, e.g. {@code index.dateline.boost.headline}.
   *
   * @param field the field
   * @return the setting's key
   */
  public static String boostSetting(SearchField field) {
    return "index.dateline.boost." + field.name().toLowerCase(Locale.ROOT);
  }

  /**
   * The keyword field holding an article's values of a facet dimension ({@link
   * DatelineLucene#facetValues}), e.g. {@code facet_person}: keyword doc values without a terms
   * index, read by the terms, composite and missing aggregations of {@link NewsCluster#facets}.
   *
   * @param d the dimension
   * @return the field name
   */
  public static String facetField(FacetDimension d) {
    return "facet_" + d.key();
  }

  private DatelineMapping() {}

  /** Index settings: shards, replicas, the similarity and the index sort; default options. */
  public static Map<String, Object> settings(int shards, int replicas) {
    return settings(shards, replicas, NewsIndex.Options.defaults());
  }

  /**
   * Index settings: shards, replicas, the similarity with the options' BM25 parameters, the index
   * sort, and the options that change matching and scoring (field boosts, combined field scoring),
   * which the {@code dateline} query reads from the index. Index the documents with {@link
   * #document} and a {@code DatelineLucene.of(options)} of the same options (the boosts weigh
   * {@code all_text}).
   */
  public static Map<String, Object> settings(int shards, int replicas, NewsIndex.Options options) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("index.number_of_shards", shards);
    s.put("index.number_of_replicas", replicas);
    s.put("index.similarity.default.type", DatelinePlugin.SIMILARITY);
    s.put("index.similarity.default.k1", options.bm25K1());
    s.put("index.similarity.default.b", options.bm25B());
    options.boosts().forEach((f, boost) -> s.put(boostSetting(f), boost));
    s.put(COMBINED_FIELD_SCORING, options.combinedFieldScoring());
    s.put("index.sort.field", List.of(IndexFields.PUBLISHED, IndexFields.ID));
    s.put("index.sort.order", List.of("desc", "asc"));
    s.put("index.sort.mode", List.of("min", "min"));
    s.put("index.sort.missing", List.of("_last", "_last"));
    return s;
  }

  /**
   * An index template ({@code PUT _index_template/NAME} with this body): every index created with a
   * name matching one of the patterns (by {@code PUT INDEX}, or by a rollover) gets {@link
   * #settings(int, int, NewsIndex.Options)} and {@link #mapping(NewsIndex.Options)}, so time-based
   * indexes ({@code news-2026-02}, ...) are Dateline indexes without creating each by hand.
   *
   * @param patterns the index name patterns, e.g. {@code news-*}
   * @param shards primary shards of each index
   * @param replicas replicas of each shard
   * @param options the scoring options (written into the settings) and whether the indexes detect
   *     stories
   * @return the template's body
   */
  public static Map<String, Object> indexTemplate(List<String> patterns, int shards, int replicas, NewsIndex.Options options) {
    if (patterns.isEmpty()) {
      throw new IllegalArgumentException("an index template needs at least one index pattern");
    }
    Map<String, Object> template = new LinkedHashMap<>();
    template.put("settings", settings(shards, replicas, options));
    template.put("mappings", mapping(options));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("index_patterns", List.copyOf(patterns));
    body.put("template", template);
    return body;
  }

  /**
   * The mapping: strict, one property per indexed field; {@code all_text} kept out of _source; an
   * index that does not detect stories.
   */
  public static Map<String, Object> mapping() {
    return mapping(NewsIndex.Options.defaults());
  }

  /**
   * The mapping: strict, one property per indexed field, {@code all_text} kept out of _source, the
   * story fields ({@link #STORY_KEY}, {@link #STORY_FINGERPRINT}); when the options ask for
   * stories ({@link NewsIndex.Options#stories()}), {@code _meta} records that the index detects
   * them ({@link #META_STORIES}), which {@link NewsCluster} reads.
   */
  public static Map<String, Object> mapping(NewsIndex.Options options) {
    Map<String, Object> properties = new LinkedHashMap<>();
    DatelineLucene.indexedFields()
        .forEach(
            (field, kind) ->
                properties.put(
                    field,
                    switch (kind) {
                      case TEXT -> {
                        // Query text analysed by OpenSearch (match, query_string, match_phrase with
                        // the phrase analyzer) gets the terms the library's compiler would search.
                        Map<String, Object> t = new LinkedHashMap<>(text(DatelinePlugin.TEXT_ANALYZER));
                        t.put("search_analyzer", DatelinePlugin.TEXT_SEARCH_ANALYZER);
                        t.put("search_quote_analyzer", DatelinePlugin.TEXT_PHRASE_ANALYZER);
                        yield t;
                      }
                      case NAME -> text(DatelinePlugin.NAME_ANALYZER);
                      case KEYWORD -> Map.of("type", "keyword");
                      // A date of epoch milliseconds: in Lucene the same point and doc values
                      // as a long (what the dateline query and the index sort read), and the
                      // type date_histogram needs for a time zone.
                      case LONG -> Map.of("type", "date", "format", "epoch_millis");
                    }));
    // Aggregated only (facets): doc values, no terms index; values up to 1,000 characters.
    for (FacetDimension d : FacetDimension.values()) {
      properties.put(facetField(d), Map.of("type", "keyword", "index", false, "doc_values", true));
    }
    // Kept for results only (NewsCluster's hits), neither searched nor aggregated.
    properties.put(URL, Map.of("type", "keyword", "index", false, "doc_values", false));
    properties.put(ENTITIES, Map.of("type", "object", "enabled", false));
    // Stories (written by NewsCluster in an index that detects them): the key is filtered on,
    // sorted and aggregated; the fingerprint is only read back from _source.
    properties.put(STORY_KEY, Map.of("type", "long"));
    properties.put(STORY_FINGERPRINT, Map.of("type", "binary"));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("dynamic", "strict");
    if (options.stories()) {
      m.put("_meta", Map.of(META_STORIES, true));
    }
    m.put("_source", Map.of("excludes", List.of(IndexFields.ALL_TEXT)));
    m.put("properties", properties);
    return m;
  }

  private static Map<String, Object> text(String analyzer) {
    return Map.of(
        "type", "text",
        "analyzer", analyzer,
        "position_increment_gap", DatelineLucene.positionIncrementGap());
  }

  /**
   * The document for an article: the values the embedded index indexes ({@link
   * DatelineLucene#indexedValues}), its facet values ({@link #facetField}), plus its {@link #URL} and {@link #ENTITIES} for results; its OpenSearch {@code _id} should be the article id. Pass the
   * article with its entities (as {@code NewsIndex.add} returns it) for the same entity matches.
   */
  public static Map<String, Object> document(DatelineLucene lucene, Article article) {
    Map<String, Object> doc = new LinkedHashMap<>(lucene.indexedValues(article));
    DatelineLucene.facetValues(article).forEach((d, values) -> doc.put(facetField(d), values));
    if (article.url() != null) {
      doc.put(URL, article.url());
    }
    if (!article.entities().isEmpty()) {
      List<Map<String, Object>> entities = new ArrayList<>();
      for (Entity e : article.entities()) {
        entities.add(
            Map.of("type", e.type().name(), "name", e.name(), "aliases", e.aliases(), "mentions", e.mentions()));
      }
      doc.put(ENTITIES, entities);
    }
    return doc;
  }

  /** The search request sorts that order hits as {@code NewsIndex} orders them for {@code order}. */
  public static List<SortBuilder<?>> sort(SortOrder order) {
    FieldSortBuilder id = new FieldSortBuilder(IndexFields.ID).order(org.opensearch.search.sort.SortOrder.ASC);
    return switch (order) {
      case RELEVANCE, RECENT -> List.of(new ScoreSortBuilder(), id);
      case NEWEST, OLDEST ->
          List.of(
              new FieldSortBuilder(IndexFields.PUBLISHED)
                  .order(
                      order == SortOrder.NEWEST
                          ? org.opensearch.search.sort.SortOrder.DESC
                          : org.opensearch.search.sort.SortOrder.ASC)
                  .sortMode(SortMode.MIN)
                  .missing("_last"),
              id);
    };
  }
}
