package dev.dateline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import dev.dateline.testsupport.RequiresSharedCorpora;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  private Path index;
  private Path input;

  record Result(int exit, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(exit, out.toString(), err.toString());
  }

  @BeforeEach
  void writeInput() throws IOException {
    index = tmp.resolve("idx");
    input = tmp.resolve("news.jsonl");
    Files.writeString(
        input,
        String.join(
            "\n",
            "{\"id\":\"a\",\"source\":\"Harbour Daily\",\"headline\":\"Peace talks open in Geneva\",\"body\":\"Envoys met.\\n\\nMr Zelensky spoke.\",\"published\":\"2026-02-10T09:00:00Z\",\"entities\":[{\"type\":\"person\",\"name\":\"Volodymyr Zelensky\"}]}",
            "{\"id\":\"b\",\"source\":\"Island Times\",\"headline\":\"Storm floods towns\",\"body\":[\"Rain fell.\"],\"published\":\"2026-03-01\"}",
            "{\"id\":\"c\",\"headline\":\"Bad date\",\"published\":\"2026-02-30\"}",
            "{\"id\":\"d\",\"headline\":\"Undated talks note\"}",
            ""),
        StandardCharsets.UTF_8);
  }

  @Test
  void indexReportsRejectedRecordsWithFileAndLineAndKeepsTheRest() {
    Result r = run("index", "--index", index.toString(), "--no-extract", input.toString());
    assertThat(r.exit()).isEqualTo(Main.EXIT_REJECTED);
    assertThat(r.err()).contains(input + ":3: published: '2026-02-30'");
    assertThat(r.err()).contains("committed 3");
    assertThat(r.out()).contains("indexed 3, updated 0, rejected 1");
    Result again = run("index", "--index", index.toString(), "--no-extract", "--json", input.toString());
    assertThat(again.out()).contains("\"indexed\":0").contains("\"updated\":3").contains("\"rejected\":1");
  }

  @Test
  void searchJsonHasTheDocumentedShape() throws IOException {
    run("index", "--index", index.toString(), "--no-extract", input.toString());
    Result r = run("search", "--index", index.toString(), "--json", "--person", "zelenskyy", "talks");
    assertThat(r.exit()).isZero();
    JsonNode root = JSON.readTree(r.out());
    assertThat(root.get("total").asLong()).isEqualTo(1);
    assertThat(root.get("totalIsExact").asBoolean()).isTrue();
    JsonNode hit = root.get("hits").get(0);
    assertThat(hit.get("id").asText()).isEqualTo("a");
    assertThat(hit.get("published").asText()).isEqualTo("2026-02-10T09:00:00Z");
    assertThat(hit.get("source").asText()).isEqualTo("Harbour Daily");
    assertThat(hit.get("score").asDouble()).isPositive();
    assertThat(hit.get("entities").get(0).get("name").asText()).isEqualTo("Volodymyr Zelensky");
    assertThat(hit.has("snippet")).isTrue();
    assertThat(root.get("next").isNull()).isTrue();
  }

  @Test
  void searchPagesWithTheCursorAndSortsNewestFirst() throws IOException {
    run("index", "--index", index.toString(), "--no-extract", input.toString());
    JsonNode first = JSON.readTree(run("search", "--index", index.toString(), "--json", "--sort", "newest", "--limit", "2").out());
    assertThat(first.get("hits").findValuesAsText("id")).containsExactly("b", "a");
    String cursor = first.get("next").asText();
    JsonNode second = JSON.readTree(run("search", "--index", index.toString(), "--json", "--sort", "newest", "--limit", "2", "--after", cursor).out());
    assertThat(second.get("hits").findValuesAsText("id")).containsExactly("d");
  }

  @Test
  void dateFiltersAndTimeZoneApply() throws IOException {
    run("index", "--index", index.toString(), "--no-extract", input.toString());
    JsonNode r = JSON.readTree(run("search", "--index", index.toString(), "--json", "--from", "2026-02", "--to", "2026-02", "--tz", "Europe/Kyiv").out());
    assertThat(r.get("hits").findValuesAsText("id")).containsExactly("a");
  }

  @Test
  void statsJsonCountsArticlesSourcesAndEntities() throws IOException {
    run("index", "--index", index.toString(), "--no-extract", input.toString());
    JsonNode s = JSON.readTree(run("stats", "--index", index.toString(), "--json").out());
    assertThat(s.get("articles").asLong()).isEqualTo(3);
    assertThat(s.get("oldest").asText()).isEqualTo("2026-02-10T09:00:00Z");
    assertThat(s.get("newest").asText()).isEqualTo("2026-03-01T00:00:00Z");
    assertThat(s.get("sources").findValuesAsText("name")).containsExactlyInAnyOrder("Harbour Daily", "Island Times");
    assertThat(s.get("entities").get(0).get("type").asText()).isEqualTo("person");
  }

  @Test
  void badQueriesDatesAndOptionsExitWithCodeTwoAndOneLine() {
    run("index", "--index", index.toString(), "--no-extract", input.toString());
    for (String[] args :
        List.of(
            new String[] {"search", "--index", index.toString(), "--syntax", "full", "\"unclosed"},
            new String[] {"search", "--index", index.toString(), "--syntax", "fancy", "x"},
            new String[] {"search", "--index", index.toString(), "--from", "2026-13"},
            new String[] {"search", "--index", index.toString(), "--tz", "Nowhere/City"},
            new String[] {"search", "--index", index.toString(), "--sort", "sideways"},
            new String[] {"search", "--index", index.toString(), "--limit", "0"},
            new String[] {"search", "--index", tmp.resolve("missing").toString(), "x"},
            new String[] {"search", "--bogus"},
            new String[] {"index", "--index", index.toString(), tmp.resolve("nope.jsonl").toString()},
            new String[] {"frobnicate"})) {
      Result r = run(args);
      assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(Main.EXIT_USAGE);
      assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
      assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }
  }

  @Test
  void demoIndexesTheSampleAndShowsResults() {
    Result r = run("demo");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Indexed 13 sample articles").contains("[peace talks]").contains("$ dateline stats");
  }

  private static final List<String> COMMANDS =
      List.of("index", "search", "show", "story", "related", "delete", "stats", "trends", "parse", "demo");

  @Test
  void everyCommandHasHelp() {
    for (String cmd : COMMANDS) {
      Result r = run(cmd, "--help");
      assertThat(r.exit()).isZero();
      assertThat(r.out()).contains("Usage: dateline " + cmd);
    }
  }

  /** The command list shows each command's first description line: a whole sentence, not a cut. */
  @Test
  void theCommandListSummarisesEachCommandInASentence() {
    Result r = run("--help");
    assertThat(r.exit()).isZero();
    String list = r.out().substring(r.out().indexOf("Commands:"), r.out().indexOf("Exit codes:"));
    for (String cmd : COMMANDS) {
      int at = list.indexOf("\n  " + cmd + " ");
      assertThat(at).as(cmd).isPositive();
      java.util.regex.Matcher next = java.util.regex.Pattern.compile("\n  \\S").matcher(list);
      int end = next.find(at + 1) ? next.start() : list.length();
      String summary = list.substring(at, end).strip().replaceAll("\\s+", " ");
      assertThat(summary).as(cmd).endsWith(".");
    }
  }

  @Test
  void runsAsAProcessWithExitCodesAndNoStackTraces() throws Exception {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    ProcessBuilder index = new ProcessBuilder(new ArrayList<>(cmd)).redirectErrorStream(false);
    index.command().addAll(List.of("index", "--index", this.index.toString(), "--no-extract", input.toString()));
    Process p = index.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(err).isEqualTo(3);
    assertThat(out).contains("indexed 3");

    ProcessBuilder search = new ProcessBuilder(new ArrayList<>(cmd));
    search.command().addAll(List.of("search", "--index", this.index.toString(), "--json", "storm"));
    Process s = search.start();
    String json = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String searchErr = new String(s.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(s.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(s.exitValue()).as(searchErr).isZero();
    assertThat(JSON.readTree(json).get("hits").get(0).get("id").asText()).isEqualTo("b");

    ProcessBuilder bad = new ProcessBuilder(new ArrayList<>(cmd));
    bad.command().addAll(List.of("search", "--index", this.index.toString(), "--syntax", "full", "(talks"));
    Process b = bad.start();
    String badErr = new String(b.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(b.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(b.exitValue()).isEqualTo(2);
    assertThat(badErr.lines().filter(l -> l.startsWith("dateline:"))).hasSize(1);
    assertThat(badErr).contains("never closed").doesNotContain("\tat ");
  }

  @Test
  @RequiresSharedCorpora
  void seedPageIsFoundByPersonAndPlaceAliasesAfterIndexing() throws IOException {
    Path seed = dev.dateline.testsupport.Fixtures.sharedCorporaDir().resolve(dev.dateline.testsupport.Fixtures.SEED_ARTICLE);
    Result indexed = run("index", "--index", index.toString(), "--published", "2026-02-04T12:00:00Z", seed.toString());
    assertThat(indexed.exit()).as(indexed.err()).isZero();
    for (String[] filter : List.of(new String[] {"--person", "zelenskyy"}, new String[] {"--place", "kiev"},
        new String[] {"--person", "Mr Xi"}, new String[] {"--org", "national security and defense council"}, new String[] {"--org", "NSDC"})) {
      JsonNode r = JSON.readTree(run("search", "--index", index.toString(), "--json", filter[0], filter[1]).out());
      assertThat(r.get("hits").findValuesAsText("id")).as(String.join(" ", filter)).containsExactly("abu-dhabi-talks");
    }
    JsonNode none = JSON.readTree(run("search", "--index", index.toString(), "--json", "--person", "Emmanuel Vergara").out());
    assertThat(none.get("total").asLong()).isZero();
  }

  @Test
  @RequiresSharedCorpora
  void parsePrintsTheSeedAsJsonWithEntities() throws IOException {
    Path seed = dev.dateline.testsupport.Fixtures.sharedCorporaDir().resolve(dev.dateline.testsupport.Fixtures.SEED_ARTICLE);
    Result r = run("parse", "--json", "--published", "2026-02-04", seed.toString());
    assertThat(r.exit()).isZero();
    JsonNode a = JSON.readTree(r.out());
    assertThat(a.get("dateline").asText()).isEqualTo("KYIV");
    assertThat(a.get("bullets")).hasSize(3);
    assertThat(a.get("published").asText()).isEqualTo("2026-02-04T00:00:00Z");
    assertThat(a.get("entities").findValuesAsText("name")).contains("Volodymyr Zelensky", "Kyiv", "Reuters");
    JsonNode zelensky = a.get("entities").get(a.get("entities").findValuesAsText("name").indexOf("Volodymyr Zelensky"));
    assertThat(zelensky.get("type").asText()).isEqualTo("person");
    assertThat(zelensky.get("mentions").asInt()).isGreaterThan(1);
    assertThat(zelensky.get("aliases").toString()).contains("Zelenskyy");
  }
}
