package dev.dateline.cli;

import dev.dateline.NewsIndex;
import dev.dateline.SearchHit;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "related",
    mixinStandardHelpOptions = true,
    description = {
      "Show the articles most related to an article, most related first.",
      "MoreLikeThis over its headline, body and entities. In an index built with --stories, one "
          + "per story and never a copy of the article's own story. With --json, {\"hits\": [...]} with "
          + "hits in the search format."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success (also when nothing is related)",
      "1:failure: I/O error, unreadable or damaged index",
      "2:usage error: unknown option, invalid --limit or --within, no index at DIR, no article with that id"
    })
final class RelatedCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin IndexOptions index;

  @Option(names = "--json", description = "Print one JSON object for scripts.")
  boolean json;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "Most articles to show (default 10, at most 1000).")
  int limit;

  @Option(
      names = "--within",
      paramLabel = "DAYS",
      description = "Only articles published at most DAYS days before or after the article.")
  Integer withinDays;

  @Parameters(paramLabel = "ID", description = "The article's id.")
  String id;

  @Override
  public Integer call() {
    if (limit < 1 || limit > 1000) {
      throw new Main.UsageException("--limit must be 1 to 1000, not " + limit);
    }
    if (withinDays != null && withinDays < 0) {
      throw new Main.UsageException("--within must be 0 or more days, not " + withinDays);
    }
    List<SearchHit> hits;
    try (NewsIndex idx = index.openReadOnly()) {
      if (idx.get(id).isEmpty()) {
        throw new Main.UsageException(index.noArticle(id));
      }
      hits = idx.related(id, limit, withinDays == null ? null : Duration.ofDays(withinDays));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? Output.jsonRelated(hits) + "\n" : Output.textRelated(id, hits, Output.UTC));
    out.flush();
    return Main.EXIT_OK;
  }
}
