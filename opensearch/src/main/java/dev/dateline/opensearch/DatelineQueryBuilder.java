package dev.dateline.opensearch;

import dev.dateline.DatelineException;
import dev.dateline.DatelineLucene;
import dev.dateline.EntityType;
import dev.dateline.InvalidQueryException;
import dev.dateline.NewsQuery;
import dev.dateline.SortOrder;
import java.io.IOException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.search.Query;
import org.opensearch.core.common.ParsingException;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.xcontent.ToXContent;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.index.query.AbstractQueryBuilder;
import org.opensearch.index.query.QueryShardContext;

/**
 * The {@code dateline} query: Dateline's query syntax and filters, compiled on each shard by the
 * library's compiler ({@link DatelineLucene#compile}) against that shard's reader.
 *
 * <pre>{@code
 * {"dateline": {"text": "ceasefire talks", "from": "2024-01-01", "to": "2024-02-01",
 *               "zone": "UTC", "person": ["Volodymyr Zelenskiy"], "place": [], "org": [],
 *               "exclude_person": [], "source": ["Reuters"], "section": ["World"],
 *               "operator": "or", "syntax": "standard", "expand_aliases": true,
 *               "sort": "relevance", "reference": "2024-02-01T00:00:00Z",
 *               "boost": 1.0, "_name": "q"}}
 * }</pre>
 *
 * <p>Every key is optional. {@code sort} matters only for {@code recent}, whose decay is part of the
 * score (ages measured from {@code reference}, an ISO instant; give one so that every shard uses
 * the same); order the hits with the search request's own {@code sort} ({@link DatelineMapping#sort}).
 */
public final class DatelineQueryBuilder extends AbstractQueryBuilder<DatelineQueryBuilder> {
  /** The query's name in the search DSL. */
  public static final String NAME = "dateline";

  private static final Set<String> KEYS =
      Set.of(
          "text", "from", "to", "zone", "person", "place", "org", "exclude_person",
          "exclude_place", "exclude_org", "source", "section", "operator", "syntax",
          "expand_aliases", "sort", "reference");

  private static final DatelineLucene DEFAULTS = DatelineLucene.defaults();

