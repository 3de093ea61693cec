package dev.dateline.opensearch;

import dev.dateline.Article;
import dev.dateline.ArticleFiles;
import dev.dateline.DatelineException;
import dev.dateline.DatelineLucene;
import dev.dateline.Entity;
import dev.dateline.EntityType;
import dev.dateline.IndexException;
import dev.dateline.IndexFields;
import dev.dateline.InvalidQueryException;
import dev.dateline.NewsIndex;
import dev.dateline.NewsQuery;
import dev.dateline.NewsStore;
import dev.dateline.SearchHit;
import dev.dateline.SearchResults;
import dev.dateline.Snippet;
import dev.dateline.SortOrder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.ErrorCause;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.SearchType;
import org.opensearch.client.opensearch._types.SortOptions;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.SearchRequest;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.opensearch.core.search.TotalHitsRelation;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;

/**
 * {@link NewsIndex}'s operations on an OpenSearch index (with {@link DatelinePlugin} on every
 * node), through the official {@code opensearch-java} client: add (one article, or many in bulk
 * with back-pressure and per-article errors), delete, refresh, search with a {@link NewsQuery}
 * (totals, cursors, snippets) and count. Implements {@link NewsStore}, so an application can switch
 * between the embedded index and a cluster by configuration.
 *
 * <p>Searches run as {@code dfs_query_then_fetch} with the {@code dateline} query (sent as a
 * {@code wrapper} query), sorted as {@link DatelineMapping#sort}: the hits, their order, scores and
 * totals are the embedded index's over the same articles. Cursors are {@code search_after} values,
 * valid for this index and the same query. Differences from {@link NewsIndex}: no typo correction
 * ({@link SearchResults#correctedText()} and {@link SearchResults#suggestion()} are null); snippets
 * are OpenSearch's highlighter's passages of the body (or bullets), not the library's, with the same
 * {@link Snippet} contract (plain text and match offsets); a query with Lucene {@link
 * NewsQuery.Builder#filter filters} or non-default recency parameters cannot be sent and is refused;
 * no facets yet. Changes are durable when OpenSearch acknowledges them (its translog), so there is
 * no commit. The options given here choose the entity extractor, the total threshold and the field
 * size cap, and {@link #createIndex} writes the ones that change scoring (boosts, BM25, combined
 * field scoring) into the index settings, where the plugin reads them: give the same options to
 * every {@code NewsCluster} of an index.
 *
 * <p>Thread-safe if the client is (opensearch-java's is). {@link #close()} does not close the
 * client, which the caller owns.
 */
public final class NewsCluster implements NewsStore {
  /** Articles per bulk request in {@link #addAll}. */
  public static final int BULK_ARTICLES = 500;

  /** Approximate bytes of text per bulk request in {@link #addAll}: a batch is sent once over. */
  public static final long BULK_BYTES = 5L * 1024 * 1024;

  /** Attempts of a bulk request, or of its items, that the cluster refuses as too busy (429). */
  public static final int BULK_ATTEMPTS = 6;

  static final String PRE = "\uE000";
  static final String POST = "\uE001";
  private static final List<String> HIT_FIELDS =
      List.of(
          IndexFields.ID, IndexFields.HEADLINE, IndexFields.PUBLISHED, IndexFields.SOURCE,
          IndexFields.BYLINE, IndexFields.SECTION, DatelineMapping.URL, DatelineMapping.ENTITIES);

  private final OpenSearchClient client;
  private final String index;
  private final NewsIndex.Options options;
  private final DatelineLucene lucene;

  private NewsCluster(OpenSearchClient client, String index, NewsIndex.Options options) {
    this.client = Objects.requireNonNull(client, "client");
    this.index = Objects.requireNonNull(index, "index");
    this.options = Objects.requireNonNull(options, "options");
    this.lucene = DatelineLucene.of(options);
  }

  /**
   * The index {@code index} of the cluster {@code client} talks to, with the default options.
   *
   * @param client the client (not closed by {@link #close()})
   * @param index the index name
   * @return the cluster store
   */
  public static NewsCluster of(OpenSearchClient client, String index) {
    return of(client, index, NewsIndex.Options.defaults());
  }

