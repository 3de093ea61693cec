package dev.dateline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which passages a snippet shows: those with the query's rarer words. */
class SnippetPassageChoiceTest {

  @Test
  void aRareWordOnceOutweighsACommonWordRepeated() {
    try (NewsIndex index = NewsIndex.inMemory(
        NewsIndex.Options.builder().entityExtractor(EntityExtractor.none()).build())) {
      for (int i = 0; i < 40; i++) {
        index.add(Article.builder().id("filler-" + i).headline("Bond report " + i)
            .bodyText("Prices moved 3/4 of a point in trading " + i + ".").build());
      }
      index.add(Article.builder().id("bonds").headline("Bonds close lower")
          .bodyText("Bonds lost up to 3/4 of a point, dealers said. The decline followed firm zeppelin "
              + "freight rates and the dollar. The benchmark issue closed at 105-3/4 7/8, while the "
              + "long bond lost 3/4 from last night to 96-3/4 7/8.")
          .build());
      index.refresh();
      SearchHit hit = index.search(NewsQuery.of("zeppelin 3")).hits().stream().filter(h -> h.id().equals("bonds")).findFirst().orElseThrow();
      assertThat(hit.highlight().matchedText()).contains("zeppelin");
      assertThat(hit.highlight().text()).startsWith("The decline followed firm zeppelin");
    }
  }
}
