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
import dev.dateline.DateInterval;
import dev.dateline.FacetCount;
import dev.dateline.FacetDimension;
import dev.dateline.FacetRequest;
import dev.dateline.Facets;
import dev.dateline.Histogram;
import dev.dateline.StoriesNotEnabledException;
import dev.dateline.Story;
import dev.dateline.StoryDetector;
import dev.dateline.SignificantValue;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import org.opensearch.client.opensearch._types.aggregations.Aggregate;
import org.opensearch.client.opensearch._types.aggregations.Aggregation;
import org.opensearch.client.opensearch._types.aggregations.AggregationRange;
import org.opensearch.client.opensearch._types.aggregations.CalendarInterval;
import org.opensearch.client.opensearch._types.aggregations.CompositeAggregate;
import org.opensearch.client.opensearch._types.aggregations.CompositeAggregationSource;
import org.opensearch.client.opensearch._types.aggregations.CompositeBucket;
import org.opensearch.client.opensearch._types.aggregations.DateHistogramBucket;
import org.opensearch.client.opensearch._types.aggregations.FieldDateMath;
import org.opensearch.client.opensearch._types.aggregations.FilterAggregate;
import org.opensearch.client.opensearch._types.aggregations.RangeBucket;
import org.opensearch.client.opensearch._types.aggregations.StringTermsAggregate;
import org.opensearch.client.opensearch._types.aggregations.StringTermsBucket;
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
 * NewsQuery.Builder#filter filters} or non-default recency parameters cannot be sent and is refused.
 * Facet counts and date histograms ({@link #facets}, {@link #search(NewsQuery, FacetRequest)}) are
 * aggregations and equal the embedded index's, and so are {@link #significant} values.
 *
 * <p>Stories: an index created with {@link NewsIndex.Options#stories()} ({@link #createIndex}
 * records it in the mapping's {@code _meta}) groups copies as an embedded story index does. The
 * client detects them: on its first write it loads every article's fingerprint from the cluster
 * into a {@link StoryDetector} (about 0.6 KB per article in the client's memory), and each add or
 * delete then writes the article's story key ({@link DatelineMapping#STORY_KEY}) and re-indexes
 * the articles it moves to another story (read back from {@code _source}). Collapse ({@link
 * NewsQuery.Builder#collapse}) and facet counts by story ({@link FacetRequest#stories()}) are then
 * equal to the embedded index's; on an index without stories they throw {@link
 * StoriesNotEnabledException}. One writing client per story index at a time, as one {@code
 * NewsIndex} writer per directory, enforced by a writer lease: the first write of a store takes
 * it (a document in {@link #WRITER_LEASE_INDEX} created with {@code op_type=create}), {@link
 * #close()} releases it, and a write of another store meanwhile throws {@link
 * WriterLeaseException} naming the index and the holder; searches need no lease. A holder that is
 * gone without closing leaves its lease: {@link #takeOverWriterLease()} takes it over, and the
 * old holder, if it still runs, is refused at its next write. The {@code dateline_article}
 * processor refuses a story index (it cannot assign stories); plain bulk requests written past
 * this client have no story key and are stories of their own. Changes are durable when OpenSearch acknowledges them (its translog), so there is
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

  /**
   * Values per dimension that the first facet request lists (a {@code terms} aggregation with this
   * {@code size} and {@code shard_size}), and values per page of the {@code composite}
   * aggregation that lists a dimension with more; see {@link #facets}.
   */
  public static final int FACET_TERMS = 1_000;

  /**
   * The index holding the writer leases of story indexes: one document per story index (its id
   * the index's name) naming the client that writes it ({@link #writerId()}, process id, host,
   * since when). Created by the first writer (one shard, {@code auto_expand_replicas} 0-1); a
   * writing client needs the right to create it and to write and read its documents.
   */
  public static final String WRITER_LEASE_INDEX = "dateline-writers";

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
  private final int facetTerms;
  /** Whether the index detects stories, read from its mapping on first need. */
  private volatile Boolean stories;
  /**
   * Guards {@link #detector} and orders the writes of a story index: the detector must see each
   * addition and deletion in the order the cluster applies them.
   */
  private final Object storyLock = new Object();
  /** The story detector of a story index, loaded from the cluster on first write (null: not yet, or stale). */
  private StoryDetector detector;
  /** The writer lease of a story index (held from the first write to {@link #close()}). */
  private final WriterLease lease;

  private NewsCluster(OpenSearchClient client, String index, NewsIndex.Options options, int facetTerms) {
    this.client = Objects.requireNonNull(client, "client");
    this.index = Objects.requireNonNull(index, "index");
    this.options = Objects.requireNonNull(options, "options");
    this.lucene = DatelineLucene.of(options);
    this.facetTerms = facetTerms;
    this.lease = new WriterLease(client, index);
  }

  /**
   * This store with another number of values per dimension in the first facet request and per
   * composite page (tests use a small one to run the paging path on few articles).
   */
  NewsCluster withFacetTerms(int n) {
    return new NewsCluster(client, index, options, n);
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
    return new NewsCluster(client, index, options, FACET_TERMS);
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
                "mappings", DatelineMapping.mapping(options)));
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
   * @throws WriterLeaseException if the index detects stories and another store holds its writer
   *     lease (nothing is written)
   */
  @Override
  public Article add(Article article) {
    Article a = withEntities(Objects.requireNonNull(article, "article"));
    Map<String, Object> doc = DatelineMapping.document(lucene, a);
    if (!detectsStories()) {
      indexOne(a.id(), doc);
      return a;
    }
    synchronized (storyLock) {
      holdLease();
      StoryDetector d = detector();
      String print = StoryDetector.fingerprint(a);
      Map<String, Long> changed = d.add(a.id(), a.published(), print);
      doc.put(DatelineMapping.STORY_KEY, changed.get(a.id()));
      doc.put(DatelineMapping.STORY_FINGERPRINT, print);
      boolean done = false;
      try {
        indexOne(a.id(), doc);
        Map<String, Long> others = new LinkedHashMap<>(changed);
        others.remove(a.id());
        move(others);
        done = true;
      } finally {
        if (!done) {
          detector = null; // reloaded (and the stories repaired) on the next write
        }
      }
    }
    return a;
  }

  private void indexOne(String id, Map<String, Object> doc) {
    try {
      client.index(i -> i.index(index).id(id).document(doc));
    } catch (OpenSearchException e) {
      throw new IndexException("cluster refused article " + id + ": " + reason(e.error()), e);
    } catch (IOException e) {
      throw new IndexException("cannot add article " + id + ": " + e.getMessage(), e);
    }
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
   * @throws WriterLeaseException if the index detects stories and another store holds its writer
   *     lease, or took it over before a batch (the batches sent before stay indexed)
   * @throws IndexException if a whole request fails (the cluster cannot be reached, or stays too
   *     busy); the articles of earlier requests stay indexed
   */
  public long addAll(Iterator<? extends ArticleFiles.Record> records, Consumer<? super ArticleFiles.Rejected> rejected) {
    Objects.requireNonNull(rejected, "rejected");
    if (detectsStories()) {
      synchronized (storyLock) {
        holdLease();
        return addAll(records, rejected, true);
      }
    }
    return addAll(records, rejected, false);
  }

  private long addAll(
      Iterator<? extends ArticleFiles.Record> records, Consumer<? super ArticleFiles.Rejected> rejected,
      boolean stories) {
    long indexed = 0;
    List<Pending> batch = new ArrayList<>();
    // A story index: the batch's articles by id (the last of an id), and the articles outside
    // the batch that its articles moved to another story, with their new keys.
    Map<String, Pending> inBatch = new HashMap<>();
    Map<String, Long> moved = new LinkedHashMap<>();
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
          Pending pending = new Pending(a.id(), p.location(), doc);
          batch.add(pending);
          if (stories) {
            String print = StoryDetector.fingerprint(a);
            doc.put(DatelineMapping.STORY_FINGERPRINT, print);
            inBatch.put(a.id(), pending);
            moved.remove(a.id()); // the batch's version is what gets indexed
            detector().add(a.id(), a.published(), print).forEach((id, key) -> {
              Pending same = inBatch.get(id);
              if (same != null) {
                same.doc().put(DatelineMapping.STORY_KEY, key);
              } else {
                moved.put(id, key);
              }
            });
          }
          bytes += p.article().bodyText().length() * 2L + 256;
          if (batch.size() >= BULK_ARTICLES || bytes >= BULK_BYTES) {
            indexed += stories ? sendStories(batch, moved, rejected) : send(batch, rejected);
            batch.clear();
            inBatch.clear();
            moved.clear();
            bytes = 0;
          }
        }
      }
    }
    if (!batch.isEmpty() || !moved.isEmpty()) {
      indexed += stories ? sendStories(batch, moved, rejected) : send(batch, rejected);
    }
    return indexed;
  }

  /**
   * Sends a batch of a story index, then moves the articles outside it whose story changed. When
   * the cluster refuses an article, the detector (which counted it in) no longer agrees with the
   * index: it is reloaded from the cluster, which also rewrites every story key that is off.
   */
  private long sendStories(
      List<Pending> batch, Map<String, Long> moved, Consumer<? super ArticleFiles.Rejected> rejected) {
    holdLease(); // a client whose lease was taken over stops here
    boolean[] refused = {false};
    long n;
    try {
      n = send(batch, r -> {
        refused[0] = true;
        rejected.accept(r);
      });
      if (!refused[0]) {
        move(moved);
      }
    } catch (RuntimeException e) {
      detector = null;
      throw e;
    }
    if (refused[0]) {
      detector = null;
      detector();
    }
    return n;
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

  // ------------------------------------------------------------------ stories: writing

  /**
   * Whether the index detects stories: created with {@link NewsIndex.Options#stories()} (its
   * mapping's {@code _meta} says so, {@link DatelineMapping#META_STORIES}). Read once.
   *
   * @return true if the index groups copies into stories
   * @throws IndexException if the cluster cannot be reached or the index does not exist
   */
  public boolean detectsStories() {
    Boolean on = stories;
    if (on == null) {
      try {
        var mappings = client.indices().getMapping(g -> g.index(index)).result();
        on = false;
        for (var m : mappings.values()) {
          Map<String, JsonData> meta = m.mappings().meta();
          JsonData flag = meta == null ? null : meta.get(DatelineMapping.META_STORIES);
          on |= flag != null && Boolean.TRUE.equals(flag.to(Boolean.class));
        }
      } catch (OpenSearchException e) {
        throw new IndexException("cannot read the mapping of " + index + ": " + reason(e.error()), e);
      } catch (IOException e) {
        throw new IndexException("cannot read the mapping of " + index + ": " + e.getMessage(), e);
      }
      stories = on;
    }
    return on;
  }

  private void requireStories(String what) {
    if (!detectsStories()) {
      throw new StoriesNotEnabledException(
          "cannot " + what + ": the index " + index + " was created without story detection"
              + " (create it with NewsIndex.Options.Builder.stories(true), or dateline-cluster create --stories)");
    }
  }

  /**
   * The story detector, loaded on first need from every article's id, publication time and
   * fingerprint in the cluster (after a refresh, so it sees every acknowledged write); a stored
   * story key that disagrees with the detector (a write that failed half-way) is rewritten.
   * Caller holds {@link #storyLock}.
   */
  private StoryDetector detector() {
    if (detector != null) {
      return detector;
    }
    refresh();
    List<StoryDetector.Member> members = new ArrayList<>();
    Map<String, Long> stored = new HashMap<>();
    scan(
        () -> new SearchRequest.Builder()
            .index(index)
            // Every article (an exists query cannot see a binary field without doc values):
            // those without a fingerprint (ingested by the processor) are skipped below.
            .query(q -> q.matchAll(m -> m))
            .sort(SortOptions.of(so -> so.field(f -> f.field(IndexFields.ID).order(ASC))))
            .source(src -> src.filter(f -> f.includes(
                List.of(IndexFields.PUBLISHED, DatelineMapping.STORY_FINGERPRINT, DatelineMapping.STORY_KEY)))),
        "load stories",
        h -> {
          Map<?, ?> src = h.source();
          if (src == null || !(src.get(DatelineMapping.STORY_FINGERPRINT) instanceof String)) {
            return true;
          }
          Object published = first(src.get(IndexFields.PUBLISHED));
          members.add(
              new StoryDetector.Member(
                  h.id(),
                  published == null ? null : Instant.ofEpochMilli(((Number) published).longValue()),
                  (String) src.get(DatelineMapping.STORY_FINGERPRINT)));
          if (src.get(DatelineMapping.STORY_KEY) instanceof Number key) {
            stored.put(h.id(), key.longValue());
          }
          return true;
        });
    StoryDetector d = new StoryDetector();
    d.load(members);
    Map<String, Long> off = new LinkedHashMap<>();
    for (StoryDetector.Member m : members) {
      Long key = d.keyOf(m.id());
      if (!key.equals(stored.get(m.id()))) {
        off.put(m.id(), key);
      }
    }
    move(off);
    detector = d;
    return d;
  }

  /** Hits per request when reading articles in bulk (the detector's load, story members). */
  static final int SCAN = 5_000;

  /**
   * Reads every hit of a request (its index, query, sort and source filter) in {@code
   * search_after} batches of {@link #SCAN}, without a total, giving each hit to {@code each} until
   * it returns false. {@code request} makes a fresh builder per batch.
   */
  private void scan(
      java.util.function.Supplier<SearchRequest.Builder> request, String what,
      java.util.function.Predicate<Hit<Map>> each) {
    List<FieldValue> after = null;
    while (true) {
      SearchRequest.Builder s = request.get().size(SCAN).trackTotalHits(t -> t.enabled(false));
      if (after != null) {
        s.searchAfter(after);
      }
      List<Hit<Map>> hits = execute(s.build(), what).hits().hits();
      for (Hit<Map> h : hits) {
        if (!each.test(h)) {
          return;
        }
      }
      if (hits.size() < SCAN) {
        return;
      }
      after = hits.get(hits.size() - 1).sort();
    }
  }

  /**
   * Moves articles to other stories: each is read back ({@code _source}, real time), given its new
   * story key and the {@code all_text} values its text fields give ({@link
   * DatelineLucene#allTextValues}; kept out of {@code _source}), and indexed again. An id the
   * cluster no longer has is skipped.
   */
  @SuppressWarnings("unchecked")
  private void move(Map<String, Long> keys) {
    if (keys.isEmpty()) {
      return;
    }
    List<String> ids = new ArrayList<>(keys.keySet());
    for (int from = 0; from < ids.size(); from += BULK_ARTICLES) {
      List<String> some = ids.subList(from, Math.min(ids.size(), from + BULK_ARTICLES));
      List<Pending> again = new ArrayList<>();
      try {
        var got = client.mget(m -> m.index(index).ids(some), Map.class);
        for (var item : got.docs()) {
          if (!item.isResult() || !item.result().found() || item.result().source() == null) {
            continue;
          }
          Map<String, Object> doc = new LinkedHashMap<>((Map<String, Object>) item.result().source());
          doc.put(DatelineMapping.STORY_KEY, keys.get(item.result().id()));
          Map<String, List<?>> values = new HashMap<>();
          doc.forEach((k, v) -> values.put(k, v instanceof List<?> l ? l : List.of(v)));
          List<String> all = DatelineLucene.allTextValues(values);
          if (!all.isEmpty()) {
            doc.put(IndexFields.ALL_TEXT, all);
          }
          again.add(new Pending(item.result().id(), item.result().id(), doc));
        }
      } catch (OpenSearchException e) {
        throw new IndexException("cluster refused to read articles to move: " + reason(e.error()), e);
      } catch (IOException e) {
        throw new IndexException("cannot read articles to move: " + e.getMessage(), e);
      }
      List<String> failed = new ArrayList<>();
      send(again, r -> failed.add(r.location() + ": " + r.reason()));
      if (!failed.isEmpty()) {
        throw new IndexException("cluster refused to move articles to their new stories: " + failed.get(0));
      }
    }
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

  static String reason(ErrorCause e) {
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

  /**
   * Deletes the article with this id, if the index has it (in a story index, its story's other
   * members may move to a new leader).
   *
   * @throws WriterLeaseException if the index detects stories and another store holds its writer
   *     lease (nothing is deleted)
   * @throws IndexException if the cluster refuses or cannot be reached
   */
  @Override
  public void delete(String id) {
    Objects.requireNonNull(id, "id");
    if (!detectsStories()) {
      deleteOne(id);
      return;
    }
    synchronized (storyLock) {
      holdLease();
      StoryDetector d = detector();
      Map<String, Long> changed = d.remove(id);
      boolean done = false;
      try {
        deleteOne(id);
        move(changed);
        done = true;
      } finally {
        if (!done) {
          detector = null;
        }
      }
    }
  }

  private void deleteOne(String id) {
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

  /**
   * Releases the writer lease of a story index if this store holds it (and forgets the stories it
   * loaded); the client is the caller's and stays open. The store can still search, and a later
   * write takes the lease again.
   *
   * @throws IndexException if the cluster cannot be reached to release the lease (the next writer
   *     must then take it over)
   */
  @Override
  public void close() {
    synchronized (storyLock) {
      detector = null;
      lease.release();
    }
  }

  // ------------------------------------------------------------------ the writer lease

  /**
   * This store's writer id: what the writer lease of a story index records while this store holds
   * it, and what {@link WriterLeaseException#holder()} names. Random, one per store.
   *
   * @return the writer id
   */
  public String writerId() {
    return lease.id();
  }

  /**
   * Makes this store the writer of its story index, taking the writer lease from whoever holds it:
   * for a writer that is gone without {@link #close()} (its process died). A holder that is still
   * running is refused ({@link WriterLeaseException}) at its next write, but a write it has in
   * flight may still land after this store loaded the stories: take over only from a writer that
   * is gone. This store loads the stories from the cluster at its next write. An index without
   * stories has no lease (any number of clients may write it): then this does nothing.
   *
   * @throws IndexException if the cluster cannot be reached or refuses
   */
  public void takeOverWriterLease() {
    if (!detectsStories()) {
      return;
    }
    synchronized (storyLock) {
      detector = null;
      lease.takeOver();
    }
  }

  /**
   * Takes the writer lease if this store does not hold it yet (then the stories are loaded afresh),
   * else checks that it still does. Caller holds {@link #storyLock}.
   */
  private void holdLease() {
    try {
      if (lease.hold()) {
        detector = null;
      }
    } catch (RuntimeException e) {
      detector = null;
      throw e;
    }
  }

  // ------------------------------------------------------------------ reading

  /**
   * Runs the query on the cluster ({@code dfs_query_then_fetch}): as {@link NewsIndex#search}, but
   * without typo correction; see the class documentation.
   *
   * @throws InvalidQueryException if the query is invalid (the cluster's parse error), has Lucene
   *     filters or non-default recency parameters, or its cursor is not one of this store's for
   *     the query's order
   * @throws StoriesNotEnabledException if the query collapses and the index does not detect
   *     stories
   */
  @Override
  public SearchResults search(NewsQuery query) {
    Objects.requireNonNull(query, "query");
    return search(query, null, "search");
  }

  /**
   * Runs the query as {@link #search(NewsQuery)} and counts {@code request} over all its matches
   * in the same request (aggregations beside the page, see {@link #facets}); the total is exact.
   * Only a dimension with more than {@link #FACET_TERMS} values among the matches takes more
   * requests.
   *
   * @throws InvalidQueryException as {@link #search(NewsQuery)}, or if the histogram would have
   *     more than {@link dev.dateline.Histogram#MAX_BUCKETS} buckets or more buckets than the
   *     cluster's {@code search.max_buckets}
   */
  @Override
  public SearchResults search(NewsQuery query, FacetRequest request) {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(request, "request");
    return search(query, request, "search");
  }

  private SearchResults search(NewsQuery query, FacetRequest request, String what) {
    if (query.collapse()) {
      requireStories("collapse copies into stories");
    }
    if (request != null && request.stories()) {
      requireStories("count stories");
    }
    if (query.collapse()) {
      return collapsed(query, request);
    }
    if (request != null && request.stories()) {
      // The page alone, then the counts by story (composite aggregations, not beside the page).
      SearchResults page = search(query, null, what);
      Facets facets = facets(query, request);
      return new SearchResults(facets.matches(), true, page.hits(), page.next(), null, null, facets);
    }
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
    if (query.exactTotal() || request != null) {
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
    if (request != null) {
      s.aggregations(facetAggregations(query, request));
    }
    SearchResponse<Map> response = execute(s.build(), what);
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
    if (request != null) {
      Facets facets = facetsOf(query, request, total.value(), response.aggregations());
      return new SearchResults(total.value(), true, hits, next, null, null, facets);
    }
    if (query.exactTotal()) {
      return new SearchResults(total.value(), true, hits, next);
    }
    return exact && total.value() <= threshold
        ? new SearchResults(total.value(), true, hits, next)
        : new SearchResults(threshold, false, hits, next);
  }

  // ------------------------------------------------------------------ stories: reading

  /** The largest batch of matches a collapsed search reads at once (OpenSearch's default window). */
  static final int MAX_BATCH = 10_000;

  /**
   * A collapsed page, as {@code NewsIndex} makes it: the matches are read in the search's order
   * ({@code search_after} batches that double, from 2 pages up to {@link #MAX_BATCH}) and a match
   * is shown when it is the first of its story in that order. After a cursor, the stories met for
   * the first time are checked for a head before the cursor (one request: the query restricted to
   * their members, in the same order). OpenSearch's own field collapsing is not used: it cannot
   * continue after a cursor ({@code search_after} needs the sort on the collapse field), and its
   * total counts articles. Scores, sort values and cursors are those of the plain search.
   */
  private SearchResults collapsed(NewsQuery query, FacetRequest request) {
    SortOrder order = DatelineLucene.order(query);
    Cursor after = query.cursor() == null ? null : Cursor.decode(order, query.cursor());
    Instant reference =
        order != SortOrder.RECENT ? null : after != null ? after.reference() : query.recencyReference();
    Query wrapped = wrapper(query, reference);
    int n = query.limit() + 1; // one more: whether it exists says whether a next page does
    List<String> fields = new ArrayList<>(HIT_FIELDS);
    fields.add(DatelineMapping.STORY_KEY);
    List<Hit<Map>> heads = new ArrayList<>();
    java.util.Set<Long> seen = new java.util.HashSet<>();
    List<FieldValue> from = after == null ? null : after.values();
    int batch = Math.min(Math.max(16, 2 * n), MAX_BATCH);
    fill:
    while (true) {
      List<FieldValue> cursor = from;
      int size = batch;
      SearchRequest.Builder s =
          new SearchRequest.Builder()
              .index(index)
              .searchType(SearchType.DfsQueryThenFetch)
              .query(wrapped)
              .size(size)
              .sort(sorts(order))
              .trackTotalHits(t -> t.enabled(false))
              .source(src -> src.filter(f -> f.includes(fields)));
      if (cursor != null) {
        s.searchAfter(cursor);
      }
      List<Hit<Map>> hits = execute(s.build(), "search").hits().hits();
      Map<Long, String> headOf = Map.of();
      if (after != null) {
        // Stories met for the first time: is this match their head, or is it before the cursor?
        java.util.Set<Long> check = new java.util.LinkedHashSet<>();
        for (Hit<Map> h : hits) {
          Long key = storyKey(h);
          if (key != null && !seen.contains(key)) {
            check.add(key);
          }
        }
        headOf = headsOf(wrapped, order, check);
      }
      for (Hit<Map> h : hits) {
        Long key = storyKey(h);
        if (key == null) {
          heads.add(h); // no story key: a story of its own
        } else if (seen.add(key)) {
          String head = headOf.get(key);
          if (head == null || head.equals(h.id())) {
            heads.add(h);
          }
        }
        if (heads.size() == n) {
          break fill;
        }
      }
      if (hits.size() < size) {
        break;
      }
      from = hits.get(hits.size() - 1).sort();
      batch = Math.min(batch * 2, MAX_BATCH);
    }
    boolean more = heads.size() > query.limit();
    List<Hit<Map>> page = more ? heads.subList(0, query.limit()) : heads;
    boolean exact = query.exactTotal() || request != null;
    long upTo = exact ? Long.MAX_VALUE : options.totalHitsThreshold();
    long stories = countStories(wrapped, upTo);
    Map<Long, Story> details = storiesOf(page.stream().map(NewsCluster::storyKey).filter(Objects::nonNull).toList());
    Map<String, Snippet> snippets = query.highlight() ? snippets(wrapped, page) : Map.of();
    boolean scored = order == SortOrder.RELEVANCE || order == SortOrder.RECENT;
    List<SearchHit> hits = new ArrayList<>();
    for (Hit<Map> h : page) {
      SearchHit plain = hit(h, scored);
      Long key = storyKey(h);
      hits.add(
          new SearchHit(
              plain.id(), plain.headline(), plain.published(), plain.source(), plain.byline(),
              plain.url(), plain.section(), plain.score(), snippets.get(h.id()), plain.entities(),
              key == null ? null : details.get(key)));
    }
    String next = more ? new Cursor(order, reference, page.get(page.size() - 1).sort()).encode() : null;
    Facets facets = request == null ? null : facets(query, request);
    return stories > upTo
        ? new SearchResults(upTo, false, hits, next, null, null, facets)
        : new SearchResults(stories, true, hits, next, null, null, facets);
  }

  private static Long storyKey(Hit<Map> h) {
    Object key = h.source() == null ? null : first(h.source().get(DatelineMapping.STORY_KEY));
    return key instanceof Number k ? k.longValue() : null;
  }

  private static Query storyFilter(java.util.Collection<Long> keys) {
    List<FieldValue> values = keys.stream().map(FieldValue::of).toList();
    return Query.of(q -> q.terms(t -> t.field(DatelineMapping.STORY_KEY).terms(v -> v.value(values))));
  }

  /**
   * The head (the first match in the search's order) of each of these stories: the query
   * restricted to their members, read in order until each has its first.
   */
  private Map<Long, String> headsOf(Query wrapped, SortOrder order, java.util.Set<Long> keys) {
    Map<Long, String> out = new HashMap<>();
    if (keys.isEmpty()) {
      return out;
    }
    Query members = Query.of(q -> q.bool(b -> b.must(wrapped).filter(storyFilter(keys))));
    scan(
        () -> new SearchRequest.Builder()
            .index(index)
            .searchType(SearchType.DfsQueryThenFetch)
            .query(members)
            .sort(sorts(order))
            .source(src -> src.filter(f -> f.includes(DatelineMapping.STORY_KEY))),
        "search",
        h -> {
          Long key = storyKey(h);
          if (key != null) {
            out.putIfAbsent(key, h.id());
          }
          return out.size() < keys.size(); // until every story has its head
        });
    return out;
  }

  /**
   * The stories among the matches of {@code wrapped}, counted exactly up to {@code upTo} (then
   * {@code upTo + 1}): the story keys listed by a {@code composite} aggregation (exact, where a
   * {@code cardinality} would estimate), plus the articles without a key (a story each).
   */
  private long countStories(Query wrapped, long upTo) {
    long[] count = {0};
    Map<String, Aggregate> first =
        composite(
            wrapped,
            List.of(Map.of(STORY, CompositeAggregationSource.of(c -> c.terms(t -> t.field(DatelineMapping.STORY_KEY))))),
            Map.of(MISSING, Aggregation.of(a -> a.missing(m -> m.field(DatelineMapping.STORY_KEY)))),
            b -> ++count[0] <= upTo);
    count[0] += first.get(MISSING).missing().docCount();
    return upTo == Long.MAX_VALUE ? count[0] : Math.min(count[0], upTo + 1);
  }

  private static final String STORY = "story";
  private static final String PAIRS = "pairs";

  /**
   * Pages through a {@code composite} aggregation over the matches of {@code query}, {@link
   * #facetTerms} buckets per request, giving each bucket to {@code each} until it returns false or
   * the buckets run out; {@code extra} aggregations ride on the first request.
   *
   * @return the first response's aggregations
   */
  private Map<String, Aggregate> composite(
      Query query,
      List<Map<String, CompositeAggregationSource>> sources,
      Map<String, Aggregation> extra,
      java.util.function.Predicate<CompositeBucket> each) {
    Map<String, Aggregate> firstAggs = null;
    Map<String, FieldValue> after = null;
    while (true) {
      Map<String, FieldValue> from = after;
      Map<String, Aggregation> aggs = new LinkedHashMap<>();
      aggs.put(
          PAIRS,
          Aggregation.of(
              a -> a.composite(
                  c -> {
                    c.size(facetTerms).sources(sources);
                    if (from != null) {
                      c.after(from);
                    }
                    return c;
                  })));
      if (firstAggs == null) {
        aggs.putAll(extra);
      }
      SearchRequest s =
          new SearchRequest.Builder()
              .index(index)
              .query(query)
              .size(0)
              .trackTotalHits(t -> t.enabled(false))
              .aggregations(aggs)
              .build();
      Map<String, Aggregate> response = execute(s, "count stories").aggregations();
      if (firstAggs == null) {
        firstAggs = response;
      }
      CompositeAggregate page = response.get(PAIRS).composite();
      List<CompositeBucket> buckets = page.buckets().array();
      for (CompositeBucket b : buckets) {
        if (!each.test(b)) {
          return firstAggs;
        }
      }
      if (buckets.size() < facetTerms || page.afterKey() == null || page.afterKey().isEmpty()) {
        return firstAggs;
      }
      after = page.afterKey();
    }
  }

  /**
   * The story of an article, as {@link NewsIndex#timeline} returns it over the same articles: its
   * members oldest first (undated last, then by id), each with the story (id, size, sources, first
   * source and time, counted from all its members) and without score or snippet. One request for
   * the article's story key, one per {@value #SCAN} members, one to count the story; an article
   * without a story key (written by other means, not by this client) is a story of its own, of
   * size 1. Sees the last refresh.
   *
   * @throws StoriesNotEnabledException if the index was created without story detection
   */
  @Override
  public List<SearchHit> timeline(String id) {
    Objects.requireNonNull(id, "id");
    requireStories("show the story of an article");
    List<String> fields = new ArrayList<>(HIT_FIELDS);
    fields.add(DatelineMapping.STORY_KEY);
    List<Hit<Map>> found =
        execute(
                new SearchRequest.Builder()
                    .index(index)
                    .query(q -> q.ids(i -> i.values(id)))
                    .size(1)
                    .trackTotalHits(t -> t.enabled(false))
                    .source(src -> src.filter(f -> f.includes(fields)))
                    .build(),
                "read the story of article " + id)
            .hits()
            .hits();
    if (found.isEmpty()) {
      return List.of();
    }
    Long key = storyKey(found.get(0));
    if (key == null) {
      SearchHit h = hit(found.get(0), false);
      Story own = new Story(h.id(), 1, h.source() == null ? List.of() : List.of(h.source()), h.source(), h.published());
      return List.of(
          new SearchHit(h.id(), h.headline(), h.published(), h.source(), h.byline(), h.url(), h.section(), 0f, null,
              h.entities(), own));
    }
    List<Hit<Map>> members = new ArrayList<>();
    scan(
        () -> new SearchRequest.Builder()
            .index(index)
            .query(storyFilter(List.of(key)))
            .sort(sorts(SortOrder.OLDEST))
            .source(src -> src.filter(f -> f.includes(HIT_FIELDS))),
        "read the story of article " + id,
        members::add);
    Story story = storiesOf(List.of(key)).get(key);
    List<SearchHit> out = new ArrayList<>(members.size());
    for (Hit<Map> h : members) {
      SearchHit plain = hit(h, false);
      out.add(
          new SearchHit(
              plain.id(), plain.headline(), plain.published(), plain.source(), plain.byline(),
              plain.url(), plain.section(), 0f, null, plain.entities(), story));
    }
    return out;
  }

  /**
   * The stories with these keys, counted from all their members as {@code NewsIndex} counts them:
   * size, sources (in {@link String} order), the first member (earliest published, undated last,
   * ties by id) whose id is the story's, its source and time.
   */
  private Map<Long, Story> storiesOf(List<Long> keys) {
    Map<Long, Story.Tally> tallies = new LinkedHashMap<>();
    keys.forEach(k -> tallies.putIfAbsent(k, new Story.Tally()));
    if (tallies.isEmpty()) {
      return Map.of();
    }
    Query members = storyFilter(tallies.keySet());
    scan(
        () -> new SearchRequest.Builder()
            .index(index)
            .query(members)
            .sort(SortOptions.of(so -> so.field(f -> f.field(IndexFields.ID).order(ASC))))
            .source(src -> src.filter(f -> f.includes(List.of(
                IndexFields.PUBLISHED, DatelineMapping.STORY_KEY,
                DatelineMapping.facetField(FacetDimension.SOURCE))))),
        "read stories",
        h -> {
          Story.Tally t = tallies.get(storyKey(h));
          if (t == null) {
            return true;
          }
          Object published = first(h.source().get(IndexFields.PUBLISHED));
          String source = null;
          if (h.source().get(DatelineMapping.facetField(FacetDimension.SOURCE)) instanceof List<?> l) {
            for (Object v : l) {
              if (source == null || compareCodePoints(v.toString(), source) < 0) {
                source = v.toString();
              }
            }
          }
          t.add(h.id(), published == null ? null : ((Number) published).longValue(), source);
          return true;
        });
    Map<Long, Story> out = new HashMap<>();
    tallies.forEach((k, t) -> out.put(k, t.story()));
    return out;
  }

  /** The highlighter's snippets of these hits: the query restricted to them, highlighted. */
  private Map<String, Snippet> snippets(Query wrapped, List<Hit<Map>> hits) {
    if (hits.isEmpty()) {
      return Map.of();
    }
    List<String> ids = hits.stream().map(Hit::id).toList();
    Query only = Query.of(q -> q.bool(b -> b.must(wrapped).filter(f -> f.ids(i -> i.values(ids)))));
    SearchRequest s =
        new SearchRequest.Builder()
            .index(index)
            .query(only)
            .size(ids.size())
            .trackTotalHits(t -> t.enabled(false))
            .source(src -> src.fetch(false))
            .highlight(
                h -> h.requireFieldMatch(false)
                    .fields(IndexFields.BODY, f -> highlightField(f))
                    .fields(IndexFields.BULLETS, f -> highlightField(f)))
            .build();
    Map<String, Snippet> out = new HashMap<>();
    for (Hit<Map> h : execute(s, "search").hits().hits()) {
      Snippet snippet = snippet(h.highlight());
      if (snippet != null) {
        out.put(h.id(), snippet);
      }
    }
    return out;
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

  // ------------------------------------------------------------------ facets

  private static final String TERMS = "terms_";
  private static final String MISSING = "missing_";
  private static final String SIDEWAYS = "sideways_";
  private static final String SCOPE = "scope";
  private static final String HISTOGRAM = "histogram";
  private static final String FIRST = "histogram_first";
  private static final String LAST = "histogram_last";
  private static final String UNDATED = "histogram_undated";
  private static final String VALUE = "value";


  /**
   * Counts over all the articles matching the query, as {@link NewsIndex#facets} counts them over
   * the same articles: equal {@link Facets}, value for value and bucket for bucket. One search
   * request ({@code dfs_query_then_fetch}, no hits) carries the aggregations:
   *
   * <ul>
   *   <li>each dimension: a {@code terms} aggregation on its keyword doc values ({@link
   *       DatelineMapping#facetField}) with {@code size} and {@code shard_size} {@link
   *       #FACET_TERMS}, and a {@code missing} aggregation (articles without a value). Terms
   *       counts are exact only when every shard returned all its values, which {@code
   *       sum_other_doc_count == 0} says; then the client has every value and its exact count, and
   *       orders them (count descending, then value by code point), keeps the top {@link
   *       FacetRequest#limit()} and counts the others. Otherwise (more values than {@link
   *       #FACET_TERMS} on a shard) the dimension's values are listed with a {@code composite}
   *       aggregation, {@link #FACET_TERMS} per request, which is exact at any size (a {@code
   *       cardinality} would be approximate). Those pages are separate requests: a refresh between
   *       them could mix two views of the index;
   *   <li>drill-sideways: a dimension the query filters on is counted inside a {@code global}
   *       aggregation with a {@code filter} aggregation of the query without those filters, so
   *       its counts ignore them while the others and the hits respect them;
   *   <li>the histogram: a {@code date_histogram} with the interval's {@code calendar_interval}
   *       in the zone ({@code time_zone}), {@code min_doc_count} 0 and {@code extended_bounds} of
   *       the query's date range (so empty buckets are kept between the first and the last), a
   *       {@code missing} aggregation for undated articles, and {@code min}/{@code max} for the
   *       extent. The buckets are the library's ({@link DateInterval#boundaries}); each cluster
   *       bucket that is exactly one of them gives its count. Where OpenSearch's rounding puts a
   *       boundary elsewhere (hours around a clock change that is not on a whole hour, e.g.
   *       Australia/Lord_Howe's half-hour change), the library buckets it overlaps are counted
   *       again with a {@code range} aggregation in one more request.
   * </ul>
   *
   * @throws InvalidQueryException if the query is invalid or cannot be sent, or the histogram
   *     would have more than {@link dev.dateline.Histogram#MAX_BUCKETS} buckets or more than the
   *     cluster's {@code search.max_buckets} (default 65,535, with the dimensions' values)
   * @throws IndexException if the cluster cannot be reached or fails
   */
  @Override
  public Facets facets(NewsQuery query, FacetRequest request) {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(request, "request");
    if (request.stories()) {
      requireStories("count stories");
      return storyFacets(query, request);
    }
    SearchRequest s =
        new SearchRequest.Builder()
            .index(index)
            .searchType(SearchType.DfsQueryThenFetch)
            .query(wrapper(query, null))
            .size(0)
            .trackTotalHits(t -> t.enabled(true))
            .aggregations(facetAggregations(query, request))
            .build();
    SearchResponse<Map> response = execute(s, "count facets");
    return facetsOf(query, request, response.hits().total().value(), response.aggregations());
  }

  /**
   * Facet counts by story ({@link FacetRequest#stories()}), as {@code NewsIndex} counts them: a
   * value counts the distinct stories with a matching member that has it, {@link Facets#matches()}
   * the matching stories, a histogram bucket the stories with a matching member published in it.
   * Exact: the (value, story key) pairs of the matches are listed by {@code composite}
   * aggregations ({@link #FACET_TERMS} pairs per request) and counted by the client; a {@code
   * cardinality} would only estimate them. The cost is one request per {@link #FACET_TERMS}
   * distinct pairs, per dimension (and per sideways dimension's query), plus the histogram's
   * (publication time, story) pairs. Articles without a story key count as a story each.
   */
  private Facets storyFacets(NewsQuery query, FacetRequest request) {
    Query wrapped = wrapper(query, null);
    long matches = countStories(wrapped, Long.MAX_VALUE);
    Map<FacetDimension, Facets.Dimension> dims = new LinkedHashMap<>();
    for (FacetDimension d : request.dimensions()) {
      boolean sideways = sideways(query, request, d);
      Query scope = sideways ? wrapper(query.withoutFiltersOn(d), null) : wrapped;
      dims.put(d, storyDimension(scope, d, request.limit(), sideways));
    }
    Histogram histogram = request.histogram() == null ? null : storyHistogram(wrapped, query, request);
    return new Facets(matches, dims, histogram);
  }

  private static final String UNKEYED = "unkeyed";

  private Facets.Dimension storyDimension(Query scope, FacetDimension d, int limit, boolean sideways) {
    String field = DatelineMapping.facetField(d);
    Map<String, Long> counts = new HashMap<>();
    java.util.Set<Long> withValue = new java.util.HashSet<>();
    // Pairs of a value and a story; articles without a key fall into the value's null-story
    // bucket, each its own story.
    Map<String, Aggregate> first =
        composite(
            scope,
            List.of(
                Map.of(VALUE, CompositeAggregationSource.of(c -> c.terms(t -> t.field(field)))),
                Map.of(STORY, CompositeAggregationSource.of(
                    c -> c.terms(t -> t.field(DatelineMapping.STORY_KEY).missingBucket(true))))),
            Map.of(
                UNKEYED,
                Aggregation.of(
                    a -> a.filter(
                        f -> f.bool(
                            b -> b.filter(x -> x.exists(e -> e.field(field)))
                                .mustNot(x -> x.exists(e -> e.field(DatelineMapping.STORY_KEY))))))),
            b -> {
              FieldValue story = b.key().get(STORY);
              long stories = story == null || story.isNull() ? b.docCount() : 1;
              counts.merge(b.key().get(VALUE).stringValue(), stories, Long::sum);
              if (story != null && !story.isNull()) {
                withValue.add(longOf(story));
              }
              return true;
            });
    long unkeyed = first.get(UNKEYED).filter().docCount();
    List<FacetCount> all = new ArrayList<>(counts.size());
    counts.forEach((v, c) -> all.add(new FacetCount(v, c)));
    all.sort(COUNT_THEN_VALUE);
    List<FacetCount> top = all.subList(0, Math.min(limit, all.size()));
    return new Facets.Dimension(d, List.copyOf(top), all.size() - top.size(), withValue.size() + unkeyed, sideways);
  }

  private static long longOf(FieldValue v) {
    return v.isLong() ? v.longValue() : v.isDouble() ? (long) v.doubleValue() : Long.parseLong(v.stringValue());
  }

  /** The histogram by story: (publication time, story) pairs, bucketed by the client. */
  private Histogram storyHistogram(Query wrapped, NewsQuery query, FacetRequest request) {
    DateInterval interval = request.histogram();
    ZoneId zone = zone(query, request);
    List<long[]> dated = new ArrayList<>(); // {time, story}
    java.util.Set<Long> undatedStories = new java.util.HashSet<>();
    long[] unkeyedUndated = {0};
    List<long[]> unkeyedDated = new ArrayList<>(); // {time, articles}
    composite(
        wrapped,
        List.of(
            Map.of(VALUE, CompositeAggregationSource.of(
                c -> c.terms(t -> t.field(IndexFields.PUBLISHED).missingBucket(true)))),
            Map.of(STORY, CompositeAggregationSource.of(
                c -> c.terms(t -> t.field(DatelineMapping.STORY_KEY).missingBucket(true))))),
        Map.of(),
        b -> {
          FieldValue time = b.key().get(VALUE);
          FieldValue story = b.key().get(STORY);
          boolean keyed = story != null && !story.isNull();
          if (time == null || time.isNull()) {
            if (keyed) {
              undatedStories.add(longOf(story));
            } else {
              unkeyedUndated[0] += b.docCount();
            }
          } else if (keyed) {
            dated.add(new long[] {longOf(time), longOf(story)});
          } else {
            unkeyedDated.add(new long[] {longOf(time), b.docCount()});
          }
          return true;
        });
    long undated = undatedStories.size() + unkeyedUndated[0];
    long lo = Long.MAX_VALUE;
    long hi = Long.MIN_VALUE;
    for (List<long[]> l : List.of(dated, unkeyedDated)) {
      for (long[] p : l) {
        lo = Math.min(lo, p[0]);
        hi = Math.max(hi, p[0]);
      }
    }
    if (query.from() != null) {
      lo = query.from().toEpochMilli();
    }
    if (query.to() != null) {
      hi = query.to().toEpochMilli();
    }
    if (lo > hi) {
      return new Histogram(interval, zone, List.of(), undated);
    }
    List<ZonedDateTime> bounds = interval.boundaries(Instant.ofEpochMilli(lo), Instant.ofEpochMilli(hi), zone);
    int n = bounds.size() - 1;
    long[] starts = new long[n];
    for (int i = 0; i < n; i++) {
      starts[i] = bounds.get(i).toInstant().toEpochMilli();
    }
    List<java.util.Set<Long>> perBucket = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      perBucket.add(new java.util.HashSet<>());
    }
    long[] counts = new long[n];
    for (long[] p : dated) {
      int b = Arrays.binarySearch(starts, p[0]);
      perBucket.get(b >= 0 ? b : -b - 2).add(p[1]);
    }
    for (long[] p : unkeyedDated) {
      int b = Arrays.binarySearch(starts, p[0]);
      counts[b >= 0 ? b : -b - 2] += p[1];
    }
    List<Histogram.Bucket> buckets = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      buckets.add(new Histogram.Bucket(bounds.get(i), bounds.get(i + 1).toInstant(), counts[i] + perBucket.get(i).size()));
    }
    return new Histogram(interval, zone, buckets, undated);
  }

  // ------------------------------------------------------------------ significant values

  /**
   * The values of {@code dimension} unusually frequent among the matches of {@code foreground}
   * compared with a background, as {@link NewsIndex#significant} finds them over the same
   * articles (the same counts, ranked by {@link SignificantValue#rank}): each value's matches in
   * the foreground and in the background (the whole index when {@code background} is null, the
   * matches then taken out), counted exactly as facet values are (a {@code terms} aggregation, or
   * {@code composite} pages past {@link #FACET_TERMS} values), two requests or more.
   *
   * <p>Significant words ({@link NewsIndex#significantWords}) are not offered: the library counts
   * them from the postings of {@code all_text}, which a cluster can only aggregate by loading
   * that field's words into memory ({@code fielddata}) on every shard, or estimate ({@code
   * significant_text} re-analyses a sample of the documents).
   *
   * @param foreground the query whose matches to describe
   * @param background the articles to compare with, or null for the rest of the index
   * @param dimension what to look for (usually person, place or org)
   * @param top how many values to return, at least 1
   * @return at most {@code top} values, most significant first, ties by value
   * @throws IllegalArgumentException if {@code top} is less than 1
   * @throws InvalidQueryException if a query is invalid or cannot be sent
   * @throws IndexException if the cluster cannot be reached or fails
   */
  @Override
  public List<SignificantValue> significant(
      NewsQuery foreground, NewsQuery background, FacetDimension dimension, int top) {
    Objects.requireNonNull(foreground, "foreground");
    Objects.requireNonNull(dimension, "dimension");
    if (top < 1) {
      throw new IllegalArgumentException("top must be at least 1, was " + top);
    }
    Map<String, Long> fg = allCounts(foreground, dimension);
    Map<String, Long> bg = allCounts(background, dimension);
    return SignificantValue.rank(fg, fg.get(null), bg, bg.get(null), background == null, top);
  }

  /** Every value of {@code d} among the matches of {@code query} (null: all articles), and under null the number of matches. */
  private Map<String, Long> allCounts(NewsQuery query, FacetDimension d) {
    Query q = query == null ? Query.of(x -> x.matchAll(m -> m)) : wrapper(query, null);
    String field = DatelineMapping.facetField(d);
    SearchRequest s =
        new SearchRequest.Builder()
            .index(index)
            .query(q)
            .size(0)
            .trackTotalHits(t -> t.enabled(true))
            .aggregations(
                TERMS,
                Aggregation.of(a -> a.terms(t -> t.field(field).size(facetTerms).shardSize(facetTerms))))
            .build();
    SearchResponse<Map> response = execute(s, "find significant values");
    StringTermsAggregate t = response.aggregations().get(TERMS).sterms();
    Map<String, Long> out = new HashMap<>();
    if (t.sumOtherDocCount() != null && t.sumOtherDocCount() > 0) {
      out.putAll(allValues(q, field));
    } else {
      for (StringTermsBucket b : t.buckets().array()) {
        out.put(b.key(), b.docCount());
      }
    }
    out.put(null, response.hits().total().value());
    return out;
  }

  private static boolean sideways(NewsQuery query, FacetRequest request, FacetDimension d) {
    return request.sideways() && query.filtersOn(d);
  }

  private static ZoneId zone(NewsQuery query, FacetRequest request) {
    return request.zone() != null ? request.zone() : query.zone();
  }

  /** The aggregations that count {@code request} over the matches of {@code query}. */
  private Map<String, Aggregation> facetAggregations(NewsQuery query, FacetRequest request) {
    Map<String, Aggregation> aggs = new LinkedHashMap<>();
    for (FacetDimension d : request.dimensions()) {
      String field = DatelineMapping.facetField(d);
      Map<String, Aggregation> counts = new LinkedHashMap<>();
      counts.put(
          TERMS + d.key(),
          Aggregation.of(
              a -> a.terms(
                  t -> t.field(field)
                      .size(facetTerms)
                      .shardSize(facetTerms)
                      .order(List.of(Map.of("_count", DESC), Map.of("_key", ASC))))));
      counts.put(MISSING + d.key(), Aggregation.of(a -> a.missing(m -> m.field(field))));
      if (sideways(query, request, d)) {
        Query without = wrapper(query.withoutFiltersOn(d), null);
        Aggregation scope = Aggregation.of(a -> a.filter(without).aggregations(counts));
        aggs.put(SIDEWAYS + d.key(), Aggregation.of(a -> a.global(g -> g).aggregations(SCOPE, scope)));
      } else {
        aggs.putAll(counts);
      }
    }
    DateInterval interval = request.histogram();
    if (interval != null) {
      Instant from = query.from();
      Instant to = query.to();
      aggs.put(
          HISTOGRAM,
          Aggregation.of(
              a -> a.dateHistogram(
                  h -> {
                    h.field(IndexFields.PUBLISHED)
                        .calendarInterval(calendarInterval(interval))
                        .timeZone(zone(query, request).getId())
                        .minDocCount(0);
                    if (from != null || to != null) {
                      // Numbers, not strings: a string bound is read as a local time of the
                      // zone, which moves the range by the zone's offset.
                      h.extendedBounds(
                          b -> {
                            if (from != null) {
                              b.min(FieldDateMath.of(m -> m.value((double) from.toEpochMilli())));
                            }
                            if (to != null) {
                              b.max(FieldDateMath.of(m -> m.value((double) to.toEpochMilli())));
                            }
                            return b;
                          });
                    }
                    return h;
                  })));
      aggs.put(FIRST, Aggregation.of(a -> a.min(m -> m.field(IndexFields.PUBLISHED))));
      aggs.put(LAST, Aggregation.of(a -> a.max(m -> m.field(IndexFields.PUBLISHED))));
      aggs.put(UNDATED, Aggregation.of(a -> a.missing(m -> m.field(IndexFields.PUBLISHED))));
    }
    return aggs;
  }

  private static CalendarInterval calendarInterval(DateInterval interval) {
    return switch (interval) {
      case HOUR -> CalendarInterval.Hour;
      case DAY -> CalendarInterval.Day;
      case WEEK -> CalendarInterval.Week; // ISO weeks, from Monday, as DateInterval.WEEK
      case MONTH -> CalendarInterval.Month;
      case QUARTER -> CalendarInterval.Quarter;
      case YEAR -> CalendarInterval.Year;
    };
  }

  /** The {@link Facets} of a response that carried {@link #facetAggregations}. */
  private Facets facetsOf(NewsQuery query, FacetRequest request, long matches, Map<String, Aggregate> aggs) {
    Map<FacetDimension, Facets.Dimension> dims = new LinkedHashMap<>();
    for (FacetDimension d : request.dimensions()) {
      dims.put(d, dimensionOf(query, request, d, matches, aggs));
    }
    Histogram histogram =
        request.histogram() == null ? null : histogramOf(query, request, matches, aggs);
    return new Facets(matches, dims, histogram);
  }

  private Facets.Dimension dimensionOf(
      NewsQuery query, FacetRequest request, FacetDimension d, long matches, Map<String, Aggregate> aggs) {
    boolean sideways = sideways(query, request, d);
    Map<String, Aggregate> scope = aggs;
    long counted = matches;
    if (sideways) {
      FilterAggregate f = aggs.get(SIDEWAYS + d.key()).global().aggregations().get(SCOPE).filter();
      scope = f.aggregations();
      counted = f.docCount();
    }
    long without = scope.get(MISSING + d.key()).missing().docCount();
    Aggregate terms = scope.get(TERMS + d.key());
    Map<String, Long> all = new HashMap<>();
    if (terms.isSterms()) {
      StringTermsAggregate t = terms.sterms();
      if (t.sumOtherDocCount() != null && t.sumOtherDocCount() > 0) {
        // Some shard has more values than it returned: list them all, exactly.
        all = allValues(sideways ? query.withoutFiltersOn(d) : query, DatelineMapping.facetField(d));
      } else {
        for (StringTermsBucket b : t.buckets().array()) {
          all.put(b.key(), b.docCount());
        }
      }
    }
    List<FacetCount> counts = new ArrayList<>(all.size());
    all.forEach((v, c) -> counts.add(new FacetCount(v, c)));
    counts.sort(COUNT_THEN_VALUE);
    List<FacetCount> top = counts.subList(0, Math.min(request.limit(), counts.size()));
    return new Facets.Dimension(d, top, counts.size() - top.size(), counted - without, sideways);
  }

  /** Most articles first, ties by value in code point order (the order of the UTF-8 bytes). */
  static final Comparator<FacetCount> COUNT_THEN_VALUE =
      Comparator.comparingLong(FacetCount::count).reversed()
          .thenComparing(FacetCount::value, NewsCluster::compareCodePoints);

  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  /** Every value of {@code field} among the matches of {@code query}, with its exact count. */
  private Map<String, Long> allValues(NewsQuery query, String field) {
    return allValues(wrapper(query, null), field);
  }

  private Map<String, Long> allValues(Query wrapped, String field) {
    Map<String, Long> out = new HashMap<>();
    Map<String, FieldValue> after = null;
    while (true) {
      Map<String, FieldValue> from = after;
      SearchRequest s =
          new SearchRequest.Builder()
              .index(index)
              .searchType(SearchType.DfsQueryThenFetch)
              .query(wrapped)
              .size(0)
              .trackTotalHits(t -> t.enabled(false))
              .aggregations(
                  VALUE,
                  a -> a.composite(
                      c -> {
                        c.size(facetTerms)
                            .sources(
                                List.of(Map.of(VALUE, CompositeAggregationSource.of(src -> src.terms(t -> t.field(field))))));
                        if (from != null) {
                          c.after(from);
                        }
                        return c;
                      }))
              .build();
      CompositeAggregate page = execute(s, "count facets").aggregations().get(VALUE).composite();
      List<CompositeBucket> buckets = page.buckets().array();
      for (CompositeBucket b : buckets) {
        out.put(b.key().get(VALUE).stringValue(), b.docCount());
      }
      if (buckets.size() < facetTerms || page.afterKey() == null || page.afterKey().isEmpty()) {
        return out;
      }
      after = page.afterKey();
    }
  }

  /** The library's buckets ({@link DateInterval#boundaries}), counted from the cluster's. */
  private Histogram histogramOf(NewsQuery query, FacetRequest request, long matches, Map<String, Aggregate> aggs) {
    DateInterval interval = request.histogram();
    ZoneId zone = zone(query, request);
    long undated = aggs.get(UNDATED).missing().docCount();
    long lo = Long.MAX_VALUE;
    long hi = Long.MIN_VALUE;
    if (matches - undated > 0) {
      lo = aggs.get(FIRST).min().value().longValue();
      hi = aggs.get(LAST).max().value().longValue();
    }
    if (query.from() != null) {
      lo = query.from().toEpochMilli();
    }
    if (query.to() != null) {
      hi = query.to().toEpochMilli();
    }
    if (lo > hi) {
      return new Histogram(interval, zone, List.of(), undated); // nothing dated, no range
    }
    List<ZonedDateTime> bounds = interval.boundaries(Instant.ofEpochMilli(lo), Instant.ofEpochMilli(hi), zone);
    int n = bounds.size() - 1;
    long[] b = new long[n + 1];
    for (int i = 0; i <= n; i++) {
      b[i] = bounds.get(i).toInstant().toEpochMilli();
    }
    long[] counts = new long[n];
    boolean[] recount = new boolean[n];
    boolean anyRecount = false;
    List<DateHistogramBucket> os = aggs.get(HISTOGRAM).dateHistogram().buckets().array();
    for (int i = 0; i < os.size(); i++) {
      long count = os.get(i).docCount();
      if (count == 0) {
        continue;
      }
      long start = os.get(i).key();
      // min_doc_count 0: the cluster's buckets are contiguous, each ends where the next starts.
      long end = i + 1 < os.size() ? os.get(i + 1).key() : Long.MAX_VALUE;
      int j = Arrays.binarySearch(b, 0, n, start);
      // The last cluster bucket holds articles up to the extent's end only: all in the last one.
      boolean same = j >= 0 && (i + 1 < os.size() ? end == b[j + 1] : j == n - 1);
      if (same) {
        counts[j] = count;
      } else {
        for (int k = 0; k < n; k++) {
          if (b[k] < end && b[k + 1] > start) {
            recount[k] = true;
            anyRecount = true;
          }
        }
      }
    }
    if (anyRecount) {
      recount(query, b, recount, counts);
    }
    List<Histogram.Bucket> buckets = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      buckets.add(new Histogram.Bucket(bounds.get(i), bounds.get(i + 1).toInstant(), counts[i]));
    }
    return new Histogram(interval, zone, buckets, undated);
  }

  /** Counts the matches in each library bucket {@code k} with {@code recount[k]}: a range aggregation. */
  private void recount(NewsQuery query, long[] b, boolean[] recount, long[] counts) {
    List<AggregationRange> ranges = new ArrayList<>();
    for (int k = 0; k < recount.length; k++) {
      if (recount[k]) {
        int key = k;
        ranges.add(
            AggregationRange.of(
                r -> r.key(Integer.toString(key)).from(JsonData.of(b[key])).to(JsonData.of(b[key + 1]))));
      }
    }
    SearchRequest s =
        new SearchRequest.Builder()
            .index(index)
            .searchType(SearchType.DfsQueryThenFetch)
            .query(wrapper(query, null))
            .size(0)
            .trackTotalHits(t -> t.enabled(false))
            .aggregations(HISTOGRAM, a -> a.range(r -> r.field(IndexFields.PUBLISHED).ranges(ranges)))
            .build();
    for (RangeBucket r : execute(s, "count facets").aggregations().get(HISTOGRAM).range().buckets().array()) {
      counts[Integer.parseInt(r.key())] = r.docCount();
    }
  }

  private SearchResponse<Map> execute(SearchRequest s, String what) {
    try {
      return client.search(s, Map.class);
    } catch (OpenSearchException e) {
      throw refused(what, e);
    } catch (IOException e) {
      throw new IndexException(what + " failed: " + e.getMessage(), e);
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

  /**
   * The {@code dateline} query's parameters for {@code query}, as a wrapper query. A date-ordered
   * ranked query that requires all its words ({@link DatelineLucene#requiresAllWords}) is first
   * counted over the whole index (one count request, stopping at the first match); if nothing
   * matches it that way, its {@link DatelineLucene#anyWord any-word} form is sent instead, as
   * {@code NewsIndex} decides (the shards cannot decide alone).
   */
  private Query wrapper(NewsQuery query, Instant reference) {
    Query strict = wrapped(query, reference);
    if (!DatelineLucene.requiresAllWords(query)) {
      return strict;
    }
    try {
      long found = client.count(c -> c.index(index).query(strict).terminateAfter(1)).count();
      return found > 0 ? strict : wrapped(DatelineLucene.anyWord(query), reference);
    } catch (OpenSearchException e) {
      throw refused("search", e);
    } catch (IOException e) {
      throw new IndexException("search failed: " + e.getMessage(), e);
    }
  }

  private Query wrapped(NewsQuery query, Instant reference) {
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
