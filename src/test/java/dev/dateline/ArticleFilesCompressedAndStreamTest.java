package dev.dateline;

import static dev.dateline.ArticleFilesReadTest.ids;
import static dev.dateline.ArticleFilesReadTest.line;
import static dev.dateline.ArticleFilesReadTest.readAll;
import static dev.dateline.ArticleFilesReadTest.rejections;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dateline.ArticleFiles.Parsed;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code .ndjson}, gzip-compressed input ({@code .gz}), {@link ArticleFiles#stream(InputStream,
 * String, ArticleFiles.Options)} for input that is not a file (standard input), and {@link
 * ArticleFiles#inputFiles}.
 */
class ArticleFilesCompressedAndStreamTest {
  @TempDir Path dir;

  @Test
  void ndjsonIsReadAsJsonLines() throws IOException {
    Path file = write("feed.NDJSON", (line("a") + "\n\n" + line("b") + "\n").getBytes(UTF_8));
    List<ArticleFiles.Record> records = readAll(file);
    assertThat(ids(records)).containsExactly("a", "b");
    assertThat(records.get(1).location()).isEqualTo(file + ":3");
  }

  @Test
  void gzipCompressedFilesOfEveryFormatAreDecompressed() throws IOException {
    Path lines = write("a.jsonl.gz", gzip(line("l1") + "\n" + "{\"id\":\"l2\",\"published\":\"2026-02-30\",\"headline\":\"x\"}\n" + line("l3")));
    Path ndjson = write("b.ndjson.GZ", gzip(line("n1")));
    Path array = write("c.json.gz", gzip("[\n" + line("j1") + ",\n" + line("j2") + "]"));
    Path page = write("d.txt.gz", gzip("A raw headline"));
    ArticleFiles.Options options =
        ArticleFiles.Options.defaults().withRawTextParser(t -> Article.builder().headline(t));

    assertThat(ids(readAll(lines))).containsExactly("l1", "l3");
    assertThat(rejections(readAll(lines))).singleElement().asString().startsWith(lines + ":2: published: '2026-02-30'");
    assertThat(ids(readAll(ndjson))).containsExactly("n1");
    List<ArticleFiles.Record> json = readAll(array);
    assertThat(ids(json)).containsExactly("j1", "j2");
    assertThat(json.get(1).location()).isEqualTo(array + ":3");
    // A page without id or url is named after the file, without .txt.gz.
    assertThat(ids(readAll(page, options))).containsExactly("d");
    // A walk picks them all up.
    assertThat(ids(readAll(dir, options))).containsExactly("l1", "l3", "n1", "j1", "j2", "d");
  }

  @Test
  void invalidGzipIsOneRejectionForTheFileAndOtherFilesAreStillRead() throws IOException {
    write("a.jsonl", (line("before") + "\n").getBytes(UTF_8));
    Path notGzip = write("b.jsonl.gz", (line("plain") + "\n").getBytes(UTF_8));
    Path empty = write("c.json.gz", new byte[0]);
    // Incompressible filler, so that cutting the end off leaves the first two lines intact.
    StringBuilder noise = new StringBuilder();
    Random random = new Random(42);
    for (int i = 0; i < 300_000; i++) {
      noise.append((char) ('a' + random.nextInt(26)));
    }
    byte[] good = gzip(line("t1") + "\n" + line("t2") + "\n" + noise + "\n" + line("t3") + "\n");
    Path truncated = write("d.jsonl.gz", Arrays.copyOf(good, good.length - 200));
    byte[] corrupt = gzip(line("k1") + "\n");
    corrupt[corrupt.length - 5] ^= 0x55; // the length/CRC trailer
    Path badChecksum = write("e.ndjson.gz", corrupt);
    Path page = write("f.txt.gz", new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0});
    write("g.jsonl", (line("after") + "\n").getBytes(UTF_8));

    List<ArticleFiles.Record> records = readAll(dir);
    // Data is handed out as it is decompressed: what came before the error is kept.
    assertThat(ids(records)).containsExactly("before", "t1", "t2", "k1", "after");
    List<String> rejected = rejections(records);
    assertThat(rejected).hasSize(5);
    assertThat(rejected.get(0)).startsWith(notGzip + ": not valid gzip: not in GZIP format");
    assertThat(rejected.get(1)).isEqualTo(empty + ": not valid gzip: unexpected end of the compressed data");
    assertThat(rejected.get(2)).startsWith(truncated + ": not valid gzip: ").endsWith("; rest of file not read after line 2");
    assertThat(rejected.get(3)).startsWith(badChecksum + ": not valid gzip: ").endsWith("after line 1");
    assertThat(rejected.get(4)).startsWith(page + ": not valid gzip: ");
  }

  @Test
  void streamIsReadAsJsonLinesWithTheGivenNameInLocations() {
    String input = line("s1") + "\n{\"id\":\"s2\",\"headline\":\"x\",\"published\":\"nope\"}\n" + line("s3") + "\n";
    List<ArticleFiles.Record> records = readStream(new ByteArrayInputStream(input.getBytes(UTF_8)), "<stdin>");
    assertThat(ids(records)).containsExactly("s1", "s3");
    assertThat(records.get(0).location()).isEqualTo("<stdin>:1");
    assertThat(rejections(records)).singleElement().asString().startsWith("<stdin>:2: published: 'nope'");
  }

  @Test
  void streamThatStartsWithTheGzipMagicIsDecompressed() throws IOException {
    List<ArticleFiles.Record> records = readStream(new ByteArrayInputStream(gzip(line("z1") + "\n" + line("z2"))), "-");
    assertThat(ids(records)).containsExactly("z1", "z2");
    assertThat(records.get(1).location()).isEqualTo("-:2");
    // A .gz name insists on gzip data.
    assertThat(rejections(readStream(new ByteArrayInputStream(line("p").getBytes(UTF_8)), "feed.jsonl.gz")))
        .singleElement().asString().startsWith("feed.jsonl.gz: not valid gzip: ");
  }

  @Test
  void streamFormatFollowsTheExtensionOfItsName() {
    String array = "[" + line("j1") + ",\n" + line("j2") + "]";
    assertThat(ids(readStream(new ByteArrayInputStream(array.getBytes(UTF_8)), "feed.json"))).containsExactly("j1", "j2");
    ArticleFiles.Options options =
        ArticleFiles.Options.defaults().withRawTextParser(t -> Article.builder().headline(t));
    try (Stream<ArticleFiles.Record> records =
        ArticleFiles.stream(new ByteArrayInputStream("Headline".getBytes(UTF_8)), "pages/today.txt", options)) {
      assertThat(records.toList())
          .containsExactly(new Parsed(Article.builder().id("today").headline("Headline").build(), "pages/today.txt"));
    }
  }

  @Test
  void closingAStreamClosesTheInputEvenUnread() {
    AtomicBoolean closed = new AtomicBoolean();
    InputStream in =
        new ByteArrayInputStream(line("a").getBytes(UTF_8)) {
          @Override
          public void close() {
            closed.set(true);
          }
        };
    ArticleFiles.stream(in, "-", ArticleFiles.Options.defaults()).close();
    assertThat(closed).isTrue();
  }

  @Test
  void inputFilesListsWhatAWalkReads() throws IOException {
    assertThat(ArticleFiles.inputFiles(dir)).isEmpty();
    Files.createDirectories(dir.resolve("sub"));
    write("notes.md", new byte[0]);
    write(".hidden.jsonl", new byte[0]);
    assertThat(ArticleFiles.inputFiles(dir)).as("no input files yet").isEmpty();
    Path a = write("sub/a.json.gz", new byte[0]);
    Path b = write("b.txt", new byte[0]);
    Path c = write("c.ndjson", new byte[0]);
    assertThat(ArticleFiles.inputFiles(dir)).containsExactly(b, c, a);
    assertThat(ArticleFiles.inputFiles(c)).containsExactly(c);
    assertThat(ArticleFiles.inputFiles(dir.resolve("notes.md"))).isEmpty();
    assertThatThrownBy(() -> ArticleFiles.inputFiles(dir.resolve("missing"))).isInstanceOf(IOException.class);
  }

  @Test
  void defaultPublishedCanBeGivenAsText() {
    assertThat(ArticleFiles.Options.defaults().withDefaultPublished("2026-02-04").defaultPublished())
        .isEqualTo(Instant.parse("2026-02-04T00:00:00Z"));
    assertThat(ArticleFiles.Options.defaults().withDefaultPublished((String) null).defaultPublished()).isNull();
    assertThatThrownBy(() -> ArticleFiles.Options.defaults().withDefaultPublished("2026-02-30"))
        .isInstanceOf(InvalidArticleException.class)
        .hasMessageStartingWith("published: '2026-02-30' is not a valid ISO-8601 date");
  }

  private static List<ArticleFiles.Record> readStream(InputStream in, String name) {
    try (Stream<ArticleFiles.Record> records = ArticleFiles.stream(in, name, ArticleFiles.Options.defaults())) {
      return records.toList();
    }
  }

  private Path write(String name, byte[] content) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, content);
    return file;
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(UTF_8));
    }
    return bytes.toByteArray();
  }
}
