package dev.dateline.internal.story;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.internal.hppc.LongObjectHashMap;

/**
 * The writer's view of stories: every live article's fingerprint and the story it belongs to.
 *
 * <p>Two articles are <em>copies</em> when both are dated, published at most {@link #WINDOW}
 * apart, both have at least {@link #MIN_SHINGLES} distinct shingles, and the estimated share of the
 * smaller one's shingles found in the other ({@link Fingerprint#overlap}) is at least {@link
 * #THRESHOLD}.
 *
 * <p>A story is a <em>star</em>, not a chain: it is led by its earliest article (its root), and
 * every other member is a copy of the root. Taking the articles in publication order (time, then
 * id), an article joins the earliest earlier root it is a copy of, and becomes a root when it is a
 * copy of none. So stories depend only on which articles are live, never on the order they
 * arrived in; and a story can only hold articles published within {@link #WINDOW} after its root.
 * Chains would not be bounded: templated items (market briefs, agenda notices) that differ from
 * the previous one by a number or a name are each a copy of the one before, and would fold a
 * whole feed into one story.
 *
 * <p>Candidates are found by locality-sensitive hashing ({@link #BANDS} bands of {@link #ROWS}
 * min-hashes), only among the roots of the last {@link #WINDOW}: a new article is compared with
 * the roots that share a band with it, not with every copy. An article that changes which
 * articles are roots (one published before articles already known, a deleted or re-edited root)
 * re-examines the later articles it may lead (a scan of the articles published up to {@link
 * #WINDOW} after it), in publication order, until nothing changes.
 *
 * <p>What is stored in the index per article is only its story key ({@link #key(String)} of its
 * root's id), which changes only when the article moves to another story: adding an article in
 * publication order writes nothing but the article itself, whatever the size of its story. The
 * story's size, sources and first publisher are computed when read.
 *
 * <p>Not thread-safe: the caller serialises access. Memory: about 0.6 KB per article.
 */
public final class StoryRegistry {

  /** Longest time between a story's first article and any copy of it. */
  public static final Duration WINDOW = Duration.ofDays(3);
  /** Least estimated overlap for two articles to be copies. */
  public static final double THRESHOLD = 0.5;
  /**
   * Least estimated Jaccard similarity for two articles to be copies: below it the overlap
   * estimate rests on a handful of agreeing min-hashes (a short text against a much longer one)
   * and is mostly chance.
   */
  public static final double MIN_JACCARD = 0.1;
  /** Shortest text (in distinct shingles) that can join a story. */
  public static final int MIN_SHINGLES = 10;

  static final int ROWS = 2;
  static final int BANDS = Fingerprint.HASHES / ROWS;

  private static final long WINDOW_MILLIS = WINDOW.toMillis();

  /** An article as the registry knows it. */
  public record Member(String id, Long published, Fingerprint fingerprint) {
    public Member {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(fingerprint, "fingerprint");
    }

    boolean linkable() {
      return published != null && fingerprint.shingles() >= MIN_SHINGLES;
    }

    boolean sameAs(Member o) {
      return Objects.equals(published, o.published)
          && fingerprint.equals(o.fingerprint);
    }
  }

  /** A live article: its member, its root ({@code this} for a root), and a root's other members. */
  private static final class Node {
    final Member m;
    final long[] bands;
    Node root;
    /** A root's other members (null until it has some). */
    Set<Node> members;

    Node(Member m) {
      this.m = m;
      this.bands = m.linkable() ? bands(m.fingerprint()) : null;
    }

    long time() {
      return m.published();
    }
  }

  /** Publication order: time (undated last), then id. */
  private static final Comparator<Node> ORDER =
      (a, b) -> {
        Long x = a.m.published();
        Long y = b.m.published();
        if (x != null && y != null) {
          int c = Long.compare(x, y);
          if (c != 0) {
            return c;
          }
        } else if (x != null) {
          return -1;
        } else if (y != null) {
          return 1;
        }
        return a.m.id().compareTo(b.m.id());
      };

  private final Map<String, Node> nodes = new HashMap<>();
  /**
   * Every linkable article in publication order: scanned forward (at most {@link #WINDOW}) only
   * when an article becomes a root ahead of later ones, which adding in publication order never
   * does.
   */
  private final TreeSet<Node> all = new TreeSet<>(ORDER);
  /** The linkable roots, by band, in publication order. */
  private final Buckets roots = new Buckets();

  /** The numeric key that groups a story's members: a 64-bit hash of its root's id. */
  public static long key(String rootId) {
    long h = 0xCBF29CE484222325L;
    for (int i = 0; i < rootId.length(); i++) {
      h ^= rootId.charAt(i);
      h *= 0x100000001B3L;
    }
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    return h ^ (h >>> 33);
  }

