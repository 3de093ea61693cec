package dev.dateline.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dateline.QueryLimits;
import dev.dateline.SearchField;
import dev.dateline.internal.search.QueryNode.And;
import dev.dateline.internal.search.QueryNode.Boosted;
import dev.dateline.internal.search.QueryNode.Filter;
import dev.dateline.internal.search.QueryNode.FilterKind;
import dev.dateline.internal.search.QueryNode.Fuzzy;
import dev.dateline.internal.search.QueryNode.Not;
import dev.dateline.internal.search.QueryNode.Or;
import dev.dateline.internal.search.QueryNode.Phrase;
import dev.dateline.internal.search.QueryNode.Prefix;
import dev.dateline.internal.search.QueryNode.Ranked;
import dev.dateline.internal.search.QueryNode.Required;
import dev.dateline.internal.search.QueryNode.Term;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Typographic quotes, proximity, boosts, unknown prefixes and the plain syntax. */
class QueryParserPastedTextTest {

  private static QueryNode parse(String text) {
    return QueryParser.parse(text, true, QueryLimits.DEFAULT);
  }

  private static QueryNode ranked(String text) {
    return QueryParser.parse(text, false, true, QueryLimits.DEFAULT);
  }

  private static QueryNode plain(String text) {
    return QueryParser.parsePlain(text, false, true, QueryLimits.DEFAULT);
  }

  private static Term t(String text) {
    return new Term(null, text);
  }

  private static Phrase p(String text) {
    return new Phrase(null, text);
  }

  @Test
  void typographicQuotesArePhraseQuotes() {
    assertThat(parse("“peace talks”")).isEqualTo(p("peace talks"));
    assertThat(parse("‘peace talks’")).isEqualTo(p("peace talks"));
    assertThat(parse("„peace talks“")).isEqualTo(p("peace talks"));
    assertThat(parse("headline:“peace talks” kyiv"))
        .isEqualTo(new And(List.of(new Phrase(SearchField.HEADLINE, "peace talks"), t("kyiv"))));
    assertThat(parse("person:“Rustem Umerov”")).isEqualTo(new Filter(FilterKind.PERSON, "Rustem Umerov"));
    // Straight quotes inside typographic ones are text, and the other way round.
    assertThat(parse("“say \"no\" now”")).isEqualTo(p("say \"no\" now"));
    assertThat(parse("\"a “b” c\"")).isEqualTo(p("a “b” c"));
    // An opening typographic quote that is never closed is text, not an error.
    assertThat(parse("“peace talks")).isEqualTo(new And(List.of(t("“peace"), t("talks"))));
    // The apostrophe (right single quote) is not an opening quote.
    assertThat(parse("Russia’s talks")).isEqualTo(new And(List.of(t("Russia’s"), t("talks"))));
  }

  @Test
  void proximityIsASloppyPhrase() {
    assertThat(parse("\"peace talks\"~3")).isEqualTo(new Phrase(null, "peace talks", 3));
    assertThat(parse("“peace talks”~10")).isEqualTo(new Phrase(null, "peace talks", 10));
    assertThat(parse("body:\"peace talks\"~0")).isEqualTo(new Phrase(SearchField.BODY, "peace talks"));
    assertThat(new Phrase(null, "peace talks", 3).toString()).isEqualTo("\"peace talks\"~3");
  }

