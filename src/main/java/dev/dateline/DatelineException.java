package dev.dateline;

/**
 * Base of every exception Dateline throws on purpose. Unchecked: callers decide where to handle it,
 * and the subclass says what went wrong (bad article, bad query, index trouble).
 */
public class DatelineException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DatelineException(String message) {
    super(message);
  }

  public DatelineException(String message, Throwable cause) {
    super(message, cause);
  }
}
