package dev.dateline;

import static dev.dateline.ArticleFilesReadTest.ids;
import static dev.dateline.ArticleFilesReadTest.readAll;
import static dev.dateline.ArticleFilesReadTest.rejections;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dateline.ArticleFiles.Parsed;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile and oversized input. */
class ArticleFilesLimitsTest {
  @TempDir Path dir;

  @Test
  void nestingBombIsRejectedWithoutStackOverflowAndTheNextLineIsRead() throws IOException {
    int depth = 100_000;
    Path file = dir.resolve("bomb.jsonl");
    String bomb = "{\"headline\":\"h\",\"body\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
    Files.writeString(file, bomb + "\n" + ArticleFilesReadTest.line("after") + "\n");

    List<ArticleFiles.Record> records = readAll(file);
    assertThat(rejections(records))
        .containsExactly(file + ":1: nesting deeper than " + ArticleFiles.MAX_NESTING_DEPTH + " levels");
    assertThat(ids(records)).containsExactly("after");
  }

  @Test
  void nestingBombInJsonArrayEndsTheFileKeepingEarlierRecords() throws IOException {
    Path file = dir.resolve("bomb.json");
    Files.writeString(
        file, "[" + ArticleFilesReadTest.line("first") + ",\n{\"x\":" + "[".repeat(100_000) + "]");
    List<ArticleFiles.Record> records = readAll(file);
    assertThat(ids(records)).containsExactly("first");
    assertThat(rejections(records))
        .containsExactly(file + ":2: nesting deeper than 64 levels; rest of file not read");
  }

  @Test
  void nestingWithinTheLimitIsFineInIgnoredFields() {
    String nested = "[".repeat(ArticleFiles.MAX_NESTING_DEPTH - 1) + "]".repeat(ArticleFiles.MAX_NESTING_DEPTH - 1);
    assertThat(ArticleFiles.parseJson("{\"headline\":\"h\",\"extra\":" + nested + "}").headline())
        .isEqualTo("h");
    String tooDeep = "[" + nested + "]";
    assertThatThrownBy(() -> ArticleFiles.parseJson("{\"headline\":\"h\",\"extra\":" + tooDeep + "}"))
        .isInstanceOf(InvalidArticleException.class)
        .hasMessage("json: nesting deeper than 64 levels");
  }

  @Test
  void twentyMegabyteBodyIsAccepted() throws IOException {
    Path file = dir.resolve("big.jsonl");
    String paragraph = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(1000);
    int paragraphs = 20 * 1024 * 1024 / paragraph.length() + 1;
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("{\"id\":\"big\",\"headline\":\"Big\",\"body\":\"");
      for (int i = 0; i < paragraphs; i++) {
        out.write(paragraph.strip());
        out.write("\\n\\n");
      }
      out.write("\"}\n");
      out.write(ArticleFilesReadTest.line("small") + "\n");
    }
    assertThat(Files.size(file)).isGreaterThan(20L * 1024 * 1024);
    List<ArticleFiles.Record> records = readAll(file);
    assertThat(rejections(records)).isEmpty();
    Article big = ((Parsed) records.get(0)).article();
    assertThat(big.body()).hasSize(paragraphs);
    assertThat(big.bodyText().length()).isGreaterThan(20 * 1024 * 1024);
    assertThat(ids(records)).containsExactly("big", "small");
  }

  @Test
  void stringOverTheLimitIsRejected() {
    String huge = "x".repeat(ArticleFiles.MAX_STRING_LENGTH + 1);
    assertThatThrownBy(() -> ArticleFiles.parseJson("{\"headline\":\"" + huge + "\"}"))
        .isInstanceOf(InvalidArticleException.class)
        .hasMessage("json: a string is longer than " + ArticleFiles.MAX_STRING_LENGTH + " characters");
  }
}
