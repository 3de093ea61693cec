package dev.dateline.opensearch;

import dev.dateline.IndexLockedException;

/**
 * A write to an index that detects stories was refused because another {@link NewsCluster} holds
 * the index's writer lease (or took it over from this one): one writing client per story index,
 * as one {@code NewsIndex} writer per directory. The message names the index and the holder (its
 * id, process, host and since when). Searches are never refused. If the holder is gone (its
 * process died without {@link NewsCluster#close()}), take the lease over with {@link
 * NewsCluster#takeOverWriterLease()} (or {@code dateline-cluster index --take-over}).
 *
 * <p>A subclass of the library's {@link IndexLockedException}, so code written against {@code
 * NewsStore} handles a locked embedded index and a leased cluster index alike.
 */
public final class WriterLeaseException extends IndexLockedException {
  private static final long serialVersionUID = 1L;

  private final String index;
  private final String holder;

  WriterLeaseException(String message, String index, String holder) {
    super(message, null);
    this.index = index;
    this.holder = holder;
  }

  /**
   * The index whose writer lease is held.
   *
   * @return the index name
   */
  public String index() {
    return index;
  }

  /**
   * The id of the writer that holds the lease ({@link NewsCluster#writerId()} of that store).
   *
   * @return the holder's id, as the lease document records it
   */
  public String holder() {
    return holder;
  }
}
