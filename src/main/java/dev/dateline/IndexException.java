package dev.dateline;

/**
 * The index itself failed: an I/O error, a corrupt or incompatible index, or the index is locked by
 * another writer ({@link IndexLockedException}). The message names the index directory.
 */
public class IndexException extends DatelineException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception for an index failure reported by Lucene or the file system.
   *
   * @param message what failed, naming the index directory
   * @param cause the underlying exception (typically an {@link java.io.IOException} or a Lucene
   *     exception such as a lock or format error), available from {@link #getCause()}; may be null
   */
  public IndexException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Creates an exception for an index that cannot be used as asked and has no underlying cause,
   * such as a write to an index opened read-only or any call after it was closed.
   *
   * @param message what failed, naming the index directory
   */
  public IndexException(String message) {
    super(message);
  }
}
