package dev.dateline;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

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
}
