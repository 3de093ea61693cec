package dev.dateline.cli;

import dev.dateline.EntityType;
import dev.dateline.NewsIndex;
import dev.dateline.NewsQuery;
import dev.dateline.SearchResults;
import dev.dateline.SortOrder;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
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
      "Search an index. QUERY uses the query syntax: words (AND by default), \"phrases\", OR, NOT/-,",
      "(groups), field:word (headline, bullets, subheads, body, captions, byline) and filters",
      "person: place: org: source: section: tag: after: before:."
    })
final class SearchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin IndexOptions index;

  @Option(names = "--json", description = "Print one JSON object for scripts.")
  boolean json;

  @Option(names = "--from", paramLabel = "DATE", description = "Published on or after (2026, 2026-02, 2026-02-04, ISO date-time, now-7d).")
  String from;

  @Option(names = "--to", paramLabel = "DATE", description = "Published on or before; 2026-02 means through the end of February.")
  String to;

  @Option(names = "--tz", paramLabel = "ZONE", description = "Time zone for dates (default UTC), e.g. Europe/Kyiv or +08:00.")
  String zone;

  @Option(names = "--person", paramLabel = "NAME", description = "Mentions this person (repeatable: all must hold).")
  List<String> persons = new ArrayList<>();

  @Option(names = "--place", paramLabel = "NAME", description = "Mentions this place (repeatable).")
  List<String> places = new ArrayList<>();

  @Option(names = "--org", paramLabel = "NAME", description = "Mentions this organisation (repeatable).")
  List<String> orgs = new ArrayList<>();

  @Option(names = "--source", paramLabel = "NAME", description = "From this source (repeatable: any of them).")
  List<String> sources = new ArrayList<>();

  @Option(names = "--section", paramLabel = "NAME", description = "In this section (repeatable: any of them).")
  List<String> sections = new ArrayList<>();

  @Option(names = "--sort", paramLabel = "ORDER", description = "relevance, newest or oldest (default: relevance with a query, newest without).")
  String sort;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "Results per page (default 10, at most 1000).")
  int limit;

  @Option(names = "--after", paramLabel = "CURSOR", description = "Continue after this cursor (printed as 'next').")
  String after;

  @Option(names = "--or", description = "Words combine with OR instead of AND.")
  boolean or;

  @Parameters(paramLabel = "QUERY", arity = "0..*", description = "Query text.")
  List<String> query = new ArrayList<>();

  @Override
  public Integer call() {
    NewsQuery.Builder q = NewsQuery.builder().text(String.join(" ", query)).limit(limit).after(after);
    ZoneId tz = ZoneId.of("UTC");
    if (zone != null) {
      q.zone(zone);
      tz = dev.dateline.internal.Dates.parseZone(zone);
    }
    if (from != null) {
      q.from(from);
    }
    if (to != null) {
      q.to(to);
    }
    persons.forEach(n -> q.entity(EntityType.PERSON, n));
    places.forEach(n -> q.entity(EntityType.PLACE, n));
    orgs.forEach(n -> q.entity(EntityType.ORG, n));
    sources.forEach(q::source);
    sections.forEach(q::section);
    if (sort != null) {
      q.sort(parseSort(sort));
    }
    if (or) {
      q.defaultOperator(NewsQuery.Operator.OR);
    }
    NewsQuery built = q.build();
    PrintWriter out = spec.commandLine().getOut();
    try (NewsIndex idx = index.openReadOnly()) {
      SearchResults results = idx.search(built);
      out.print(json ? Output.json(results) + "\n" : Output.text(results, tz, Output.ansi()));
    }
    out.flush();
    return Main.EXIT_OK;
  }

  private static SortOrder parseSort(String s) {
    try {
      return SortOrder.valueOf(s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new Main.UsageException("--sort must be relevance, newest or oldest, not '" + s + "'");
    }
  }
}
