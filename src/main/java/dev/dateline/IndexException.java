package dev.dateline;

/**
 * The index itself failed: an I/O error, a corrupt or incompatible index, or the index is locked by
 * another writer. The message names the index directory.
 */
public class IndexException extends DatelineException {
  private static final long serialVersionUID = 1L;

  public IndexException(String message, Throwable cause) {
    super(message, cause);
  }

  public IndexException(String message) {
    super(message);
  }
}
