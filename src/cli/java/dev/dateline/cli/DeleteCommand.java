package dev.dateline.cli;

import dev.dateline.NewsIndex;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    description = {
      "Delete articles by id.",
      "Deletes and commits durably, then prints 'deleted ID' on stdout for each",
      "article deleted and 'not found: ID' on stderr for each id not in the index."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every id was deleted",
      "1:failure: I/O error, unreadable or damaged index",
      "2:usage error: unknown option, no index at DIR",
      "4:index locked: another dateline process is writing to it; wait for it to finish",
      "6:some ids were not found (the others were deleted)"
    })
final class DeleteCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin IndexOptions index;

  @Parameters(paramLabel = "ID", arity = "1..*", description = "Ids of the articles to delete.")
  List<String> ids = new ArrayList<>();

  @Override
  public Integer call() {
    // Opening for writing would create an index: make sure there is one first.
    index.openReadOnly().close();
    List<String> deleted = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    try (NewsIndex idx = index.openForWriting(false)) {
      for (String id : new LinkedHashSet<>(ids)) {
        if (idx.get(id).isPresent()) {
          idx.delete(id);
          deleted.add(id);
        } else {
          missing.add(id);
        }
      }
      if (!deleted.isEmpty()) {
        idx.commit();
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    deleted.forEach(id -> out.println("deleted " + id));
    missing.forEach(id -> err.println("not found: " + id));
    out.flush();
    err.flush();
    return missing.isEmpty() ? Main.EXIT_OK : Main.EXIT_NOT_FOUND;
  }
}
