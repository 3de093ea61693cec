package dev.dateline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dateline.internal.search.QueryNode;
import dev.dateline.internal.search.QueryParser;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End to end: typographic quotes, proximity, boosts and unknown {@code name:} prefixes in the full
 * syntax, and the never-failing {@link QuerySyntax#PLAIN}.
 */
class PastedTextSearchTest {
  private static NewsIndex index;

  @BeforeAll
  static void open() {
    index = Fixtures.index();
  }

  @AfterAll
  static void close() {
    index.close();
  }

  private static List<String> ids(NewsQuery q) {
    return index.search(q).hits().stream().map(SearchHit::id).toList();
  }

  private static List<String> ids(String text) {
    return ids(NewsQuery.of(text));
  }

  private static List<String> plain(String text) {
    return ids(NewsQuery.builder().text(text).syntax(QuerySyntax.PLAIN).build());
  }

  @Test
  void curlyQuotedTextIsAPhrase() {
    assertThat(ids("“peace talks”")).containsExactlyInAnyOrder("talks-1", "storm-1");
    assertThat(ids("„peace talks“")).containsExactlyInAnyOrder("talks-1", "storm-1");
    assertThat(plain("“peace talks”")).containsExactlyInAnyOrder("talks-1", "storm-1");
    // As words, any article with "talks" would match.
    assertThat(ids("peace talks")).contains("rates-1", "undated-1");
  }

  @Test
  void proximityAllowsWordsBetween() {
    // "wrapped up a productive first day": two words between.
    assertThat(ids("\"wrapped productive\"")).isEmpty();
    assertThat(ids("\"wrapped productive\"~1")).isEmpty();
    assertThat(ids("\"wrapped productive\"~2")).containsExactly("talks-1");
    assertThat(ids("\"wrapped productive\"~10")).containsExactly("talks-1");
  }

  @Test
  void boostsChangeTheOrder() {
    assertThat(ids("storm^5 inflation").get(0)).isEqualTo("storm-1");
    assertThat(ids("storm inflation^5").get(0)).isEqualTo("rates-1");
    assertThat(ids("\"coastal towns\"^0.01 (ecb OR inflation)^10").get(0)).isEqualTo("rates-1");
    assertThat(ids("\"coastal towns\"^10 (ecb OR inflation)^0.01").get(0)).isEqualTo("storm-1");
    assertThat(NewsQuery.of("talks^2 (a b)^0.5").normalizedText()).isEqualTo("(talks^2 (a b)^0.5)");
  }

  @Test
  void unknownPrefixesAreSearchedAsText() {
    // Ranked: the article with both first, then the other one with the phrase.
    assertThat(ids("Umerov: \"peace talks\"")).containsExactly("talks-1", "storm-1");
    assertThat(ids("Storm: “coastal towns”")).containsExactly("storm-1");
    assertThat(ids("https://example.test/x")).isEmpty();
    assertThat(ids("10:45 talks")).isNotEmpty();
  }

  @Test
  void plainNeverRejectsAndKeepsWhatPeopleType() {
    for (String text : List.of("\"unclosed storm", "storm (", "AND storm", "storm OR", "storm)",
        "*storm", "/storm/", "storm ~9", "headline: storm", "after:2026-13 storm",
        "storm \\", "storm ()", "storm \"\"", "\"storm\"~99")) {
      assertThat(plain(text)).as(text).contains("storm-1");
      assertThatThrownBy(() -> NewsQuery.of(text)).as(text).isInstanceOf(InvalidQueryException.class);
    }
    assertThat(plain("talks -storm")).doesNotContain("storm-1").contains("talks-1");
    assertThat(plain("+storm talks")).containsExactly("storm-1");
    assertThat(plain("talks person:umerov")).containsExactly("talks-1");
    assertThat(plain("talks place:kyiv after:2026-01")).containsExactly("talks-1");
    assertThat(plain("headline:storm")).containsExactly("storm-1");
    assertThat(plain("talks -source:“example herald”")).containsExactlyInAnyOrder("talks-1", "rates-1");
  }

  @Test
  void syntaxIsPartOfTheQuery() {
    NewsQuery plain = NewsQuery.builder().text("a").syntax(QuerySyntax.PLAIN).build();
    assertThat(NewsQuery.of("a").syntax()).isEqualTo(QuerySyntax.FULL);
    assertThat(plain.syntax()).isEqualTo(QuerySyntax.PLAIN);
    assertThat(plain).isNotEqualTo(NewsQuery.of("a"));
    assertThat(plain.toBuilder().build()).isEqualTo(plain);
    assertThat(plain.after(null).syntax()).isEqualTo(QuerySyntax.PLAIN);
  }

  static IntStream seeds() {
    return IntStream.range(0, 100);
  }

  /**
   * Random strings (the fuzz test's tokens and any UTF-16 unit) in the plain syntax: none is
   * rejected, none fails to search, and each prints to full-syntax text that parses back.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void plainNeverFails(int seed) {
    Random r = new Random(seed);
    QueryLimits reparse = new QueryLimits(1_000_000, QueryLimits.DEFAULT.maxClauses(),
        QueryLimits.DEFAULT.maxDepth() + 1);
    for (int i = 0; i < 60; i++) {
      String text = QuerySyntaxFuzzTest.randomQuery(r);
      if (r.nextInt(5) == 0) {
        text = text + "“" + QuerySyntaxFuzzTest.randomQuery(r) + (r.nextBoolean() ? "”" : "„");
      }
      NewsQuery.Operator op = NewsQuery.Operator.values()[r.nextInt(3)];
      String where = "seed " + seed + ", " + op + ", " + QuerySyntaxFuzzTest.quoteJava(text);
      NewsQuery q = NewsQuery.builder().text(text).defaultOperator(op).syntax(QuerySyntax.PLAIN)
          .highlight(r.nextBoolean()).build();
      QueryNode node = q.parsed();
      if (node != null) {
        assertThat(QueryParser.parse(node.toString(), op == NewsQuery.Operator.AND,
            op == NewsQuery.Operator.RANKED, reparse)).as(where).isEqualTo(node);
      }
      assertThat(index.search(q).hits().size()).as(where).isLessThanOrEqualTo(q.limit());
    }
  }

  @Test
  void plainNeverFailsOnHugeText() {
    String huge = "talks (\"".repeat(20_000);
    NewsQuery q = NewsQuery.builder().text(huge).syntax(QuerySyntax.PLAIN).build();
    index.search(q);
  }
}