  @Test
  void boostsApplyToWordsPhrasesAndGroups() {
    assertThat(parse("talks^2")).isEqualTo(new Boosted(t("talks"), 2f));
    assertThat(parse("\"peace talks\"^3")).isEqualTo(new Boosted(p("peace talks"), 3f));
    assertThat(parse("\"peace talks\"~2^3")).isEqualTo(new Boosted(new Phrase(null, "peace talks", 2), 3f));
    assertThat(ranked("(a b)^0.5 c"))
        .isEqualTo(new Ranked(List.of(new Boosted(new Ranked(List.of(t("a"), t("b"))), 0.5f), t("c"))));
    assertThat(parse("headline:talks^1.5")).isEqualTo(new Boosted(new Term(SearchField.HEADLINE, "talks"), 1.5f));
    assertThat(parse("talk*^2")).isEqualTo(new Boosted(new Prefix(null, "talk"), 2f));
    assertThat(parse("talks~1^2")).isEqualTo(new Boosted(new Fuzzy(null, "talks", 1), 2f));
    assertThat(parse("+talks^2")).isEqualTo(new Required(new Boosted(t("talks"), 2f)));
    assertThat(parse("(+talks)^2")).isEqualTo(new Required(new Boosted(t("talks"), 2f)));
    assertThat(parse("-talks^2")).isEqualTo(new Not(new Boosted(t("talks"), 2f)));
    // Not a boost: the caret is part of the word.
    assertThat(parse("x^y")).isEqualTo(t("x^y"));
    assertThat(parse("a^2b")).isEqualTo(t("a^2b"));
    assertThat(parse("^2")).isEqualTo(t("^2"));
    assertThat(new Boosted(t("talks"), 2f).toString()).isEqualTo("talks^2");
    assertThat(new Boosted(t("talks"), 0.25f).toString()).isEqualTo("talks^0.25");
  }

