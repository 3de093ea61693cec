package dev.dateline;

import dev.dateline.internal.index.Schema;
import dev.dateline.internal.story.Fingerprint;
import dev.dateline.internal.story.StoryRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.util.BytesRef;

/**
 * The story detection of a {@link NewsIndex} built with {@link NewsIndex.Options.Builder#stories},
 * for hosts that store articles elsewhere (the OpenSearch client in Dateline's {@code opensearch/}
 * module): the same fingerprints, the same rule for which articles are copies and which article
 * leads a story (see the README's "Stories"), and the same story keys, so that a host that stores
 * each article's {@linkplain #key(String) story key} and keeps it up to date with what {@link #add}
 * and {@link #remove} return groups articles into the stories the embedded index would.
 *
 * <p>Experimental: follows the index format and may change with it. Not thread-safe: the caller
 * serialises access. Like the embedded index's writer, a detector holds every article it knows
 * (about 0.6 KB each) and must see every article of the collection: load the stored ones first
 * ({@link #load}), then pass every addition and deletion.
 */
public final class StoryDetector {

  /**
   * An article as the detector knows it.
   *
   * @param id the article id
   * @param published its publication time, or null
   * @param fingerprint its {@link #fingerprint}
   */
  public record Member(String id, Instant published, String fingerprint) {
    /**
     * Checks the fields.
     *
     * @throws NullPointerException if {@code id} or {@code fingerprint} is null
     */
    public Member {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(fingerprint, "fingerprint");
    }
  }

  private final StoryRegistry registry = new StoryRegistry();

  /** An empty detector. */
  public StoryDetector() {}

  /**
   * The fingerprint of the text that copies share (body paragraphs and bullets), as the embedded
   * index computes it, encoded as Base64 for storage beside the article.
   *
   * @param article the article
   * @return its fingerprint
   */
  public static String fingerprint(Article article) {
    BytesRef b = Schema.fingerprint(Objects.requireNonNull(article, "article")).encode();
    return Base64.getEncoder().encodeToString(BytesRef.deepCopyOf(b).bytes);
  }

  /**
   * The key that groups a story's members: a 64-bit hash of its root's id (the embedded index's
   * story key).
   *
   * @param rootId the id of the story's first article
   * @return the key
   */
  public static long key(String rootId) {
    return StoryRegistry.key(Objects.requireNonNull(rootId, "rootId"));
  }

  /**
   * Loads the articles already stored, in any order; the detector must be empty.
   *
   * @param members the stored articles
   * @throws IllegalStateException if the detector already knows articles
   * @throws IllegalArgumentException if an id repeats or a fingerprint cannot be decoded
   */
  public void load(Collection<Member> members) {
    List<StoryRegistry.Member> ms = new ArrayList<>(members.size());
    for (Member m : members) {
      ms.add(member(m.id(), m.published(), m.fingerprint()));
    }
    registry.load(ms);
  }

  /**
   * Adds (or replaces) an article and returns the story key of every article whose story changed:
   * always the article itself, and the others an article published before them, or replacing a
   * story's first article, moves to another story.
   *
   * @param id the article id
   * @param published its publication time, or null (an undated article is a story of its own)
   * @param fingerprint its {@link #fingerprint}
   * @return the new story key by article id, the added article's included
   * @throws IllegalArgumentException if the fingerprint cannot be decoded
   */
  public Map<String, Long> add(String id, Instant published, String fingerprint) {
    return keys(registry.add(member(id, published, fingerprint)));
  }

  /**
   * Removes an article (if known) and returns the new story key of every other article whose story
   * changed (the members of a story it led).
   *
   * @param id the article id
   * @return the new story key by article id
   */
  public Map<String, Long> remove(String id) {
    return keys(registry.remove(Objects.requireNonNull(id, "id")));
  }

  /**
   * The story key of an article.
   *
   * @param id the article id
   * @return its story's key, or null if the article is unknown
   */
  public Long keyOf(String id) {
    String root = registry.rootOf(Objects.requireNonNull(id, "id"));
    return root == null ? null : StoryRegistry.key(root);
  }

  /**
   * The number of articles known.
   *
   * @return the number of articles
   */
  public int size() {
    return registry.size();
  }

  private static Map<String, Long> keys(Map<String, String> roots) {
    Map<String, Long> out = new LinkedHashMap<>();
    roots.forEach((id, root) -> out.put(id, StoryRegistry.key(root)));
    return Collections.unmodifiableMap(out);
  }

  private static StoryRegistry.Member member(String id, Instant published, String fingerprint) {
    Objects.requireNonNull(id, "id");
    Fingerprint f;
    try {
      byte[] b = Base64.getDecoder().decode(Objects.requireNonNull(fingerprint, "fingerprint"));
      if (b.length < Fingerprint.HASHES * 2 + 1) {
        throw new IllegalArgumentException("too short");
      }
      f = Fingerprint.decode(new BytesRef(b));
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      throw new IllegalArgumentException("not a story fingerprint for article " + id, e);
    }
    return new StoryRegistry.Member(id, published == null ? null : published.toEpochMilli(), f);
  }
}
