package dev.dateline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@code search} tells query words from options, and what its help says about filters. */
class CliSearchArgumentsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  private String index;

  @BeforeEach
  void indexSomeArticles() throws IOException {
    Path input = tmp.resolve("news.jsonl");
    Files.writeString(
        input,
        String.join(
            "\n",
            "{\"id\":\"a\",\"source\":\"Harbour Daily\",\"section\":\"World\",\"headline\":\"Peace talks open in Geneva\",\"published\":\"2026-02-10T09:00:00Z\"}",
            "{\"id\":\"b\",\"source\":\"Island Times\",\"section\":\"Business\",\"headline\":\"Trade talks stall over tariffs\",\"published\":\"2026-02-11T09:00:00Z\"}",
            "{\"id\":\"c\",\"source\":\"Island Times\",\"headline\":\"Storm floods towns\",\"published\":\"2026-03-01\"}",
            "{\"id\":\"h\",\"source\":\"Island Times\",\"headline\":\"Hamas and Hezbollah statements\",\"published\":\"2026-03-02\"}",
            ""),
        StandardCharsets.UTF_8);
    index = tmp.resolve("idx").toString();
    assertThat(Cli.run("index", "--index", index, "--no-extract", input.toString()).exit()).isZero();
  }

  private List<String> ids(String... args) throws IOException {
    Cli.Result r = Cli.run(args);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    return JSON.readTree(r.out()).get("hits").findValuesAsText("id");
  }

  @Test
  void aWordStartingWithDashIsAnExclusionNotAnUnknownOption() throws IOException {
    assertThat(ids("search", "--index", index, "--json", "talks", "-geneva")).containsExactly("b");
    // Alone, first, or looking like a short option (-h, -V) it is still query text.
    assertThat(ids("search", "--index", index, "--json", "-talks")).containsExactlyInAnyOrder("c", "h");
    assertThat(ids("search", "-talks", "--index", index, "--json")).containsExactlyInAnyOrder("c", "h");
    assertThat(ids("search", "--index", index, "--json", "-hamas", "-Vance", "-storm")).containsExactlyInAnyOrder("a", "b");
    assertThat(ids("search", "--index", index, "--json", "storm", "-hamas")).containsExactly("c");
    assertThat(ids("search", "--index", index, "--json", "talks", "-place:geneva", "-source:\"island times\""))
        .containsExactly("a");
  }

  @Test
  void optionsBeforeBetweenAndAfterQueryWordsStillWork() throws IOException {
    assertThat(ids("search", "--index", index, "--limit", "1", "--json", "--sort", "oldest", "-storm"))
        .containsExactly("a");
    assertThat(ids("search", "--index", index, "-storm", "--limit", "1", "--sort", "newest", "--json"))
        .containsExactly("h");
    assertThat(ids("search", "--index", index, "--json", "talks", "--limit=1", "-trade")).containsExactly("a");
  }

  @Test
  void everythingAfterDoubleDashIsQueryText() throws IOException {
    assertThat(ids("search", "--index", index, "--json", "--", "talks", "-geneva")).containsExactly("b");
    // --limit after -- is a query word (that matches nothing), not the option.
    assertThat(ids("search", "--index", index, "--json", "--", "--limit")).isEmpty();
    // --json after -- is query text too: the output stays text.
    Cli.Result text = Cli.run("search", "--index", index, "--", "talks", "--json");
    assertThat(text.exit()).as(text.err()).isZero();
    // (In the default plain syntax "--json" is an optional word, so the "talks" articles show.)
    assertThat(text.out()).startsWith("2 articles match");
  }

  @Test
  void aWordStartingWithAtIsQueryTextNotAnArgumentFile() throws IOException {
    Path file = Files.writeString(tmp.resolve("storm"), "storm\n");
    assertThat(ids("search", "--index", index, "--json", "@" + file)).isEmpty();
  }

  @Test
  void anUnknownDoubleDashOptionIsStillAUsageError() {
    for (String[] args :
        List.of(
            new String[] {"search", "--index", index, "talks", "--limt", "2"},
            new String[] {"search", "--bogus"},
            new String[] {"search", "--index", index, "--limit"})) {
      Cli.Result r = Cli.run(args);
      assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(Main.EXIT_USAGE);
      assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
      assertThat(r.out()).isEmpty();
    }
    assertThat(Cli.run("search", "--index", index, "talks", "--limt", "2").err())
        .isEqualTo(
            "dateline: unknown option '--limt' (to search for text starting with --, put it after --)\n");
  }

  @Test
  void helpExplainsDashWordsAndDoubleDash() {
    String help = Cli.run("search", "--help").out();
    assertThat(help)
        .contains("A word starting with - excludes that word; it is query text, not an option:")
        .contains("dateline search --index DIR talks -ceasefire")
        .contains("Everything after -- is query")
        .contains("text, even words starting with --.");
  }

  @Test
  void helpSaysWhichRepeatedFiltersMeanAndAndWhichMeanOr() {
    String help = Cli.run("search", "--help").out().replaceAll("\\s+", " ");
    assertThat(help)
        .contains("--person=NAME Mentions this person. Repeated, ALL must hold (AND): --person A --person B finds articles mentioning both.")
        .contains("--place=NAME Mentions this place. Repeated, ALL must hold (AND): articles mentioning every place given.")
        .contains("--org=NAME Mentions this organisation. Repeated, ALL must hold (AND): articles mentioning every organisation given.")
        .contains("--source=NAME From this source. Repeated, ANY may match (OR): --source A --source B finds articles from either.")
        .contains("--section=NAME In this section. Repeated, ANY may match (OR): articles in any of the sections given.")
        .contains("Different options combine with AND.");
  }

  @Test
  void repeatedSourcesAreAlternativesAsTheHelpSays() throws IOException {
    assertThat(ids("search", "--index", index, "--json", "--source", "Harbour Daily", "--source", "Island Times", "talks"))
        .containsExactlyInAnyOrder("a", "b");
    assertThat(ids("search", "--index", index, "--json", "--section", "World", "--section", "Business"))
        .containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void wordsAreRankedByDefaultAndAndMakesThemStrict() throws Exception {
    List<String> ranked = ids("search", "--index", index, "--json", "talks", "geneva");
    List<String> strict = ids("search", "--index", index, "--json", "--and", "talks", "geneva");
    assertThat(strict).containsExactly("a");
    assertThat(ranked).containsExactly("a", "b");
    Cli.Result both = Cli.run("search", "--index", index, "--and", "--or", "talks");
    assertThat(both.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(both.err()).contains("--and and --or cannot be combined");
  }

  @Test
  void plainSyntaxIsTheDefaultAndFullIsAnOption() throws IOException {
    // Pasted text with an unclosed parenthesis and quote is searched, not rejected.
    assertThat(ids("search", "--index", index, "--json", "talks (\"geneva")).isNotEmpty();
    Cli.Result full = Cli.run("search", "--index", index, "--syntax", "full", "talks (\"geneva");
    assertThat(full.exit()).isEqualTo(Main.EXIT_USAGE);
    // In plain text OR is a word; in the full syntax it is the operator.
    assertThat(ids("search", "--index", index, "--json", "--syntax", "full", "--and", "talks", "OR", "storm"))
        .isNotEmpty();
    assertThat(ids("search", "--index", index, "--json", "--and", "talks", "OR", "storm")).isEmpty();
    assertThat(Cli.run("search", "--help").out()).contains("--syntax").contains("plain");
  }
}