  /** Number of articles known. */
  public int size() {
    return nodes.size();
  }

  /** The id of an article's story root, or null if the article is unknown. */
  public String rootOf(String id) {
    Node n = nodes.get(id);
    return n == null ? null : n.root.m.id();
  }

  /**
   * Loads articles in bulk (when opening an index): each is placed in publication order, so
   * nothing is re-examined. The registry must be empty.
   */
  public void load(Collection<Member> ms) {
    if (!nodes.isEmpty()) {
      throw new IllegalStateException("load into a non-empty registry");
    }
    List<Node> sorted = new ArrayList<>(ms.size());
    for (Member m : ms) {
      Node n = new Node(m);
      if (nodes.put(m.id(), n) != null) {
        throw new IllegalArgumentException("duplicate id " + m.id());
      }
      sorted.add(n);
    }
    sorted.sort(ORDER);
    for (Node n : sorted) {
      if (n.bands != null) {
        all.add(n);
      }
      place(n, evaluate(n));
    }
  }

  /**
   * Adds (or replaces) an article and returns the articles whose story root changed, by id, with
   * their new root's id: the new article's own entry always. Adding an article that is later
   * than every article it is a copy of changes no other article.
   */
  public Map<String, String> add(Member m) {
    Map<String, String> changed = new LinkedHashMap<>();
    Node old = nodes.get(m.id());
    if (old != null) {
      if (old.m.sameAs(m)) {
        changed.put(m.id(), old.root.m.id());
        return changed;
      }
      changed.putAll(remove(m.id()));
    }
    Node n = new Node(m);
    nodes.put(m.id(), n);
    if (n.bands != null) {
      all.add(n);
    }
    Node root = evaluate(n);
    place(n, root);
    changed.put(m.id(), root.m.id());
    if (root == n && n.bands != null) {
      // Usually none: only an article added out of publication order can lead later ones.
      TreeSet<Node> queue = new TreeSet<>(ORDER);
      queueLaterCopies(n, queue);
      settle(queue, changed);
      changed.put(m.id(), n.root.m.id());
    }
    return changed;
  }

  /** Removes an article (if known) and returns the other articles whose story root changed. */
  public Map<String, String> remove(String id) {
    Node n = nodes.remove(id);
    Map<String, String> changed = new LinkedHashMap<>();
    if (n == null) {
      return changed;
    }
    if (n.bands != null) {
      all.remove(n);
    }
    TreeSet<Node> queue = new TreeSet<>(ORDER);
    if (n.root == n) {
      if (n.bands != null) {
        roots.remove(n);
      }
      if (n.members != null) {
        queue.addAll(n.members);
        for (Node x : n.members) {
          x.root = null; // to be placed again
        }
        n.members = null;
      }
    } else {
      n.root.members.remove(n);
    }
    settle(queue, changed);
    return changed;
  }

  /**
   * Places the queued articles again, in publication order. Only roots affect later articles, so
   * an article that becomes a root queues the later articles it may lead, and one that stops
   * being a root queues its former members; each article is placed after every article before
   * it is final.
   */
  private void settle(TreeSet<Node> queue, Map<String, String> changed) {
    while (!queue.isEmpty()) {
      Node n = queue.pollFirst();
      if (nodes.get(n.m.id()) != n) {
        continue;
      }
      Node before = n.root;
      Node now = evaluate(n);
      if (now == before) {
        continue;
      }
      boolean wasRoot = before == n;
      if (before != null && !wasRoot) {
        before.members.remove(n);
      }
      if (wasRoot) {
        if (n.bands != null) {
          roots.remove(n);
        }
        if (n.members != null) {
          for (Node x : n.members) {
            x.root = null;
            queue.add(x);
          }
          n.members = null;
        }
      }
      place(n, now);
      changed.put(n.m.id(), now.m.id());
      if (now == n && n.bands != null) {
        queueLaterCopies(n, queue);
      }
    }
  }

  /** Queues the later articles that are copies of a new root {@code n}: it may now lead them. */
  private void queueLaterCopies(Node n, TreeSet<Node> queue) {
    long to = n.time() + WINDOW_MILLIS;
    for (Node y : all.tailSet(n, false)) {
      if (y.time() > to) {
        break;
      }
      if (copies(n.m, y.m)) {
        queue.add(y);
      }
    }
  }

  private void place(Node n, Node root) {
    n.root = root;
    if (root == n) {
      if (n.bands != null) {
        roots.add(n);
      }
    } else {
      if (root.members == null) {
        root.members = new HashSet<>();
      }
      root.members.add(n);
    }
  }

