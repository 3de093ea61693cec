package dev.dateline.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dateline.EntityExtractor;
import dev.dateline.IndexException;
import dev.dateline.IndexLockedException;
import dev.dateline.NewsIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One writer per directory: a second one, in this JVM or another process, gets a clear {@link
 * IndexException} and changes nothing; a writer killed while holding the lock does not block the
 * next one (Lucene's NativeFSLockFactory: the operating system releases the lock with the process).
 */
class WriteLockTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final NewsIndex.Options OPTIONS =
      NewsIndex.Options.builder().entityExtractor(EntityExtractor.none()).build();

  @Test
  void secondWriterInSameJvm_getsIndexException_andTheFirstCarriesOn(@TempDir Path dir)
      throws Exception {
    try (NewsIndex first = NewsIndex.open(dir, OPTIONS)) {
      first.add(CrashCorpus.article(0));
      first.commit();
      assertThatThrownBy(() -> NewsIndex.open(dir, OPTIONS))
          .isInstanceOf(IndexLockedException.class)
          .hasMessage("index at " + dir + " is locked: another NewsIndex (in this or another"
              + " process) has it open for writing; open it read-only or close the other writer");
      // Readers may open beside the writer.
      try (NewsIndex reader = NewsIndex.openReadOnly(dir, OPTIONS)) {
        assertThat(reader.count()).isEqualTo(1);
      }
      first.add(CrashCorpus.article(1));
    }
    assertThat(CrashChecks.verify(dir, 2)).isEqualTo(2);
  }

  @Test
  void secondWriterInAnotherProcess_getsIndexException(@TempDir Path dir) throws Exception {
    try (Child writer = Child.start(CrashTestWriter.class, "write", dir.toString(), "0", "200", "50")) {
      assertThat(writer.await("done"::equals, WAIT)).as(writer.output()).isNotNull();
      // The child holds the index open: this JVM cannot write...
      assertThatThrownBy(() -> NewsIndex.open(dir, OPTIONS))
          .isInstanceOf(IndexLockedException.class)
          .hasMessageContaining("is locked");
      // ...but can read its commits.
      try (NewsIndex reader = NewsIndex.openReadOnly(dir, OPTIONS)) {
        assertThat(reader.count()).isEqualTo(200);
      }
      writer.process.getOutputStream().close();
      assertThat(writer.waitFor(WAIT)).isZero();
    }
    // And the other way round: this JVM writes, a probe process is refused.
    try (NewsIndex index = NewsIndex.open(dir, OPTIONS)) {
      index.add(CrashCorpus.article(200));
      try (Child probe = Child.start(CrashTestWriter.class, "probe", dir.toString())) {
        assertThat(probe.waitFor(WAIT)).as(probe.output()).isEqualTo(3);
        assertThat(probe.output()).contains("locked: index at " + dir + " is locked");
      }
    }
    assertThat(CrashChecks.verify(dir, 201)).isEqualTo(201);
  }

  @Test
  void lockOfAKilledWriter_doesNotBlockTheNextOne(@TempDir Path dir) throws Exception {
    try (Child writer = Child.start(CrashTestWriter.class, "write", dir.toString(), "0", "100", "100")) {
      assertThat(writer.await("done"::equals, WAIT)).as(writer.output()).isNotNull();
      writer.kill();
    }
    // The lock file is still there; the lock itself died with the process.
    assertThat(Files.exists(dir.resolve("write.lock"))).isTrue();
    try (NewsIndex index = NewsIndex.open(dir, OPTIONS)) {
      assertThat(index.count()).isEqualTo(100);
    }
    try (Child probe = Child.start(CrashTestWriter.class, "probe", dir.toString())) {
      assertThat(probe.waitFor(WAIT)).as(probe.output()).isZero();
      assertThat(probe.output()).contains("opened 100");
    }
  }
}