  /**
   * The index {@code index} of the cluster {@code client} talks to.
   *
   * @param client the client (not closed by {@link #close()})
   * @param index the index name
   * @param options the entity extractor, total threshold, field size cap and (for {@link
   *     #createIndex}) the scoring options
   * @return the cluster store
   */
  public static NewsCluster of(OpenSearchClient client, String index, NewsIndex.Options options) {
    return new NewsCluster(client, index, options);
  }

  /**
   * Creates the index from {@link DatelineMapping} (strict mapping, sorted newest first).
   *
   * @param shards primary shards
   * @param replicas replicas of each
   * @throws IndexException if the cluster refuses (the index exists, the plugin is missing, ...)
   */
  public void createIndex(int shards, int replicas) {
    String body =
        json(
            Map.of(
                "settings", DatelineMapping.settings(shards, replicas, options),
                "mappings", DatelineMapping.mapping()));
    try (Response r =
        client.generic().execute(Requests.builder().method("PUT").endpoint("/" + index).json(body).build())) {
      if (r.getStatus() != 200) {
        throw new IndexException(
            "cannot create index " + index + ": HTTP " + r.getStatus() + " "
                + r.getBody().map(b -> b.bodyAsString()).orElse(""));
      }
    } catch (IOException e) {
      throw new IndexException("cannot create index " + index + ": " + e.getMessage(), e);
    }
  }

  // ------------------------------------------------------------------ writing

  /**
   * Adds one article (one request; for many, {@link #addAll} is much faster).
   *
   * @throws dev.dateline.InvalidArticleException if the article cannot be indexed
   * @throws IndexException if the cluster refuses it or cannot be reached
   */
  @Override
  public Article add(Article article) {
    Article a = withEntities(Objects.requireNonNull(article, "article"));
    Map<String, Object> doc = DatelineMapping.document(lucene, a);
    try {
      client.index(i -> i.index(index).id(a.id()).document(doc));
    } catch (OpenSearchException e) {
      throw new IndexException("cluster refused article " + a.id() + ": " + reason(e.error()), e);
    } catch (IOException e) {
      throw new IndexException("cannot add article " + a.id() + ": " + e.getMessage(), e);
    }
    return a;
  }

  /**
   * Adds every article read (as {@link ArticleFiles#stream} yields them), in bulk requests of up
   * to {@link #BULK_ARTICLES} articles or {@link #BULK_BYTES} of text. One request is in flight at a
   * time and the caller's thread waits for it: a busy cluster slows the reader down instead of
   * queueing without bound (back-pressure). Requests or items the cluster refuses as too busy (HTTP
   * 429) are retried with a doubling pause, up to {@link #BULK_ATTEMPTS} attempts.
   *
   * <p>Per-article problems do not stop the run: records the reader already rejected, articles the
   * library refuses (a field that cannot be indexed, a failing extractor) and articles the cluster
   * refuses go to {@code rejected} as {@code location: reason}, like the CLI's {@code index}.
   *
   * @param records the records, with their {@code file:line} locations
   * @param rejected receives each record that was not indexed, with why
   * @return the number of articles the cluster acknowledged
   * @throws IndexException if a whole request fails (the cluster cannot be reached, or stays too
   *     busy); the articles of earlier requests stay indexed
   */
  public long addAll(Iterator<? extends ArticleFiles.Record> records, Consumer<? super ArticleFiles.Rejected> rejected) {
    Objects.requireNonNull(rejected, "rejected");
    long indexed = 0;
    List<Pending> batch = new ArrayList<>();
    long bytes = 0;
    while (records.hasNext()) {
      switch (records.next()) {
        case ArticleFiles.Rejected r -> rejected.accept(r);
        case ArticleFiles.Parsed p -> {
          Map<String, Object> doc;
          Article a;
          try {
            a = withEntities(p.article());
            doc = DatelineMapping.document(lucene, a);
          } catch (DatelineException e) {
            rejected.accept(new ArticleFiles.Rejected(p.location(), e.getMessage()));
            continue;
          }
          batch.add(new Pending(a.id(), p.location(), doc));
          bytes += p.article().bodyText().length() * 2L + 256;
          if (batch.size() >= BULK_ARTICLES || bytes >= BULK_BYTES) {
            indexed += send(batch, rejected);
            batch.clear();
            bytes = 0;
          }
        }
      }
    }
    if (!batch.isEmpty()) {
      indexed += send(batch, rejected);
    }
    return indexed;
  }

