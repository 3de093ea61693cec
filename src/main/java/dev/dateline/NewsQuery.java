package dev.dateline;

import dev.dateline.internal.Dates;
import dev.dateline.internal.search.QueryNode;
import dev.dateline.internal.search.QueryParser;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import org.apache.lucene.search.Query;

/**
 * A search request: free text in the query syntax plus structured filters, an order, a page size
 * and an optional cursor. Immutable and thread-safe; build one with {@link #builder()} or {@link
 * #of(String)}. Equal queries are {@link #equals equal}.
 *
 * <h2>Query syntax</h2>
 *
 * <pre>
 * ceasefire talks              both words (AND is the default; see {@link Builder#defaultOperator})
 * ceasefire OR truce           either
 * "peace talks"                the phrase, words in this order
 * talks -russia, NOT russia    exclusion
 * (truce OR ceasefire) kyiv    grouping
 * headline:talks               one field: headline, bullets, subheads, body, captions, byline
 * negotiat*, zelenskyy~1       prefix, fuzzy (edit distance 0-2)
 * person:"Rustem Umerov"       entity filters: person:, place:, org:
 * source:"straits times"       source:, section:, tag:
 * after:2026-02-01 before:2026-02-28     publication date, inclusive, in the query's time zone
 * </pre>
 *
 * <h2>Dates</h2>
 *
 * {@link Builder#from} and {@link Builder#to} take {@code 2026}, {@code 2026-02}, {@code
 * 2026-02-04}, an ISO date-time with or without offset, or a relative {@code now-7d} (units s m h d
 * w M y). Both bounds are inclusive and a calendar period covers all of it: {@code to("2026-02")}
 * means through the last millisecond of February in the chosen zone (default UTC). Relative bounds
 * are resolved when the query is built. Undated articles never match a date filter.
 *
 * <h2>Filters</h2>
 *
 * Entity filters match the canonical name or any alias of an entity, ignoring case, diacritics,
 * honorifics and transliteration endings, and a surname alone matches the full name. All entity
 * filters must hold; excluded entities must not. Several sources (or sections) match any of them.
 * Callers who need more may add their own Lucene queries as filters ({@link Builder#filter}).
 *
 * <h2>Totals</h2>
 *
 * By default {@link SearchResults#total()} counts exactly up to {@link
 * NewsIndex.Options#totalHitsThreshold()} matches and is that threshold, flagged as a lower bound,
 * beyond it; {@link Builder#exactTotal(boolean)} asks for the exact number, and {@link
 * NewsIndex#count(NewsQuery)} gives only the number.
 */
public final class NewsQuery {

  /** How juxtaposed terms combine. */
  public enum Operator {
    AND,
    OR
  }

  /** The largest page size. Deeper results are reached with the cursor. */
  public static final int MAX_LIMIT = 1000;

  /** An entity filter: type and name as the user gave it. */
  public record EntityFilter(EntityType type, String name) {
    public EntityFilter {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(name, "name");
      if (name.isBlank()) {
        throw new InvalidQueryException(type.key() + " filter needs a name");
      }
    }
  }

  private final String text;
  private final Operator defaultOperator;
  private final QueryNode parsed;
  private final Instant from;
  private final Instant to;
  private final ZoneId zone;
  private final List<EntityFilter> entities;
  private final List<EntityFilter> excludedEntities;
  private final List<String> sources;
  private final List<String> sections;
  private final SortOrder sort;
  private final int limit;
  private final String after;
  private final boolean highlight;
  private final boolean exactTotal;
  private final List<Query> filters;

  private NewsQuery(Builder b, QueryNode parsed, Instant from, Instant to) {
    this.text = b.text == null ? "" : b.text;
    this.defaultOperator = b.defaultOperator;
    this.parsed = parsed;
    this.from = from;
    this.to = to;
    this.zone = b.zone;
    this.entities = List.copyOf(b.entities);
    this.excludedEntities = List.copyOf(b.excludedEntities);
    this.sources = List.copyOf(b.sources);
    this.sections = List.copyOf(b.sections);
    this.sort = b.sort != null ? b.sort : (parsed == null ? SortOrder.NEWEST : SortOrder.RELEVANCE);
    this.limit = b.limit;
    this.after = b.after;
    this.highlight = b.highlight;
    this.exactTotal = b.exactTotal;
    this.filters = List.copyOf(b.filters);
  }

