package dev.dateline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dateline.cli.Main;
import dev.dateline.internal.index.Schema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile records in one JSON Lines file, indexed with the CLI's {@code index} command (in
 * process): each bad record is reported as {@code file:line: reason} and skipped, each oversized
 * one is accepted with the index's limits applied, and every other record of the file is indexed.
 */
class HostileJsonInputTest {

  /** Line number (1-based) of each record, by a name used in the assertions. */
  private final Map<String, Integer> lineOf = new LinkedHashMap<>();

  private final List<byte[]> lines = new ArrayList<>();

  private void line(String name, String json) {
    line(name, json.getBytes(StandardCharsets.UTF_8));
  }

  private void line(String name, byte[] bytes) {
    lines.add(bytes);
    lineOf.put(name, lines.size());
  }

  private Path write(Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      for (byte[] l : lines) {
        out.write(l);
        out.write('\n');
      }
    }
    return file;
  }

  @Test
  void hostileRecordsAreRejectedOrLimited_andTheRestOfTheFileIsIndexed(@TempDir Path tmp)
      throws IOException {
    line("ok-1", "{\"id\":\"ok-1\",\"headline\":\"first good record\"}");
    ByteArrayOutputStream badUtf8 = new ByteArrayOutputStream();
    badUtf8.writeBytes("{\"id\":\"bad-utf8\",\"headline\":\"caf".getBytes(StandardCharsets.UTF_8));
    badUtf8.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
    badUtf8.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
    line("bad-utf8", badUtf8.toByteArray());
    line("big", "{\"id\":\"big\",\"headline\":\"big body\",\"body\":\"" + "word ".repeat(10_000_000) + "\"}");
    StringBuilder bullets = new StringBuilder("{\"id\":\"bullets\",\"headline\":\"many bullets\",\"bullets\":[");
    for (int i = 0; i < 100_000; i++) {
      bullets.append(i == 0 ? "" : ",").append("\"bullet ").append(i).append('"');
    }
    line("bullets", bullets.append("]}").toString());
    line("control", "{\"id\":\"control\",\"headline\":\"talks\\u0000in\\u0007kyiv\\u001b\",\"body\":\"a\\r\\nb\"}");
    line("bomb", "{\"id\":\"bomb\",\"headline\":\"x\",\"extra\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}");
    line("wrong-type", "{\"id\":\"wrong-type\",\"headline\":42}");
    line("wrong-list", "{\"id\":\"wrong-list\",\"headline\":\"h\",\"tags\":{\"a\":1}}");
    line("unknown", "{\"id\":\"unknown\",\"headline\":\"unknown fields\",\"colour\":\"red\",\"nested\":{\"a\":[1,2]}}");
    line("dup-1", "{\"id\":\"dup\",\"headline\":\"first version\"}");
    line("feb-30", "{\"id\":\"feb-30\",\"headline\":\"h\",\"published\":\"2026-02-30\"}");
    line("year-0", "{\"id\":\"year-0\",\"headline\":\"h\",\"published\":\"0000-01-01\"}");
    line("year-huge", "{\"id\":\"year-huge\",\"headline\":\"h\",\"published\":\"+999999-01-01\"}");
    line("no-zone", "{\"id\":\"no-zone\",\"headline\":\"h\",\"published\":\"2026-02-04T09:30:00\"}");
    line("not-json", "{\"id\": \"not-json\", headline");
    line("empty", "{\"id\":\"empty\"}");
    line("dup-2", "{\"id\":\"dup\",\"headline\":\"second version\"}");
    line("ok-2", "{\"id\":\"ok-2\",\"headline\":\"last good record\"}");
    Path file = write(tmp.resolve("hostile.jsonl"));
    Path dir = tmp.resolve("index");

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        Main.run(new PrintWriter(out), new PrintWriter(err), "index", "--index", dir.toString(),
            "--no-extract", file.toString());
    String errors = err.toString();

    assertThat(exit).as(errors).isEqualTo(3); // some inputs rejected, the rest indexed
    Map<String, String> expectedRejections = new LinkedHashMap<>();
    expectedRejections.put("bad-utf8", "invalid UTF-8");
    expectedRejections.put("bomb", "nesting deeper than " + ArticleFiles.MAX_NESTING_DEPTH + " levels");
    expectedRejections.put("wrong-type", "headline");
    expectedRejections.put("wrong-list", "tags");
    expectedRejections.put("feb-30", "published: '2026-02-30' is not a valid ISO-8601 date or date-time");
    expectedRejections.put("year-0", "published: '0000-01-01' is not a valid ISO-8601 date or date-time");
    expectedRejections.put("year-huge", "published: '+999999-01-01' is not a valid ISO-8601 date or date-time");
    expectedRejections.put("not-json", "invalid JSON");
    expectedRejections.put("empty", "headline/body: an article needs a headline or a body");
    for (Map.Entry<String, String> e : expectedRejections.entrySet()) {
      assertThat(errors)
          .as(e.getKey())
          .containsPattern("(?m)^" + java.util.regex.Pattern.quote(file + ":" + lineOf.get(e.getKey()) + ": ")
              + ".*" + java.util.regex.Pattern.quote(e.getValue()));
    }
    assertThat(errors.lines().filter(l -> l.startsWith(file + ":"))).hasSize(expectedRejections.size());
    assertThat(errors).contains("committed " + (lineOf.size() - expectedRejections.size()));

    try (NewsIndex index = NewsIndex.openReadOnly(dir)) {
      // Every record that was not rejected is in; duplicates collapse to the last one.
      assertThat(index.count()).isEqualTo(lineOf.size() - expectedRejections.size() - 1);
      for (String id : List.of("ok-1", "big", "bullets", "control", "unknown", "dup", "no-zone", "ok-2")) {
        assertThat(index.get(id)).as(id).isPresent();
      }
      for (String id : expectedRejections.keySet()) {
        assertThat(index.get(id)).as(id).isEmpty();
      }
      int max = NewsIndex.Options.defaults().maxFieldChars();
      assertThat(index.get("big").orElseThrow().bodyText().length()).isBetween(max - 10, max);
      assertThat(index.get("bullets").orElseThrow().bullets()).hasSize(Schema.MAX_FIELD_VALUES);
      assertThat(index.get("control").orElseThrow().headline()).isEqualTo("talksinkyiv");
      assertThat(index.get("control").orElseThrow().body()).containsExactly("a\nb");
      assertThat(index.get("dup").orElseThrow().headline()).isEqualTo("second version");
      assertThat(index.get("no-zone").orElseThrow().published())
          .isEqualTo(Instant.parse("2026-02-04T09:30:00Z"));
    }
  }
}