  private record Pending(String id, String location, Map<String, Object> doc) {}

  /** Sends one batch, retrying what the cluster refuses as too busy; returns how many it took. */
  private long send(List<Pending> batch, Consumer<? super ArticleFiles.Rejected> rejected) {
    List<Pending> todo = batch;
    long indexed = 0;
    long pause = 50;
    for (int attempt = 1; !todo.isEmpty(); attempt++) {
      List<BulkOperation> ops = new ArrayList<>(todo.size());
      for (Pending p : todo) {
        ops.add(BulkOperation.of(o -> o.index(i -> i.index(index).id(p.id()).document(p.doc()))));
      }
      BulkResponse response;
      try {
        response = client.bulk(b -> b.operations(ops));
      } catch (OpenSearchException e) {
        if (e.status() == 429 && attempt < BULK_ATTEMPTS) {
          pause = sleep(pause);
          continue;
        }
        throw new IndexException("cluster refused a bulk request: " + reason(e.error()), e);
      } catch (IOException e) {
        throw new IndexException("bulk request failed: " + e.getMessage(), e);
      }
      List<Pending> busy = new ArrayList<>();
      List<BulkResponseItem> items = response.items();
      for (int i = 0; i < items.size(); i++) {
        BulkResponseItem item = items.get(i);
        Pending p = todo.get(i);
        if (item.error() == null) {
          indexed++;
        } else if (item.status() == 429 && attempt < BULK_ATTEMPTS) {
          busy.add(p);
        } else {
          rejected.accept(new ArticleFiles.Rejected(p.location(), "cluster refused: " + reason(item.error())));
        }
      }
      todo = busy;
      if (!todo.isEmpty()) {
        pause = sleep(pause);
      }
    }
    return indexed;
  }