  /** A query for {@code text} with default settings. */
  public static NewsQuery of(String text) {
    return builder().text(text).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this query's settings, e.g. to fetch the next page. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.text = text;
    b.defaultOperator = defaultOperator;
    b.fromInstant = from;
    b.toInstant = to;
    b.zone = zone;
    b.entities.addAll(entities);
    b.excludedEntities.addAll(excludedEntities);
    b.sources.addAll(sources);
    b.sections.addAll(sections);
    b.sort = sort;
    b.limit = limit;
    b.after = after;
    b.highlight = highlight;
    b.exactTotal = exactTotal;
    b.filters.addAll(filters);
    return b;
  }

  /** The same query positioned after {@code cursor} (a {@link SearchResults#next()} value). */
  public NewsQuery after(String cursor) {
    return toBuilder().after(cursor).build();
  }

  public String text() {
    return text;
  }

  public Operator defaultOperator() {
    return defaultOperator;
  }

  /**
   * The text as Dateline understood it, in the query syntax with every operator explicit and every
   * group in parentheses: {@code talks kyiv -russia} gives {@code (talks AND kyiv AND NOT russia)}.
   * Parsing this string again (with either default operator) gives the same query. Empty when the
   * query has no text. For showing users how their query was read, and for logs.
   */
  public String normalizedText() {
    return parsed == null ? "" : parsed.toString();
  }

  /** The parsed text; null when there is no text. Not API: the compiler's input. */
  QueryNode parsed() {
    return parsed;
  }

  /** Lower publication bound, inclusive, or null. */
  public Instant from() {
    return from;
  }

  /** Upper publication bound, inclusive, or null. */
  public Instant to() {
    return to;
  }

  public ZoneId zone() {
    return zone;
  }

  public List<EntityFilter> entities() {
    return entities;
  }

  public List<EntityFilter> excludedEntities() {
    return excludedEntities;
  }

  public List<String> sources() {
    return sources;
  }

  public List<String> sections() {
    return sections;
  }

  /** The order; RELEVANCE by default when there is text, NEWEST when there is none. */
  public SortOrder sort() {
    return sort;
  }

  public int limit() {
    return limit;
  }

  /** The cursor this page starts after, or null for the first page. */
  public String cursor() {
    return after;
  }

  /** Whether hits carry highlighted snippets. */
  public boolean highlight() {
    return highlight;
  }

  /**
   * Whether {@link SearchResults#total()} is counted exactly (see {@link
   * Builder#exactTotal(boolean)}).
   */
  public boolean exactTotal() {
    return exactTotal;
  }

