package dev.dateline;

import java.time.Instant;
import java.util.List;

/**
 * What an index holds, as returned by {@link NewsIndex#stats(int)}: a snapshot of the latest
 * refreshed view, not updated afterwards. Immutable (the lists are copied), so it is safe to share
 * between threads.
 *
 * @param articles number of live articles (deleted and replaced ones not counted)
 * @param oldest earliest publication time (to the millisecond), or null if no article is dated
 * @param newest latest publication time (to the millisecond), or null if no article is dated
 * @param sources most frequent sources, most articles first, ties in order of name; at most as many
 *     as were asked for; never null
 * @param entities most frequently mentioned entities (by number of articles that mention them, not
 *     by mentions), most first, ties in order of type and name; at most as many as were asked for;
 *     never null
 */
public record IndexStats(
    long articles, Instant oldest, Instant newest, List<Count> sources, List<EntityCount> entities) {

  /**
   * A source and how many articles it published.
   *
   * @param name the source as given in the articles ({@link Article#source()}), cut to its first
   *     1,000 characters if longer
   * @param count number of live articles from that source
   */
  public record Count(String name, long count) {}

  /**
   * An entity and how many articles mention it.
   *
   * @param type the entity's type
   * @param name the entity's canonical name ({@link Entity#name()})
   * @param count number of live articles that mention it, whatever the mention count in each
   */
  public record EntityCount(EntityType type, String name, long count) {}

  /**
   * Creates the statistics, copying both lists.
   *
   * @throws NullPointerException if {@code sources} or {@code entities} is null or contains null
   */
  public IndexStats {
    sources = List.copyOf(sources);
    entities = List.copyOf(entities);
  }
}
