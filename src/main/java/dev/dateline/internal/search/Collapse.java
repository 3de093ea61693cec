package dev.dateline.internal.search;

import dev.dateline.SortOrder;
import dev.dateline.internal.index.Schema;
import dev.dateline.internal.story.StoryKeys;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.internal.hppc.LongArrayList;
import org.apache.lucene.internal.hppc.LongHashSet;
import org.apache.lucene.internal.hppc.LongIntHashMap;
import org.apache.lucene.internal.hppc.LongObjectHashMap;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.FilterScorable;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.NumericUtils;

/**
 * Collapsing by story: of the matches of a query, only the one per story that the sort puts first
 * (its head) is shown.
 *
 * <p>The page is read from the plain search in sort order, in batches that double: a match is a
 * head when it is the first of its story in that order, and the first {@code n} distinct stories
 * of the sorted matches are exactly the {@code n} best, so the search stops early as a plain one
 * does (block-max WAND for relevance, the index sort for newest-first). Scores, sort values and
 * cursors are those of the plain search. On a page after a cursor, a story with several members
 * needs one more look: its head may sort before the cursor (then none of its members after the
 * cursor is shown again). The query's scorer is advanced to just those members, found through
 * {@link StoryKeys}.
 *
 * <p>The total counts stories: the first batch counts distinct story keys in the same pass, up to
 * a limit (the index's total-hits threshold), holding back the page collector's skipping until the
 * count is done, as a plain search counts its first matches exactly before it skips.
 */
public final class Collapse {

  /** The largest batch of matches read at once. */
  static final int MAX_BATCH = 1 << 16;

  private Collapse() {}

  /**
   * A collapsed page: its heads, and the number of stories among all the matches.
   *
   * @param heads the first heads after the cursor, in sort order
   * @param stories the number of stories with a match, or {@code upTo + 1} when more than the
   *     {@code upTo} asked for (not counted, -1, when {@code upTo} was negative)
   */
  public record Page(ScoreDoc[] heads, long stories) {}

  /**
   * The first {@code n} heads after {@code after}, in sort order (fewer when the matches run out),
   * and, unless {@code upTo} is negative, the stories counted up to {@code upTo} in the same pass.
   *
   * @param scored the query as the search runs it (scores included)
   * @param order the order the search sorts in
   * @param after the cursor, or null for the first page
   * @param upTo count the stories up to this many ({@link Long#MAX_VALUE}: all); negative: do not
   */
  public static Page page(
      IndexSearcher searcher, Query scored, SortOrder order, int n, FieldDoc after, long upTo)
      throws IOException {
    return page(searcher, scored, order, n, after, upTo, MAX_BATCH);
  }

  /** {@link #page}, with the largest batch given (for tests of what happens past it). */
  static Page page(
      IndexSearcher searcher, Query scored, SortOrder order, int n, FieldDoc after, long upTo,
      int maxBatch)
      throws IOException {
    Sort sort = Schema.sort(order);
    IndexReader reader = searcher.getIndexReader();
    LongHashSet seen = new LongHashSet();
    List<ScoreDoc> heads = new ArrayList<>(n);
    Weight weight = null; // for head checks, made on first need
    // Each round searches again from the cursor with a batch twice as large and looks at the
    // matches it has not seen: cheaper than continuing after the last one, whose cursor costs a
    // term lookup per segment. Past the largest batch, rounds continue after the last match.
    FieldDoc from = after;
    int done = 0;
    // The first batch: the page and room for the copies it may meet, twice the index's share of
    // articles that are not the first of their story. One round then usually suffices, and the
    // batch's collector skips almost as early as a plain page's: each extra place lowers the
    // score a match must beat.
    int batch = Math.min(n + (int) Math.ceil(2 * n * StoryKeys.copyShare(reader)), maxBatch);
    long stories = -1;
    if (upTo >= 0 && scored instanceof MatchAllDocsQuery) {
      // Every article matches: the stories are those of the index, counted once per reader.
      long all = StoryKeys.stories(reader);
      stories = upTo == Long.MAX_VALUE ? all : Math.min(all, upTo + 1);
    }
    while (true) {
      TopFieldCollectorManager top = new TopFieldCollectorManager(sort, batch, from, batch);
      ScoreDoc[] docs;
      if (stories < 0 && upTo >= 0) {
        // The first batch counts the stories in the same pass.
        Counted counted = searcher.search(scored, new CountingManager(top, upTo));
        docs = counted.top().scoreDocs;
        stories = counted.stories();
      } else {
        docs = searcher.search(scored, top).scoreDocs;
      }
      long[] keys = new long[docs.length];
      boolean[] keyed = StoryKeys.keysOf(reader, docs, keys);
      // The stories met for the first time with more than one member: is this match their head?
      // Not a question on the first page: the listing starts at the top, so a story's first
      // match in it is its head.
      LongArrayList check = new LongArrayList();
      LongHashSet checking = new LongHashSet();
      for (int i = done; after != null && i < docs.length; i++) {
        if (keyed[i] && !seen.contains(keys[i]) && !checking.contains(keys[i])
            && StoryKeys.size(reader, keys[i]) > 1) {
          checking.add(keys[i]);
          check.add(keys[i]);
        }
      }
      LongIntHashMap headOf = null;
      if (!check.isEmpty()) {
        if (weight == null) {
          boolean byScore = order == SortOrder.RELEVANCE || order == SortOrder.RECENT;
          weight =
              searcher.createWeight(
                  searcher.rewrite(scored),
                  byScore ? ScoreMode.COMPLETE : ScoreMode.COMPLETE_NO_SCORES,
                  1f);
        }
        headOf = headsOf(reader, weight, order, check);
      }
      for (int i = done; i < docs.length; i++) {
        if (!keyed[i]) {
          heads.add(docs[i]); // no story key: a story of its own
        } else if (seen.add(keys[i])) {
          if (headOf == null || !headOf.containsKey(keys[i]) || headOf.get(keys[i]) == docs[i].doc) {
            heads.add(docs[i]);
          }
        }
        if (heads.size() == n) {
          return new Page(heads.toArray(ScoreDoc[]::new), stories);
        }
      }
      if (docs.length < batch || searcher.timedOut()) {
        return new Page(heads.toArray(ScoreDoc[]::new), stories);
      }
      if (batch < maxBatch) {
        done = docs.length;
        batch = Math.min(batch * 2, maxBatch);
      } else {
        from = (FieldDoc) docs[docs.length - 1];
        done = 0;
      }
    }
  }

