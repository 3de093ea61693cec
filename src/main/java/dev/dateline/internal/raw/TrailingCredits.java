package dev.dateline.internal.raw;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Agency credits printed in capitals at the end of a story's last paragraph ({@code ... economy.
 * REUTERS}, {@code ... said. AFP, BLOOMBERG}) or on a line of their own.
 *
 * @param remainder the paragraph without the credits (empty if it was only credits)
 * @param agencies canonical agency names, in printed order
 */
record TrailingCredits(String remainder, List<String> agencies) {
  private static final String AGENCY = "(?:" + Agencies.UPPER_CASE_ALTERNATION + ")";
  private static final Pattern TRAILING =
      Pattern.compile(
          "(?<before>(?:.*[.!?\"”’)])?)\\s*(?:[-–—]\\s*)?(?<credits>" + AGENCY
              + "(?:\\s*(?:,|/|&|\\band\\b)\\s*" + AGENCY + ")*)\\s*",
          Pattern.DOTALL);
  private static final Pattern SEPARATOR = Pattern.compile("\\s*(?:,|/|&|\\band\\b)\\s*");

  TrailingCredits {
    agencies = List.copyOf(agencies);
  }

  /** The credits ending {@code paragraph}, if any. */
  static Optional<TrailingCredits> find(String paragraph) {
    Matcher m = TRAILING.matcher(paragraph.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    List<String> agencies = new ArrayList<>();
    for (String printed : SEPARATOR.split(m.group("credits"))) {
      Agencies.canonical(printed).ifPresent(agencies::add);
    }
    return Optional.of(new TrailingCredits(m.group("before").strip(), agencies));
  }
}
