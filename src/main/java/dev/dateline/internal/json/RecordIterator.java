package dev.dateline.internal.json;

import dev.dateline.ArticleFiles;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * The records of all input files under a path, or of one stream, in order, behind {@code
 * ArticleFiles.stream}. The path is walked on the first call to {@link #hasNext()}; each file is
 * opened when its turn comes and closed when it is exhausted. Not thread-safe.
 */
public final class RecordIterator implements Iterator<ArticleFiles.Record> {
  private final Supplier<List<RecordSource>> sources;
  /** Closed with the iterator, read or not: a stream handed in by the caller. */
  private final Closeable owned;
  private Deque<RecordSource> pending;
  private RecordSource current;
  private ArticleFiles.Record next;
  private boolean closed;

  private RecordIterator(Supplier<List<RecordSource>> sources, Closeable owned) {
    this.sources = sources;
    this.owned = owned;
  }

  /** The records of the file {@code root}, or of the input files under the directory {@code root}. */
  public static RecordIterator of(Path root, ArticleFiles.Options options) {
    return new RecordIterator(() -> new InputWalker(options).sources(root), null);
  }

  /**
   * The records of a stream, in the format its {@code name} implies (JSON Lines for names without
   * an input extension); the stream is closed with the iterator.
   */
  public static RecordIterator of(InputStream in, String name, ArticleFiles.Options options) {
    return new RecordIterator(() -> List.of(new InputWalker(options).streamSource(in, name)), in);
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
      pending = new ArrayDeque<>(sources.get());
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
    try {
      if (open != null) {
        close(open);
      }
    } finally {
      if (owned != null) {
        close(owned);
      }
    }
  }

  private static void close(Closeable source) {
    try {
      source.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close input file", e);
    }
  }
}
