package dev.dateline;

import dev.dateline.internal.Dates;
import dev.dateline.internal.search.QueryNode;
import dev.dateline.internal.search.QueryParser;
import java.time.Clock;
import java.time.Duration;
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
 * ceasefire talks              either word, articles with both first (the default, RANKED;
 *                              see {@link Builder#defaultOperator}); sorted by date, both
 *                              words if some article has both; with AND, both words
 * ceasefire OR truce           either
 * "peace talks"                the phrase, words in this order; “curly”, ‘single’ and „low“
 *                              typographic quotes work the same
 * "peace talks"~3              proximity: the words within 3 position moves (0 to 10)
 * talks^2, "peace talks"^3     boost a word, phrase or (group)^0.5: a number above 0, at most 100
 * talks -russia, NOT russia    exclusion
 * (truce OR ceasefire) kyiv    grouping
 * headline:talks               one field: headline, bullets, subheads, body, captions, byline
 * negotiat*, zelenskyy~1       prefix, fuzzy (edit distance 0-2)
 * person:"Rustem Umerov"       entity filters: person:, place:, org:
 * source:"straits times"       source:, section:, tag:
 * after:2026-02-01 before:2026-02-28     publication date, inclusive, in the query's time zone
 * </pre>
 *
 * A {@code name:} prefix that is not one of these fields or filters is part of the word, so
 * {@code Trump: "no deal"}, {@code https://example.com/x} and {@code 10:45} are searched as text.
 * For text pasted into a search box, {@link QuerySyntax#PLAIN} reads words and phrases only and
 * never rejects the text ({@link Builder#syntax}).
 *
 * <h2>Dates</h2>
 *
 * {@link Builder#from} and {@link Builder#to} take {@code 2026}, {@code 2026-02}, {@code
 * 2026-02-04}, {@code today}, {@code yesterday}, an ISO date-time with or without offset, or a
 * relative {@code now}, {@code now-7d} (units s m h d w M y). Dates are strict ({@code 2026-02-30}
 * is an error) and their UTC year must be within 1000..9999. Both bounds are inclusive and a
 * calendar period covers all of it: {@code to("2026-02")} means through the last millisecond of
 * February in the chosen zone (default UTC). Relative bounds given to {@code from} and {@code to}
 * are resolved once, when the query is built, with the builder's {@link Builder#clock clock}; the
 * inline {@code after:} and {@code before:} of the query text take the same forms, but are read in
 * the query's zone and resolved against the system clock each time the query runs. Undated
 * articles never match a date filter.
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
 *
 * <h2>Recency</h2>
 *
 * {@link SortOrder#RECENT} ranks by relevance multiplied by a decay on age, {@code floor + (1 -
 * floor) * 0.5^(age / halfLife)}, with {@link Builder#recencyHalfLife} (default 7 days) and {@link
 * Builder#recencyFloor} (default 0.3: an old exact match keeps at least 30% of its score; undated
 * articles get the floor). Ages are measured from the {@link #recencyReference() reference
 * instant} fixed at {@link Builder#build()}, so results and cursors are reproducible.
 */
public final class NewsQuery {

  /** How juxtaposed terms combine (see {@link Builder#defaultOperator}). */
  public enum Operator {
    /** Every term must match: {@code ceasefire talks} means {@code ceasefire AND talks}. */
    AND,
    /** Any term may match, more matching terms scoring higher: {@code ceasefire OR talks}. */
    OR,
    /**
     * The default, for a search box: any of the juxtaposed words may match, so a page is never
     * empty while some words match, and articles with all of them rank first (relevance orders
     * each tier; words in 10% or more of the articles do not count, and a query of more than four
     * words that do, such as a pasted question, ranks by relevance alone). In a date order
     * ({@link SortOrder#NEWEST}, {@link SortOrder#OLDEST}), where nothing can put those articles
     * first, only the articles with all the words (stop words aside) match, unless no article
     * has them all: then any word does, as by relevance, for every page of the query. Strictness
     * stays available: {@code +word} must match, {@code -word} must not, a
     * query that is one phrase or one {@code a AND b} group is strict, and {@link #AND} makes
     * every word required. Inline filters ({@code person:}, {@code after:}) always restrict.
     */
    RANKED
  }

  /** The largest page size. Deeper results are reached with the cursor. */
  public static final int MAX_LIMIT = 1000;

  /**
   * An entity filter: type and name as the user gave it. The name is matched as described in the
   * class documentation ("Filters").
   *
   * @param type the kind of entity (person, place or organisation)
   * @param name the name as given, not stripped or normalised; it need not be the canonical name
   */
  public record EntityFilter(EntityType type, String name) {
    /**
     * Checks the filter.
     *
     * @throws NullPointerException if {@code type} or {@code name} is null
     * @throws InvalidQueryException if {@code name} is empty or blank
     */
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
  private final QuerySyntax syntax;
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
  private final boolean collapse;
  private final List<Query> filters;
  private final QueryLimits parserLimits;
  private final Duration recencyHalfLife;
  private final double recencyFloor;
  private final Instant recencyReference;
  private final boolean correctTypos;
  private final boolean expandAliases;

  private NewsQuery(Builder b, QueryNode parsed, Instant from, Instant to, Instant reference) {
    this.text = b.text == null ? "" : b.text;
    this.defaultOperator = b.defaultOperator;
    this.syntax = b.syntax;
    this.parsed = parsed;
    this.from = from;
    this.to = to;
    this.zone = b.zone;
    this.parserLimits = b.parserLimits;
    this.entities = List.copyOf(b.entities);
    this.excludedEntities = List.copyOf(b.excludedEntities);
    this.sources = List.copyOf(b.sources);
    this.sections = List.copyOf(b.sections);
    this.sort = b.sort != null ? b.sort : (parsed == null ? SortOrder.NEWEST : SortOrder.RELEVANCE);
    this.limit = b.limit;
    this.after = b.after;
    this.highlight = b.highlight;
    this.exactTotal = b.exactTotal;
    this.collapse = b.collapse;
    this.filters = List.copyOf(b.filters);
    this.recencyHalfLife = b.recencyHalfLife;
    this.recencyFloor = b.recencyFloor;
    this.recencyReference = this.sort == SortOrder.RECENT ? reference : null;
    this.correctTypos = b.correctTypos;
    this.expandAliases = b.expandAliases;
  }

  /**
   * A query for {@code text} with default settings: {@link Operator#RANKED} (any word, articles
   * with all the words first), best matches first, 10 hits
   * per page, highlighted snippets, no filters. Short for {@code builder().text(text).build()}.
   *
   * @param text free text in the query syntax; null or blank for a query that matches every
   *     article, newest first
   * @return the query
   * @throws InvalidQueryException if the text has a syntax error (with its position) or exceeds
   *     {@link QueryLimits#DEFAULT}
   * @throws InvalidDateException if an inline {@code after:} or {@code before:} is not a date
   */
  public static NewsQuery of(String text) {
    return builder().text(text).build();
  }

  /**
   * A new builder with the defaults: no text, no filters, {@link Operator#RANKED}, UTC, sort chosen by
   * the text (see {@link #sort()}), a page of 10, highlighting on, totals exact up to the index's
   * threshold only, {@link QueryLimits#DEFAULT}.
   *
   * @return a new builder, for use by one thread
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this query's settings, e.g. to fetch the next page or to narrow the query.
   * Dates carry over as the instants they were resolved to ({@code now-7d} is not resolved again),
   * and the order as resolved: a query built without {@link Builder#sort} keeps {@link
   * SortOrder#RELEVANCE} or {@link SortOrder#NEWEST} even if the text is then changed. The {@link
   * Builder#parserLimits parser limits} carry over, so a query whose text needed raised limits can
   * still be paged; the {@link Builder#clock clock} does not (it starts as the system clock). The
   * {@link #recencyReference() recency reference instant} carries over as resolved, like the dates.
   *
   * @return a new builder, independent of this query
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.text = text;
    b.defaultOperator = defaultOperator;
    b.syntax = syntax;
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
    b.collapse = collapse;
    b.filters.addAll(filters);
    b.parserLimits = parserLimits;
    b.recencyHalfLife = recencyHalfLife;
    b.recencyFloor = recencyFloor;
    b.recencyReference = recencyReference;
    b.correctTypos = correctTypos;
    b.expandAliases = expandAliases;
    return b;
  }

  /**
   * The same query positioned after {@code cursor}: short for {@code
   * toBuilder().after(cursor).build()}, so the caveats of {@link #toBuilder()} apply. The cursor
   * is checked when the query runs, not here.
   *
   * @param cursor a {@link SearchResults#next()} value of this query (or of one with the same
   *     sort order); null or blank for the first page
   * @return a new query; this one is unchanged
   * @throws InvalidQueryException if the text no longer parses under {@link QueryLimits#DEFAULT}
   *     (see {@link #toBuilder()})
   */
  public NewsQuery after(String cursor) {
    return toBuilder().after(cursor).build();
  }

  /**
   * The free text as given to {@link Builder#text}, not normalised.
   *
   * @return the text, or the empty string when there is none; never null
   */
  public String text() {
    return text;
  }

  /**
   * How juxtaposed terms of the text combine.
   *
   * @return the operator; {@link Operator#RANKED} unless set otherwise
   */
  public Operator defaultOperator() {
    return defaultOperator;
  }

  /**
   * How the text is read.
   *
   * @return the syntax; {@link QuerySyntax#FULL} unless set otherwise
   */
  public QuerySyntax syntax() {
    return syntax;
  }

  /**
   * The text as Dateline understood it, in the query syntax with every group in parentheses and
   * every operator explicit except the ranked juxtaposition: {@code talks kyiv -russia} gives
   * {@code (talks kyiv NOT russia)} under the default {@link Operator#RANKED} operator and {@code
   * (talks AND kyiv AND NOT russia)} under {@link Operator#AND}. Parsing this string again with the
   * same default operator gives the same query (an AND or OR query's text parses the same under
   * either of those two), also for a query written in {@link QuerySyntax#PLAIN}: the result is in
   * the full syntax. Empty when the query has no text. For showing users how their query was
   * read, and for logs.
   *
   * @return the normalised text, or the empty string; never null
   */
  public String normalizedText() {
    return parsed == null ? "" : parsed.toString();
  }

  /**
   * Whether unknown words of the text are corrected (see {@link Builder#correctTypos(boolean)}).
   *
   * @return true unless turned off
   */
  public boolean correctTypos() {
    return correctTypos;
  }

  /** The parsed text; null when there is no text. Not API: the compiler's input. */
  QueryNode parsed() {
    return parsed;
  }

  /**
   * Lower publication bound, inclusive, as resolved when the query was built (a calendar period
   * gives its first millisecond in {@link #zone()}). Does not include an inline {@code after:}.
   *
   * @return the bound, or null when there is none
   */
  public Instant from() {
    return from;
  }

  /**
   * Upper publication bound, inclusive, as resolved when the query was built (a calendar period
   * gives its last millisecond in {@link #zone()}). Does not include an inline {@code before:}.
   *
   * @return the bound, or null when there is none
   */
  public Instant to() {
    return to;
  }

  /**
   * The time zone in which calendar dates were read: those given to {@link Builder#from} and
   * {@link Builder#to}, and the inline {@code after:} and {@code before:} of the text.
   *
   * @return the zone; UTC unless set otherwise; never null
   */
  public ZoneId zone() {
    return zone;
  }

  /**
   * The entity filters that must all hold, in the order added (from {@link Builder#entity} and its
   * shortcuts; inline {@code person:} and the like are part of the text instead).
   *
   * @return an unmodifiable list, empty when there are none
   */
  public List<EntityFilter> entities() {
    return entities;
  }

  /**
   * The entities that matching articles must not mention, in the order added.
   *
   * @return an unmodifiable list, empty when there are none
   */
  public List<EntityFilter> excludedEntities() {
    return excludedEntities;
  }

  /**
   * The source filters, stripped of surrounding white space, in the order added; an article matches
   * when its source matches any of them.
   *
   * @return an unmodifiable list, empty for no source filter
   */
  public List<String> sources() {
    return sources;
  }

  /**
   * The section filters, stripped of surrounding white space, in the order added; an article
   * matches when its section matches any of them.
   *
   * @return an unmodifiable list, empty for no section filter
   */
  public List<String> sections() {
    return sections;
  }

  /**
   * The order of the results.
   *
   * @return the order set with {@link Builder#sort}; if none was set, {@link SortOrder#RELEVANCE}
   *     when there is text and {@link SortOrder#NEWEST} when there is none
   */
  public SortOrder sort() {
    return sort;
  }

  /**
   * The page size: the most hits one search returns.
   *
   * @return 1 to {@link #MAX_LIMIT}; 10 unless set otherwise
   */
  public int limit() {
    return limit;
  }

  /**
   * The cursor this page starts after.
   *
   * @return the cursor as given to {@link Builder#after}, or null for the first page
   */
  public String cursor() {
    return after;
  }

  /**
   * Whether hits carry highlighted snippets ({@link SearchHit#snippet()}).
   *
   * @return true unless turned off with {@link Builder#highlight(boolean)}
   */
  public boolean highlight() {
    return highlight;
  }

  /**
   * Whether {@link SearchResults#total()} is counted exactly (see {@link
   * Builder#exactTotal(boolean)}).
   *
   * @return false unless set otherwise
   */
  public boolean exactTotal() {
    return exactTotal;
  }

  /**
   * Whether the results show one hit per story (see {@link Builder#collapse(boolean)}).
   *
   * @return false unless set otherwise
   */
  public boolean collapse() {
    return collapse;
  }

  /**
   * Whether free-text words and phrases that name a known entity also match the entity's other
   * names (see {@link Builder#expandAliases(boolean)}).
   *
   * @return true unless turned off with {@link Builder#expandAliases(boolean)}
   */
  public boolean expandAliases() {
    return expandAliases;
  }

  /**
   * The caller's Lucene filters (see {@link Builder#filter}), in the order added.
   *
   * <p><b>Advanced, experimental:</b> exposes Lucene types, so it may change with the Lucene
   * version Dateline is built on.
   *
   * @return an unmodifiable list, empty when there are none
   */
  public List<Query> filters() {
    return filters;
  }

  /**
   * The half-life of the {@link SortOrder#RECENT} decay: the age at which an article keeps half of
   * what it can lose to its age (see {@link Builder#recencyHalfLife}).
   *
   * @return the half-life; {@link Builder#DEFAULT_RECENCY_HALF_LIFE} unless set otherwise
   */
  public Duration recencyHalfLife() {
    return recencyHalfLife;
  }

  /**
   * The floor of the {@link SortOrder#RECENT} multiplier (see {@link Builder#recencyFloor}).
   *
   * @return 0 to 1; {@link Builder#DEFAULT_RECENCY_FLOOR} unless set otherwise
   */
  public double recencyFloor() {
    return recencyFloor;
  }

  /**
   * The instant {@link SortOrder#RECENT} measures ages from: the builder's {@link Builder#clock
   * clock} when the query was built (or the instant carried over by {@link #toBuilder()}). A page
   * that continues a cursor is ranked against the instant carried in that cursor instead, so all
   * pages of a listing use the first page's instant.
   *
   * @return the reference instant when the order is {@link SortOrder#RECENT}, otherwise null
   */
  public Instant recencyReference() {
    return recencyReference;
  }

  /**
   * Whether this query has structured filters on a facet dimension: the filters that {@link
   * FacetRequest.Builder#sideways(boolean) drill-sideways} counts ignore for that dimension
   * (sources, sections, or entities of the dimension's type to include; not filters written in
   * the text, nor excluded entities).
   *
   * @param d the dimension
   * @return true if the query has such filters on {@code d}
   */
  public boolean filtersOn(FacetDimension d) {
    return switch (d) {
      case SOURCE -> !sources.isEmpty();
      case SECTION -> !sections.isEmpty();
      case PERSON, PLACE, ORG -> entities.stream().anyMatch(f -> f.type() == d.entityType());
      default -> false;
    };
  }

  /**
   * This query without its structured filters on a facet dimension (see {@link #filtersOn}): the
   * query whose matches a drill-sideways count of {@code d} counts over.
   *
   * @param d the dimension
   * @return a copy of this query without those filters (an equal copy if it has none)
   */
  public NewsQuery withoutFiltersOn(FacetDimension d) {
    Builder b = toBuilder();
    switch (d) {
      case SOURCE -> b.sources.clear();
      case SECTION -> b.sections.clear();
      case PERSON, PLACE, ORG -> b.entities.removeIf(f -> f.type() == d.entityType());
      default -> {}
    }
    return b.build();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NewsQuery q
        && text.equals(q.text)
        && defaultOperator == q.defaultOperator
        && syntax == q.syntax
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
        && collapse == q.collapse
        && filters.equals(q.filters)
        && recencyHalfLife.equals(q.recencyHalfLife)
        && Double.compare(recencyFloor, q.recencyFloor) == 0
        && Objects.equals(recencyReference, q.recencyReference)
        && correctTypos == q.correctTypos
        && expandAliases == q.expandAliases;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        text, defaultOperator, syntax, from, to, zone, entities, excludedEntities, sources,
        sections, sort, limit, after, highlight, exactTotal, collapse, filters, recencyHalfLife,
        recencyFloor, recencyReference, correctTypos, expandAliases);
  }

  /**
   * What the query means, for logs and debugging, e.g. {@code NewsQuery[(talks AND kyiv), published
   * 2026-02-01T00:00:00Z to ..., sort=RELEVANCE, limit=10]}: the normalised text ({@code *} for
   * none), the date bounds ({@code ...} for an open one), entity, source, section and Lucene
   * filters, the order, the page size, and the cursor and exact-total flag when set. The default
   * operator, zone and highlighting are not shown. Not a format to parse.
   *
   * @return a one-line description
   */
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
    if (sort == SortOrder.RECENT) {
      j.add("half-life=" + recencyHalfLife + " floor=" + recencyFloor + " at " + recencyReference);
    }
    j.add("limit=" + limit);
    if (after != null) {
      j.add("after=" + after);
    }
    if (exactTotal) {
      j.add("exactTotal");
    }
    if (collapse) {
      j.add("collapse");
    }
    if (!expandAliases) {
      j.add("noAliases");
    }
    return j.toString();
  }

  /**
   * Builder for {@link NewsQuery}. Each setter validates what it can; {@link #build()} the rest.
   * Not thread-safe: use one builder per thread. It can build any number of queries; each {@link
   * #build()} parses the text and resolves the dates afresh.
   */
  public static final class Builder {
    private String text;
    private Operator defaultOperator = Operator.RANKED;
    private QuerySyntax syntax = QuerySyntax.FULL;
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
    private boolean collapse;
    private final List<Query> filters = new ArrayList<>();
    private QueryLimits parserLimits = QueryLimits.DEFAULT;
    private Duration recencyHalfLife = DEFAULT_RECENCY_HALF_LIFE;
    private double recencyFloor = DEFAULT_RECENCY_FLOOR;
    private Instant recencyReference;
    private boolean correctTypos = true;
    private boolean expandAliases = true;

    /** The default {@link #recencyHalfLife half-life} of the {@link SortOrder#RECENT} decay: 7 days. */
    public static final Duration DEFAULT_RECENCY_HALF_LIFE = Duration.ofDays(7);

    /** The default {@link #recencyFloor floor} of the {@link SortOrder#RECENT} multiplier: 0.3. */
    public static final double DEFAULT_RECENCY_FLOOR = 0.3;

    private Builder() {}

    /**
     * Sets the free text, in the query syntax of the class documentation. Parsed by {@link
     * #build()}, not here.
     *
     * @param text the text; null or blank for none (filters only, newest first by default)
     * @return this builder
     */
    public Builder text(String text) {
      this.text = text;
      return this;
    }

    /**
     * Sets how juxtaposed terms combine: {@link Operator#RANKED} (the default: any word, articles
     * with more of the words first), {@link Operator#AND} (strict: every word) or {@link
     * Operator#OR}. Explicit {@code AND}, {@code OR}, {@code NOT}, {@code +} and {@code -} in the
     * text are not affected.
     *
     * @param op the operator
     * @return this builder
     * @throws NullPointerException if {@code op} is null
     */
    public Builder defaultOperator(Operator op) {
      this.defaultOperator = Objects.requireNonNull(op, "defaultOperator");
      return this;
    }

    /**
     * Sets how the text is read: {@link QuerySyntax#FULL} (the default: the query syntax of the
     * class documentation, invalid syntax is an error) or {@link QuerySyntax#PLAIN} (words and
     * phrases, {@code -word}, {@code +word} and known fields and filters; any text is accepted,
     * for a search box).
     *
     * @param syntax the syntax
     * @return this builder
     * @throws NullPointerException if {@code syntax} is null
     */
    public Builder syntax(QuerySyntax syntax) {
      this.syntax = Objects.requireNonNull(syntax, "syntax");
      return this;
    }

    /**
     * Sets the lower publication bound, inclusive: the start of the period, so {@code
     * from("2026-02")} means from the first millisecond of February. Replaces any earlier {@code
     * from}, text or instant. The text is parsed by {@link #build()}, in the {@link #zone} set by
     * then, whichever order the calls come in.
     *
     * @param date a date in one of the forms of the class documentation ("Dates"); null for no
     *     lower bound. Blank text is not "none": {@link #build()} rejects it
     * @return this builder
     */
    public Builder from(String date) {
      this.fromText = date;
      this.fromInstant = null;
      return this;
    }

    /**
     * Sets the upper publication bound, inclusive: the end of the period, so {@code to("2026-02")}
     * covers all of February (through its last millisecond). Replaces any earlier {@code to}, text
     * or instant. The text is parsed by {@link #build()}, in the {@link #zone} set by then.
     *
     * @param date a date in one of the forms of the class documentation ("Dates"); null for no
     *     upper bound. Blank text is not "none": {@link #build()} rejects it
     * @return this builder
     */
    public Builder to(String date) {
      this.toText = date;
      this.toInstant = null;
      return this;
    }

    /**
     * Sets the lower publication bound, inclusive, to an exact instant (compared to the
     * millisecond). Replaces any earlier {@code from}, text or instant.
     *
     * @param instant the bound; null for no lower bound
     * @return this builder
     */
    public Builder from(Instant instant) {
      this.fromInstant = instant;
      this.fromText = null;
      return this;
    }

    /**
     * Sets the upper publication bound, inclusive, to an exact instant (compared to the
     * millisecond). Replaces any earlier {@code to}, text or instant.
     *
     * @param instant the bound; null for no upper bound
     * @return this builder
     */
    public Builder to(Instant instant) {
      this.toInstant = instant;
      this.toText = null;
      return this;
    }

    /**
     * Sets the time zone in which calendar dates are read (default UTC): the text bounds of {@link
     * #from(String)} and {@link #to(String)}, {@code today}, month and year steps of relative
     * dates, and the inline {@code after:} and {@code before:} of the text. Date-times with an
     * offset and instants are not affected.
     *
     * @param zone the zone
     * @return this builder
     * @throws NullPointerException if {@code zone} is null
     */
    public Builder zone(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /**
     * Sets the time zone by id, like {@link #zone(ZoneId)}.
     *
     * @param zoneId a zone id such as {@code UTC}, {@code Europe/Kyiv} or {@code +08:00};
     *     surrounding white space is ignored
     * @return this builder
     * @throws InvalidDateException if the id is null or not a known zone
     */
    public Builder zone(String zoneId) {
      return zone(Dates.parseZone(zoneId));
    }

    /**
     * Sets the clock that {@link #build()} resolves relative {@link #from(String)} and {@link
     * #to(String)} bounds ({@code now-7d}, {@code today}) against; for tests. Default: the system
     * clock. The inline {@code after:} and {@code before:} of the text always use the system clock.
     * {@link #build()} also takes the {@link NewsQuery#recencyReference() reference instant} of a
     * {@link SortOrder#RECENT} query from this clock.
     *
     * @param clock the clock
     * @return this builder
     * @throws NullPointerException if {@code clock} is null
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Adds an entity filter: only articles mentioning this entity (all such filters must hold).
     * The name matches as described in the class documentation ("Filters"), including the known
     * variants of the index's {@link EntityExtractor}.
     *
     * @param type the kind of entity
     * @param name the name, e.g. {@code Zelenskyy} or {@code "Rustem Umerov"}
     * @return this builder
     * @throws NullPointerException if {@code type} or {@code name} is null
     * @throws InvalidQueryException if {@code name} is blank
     */
    public Builder entity(EntityType type, String name) {
      entities.add(new EntityFilter(type, name));
      return this;
    }

    /**
     * Adds a person filter: short for {@link #entity entity(EntityType.PERSON, name)}.
     *
     * @param name the person's name, or part of it (a surname alone matches the full name)
     * @return this builder
     * @throws NullPointerException if {@code name} is null
     * @throws InvalidQueryException if {@code name} is blank
     */
    public Builder person(String name) {
      return entity(EntityType.PERSON, name);
    }

    /**
     * Adds a place filter: short for {@link #entity entity(EntityType.PLACE, name)}. Places
     * include the dateline, so stories filed from the place match too.
     *
     * @param name the place's name
     * @return this builder
     * @throws NullPointerException if {@code name} is null
     * @throws InvalidQueryException if {@code name} is blank
     */
    public Builder place(String name) {
      return entity(EntityType.PLACE, name);
    }

    /**
     * Adds an organisation filter: short for {@link #entity entity(EntityType.ORG, name)}.
     * Organisations include credited agencies.
     *
     * @param name the organisation's name
     * @return this builder
     * @throws NullPointerException if {@code name} is null
     * @throws InvalidQueryException if {@code name} is blank
     */
    public Builder org(String name) {
      return entity(EntityType.ORG, name);
    }

    /**
     * Adds an exclusion: only articles not mentioning this entity, matched like {@link #entity}.
     * Repeatable; an article mentioning any excluded entity is left out.
     *
     * @param type the kind of entity
     * @param name the name
     * @return this builder
     * @throws NullPointerException if {@code type} or {@code name} is null
     * @throws InvalidQueryException if {@code name} is blank
     */
    public Builder excludeEntity(EntityType type, String name) {
      excludedEntities.add(new EntityFilter(type, name));
      return this;
    }

    /**
     * Adds a source filter: only articles whose source contains this name as a phrase, after name
     * analysis ({@code straits times} matches "The Straits Times"). Several sources: any of them.
     *
     * @param source the source's name; surrounding white space is stripped
     * @return this builder
     * @throws InvalidQueryException if {@code source} is null or blank
     */
    public Builder source(String source) {
      sources.add(requireText("source", source));
      return this;
    }

    /**
     * Adds a section filter: only articles whose section contains this name as a phrase, like
     * {@link #source}. Several sections: any of them.
     *
     * @param section the section's name; surrounding white space is stripped
     * @return this builder
     * @throws InvalidQueryException if {@code section} is null or blank
     */
    public Builder section(String section) {
      sections.add(requireText("section", section));
      return this;
    }

    /**
     * Sets the order of the results. Unset, it is {@link SortOrder#RELEVANCE} when the query has
     * text and {@link SortOrder#NEWEST} when it has none (decided at {@link #build()}).
     *
     * @param sort the order
     * @return this builder
     * @throws NullPointerException if {@code sort} is null
     */
    public Builder sort(SortOrder sort) {
      this.sort = Objects.requireNonNull(sort, "sort");
      return this;
    }

    /**
     * Sets the half-life of the {@link SortOrder#RECENT} decay (default {@link
     * #DEFAULT_RECENCY_HALF_LIFE}): an article that old has its relevance multiplied by {@code
     * floor + (1 - floor) / 2}, twice as old by {@code floor + (1 - floor) / 4}, and so on. A
     * shorter half-life favours recent articles more. Used only by {@link SortOrder#RECENT}.
     *
     * @param halfLife at least one millisecond and at most 100,000 days
     * @return this builder
     * @throws NullPointerException if {@code halfLife} is null
     * @throws InvalidQueryException if {@code halfLife} is out of that range
     */
    public Builder recencyHalfLife(Duration halfLife) {
      Objects.requireNonNull(halfLife, "halfLife");
      if (halfLife.compareTo(Duration.ofMillis(1)) < 0 || halfLife.compareTo(MAX_HALF_LIFE) > 0) {
        throw new InvalidQueryException(
            "recency half-life must be between 1 ms and 100000 days, was " + halfLife);
      }
      this.recencyHalfLife = halfLife;
      return this;
    }

    private static final Duration MAX_HALF_LIFE = Duration.ofDays(100_000);

    /**
     * Sets the floor of the {@link SortOrder#RECENT} multiplier (default {@link
     * #DEFAULT_RECENCY_FLOOR}): however old, an article keeps at least this share of its relevance
     * score, so an old but much better match can still outrank a weak recent one; undated articles
     * get exactly the floor. 0 lets age decay the score towards nothing; 1 turns recency off
     * (the order is then {@link SortOrder#RELEVANCE}'s). Used only by {@link SortOrder#RECENT}.
     *
     * @param floor 0 to 1, inclusive
     * @return this builder
     * @throws InvalidQueryException if {@code floor} is outside that range or not a number
     */
    public Builder recencyFloor(double floor) {
      if (!(floor >= 0 && floor <= 1)) {
        throw new InvalidQueryException("recency floor must be between 0 and 1, was " + floor);
      }
      this.recencyFloor = floor;
      return this;
    }

    /**
     * Sets whether free text that names a known entity also finds the entity's other names (default
     * true). An unfielded word, quoted phrase or run of up to four juxtaposed words that the index's {@link EntityExtractor} knows as a
     * name of a person, place or organisation (the {@link EntityExtractor#variants variants} the
     * entity filters use; for the {@link EntityExtractor#standard() standard} extractor, a
     * gazetteer name or alias in any case and with or without diacritics, an acronym such as
     * {@code US} only when typed in capitals) matches as itself or any other name of the entity,
     * each as a phrase: {@code kyiv} also finds "Kiev", {@code zelenskiy} finds "Zelensky". The
     * expansion stays one word of the query (for {@link Operator#RANKED}'s all-words ranking and
     * for AND), and a match of another name scores 0.9 times what the same match of the typed
     * name would. Names that contain the typed text ("Donald Trump" for {@code trump}) add
     * nothing and are left out. Prefixes, fuzzy words and words restricted to a field are never
     * expanded. False searches the text as typed.
     *
     * @param expand whether to expand entity names in the text
     * @return this builder
     */
    public Builder expandAliases(boolean expand) {
      this.expandAliases = expand;
      return this;
    }

    /**
     * Sets the page size: the most hits one search returns (default 10). Further hits are reached
     * with the cursor of {@link SearchResults#next()}.
     *
     * @param limit 1 to {@link #MAX_LIMIT}
     * @return this builder
     * @throws InvalidQueryException if {@code limit} is out of that range
     */
    public Builder limit(int limit) {
      if (limit < 1 || limit > MAX_LIMIT) {
        throw new InvalidQueryException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
      }
      this.limit = limit;
      return this;
    }

    /**
     * Sets where the page starts: after the last hit of the page that returned this cursor. The
     * cursor is opaque; it is checked when the query runs, where a string that is not a Dateline
     * cursor, or one from a query with another sort order, fails with {@link
     * InvalidQueryException}. A cursor stays valid across refreshes and writes.
     *
     * @param cursor a {@link SearchResults#next()} value; null or blank for the first page
     * @return this builder
     */
    public Builder after(String cursor) {
      this.after = cursor == null || cursor.isBlank() ? null : cursor;
      return this;
    }

    /**
     * Sets whether hits carry highlighted snippets (default true). Without them {@link
     * SearchHit#snippet()} and {@link SearchHit#highlight()} are null, and searches are cheaper.
     *
     * @param highlight whether to compute snippets
     * @return this builder
     */
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
     *
     * @param exact whether the total must be exact
     * @return this builder
     */
    public Builder exactTotal(boolean exact) {
      this.exactTotal = exact;
      return this;
    }

    /**
     * Shows one hit per {@link Story} (default false): of the matching members of each story, the
     * one the sort puts first (the best-ranked for relevance orders, the newest or oldest for date
     * orders), with the story's details in {@link SearchHit#story()}. Works with every filter,
     * every sort and cursor paging (a cursor from a collapsed page continues the collapsed
     * listing). The total then counts matching stories, exact up to {@link
     * NewsIndex.Options#totalHitsThreshold()} and a lower bound beyond it, as for plain searches
     * (exact with {@link #exactTotal(boolean)} or facet counts). The page is read from the plain
     * search, which still stops early; each story with several members costs one small search
     * over its members.
     *
     * @param collapse whether to show one hit per story
     * @return this builder
     */
    public Builder collapse(boolean collapse) {
      this.collapse = collapse;
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
     * @param filter the Lucene query that matching articles must also match
     * @return this builder
     * @throws NullPointerException if {@code filter} is null
     */
    public Builder filter(Query filter) {
      filters.add(Objects.requireNonNull(filter, "filter"));
      return this;
    }

    /**
     * Sets whether misspelt words are corrected (default true). A word of free text (unquoted,
     * without a field, not a prefix, fuzzy or excluded word) of four letters or more that occurs
     * nowhere in the index is replaced by the closest indexed word within two edits, if any. When
     * the query as written matches nothing, the corrected query runs instead and {@link
     * SearchResults#correctedText()} says so; otherwise the results are the query's own and
     * {@link SearchResults#suggestion()} offers the correction. See {@link SearchResults}. Does not
     * apply to {@link NewsIndex#count(NewsQuery)}.
     *
     * @param correct whether to correct unknown words
     * @return this builder
     */
    public Builder correctTypos(boolean correct) {
      this.correctTypos = correct;
      return this;
    }

    /**
     * Sets the bounds on the size and nesting of the text, checked by {@link #build()} (default
     * {@link QueryLimits#DEFAULT}). They are not part of the built query: {@link
     * NewsQuery#toBuilder()} starts again from the defaults.
     *
     * @param limits the bounds
     * @return this builder
     * @throws NullPointerException if {@code limits} is null
     */
    public Builder parserLimits(QueryLimits limits) {
      this.parserLimits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * Parses the text and dates and builds the query. Relative {@code from} and {@code to} bounds
     * are resolved now, against the {@link #clock}, and so is the {@link
     * NewsQuery#recencyReference() reference instant} of a {@link SortOrder#RECENT} query (unless
     * carried over by {@link NewsQuery#toBuilder()}). The builder is unchanged and may build again.
     *
     * @return the query, immutable
     * @throws InvalidQueryException on a syntax error, with its position, or text beyond the
     *     {@link #parserLimits parser limits} (never for the text in {@link QuerySyntax#PLAIN})
     * @throws InvalidDateException on a date that is not a date (in {@code from}, {@code to} or
     *     an inline {@code after:} or {@code before:}), a blank {@code from} or {@code to} text, a
     *     year outside 1000..9999, or a from bound after the to bound
     */
    public NewsQuery build() {
      QueryNode parsed =
          syntax == QuerySyntax.PLAIN
              ? QueryParser.parsePlain(
                  text, defaultOperator == Operator.AND, defaultOperator == Operator.RANKED,
                  parserLimits)
              : QueryParser.parse(
                  text, defaultOperator == Operator.AND, defaultOperator == Operator.RANKED,
                  parserLimits);
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
      Instant reference = recencyReference != null ? recencyReference : clock.instant();
      return new NewsQuery(this, parsed, from, to, reference);
    }

    private static String requireText(String what, String value) {
      if (value == null || value.isBlank()) {
        throw new InvalidQueryException(what + " filter needs a value");
      }
      return value.strip();
    }
  }
}
