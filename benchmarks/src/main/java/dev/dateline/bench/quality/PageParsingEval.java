package dev.dateline.bench.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dateline.Article;
import dev.dateline.InvalidArticleException;
import dev.dateline.RawArticleParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * How well {@link RawArticleParser} reads real wire copy: the public parser is run over the raw
 * text of the 21,577 Reuters-21578 stories ({@code reuters21578-raw.jsonl.gz}: headline, blank
 * line, author, dateline and body with the 1987 hard wrapping and the closing {@code Reuter}) and
 * its output is compared with the editors' markup ({@code labels.jsonl.gz}) and with the converter's
 * clean paragraphs ({@code reuters21578.jsonl.gz}, one per indented wire paragraph, sign-off
 * removed).
 *
 * <p>Measures, each over the stories it applies to:
 *
 * <ul>
 *   <li><b>Datelines.</b> The expected place is the place of the {@code DATELINE} element as the
 *       converter defines it (text before the first comma, else before the dash; white space
 *       collapsed) without the leading {@code ****} some stories carry, and without a date the
 *       dateline gives after the place with no comma ({@code JOHANNESBURG March 13 -}). Stories whose dateline has
 *       no place ({@code APRIL 7 -}, {@code MAR8 -- --}) or none at all are not counted here. A
 *       dateline is <i>exact</i> when the parsed place equals the expected one character for
 *       character (case as printed: {@code omaha} stays {@code omaha}) <i>and</i> the whole
 *       dateline (region, date, {@code Reuter}, dash) is out of the body: the first parsed
 *       paragraphs, joined, start with the first 30 characters of the clean paragraphs, joined (without
 *       a date the converter moved into the body: {@code CHEVY CHASE, Md., - March 4 - Geico}). <i>Wrong
 *       place</i>: a place was parsed and differs; <i>missing</i>: no place parsed; <i>leaked</i>:
 *       the right place but dateline text left in the body. <i>Spurious</i>: a dateline parsed from
 *       a story that has none.
 *   <li><b>False subheads.</b> A subhead is false when its text is not a whole clean paragraph:
 *       a fragment of a wrapped sentence or table promoted to a heading. Reported as the share of
 *       stories with a body that have at least one.
 *   <li><b>Sign-offs left.</b> Bodies whose last paragraph still ends in the wire sign-off
 *       ({@code Reuter}, {@code REUTER}, as a word) or that contain it as a paragraph.
 *   <li><b>Breaks.</b> A <i>spurious break</i> is the end of a parsed paragraph or subhead (other
 *       than the last of the story) that is not the end of a clean paragraph (compared on the last
 *       40 characters, white space collapsed); a <i>mid-sentence</i> break is a spurious one where
 *       the text goes on with a lower-case letter or a digit, so the sentence was cut. A
 *       <i>missed break</i> is a clean paragraph end that no parsed paragraph ends at (two wire
 *       paragraphs run together).
 * </ul>
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.dateline.bench.quality.PageParsingEval \
 *   [--data ../shared/corpora/reuters21578] [--json] [--examples N]
 * </pre>
 *
 * The table (Markdown) or JSON goes to standard output, progress and examples to standard error.
 */
public final class PageParsingEval {
  static final int START_CHARS = 30;
  static final int END_CHARS = 40;
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern NOT_A_PLACE =
      Pattern.compile("(?i)(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s*\\d+");
  private static final Pattern TRAILING_DATE =
      Pattern.compile("(?i)\\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s*\\d+$");
  /** A date the converter moved back into the body ("CHEVY CHASE, Md., - March 4 - Geico ..."). */
  private static final Pattern SPILLED_DATE =
      Pattern.compile("(?i)^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s*\\d+\\s*-+\\s*");
  private static final Pattern SIGN_OFF = Pattern.compile("(?i)(?:^|.*\\W)reuter\\W*$");

  private PageParsingEval() {}

  /** Counts over the corpus. */
  static final class Counts {
    int stories;
    int withBody;
    int datelineExpected;
    int datelineExact;
    int datelineWrongPlace;
    int datelineMissing;
    int datelineLeaked;
    int noDatelineStories;
    int datelineSpurious;
    int datelineNoPlace;
    int storiesWithFalseSubheads;
    int falseSubheads;
    int subheads;
    int signOffsLeft;
    int spuriousBreaks;
    int midSentenceBreaks;
    int storiesWithMidSentenceBreaks;
    int missedBreaks;
    int cleanBreaks;
    int dated;
    int rejected;
  }

