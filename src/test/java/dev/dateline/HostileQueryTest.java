package dev.dateline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dateline.internal.search.QueryParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile and malformed queries: each is either rejected with the library's typed exception and a
 * message saying what is wrong, or runs with its expansion bounded (terms, clauses, nesting). The index has 200,000
 * distinct terms so that prefix and fuzzy expansion have something to blow up on.
 */
class HostileQueryTest {
  /** 2,000 articles of 100 distinct words each: 200,000 distinct terms in the body field. */
  private static final int ARTICLES = 2000;

  private static final int WORDS_PER_ARTICLE = 100;
  private static NewsIndex index;

  @BeforeAll
  static void buildHugeVocabulary() {
    index =
        NewsIndex.inMemory(NewsIndex.Options.builder().entityExtractor(EntityExtractor.none()).build());
    for (int a = 0; a < ARTICLES; a++) {
      StringBuilder body = new StringBuilder();
      for (int w = 0; w < WORDS_PER_ARTICLE; w++) {
        body.append(word(a * WORDS_PER_ARTICLE + w)).append(' ');
      }
      index.add(
          Article.builder()
              .id("v" + a)
              .headline("vocabulary " + a)
              .body(List.of(body.toString()))
              .published("2026-02-01T00:00:00Z")
              .build());
    }
    index.refresh();
  }

  @AfterAll
  static void close() {
    index.close();
  }

  /** Consonants that no English stemming rule strips, so every word is its own term. */
  private static final String LETTERS = "bcfhkmpqtvwxz";

  /** A distinct word per number: "q" + base-13 digits over {@link #LETTERS}. */
  static String word(int n) {
    StringBuilder sb = new StringBuilder("q");
    do {
      sb.append(LETTERS.charAt(n % LETTERS.length()));
      n /= LETTERS.length();
    } while (n > 0);
    return sb.toString();
  }

  private static SearchResults search(String text) {
    return index.search(NewsQuery.builder().text(text).limit(1000).build());
  }

  @Test
  void vocabularyHasTwoHundredThousandTerms() {
    assertThat(search(word(0)).total()).isEqualTo(1);
    assertThat(search(word(ARTICLES * WORDS_PER_ARTICLE - 1)).total()).isEqualTo(1);
  }

  @Test
  void unbalancedQuote_isRejectedWithPosition() {
    assertThatThrownBy(() -> search("ceasefire \"peace talks"))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessage("unterminated phrase: the quote is never closed (at position 10)");
  }

  @Test
  void unbalancedParentheses_areRejected() {
    assertThatThrownBy(() -> search("(truce OR ceasefire kyiv"))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessage("unbalanced parenthesis: '(' is never closed (at position 0)");
    assertThatThrownBy(() -> search("truce OR ceasefire) kyiv"))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessage("unbalanced parenthesis: ')' has no matching '(' (at position 18)");
    assertThatThrownBy(() -> search("()"))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageStartingWith("empty group '()'");
  }

  @Test
  void hundredKilobyteQuery_isRejectedByLength() {
    String q = "talks ".repeat(100_000 / 6);
    assertThatThrownBy(() -> search(q))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessage("query is too long: 99996 characters, the limit is 10000");
  }