  /** The root an article joins: the earliest earlier root it is a copy of, else itself. */
  private Node evaluate(Node n) {
    if (n.bands == null) {
      return n;
    }
    Node best = null;
    Set<Node> seen = null; // roots already compared (one may share several bands with n)
    long from = n.time() - WINDOW_MILLIS;
    long to = n.time();
    for (long band : n.bands) {
      Object v = roots.get(band);
      if (v == null) {
        continue; // the usual case: no root shares this band
      }
      if (seen == null) {
        seen = new HashSet<>();
      }
      if (v instanceof Node one) {
        best = better(n, one, best, from, to, seen);
        continue;
      }
      @SuppressWarnings("unchecked")
      ArrayList<Node> list = (ArrayList<Node>) v;
      for (int i = Buckets.firstFrom(list, from); i < list.size() && list.get(i).time() <= to; i++) {
        best = better(n, list.get(i), best, from, to, seen);
      }
    }
    return best == null ? n : best;
  }

  /** {@code r} if it is an earlier root than {@code best} that {@code n} is a copy of, else best. */
  private static Node better(Node n, Node r, Node best, long from, long to, Set<Node> seen) {
    return r != n
            && r.time() >= from
            && r.time() <= to
            && ORDER.compare(r, n) < 0
            && (best == null || ORDER.compare(r, best) < 0)
            && seen.add(r)
            && copies(n.m, r.m)
        ? r
        : best;
  }

  /** Whether two articles are copies (see the class documentation). */
  static boolean copies(Member a, Member b) {
    return a.linkable()
        && b.linkable()
        && Math.abs(a.published() - b.published()) <= WINDOW_MILLIS
        && copies(a.fingerprint(), b.fingerprint());
  }

  private static boolean copies(Fingerprint a, Fingerprint b) {
    double jaccard = a.jaccard(b);
    return jaccard >= MIN_JACCARD && a.overlap(b, jaccard) >= THRESHOLD;
  }

  private static long[] bands(Fingerprint f) {
    char[] h = f.minHashes();
    long[] out = new long[BANDS];
    for (int b = 0; b < BANDS; b++) {
      long x = 0;
      for (int r = 0; r < ROWS; r++) {
        x = (x << 16) | h[b * ROWS + r];
      }
      out[b] = x * 31 + b * 0x9E3779B97F4A7C15L;
    }
    return out;
  }

  /**
   * Nodes by band value, each bucket in publication order: a primitive map from band to a single
   * node (the usual case) or to a list of nodes.
   */
  private static final class Buckets {
    private final LongObjectHashMap<Object> buckets = new LongObjectHashMap<>();

    void add(Node n) {
      for (long band : n.bands) {
        int at = buckets.indexOf(band);
        if (!buckets.indexExists(at)) {
          buckets.indexInsert(at, band, n);
          continue;
        }
        Object v = buckets.indexGet(at);
        ArrayList<Node> list;
        if (v instanceof Node one) {
          if (one == n) {
            continue; // a band repeated in one fingerprint
          }
          list = new ArrayList<>(2);
          list.add(one);
          buckets.indexReplace(at, list);
        } else {
          @SuppressWarnings("unchecked")
          ArrayList<Node> l = (ArrayList<Node>) v;
          list = l;
        }
        int i = insertionPoint(list, n);
        if (i < list.size() && list.get(i) == n) {
          continue;
        }
        list.add(i, n);
      }
    }

    void remove(Node n) {
      for (long band : n.bands) {
        int at = buckets.indexOf(band);
        if (!buckets.indexExists(at)) {
          continue;
        }
        Object v = buckets.indexGet(at);
        if (v == n) {
          buckets.indexRemove(at);
        } else if (v instanceof ArrayList<?> raw) {
          @SuppressWarnings("unchecked")
          ArrayList<Node> list = (ArrayList<Node>) raw;
          int i = insertionPoint(list, n);
          if (i < list.size() && list.get(i) == n) {
            list.remove(i);
            if (list.size() == 1) {
              buckets.indexReplace(at, list.get(0));
            }
          }
        }
      }
    }

    /** The node (or list of nodes, in publication order) of a band, or null. */
    Object get(long band) {
      return buckets.get(band);
    }

    /** The index of the first node of a bucket's list published at or after {@code from}. */
    static int firstFrom(ArrayList<Node> list, long from) {
      int lo = 0;
      int hi = list.size();
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (list.get(mid).time() < from) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    private static int insertionPoint(ArrayList<Node> list, Node n) {
      int size = list.size();
      if (size == 0 || ORDER.compare(list.get(size - 1), n) < 0) {
        return size; // the usual case: in publication order
      }
      int lo = 0;
      int hi = size;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (ORDER.compare(list.get(mid), n) < 0) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }
  }
}
