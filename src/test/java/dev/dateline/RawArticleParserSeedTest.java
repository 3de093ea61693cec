package dev.dateline;

import static org.assertj.core.api.Assertions.assertThat;
import dev.dateline.testsupport.RequiresSharedCorpora;

import dev.dateline.testsupport.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seed page (a Straits Times page carrying a Reuters story), read from the shared corpora. */
@RequiresSharedCorpora
class RawArticleParserSeedTest {
  private static Article article;

  @BeforeAll
  static void parseSeed() {
    article = RawArticleParser.parse(Fixtures.seed()).id("seed").build();
  }

  @Test
  void headlineIsTheFirstLine() {
    assertThat(article.headline())
        .isEqualTo("Ukraine, Russia wrap ‘productive’ first day of US-backed peace talks");
  }

  @Test
  void summaryBulletsAreSeparatedFromTheBody() {
    assertThat(article.bullets()).hasSize(3);
    assertThat(article.bullets().get(0)).startsWith("US-brokered talks between Ukraine and Russia");
    assertThat(article.bullets()).noneMatch(b -> b.startsWith("•"));
  }

  @Test
  void datelineIsTakenFromTheFirstParagraph() {
    assertThat(article.dateline()).isEqualTo("KYIV");
    assertThat(article.body().get(0)).startsWith("Ukrainian and Russian officials wrapped up");
  }

  @Test
  void trailingAgencyCreditIsMovedFromBodyToCredits() {
    assertThat(article.credits()).containsExactly("Reuters");
    String last = article.body().get(article.body().size() - 1);
    assertThat(last).endsWith("fund its vast war economy.").doesNotContain("REUTERS");
  }

  @Test
  void repeatedPhotoCaptionIsKeptOnceWithItsCredit() {
    assertThat(article.captions()).hasSize(1);
    assertThat(article.captions().get(0))
        .startsWith("(From left) Ukrainian, US and Russian delegates")
        .endsWith("PHOTO: REUTERS");
    assertThat(article.body()).noneMatch(p -> p.contains("(From left)"));
  }

  @Test
  void subheadsAreNotBodyParagraphs() {
    assertThat(article.subheads())
        .containsExactly(
            "Major differences remain on key points", "Ukrainians oppose painful concessions");
    assertThat(article.body()).doesNotContainAnyElementsOf(article.subheads());
  }

  @Test
  void boilerplateNeverReachesTheArticle() {
    String all = String.join("\n", article.body()) + String.join("\n", article.bullets());
    assertThat(all)
        .doesNotContain("Sign up now")
        .doesNotContain("Google Preferred Source")
        .doesNotContain("AI generated")
        .doesNotContain("See more on");
  }

  @Test
  void splitLinkTextIsRejoinedIntoOneParagraph() {
    assertThat(article.body())
        .contains(
            "The two-day trilateral meetings come after Ukrainian President Volodymyr Zelensky said"
                + " Russia had exploited a US-backed energy truce last week to stockpile munitions,"
                + " attacking Ukraine with a record number of ballistic missiles on Feb 3.");
    assertThat(article.body())
        .anyMatch(
            p ->
                p.startsWith("Moscow wants Kyiv to pull its troops out")
                    && p.contains("including a belt of heavily fortified cities regarded as")
                    && p.endsWith("as a precondition for any deal."));
    assertThat(article.body()).allMatch(p -> !Character.isLowerCase(p.charAt(0)));
  }

  @Test
  void bodyHasOneParagraphPerPrintedParagraph() {
    assertThat(article.body()).hasSize(28).allMatch(p -> p.matches(".*[.!?”\"]$"));
  }
}
