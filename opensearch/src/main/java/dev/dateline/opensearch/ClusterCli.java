package dev.dateline.opensearch;

import dev.dateline.ArticleFiles;
import dev.dateline.DateInterval;
import dev.dateline.FacetCount;
import dev.dateline.FacetDimension;
import dev.dateline.FacetRequest;
import dev.dateline.Facets;
import dev.dateline.Histogram;
import dev.dateline.DatelineException;
import dev.dateline.InvalidQueryException;
import dev.dateline.NewsQuery;
import dev.dateline.SearchHit;
import dev.dateline.SearchResults;
import dev.dateline.SortOrder;
import dev.dateline.cli.JsonContract;
import dev.dateline.cli.QueryFilters;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.hc.core5.http.HttpHost;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dateline-cluster}: the library CLI's {@code index}, {@code search}, {@code trends}, {@code
 * story} and {@code delete} against an OpenSearch index (with {@link DatelinePlugin}) through
 * {@link NewsCluster}, plus {@code create}; {@code --json} prints the library CLI's JSON, written
 * by its {@link JsonContract}. It lives here, not in the library's CLI, so that the library and its CLI stay
 * free of {@code opensearch-java}. Errors are one line on stderr ({@code dateline-cluster: ...});
 * exit codes as the library's CLI: 0 success, 1 failure (cluster unreachable or refusing), 2 usage
 * (bad option, URL or query), 3 some records rejected ({@code file:line: reason} on stderr, the
 * others indexed), 4 another client holds the writer lease of the story index ({@code index},
 * {@code delete}; {@code --take-over} takes it from a writer that is gone), 5 nothing to index, 6
 * no article with that id ({@code story}).
 */
@Command(
    name = "dateline-cluster",
    mixinStandardHelpOptions = true,
    version = "dateline-cluster 0.1.0",
    description = "Index into and search a Dateline index on an OpenSearch cluster.",
    subcommands = {
      ClusterCli.Create.class,
      ClusterCli.Index.class,
      ClusterCli.Search.class,
      ClusterCli.Delete.class,
      ClusterCli.Trends.class,
      ClusterCli.StoryOf.class,
      CommandLine.HelpCommand.class
    })
