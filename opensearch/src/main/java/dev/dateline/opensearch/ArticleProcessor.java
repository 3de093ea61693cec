package dev.dateline.opensearch;

import dev.dateline.Article;
import dev.dateline.DatelineException;
import dev.dateline.DatelineLucene;
import dev.dateline.Entity;
import dev.dateline.EntityExtractor;
import dev.dateline.RawArticleParser;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.function.Supplier;
import org.opensearch.cluster.ClusterState;
import org.opensearch.cluster.metadata.IndexAbstraction;
import org.opensearch.cluster.metadata.IndexMetadata;
import org.opensearch.common.settings.Settings;
import org.opensearch.ingest.AbstractProcessor;
import org.opensearch.ingest.ConfigurationUtils;
import org.opensearch.ingest.IngestDocument;
import org.opensearch.ingest.Processor;

/**
 * The {@code dateline_article} ingest processor: turns the raw text of a news page into the
 * document of a Dateline article, as the CLI does with a {@code .txt} page. The page is parsed by
 * {@link RawArticleParser} (headline, bullets, dateline, byline, body, publication time, ...),
 * the optional fields {@code url}, {@code source}, {@code section}, {@code language} and {@code
 * published} (ISO-8601, used when the page prints no date) of the incoming document are added,
 * entities are found by the library's standard {@link EntityExtractor}, and the document is
 * replaced by {@link DatelineMapping#document}, with the scoring options of the target index's
 * settings ({@link DatelineMapping#settings(int, int, dev.dateline.NewsIndex.Options)}). The {@code _id} is the request's, else the
 * article's derived id ({@link Article#deriveId}).
 *
 * <p>An index that detects stories (created with {@code NewsIndex.Options.stories}) refuses the
 * processor's documents with an error naming the index: its story keys are assigned by its one
 * writing {@link NewsCluster}, which the processor is not; index raw pages into it through {@link
 * NewsCluster#addAll} (or {@code dateline-cluster index}), which parse {@code .txt} pages with the
 * same parser.
 *
 * <pre>{@code
 * PUT _ingest/pipeline/dateline-pages
 * {"processors": [{"dateline_article": {"field": "page", "zone": "Asia/Singapore"}}]}
 * }</pre>
 *
 * <p>Options: {@code field} (default {@code page}), {@code zone} (of times printed without one;
 * default {@code UTC}). A page without a headline or body, or with a bad field, fails the
 * document with the library's message (a bulk item error); {@code ignore_failure} and {@code
 * on_failure} work as for any processor.
 */
public final class ArticleProcessor extends AbstractProcessor {
  /** The processor's type name in a pipeline. */
  public static final String TYPE = "dateline_article";

  private static final EntityExtractor EXTRACTOR = EntityExtractor.standard();
  private static final Set<String> METADATA =
      Stream.of(IngestDocument.Metadata.values())
          .map(IngestDocument.Metadata::getFieldName)
          .collect(Collectors.toUnmodifiableSet());

  private final String field;
  private final ZoneId zone;
  private final Supplier<ClusterState> state;

  ArticleProcessor(String tag, String description, String field, ZoneId zone, Supplier<ClusterState> state) {
    super(tag, description);
    this.field = field;
    this.zone = zone;
    this.state = state;
  }

  /** The metadata of the index the document goes to, or null when it does not exist yet. */
  private IndexMetadata target(IngestDocument doc) {
    Object index = doc.getSourceAndMetadata().get(IngestDocument.Metadata.INDEX.getFieldName());
    ClusterState cs = state == null ? null : state.get();
    if (index == null || cs == null) {
      return null;
    }
    IndexAbstraction target = cs.metadata().getIndicesLookup().get(index.toString());
    return target == null ? null : target.getWriteIndex();
  }

  /**
   * Whether the index detects stories ({@link DatelineMapping#META_STORIES} in its mapping's
   * {@code _meta}): its story keys are assigned by its one writing {@link NewsCluster}.
   */
  static boolean detectsStories(IndexMetadata meta) {
    if (meta == null || meta.mapping() == null) {
      return false;
    }
    return meta.mapping().sourceAsMap().get("_meta") instanceof Map<?, ?> m
        && Boolean.TRUE.equals(m.get(DatelineMapping.META_STORIES));
  }

  @Override
  public IngestDocument execute(IngestDocument doc) {
    IndexMetadata target = target(doc);
    if (detectsStories(target)) {
      // A story key needs every article of the index (the writing client's detector): an article
      // written here would be a story of its own while its copies are grouped, and the writer
      // would not know it. Raw pages go into a story index through NewsCluster.addAll instead,
      // which parses .txt pages with the same parser.
      throw new IllegalArgumentException(
          "[" + TYPE + "] the index " + target.getIndex().getName() + " detects stories: its articles must be"
              + " written by its writing client, which assigns their stories (NewsCluster.addAll, or"
              + " dateline-cluster index, which read raw .txt pages with the same parser); the processor"
              + " cannot, so it refuses the document");
    }
    DatelineLucene lucene = DatelineQueryBuilder.lucene(target == null ? Settings.EMPTY : target.getSettings());
    String page = doc.getFieldValue(field, String.class);
    Article article;
    try {
      Article.Builder b = RawArticleParser.parse(page, zone);
      String url = optional(doc, "url");
      if (url != null) {
        b.url(url);
      }
      String source = optional(doc, "source");
      if (source != null) {
        b.source(source);
      }
      String section = optional(doc, "section");
      if (section != null) {
        b.section(section);
      }
      String language = optional(doc, "language");
      if (language != null) {
        b.language(language);
      }
      Object id = doc.getSourceAndMetadata().get(IngestDocument.Metadata.ID.getFieldName());
      if (id != null) {
        b.id(id.toString());
      }
      article = b.build();
      String published = optional(doc, "published");
      if (article.published() == null && published != null) {
        article = article.toBuilder().published(published).build();
      }
      List<Entity> found = EXTRACTOR.extract(article);
      if (found != null && !found.isEmpty()) {
        article = article.toBuilder().entities(found).build();
      }
    } catch (DatelineException | DateTimeException e) {
      throw new IllegalArgumentException("[" + TYPE + "] " + e.getMessage(), e);
    }
    Map<String, Object> all = doc.getSourceAndMetadata();
    for (String key : new ArrayList<>(all.keySet())) {
      if (!METADATA.contains(key)) {
        all.remove(key);
      }
    }
    all.putAll(DatelineMapping.document(lucene, article));
    all.put(IngestDocument.Metadata.ID.getFieldName(), article.id());
    return doc;
  }

  private static String optional(IngestDocument doc, String name) {
    Object v = doc.getSourceAndMetadata().get(name);
    return v == null ? null : v.toString();
  }

  @Override
  public String getType() {
    return TYPE;
  }

  /** Makes processors from pipeline configurations. */
  static final class Factory implements Processor.Factory {
    private final Supplier<ClusterState> state;

    Factory(Supplier<ClusterState> state) {
      this.state = state;
    }

    @Override
    public Processor create(
        Map<String, Processor.Factory> registry, String tag, String description, Map<String, Object> config) {
      String field = ConfigurationUtils.readStringProperty(TYPE, tag, config, "field", "page");
      String zone = ConfigurationUtils.readStringProperty(TYPE, tag, config, "zone", "UTC");
      ZoneId z;
      try {
        z = ZoneId.of(zone);
      } catch (DateTimeException e) {
        throw ConfigurationUtils.newConfigurationException(TYPE, tag, "zone", "unknown time zone [" + zone + "]");
      }
      return new ArticleProcessor(tag, description, field, z, state);
    }
  }
}
