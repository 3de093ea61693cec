package dev.dateline.cli;

import dev.dateline.EntityExtractor;
import dev.dateline.IndexLockedException;
import dev.dateline.NewsIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --index DIR} option shared by the commands, and how they open the index. */
final class IndexOptions {
  @Option(names = "--index", required = true, paramLabel = "DIR", description = "Index directory.")
  Path dir;

  NewsIndex.Options options(boolean extract) {
    return options(extract, false);
  }

  NewsIndex.Options options(boolean extract, boolean stories) {
    return NewsIndex.Options.builder()
        .entityExtractor(extract ? EntityExtractor.standard() : EntityExtractor.none())
        .highlightTags(Output.PRE, Output.POST)
        .stories(stories)
        .build();
  }

  /** Checks that the index directory exists; a missing one is a usage error. */
  void requireExisting() {
    if (!Files.isDirectory(dir)) {
      throw new Main.UsageException("no index at " + dir + " (create one with: dateline index --index " + dir + " FILES)");
    }
  }

  /** Opens an existing index for reading; a missing one is a usage error. */
  NewsIndex openReadOnly() {
    requireExisting();
    return NewsIndex.openReadOnly(dir, options(true));
  }

  /** Opens the index for writing, creating it if needed; a locked index is exit code 4. */
  NewsIndex openForWriting(boolean extract) {
    return openForWriting(extract, false);
  }

  /**
   * Opens the index for writing, creating it if needed, detecting stories if it is new and
   * {@code stories} (an index with articles keeps the setting it was built with).
   */
  NewsIndex openForWriting(boolean extract, boolean stories) {
    try {
      return NewsIndex.open(dir, options(extract, stories));
    } catch (IndexLockedException e) {
      throw locked(dir);
    }
  }

  /** The message for an id the index does not hold. */
  String noArticle(String id) {
    return "no article with id '" + id + "' in " + dir;
  }

  static Main.Failure locked(Path dir) {
    return new Main.Failure(
        Main.EXIT_LOCKED, "another dateline process is writing to " + dir + "; wait for it to finish");
  }
}
