package dev.dateline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.dateline.internal.search.QueryNode;
import dev.dateline.internal.search.QueryParser;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property tests for the query syntax, with seeded random strings from a grammar-aware alphabet
 * (quotes, parentheses, operators, field and filter prefixes, escapes, wildcards, dates, unicode
 * and control characters). For every string:
 *
 * <ol>
 *   <li>building the query either succeeds or throws {@link InvalidQueryException} (or its subclass
 *       {@link InvalidDateException}), never anything else;
 *   <li>a parsed query prints ({@link QueryNode#toString()}) to text that parses back to an equal
 *       node, under either default operator;
 *   <li>running it against a small index throws nothing but {@link DatelineException}s.
 * </ol>
 *
 * A failure names the seed and the string; rerun one seed by narrowing {@link #seeds()}.
 */
class QuerySyntaxFuzzTest {
  private static final int SEEDS = 200;
  private static final int STRINGS_PER_SEED = 60;

  /**
   * The printed form spells out every operator and parenthesis, so it may be longer and one level
   * deeper than the text it came from; it is re-parsed with room for that.
   */
  private static final QueryLimits REPARSE =
      new QueryLimits(1_000_000, QueryLimits.DEFAULT.maxClauses(),
          QueryLimits.DEFAULT.maxDepth() + 1);

  private static final List<String> TOKENS =
      List.of(
          "talks", "kyiv", "peace", "rates", "a", "x1", "U.S.", "covid-19", "zelenskyy", "AND", "OR",
          "NOT", "and", "or", "&&", "||", "&", "|", "\"", "\"", "(", ")", "(", ")", "\\", "*", "~",
          "~1", "~2", "~3", ":", "-", "!", "+", "/", "?", "^", "[", "]", "{", "}", "'", ",", ".",
          "headline:", "title:", "body:", "bullets:", "byline:", "captions:", "subheads:",
          "person:", "place:", "org:", "source:", "section:", "tag:", "after:", "before:", "from:",
          "to:", "since:", "until:", "foo:", "Headline:", "2026", "2026-02", "2026-02-04",
          "2026-02-30", "0000-01-01", "+999999-01-01", "now-7d", "now-99999999y", "today",
          "2026-02-04T10:00:00Z", "é", "ß", "İ", "東京", "😀", "\u0301", "\u0000", "\u0007",
          "\u00A0", "\u2028", "\u2029", "\u3000", "\t", "\n", "\uD800", "\uDC00", "\u202E",
          "\uFEFF", "ﬁ", "Ⅻ", "^2", "^0.5", "^0", "^101", "~10", "~11", "“", "”", "„", "‘", "’",
          "https://example.com/a", "Trump:", "10:45");

  private static NewsIndex index;
  private static final AtomicInteger parsed = new AtomicInteger();
  private static final AtomicInteger rejected = new AtomicInteger();
  private static final AtomicInteger matched = new AtomicInteger();

  @BeforeAll
  static void open() {
    index = Fixtures.index();
  }

  @AfterAll
  static void close() {
    index.close();
    if (parsed.get() + rejected.get() < SEEDS * STRINGS_PER_SEED) {
      return; // only some seeds ran
    }
    // The generator must exercise both outcomes, and some queries must find something.
    assertThat(parsed.get()).isGreaterThan(SEEDS * STRINGS_PER_SEED / 5);
    assertThat(rejected.get()).isGreaterThan(SEEDS * STRINGS_PER_SEED / 5);
    assertThat(matched.get()).isGreaterThan(SEEDS);
  }

  static IntStream seeds() {
    return IntStream.range(0, SEEDS);
  }

  /** A random query: tokens from {@link #TOKENS} joined by nothing, a space or several. */
  static String randomQuery(Random r) {
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(14);
    for (int i = 0; i < n; i++) {
      int sep = r.nextInt(10);
      if (sep < 5) {
        sb.append(' ');
      } else if (sep == 5) {
        sb.append("  ");
      }
      if (r.nextInt(20) == 0) {
        sb.append((char) r.nextInt(0x10000)); // any UTF-16 unit, surrogates included
      } else {
        sb.append(TOKENS.get(r.nextInt(TOKENS.size())));
      }
    }
    return sb.toString();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void anyStringParsesOrFailsTyped_roundTrips_andRuns(int seed) {
    Random r = new Random(seed);
    for (int i = 0; i < STRINGS_PER_SEED; i++) {
      String text = randomQuery(r);
      NewsQuery.Operator op = NewsQuery.Operator.values()[r.nextInt(NewsQuery.Operator.values().length)];
      check(seed, text, op, r.nextBoolean());
    }
  }

  private static void check(int seed, String text, NewsQuery.Operator op, boolean highlight) {
    String where = "seed " + seed + ", operator " + op + ", query " + quoteJava(text);
    NewsQuery query;
    try {
      query = NewsQuery.builder().text(text).defaultOperator(op).highlight(highlight).build();
    } catch (InvalidQueryException e) {
      assertThat(e.getMessage()).as(where).isNotBlank();
      rejected.incrementAndGet();
      return;
    } catch (RuntimeException | StackOverflowError e) {
      throw new AssertionError(where + ": building threw " + e, e);
    }
    parsed.incrementAndGet();
    QueryNode node = query.parsed();
    if (node != null) {
      String printed = node.toString();
      // AND and OR queries print with explicit operators only, so they re-parse the same under
      // either; a ranked query prints its juxtapositions and re-parses the same under RANKED.
      boolean rankedQuery = op == NewsQuery.Operator.RANKED;
      for (boolean defaultAnd : rankedQuery ? new boolean[] {false} : new boolean[] {true, false}) {
        QueryNode again;
        try {
          again = QueryParser.parse(printed, defaultAnd, rankedQuery, REPARSE);
        } catch (RuntimeException e) {
          throw new AssertionError(
              where + ": printed form " + quoteJava(printed) + " does not parse: " + e, e);
        }
        if (!node.equals(again)) {
          fail(where + ": printed " + quoteJava(printed) + " re-parses to a different query "
              + quoteJava(String.valueOf(again)));
        }
      }
    }
    try {
      SearchResults results = index.search(query);
      assertThat(results.hits().size()).as(where).isLessThanOrEqualTo(query.limit());
      if (results.total() > 0) {
        matched.incrementAndGet();
      }
    } catch (DatelineException e) {
      assertThat(e.getMessage()).as(where).isNotBlank();
    } catch (RuntimeException | StackOverflowError e) {
      throw new AssertionError(where + ": search threw " + e, e);
    }
  }

  /**
   * Cursors are opaque strings a client sends back: random or tampered ones must be rejected with
   * {@link InvalidQueryException} or simply position the page, never fail otherwise.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("cursorSeeds")
  void tamperedCursors_areRejectedTypedOrRun(int seed) {
    Random r = new Random(seed);
    SortOrder sort = SortOrder.values()[seed % SortOrder.values().length];
    NewsQuery first = NewsQuery.builder().text(seed % 2 == 0 ? "talks" : null).sort(sort).limit(1).build();
    String real = index.search(first).next();
    for (int i = 0; i < 50; i++) {
      String cursor;
      switch (r.nextInt(4)) {
        case 0 -> { // random printable text
          StringBuilder sb = new StringBuilder();
          for (int j = r.nextInt(40); j > 0; j--) {
            sb.append((char) (32 + r.nextInt(95)));
          }
          cursor = sb.toString();
        }
        case 1 -> { // well-formed base64 of random bytes
          byte[] bytes = new byte[r.nextInt(60)];
          r.nextBytes(bytes);
          cursor = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        case 2 -> { // the right shape with random parts
          String raw = "1:" + "RNOX".charAt(r.nextInt(4)) + ":" + TOKENS.get(r.nextInt(TOKENS.size()))
              + ":" + TOKENS.get(r.nextInt(TOKENS.size()));
          cursor = java.util.Base64.getUrlEncoder().withoutPadding()
              .encodeToString(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        default -> { // a real cursor with one character changed
          if (real == null) {
            continue;
          }
          char[] c = real.toCharArray();
          c[r.nextInt(c.length)] = "AZaz09-_=+/".charAt(r.nextInt(11));
          cursor = new String(c);
        }
      }
      String where = "seed " + seed + ", sort " + sort + ", cursor " + quoteJava(cursor);
      try {
        index.search(first.after(cursor));
      } catch (InvalidQueryException e) {
        assertThat(e.getMessage()).as(where).contains("cursor");
      } catch (RuntimeException e) {
        throw new AssertionError(where + ": threw " + e, e);
      }
    }
  }

  static IntStream cursorSeeds() {
    return IntStream.range(0, 30);
  }

  /** The string as a Java literal, so a failure can be pasted into a test. */
  static String quoteJava(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e) {
        sb.append(String.format("\\u%04X", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
