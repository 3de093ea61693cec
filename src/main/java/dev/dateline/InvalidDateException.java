package dev.dateline;

/**
 * A date filter that cannot be understood, such as {@code --from 2026-02-30} or {@code
 * before:soon}, a year outside 1000..9999, an unknown time zone, or a from bound that falls after
 * the to bound (an empty range). Being an {@link InvalidQueryException}, it is caught by handlers
 * of bad queries; {@link #position()} is -1 unless the date was written inline in the query text.
 */
public final class InvalidDateException extends InvalidQueryException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception for a date that is not tied to a position in the query text (a {@code
   * --from} or {@code --to} bound, a time zone); {@link #position()} is -1.
   *
   * @param message what is wrong with the date, one line
   */
  public InvalidDateException(String message) {
    super(message);
  }

  /**
   * Creates an exception for a date found at {@code position} in the query text. When {@code
   * position} is 0 or more, the message gets {@code " (at position N)"} appended.
   *
   * @param message what is wrong with the date, one line
   * @param position 0-based character offset in the query text, or -1 (any negative value means
   *     no position)
   */
  public InvalidDateException(String message, int position) {
    super(message, position);
  }
}
