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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliStoryTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BODY =
      "The European Central Bank raised its main interest rate by a quarter point on Thursday, its"
          + " fourth increase this year, as inflation in the euro zone stayed well above target. ECB"
          + " President Christine Lagarde told reporters in Frankfurt that further increases could"
          + " not be ruled out if price growth did not slow in the coming months.";

  @TempDir Path tmp;

  record Result(int exit, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(exit, out.toString(), err.toString());
  }

  private Path index() throws IOException {
    Path input = tmp.resolve("news.jsonl");
    Files.writeString(
        input,
        String.join(
            "\n",
            "{\"id\":\"s1\",\"source\":\"Reuters\",\"headline\":\"ECB raises rates\",\"body\":\"" + BODY + "\",\"published\":\"2026-02-10T09:00:00Z\"}",
            "{\"id\":\"s2\",\"source\":\"Gulf Daily\",\"headline\":\"Rates up again in Europe\",\"body\":\"" + BODY.replace("told reporters", "said") + " Copyright Gulf Daily.\",\"published\":\"2026-02-10T11:00:00Z\"}",
            "{\"id\":\"s3\",\"source\":\"Business Times\",\"headline\":\"ECB lifts rates\",\"body\":\"" + BODY + "\",\"published\":\"2026-02-10T12:00:00Z\"}",
            "{\"id\":\"x\",\"source\":\"Reuters\",\"headline\":\"Storm floods towns\",\"body\":\"Rain fell across the north of the country on Thursday and rivers burst their banks.\",\"published\":\"2026-02-10T10:00:00Z\"}",
            ""),
        StandardCharsets.UTF_8);
    Path index = tmp.resolve("idx");
    assertThat(run("index", "--index", index.toString(), "--no-extract", "--stories", input.toString()).exit()).isZero();
    return index;
  }

  @Test
  void searchCollapseJsonCarriesTheStory() throws IOException {
    Path index = index();
    Result r = run("search", "--index", index.toString(), "--json", "--collapse", "--sort", "newest");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode root = JSON.readTree(r.out());
    assertThat(root.get("total").asLong()).isEqualTo(2);
    JsonNode hit = root.get("hits").get(0);
    assertThat(hit.get("id").asText()).isEqualTo("s3");
    JsonNode story = hit.get("story");
    assertThat(story.get("id").asText()).isEqualTo("s1");
    assertThat(story.get("size").asInt()).isEqualTo(3);
    assertThat(story.get("sources").toString()).isEqualTo("[\"Business Times\",\"Gulf Daily\",\"Reuters\"]");
    assertThat(story.get("first").get("source").asText()).isEqualTo("Reuters");
    assertThat(story.get("first").get("published").asText()).isEqualTo("2026-02-10T09:00:00Z");
    assertThat(root.get("hits").get(1).get("story").get("size").asInt()).isEqualTo(1);

    JsonNode plain = JSON.readTree(run("search", "--index", index.toString(), "--json").out());
    assertThat(plain.get("total").asLong()).isEqualTo(4);
    assertThat(plain.get("hits").get(0).has("story")).isFalse();
  }

  @Test
  void facetStoriesCountsEachStoryOncePerValue() throws IOException {
    Path index = index();
    Result r = run("search", "--index", index.toString(), "--json", "--facet", "source",
        "--histogram", "day", "--facet-stories");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode root = JSON.readTree(r.out());
    assertThat(root.get("counting").asText()).isEqualTo("stories");
    assertThat(root.get("matches").asLong()).isEqualTo(2);
    // Reuters carried both stories; the other two outlets only copies of the ECB story.
    assertThat(root.get("facets").get("source").toString()).isEqualTo(
        "[{\"value\":\"Reuters\",\"count\":2},{\"value\":\"Business Times\",\"count\":1},"
            + "{\"value\":\"Gulf Daily\",\"count\":1}]");
    assertThat(root.get("histogram").get("buckets").get(0).get("count").asLong()).isEqualTo(2);

    JsonNode articles = JSON.readTree(
        run("search", "--index", index.toString(), "--json", "--facet", "source").out());
    assertThat(articles.get("counting").asText()).isEqualTo("articles");
    assertThat(articles.get("matches").asLong()).isEqualTo(4);

    Result text = run("search", "--index", index.toString(), "--facet", "source", "--facet-stories");
    assertThat(text.exit()).as(text.err()).isZero();
    assertThat(text.out()).contains("counting stories: 2 match");

    Result alone = run("search", "--index", index.toString(), "--facet-stories", "ecb");
    assertThat(alone.exit()).isEqualTo(2);
    assertThat(alone.err().strip()).contains("--facet-stories").doesNotContain("\n");
  }

  @Test
  void storyListsMembersInPublicationOrder() throws IOException {
    Path index = index();
    Result r = run("story", "--index", index.toString(), "--json", "s3");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode root = JSON.readTree(r.out());
    assertThat(root.get("story").get("id").asText()).isEqualTo("s1");
    assertThat(root.get("hits")).extracting(h -> h.get("id").asText()).containsExactly("s1", "s2", "s3");
    Result text = run("story", "--index", index.toString(), "s2");
    assertThat(text.out()).contains("story s1 · 3 articles · first reported by Reuters");
    Result missing = run("story", "--index", index.toString(), "nope");
    assertThat(missing.exit()).isEqualTo(Main.EXIT_NOT_FOUND);
    assertThat(missing.err()).contains("nope");
  }

  @Test
  void storiesOnAnIndexBuiltWithoutThemAreAOneLineUsageError() throws IOException {
    Path input = tmp.resolve("plain.jsonl");
    Files.writeString(
        input,
        "{\"id\":\"p1\",\"source\":\"Reuters\",\"body\":\"" + BODY + "\",\"published\":\"2026-02-10T09:00:00Z\"}\n",
        StandardCharsets.UTF_8);
    Path index = tmp.resolve("plain");
    assertThat(run("index", "--index", index.toString(), "--no-extract", input.toString()).exit()).isZero();
    for (String[] args :
        new String[][] {
          {"search", "--index", index.toString(), "--collapse", "rate"},
          {"story", "--index", index.toString(), "p1"},
        }) {
      Result r = run(args);
      assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(Main.EXIT_USAGE);
      assertThat(r.err().strip()).doesNotContain("\n").contains("without story detection").contains("--stories");
    }
    // Reindexing into it with --stories cannot turn detection on for the articles already there.
    Result again = run("index", "--index", index.toString(), "--no-extract", "--stories", input.toString());
    assertThat(again.exit()).isEqualTo(Main.EXIT_FAILURE);
    assertThat(again.err()).contains("without story detection");
  }

  @Test
  void relatedListsOtherStoriesInTheSearchHitFormat() throws IOException {
    Path index = index();
    Result r = run("related", "--index", index.toString(), "--json", "--limit", "5", "x");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode hits = JSON.readTree(r.out()).get("hits");
    assertThat(hits.isArray()).isTrue();
    // Never the article itself; from an ECB copy, never another copy of the ECB story.
    assertThat(hits).extracting(h -> h.get("id").asText()).doesNotContain("x");
    JsonNode fromCopy = JSON.readTree(run("related", "--index", index.toString(), "--json", "s2").out()).get("hits");
    assertThat(fromCopy).extracting(h -> h.get("id").asText()).doesNotContain("s1", "s2", "s3");
    for (JsonNode h : hits) {
      assertThat(h.has("headline")).isTrue();
      assertThat(h.has("score")).isTrue();
      assertThat(h.has("story")).isTrue();
    }
    Result missing = run("related", "--index", index.toString(), "nope");
    assertThat(missing.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(missing.err().strip()).contains("nope").doesNotContain("\n");
    assertThat(run("related", "--index", index.toString(), "--limit", "0", "x").exit()).isEqualTo(Main.EXIT_USAGE);
  }
}
