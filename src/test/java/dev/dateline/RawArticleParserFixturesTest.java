package dev.dateline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dateline.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

/** Pages written for the tests in the styles of several sites and agencies. */
class RawArticleParserFixturesTest {

  private static Article parse(String fixture) {
    return RawArticleParser.parse(Fixtures.resource("raw/" + fixture)).id(fixture).build();
  }

  private static String lastParagraph(Article a) {
    return a.body().get(a.body().size() - 1);
  }

  @Test
  void apDatelineWithAgencyInBracketsAndTwoAuthorByline() {
    Article a = parse("ap-senate-shutdown.txt");
    assertThat(a.headline()).isEqualTo("Senate passes stopgap bill hours before shutdown deadline");
    assertThat(a.dateline()).isEqualTo("WASHINGTON");
    assertThat(a.credits()).containsExactly("AP");
    assertThat(a.byline()).isEqualTo("By Laura Whitfield and Marcus Greene");
    assertThat(a.authors()).containsExactly("Laura Whitfield", "Marcus Greene");
    assertThat(a.body().get(0)).startsWith("The Senate on Friday approved");
    assertThat(a.subheads()).containsExactly("What happens next");
    assertThat(a.body()).hasSize(8).noneMatch(p -> p.contains("Advertisement") || p.contains("Share"));
    assertThat(lastParagraph(a)).startsWith("Associated Press writer Kevin Ortiz");
  }

  @Test
  void reutersDatelineWithDateAndReportingCreditsLine() {
    Article a = parse("reuters-ecb-rates.txt");
    assertThat(a.dateline()).isEqualTo("FRANKFURT");
    assertThat(a.credits()).containsExactly("Reuters");
    assertThat(a.authors()).containsExactly("Francesco Canepa", "Balazs Koranyi", "Mark John");
    assertThat(a.authors()).doesNotContain("Toby Chopra");
    assertThat(a.body().get(0))
        .startsWith("The European Central Bank kept interest rates unchanged")
        .endsWith("needed more evidence that services inflation was cooling before acting.");
    assertThat(a.body()).noneMatch(p -> p.contains("Reporting by") || p.startsWith("Read more"));
    assertThat(a.body()).hasSize(6);
    assertThat(a.subheads()).isEmpty();
  }

  @Test
  void reportingCreditsClosingTheLastParagraphLeaveTheBody() {
    Article a = parse("reuters-london-inline-credits.txt");
    assertThat(a.dateline()).isEqualTo("LONDON");
    assertThat(a.credits()).containsExactly("Reuters");
    assertThat(a.authors()).containsExactly("William Schomberg", "Andy Bruce");
    assertThat(lastParagraph(a)).endsWith("against the U.S. dollar.");
  }

  @Test
  void titleCaseDatelineWithAgencyAndTrailingAgencyCredit() {
    Article a = parse("afp-manila-floods.txt");
    assertThat(a.dateline()).isEqualTo("Manila");
    assertThat(a.credits()).containsExactly("AFP");
    assertThat(a.captions())
        .containsExactly(
            "Rescuers evacuate residents from a flooded village in Bulacan province on Tuesday."
                + " PHOTO: AFP");
    assertThat(lastParagraph(a)).endsWith("as the world gets warmer.");
    assertThat(a.body()).hasSize(6).noneMatch(p -> p.contains("cookie"));
  }

  @Test
  void pageWithoutDatelineStartsTheBodyAtTheFirstProseLine() {
    Article a = parse("bbc-style-stadium.txt");
    assertThat(a.dateline()).isNull();
    assertThat(a.credits()).isEmpty();
    assertThat(a.captions())
        .containsExactly(
            "Thousands of supporters waited outside Wembley Stadium through the night"
                + " Photo: Getty Images");
    assertThat(a.body().get(0)).startsWith("Football fans queued through the night");
    assertThat(a.subheads()).containsExactly("Prices anger supporters", "Security plans");
    assertThat(lastParagraph(a)).startsWith("The Metropolitan Police said");
    assertThat(a.body()).hasSize(6);
  }

  @Test
  void bylineNamingAnAgencyAddsAuthorAndCredit() {
    Article a = parse("byline-reuters-chips.txt");
    assertThat(a.byline()).isEqualTo("By Hannah Lee, Reuters");
    assertThat(a.authors()).containsExactly("Hannah Lee");
    assertThat(a.credits()).containsExactly("Reuters");
    assertThat(a.dateline()).isEqualTo("TAIPEI");
    assertThat(a.bullets())
        .containsExactly(
            "TSMC raises full-year revenue growth forecast to about 30%",
            "Shares jump 4% in Taipei trading",
            "Company to spend up to $45 billion on new plants");
    assertThat(a.subheads()).containsExactly("Arizona expansion on track", "Risks from tariffs");
    assertThat(a.body()).hasSize(6).noneMatch(p -> p.contains("min read") || p.startsWith("Published"));
  }

  @Test
  void severalTrailingAgencyCreditsAreAllCredited() {
    Article a = parse("st-style-budget.txt");
    assertThat(a.dateline()).isEqualTo("SINGAPORE");
    assertThat(a.credits()).containsExactly("AFP", "Bloomberg");
    assertThat(a.bullets()).hasSize(2);
    assertThat(a.captions())
        .containsExactly(
            "Prime Minister Lawrence Wong delivering the Budget statement in Parliament on Feb 14."
                + " ST PHOTO: GAVIN FOO");
    assertThat(a.body().get(1))
        .isEqualTo(
            "Delivering the Budget statement in Parliament, Mr Wong, who is also Finance Minister,"
                + " said Singapore could not control the trade policies of major economies but"
                + " could make sure its companies were ready for them.");
    assertThat(lastParagraph(a)).endsWith("to be paid in June.");
    assertThat(a.body()).hasSize(5);
  }

  @Test
  void pageWithOnlyBoilerplateHasNoArticle() {
    Article.Builder b = RawArticleParser.parse("Advertisement\n\nShare this article\n");
    org.assertj.core.api.Assertions.assertThatThrownBy(b::build)
        .isInstanceOf(InvalidArticleException.class);
  }
}