public final class ClusterCli implements Runnable {
  static final int EXIT_OK = 0;
  static final int EXIT_FAILURE = 1;
  static final int EXIT_USAGE = 2;
  static final int EXIT_REJECTED = 3;
  static final int EXIT_LOCKED = 4;
  static final int EXIT_NO_INPUT = 5;
  static final int EXIT_NOT_FOUND = 6;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /** Runs the tool; exits with its code. */
  public static void main(String[] args) {
    System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /** Runs the tool with these streams and returns its exit code (for tests and embedding). */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new ClusterCli()).setOut(out).setErr(err);
    cli.setExpandAtFiles(false);
    // Query words that start with - (-russia, -hamas) are query text (exclusions), as in
    // dateline search: not options, nor clusters of short options (-h -a ...).
    for (String command : List.of("search", "trends")) {
      cli.getSubcommands().get(command).setUnmatchedOptionsArePositionalParams(true)
          .setPosixClusteredShortOptionsAllowed(false);
    }
    cli.setParameterExceptionHandler(
        (ex, a) -> {
          err.println("dateline-cluster: " + ex.getMessage() + " (see --help)");
          err.flush();
          return EXIT_USAGE;
        });
    cli.setExecutionExceptionHandler(
        (ex, c, p) -> {
          // The message may quote what the cluster holds (a lease's host, an article's id).
          err.println("dateline-cluster: " + printable(String.valueOf(ex.getMessage())));
          if (System.getenv("DATELINE_DEBUG") != null) {
            ex.printStackTrace(err);
          }
          err.flush();
          if (ex instanceof WriterLeaseException) {
            return EXIT_LOCKED;
          }
          return ex instanceof InvalidQueryException || ex instanceof Usage
                  || ex instanceof dev.dateline.StoriesNotEnabledException
              ? EXIT_USAGE
              : EXIT_FAILURE;
        });
    return cli.execute(args);
  }

  /**
   * Takes one query word at a time, whatever it looks like: picocli would otherwise stop at a word
   * that resembles an option ({@code -hamas}) and report it as unknown.
   */
  static final class QueryWord implements CommandLine.IParameterConsumer {
    @Override
    public void consumeParameters(
        java.util.Stack<String> args, CommandLine.Model.ArgSpec argSpec, CommandLine.Model.CommandSpec commandSpec) {
      List<String> words = argSpec.getValue();
      words.add(args.pop());
    }
  }

  /** A usage error found after parsing (a bad URL). */
  static final class Usage extends RuntimeException {
    Usage(String message) {
      super(message);
    }
  }

  /** The options every command takes: where the cluster is and which index. */
  abstract static class ClusterCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--url", required = true, description = "The cluster's HTTP address, e.g. http://localhost:9200.")
    String url;

    @Option(names = "--index", defaultValue = "news", description = "The index (default: ${DEFAULT-VALUE}).")
    String index;

    @Override
    public Integer call() throws IOException {
      rejectUnknownLongOptions();
      HttpHost host;
      try {
        host = HttpHost.create(url);
      } catch (URISyntaxException | IllegalArgumentException e) {
        throw new Usage("invalid --url '" + url + "': " + e.getMessage());
      }
      try (OpenSearchTransport transport = ApacheHttpClient5TransportBuilder.builder(host).build();
          NewsCluster cluster = NewsCluster.of(new OpenSearchClient(transport), index, options())) {
        return run(cluster, spec.commandLine().getOut(), spec.commandLine().getErr()); // close: releases a writer lease
      } catch (DatelineException | Usage e) {
        throw e;
      } catch (IOException | RuntimeException e) {
        throw new IOException("cannot reach the cluster at " + url + ": " + e.getMessage(), e);
      }
    }

    abstract int run(NewsCluster cluster, PrintWriter out, PrintWriter err) throws IOException;

    /**
     * {@code --limt 5} is a typo, not query text: before {@code --}, an argument that starts with
     * {@code --} and is neither an option nor an option's value is a usage error.
     */
    private void rejectUnknownLongOptions() {
      List<String> args = spec.commandLine().getParseResult().originalArgs();
      boolean value = false;
      for (int i = Math.max(args.indexOf(spec.name()) + 1, 0); i < args.size(); i++) {
        String arg = args.get(i);
        if (arg.equals("--")) {
          return;
        }
        if (value) {
          value = false;
          continue;
        }
        if (!arg.startsWith("--")) {
          continue;
        }
        int eq = arg.indexOf('=');
        CommandLine.Model.OptionSpec option = spec.findOption(eq < 0 ? arg : arg.substring(0, eq));
        if (option == null) {
          throw new Usage("unknown option '" + arg + "' (to search for text starting with --, put it after --)");
        }
        value = eq < 0 && option.arity().max() > 0;
      }
    }

    /** The options the cluster store is made with. */
    dev.dateline.NewsIndex.Options options() {
      return dev.dateline.NewsIndex.Options.defaults();
    }
  }

  @Command(mixinStandardHelpOptions = true, name = "create", description = "Create the index from Dateline's template.")
  static final class Create extends ClusterCommand {
    @Option(names = "--shards", defaultValue = "3", description = "Primary shards (default: ${DEFAULT-VALUE}).")
    int shards;

    @Option(names = "--replicas", defaultValue = "1", description = "Replicas of each (default: ${DEFAULT-VALUE}).")
    int replicas;

    @Option(names = "--stories", description = "Detect stories (copies of one article) in the new index, for --collapse and --facet-stories.")
    boolean stories;

    @Override
    dev.dateline.NewsIndex.Options options() {
      return dev.dateline.NewsIndex.Options.builder().stories(stories).build();
    }

    @Override
    int run(NewsCluster cluster, PrintWriter out, PrintWriter err) {
      cluster.createIndex(shards, replicas);
      out.println("created index " + index + " (" + shards + " shards, " + replicas + " replicas"
          + (stories ? ", stories" : "") + ")");
      return EXIT_OK;
    }
  }

  @Command(mixinStandardHelpOptions = true, name = "index", description = "Index article files (as the library CLI reads them) in bulk.")
  static final class Index extends ClusterCommand {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories.")
    List<Path> paths;

    @Option(names = "--take-over", description = "Take the writer lease of a story index from a writer that is gone (its process died).")
    boolean takeOver;

    @Override
    int run(NewsCluster cluster, PrintWriter out, PrintWriter err) throws IOException {
      if (takeOver) {
        cluster.takeOverWriterLease();
      }
      List<Path> files = new ArrayList<>();
      for (Path p : paths) {
        try {
          files.addAll(ArticleFiles.inputFiles(p));
        } catch (IOException e) {
          throw new Usage("cannot read " + p + ": " + e.getMessage());
        }
      }
      long[] rejected = {0};
      long[] records = {0};
      long indexed = 0;
      for (Path f : files) {
        try (Stream<ArticleFiles.Record> in = ArticleFiles.stream(f, ArticleFiles.Options.defaults())) {
          Iterator<ArticleFiles.Record> it = in.peek(r -> records[0]++).iterator();
          indexed +=
              cluster.addAll(
                  it,
                  r -> {
                    rejected[0]++;
                    err.println(printable(r.toString()));
                  });
        }
      }
      cluster.refresh();
      out.println("indexed " + indexed + " articles into " + index + (rejected[0] > 0 ? ", rejected " + rejected[0] : ""));
      if (records[0] == 0) {
        err.println("dateline-cluster: nothing to index");
        return EXIT_NO_INPUT;
      }
      return rejected[0] > 0 ? EXIT_REJECTED : EXIT_OK;
    }
  }

  @Command(mixinStandardHelpOptions = true, name = "search", description = "Search with Dateline's query syntax.")
  static final class Search extends ClusterCommand {
    @Parameters(arity = "0..*", paramLabel = "QUERY", parameterConsumer = QueryWord.class,
        description = "The query text; words starting with - are query text (exclusions).")
    List<String> text = new ArrayList<>();

    @Option(names = "--json", description = "Print one JSON object for scripts (dateline search --json's format).")
    boolean json;

    @Option(names = "--sort", description = "relevance, newest, oldest or recent (default: relevance with a query, newest without).")
    String sort;

    @Option(names = "--limit", defaultValue = "10", description = "Hits per page (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--after", description = "The cursor printed after a page, for the next one.")
    String after;

    @Mixin QueryFilters filters;

    @Option(names = "--section", paramLabel = "NAME", description = "In this section (repeatable, OR).")
    List<String> sections = new ArrayList<>();

    @Option(names = "--and", description = "Every word must match.")
    boolean and;

    @Option(names = "--or", description = "Words combine with plain OR.")
    boolean or;

    @Option(names = "--syntax", paramLabel = "SYNTAX", description = "plain (default; any text is accepted) or full (errors are reported).")
    String syntax;

    @Option(names = "--exact-total", description = "Count every match exactly.")
    boolean exactTotal;

    @Option(names = "--count", description = "Print only the exact number of matching articles ({\"count\":N} with --json).")
    boolean count;

    @Option(names = "--facet", paramLabel = "DIM", description = "Count the matches by source, section, tag, language, author, person, place, org or dateline (repeatable).")
    List<String> facets = new ArrayList<>();

    @Option(names = "--facet-limit", defaultValue = "10", paramLabel = "N", description = "Values listed per facet (default: ${DEFAULT-VALUE}).")
    int facetLimit;

    @Option(names = "--histogram", paramLabel = "INTERVAL", description = "Count the matches per hour, day, week, month, quarter or year.")
    String histogram;

    @Option(names = "--sideways", description = "Count a dimension the query filters on without its own filters.")
    boolean sideways;

    @Option(names = "--collapse", description = "One hit per story (an index created with --stories).")
    boolean collapse;

    @Option(names = "--facet-stories", description = "Count stories instead of articles in facets and the histogram.")
    boolean facetStories;

    /** The query the options describe, as {@code dateline search} builds it from the same options. */
    private NewsQuery query() {
      NewsQuery.Builder b = NewsQuery.builder().text(String.join(" ", text));
      try {
        b.limit(limit).after(after);
        filters.applyTo(b);
        sections.forEach(b::section);
      } catch (IllegalArgumentException e) {
        throw new Usage(e.getMessage());
      }
      if (sort != null) {
        try {
          b.sort(SortOrder.valueOf(sort.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          throw new Usage("invalid --sort '" + sort + "': relevance, newest, oldest or recent");
        }
      }
      if (and && or) {
        throw new Usage("--and and --or cannot be combined");
      }
      if (and) {
        b.defaultOperator(NewsQuery.Operator.AND);
      } else if (or) {
        b.defaultOperator(NewsQuery.Operator.OR);
      }
      if (syntax != null && !syntax.equalsIgnoreCase("plain") && !syntax.equalsIgnoreCase("full")) {
        throw new Usage("--syntax must be plain or full, not '" + syntax + "'");
      }
      b.syntax(syntax == null ? dev.dateline.QuerySyntax.PLAIN : dev.dateline.QuerySyntax.valueOf(syntax.toUpperCase(Locale.ROOT)));
      // The cluster corrects no typos; the query says so, as dateline search --no-typo-correction would.
      return b.exactTotal(exactTotal).collapse(collapse).correctTypos(false).build();
    }

    @Override
    int run(NewsCluster cluster, PrintWriter out, PrintWriter err) {
      NewsQuery query = query();
      FacetRequest request = null;
      if (!facets.isEmpty() || histogram != null) {
        if (count) {
          throw new Usage("--count cannot be combined with --facet or --histogram");
        }
        try {
          // The zone the embedded CLI counts in: the query's, named UTC when none was given.
          FacetRequest.Builder f = FacetRequest.builder().limit(facetLimit).sideways(sideways).stories(facetStories)
              .zone(filters.zoneGiven() ? query.zone() : ZoneId.of("UTC"));
          for (String dim : facets) {
            f.dimensions(FacetDimension.parse(dim));
          }
          if (histogram != null) {
            f.histogram(DateInterval.parse(histogram));
          }
          request = f.build();
        } catch (IllegalArgumentException e) {
          throw new Usage(e.getMessage());
        }
      }
      if (facetStories && request == null) {
        throw new Usage("--facet-stories needs --facet or --histogram");
      }
      if (count) {
        long n = cluster.count(query);
        out.println(json ? JsonContract.count(n) : Long.toString(n));
        return EXIT_OK;
      }
      SearchResults r = request == null ? cluster.search(query) : cluster.search(query, request);
      if (json) {
        out.println(request == null ? JsonContract.search(r) : JsonContract.search(r, r.facets(), request.stories()));
        return EXIT_OK;
      }
      boolean storyTotal = collapse || (request != null && request.stories());
      out.println((r.totalIsExact() ? "" : "at least ") + r.total() + (storyTotal ? " stories" : " articles"));
      for (SearchHit h : r.hits()) {
        out.println(
            printable(
                (h.published() == null ? "undated" : h.published().toString()) + "  "
                    + (h.source() == null ? "" : h.source() + "  ")
                    + (h.headline() == null ? "(no headline)" : h.headline())));
        out.println("  " + printable(h.id()));
        if (h.story() != null && h.story().size() > 1) {
          out.println(
              printable(
                  "  story " + h.story().id() + ": " + h.story().size() + " articles, "
                      + String.join(", ", h.story().sources())
                      + (h.story().firstSource() == null ? "" : ", first: " + h.story().firstSource())));
        }
      }
      if (r.next() != null) {
        out.println("next page: --after " + r.next());
      }
      if (r.facets() != null) {
        print(r.facets(), out);
      }
      return EXIT_OK;
    }

    /** Each dimension's top values with their counts, then the histogram's buckets. */
    private static void print(Facets f, PrintWriter out) {
      f.dimensions().forEach((dim, d) -> {
        out.println(dim.key() + (d.sideways() ? " (sideways: without its own filters)" : "") + ":"
            + (d.top().isEmpty() ? " none" : ""));
        for (FacetCount c : d.top()) {
          out.println("  " + c.count() + "  " + printable(c.value()));
        }
        if (d.otherValues() > 0) {
          out.println("  (" + d.otherValues() + (d.otherValues() == 1 ? " other value)" : " other values)"));
        }
      });
      Histogram h = f.histogram();
      if (h != null) {
        out.println("published per " + h.interval().key() + " (" + h.zone().getId() + "):");
        for (Histogram.Bucket bucket : h.buckets()) {
          out.println("  " + bucket.start().toOffsetDateTime() + "  " + bucket.count());
        }
        out.println("  undated  " + h.undated());
      }
    }
  }

  @Command(
      mixinStandardHelpOptions = true,
      name = "trends",
      description = "People, places and organisations mentioned with a query, and those unusually frequent among its matches.")
  static final class Trends extends ClusterCommand {
    @Parameters(arity = "0..*", paramLabel = "QUERY", parameterConsumer = QueryWord.class,
        description = "The query text (plain syntax).")
    List<String> text = new ArrayList<>();

    @Mixin QueryFilters filters;

    @Option(names = "--background-from", paramLabel = "DATE", description = "Compare with the same query from this date (instead of the rest of the index).")
    String backgroundFrom;

    @Option(names = "--background-to", paramLabel = "DATE", description = "Compare with the same query up to this date.")
    String backgroundTo;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10", description = "Values listed per list (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--json", description = "Print one JSON object for scripts (dateline trends --json's format; \"word\" is null).")
    boolean json;

    private static final List<FacetDimension> DIMS =
        List.of(FacetDimension.PERSON, FacetDimension.PLACE, FacetDimension.ORG);

    @Override
    int run(NewsCluster cluster, PrintWriter out, PrintWriter err) {
      if (top < 1 || top > FacetRequest.MAX_LIMIT) {
        throw new Usage("--top must be 1 to " + FacetRequest.MAX_LIMIT + ", not " + top);
      }
      NewsQuery q;
      NewsQuery background;
      try {
        q = filters.applyTo(base()).build();
        background = backgroundFrom == null && backgroundTo == null
            ? null : filters.applyTo(base(), backgroundFrom, backgroundTo).build();
      } catch (java.time.DateTimeException | IllegalArgumentException e) {
        throw new Usage(e.getMessage());
      }
      // More than asked, as the filters' own entities are left out.
      Facets f = cluster.facets(q, FacetRequest.builder().dimensions(DIMS).limit(Math.min(top + 5, FacetRequest.MAX_LIMIT)).build());
      java.util.Map<FacetDimension, List<FacetCount>> co = new java.util.LinkedHashMap<>();
      java.util.Map<String, List<dev.dateline.SignificantValue>> significant = new java.util.LinkedHashMap<>();
      for (FacetDimension d : DIMS) {
        co.put(d, f.counts(d).stream().filter(c -> !filters.names(d, c.value())).limit(top).toList());
        significant.put(d.key(),
            cluster.significant(q, background, d, top + 5).stream().filter(v -> !filters.names(d, v.value())).limit(top).toList());
      }
      if (json) {
        // Significant words are not available through a cluster: null, as dateline trends --json
        // writes a list it could not find.
        significant.put("word", null);
        out.println(JsonContract.trends(f.matches(), co, significant));
        return EXIT_OK;
      }
      StringBuilder sb = new StringBuilder();
      sb.append(f.matches() == 1 ? "1 article matches\n" : f.matches() + " articles match\n");
      co.forEach((d, list) -> {
        sb.append("\nmentioned with it (").append(d.key()).append("):\n");
        if (list.isEmpty()) {
          sb.append("  none\n");
        }
        list.forEach(v -> sb.append(String.format(Locale.ROOT, "  %6d  %s%n", v.count(), printable(v.value()))));
      });
      significant.forEach((d, sig) -> {
        sb.append("\nunusually frequent (").append(d).append(", vs ")
            .append(background != null ? "the background period" : "the rest of the index").append("; G2 score):\n");
        if (sig.isEmpty()) {
          sb.append("  none\n");
        }
        sig.forEach(v -> sb.append(String.format(Locale.ROOT, "  %8.1f  %s (%d of %d, background %d of %d)%n", v.score(),
            printable(v.value()), v.foreground(), v.foregroundTotal(), v.background(), v.backgroundTotal())));
      });
      sb.append("\nunusually frequent (word): not available through a cluster (words are counted from the"
          + " embedded index's postings; use dateline trends)\n");
      out.print(sb);
      out.flush();
      return EXIT_OK;
    }

    /** The query text, before the filters. */
    private NewsQuery.Builder base() {
      return NewsQuery.builder().text(String.join(" ", text)).syntax(dev.dateline.QuerySyntax.PLAIN);
    }
  }

  @Command(
      mixinStandardHelpOptions = true,
      name = "story",
      description = "The story of an article (an index created with --stories): its members, oldest first.")
  static final class StoryOf extends ClusterCommand {
    @Parameters(paramLabel = "ID", description = "The id of any article of the story.")
    String id;

    @Option(names = "--json", description = "Print one JSON object for scripts (dateline story --json's format).")
    boolean json;

    @Override
    int run(NewsCluster cluster, PrintWriter out, PrintWriter err) {
      List<SearchHit> members = cluster.timeline(id);
      if (members.isEmpty()) {
        err.println(printable("dateline-cluster: no article with id '" + id + "' in " + index));
        return EXIT_NOT_FOUND;
      }
      if (json) {
        out.println(JsonContract.story(members));
        return EXIT_OK;
      }
      dev.dateline.Story s = members.get(0).story();
      out.println(printable("story " + s.id() + ": " + s.size() + (s.size() == 1 ? " article" : " articles")
          + (s.firstSource() == null ? "" : ", first: " + s.firstSource())));
      for (SearchHit h : members) {
        out.println(
            printable(
                "  " + (h.published() == null ? "undated" : h.published().toString()) + "  "
                    + (h.source() == null ? "" : h.source() + "  ")
                    + (h.headline() == null ? "(no headline)" : h.headline()) + "  [" + h.id() + "]"));
      }
      return EXIT_OK;
    }
  }

  @Command(mixinStandardHelpOptions = true, name = "delete", description = "Delete articles by id.")
  static final class Delete extends ClusterCommand {
    @Parameters(arity = "1..*", paramLabel = "ID")
    List<String> ids;

    @Option(names = "--take-over", description = "Take the writer lease of a story index from a writer that is gone (its process died).")
    boolean takeOver;

    @Override
    int run(NewsCluster cluster, PrintWriter out, PrintWriter err) {
      if (takeOver) {
        cluster.takeOverWriterLease();
      }
      ids.forEach(cluster::delete);
      cluster.refresh();
      out.println("deleted " + ids.size() + " ids from " + index);
      return EXIT_OK;
    }
  }

  /** Article text safe for a terminal: control characters and bidi overrides become U+FFFD. */
  static String printable(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      out.append(
          c == '\n' || c == '\r' || c == '\t'
              ? ' '
              : Character.isISOControl(c) || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
                  ? '\uFFFD'
                  : c);
    }
    return out.toString();
  }
}
