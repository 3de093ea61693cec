package dev.dateline.crash;

import dev.dateline.EntityExtractor;
import dev.dateline.IndexException;
import dev.dateline.NewsIndex;
import java.nio.file.Path;

/**
 * A process the crash tests start and kill: an application embedding a {@link NewsIndex}.
 *
 * <ul>
 *   <li>{@code write DIR FROM TO EVERY}: opens the index, adds corpus articles FROM..TO-1, and every
 *       EVERY articles prints {@code committing N}, commits, and prints {@code committed N} (N
 *       counts the articles of this run, which are ids FROM..FROM+N-1). Then waits for stdin to
 *       close, holding the index open, and closes it.
 *   <li>{@code probe DIR}: tries to open the index for writing; prints {@code opened} or {@code
 *       locked: message} and exits 0 or 3.
 * </ul>
 */
public final class CrashTestWriter {
  private CrashTestWriter() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[1]);
    NewsIndex.Options options =
        NewsIndex.Options.builder().entityExtractor(EntityExtractor.none()).ramBufferMb(1).build();
    if (args[0].equals("probe")) {
      try (NewsIndex index = NewsIndex.open(dir, options)) {
        System.out.println("opened " + index.count());
      } catch (IndexException e) {
        System.out.println("locked: " + e.getMessage());
        System.out.flush();
        System.exit(3);
      }
      return;
    }
    int from = Integer.parseInt(args[2]);
    int to = Integer.parseInt(args[3]);
    int every = Integer.parseInt(args[4]);
    try (NewsIndex index = NewsIndex.open(dir, options)) {
      System.out.println("started");
      System.out.flush();
      int n = 0;
      for (int i = from; i < to; i++) {
        index.add(CrashCorpus.article(i));
        n++;
        if (n % every == 0 || i == to - 1) {
          System.out.println("committing " + n);
          System.out.flush();
          index.commit();
          System.out.println("committed " + n);
          System.out.flush();
        }
      }
      System.out.println("done");
      System.out.flush();
      while (System.in.read() >= 0) {
        // hold the index open until the test closes our stdin
      }
    }
  }
}
