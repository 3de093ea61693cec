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
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.CombinedFieldQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
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

  @Test
  void aWordWithoutFieldIsOneCombinedFieldQueryOverTheTextFields() {
    Query q = compile(DEFAULTS, "Officials");
    assertThat(q).isInstanceOf(CombinedFieldQuery.class);
    assertThat(terms(q))
        .extracting(Term::field)
        .containsExactlyInAnyOrder("headline", "bullets", "subheads", "body", "captions", "byline");
    assertThat(terms(q)).extracting(Term::text).containsOnly("official");
    assertThat(q.toString()).contains("headline^3.0").contains("bullets^2.0");
    // Quoted, it is the exact form that NewsAnalyzer indexes beside the stem.
    Query quoted = compile(DEFAULTS, "\"Officials\"");
    assertThat(quoted).isInstanceOf(CombinedFieldQuery.class);
    assertThat(terms(quoted)).extracting(Term::text).containsOnly("=officials");
  }

  @Test
  void fieldedWordsPhrasesAndMultiTokenWordsKeepTheirQueries() {
    assertThat(compile(DEFAULTS, "headline:officials"))
        .isEqualTo(new TermQuery(new Term("headline", "official")));
    assertThat(compile(DEFAULTS, "\"peace talks\"")).isInstanceOf(DisjunctionMaxQuery.class);
    assertThat(compile(DEFAULTS, "covid-19")).isInstanceOf(DisjunctionMaxQuery.class);
    assertThat(compile(DEFAULTS, "talk*")).isInstanceOf(DisjunctionMaxQuery.class);
  }
}
