package dev.dateline.cli;

import dev.dateline.NewsIndex;
import dev.dateline.SearchHit;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "story",
    mixinStandardHelpOptions = true,
    description = {
      "Show the story of an article: the article and its near-duplicate copies.",
      "Copies are syndicated, re-edited or trimmed; shown in publication order, with the "
          + "story's id (its earliest member's), size, sources and first publisher. With --json, "
          + "{\"story\": {...}, \"hits\": [...]} with hits in the search format."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:failure: I/O error, unreadable or damaged index",
      "2:usage error: unknown option, no index at DIR",
      "6:no article with that id"
    })
final class StoryCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin IndexOptions index;

  @Option(names = "--json", description = "Print one JSON object for scripts.")
  boolean json;

  @Parameters(paramLabel = "ID", description = "The id of any article of the story.")
  String id;

  @Override
  public Integer call() {
    List<SearchHit> members;
    try (NewsIndex idx = index.openReadOnly()) {
      members = idx.timeline(id);
    }
    if (members.isEmpty()) {
      throw new Main.Failure(Main.EXIT_NOT_FOUND, index.noArticle(id));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? Output.jsonStory(members) + "\n" : Output.textStory(members, Output.UTC));
    out.flush();
    return Main.EXIT_OK;
  }
}