  /**
   * The head of each of these stories among the matches: its first matching member in the order
   * of {@link Schema#sort} (score or publication time, then id). Only the members are visited:
   * the query's scorer is advanced to each of them.
   */
  private static LongIntHashMap headsOf(
      IndexReader reader, Weight weight, SortOrder order, LongArrayList storyKeys)
      throws IOException {
    LongIntHashMap headDoc = new LongIntHashMap();
    LongObjectHashMap<Head> best = new LongObjectHashMap<>();
    long[] wanted = storyKeys.toArray();
    for (LeafReaderContext leaf : reader.leaves()) {
      // The members here in doc id order (scorers advance forward only), with their story.
      long[] docAndStory = StoryKeys.of(leaf.reader()).membersInDocOrder(wanted);
      if (docAndStory.length == 0) {
        continue;
      }
      ScorerSupplier supplier = weight.scorerSupplier(leaf);
      if (supplier == null) {
        continue;
      }
      Scorer scorer = supplier.get(docAndStory.length);
      DocIdSetIterator it = scorer.iterator();
      SortedNumericDocValues published =
          DocValues.getSortedNumeric(leaf.reader(), Schema.PUBLISHED);
      SortedDocValues ids = DocValues.getSorted(leaf.reader(), Schema.ID);
      for (long member : docAndStory) {
        int doc = (int) (member >>> 32);
        int at2 = it.docID() < doc ? it.advance(doc) : it.docID();
        if (at2 != doc) {
          continue;
        }
        long primary =
            switch (order) {
              // Higher sorts first: scores as ordered ints, times negated for oldest first.
              case RELEVANCE, RECENT -> sortableScore(scorer.score());
              case NEWEST -> published.advanceExact(doc) ? published.nextValue() : Long.MIN_VALUE;
              case OLDEST ->
                  published.advanceExact(doc) ? -published.nextValue() : -Long.MAX_VALUE;
            };
        BytesRef id =
            ids.advanceExact(doc) ? BytesRef.deepCopyOf(ids.lookupOrd(ids.ordValue())) : new BytesRef();
        long story = wanted[(int) member];
        Head h = best.get(story);
        if (h == null || primary > h.primary || (primary == h.primary && id.compareTo(h.id) < 0)) {
          best.put(story, new Head(primary, id, leaf.docBase + doc));
        }
      }
    }
    for (var c : best) {
      headDoc.put(c.key, c.value.doc);
    }
    return headDoc;
  }

  /** A story's best match so far: its sort value (higher first), id, and doc. */
  private record Head(long primary, BytesRef id, int doc) {}

  /** A float score as a long that orders like the score (NaN aside). */
  private static long sortableScore(float score) {
    return NumericUtils.floatToSortableInt(score);
  }

  /** A page of the plain search and the stories counted in the same pass. */
  private record Counted(TopFieldDocs top, long stories) {}

  /**
   * The page's collector and a story counter in one pass. Until the counter has seen more than
   * its limit, every match is visited (the page's collector may not skip: its requests to raise
   * the minimum competitive score are held back, and the count would be wrong otherwise); then
   * the page's collector goes on alone and may skip as in a plain search.
   */
  private static final class CountingManager implements CollectorManager<Collector, Counted> {
    private final TopFieldCollectorManager top;
    private final CollectorManager<StoryCounter, Long> counter;
    private final List<Collector> tops = new ArrayList<>();
    private final List<StoryCounter> counters = new ArrayList<>();