  @Test
  void tenThousandOrTerms_areRejected() {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      words.add(word(i));
    }
    String q = String.join(" OR ", words);
    // Default limits: the text alone is too long.
    assertThatThrownBy(() -> search(q))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageStartingWith("query is too long");
    // With a generous length limit, the clause limit of the parser stops it.
    QueryLimits longer = new QueryLimits(1_000_000, 1024, 32);
    assertThatThrownBy(() -> NewsQuery.builder().text(q).parserLimits(longer).build())
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageStartingWith("query has more than 1024 words, phrases and filters");
    // Without a parser clause limit, Lucene's clause limit still stops it, as our exception.
    QueryLimits unlimited = new QueryLimits(1_000_000, 100_000, 32);
    NewsQuery parsed = NewsQuery.builder().text(q).parserLimits(unlimited).build();
    assertThatThrownBy(() -> index.search(parsed))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageStartingWith("query is too complex");
  }

  @Test
  void manyTermsWithinTheParserLimit_runOrAreRejectedAsTooComplex() {
    // 1,000 words: within the parser's clause limit; each word searches 6 fields.
    List<String> words = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      words.add(word(i));
    }
    String q = String.join(" ", words);
    NewsQuery query =
        NewsQuery.builder().text(q).defaultOperator(NewsQuery.Operator.OR).build();
    try {
      SearchResults r = index.search(query);
      assertThat(r.total()).isPositive();
    } catch (InvalidQueryException e) {
      assertThat(e).hasMessageStartingWith("query is too complex");
    }
  }

  @Test
  void leadingWildcard_isRejected() {
    assertThatThrownBy(() -> search("*alks"))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessage("leading wildcards are not supported (at position 0)");
    assertThatThrownBy(() -> search("body:*"))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessage("leading wildcards are not supported (at position 5)");
    assertThatThrownBy(() -> search("ta*ks"))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessage("'*' is only supported at the end of a word (at position 2)");
  }

  @Test
  void regex_isRejected() {
    assertThatThrownBy(() -> search("/q[a-z]+/"))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageStartingWith("regular expressions are not supported");
    assertThatThrownBy(() -> search("body:/.*/"))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageStartingWith("regular expressions are not supported");
  }

  @Test
  void prefixOnHugeVocabulary_expandsToAtMost128Terms() {
    // "q*" matches all 200,000 terms; each term is in exactly one article.
    SearchResults r = search("q*");
    assertThat(r.total()).isBetween(1L, 128L);
    SearchResults body = search("body:qb*");
    assertThat(body.total()).isBetween(1L, 128L);
  }

  @Test
  void fuzzyOnHugeVocabulary_expandsToAtMost50Terms() {
    SearchResults r = search("qbbb~2");
    assertThat(r.total()).isBetween(1L, 50L);
    SearchResults one = search("qcfh~1");
    assertThat(one.total()).isBetween(1L, 50L);
  }

  @Test
  void fuzzyOnVeryLongWord_isBoundedAndTyped() {
    // A 5,000-letter word with 2 edits: the Levenshtein automaton must not blow up.
    String longWord = "q" + "ab".repeat(2500);
    String longestIndexable = "q" + "b".repeat(256);
    for (String q :
        List.of(longWord + "~2", longWord + "~1", longWord + "*", longWord,
            longestIndexable + "~2", longestIndexable + "~1", "qb" + longestIndexable + "~2")) {
      try {
        SearchResults r = search(q);
        assertThat(r.total()).isZero();
      } catch (InvalidQueryException e) {
        assertThat(e.getMessage()).isNotBlank();
      }
    }
  }

  @Test
  void deeplyNestedGroups_areRejectedQuickly() {
    String deep = "(".repeat(1000) + "talks" + ")".repeat(1000);
    assertThatThrownBy(() -> search(deep))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessage("query is nested more than 32 levels deep (at position 32)");
    String nots = "NOT ".repeat(2000) + "talks";
    assertThatThrownBy(() -> search(nots))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageStartingWith("query is nested more than 32 levels deep");
    String minus = "-".repeat(5000) + "talks";
    assertThatThrownBy(() -> search(minus))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageStartingWith("query is nested more than 32 levels deep");
    // A million-level nesting with a raised length limit must not overflow the stack either.
    String huge = "(".repeat(1_000_000) + "a" + ")".repeat(1_000_000);
    QueryLimits longer = new QueryLimits(3_000_000, 1024, 32);
    assertThatThrownBy(() -> NewsQuery.builder().text(huge).parserLimits(longer).build())
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageStartingWith("query is nested more than 32 levels deep");
    // At the limit it runs.
    String ok = "(".repeat(32) + word(7) + ")".repeat(32);
    assertThat(search(ok).total()).isEqualTo(1);
  }

  @Test
  void unknownField_isSearchedAsText() {
    // Not a field or filter: the prefix is part of the word, searched like its quoted form.
    assertThat(search("writer:smith").total()).isEqualTo(search("\"writer:smith\"").total());
    assertThat(search("writer:smith").total()).isZero();
  }

  @Test
  void impossibleDateRange_structured_isRejected() {
    assertThatThrownBy(() -> NewsQuery.builder().from("2026-03").to("2026-02").build())
        .isInstanceOf(InvalidDateException.class)
        .hasMessage("from (2026-03-01T00:00:00Z) is after to (2026-02-28T23:59:59.999Z):"
            + " the date range is empty");
  }

  @Test
  void impossibleDateRange_inline_matchesNothing() {
    assertThat(search("after:2026-03 before:2026-02").total()).isZero();
    assertThat(search("vocabulary after:2026-03 before:2026-02").total()).isZero();
  }

  @Test
  void invalidDatesInFilters_areRejectedAsDates() {
    for (String d : List.of("2026-02-30", "0000-01-01", "+999999-01-01", "soon", "now-9999999y")) {
      assertThatThrownBy(() -> search("after:" + d))
          .as(d)
          .isInstanceOf(InvalidDateException.class)
          .hasMessageContaining("is not a date");
      assertThatThrownBy(() -> NewsQuery.builder().from(d).build())
          .as(d)
          .isInstanceOf(InvalidDateException.class);
    }
    assertThatThrownBy(() -> NewsQuery.builder().zone("Mars/Olympus").build())
        .isInstanceOf(InvalidDateException.class)
        .hasMessageStartingWith("unknown time zone 'Mars/Olympus'");
  }

  @Test
  void badCursor_isRejected() {
    for (String c : List.of("%%%", "bm90IGEgY3Vyc29y", "MTpSOnh5ejphYmM", "MTpOOjEyOmFi")) {
      assertThatThrownBy(
              () -> index.search(NewsQuery.builder().text("vocabulary").after(c).build()))
          .as(c)
          .isInstanceOf(InvalidQueryException.class)
          .hasMessageContaining("cursor");
    }
  }

  @Test
  void queryTimeout_stopsASearchWithATypedException() {
    // A timeout that has always expired by the time Lucene first checks it.
    NewsIndex.Options expired =
        NewsIndex.Options.builder()
            .entityExtractor(EntityExtractor.none())
            .queryTimeout(Duration.ofNanos(1))
            .build();
    try (NewsIndex small = NewsIndex.inMemory(expired)) {
      for (int i = 0; i < 5000; i++) {
        small.add(Article.builder().id("t" + i).headline("talks " + i).build());
      }
      small.refresh();
      assertThatThrownBy(
              () -> small.search(NewsQuery.builder().text("talks").highlight(false).build()))
          .isInstanceOf(SearchTimeoutException.class)
          .hasMessageStartingWith("search took longer than");
    }
  }

  @Test
  void controlAndUnicodeCharacters_areSearchedOrRejectedTyped() {
    for (String q :
        List.of("\u0000", "talks\u0000", "\uD800", "a\uDC00b", "\u202Etalks", "😀", "t\u0301alks",
            "\\", "a\\", "\"\\", "~", "a~3", "a~22", "a~b", "\"a\"~2", "&&", "||", "a AND", "OR b",
            "NOT", "-", "+", "!", "headline:", "headline: x", "after:", "person:(a b)")) {
      try {
        index.search(NewsQuery.of(q));
      } catch (InvalidQueryException e) {
        assertThat(e.getMessage()).as(q).isNotBlank();
      }
    }
  }

  @Test
  void hugeStructuredFilters_areBoundedAndTyped() {
    NewsQuery.Builder many = NewsQuery.builder().text("vocabulary");
    for (int i = 0; i < 10_000; i++) {
      many.source("source " + i);
    }
    NewsQuery tooMany = many.build();
    assertThatThrownBy(() -> index.search(tooMany))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageStartingWith("query is too complex");
    String hugeName = "word ".repeat(20_000);
    for (NewsQuery q :
        List.of(
            NewsQuery.builder().person(hugeName).build(),
            NewsQuery.builder().source(hugeName).build(),
            NewsQuery.builder().text("vocabulary").excludeEntity(EntityType.ORG, hugeName).build())) {
      try {
        SearchResults r = index.search(q);
        assertThat(r.total()).isGreaterThanOrEqualTo(0);
      } catch (InvalidQueryException e) {
        assertThat(e.getMessage()).isNotBlank();
      }
    }
  }
}
