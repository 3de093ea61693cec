package dev.dateline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Derived ids: stable for the same article, distinct for different ones. */
class ArticleIdTest {

  @Test
  void bodyOnlyArticlesGetDistinctIds() {
    Article a = Article.builder().bodyText("Floods closed the coast road.").build();
    Article b = Article.builder().bodyText("The central bank held rates.").build();
    assertThat(a.id()).isNotEqualTo(b.id());
  }

  @Test
  void bodyOnlyArticlesFromOneSourceAndTimeGetDistinctIds() {
    Instant t = Instant.parse("2026-02-04T10:00:00Z");
    Article a = Article.builder().source("Wire").published(t).bodyText("First story.").build();
    Article b = Article.builder().source("Wire").published(t).bodyText("Second story.").build();
    assertThat(a.id()).isNotEqualTo(b.id());
  }

  @Test
  void bodyOnlyIdIgnoresHowTheBodyIsSplitIntoParagraphs() {
    Article text = Article.builder().bodyText("One paragraph.\n\nAnother  one.").build();
    Article list = Article.builder().body(List.of("One paragraph.", "Another one.")).build();
    assertThat(text.id()).isEqualTo(list.id());
  }

  @Test
  void bodyOnlyJsonRecordsKeepBothArticlesAndMatchTheBuilder() {
    Article a = ArticleFiles.parseJson("{\"body\":\"Floods closed the coast road.\"}");
    Article b = ArticleFiles.parseJson("{\"body\":[\"The central bank held rates.\"]}");
    assertThat(a.id()).isNotEqualTo(b.id());
    assertThat(a.id()).isEqualTo(Article.builder().bodyText("Floods closed the coast road.").build().id());
    try (NewsIndex index = NewsIndex.inMemory()) {
      index.add(a);
      index.add(b);
      index.commit();
      index.refresh();
      assertThat(index.count()).isEqualTo(2);
    }
  }

  @Test
  void theBodyDoesNotChangeTheIdOfAnArticleWithAHeadlineOrUrl() {
    Article h1 = Article.builder().headline("Talks resume").bodyText("One.").build();
    Article h2 = Article.builder().headline("Talks resume").bodyText("Two.").build();
    assertThat(h1.id()).isEqualTo(h2.id()).isEqualTo(Article.deriveId(null, null, "Talks resume", null));
    Article u = Article.builder().url("https://e.com/a").bodyText("One.").build();
    assertThat(u.id()).isEqualTo(Article.deriveId("https://e.com/a", null, null, null));
  }
}
