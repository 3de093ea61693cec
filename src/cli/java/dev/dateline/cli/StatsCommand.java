package dev.dateline.cli;

import dev.dateline.IndexStats;
import dev.dateline.NewsIndex;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description = "Show article count, date range, top sources and top entities.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:failure: I/O error, unreadable or damaged index",
      "2:usage error: unknown option, invalid option value, no index at DIR"
    })
final class StatsCommand implements Callable<Integer> {
  private static final ZoneId UTC = ZoneId.of("UTC");
  @Spec CommandSpec spec;
  @Mixin IndexOptions index;

  @Option(names = "--json", description = "Print one JSON object for scripts.")
  boolean json;

  @Option(names = "--top", paramLabel = "N", defaultValue = "10", description = "How many sources and entities to list (default 10).")
  int top;

  @Override
  public Integer call() {
    if (top < 0) {
      throw new Main.UsageException("--top must not be negative");
    }
    PrintWriter out = spec.commandLine().getOut();
    try (NewsIndex idx = index.openReadOnly()) {
      IndexStats stats = idx.stats(top);
      out.print(json ? Output.json(stats) + "\n" : Output.text(stats, UTC));
    }
    out.flush();
    return Main.EXIT_OK;
  }
}
