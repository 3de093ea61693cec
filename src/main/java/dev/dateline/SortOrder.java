package dev.dateline;

/**
 * Order of search results. Ties are broken by article id, so the order is total and deterministic,
 * which is what makes cursors stable. Undated articles come after all dated ones in both date
 * orders.
 */
public enum SortOrder {
  /** Best match first (BM25 over the weighted fields). */
  RELEVANCE,
  /** Most recently published first. */
  NEWEST,
  /** Earliest published first. */
  OLDEST,
  /**
   * Relevant and recent: the relevance score multiplied by a decay on the article's age, best
   * first. The multiplier is {@code floor + (1 - floor) * 0.5^(age / halfLife)}, where {@code age
   * = max(0, now - published)}: 1 for an article published at the reference instant (or later),
   * halfway to the floor after one {@link NewsQuery.Builder#recencyHalfLife half-life}, and never
   * below the {@link NewsQuery.Builder#recencyFloor floor}, so an old but exact match keeps that
   * share of its score and can still outrank a weak recent one. Undated articles get the floor.
   * {@code now} is the query's {@link NewsQuery#recencyReference() reference instant}, fixed when
   * the query is built (from the builder's {@link NewsQuery.Builder#clock clock}) and carried in
   * its cursors, so every page of a listing is ranked against the same instant.
   *
   * <p>The multiplier applies to the whole score, including the bonus that puts articles with all
   * the words first: with the default floor they still come first, with a floor near 0 a very old
   * article with all the words may fall below a recent one with some of them.
   *
   * <p>A query without scored text (no text, or only filters such as {@code person:x}) has no
   * relevance to blend, and is listed as with {@link #NEWEST}.
   */
  RECENT
}
