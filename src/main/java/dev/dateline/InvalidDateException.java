package dev.dateline;

/** A date filter that cannot be understood, such as {@code --from 2026-02-30} or {@code before:soon}. */
public final class InvalidDateException extends InvalidQueryException {
  private static final long serialVersionUID = 1L;

  public InvalidDateException(String message) {
    super(message);
  }

  public InvalidDateException(String message, int position) {
    super(message, position);
  }
}