  private static long sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IndexException("interrupted while the cluster was busy", e);
    }
    return Math.min(millis * 2, 5_000);
  }

  private static String reason(ErrorCause e) {
    if (e == null) {
      return "unknown error";
    }
    String r = e.type() + ": " + e.reason();
    return r.replace('\n', ' ');
  }

  private Article withEntities(Article a) {
    if (!a.entities().isEmpty()) {
      return a;
    }
    List<Entity> found;
    try {
      found = options.entityExtractor().extract(a);
    } catch (RuntimeException e) {
      throw new DatelineException("entity extraction failed for article " + a.id() + ": " + e, e);
    }
    return found == null || found.isEmpty() ? a : a.toBuilder().entities(found).build();
  }

  @Override
  public void delete(String id) {
    Objects.requireNonNull(id, "id");
    try {
      client.delete(d -> d.index(index).id(id));
    } catch (OpenSearchException e) {
      if (e.status() != 404 || "index_not_found_exception".equals(e.error().type())) {
        throw new IndexException("cluster refused to delete " + id + ": " + reason(e.error()), e);
      }
    } catch (IOException e) {
      throw new IndexException("cannot delete article " + id + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void refresh() {
    try {
      client.indices().refresh(r -> r.index(index));
    } catch (OpenSearchException e) {
      throw new IndexException("cluster refused to refresh " + index + ": " + reason(e.error()), e);
    } catch (IOException e) {
      throw new IndexException("cannot refresh " + index + ": " + e.getMessage(), e);
    }
  }

  /** {@code value} as JSON, written by the client's own mapper. */
  private String json(Object value) {
    return JsonData.of(value).toJson(client._transport().jsonpMapper()).toString();
  }

  /** Nothing to release: the client is the caller's. */
  @Override
  public void close() {}

  // ------------------------------------------------------------------ reading

  /**
   * Runs the query on the cluster ({@code dfs_query_then_fetch}): as {@link NewsIndex#search}, but
   * without typo correction; see the class documentation.
   *
   * @throws InvalidQueryException if the query is invalid (the cluster's parse error), has Lucene
   *     filters or non-default recency parameters, or its cursor is not one of this store's for
   *     the query's order
   */
  @Override
  public SearchResults search(NewsQuery query) {
    Objects.requireNonNull(query, "query");
    SortOrder order = DatelineLucene.order(query);
    Cursor after = query.cursor() == null ? null : Cursor.decode(order, query.cursor());
    Instant reference =
        order != SortOrder.RECENT ? null : after != null ? after.reference() : query.recencyReference();
    Query wrapped = wrapper(query, reference);
    int threshold = options.totalHitsThreshold();
    SearchRequest.Builder s =
        new SearchRequest.Builder()
            .index(index)
            .searchType(SearchType.DfsQueryThenFetch)
            .query(wrapped)
            // One more than the page, as NewsIndex does: whether it exists says whether a next
            // page does (a last page that is exactly full has no cursor).
            .size(query.limit() + 1)
            .sort(sorts(order))
            .source(src -> src.filter(f -> f.includes(HIT_FIELDS)));
    if (query.exactTotal()) {
      s.trackTotalHits(t -> t.enabled(true));
    } else {
      s.trackTotalHits(t -> t.count(threshold));
    }
    if (after != null) {
      s.searchAfter(after.values());
    }
    if (query.highlight()) {
      s.highlight(
          h -> h.requireFieldMatch(false) // the query's words are on all_text
              .fields(IndexFields.BODY, f -> highlightField(f))
              .fields(IndexFields.BULLETS, f -> highlightField(f)));
    }
    SearchResponse<Map> response;
    try {
      response = client.search(s.build(), Map.class);
    } catch (OpenSearchException e) {
      throw refused("search", e);
    } catch (IOException e) {
      throw new IndexException("search failed: " + e.getMessage(), e);
    }
    boolean scored = order == SortOrder.RELEVANCE || order == SortOrder.RECENT;
    List<SearchHit> hits = new ArrayList<>();
    List<Hit<Map>> all = response.hits().hits();
    boolean more = all.size() > query.limit();
    List<Hit<Map>> raw = more ? all.subList(0, query.limit()) : all;
    for (Hit<Map> h : raw) {
      hits.add(hit(h, scored));
    }
    String next = more ? new Cursor(order, reference, raw.get(raw.size() - 1).sort()).encode() : null;
    var total = response.hits().total();
    boolean exact = total.relation() == TotalHitsRelation.Eq;
    if (query.exactTotal()) {
      return new SearchResults(total.value(), true, hits, next);
    }
    return exact && total.value() <= threshold
        ? new SearchResults(total.value(), true, hits, next)
        : new SearchResults(threshold, false, hits, next);
  }

  private static org.opensearch.client.util.ObjectBuilder<org.opensearch.client.opensearch.core.search.HighlightField>
      highlightField(org.opensearch.client.opensearch.core.search.HighlightField.Builder f) {
    return f.preTags(PRE).postTags(POST).fragmentSize(160).numberOfFragments(2).noMatchSize(160);
  }

  /**
   * The exact number of articles matching the query's text and filters (the count API; a query
   * for all articles counts them all).
   *
   * @throws InvalidQueryException if the query is invalid or cannot be sent
   */
  @Override
  public long count(NewsQuery query) {
    Objects.requireNonNull(query, "query");
    Query wrapped = wrapper(query, null);
    try {
      return client.count(c -> c.index(index).query(wrapped)).count();
    } catch (OpenSearchException e) {
      throw refused("count", e);
    } catch (IOException e) {
      throw new IndexException("count failed: " + e.getMessage(), e);
    }
  }

  private RuntimeException refused(String what, OpenSearchException e) {
    if (e.status() == 400) {
      return new InvalidQueryException(reason(rootCause(e.error())));
    }
    return new IndexException("cluster refused the " + what + ": " + reason(e.error()), e);
  }

  private static ErrorCause rootCause(ErrorCause e) {
    if (e != null && e.rootCause() != null && !e.rootCause().isEmpty()) {
      return e.rootCause().get(0);
    }
    return e;
  }

  /** The {@code dateline} query's parameters for {@code query}, as a wrapper query. */
  private Query wrapper(NewsQuery query, Instant reference) {
    String json = json(Map.of(DatelineQueryBuilder.NAME, params(query, reference)));
    String base64 = Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    return Query.of(q -> q.wrapper(w -> w.query(base64)));
  }

  /** The {@code dateline} query's parameters that say what {@code query} says. */
  static Map<String, Object> params(NewsQuery query, Instant reference) {
    if (!query.filters().isEmpty()) {
      throw new InvalidQueryException("Lucene filters (NewsQuery.Builder.filter) cannot be sent to a cluster");
    }
    if (!query.recencyHalfLife().equals(NewsQuery.Builder.DEFAULT_RECENCY_HALF_LIFE)
        || query.recencyFloor() != NewsQuery.Builder.DEFAULT_RECENCY_FLOOR) {
      throw new InvalidQueryException("the cluster ranks recency with the default half-life and floor only");
    }
    Map<String, Object> p = new LinkedHashMap<>();
    if (query.text() != null) {
      p.put("text", query.text());
    }
    p.put("operator", query.defaultOperator().name().toLowerCase(Locale.ROOT));
    p.put("syntax", query.syntax().name().toLowerCase(Locale.ROOT));
    p.put("zone", query.zone().getId());
    if (query.from() != null) {
      p.put("from", query.from().toString());
    }
    if (query.to() != null) {
      p.put("to", query.to().toString());
    }
    for (EntityType t : EntityType.values()) {
      String key = t.name().toLowerCase(Locale.ROOT);
      List<String> in = query.entities().stream().filter(e -> e.type() == t).map(NewsQuery.EntityFilter::name).toList();
      List<String> out =
          query.excludedEntities().stream().filter(e -> e.type() == t).map(NewsQuery.EntityFilter::name).toList();
      if (!in.isEmpty()) {
        p.put(key, in);
      }
      if (!out.isEmpty()) {
        p.put("exclude_" + key, out);
      }
    }
    if (!query.sources().isEmpty()) {
      p.put("source", query.sources());
    }
    if (!query.sections().isEmpty()) {
      p.put("section", query.sections());
    }
    p.put("expand_aliases", query.expandAliases());
    p.put("sort", query.sort().name().toLowerCase(Locale.ROOT));
    if (reference != null) {
      p.put("reference", reference.toString());
    }
    return p;
  }

  private static final org.opensearch.client.opensearch._types.SortOrder ASC =
      org.opensearch.client.opensearch._types.SortOrder.Asc;
  private static final org.opensearch.client.opensearch._types.SortOrder DESC =
      org.opensearch.client.opensearch._types.SortOrder.Desc;

  /** As {@link DatelineMapping#sort}, in the client's types. */
  static List<SortOptions> sorts(SortOrder order) {
    SortOptions id = SortOptions.of(so -> so.field(f -> f.field(IndexFields.ID).order(ASC)));
    return switch (order) {
      case RELEVANCE, RECENT -> List.of(SortOptions.of(so -> so.score(sc -> sc.order(DESC))), id);
      case NEWEST, OLDEST ->
          List.of(
              SortOptions.of(
                  so -> so.field(
                      f -> f.field(IndexFields.PUBLISHED)
                          .order(order == SortOrder.NEWEST ? DESC : ASC)
                          .mode(org.opensearch.client.opensearch._types.SortMode.Min)
                          .missing(FieldValue.of("_last")))),
              id);
    };
  }

  @SuppressWarnings("unchecked")
  private static SearchHit hit(Hit<Map> h, boolean scored) {
    Map<String, Object> src = h.source() == null ? Map.of() : h.source();
    Object published = first(src.get(IndexFields.PUBLISHED));
    List<Entity> entities = new ArrayList<>();
    if (src.get(DatelineMapping.ENTITIES) instanceof List<?> list) {
      for (Object o : list) {
        Map<String, Object> e = (Map<String, Object>) o;
        entities.add(
            new Entity(
                EntityType.valueOf((String) e.get("type")),
                (String) e.get("name"),
                (List<String>) e.getOrDefault("aliases", List.of()),
                ((Number) e.getOrDefault("mentions", 1)).intValue()));
      }
    }
    Double score = h.score();
    float s = scored && score != null && !score.isNaN() ? score.floatValue() : 0f;
    return new SearchHit(
        h.id(),
        string(src.get(IndexFields.HEADLINE)),
        published == null ? null : Instant.ofEpochMilli(((Number) published).longValue()),
        string(src.get(IndexFields.SOURCE)),
        string(src.get(IndexFields.BYLINE)),
        string(src.get(DatelineMapping.URL)),
        string(src.get(IndexFields.SECTION)),
        s,
        snippet(h.highlight()),
        entities);
  }

  private static Object first(Object v) {
    return v instanceof List<?> l ? (l.isEmpty() ? null : l.get(0)) : v;
  }

  private static String string(Object v) {
    Object f = first(v);
    return f == null ? null : f.toString();
  }

  /** The highlighter's fragments (marked with private-use characters) as a {@link Snippet}. */
  static Snippet snippet(Map<String, List<String>> highlight) {
    if (highlight == null) {
      return null;
    }
    List<String> fragments = highlight.get(IndexFields.BODY);
    if (fragments == null || fragments.isEmpty()) {
      fragments = highlight.get(IndexFields.BULLETS);
    }
    if (fragments == null || fragments.isEmpty()) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    List<Snippet.Match> matches = new ArrayList<>();
    for (String fragment : fragments) {
      if (!text.isEmpty()) {
        text.append(Snippet.ELLIPSIS);
      }
      int start = -1;
      for (int i = 0; i < fragment.length(); i++) {
        char c = fragment.charAt(i);
        if (c == PRE.charAt(0)) {
          start = text.length();
        } else if (c == POST.charAt(0)) {
          if (start >= 0 && text.length() > start) {
            Snippet.Match m = new Snippet.Match(start, text.length());
            if (!matches.isEmpty() && matches.get(matches.size() - 1).end() == m.start()) {
              m = new Snippet.Match(matches.remove(matches.size() - 1).start(), m.end());
            }
            matches.add(m);
          }
          start = -1;
        } else {
          text.append(c);
        }
      }
    }
    return new Snippet(text.toString(), matches, "<em>", "</em>");
  }

  /** A page's last sort values, with the order (and recency reference) they belong to. */
  record Cursor(SortOrder order, Instant reference, List<FieldValue> values) {
    private static final String PREFIX = "dc1";

    String encode() {
      StringBuilder s = new StringBuilder(PREFIX).append('\n').append(order.name()).append('\n');
      s.append(reference == null ? "-" : reference.toString());
      for (FieldValue v : values) {
        s.append('\n');
        if (v.isLong()) {
          s.append('l').append(v.longValue());
        } else if (v.isDouble()) {
          s.append('d').append(Double.doubleToLongBits(v.doubleValue()));
        } else if (v.isString()) {
          s.append('s').append(v.stringValue().replace("\\", "\\\\").replace("\n", "\\n"));
        } else {
          s.append('n');
        }
      }
      return Base64.getUrlEncoder().withoutPadding().encodeToString(s.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Undoes {@link #encode}'s escaping of backslashes and line breaks, left to right. */
    private static String unescape(String s) {
      StringBuilder out = new StringBuilder(s.length());
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '\\') {
          char next = s.charAt(++i); // a lone trailing backslash is not a cursor: caught below
          out.append(next == 'n' ? '\n' : next);
        } else {
          out.append(c);
        }
      }
      return out.toString();
    }

    static Cursor decode(SortOrder order, String cursor) {
      try {
        String[] parts =
            new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", -1);
        if (parts.length < 4 || !parts[0].equals(PREFIX)) {
          throw new IllegalArgumentException("not a cluster cursor");
        }
        if (!parts[1].equals(order.name())) {
          throw new InvalidQueryException(
              "cursor is from a query sorted " + parts[1].toLowerCase(Locale.ROOT) + ", not "
                  + order.name().toLowerCase(Locale.ROOT));
        }
        Instant reference = parts[2].equals("-") ? null : Instant.parse(parts[2]);
        List<FieldValue> values = new ArrayList<>();
        for (int i = 3; i < parts.length; i++) {
          String p = parts[i];
          String rest = p.substring(1);
          values.add(
              switch (p.charAt(0)) {
                case 'l' -> FieldValue.of(Long.parseLong(rest));
                case 'd' -> FieldValue.of(Double.longBitsToDouble(Long.parseLong(rest)));
                case 's' -> FieldValue.of(unescape(rest));
                case 'n' -> FieldValue.NULL;
                default -> throw new IllegalArgumentException("bad value");
              });
        }
        return new Cursor(order, reference, values);
      } catch (InvalidQueryException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new InvalidQueryException("invalid cursor: not a Dateline cluster cursor");
      }
    }
  }
}
