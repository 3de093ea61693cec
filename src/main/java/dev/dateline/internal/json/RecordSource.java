package dev.dateline.internal.json;

import dev.dateline.ArticleFiles;
import java.io.Closeable;
import java.io.IOException;

/**
 * The records of one input file, pulled one at a time. A source opens its file on the first call to
 * {@link #next()}, so unopened sources are cheap. Not thread-safe.
 */
interface RecordSource extends Closeable {

  /**
   * The next record, or null when there are no more. Problems with the input are returned as
   * {@link ArticleFiles.Rejected} records, never thrown.
   */
  ArticleFiles.Record next();

  /** Releases the file, if open. Safe to call more than once. */
  @Override
  void close() throws IOException;

  /** A source of exactly one record that reads nothing, e.g. for a file that cannot be listed. */
  static RecordSource of(ArticleFiles.Record record) {
    return new RecordSource() {
      private boolean done;

      @Override
      public ArticleFiles.Record next() {
        if (done) {
          return null;
        }
        done = true;
        return record;
      }

      @Override
      public void close() {
        done = true;
      }
    };
  }
}