  public static void main(String[] argv) throws IOException {
    Path data = Path.of("../shared/corpora/reuters21578");
    boolean json = false;
    int examples = 0;
    for (int i = 0; i < argv.length; i++) {
      switch (argv[i]) {
        case "--data" -> data = Path.of(argv[++i]);
        case "--json" -> json = true;
        case "--examples" -> examples = Integer.parseInt(argv[++i]);
        default -> {
          System.err.println("usage: PageParsingEval [--data DIR] [--json] [--examples N]");
          System.exit(2);
        }
      }
    }
    ObjectMapper mapper = new ObjectMapper();
    Map<String, String> datelineRaw = new HashMap<>();
    forEachLine(data.resolve("labels.jsonl.gz"), line -> {
      JsonNode n = mapper.readTree(line);
      datelineRaw.put(n.get("id").asText(), n.path("dateline_raw").isNull() ? null : n.path("dateline_raw").asText(null));
    });
    Map<String, List<String>> clean = new HashMap<>();
    forEachLine(data.resolve("reuters21578.jsonl.gz"), line -> {
      JsonNode n = mapper.readTree(line);
      List<String> body = new ArrayList<>();
      n.path("body").forEach(p -> body.add(norm(p.asText())));
      clean.put(n.get("id").asText(), body);
    });
    progress("read labels of " + datelineRaw.size() + " stories and " + clean.size() + " clean articles");
    Counts c = new Counts();
    int[] shown = new int[5];
    int maxExamples = examples;
    long start = System.nanoTime();
    forEachLine(data.resolve("reuters21578-raw.jsonl.gz"), line -> {
      JsonNode n = mapper.readTree(line);
      String id = n.get("id").asText();
      Article a;
      try {
        a = RawArticleParser.parse(n.get("text").asText()).id(id).build();
      } catch (InvalidArticleException e) {
        c.rejected++;
        a = Article.builder().id(id).headline("(rejected)").build();
      }
      score(c, id, a, datelineRaw.get(id), clean.getOrDefault(id, List.of()), shown, maxExamples);
      if (c.stories % 5000 == 0) {
        progress(String.format(Locale.ROOT, "%d stories parsed in %.1f s", c.stories, (System.nanoTime() - start) / 1e9));
      }
    });
    progress(String.format(Locale.ROOT, "%d stories parsed in %.1f s", c.stories, (System.nanoTime() - start) / 1e9));
    Map<String, Object> out = results(c);
    if (json) {
      ObjectNode node = mapper.valueToTree(out);
      System.out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(node));
    } else {
      System.out.print(markdown(out));
    }
  }

  static void score(Counts c, String id, Article a, String raw, List<String> clean, int[] shown, int maxExamples) {
    c.stories++;
    if (a.published() != null) {
      c.dated++;
    }
    List<String> body = a.body().stream().map(PageParsingEval::norm).toList();
    String expected = expectedPlace(raw);
    if (raw == null || raw.isBlank()) {
      c.noDatelineStories++;
      if (a.dateline() != null) {
        c.datelineSpurious++;
        example(shown, 3, maxExamples, "spurious", id, a.dateline(), "");
      }
    } else if (expected == null) {
      c.datelineNoPlace++;
    } else {
      c.datelineExpected++;
      String got = a.dateline() == null ? null : norm(a.dateline());
      if (got == null) {
        c.datelineMissing++;
        example(shown, 0, maxExamples, "missing", id, raw, body.isEmpty() ? "" : body.get(0));
      } else if (!got.equals(expected)) {
        c.datelineWrongPlace++;
        example(shown, 1, maxExamples, "wrong place", id, raw, got);
      } else if (!clean.isEmpty()
          && !String.join(" ", body).startsWith(prefix(SPILLED_DATE.matcher(String.join(" ", clean)).replaceFirst("")))) {
        c.datelineLeaked++;
        example(shown, 2, maxExamples, "leaked", id, raw, body.isEmpty() ? "" : body.get(0));
      } else {
        c.datelineExact++;
      }
    }
    if (clean.isEmpty()) {
      return;
    }
    c.withBody++;
    java.util.Set<String> cleanParagraphs = new java.util.HashSet<>(clean);
    int falseHere = 0;
    for (String s : a.subheads()) {
      c.subheads++;
      if (!cleanParagraphs.contains(norm(s))) {
        falseHere++;
      }
    }
    c.falseSubheads += falseHere;
    if (falseHere > 0) {
      c.storiesWithFalseSubheads++;
    }
    if (!body.isEmpty()) {
      String last = body.get(body.size() - 1);
      if (SIGN_OFF.matcher(last).matches() || body.stream().anyMatch(p -> p.equalsIgnoreCase("reuter"))) {
        c.signOffsLeft++;
      }
    }
    // breaks: the parsed units in reading order are not known (subheads are separate), so ends are
    // compared as multisets of keys
    Map<String, Integer> cleanEnds = new HashMap<>();
    for (String p : clean) {
      cleanEnds.merge(suffix(p), 1, Integer::sum);
    }
    c.cleanBreaks += clean.size() - 1;
    Map<String, Integer> remaining = new HashMap<>(cleanEnds);
    List<String> units = new ArrayList<>(a.subheads().stream().map(PageParsingEval::norm).toList());
    units.addAll(body);
    String joined = String.join(" ", clean);
    int midHere = 0;
    for (int i = 0; i < units.size(); i++) {
      String u = units.get(i);
      boolean lastOfStory = i == units.size() - 1;
      String key = suffix(u);
      Integer left = remaining.get(key);
      if (left != null && left > 0) {
        remaining.put(key, left - 1);
        continue;
      }
      if (lastOfStory) {
        continue;
      }
      c.spuriousBreaks++;
      int at = joined.indexOf(u.length() > END_CHARS ? u.substring(u.length() - END_CHARS) : u);
      int next = at < 0 ? -1 : at + Math.min(u.length(), END_CHARS) + 1;
      if (next > 0 && next < joined.length()) {
        char ch = joined.charAt(next);
        if (Character.isLowerCase(ch) || Character.isDigit(ch)) {
          c.midSentenceBreaks++;
          midHere++;
          example(shown, 4, maxExamples, "mid-sentence break", id, u.substring(Math.max(0, u.length() - 60)),
              joined.substring(next, Math.min(joined.length(), next + 40)));
        }
      }
    }
    if (midHere > 0) {
      c.storiesWithMidSentenceBreaks++;
    }
    int missed = 0;
    for (Map.Entry<String, Integer> e : remaining.entrySet()) {
      missed += e.getValue();
    }
    // the last clean paragraph's end is the end of the story, not a break
    c.missedBreaks += Math.max(0, missed - (remaining.getOrDefault(suffix(clean.get(clean.size() - 1)), 0) > 0 ? 1 : 0));
  }

  /** The place of a {@code DATELINE} element, or null when it has none (or is a date). */
  static String expectedPlace(String raw) {
    if (raw == null) {
      return null;
    }
    String s = norm(raw);
    String place;
    if (s.contains(",")) {
      place = s.substring(0, s.indexOf(','));
    } else {
      place = s.split("\\s+-+(?:\\s|$)", 2)[0];
      place = TRAILING_DATE.matcher(place).replaceFirst(""); // "JOHANNESBURG March 13 -"
    }
    place = place.replaceAll("^[\\s*-]+|[\\s-]+$", "");
    if (place.isEmpty() || NOT_A_PLACE.matcher(place).matches() || !place.matches(".*\\p{L}.*")) {
      return null;
    }
    return place;
  }

  static String norm(String s) {
    return SPACES.matcher(s).replaceAll(" ").strip();
  }

  private static String prefix(String s) {
    return s.substring(0, Math.min(START_CHARS, s.length()));
  }

  private static String suffix(String s) {
    return s.substring(Math.max(0, s.length() - END_CHARS));
  }

  private static void example(int[] shown, int kind, int max, String what, String id, String a, String b) {
    if (shown[kind] < max) {
      shown[kind]++;
      System.err.println("  " + what + " " + id + ": [" + a.replace("\n", "\\n") + "] [" + b + "]");
    }
  }

  static Map<String, Object> results(Counts c) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("stories", c.stories);
    out.put("storiesWithBody", c.withBody);
    out.put("datelinesExpected", c.datelineExpected);
    out.put("datelinesExact", c.datelineExact);
    out.put("datelineExactShare", share(c.datelineExact, c.datelineExpected));
    out.put("datelinesWrongPlace", c.datelineWrongPlace);
    out.put("datelinesMissing", c.datelineMissing);
    out.put("datelinesLeaked", c.datelineLeaked);
    out.put("datelinesWithoutPlace", c.datelineNoPlace);
    out.put("storiesWithoutDateline", c.noDatelineStories);
    out.put("datelinesSpurious", c.datelineSpurious);
    out.put("subheads", c.subheads);
    out.put("falseSubheads", c.falseSubheads);
    out.put("storiesWithFalseSubheads", c.storiesWithFalseSubheads);
    out.put("falseSubheadStoryShare", share(c.storiesWithFalseSubheads, c.withBody));
    out.put("signOffsLeft", c.signOffsLeft);
    out.put("cleanBreaks", c.cleanBreaks);
    out.put("spuriousBreaks", c.spuriousBreaks);
    out.put("midSentenceBreaks", c.midSentenceBreaks);
    out.put("storiesWithMidSentenceBreaks", c.storiesWithMidSentenceBreaks);
    out.put("missedBreaks", c.missedBreaks);
    out.put("dated", c.dated);
    out.put("rejected", c.rejected);
    return out;
  }

  private static double share(int part, int whole) {
    return whole == 0 ? 0 : Math.round(100_000.0 * part / whole) / 100_000.0;
  }

  static String markdown(Map<String, Object> r) {
    StringBuilder sb = new StringBuilder();
    sb.append("| measure | value |\n|---|---|\n");
    for (Map.Entry<String, Object> e : r.entrySet()) {
      Object v = e.getValue();
      String shown = v instanceof Double d ? String.format(Locale.ROOT, "%.2f%%", 100 * d) : String.valueOf(v);
      sb.append("| ").append(e.getKey()).append(" | ").append(shown).append(" |\n");
    }
    return sb.toString();
  }

  private interface LineSink {
    void accept(String line) throws IOException;
  }

  private static void forEachLine(Path gz, LineSink sink) throws IOException {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(gz)), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank()) {
          sink.accept(line);
        }
      }
    }
  }

  private static void progress(String message) {
    System.err.println("pages: " + message);
  }
}
