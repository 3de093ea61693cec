package dev.dateline;

/**
 * A search ran longer than {@link NewsIndex.Options#queryTimeout} and was stopped. Narrow the
 * query (fewer prefix/fuzzy terms, a date range) or raise the timeout with {@link
 * NewsIndex.Options.Builder#queryTimeout(java.time.Duration)}.
 */
public final class SearchTimeoutException extends DatelineException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for a search that was stopped.
   *
   * @param message one line for the person who ran the search; Dateline's own says the search was
   *     stopped and gives the timeout in milliseconds
   */
  public SearchTimeoutException(String message) {
    super(message);
  }
}
