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

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "NEW YORK, MARCH 2 - Officials met.|NEW YORK|",
        "omaha, april 7 - Officials met.|omaha|",
        "STAMFORD, Conn., March 4 - Officials met.|STAMFORD|",
        "RICHMOND, Va. Feb 26 - Officials met.|RICHMOND|",
        "GRONINGEN, the Netherlands, March 31 - Officials met.|GRONINGEN|",
        "AMSTERDAM, 2 March - Officials met.|AMSTERDAM|",
        "WASHINGTON, March 12, Reuter - Officials met.|WASHINGTON|Reuters",
        "****LONDON, March 5 - Officials met.|LONDON|",
        "MONTREAL, Feb 26- Officials met.|MONTREAL|",
        "DETROIT, March 4 -Officials met.|DETROIT|",
        "CHICAGO, March 4, - Officials met.|CHICAGO|",
        "KANSAS CITY, Mo. - March 13 - Officials met.|KANSAS CITY|",
        "JOHANNESBURG March 13 - Officials met.|JOHANNESBURG|",
        "NEW YORK, Narch 2 - Officials met.|NEW YORK|",
        "Mexico city, april 1 - Officials met.|Mexico city|",
      })
  void wireDatelineFormsGivePlaceAgencyAndTextAfterTheDash(String line, String place, String agency) {
    Dateline d = Dateline.parse(line).orElseThrow();
    assertThat(d.place()).isEqualTo(place);
    assertThat(d.agency()).isEqualTo(agency);
    assertThat(d.rest()).isEqualTo("Officials met.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"LOUISVILLE, Ky., Feb 26 -", "omaha, april 7 -", "TOKYO -", "DETROIT June 18 -"})
  void datelineAloneOnItsLineHasNoRest(String line) {
    assertThat(Dateline.parse(line).orElseThrow().rest()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Kyiv, Ukraine - officials met.",
        "Smith, Jones and Brown - the law firm - said nothing.",
        "prices, on the whole - were steady.",
        "Sales, Feb 26 figures - were higher.",
        "Tokyo -",
      })
  void wireShapedSentencesAreNotDatelines(String line) {
    assertThat(Dateline.parse(line)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Reuter|''",
        "REUTER...|''",
        "REUTER^M|''",
        "reuter|''",
        "Note - Fin div pay May 27, record May 23. REUTER|Note - Fin div pay May 27, record May 23.",
        "total 55.8 (33.7). REUTER|total 55.8 (33.7).",
      })
  void wireSignOffIsStripped(String text, String remainder) {
    assertThat(WireSignOff.strip(text)).contains(remainder);
  }

  @ParameterizedTest
  @ValueSource(strings = {"The minister told Reuter", "Reuter said in a statement.", "Reuters Holdings"})
  void proseNamingTheAgencyIsNotASignOff(String text) {
    assertThat(WireSignOff.strip(text)).isEmpty();
  }

  @Test
  void bylineNamingAnAgencyMayPrintNamesInAnyCase() {
    assertThat(Byline.parse("By keith grant, Reuters").orElseThrow().authors())
        .containsExactly("keith grant");
    assertThat(Byline.parse("By TED d'AFFLISIO, Reuters.").orElseThrow().agencies())
        .containsExactly("Reuters");
    assertThat(Byline.parse("by the way, prices rose")).isEmpty();
  }

  @Test
  void hardWrappedLinesUseIndentationAndBlankLinesAsParagraphMarks() {
    List<ParagraphAssembler.Line> lines =
        List.of(
            new ParagraphAssembler.Line("Exports rose to a record, helped by the", false, false),
            new ParagraphAssembler.Line("U.S.", false, false),
            new ParagraphAssembler.Line("Midwest harvest.", false, false),
            new ParagraphAssembler.Line("Shr 12 cts vs 10 cts", true, false),
            new ParagraphAssembler.Line("Net 1.2 mln vs 1.0 mln", true, false));
    assertThat(ParagraphAssembler.isHardWrapped(lines)).isTrue();
    var assembled = ParagraphAssembler.assembleLines(lines);
    assertThat(assembled.paragraphs())
        .containsExactly(
            "Exports rose to a record, helped by the U.S. Midwest harvest.",
            "Shr 12 cts vs 10 cts",
            "Net 1.2 mln vs 1.0 mln");
    assertThat(assembled.subheads()).isEmpty();
  }

  @Test
  void blankLineSeparatedSubheadInWrappedText() {
    List<ParagraphAssembler.Line> lines =
        List.of(
            new ParagraphAssembler.Line("The first paragraph runs on", false, false),
            new ParagraphAssembler.Line("over two lines.", false, false),
            new ParagraphAssembler.Line("Outlook for next year", false, true),
            new ParagraphAssembler.Line("Analysts expect growth to", false, true),
            new ParagraphAssembler.Line("slow.", false, false));
    var assembled = ParagraphAssembler.assembleLines(lines);
    assertThat(assembled.subheads()).containsExactly("Outlook for next year");
    assertThat(assembled.paragraphs())
        .containsExactly(
            "The first paragraph runs on over two lines.", "Analysts expect growth to slow.");
  }

  @Test
  void onePageParagraphPerLineIsNotHardWrapped() {
    List<ParagraphAssembler.Line> lines =
        List.of(
            new ParagraphAssembler.Line("It rained all day in the capital, and the river rose.", false, false),
            new ParagraphAssembler.Line("Officials closed two bridges.", false, false),
            new ParagraphAssembler.Line("Schools will reopen on Monday.", false, false));
    assertThat(ParagraphAssembler.isHardWrapped(lines)).isFalse();
    assertThat(ParagraphAssembler.assembleLines(lines).paragraphs()).hasSize(3);
  }
}
