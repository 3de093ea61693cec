package dev.dateline;

import static dev.dateline.ArticleFilesReadTest.articles;
import static dev.dateline.ArticleFilesReadTest.readAll;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing JSON Lines with {@link ArticleFiles.JsonLinesWriter}. */
class ArticleFilesWriteTest {
  @TempDir Path dir;

  @Test
  void writtenJsonLinesFileReadsBackToEqualArticles() throws IOException {
    List<Article> written = new ArrayList<>();
    written.add(ArticleFilesJsonTest.fullArticle());
    for (int i = 0; i < 100; i++) {
      written.add(
          Article.builder()
              .headline("Headline " + i + " \u2014 caf\u00e9 \uD83D\uDCF0")
              .bodyText("First.\n\nSecond " + i)
              .source("Wire")
              .build());
    }
    Path file = dir.resolve("out.jsonl");
    try (ArticleFiles.JsonLinesWriter writer = ArticleFiles.newJsonLinesWriter(file)) {
      for (Article a : written) {
        writer.write(a);
      }
      assertThat(writer.count()).isEqualTo(101);
    }
    assertThat(Files.readAllLines(file, UTF_8)).hasSize(101);
    assertThat(articles(readAll(file))).isEqualTo(written);
  }

  @Test
  void eachLineIsTheCompactJsonOfOneArticleEndingInNewline() throws IOException {
    Article a = Article.builder().id("a").headline("One").build();
    Article b = Article.builder().id("b").headline("Two").build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ArticleFiles.JsonLinesWriter writer = ArticleFiles.newJsonLinesWriter(out)) {
      writer.write(a);
      writer.write(b);
    }
    assertThat(out.toString(UTF_8))
        .isEqualTo(ArticleFiles.toJson(a) + "\n" + ArticleFiles.toJson(b) + "\n");
  }
}
