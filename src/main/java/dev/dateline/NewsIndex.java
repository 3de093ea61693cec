package dev.dateline;

import dev.dateline.internal.facet.FacetEngine;
import dev.dateline.internal.facet.SignificantWords;
import dev.dateline.internal.index.HitSummary;
import dev.dateline.internal.index.Schema;
import dev.dateline.internal.search.Collapse;
import dev.dateline.internal.story.StoryKeys;
import dev.dateline.internal.search.Related;
import dev.dateline.internal.search.Cursors;
import dev.dateline.internal.search.QueryNode;
import dev.dateline.internal.story.Fingerprint;
import dev.dateline.internal.story.StoryRegistry;
import dev.dateline.internal.search.RecencyDecay;
import dev.dateline.internal.search.QueryCompiler;
import dev.dateline.internal.search.Scoring;
import dev.dateline.internal.search.TypoCorrector;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;

/**
 * A searchable collection of news articles, on disk or in memory. The one entry point of the
 * library.
 *
 * <pre>{@code
 * try (NewsIndex index = NewsIndex.open(Path.of("news-index"))) {
 *   index.add(article);
 *   index.commit();                       // durable
 *   index.refresh();                      // visible to searches
 *   SearchResults r = index.search(NewsQuery.builder()
 *       .text("peace talks").person("zelenskyy").from("2026-02").to("2026-02")
 *       .sort(SortOrder.NEWEST).build());
 * }
 * }</pre>
 *
 * <h2>Durability and visibility</h2>
 *
 * <ul>
 *   <li>{@link #add}, {@link #delete}: buffered in memory. Not visible to searches and not durable
 *       until the calls below.
 *   <li>{@link #refresh()}: makes every change made before the call visible to searches started
 *       after it returns (near-real-time). It does <em>not</em> make them durable: a crash after
 *       refresh may lose them.
 *   <li>{@link #commit()}: makes every change made before the call durable (fsync'd). When it
 *       returns, those articles survive a crash of the process or the machine. It does not by
 *       itself make them visible to searches; call refresh for that.
 *   <li>{@link #close()}: commits, then releases the index. Changes after the last commit of a
 *       process that dies without close are lost; the index reopens at its last commit, intact,
 *       with no repair needed.
 * </ul>
 *
 * <h2>Threads</h2>
 *
 * Share one instance per index across the application. Every method is thread-safe. Any number of
 * threads may search concurrently; searches use a point-in-time view and never wait for writes.
 * Writes from several threads are fine too. Only one {@code NewsIndex} (in any process) may open a
 * directory for writing: a second one fails with {@link IndexException} naming the lock, while
 * {@link #openReadOnly} may be used any number of times alongside a writer.
 */
public final class NewsIndex implements Closeable, NewsStore {

  private final String description;
  private final Directory directory;
  private final IndexWriter writer; // null when read-only
  private final SearcherManager searchers;
  private final Schema schema;
  private final QueryCompiler compiler;
  private final Options options;
  /** Facet counts; its copies of the dimensions' values take {@link Options#facetMemoryMb} at most. */
  private final FacetEngine facetEngine;
  /**
   * The writer's story graph: null when the index does not detect stories ({@link
   * Options.Builder#stories}) or is read-only. Its monitor guards it and the story doc-value
   * updates it causes; it is never held while an article is analysed.
   */
  private final StoryRegistry stories;
  /** Whether the index detects stories (recorded in its commits). */
  private volatile boolean storiesOn;
  /**
   * Serialises writes of one id (add, delete) on the story path, so the registry and the index
   * agree on which version of an article is live; writes of different ids rarely share a stripe.
   */
  private final Object[] idStripes;
  /**
   * Writes (add, delete, commit) hold the read side; close holds the write side. So close waits
   * for writes in flight, which its commit then includes, and a write after close is refused.
   */
  private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private volatile boolean closed;

  private NewsIndex(String description, Directory directory, boolean readOnly, Options options) {
    this.description = description;
    this.directory = directory;
    this.options = options;
    this.facetEngine = new FacetEngine((long) (options.facetMemoryMb * 1024 * 1024));
    this.schema = new Schema(options.maxFieldChars);
    this.compiler =
        new QueryCompiler(schema, options.boosts, options.extractor, options.combinedFieldScoring);
    IndexWriter w = null;
    SearcherFactory factory = Scoring.searcherFactory(options.k1, options.b);
    try {
      Boolean recorded = Schema.recordedStories(directory);
      if (!readOnly && Boolean.FALSE.equals(recorded) && options.stories) {
        throw new Schema.FormatMismatchException(
            "was built without story detection, which cannot be turned on for articles already"
                + " indexed: rebuild it with stories on (dateline index --stories)");
      }
      boolean on = recorded != null ? recorded : options.stories && !readOnly;
      this.storiesOn = on;
      if (readOnly) {
        Schema.checkFormat(directory);
        this.searchers = new SearcherManager(directory, factory);
      } else {
        IndexWriterConfig config =
            new IndexWriterConfig(schema.analyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setIndexSort(Schema.indexSort())
                .setCodec(Schema.codec(options.compactStorage))
                .setRAMBufferSizeMB(options.ramBufferMb)
                .setCommitOnClose(true);
        Schema.checkFormat(directory);
        w = new IndexWriter(directory, config);
        w.setLiveCommitData(Schema.formatCommitData(on).entrySet());
        this.searchers = new SearcherManager(w, factory);
      }
      this.writer = w;
      this.stories = readOnly || !on ? null : loadStories(w);
      this.idStripes = stories == null ? null : new Object[64];
      if (idStripes != null) {
        for (int i = 0; i < idStripes.length; i++) {
          idStripes[i] = new Object();
        }
      }
    } catch (LockObtainFailedException e) {
      closeQuietly(directory);
      throw new IndexLockedException(
          "index at " + description + " is locked: another NewsIndex (in this or another process)"
              + " has it open for writing; open it read-only or close the other writer",
          e);
    } catch (IndexNotFoundException e) {
      closeQuietly(directory);
      throw new IndexException("no index at " + description, e);
    } catch (Schema.FormatMismatchException e) {
      closeQuietly(directory);
      throw new IndexException("index at " + description + " " + e.getMessage(), e);
    } catch (IndexFormatTooOldException | IndexFormatTooNewException | CorruptIndexException e) {
      closeQuietly(w, directory);
      throw new IndexException("index at " + description + " cannot be read: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      closeQuietly(w, directory);
      throw new IndexException(
          "index at " + description + " was not created by this version of Dateline: "
              + e.getMessage(), e);
    } catch (IOException e) {
      closeQuietly(w, directory);
      throw new IndexException("cannot open index at " + description + ": " + e.getMessage(), e);
    }
  }

  /**
   * Opens (creating if needed) the index in {@code dir} for reading and writing, with {@link
   * Options#defaults()}. Same as {@link #open(Path, Options)}.
   *
   * @param dir the index directory; created, with any missing parents, if it does not exist
   * @return the open index, for all threads to share; close it when done
   * @throws IndexException if another {@code NewsIndex} (in this or another process) has the
   *     directory open for writing, if it holds an index that is corrupt or was not created by this
   *     version of Dateline, or if it cannot be opened
   */
  public static NewsIndex open(Path dir) {
    return open(dir, Options.defaults());
  }

  /**
   * Opens (creating if needed) the index in {@code dir} for reading and writing. It holds the
   * directory's write lock until {@link #close()}. Searches see the index as of its last commit
   * until the first {@link #refresh()}.
   *
   * @param dir the index directory; created, with any missing parents, if it does not exist
   * @param options the settings for this instance; they are not stored in the index and apply
   *     only to this instance
   * @return the open index, for all threads to share; close it when done
   * @throws IndexException if another {@code NewsIndex} (in this or another process) has the
   *     directory open for writing, if it holds an index that is corrupt or was not created by this
   *     version of Dateline, or if it cannot be opened
   */
  public static NewsIndex open(Path dir, Options options) {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(options, "options");
    return new NewsIndex(dir.toString(), fsDirectory(dir), false, options);
  }

  /**
   * Opens an existing index for searching only, at its last commit. May be used while another
   * process writes; {@link #refresh()} picks up that writer's later commits. Write methods throw
   * {@link IndexException}.
   *
   * @param dir the directory of an existing index
   * @return the open index, for all threads to share; close it when done
   * @throws IndexException if there is no index in {@code dir}, or it is corrupt, was not created
   *     by this version of Dateline, or cannot be read
   */
  public static NewsIndex openReadOnly(Path dir) {
    return openReadOnly(dir, Options.defaults());
  }

  /**
   * Opens an existing index for searching only, at its last commit, like {@link
   * #openReadOnly(Path)}. Of the options, only those for searching apply (boosts, the extractor's
   * name variants for entity filters, total-hits threshold, query timeout, highlight tags); the
   * writing settings play no part.
   *
   * @param dir the directory of an existing index
   * @param options the settings for this instance
   * @return the open index, for all threads to share; close it when done
   * @throws IndexException if there is no index in {@code dir}, or it is corrupt, was not created
   *     by this version of Dateline, or cannot be read
   */
  public static NewsIndex openReadOnly(Path dir, Options options) {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(options, "options");
    if (!Files.isDirectory(dir)) {
      // Checked first: opening the directory would create it, and a reader must not write.
      throw new IndexException("no index at " + dir + " (no such directory)");
    }
    return new NewsIndex(dir.toString(), fsDirectory(dir), true, options);
  }

  /**
   * A new, empty index held in memory (for tests and short-lived use), with {@link
   * Options#defaults()}. It works like an index on disk, commit included, but is lost when closed.
   *
   * @return the open, writable index
   */
  public static NewsIndex inMemory() {
    return inMemory(Options.defaults());
  }

  /**
   * A new, empty index held in memory, like {@link #inMemory()}, with the given settings.
   *
   * @param options the settings for this instance
   * @return the open, writable index
   */
  public static NewsIndex inMemory(Options options) {
    Objects.requireNonNull(options, "options");
    return new NewsIndex("(in memory)", new ByteBuffersDirectory(), false, options);
  }

  /**
   * Rebuilds the stories from the index's fingerprints, and repairs the story key of articles
   * whose stored key differs from the one recomputed (a crash between the writes of one change
   * can leave that behind; the repair is written with the next commit).
   */
  private StoryRegistry loadStories(IndexWriter w) throws IOException {
    StoryRegistry registry = new StoryRegistry();
    Map<String, StoryRegistry.Member> members = new LinkedHashMap<>();
    Map<String, Long> stored = new HashMap<>();
    try (DirectoryReader reader = DirectoryReader.open(w)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        Bits live = leaf.reader().getLiveDocs();
        SortedDocValues ids = DocValues.getSorted(leaf.reader(), Schema.ID);
        SortedNumericDocValues published = DocValues.getSortedNumeric(leaf.reader(), Schema.PUBLISHED);
        BinaryDocValues prints = DocValues.getBinary(leaf.reader(), Schema.STORY_FINGERPRINT);
        NumericDocValues keys = DocValues.getNumeric(leaf.reader(), Schema.STORY_KEY);
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          if ((live != null && !live.get(doc)) || !ids.advanceExact(doc) || !prints.advanceExact(doc)) {
            continue;
          }
          String id = ids.lookupOrd(ids.ordValue()).utf8ToString();
          Long when = published.advanceExact(doc) ? published.nextValue() : null;
          members.put(id, new StoryRegistry.Member(id, when, Fingerprint.decode(prints.binaryValue())));
          if (keys.advanceExact(doc)) {
            stored.put(id, keys.longValue());
          }
        }
      }
    }
    registry.load(members.values());
    for (StoryRegistry.Member m : members.values()) {
      long key = StoryRegistry.key(registry.rootOf(m.id()));
      Long had = stored.get(m.id());
      if (had == null || had != key) {
        w.updateDocValues(Schema.idTerm(m.id()), Schema.storyUpdate(registry.rootOf(m.id())));
      }
    }
    return registry;
  }

