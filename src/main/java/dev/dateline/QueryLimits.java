package dev.dateline;

/**
 * Bounds on the query text, so that a hostile or runaway query fails fast with an {@link
 * InvalidQueryException} instead of exhausting the machine. The defaults ({@link #DEFAULT}) suit
 * interactive search; raise them for machine-generated queries.
 *
 * <p>Set them per query with {@link NewsQuery.Builder#parserLimits(QueryLimits)}. They apply to the
 * query text only, not to filters set on the builder. Immutable and thread-safe.
 *
 * @param maxLength longest accepted query text, in characters ({@code char}s, as {@link
 *     String#length()} counts; default 10,000)
 * @param maxClauses most words, phrases and inline filters in one query (default 1,024)
 * @param maxDepth deepest nesting of parenthesised groups and negations ({@code NOT}, {@code -},
 *     {@code !}) (default 32)
 */
public record QueryLimits(int maxLength, int maxClauses, int maxDepth) {
  /** The defaults: 10,000 characters, 1,024 clauses, 32 levels of nesting. */
  public static final QueryLimits DEFAULT = new QueryLimits(10_000, 1024, 32);

  /**
   * Validates the limits.
   *
   * @throws IllegalArgumentException if any limit is less than 1
   */
  public QueryLimits {
    if (maxLength < 1 || maxClauses < 1 || maxDepth < 1) {
      throw new IllegalArgumentException("query limits must be positive");
    }
  }
}
