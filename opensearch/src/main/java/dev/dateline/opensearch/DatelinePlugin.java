package dev.dateline.opensearch;

import dev.dateline.DatelineLucene;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.similarities.BM25Similarity;
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
 * #NAME_ANALYZER}, the similarity {@value #SIMILARITY} (BM25 with Lucene's formula, as the
 * embedded index scores; settings {@code k1} and {@code b}) and the {@value
 * DatelineQueryBuilder#NAME} query, which compiles Dateline's query syntax and filters with the
 * library's own compiler on each shard, and the ingest processor {@value ArticleProcessor#TYPE}
 * (raw page text to an article's document). {@link DatelineMapping} builds an index that uses them.
 */
public final class DatelinePlugin extends Plugin implements AnalysisPlugin, SearchPlugin, IngestPlugin {
  /** The analyzer of Dateline's text fields (headline, body, ..., all_text). */
  public static final String TEXT_ANALYZER = "dateline_text";
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

  @Override
  public Map<String, Processor.Factory> getProcessors(Processor.Parameters parameters) {
    return Map.of(ArticleProcessor.TYPE, new ArticleProcessor.Factory());
  }

  @Override
  public void onIndexModule(IndexModule module) {
    module.addSimilarity(
        SIMILARITY,
        (settings, version, scripts) ->
            new BM25Similarity(settings.getAsFloat("k1", 1.2f), settings.getAsFloat("b", 0.75f)));
  }
}
