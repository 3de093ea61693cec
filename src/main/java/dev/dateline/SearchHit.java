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
 * @param score relevance score (BM25 over the weighted fields) when sorted by relevance; 0 when
 *     sorted by date (scores are not computed then, so newest-first queries can stop early) and
 *     for filter-only queries
 * @param snippet the best passage(s) of body or bullets with matched terms marked, or the opening
 *     of the article when no term matched there; null when highlighting is off
 * @param entities the article's entities
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
    String snippet,
    List<Entity> entities) {

  public SearchHit {
    entities = List.copyOf(entities);
  }
}
