package dev.dateline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several threads search (text, phrases, fields, entity/source/section filters, date ranges, every
 * sort, cursor pagination) while one thread adds, updates and deletes, refreshing and committing.
 * The run is bounded by counts, never by time: the writer does {@link #WRITE_OPS} seeded operations
 * and each reader at least {@link #MIN_SEARCHES_PER_READER} searches, however fast the machine. Checks: no exception anywhere; no stale read (an article added before a
 * {@code refresh()} returned is found by every search that starts afterwards); at the end the index
 * holds exactly the model's articles; and nothing leaks: the process has no more open files after
 * close than before open, and the directory can be deleted and a new writer opened on it.
 */
class ConcurrencyStressTest {
  private static final long SEED = 20260204L;
  private static final int WRITE_OPS = 6_000;
  private static final int MIN_SEARCHES_PER_READER = 150;
  private static final int OPS_BEFORE_CLOSE = 100;
  private static final long HANG_GUARD_MILLIS = 300_000;
  private static final int READERS = 3;
  private static final String[] WORDS = {
    "talks", "ceasefire", "truce", "energy", "grid", "rates", "inflation", "storm", "flood",
    "election", "budget", "peace", "kyiv", "summit", "market"
  };
  private static final String[] SOURCES = {"The Straits Times", "Example Herald", "Reuters"};
  private static final String[] SECTIONS = {"World", "Business", "Asia"};
  private static final String[] PEOPLE = {"Jane Doe", "Rustem Umerov", "Marisol Vergara"};
  private static final NewsIndex.Options OPTIONS =
      NewsIndex.Options.builder().entityExtractor(EntityExtractor.none()).ramBufferMb(2).build();

  private static Article article(String id, Random r, String extraWord) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      body.append(WORDS[r.nextInt(WORDS.length)]).append(' ');
    }
    return Article.builder()
        .id(id)
        .source(SOURCES[r.nextInt(SOURCES.length)])
        .section(SECTIONS[r.nextInt(SECTIONS.length)])
        .headline(WORDS[r.nextInt(WORDS.length)] + " " + WORDS[r.nextInt(WORDS.length)] + " " + extraWord)
        .body(List.of(body.toString().strip()))
        .published(Instant.parse("2026-02-01T00:00:00Z").plusSeconds(r.nextInt(28 * 86400)))
        .entities(List.of(Entity.of(EntityType.PERSON, PEOPLE[r.nextInt(PEOPLE.length)])))
        .build();
  }

  private static long openFiles() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    }
  }

  @Test
  void searchesDuringWritesRefreshesAndCommits_noErrorsNoStaleReadsNoLeaks(@TempDir Path dir)
      throws Exception {
    long filesBefore = openFiles();
    Map<String, Article> model = new HashMap<>(); // only the writer thread touches it
    ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong visibleFresh = new AtomicLong(-1); // fresh-N for N <= this must be visible
    AtomicLong searches = new AtomicLong();
    AtomicLong pages = new AtomicLong();
    long writes;

    NewsIndex index = NewsIndex.open(dir, OPTIONS);
    try {
      Random seedRandom = new Random(SEED);
      for (int i = 0; i < 500; i++) {
        Article a = article("a" + i, seedRandom, "seed");
        index.add(a);
        model.put(a.id(), a);
      }
      index.commit();
      index.refresh();

      List<Thread> readers = new ArrayList<>();
      for (int t = 0; t < READERS; t++) {
        long readerSeed = SEED + 1 + t;
        Thread reader =
            new Thread(
                () -> {
                  Random r = new Random(readerSeed);
                  long mine = 0;
                  while (!stop.get() || mine < MIN_SEARCHES_PER_READER) {
                    try {
                      long fresh = visibleFresh.get();
                      if (fresh >= 0) {
                        long n = r.nextLong(fresh + 1);
                        String id = "fresh-" + n;
                        if (index.get(id).isEmpty()) {
                          throw new AssertionError("stale read: " + id + " was refreshed but get() misses it");
                        }
                        if (index.search("headline:fresh" + n).total() != 1) {
                          throw new AssertionError("stale read: search misses " + id);
                        }
                      }
                      pages.addAndGet(randomSearch(index, r));
                      searches.incrementAndGet();
                      mine++;
                    } catch (Throwable e) {
                      errors.add(e);
                      return;
                    }
                  }
                },
                "reader-" + t);
        reader.start();
        readers.add(reader);
      }

      Random r = new Random(SEED - 1);
      long fresh = 0;
      long ops = 0;
      try {
        while (ops < WRITE_OPS && errors.isEmpty()) {
          ops++;
          int op = r.nextInt(100);
          if (op < 40) {
            Article a = article("a" + r.nextInt(5000), r, "added");
            index.add(a);
            model.put(a.id(), a);
          } else if (op < 65) {
            String id = "a" + r.nextInt(5000);
            Article a = article(id, r, "updated");
            index.update(a);
            model.put(id, a);
          } else if (op < 89) {
            String id = "a" + r.nextInt(5000);
            index.delete(id);
            model.remove(id);
          } else if (op < 94) {
            Article a = article("fresh-" + fresh, r, "fresh" + fresh);
            index.add(a);
            model.put(a.id(), a);
            index.refresh();
            visibleFresh.set(fresh); // every search that starts now must see it
            fresh++;
          } else if (op < 99) {
            index.refresh();
          } else {
            index.commit();
          }
        }
      } finally {
        writes = ops;
        stop.set(true);
        for (Thread t : readers) {
          t.join(HANG_GUARD_MILLIS); // a guard against a deadlock, not a speed check
          assertThat(t.isAlive()).as("reader %s hangs", t.getName()).isFalse();
        }
      }
      if (!errors.isEmpty()) {
        AssertionError e = new AssertionError(errors.size() + " errors; first: " + errors.peek());
        errors.forEach(e::addSuppressed);
        throw e;
      }

      index.refresh();
      assertThat(index.count()).isEqualTo(model.size());
      for (Article expected : model.values()) {
        assertThat(index.get(expected.id())).as(expected.id()).contains(expected);
      }
      SearchResults all = index.search(NewsQuery.builder().limit(1).build());
      if (model.size() <= OPTIONS.totalHitsThreshold()) {
        assertThat(all.total()).isEqualTo(model.size());
        assertThat(all.totalIsExact()).isTrue();
      } else {
        // Past the threshold the total is the threshold, as a lower bound.
        assertThat(all.total()).isEqualTo(OPTIONS.totalHitsThreshold());
        assertThat(all.totalIsExact()).isFalse();
      }
      assertThat(index.count(NewsQuery.builder().build())).isEqualTo(model.size());
      System.out.printf(
          "stress: %d writes, %d searches, %d pages, %d fresh, %d articles%n",
          writes, searches.get(), pages.get(), fresh, model.size());
      assertThat(writes).isEqualTo(WRITE_OPS);
      assertThat(searches.get()).isGreaterThanOrEqualTo(READERS * MIN_SEARCHES_PER_READER);
      assertThat(fresh).as("seeded: the op sequence refreshes fresh articles").isGreaterThan(10);
    } finally {
      index.close();
    }

    // Lucene agrees the index is sound.
    try (org.apache.lucene.store.Directory d = org.apache.lucene.store.FSDirectory.open(dir);
        org.apache.lucene.index.CheckIndex check = new org.apache.lucene.index.CheckIndex(d)) {
      assertThat(check.checkIndex().clean).isTrue();
    }
    // Closed means closed: calls fail typed, and no file stays open.
    assertThatThrownBy(() -> index.search("talks")).isInstanceOf(IndexException.class);
    assertThat(openFiles()).isLessThanOrEqualTo(filesBefore + 2);
    // The directory can be emptied and a new writer opened on it; the old data is durable.
    try (NewsIndex again = NewsIndex.open(dir, OPTIONS)) {
      assertThat(again.count()).isEqualTo(model.size());
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    try (NewsIndex fresh = NewsIndex.open(dir, OPTIONS)) {
      assertThat(fresh.count()).isZero();
    }
    assertThat(openFiles()).isLessThanOrEqualTo(filesBefore + 2);
  }

  @Test
  void closeDuringSearchesAndWrites_onlyTypedErrors(@TempDir Path dir) throws Exception {
    long filesBefore = openFiles();
    NewsIndex index = NewsIndex.open(dir, OPTIONS);
    Random seedRandom = new Random(SEED);
    for (int i = 0; i < 300; i++) {
      index.add(article("a" + i, seedRandom, "seed"));
    }
    index.refresh();
    ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
    AtomicLong afterClose = new AtomicLong();
    AtomicBoolean closed = new AtomicBoolean();
    CountDownLatch warmedUp = new CountDownLatch(4); // each thread's first OPS_BEFORE_CLOSE ops
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      long threadSeed = SEED + t;
      boolean writes = t == 0;
      Thread thread =
          new Thread(
              () -> {
                Random r = new Random(threadSeed);
                long ops = 0;
                while (afterClose.get() < 50) {
                  if (++ops == OPS_BEFORE_CLOSE) {
                    warmedUp.countDown();
                  }
                  try {
                    if (writes) {
                      index.add(article("w" + r.nextInt(1000), r, "late"));
                      if (r.nextInt(10) == 0) {
                        index.refresh();
                      }
                    } else {
                      randomSearch(index, r);
                      index.get("a" + r.nextInt(300));
                    }
                  } catch (IndexException e) {
                    if (!closed.get()) {
                      errors.add(e); // only a closed index may refuse
                    }
                  } catch (Throwable e) {
                    errors.add(e);
                    warmedUp.countDown(); // never leave the main thread waiting for a dead thread
                    return;
                  }
                  if (closed.get()) {
                    afterClose.incrementAndGet();
                  }
                }
              });
      thread.start();
      threads.add(thread);
    }
    warmedUp.await(); // close while every thread is busy, not after a fixed time
    closed.set(true);
    index.close();
    for (Thread t : threads) {
      t.join(HANG_GUARD_MILLIS); // a guard against a deadlock, not a speed check
      assertThat(t.isAlive()).as("thread hangs after close").isFalse();
    }
    if (!errors.isEmpty()) {
      AssertionError e = new AssertionError(errors.size() + " errors; first: " + errors.peek());
      errors.forEach(e::addSuppressed);
      throw e;
    }
    assertThat(openFiles()).isLessThanOrEqualTo(filesBefore + 2);
    try (NewsIndex again = NewsIndex.open(dir, OPTIONS)) {
      assertThat(again.count()).isGreaterThanOrEqualTo(300);
    }
  }

  /** One random search, following its cursor for a few pages; returns the pages read. */
  private static int randomSearch(NewsIndex index, Random r) {
    NewsQuery.Builder b = NewsQuery.builder().limit(1 + r.nextInt(25)).highlight(r.nextInt(4) == 0);
    switch (r.nextInt(6)) {
      case 0 -> b.text(WORDS[r.nextInt(WORDS.length)]);
      case 1 -> b.text("\"" + WORDS[r.nextInt(WORDS.length)] + " " + WORDS[r.nextInt(WORDS.length)] + "\"");
      case 2 -> b.text("headline:" + WORDS[r.nextInt(WORDS.length)] + " OR body:" + WORDS[r.nextInt(WORDS.length)]);
      case 3 -> b.text(WORDS[r.nextInt(WORDS.length)].substring(0, 3) + "* -" + WORDS[r.nextInt(WORDS.length)]);
      case 4 -> b.text(WORDS[r.nextInt(WORDS.length)] + "~1 person:\"" + PEOPLE[r.nextInt(PEOPLE.length)] + "\"");
      default -> { } // filters only
    }
    if (r.nextBoolean()) {
      int from = 1 + r.nextInt(20);
      b.from("2026-02-" + String.format("%02d", from)).to("2026-02-" + String.format("%02d", from + r.nextInt(8)));
    }
    if (r.nextInt(3) == 0) {
      b.source(SOURCES[r.nextInt(SOURCES.length)]);
    }
    if (r.nextInt(3) == 0) {
      b.section(SECTIONS[r.nextInt(SECTIONS.length)]);
    }
    if (r.nextInt(4) == 0) {
      b.person(PEOPLE[r.nextInt(PEOPLE.length)]);
    }
    SortOrder sort = SortOrder.values()[r.nextInt(SortOrder.values().length)];
    b.sort(sort);
    NewsQuery q = b.build();
    int read = 0;
    for (int page = 0; page < 4; page++) {
      SearchResults results = index.search(q);
      read++;
      List<SearchHit> hits = results.hits();
      assertThat(hits.size()).isLessThanOrEqualTo(q.limit());
      if (sort == SortOrder.NEWEST) {
        assertThat(hits).isSortedAccordingTo(Comparator.comparing(SearchHit::published).reversed());
      } else if (sort == SortOrder.OLDEST) {
        assertThat(hits).isSortedAccordingTo(Comparator.comparing(SearchHit::published));
      } else {
        assertThat(hits).isSortedAccordingTo(Comparator.comparing(SearchHit::score).reversed());
      }
      if (results.next() == null) {
        break;
      }
      q = q.after(results.next());
    }
    return read;
  }
}
