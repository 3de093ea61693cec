package dev.dateline.cli;

import dev.dateline.ArticleFiles;
import dev.dateline.NewsIndex;
import dev.dateline.NewsQuery;
import dev.dateline.SortOrder;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Index the bundled sample articles and run a few showcase searches.")
final class DemoCommand implements Callable<Integer> {
  private static final ZoneId UTC = ZoneId.of("UTC");
  static final String SAMPLE = "demo-articles.jsonl";

  @Spec CommandSpec spec;

  @Option(names = "--index", paramLabel = "DIR", description = "Keep the demo index here (default: a temporary directory, deleted afterwards).")
  Path dir;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Path work = Files.createTempDirectory("dateline-demo");
    try {
      Path sample = work.resolve(SAMPLE);
      try (InputStream in = DemoCommand.class.getResourceAsStream(SAMPLE)) {
        Files.copy(in, sample, StandardCopyOption.REPLACE_EXISTING);
      }
      Path indexDir = dir != null ? dir : work.resolve("index");
      IndexOptions opts = new IndexOptions();
      opts.dir = indexDir;
      try (NewsIndex index = NewsIndex.open(indexDir, opts.options(true))) {
        Indexer.Summary s =
            new Indexer(index, ArticleFiles.Options.defaults(), 10_000, 1, new PrintWriter(PrintWriter.nullWriter()))
                .run(List.of(sample));
        out.printf("Indexed %d sample articles into %s%n", s.indexed() + s.updated(), indexDir);
        boolean ansi = Output.ansi();
        show(out, index, ansi, "dateline search \"peace talks\"", NewsQuery.of("\"peace talks\""));
        show(out, index, ansi, "dateline search --person zelenskyy --sort newest",
            NewsQuery.builder().person("zelenskyy").sort(SortOrder.NEWEST).limit(3).build());
        show(out, index, ansi, "dateline search --from 2026-03 --to 2026-03 rates",
            NewsQuery.builder().text("rates").from("2026-03").to("2026-03").build());
        show(out, index, ansi, "dateline search 'headline:(storm OR flood) -place:manila'",
            NewsQuery.of("headline:(storm OR flood) -place:manila"));
        show(out, index, ansi, "dateline search 'org:ecb inflation'", NewsQuery.of("org:ecb inflation"));
        out.println("\n$ dateline stats");
        out.print(Output.text(index.stats(5), UTC));
      }
      out.flush();
      return Main.EXIT_OK;
    } finally {
      deleteTree(work);
    }
  }

  private static void show(PrintWriter out, NewsIndex index, boolean ansi, String command, NewsQuery q) {
    out.println("\n$ " + command);
    out.print(Output.text(index.search(q.toBuilder().limit(Math.min(q.limit(), 3)).build()), UTC, ansi));
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
