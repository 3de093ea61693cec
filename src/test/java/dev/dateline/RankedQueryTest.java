package dev.dateline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ranked default operator: a search box that never comes back empty while some words match,
 * with the articles that have all the words first, and strictness on request.
 */
class RankedQueryTest {
  private static NewsIndex index;

  @BeforeAll
  static void index() {
    index = NewsIndex.inMemory(NewsIndex.Options.builder().entityExtractor(EntityExtractor.none()).build());
    // "storm" is everywhere in A, so A has the best BM25 score for "storm" by far; only B has both words.
    index.add(Article.builder().id("A").source("Herald").headline("Storm storm storm")
        .bodyText("Storm after storm after storm battered the islands; the storm season is long.").build());
    index.add(Article.builder().id("B").source("Wire").headline("Fishing fleet waits")
        .bodyText("A storm hit the coast overnight, and boats stayed in the harbour while officials counted damage to piers, roads and homes across the province.").build());
    index.add(Article.builder().id("C").source("Wire").headline("Coast road reopens")
        .bodyText("The coast road reopened after repairs.").build());
    index.add(Article.builder().id("D").source("Herald").headline("Markets calm")
        .bodyText("Shares were little changed.").build());
    index.refresh();
  }

  @AfterAll
  static void close() {
    index.close();
  }

  private static List<String> ids(String text) {
    return ids(NewsQuery.of(text));
  }

  private static List<String> ids(NewsQuery q) {
    return index.search(q).hits().stream().map(SearchHit::id).toList();
  }

  @Test
  void anArticleWithAllTheWordsRanksFirstEvenWithALowerTextScore() {
    NewsQuery or = NewsQuery.builder().text("storm coast").defaultOperator(NewsQuery.Operator.OR).build();
    assertThat(ids(or).get(0)).as("plain OR ranks by BM25 alone").isEqualTo("A");
    assertThat(ids("storm coast")).containsExactly("B", "A", "C");
  }

  @Test
  void aPageIsNeverEmptyWhileSomeWordMatches() {
    assertThat(ids("storm zzunknownword")).containsExactlyInAnyOrder("A", "B");
    NewsQuery strict = NewsQuery.builder().text("storm zzunknownword").defaultOperator(NewsQuery.Operator.AND).build();
    assertThat(ids(strict)).isEmpty();
  }

  @Test
  void plusRequiresMinusExcludesAndFiltersRestrict() {
    assertThat(ids("+coast storm")).containsExactly("B", "C");
    assertThat(ids("storm coast -harbour")).containsExactly("A", "C");
    assertThat(ids("storm coast source:herald")).containsExactly("A");
    assertThat(ids("storm coast after:2000")).as("undated articles never match a date filter").isEmpty();
  }

  @Test
  void aPhraseOrAnAndGroupIsOneOptionalUnitAndStrictOnItsOwn() {
    assertThat(ids("\"hit the coast\" markets")).containsExactlyInAnyOrder("B", "D");
    assertThat(ids("\"hit the coast\"")).containsExactly("B");
    assertThat(ids("STORM AND COAST")).as("an AND group alone is strict").containsExactly("B");
    assertThat(ids("storm AND coast markets")).containsExactlyInAnyOrder("B", "D");
  }

  @Test
  void totalsCountEveryArticleWithSomeWord() {
    SearchResults r = index.search(NewsQuery.builder().text("storm coast").exactTotal(true).build());
    assertThat(r.total()).isEqualTo(3);
    assertThat(index.count(NewsQuery.of("storm coast markets"))).isEqualTo(4);
  }
}
