package dev.dateline.cli;

import dev.dateline.Article;
import dev.dateline.ArticleFiles;
import dev.dateline.DatelineException;
import dev.dateline.IndexException;
import dev.dateline.NewsIndex;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Feeds article files into an index: rejects bad records one by one (reported as {@code
 * file:line: reason}), commits durably every {@code commitEvery} articles and at the end, printing
 * {@code committed N} once after each commit (no commit, and no line, when nothing was added since
 * the last one), and reports progress every few seconds.
 *
 * <p>Articles are added by {@code threads} workers (entity extraction and analysis are CPU-bound
 * and parallelise). Articles with the same id always go to the same worker, in input order, so
 * the last of several records with one id wins, as with one thread. Before each commit the reader
 * waits until the workers have added everything read so far, so "committed N" means the first N
 * accepted articles of the input are durable.
 */
final class Indexer {
  private static final long PROGRESS_NANOS = 5_000_000_000L;
  private static final int QUEUE_CAPACITY = 256;

  /** What a run did. {@code indexed} counts new articles, {@code updated} replaced ones. */
  record Summary(long indexed, long updated, long rejected, double seconds) {}

  /** Work for one worker: an article to add, a barrier to count down, or the end. */
  private sealed interface Task {}

  private record Add(Article article, String location) implements Task {}

  private record Barrier(CountDownLatch latch) implements Task {}

  private record Stop() implements Task {}

  private final NewsIndex index;
  private final int commitEvery;
  private final int threads;
  private final PrintWriter err;
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
  /** Accepted articles at the last commit. */
  private long committed;

  Indexer(NewsIndex index, int commitEvery, int threads, PrintWriter err) {
    this.index = index;
    this.commitEvery = commitEvery;
    this.threads = threads;
    this.err = err;
  }

  /**
   * Reads the inputs in order and indexes their articles.
   *
   * @param inputs each opens the records of one input (see {@code ArticleFiles.stream})
   */
  Summary run(List<Supplier<Stream<ArticleFiles.Record>>> inputs) {
    long start = System.nanoTime();
    long before = index.count();
    List<BlockingQueue<Task>> queues = new ArrayList<>();
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      BlockingQueue<Task> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
      queues.add(queue);
      Thread worker = Thread.ofPlatform().name("dateline-indexer-" + i).daemon().start(() -> work(queue));
      workers.add(worker);
    }
    try {
      long sinceCommit = 0;
      long lastProgress = start;
      for (Supplier<Stream<ArticleFiles.Record>> input : inputs) {
        try (Stream<ArticleFiles.Record> records = input.get()) {
          for (ArticleFiles.Record record : (Iterable<ArticleFiles.Record>) records::iterator) {
            switch (record) {
              case ArticleFiles.Rejected r -> {
                rejected.incrementAndGet();
                report(r.toString());
              }
              case ArticleFiles.Parsed p -> {
                int worker = Math.floorMod(p.article().id().hashCode(), threads);
                put(queues.get(worker), new Add(p.article(), p.location()));
                sinceCommit++;
              }
            }
            RuntimeException failed = failure.get();
            if (failed != null) {
              throw failed;
            }
            if (sinceCommit >= commitEvery) {
              commit(queues);
              sinceCommit = 0;
            }
            long now = System.nanoTime();
            if (now - lastProgress >= PROGRESS_NANOS) {
              lastProgress = now;
              report(String.format("progress: %d articles, %d rejected, %.0f articles/s",
                  accepted.get(), rejected.get(), accepted.get() / ((now - start) / 1e9)));
            }
          }
        }
      }
      commit(queues);
    } finally {
      for (BlockingQueue<Task> q : queues) {
        q.clear();
        put(q, new Stop());
      }
    }
    index.refresh();
    long added = index.count() - before;
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Summary(added, accepted.get() - added, rejected.get(), seconds);
  }

  private void work(BlockingQueue<Task> queue) {
    while (true) {
      Task task;
      try {
        task = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      switch (task) {
        case Stop s -> {
          return;
        }
        case Barrier b -> b.latch().countDown();
        case Add a -> {
          if (failure.get() != null) {
            continue; // the run is failing: drain without writing
          }
          try {
            index.add(a.article());
            accepted.incrementAndGet();
          } catch (IndexException e) {
            failure.compareAndSet(null, e);
          } catch (DatelineException e) {
            rejected.incrementAndGet();
            report(a.location() + ": " + e.getMessage());
          } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
          }
        }
      }
    }
  }

  /**
   * Waits until every worker has processed all it was given, then commits if articles were added
   * since the last commit.
   */
  private void commit(List<BlockingQueue<Task>> queues) {
    CountDownLatch latch = new CountDownLatch(queues.size());
    for (BlockingQueue<Task> q : queues) {
      put(q, new Barrier(latch));
    }
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IndexException("interrupted while waiting for indexing threads");
    }
    RuntimeException failed = failure.get();
    if (failed != null) {
      throw failed;
    }
    long n = accepted.get();
    if (n == committed) {
      return;
    }
    index.commit();
    committed = n;
    report("committed " + n);
  }

  private static void put(BlockingQueue<Task> queue, Task task) {
    try {
      queue.put(task);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IndexException("interrupted while queueing articles");
    }
  }

  private void report(String line) {
    synchronized (err) {
      err.println(line);
      err.flush();
    }
  }
}
