package dev.dateline.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dateline.EntityExtractor;
import dev.dateline.NewsIndex;
import dev.dateline.QueryLimits;
import dev.dateline.SearchField;
import dev.dateline.internal.index.Schema;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CombinedFieldQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

class QueryCompilerTest {
  private static final Schema SCHEMA = new Schema(1_000_000);

  private static Query compile(QueryCompiler compiler, String text) {
    return compiler.node(QueryParser.parse(text, true, QueryLimits.DEFAULT), ZoneOffset.UTC);
  }

  private static QueryCompiler compiler(Map<SearchField, Float> boosts) {
    return new QueryCompiler(SCHEMA, boosts, EntityExtractor.none(), true);
  }

  private static final QueryCompiler DEFAULTS = compiler(NewsIndex.Options.defaults().boosts());

  @Test
  void weightsAreTheBoostsDividedByTheSmallest() {
    Map<SearchField, Float> boosts = new EnumMap<>(NewsIndex.Options.defaults().boosts());
    assertThat(QueryCompiler.combinedWeights(boosts)).isEqualTo(boosts);
    boosts.put(SearchField.BYLINE, 0.5f);
    Map<SearchField, Float> weights = QueryCompiler.combinedWeights(boosts);
    assertThat(weights.get(SearchField.BYLINE)).isEqualTo(1f);
    assertThat(weights.get(SearchField.HEADLINE)).isEqualTo(6f);
    assertThat(weights.get(SearchField.BODY)).isEqualTo(2f);
    assertThat(weights.values()).allMatch(w -> w >= 1f);
  }

  /** The terms a query names, as the highlighter extracts them. */
  private static Set<Term> terms(Query q) {
    Set<Term> terms = new HashSet<>();
    q.visit(QueryVisitor.termCollector(terms));
    return terms;
  }

  /** Boosts other than the index's weights: headline 2 instead of 3. */
  private static final QueryCompiler WEIGHTED = compiler(withHeadline(2f));

  private static final QueryCompiler BEST_FIELD =
      new QueryCompiler(SCHEMA, NewsIndex.Options.defaults().boosts(), EntityExtractor.none(), false);

  private static Map<SearchField, Float> withHeadline(float boost) {
    Map<SearchField, Float> boosts = new EnumMap<>(NewsIndex.Options.defaults().boosts());
    boosts.put(SearchField.HEADLINE, boost);
    return boosts;
  }

  @Test
  void theDefaultBoostsAreTheIndexWeightsUpToACommonFactor() {
    assertThat(QueryCompiler.indexWeights(NewsIndex.Options.defaults().boosts())).isTrue();
    Map<SearchField, Float> doubled = new EnumMap<>(SearchField.class);
    NewsIndex.Options.defaults().boosts().forEach((f, b) -> doubled.put(f, 2 * b));
    assertThat(QueryCompiler.indexWeights(doubled)).isTrue();
    assertThat(QueryCompiler.indexWeights(withHeadline(2f))).isFalse();
  }

  @Test
  void withTheDefaultBoostsUnfieldedTextIsSearchedInTheCombinedField() {
    Term official = new Term(Schema.ALL_TEXT, "official");
    assertThat(compile(DEFAULTS, "Officials")).isEqualTo(new TermQuery(official));
    // Quoted, it is the exact form that NewsAnalyzer indexes beside the stem.
    assertThat(compile(DEFAULTS, "\"Officials\"")).isEqualTo(new TermQuery(new Term(Schema.ALL_TEXT, "=officials")));
    assertThat(compile(DEFAULTS, "\"peace talks\""))
        .isEqualTo(new PhraseQuery(Schema.ALL_TEXT, "peace", "=talks"));
    assertThat(compile(DEFAULTS, "covid-19")).isEqualTo(new PhraseQuery(Schema.ALL_TEXT, "covid", "19"));
    assertThat(compile(DEFAULTS, "talk*")).isInstanceOf(PrefixQuery.class);
    assertThat(terms(compile(DEFAULTS, "talk~"))).isEmpty(); // a FuzzyQuery: terms come at rewrite
    assertThat(compile(DEFAULTS, "talk~").toString()).startsWith(Schema.ALL_TEXT + ":talk~");
  }

