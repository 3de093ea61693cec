package dev.dateline;

import java.util.List;

/**
 * A page of search results.
 *
 * <h2>Totals</h2>
 *
 * Let <i>n</i> be the number of articles matching the query and <i>T</i> the index's {@link
 * NewsIndex.Options#totalHitsThreshold() totalHitsThreshold} (default 1000).
 *
 * <ul>
 *   <li>By default, {@code total} is {@code min(n, T)} and {@code totalIsExact} is {@code n <= T}:
 *       exact up to the threshold, and beyond it the threshold itself as a lower bound ("at least
 *       1000"). Both depend only on the query's text and filters and on the index view, never on
 *       the page size, the cursor or the sort order, so every page of a query reports the same
 *       total. The bound can be smaller than the number of hits already returned (a page larger
 *       than the threshold, or pages past it).
 *   <li>With {@link NewsQuery.Builder#exactTotal(boolean) exactTotal(true)}, {@code total} is
 *       <i>n</i> and {@code totalIsExact} is always true. {@link NewsIndex#count(NewsQuery)} gives
 *       <i>n</i> alone, more cheaply.
 *   <li>With facet counts ({@link NewsIndex#search(NewsQuery, FacetRequest)}), every match is
 *       visited anyway: {@code total} is <i>n</i> and {@code totalIsExact} is true.
 * </ul>
 *
 * <p>Why the default is not exact: to find a page without visiting every match, Lucene stops
 * counting once more than the threshold (or the page size, if larger) have matched, and then skips
 * what cannot reach the page. In relevance order it skips blocks of documents whose best possible
 * score is too low (block-max WAND); newest first, the order the index is sorted in, it stops
 * reading each segment after the page is full; oldest first, it can skip documents by their date.
 * These make a search over broad words or a long date range several times cheaper, but how many
 * matches Lucene has seen by then varies with the page size and position, which is why that number
 * is not reported: the count is cut at the threshold instead. An exact count has to visit every
 * match; it is there when asked for.
 *
 * <h2>Typo correction</h2>
 *
 * With {@link NewsQuery.Builder#correctTypos(boolean) typo correction} on (the default), a free-text
 * word that occurs nowhere in the index is <i>unknown</i>, and is replaced by the closest word of
 * the index within two edits, if there is one ({@code negotations} by {@code negotiations}):
 *
 * <ul>
 *   <li>when the query as written matches nothing, the corrected query is run instead, with the
 *       same filters, sort and page, and {@link #correctedText()} says so ("showing results for");
 *   <li>when it matches something, its results are returned as they are and {@link #suggestion()}
 *       offers the corrected text ("did you mean").
 * </ul>
 *
 * Only unquoted words without a field, of four letters or more, are corrected; phrases, prefixes,
 * fuzzy words, excluded words and filters are kept as written.
 *
 * @param total the number of matching articles, or the threshold when more match and the total is
 *     not exact (see above)
 * @param totalIsExact whether {@code total} is the exact number of matching articles; when false,
 *     more than {@code total} articles match
 * @param hits this page, in order
 * @param next cursor for the next page (pass it to {@link NewsQuery#after(String)}), or null when
 *     this page is the last
 * @param correctedText the query text that was run instead of the query's own, which matched
 *     nothing: the query's text with its unknown words corrected ("showing results for ..."); null
 *     when the query ran as written
 * @param suggestion the query's text with its unknown words corrected, when the query as written
 *     did match articles and ran as written ("did you mean ..."); null when there is nothing to
 *     suggest or {@code correctedText} is set
 * @param facets the facet counts and histogram over all the matches, counted with the page, when
 *     asked for with {@link NewsIndex#search(NewsQuery, FacetRequest)}; null
 *     otherwise. When set, every match was visited, so {@code total} is exact and equals {@link
 *     Facets#matches()}
 */
public record SearchResults(
    long total,
    boolean totalIsExact,
    List<SearchHit> hits,
    String next,
    String correctedText,
    String suggestion,
    Facets facets) {
  /** Copies {@code hits} into an unmodifiable list. */
  public SearchResults {
    hits = List.copyOf(hits);
  }

  /**
   * Results without facet counts.
   *
   * @param total see {@link #total()}
   * @param totalIsExact see {@link #totalIsExact()}
   * @param hits see {@link #hits()}
   * @param next see {@link #next()}
   * @param correctedText see {@link #correctedText()}
   * @param suggestion see {@link #suggestion()}
   */
  public SearchResults(
      long total,
      boolean totalIsExact,
      List<SearchHit> hits,
      String next,
      String correctedText,
      String suggestion) {
    this(total, totalIsExact, hits, next, correctedText, suggestion, null);
  }

  /**
   * Results of a query run as written, with nothing to suggest.
   *
   * @param total see {@link #total()}
   * @param totalIsExact see {@link #totalIsExact()}
   * @param hits see {@link #hits()}
   * @param next see {@link #next()}
   */
  public SearchResults(long total, boolean totalIsExact, List<SearchHit> hits, String next) {
    this(total, totalIsExact, hits, next, null, null, null);
  }

  /**
   * Whether these are the results of a corrected query ({@link #correctedText()} is set).
   *
   * @return true when the query's text was corrected before it ran
   */
  public boolean corrected() {
    return correctedText != null;
  }
}
