package dev.dateline.cli;

import dev.dateline.EntityType;
import dev.dateline.FacetDimension;
import dev.dateline.NewsQuery;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The filter options that {@code search} and {@code trends} share, in the embedded tool and the
 * cluster tool alike ({@code @Mixin QueryFilters filters}): dates and their zone, people, places,
 * organisations and sources. One declaration, so the commands cannot drift apart in names, help or
 * meaning.
 */
public final class QueryFilters {
  @Option(names = "--from", paramLabel = "DATE", description = "Published on or after (2026, 2026-02, 2026-02-04, ISO date-time, now-7d).")
  String from;

  @Option(names = "--to", paramLabel = "DATE", description = "Published on or before; 2026-02 means through the end of February.")
  String to;

  @Option(names = "--tz", paramLabel = "ZONE", description = "Time zone for dates and date histograms (default UTC), e.g. Europe/Kyiv or +08:00.")
  String zone;

  @Option(names = "--person", paramLabel = "NAME", description = "Mentions this person. Repeated, ALL must hold (AND): --person A --person B finds articles mentioning both.")
  List<String> persons = new ArrayList<>();

  @Option(names = "--place", paramLabel = "NAME", description = "Mentions this place. Repeated, ALL must hold (AND): articles mentioning every place given.")
  List<String> places = new ArrayList<>();

  @Option(names = "--org", paramLabel = "NAME", description = "Mentions this organisation. Repeated, ALL must hold (AND): articles mentioning every organisation given.")
  List<String> orgs = new ArrayList<>();

  @Option(names = "--source", paramLabel = "NAME", description = "From this source. Repeated, ANY may match (OR): --source A --source B finds articles from either.")
  List<String> sources = new ArrayList<>();

  /** Whether {@code --tz} was given (dates are then shown in that zone, else named UTC). */
  public boolean zoneGiven() {
    return zone != null;
  }

  /**
   * Adds the filters to {@code b}, with the dates of {@code --from} and {@code --to}.
   *
   * @throws IllegalArgumentException if a date or the zone is not valid
   */
  public NewsQuery.Builder applyTo(NewsQuery.Builder b) {
    return applyTo(b, from, to);
  }

  /**
   * Adds the filters to {@code b} with other dates (a background period), in the same zone.
   *
   * @throws IllegalArgumentException if a date or the zone is not valid
   */
  public NewsQuery.Builder applyTo(NewsQuery.Builder b, String fromDate, String toDate) {
    if (zone != null) {
      b.zone(zone);
    }
    if (fromDate != null) {
      b.from(fromDate);
    }
    if (toDate != null) {
      b.to(toDate);
    }
    persons.forEach(n -> b.entity(EntityType.PERSON, n));
    places.forEach(n -> b.entity(EntityType.PLACE, n));
    orgs.forEach(n -> b.entity(EntityType.ORG, n));
    sources.forEach(b::source);
    return b;
  }

  /**
   * Whether a facet value of an entity dimension is the entity one of these filters names (its
   * words all in the value: {@code --person Zelensky} names "Volodymyr Zelensky"), so lists of
   * what a query's articles mention can leave it out.
   */
  public boolean names(FacetDimension d, String value) {
    List<String> names =
        d == FacetDimension.PERSON ? persons : d == FacetDimension.PLACE ? places
            : d == FacetDimension.ORG ? orgs : List.of();
    return TrendsCommand.namedBy(names, value);
  }
}