    CountingManager(TopFieldCollectorManager top, long upTo) {
      this.top = top;
      this.counter = counter(upTo);
    }

    @Override
    public synchronized Collector newCollector() throws IOException {
      var t = top.newCollector();
      StoryCounter c = counter.newCollector();
      tops.add(t);
      counters.add(c);
      return new Collector() {
        @Override
        public ScoreMode scoreMode() {
          return t.scoreMode();
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
          LeafCollector page = leafOrNull(t, context);
          LeafCollector count = c.full() ? null : leafOrNull(c, context);
          if (count == null) {
            if (page == null) {
              throw new CollectionTerminatedException();
            }
            return page;
          }
          return new Both(page, count);
        }
      };
    }

    @Override
    @SuppressWarnings("unchecked")
    public Counted reduce(Collection<Collector> collectors) throws IOException {
      List<org.apache.lucene.search.TopFieldCollector> t = new ArrayList<>();
      for (Collector c : tops) {
        t.add((org.apache.lucene.search.TopFieldCollector) c);
      }
      return new Counted(top.reduce(t), counter.reduce(counters));
    }

    private static LeafCollector leafOrNull(Collector c, LeafReaderContext context)
        throws IOException {
      try {
        return c.getLeafCollector(context);
      } catch (CollectionTerminatedException e) {
        return null;
      }
    }
  }

  /** See {@link CountingManager}: one leaf's page collector (or null) and counter. */
  private static final class Both implements LeafCollector {
    private LeafCollector page;
    private LeafCollector count;
    private Scorable scorer;
    private float heldBack;

    Both(LeafCollector page, LeafCollector count) {
      this.page = page;
      this.count = count;
    }

    @Override
    public void setScorer(Scorable scorer) throws IOException {
      // Called again for each window the bulk scorer scores, also after counting is done.
      this.scorer = scorer;
      if (count != null) {
        count.setScorer(scorer);
      }
      if (page != null && count == null) {
        page.setScorer(scorer);
      } else if (page != null) {
        page.setScorer(
            new FilterScorable(scorer) {
              @Override
              public void setMinCompetitiveScore(float minScore) throws IOException {
                if (count == null) {
                  in.setMinCompetitiveScore(minScore);
                } else {
                  heldBack = Math.max(heldBack, minScore);
                }
              }
            });
      }
    }

    @Override
    public void collect(int doc) throws IOException {
      if (count != null) {
        try {
          count.collect(doc);
        } catch (CollectionTerminatedException e) {
          count = null; // counted enough: the page may skip from now on
          if (page == null) {
            throw e;
          }
          if (heldBack > 0) {
            scorer.setMinCompetitiveScore(heldBack);
          }
        }
      }
      if (page != null) {
        try {
          page.collect(doc);
        } catch (CollectionTerminatedException e) {
          page = null; // the page is full (index sort): go on counting
          if (count == null) {
            throw e;
          }
        }
      }
    }
  }

  /**
   * Counts the stories among the matches of {@code query} (nothing scored), stopping once more
   * than {@code upTo} are found.
   *
   * @return the number of stories, or {@code upTo + 1} when there are more than {@code upTo}
   */
  public static CollectorManager<StoryCounter, Long> counter(long upTo) {
    return new CollectorManager<>() {
      @Override
      public StoryCounter newCollector() {
        return new StoryCounter(upTo);
      }

      @Override
      public Long reduce(Collection<StoryCounter> collectors) {
        long n;
        if (collectors.size() == 1) {
          n = collectors.iterator().next().count();
        } else {
          // A story's members may sit in different slices: the union of the keys.
          LongHashSet keys = new LongHashSet();
          long unkeyed = 0;
          for (StoryCounter c : collectors) {
            keys.addAll(c.keys);
            unkeyed += c.unkeyed;
          }
          n = keys.size() + unkeyed;
        }
        return upTo == Long.MAX_VALUE ? n : Math.min(n, upTo + 1);
      }
    };
  }

  /**
   * Counts distinct story keys (see {@link #counter}); articles without one count once each. Stops
   * once it alone has seen more than the limit: the union of all slices has as many.
   */
  public static final class StoryCounter implements Collector {
    private final long upTo;
    private final LongHashSet keys;
    private long unkeyed;

    StoryCounter(long upTo) {
      this.upTo = upTo;
      // Sized for the usual limit (the threshold): no rehash on the way to it.
      this.keys = new LongHashSet((int) Math.min(upTo + 1, 1 << 12));
    }

    private long count() {
      return keys.size() + unkeyed;
    }

    boolean full() {
      return count() > upTo;
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      if (full()) {
        throw new CollectionTerminatedException();
      }
      NumericDocValues values = DocValues.getNumeric(context.reader(), Schema.STORY_KEY);
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) throws IOException {
          if (values.advanceExact(doc)) {
            keys.add(values.longValue());
          } else {
            unkeyed++;
          }
          if (full()) {
            throw new CollectionTerminatedException();
          }
        }
      };
    }
  }
}
