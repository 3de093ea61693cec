package dev.dateline;

/**
 * Bounds on the query text, so that a hostile or runaway query fails fast with an {@link
 * InvalidQueryException} instead of exhausting the machine. The defaults ({@link #DEFAULT}) suit
 * interactive search; raise them for machine-generated queries.
 *
 * @param maxLength longest accepted query text, in characters (default 10,000)
 * @param maxClauses most words, phrases and filters in one query (default 1,024)
 * @param maxDepth deepest nesting of groups and NOTs (default 32)
 */
public record QueryLimits(int maxLength, int maxClauses, int maxDepth) {
  public static final QueryLimits DEFAULT = new QueryLimits(10_000, 1024, 32);

  public QueryLimits {
    if (maxLength < 1 || maxClauses < 1 || maxDepth < 1) {
      throw new IllegalArgumentException("query limits must be positive");
    }
  }
}
