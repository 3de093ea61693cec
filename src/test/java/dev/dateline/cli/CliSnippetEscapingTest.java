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

/** {@code search --json} carries snippets as escaped HTML: markup in an article is text there. */
class CliSnippetEscapingTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private static String run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    assertThat(exit).as(err.toString()).isZero();
    return out.toString();
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
}
