package dev.dateline.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application embedding a {@link dev.dateline.NewsIndex} ({@link CrashTestWriter}) is
 * SIGKILLed at seeded random moments: before its first commit, in the middle of a commit (right
 * after it announced one), and between commits. Each time the index must reopen without repair,
 * pass CheckIndex, and hold every article of every acknowledged commit, whole.
 */
class EmbeddedCrashTest {
  private static final long SEED = 0x5EED_C0DEL;
  private static final int ARTICLES = 600;
  private static final int EVERY = 50;
  private static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void killedAtRandomMoments_reopensWithEveryAcknowledgedArticleWhole(@TempDir Path dir)
      throws Exception {
    Random random = new Random(SEED);
    long durable = 0; // the most articles any run acknowledged (each run writes ids 0..)
    boolean killedBeforeFirstCommit = false;
    boolean killedDuringCommit = false;
    boolean killedBetweenCommits = false;
    for (int run = 0; run < 6; run++) {
      String moment;
      try (Child child =
          Child.start(CrashTestWriter.class, "write", dir.toString(), "0", "" + ARTICLES, "" + EVERY)) {
        assertThat(child.await("started"::equals, WAIT)).as(child.output()).isNotNull();
        if (run == 0) {
          moment = "before the first commit";
          Thread.sleep(random.nextInt(3));
        } else {
          int k = EVERY * (1 + random.nextInt(ARTICLES / EVERY - 1));
          if (run % 2 == 1) {
            moment = "during commit " + k;
            assertThat(child.await(("committing " + k)::equals, WAIT)).as(child.output()).isNotNull();
            Thread.sleep(random.nextInt(4));
          } else {
            moment = "after commit " + k;
            assertThat(child.await(("committed " + k)::equals, WAIT)).as(child.output()).isNotNull();
            Thread.sleep(random.nextInt(30));
          }
        }
        child.kill();
        long acknowledged = child.lastCommitted();
        String out = child.output();
        String last = out.substring(out.lastIndexOf('\n') + 1);
        if (acknowledged < 0) {
          killedBeforeFirstCommit = true;
        } else if (last.startsWith("committing")) {
          killedDuringCommit = true; // announced a commit, never confirmed it
          moment += " (inside the next commit)";
        } else {
          killedBetweenCommits = true;
        }
        durable = Math.max(durable, acknowledged);
        long present = CrashChecks.verify(dir, durable);
        System.out.printf(
            "embedded crash run %d, killed %s: acknowledged %d, present %d%n",
            run, moment, acknowledged, present);
      }
    }
    assertThat(killedBeforeFirstCommit).isTrue();
    assertThat(killedDuringCommit || killedBetweenCommits).isTrue();

    // A last run completes and closes cleanly: everything is there.
    try (Child child =
        Child.start(CrashTestWriter.class, "write", dir.toString(), "0", "" + ARTICLES, "" + EVERY)) {
      assertThat(child.await("done"::equals, WAIT)).as(child.output()).isNotNull();
      child.process.getOutputStream().close();
      assertThat(child.waitFor(WAIT)).as(child.output()).isZero();
    }
    assertThat(CrashChecks.verify(dir, ARTICLES)).isEqualTo(ARTICLES);
  }
}
