package dev.dateline;

/**
 * A search ran longer than {@link NewsIndex.Options#queryTimeout} and was stopped. Narrow the
 * query (fewer prefix/fuzzy terms, a date range) or raise the timeout.
 */
public final class SearchTimeoutException extends DatelineException {
  private static final long serialVersionUID = 1L;

  public SearchTimeoutException(String message) {
    super(message);
  }
}
