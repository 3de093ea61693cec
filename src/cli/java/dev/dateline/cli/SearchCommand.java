package dev.dateline.cli;

import dev.dateline.DateInterval;
import dev.dateline.FacetDimension;
import dev.dateline.FacetRequest;
import dev.dateline.Facets;
import dev.dateline.NewsIndex;
import dev.dateline.NewsQuery;
import dev.dateline.QuerySyntax;
import dev.dateline.SearchResults;
import dev.dateline.SortOrder;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Stack;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Search an index.",
      "QUERY is read as plain text by default (--syntax plain): words (any may match,",
      "articles with all of them first; with --sort newest or oldest, all must match",
      "if some article has them all; --and requires every word), \"phrases\" (also",
      "\u201Ccurly\u201D), +required, -excluded, field:word (headline, bullets, subheads,",
      "body, captions, byline) and the filters person: place: org: source: section:",
      "tag: after: before:, \"a b\"~3 proximity and word^2 boosts; anything else (colons,",
      "URLs, brackets, stray quotes) is searched as text and never an error. --syntax full",
      "adds OR, AND, NOT, (groups), prefix* and fuzzy~1.",
      "A word starting with - excludes that word; it is query text, not an option:",
      "  dateline search --index DIR talks -ceasefire",
      "Options may come before or after the query. Everything after -- is query",
      "text, even words starting with --. Different options combine with AND."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success (also when nothing matches)",
      "1:failure: I/O error, unreadable or damaged index",
      "2:usage error: unknown option, invalid option value, query or date, no index at DIR"
    })
