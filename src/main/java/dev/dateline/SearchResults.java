package dev.dateline;

import java.util.List;

/**
 * A page of search results.
 *
 * @param total number of matching articles: exact when {@code totalIsExact}, otherwise a lower
 *     bound (counting stops at {@link NewsIndex.Options#totalHitsThreshold} to keep searches fast)
 * @param totalIsExact whether {@code total} is exact
 * @param hits this page, in order
 * @param next cursor for the next page (pass it to {@link NewsQuery#after(String)}), or null when
 *     this page is the last
 */
public record SearchResults(long total, boolean totalIsExact, List<SearchHit> hits, String next) {
  public SearchResults {
    hits = List.copyOf(hits);
  }
}
