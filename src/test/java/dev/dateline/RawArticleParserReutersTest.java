package dev.dateline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dateline.testsupport.Fixtures;
import dev.dateline.testsupport.RequiresSharedCorpora;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The goals on real wire copy: every third story of Reuters-21578 (raw text with the 1987
 * hard wrapping), scored with the definitions of {@code PageParsingEval} in the benchmarks (which
 * scores the whole corpus and also checks that no dateline text is left in the body): expected
 * place from the editors' {@code DATELINE}, false subhead = a subhead that is not a whole clean
 * paragraph, sign-off = a last paragraph ending in {@code Reuter}. About 10 s.
 */
@RequiresSharedCorpora
class RawArticleParserReutersTest {
  private static final int SAMPLE_EVERY = 3;
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern SIGN_OFF = Pattern.compile("(?i)(?:^|.*\\W)reuter\\W*$");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static int datelines;
  private static int exact;
  private static int wrongPlace;
  private static int bodies;
  private static int falseSubheads;
  private static int signOffs;
  private static List<String> wrong = new ArrayList<>();

  @BeforeAll
  static void parseSample() {
    Path dir = Fixtures.sharedCorporaDir().resolve("reuters21578");
    Map<String, String> datelineRaw = new HashMap<>();
    lines(dir.resolve("labels.jsonl.gz"), n -> {
      if (sampled(n) && n.hasNonNull("dateline_raw")) {
        datelineRaw.put(n.get("id").asText(), n.get("dateline_raw").asText());
      }
    });
    Map<String, List<String>> clean = new HashMap<>();
    lines(dir.resolve("reuters21578.jsonl.gz"), n -> {
      if (sampled(n)) {
        List<String> body = new ArrayList<>();
        n.path("body").forEach(p -> body.add(norm(p.asText())));
        clean.put(n.get("id").asText(), body);
      }
    });
    lines(dir.resolve("reuters21578-raw.jsonl.gz"), n -> {
      if (sampled(n)) {
        String id = n.get("id").asText();
        score(id, RawArticleParser.parse(n.get("text").asText()).id(id).build(),
            datelineRaw.get(id), clean.getOrDefault(id, List.of()));
      }
    });
  }

  private static boolean sampled(JsonNode n) {
    String id = n.get("id").asText();
    return Integer.parseInt(id.substring(id.lastIndexOf('-') + 1)) % SAMPLE_EVERY == 0;
  }

  private static void score(String id, Article a, String raw, List<String> clean) {
    String expected = expectedPlace(raw);
    if (expected != null) {
      datelines++;
      if (a.dateline() != null && !norm(a.dateline()).equals(expected)) {
        wrongPlace++;
        wrong.add(id + ": " + a.dateline() + " for " + expected);
      } else if (expected.equals(a.dateline())) {
        exact++;
      }
    }
    if (clean.isEmpty()) {
      return;
    }
    bodies++;
    Set<String> paragraphs = new HashSet<>(clean);
    if (a.subheads().stream().anyMatch(s -> !paragraphs.contains(norm(s)))) {
      falseSubheads++;
    }
    if (!a.body().isEmpty() && SIGN_OFF.matcher(a.body().get(a.body().size() - 1)).matches()) {
      signOffs++;
    }
  }

  /** The place of a DATELINE element: before the first comma, else before the dash. */
  private static String expectedPlace(String raw) {
    if (raw == null) {
      return null;
    }
    String s = norm(raw);
    String place = s.contains(",") ? s.substring(0, s.indexOf(',')) : s.split("\\s+-+(?:\\s|$)", 2)[0];
    place = place.replaceAll("(?i)\\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s*\\d+$", "");
    place = place.replaceAll("^[\\s*-]+|[\\s-]+$", "");
    boolean isDate = place.matches("(?i)(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s*\\d+");
    return place.isEmpty() || isDate || !place.matches(".*\\p{L}.*") ? null : place;
  }

  private static String norm(String s) {
    return SPACES.matcher(s).replaceAll(" ").strip();
  }

  private static void lines(Path gz, Consumer<JsonNode> sink) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(gz)), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank()) {
          sink.accept(JSON.readTree(line));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(gz.toString(), e);
    }
  }

  @Test
  void atLeast99PercentOfDatelinesAreExact() {
    assertThat(datelines).isGreaterThan(6000);
    assertThat((double) exact / datelines).isGreaterThanOrEqualTo(0.99);
  }

  @Test
  void noDatelineHasTheWrongPlace() {
    assertThat(wrong).isEmpty();
    assertThat(wrongPlace).isZero();
  }

  @Test
  void fewerThanOnePercentOfStoriesHaveFalseSubheads() {
    assertThat(bodies).isGreaterThan(6000);
    assertThat((double) falseSubheads / bodies).isLessThan(0.01);
  }

  @Test
  void wireSignOffsLeaveTheBodies() {
    assertThat((double) signOffs / bodies).isLessThan(0.001);
  }
}
