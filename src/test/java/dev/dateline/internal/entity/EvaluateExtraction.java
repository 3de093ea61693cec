package dev.dateline.internal.entity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dateline.Article;
import dev.dateline.Entity;
import dev.dateline.EntityType;
import dev.dateline.RawArticleParser;
import dev.dateline.testsupport.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores {@link StandardEntityExtractor} against the hand annotations in {@code
 * fixtures/entities/} (guidelines in {@code fixtures/entities/README.md}): micro precision and
 * recall per entity type over canonical names, one set per article.
 *
 * <p>Run {@code main} to print the table and the misses; {@code EntityExtractionQualityTest}
 * asserts the thresholds.
 */
public final class EvaluateExtraction {
  /** Annotation files, in {@code fixtures/entities/}. */
  static final List<String> ANNOTATIONS =
      List.of(
          "abu-dhabi-talks.json", "ap-senate-shutdown.json", "reuters-ecb-rates.json",
          "afp-manila-floods.json", "bbc-style-stadium.json", "byline-reuters-chips.json",
          "st-style-budget.json", "reuters-london-inline-credits.json", "gaza-ceasefire.json",
          "opec-output.json", "kyiv-energy.json");

  private static final String SHARED_PREFIX = "shared:";

  /** Counts for one type. */
  public record Score(int truePositives, int falsePositives, int falseNegatives) {
    public double precision() {
      int found = truePositives + falsePositives;
      return found == 0 ? 1.0 : (double) truePositives / found;
    }

    public double recall() {
      int expected = truePositives + falseNegatives;
      return expected == 0 ? 1.0 : (double) truePositives / expected;
    }

    Score plus(Score o) {
      return new Score(
          truePositives + o.truePositives, falsePositives + o.falsePositives,
          falseNegatives + o.falseNegatives);
    }
  }

  /** Scores per type, and the differences found, for printing. */
  public record Report(Map<EntityType, Score> scores, List<String> differences) {}

  private EvaluateExtraction() {}

  public static Report evaluate() {
    ObjectMapper json = new ObjectMapper();
    Map<EntityType, Score> scores = new EnumMap<>(EntityType.class);
    List<String> differences = new ArrayList<>();
    for (EntityType type : EntityType.values()) {
      scores.put(type, new Score(0, 0, 0));
    }
    for (String file : ANNOTATIONS) {
      JsonNode annotation;
      try {
        annotation = json.readTree(Fixtures.resource("entities/" + file));
      } catch (IOException e) {
        throw new UncheckedIOException("bad annotation file " + file, e);
      }
      Article article = parse(annotation.get("article").asText());
      List<Entity> found = StandardEntityExtractor.instance().extract(article);
      for (EntityType type : EntityType.values()) {
        Set<String> expected = new HashSet<>();
        annotation.path(type.key()).forEach(n -> expected.add(n.asText()));
        Set<String> actual = new HashSet<>();
        found.stream().filter(e -> e.type() == type).forEach(e -> actual.add(e.name()));
        int tp = 0;
        for (String name : actual) {
          if (expected.contains(name)) {
            tp++;
          } else {
            differences.add(file + " " + type.key() + " extra:   " + name);
          }
        }
        for (String name : expected) {
          if (!actual.contains(name)) {
            differences.add(file + " " + type.key() + " missing: " + name);
          }
        }
        scores.merge(
            type, new Score(tp, actual.size() - tp, expected.size() - tp), Score::plus);
      }
    }
    return new Report(scores, differences);
  }

  private static Article parse(String source) {
    String text =
        source.startsWith(SHARED_PREFIX)
            ? Fixtures.sharedCorpus(source.substring(SHARED_PREFIX.length()))
            : Fixtures.resource(source);
    return RawArticleParser.parse(text).id(source).build();
  }

  /** The table printed by {@link #main} and by the quality test. */
  public static String table(Report report) {
    StringBuilder sb = new StringBuilder("type     precision  recall   tp   fp   fn\n");
    for (var e : report.scores().entrySet()) {
      Score s = e.getValue();
      sb.append(
          String.format(
              "%-8s %9.3f %7.3f %4d %4d %4d%n",
              e.getKey().key(), s.precision(), s.recall(), s.truePositives(), s.falsePositives(),
              s.falseNegatives()));
    }
    return sb.toString();
  }

  public static void main(String[] args) {
    Report report = evaluate();
    System.out.print(table(report));
    report.differences().forEach(System.out::println);
  }
}
