package dev.dateline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI says when it searched a corrected query, in text and in --json. */
class CliTypoCorrectionTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  private Path index;

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new String[] {Integer.toString(exit), out.toString(), err.toString()};
  }

  @BeforeEach
  void index() throws IOException {
    index = tmp.resolve("idx");
    Path input = tmp.resolve("news.jsonl");
    Files.writeString(
        input,
        "{\"id\":\"a\",\"headline\":\"Ceasefire talks\",\"body\":\"Negotiations resumed in Geneva.\",\"published\":\"2026-02-10\"}\n"
            + "{\"id\":\"b\",\"headline\":\"Storm floods towns\",\"body\":\"Rain fell.\",\"published\":\"2026-03-01\"}\n",
        StandardCharsets.UTF_8);
    assertThat(run("index", "--index", index.toString(), "--no-extract", input.toString())[0]).isEqualTo("0");
  }

  @Test
  void textOutputSaysWhichQueryItShowsFirst() {
    String[] r = run("search", "--index", index.toString(), "negotations");
    assertThat(r[0]).isEqualTo("0");
    assertThat(r[1].lines().findFirst()).hasValue("showing results for: negotiations");
    assertThat(r[1]).contains("1 article matches").contains("Ceasefire talks");
  }

  @Test
  void textOutputSuggestsWhenTheQueryFoundSomething() {
    String[] r = run("search", "--index", index.toString(), "negotations", "storm");
    assertThat(r[1].lines().findFirst()).hasValue("did you mean: negotiations storm");
    assertThat(r[1]).contains("Storm floods towns");
  }

  @Test
  void jsonCarriesTheCorrectedTextAndSuggestion() throws IOException {
    JsonNode root = JSON.readTree(run("search", "--index", index.toString(), "--json", "negotations")[1]);
    assertThat(root.get("correctedText").asText()).isEqualTo("negotiations");
    assertThat(root.get("suggestion").isNull()).isTrue();
    assertThat(root.get("hits").get(0).get("id").asText()).isEqualTo("a");
    JsonNode plain = JSON.readTree(run("search", "--index", index.toString(), "--json", "storm")[1]);
    assertThat(plain.get("correctedText").isNull()).isTrue();
    assertThat(plain.get("suggestion").isNull()).isTrue();
  }

  @Test
  void correctionCanBeTurnedOff() {
    String[] r = run("search", "--index", index.toString(), "--no-typo-correction", "negotations");
    assertThat(r[1]).doesNotContain("showing results for").startsWith("0 articles match");
  }
}
