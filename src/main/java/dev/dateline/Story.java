package dev.dateline;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The story an article belongs to: the article and its near-duplicate copies (syndicated wire
 * copy, re-edited or trimmed versions), detected when articles are indexed into an index that
 * detects stories ({@link NewsIndex.Options.Builder#stories}).
 *
 * <p>Two articles are copies when both are dated, published at most three days apart, and at least
 * half of the shorter one's three-word sequences (shingles) of body and bullet text are estimated,
 * by a 64-bin MinHash, to occur in the other one (and their estimated Jaccard similarity is at
 * least 0.1). Before comparing, text is folded
 * (case, accents) and common respellings are made equal ({@code per cent}/{@code percent}, British
 * and American {@code -ise}/{@code -ize}, {@code -our}/{@code -or}, {@code -tre}/{@code -ter}).
 * Headlines, bylines and datelines are not compared, so copies with a new headline or byline
 * still match. Texts of fewer than ten distinct shingles, and undated articles, are stories of
 * their own. A story is led by its earliest article, and every other member is a copy of that
 * first article: taking articles in publication order, each joins the earliest earlier story
 * whose first article it is a copy of, or starts a story. So a story spans at most three days,
 * and templated items that each resemble the previous one do not chain into one story. Stories
 * depend only on which articles are in the index, never on the order they were added in, and are
 * kept up to date when articles are updated or deleted. The size, sources and first publisher are
 * counted from the members when read.
 *
 * @param id the story id: the id of its earliest-published member (ties broken by id), so
 *     deleting that member moves the id to the next one
 * @param size the number of articles in the story, at least 1
 * @param sources the distinct sources of its members, sorted; members without a source add none
 * @param firstSource the source of the earliest member ("first reported by"), or null if it has
 *     none
 * @param firstPublished the publication time of the earliest member, or null if it is undated
 */
public record Story(
    String id, int size, List<String> sources, String firstSource, Instant firstPublished) {

  /**
   * Validates and copies.
   *
   * @throws NullPointerException if {@code id} or {@code sources} is null
   * @throws IllegalArgumentException if {@code size} is less than 1
   */
  public Story {
    Objects.requireNonNull(id, "id");
    sources = List.copyOf(sources);
    if (size < 1) {
      throw new IllegalArgumentException("story size must be at least 1, was " + size);
    }
  }

  /**
   * Whether the story has copies.
   *
   * @return true if it has more than one article
   */
  public boolean hasCopies() {
    return size > 1;
  }

  /**
   * Counts a story from its members as {@link NewsIndex} does when it reads them: the size, the
   * distinct sources, and the earliest member (publication time, undated last, then id) as the
   * story's id, first source and time. For hosts that store articles elsewhere (the OpenSearch
   * client in Dateline's {@code opensearch/} module): the same members give the same story. Not
   * thread-safe.
   */
  public static final class Tally {
    private int size;
    private final TreeSet<String> sources = new TreeSet<>();
    private String firstId;
    private Long firstPublished;
    private String firstSource;

    /** An empty tally. */
    public Tally() {}

    /**
     * Counts a member.
     *
     * @param id its id
     * @param published its publication time in epoch milliseconds, or null if undated
     * @param source its source, or null
     */
    public void add(String id, Long published, String source) {
      Objects.requireNonNull(id, "id");
      size++;
      if (source != null) {
        sources.add(source);
      }
      if (firstId == null || earlier(published, id)) {
        firstId = id;
        firstPublished = published;
        firstSource = source;
      }
    }

    private boolean earlier(Long t, String id) {
      if (!Objects.equals(t, firstPublished)) {
        return firstPublished == null || (t != null && t < firstPublished); // undated last
      }
      return id.compareTo(firstId) < 0;
    }

    /**
     * The story of the members counted.
     *
     * @return the story
     * @throws IllegalStateException if no member was counted
     */
    public Story story() {
      if (firstId == null) {
        throw new IllegalStateException("no member counted");
      }
      return new Story(
          firstId, size, List.copyOf(sources), firstSource,
          firstPublished == null ? null : Instant.ofEpochMilli(firstPublished));
    }
  }
}