  /** Compilers by the options of the index settings they were made for (few: one per index). */
  private static final Map<org.opensearch.common.settings.Settings, DatelineLucene> BY_SETTINGS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** The compiler for an index with these settings ({@link DatelinePlugin#options}). */
  static DatelineLucene lucene(org.opensearch.common.settings.Settings indexSettings) {
    org.opensearch.common.settings.Settings scoring =
        indexSettings.filter(
            k -> k.startsWith("index.dateline.") || k.startsWith("index.similarity.default."));
    if (scoring.isEmpty()) {
      return DEFAULTS;
    }
    if (BY_SETTINGS.size() > 1000) {
      BY_SETTINGS.clear();
    }
    return BY_SETTINGS.computeIfAbsent(scoring, s -> DatelineLucene.of(DatelinePlugin.options(s)));
  }

  private final Map<String, Object> params;

  /** A query with these parameters (the keys above); validated now. */
  public DatelineQueryBuilder(Map<String, Object> params) {
    for (Map.Entry<String, Object> e : params.entrySet()) {
      if (!KEYS.contains(e.getKey())) {
        throw new IllegalArgumentException("[" + NAME + "] unknown parameter [" + e.getKey() + "]");
      }
      if (e.getValue() == null) {
        throw new IllegalArgumentException("[" + NAME + "] parameter [" + e.getKey() + "] is null");
      }
    }
    this.params = Map.copyOf(params);
    toNewsQuery(); // fail early on a bad query or filter
  }

  /** A query with these parameters, or why not (unknown key, bad value, invalid query). */
  private static IllegalArgumentException invalid(RuntimeException e) {
    return e instanceof IllegalArgumentException iae
        ? iae
        : new IllegalArgumentException("[" + NAME + "] " + e.getMessage(), e);
  }

  /** Reads a query sent between nodes. */
  public DatelineQueryBuilder(StreamInput in) throws IOException {
    super(in);
    this.params = Map.copyOf(in.readMap());
  }

  /** The parameters, as given. */
  public Map<String, Object> params() {
    return params;
  }

  @Override
  protected void doWriteTo(StreamOutput out) throws IOException {
    out.writeMap(params);
  }

  @Override
  protected void doXContent(XContentBuilder builder, ToXContent.Params p) throws IOException {
    builder.startObject(NAME);
    for (Map.Entry<String, Object> e : new java.util.TreeMap<>(params).entrySet()) {
      builder.field(e.getKey(), e.getValue());
    }
    printBoostAndQueryName(builder);
    builder.endObject();
  }

  /** Parses {@code {"dateline": {...}}}'s inner object. */
  public static DatelineQueryBuilder fromXContent(XContentParser parser) throws IOException {
    Map<String, Object> raw = new LinkedHashMap<>(parser.map());
    Object boost = raw.remove(BOOST_FIELD.getPreferredName());
    Object name = raw.remove(NAME_FIELD.getPreferredName());
    DatelineQueryBuilder q;
    try {
      q = new DatelineQueryBuilder(raw);
    } catch (IllegalArgumentException e) {
      throw new ParsingException(parser.getTokenLocation(), e.getMessage(), e);
    }
    if (boost != null) {
      q.boost(((Number) boost).floatValue());
    }
    if (name != null) {
      q.queryName(name.toString());
    }
    return q;
  }

  /**
   * The Dateline query these parameters describe (its limit, cursor and highlighting are not used).
   *
   * @throws IllegalArgumentException if a parameter is invalid, or the query or a filter is (an
   *     {@link InvalidQueryException} for the query text)
   */
  public NewsQuery toNewsQuery() {
    try {
      return newsQuery();
    } catch (DatelineException | DateTimeException | ClassCastException e) {
      throw invalid(e);
    }
  }

  private NewsQuery newsQuery() {
    NewsQuery.Builder b = NewsQuery.builder();
    String reference = string("reference");
    if (reference != null) {
      b.clock(Clock.fixed(Instant.parse(reference), ZoneOffset.UTC));
    }
    if (string("zone") != null) {
      b.zone(string("zone"));
    }
    if (string("text") != null) {
      b.text(string("text"));
    }
    if (string("operator") != null) {
      b.defaultOperator(NewsQuery.Operator.valueOf(string("operator").toUpperCase(Locale.ROOT)));
    }
    if (string("syntax") != null) {
      b.syntax(dev.dateline.QuerySyntax.valueOf(string("syntax").toUpperCase(Locale.ROOT)));
    }
    if (string("from") != null) {
      b.from(string("from"));
    }
    if (string("to") != null) {
      b.to(string("to"));
    }
    for (EntityType t : EntityType.values()) {
      String key = t.name().toLowerCase(Locale.ROOT);
      strings(key).forEach(v -> b.entity(t, v));
      strings("exclude_" + key).forEach(v -> b.excludeEntity(t, v));
    }
    strings("source").forEach(b::source);
    strings("section").forEach(b::section);
    if (params.get("expand_aliases") != null) {
      b.expandAliases((Boolean) params.get("expand_aliases"));
    }
    if (string("sort") != null) {
      b.sort(SortOrder.valueOf(string("sort").toUpperCase(Locale.ROOT)));
    }
    return b.build();
  }

  private String string(String key) {
    Object v = params.get(key);
    return v == null ? null : v.toString();
  }

  private List<String> strings(String key) {
    Object v = params.get(key);
    if (v == null) {
      return List.of();
    }
    if (v instanceof List<?> list) {
      return list.stream().map(Object::toString).toList();
    }
    return List.of(v.toString());
  }

  @Override
  protected Query doToQuery(QueryShardContext context) throws IOException {
    // Compiled when run, with the searcher's statistics: global ones under dfs_query_then_fetch.
    return lucene(context.getIndexSettings().getSettings()).compileDeferred(toNewsQuery());
  }

  @Override
  protected boolean doEquals(DatelineQueryBuilder other) {
    return params.equals(other.params);
  }

  @Override
  protected int doHashCode() {
    return Objects.hash(params);
  }

  @Override
  public String getWriteableName() {
    return NAME;
  }

}
