package dev.dateline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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

  @BeforeEach
  void index() throws IOException {
    index = tmp.resolve("idx");
    Path input = tmp.resolve("news.jsonl");
    Files.writeString(
        input,
        "{\"id\":\"a\",\"headline\":\"Ceasefire talks\",\"body\":\"Negotiations resumed in Geneva.\",\"published\":\"2026-02-10\"}\n"
            + "{\"id\":\"b\",\"headline\":\"Storm floods towns\",\"body\":\"Rain fell.\",\"published\":\"2026-03-01\"}\n",
        StandardCharsets.UTF_8);
    assertThat(Cli.run("index", "--index", index.toString(), "--no-extract", input.toString()).exit()).isZero();
  }

  @Test
  void textOutputSaysWhichQueryItShowsFirst() {
    Cli.Result r = Cli.run("search", "--index", index.toString(), "negotations");
    assertThat(r.exit()).isZero();
    assertThat(r.out().lines().findFirst()).hasValue("showing results for: negotiations");
    assertThat(r.out()).contains("1 article matches").contains("Ceasefire talks");
  }

  @Test
  void textOutputSuggestsWhenTheQueryFoundSomething() {
    Cli.Result r = Cli.run("search", "--index", index.toString(), "negotations", "storm");
    assertThat(r.out().lines().findFirst()).hasValue("did you mean: negotiations storm");
    assertThat(r.out()).contains("Storm floods towns");
  }

  @Test
  void jsonCarriesTheCorrectedTextAndSuggestion() throws IOException {
    JsonNode root = JSON.readTree(Cli.run("search", "--index", index.toString(), "--json", "negotations").out());
    assertThat(root.get("correctedText").asText()).isEqualTo("negotiations");
    assertThat(root.get("suggestion").isNull()).isTrue();
    assertThat(root.get("hits").get(0).get("id").asText()).isEqualTo("a");
    JsonNode plain = JSON.readTree(Cli.run("search", "--index", index.toString(), "--json", "storm").out());
    assertThat(plain.get("correctedText").isNull()).isTrue();
    assertThat(plain.get("suggestion").isNull()).isTrue();
  }

  @Test
  void correctionCanBeTurnedOff() {
    Cli.Result r = Cli.run("search", "--index", index.toString(), "--no-typo-correction", "negotations");
    assertThat(r.out()).doesNotContain("showing results for").startsWith("0 articles match");
  }
}
