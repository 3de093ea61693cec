package dev.dateline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleTest {

  @Test
  void missingHeadlineAndBodyIsRejectedNamingBothFields() {
    assertThatThrownBy(() -> Article.builder().id("x").byline("By A").build())
        .isInstanceOf(InvalidArticleException.class)
        .satisfies(e -> assertThat(((InvalidArticleException) e).field()).isEqualTo("headline/body"));
  }

  @Test
  void overlongIdIsRejected() {
    assertThatThrownBy(() -> Article.builder().id("x".repeat(513)).headline("h").build())
        .isInstanceOf(InvalidArticleException.class)
        .hasMessageStartingWith("id:");
    assertThat(Article.builder().id("x".repeat(512)).headline("h").build().id()).hasSize(512);
  }

  @Test
  void invalidDateIsRejectedNamingTheField() {
    assertThatThrownBy(() -> Article.builder().published("2026-02-30"))
        .isInstanceOf(InvalidArticleException.class)
        .hasMessageStartingWith("published: '2026-02-30'");
    assertThatThrownBy(() -> Article.builder().updated("last tuesday"))
        .hasMessageStartingWith("updated:");
    assertThatThrownBy(() -> Article.builder().published("0000-01-01")).hasMessageContaining("outside");
    assertThatThrownBy(() -> Article.builder().published("+999999-01-01T00:00:00Z"))
        .isInstanceOf(InvalidArticleException.class);
  }

  @Test
  void datesWithoutOffsetAreUtcAndOffsetsAreHonoured() {
    assertThat(Article.builder().published("2026-02-04").headline("h").build().published())
        .isEqualTo(Instant.parse("2026-02-04T00:00:00Z"));
    assertThat(Article.builder().published("2026-02-04T09:30").headline("h").build().published())
        .isEqualTo(Instant.parse("2026-02-04T09:30:00Z"));
    assertThat(Article.builder().published("2026-02-04T09:30:00+08:00").headline("h").build().published())
        .isEqualTo(Instant.parse("2026-02-04T01:30:00Z"));
  }

  @Test
  void derivedIdIsStableAndPrefersTheUrl() {
    Article a = Article.builder().url("https://x.test/a").headline("One").build();
    Article b = Article.builder().url("https://x.test/a").headline("Two").build();
    Article c = Article.builder().source("S").headline("One").published("2026-01-01").build();
    Article d = Article.builder().source("S").headline("One").published("2026-01-02").build();
    assertThat(a.id()).isEqualTo(b.id());
    assertThat(c.id()).isNotEqualTo(d.id());
    assertThat(Article.builder().source("S").headline("One").published("2026-01-01").build().id())
        .isEqualTo(c.id());
  }

  @Test
  void blankValuesCountAsAbsentAndListsAreNeverNull() {
    Article a = Article.builder().id(" x ").headline("  h ").byline("  ").bullets(List.of(" ", "b")).build();
    assertThat(a.id()).isEqualTo("x");
    assertThat(a.headline()).isEqualTo("h");
    assertThat(a.byline()).isNull();
    assertThat(a.bullets()).containsExactly("b");
    assertThat(a.tags()).isEmpty();
  }

  @Test
  void bodyTextSplitsOnBlankLines() {
    Article a = Article.builder().headline("h").bodyText("One.\n\nTwo\nlines.\n \nThree.").build();
    assertThat(a.body()).containsExactly("One.", "Two\nlines.", "Three.");
  }
}
