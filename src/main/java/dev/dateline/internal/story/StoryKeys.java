package dev.dateline.internal.story;

import dev.dateline.internal.index.Schema;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.internal.hppc.LongHashSet;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.IOSupplier;
import org.apache.lucene.util.DocIdSetBuilder;
import org.apache.lucene.util.IntroSorter;

/**
 * The members of each story, per segment: the live documents of a segment sorted by their story
 * key, so that the members of a story are found by a binary search instead of a scan of the
 * segment's story keys.
 *
 * <p>Story keys live in updatable doc values (an article moves to another story without being
 * re-indexed), so they cannot be indexed terms; this table is what a term dictionary would give.
 * It is built on first use for each segment reader and kept until that reader closes. A segment
 * reader is replaced whenever its deletions or story keys change, so a table never goes stale;
 * segments that did not change keep theirs across refreshes. Memory: 12 bytes per live article.
 */
public final class StoryKeys {

  private static final Map<IndexReader.CacheKey, StoryKeys> CACHE = new ConcurrentHashMap<>();

  private final long[] keys;
  private final int[] docs;

  private StoryKeys(long[] keys, int[] docs) {
    this.keys = keys;
    this.docs = docs;
  }

  /** The table of a segment, built once per segment reader. */
  public static StoryKeys of(LeafReader reader) throws IOException {
    return cached(CACHE, reader, () -> build(reader));
  }

  /**
   * What {@code cache} holds for {@code reader}, computed on first use and dropped when the reader
   * closes (computed each time for a reader that cannot be cached).
   */
  private static <T> T cached(
      Map<IndexReader.CacheKey, T> cache, IndexReader reader, IOSupplier<T> compute)
      throws IOException {
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    if (helper == null) {
      return compute.get();
    }
    IndexReader.CacheKey key = helper.getKey();
    T value = cache.get(key);
    if (value == null) {
      value = compute.get();
      if (cache.putIfAbsent(key, value) == null) {
        helper.addClosedListener(cache::remove);
      }
    }
    return value;
  }

