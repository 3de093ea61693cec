package dev.dateline;

/**
 * The index could not be opened for writing because another writer holds its lock: another {@link
 * NewsIndex} opened with {@link NewsIndex#open} in this process or in another one. Readers ({@link
 * NewsIndex#openReadOnly}) are never refused. Wait for the other writer to close, or open the
 * index read-only. The message names the index directory.
 */
public class IndexLockedException extends IndexException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was refused, naming the index directory
   * @param cause Lucene's lock failure, available from {@link #getCause()}
   */
  public IndexLockedException(String message, Throwable cause) {
    super(message, cause);
  }
}