  private static Directory fsDirectory(Path dir) {
    try {
      return FSDirectory.open(dir);
    } catch (IOException e) {
      throw new IndexException("cannot open index directory " + dir + ": " + e.getMessage(), e);
    }
  }

  // ------------------------------------------------------------------ writing

  /**
   * Adds an article, replacing any article with the same id (in one atomic step: a search never
   * sees both or neither). If the article has no entities, the index's {@link EntityExtractor} is
   * run on it first ({@link EntityExtractor#none()} to index only given entities). The change is
   * buffered: see the class documentation for when it becomes visible and durable. Text fields
   * longer than {@link Options#maxFieldChars()} are truncated in the index.
   *
   * @param article the article
   * @return the article that was indexed: {@code article} itself, or a copy with the extracted
   *     entities; not truncated ({@link #get} returns the stored, possibly truncated, text)
   * @throws IndexException if the index is read-only or closed, or the write fails
   * @throws InvalidArticleException if a field cannot be indexed (a language code longer than
   *     1,000 characters)
   * @throws DatelineException if the entity extractor throws; its exception is the cause
   */
  public Article add(Article article) {
    Objects.requireNonNull(article, "article");
    writer();
    Article toIndex = withEntities(article);
    Document doc = schema.toDocument(toIndex);
    if (stories == null) {
      write("add article " + toIndex.id(), w -> w.updateDocument(Schema.idTerm(toIndex.id()), doc));
      return toIndex;
    }
    String id = toIndex.id();
    Fingerprint print = Schema.fingerprint(toIndex);
    StoryRegistry.Member member =
        new StoryRegistry.Member(
            id, toIndex.published() == null ? null : toIndex.published().toEpochMilli(), print);
    write(
        "add article " + id,
        w -> {
          synchronized (stripe(id)) {
            String root;
            synchronized (stories) {
              // Usually only the article itself: see StoryRegistry.
              Map<String, String> changed = stories.add(member);
              root = changed.get(id);
              writeStories(w, changed, id);
            }
            Schema.addStory(doc, print, root);
            // Analysis, the bulk of the work, outside the registry's lock.
            w.updateDocument(Schema.idTerm(id), doc);
            synchronized (stories) {
              // An article added meanwhile (on another thread) may have moved this one.
              String now = stories.rootOf(id);
              if (now != null && !now.equals(root)) {
                w.updateDocValues(Schema.idTerm(id), Schema.storyUpdate(now));
              }
            }
          }
        });
    return toIndex;
  }

  private Object stripe(String id) {
    return idStripes[(id.hashCode() & 0x7FFFFFFF) % idStripes.length];
  }

  /**
   * Same as {@link #add}: an article with an existing id replaces the old one, and one with a new
   * id is added.
   *
   * @param article the new version of the article
   * @return the article that was indexed, as for {@link #add}
   * @throws IndexException if the index is read-only or closed, or the write fails
   * @throws InvalidArticleException if a field cannot be indexed
   * @throws DatelineException if the entity extractor throws
   */
  public Article update(Article article) {
    return add(article);
  }

  /**
   * Deletes the article with this id, if present; an unknown id is not an error. Buffered like
   * {@link #add}: searches see the article until the next {@link #refresh()}.
   *
   * @param id the article id, exactly as indexed (case-sensitive)
   * @throws IndexException if the index is read-only or closed, or the write fails
   */
  public void delete(String id) {
    Objects.requireNonNull(id, "id");
    if (stories == null) {
      write("delete article " + id, w -> w.deleteDocuments(Schema.idTerm(id)));
      return;
    }
    write(
        "delete article " + id,
        w -> {
          synchronized (stripe(id)) {
            synchronized (stories) {
              w.deleteDocuments(Schema.idTerm(id));
              writeStories(w, stories.remove(id), id);
            }
          }
        });
  }

  /** Moves the articles in {@code changed} (except {@code skip}) to their new story roots. */
  private static void writeStories(IndexWriter w, Map<String, String> changed, String skip)
      throws IOException {
    for (Map.Entry<String, String> e : changed.entrySet()) {
      if (!e.getKey().equals(skip)) {
        w.updateDocValues(Schema.idTerm(e.getKey()), Schema.storyUpdate(e.getValue()));
      }
    }
  }

  private Article withEntities(Article a) {
    if (!a.entities().isEmpty()) {
      return a;
    }
    List<Entity> found;
    try {
      found = options.extractor.extract(a);
    } catch (RuntimeException e) {
      throw new DatelineException("entity extraction failed for article " + a.id() + ": " + e, e);
    }
    return found == null || found.isEmpty() ? a : a.toBuilder().entities(found).build();
  }

  /**
   * Makes all changes made so far durable. See the class documentation for what that guarantees.
   * Blocks until the files are synced to storage.
   *
   * @throws IndexException if the index is read-only or closed, or writing or syncing fails
   */
  public void commit() {
    // A commit may fall between an article's write and the story updates it causes; opening the
    // index recomputes the stories from the fingerprints and repairs any such key.
    write("commit", IndexWriter::commit);
  }

  /**
   * Merges the index into at most {@code maxSegments} segments, then commits and refreshes: for an
   * index that is searched much more than it is written, after a bulk load. Every search pays a
   * little per segment (looking its terms up, setting up its collectors and date ranges), so an
   * index of a few segments answers short queries faster than one of many. What searches match
   * does not change; scores may, slightly, where deleted or replaced articles still counted in the
   * term statistics before the merge dropped them. A bulk load of articles leaves one segment per RAM buffer's worth of
   * articles ({@link Options.Builder#ramBufferMb}), merged only in tiers of about ten. Merging
   * rewrites the index: it takes time in proportion to its size and needs up to as much free disk
   * space again while it runs; searches and writes may go on meanwhile. Blocks until done.
   *
   * @param maxSegments the most segments to leave, at least 1
   * @throws IllegalArgumentException if {@code maxSegments} is below 1
   * @throws IndexException if the index is read-only or closed, or merging or committing fails
   */
  public void forceMerge(int maxSegments) {
    if (maxSegments < 1) {
      throw new IllegalArgumentException("maxSegments must be at least 1, was " + maxSegments);
    }
    write("merge segments", w -> {
      w.forceMerge(maxSegments);
      w.commit();
    });
    refresh();
  }

  /** A write to the index writer. */
  private interface WriterCall {
    void run(IndexWriter writer) throws IOException;
  }