final class SearchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin IndexOptions index;

  @Option(names = "--json", description = "Print one JSON object for scripts.")
  boolean json;

  @Mixin QueryFilters filters;

  @Option(names = "--section", paramLabel = "NAME", description = "In this section. Repeated, ANY may match (OR): articles in any of the sections given.")
  List<String> sections = new ArrayList<>();

  @Option(names = "--sort", paramLabel = "ORDER", description = "relevance, newest, oldest or recent (relevance blended with age; default: relevance with a query, newest without).")
  String sort;

  @Option(
      names = "--half-life",
      paramLabel = "DURATION",
      description =
          "With --sort recent: the age at which an article's relevance is halfway to the floor"
              + " (30%%), e.g. 12h, 7d, 2w (units m h d w; default 7d).")
  String halfLife;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "Results per page (default 10, at most 1000).")
  int limit;

  @Option(names = "--after", paramLabel = "CURSOR", description = "Continue after this cursor (printed as 'next').")
  String after;

  @Option(
      names = "--and",
      description = "Every word must match (strict). By default any word may match and articles with all the words come first.")
  boolean and;

  @Option(names = "--collapse", description = "One hit per story: near-duplicate copies (syndicated, re-edited, trimmed) are folded into their best-ranked (or, by date, newest/oldest) member, which carries the story's id, size, sources and first publisher. The total counts stories.")
  boolean collapse;

  @Option(names = "--or", description = "Words combine with plain OR, ranked by relevance alone.")
  boolean or;

  @Option(
      names = "--syntax",
      paramLabel = "SYNTAX",
      description =
          "plain (default: words, phrases, -word, +word, fields and filters; any text is accepted)"
              + " or full (the query syntax with OR, AND, NOT, groups, *, ~, ^; errors are reported).")
  String syntax;

  @Option(
      names = "--exact-total",
      description =
          "Count every match exactly. By default counting stops at 1,000 matches and the total"
              + " reads 'at least 1000' (totalIsExact false in --json), whatever the page.")
  boolean exactTotal;

  @Option(
      names = "--no-typo-correction",
      description =
          "Search the words as typed. By default a misspelt word that occurs nowhere in the index"
              + " is corrected: a query that finds nothing runs corrected ('showing results for:'),"
              + " one that finds something suggests the correction ('did you mean:').")
  boolean noTypoCorrection;

  @Option(
      names = "--count",
      description = "Print only the exact number of matching articles ({\"count\":N} with --json).")
  boolean count;

  @Option(
      names = "--facet",
      paramLabel = "DIM",
      description =
          "Count the matches by DIM (repeatable): source, section, tag, language, author, person,"
              + " place, org, dateline. Exact over all matches; entities by canonical name.")
  List<String> facets = new ArrayList<>();

  @Option(names = "--facet-limit", paramLabel = "N", defaultValue = "10", description = "Values listed per --facet dimension (default 10).")
  int facetLimit;

  @Option(
      names = "--histogram",
      paramLabel = "INTERVAL",
      description =
          "Count the matches by publication time: hour, day, week (ISO), month, quarter or year,"
              + " in the --tz zone (default UTC), empty buckets included, undated counted apart.")
  String histogram;

  @Option(
      names = "--sideways",
      description =
          "Count each --facet dimension that --source/--section/--person/--place/--org filter on"
              + " as if those filters were absent (drill-sideways).")
  boolean sideways;

  @Option(
      names = "--facet-stories",
      description =
          "Count stories instead of articles in --facet and --histogram: a story counts once per"
              + " value any matching member has (an index built with --stories).")
  boolean facetStories;

  @Option(
      names = "--chart",
      paramLabel = "FILE",
      description = "With --histogram: also write the timeline as a chart, FILE.svg or FILE.png.")
  java.nio.file.Path chart;

  @Parameters(
      paramLabel = "QUERY",
      arity = "0..*",
      parameterConsumer = QueryWord.class,
      description = "Query text; words starting with - are query text (exclusions).")
  List<String> query = new ArrayList<>();

  /**
   * Takes one query word at a time, whatever it looks like: picocli would otherwise stop at words
   * that resemble options ({@code -hamas} looks like {@code -h}) and report them as unknown.
   */
  static final class QueryWord implements CommandLine.IParameterConsumer {
    @Override
    public void consumeParameters(
        Stack<String> args, CommandLine.Model.ArgSpec argSpec, CommandLine.Model.CommandSpec commandSpec) {
      List<String> words = argSpec.getValue();
      words.add(args.pop());
    }
  }

  /**
   * Lets query words that start with {@code -} ({@code -talks}, {@code -place:manila}) through as
   * query text instead of failing as unknown options; {@link #call} still refuses unknown options
   * that start with {@code --} unless they follow {@code --}.
   */
  static void configure(CommandLine search) {
    search.setUnmatchedOptionsArePositionalParams(true);
    search.setPosixClusteredShortOptionsAllowed(false); // -hamas is a word, not -h -a -m ...
  }

  @Override
  public Integer call() {
    rejectUnknownLongOptions();
    NewsQuery built = query();
    FacetRequest facetRequest = facetRequest(built);
    PrintWriter out = spec.commandLine().getOut();
    try (NewsIndex idx = index.openReadOnly()) {
      if (facetRequest != null) {
        // One pass: the page and the counts over all its matches.
        SearchResults results = idx.search(built, facetRequest);
        Facets counted = results.facets();
        if (chart != null) {
          Charts.write(chart, counted.histogram(), String.join(" ", query));
        }
        out.print(
            json
                ? Output.json(results, counted, facetStories) + "\n"
                : Output.text(results, displayZone(built), Output.ansi())
                    + Output.text(counted, facetStories));
        out.flush();
        return Main.EXIT_OK;
      }
      if (count) {
        long n = idx.count(built);
        out.println(json ? JsonContract.count(n) : Long.toString(n));
        out.flush();
        return Main.EXIT_OK;
      }
      SearchResults results = idx.search(built);
      out.print(json ? Output.json(results) + "\n" : Output.text(results, displayZone(built), Output.ansi()));
    }
    out.flush();
    return Main.EXIT_OK;
  }

  /**
   * {@code --limt 5} is a typo, not a search for "--limt": arguments before {@code --} that start
   * with {@code --} and are neither an option nor an option's value are a usage error.
   */
  private void rejectUnknownLongOptions() {
    List<String> args = spec.commandLine().getParseResult().originalArgs();
    int start = args.indexOf(spec.name()) + 1; // the arguments of this command
    boolean value = false;
    for (int i = Math.max(start, 0); i < args.size(); i++) {
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
        throw new Main.UsageException(
            "unknown option '" + arg + "' (to search for text starting with --, put it after --)");
      }
      value = eq < 0 && option.arity().max() > 0;
    }
  }

  /** What --facet, --histogram and --sideways ask for, or null when none of them is given. */
  FacetRequest facetRequest(NewsQuery built) {
    if (facets.isEmpty() && histogram == null) {
      if (sideways || facetStories || chart != null
          || spec.commandLine().getParseResult().hasMatchedOption("--facet-limit")) {
        throw new Main.UsageException(
            "--facet-limit, --sideways, --facet-stories and --chart need --facet or --histogram");
      }
      return null;
    }
    if (count) {
      throw new Main.UsageException("--count cannot be combined with --facet or --histogram");
    }
    FacetRequest.Builder r =
        FacetRequest.builder().sideways(sideways).stories(facetStories).zone(displayZone(built));
    for (String f : facets) {
      try {
        r.dimensions(FacetDimension.parse(f));
      } catch (IllegalArgumentException e) {
        throw new Main.UsageException(e.getMessage());
      }
    }
    try {
      r.limit(facetLimit);
    } catch (IllegalArgumentException e) {
      throw new Main.UsageException("--facet-limit must be 1 to " + FacetRequest.MAX_LIMIT + ", not " + facetLimit);
    }
    if (histogram != null) {
      try {
        r.histogram(DateInterval.parse(histogram));
      } catch (IllegalArgumentException e) {
        throw new Main.UsageException(e.getMessage());
      }
    }
    if (chart != null) {
      if (histogram == null) {
        throw new Main.UsageException("--chart needs --histogram");
      }
      Charts.checkName(chart);
    }
    return r.build();
  }

  /** The zone dates are shown in: the query's, named UTC when none was given. */
  ZoneId displayZone(NewsQuery built) {
    return filters.zoneGiven() ? built.zone() : Output.UTC;
  }

  /** The query the options and QUERY describe. */
  NewsQuery query() {
    NewsQuery.Builder q = NewsQuery.builder().text(String.join(" ", query)).limit(limit).after(after);
    filters.applyTo(q);
    sections.forEach(q::section);
    if (sort != null) {
      q.sort(parseSort(sort));
    }
    if (halfLife != null) {
      if (sort == null || parseSort(sort) != SortOrder.RECENT) {
        throw new Main.UsageException("--half-life needs --sort recent");
      }
      q.recencyHalfLife(parseHalfLife(halfLife));
    }
    if (and && or) {
      throw new Main.UsageException("--and and --or cannot be combined");
    }
    if (and) {
      q.defaultOperator(NewsQuery.Operator.AND);
    } else if (or) {
      q.defaultOperator(NewsQuery.Operator.OR);
    }
    q.syntax(parseSyntax(syntax));
    q.exactTotal(exactTotal);
    q.collapse(collapse);
    q.correctTypos(!noTypoCorrection);
    return q.build();
  }

  private static QuerySyntax parseSyntax(String s) {
    if (s == null) {
      return QuerySyntax.PLAIN;
    }
    try {
      return QuerySyntax.valueOf(s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new Main.UsageException("--syntax must be plain or full, not '" + s + "'");
    }
  }

  private static SortOrder parseSort(String s) {
    try {
      return SortOrder.valueOf(s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new Main.UsageException(
          "--sort must be relevance, newest, oldest or recent, not '" + s + "'");
    }
  }

  private static final Pattern DURATION = Pattern.compile("(\\d{1,7})([mhdw])");

  /** {@code 90m}, {@code 12h}, {@code 7d}, {@code 2w}: a positive whole number and a unit. */
  static Duration parseHalfLife(String s) {
    Matcher m = DURATION.matcher(s.strip().toLowerCase(Locale.ROOT));
    long n = m.matches() ? Long.parseLong(m.group(1)) : 0;
    if (n <= 0) {
      throw new Main.UsageException(
          "--half-life must be a positive duration like 12h, 7d or 2w (units m h d w), not '" + s + "'");
    }
    Duration d =
        switch (m.group(2)) {
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          case "d" -> Duration.ofDays(n);
          default -> Duration.ofDays(7 * n);
        };
    if (d.compareTo(Duration.ofDays(100_000)) > 0) {
      throw new Main.UsageException("--half-life must be at most 100000 days, not '" + s + "'");
    }
    return d;
  }
}
