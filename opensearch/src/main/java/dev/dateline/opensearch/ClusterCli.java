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
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dateline-cluster}: the library CLI's {@code index}, {@code search}, {@code trends} and {@code delete}
 * against an OpenSearch index (with {@link DatelinePlugin}) through {@link NewsCluster}, plus
 * {@code create}. It lives here, not in the library's CLI, so that the library and its CLI stay
 * free of {@code opensearch-java}. Errors are one line on stderr ({@code dateline-cluster: ...});
 * exit codes as the library's CLI: 0 success, 1 failure (cluster unreachable or refusing), 2 usage
 * (bad option, URL or query), 3 some records rejected ({@code file:line: reason} on stderr, the
 * others indexed), 5 nothing to index.
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
      CommandLine.HelpCommand.class
    })
public final class ClusterCli implements Runnable {
  static final int EXIT_OK = 0;
  static final int EXIT_FAILURE = 1;
  static final int EXIT_USAGE = 2;
  static final int EXIT_REJECTED = 3;
  static final int EXIT_NO_INPUT = 5;

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
    cli.setParameterExceptionHandler(
        (ex, a) -> {
          err.println("dateline-cluster: " + ex.getMessage() + " (see --help)");
          err.flush();
          return EXIT_USAGE;
        });
    cli.setExecutionExceptionHandler(
        (ex, c, p) -> {
          err.println("dateline-cluster: " + String.valueOf(ex.getMessage()).replace('\n', ' '));
          if (System.getenv("DATELINE_DEBUG") != null) {
            ex.printStackTrace(err);
          }
          err.flush();
          return ex instanceof InvalidQueryException || ex instanceof Usage
                  || ex instanceof dev.dateline.StoriesNotEnabledException
              ? EXIT_USAGE
              : EXIT_FAILURE;
        });
    return cli.execute(args);
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
      HttpHost host;
      try {
        host = HttpHost.create(url);
      } catch (URISyntaxException | IllegalArgumentException e) {
        throw new Usage("invalid --url '" + url + "': " + e.getMessage());
      }
      try (OpenSearchTransport transport = ApacheHttpClient5TransportBuilder.builder(host).build()) {
        return run(NewsCluster.of(new OpenSearchClient(transport), index, options()), spec.commandLine().getOut(),
            spec.commandLine().getErr());
      } catch (DatelineException | Usage e) {
        throw e;
      } catch (IOException | RuntimeException e) {
        throw new IOException("cannot reach the cluster at " + url + ": " + e.getMessage(), e);
      }
    }

    abstract int run(NewsCluster cluster, PrintWriter out, PrintWriter err) throws IOException;

    /** The options the cluster store is made with. */
    dev.dateline.NewsIndex.Options options() {
      return dev.dateline.NewsIndex.Options.defaults();
    }
  }

  @Command(name = "create", description = "Create the index from Dateline's template.")
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

  @Command(name = "index", description = "Index article files (as the library CLI reads them) in bulk.")
  static final class Index extends ClusterCommand {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories.")
    List<Path> paths;

    @Override
    int run(NewsCluster cluster, PrintWriter out, PrintWriter err) throws IOException {
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

  @Command(name = "search", description = "Search with Dateline's query syntax.")
  static final class Search extends ClusterCommand {
    @Parameters(arity = "0..*", paramLabel = "QUERY", description = "The query text.")
    List<String> text = List.of();

    @Option(names = "--sort", defaultValue = "relevance", description = "relevance, newest, oldest or recent (default: ${DEFAULT-VALUE}).")
    String sort;

    @Option(names = "--limit", defaultValue = "10", description = "Hits per page (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--after", description = "The cursor printed after a page, for the next one.")
    String after;

    @Option(names = "--facet", paramLabel = "DIM", description = "Count the matches by source, section, tag, language, author, person, place, org or dateline (repeatable).")
    List<String> facets = new ArrayList<>();

    @Option(names = "--facet-limit", defaultValue = "10", paramLabel = "N", description = "Values listed per facet (default: ${DEFAULT-VALUE}).")
    int facetLimit;

    @Option(names = "--histogram", paramLabel = "INTERVAL", description = "Count the matches per hour, day, week, month, quarter or year.")
    String histogram;

    @Option(names = "--tz", paramLabel = "ZONE", description = "Time zone of the histogram and of the query's dates (default UTC).")
    String tz;

    @Option(names = "--sideways", description = "Count a dimension the query filters on without its own filters.")
    boolean sideways;

    @Option(names = "--collapse", description = "One hit per story (an index created with --stories).")
    boolean collapse;

    @Option(names = "--facet-stories", description = "Count stories instead of articles in facets and the histogram.")
    boolean facetStories;

    @Override
    int run(NewsCluster cluster, PrintWriter out, PrintWriter err) {
      SortOrder order;
      try {
        order = SortOrder.valueOf(sort.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new Usage("invalid --sort '" + sort + "': relevance, newest, oldest or recent");
      }
      NewsQuery.Builder b = NewsQuery.builder().sort(order).limit(limit).collapse(collapse);
      if (!text.isEmpty()) {
        b.text(String.join(" ", text));
      }
      if (after != null) {
        b.after(after);
      }
      FacetRequest request = null;
      try {
        if (tz != null) {
          b.zone(ZoneId.of(tz));
        }
        if (!facets.isEmpty() || histogram != null) {
          FacetRequest.Builder f = FacetRequest.builder().limit(facetLimit).sideways(sideways).stories(facetStories);
          for (String dim : facets) {
            f.dimensions(FacetDimension.parse(dim));
          }
          if (histogram != null) {
            f.histogram(DateInterval.parse(histogram));
          }
          request = f.build();
        }
      } catch (java.time.DateTimeException | IllegalArgumentException e) {
        throw new Usage(e.getMessage());
      }
      if (facetStories && request == null) {
        throw new Usage("--facet-stories needs --facet or --histogram");
      }
      SearchResults r = request == null ? cluster.search(b.build()) : cluster.search(b.build(), request);
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
      name = "trends",
      description = "People, places and organisations mentioned with a query, and those unusually frequent among its matches.")
  static final class Trends extends ClusterCommand {
    @Parameters(arity = "0..*", paramLabel = "QUERY", description = "The query text (plain syntax).")
    List<String> text = List.of();

    @Option(names = "--from", paramLabel = "DATE", description = "Published on or after.")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Published on or before.")
    String to;

    @Option(names = "--tz", paramLabel = "ZONE", description = "Time zone for dates (default UTC).")
    String tz;

    @Option(names = "--person", paramLabel = "NAME", description = "Mentions this person (repeatable, AND).")
    List<String> persons = new ArrayList<>();

    @Option(names = "--place", paramLabel = "NAME", description = "Mentions this place (repeatable, AND).")
    List<String> places = new ArrayList<>();

    @Option(names = "--org", paramLabel = "NAME", description = "Mentions this organisation (repeatable, AND).")
    List<String> orgs = new ArrayList<>();

    @Option(names = "--source", paramLabel = "NAME", description = "From this source (repeatable, OR).")
    List<String> sources = new ArrayList<>();

    @Option(names = "--background-from", paramLabel = "DATE", description = "Compare with the same query from this date (instead of the rest of the index).")
    String backgroundFrom;

    @Option(names = "--background-to", paramLabel = "DATE", description = "Compare with the same query up to this date.")
    String backgroundTo;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10", description = "Values listed per list (default: ${DEFAULT-VALUE}).")
    int top;

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
        q = query(from, to);
        background = backgroundFrom == null && backgroundTo == null ? null : query(backgroundFrom, backgroundTo);
      } catch (java.time.DateTimeException | IllegalArgumentException e) {
        throw new Usage(e.getMessage());
      }
      // More than asked, as the filters' own entities are left out.
      Facets f = cluster.facets(q, FacetRequest.builder().dimensions(DIMS).limit(Math.min(top + 5, FacetRequest.MAX_LIMIT)).build());
      StringBuilder sb = new StringBuilder();
      sb.append(f.matches() == 1 ? "1 article matches\n" : f.matches() + " articles match\n");
      for (FacetDimension d : DIMS) {
        List<FacetCount> co = f.counts(d).stream().filter(c -> !isFilter(d, c.value())).limit(top).toList();
        sb.append("\nmentioned with it (").append(d.key()).append("):\n");
        if (co.isEmpty()) {
          sb.append("  none\n");
        }
        co.forEach(v -> sb.append(String.format(Locale.ROOT, "  %6d  %s%n", v.count(), printable(v.value()))));
      }
      for (FacetDimension d : DIMS) {
        List<dev.dateline.SignificantValue> sig =
            cluster.significant(q, background, d, top + 5).stream().filter(v -> !isFilter(d, v.value())).limit(top).toList();
        sb.append("\nunusually frequent (").append(d.key()).append(", vs ")
            .append(background != null ? "the background period" : "the rest of the index").append("; G2 score):\n");
        if (sig.isEmpty()) {
          sb.append("  none\n");
        }
        sig.forEach(v -> sb.append(String.format(Locale.ROOT, "  %8.1f  %s (%d of %d, background %d of %d)%n", v.score(),
            printable(v.value()), v.foreground(), v.foregroundTotal(), v.background(), v.backgroundTotal())));
      }
      sb.append("\nunusually frequent (word): not available through a cluster (words are counted from the"
          + " embedded index's postings; use dateline trends)\n");
      out.print(sb);
      out.flush();
      return EXIT_OK;
    }

    private NewsQuery query(String fromDate, String toDate) {
      NewsQuery.Builder b = NewsQuery.builder().text(String.join(" ", text)).syntax(dev.dateline.QuerySyntax.PLAIN);
      if (tz != null) {
        b.zone(ZoneId.of(tz));
      }
      if (fromDate != null) {
        b.from(fromDate);
      }
      if (toDate != null) {
        b.to(toDate);
      }
      persons.forEach(n -> b.entity(dev.dateline.EntityType.PERSON, n));
      places.forEach(n -> b.entity(dev.dateline.EntityType.PLACE, n));
      orgs.forEach(n -> b.entity(dev.dateline.EntityType.ORG, n));
      sources.forEach(b::source);
      return b.build();
    }

    /** Whether a value is the entity a filter names (the filter's words all in it). */
    private boolean isFilter(FacetDimension d, String value) {
      List<String> names = d == FacetDimension.PERSON ? persons : d == FacetDimension.PLACE ? places : orgs;
      String v = " " + fold(value) + " ";
      return names.stream().anyMatch(n -> !fold(n).isEmpty() && v.contains(" " + fold(n) + " "));
    }

    private static String fold(String s) {
      return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
          .toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
  }

  @Command(name = "delete", description = "Delete articles by id.")
  static final class Delete extends ClusterCommand {
    @Parameters(arity = "1..*", paramLabel = "ID")
    List<String> ids;

    @Override
    int run(NewsCluster cluster, PrintWriter out, PrintWriter err) {
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
