package dev.dateline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dateline.Article;
import dev.dateline.ArticleFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code parse}, {@code show} and {@code delete}: one article at a time. */
class CliArticleCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FULL =
      "{\"id\":\"full-1\",\"url\":\"https://news.example/full-1\",\"source\":\"Harbour Daily\","
          + "\"headline\":\"Peace talks open in Geneva\",\"byline\":\"By Ana Lindqvist\",\"section\":\"World\","
          + "\"published\":\"2026-02-10T09:00:00Z\",\"updated\":\"2026-02-10T11:30:00Z\",\"tags\":[\"diplomacy\"],"
          + "\"body\":[\"Envoys met on Tuesday.\",\"Mr Zelensky spoke.\"],"
          + "\"entities\":[{\"type\":\"person\",\"name\":\"Volodymyr Zelensky\",\"aliases\":[\"Zelenskyy\"],\"mentions\":2},"
          + "{\"type\":\"place\",\"name\":\"Geneva\"}]}";

  @TempDir Path tmp;

  private Path indexOf(String... lines) throws IOException {
    Path input = tmp.resolve("news.jsonl");
    Files.writeString(input, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    Path index = tmp.resolve("idx");
    Cli.Result r = Cli.run("index", "--index", index.toString(), "--no-extract", input.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    return index;
  }

  // ------------------------------------------------------------------ item 7: parse shows dates

  @Test
  void parseTextShowsPublishedLikeTheOtherFields() {
    String page = "Storm floods towns\n\nBy Jane Doe\n\nRain fell all night.\n";
    Cli.Result r = Cli.runWithInput(page, "parse", "--published", "2026-02-04T10:00:00+02:00", "-");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("headline: Storm floods towns\npublished: 2026-02-04T08:00:00Z\n");
    assertThat(r.out()).contains("body: 1 paragraph\n  | Rain fell all night.\n");
    Cli.Result undated = Cli.runWithInput(page, "parse", "-");
    assertThat(undated.out()).doesNotContain("published:");
  }

  @Test
  void parseReadsAFileOrStandardInputAndRejectsABadDateAsUsage() throws IOException {
    Path file = tmp.resolve("page.txt");
    Files.writeString(file, "Storm floods towns\n\nRain fell.\n");
    Cli.Result fromFile = Cli.run("parse", "--json", "--published", "2026-02-04", file.toString());
    assertThat(fromFile.exit()).isZero();
    JsonNode a = JSON.readTree(fromFile.out());
    assertThat(a.get("headline").asText()).isEqualTo("Storm floods towns");
    assertThat(a.get("published").asText()).isEqualTo("2026-02-04T00:00:00Z");
    Cli.Result bad = Cli.runWithInput("Headline\n", "parse", "--published", "2026-02-30", "-");
    assertThat(bad.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(bad.err()).startsWith("dateline: --published: '2026-02-30' is not a valid ISO-8601 date").hasLineCount(1);
    Cli.Result missing = Cli.run("parse", tmp.resolve("nope.txt").toString());
    assertThat(missing.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(missing.err()).isEqualTo("dateline: cannot read " + tmp.resolve("nope.txt") + ": no such file\n");
  }

  @Test
  void parseJsonListsWhereEachEntityIsMentioned() throws IOException {
    String page = "Storm hits Manila\n\nRain fell on Manila all night, Mr Marcos said.\n";
    Cli.Result r = Cli.runWithInput(page, "parse", "--json", "-");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode manila = null;
    for (JsonNode e : JSON.readTree(r.out()).get("entities")) {
      if (e.get("name").asText().equals("Manila")) {
        manila = e;
      }
    }
    assertThat(manila).as(r.out()).isNotNull();
    JsonNode first = manila.get("occurrences").get(0);
    assertThat(first.get("field").asText()).isEqualTo("headline");
    assertThat(first.get("index").asInt()).isZero();
    assertThat(first.get("start").asInt()).isEqualTo(11);
    assertThat(first.get("end").asInt()).isEqualTo(17);
    assertThat(first.get("text").asText()).isEqualTo("Manila");
    JsonNode second = manila.get("occurrences").get(1);
    assertThat(second.get("field").asText()).isEqualTo("body");
    assertThat(second.get("start").asInt()).isEqualTo(13);
    assertThat(manila.get("mentions").asInt()).isEqualTo(2);
  }

  @Test
  void parseShowsTheUpdateTimeWhenThePageHasOne() {
    // The raw parser reads "Updated" lines of a page; the text view must show them like published.
    String text = Output.describe(
        Article.builder().headline("h").published("2026-02-04").updated("2026-02-05T10:00:00Z").build(), false);
    assertThat(text).contains("published: 2026-02-04T00:00:00Z\nupdated: 2026-02-05T10:00:00Z\n");
  }

  // ------------------------------------------------------------------ item 8: show and delete

  @Test
  void showPrintsTheStoredArticle() throws IOException {
    Path index = indexOf(FULL);
    Cli.Result r = Cli.run("show", "--index", index.toString(), "full-1");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .isEqualTo(
            """
            id: full-1
            headline: Peace talks open in Geneva
            published: 2026-02-10T09:00:00Z
            updated: 2026-02-10T11:30:00Z
            source: Harbour Daily
            section: World
            url: https://news.example/full-1
            byline: By Ana Lindqvist
            tags:
              - diplomacy
            body: 2 paragraphs
              | Envoys met on Tuesday.
              | Mr Zelensky spoke.
            entities:
              person Volodymyr Zelensky (2) aka Zelenskyy
              place  Geneva (1)
            """);
  }

  @Test
  void showJsonUsesTheInputFieldNamesAndReadsBackAsTheSameArticle() throws IOException {
    Path index = indexOf(FULL);
    Cli.Result r = Cli.run("show", "--index", index.toString(), "--json", "full-1");
    assertThat(r.exit()).isZero();
    JsonNode a = JSON.readTree(r.out());
    assertThat(a.get("id").asText()).isEqualTo("full-1");
    assertThat(a.get("published").asText()).isEqualTo("2026-02-10T09:00:00Z");
    assertThat(a.get("body")).hasSize(2);
    assertThat(a.get("entities").get(0).get("aliases").get(0).asText()).isEqualTo("Zelenskyy");
    assertThat(ArticleFiles.parseJson(r.out())).isEqualTo(ArticleFiles.parseJson(FULL));
  }

  @Test
  void showOfAnUnknownIdIsExitCodeSix() throws IOException {
    Path index = indexOf(FULL);
    Cli.Result r = Cli.run("show", "--index", index.toString(), "nope");
    assertThat(r.exit()).isEqualTo(Main.EXIT_NOT_FOUND).isEqualTo(6);
    assertThat(r.err()).isEqualTo("dateline: no article with id 'nope' in " + index + "\n");
    assertThat(r.out()).isEmpty();
    assertThat(Cli.run("show", "--index", tmp.resolve("missing").toString(), "x").exit()).isEqualTo(Main.EXIT_USAGE);
  }

  @Test
  void deleteRemovesDurablyAndReportsEachId() throws IOException {
    Path index = indexOf(FULL, "{\"id\":\"b\",\"headline\":\"Other\"}", "{\"id\":\"c\",\"headline\":\"Third\"}");
    Cli.Result r = Cli.run("delete", "--index", index.toString(), "full-1", "nope", "c", "full-1");
    assertThat(r.exit()).isEqualTo(Main.EXIT_NOT_FOUND);
    assertThat(r.out()).isEqualTo("deleted full-1\ndeleted c\n");
    assertThat(r.err()).isEqualTo("not found: nope\n");
    assertThat(Cli.run("show", "--index", index.toString(), "full-1").exit()).isEqualTo(Main.EXIT_NOT_FOUND);
    assertThat(Cli.run("show", "--index", index.toString(), "b").exit()).isZero();
    Cli.Result again = Cli.run("delete", "--index", index.toString(), "b");
    assertThat(again.exit()).isZero();
    assertThat(again.out()).isEqualTo("deleted b\n");
  }

  @Test
  void deleteNeedsAnExistingIndexAndCreatesNone() throws IOException {
    Path none = tmp.resolve("none");
    assertThat(Cli.run("delete", "--index", none.toString(), "x").exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(none).doesNotExist();
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    Cli.Result r = Cli.run("delete", "--index", empty.toString(), "x");
    assertThat(r.exit()).isEqualTo(Main.EXIT_FAILURE);
    assertThat(r.err()).isEqualTo("dateline: no index at " + empty + "\n");
    assertThat(empty).isEmptyDirectory();
  }
}
