package dev.dateline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NewsIndexSearchTest {
  private final NewsIndex index = Fixtures.index();

  @AfterEach
  void close() {
    index.close();
  }

  private List<String> ids(NewsQuery q) {
    return index.search(q).hits().stream().map(SearchHit::id).toList();
  }

  private List<String> ids(String text) {
    return ids(NewsQuery.of(text));
  }

  @Test
  void wordsAreRankedByDefault_allWordsFirst_andAndIsAnOption() {
    List<String> ranked = ids("talks flooded");
    assertThat(ranked.get(0)).isEqualTo("storm-1"); // the only article with both words
    assertThat(ranked).hasSizeGreaterThan(1).doesNotHaveDuplicates();
    assertThat(ids("peace talks").subList(0, 2)).containsExactlyInAnyOrder("talks-1", "storm-1");
    NewsQuery strict = NewsQuery.builder().text("talks flooded").defaultOperator(NewsQuery.Operator.AND).build();
    assertThat(ids(strict)).containsExactly("storm-1");
    assertThat(ids(NewsQuery.builder().text("peace talks").defaultOperator(NewsQuery.Operator.AND).build()))
        .containsExactlyInAnyOrder("talks-1", "storm-1");
  }

  @Test
  void orIsExplicitOrConfigurable() {
    assertThat(ids("inflation OR flooded")).containsExactlyInAnyOrder("rates-1", "storm-1");
    assertThat(ids(NewsQuery.builder().text("inflation flooded").defaultOperator(NewsQuery.Operator.OR).build()))
        .containsExactlyInAnyOrder("rates-1", "storm-1");
  }

  @Test
  void headlineMatchOutranksBodyMatch() {
    // "talks" is in the headlines of talks-1 and undated-1, only in the bodies of the others.
    List<String> ranked = ids("talks");
    assertThat(ranked.indexOf("talks-1")).isLessThan(ranked.indexOf("storm-1"));
    assertThat(ranked.indexOf("undated-1")).isLessThan(ranked.indexOf("rates-1"));
  }

  @Test
  void possessiveFindsTheName() {
    assertThat(ids("headline:russia")).containsExactly("talks-1");
    assertThat(ids("body:kyiv")).contains("talks-1"); // body says "Kyiv’s"
  }

  @Test
  void phraseIsExact() {
    assertThat(ids("\"first day\"")).containsExactly("talks-1");
    assertThat(ids("\"day first\"")).isEmpty();
  }

  @Test
  void notAndMinusExclude() {
    assertThat(ids("talks -storm")).doesNotContain("storm-1").contains("talks-1");
    assertThat(ids("talks NOT storm")).doesNotContain("storm-1");
  }

  @Test
  void fieldedSearchIsLimitedToThatField() {
    assertThat(ids("headline:storm")).containsExactly("storm-1");
    assertThat(ids("byline:doe")).containsExactly("talks-1");
  }

  @Test
  void hitsCarryHighlightedSnippets() {
    SearchHit hit = index.search("Umerov").hits().get(0);
    assertThat(hit.snippet()).contains("<em>Umerov</em>");
    assertThat(hit.headline()).startsWith("Ukraine, Russia");
    assertThat(hit.entities()).extracting(Entity::name).contains("Volodymyr Zelensky");
  }

  @Test
  void unquotedWordsMatchInflectionsButQuotedInflectedWordsMatchOnlyThatForm() {
    try (NewsIndex own = NewsIndex.inMemory(NewsIndex.Options.builder().entityExtractor(EntityExtractor.none()).build())) {
      own.add(Article.builder().id("one").headline("A Russian official spoke").build());
      own.add(Article.builder().id("many").headline("Russian officials spoke").build());
      own.refresh();
      assertThat(own.search("russian officials").hits()).extracting(SearchHit::id).containsExactlyInAnyOrder("one", "many");
      assertThat(own.search("\"Russian officials\"").hits()).extracting(SearchHit::id).containsExactly("many");
      assertThat(own.search("\"russian official\"").hits()).extracting(SearchHit::id).containsExactlyInAnyOrder("one", "many");
    }
  }

  @Test
  void exactPhraseMatchesAreHighlighted() {
    SearchHit hit = index.search("\"peace talks\"").hits().stream()
        .filter(h -> h.id().equals("storm-1")).findFirst().orElseThrow();
    assertThat(hit.snippet()).contains("<em>Peace talks</em>");
  }
}
