package dev.dateline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.dateline.Article;
import dev.dateline.NewsIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code search --json} carries snippets as escaped HTML (markup in an article is text there) and
 * as plain text with match offsets; the text output shows the article's text as text, with its
 * control characters neutralised so it cannot drive the terminal.
 */
class CliSnippetEscapingTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private static String run(String... args) {
    Cli.Result r = Cli.run(args);
    assertThat(r.exit()).as(r.err()).isZero();
    return r.out();
  }

  @Test
  void searchJsonSnippetHasTheArticlesMarkupEscaped() throws IOException {
    Path index = tmp.resolve("idx");
    Path input = tmp.resolve("news.jsonl");
    Files.writeString(
        input,
        "{\"id\":\"x\",\"headline\":\"Talks resume\",\"body\":["
            + "\"<script>alert(1)</script> Envoys resumed talks <img src=x onerror=alert(2)>.\","
            + "\"A </em> stray and a <em>forged</em> mark; &lt;b&gt; stays text.\"]}\n",
        StandardCharsets.UTF_8);
    run("index", "--index", index.toString(), "--no-extract", input.toString());

    String out = run("search", "--index", index.toString(), "--json", "talks");
    assertThat(out).doesNotContain("<script").doesNotContain("<img");
    JsonNode hit = JSON.readTree(out).get("hits").get(0);
    assertThat(hit.get("snippet").asText())
        .isEqualTo(
            "&lt;script&gt;alert(1)&lt;/script&gt; Envoys resumed <em>talks</em>"
                + " &lt;img src=x onerror=alert(2)&gt;.");

    String forged = run("search", "--index", index.toString(), "--json", "forged");
    assertThat(JSON.readTree(forged).get("hits").get(0).get("snippet").asText())
        .isEqualTo(
            "A &lt;/em&gt; stray and a &lt;em&gt;<em>forged</em>&lt;/em&gt; mark; &amp;lt;b&amp;gt;"
                + " stays text.");
  }

  @Test
  void searchJsonAlsoGivesThePlainSnippetWithMatchOffsets() throws IOException {
    Path index = tmp.resolve("idx");
    Path input = tmp.resolve("news.jsonl");
    Files.writeString(
        input,
        "{\"id\":\"x\",\"headline\":\"Talks\",\"body\":\"Tom & Jerry <b>resumed</b> talks.\"}\n",
        StandardCharsets.UTF_8);
    run("index", "--index", index.toString(), "--no-extract", input.toString());

    JsonNode hit =
        JSON.readTree(run("search", "--index", index.toString(), "--json", "talks")).get("hits").get(0);
    JsonNode highlight = hit.get("highlight");
    String text = highlight.get("text").asText();
    assertThat(text).isEqualTo("Tom & Jerry <b>resumed</b> talks.");
    JsonNode match = highlight.get("matches").get(0);
    assertThat(text.substring(match.get(0).asInt(), match.get(1).asInt())).isEqualTo("talks");
    assertThat(highlight.get("matches")).hasSize(1);
  }

  @Test
  void textOutputShowsTheArticleTextAsTextAndNeutralisesTerminalControls() {
    // Through the API: the file readers already drop C0 controls, an embedding application may not.
    Path index = tmp.resolve("idx");
    try (NewsIndex writer = NewsIndex.open(index)) {
      writer.add(
          Article.builder()
              .id("x")
              .headline("Talks \u001b]0;pwned\u0007 resume")
              .source("Wire\u001b[2J")
              .bodyText("Tom & Jerry's <b>talks</b> \u001b[31mred\u202Eevil.")
              .build());
    }

    String out = run("search", "--index", index.toString(), "talks");
    assertThat(out).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u202E");
    assertThat(out).contains("Tom & Jerry's <b>[talks]</b>").doesNotContain("&amp;").doesNotContain("&#39;");
    assertThat(out).contains("Talks \uFFFD]0;pwned\uFFFD resume").contains("Wire\uFFFD[2J");

    String shown = run("show", "--index", index.toString(), "x");
    assertThat(shown).doesNotContain("\u001b").doesNotContain("\u202E").contains("Tom & Jerry's <b>talks</b>");
  }

  @Test
  void jsonOutputsCarryNoMarkupYetParseBackToTheArticlesText() throws IOException {
    Path index = tmp.resolve("idx");
    String body = "<script>alert('x')</script> talks & more";
    try (NewsIndex writer = NewsIndex.open(index)) {
      writer.add(Article.builder().id("x").headline("<b>Talks</b>").bodyText(body).build());
    }
    String search = run("search", "--index", index.toString(), "--json", "talks");
    String show = run("show", "--index", index.toString(), "--json", "x");
    for (String out : new String[] {search, show}) {
      assertThat(out).doesNotContain("<").doesNotContain(">").doesNotContain("&").doesNotContain("'");
    }
    JsonNode hit = JSON.readTree(search).get("hits").get(0);
    assertThat(hit.get("headline").asText()).isEqualTo("<b>Talks</b>");
    assertThat(hit.get("highlight").get("text").asText()).isEqualTo(body);
    assertThat(JSON.readTree(show).get("body").toString()).contains("alert('x')");
  }
}
