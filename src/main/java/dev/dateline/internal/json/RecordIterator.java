package dev.dateline.internal.json;

import dev.dateline.ArticleFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The records of all input files under a path, in order, behind {@code ArticleFiles.stream}. The
 * path is walked on the first call to {@link #hasNext()}; each file is opened when its turn comes
 * and closed when it is exhausted. Not thread-safe.
 */
public final class RecordIterator implements Iterator<ArticleFiles.Record> {
  private final Path root;
  private final ArticleFiles.Options options;
  private Deque<RecordSource> pending;
  private RecordSource current;
  private ArticleFiles.Record next;
  private boolean closed;

  public RecordIterator(Path root, ArticleFiles.Options options) {
    this.root = root;
    this.options = options;
  }

  @Override
  public boolean hasNext() {
    if (next != null) {
      return true;
    }
    if (closed) {
      return false;
    }
    if (pending == null) {
      pending = new ArrayDeque<>(new InputWalker(options).sources(root));
    }
    while (true) {
      if (current == null) {
        current = pending.poll();
        if (current == null) {
          return false;
        }
      }
      ArticleFiles.Record record = current.next();
      if (record != null) {
        next = record;
        return true;
      }
      RecordSource finished = current;
      current = null;
      close(finished);
    }
  }

  @Override
  public ArticleFiles.Record next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    ArticleFiles.Record record = next;
    next = null;
    return record;
  }

  /**
   * Closes the file being read, if any; the iterator then has no more records.
   *
   * @throws UncheckedIOException if closing the file fails
   */
  public void closeUnchecked() {
    closed = true;
    next = null;
    if (pending != null) {
      pending.clear();
    }
    RecordSource open = current;
    current = null;
    if (open != null) {
      close(open);
    }
  }

  private static void close(RecordSource source) {
    try {
      source.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close input file", e);
    }
  }
}
