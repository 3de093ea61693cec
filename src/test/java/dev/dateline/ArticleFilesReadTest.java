package dev.dateline;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dateline.ArticleFiles.Parsed;
import dev.dateline.ArticleFiles.Rejected;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading input files and directories with {@link ArticleFiles#stream} and {@link ArticleFiles#read}. */
class ArticleFilesReadTest {
  @TempDir Path dir;

  @Test
  void jsonLinesFileYieldsOneArticlePerLineSkippingBlankLines() throws IOException {
    Path file =
        write(
            "feed.jsonl",
            "{\"id\":\"a\",\"headline\":\"One\"}\n\n   \n{\"id\":\"b\",\"headline\":\"Two\"}\r\n");
    List<ArticleFiles.Record> records = readAll(file);
    assertThat(records)
        .containsExactly(
            new Parsed(Article.builder().id("a").headline("One").build(), file + ":1"),
            new Parsed(Article.builder().id("b").headline("Two").build(), file + ":4"));
  }

  @Test
  void badDateIsRejectedWithLocationWhileOtherLinesAreRead() throws IOException {
    Path file =
        write(
            "feed.jsonl",
            """
            {"id":"a","headline":"One","published":"2026-02-04"}
            {"id":"b","headline":"Two","published":"2026-02-30"}
            {"id":"c","headline":"Three"}
            """);
    List<ArticleFiles.Record> records = readAll(file);
    assertThat(ids(records)).containsExactly("a", "c");
    assertThat(rejections(records))
        .singleElement()
        .satisfies(
            r ->
                assertThat(r)
                    .startsWith(file + ":2: published: '2026-02-30' is not a valid ISO-8601 date"));
  }

  @Test
  void brokenJsonLineDoesNotStopTheNextLine() throws IOException {
    Path file =
        write(
            "feed.jsonl",
            """
            {"id":"a","headline":"One"}
            {"id":"b","headline": "Two",,}
            {"id":"c","headline":"Three"
            {"id":"d","headline":"Four"}
            """);
    List<ArticleFiles.Record> records = readAll(file);
    assertThat(ids(records)).containsExactly("a", "d");
    assertThat(rejections(records))
        .containsExactly(
            file + ":2: invalid JSON: unexpected character (',' (code 44)): was expecting double-quote to start field name at column 29",
            file + ":3: invalid JSON: unexpected end-of-input: expected close marker for Object (start marker at line 1, column 1) at column 29");
  }

  @Test
  void wrongTypeInAFileIsRejectedWithFieldAndType() throws IOException {
    Path file = write("feed.jsonl", "{\"headline\":\"h\",\"bullets\":3}\n[1]\n");
    assertThat(rejections(readAll(file)))
        .containsExactly(
            file + ":1: bullets: expected an array of strings, found number",
            file + ":2: expected a JSON object, found array");
  }

  @Test
  void invalidUtf8LineIsRejectedAndTheNextLineIsRead() throws IOException {
    Path file = dir.resolve("feed.jsonl");
    byte[] good = "{\"id\":\"ok\",\"headline\":\"Fine\"}\n".getBytes(UTF_8);
    byte[] bad = "{\"id\":\"bad\",\"headline\":\"caf\u00e9\"}\n".getBytes(UTF_8);
    bad[28] = (byte) 0xFF; // second byte of the two-byte é starting at column 28
    Files.write(file, concat(bad, good));
    List<ArticleFiles.Record> records = readAll(file);
    assertThat(rejections(records))
        .containsExactly(file + ":1: invalid UTF-8 at column 28 (byte 0xC3)");
    assertThat(ids(records)).containsExactly("ok");
  }

  @Test
  void duplicateIdsInOneFileAreBothReturned() throws IOException {
    Path file =
        write(
            "feed.jsonl",
            "{\"id\":\"same\",\"headline\":\"First\"}\n{\"id\":\"same\",\"headline\":\"Second\"}\n");
    List<ArticleFiles.Record> records = readAll(file);
    assertThat(records)
        .extracting(r -> ((Parsed) r).article().headline())
        .containsExactly("First", "Second");
  }

  @Test
  void defaultPublishedAppliesOnlyToRecordsWithoutOneAndDoesNotChangeDerivedIds()
      throws IOException {
    Path file =
        write(
            "feed.jsonl",
            """
            {"source":"S","headline":"No date"}
            {"id":"dated","headline":"Dated","published":"2026-01-01T08:00:00Z"}
            """);
    Instant fallback = Instant.parse("2026-02-04T00:00:00Z");
    List<Article> articles =
        articles(readAll(file, ArticleFiles.Options.defaults().withDefaultPublished(fallback)));
    assertThat(articles).extracting(Article::published)
        .containsExactly(fallback, Instant.parse("2026-01-01T08:00:00Z"));
    assertThat(articles.get(0).id()).isEqualTo(Article.deriveId(null, "S", "No date", null));
  }

  @Test
  void jsonArrayYieldsItsObjectsWithTheLineWhereEachStarts() throws IOException {
    Path file =
        write(
            "feed.json",
            """
            [
              {"id":"a","headline":"One"},
              {"id":"b",
               "headline":"Two", "published": "yesterday"},
              null,
              "not an object",
              {"id":"c","headline":"Three"}
            ]
            """);
    List<ArticleFiles.Record> records = readAll(file);
    assertThat(records).extracting(ArticleFiles.Record::location)
        .containsExactly(file + ":2", file + ":3", file + ":6", file + ":7");
    assertThat(ids(records)).containsExactly("a", "c");
    assertThat(rejections(records))
        .satisfiesExactly(
            r -> assertThat(r).startsWith(file + ":3: published: 'yesterday' is not a valid"),
            r -> assertThat(r).isEqualTo(file + ":6: expected an article object, found string"));
  }

  @Test
  void brokenJsonArrayKeepsRecordsBeforeTheErrorAndStopsThere() throws IOException {
    Path file =
        write(
            "feed.json",
            """
            [
              {"id":"a","headline":"One"},
              {"id":"b","headline":"Two" "oops"},
              {"id":"c","headline":"Three"}
            ]
            """);
    List<ArticleFiles.Record> records = readAll(file);
    assertThat(ids(records)).containsExactly("a");
    assertThat(rejections(records))
        .singleElement()
        .satisfies(
            r ->
                assertThat(r)
                    .startsWith(file + ":3: invalid JSON: unexpected character ('\"'")
                    .endsWith("at column 30; rest of file not read"));
  }

  @Test
  void jsonFileWithOneObjectYieldsOneArticle() throws IOException {
    Path file = write("one.json", "\uFEFF{\n \"id\": \"solo\",\n \"headline\": \"Alone\"\n}\n");
    assertThat(readAll(file))
        .containsExactly(new Parsed(Article.builder().id("solo").headline("Alone").build(), file + ":1"));
  }

  @Test
  void jsonFileWithAScalarOrTrailingContentIsReported() throws IOException {
    Path scalar = write("scalar.json", "42");
    Path trailing = write("trailing.json", "{\"id\":\"a\",\"headline\":\"h\"}\n{\"id\":\"b\"}");
    assertThat(rejections(readAll(scalar)))
        .containsExactly(scalar + ":1: expected a JSON array of article objects or one article object, found number");
    List<ArticleFiles.Record> records = readAll(trailing);
    assertThat(ids(records)).containsExactly("a");
    assertThat(rejections(records))
        .containsExactly(trailing + ":2: unexpected content after the top-level JSON value at column 1");
  }

  @Test
  void invalidUtf8InJsonFileEndsItWithARejection() throws IOException {
    Path file = dir.resolve("feed.json");
    byte[] head = "[{\"id\":\"a\",\"headline\":\"One\"},\n{\"id\":\"b\",\"headline\":\"".getBytes(UTF_8);
    byte[] tail = "\"}]".getBytes(UTF_8);
    Files.write(file, concat(head, new byte[] {(byte) 0xC3, (byte) 0x28}, tail));
    List<ArticleFiles.Record> records = readAll(file);
    assertThat(ids(records)).containsExactly("a");
    assertThat(rejections(records))
        .containsExactly(file + ":2: invalid UTF-8 at column 23; rest of file not read");
  }

  @Test
  void rawTextFileIsParsedThroughTheGivenParserWithIdFromFileName() throws IOException {
    Path file = write("kyiv-talks.txt", "Talks resume\r\n\r\nKYIV - Talks resumed.\u0007\n");
    ArticleFiles.Options options =
        ArticleFiles.Options.defaults()
            .withRawTextParser(
                text -> {
                  String[] parts = text.split("\n\n", 2);
                  return Article.builder().headline(parts[0]).bodyText(parts[1]);
                })
            .withDefaultPublished(Instant.parse("2026-02-04T00:00:00Z"));
    assertThat(readAll(file, options))
        .containsExactly(
            new Parsed(
                Article.builder()
                    .id("kyiv-talks")
                    .headline("Talks resume")
                    .body(List.of("KYIV - Talks resumed."))
                    .published(Instant.parse("2026-02-04T00:00:00Z"))
                    .build(),
                file.toString()));
  }

  @Test
  void rawTextKeepsAnIdOrUrlTheParserFound() throws IOException {
    Path file = write("page.txt", "whatever");
    ArticleFiles.Options withId =
        ArticleFiles.Options.defaults().withRawTextParser(t -> Article.builder().id("given").headline("h"));
    ArticleFiles.Options withUrl =
        ArticleFiles.Options.defaults()
            .withRawTextParser(t -> Article.builder().url("https://e.com/p").headline("h"));
    assertThat(ids(readAll(file, withId))).containsExactly("given");
    assertThat(ids(readAll(file, withUrl)))
        .containsExactly(Article.deriveId("https://e.com/p", null, null, null));
  }

  @Test
  void rawTextThatTheParserRejectsIsReportedForTheFile() throws IOException {
    Path file = write("empty.txt", "   ");
    ArticleFiles.Options options =
        ArticleFiles.Options.defaults().withRawTextParser(t -> Article.builder());
    assertThat(rejections(readAll(file, options)))
        .containsExactly(file + ": headline/body: an article needs a headline or a body");
  }

  @Test
  void directoryIsWalkedRecursivelyInSortedOrderPickingInputFilesOnly() throws IOException {
    Files.createDirectories(dir.resolve("b/inner"));
    Files.createDirectories(dir.resolve("a"));
    Files.createDirectories(dir.resolve(".hidden"));
    write("z.jsonl", line("z"));
    write("b/inner/c.json", "[" + line("b-inner-c") + "]");
    write("b/a.JSONL", line("b-a"));
    write("a/2.jsonl", line("a-2"));
    write("a/10.jsonl", line("a-10"));
    write("a/notes.md", "ignored");
    write(".hidden/x.jsonl", line("hidden"));
    write("b.jsonl", line("b-file"));
    ArticleFiles.Options options =
        ArticleFiles.Options.defaults().withRawTextParser(t -> Article.builder().headline(t));
    write("m.txt", "raw headline");

    List<ArticleFiles.Record> records = readAll(dir, options);
    assertThat(ids(records)).containsExactly("a-10", "a-2", "b-a", "b-inner-c", "b-file", "m", "z");
    assertThat(records.get(0).location()).isEqualTo(dir.resolve("a").resolve("10.jsonl") + ":1");
    assertThat(rejections(records)).isEmpty();
  }

  @Test
  void missingAndUnsupportedFilesAreOneRejectionEach() throws IOException {
    Path missing = dir.resolve("missing.jsonl");
    Path other = write("feed.csv", "a,b");
    assertThat(rejections(readAll(missing)))
        .containsExactly(missing + ": cannot read: no such file or directory");
    assertThat(rejections(readAll(other)))
        .containsExactly(other + ": unsupported file type (expected .jsonl, .ndjson, .json or .txt, optionally .gz)");
  }

  @Test
  void streamIsLazyAndClosingItEarlyReleasesTheFile() throws IOException {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      lines.append(line("id" + i)).append('\n');
    }
    Path file = write("feed.jsonl", lines.toString());
    try (Stream<ArticleFiles.Record> records = ArticleFiles.stream(file, ArticleFiles.Options.defaults())) {
      assertThat(records.limit(2).map(r -> ((Parsed) r).article().id()))
          .containsExactly("id0", "id1");
    }
    // Nothing is read (and nothing fails) before the stream is consumed.
    Path missing = dir.resolve("not-yet.jsonl");
    try (Stream<ArticleFiles.Record> records = ArticleFiles.stream(missing, ArticleFiles.Options.defaults())) {
      Files.writeString(missing, line("late"));
      assertThat(records.map(r -> ((Parsed) r).article().id())).containsExactly("late");
    }
  }

  @Test
  void readHandsRecordsToTheSinkInOrder() throws IOException {
    Path file = write("feed.jsonl", line("a") + "\n{\n" + line("c") + "\n");
    List<String> seen = new ArrayList<>();
    ArticleFiles.read(
        file,
        ArticleFiles.Options.defaults(),
        r -> seen.add(r instanceof Parsed p ? p.article().id() : r.toString()));
    assertThat(seen)
        .containsExactly(
            "a",
            file + ":2: invalid JSON: unexpected end-of-input: expected close marker for Object (start marker at line 1, column 1) at column 2",
            "c");
  }

  @Test
  void rejectedPrintsAsLocationColonReason() {
    assertThat(new Rejected("feed.jsonl:3", "published: bad")).hasToString("feed.jsonl:3: published: bad");
  }

  static String line(String id) {
    return "{\"id\":\"" + id + "\",\"headline\":\"Headline " + id + "\"}";
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, UTF_8);
    return file;
  }

  static List<ArticleFiles.Record> readAll(Path path) {
    return readAll(path, ArticleFiles.Options.defaults());
  }

  static List<ArticleFiles.Record> readAll(Path path, ArticleFiles.Options options) {
    try (Stream<ArticleFiles.Record> records = ArticleFiles.stream(path, options)) {
      return records.toList();
    } catch (UncheckedIOException e) {
      throw new AssertionError("closing failed", e);
    }
  }

  static List<Article> articles(List<ArticleFiles.Record> records) {
    return records.stream()
        .flatMap(r -> r instanceof Parsed p ? Stream.of(p.article()) : Stream.empty())
        .toList();
  }

  static List<String> ids(List<ArticleFiles.Record> records) {
    return articles(records).stream().map(Article::id).toList();
  }

  static List<String> rejections(List<ArticleFiles.Record> records) {
    return records.stream()
        .flatMap(r -> r instanceof Rejected x ? Stream.of(x.toString()) : Stream.empty())
        .toList();
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