  private static StoryKeys build(LeafReader reader) throws IOException {
    NumericDocValues values = DocValues.getNumeric(reader, Schema.STORY_KEY);
    Bits live = reader.getLiveDocs();
    int n = reader.numDocs();
    long[] keys = new long[n];
    int[] docs = new int[n];
    int size = 0;
    for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
      if (live == null || live.get(doc)) {
        keys[size] = values.longValue();
        docs[size] = doc;
        size++;
      }
    }
    long[] k = size == n ? keys : java.util.Arrays.copyOf(keys, size);
    int[] d = size == n ? docs : java.util.Arrays.copyOf(docs, size);
    new IntroSorter() {
      private long pivotKey;
      private int pivotDoc;

      @Override
      protected void swap(int i, int j) {
        long tk = k[i];
        k[i] = k[j];
        k[j] = tk;
        int td = d[i];
        d[i] = d[j];
        d[j] = td;
      }

      @Override
      protected void setPivot(int i) {
        pivotKey = k[i];
        pivotDoc = d[i];
      }

      @Override
      protected int comparePivot(int j) {
        int c = Long.compare(pivotKey, k[j]);
        return c != 0 ? c : Integer.compare(pivotDoc, d[j]);
      }

      @Override
      protected int compare(int i, int j) {
        int c = Long.compare(k[i], k[j]);
        return c != 0 ? c : Integer.compare(d[i], d[j]);
      }
    }.sort(0, size);
    return new StoryKeys(k, d);
  }

  /** Where the members of the story {@code key} start in this segment's table. */
  private int first(long key) {
    int lo = 0;
    int hi = keys.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (keys[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** How many live members the story {@code key} has in this segment. */
  public int count(long key) {
    int from = first(key);
    int to = from;
    while (to < keys.length && keys[to] == key) {
      to++;
    }
    return to - from;
  }

  /**
   * The segment's live members of all these stories, in doc id order (doc values and scorers
   * iterate forward only), each as {@code doc << 32 | i} where {@code i} is the index of its
   * story in {@code storyKeys}.
   */
  public long[] membersInDocOrder(long[] storyKeys) {
    long[] out = new long[Math.min(storyKeys.length, keys.length)];
    int at = 0;
    for (int k = 0; k < storyKeys.length; k++) {
      for (int i = first(storyKeys[k]); i < keys.length && keys[i] == storyKeys[k]; i++) {
        if (at == out.length) {
          out = java.util.Arrays.copyOf(out, 2 * out.length + 1);
        }
        out[at++] = ((long) docs[i] << 32) | k;
      }
    }
    out = at == out.length ? out : java.util.Arrays.copyOf(out, at);
    java.util.Arrays.sort(out);
    return out;
  }

  /**
   * The story key of each of {@code docs} (doc ids of the whole reader, in any order) into {@code
   * keys}.
   *
   * @return whether each doc has a story key
   */
  public static boolean[] keysOf(IndexReader reader, org.apache.lucene.search.ScoreDoc[] docs, long[] keys)
      throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    boolean[] keyed = new boolean[docs.length];
    // In doc id order (doc values iterate forward only): one iterator per segment.
    long[] order = new long[docs.length];
    for (int i = 0; i < docs.length; i++) {
      order[i] = ((long) docs[i].doc << 32) | i;
    }
    java.util.Arrays.sort(order);
    LeafReaderContext leaf = null;
    NumericDocValues values = null;
    for (long o : order) {
      int doc = (int) (o >>> 32);
      int i = (int) o;
      if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
        leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        values = DocValues.getNumeric(leaf.reader(), Schema.STORY_KEY);
      }
      if (values.docID() <= doc - leaf.docBase && values.advanceExact(doc - leaf.docBase)) {
        keys[i] = values.longValue();
        keyed[i] = true;
      }
    }
    return keyed;
  }

  private static final Map<IndexReader.CacheKey, Overview> OVERVIEWS = new ConcurrentHashMap<>();

  /**
   * What the whole reader's tables say: the number of stories among its live articles (an article
   * without a story key counts as a story of its own), and the keys of the stories with more than
   * one live member. Computed once per reader by a merge of the segments' sorted tables, kept until
   * the reader closes.
   */
  private record Overview(long stories, LongHashSet shared) {}

  private static Overview overview(IndexReader reader) throws IOException {
    return cached(OVERVIEWS, reader, () -> computeOverview(reader));
  }

  /**
   * The number of stories among the live articles of {@code reader}: what counting the stories of
   * a query that matches every article gives.
   */
  public static long stories(IndexReader reader) throws IOException {
    return overview(reader).stories();
  }

  /**
   * The share of the live articles of {@code reader} that are copies, not the first of their
   * story: 0 when every story has one member, approaching 1 when a few stories have them all.
   */
  public static double copyShare(IndexReader reader) throws IOException {
    int articles = reader.numDocs();
    return articles == 0 ? 0 : 1 - (double) overview(reader).stories() / articles;
  }

  /**
   * Whether the story {@code key} has exactly one live member in {@code reader} (the article that
   * has this key), so that its details are that article's own.
   */
  public static boolean single(IndexReader reader, long key) throws IOException {
    return !overview(reader).shared().contains(key);
  }

  private static Overview computeOverview(IndexReader reader) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    long[][] keys = new long[leaves.size()][];
    int[] at = new int[leaves.size()];
    long unkeyed = 0;
    for (int i = 0; i < keys.length; i++) {
      LeafReader leaf = leaves.get(i).reader();
      keys[i] = of(leaf).keys;
      unkeyed += leaf.numDocs() - keys[i].length;
    }
    // Each table is sorted by key: merge them, counting each key once.
    long stories = unkeyed;
    LongHashSet shared = new LongHashSet();
    while (true) {
      long min = Long.MAX_VALUE;
      boolean any = false;
      for (int i = 0; i < keys.length; i++) {
        if (at[i] < keys[i].length && (!any || keys[i][at[i]] < min)) {
          min = keys[i][at[i]];
          any = true;
        }
      }
      if (!any) {
        return new Overview(stories, shared);
      }
      stories++;
      int members = 0;
      for (int i = 0; i < keys.length; i++) {
        while (at[i] < keys[i].length && keys[i][at[i]] == min) {
          at[i]++;
          members++;
        }
      }
      if (members > 1) {
        shared.add(min);
      }
    }
  }

  /** How many live members the story {@code key} has in the whole reader. */
  public static int size(IndexReader reader, long key) throws IOException {
    int n = 0;
    for (LeafReaderContext leaf : reader.leaves()) {
      n += of(leaf.reader()).count(key);
    }
    return n;
  }

  /**
   * Matches the live members of the stories with these keys, through the tables (a binary search
   * per segment and key). Not cached by the query cache: tables are cheaper to read than to copy.
   */
  public static Query members(long... storyKeys) {
    return new MembersQuery(storyKeys.clone());
  }

  private static final class MembersQuery extends Query {
    private final long[] storyKeys;

    MembersQuery(long[] storyKeys) {
      this.storyKeys = storyKeys;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
      return new ConstantScoreWeight(this, boost) {
        @Override
        public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
          StoryKeys table = of(context.reader());
          int count = 0;
          for (long k : storyKeys) {
            count += table.count(k);
          }
          if (count == 0) {
            return null;
          }
          DocIdSetBuilder builder = new DocIdSetBuilder(context.reader().maxDoc());
          DocIdSetBuilder.BulkAdder adder = builder.grow(count);
          for (long k : storyKeys) {
            for (int i = table.first(k); i < table.keys.length && table.keys[i] == k; i++) {
              adder.add(table.docs[i]);
            }
          }
          DocIdSetIterator it = builder.build().iterator();
          return new Weight.DefaultScorerSupplier(new ConstantScoreScorer(score(), scoreMode, it));
        }

        @Override
        public boolean isCacheable(LeafReaderContext ctx) {
          return false;
        }
      };
    }

    @Override
    public void visit(QueryVisitor visitor) {
      visitor.visitLeaf(this);
    }

    @Override
    public String toString(String field) {
      return "story members" + java.util.Arrays.toString(storyKeys);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof MembersQuery m && java.util.Arrays.equals(storyKeys, m.storyKeys);
    }

    @Override
    public int hashCode() {
      return java.util.Arrays.hashCode(storyKeys);
    }
  }
}
