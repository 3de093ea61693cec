package dev.dateline.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dateline.ArticleFiles;
import dev.dateline.cli.Main;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line {@code index} command, run as a real child process over a large JSON Lines
 * file, is SIGKILLed at seeded random points: before its first {@code committed N} line and at
 * random moments after later ones. After each kill the index must pass CheckIndex, reopen for
 * writing without repair, contain at least the first N articles of the file for the last {@code
 * committed N} printed, and every article in it must equal, field for field, the record written
 * to the file.
 */
class CliCrashTest {
  private static final long SEED = 0xC11_C0DEL;
  private static final int ARTICLES = 30_000;
  private static final int COMMIT_EVERY = 5_000;
  private static final Duration WAIT = Duration.ofSeconds(120);

  @Test
  void indexCommandKilledAtRandomPoints_keepsEveryCommittedArticleWhole(@TempDir Path tmp)
      throws Exception {
    Path input = tmp.resolve("big.jsonl");
    try (ArticleFiles.JsonLinesWriter w = ArticleFiles.newJsonLinesWriter(input)) {
      for (int i = 0; i < ARTICLES; i++) {
        w.write(CrashCorpus.article(i));
      }
    }
    Path dir = tmp.resolve("index");
    Random random = new Random(SEED);
    long durable = 0;
    // 0: before any commit; then after the 1st or 2nd, and the 3rd or 4th "committed N" line,
    // plus a random delay. (--commit-every makes several commits out of a file that is quick to
    // index several times; the default, 10,000, behaves the same.)
    int[] afterCommits = {0, 1 + random.nextInt(2), 3 + random.nextInt(2)};
    for (int run = 0; run < afterCommits.length; run++) {
      try (Child cli =
          Child.start(
              Main.class, "index", "--index", dir.toString(), "--no-extract", "--commit-every", "" + COMMIT_EVERY,
              input.toString())) {
        if (afterCommits[run] == 0) {
          Thread.sleep(random.nextInt(500));
          assertThat(cli.lastCommitted()).as("killed before any commit").isEqualTo(-1);
        } else {
          long n = (long) COMMIT_EVERY * afterCommits[run];
          assertThat(cli.await(("committed " + n)::equals, WAIT)).as(cli.output()).isNotNull();
          Thread.sleep(random.nextInt(1000));
        }
        cli.kill();
        long acknowledged = cli.lastCommitted();
        durable = Math.max(durable, acknowledged);
        long present = CrashChecks.verify(dir, durable);
        System.out.printf(
            "cli crash run %d: acknowledged %d, present %d%n", run, acknowledged, present);
        if (afterCommits[run] > 0) {
          assertThat(acknowledged).isGreaterThanOrEqualTo((long) COMMIT_EVERY * afterCommits[run]);
        }
      }
    }
  }
}
