package dev.dateline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo prints commands that run as printed, and leaves the user's indexes alone. */
class CliDemoTest {
  @TempDir Path tmp;

  /** The commands the demo printed, each with the output that followed it. */
  private static List<String[]> commandsAndOutputs(String out) {
    List<String[]> result = new ArrayList<>();
    String[] blocks = out.split("\n\\$ ");
    for (int i = 1; i < blocks.length; i++) {
      int nl = blocks[i].indexOf('\n');
      result.add(new String[] {blocks[i].substring(0, nl), blocks[i].substring(nl + 1).strip()});
    }
    return result;
  }

  /** Splits a command line written with POSIX single quotes, as the demo writes them. */
  static List<String> shellWords(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
        any = true;
      } else if (c == '\\' && !quoted && i + 1 < line.length()) {
        word.append(line.charAt(++i));
        any = true;
      } else if (c == ' ' && !quoted) {
        if (any) {
          words.add(word.toString());
        }
        word.setLength(0);
        any = false;
      } else {
        word.append(c);
        any = true;
      }
    }
    if (any) {
      words.add(word.toString());
    }
    return words;
  }

  @Test
  void withIndexTheCommandsShownRunAsPrintedAndGiveTheSameResults() {
    Path dir = tmp.resolve("demo index"); // a space: the commands must quote it
    Cli.Result demo = Cli.run("demo", "--index", dir.toString());
    assertThat(demo.exit()).as(demo.err()).isZero();
    assertThat(demo.out()).contains("Indexed 13 sample articles into " + dir);
    List<String[]> shown = commandsAndOutputs(demo.out());
    assertThat(shown).hasSize(10);
    assertThat(shown.get(0)[0]).isEqualTo("dateline search --index '" + dir + "' --limit 3 '\"peace talks\"'");
    for (String[] command : shown) {
      List<String> words = shellWords(command[0]);
      assertThat(words.get(0)).isEqualTo("dateline");
      assertThat(words).as(command[0]).containsSequence("--index", dir.toString());
      Cli.Result again = Cli.run(words.subList(1, words.size()).toArray(String[]::new));
      assertThat(again.exit()).as(command[0] + "\n" + again.err()).isZero();
      assertThat(again.out().strip()).as(command[0]).isEqualTo(command[1]);
    }
    // The index is kept, so a cursor it printed can be used.
    String more = demo.out().lines().filter(l -> l.startsWith("more: --after ")).findFirst().orElseThrow();
    String[] withCursor = shown.stream().filter(c -> c[1].contains(more)).findFirst().orElseThrow();
    List<String> words = new ArrayList<>(shellWords(withCursor[0]));
    words.addAll(List.of("--after", more.substring("more: --after ".length())));
    Cli.Result next = Cli.run(words.subList(1, words.size()).toArray(String[]::new));
    assertThat(next.exit()).as(next.err()).isZero();
  }

  @Test
  void withoutIndexTheCommandsShowDirAndNoCursorForTheDeletedIndex() {
    Cli.Result demo = Cli.run("demo");
    assertThat(demo.exit()).isZero();
    assertThat(demo.out())
        .contains("Indexed 13 sample articles into a temporary index (deleted at the end).")
        .contains("dateline demo --index DIR")
        .contains("$ dateline search --index DIR --person zelenskyy --sort newest --limit 3\n")
        .contains("$ dateline stats --index DIR --top 5\n")
        .contains("--facet source --facet place --facet-limit 3 --histogram week\n")
        .contains("\nplace:\n")
        .contains("published per week (UTC):\n")
        .containsPattern("2026-W\\d\\d \\|\u2588+ \\d")
        .contains("[peace talks]")
        // A collapsed search shows the ECB story once, with its copies; the story lists them.
        .contains("$ dateline search --index DIR --collapse --limit 3 org:ecb inflation\n")
        .contains("story demo-03 · 3 articles · Continental Wire, Harbour Daily, Island Times · first: Continental Wire")
        .contains("$ dateline story --index DIR demo-12\nstory demo-03 · 3 articles · first reported by Continental Wire")
        .contains("$ dateline related --index DIR --limit 3 demo-03\n")
        .doesNotContain("more: --after")
        .doesNotContain("--after");
  }

  @Test
  void refusesANonEmptyDirectoryAndLeavesItAsItWas() throws IOException {
    Path index = tmp.resolve("mine");
    Path input = tmp.resolve("one.jsonl");
    Files.writeString(input, "{\"id\":\"mine-1\",\"headline\":\"My own article\"}\n");
    assertThat(Cli.run("index", "--index", index.toString(), input.toString()).exit()).isZero();
    List<String> before;
    try (var files = Files.list(index)) {
      before = files.map(Path::toString).sorted().toList();
    }
    Cli.Result demo = Cli.run("demo", "--index", index.toString());
    assertThat(demo.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(demo.err())
        .isEqualTo("dateline: " + index + " is not empty; give demo --index a new or empty directory (the demo"
            + " would add its sample articles to an index there)\n");
    assertThat(demo.out()).isEmpty();
    try (var files = Files.list(index)) {
      assertThat(files.map(Path::toString).sorted().toList()).isEqualTo(before);
    }
    assertThat(Cli.run("stats", "--index", index.toString(), "--json").out()).contains("\"articles\":1");

    Path file = Files.writeString(tmp.resolve("a-file"), "x");
    assertThat(Cli.run("demo", "--index", file.toString()).exit()).isEqualTo(Main.EXIT_USAGE);
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    assertThat(Cli.run("demo", "--index", empty.toString()).exit()).isZero();
  }
}
