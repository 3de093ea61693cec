package dev.dateline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Typo tolerance: unknown words are corrected from the index's own words, and the results say so. */
class TypoCorrectionTest {
  private static NewsIndex index;

  @BeforeAll
  static void index() {
    index = NewsIndex.inMemory(NewsIndex.Options.builder().entityExtractor(EntityExtractor.none()).build());
    index.add(Article.builder().id("N").source("Wire").headline("Ceasefire talks resume")
        .bodyText("Negotiations between the two governments resumed in Geneva on Monday.").build());
    index.add(Article.builder().id("H").source("Herald").headline("Harbour negotiations stall")
        .bodyText("The negotiations over the harbour lease stalled again.").build());
    index.add(Article.builder().id("M").source("Wire").headline("Markets calm")
        .bodyText("Shares were little changed in quiet trading.").build());
    index.refresh();
  }

  @AfterAll
  static void close() {
    index.close();
  }

  private static List<String> ids(SearchResults r) {
    return r.hits().stream().map(SearchHit::id).toList();
  }

  @Test
  void aWordKnownInOneViewOfTheIndexIsLookedUpAgainInTheNext() {
    try (NewsIndex own =
        NewsIndex.inMemory(NewsIndex.Options.builder().entityExtractor(EntityExtractor.none()).build())) {
      own.add(Article.builder().id("Q1").source("Wire").headline("Quorvelt signed")
          .bodyText("The quorvelt was signed on Monday.").build());
      own.add(Article.builder().id("Q2").source("Wire").headline("Quorvelk pact")
          .bodyText("Talks on the quorvelk continue.").build());
      own.refresh();
      SearchResults known = own.search("quorvelt");
      assertThat(ids(known)).containsExactly("Q1");
      assertThat(known.correctedText()).isNull();
      assertThat(known.suggestion()).isNull();
      // The only article with the word goes, and the merge drops the word from the index: in this
      // new view the word is unknown, whatever the previous view knew.
      own.delete("Q1");
      own.forceMerge(1);
      SearchResults corrected = own.search("quorvelt");
      assertThat(corrected.correctedText()).isEqualTo("quorvelk");
      assertThat(ids(corrected)).containsExactly("Q2");
    }
  }

  @Test
  void aMisspeltWordThatMatchesNothingRunsCorrectedAndSaysSo() {
    SearchResults r = index.search("negotations");
    assertThat(ids(r)).containsExactlyInAnyOrder("N", "H");
    assertThat(r.total()).isEqualTo(2);
    assertThat(r.correctedText()).isEqualTo("negotiations");
    assertThat(r.corrected()).isTrue();
    assertThat(r.suggestion()).isNull();
    assertThat(r.hits().get(0).snippet()).containsIgnoringCase("<em>negotiations</em>");
  }

  @Test
  void onlyTheMisspeltWordIsReplacedInTheShownText() {
    SearchResults r = index.search("Negotations in Geneva");
    assertThat(ids(r)).startsWith("N");
    assertThat(r.correctedText()).isNull();
    assertThat(r.suggestion()).as("results exist as written: a suggestion only")
        .isEqualTo("negotiations in Geneva");
    SearchResults strict = index.search(NewsQuery.builder().text("Negotations geneva")
        .defaultOperator(NewsQuery.Operator.AND).build());
    assertThat(ids(strict)).containsExactly("N");
    assertThat(strict.correctedText()).isEqualTo("negotiations geneva");
  }

  @Test
  void aCorrectlySpelledQueryIsNotCorrected() {
    SearchResults r = index.search("negotiations");
    assertThat(ids(r)).containsExactlyInAnyOrder("N", "H");
    assertThat(r.correctedText()).isNull();
    assertThat(r.suggestion()).isNull();
  }

  @Test
  void correctionCanBeTurnedOff() {
    NewsQuery q = NewsQuery.builder().text("negotations").correctTypos(false).build();
    assertThat(q.correctTypos()).isFalse();
    assertThat(NewsQuery.of("x").correctTypos()).isTrue();
    assertThat(q.toBuilder().build().correctTypos()).isFalse();
    SearchResults r = index.search(q);
    assertThat(r.hits()).isEmpty();
    assertThat(r.total()).isZero();
    assertThat(r.correctedText()).isNull();
    assertThat(r.suggestion()).isNull();
  }

  @Test
  void aWordWithNothingCloseStaysEmptyAndUncorrected() {
    SearchResults r = index.search("xylophonq");
    assertThat(r.hits()).isEmpty();
    assertThat(r.correctedText()).isNull();
    assertThat(r.suggestion()).isNull();
  }

  @Test
  void filtersStayAppliedToTheCorrectedQuery() {
    SearchResults r = index.search(NewsQuery.builder().text("negotations").source("Herald").build());
    assertThat(ids(r)).containsExactly("H");
    assertThat(r.correctedText()).isEqualTo("negotiations");
    SearchResults none = index.search(NewsQuery.builder().text("negotations source:Nowhere").build());
    assertThat(none.hits()).isEmpty();
  }

  @Test
  void phrasesFieldsPrefixesAndFuzzyWordsAreLeftAlone() {
    for (String text : new String[] {"\"negotations\"", "headline:negotations", "negotiatx*", "negotations~0"}) {
      SearchResults r = index.search(text);
      assertThat(r.hits()).as(text).isEmpty();
      assertThat(r.correctedText()).as(text).isNull();
    }
  }

  @Test
  void theOldConstructorHasNoCorrection() {
    SearchResults r = new SearchResults(0, true, List.of(), null);
    assertThat(r.correctedText()).isNull();
    assertThat(r.suggestion()).isNull();
    assertThat(r.corrected()).isFalse();
  }
}
