package dev.dateline;

import java.time.Instant;
import java.util.List;

/**
 * One search result.
 *
 * @param id article id
 * @param headline headline, or null
 * @param published publication time, or null for undated articles
 * @param source publisher, or null
 * @param byline byline, or null
 * @param url article address, or null
 * @param section section, or null
 * @param score relevance score (BM25 over the weighted fields) when sorted by relevance; under the
 *     ranked default operator an article matching all the query's words carries 1000 on top, which
 *     is what puts those articles first; under {@link SortOrder#RECENT} that score multiplied by
 *     the article's recency multiplier; 0 when sorted by date (scores are not computed then, so
 *     newest-first queries can stop early) and for filter-only queries
 * @param highlight the best passage(s) of body or bullets with the spans that matched, as plain
 *     (unescaped) text and offsets, or the opening of the article when no term matched there; null
 *     when highlighting is off or the article has neither body nor bullets. {@link #snippet()} is
 *     the same as HTML
 * @param entities the article's entities
 * @param story the article's story (itself and its copies) when the search {@link
 *     NewsQuery.Builder#collapse collapsed} copies or the hit is from {@link NewsIndex#timeline};
 *     null otherwise
 */
public record SearchHit(
    String id,
    String headline,
    Instant published,
    String source,
    String byline,
    String url,
    String section,
    float score,
    Snippet highlight,
    List<Entity> entities,
    Story story) {

  /** Copies the entities. */
  public SearchHit {
    entities = dev.dateline.internal.index.HitSummary.immutableCopy(entities);
  }

  /**
   * A hit without story details, as searches that do not {@link NewsQuery.Builder#collapse
   * collapse} return.
   *
   * @param id the article id
   * @param headline the headline, or null
   * @param published the publication time, or null
   * @param source the source, or null
   * @param byline the byline, or null
   * @param url the URL, or null
   * @param section the section, or null
   * @param score the relevance score (0 for date orders)
   * @param highlight the snippet, or null
   * @param entities the entities
   */
  public SearchHit(
      String id,
      String headline,
      Instant published,
      String source,
      String byline,
      String url,
      String section,
      float score,
      Snippet highlight,
      List<Entity> entities) {
    this(id, headline, published, source, byline, url, section, score, highlight, entities, null);
  }

  /**
   * The snippet as HTML ({@link Snippet#html()}): the article's text HTML-escaped, with the
   * index's highlight markers ({@link NewsIndex.Options.Builder#highlightTags}, default {@code
   * <em>} and {@code </em>}) around the matched terms. The markers are the only markup in it, so
   * it is safe to insert into an HTML page as it is. For any other rendering (a terminal, plain
   * text, another markup) use {@link #highlight()}, which has the unescaped text and the offsets
   * of the matches.
   *
   * @return the HTML snippet, or null when {@link #highlight()} is null
   */
  public String snippet() {
    return highlight == null ? null : highlight.html();
  }
}
