package dev.dateline.internal.raw;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wire-service reporting credits: {@code (Reporting by Jane Doe in Kyiv; Additional reporting by
 * John Roe; Editing by Ann Poe)}, as a line of their own or at the end of the last paragraph. The
 * reporters and writers become authors; editors do not.
 *
 * @param remainder the text before the credits (empty when the line was only credits)
 * @param reporters the people credited with reporting or writing
 */
public record ReportingCredits(String remainder, List<String> reporters) {
  private static final String ROLE =
      "(?:(?:additional|further)\\s+)?(?:reporting|writing|compiled|written|editing|graphics)";
  private static final Pattern CREDITS =
      Pattern.compile(
          "(?i)(?<before>.*?)\\s*\\(?\\s*(?<credits>" + ROLE + "\\s+by\\b[^()]*?)\\s*\\)?\\s*");
  private static final Pattern SEGMENT =
      Pattern.compile("(?i)\\s*(?<role>" + ROLE + ")\\s+by\\s+(?<names>.+)");
  private static final Pattern PLACE_SUFFIX =
      Pattern.compile("\\s+in\\s+\\p{Lu}[\\p{L}'’.-]*(?:\\s+\\p{Lu}[\\p{L}'’.-]*)*");

  public ReportingCredits {
    reporters = List.copyOf(reporters);
  }

  /**
   * The credits in {@code line}: the whole line, or a bracketed block ending it after a sentence.
   */
  public static Optional<ReportingCredits> find(String line) {
    Matcher m = CREDITS.matcher(line);
    if (!m.matches()) {
      return Optional.empty();
    }
    String before = m.group("before").strip();
    boolean bracketed = line.strip().endsWith(")");
    if (!before.isEmpty() && !(bracketed && TextShape.endsSentence(before))) {
      return Optional.empty();
    }
    List<String> reporters = new ArrayList<>();
    for (String segment : m.group("credits").split(";")) {
      Matcher s = SEGMENT.matcher(segment);
      if (!s.matches() || s.group("role").toLowerCase().contains("editing")
          || s.group("role").toLowerCase().contains("graphics")) {
        continue;
      }
      for (String group : s.group("names").split(",")) {
        String people = PLACE_SUFFIX.matcher(group.strip()).replaceAll("");
        for (String name : NameList.split(people)) {
          if (NameList.looksLikePersonName(name) && !reporters.contains(name)) {
            reporters.add(name);
          }
        }
      }
    }
    if (reporters.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ReportingCredits(before, reporters));
  }
}
