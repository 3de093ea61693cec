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

class CliFacetsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  private Path index;

  @BeforeEach
  void indexArticles() throws IOException {
    index = tmp.resolve("idx");
    Path input = tmp.resolve("news.jsonl");
    Files.writeString(
        input,
        String.join(
            "\n",
            "{\"id\":\"1\",\"source\":\"Reuters\",\"headline\":\"Copper mine strike at Escondida\",\"published\":\"2026-02-03T17:00:00Z\",\"entities\":[{\"type\":\"place\",\"name\":\"Escondida\"},{\"type\":\"org\",\"name\":\"BHP\"}]}",
            "{\"id\":\"2\",\"source\":\"Reuters\",\"headline\":\"Escondida strike talks\",\"published\":\"2026-02-06T01:00:00Z\",\"entities\":[{\"type\":\"place\",\"name\":\"Escondida\"},{\"type\":\"person\",\"name\":\"Ana Kowal\"}]}",
            "{\"id\":\"3\",\"source\":\"Mining Weekly\",\"headline\":\"Escondida output falls\",\"published\":\"2026-02-06T03:00:00Z\",\"entities\":[{\"type\":\"place\",\"name\":\"Escondida\"},{\"type\":\"person\",\"name\":\"Ana Kowal\"}]}",
            "{\"id\":\"4\",\"source\":\"<b>Bold</b> Times\",\"headline\":\"Escondida note\",\"entities\":[]}",
            "{\"id\":\"5\",\"source\":\"Reuters\",\"headline\":\"Rates unchanged\",\"published\":\"2026-02-05T00:00:00Z\"}",
            ""),
        StandardCharsets.UTF_8);
    assertThat(Cli.run("index", "--index", index.toString(), "--no-extract", input.toString()).exit()).isZero();
  }

  @Test
  void searchJson_hasTheFacetsAndHistogramContract() throws IOException {
    Cli.Result r = Cli.run("search", "--index", index.toString(), "--json", "--facet", "source", "--facet", "person",
        "--histogram", "day", "--tz", "Asia/Singapore", "escondida");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode root = JSON.readTree(r.out());
    assertThat(root.get("total").asLong()).isEqualTo(4);
    assertThat(root.get("facets").toString()).isEqualTo(
        "{\"source\":[{\"value\":\"Reuters\",\"count\":2},{\"value\":\"<b>Bold</b> Times\",\"count\":1},"
            + "{\"value\":\"Mining Weekly\",\"count\":1}],"
            + "\"person\":[{\"value\":\"Ana Kowal\",\"count\":2}]}");
    JsonNode h = root.get("histogram");
    assertThat(h.get("interval").asText()).isEqualTo("day");
    assertThat(h.get("zone").asText()).isEqualTo("Asia/Singapore");
    assertThat(h.get("undated").asLong()).isEqualTo(1);
    // 17:00Z on the 3rd is 01:00 on the 4th in Singapore; the 5th is kept, empty.
    assertThat(h.get("buckets").toString()).isEqualTo(
        "[{\"start\":\"2026-02-04T00:00:00+08:00\",\"count\":1},"
            + "{\"start\":\"2026-02-05T00:00:00+08:00\",\"count\":0},"
            + "{\"start\":\"2026-02-06T00:00:00+08:00\",\"count\":2}]");
    assertThat(r.out()).doesNotContain("<b>"); // HTML-safe like all the tool's JSON
  }

  @Test
  void searchText_drawsTheFacetTablesAndABarChart() {
    Cli.Result r = Cli.run("search", "--index", index.toString(), "--facet", "place", "--histogram", "day", "escondida");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("place:\n  3  Escondida\n");
    assertThat(r.out()).contains("published per day (UTC):");
    assertThat(r.out()).containsPattern("2026-02-03 Tue \\|\u2588{20} 1\n");
    assertThat(r.out()).containsPattern("2026-02-04 Wed \\| 0\n");
    assertThat(r.out()).containsPattern("2026-02-06 Fri \\|\u2588{40} 2\n");
    assertThat(r.out()).contains("undated: 1");
  }

  @Test
  void sideways_countsTheFilteredDimensionWithoutItsFilter() throws IOException {
    Cli.Result r = Cli.run("search", "--index", index.toString(), "--json", "--source", "Reuters", "--facet", "source",
        "--facet", "place", "--sideways");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode root = JSON.readTree(r.out());
    assertThat(root.get("total").asLong()).isEqualTo(3);
    assertThat(root.at("/facets/source").size()).isEqualTo(3); // all sources, as if unfiltered
    assertThat(root.at("/facets/place/0/count").asLong()).isEqualTo(2); // Reuters only
    assertThat(root.at("/facetDetails/source/sideways").asBoolean()).isTrue();
    assertThat(root.at("/facetDetails/place/sideways").asBoolean()).isFalse();
  }

  @Test
  void unknownDimensionOrInterval_isAOneLineUsageError() {
    Cli.Result dim = Cli.run("search", "--index", index.toString(), "--facet", "colour", "x");
    assertThat(dim.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(dim.err()).startsWith("dateline: unknown facet dimension 'colour' (known: source, section,");
    assertThat(dim.err().strip().lines()).hasSize(1);
    Cli.Result interval = Cli.run("search", "--index", index.toString(), "--histogram", "fortnight", "x");
    assertThat(interval.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(interval.err()).startsWith("dateline: unknown histogram interval 'fortnight'");
    assertThat(interval.err().strip().lines()).hasSize(1);
    assertThat(Cli.run("search", "--index", index.toString(), "--count", "--facet", "source").exit())
        .isEqualTo(Main.EXIT_USAGE);
    assertThat(Cli.run("search", "--index", index.toString(), "--histogram", "day", "--chart", tmp.resolve("c.gif").toString()).exit())
        .isEqualTo(Main.EXIT_USAGE);
  }

  @Test
  void chart_writesAnSvgOrPngTimeline() throws IOException {
    Path svg = tmp.resolve("timeline.svg");
    Cli.Result r = Cli.run("search", "--index", index.toString(), "--histogram", "day", "--chart", svg.toString(), "escondida");
    assertThat(r.exit()).as(r.err()).isZero();
    String doc = Files.readString(svg);
    assertThat(doc).contains("<svg").contains("escondida").contains("per day");
    Path png = tmp.resolve("timeline.png");
    assertThat(Cli.run("search", "--index", index.toString(), "--histogram", "week", "--chart", png.toString()).exit()).isZero();
    byte[] bytes = Files.readAllBytes(png);
    assertThat(bytes).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
  }

  @Test
  void trends_listsCoMentionsWithoutTheFilterItself_andScoresSignificantEntities() throws IOException {
    Cli.Result r = Cli.run("trends", "--index", index.toString(), "--json", "--place", "Escondida");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode root = JSON.readTree(r.out());
    assertThat(root.get("matches").asLong()).isEqualTo(3);
    assertThat(root.get("score").asText()).contains("log-likelihood");
    assertThat(root.at("/coMentions/place").size()).isZero(); // Escondida itself is left out
    assertThat(root.at("/coMentions/person/0/value").asText()).isEqualTo("Ana Kowal");
    assertThat(root.at("/coMentions/person/0/count").asLong()).isEqualTo(2);
    assertThat(root.at("/coMentions/org/0/value").asText()).isEqualTo("BHP");
    JsonNode ana = root.at("/significant/person/0");
    assertThat(ana.get("value").asText()).isEqualTo("Ana Kowal");
    assertThat(ana.get("foreground").asLong()).isEqualTo(2);
    assertThat(ana.get("foregroundTotal").asLong()).isEqualTo(3);
    assertThat(ana.get("background").asLong()).isZero(); // the rest of the index: articles 4 and 5
    assertThat(ana.get("backgroundTotal").asLong()).isEqualTo(2);
    // Words of two or more matching articles: "strike" (articles 1 and 2), "escondida" (all three,
    // and article 4 in the background).
    JsonNode words = root.at("/significant/word");
    assertThat(words.findValuesAsText("value")).containsExactlyInAnyOrder("strike", "escondida");
    JsonNode strike = words.get(words.get(0).get("value").asText().equals("strike") ? 0 : 1);
    assertThat(strike.get("foreground").asLong()).isEqualTo(2);
    assertThat(strike.get("foregroundTotal").asLong()).isEqualTo(3);
    assertThat(strike.get("background").asLong()).isZero();
    assertThat(strike.get("backgroundTotal").asLong()).isEqualTo(2);
    Cli.Result text = Cli.run("trends", "--index", index.toString(), "--place", "Escondida");
    assertThat(text.out()).contains("mentioned with it (person):\n       2  Ana Kowal");
    assertThat(text.out()).containsPattern("unusually frequent \\(word, vs the rest of the index; G2 score\\):\n"
        + " +[0-9.]+  (strike|escondida) \\(\\d of 3, background \\d of 2\\)\n");
  }

  @Test
  void trends_searchedWordsAreNotTheirOwnTrend() throws IOException {
    Cli.Result r = Cli.run("trends", "--index", index.toString(), "--json", "escondida");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode root = JSON.readTree(r.out());
    assertThat(root.get("matches").asLong()).isEqualTo(4);
    assertThat(root.at("/significant/word").findValuesAsText("value")).containsExactly("strike");
  }
}
