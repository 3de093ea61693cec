package dev.dateline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Free text that knows entities: a word or phrase naming a known entity also finds the entity's
 * other names (the aliases the entity filters use), as one unit of the query.
 */
class AliasSearchTest {
  private static NewsIndex index;

  @BeforeAll
  static void index() {
    index = NewsIndex.inMemory(NewsIndex.Options.defaults());
    index.add(Article.builder().id("kiev").source("Wire").headline("Shelling overnight")
        .bodyText("Air raid sirens sounded in Kiev before dawn, officials said.").build());
    index.add(Article.builder().id("kyiv").source("Wire").headline("Shelling overnight")
        .bodyText("Air raid sirens sounded in Kyiv before dawn, officials said.").build());
    index.add(Article.builder().id("zelensky").source("Herald").headline("Leader speaks")
        .bodyText("President Zelensky addressed parliament about the budget.").build());
    index.add(Article.builder().id("talks").source("Herald").headline("Negotiators meet")
        .bodyText("The talks resumed in Geneva with delegations from both sides.").build());
    index.add(Article.builder().id("zelensky-talks").source("Wire").headline("Peace effort")
        .bodyText("Mr Zelensky joined the talks by video link from the capital.").build());
    index.add(Article.builder().id("us").source("Wire").headline("Letters")
        .bodyText("Readers wrote to tell us what they think about the United States.").build());
    index.refresh();
  }

  @AfterAll
  static void close() {
    index.close();
  }

  private static List<String> ids(String text) {
    return ids(NewsQuery.builder().text(text).limit(50).build());
  }

  private static List<String> ids(NewsQuery q) {
    return index.search(q).hits().stream().map(SearchHit::id).toList();
  }

  @Test
  void aTransliterationFindsTheOtherSpellingAndTheTypedOneFirst() {
    assertThat(ids("kyiv")).containsExactly("kyiv", "kiev");
    assertThat(ids("kiev")).containsExactly("kiev", "kyiv");
    assertThat(ids("Kyiv")).containsExactly("kyiv", "kiev");
    assertThat(ids("\"kyiv\"")).as("a quoted name expands too").containsExactly("kyiv", "kiev");
  }

  @Test
  void anAliasOfAPersonFindsTheCanonicalSpelling() {
    assertThat(ids("zelenskiy")).containsExactlyInAnyOrder("zelensky", "zelensky-talks");
    assertThat(ids("\"volodymyr zelenskiy\""))
        .as("a quoted full name").containsExactlyInAnyOrder("zelensky", "zelensky-talks");
  }

  @Test
  void theExpandedNameIsOneWordOfTheRankedQuery() {
    List<String> hits = ids("zelenskiy talks");
    assertThat(hits).containsExactlyInAnyOrder("zelensky-talks", "zelensky", "talks");
    assertThat(hits.get(0)).as("the article with both 'words' comes first").isEqualTo("zelensky-talks");
    NewsQuery and =
        NewsQuery.builder().text("zelenskiy talks").defaultOperator(NewsQuery.Operator.AND).build();
    assertThat(ids(and)).containsExactly("zelensky-talks");
  }

  @Test
  void unquotedWordsFormingANameAreOneUnit() {
    assertThat(ids("volodymyr zelenskiy")).containsExactlyInAnyOrder("zelensky", "zelensky-talks");
    List<String> hits = ids("volodymyr zelenskiy talks");
    assertThat(hits).containsExactlyInAnyOrder("zelensky-talks", "zelensky", "talks");
    assertThat(hits.get(0)).as("the name counts as one word of the all-words ranking")
        .isEqualTo("zelensky-talks");
    NewsQuery and = NewsQuery.builder().text("volodymyr zelenskiy talks")
        .defaultOperator(NewsQuery.Operator.AND).build();
    assertThat(ids(and)).containsExactly("zelensky-talks");
  }

  @Test
  void expansionCanBeTurnedOff() {
    NewsQuery literal = NewsQuery.builder().text("kyiv").expandAliases(false).build();
    assertThat(literal.expandAliases()).isFalse();
    assertThat(NewsQuery.of("kyiv").expandAliases()).isTrue();
    assertThat(literal).isNotEqualTo(NewsQuery.of("kyiv"));
    assertThat(literal.toBuilder().build().expandAliases()).isFalse();
    assertThat(ids(literal)).containsExactly("kyiv");
    NewsQuery noAliasesNoTypos =
        NewsQuery.builder().text("zelenskiy").expandAliases(false).correctTypos(false).build();
    assertThat(ids(noAliasesNoTypos)).isEmpty();
    // Without aliases, typo correction still rescues the empty page, and says so.
    SearchResults corrected = index.search(NewsQuery.builder().text("zelenskiy").expandAliases(false).build());
    assertThat(corrected.correctedText()).isEqualTo("zelensky");
    assertThat(corrected.hits()).extracting(SearchHit::id).contains("zelensky");
  }

  @Test
  void anAliasMatchIsNotReportedAsATypo() {
    SearchResults r = index.search(NewsQuery.of("zelenskiy"));
    assertThat(r.correctedText()).as("the alias found articles: nothing was corrected").isNull();
    assertThat(r.hits()).extracting(SearchHit::id).contains("zelensky");
  }

  @Test
  void wordsThatNameNoEntityAreUnchanged() {
    assertThat(ids("talks")).containsExactlyInAnyOrder("talks", "zelensky-talks");
    assertThat(ids("us")).as("an acronym only when typed in capitals").containsExactly("us");
    assertThat(ids("headline:kyiv")).as("a field-restricted word is searched as typed").isEmpty();
    assertThat(ids("kyi*")).as("a prefix is searched as typed").containsExactly("kyiv");
  }

  @Test
  void entityFilterStillMatchesAndTextHighlightsTheOtherSpelling() {
    SearchResults r = index.search(NewsQuery.of("kyiv"));
    SearchHit kiev = r.hits().stream().filter(h -> h.id().equals("kiev")).findFirst().orElseThrow();
    assertThat(kiev.snippet()).contains("Kiev");
  }
}
