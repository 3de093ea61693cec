package dev.dateline.internal.search;

import dev.dateline.EntityExtractor;
import dev.dateline.EntityType;
import dev.dateline.InvalidQueryException;
import dev.dateline.NewsQuery;
import dev.dateline.SearchField;
import dev.dateline.SortOrder;
import dev.dateline.internal.Dates;
import dev.dateline.internal.index.Schema;
import dev.dateline.internal.search.QueryNode.And;
import dev.dateline.internal.search.QueryNode.Boosted;
import dev.dateline.internal.search.QueryNode.Filter;
import dev.dateline.internal.search.QueryNode.Fuzzy;
import dev.dateline.internal.search.QueryNode.Not;
import dev.dateline.internal.search.QueryNode.Or;
import dev.dateline.internal.search.QueryNode.Phrase;
import dev.dateline.internal.search.QueryNode.Prefix;
import dev.dateline.internal.search.QueryNode.Ranked;
import dev.dateline.internal.search.QueryNode.Required;
import dev.dateline.internal.search.QueryNode.Term;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CombinedFieldQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns a {@link NewsQuery} into one Lucene query. The only place that decides how text and
 * filters become Lucene clauses:
 *
 * <ul>
 *   <li>Text without a field is scored over the text fields together (BM25F): with the default
 *       boosts, as a query on the combined field the index holds ({@link Schema#ALL_TEXT}, each
 *       field's text repeated as many times as its weight), one postings list per word with
 *       per-block score bounds, so words, phrases, prefixes and fuzzy words cost what they would
 *       in a single field. With other boosts ({@code NewsIndex.Options.Builder.boost}), a single
 *       word is a {@link CombinedFieldQuery} over the text fields with the boosts divided by the
 *       smallest as weights (the same BM25F scores, computed at search time, without per-block
 *       bounds), and anything else (a phrase, a word analysing to several tokens such as {@code
 *       U.S.-backed}, a prefix, a fuzzy word) a dis-max of the fields, each boosted.
 *   <li>With combined field scoring off ({@code combinedFieldScoring(false)}), text without a field
 *       is a {@link DisjunctionMaxQuery} over the text fields, each boosted by its boost, with
 *       tie-breaker {@value #TIE_BREAKER}: only the best field counts.
 *   <li>A ranked group (juxtaposed words, the default) is Lucene's classic OR with three
 *       refinements, measured on TIME (benchmarks/results/relevance/RESULTS.md): English stop
 *       words ({@code the}, {@code of}, ...) are left out of the scoring unless quoted, required or
 *       alone; an article matching every word that is not common ({@link #COMMON_FRACTION}) gains
 *       {@link #ALL_WORDS_BONUS}, so it ranks above those that miss one (when at least two words
 *       are not common); and each pair of adjacent
 *       words found within {@value #PROXIMITY_SLOP} positions of each other adds a proximity
 *       score ({@link #PROXIMITY_BOOST}).
 *   <li>Unfielded text that names a known entity ({@code kyiv}, {@code "volodymyr zelenskiy"},
 *       and unquoted runs of up to {@value #MAX_NAME_WORDS} juxtaposed words such as {@code
 *       volodymyr zelenskiy}) also matches the entity's other names, through the extractor's {@link
 *       EntityExtractor#variants} as the entity filters use them: one dis-max unit of the name as
 *       typed and the others, boosted by {@value #ALIAS_BOOST}; off with
 *       {@link NewsQuery#expandAliases()} false.
 *   <li>Text restricted to a field ({@code headline:talks}) is a plain query on that field,
 *       without a boost.
 *   <li>Filters (dates, entities, sources, sections; inline or structured; and the caller's own
 *       Lucene queries from {@link NewsQuery#filters()}) are non-scoring FILTER clauses, which
 *       Lucene may cache and which do not disturb relevance.
 *   <li>Prefix and fuzzy terms expand to at most {@value #MAX_EXPANSIONS} and {@value
 *       #MAX_FUZZY_EXPANSIONS} terms per field.
 * </ul>
 */
public final class QueryCompiler {
  static final float TIE_BREAKER = 0.0f;
  static final int MAX_EXPANSIONS = 128;
  static final int MAX_FUZZY_EXPANSIONS = 50;

  /** Longest indexed word: the text analyzer splits longer tokens (see NewsAnalyzer). */
  static final int MAX_TERM_CHARS = 255;

  /** A compiled query and its text part alone (what the highlighter marks). */
  public record Compiled(Query query, Query text) {}

  private final Schema schema;
  private final Map<SearchField, Float> boosts;
  private final Map<SearchField, Float> weights;
  private final EntityExtractor variants;
  private final Unfielded unfielded;
  private final boolean expandAliases;
  /** This compiler without alias expansion, for queries that turn it off. */
  private final QueryCompiler literal;

  /** How text without a field is searched and scored. */
  enum Unfielded {
    /** In the combined field {@link Schema#ALL_TEXT} (BM25F with the index's weights). */
    ALL_TEXT,
    /** BM25F at search time with other weights ({@link CombinedFieldQuery}), else best field. */
    WEIGHTED_FIELDS,
    /** By the best field: a dis-max of the boosted fields. */
    BEST_FIELD
  }

  /**
   * A compiler; with {@code combinedFields}, unfielded text is scored over all text fields
   * together (BM25F), otherwise by its best field.
   */
  public QueryCompiler(
      Schema schema, Map<SearchField, Float> boosts, EntityExtractor variants, boolean combinedFields) {
    this.schema = schema;
    this.boosts = new EnumMap<>(boosts);
    this.weights = combinedWeights(this.boosts);
    this.variants = variants;
    this.unfielded =
        !combinedFields
            ? Unfielded.BEST_FIELD
            : indexWeights(this.boosts) ? Unfielded.ALL_TEXT : Unfielded.WEIGHTED_FIELDS;
    this.expandAliases = true;
    this.literal = new QueryCompiler(this);
  }

  /** The literal twin of {@code expanding}: the same settings, no alias expansion. */
  private QueryCompiler(QueryCompiler expanding) {
    this.schema = expanding.schema;
    this.boosts = expanding.boosts;
    this.weights = expanding.weights;
    this.variants = expanding.variants;
    this.unfielded = expanding.unfielded;
    this.expandAliases = false;
    this.literal = this;
  }

  /** Whether the boosts weigh the fields as {@link Schema#ALL_TEXT} does (up to a common factor). */
  static boolean indexWeights(Map<SearchField, Float> boosts) {
    Map<SearchField, Float> weights = combinedWeights(boosts);
    for (SearchField f : SearchField.values()) {
      if (weights.get(f) != Schema.weight(f)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The BM25F weight of each text field for {@link CombinedFieldQuery}: its boost divided by the
   * smallest boost, so that every weight is at least 1 as that query requires.
   */
  static Map<SearchField, Float> combinedWeights(Map<SearchField, Float> boosts) {
    float smallest = Float.POSITIVE_INFINITY;
    for (SearchField f : SearchField.values()) {
      smallest = Math.min(smallest, boosts.get(f));
    }
    Map<SearchField, Float> weights = new EnumMap<>(SearchField.class);
    for (SearchField f : SearchField.values()) {
      // x / x is exactly 1 in floating point, and x / smallest >= 1 for x >= smallest.
      weights.put(f, Math.max(1f, boosts.get(f) / smallest));
    }
    return weights;
  }

  /**
   * Compiles a query.
   *
   * @param parsed the parsed text of {@code q} (null when it has no text); passed in because the
   *     parsed form is not part of {@link NewsQuery}'s public API
   * @param reader the index searched, whose statistics say which words are common; null to treat
   *     no word as common
   * @throws InvalidQueryException if a boolean clause of the query has more direct clauses than
   *     Lucene allows ({@link IndexSearcher#getMaxClauseCount()})
   */
  public Compiled compile(NewsQuery q, QueryNode parsed, IndexReader reader) {
    return compile(q, parsed, reader == null ? null : Statistics.of(reader));
  }

  /**
   * Compiles a query with these statistics deciding which words are common (null: none is), for
   * hosts whose searcher holds statistics other than its reader's (global ones, under OpenSearch's
   * DFS).
   */
  public Compiled compile(NewsQuery q, QueryNode parsed, Statistics stats) {
    try {
      return (q.expandAliases() ? this : literal)
          .compileClauses(q, parsed, new Context(q.zone(), stats, allWordsOrder(q)));
    } catch (IndexSearcher.TooManyClauses e) {
      throw tooComplex();
    }
  }

  /** The error for a query that expands beyond Lucene's clause limit, when built or run. */
  public static InvalidQueryException tooComplex() {
    return new InvalidQueryException(
        "query is too complex: it expands to more than "
            + IndexSearcher.getMaxClauseCount()
            + " clauses (use fewer words, prefixes or fuzzy terms)");
  }

  /**
   * What compiling one query needs besides the node: the time zone of dates, the index, and
   * whether ranked groups must match all their words ({@link #allWordsOrder}).
   */
  record Context(ZoneId zone, Statistics stats, boolean allWords) {}

  /**
   * Whether the ranked words of {@code q} must all match: in a date order ({@link
   * SortOrder#NEWEST}, {@link SortOrder#OLDEST}) nothing puts the articles that have all of them
   * first, so a list by date of every article with any one word would be mostly about something
   * else. There, a ranked group of two or more words (stop words left out) matches only articles
   * with all of them, and a search whose text no article matches that way runs with {@link
   * #anyWord} instead (never an empty page while some word matches: {@code NewsIndex} and the
   * cluster client decide once for all pages of the query, see {@link #requiresAllWords}).
   */
  static boolean allWordsOrder(NewsQuery q) {
    return q.defaultOperator() == NewsQuery.Operator.RANKED
        && (q.sort() == SortOrder.NEWEST || q.sort() == SortOrder.OLDEST);
  }

  /**
   * Whether {@code q}, with its text read as {@code parsed}, may be made to match only articles
   * with all its words ({@link #allWordsOrder}): its order asks for it and the text has a ranked
   * group of two or more optional clauses once stop words are left out. Read from the parsed text
   * alone, so a host can tell without the index; it may say yes where compiling finds fewer
   * clauses (a run of words naming one entity is one clause, a word of punctuation none), and
   * then the query compiles as {@link #anyWord} would: asking costs a look, never a result.
   */
  public static boolean requiresAllWords(NewsQuery q, QueryNode parsed) {
    return parsed != null && allWordsOrder(q) && hasRankedWords(parsed);
  }

  private static boolean hasRankedWords(QueryNode node) {
    return switch (node) {
      case Ranked r -> scoredClauses(r.clauses()).stream()
              .filter(c -> !(c instanceof Not) && !(c instanceof Required) && !isFilter(c))
              .count() > 1
          || r.clauses().stream().anyMatch(QueryCompiler::hasRankedWords);
      case And a -> a.clauses().stream().anyMatch(QueryCompiler::hasRankedWords);
      case Or o -> o.clauses().stream().anyMatch(QueryCompiler::hasRankedWords);
      case Required r -> hasRankedWords(r.clause());
      case Not n -> hasRankedWords(n.clause());
      case Boosted b -> hasRankedWords(b.clause());
      default -> false;
    };
  }

  /**
   * {@code q} compiled so that its ranked words need not all match ({@link #requiresAllWords}):
   * the same query, sorted by relevance for the compiler only (the caller still orders the hits
   * by date; the sort plays no other part in compiling).
   */
  public static NewsQuery anyWord(NewsQuery q) {
    return q.toBuilder().sort(SortOrder.RELEVANCE).build();
  }

  /** The statistics the common-word rule reads: how many articles have a field, and a term. */
  public interface Statistics {
    /** Articles with a value in {@code field}. */
    long docCount(String field) throws IOException;

    /** Articles with {@code term}. */
    long docFreq(org.apache.lucene.index.Term term) throws IOException;

    /** A reader's own statistics. */
    static Statistics of(IndexReader reader) {
      return new Statistics() {
        @Override
        public long docCount(String field) throws IOException {
          return reader.getDocCount(field);
        }

        @Override
        public long docFreq(org.apache.lucene.index.Term term) throws IOException {
          return reader.docFreq(term);
        }
      };
    }

    /**
     * A searcher's statistics ({@link IndexSearcher#collectionStatistics}, {@link
     * IndexSearcher#termStatistics}), which a host may make global. A term absent from the
     * searcher's reader counts as in no article, without asking the searcher: a host that
     * collects the statistics asked for (OpenSearch's DFS phase) would otherwise record a made-up
     * frequency (Lucene's statistics cannot hold 0) and add it to the global one, changing the
     * word's score. So a word absent from a whole shard is never common there, which differs from
     * the embedded index only if it is in 10% of all articles yet in none of that shard's.
     */
    static Statistics of(IndexSearcher searcher) {
      return new Statistics() {
        @Override
        public long docCount(String field) throws IOException {
          var stats = searcher.collectionStatistics(field);
          return stats == null ? 0 : stats.docCount();
        }

        @Override
        public long docFreq(org.apache.lucene.index.Term term) throws IOException {
          var local = org.apache.lucene.index.TermStates.build(searcher, term, true);
          if (local.docFreq() == 0) {
            return 0;
          }
          var stats = searcher.termStatistics(term, local.docFreq(), local.totalTermFreq());
          return stats == null ? 0 : stats.docFreq();
        }
      };
    }
  }

  private Compiled compileClauses(NewsQuery q, QueryNode parsed, Context cx) {
    BooleanQuery.Builder root = new BooleanQuery.Builder();
    Query text = null;
    boolean any = false;
    if (parsed != null) {
      text = node(parsed, cx);
      if (text == null) {
        // Text that analyses to nothing (only punctuation) matches nothing.
        return new Compiled(new MatchNoDocsQuery("query text has no searchable terms"), null);
      }
      root.add(text, isFilter(parsed) ? Occur.FILTER : Occur.MUST);
      any = true;
    }
    if (q.from() != null || q.to() != null) {
      long lo = q.from() == null ? Long.MIN_VALUE : q.from().toEpochMilli();
      long hi = q.to() == null ? Long.MAX_VALUE : q.to().toEpochMilli();
      root.add(Schema.publishedBetween(lo, hi), Occur.FILTER);
      any = true;
    }
    for (NewsQuery.EntityFilter f : q.entities()) {
      root.add(entity(f.type(), f.name()), Occur.FILTER);
      any = true;
    }
    boolean excluded = false;
    for (NewsQuery.EntityFilter f : q.excludedEntities()) {
      root.add(entity(f.type(), f.name()), Occur.MUST_NOT);
      excluded = true;
    }
    any |= anyOf(root, Schema.SOURCE, q.sources());
    any |= anyOf(root, Schema.SECTION, q.sections());
    for (Query filter : q.filters()) {
      root.add(filter, Occur.FILTER);
      any = true;
    }
    if (!any) {
      if (!excluded) {
        return new Compiled(MatchAllDocsQuery.INSTANCE, null);
      }
      root.add(MatchAllDocsQuery.INSTANCE, Occur.FILTER);
    }
    return new Compiled(root.build(), text);
  }

  private boolean anyOf(BooleanQuery.Builder root, String field, List<String> values) {
    if (values.isEmpty()) {
      return false;
    }
    root.add(Schema.nameMatches(field, values), Occur.FILTER);
    return true;
  }

  private Query entity(EntityType type, String name) {
    return Schema.nameMatches(Schema.entityField(type), variants.variants(type, name));
  }

  /** Compiles one node without index statistics; null when it has no searchable terms. */
  Query node(QueryNode node, ZoneId zone) {
    return node(node, new Context(zone, null, false));
  }

  /** Compiles one node; null when it has no searchable terms (e.g. only punctuation). */
  private Query node(QueryNode node, Context cx) {
    return switch (node) {
      case Term t -> expanded(t.field(), t.text(), false, 0);
      case Phrase p -> expanded(p.field(), p.text(), true, p.slop());
      case Boosted b -> {
        Query inner = node(b.clause(), cx);
        yield inner == null ? null : new BoostQuery(inner, b.boost());
      }
      case Prefix p ->
          perField(p.field(), field -> {
            PrefixQuery pq =
                new PrefixQuery(
                    new org.apache.lucene.index.Term(field, normalize(field, p.text())),
                    new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(MAX_EXPANSIONS));
            return pq;
          });
      case Fuzzy z ->
          perField(z.field(), field -> {
            String normalized = normalize(field, z.text());
            if (normalized.length() > MAX_TERM_CHARS + z.edits()) {
              // No indexed word is that long, so nothing is within reach; and building the
              // Levenshtein automaton of a word of thousands of letters takes seconds.
              return new MatchNoDocsQuery("fuzzy word longer than any indexed word");
            }
            return new FuzzyQuery(
                new org.apache.lucene.index.Term(field, normalized),
                z.edits(), 1, MAX_FUZZY_EXPANSIONS, true);
          });
      case Filter f -> filter(f, cx.zone());
      case Not n -> {
        Query inner = node(n.clause(), cx);
        if (inner == null) {
          yield null;
        }
        yield new BooleanQuery.Builder()
            .add(MatchAllDocsQuery.INSTANCE, Occur.FILTER)
            .add(inner, Occur.MUST_NOT)
            .build();
      }
      case Required r -> node(r.clause(), cx);
      case And a -> and(a, cx);
      case Or o -> or(o, cx);
      case Ranked r -> ranked(r, cx);
    };
  }

  /**
   * The clauses of an AND, OR or ranked group, compiled in order into one boolean query: {@code NOT
   * x} as MUST_NOT, a run of words naming an entity ({@link #nameRun}, where the group allows it) as
   * one unit, every other clause with the occurrence the group gives it. A group of exclusions
   * alone matches everything else; a group with no searchable clause is null.
   */
  private final class Group {
    final BooleanQuery.Builder builder = new BooleanQuery.Builder();
    final List<Query> optional = new ArrayList<>();
    /** The optional clauses that are single plain words ({@link #common} candidates). */
    final List<Term> optionalWords = new ArrayList<>();
    boolean required;
    private boolean positive;
    private int size;

    Group(List<QueryNode> clauses, Context cx, Occur nameOccur, Function<QueryNode, Occur> occur) {
      for (int i = 0; i < clauses.size(); i++) {
        QueryNode c = clauses.get(i);
        NameRun name = nameOccur == null ? null : nameRun(clauses, i);
        if (name != null) {
          add(name.query(), nameOccur, null);
          i = name.end() - 1;
        } else if (c instanceof Not not) {
          Query inner = node(not.clause(), cx);
          if (inner != null) {
            builder.add(inner, Occur.MUST_NOT);
            size++;
          }
        } else {
          Query q = node(c, cx);
          if (q != null) {
            add(q, occur.apply(c), c);
          }
        }
      }
      if (size > 0 && !positive) {
        builder.add(MatchAllDocsQuery.INSTANCE, Occur.FILTER);
      }
    }

    private void add(Query q, Occur occur, QueryNode node) {
      builder.add(q, occur);
      size++;
      positive = true;
      if (occur == Occur.SHOULD) {
        optional.add(q);
        optionalWords.add(node instanceof Term t && t.field() == null ? t : null);
      } else if (occur == Occur.MUST) {
        required = true;
      }
    }

    /** The compiled group; null when it has no searchable clause. */
    Query build() {
      return size == 0 ? null : builder.build();
    }
  }

  private Query and(And a, Context cx) {
    return new Group(a.clauses(), cx, Occur.MUST, c -> isFilter(c) ? Occur.FILTER : Occur.MUST)
        .build();
  }

  /**
   * Any of the clauses, as in Lucene's classic syntax: {@code +x} clauses must match, {@code NOT
   * x} clauses must not, the others may (at least one of them when nothing is required).
   */
  private Query or(Or o, Context cx) {
    return new Group(
            o.clauses(),
            cx,
            null,
            c -> c instanceof Required r
                ? (isFilter(r.clause()) ? Occur.FILTER : Occur.MUST)
                : Occur.SHOULD)
        .build();
  }

  /**
   * A ranked group (the default for juxtaposed words), with the rules of Lucene's classic syntax:
   * each word, phrase or group is optional, at least one must match unless a {@code +x} clause is
   * required, {@code NOT x} excludes and filters restrict. Three refinements, measured on TIME
   * (each within noise there, on 83 topics, and kept for the reasons given on each):
   *
   * <ul>
   *   <li>Stop words are not scored ({@link #scoredClauses}).
   *   <li>An article matching every optional clause that is not a common word ({@link #common})
   *       gains {@link #ALL_WORDS_BONUS}, so it ranks above those matching only some, when there
   *       are at least two such clauses (or one and a required clause). With fewer, BM25 alone
   *       ranks: a tier of one word would put every article with the rare word above any
   *       without it, whatever the other words say. With more than {@value #MAX_TIER_WORDS}
   *       such clauses (a pasted question rather than a search-box query) there is no tier either.
   * </ul>
   */
  private Query ranked(Ranked r, Context cx) {
    List<QueryNode> clauses = scoredClauses(r.clauses());
    // A run of words naming an entity is one optional unit; a word, a phrase, an AND or OR group
    // too.
    Group g =
        new Group(
            clauses,
            cx,
            Occur.SHOULD,
            c -> isFilter(c) ? Occur.FILTER : c instanceof Required ? Occur.MUST : Occur.SHOULD);
    List<Query> optional = g.optional;
    if (!optional.isEmpty() && !g.required) {
      g.builder.setMinimumNumberShouldMatch(1);
    }
    if (cx.allWords() && optional.size() > 1) {
      // A date order: every word (stop words left out) must match; see requiresAllWords. The
      // words need not match once more as optional clauses (a date order does not score them,
      // and Lucene leaves optional clauses out then), nor the proximity of words.
      BooleanQuery.Builder all = new BooleanQuery.Builder();
      optional.forEach(q -> all.add(q, Occur.FILTER));
      g.builder.setMinimumNumberShouldMatch(0);
      g.builder.add(all.build(), Occur.FILTER);
      return g.build();
    }
    List<Query> tier = new ArrayList<>();
    for (int i = 0; i < optional.size(); i++) {
      Term word = g.optionalWords.get(i);
      if (word == null || !common(word, cx.stats())) {
        tier.add(optional.get(i));
      }
    }
    if ((tier.size() > 1 || (g.required && !tier.isEmpty())) && tier.size() <= MAX_TIER_WORDS) {
      // Required clauses match anyway: matching every tier clause means having all the words
      // that matter.
      BooleanQuery.Builder all = new BooleanQuery.Builder();
      tier.forEach(q -> all.add(q, Occur.FILTER));
      g.builder.add(new BoostQuery(new ConstantScoreQuery(all.build()), ALL_WORDS_BONUS), Occur.SHOULD);
    }
    proximity(clauses).forEach(q -> g.builder.add(q, Occur.SHOULD));
    return g.build();
  }

  /**
   * English stop words ({@code the}, {@code of}, {@code and}, ...: Lucene's {@link
   * EnglishAnalyzer#ENGLISH_STOP_WORDS_SET}) that a ranked group leaves out of its scoring. They
   * are still indexed, so a phrase ({@code "bank of england"}) matches them as written.
   */
  static final CharArraySet STOP_WORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

  /**
   * The clauses of a ranked group that are scored: all but the plain unfielded words that are stop
   * words, unless nothing else would score (a query of stop words only, such as {@code the who},
   * is searched as typed). A stop word that is quoted, required ({@code +the}), fielded or boosted
   * is kept. On TIME, MAP +0.004 (natural-language topics, not significant) and no change on
   * short ones; kept because a stop word's long postings list is the most expensive part of a
   * query while its score says next to nothing.
   */
  private static List<QueryNode> scoredClauses(List<QueryNode> clauses) {
    List<QueryNode> kept = new ArrayList<>(clauses.size());
    boolean scores = false;
    for (QueryNode c : clauses) {
      if (!isStopWord(c)) {
        kept.add(c);
        scores |= !(c instanceof Not) && !isFilter(c);
      }
    }
    return scores && kept.size() < clauses.size() ? kept : clauses;
  }

  private static boolean isStopWord(QueryNode c) {
    return c instanceof Term t
        && t.field() == null
        && STOP_WORDS.contains(t.text().toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * The share of articles a word must occur in to be common: a common word does not count among
   * the words an article must all have for {@link #ALL_WORDS_BONUS}, as an article that lacks only
   * "new" or "talks" is often what the searcher wants (CommonTermsQuery's idea, applied to the
   * tier only: the word still scores). 10% was the best of 5% to 50% on TIME's dev half (odd
   * topics), but on all 83 topics the rule is within noise either way.
   */
  static final double COMMON_FRACTION = 0.10;

  /**
   * The most words (not stop words, not common) a ranked group may have for articles with all of
   * them to come first. A search-box query names what it wants in a few words, and an article
   * with every one of them is what is asked for; a pasted question or sentence has many words,
   * few articles have them all, and those that do are not better for it than BM25 says. On the dev
   * halves (odd topics) of Reuters-21578's judged set, MAP with descriptions (12-25 words)
   * 0.705 -> 0.736 and with titles 0.810 -> 0.818 (3: 0.815, 5: 0.712 with descriptions); on
   * TIME's dev half within 0.001 (its long topics rarely have an article with all their words).
   */
  static final int MAX_TIER_WORDS = 4;

  /** Indexes with fewer articles than this have no common words: the shares are too coarse. */
  static final int COMMON_MIN_ARTICLES = 100;

  /**
   * Whether an unfielded word occurs in at least {@link #COMMON_FRACTION} of the articles of the
   * index (counted in {@link Schema#ALL_TEXT} by its stem; false without an index, for a word that
   * analyses to several tokens, and on indexes of fewer than {@link #COMMON_MIN_ARTICLES}).
   */
  private boolean common(Term word, Statistics reader) {
    if (reader == null) {
      return false;
    }
    try {
      long articles = reader.docCount(Schema.ALL_TEXT);
      if (articles < COMMON_MIN_ARTICLES) {
        return false;
      }
      String token = singleToken(word.text(), false);
      return token != null
          && reader.docFreq(new org.apache.lucene.index.Term(Schema.ALL_TEXT, token))
              >= COMMON_FRACTION * articles;
    } catch (IOException e) {
      throw new UncheckedIOException("reading term statistics failed", e);
    }
  }

  /** Most word pairs of a ranked group scored for proximity. */
  static final int MAX_PROXIMITY_PAIRS = 32;

  /** How far apart (in position moves) two adjacent query words may be to score as near. */
  static final int PROXIMITY_SLOP = 8;

  /**
   * The weight of a proximity match relative to a word match: the sloppy phrase of two adjacent
   * words scores its BM25 score (higher the nearer and the more often) times this. The best of
   * 0.25, 0.5, 1 and 2 on TIME's dev half (1 and 2 lost MAP: the pair then outweighs the words);
   * on all 83 topics +0.005 MAP, not significant. Term proximity is a well-documented gain in
   * retrieval (sequential dependence models) that a collection of 83 topics cannot confirm.
   */
  static final float PROXIMITY_BOOST = 0.5f;

  /**
   * The proximity clauses of a ranked group: for each pair of adjacent plain unfielded words (stop
   * words already left out, so {@code bank of england} pairs {@code bank} and {@code england}),
   * their stems as a phrase with slop {@value #PROXIMITY_SLOP}, boosted by {@link
   * #PROXIMITY_BOOST}; at most {@value #MAX_PROXIMITY_PAIRS}. They only add to the score of
   * articles that match both words anyway, so they change the order, never what matches.
   */
  private List<Query> proximity(List<QueryNode> clauses) {
    List<Query> pairs = new ArrayList<>();
    for (int i = 0; i + 1 < clauses.size() && pairs.size() < MAX_PROXIMITY_PAIRS; i++) {
      if (clauses.get(i) instanceof Term a
          && a.field() == null
          && clauses.get(i + 1) instanceof Term b
          && b.field() == null) {
        String pair = a.text() + " " + b.text();
        if (schema.analyzeText(pair, false).size() >= 2) {
          pairs.add(new BoostQuery(text(null, pair, false, PROXIMITY_SLOP), PROXIMITY_BOOST));
        }
      }
    }
    return pairs;
  }

  /**
   * What an article matching every plain word of a ranked group gains: far above any BM25 score of
   * the text, so these articles come first, each tier ordered by relevance. Chosen over tiers by
   * the number of matched words and over a scored (soft) bonus by measurement on TIME
   * (benchmarks/results/relevance/RESULTS.md).
   */
  public static final float ALL_WORDS_BONUS = 1000f;

  /**
   * The order a query's results come in: its {@code sort}, except that {@link SortOrder#RECENT}
   * without scored text ({@code parsed}; nothing to blend with age) lists newest first.
   */
  public static SortOrder order(SortOrder sort, QueryNode parsed) {
    return sort == SortOrder.RECENT && !scores(parsed) ? SortOrder.NEWEST : sort;
  }

  /**
   * Whether parsed text has a scored part, i.e. gives articles a relevance to rank by (false for no
   * text and for text made only of filters, such as {@code person:x}).
   */
  public static boolean scores(QueryNode parsed) {
    return parsed != null && !isFilter(parsed);
  }

  /** Whether a node only filters (contributes no score). */
  private static boolean isFilter(QueryNode node) {
    return switch (node) {
      case Filter f -> true;
      case Required r -> isFilter(r.clause());
      case Boosted b -> isFilter(b.clause());
      case Ranked g -> g.clauses().stream().allMatch(c -> c instanceof Not || isFilter(c));
      case And a -> a.clauses().stream().allMatch(c -> c instanceof Not || isFilter(c));
      case Or o -> o.clauses().stream().allMatch(QueryCompiler::isFilter);
      default -> false;
    };
  }

  private Query filter(Filter f, ZoneId zone) {
    Query q =
        switch (f.kind()) {
          case PERSON -> entity(EntityType.PERSON, f.value());
          case PLACE -> entity(EntityType.PLACE, f.value());
          case ORG -> entity(EntityType.ORG, f.value());
          case SOURCE -> Schema.nameMatches(Schema.SOURCE, List.of(f.value()));
          case SECTION -> Schema.nameMatches(Schema.SECTION, List.of(f.value()));
          case TAG -> Schema.nameMatches(Schema.TAG, List.of(f.value()));
          case AFTER -> {
            Instant start = Dates.parseFilterBound("after:", f.value(), zone, Clock.systemUTC()).start();
            yield Schema.publishedBetween(start.toEpochMilli(), Long.MAX_VALUE);
          }
          case BEFORE -> {
            Instant end =
                Dates.parseFilterBound("before:", f.value(), zone, Clock.systemUTC()).endExclusive();
            yield Schema.publishedBetween(Long.MIN_VALUE, end.toEpochMilli() - 1);
          }
        };
    return new BoostQuery(new ConstantScoreQuery(q), 0f);
  }

  /**
   * What a match of another name of an entity scores relative to the same match of the name as
   * typed: below 1, so that between two articles alike but for the spelling (and with equally rare
   * spellings), the one with the typed spelling ranks first.
   */
  public static final float ALIAS_BOOST = 0.9f;

  /** Most other names one word or phrase expands to. */
  static final int MAX_ALIASES = 16;

  /** Longest text (in chars) looked up as an entity name. */
  static final int MAX_ALIAS_LOOKUP_CHARS = 100;

  /**
   * A word or phrase of the text, expanded to the other names of the entity it names: with alias
   * expansion on, unfielded text that the extractor knows as a name of a person, place or
   * organisation (its {@link EntityExtractor#variants} give other names) is a dis-max of the text
   * as typed and each other name, boosted by {@link #ALIAS_BOOST} and matched the same way as the
   * text (stemmed for a word, exact for a quoted phrase, as a phrase when several words), so the
   * whole stays one unit of the query. Otherwise the text as typed ({@link #text}).
   */
  private Query expanded(SearchField only, String text, boolean exact, int slop) {
    Query typed = text(only, text, exact, slop);
    if (typed == null || only != null || !expandAliases) {
      return typed;
    }
    List<String> others = aliases(text, exact);
    if (others.isEmpty()) {
      return typed;
    }
    return withAliases(typed, others, exact, slop);
  }

  /**
   * {@code typed} or any of the {@code others} names (matched like the typed text, each boosted by
   * {@link #ALIAS_BOOST}), as one dis-max; {@code typed} alone when no other name compiles.
   */
  private Query withAliases(Query typed, List<String> others, boolean exact, int slop) {
    List<Query> disjuncts = new ArrayList<>();
    disjuncts.add(typed);
    for (String name : others) {
      Query q = text(null, name, exact, slop);
      if (q != null) {
        disjuncts.add(new BoostQuery(q, ALIAS_BOOST));
      }
    }
    return disjuncts.size() == 1 ? typed : new DisjunctionMaxQuery(disjuncts, TIE_BREAKER);
  }

  /**
   * The other names of the entity (or entities, one per type) that {@code text} names, those that
   * could match an article the typed text does not: a name whose analysed words contain those of
   * the text or of a shorter other name ("Donald Trump" for {@code trump}) is left out, and so is a
   * name analysing to the same words. An acronym of capitals ({@code US}) names an entity only
   * when typed in capitals, as the gazetteer reads text, so {@code us} is not the United States.
   */
  private List<String> aliases(String text, boolean exact) {
    String typed = text.strip();
    if (typed.isEmpty() || typed.length() > MAX_ALIAS_LOOKUP_CHARS) {
      return List.of();
    }
    List<String> candidates = new ArrayList<>();
    for (EntityType type : EntityType.values()) {
      List<String> names = variants.variants(type, typed);
      if (names == null || names.stream().anyMatch(n -> isAcronymOf(n, typed))) {
        continue;
      }
      for (String n : names) {
        // The typed text itself, or a name already listed, analyses to words already kept: it
        // would be left out below (and an extractor without variants gives back only the text).
        if (n != null && !n.equals(typed) && !candidates.contains(n)) {
          candidates.add(n);
        }
      }
    }
    if (candidates.isEmpty()) {
      return List.of();
    }
    List<String> typedTokens = schema.analyzeText(typed, exact);
    if (typedTokens.isEmpty()) {
      return List.of();
    }
    record Name(String name, List<String> tokens) {}
    List<Name> analysed = new ArrayList<>();
    for (String c : candidates) {
      if (c != null && !c.isBlank() && c.length() <= MAX_ALIAS_LOOKUP_CHARS) {
        analysed.add(new Name(c, schema.analyzeText(c, exact)));
      }
    }
    analysed.sort(java.util.Comparator.comparingInt(n -> n.tokens().size()));
    List<List<String>> kept = new ArrayList<>();
    kept.add(typedTokens);
    List<String> others = new ArrayList<>();
    for (Name n : analysed) {
      if (n.tokens().isEmpty() || kept.stream().anyMatch(k -> containsRun(n.tokens(), k))) {
        continue;
      }
      kept.add(n.tokens());
      others.add(n.name());
      if (others.size() == MAX_ALIASES) {
        break;
      }
    }
    return others;
  }

  /** Most words of an unquoted name read as one ({@code volodymyr zelenskiy}). */
  static final int MAX_NAME_WORDS = 4;

  /** Unquoted words {@code [start, end)} of a group that name an entity, compiled as one unit. */
  private record NameRun(Query query, int end) {}

  /**
   * The longest run of at least two juxtaposed plain words (unfielded, without {@code +}, boost,
   * prefix or fuzzy) starting at {@code start} that names an entity with other names ({@code
   * volodymyr zelenskiy}), as one unit: a dis-max of all the words as typed (each matched by its
   * stem, all required) and each other name as a phrase boosted by {@link #ALIAS_BOOST}. Null
   * when alias expansion is off or there is no such run.
   */
  private NameRun nameRun(List<QueryNode> clauses, int start) {
    if (!expandAliases) {
      return null;
    }
    int limit = start;
    while (limit < clauses.size()
        && limit - start < MAX_NAME_WORDS
        && clauses.get(limit) instanceof Term t
        && t.field() == null) {
      limit++;
    }
    for (int end = limit; end >= start + 2; end--) {
      StringBuilder joined = new StringBuilder();
      for (int i = start; i < end; i++) {
        joined.append(i > start ? " " : "").append(((Term) clauses.get(i)).text());
      }
      List<String> others = aliases(joined.toString(), false);
      if (others.isEmpty()) {
        continue;
      }
      BooleanQuery.Builder typed = new BooleanQuery.Builder();
      for (int i = start; i < end; i++) {
        Query w = text(null, ((Term) clauses.get(i)).text(), false, 0);
        if (w == null) {
          return null;
        }
        typed.add(w, Occur.MUST);
      }
      return new NameRun(withAliases(typed.build(), others, false, 0), end);
    }
    return null;
  }

  /**
   * Whether {@code name} is an acronym in capitals (at most 5 letters, as the gazetteer's
   * capitals-only aliases) that {@code typed} spells without them.
   */
  private static boolean isAcronymOf(String name, String typed) {
    String letters = letters(name);
    if (letters.isEmpty() || letters.length() > 5) {
      return false;
    }
    String typedLetters = letters(typed);
    return !letters.isEmpty()
        && letters.length() <= 5
        && letters.equals(letters.toUpperCase(java.util.Locale.ROOT))
        && letters.equalsIgnoreCase(typedLetters)
        && !typedLetters.equals(letters);
  }

  /** The letters of {@code s} ({@code \p{L}}: {@link Character#isLetter(int)}), in order. */
  private static String letters(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().filter(Character::isLetter).forEach(out::appendCodePoint);
    return out.toString();
  }

  /** Whether {@code run} occurs in {@code tokens} as consecutive tokens. */
  private static boolean containsRun(List<String> tokens, List<String> run) {
    return java.util.Collections.indexOfSubList(tokens, run) >= 0;
  }

  /**
   * A word ({@code exact} false: matched by its stem) or a quoted phrase ({@code exact} true:
   * matched by exact word forms): in one field, or, without a field, as {@link #unfielded} says.
   */
  private Query text(SearchField only, String text, boolean exact, int slop) {
    if (only == null && unfielded == Unfielded.WEIGHTED_FIELDS) {
      String token = singleToken(text, exact);
      if (token != null) {
        CombinedFieldQuery.Builder b = new CombinedFieldQuery.Builder(token);
        for (SearchField f : SearchField.values()) {
          b.addField(Schema.field(f), weights.get(f));
        }
        return b.build();
      }
    }
    return perField(only, (field) -> wordQuery(field, text, exact, slop));
  }

  /** The one token {@code text} analyses to in the text fields; null if none or several. */
  private String singleToken(String text, boolean exact) {
    List<String> tokens = schema.analyzeText(text, exact);
    return tokens.size() == 1 ? tokens.get(0) : null;
  }

  /**
   * The query {@code perField} builds for a Lucene field: for {@code only}, or without a field for
   * {@link Schema#ALL_TEXT} (with the index's weights) or each text field, boosted, as a dis-max.
   */
  private Query perField(SearchField only, Function<String, Query> perField) {
    if (only == null && unfielded == Unfielded.ALL_TEXT) {
      return perField.apply(Schema.ALL_TEXT);
    }
    List<Query> disjuncts = new ArrayList<>();
    for (SearchField f : only == null ? SearchField.values() : new SearchField[] {only}) {
      Query q = perField.apply(Schema.field(f));
      if (q == null) {
        continue;
      }
      float boost = only == null ? boosts.get(f) : 1f;
      disjuncts.add(boost == 1f ? q : new BoostQuery(q, boost));
    }
    if (disjuncts.isEmpty()) {
      return null;
    }
    return disjuncts.size() == 1 ? disjuncts.get(0) : new DisjunctionMaxQuery(disjuncts, TIE_BREAKER);
  }

  /**
   * A word (matched by its stem) or a quoted phrase (matched by exact word forms, within {@code
   * slop} position moves) in one field.
   */
  private Query wordQuery(String field, String text, boolean phrase, int slop) {
    List<String> tokens = schema.analyze(field, text, phrase);
    if (tokens.isEmpty()) {
      return null;
    }
    if (tokens.size() == 1) {
      return new TermQuery(new org.apache.lucene.index.Term(field, tokens.get(0)));
    }
    // A "word" that analyses to several tokens (U.S.-backed, covid-19) is matched as a phrase.
    PhraseQuery.Builder pb = new PhraseQuery.Builder().setSlop(slop);
    for (String t : tokens) {
      pb.add(new org.apache.lucene.index.Term(field, t));
    }
    return pb.build();
  }

  private String normalize(String field, String text) {
    return schema.analyzer().normalize(field, text).utf8ToString();
  }
}