  @Test
  void unknownPrefixesArePartOfTheWord() {
    assertThat(ranked("Trump: \"no deal\"")).isEqualTo(new Ranked(List.of(t("Trump:"), p("no deal"))));
    assertThat(parse("https://example.com/x")).isEqualTo(t("https://example.com/x"));
    assertThat(parse("10:45 foo:bar"))
        .isEqualTo(new And(List.of(t("10:45"), t("foo:bar"))));
    assertThat(parse("Trump:\"no deal\"")).isEqualTo(new And(List.of(t("Trump:"), p("no deal"))));
    assertThat(parse("Trump:")).isEqualTo(t("Trump:"));
    // Known ones still are fields and filters.
    assertThat(parse("Headline:talks")).isEqualTo(new Term(SearchField.HEADLINE, "talks"));
    assertThat(parse("place:kyiv")).isEqualTo(new Filter(FilterKind.PLACE, "kyiv"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "“peace talks” ‘a b’ „c d“",
        "\"peace talks\"~3 headline:\"a b\"~10",
        "talks^2 \"peace talks\"^3 (a b)^0.5 (a OR b)^100",
        "(+a)^2 (NOT b)^0.5 ((c)^2)^3 talk*^2 x~1^0.5 headline:(a b)^2 person:x^2",
        "Trump: \"no deal\" https://example.com/x 10:45 x\\^2 a^b",
        "a\\\\^2 “open",
      })
  void printedQueryParsesBackToTheSameTree(String text) {
    for (boolean[] mode : new boolean[][] {{true, false}, {false, false}, {false, true}}) {
      QueryNode first = QueryParser.parse(text, mode[0], mode[1], QueryLimits.DEFAULT);
      assertThat(QueryParser.parse(first.toString(), mode[0], mode[1], QueryLimits.DEFAULT))
          .as(first.toString())
          .isEqualTo(first);
    }
  }

  @Test
  void plainReadsWordsAndPhrasesOnly() {
    assertThat(plain("Trump: “no deal” (AND OR NOT) talks* ~2 ^3 \\x"))
        .isEqualTo(new Ranked(List.of(t("Trump:"), p("no deal"), t("(AND"), t("OR"), t("NOT)"),
            t("talks*"), t("~2"), t("^3"), t("\\x"))));
    assertThat(plain("\"unclosed peace")).isEqualTo(new Ranked(List.of(t("\"unclosed"), t("peace"))));
    assertThat(plain("say\"no\"")).isEqualTo(new Ranked(List.of(t("say"), p("no"))));
    assertThat(plain("\"\" x")).isEqualTo(new Ranked(List.of(t("\"\""), t("x"))));
    assertThat(plain("https://example.com/a?b=c:d")).isEqualTo(t("https://example.com/a?b=c:d"));
    assertThat(plain("   ")).isNull();
  }

  @Test
  void plainKeepsWellFormedProximityAndBoosts() {
    assertThat(plain("\"peace talks\"~3")).isEqualTo(new Phrase(null, "peace talks", 3));
    assertThat(plain("“peace talks”~10 opec^2"))
        .isEqualTo(new Ranked(List.of(new Phrase(null, "peace talks", 10), new Boosted(t("opec"), 2f))));
    assertThat(plain("\"peace talks\"~2^0.5 -talks^3 +headline:kyiv^1.5 headline:\"a b\"~1"))
        .isEqualTo(new Ranked(List.of(
            new Boosted(new Phrase(null, "peace talks", 2), 0.5f),
            new Not(new Boosted(t("talks"), 3f)),
            new Required(new Boosted(new Term(SearchField.HEADLINE, "kyiv"), 1.5f)),
            new Phrase(SearchField.HEADLINE, "a b", 1))));
    // Not well formed, or not on a word or phrase: text, as before, and never an error.
    assertThat(plain("\"a b\"~11 \"c d\"~x e^0 f^101 g^2x ^2 h^ person:x^2 \"i j\"^"))
        .isEqualTo(new Ranked(List.of(p("a b"), t("~11"), p("c d"), t("~x"), t("e^0"), t("f^101"),
            t("g^2x"), t("^2"), t("h^"), new Filter(FilterKind.PERSON, "x^2"), p("i j"), t("^"))));
    assertThat(plain("talks~2 talk*^2")).isEqualTo(new Ranked(List.of(t("talks~2"), new Boosted(t("talk*"), 2f))));
    // A filter value ending in a colon is read once (an early version started over from the start).
    assertThat(plain("kyiv tag:subheads:")).isEqualTo(new Ranked(List.of(t("kyiv"), new Filter(FilterKind.TAG, "subheads:"))));
  }

  @Test
  void plainKeepsExclusionsRequirementsFieldsAndFilters() {
    assertThat(plain("talks -russia +kyiv - x --y -\"a b\""))
        .isEqualTo(new Ranked(List.of(t("talks"), new Not(t("russia")), new Required(t("kyiv")), t("-"),
            t("x"), t("--y"), new Not(p("a b")))));
    assertThat(plain("headline:talks person:\"Rustem Umerov\" -source:“island times” after:2026-02"))
        .isEqualTo(new Ranked(List.of(
            new Term(SearchField.HEADLINE, "talks"),
            new Filter(FilterKind.PERSON, "Rustem Umerov"),
            new Not(new Filter(FilterKind.SOURCE, "island times")),
            new Filter(FilterKind.AFTER, "2026-02"))));
    // A filter that does not fit is text.
    assertThat(plain("after:2026-13 headline: x from:John"))
        .isEqualTo(new Ranked(List.of(t("after:2026-13"), t("headline:"), t("x"), t("from:John"))));
  }

  @Test
  void plainFollowsTheDefaultOperator() {
    assertThat(QueryParser.parsePlain("a b", true, false, QueryLimits.DEFAULT))
        .isEqualTo(new And(List.of(t("a"), t("b"))));
    assertThat(QueryParser.parsePlain("a b", false, false, QueryLimits.DEFAULT))
        .isEqualTo(new Or(List.of(t("a"), t("b"))));
  }

  @Test
  void plainIgnoresTextBeyondTheLimits() {
    QueryLimits small = new QueryLimits(10, 2, 1);
    assertThat(QueryParser.parsePlain("a b c d", false, true, small))
        .isEqualTo(new Ranked(List.of(t("a"), t("b"))));
    assertThat(QueryParser.parsePlain("abcdefghijklmnop", false, true, small)).isEqualTo(t("abcdefghij"));
    assertThat(QueryParser.parsePlain("((((((a))))))", false, true, small)).isEqualTo(t("((((((a)))"));
  }
}
