package dev.dateline.cli;

import dev.dateline.ArticleFiles;
import dev.dateline.DatelineException;
import dev.dateline.IndexException;
import dev.dateline.NewsIndex;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Feeds article files into an index: rejects bad records one by one (reported as {@code
 * file:line: reason}), commits durably every {@code commitEvery} articles and at the end, printing
 * {@code committed N} after each commit, and reports progress every few seconds.
 */
final class Indexer {
  private static final long PROGRESS_NANOS = 5_000_000_000L;

  /** What a run did. {@code indexed} counts new articles, {@code updated} replaced ones. */
  record Summary(long indexed, long updated, long rejected, double seconds) {}

  private final NewsIndex index;
  private final ArticleFiles.Options readOptions;
  private final int commitEvery;
  private final PrintWriter err;

  Indexer(NewsIndex index, ArticleFiles.Options readOptions, int commitEvery, PrintWriter err) {
    this.index = index;
    this.readOptions = readOptions;
    this.commitEvery = commitEvery;
    this.err = err;
  }

  Summary run(List<Path> paths) {
    long start = System.nanoTime();
    long before = index.count();
    long accepted = 0;
    long rejected = 0;
    long sinceCommit = 0;
    long lastProgress = start;
    for (Path path : paths) {
      try (Stream<ArticleFiles.Record> records = ArticleFiles.stream(path, readOptions)) {
        for (ArticleFiles.Record record : (Iterable<ArticleFiles.Record>) records::iterator) {
          switch (record) {
            case ArticleFiles.Rejected r -> {
              rejected++;
              err.println(r);
            }
            case ArticleFiles.Parsed p -> {
              try {
                index.add(p.article());
                accepted++;
                sinceCommit++;
              } catch (IndexException e) {
                throw e;
              } catch (DatelineException e) {
                rejected++;
                err.println(p.location() + ": " + e.getMessage());
              }
            }
          }
          if (sinceCommit >= commitEvery) {
            commit(accepted);
            sinceCommit = 0;
          }
          long now = System.nanoTime();
          if (now - lastProgress >= PROGRESS_NANOS) {
            lastProgress = now;
            double secs = (now - start) / 1e9;
            err.printf("progress: %d articles, %d rejected, %.0f articles/s%n", accepted, rejected, accepted / secs);
            err.flush();
          }
        }
      }
    }
    commit(accepted);
    index.refresh();
    long added = index.count() - before;
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Summary(added, accepted - added, rejected, seconds);
  }

  private void commit(long accepted) {
    index.commit();
    err.println("committed " + accepted);
    err.flush();
  }
}
