package dev.dateline.cli;

import dev.dateline.ArticleFiles;
import dev.dateline.NewsIndex;
import dev.dateline.internal.Dates;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = {
      "Index article files: .jsonl (one article per line), .json (array or object), .txt (a scraped",
      "page). Directories are searched recursively. Bad records are reported as file:line: reason",
      "and skipped. Commits durably every --commit-every articles and at the end, printing",
      "'committed N' to stderr after each commit.",
      "Exit: 0 all indexed, 3 some inputs rejected (the rest are in), 2 usage error."
    })
final class IndexCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin IndexOptions index;

  @Option(names = "--published", paramLabel = "ISO", description = "Publication time for articles that have none.")
  String published;

  @Option(names = "--no-extract", description = "Do not extract entities from articles that come without them.")
  boolean noExtract;

  @Option(names = "--commit-every", paramLabel = "N", defaultValue = "10000", description = "Commit durably every N articles (default 10000).")
  int commitEvery;

  @Option(names = "--threads", paramLabel = "N", description = "Indexing threads (default: the number of cores, at most 4).")
  int threads = Math.min(4, Runtime.getRuntime().availableProcessors());

  @Option(names = "--json", description = "Print the summary as JSON.")
  boolean json;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files or directories to index.")
  List<Path> paths = new ArrayList<>();

  @Override
  public Integer call() {
    if (threads < 1 || threads > 64) {
      throw new Main.UsageException("--threads must be between 1 and 64");
    }
    if (commitEvery < 1) {
      throw new Main.UsageException("--commit-every must be at least 1");
    }
    for (Path p : paths) {
      if (!Files.exists(p)) {
        throw new Main.UsageException("no such file or directory: " + p);
      }
    }
    Instant defaultPublished = Dates.parseArticleDate("--published", published);
    ArticleFiles.Options read = ArticleFiles.Options.defaults().withDefaultPublished(defaultPublished);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Indexer.Summary s;
    try (NewsIndex idx = index.openForWriting(!noExtract)) {
      s = new Indexer(idx, read, commitEvery, threads, err).run(paths);
    }
    if (json) {
      out.println(
          Output.JSON.createObjectNode()
              .put("indexed", s.indexed())
              .put("updated", s.updated())
              .put("rejected", s.rejected())
              .put("seconds", Math.round(s.seconds() * 1000) / 1000.0));
    } else {
      out.printf(
          "indexed %d, updated %d, rejected %d in %.1f s%n", s.indexed(), s.updated(), s.rejected(), s.seconds());
    }
    out.flush();
    return s.rejected() > 0 ? Main.EXIT_REJECTED : Main.EXIT_OK;
  }
}
