package dev.dateline;

import java.time.Instant;
import java.util.List;

/**
 * What an index holds.
 *
 * @param articles number of live articles
 * @param oldest earliest publication time, or null if no article is dated
 * @param newest latest publication time, or null
 * @param sources most frequent sources, most articles first
 * @param entities most frequently mentioned entities (by number of articles), most first
 */
public record IndexStats(
    long articles, Instant oldest, Instant newest, List<Count> sources, List<EntityCount> entities) {

  /** A source and how many articles it published. */
  public record Count(String name, long count) {}

  /** An entity and how many articles mention it. */
  public record EntityCount(EntityType type, String name, long count) {}

  public IndexStats {
    sources = List.copyOf(sources);
    entities = List.copyOf(entities);
  }
}
