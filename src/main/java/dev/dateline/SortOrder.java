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
  OLDEST
}
