package dev.dateline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI as a real process: nothing on stderr but what the user needs. */
class CliProcessTest {
  @TempDir Path tmp;
  private Path index;

  @BeforeEach
  void index() throws Exception {
    Path input = tmp.resolve("news.jsonl");
    Files.writeString(input, "{\"id\":\"b\",\"headline\":\"Storm floods towns\",\"published\":\"2026-03-01\"}\n");
    index = tmp.resolve("idx");
    assertThat(Cli.run("index", "--index", index.toString(), "--no-extract", input.toString()).exit()).isZero();
  }

  @Test
  void luceneVectorisationNoticesAreNotPrinted() throws Exception {
    for (boolean vectorModule : new boolean[] {true, false}) {
      Cli.Result r = Cli.process(vectorModule, Map.of(), null, "search", "--index", index.toString(), "storm");
      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(r.out()).contains("Storm floods towns");
      String err = r.errWithoutJvmNotices();
      assertThat(err).as("stderr with the vector module: " + vectorModule).isEmpty();
      assertThat(err).doesNotContain("INFO").doesNotContain("vectorization");
    }
  }

  @Test
  void dateLineDebugShowsThemAgain() throws Exception {
    Cli.Result r = Cli.process(true, Map.of("DATELINE_DEBUG", "1"), null, "search", "--index", index.toString(), "storm");
    assertThat(r.exit()).isZero();
    assertThat(r.err()).contains("vectorization");
  }

  @Test
  void parseReadsThePageFromStandardInput() throws Exception {
    Cli.Result r =
        Cli.process(true, Map.of(), "Storm floods towns\n\nRain fell.\n".getBytes(StandardCharsets.UTF_8),
            "parse", "--published", "2026-03-01", "-");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("headline: Storm floods towns\npublished: 2026-03-01T00:00:00Z\n");
    assertThat(r.errWithoutJvmNotices()).isEmpty();
  }
}