  @Test
  void withOtherBoostsAWordIsOneCombinedFieldQueryOverTheTextFields() {
    Query q = compile(WEIGHTED, "Officials");
    assertThat(q).isInstanceOf(CombinedFieldQuery.class);
    assertThat(terms(q))
        .extracting(Term::field)
        .containsExactlyInAnyOrder("headline", "bullets", "subheads", "body", "captions", "byline");
    assertThat(terms(q)).extracting(Term::text).containsOnly("official");
    assertThat(q.toString()).contains("headline^2.0").contains("bullets^2.0");
    Query quoted = compile(WEIGHTED, "\"Officials\"");
    assertThat(quoted).isInstanceOf(CombinedFieldQuery.class);
    assertThat(terms(quoted)).extracting(Term::text).containsOnly("=officials");
    // What CombinedFieldQuery cannot express is scored by the best field.
    assertThat(compile(WEIGHTED, "\"peace talks\"")).isInstanceOf(DisjunctionMaxQuery.class);
    assertThat(compile(WEIGHTED, "covid-19")).isInstanceOf(DisjunctionMaxQuery.class);
    assertThat(compile(WEIGHTED, "talk*")).isInstanceOf(DisjunctionMaxQuery.class);
  }

  @Test
  void withCombinedScoringOffAWordIsADisMaxOfTheBoostedFields() {
    Query q = compile(BEST_FIELD, "Officials");
    assertThat(q).isInstanceOf(DisjunctionMaxQuery.class);
    assertThat(((DisjunctionMaxQuery) q).getTieBreakerMultiplier()).isZero();
    assertThat(q.toString()).contains("(headline:official)^3.0").contains("body:official");
  }

  @Test
  void fieldedWordsKeepTheirQueries() {
    for (QueryCompiler c : new QueryCompiler[] {DEFAULTS, WEIGHTED, BEST_FIELD}) {
      assertThat(compile(c, "headline:officials")).isEqualTo(new TermQuery(new Term("headline", "official")));
    }
  }

  /** The clauses of a compiled ranked group (the test parses with the ranked default). */
  private static List<BooleanClause> ranked(String text) {
    Query q = DEFAULTS.node(QueryParser.parse(text, false, true, QueryLimits.DEFAULT), ZoneOffset.UTC);
    assertThat(q).isInstanceOf(BooleanQuery.class);
    return ((BooleanQuery) q).clauses();
  }

  private static Set<String> words(List<BooleanClause> clauses) {
    Set<String> words = new HashSet<>();
    for (BooleanClause c : clauses) {
      words.addAll(terms(c.query()).stream().map(Term::text).toList());
    }
    return words;
  }

  @Test
  void stopWordsAreLeftOutOfARankedGroupUnlessQuotedRequiredOrAlone() {
    assertThat(words(ranked("the talks of peace"))).containsExactlyInAnyOrder("talk", "peace");
    assertThat(words(ranked("The talks OF peace"))).containsExactlyInAnyOrder("talk", "peace");
    assertThat(words(ranked("+the talks"))).contains("the", "talk");
    assertThat(words(ranked("\"the\" talks"))).contains("the", "talk");
    assertThat(words(ranked("\"bank of england\" rates"))).contains("of");
    // Only stop words: searched as typed.
    assertThat(words(ranked("this is it"))).containsExactlyInAnyOrder("this", "is", "it");
  }

  @Test
  void adjacentWordsAddAProximityClause() {
    List<BooleanClause> clauses = ranked("peace of talks ukraine");
    List<Query> near = clauses.stream().map(BooleanClause::query)
        .filter(q -> q instanceof BoostQuery b && b.getQuery() instanceof PhraseQuery).toList();
    assertThat(near).extracting(q -> ((BoostQuery) q).getBoost()).containsOnly(QueryCompiler.PROXIMITY_BOOST);
    assertThat(near).extracting(q -> (PhraseQuery) ((BoostQuery) q).getQuery())
        .containsExactly(
            new PhraseQuery(QueryCompiler.PROXIMITY_SLOP, Schema.ALL_TEXT, "peace", "talk"),
            new PhraseQuery(QueryCompiler.PROXIMITY_SLOP, Schema.ALL_TEXT, "talk", "ukraine"));
    assertThat(near).allMatch(q -> clauses.stream().anyMatch(c -> c.query() == q && c.occur() == Occur.SHOULD));
    // One word, a fielded word, or OR: no proximity.
    assertThat(DEFAULTS.node(QueryParser.parse("peace", false, true, QueryLimits.DEFAULT), ZoneOffset.UTC))
        .isInstanceOf(TermQuery.class);
    assertThat(ranked("peace headline:talks").stream().map(BooleanClause::query))
        .noneMatch(q -> q instanceof BoostQuery b && b.getQuery() instanceof PhraseQuery);
  }
}
