package dev.dateline.cli;

import dev.dateline.Article;
import dev.dateline.NewsIndex;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = {
      "Show one stored article by its id.",
      "Search prints the id of each hit ('id ...'). Shows the headline, dates,",
      "source, section, url, byline, the body and the entities; with --json, one",
      "JSON object with the field names of the index input (it can be indexed again)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:failure: I/O error, unreadable or damaged index",
      "2:usage error: unknown option, no index at DIR",
      "6:no article with that id"
    })
final class ShowCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin IndexOptions index;

  @Option(names = "--json", description = "Print the article as JSON (the index input format).")
  boolean json;

  @Parameters(paramLabel = "ID", description = "The article's id.")
  String id;

  @Override
  public Integer call() {
    Article article;
    try (NewsIndex idx = index.openReadOnly()) {
      article =
          idx.get(id)
              .orElseThrow(
                  () -> new Main.Failure(Main.EXIT_NOT_FOUND, index.noArticle(id)));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(json ? Output.json(article) : Output.describe(article, true).stripTrailing());
    out.flush();
    return Main.EXIT_OK;
  }
}
