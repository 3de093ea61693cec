package dev.dateline.bench;

import dev.dateline.EntityType;
import dev.dateline.SearchField;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One benchmark query, independent of the engine that runs it. Each engine translates it into its
 * own form: Dateline a {@code NewsQuery}, raw Lucene a hand-built {@code Query}, SQLite FTS5 SQL.
 *
 * @param kind what the query stands for
 * @param words words that must all match (relevance-ranked text; any of them for {@link
 *     Kind#TERMS_2_3_RANKED}); empty for filter-only queries
 * @param phrase whether {@code words} form one phrase
 * @param field the one text field searched, or null for all six (in Dateline's combined field)
 * @param from lower publication bound, inclusive, or null
 * @param to upper publication bound, inclusive, or null
 * @param entities entity filters that must all hold
 * @param newest newest first (else best match first)
 * @param limit page size
 * @param page page number, 1-based; deeper pages are reached with the engine's cursor
 * @param highlight whether hits carry snippets
 */
public record BenchQuery(
    Kind kind,
    List<String> words,
    boolean phrase,
    SearchField field,
    Instant from,
    Instant to,
    List<EntityFilter> entities,
    boolean newest,
    int limit,
    int page,
    boolean highlight) {

  /** An entity filter on the canonical name. */
  public record EntityFilter(EntityType type, String name) {
    public EntityFilter {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(name, "name");
    }
  }

  /** The query kinds of the search benchmarks (the JMH {@code kind} parameter). */
  public enum Kind {
    /** One rare word (document frequency 0.05-0.2%). */
    TERM_RARE,
    /** One word of medium frequency (1-5%). */
    TERM_MEDIUM,
    /** One common word (20-60%). */
    TERM_COMMON,
    /** Two or three words from one headline, all required. */
    TERMS_2_3,
    /** A two- or three-word phrase from a body. */
    PHRASE,
    /** One word in the headline field only ({@code headline:x}). */
    HEADLINE,
    /** A word and a one-week date range. */
    KEYWORD_WEEK,
    /** A word and a calendar month. */
    KEYWORD_MONTH,
    /** A word and a calendar year. */
    KEYWORD_YEAR,
    /** A word and one entity filter. */
    KEYWORD_ENTITY,
    /** A word and two entity filters. */
    KEYWORD_2_ENTITIES,
    /** One entity filter, no text, newest first. */
    ENTITY_NEWEST,
    /** "Latest about X": a word, newest first, 20 hits. */
    LATEST_ABOUT,
    /** Page 50 of 10 of a common word, reached with the cursor of page 49. */
    DEEP_PAGE,
    /** {@link #TERM_MEDIUM} with snippets (the other kinds have highlighting off). */
    HIGHLIGHT,
    /**
     * The queries of {@link #TERMS_2_3} (last in this list, so that the
     * queries of the other kinds stay as they were before it was added) with Dateline's default (ranked) operator: any word matches,
     * stop words are dropped, articles with all the words rank first, adjacent words found near
     * each other score more. The peers cannot express it and run a plain OR of the words, so
     * their top hits are not compared with Dateline's.
     */
    TERMS_2_3_RANKED;

    /** Whether the query has no text, so that every engine must return the same hits. */
    public boolean filterOnly() {
      return this == ENTITY_NEWEST;
    }

    /** Whether Dateline runs the words with its ranked operator (the peers with plain OR). */
    public boolean ranked() {
      return this == TERMS_2_3_RANKED;
    }

    /** Whether Dateline and raw Lucene run the same Lucene query, so must return the same hits. */
    public boolean sameLuceneQuery() {
      return !ranked();
    }
  }

  public BenchQuery {
    Objects.requireNonNull(kind, "kind");
    words = List.copyOf(words);
    entities = List.copyOf(entities);
    if (words.isEmpty() && entities.isEmpty()) {
      throw new IllegalArgumentException("a benchmark query needs words or an entity filter");
    }
    if (limit < 1 || page < 1) {
      throw new IllegalArgumentException("limit and page must be positive");
    }
  }

  /** This query as another kind. */
  public BenchQuery withKind(Kind other) {
    return new BenchQuery(other, words, phrase, field, from, to, entities, newest, limit, page, highlight);
  }

  /** This query with snippets. */
  public BenchQuery withSnippets() {
    return new BenchQuery(kind, words, phrase, field, from, to, entities, newest, limit, page, true);
  }

  /** The hits skipped before this page. */
  public int offset() {
    return (page - 1) * limit;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(kind.name()).append('[');
    if (field != null) {
      sb.append(field.key()).append(':');
    }
    sb.append(phrase ? "\"" + String.join(" ", words) + "\"" : String.join(" ", words));
    if (from != null) {
      sb.append(" from ").append(from).append(" to ").append(to);
    }
    entities.forEach(e -> sb.append(' ').append(e.type().key()).append(":\"").append(e.name()).append('"'));
    sb.append(newest ? " newest" : "").append(" limit ").append(limit);
    if (page > 1) {
      sb.append(" page ").append(page);
    }
    return sb.append(highlight ? " highlight" : "").append(']').toString();
  }
}
