package dev.dateline;

/**
 * A query that cannot be run: bad syntax, a date that is not a date, an unknown field, or a query
 * over the configured limits. {@link #position()} is the 0-based character offset in the query text
 * where the problem was found, or -1 when the problem is not tied to a position (a bad
 * {@code --from} date, say). The message is one line, meant to be shown to the person who typed
 * the query.
 */
public class InvalidQueryException extends DatelineException {
  private static final long serialVersionUID = 1L;

  private final int position;

  public InvalidQueryException(String message) {
    this(message, -1);
  }

  public InvalidQueryException(String message, int position) {
    super(position >= 0 ? message + " (at position " + position + ")" : message);
    this.position = position;
  }

  /** 0-based offset into the query text, or -1. */
  public int position() {
    return position;
  }
}
