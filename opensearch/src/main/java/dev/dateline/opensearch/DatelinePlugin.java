package dev.dateline.opensearch;

import dev.dateline.DatelineLucene;
import dev.dateline.NewsIndex;
import dev.dateline.SearchField;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.opensearch.common.settings.Setting;
import org.opensearch.common.settings.Settings;
import org.opensearch.index.IndexModule;
import org.opensearch.index.analysis.AnalyzerProvider;
import org.opensearch.index.analysis.AnalyzerScope;
import org.opensearch.index.analysis.PreBuiltAnalyzerProvider;
import org.opensearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.opensearch.ingest.Processor;
import org.opensearch.plugins.AnalysisPlugin;
import org.opensearch.plugins.IngestPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.plugins.SearchPlugin;

/**
 * Dateline for OpenSearch 3.8.x: the analyzers {@value #TEXT_ANALYZER} and {@value
 * #NAME_ANALYZER}, the search-time variants of the text analyzer {@value #TEXT_SEARCH_ANALYZER}
 * and {@value #TEXT_PHRASE_ANALYZER}, the similarity {@value #SIMILARITY} (BM25 with Lucene's formula, as the
 * embedded index scores; settings {@code k1} and {@code b}) and the {@value
 * DatelineQueryBuilder#NAME} query, which compiles Dateline's query syntax and filters with the
 * library's own compiler on each shard, and the ingest processor {@value ArticleProcessor#TYPE}
 * (raw page text to an article's document). {@link DatelineMapping} builds an index that uses them.
 */
public final class DatelinePlugin extends Plugin implements AnalysisPlugin, SearchPlugin, IngestPlugin {
  /** The analyzer of Dateline's text fields (headline, body, ..., all_text). */
  public static final String TEXT_ANALYZER = "dateline_text";
  /**
   * The search analyzer of the text fields ({@code match}): one term per word, the stem, as the
   * library's compiler searches unquoted words ({@link DatelineLucene#textSearchAnalyzer()}).
   */
  public static final String TEXT_SEARCH_ANALYZER = "dateline_text_search";
  /**
   * The phrase analyzer of the text fields (the mapping's {@code search_quote_analyzer}; give it as
   * {@code match_phrase}'s {@code analyzer}): one term per word, the exact form where the word's
   * stem differs from it, as the library's compiler searches quoted phrases ({@link
   * DatelineLucene#textPhraseAnalyzer()}).
   */
  public static final String TEXT_PHRASE_ANALYZER = "dateline_text_phrase";
  /** The analyzer of Dateline's name fields (source, section, tag, person, place, org). */
  public static final String NAME_ANALYZER = "dateline_name";
  /** The similarity type: Lucene's BM25 (OpenSearch's {@code BM25} is the legacy formula). */
  public static final String SIMILARITY = "dateline_bm25";

  @Override
  public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
    // A new analyzer per index: OpenSearch closes index-scoped analyzers with the index.
    return Map.of(
        TEXT_ANALYZER,
        (indexSettings, env, name, settings) ->
            new PreBuiltAnalyzerProvider(name, AnalyzerScope.INDEX, DatelineLucene.textAnalyzer()),
        TEXT_SEARCH_ANALYZER,
        (indexSettings, env, name, settings) ->
            new PreBuiltAnalyzerProvider(name, AnalyzerScope.INDEX, DatelineLucene.textSearchAnalyzer()),
        TEXT_PHRASE_ANALYZER,
        (indexSettings, env, name, settings) ->
            new PreBuiltAnalyzerProvider(name, AnalyzerScope.INDEX, DatelineLucene.textPhraseAnalyzer()),
        NAME_ANALYZER,
        (indexSettings, env, name, settings) ->
            new PreBuiltAnalyzerProvider(name, AnalyzerScope.INDEX, DatelineLucene.nameAnalyzer()));
  }

  @Override
  public List<QuerySpec<?>> getQueries() {
    return List.of(
        new QuerySpec<>(
            DatelineQueryBuilder.NAME, DatelineQueryBuilder::new, DatelineQueryBuilder::fromXContent));
  }

  /**
   * The index settings that carry the options of {@link NewsIndex.Options} that change matching
   * and scoring ({@link DatelineMapping#boostSetting}, {@link
   * DatelineMapping#COMBINED_FIELD_SCORING}), so that the {@code dateline} query compiles as an
   * embedded index with those options would. BM25's {@code k1} and {@code b} are the similarity's
   * own settings. All are fixed when the index is created.
   */
  static final Map<SearchField, Setting<Float>> BOOSTS;

  /** See {@link #BOOSTS}. */
  static final Setting<Boolean> COMBINED_FIELD_SCORING =
      Setting.boolSetting(
          DatelineMapping.COMBINED_FIELD_SCORING,
          NewsIndex.Options.defaults().combinedFieldScoring(),
          Setting.Property.IndexScope,
          Setting.Property.Final);

  static {
    Map<SearchField, Setting<Float>> boosts = new EnumMap<>(SearchField.class);
    for (SearchField f : SearchField.values()) {
      boosts.put(
          f,
          Setting.floatSetting(
              DatelineMapping.boostSetting(f), f.defaultBoost(), Float.MIN_VALUE,
              Setting.Property.IndexScope, Setting.Property.Final));
    }
    BOOSTS = Collections.unmodifiableMap(boosts);
  }

  @Override
  public List<Setting<?>> getSettings() {
    List<Setting<?>> settings = new ArrayList<>(BOOSTS.values());
    settings.add(COMBINED_FIELD_SCORING);
    return settings;
  }

  /** The options an index's settings describe (boosts, combined scoring, BM25's k1 and b). */
  static NewsIndex.Options options(Settings indexSettings) {
    NewsIndex.Options.Builder b = NewsIndex.Options.builder();
    BOOSTS.forEach((f, setting) -> b.boost(f, setting.get(indexSettings)));
    b.combinedFieldScoring(COMBINED_FIELD_SCORING.get(indexSettings));
    b.bm25(
        indexSettings.getAsFloat("index.similarity.default.k1", DEFAULT_K1),
        indexSettings.getAsFloat("index.similarity.default.b", DEFAULT_B));
    return b.build();
  }

  static final float DEFAULT_K1 = NewsIndex.Options.defaults().bm25K1();
  static final float DEFAULT_B = NewsIndex.Options.defaults().bm25B();

  @Override
  public Map<String, Processor.Factory> getProcessors(Processor.Parameters parameters) {
    var ingest = parameters.ingestService;
    return Map.of(
        ArticleProcessor.TYPE,
        new ArticleProcessor.Factory(ingest == null ? () -> null : () -> ingest.getClusterService().state()));
  }

  @Override
  public void onIndexModule(IndexModule module) {
    module.addSimilarity(
        SIMILARITY,
        (settings, version, scripts) ->
            new BM25Similarity(settings.getAsFloat("k1", DEFAULT_K1), settings.getAsFloat("b", DEFAULT_B)));
  }
}
