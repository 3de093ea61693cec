package dev.dateline;

/**
 * A story feature ({@link NewsQuery.Builder#collapse collapse}, {@link NewsIndex#timeline
 * timeline}) was asked of an index that does not detect stories. Story detection is chosen when an index is created ({@link
 * NewsIndex.Options.Builder#stories}); an index built without it must be rebuilt with it.
 */
public class StoriesNotEnabledException extends DatelineException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was asked of which index, one line
   */
  public StoriesNotEnabledException(String message) {
    super(message);
  }
}
