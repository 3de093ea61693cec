package dev.dateline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code search --sort recent [--half-life D]}. */
class CliRecencyTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FILLER =
      " Officials met residents, inspected roads and bridges, and promised a report next month.";

  @TempDir Path tmp;
  private String index;

  @BeforeEach
  void indexArticles() throws IOException {
    // Dates relative to the real clock, which the CLI uses: a better match a year old, a weaker one a day old.
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Path input = tmp.resolve("news.jsonl");
    Files.writeString(
        input,
        String.join(
            "\n",
            "{\"id\":\"old\",\"headline\":\"Border news\",\"body\":\"The ceasefire held and the ceasefire was extended." + FILLER + "\",\"published\":\"" + now.minus(Duration.ofDays(365)) + "\"}",
            "{\"id\":\"new\",\"headline\":\"Border news\",\"body\":\"The ceasefire was mentioned by the envoys there." + FILLER + "\",\"published\":\"" + now.minus(Duration.ofDays(1)) + "\"}",
            ""),
        StandardCharsets.UTF_8);
    index = tmp.resolve("idx").toString();
    Cli.Result r = Cli.run("index", "--index", index, "--no-extract", input.toString());
    assertThat(r.exit()).as(r.err()).isZero();
  }

  private List<String> ids(String... extra) throws IOException {
    String[] args = new String[extra.length + 5];
    System.arraycopy(new String[] {"search", "--index", index, "--json", "ceasefire"}, 0, args, 0, 5);
    System.arraycopy(extra, 0, args, 5, extra.length);
    Cli.Result r = Cli.run(args);
    assertThat(r.exit()).as(r.err()).isZero();
    return JSON.readTree(r.out()).get("hits").findValuesAsText("id");
  }

  @Test
  void sortRecentBlendsRelevanceWithAgeAndTheHalfLifeMatters() throws IOException {
    assertThat(ids("--sort", "relevance")).containsExactly("old", "new");
    assertThat(ids("--sort", "recent")).containsExactly("new", "old");
    assertThat(ids("--sort", "RECENT", "--half-life", "2w")).containsExactly("new", "old");
    // An hour: both are many half-lives old, both at the floor, so relevance decides again.
    assertThat(ids("--sort", "recent", "--half-life", "1h")).containsExactly("old", "new");
    // Text output works too.
    Cli.Result text = Cli.run("search", "--index", index, "--sort", "recent", "ceasefire");
    assertThat(text.exit()).as(text.err()).isZero();
  }

  @Test
  void sortRecentPagesWithItsCursor() throws IOException {
    Cli.Result first = Cli.run("search", "--index", index, "--json", "--sort", "recent", "--limit", "1", "ceasefire");
    assertThat(first.exit()).as(first.err()).isZero();
    var json = JSON.readTree(first.out());
    assertThat(json.get("hits").findValuesAsText("id")).containsExactly("new");
    String next = json.get("next").asText();
    assertThat(ids("--sort", "recent", "--limit", "1", "--after", next)).containsExactly("old");
  }

  @Test
  void badHalfLivesAreOneLineUsageErrors() {
    for (String bad : List.of("0d", "7", "abc", "7x", "-1d", "1.5d", "99999999d")) {
      Cli.Result r = Cli.run("search", "--index", index, "--sort", "recent", "--half-life", bad, "ceasefire");
      assertThat(r.exit()).as(bad).isEqualTo(2);
      assertThat(r.err().strip()).as(bad).contains("--half-life").doesNotContain("\n");
      assertThat(r.out()).isEmpty();
    }
    Cli.Result r = Cli.run("search", "--index", index, "--half-life", "7d", "ceasefire");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().strip()).contains("--half-life needs --sort recent").doesNotContain("\n");
    Cli.Result sort = Cli.run("search", "--index", index, "--sort", "soon", "ceasefire");
    assertThat(sort.exit()).isEqualTo(2);
    assertThat(sort.err()).contains("recent");
  }
}
