package dev.dateline;

/**
 * Base of every exception Dateline throws on purpose. Unchecked: callers decide where to handle it,
 * and the subclass says what went wrong (bad article, bad query, index trouble). Programming errors
 * (a null argument, a setting out of range) are reported with the standard {@link
 * NullPointerException} and {@link IllegalArgumentException} instead.
 */
public class DatelineException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message and no cause.
   *
   * @param message what went wrong, one line meant for a person to read
   */
  public DatelineException(String message) {
    super(message);
  }

  /**
   * Creates an exception that wraps the failure which caused it (for instance a {@link
   * RuntimeException} thrown by an {@link EntityExtractor}).
   *
   * @param message what went wrong, one line meant for a person to read
   * @param cause the underlying failure, available from {@link #getCause()}; may be null
   */
  public DatelineException(String message, Throwable cause) {
    super(message, cause);
  }
}
