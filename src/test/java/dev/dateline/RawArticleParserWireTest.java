package dev.dateline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dateline.testsupport.Fixtures;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hard-wrapped wire copy (stories written for the tests in the layout of 1980s wire services) and
 * pages that print their publication and update times.
 */
class RawArticleParserWireTest {

  private static Article parse(String fixture) {
    return RawArticleParser.parse(Fixtures.resource("raw/" + fixture)).id(fixture).build();
  }

  @Test
  void wrappedStoryIsReassembledFromItsIndentedParagraphs() {
    Article a = parse("wire-grain-exports.txt");
    assertThat(a.dateline()).isEqualTo("KANSAS CITY");
    assertThat(a.byline()).isEqualTo("By Maria Lopez, Reuters");
    assertThat(a.body().get(0))
        .isEqualTo(
            "Wheat exports from the Gulf are likely to rise sharply this spring as Soviet buyers"
                + " return, easing the grain glut that has weighed on farmers in the U.S. Midwest"
                + " since the autumn harvest, exporters said.");
    assertThat(a.body())
        .containsExactly(
            a.body().get(0),
            "Traders said the Soviet Union had booked about 500,000 tonnes of soft red winter"
                + " wheat for April shipment.",
            "\"We have not seen interest like this in two years,\" said one exporter.",
            "Export inspections last week were:",
            "Wheat 412,300 tonnes",
            "Corn 655,100 tonnes",
            "Soybeans 301,800 tonnes",
            "The Agriculture Department will publish its next estimate of carryover stocks on"
                + " April 9.");
  }

  @Test
  void shortTableRowsOfWrappedCopyAreNotSubheads() {
    assertThat(parse("wire-grain-exports.txt").subheads()).isEmpty();
  }

  @Test
  void wireSignOffLeavesTheBodyAndCreditsTheAgency() {
    Article a = parse("wire-grain-exports.txt");
    assertThat(a.body()).noneMatch(p -> p.toLowerCase().contains("reuter"));
    assertThat(a.credits()).containsExactly("Reuters");
  }

  @Test
  void lowerCaseDatelineAloneOnItsLine() {
    Article a = parse("wire-sugar-lowercase.txt");
    assertThat(a.dateline()).isEqualTo("omaha");
    assertThat(a.body())
        .containsExactly(
            "cash sugar prices held steady in light trade today, dealers said, with most buyers"
                + " waiting for the u.s. department of agriculture report due later in the week.",
            "refined sugar was quoted at 21.50 cts a lb, unchanged from friday.");
    assertThat(a.credits()).containsExactly("Reuters");
  }

  @Test
  void reuterInTheDatelineAndSignOffAfterTheLastSentence() {
    Article a = parse("wire-geneva-reuter.txt");
    assertThat(a.dateline()).isEqualTo("GENEVA");
    assertThat(a.credits()).containsExactly("Reuters");
    assertThat(a.body().get(0)).startsWith("Negotiators will resume talks");
    assertThat(a.body().get(1))
        .isEqualTo(
            "The talks stalled in January when the European Community and the U.S. could not"
                + " agree on a timetable.");
  }

  @Test
  void wireDatelineDateIsNotAPublicationTime() {
    assertThat(parse("wire-grain-exports.txt").published()).isNull();
    assertThat(parse("wire-geneva-reuter.txt").published()).isNull();
  }

  @Test
  void labelledPublishAndUpdateTimesInTheZoneThePagePrints() {
    Article a = parse("dated-council-budget.txt");
    assertThat(a.published()).isEqualTo(Instant.parse("2026-02-04T15:45:00Z"));
    assertThat(a.updated()).isEqualTo(Instant.parse("2026-02-04T18:20:00Z"));
    assertThat(a.byline()).isEqualTo("By Ana Ruiz");
    assertThat(a.dateline()).isEqualTo("RIVERTON");
    assertThat(a.body()).hasSize(3).noneMatch(p -> p.contains("Published") || p.contains("Updated"));
  }

  @Test
  void unlabelledDateAboveTheHeadlineIsThePublicationTime() {
    String page = Fixtures.resource("raw/dated-harbour-plan.txt");
    Article utc = RawArticleParser.parse(page).build();
    assertThat(utc.headline()).isEqualTo("Harbour authority unveils expansion plan");
    assertThat(utc.published()).isEqualTo(Instant.parse("2026-02-04T21:15:00Z"));
    Article singapore = RawArticleParser.parse(page, ZoneId.of("Asia/Singapore")).build();
    assertThat(singapore.published()).isEqualTo(Instant.parse("2026-02-04T13:15:00Z"));
    assertThat(singapore.body()).hasSize(2);
  }

  @Test
  void parseWithZone_null() {
    assertThatThrownBy(() -> RawArticleParser.parse("x", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("zone");
  }

  /** Paragraphs written for this test, with abbreviations where a wrap can fall. */
  private static final List<String> PARAGRAPHS =
      List.of(
          "The company said net income rose to 12.4 mln dlrs, or 1.10 dlrs a share, from 9.8 mln"
              + " dlrs a year earlier, helped by stronger sales in the U.S. and Canada.",
          "Mr. Hall told analysts that orders from U.S. airlines were running ahead of plan and"
              + " that the St. Louis plant would add a second shift in May.",
          "Revenues were 211.3 mln dlrs against 187.6 mln.",
          "Shr 1.10 dlrs vs 87 cts",
          "The board also declared a quarterly dividend of 15 cts per share, payable June 1 to"
              + " holders of record May 15, and said it expected the U.S. economy to slow in the"
              + " second half.");

  @Test
  void randomWrapWidthsAlwaysGiveBackTheWrittenParagraphs() {
    Random random = new Random(20260204L);
    for (int run = 0; run < 200; run++) {
      int width = 30 + random.nextInt(50);
      List<String> chosen = new ArrayList<>(PARAGRAPHS);
      java.util.Collections.shuffle(chosen, random);
      StringBuilder page = new StringBuilder("EARNINGS REPORT\n\nDENVER, April 3 - ");
      for (int p = 0; p < chosen.size(); p++) {
        String indent = p == 0 ? "" : "    ";
        page.append(wrap(chosen.get(p), indent, p == 0 ? 18 : 0, width)).append('\n');
      }
      page.append(random.nextBoolean() ? " Reuter\n" : " REUTER\n");
      Article a = RawArticleParser.parse(page.toString()).build();
      assertThat(a.body()).as("width %d:%n%s", width, page).containsExactlyElementsOf(chosen);
      assertThat(a.subheads()).as("width %d", width).isEmpty();
      assertThat(a.dateline()).isEqualTo("DENVER");
    }
  }

  /** {@code text} wrapped at {@code width}, starting at {@code column} after {@code indent}. */
  private static String wrap(String text, String indent, int column, int width) {
    StringBuilder out = new StringBuilder(indent);
    int col = column + indent.length();
    boolean lineEmpty = true;
    for (String word : text.split(" ")) {
      if (!lineEmpty && col + 1 + word.length() > width) {
        out.append('\n');
        col = 0;
        lineEmpty = true;
      }
      if (!lineEmpty) {
        out.append(' ');
        col++;
      }
      out.append(word);
      col += word.length();
      lineEmpty = false;
    }
    return out.toString();
  }
}
