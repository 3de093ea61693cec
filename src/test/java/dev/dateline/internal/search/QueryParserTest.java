package dev.dateline.internal.search;

import dev.dateline.QueryLimits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dateline.InvalidDateException;
import dev.dateline.InvalidQueryException;
import dev.dateline.SearchField;
import dev.dateline.internal.search.QueryNode.And;
import dev.dateline.internal.search.QueryNode.Filter;
import dev.dateline.internal.search.QueryNode.FilterKind;
import dev.dateline.internal.search.QueryNode.Fuzzy;
import dev.dateline.internal.search.QueryNode.Not;
import dev.dateline.internal.search.QueryNode.Or;
import dev.dateline.internal.search.QueryNode.Phrase;
import dev.dateline.internal.search.QueryNode.Prefix;
import dev.dateline.internal.search.QueryNode.Term;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryParserTest {

  private static QueryNode parse(String text) {
    return QueryParser.parse(text, true, QueryLimits.DEFAULT);
  }

  private static Term t(String text) {
    return new Term(null, text);
  }

  @Test
  void juxtapositionIsAndByDefault() {
    assertThat(parse("peace talks")).isEqualTo(new And(List.of(t("peace"), t("talks"))));
  }

  @Test
  void juxtapositionIsOrWhenConfigured() {
    assertThat(QueryParser.parse("peace talks", false, QueryLimits.DEFAULT))
        .isEqualTo(new Or(List.of(t("peace"), t("talks"))));
  }

  @Test
  void andBindsTighterThanOr() {
    assertThat(parse("a OR b c"))
        .isEqualTo(new Or(List.of(t("a"), new And(List.of(t("b"), t("c"))))));
    assertThat(parse("(a OR b) c"))
        .isEqualTo(new And(List.of(new Or(List.of(t("a"), t("b"))), t("c"))));
  }

  @Test
  void lowercaseOperatorsAreWords() {
    assertThat(parse("war or peace")).isEqualTo(new And(List.of(t("war"), t("or"), t("peace"))));
  }

  @Test
  void minusNotAndBangNegate() {
    assertThat(parse("talks -russia")).isEqualTo(new And(List.of(t("talks"), new Not(t("russia")))));
    assertThat(parse("talks NOT russia")).isEqualTo(new And(List.of(t("talks"), new Not(t("russia")))));
    assertThat(parse("talks !russia")).isEqualTo(new And(List.of(t("talks"), new Not(t("russia")))));
    assertThat(parse("US-backed")).isEqualTo(t("US-backed"));
  }

  @Test
  void phrasesFieldsAndFilters() {
    assertThat(parse("headline:\"peace talks\" person:\"Rustem Umerov\" place:kyiv after:2026-02-01"))
        .isEqualTo(
            new And(
                List.of(
                    new Phrase(SearchField.HEADLINE, "peace talks"),
                    new Filter(FilterKind.PERSON, "Rustem Umerov"),
                    new Filter(FilterKind.PLACE, "kyiv"),
                    new Filter(FilterKind.AFTER, "2026-02-01"))));
  }

  @Test
  void fieldAppliesToAGroup() {
    assertThat(parse("headline:(truce OR ceasefire)"))
        .isEqualTo(new Or(List.of(new Term(SearchField.HEADLINE, "truce"), new Term(SearchField.HEADLINE, "ceasefire"))));
  }

  @Test
  void prefixAndFuzzy() {
    assertThat(parse("negotiat*")).isEqualTo(new Prefix(null, "negotiat"));
    assertThat(parse("zelenskyy~1")).isEqualTo(new Fuzzy(null, "zelenskyy", 1));
    assertThat(parse("zelenskyy~")).isEqualTo(new Fuzzy(null, "zelenskyy", 2));
  }

  @Test
  void colonInsideAWordIsText() {
    assertThat(parse("3:1")).isEqualTo(t("3:1"));
    assertThat(parse("a\\:b")).isEqualTo(t("a:b"));
  }

  @Test
  void blankQueryMeansNoText() {
    assertThat(parse("   ")).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a b",
        "(a OR b) -c",
        "headline:\"x \\\" y\" body:z*",
        "person:\"Mr \\\\ X\" OR NOT (a AND b)",
        "\\AND \\OR and or",
        "x~1 y~0 \"a:b\"",
        "a\\:b \\-c \\(d\\)",
        "after:2026-02 before:\"2026-02-28\""
      })
  void printedQueryParsesBackToTheSameTree(String text) {
    QueryNode first = parse(text);
    assertThat(parse(first.toString())).isEqualTo(first);
  }

  @Test
  void errorsNameTheProblemAndItsPosition() {
    assertError("\"peace talks", "unterminated phrase", 0);
    assertError("(a OR b", "never closed", 0);
    assertError("a OR b)", "no matching '('", 6);
    assertError("a OR", "OR needs something", 2);
    assertError("AND a", "needs something to its left", 0);
    assertError("a (", "the query ends where a word was expected", 3);
    assertError("*talks", "leading wildcards", 0);
    assertError("/ab+c/", "regular expressions", 0);
    assertError("x~3", "0, 1 or 2", 2);
    assertError("\"a b\"~11", "from 0 to 10", 5);
    assertError("\"a b\"~", "from 0 to 10", 5);
    assertError("\"a b\"~2x", "from 0 to 10", 5);
    assertError("person:\"a b\"~2", "not to filter", 12);
    assertError("talks^0", "above 0", 5);
    assertError("talks^101", "at most 100", 5);
    assertError("headline: x", "needs a value", 0);
    assertError("person:(a b)", "not a group", 0);
    assertError("()", "empty group", 0);
  }

  @Test
  void badInlineDateIsADateError() {
    assertThatThrownBy(() -> parse("talks after:2026-13"))
        .isInstanceOf(InvalidDateException.class)
        .satisfies(e -> assertThat(((InvalidQueryException) e).position()).isEqualTo(12));
  }

  @Test
  void limitsStopHostileQueries() {
    QueryLimits small = new QueryLimits(50, 3, 2);
    assertThatThrownBy(() -> QueryParser.parse("x".repeat(51), true, small)).hasMessageContaining("too long");
    assertThatThrownBy(() -> QueryParser.parse("a b c d", true, small)).hasMessageContaining("more than 3");
    assertThatThrownBy(() -> QueryParser.parse("(((a)))", true, small)).hasMessageContaining("nested");
  }

  private static void assertError(String query, String message, int position) {
    assertThatThrownBy(() -> parse(query))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining(message)
        .satisfies(
            e -> {
              if (position >= 0) {
                assertThat(((InvalidQueryException) e).position()).isEqualTo(position);
              }
            });
  }
}
