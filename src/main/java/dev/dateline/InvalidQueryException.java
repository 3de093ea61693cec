package dev.dateline;

/**
 * A query that cannot be run: bad syntax, a date that is not a date ({@link
 * InvalidDateException}), an unknown field, a query over the configured {@link QueryLimits}, or a
 * bad request setting such as an empty entity filter or a page size out of range. {@link
 * #position()} is the 0-based character offset in the query text where the problem was found, or
 * -1 when the problem is not tied to a position (a bad {@code --from} date, say). The message is
 * one line, meant to be shown to the person who typed the query.
 */
public class InvalidQueryException extends DatelineException {
  private static final long serialVersionUID = 1L;

  /** 0-based character offset of the problem in the query text, or -1 when there is none. */
  private final int position;

  /**
   * Creates an exception for a problem that is not tied to a position in the query text;
   * {@link #position()} is -1.
   *
   * @param message what is wrong with the query, one line
   */
  public InvalidQueryException(String message) {
    this(message, -1);
  }

  /**
   * Creates an exception for a problem found at {@code position} in the query text. When {@code
   * position} is 0 or more, {@link #getMessage()} is {@code message} followed by {@code " (at
   * position N)"}; otherwise it is {@code message} alone.
   *
   * @param message what is wrong with the query, one line
   * @param position 0-based character offset in the query text, or -1 (any negative value means
   *     no position)
   */
  public InvalidQueryException(String message, int position) {
    super(position >= 0 ? message + " (at position " + position + ")" : message);
    this.position = position;
  }

  /**
   * Where in the query text the problem was found.
   *
   * @return the 0-based offset into the query text (counted in {@code char}s, as {@link
   *     String#charAt(int)} does), or the negative value given at construction (normally -1) when
   *     the problem has no position
   */
  public int position() {
    return position;
  }
}
