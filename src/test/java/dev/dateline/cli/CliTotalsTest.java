package dev.dateline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Totals in the CLI: the same for every page size, exact on request, or a count alone. */
class CliTotalsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MATCHING = 1_234;

  @TempDir static Path tmp;
  private static String index;

  @BeforeAll
  static void indexMoreMatchesThanTheCountingThreshold() throws IOException {
    StringBuilder jsonl = new StringBuilder();
    for (int i = 0; i < MATCHING; i++) {
      jsonl.append("{\"id\":\"t").append(i).append("\",\"headline\":\"Talks round ").append(i)
          .append("\",\"body\":\"Envoys held talks.\"}\n");
    }
    for (int i = 0; i < 30; i++) {
      jsonl.append("{\"id\":\"s").append(i).append("\",\"headline\":\"Storm ").append(i)
          .append("\",\"body\":\"A storm hit the coast.\"}\n");
    }
    Path input = tmp.resolve("news.jsonl");
    Files.writeString(input, jsonl);
    index = tmp.resolve("idx").toString();
    Cli.Result r = Cli.run("index", "--index", index, "--no-extract", input.toString());
    assertThat(r.exit()).as(r.err()).isZero();
  }

  private static JsonNode search(String... extra) throws IOException {
    String[] args = new String[extra.length + 4];
    args[0] = "search";
    args[1] = "--index";
    args[2] = index;
    args[3] = "--json";
    System.arraycopy(extra, 0, args, 4, extra.length);
    Cli.Result r = Cli.run(args);
    assertThat(r.exit()).as(r.err()).isZero();
    return JSON.readTree(r.out());
  }

  @Test
  void defaultTotalIsTheSameLowerBoundForEveryPageSizeAndOrder() throws IOException {
    for (String limit : new String[] {"1", "10", "100", "1000"}) {
      for (String sort : new String[] {"relevance", "newest"}) {
        JsonNode r = search("--limit", limit, "--sort", sort, "talks");
        assertThat(r.get("total").asLong()).as("limit %s, %s", limit, sort).isEqualTo(1000);
        assertThat(r.get("totalIsExact").asBoolean()).isFalse();
      }
    }
    Cli.Result text = Cli.run("search", "--index", index, "--limit", "3", "talks");
    assertThat(text.out()).startsWith("at least 1000 articles match");
  }

  @Test
  void exactTotalCountsEveryMatch() throws IOException {
    for (String limit : new String[] {"1", "100"}) {
      JsonNode r = search("--exact-total", "--limit", limit, "talks");
      assertThat(r.get("total").asLong()).isEqualTo(MATCHING);
      assertThat(r.get("totalIsExact").asBoolean()).isTrue();
    }
    Cli.Result text = Cli.run("search", "--index", index, "--exact-total", "--limit", "3", "talks");
    assertThat(text.out()).startsWith(MATCHING + " articles match");
  }

  @Test
  void countPrintsTheExactNumberAlone() throws IOException {
    Cli.Result r = Cli.run("search", "--index", index, "--count", "talks");
    assertThat(r.exit()).isZero();
    assertThat(r.out().strip()).isEqualTo(Integer.toString(MATCHING));
    assertThat(search("--count", "storm").get("count").asLong()).isEqualTo(30);
    assertThat(search("--count", "storm", "-coast").get("count").asLong()).isZero();
  }
}
