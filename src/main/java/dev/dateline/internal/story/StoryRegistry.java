package dev.dateline.internal.story;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The writer's view of stories: every live article's fingerprint, the near-duplicate edges between
 * them, and the story each article was last written with. Stories are the connected components of
 * the near-duplicate graph, so they depend only on the set of live articles, never on the order
 * they arrived in.
 *
 * <p>Two articles are near-duplicates (an edge) when both are dated, published at most {@link
 * #WINDOW} apart, both have at least {@link #MIN_SHINGLES} distinct shingles, and the estimated
 * share of the smaller one's shingles found in the other ({@link Fingerprint#overlap}) is at least
 * {@link #THRESHOLD}. Candidates are found by locality-sensitive hashing: {@link #BANDS} bands of
 * {@link #ROWS} min-hashes; articles sharing a band are compared in full.
 *
 * <p>Not thread-safe: the caller serialises access. Memory: about 1 KB per article.
 */
public final class StoryRegistry {

  /** Longest time between two copies of one story. */
  public static final Duration WINDOW = Duration.ofDays(3);
  /** Least estimated overlap for two articles to be copies. */
  public static final double THRESHOLD = 0.5;
  /** Shortest text (in distinct shingles) that can join a story. */
  public static final int MIN_SHINGLES = 10;

  static final int ROWS = 2;
  static final int BANDS = Fingerprint.HASHES / ROWS;

  private static final long WINDOW_MILLIS = WINDOW.toMillis();

  /** An article as the registry knows it. */
  public record Member(String id, Long published, String source, Fingerprint fingerprint) {
    public Member {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(fingerprint, "fingerprint");
    }

    boolean linkable() {
      return published != null && fingerprint.shingles() >= MIN_SHINGLES;
    }
  }

  private static final Comparator<Member> PUBLICATION_ORDER =
      Comparator.comparing(Member::published, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(Member::id);

  private final Map<String, Member> members = new HashMap<>();
  private final Map<String, Set<String>> edges = new HashMap<>();
  private final Map<Long, List<String>> buckets = new HashMap<>();
  private final Map<String, StoryInfo> written = new HashMap<>();

  /** Number of articles known. */
  public int size() {
    return members.size();
  }

  /**
   * Records the story an article is known to have been written with (when loading an index), so
   * that {@link #add} and {@link #remove} report only changes.
   */
  public void written(String id, StoryInfo info) {
    written.put(id, info);
  }

  /**
   * Adds (or replaces) an article and returns the stories that changed, by article id: the new
   * article's own entry always, and every other article whose story details differ from those it
   * was last written with (they are then taken as written).
   */
  public Map<String, StoryInfo> add(Member m) {
    Set<String> affected = new HashSet<>();
    if (members.containsKey(m.id())) {
      affected.addAll(component(m.id()));
      unlink(m.id());
    }
    members.put(m.id(), m);
    edges.put(m.id(), new HashSet<>());
    if (m.linkable()) {
      Set<String> candidates = new HashSet<>();
      for (int b = 0; b < BANDS; b++) {
        List<String> bucket = buckets.computeIfAbsent(band(m.fingerprint(), b), k -> new ArrayList<>());
        candidates.addAll(bucket);
        bucket.add(m.id());
      }
      for (String c : candidates) {
        if (!c.equals(m.id()) && copies(m, members.get(c))) {
          edges.get(m.id()).add(c);
          edges.get(c).add(m.id());
        }
      }
    }
    affected.addAll(component(m.id()));
    affected.add(m.id());
    Map<String, StoryInfo> changed = recompute(affected);
    if (!changed.containsKey(m.id())) {
      changed.put(m.id(), written.get(m.id()));
    }
    return changed;
  }

  /** Removes an article (if known) and returns the other articles whose story changed. */
  public Map<String, StoryInfo> remove(String id) {
    if (!members.containsKey(id)) {
      return Map.of();
    }
    Set<String> affected = new HashSet<>(component(id));
    unlink(id);
    affected.remove(id);
    written.remove(id);
    return recompute(affected);
  }

  /**
   * The story of every article, recomputed from scratch, for the articles whose story differs from
   * what they were written with (after loading an index, to repair what a crash between two
   * writes of one change left behind).
   */
  public Map<String, StoryInfo> reconcile() {
    return recompute(new HashSet<>(members.keySet()));
  }

  /** The story an article has now, or null if it is unknown. */
  public StoryInfo storyOf(String id) {
    return written.get(id);
  }

  private void unlink(String id) {
    Member old = members.remove(id);
    for (String n : edges.remove(id)) {
      edges.get(n).remove(id);
    }
    if (old.linkable()) {
      for (int b = 0; b < BANDS; b++) {
        long key = band(old.fingerprint(), b);
        List<String> bucket = buckets.get(key);
        bucket.remove(id);
        if (bucket.isEmpty()) {
          buckets.remove(key);
        }
      }
    }
  }

  /** Recomputes the stories of the components of {@code ids}; returns those that changed. */
  private Map<String, StoryInfo> recompute(Set<String> ids) {
    Map<String, StoryInfo> changed = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    for (String start : new TreeSet<>(ids)) {
      if (!members.containsKey(start) || seen.contains(start)) {
        continue;
      }
      List<String> comp = component(start);
      seen.addAll(comp);
      StoryInfo info = info(comp);
      for (String id : comp) {
        if (!info.equals(written.get(id))) {
          written.put(id, info);
          changed.put(id, info);
        }
      }
    }
    return changed;
  }

  private StoryInfo info(List<String> comp) {
    List<Member> ms = new ArrayList<>();
    TreeSet<String> sources = new TreeSet<>();
    for (String id : comp) {
      Member m = members.get(id);
      ms.add(m);
      if (m.source() != null) {
        sources.add(m.source());
      }
    }
    ms.sort(PUBLICATION_ORDER);
    Member first = ms.get(0);
    return new StoryInfo(
        first.id(), ms.size(), new ArrayList<>(sources), first.source(), first.published());
  }

  private List<String> component(String start) {
    List<String> out = new ArrayList<>();
    if (!members.containsKey(start)) {
      return out;
    }
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.add(start);
    seen.add(start);
    while (!todo.isEmpty()) {
      String id = todo.poll();
      out.add(id);
      for (String n : edges.get(id)) {
        if (seen.add(n)) {
          todo.add(n);
        }
      }
    }
    return out;
  }

  /** Whether two articles are copies of one story (see the class documentation). */
  static boolean copies(Member a, Member b) {
    return a.linkable()
        && b.linkable()
        && Math.abs(a.published() - b.published()) <= WINDOW_MILLIS
        && a.fingerprint().overlap(b.fingerprint()) >= THRESHOLD;
  }

  private static long band(Fingerprint f, int b) {
    int[] h = f.minHashes();
    long x = ((long) h[b * ROWS] << 32) ^ (h[b * ROWS + 1] & 0xFFFFFFFFL);
    return x * 31 + b * 0x9E3779B97F4A7C15L;
  }
}
