package dev.dateline.cli;

import dev.dateline.ArticleFiles;
import dev.dateline.FacetRequest;
import dev.dateline.NewsIndex;
import dev.dateline.NewsQuery;
import dev.dateline.SearchResults;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Index sample articles and run a few showcase searches, a story and related articles.",
      "The sample is indexed with story detection, as index --stories. Prints each command "
          + "before its results. With --index DIR the demo index is kept in DIR (which must be new or "
          + "empty) and the commands run as shown; without it the index is temporary and the commands "
          + "show DIR in its place."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:failure", "2:usage error: --index names a non-empty directory or a file"})
final class DemoCommand implements Callable<Integer> {
  static final String SAMPLE = "demo-articles.jsonl";
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

  /** The showcase searches: the arguments of {@code dateline search --index DIR}. */
  private static final List<List<String>> SEARCHES =
      List.of(
          List.of("--limit", "3", "\"peace talks\""),
          List.of("--person", "zelenskyy", "--sort", "newest", "--limit", "3"),
          List.of("--from", "2026-03", "--to", "2026-03", "--limit", "3", "rates"),
          List.of("--limit", "3", "--syntax", "full", "headline:(storm OR flood) -place:manila"),
          List.of("--limit", "3", "org:ecb", "inflation"),
          // The same search with syndicated copies collapsed into their story.
          List.of("--collapse", "--limit", "3", "org:ecb", "inflation"),
          List.of("--limit", "1", "--facet", "source", "--facet", "place", "--facet-limit", "3",
              "--histogram", "week"));

  private static final List<String> STATS = List.of("--top", "5");
  /** A copy whose story the demo shows, and an article whose related stories it lists. */
  private static final String STORY = "demo-12";
  private static final String RELATED = "demo-03";

  @Spec CommandSpec spec;

  @Option(names = "--index", paramLabel = "DIR", description = "Build the demo index in DIR (new or empty) and keep it, to run the commands shown (default: a temporary index, deleted afterwards).")
  Path dir;

  @Override
  public Integer call() throws IOException {
    if (dir != null) {
      requireNewOrEmpty(dir);
    }
    PrintWriter out = spec.commandLine().getOut();
    Path work = dir == null ? Files.createTempDirectory("dateline-demo") : null;
    boolean keep = work == null;
    Path indexDir = keep ? dir : work.resolve("index");
    String shownDir = keep ? quote(dir.toString()) : "DIR";
    try {
      IndexOptions opts = new IndexOptions();
      opts.dir = indexDir;
      Indexer.Summary s;
      try (NewsIndex index = opts.openForWriting(true, true)) {
        s = new Indexer(index, 10_000, 1, new PrintWriter(PrintWriter.nullWriter())).run(List.of(DemoCommand::sample));
      }
      if (keep) {
        out.printf("Indexed %d sample articles into %s; it stays there, so the commands below run as shown.%n",
            s.indexed() + s.updated(), dir);
      } else {
        out.printf("Indexed %d sample articles into a temporary index (deleted at the end).%n", s.indexed() + s.updated());
        out.println("To keep one and run the commands below on it: dateline demo --index DIR");
      }
      boolean ansi = Output.ansi();
      try (NewsIndex index = opts.openReadOnly()) {
        for (List<String> args : SEARCHES) {
          search(out, index, indexDir, shownDir, args, ansi, keep);
        }
        out.println("\n$ dateline story --index " + shownDir + " " + STORY);
        out.print(Output.textStory(index.timeline(STORY), Output.UTC));
        out.println("\n$ dateline related --index " + shownDir + " --limit 3 " + RELATED);
        out.print(Output.textRelated(RELATED, index.related(RELATED, 3, null), Output.UTC));
        out.println("\n$ dateline stats --index " + shownDir + " " + command(STATS));
        out.print(Output.text(index.stats(Integer.parseInt(STATS.get(1))), Output.UTC));
      }
      out.flush();
      return Main.EXIT_OK;
    } finally {
      if (work != null) {
        deleteTree(work);
      }
    }
  }

  private static Stream<ArticleFiles.Record> sample() {
    InputStream in = DemoCommand.class.getResourceAsStream(SAMPLE);
    if (in == null) {
      throw new IllegalStateException("the sample articles " + SAMPLE + " are missing from the CLI");
    }
    return ArticleFiles.stream(in, SAMPLE, ArticleFiles.Options.defaults());
  }

  /**
   * Runs one showcase search as {@code dateline search} would: the arguments are parsed by the
   * search command itself, so the command printed is exactly the one whose results follow.
   */
  private static void search(
      PrintWriter out, NewsIndex index, Path indexDir, String shownDir, List<String> args, boolean ansi, boolean keep) {
    SearchCommand search = new SearchCommand();
    CommandLine cli = new CommandLine(search);
    SearchCommand.configure(cli);
    List<String> full = new ArrayList<>(List.of("--index", indexDir.toString()));
    full.addAll(args);
    cli.parseArgs(full.toArray(String[]::new));
    NewsQuery query = search.query();
    out.println("\n$ dateline search --index " + shownDir + " " + command(args));
    // The cursor for more results is only of use while the index exists.
    FacetRequest facets = search.facetRequest(query);
    // With counts, the page and the counts come from one pass, as in the search command.
    SearchResults results = facets == null ? index.search(query) : index.search(query, facets);
    out.print(Output.text(results, search.displayZone(query), ansi, keep));
    if (facets != null) {
      out.print(Output.text(results.facets()));
    }
  }

  /** The arguments as they would be typed in a POSIX shell. */
  static String command(List<String> args) {
    return args.stream().map(DemoCommand::quote).collect(Collectors.joining(" "));
  }

  private static String quote(String arg) {
    return PLAIN.matcher(arg).matches() ? arg : "'" + arg.replace("'", "'\\''") + "'";
  }

  private static void requireNewOrEmpty(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    if (!Files.isDirectory(dir)) {
      throw new Main.UsageException(dir + " is not a directory; give demo --index a new or empty directory");
    }
    try (Stream<Path> entries = Files.list(dir)) {
      if (entries.findAny().isPresent()) {
        throw new Main.UsageException(
            dir + " is not empty; give demo --index a new or empty directory (the demo would add its"
                + " sample articles to an index there)");
      }
    }
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
