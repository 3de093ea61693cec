package dev.dateline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dateline.EntityExtractor;
import dev.dateline.NewsIndex;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code index}: what it accepts (.ndjson, .gz, standard input), how it reports a locked index and
 * a run with nothing to index, that it cleans up an index directory it created for nothing, and
 * that it prints each commit once.
 */
class CliIndexInputsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  static String line(String id) {
    return "{\"id\":\"" + id + "\",\"headline\":\"Headline " + id + "\",\"published\":\"2026-02-10\"}";
  }

  private Path write(String name, String content) throws IOException {
    Path file = tmp.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  private Path writeGzip(String name, String content) throws IOException {
    Path file = tmp.resolve(name);
    Files.createDirectories(file.getParent());
    Files.write(file, gzip(content));
    return file;
  }

  static byte[] gzip(String content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  private static long count(Path index) {
    try (NewsIndex idx = NewsIndex.openReadOnly(index)) {
      return idx.count();
    }
  }

  private static List<String> ids(Path index) throws IOException {
    Cli.Result r = Cli.run("search", "--index", index.toString(), "--json", "--sort", "oldest", "--limit", "100");
    assertThat(r.exit()).as(r.err()).isZero();
    return JSON.readTree(r.out()).get("hits").findValuesAsText("id");
  }

  // ------------------------------------------------------------------ item 2: locked index

  @Test
  void aLockedIndexIsExitCodeFourWithAMessageForTheCli() throws IOException {
    Path input = write("news.jsonl", line("a") + "\n");
    Path index = tmp.resolve("idx");
    try (NewsIndex writer = NewsIndex.open(index, NewsIndex.Options.builder().entityExtractor(EntityExtractor.none()).build())) {
      writer.commit(); // as a long "index" run does: the index exists, the writer goes on
      for (String[] args :
          List.of(
              new String[] {"index", "--index", index.toString(), input.toString()},
              new String[] {"delete", "--index", index.toString(), "a"})) {
        Cli.Result r = Cli.run(args);
        assertThat(r.exit()).as(args[0] + ": " + r.err()).isEqualTo(Main.EXIT_LOCKED).isEqualTo(4);
        assertThat(r.err())
            .isEqualTo("dateline: another dateline process is writing to " + index + "; wait for it to finish\n");
      }
    }
    // Once the other writer is gone, the index is there and intact.
    assertThat(Cli.run("index", "--index", index.toString(), input.toString()).exit()).isZero();
  }

  @Test
  void everyExitCodeIsDocumentedInTheHelp() {
    String help = Cli.run("--help").out();
    assertThat(help).contains("Exit codes:");
    assertThat(help.replaceAll("\\s+", " "))
        .contains("0 success")
        .contains("1 failure: I/O error, unreadable or damaged index, internal error")
        .contains("2 usage error: unknown command or option, invalid option value, query or date, no index at DIR")
        .contains("3 index: some records were rejected (reported as file:line: reason); the others were indexed")
        .contains("4 index locked: another dateline process is writing to it; wait for it to finish")
        .contains("5 index: nothing to index (a directory without input files, or inputs without records)")
        .contains("6 show, delete: no article with that id");
    assertThat(Cli.run("index", "--help").out()).contains("Exit codes:").contains("4   index locked").contains("5   nothing to index");
    assertThat(List.of(Main.EXIT_OK, Main.EXIT_FAILURE, Main.EXIT_USAGE, Main.EXIT_REJECTED, Main.EXIT_LOCKED, Main.EXIT_NO_INPUT, Main.EXIT_NOT_FOUND))
        .containsExactly(0, 1, 2, 3, 4, 5, 6);
  }

  // ------------------------------------------------------------------ item 3: nothing to index

  @Test
  void aDirectoryWithoutInputFilesIsReportedWithExitCodeFive() throws IOException {
    Path dir = tmp.resolve("pages");
    write("pages/notes.md", "not an article");
    write("pages/.hidden.jsonl", line("hidden"));
    Path index = tmp.resolve("idx");
    Cli.Result r = Cli.run("index", "--index", index.toString(), dir.toString());
    assertThat(r.exit()).isEqualTo(Main.EXIT_NO_INPUT).isEqualTo(5);
    assertThat(r.err()).isEqualTo("dateline: no .jsonl/.ndjson/.json/.txt files (plain or .gz) under " + dir + "\n");
    assertThat(r.out()).isEmpty();
    assertThat(index).doesNotExist();
  }

  @Test
  void inputsWithoutAnyRecordAreNothingToIndex() throws IOException {
    Path empty = write("empty.jsonl", "\n\n");
    Cli.Result r = Cli.run("index", "--index", tmp.resolve("idx").toString(), empty.toString());
    assertThat(r.exit()).isEqualTo(Main.EXIT_NO_INPUT);
    assertThat(r.err()).isEqualTo("dateline: nothing to index: no articles in " + empty + "\n");
    Cli.Result stdin = Cli.runWithInput("", "index", "--index", tmp.resolve("idx").toString(), "-");
    assertThat(stdin.exit()).isEqualTo(Main.EXIT_NO_INPUT);
    assertThat(stdin.err()).isEqualTo("dateline: nothing to index: no articles in <stdin>\n");
  }

  // ------------------------------------------------------------------ item 4: formats

  @Test
  void ndjsonAndGzipInputsAreIndexedFromFilesAndDirectories() throws IOException {
    write("feed/a.ndjson", line("nd1") + "\n" + line("nd2") + "\n");
    writeGzip("feed/b.jsonl.gz", line("gz1") + "\n" + line("gz2") + "\n");
    writeGzip("feed/c.json.gz", "[" + line("arr1") + "]");
    writeGzip("feed/d.ndjson.gz", line("gz3") + "\n");
    writeGzip("feed/e.txt.gz", "A page headline\n\nA paragraph of the page.\n");
    Path index = tmp.resolve("idx");
    Cli.Result r = Cli.run("index", "--index", index.toString(), "--no-extract", tmp.resolve("feed").toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("indexed 7, updated 0, rejected 0");
    assertThat(ids(index)).contains("nd1", "nd2", "gz1", "gz2", "arr1", "gz3", "e");
    // A named .ndjson.gz file too.
    Path one = writeGzip("one.ndjson.gz", line("single") + "\n");
    assertThat(Cli.run("index", "--index", index.toString(), one.toString()).out()).startsWith("indexed 1,");
  }

  @Test
  void corruptGzipIsOneErrorForThatFileAndTheOtherFilesAreIndexed() throws IOException {
    write("feed/a.jsonl", line("a1") + "\n");
    Path notGzip = write("feed/b.jsonl.gz", line("b1") + "\n");
    byte[] good = gzip(line("c1") + "\n" + line("c2") + "\n");
    Path truncated = tmp.resolve("feed/c.jsonl.gz");
    Files.write(truncated, java.util.Arrays.copyOf(good, good.length - 4)); // into the trailer: the data is all there, its length is not
    write("feed/d.jsonl", line("d1") + "\n");
    Path index = tmp.resolve("idx");
    Cli.Result r = Cli.run("index", "--index", index.toString(), "--no-extract", tmp.resolve("feed").toString());
    assertThat(r.exit()).isEqualTo(Main.EXIT_REJECTED);
    assertThat(r.err()).contains(notGzip + ": not valid gzip: not in GZIP format\n");
    assertThat(r.err()).contains(truncated + ": not valid gzip: ");
    assertThat(r.err()).doesNotContain("Exception");
    assertThat(ids(index)).contains("a1", "c1", "c2", "d1").doesNotContain("b1");
  }

  @Test
  void dashReadsJsonLinesFromStandardInputWithStdinInLocations() throws IOException {
    Path index = tmp.resolve("idx");
    String input = line("s1") + "\n{\"id\":\"s2\",\"headline\":\"x\",\"published\":\"2026-02-30\"}\n" + line("s3") + "\n";
    Cli.Result r = Cli.runWithInput(input, "index", "--index", index.toString(), "--no-extract", "-");
    assertThat(r.exit()).isEqualTo(Main.EXIT_REJECTED);
    assertThat(r.err()).contains("<stdin>:2: published: '2026-02-30' is not a valid ISO-8601 date");
    assertThat(r.out()).startsWith("indexed 2, updated 0, rejected 1");
    // Files and standard input together, gzip on standard input, and - only once.
    Path file = write("more.jsonl", line("f1") + "\n");
    Cli.Result mixed = Cli.run(new java.io.ByteArrayInputStream(gzip(line("z1") + "\n")), "index", "--index", index.toString(), file.toString(), "-");
    assertThat(mixed.exit()).as(mixed.err()).isZero();
    assertThat(ids(index)).containsExactlyInAnyOrder("s1", "s3", "f1", "z1");
    Cli.Result twice = Cli.run("index", "--index", index.toString(), "-", "-");
    assertThat(twice.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(twice.err()).isEqualTo("dateline: - (standard input) can be given only once\n");
  }

  @Test
  void dashReadsStandardInputInARealProcess() throws Exception {
    Path index = tmp.resolve("idx");
    Cli.Result r =
        Cli.process(true, Map.of(), (line("p1") + "\n" + line("p2") + "\n").getBytes(StandardCharsets.UTF_8),
            "index", "--index", index.toString(), "--no-extract", "-");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("indexed 2, updated 0, rejected 0");
    assertThat(count(index)).isEqualTo(2);
  }

  // ------------------------------------------------------------------ item 5: no empty index left

  @Test
  void aFailedRunRemovesTheIndexDirectoryItCreated() throws IOException {
    Path bad = write("bad.jsonl", "{\"id\":\"x\",\"headline\":\"h\",\"published\":\"2026-02-30\"}\n");
    Path nested = tmp.resolve("new/deeper/idx");
    Cli.Result rejected = Cli.run("index", "--index", nested.toString(), bad.toString());
    assertThat(rejected.exit()).isEqualTo(Main.EXIT_REJECTED);
    assertThat(rejected.out()).startsWith("indexed 0, updated 0, rejected 1");
    assertThat(tmp.resolve("new")).as("created directories are removed up to the first one created").doesNotExist();

    Path empty = write("empty.jsonl", "");
    assertThat(Cli.run("index", "--index", nested.toString(), empty.toString()).exit()).isEqualTo(Main.EXIT_NO_INPUT);
    assertThat(tmp.resolve("new")).doesNotExist();

    Path unsupported = write("notes.md", "x");
    assertThat(Cli.run("index", "--index", nested.toString(), unsupported.toString()).exit()).isEqualTo(Main.EXIT_REJECTED);
    assertThat(tmp.resolve("new")).doesNotExist();
  }

  @Test
  void aPreExistingDirectoryAndAnExistingIndexAreNeverRemoved() throws IOException {
    Path bad = write("bad.jsonl", "{\"id\":\"x\",\"headline\":\"h\",\"published\":\"2026-02-30\"}\n");
    // An empty directory made by the user stays, without the empty index the run made in it.
    Path mine = Files.createDirectories(tmp.resolve("mine"));
    assertThat(Cli.run("index", "--index", mine.toString(), bad.toString()).exit()).isEqualTo(Main.EXIT_REJECTED);
    assertThat(mine).isEmptyDirectory();
    // A directory that holds other files is left alone.
    Path other = Files.createDirectories(tmp.resolve("other"));
    write("other/keep.txt", "keep");
    Cli.run("index", "--index", other.toString(), bad.toString());
    assertThat(other.resolve("keep.txt")).exists();
    // An existing index, even an empty one, is kept.
    Path index = tmp.resolve("idx");
    Path good = write("good.jsonl", line("g") + "\n");
    assertThat(Cli.run("index", "--index", index.toString(), good.toString()).exit()).isZero();
    assertThat(Cli.run("delete", "--index", index.toString(), "g").exit()).isZero();
    assertThat(Cli.run("index", "--index", index.toString(), bad.toString()).exit()).isEqualTo(Main.EXIT_REJECTED);
    assertThat(count(index)).isZero();
  }

  // ------------------------------------------------------------------ item 6: committed once

  @Test
  void eachCommitIsReportedOnce() throws IOException {
    Path input = write("news.jsonl", line("a") + "\n" + line("b") + "\n" + line("c") + "\n" + line("d") + "\n");
    Path index = tmp.resolve("idx");
    Cli.Result r = Cli.run("index", "--index", index.toString(), "--no-extract", "--commit-every", "2", input.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err().lines().toList()).containsExactly("committed 2", "committed 4");
    Cli.Result three = Cli.run("index", "--index", index.toString(), "--no-extract", "--commit-every", "2", "--threads", "1",
        write("three.jsonl", line("e") + "\n" + line("f") + "\n" + line("g") + "\n").toString());
    assertThat(three.err().lines().toList()).containsExactly("committed 2", "committed 3");
    Cli.Result defaults = Cli.run("index", "--index", index.toString(), "--no-extract", input.toString());
    assertThat(defaults.err().lines().toList()).containsExactly("committed 4");
  }
}