  /**
   * The caller's Lucene filters (see {@link Builder#filter}), in the order added; unmodifiable.
   * Advanced, experimental.
   */
  public List<Query> filters() {
    return filters;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NewsQuery q
        && text.equals(q.text)
        && defaultOperator == q.defaultOperator
        && Objects.equals(from, q.from)
        && Objects.equals(to, q.to)
        && zone.equals(q.zone)
        && entities.equals(q.entities)
        && excludedEntities.equals(q.excludedEntities)
        && sources.equals(q.sources)
        && sections.equals(q.sections)
        && sort == q.sort
        && limit == q.limit
        && Objects.equals(after, q.after)
        && highlight == q.highlight
        && exactTotal == q.exactTotal
        && filters.equals(q.filters);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        text, defaultOperator, from, to, zone, entities, excludedEntities, sources, sections, sort,
        limit, after, highlight, exactTotal, filters);
  }

  /** What the query means, e.g. {@code NewsQuery[(talks AND kyiv), published 2026-02-01T00:00:00Z..., sort=NEWEST, limit=10]}. */
  @Override
  public String toString() {
    StringJoiner j = new StringJoiner(", ", "NewsQuery[", "]");
    j.add(parsed == null ? "*" : parsed.toString());
    if (from != null || to != null) {
      j.add("published " + (from == null ? "..." : from) + " to " + (to == null ? "..." : to));
    }
    entities.forEach(e -> j.add(e.type().key() + "=" + e.name()));
    excludedEntities.forEach(e -> j.add("not " + e.type().key() + "=" + e.name()));
    if (!sources.isEmpty()) {
      j.add("source in " + sources);
    }
    if (!sections.isEmpty()) {
      j.add("section in " + sections);
    }
    filters.forEach(f -> j.add("filter " + f));
    j.add("sort=" + sort);
    j.add("limit=" + limit);
    if (after != null) {
      j.add("after=" + after);
    }
    if (exactTotal) {
      j.add("exactTotal");
    }
    return j.toString();
  }

  /** Builder for {@link NewsQuery}. Each setter validates what it can; {@link #build()} the rest. */
  public static final class Builder {
    private String text;
    private Operator defaultOperator = Operator.AND;
    private String fromText;
    private String toText;
    private Instant fromInstant;
    private Instant toInstant;
    private ZoneId zone = ZoneOffset.UTC;
    private Clock clock = Clock.systemUTC();
    private final List<EntityFilter> entities = new ArrayList<>();
    private final List<EntityFilter> excludedEntities = new ArrayList<>();
    private final List<String> sources = new ArrayList<>();
    private final List<String> sections = new ArrayList<>();
    private SortOrder sort;
    private int limit = 10;
    private String after;
    private boolean highlight = true;
    private boolean exactTotal;
    private final List<Query> filters = new ArrayList<>();
    private QueryLimits parserLimits = QueryLimits.DEFAULT;

    private Builder() {}

    /** Free text in the query syntax; null or blank for none (filters only). */
    public Builder text(String text) {
      this.text = text;
      return this;
    }

    /** How juxtaposed terms combine: AND (default, as in news and web search) or OR. */
    public Builder defaultOperator(Operator op) {
      this.defaultOperator = Objects.requireNonNull(op, "defaultOperator");
      return this;
    }

    /** Lower publication bound, inclusive (see the class doc for accepted forms). */
    public Builder from(String date) {
      this.fromText = date;
      this.fromInstant = null;
      return this;
    }

    /** Upper publication bound, inclusive: {@code to("2026-02")} covers all of February. */
    public Builder to(String date) {
      this.toText = date;
      this.toInstant = null;
      return this;
    }

    /** Lower publication bound, inclusive. */
    public Builder from(Instant instant) {
      this.fromInstant = instant;
      this.fromText = null;
      return this;
    }

    /** Upper publication bound, inclusive. */
    public Builder to(Instant instant) {
      this.toInstant = instant;
      this.toText = null;
      return this;
    }

    /** Time zone in which calendar dates are read (default UTC). */
    public Builder zone(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /** Time zone by id ({@code Europe/Kyiv}, {@code +08:00}). */
    public Builder zone(String zoneId) {
      return zone(Dates.parseZone(zoneId));
    }

    /** Clock for relative dates ({@code now-7d}); for tests. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Only articles mentioning this entity (all such filters must hold). */
    public Builder entity(EntityType type, String name) {
      entities.add(new EntityFilter(type, name));
      return this;
    }

    public Builder person(String name) {
      return entity(EntityType.PERSON, name);
    }

    public Builder place(String name) {
      return entity(EntityType.PLACE, name);
    }

    public Builder org(String name) {
      return entity(EntityType.ORG, name);
    }

    /** Only articles not mentioning this entity. */
    public Builder excludeEntity(EntityType type, String name) {
      excludedEntities.add(new EntityFilter(type, name));
      return this;
    }

    /** Only articles from this source (several sources: any of them). */
    public Builder source(String source) {
      sources.add(requireText("source", source));
      return this;
    }

    /** Only articles in this section (several sections: any of them). */
    public Builder section(String section) {
      sections.add(requireText("section", section));
      return this;
    }

    public Builder sort(SortOrder sort) {
      this.sort = Objects.requireNonNull(sort, "sort");
      return this;
    }

    /** Page size, 1 to {@link #MAX_LIMIT} (default 10). */
    public Builder limit(int limit) {
      if (limit < 1 || limit > MAX_LIMIT) {
        throw new InvalidQueryException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
      }
      this.limit = limit;
      return this;
    }

    /** Start after this cursor (from {@link SearchResults#next()}); null for the first page. */
    public Builder after(String cursor) {
      this.after = cursor == null || cursor.isBlank() ? null : cursor;
      return this;
    }

    /** Whether hits carry highlighted snippets (default true). */
    public Builder highlight(boolean highlight) {
      this.highlight = highlight;
      return this;
    }

    /**
     * Whether {@link SearchResults#total()} must be the exact number of matches (default false).
     *
     * <p>When false, the total is exact up to {@link NewsIndex.Options#totalHitsThreshold()} and
     * beyond it is the threshold itself, flagged as a lower bound; that lets Lucene skip matches
     * that cannot reach the page (see {@link SearchResults}). When true, {@link
     * SearchResults#totalIsExact()} is always true: the page is still found with those shortcuts,
     * and if Lucene skipped matches doing so (possible only when more than the threshold match),
     * the matches are then counted in a second, non-scoring pass over the same point-in-time view,
     * within the same {@link NewsIndex.Options#queryTimeout}. That pass visits every match unless
     * the index statistics answer it, so on a broad query over a large index it can cost more
     * than the page itself. For the number alone use {@link NewsIndex#count(NewsQuery)}.
     */
    public Builder exactTotal(boolean exact) {
      this.exactTotal = exact;
      return this;
    }

    /**
     * Adds a Lucene query that matching articles must also match, as a non-scoring filter clause:
     * it restricts the results without changing the score or order of the remaining hits.
     * Repeatable; all filters must hold, together with the text and every other filter. Applies to
     * {@link NewsIndex#search}, {@link NewsIndex#count(NewsQuery)} and cursor pages alike (pass
     * the same filters with the cursor: {@link NewsQuery#after(String)} keeps them).
     *
     * <p>Build the query over the fields in {@link IndexFields}, preferably with its factories,
     * which analyse names and dates as the index does. Use immutable queries with value-based
     * {@code equals} and {@code hashCode} (all of Lucene's are): they take part in this query's
     * {@link NewsQuery#equals equals}, and Lucene's query cache keys on them.
     *
     * <p><b>Advanced, experimental:</b> exposes Lucene types, so it may change with the Lucene
     * version Dateline is built on.
     *
     * @throws NullPointerException if {@code filter} is null
     */
    public Builder filter(Query filter) {
      filters.add(Objects.requireNonNull(filter, "filter"));
      return this;
    }

    /** Bounds on query size and nesting (defaults: {@link QueryLimits#DEFAULT}). */
    public Builder parserLimits(QueryLimits limits) {
      this.parserLimits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * Parses the text and dates and builds the query.
     *
     * @throws InvalidQueryException on a syntax error, with its position
     * @throws InvalidDateException on a date that is not a date, or a from bound after the to
     *     bound
     */
    public NewsQuery build() {
      QueryNode parsed = QueryParser.parse(text, defaultOperator == Operator.AND, parserLimits);
      Instant from = fromInstant;
      Instant to = toInstant;
      if (fromText != null) {
        from = Dates.parseFilterBound("from", fromText, zone, clock).start();
      }
      if (toText != null) {
        to = Dates.parseFilterBound("to", toText, zone, clock).endExclusive().minusMillis(1);
      }
      if (from != null && to != null && from.isAfter(to)) {
        throw new InvalidDateException(
            "from (" + from + ") is after to (" + to + "): the date range is empty");
      }
      return new NewsQuery(this, parsed, from, to);
    }

    private static String requireText(String what, String value) {
      if (value == null || value.isBlank()) {
        throw new InvalidQueryException(what + " filter needs a value");
      }
      return value.strip();
    }
  }
}