  private void write(String what, WriterCall call) {
    lifecycle.readLock().lock();
    try {
      call.run(writer());
    } catch (IOException e) {
      throw failure(what, e);
    } catch (AlreadyClosedException e) {
      throw closed(e);
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  /**
   * Makes all changes made before this call visible to searches that start after it returns. On a
   * read-only index, picks up the latest commit. Blocks until the new view is open; searches
   * already running finish on the old one.
   *
   * @throws IndexException if the index is closed or the new view cannot be opened
   */
  public void refresh() {
    ensureOpen();
    try {
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw failure("refresh", e);
    } catch (AlreadyClosedException e) {
      throw closed(e);
    }
  }

  private IndexWriter writer() {
    ensureOpen();
    if (writer == null) {
      throw new IndexException("index at " + description + " is open read-only");
    }
    return writer;
  }

  // ------------------------------------------------------------------ reading

  /**
   * Searches with default settings: {@code text} in the query syntax, best matches first, the
   * first 10 hits. Short for {@code search(NewsQuery.of(text))}.
   *
   * @param text free text in the query syntax (see {@link NewsQuery}); null or blank for all
   *     articles, newest first
   * @return the first page of results
   * @throws InvalidQueryException if the text has a syntax error or is too long or complex
   * @throws SearchTimeoutException if it runs longer than {@link Options#queryTimeout}
   * @throws IndexException if the index is closed or cannot be read
   */
  public SearchResults search(String text) {
    return search(NewsQuery.of(text));
  }

  /**
   * Runs a query against the latest refreshed view of the index. Inline relative dates ({@code
   * after:now-7d}) are resolved now. Unless {@link NewsQuery.Builder#correctTypos(boolean) turned
   * off}, misspelt words are corrected: a query that matches nothing as written runs corrected
   * ({@link SearchResults#correctedText()}), one that matches something offers the correction
   * ({@link SearchResults#suggestion()}); see {@link SearchResults}. The correction is made within
   * the same {@link Options#queryTimeout}: if the time runs out while correcting, the query's own
   * results are returned uncorrected.
   *
   * @param query the query; a query with a cursor continues the listing where that cursor's page
   *     ended
   * @return one page of hits, with the total and the cursor for the next page
   * @throws InvalidQueryException if the query expands beyond the clause limit or its cursor is
   *     invalid (not a Dateline cursor, or from a query with another sort order)
   * @throws SearchTimeoutException if it runs longer than {@link Options#queryTimeout}
   * @throws StoriesNotEnabledException if the query {@link NewsQuery.Builder#collapse collapses}
   *     and the index does not detect stories
   * @throws IndexException if the index is closed or cannot be read
   */
  public SearchResults search(NewsQuery query) {
    Objects.requireNonNull(query, "query");
    return search(query, (FacetRequest) null, "search");
  }

  /**
   * Runs a query like {@link #search(NewsQuery)} and counts facets over all its matches. The page
   * is searched as without counts (relevance order still skips blocks of weak matches, newest
   * first still stops early in each segment), then one unscored pass gathers every match into a
   * set per segment (a sorted array when few, else a bit set), which the counts read. The results' {@link SearchResults#facets()} are
   * what {@link #facets(NewsQuery, FacetRequest)} would return for the query that ran (the
   * corrected one, if the query was corrected); since every match is visited, {@link
   * SearchResults#total()} is exact.
   *
   * <p>With {@link FacetRequest.Builder#sideways(boolean) sideways}, each dimension the query
   * filters on takes one more unscored pass over the query without those filters.
   *
   * @param query the query
   * @param request what to count over its matches
   * @return one page of hits with the exact total and the counts
   * @throws InvalidQueryException if the query expands beyond the clause limit, its cursor is
   *     invalid, or the histogram would have more than 100,000 buckets
   * @throws SearchTimeoutException if it runs longer than {@link Options#queryTimeout}
   * @throws StoriesNotEnabledException if the query collapses or the request {@link
   *     FacetRequest#stories() counts stories}, and the index does not detect stories
   * @throws IndexException if the index is closed or cannot be read
   */
  public SearchResults search(NewsQuery query, FacetRequest request) {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(request, "request");
    return search(query, request, "search");
  }

  /** {@link #search(NewsQuery)}, counting {@code request} (if not null) over all the matches. */
  private SearchResults search(NewsQuery query, FacetRequest request, String what) {
    if (query.collapse()) {
      requireStories("collapse copies into stories");
    }
    if (request != null && request.stories()) {
      requireStories("count stories");
    }
    SortOrder order = QueryCompiler.order(query.sort(), query.parsed());
    FieldDoc after = query.cursor() == null ? null : Cursors.decode(order, query.cursor());
    // A RECENT cursor page is ranked against the instant its first page was.
    Instant reference =
        order != SortOrder.RECENT
            ? null
            : query.cursor() == null
                ? query.recencyReference()
                : Cursors.recencyReference(query.cursor());
    IndexSearcher shared = acquire();
    try {
      IndexSearcher searcher = timed(shared);
      QueryCompiler.Compiled compiled = compileToRun(searcher, query, query.parsed());
      FacetsCollector[] matched = request == null ? null : new FacetsCollector[1];
      TopFieldDocs top = page(searcher, compiled, query, order, reference, after, matched);
      TypoCorrector.Correction correction =
          query.correctTypos()
              ? TypoCorrector.correct(
                  schema, searcher.getIndexReader(), query.parsed(), () -> timeUp(searcher))
              : null;
      if (correction != null && top.totalHits.value() == 0) {
        // Nothing matched as written: run the corrected query, with the same filters and page.
        QueryCompiler.Compiled fixed = compileToRun(searcher, query, correction.query());
        FacetsCollector[] fixedMatched = request == null ? null : new FacetsCollector[1];
        TopFieldDocs fixedTop = page(searcher, fixed, query, order, reference, after, fixedMatched);
        if (fixedTop.totalHits.value() > 0) {
          Facets facets =
              request == null
                  ? null
                  : countFacets(searcher, query, correction.query(), request, fixedMatched[0]);
          SearchResults r = results(searcher, query, order, reference, fixed, fixedTop, facets);
          return new SearchResults(
              r.total(), r.totalIsExact(), r.hits(), r.next(), correction.apply(query.text()),
              null, r.facets());
        }
        correction = null; // the correction finds nothing either: say nothing
      }
      Facets facets =
          request == null ? null : countFacets(searcher, query, query.parsed(), request, matched[0]);
      SearchResults r = results(searcher, query, order, reference, compiled, top, facets);
      return correction == null
          ? r
          : new SearchResults(
              r.total(), r.totalIsExact(), r.hits(), r.next(), null,
              correction.apply(query.text()), r.facets());
    } catch (IndexSearcher.TooManyClauses e) {
      throw QueryCompiler.tooComplex();
    } catch (IOException e) {
      throw failure(what, e);
    } finally {
      release(shared);
    }
  }

  /**
   * The exact number of articles matching {@code query} in the latest refreshed view: its text and
   * all its filters, including its {@link NewsQuery.Builder#filter Lucene filters}. The sort, page
   * size, cursor, highlighting and {@link NewsQuery#exactTotal()} of the query play no part.
   * Nothing is scored and no hits are loaded, and Lucene can count some queries (all articles, a
   * single term or a date range on segments without deletions) from index structures without
   * visiting the matches, so this is cheaper than a search with {@link
   * NewsQuery.Builder#exactTotal(boolean)}.
   * (Not to be confused with {@link #count()}, the number of articles in the index.)
   *
   * @param query the query whose matches to count
   * @return the exact number of matching articles
   * @throws InvalidQueryException if the query expands beyond the clause limit
   * @throws SearchTimeoutException if counting runs longer than {@link Options#queryTimeout}
   * @throws IndexException if the index is closed or cannot be read
   */
  public long count(NewsQuery query) {
    Objects.requireNonNull(query, "query");
    return read(
        "count",
        searcher -> searcher.count(compileToRun(searcher, query, query.parsed()).query()));
  }

  /**
   * {@code query} with its text read as {@code parsed}, compiled to run: in a date order, a
   * ranked query matches only the articles with all its words ({@link
   * QueryCompiler#requiresAllWords}) unless none has them all, when it matches those with any
   * (the test is one search for a single match, made only when the words may be required).
   */
  private QueryCompiler.Compiled compileToRun(IndexSearcher searcher, NewsQuery query, QueryNode parsed)
      throws IOException {
    QueryCompiler.Compiled compiled = compiler.compile(query, parsed, searcher.getIndexReader());
    if (QueryCompiler.requiresAllWords(query, parsed)
        && searcher.search(new ConstantScoreQuery(compiled.query()), new TopScoreDocCollectorManager(1, 1))
                .totalHits.value() == 0) {
      return compiler.compile(QueryCompiler.anyWord(query), parsed, searcher.getIndexReader());
    }
    return compiled;
  }

  /**
   * Counts over all the articles matching {@code query} in the latest refreshed view: the top
   * values of each of the request's {@link FacetDimension}s and, if asked for, a date {@link
   * Histogram}. Counts are exact: every match is counted, whatever the query's page size, cursor
   * or {@link NewsQuery#exactTotal()}; an article counts once per distinct value it has. The
   * histogram's buckets span the query's {@link NewsQuery#from()} and {@link NewsQuery#to()} where
   * given, else the first and last matching article, in the request's zone (default the query's).
   * Runs on Lucene's facet module over doc values; nothing is scored and no stored field is read.
   *
   * <p>With {@link FacetRequest.Builder#sideways(boolean) sideways}, each dimension the query
   * filters on is counted over the matches of the query without those filters (one more pass per
   * such dimension).
   *
   * @param query the query whose matches to count (its sort, page and cursor play no part)
   * @param request what to count
   * @return the counts, a snapshot
   * @throws InvalidQueryException if the query expands beyond the clause limit, or the histogram
   *     would have more than 100,000 buckets
   * @throws SearchTimeoutException if counting runs longer than {@link Options#queryTimeout}
   * @throws StoriesNotEnabledException if the request {@link FacetRequest#stories() counts
   *     stories} and the index does not detect stories
   * @throws IndexException if the index is closed or cannot be read
   */
  public Facets facets(NewsQuery query, FacetRequest request) {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(request, "request");
    if (request.stories()) {
      requireStories("count stories");
    }
    return read(
        "count facets", searcher -> countFacets(searcher, query, query.parsed(), request, null));
  }

  /**
   * Counts {@code request} over the matches of {@code query} with its text parsed as {@code
   * parsed}: over {@code matched} when the search already collected them, else in a pass of its
   * own.
   */
  private Facets countFacets(
      IndexSearcher searcher,
      NewsQuery query,
      QueryNode parsed,
      FacetRequest request,
      FacetsCollector matched)
      throws IOException {
    IndexReader reader = searcher.getIndexReader();
    FacetEngine.Matches matches =
        new FacetEngine.Matches() {
          @Override
          public Query query(FacetDimension without) {
            // Drill-sideways: the query without the filter, as if run on its own (compileToRun).
            NewsQuery q = without == null ? query : query.withoutFiltersOn(without);
            try {
              return compileToRun(searcher, q, parsed).query();
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }

          @Override
          public boolean filters(FacetDimension d) {
            return query.filtersOn(d);
          }

          @Override
          public Instant from() {
            return query.from();
          }

          @Override
          public Instant to() {
            return query.to();
          }

          @Override
          public java.time.ZoneId zone() {
            return query.zone();
          }
        };
    Facets facets = facetEngine.compute(searcher, matches, request, matched);
    checkTimeout(searcher);
    return facets;
  }

  /**
   * The values of {@code dimension} that are unusually frequent among the matches of {@code
   * foreground} compared with a background: "what is new about Escondida this week" is {@code
   * significant(escondidaThisWeek, null, PERSON, 10)}, or with the same query over earlier weeks as
   * the background. Scored by Dunning's log-likelihood ratio (see {@link SignificantValue}), most
   * significant first, ties by value. Counts are exact, from the facet doc values.
   *
   * <p>With no background, the matches are compared with the rest of the index (every article that
   * does not match). A background query is taken as it is: give one that does not overlap the
   * foreground (an earlier period), or the overlap is counted on both sides.
   *
   * @param foreground the query whose matches to describe
   * @param background the articles to compare with, or null for the rest of the index
   * @param dimension what to look for: usually {@link FacetDimension#PERSON}, {@link
   *     FacetDimension#PLACE} or {@link FacetDimension#ORG}
   * @param top how many values to return, at least 1
   * @return at most {@code top} values, more frequent in the foreground than in the background
   * @throws IllegalArgumentException if {@code top} is less than 1
   * @throws SearchTimeoutException if counting runs longer than {@link Options#queryTimeout}
   * @throws IndexException if the index is closed or cannot be read
   */
  @Override
  public List<SignificantValue> significant(
      NewsQuery foreground, NewsQuery background, FacetDimension dimension, int top) {
    Objects.requireNonNull(foreground, "foreground");
    Objects.requireNonNull(dimension, "dimension");
    if (top < 1) {
      throw new IllegalArgumentException("top must be at least 1, was " + top);
    }
    return read("find significant values", searcher -> {
      IndexReader reader = searcher.getIndexReader();
      Query fgQuery = compiler.compile(foreground, foreground.parsed(), reader).query();
      Query bgQuery =
          background == null
              ? MatchAllDocsQuery.INSTANCE
              : compiler.compile(background, background.parsed(), reader).query();
      Map<String, Long> fg = facetEngine.allCounts(searcher, fgQuery, dimension);
      Map<String, Long> bg = facetEngine.allCounts(searcher, bgQuery, dimension);
      return SignificantValue.rank(fg, fg.get(null), bg, bg.get(null), background == null, top);
    });
  }

  /**
   * The words unusually frequent among the matches of {@code foreground} compared with a
   * background: the text-side companion of {@link #significant}, scored the same way, by Dunning's
   * log-likelihood ratio G² over the 2x2 table of articles with and without the word in the
   * foreground and in the background (see {@link SignificantValue}); most significant first, ties
   * by word. An article counts once per word, whichever of its text fields (headline, bullets,
   * subheads, body, captions, byline) has it. Counts are exact, read from the index's postings.
   *
   * <p>A word is given in its indexed form: lower-cased, accents folded and lightly stemmed, as
   * searches match it ("talks" and "talk" are {@code talk}; see the README's section on text
   * analysis). Words in fewer than {@value SignificantWords#MIN_FOREGROUND} matching articles are
   * left out, and so are the words the foreground's own text searches for (every match has them).
   * The background is as in {@link #significant}: null for the rest of the index, or a query taken
   * as it is (give one that does not overlap the foreground, such as an earlier period).
   *
   * <p>The cost grows with the number of distinct words in the index (each is looked at once), not
   * only with the number of matches: meant for an analyst's question, not for every search.
   *
   * @param foreground the query whose matches to describe
   * @param background the articles to compare with, or null for the rest of the index
   * @param top how many words to return, at least 1
   * @return at most {@code top} words, more frequent in the foreground than in the background
   * @throws IllegalArgumentException if {@code top} is less than 1
   * @throws InvalidQueryException if a query expands beyond the clause limit
   * @throws SearchTimeoutException if it runs longer than {@link Options#queryTimeout}
   * @throws IndexException if the index is closed or cannot be read
   */
  public List<SignificantValue> significantWords(NewsQuery foreground, NewsQuery background, int top) {
    Objects.requireNonNull(foreground, "foreground");
    if (top < 1) {
      throw new IllegalArgumentException("top must be at least 1, was " + top);
    }
    return read("find significant words", searcher -> {
      IndexReader reader = searcher.getIndexReader();
      QueryCompiler.Compiled fg = compiler.compile(foreground, foreground.parsed(), reader);
      FacetsCollector fgMatches = searcher.search(fg.query(), FacetEngine.matchCollector());
      FacetsCollector bgMatches =
          background == null
              ? null
              : searcher.search(
                  compiler.compile(background, background.parsed(), reader).query(),
                  FacetEngine.matchCollector());
      checkTimeout(searcher);
      Set<String> own = new HashSet<>();
      if (fg.text() != null) {
        Set<org.apache.lucene.index.Term> terms = new HashSet<>();
        fg.text().visit(QueryVisitor.termCollector(terms));
        terms.forEach(t -> own.add(t.text()));
      }
      return SignificantWords.find(
          reader, fgMatches, bgMatches, own, top, () -> timeUp(searcher),
          () -> {
            throw new SearchTimeoutException(
                "finding significant words took longer than " + options.queryTimeout.toMillis()
                    + " ms and was stopped");
          });
    });
  }

  private static long countMatches(IndexSearcher searcher, Query query) throws IOException {
    try {
      return searcher.count(query);
    } catch (IndexSearcher.TooManyClauses e) {
      throw QueryCompiler.tooComplex();
    }
  }

  /** A read of the index through a searcher over one point-in-time view. */
  private interface Read<T> {
    T run(IndexSearcher searcher) throws IOException;
  }

  /**
   * Runs {@code read} on a searcher over the current view, with the query timeout: a query that
   * expands beyond the clause limit is an {@link InvalidQueryException}, an I/O error an {@link
   * IndexException} saying it could not {@code what}, and a search stopped by the timeout a {@link
   * SearchTimeoutException}.
   */
  private <T> T read(String what, Read<T> read) {
    IndexSearcher shared = acquire();
    try {
      IndexSearcher searcher = timed(shared);
      T result = read.run(searcher);
      checkTimeout(searcher);
      return result;
    } catch (IndexSearcher.TooManyClauses e) {
      throw QueryCompiler.tooComplex();
    } catch (IOException e) {
      throw failure(what, e);
    } finally {
      release(shared);
    }
  }


  private void checkTimeout(IndexSearcher searcher) {
    if (searcher.timedOut()) {
      throw new SearchTimeoutException(
          "search took longer than " + options.queryTimeout.toMillis() + " ms and was stopped");
    }
  }

  /**
   * Reads the index with Lucene directly: calls {@code fn} with an {@link IndexSearcher} over the
   * latest refreshed view and returns what it returns. For what {@link NewsQuery} cannot express,
   * such as a custom {@code Collector} or {@code CollectorManager} (counting sources over the
   * matches, exporting ids), or reading doc values; {@link IndexFields} names the fields and how
   * they are indexed.
   *
   * <ul>
   *   <li>The searcher and its reader are a point-in-time view: changes made after the last {@link
   *       #refresh()} are not in it, and it does not change while {@code fn} runs, however many
   *       searches {@code fn} makes. Deleted articles are excluded from searches, as usual in
   *       Lucene (check the reader's live docs when iterating doc values directly).
   *   <li>The searcher is valid only inside {@code fn}. It is released when {@code fn} returns or
   *       throws; do not keep it, its reader or anything read lazily from them (doc values,
   *       postings) for later, and do not close the reader: once released, the view may be closed
   *       at any time and using it then fails.
   *   <li>The searcher is {@code fn}'s own: setting its similarity, timeout or query cache affects
   *       no other search. It carries the index's {@link Options#queryTimeout}, counted from the
   *       start of the call, which stops searches made through it (not direct reads of the
   *       reader); if any of them was stopped, this method throws {@link SearchTimeoutException}
   *       after {@code fn} returns, since what {@code fn} computed would be partial.
   *   <li>Thread-safe like every method here: any number of threads may call this concurrently,
   *       alongside searches and writes.
   * </ul>
   *
   * <p><b>Advanced, experimental:</b> exposes Lucene types, so it may change with the Lucene
   * version Dateline is built on.
   *
   * @param fn what to do with the searcher; may return null
   * @param <T> what {@code fn} returns
   * @return what {@code fn} returned
   * @throws IndexException if the index is closed, or wrapping an {@link IOException} thrown by
   *     {@code fn} (other exceptions from {@code fn} propagate unchanged)
   * @throws SearchTimeoutException if a search made through the searcher was stopped by the
   *     timeout
   */
  public <T> T withSearcher(SearcherFunction<T> fn) {
    Objects.requireNonNull(fn, "fn");
    IndexSearcher shared = acquire();
    try {
      IndexSearcher own = new IndexSearcher(shared.getIndexReader());
      own.setSimilarity(shared.getSimilarity());
      if (!options.queryTimeout.isZero()) {
        own.setTimeout(new QueryTimeoutImpl(options.queryTimeout.toMillis()));
      }
      T result = fn.apply(own);
      checkTimeout(own);
      return result;
    } catch (IOException e) {
      throw failure("read with a caller's searcher", e);
    } finally {
      release(shared);
    }
  }

  /**
   * A read of the index through a Lucene {@link IndexSearcher}, for {@link #withSearcher}.
   *
   * <p><b>Advanced, experimental.</b>
   *
   * @param <T> what the read returns
   */
  @FunctionalInterface
  public interface SearcherFunction<T> {
    /**
     * Reads the index. The searcher is valid only during this call.
     *
     * @param searcher a searcher over a point-in-time view of the index
     * @return the result for {@link #withSearcher}
     * @throws IOException if reading the index fails; {@link #withSearcher} wraps it in {@link
     *     IndexException}
     */
    T apply(IndexSearcher searcher) throws IOException;
  }

  /** Whether a timed searcher's time is up (never for an untimed one). */
  private static boolean timeUp(IndexSearcher searcher) {
    return searcher.getTimeout() != null && searcher.getTimeout().shouldExit();
  }

  /**
   * One page of {@code compiled} in {@code order} ({@code RECENT}: relevance decayed by age from
   * {@code reference}), after {@code after}; with {@code matched}, also every match into {@code
   * matched[0]}, in an unscored pass after the page's, for facet counts (the total is then exact).
   *
   * @throws InvalidQueryException if the query expands beyond the clause limit
   * @throws SearchTimeoutException if the search ran out of time
   */
  private TopFieldDocs page(
      IndexSearcher searcher,
      QueryCompiler.Compiled compiled,
      NewsQuery query,
      SortOrder order,
      Instant reference,
      FieldDoc after,
      FacetsCollector[] matched)
      throws IOException {
    Query scored = compiled.query();
    if (order == SortOrder.RECENT) {
      scored =
          RecencyDecay.boost(scored, reference, query.recencyHalfLife(), query.recencyFloor());
    }
    TopFieldDocs top;
    try {
      if (query.collapse()) {
        // The total counts stories, exactly up to the threshold as for plain searches; facet
        // counts (which count articles) visit every match anyway, so the count is then exact.
        long upTo =
            query.exactTotal() || matched != null ? Long.MAX_VALUE : options.totalHitsThreshold;
        // One more than the page: whether it exists says whether a next page does.
        Collapse.Page page =
            Collapse.page(searcher, scored, order, query.limit() + 1, after, matched == null ? upTo : -1);
        ScoreDoc[] heads = page.heads();
        long stories = page.stories();
        checkTimeout(searcher);
        if (matched != null) {
          Object[] both =
              searcher.search(
                  scored, new MultiCollectorManager(Collapse.counter(upTo), FacetEngine.matchCollector()));
          stories = (Long) both[0];
          matched[0] = (FacetsCollector) both[1];
        }
        TotalHits total =
            stories > upTo
                ? new TotalHits(upTo, TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO)
                : new TotalHits(stories, TotalHits.Relation.EQUAL_TO);
        top = new TopFieldDocs(total, heads, Schema.sort(order).getSort());
      } else {
        TopFieldCollectorManager pageManager =
            new TopFieldCollectorManager(
                // One more than the page: whether it exists says whether a next page does.
                Schema.sort(order), query.limit() + 1, after, options.totalHitsThreshold);
        top = searcher.search(scored, pageManager);
        if (matched != null) {
          // A pass of its own, unscored, gathers every match for the counts: cheaper than one
          // pass in which the page's collector is handed (and scores) every match, which stops it
          // skipping (benchmarks/RESULTS.md, 2026-12-02, third session). The total is then exact.
          checkTimeout(searcher);
          matched[0] = searcher.search(scored, FacetEngine.matchCollector());
          TotalHits exact =
              new TotalHits(FacetEngine.matches(matched[0]), TotalHits.Relation.EQUAL_TO);
          top = new TopFieldDocs(exact, top.scoreDocs, top.fields);
        }
      }
    } catch (IndexSearcher.TooManyClauses e) {
      throw QueryCompiler.tooComplex();
    }
    checkTimeout(searcher);
    return top;
  }

  /**
   * A searcher over {@code shared}'s reader carrying the query timeout, counted from now. Each
   * thread keeps one per reader and reuses it for its next searches on that reader (a searcher's
   * timeout is its own setting, and a thread runs one search at a time), so a search does not build
   * a searcher; one that was stopped by a timeout stays marked as such and is replaced.
   */
  private IndexSearcher timed(IndexSearcher shared) {
    if (options.queryTimeout.isZero()) {
      return shared;
    }
    TimedSearcher t = timedSearchers.get();
    if (t == null || t.reader() != shared.getIndexReader() || t.searcher().timedOut()) {
      IndexSearcher s = new IndexSearcher(shared.getIndexReader());
      s.setSimilarity(shared.getSimilarity());
      t = new TimedSearcher(shared.getIndexReader(), s);
      timedSearchers.set(t);
    }
    t.searcher().setTimeout(new QueryTimeoutImpl(options.queryTimeout.toMillis()));
    return t.searcher();
  }

  /** A thread's timed searcher and the reader it searches. */
  private record TimedSearcher(IndexReader reader, IndexSearcher searcher) {}

  private final ThreadLocal<TimedSearcher> timedSearchers = new ThreadLocal<>();

  private SearchResults results(
      IndexSearcher searcher,
      NewsQuery query,
      SortOrder order,
      Instant reference,
      QueryCompiler.Compiled compiled,
      TopFieldDocs top,
      Facets facets)
      throws IOException {
    boolean more = top.scoreDocs.length > query.limit();
    ScoreDoc[] docs = more ? Arrays.copyOf(top.scoreDocs, query.limit()) : top.scoreDocs;
    Snippet[] snippets = query.highlight() ? snippets(searcher, compiled, docs) : new Snippet[docs.length];
    HitSummary[] summaries = summaries(searcher, docs);
    Story[] stories = query.collapse() ? stories(searcher, docs, summaries) : new Story[docs.length];
    List<SearchHit> hits = new ArrayList<>(docs.length);
    for (int i = 0; i < docs.length; i++) {
      HitSummary h = summaries[i];
      // Date orders do not compute scores: that lets newest-first queries stop early.
      boolean scoreOrder = order == SortOrder.RELEVANCE || order == SortOrder.RECENT;
      float score = scoreOrder ? (Float) ((FieldDoc) docs[i]).fields[0] : 0f;
      hits.add(
          new SearchHit(
              h.id(), h.headline(), h.published(), h.source(), h.byline(), h.url(), h.section(),
              Float.isNaN(score) ? 0f : score, snippets[i], h.entities(), stories[i]));
    }
    String next = more ? Cursors.encode(order, (FieldDoc) docs[docs.length - 1], reference) : null;
    TotalHits counted = top.totalHits;
    if (query.collapse()) {
      // The total counts stories (facets, if asked, count articles).
      return new SearchResults(
          counted.value(), counted.relation() == TotalHits.Relation.EQUAL_TO, hits, next, null,
          null, facets);
    }
    if (facets != null) {
      // The facet collector saw every match.
      return new SearchResults(facets.matches(), true, hits, next, null, null, facets);
    }
    int threshold = options.totalHitsThreshold;
    if (query.exactTotal()) {
      // EQUAL_TO: the collector saw every match. Otherwise it skipped some: count them all.
      long total =
          counted.relation() == TotalHits.Relation.EQUAL_TO
              ? counted.value()
              : countMatches(searcher, compiled.query());
      checkTimeout(searcher);
      return new SearchResults(total, true, hits, next);
    }
    // How far the collector counted depends on the page size and position (it counts exactly up
    // to max(threshold, limit), and from then on how many it visits before skipping varies), so
    // report only what does not: the count up to the threshold. GREATER_THAN_OR_EQUAL_TO implies
    // more than max(threshold, limit) match.
    if (counted.relation() == TotalHits.Relation.EQUAL_TO && counted.value() <= threshold) {
      return new SearchResults(counted.value(), true, hits, next);
    }
    return new SearchResults(threshold, false, hits, next);
  }

  /** The document of the article {@code id}, or -1 when there is none. */
  private static int docOf(IndexSearcher searcher, String id) throws IOException {
    TopDocs one = searcher.search(new TermQuery(Schema.idTerm(id)), 1);
    return one.scoreDocs.length == 0 ? -1 : one.scoreDocs[0].doc;
  }

  /**
   * The hit summaries of {@code docs}, read from the {@link Schema#HIT} doc values in doc id order
   * (doc values iterate forward only); documents indexed before that field existed fall back to
   * stored fields.
   */
  private static HitSummary[] summaries(IndexSearcher searcher, ScoreDoc[] docs) throws IOException {
    HitSummary[] out = new HitSummary[docs.length];
    // Hits in doc id order (doc values iterate forward only): each doc id with its position in
    // the low bits, sorted as primitives.
    long[] order = new long[docs.length];
    for (int i = 0; i < docs.length; i++) {
      order[i] = ((long) docs[i].doc << 32) | i;
    }
    Arrays.sort(order);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = null;
    BinaryDocValues values = null;
    for (long docAndIndex : order) {
      int i = (int) docAndIndex;
      int doc = docs[i].doc;
      if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
        leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        values = leaf.reader().getBinaryDocValues(Schema.HIT);
      }
      if (values != null && values.advanceExact(doc - leaf.docBase)) {
        out[i] = HitSummary.decode(values.binaryValue());
      } else {
        out[i] = HitSummary.of(Schema.article(searcher, doc));
      }
    }
    return out;
  }

  /**
   * The stories of {@code docs}, computed from their members. A story whose only member is the hit
   * itself ({@link StoryKeys#single}) is the hit's own details ({@code summaries}); the members of
   * the others are found per segment through {@link StoryKeys} (a binary search per story), each
   * member's id, publication time and source read from doc values.
   */
  private static Story[] stories(IndexSearcher searcher, ScoreDoc[] docs, HitSummary[] summaries)
      throws IOException {
    Story[] out = new Story[docs.length];
    long[] keyOf = new long[docs.length];
    IndexReader reader = searcher.getIndexReader();
    boolean[] keyed = StoryKeys.keysOf(reader, docs, keyOf);
    Map<Long, Story.Tally> tallies = new LinkedHashMap<>();
    for (int i = 0; i < docs.length; i++) {
      if (!keyed[i]) {
        continue;
      }
      String source = summaries[i].source();
      // The source as its doc value holds it (cut at the keyword limit): the slow path below.
      if (StoryKeys.single(reader, keyOf[i])
          && (source == null || source.length() <= Schema.MAX_KEYWORD_CHARS)) {
        Story.Tally alone = new Story.Tally();
        Instant published = summaries[i].published();
        alone.add(summaries[i].id(), published == null ? null : published.toEpochMilli(), source);
        out[i] = alone.story();
      } else {
        tallies.putIfAbsent(keyOf[i], new Story.Tally());
      }
    }
    if (tallies.isEmpty()) {
      return out;
    }
    long[] storyKeys = tallies.keySet().stream().mapToLong(Long::longValue).toArray();
    for (LeafReaderContext leaf : reader.leaves()) {
      long[] docAndStory = StoryKeys.of(leaf.reader()).membersInDocOrder(storyKeys);
      if (docAndStory.length == 0) {
        continue;
      }
      SortedDocValues ids = DocValues.getSorted(leaf.reader(), Schema.ID);
      SortedNumericDocValues published = DocValues.getSortedNumeric(leaf.reader(), Schema.PUBLISHED);
      SortedSetDocValues sources = DocValues.getSortedSet(leaf.reader(), Schema.FACET_SOURCE);
      for (long member : docAndStory) {
        int doc = (int) (member >>> 32);
        Story.Tally t = tallies.get(storyKeys[(int) member]);
        String id = ids.advanceExact(doc) ? ids.lookupOrd(ids.ordValue()).utf8ToString() : "";
        Long when = published.advanceExact(doc) ? published.nextValue() : null;
        String source =
            sources.advanceExact(doc) ? sources.lookupOrd(sources.nextOrd()).utf8ToString() : null;
        t.add(id, when, source);
      }
    }
    for (int i = 0; i < docs.length; i++) {
      if (keyed[i] && out[i] == null) {
        out[i] = tallies.get(keyOf[i]).story();
      }
    }
    return out;
  }

  /**
   * The story of an article, with its members in publication order (oldest first, then by id):
   * the article itself and its near-duplicate copies (see {@link Story}), in the latest refreshed
   * view. Not subject to the query timeout.
   *
   * @param id the id of any member of the story, exactly as indexed
   * @return the members, each with its {@link SearchHit#story()} and without score or snippet;
   *     empty if there is no article with this id
   * @throws StoriesNotEnabledException if the index does not detect stories
   * @throws IndexException if the index is closed or cannot be read
   */
  @Override
  public List<SearchHit> timeline(String id) {
    Objects.requireNonNull(id, "id");
    requireStories("show the story of an article");
    IndexSearcher s = acquire();
    try {
      int doc = docOf(s, id);
      if (doc < 0) {
        return List.of();
      }
      List<LeafReaderContext> leaves = s.getIndexReader().leaves();
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
      NumericDocValues keys = DocValues.getNumeric(leaf.reader(), Schema.STORY_KEY);
      ScoreDoc[] docs =
          keys.advanceExact(doc - leaf.docBase)
              ? s.search(
                      StoryKeys.members(keys.longValue()),
                      Math.max(1, StoryKeys.size(s.getIndexReader(), keys.longValue())),
                      Schema.sort(SortOrder.OLDEST))
                  .scoreDocs
              : new ScoreDoc[] {new ScoreDoc(doc, Float.NaN)};
      HitSummary[] summaries = summaries(s, docs);
      Story[] stories = stories(s, docs, summaries);
      List<SearchHit> out = new ArrayList<>(docs.length);
      for (int i = 0; i < docs.length; i++) {
        HitSummary h = summaries[i];
        out.add(
            new SearchHit(
                h.id(), h.headline(), h.published(), h.source(), h.byline(), h.url(), h.section(),
                0f, null, h.entities(), stories[i]));
      }
      return out;
    } catch (IOException e) {
      throw failure("read the story of article " + id, e);
    } finally {
      release(s);
    }
  }

  /**
   * The articles most related to an article: other stories on the same subject, found by Lucene's
   * MoreLikeThis over its headline and body (its most distinctive terms, weighted by tf-idf) and
   * its entities (the people, places and organisations it names), best first. In an index that
   * {@link #detectsStories() detects stories}, never a member of the article's own story (its
   * copies), and one hit per story (its best-ranked member, with {@link SearchHit#story()}); in
   * one that does not, copies are not recognised and may be listed. Not subject to the query
   * timeout.
   *
   * @param id the article's id, exactly as indexed
   * @param limit the most hits to return, at least 1
   * @param within if not null, only articles published at most this long before or after the
   *     article (an undated article then has no related articles)
   * @return the related articles, most related first, with scores and without snippets; empty if
   *     there is no article with this id, or nothing is related
   * @throws IllegalArgumentException if {@code limit} is less than 1 or {@code within} negative
   * @throws IndexException if the index is closed or cannot be read
   */
  public List<SearchHit> related(String id, int limit, Duration within) {
    Objects.requireNonNull(id, "id");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    if (within != null && within.isNegative()) {
      throw new IllegalArgumentException("within must not be negative, was " + within);
    }
    boolean collapse = detectsStories();
    IndexSearcher s = acquire();
    try {
      int doc = docOf(s, id);
      if (doc < 0) {
        return List.of();
      }
      Article article = Schema.article(s, doc);
      Query like = Related.query(s.getIndexReader(), schema.analyzer(), doc, article);
      if (like == null) {
        return List.of();
      }
      BooleanQuery.Builder q = new BooleanQuery.Builder().add(like, BooleanClause.Occur.MUST);
      q.add(new TermQuery(Schema.idTerm(id)), BooleanClause.Occur.MUST_NOT);
      if (within != null) {
        if (article.published() == null) {
          return List.of();
        }
        long t = article.published().toEpochMilli();
        long w = within.toMillis();
        q.add(Schema.publishedBetween(t - w, t + w), BooleanClause.Occur.FILTER);
      }
      if (collapse) {
        List<LeafReaderContext> leaves = s.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        NumericDocValues keys = DocValues.getNumeric(leaf.reader(), Schema.STORY_KEY);
        if (keys.advanceExact(doc - leaf.docBase)) {
          q.add(StoryKeys.members(keys.longValue()), BooleanClause.Occur.MUST_NOT);
        }
      }
      Query query = q.build();
      ScoreDoc[] docs =
          collapse
              ? Collapse.page(s, query, SortOrder.RELEVANCE, limit, null, -1).heads()
              : s.search(query, limit, Schema.sort(SortOrder.RELEVANCE), true).scoreDocs;
      HitSummary[] summaries = summaries(s, docs);
      Story[] stories = collapse ? stories(s, docs, summaries) : new Story[docs.length];
      List<SearchHit> out = new ArrayList<>(docs.length);
      for (int i = 0; i < docs.length; i++) {
        HitSummary h = summaries[i];
        // The relevance sort's first value is the score.
        float score = (Float) ((FieldDoc) docs[i]).fields[0];
        out.add(
            new SearchHit(
                h.id(), h.headline(), h.published(), h.source(), h.byline(), h.url(), h.section(),
                Float.isNaN(score) ? 0f : score, null, h.entities(), stories[i]));
      }
      return out;
    } catch (IndexSearcher.TooManyClauses e) {
      throw QueryCompiler.tooComplex();
    } catch (IOException e) {
      throw failure("find articles related to " + id, e);
    } finally {
      release(s);
    }
  }

  /**
   * The snippet of each hit: the best passages of its body when the query matched there, else of
   * its bullets when it matched there, else the opening of the body (or of the bullets).
   */
  private Snippet[] snippets(IndexSearcher searcher, QueryCompiler.Compiled compiled, ScoreDoc[] docs)
      throws IOException {
    Snippet[] out = new Snippet[docs.length];
    if (docs.length == 0) {
      return out;
    }
    Highlighting highlighting = highlighting(searcher.getIndexReader());
    int[] ids = new int[docs.length];
    for (int i = 0; i < docs.length; i++) {
      ids[i] = docs[i].doc;
    }
    Query text = compiled.text() == null ? MatchAllDocsQuery.INSTANCE : compiled.text();
    String body = Schema.field(SearchField.BODY);
    String bullets = Schema.field(SearchField.BULLETS);
    Map<String, Snippet[]> byField =
        highlighting.highlight(new String[] {body, bullets}, text, ids, new int[] {2, 1});
    for (int i = 0; i < docs.length; i++) {
      Snippet b = byField.get(body)[i];
      Snippet u = byField.get(bullets)[i];
      if (b != null && !b.matches().isEmpty()) {
        out[i] = b;
      } else if (u != null && !u.matches().isEmpty()) {
        out[i] = u;
      } else {
        out[i] = b != null ? b : u;
      }
    }
    return out;
  }

  /**
   * The highlighter of {@code reader}, built once per reader (a view of the index) and shared by
   * the searches on it (the unified highlighter is thread-safe): building one per search read the
   * field infos of every segment each time.
   */
  private Highlighting highlighting(IndexReader reader) {
    ReaderHighlighting h = highlighting;
    if (h == null || h.reader() != reader) {
      h =
          new ReaderHighlighting(
              reader,
              new Highlighting(
                  new IndexSearcher(reader), schema.analyzer(), options.highlightPre,
                  options.highlightPost, options.maxHighlightChars));
      highlighting = h;
    }
    return h.highlighting();
  }

  /** A highlighter and the reader it highlights hits of. */
  private record ReaderHighlighting(IndexReader reader, Highlighting highlighting) {}

  private volatile ReaderHighlighting highlighting;

  /**
   * The article with this id in the latest refreshed view, if any. Not subject to the query
   * timeout.
   *
   * @param id the article id, exactly as indexed (case-sensitive)
   * @return the article as stored: with the entities it was indexed with (extracted ones
   *     included) and text fields cut to {@link Options#maxFieldChars()}; empty if there is none
   * @throws IndexException if the index is closed or cannot be read
   */
  public Optional<Article> get(String id) {
    Objects.requireNonNull(id, "id");
    IndexSearcher s = acquire();
    try {
      TopDocs top = s.search(new TermQuery(Schema.idTerm(id)), 1);
      if (top.scoreDocs.length == 0) {
        return Optional.empty();
      }
      return Optional.of(Schema.article(s, top.scoreDocs[0].doc));
    } catch (IOException e) {
      throw failure("read article " + id, e);
    } finally {
      release(s);
    }
  }

  /**
   * Number of articles in the latest refreshed view. (Not to be confused with {@link
   * #count(NewsQuery)}, the number of matches of a query.)
   *
   * @return the number of live articles; deleted and replaced ones are not counted
   * @throws IndexException if the index is closed
   */
  public long count() {
    IndexSearcher s = acquire();
    try {
      return s.getIndexReader().numDocs();
    } finally {
      release(s);
    }
  }

  /**
   * Counts of the latest refreshed view: articles, date range, and the {@code top} most frequent
   * sources and entities. Reads the source and entity values of every article, so its cost grows
   * with the size of the index; not subject to the query timeout.
   *
   * @param top how many sources and how many entities to list; 0 or less for none
   * @return the statistics, a snapshot
   * @throws IndexException if the index is closed or cannot be read
   */
  public IndexStats stats(int top) {
    IndexSearcher s = acquire();
    try {
      Instant oldest = edge(s, SortOrder.OLDEST);
      Instant newest = edge(s, SortOrder.NEWEST);
      Map<String, Long> sources = facetCounts(s, Schema.FACET_SOURCE);
      Map<String, Long> entities = facetCounts(s, Schema.FACET_ENTITY);
      List<IndexStats.Count> topSources =
          topOf(sources, top).stream().map(e -> new IndexStats.Count(e.getKey(), e.getValue())).toList();
      List<IndexStats.EntityCount> topEntities =
          topOf(entities, top).stream()
              .map(e -> {
                Map.Entry<EntityType, String> te = Schema.parseEntityFacet(e.getKey());
                return new IndexStats.EntityCount(te.getKey(), te.getValue(), e.getValue());
              })
              .toList();
      return new IndexStats(s.getIndexReader().numDocs(), oldest, newest, topSources, topEntities);
    } catch (IOException e) {
      throw failure("compute statistics", e);
    } finally {
      release(s);
    }
  }

  private static Instant edge(IndexSearcher s, SortOrder order) throws IOException {
    TopFieldDocs top = s.search(Schema.hasPublished(), 1, Schema.sort(order));
    if (top.scoreDocs.length == 0) {
      return null;
    }
    return Instant.ofEpochMilli((Long) ((FieldDoc) top.scoreDocs[0]).fields[0]);
  }

  private static Map<String, Long> facetCounts(IndexSearcher s, String field) throws IOException {
    Map<String, Long> counts = new HashMap<>();
    for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
      SortedSetDocValues dv = leaf.reader().getSortedSetDocValues(field);
      if (dv == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      long[] perOrd = new long[(int) dv.getValueCount()];
      for (int doc = dv.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = dv.nextDoc()) {
        if (live != null && !live.get(doc)) {
          continue;
        }
        for (int i = 0; i < dv.docValueCount(); i++) {
          perOrd[(int) dv.nextOrd()]++;
        }
      }
      for (int ord = 0; ord < perOrd.length; ord++) {
        if (perOrd[ord] > 0) {
          counts.merge(dv.lookupOrd(ord).utf8ToString(), perOrd[ord], Long::sum);
        }
      }
    }
    return counts;
  }

  private static List<Map.Entry<String, Long>> topOf(Map<String, Long> counts, int n) {
    return counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(Math.max(0, n))
        .toList();
  }

  private IndexSearcher acquire() {
    ensureOpen();
    try {
      return searchers.acquire();
    } catch (IOException e) {
      throw failure("open a searcher", e);
    } catch (AlreadyClosedException e) {
      throw closed(e);
    }
  }

  private void release(IndexSearcher s) {
    try {
      searchers.release(s);
    } catch (IOException e) {
      throw failure("release a searcher", e);
    }
  }

  // ------------------------------------------------------------------ lifecycle

  /**
   * Whether this index detects stories ({@link Options.Builder#stories}), as recorded in it.
   *
   * @return true if near-duplicate copies are grouped into stories
   */
  public boolean detectsStories() {
    if (!storiesOn && writer == null) {
      // Read-only and empty when opened: a writer may have added articles since.
      try {
        storiesOn = Boolean.TRUE.equals(Schema.recordedStories(directory));
      } catch (IOException e) {
        throw failure("read the latest commit", e);
      }
    }
    return storiesOn;
  }

  private void requireStories(String what) {
    ensureOpen();
    if (!detectsStories()) {
      throw new StoriesNotEnabledException(
          "cannot " + what + ": the index at " + description + " was built without story detection"
              + " (rebuild it with stories on: dateline index --stories)");
    }
  }

  /**
   * Whether this index was opened read-only.
   *
   * @return true if opened with {@link #openReadOnly}, so that write methods throw {@link
   *     IndexException}
   */
  public boolean isReadOnly() {
    return writer == null;
  }

  /**
   * Where the index lives, for messages.
   *
   * @return {@code NewsIndex[}directory{@code ]}, or {@code NewsIndex[(in memory)]}, with {@code ,
   *     read-only} before the bracket for a read-only index
   */
  @Override
  public String toString() {
    return "NewsIndex[" + description + (writer == null ? ", read-only" : "") + "]";
  }

  /**
   * Commits pending changes (unless read-only) and releases the index. Idempotent. Searches that
   * are still running finish on their point-in-time view. Waits for writes in progress on other
   * threads, which the commit then includes; afterwards every method that reads or writes the
   * index throws {@link IndexException}.
   *
   * @throws IndexException if committing or releasing a resource fails; the index is closed all
   *     the same, and changes after its last successful commit may be lost
   */
  @Override
  public void close() {
    lifecycle.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
    } finally {
      lifecycle.writeLock().unlock();
    }
    IOException failure = null;
    for (Closeable c : new Closeable[] {searchers, writer, directory}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure("close", failure);
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IndexException("index at " + description + " is closed");
    }
  }

  private IndexException failure(String what, IOException e) {
    return new IndexException(
        "failed to " + what + " in index at " + description + ": " + e.getMessage(), e);
  }

  private IndexException closed(AlreadyClosedException e) {
    return new IndexException("index at " + description + " is closed: " + e.getMessage(), e);
  }

  private static void closeQuietly(Closeable... cs) {
    for (Closeable c : cs) {
      if (c == null) {
        continue;
      }
      try {
        c.close();
      } catch (IOException | RuntimeException ignored) {
        // Already failing with a more useful exception; this one would only hide it.
      }
    }
  }

  // ------------------------------------------------------------------ options

  /**
   * Settings of one {@link NewsIndex} instance (not stored in the index, except {@link
   * Builder#stories}). Immutable and
   * thread-safe; build with {@link #builder()}.
   */
  public static final class Options {
    private final EntityExtractor extractor;
    private final Map<SearchField, Float> boosts;
    private final int totalHitsThreshold;
    private final int maxFieldChars;
    private final double ramBufferMb;
    private final double facetMemoryMb;
    private final Duration queryTimeout;
    private final boolean combinedFieldScoring;
    private final float k1;
    private final float b;
    private final String highlightPre;
    private final String highlightPost;
    private final int maxHighlightChars;
    private final boolean stories;
    private final boolean compactStorage;

    private Options(Builder b) {
      this.extractor = b.extractor;
      this.boosts = new EnumMap<>(b.boosts);
      this.totalHitsThreshold = b.totalHitsThreshold;
      this.maxFieldChars = b.maxFieldChars;
      this.ramBufferMb = b.ramBufferMb;
      this.facetMemoryMb = b.facetMemoryMb;
      this.queryTimeout = b.queryTimeout;
      this.combinedFieldScoring = b.combinedFieldScoring;
      this.k1 = b.k1;
      this.b = b.b;
      this.highlightPre = b.highlightPre;
      this.highlightPost = b.highlightPost;
      this.maxHighlightChars = b.maxHighlightChars;
      this.stories = b.stories;
      this.compactStorage = b.compactStorage;
    }

    /**
     * Whether the writer compresses article text for size rather than read speed (see {@link
     * Builder#compactStorage(boolean)}).
     *
     * @return false unless set otherwise
     */
    public boolean compactStorage() {
      return compactStorage;
    }

    /**
     * Whether a new index detects stories (see {@link Builder#stories(boolean)}).
     *
     * @return false unless set otherwise
     */
    public boolean stories() {
      return stories;
    }

    /**
     * The default write buffer for a JVM whose heap may grow to {@code maxHeapBytes}: a tenth of
     * it (Elasticsearch's share for its indexing buffers), at least 64 MB and at most 256 MB. A
     * bulk load then flushes fewer, larger segments, so every search has fewer segments to visit
     * (benchmarks/RESULTS.md, 2026-12-01, fourth session: half the segments after a bulk load, at
     * the same indexing rate within the measurement's noise).
     */
    static double defaultRamBufferMb(long maxHeapBytes) {
      double tenth = maxHeapBytes / 10.0 / (1024 * 1024);
      return Math.max(64, Math.min(256, tenth));
    }

    /**
     * The memory the writer buffers before flushing a segment (see {@link Builder#ramBufferMb}).
     *
     * @return megabytes; by default a tenth of the JVM's maximum heap, between 64 and 256
     */
    public double ramBufferMb() {
      return ramBufferMb;
    }

    /**
     * The most heap facet counts may keep for their copies of the dimensions' values (see {@link
     * Builder#facetMemoryMb}).
     *
     * @return megabytes; by default an eighth of the JVM's maximum heap
     */
    public double facetMemoryMb() {
      return facetMemoryMb;
    }

    /**
     * The defaults: standard entity extraction, default boosts, 1000 exact hits, 5 s timeout,
     * 1,000,000 characters per field, a write buffer of a tenth of the heap (64 to 256 MB), {@code
     * <em>} highlight tags.
     *
     * @return the default options
     */
    public static Options defaults() {
      return builder().build();
    }

    /**
     * A builder starting from the {@link #defaults()}.
     *
     * @return a new builder, for use by one thread
     */
    public static Builder builder() {
      return new Builder();
    }

    /**
     * The extractor run on articles added without entities, which also supplies the name
     * variants that entity filters match.
     *
     * @return the extractor; {@link EntityExtractor#standard()} unless set otherwise
     */
    public EntityExtractor entityExtractor() {
      return extractor;
    }

    /**
     * The weight of each text field in relevance scoring (see {@link Builder#boost}).
     *
     * @return an unmodifiable map with an entry for every {@link SearchField}
     */
    public Map<SearchField, Float> boosts() {
      return Map.copyOf(boosts);
    }

    /**
     * Matches counted exactly before a total becomes a lower bound (see {@link SearchResults}).
     *
     * @return the threshold, at least 1; 1000 unless set otherwise
     */
    public int totalHitsThreshold() {
      return totalHitsThreshold;
    }

    /**
     * Longest text indexed and stored per text field (see {@link Builder#maxFieldChars(int)}).
     *
     * @return the limit in characters, at least 1000; 1,000,000 unless set otherwise
     */
    public int maxFieldChars() {
      return maxFieldChars;
    }

    /**
     * Longest a search may run before it is stopped (see {@link Builder#queryTimeout(Duration)}).
     *
     * @return the timeout, {@link Duration#ZERO} for none; 5 seconds unless set otherwise
     */
    public Duration queryTimeout() {
      return queryTimeout;
    }

    /**
     * Whether text without a field is scored over all text fields together (see {@link
     * Builder#combinedFieldScoring(boolean)}).
     *
     * @return true (the default) for BM25F over the text fields, false for the best field
     */
    public boolean combinedFieldScoring() {
      return combinedFieldScoring;
    }

    /**
     * BM25's term-frequency saturation (see {@link Builder#bm25(float, float)}).
     *
     * @return k1; 1.2 unless set otherwise
     */
    public float bm25K1() {
      return k1;
    }

    /**
     * BM25's length normalisation (see {@link Builder#bm25(float, float)}).
     *
     * @return b; 0.75 unless set otherwise
     */
    public float bm25B() {
      return b;
    }

    /** Builder for {@link Options}. Not thread-safe; it can build any number of options. */
    public static final class Builder {
      private EntityExtractor extractor = EntityExtractor.standard();
      private final Map<SearchField, Float> boosts = new EnumMap<>(SearchField.class);
      private int totalHitsThreshold = 1000;
      private int maxFieldChars = 1_000_000;
      private double ramBufferMb = defaultRamBufferMb(Runtime.getRuntime().maxMemory());
      private double facetMemoryMb = Runtime.getRuntime().maxMemory() / 8.0 / (1024 * 1024);
      private Duration queryTimeout = Duration.ofSeconds(5);
      private boolean combinedFieldScoring = true;
      private float k1 = Scoring.DEFAULT_K1;
      private float b = Scoring.DEFAULT_B;
      private String highlightPre = "<em>";
      private String highlightPost = "</em>";
      private int maxHighlightChars = 100_000;
      private boolean stories;
      private boolean compactStorage;

      private Builder() {
        for (SearchField f : SearchField.values()) {
          boosts.put(f, f.defaultBoost());
        }
      }

      /**
       * Extracts entities from articles added without any (default: {@link
       * EntityExtractor#standard()}; {@link EntityExtractor#none()} to index only given ones).
       * Also expands entity filter names into their known variants. It must be thread-safe (see
       * {@link EntityExtractor}).
       *
       * @param extractor the extractor
       * @return this builder
       * @throws NullPointerException if {@code extractor} is null
       */
      public Builder entityExtractor(EntityExtractor extractor) {
        this.extractor = Objects.requireNonNull(extractor, "entityExtractor");
        return this;
      }

      /**
       * Overrides the weight of a text field in relevance scoring (see {@link
       * SearchField#defaultBoost()}). Applies to text not restricted to one field ({@code talks},
       * not {@code headline:talks}, which is never weighted). With {@link
       * #combinedFieldScoring(boolean) combined field scoring} (the default) the fields are scored
       * together (BM25F): each occurrence of a word in a field counts as {@code boost / smallest
       * boost} occurrences, and the field's length is weighted the same way. Only the ratios
       * between fields and the smallest boost matter: multiplying every boost by the same number
       * changes nothing, while making one boost smaller than the others scales all the others up,
       * which makes term frequency saturate sooner (as a smaller BM25 k1 would).
       *
       * <p>With the default boosts, unfielded text is searched in the combined field the index
       * holds ({@link IndexFields#ALL_TEXT}). With any other boosts it is scored at search time
       * with Lucene's {@code CombinedFieldQuery} (a single word) or by the best field (a phrase, a
       * prefix or a fuzzy word): the same scores for single words, but slower on large indexes, as
       * {@code CombinedFieldQuery} cannot skip blocks of low-scoring articles.
       *
       * @param field the text field
       * @param boost the weight, positive and finite
       * @return this builder
       * @throws IllegalArgumentException if {@code boost} is zero, negative, NaN or infinite
       * @throws NullPointerException if {@code field} is null
       */
      public Builder boost(SearchField field, float boost) {
        if (!(boost > 0) || Float.isInfinite(boost)) {
          throw new IllegalArgumentException("boost for " + field.key() + " must be positive, was " + boost);
        }
        boosts.put(Objects.requireNonNull(field, "field"), boost);
        return this;
      }

      /**
       * Hits are counted exactly up to this number; when more match, {@link SearchResults#total()}
       * is this number, flagged as a lower bound, unless the query asks for {@link
       * NewsQuery.Builder#exactTotal(boolean) an exact total}. Not counting further lets Lucene
       * skip documents that cannot make the page (default 1000). See {@link SearchResults} for the
       * exact rule.
       *
       * @param threshold the number of matches counted exactly, at least 1
       * @return this builder
       * @throws IllegalArgumentException if {@code threshold} is less than 1
       */
      public Builder totalHitsThreshold(int threshold) {
        if (threshold < 1) {
          throw new IllegalArgumentException("totalHitsThreshold must be at least 1, was " + threshold);
        }
        this.totalHitsThreshold = threshold;
        return this;
      }

      /**
       * Longest text indexed and stored per text field, in characters; longer values (a 50 MB
       * body) are truncated at a word boundary (default 1,000,000). For fields with several values
       * (body paragraphs, bullets, captions, subheads) the limit is on all values together, and at
       * most {@code 1000} values of any list are kept (later paragraphs, bullets, tags, entities,
       * ... are dropped). Applies when articles are added; articles already in the index keep
       * what they were indexed with.
       *
       * @param chars the limit in characters ({@code char}s), at least 1000
       * @return this builder
       * @throws IllegalArgumentException if {@code chars} is less than 1000
       */
      public Builder maxFieldChars(int chars) {
        if (chars < 1000) {
          throw new IllegalArgumentException("maxFieldChars must be at least 1000, was " + chars);
        }
        this.maxFieldChars = chars;
        return this;
      }

      /**
       * Detects stories when articles are added (default false): near-duplicate copies of an
       * article (syndicated, re-edited, trimmed, respelt) join its {@link Story}, which {@link
       * NewsQuery.Builder#collapse collapsed} searches, {@link NewsIndex#timeline} and the story
       * details of hits rely on. The setting is recorded in the index when its first articles
       * are committed, and an index that has articles keeps it: opening one built with stories
       * detects them whatever this says, and asking for stories on one built without them fails
       * with {@link IndexException} (its articles have no fingerprints: rebuild it). An index
       * without stories stores nothing for them and pays nothing; one with them stores about 140
       * bytes per article and takes longer to index (see README, Stories).
       *
       * @param stories whether to detect stories in a new index
       * @return this builder
       */
      public Builder stories(boolean stories) {
        this.stories = stories;
        return this;
      }

      /**
       * Compresses the stored article text for size rather than read speed (default false).
       * Dateline stores each article's text once (for {@link NewsIndex#get} and snippets), in
       * blocks of several articles. By default the blocks are compressed with LZ4, which reads
       * fast; with this set they are compressed with DEFLATE (Lucene's {@code BEST_COMPRESSION}
       * algorithm) in 80 KB blocks: on generated news articles the stored text takes about a
       * third less and the index about 12% less, but each hit whose snippet is made, or article
       * read, inflates 10-17 KB of text, so searches with snippets took 1.3-2.1x the CPU time
       * (benchmarks/RESULTS.md, index format 5). Searches without snippets are unaffected. It
       * applies to what this writer writes, merges included; an index may hold segments of both
       * kinds, and any Dateline build of format 5 reads either.
       *
       * @param compact true to favour size, false (the default) to favour read speed
       * @return this builder
       */
      public Builder compactStorage(boolean compact) {
        this.compactStorage = compact;
        return this;
      }

      /**
       * Sets the memory the writer buffers before flushing a segment (default: a tenth of the
       * JVM's maximum heap, at least 64 and at most 256 MB). More memory means fewer, larger
       * segments when adding many articles. Flushing a segment does not make it durable or
       * visible; {@link NewsIndex#commit()} and {@link NewsIndex#refresh()} do.
       *
       * @param mb the buffer size in megabytes, at least 1
       * @return this builder
       * @throws IllegalArgumentException if {@code mb} is less than 1 or NaN
       */
      public Builder ramBufferMb(double mb) {
        if (!(mb >= 1)) {
          throw new IllegalArgumentException("ramBufferMb must be at least 1, was " + mb);
        }
        this.ramBufferMb = mb;
        return this;
      }

      /**
       * Sets the most heap facet counts and histograms may keep (default: an eighth of the JVM's
       * maximum heap). The first count over a segment copies the counted dimensions' doc values
       * and the publication times into arrays on the heap, kept while the segment lives: 4 bytes
       * per article and per value of a dimension, 8 per article for the times (about 35 MB per
       * million articles for source, person, place and a histogram). A segment whose copy would
       * not fit is counted from the index instead, with the same result, more slowly; 0 never
       * copies.
       *
       * @param mb the limit in megabytes, at least 0
       * @return this builder
       * @throws IllegalArgumentException if {@code mb} is negative or NaN
       */
      public Builder facetMemoryMb(double mb) {
        if (!(mb >= 0)) {
          throw new IllegalArgumentException("facetMemoryMb must be at least 0, was " + mb);
        }
        this.facetMemoryMb = mb;
        return this;
      }

      /**
       * Scores text without a field over all text fields together (BM25F, the default: a
       * headline match adds to the body's evidence instead of replacing it), or, with false, by
       * its best field (a dis-max of per-field scores, each multiplied by the field's boost, with
       * tie-breaker 0), as Dateline did before. On TIME with a stand-in headline, BM25F lifts MAP
       * from 0.51 to 0.67 (benchmarks/results/relevance/RESULTS.md).
       *
       * @param combined true (the default) for BM25F over the text fields, false for the best field
       * @return this builder
       */
      public Builder combinedFieldScoring(boolean combined) {
        this.combinedFieldScoring = combined;
        return this;
      }

      /**
       * Sets BM25's parameters for every text field: {@code k1}, how quickly repeated occurrences
       * of a word stop adding to its score (0: a word counts once), and {@code b}, how much a long
       * text's score is reduced (0: not at all; 1: in full proportion to its length). The defaults
       * are Lucene's, 1.2 and 0.75: other values measured no better on news
       * (benchmarks/results/relevance/RESULTS.md). Applies at search time: an index need not be
       * rebuilt to change them.
       *
       * @param k1 term-frequency saturation, zero or positive and finite
       * @param b length normalisation, between 0 and 1
       * @return this builder
       * @throws IllegalArgumentException if {@code k1} or {@code b} is out of range or NaN
       */
      public Builder bm25(float k1, float b) {
        if (!(k1 >= 0) || Float.isInfinite(k1)) {
          throw new IllegalArgumentException("bm25 k1 must be zero or positive and finite, was " + k1);
        }
        if (!(b >= 0 && b <= 1)) {
          throw new IllegalArgumentException("bm25 b must be between 0 and 1, was " + b);
        }
        this.k1 = k1;
        this.b = b;
        return this;
      }

      /**
       * Sets the longest a search may run before it is stopped with a {@link
       * SearchTimeoutException} (default 5 s; zero for no limit). It applies to {@link
       * NewsIndex#search}, {@link NewsIndex#count(NewsQuery)} and {@link NewsIndex#withSearcher},
       * with millisecond precision, and not to {@link NewsIndex#get} or {@link NewsIndex#stats}.
       *
       * @param timeout the limit, zero or positive
       * @return this builder
       * @throws IllegalArgumentException if {@code timeout} is negative
       * @throws NullPointerException if {@code timeout} is null
       */
      public Builder queryTimeout(Duration timeout) {
        if (timeout.isNegative()) {
          throw new IllegalArgumentException("queryTimeout must not be negative");
        }
        this.queryTimeout = timeout;
        return this;
      }

      /**
       * Markers around matched terms in {@link SearchHit#snippet()} (default {@code <em>} and
       * {@code </em>}). They are inserted as they are, unescaped, into the otherwise HTML-escaped
       * article text, so they should be markup (a {@code <mark>} element, a span with a class): the
       * article's text cannot contain an unescaped {@code <}, so it can never forge or close a
       * marker that starts with one. Markers without {@code <} ({@code [} and {@code ]}) work but
       * can be confused with the same characters in the text; render {@link SearchHit#highlight()}
       * instead for such uses.
       *
       * @param pre the marker before each match; not empty
       * @param post the marker after each match; may be empty
       * @return this builder
       * @throws IllegalArgumentException if {@code pre} is null or empty, or {@code post} is null
       */
      public Builder highlightTags(String pre, String post) {
        if (pre == null || pre.isEmpty() || post == null) {
          throw new IllegalArgumentException(
              "highlight tags: the opening one must be non-empty, the closing one non-null");
        }
        this.highlightPre = pre;
        this.highlightPost = post;
        return this;
      }

      /**
       * Builds the options; every setting was checked when it was set.
       *
       * @return the options, immutable
       */
      public Options build() {
        return new Options(this);
      }
    }
  }
}
