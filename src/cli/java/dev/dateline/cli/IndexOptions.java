package dev.dateline.cli;

import dev.dateline.EntityExtractor;
import dev.dateline.NewsIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --index DIR} option shared by the commands, and how they open the index. */
final class IndexOptions {
  @Option(names = "--index", required = true, paramLabel = "DIR", description = "Index directory.")
  Path dir;

  NewsIndex.Options options(boolean extract) {
    return NewsIndex.Options.builder()
        .entityExtractor(extract ? EntityExtractor.standard() : EntityExtractor.none())
        .highlightTags(Output.PRE, Output.POST)
        .build();
  }

  /** Opens an existing index for reading; a missing one is a usage error. */
  NewsIndex openReadOnly() {
    if (!Files.isDirectory(dir)) {
      throw new Main.UsageException("no index at " + dir + " (create one with: dateline index --index " + dir + " FILES)");
    }
    return NewsIndex.openReadOnly(dir, options(true));
  }

  NewsIndex openForWriting(boolean extract) {
    return NewsIndex.open(dir, options(extract));
  }
}
