package dev.dateline.internal.raw;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The single-line recognisers behind {@link RawPageParser}. */
class RawLineRecognisersTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "KYIV - Officials met.|KYIV|",
        "KYIV — Officials met.|KYIV|",
        "FRANKFURT, April 17 (Reuters) - Officials met.|FRANKFURT|Reuters",
        "WASHINGTON (AP) — Officials met.|WASHINGTON|AP",
        "LONDON (Reuters) - Officials met.|LONDON|Reuters",
        "ABU DHABI, Feb 4 (AFP) - Officials met.|ABU DHABI|AFP",
        "BEIRUT, Lebanon (AP) — Officials met.|BEIRUT|AP",
        "NEW YORK (Bloomberg) -- Officials met.|NEW YORK|Bloomberg",
        "Manila (AFP) - Officials met.|Manila|AFP",
      })
  void datelineFormsGivePlaceAgencyAndTextAfterTheDash(String line, String place, String agency) {
    Dateline d = Dateline.parse(line).orElseThrow();
    assertThat(d.place()).isEqualTo(place);
    assertThat(d.agency()).isEqualTo(agency);
    assertThat(d.rest()).isEqualTo("Officials met.");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The talks - which began on Monday - ended.",
        "US - China trade talks resumed.",
        "Washington - the capital - was quiet.",
        "NATO (the alliance) - said nothing."
      })
  void sentencesWithDashesAreNotDatelines(String line) {
    assertThat(Dateline.parse(line)).isEmpty();
  }

  @Test
  void bylineSplitsAuthorsAndAgencies() {
    Byline b = Byline.parse("By Jane Doe, John Roe and Ann Poe, Reuters").orElseThrow();
    assertThat(b.authors()).containsExactly("Jane Doe", "John Roe", "Ann Poe");
    assertThat(b.agencies()).containsExactly("Reuters");
  }

  @Test
  void bylineDropsTheReportersRole() {
    Byline b = Byline.parse("By Jane Doe, Senior Correspondent").orElseThrow();
    assertThat(b.authors()).containsExactly("Jane Doe");
  }

  @Test
  void sentenceStartingWithByIsNotAByline() {
    assertThat(Byline.parse("By the end of the year, prices had doubled.")).isEmpty();
    assertThat(Byline.parse("By noon the square was full")).isEmpty();
  }

  @Test
  void reportingCreditsMakeReportersAuthorsButNotEditors() {
    ReportingCredits c =
        ReportingCredits.find(
                "(Reporting by Jane Doe in Kyiv and John Roe, Ann Poe in London; Writing by Max"
                    + " Moe; Editing by Ed Itor)")
            .orElseThrow();
    assertThat(c.reporters()).containsExactly("Jane Doe", "John Roe", "Ann Poe", "Max Moe");
    assertThat(c.remainder()).isEmpty();
  }

  @Test
  void proseAboutReportingIsNotACreditLine() {
    assertThat(ReportingCredits.find("Reporting by the BBC showed that the plan was late."))
        .isEmpty();
  }

  @Test
  void trailingCreditsNeedToFollowASentence() {
    assertThat(TrailingCredits.find("It rained. AFP, BLOOMBERG").orElseThrow().agencies())
        .containsExactly("AFP", "Bloomberg");
    assertThat(TrailingCredits.find("REUTERS").orElseThrow().remainder()).isEmpty();
    assertThat(TrailingCredits.find("The figures were confirmed by the AP")).isEmpty();
    assertThat(TrailingCredits.find("It rained. Reuters")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Sign up now: Get ST's newsletters delivered to your inbox",
        "Google Preferred Source badge",
        "See more on",
        "AI generated",
        "Advertisement",
        "Share this article",
        "Read more: Euro zone inflation dips",
        "We use cookies to improve your experience.",
        "5 min read",
        "Published Feb 10, 2026, 9:15 AM"
      })
  void siteFurnitureIsBoilerplate(String line) {
    assertThat(Boilerplate.isBoilerplate(line)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Share prices rose sharply.",
        "Related talks failed last year.",
        "Updated figures showed growth slowing.",
        "Advertisements for the event ran all week."
      })
  void proseIsNotBoilerplate(String line) {
    assertThat(Boilerplate.isBoilerplate(line)).isFalse();
  }

  @Test
  void capitalisedLinkTextContinuesAnUnfinishedParagraph() {
    var assembled =
        ParagraphAssembler.assemble(
            List.of("The plan was first reported.", "Officials told", "The Financial Times",
                "on Monday."));
    assertThat(assembled.paragraphs())
        .containsExactly(
            "The plan was first reported.", "Officials told The Financial Times on Monday.");
    assertThat(assembled.subheads()).isEmpty();
  }

  @Test
  void shortTitleLikeLineBetweenSentencesIsASubhead() {
    var assembled =
        ParagraphAssembler.assemble(List.of("It rained.", "What comes next", "More rain."));
    assertThat(assembled.subheads()).containsExactly("What comes next");
    assertThat(assembled.paragraphs()).containsExactly("It rained.", "More rain.");
  }

  @Test
  void nearDuplicateCaptionsAreRecognised() {
    assertThat(TextSimilarity.nearDuplicates(
            "Delegates attending the talks in Abu Dhabi.", "Delegates at the talks in Abu Dhabi."))
        .isTrue();
    assertThat(TextSimilarity.nearDuplicates(
            "Delegates at the talks in Abu Dhabi.", "Rescuers search a flooded village."))
        .isFalse();
  }
}
