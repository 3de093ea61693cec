package dev.dateline.internal.raw;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sign-off that closes a wire story: {@code Reuter}, {@code REUTER}, {@code reuter}, with the
 * transmission debris some copies carry ({@code REUTER...}, {@code REUTER^M}), on a line of its own
 * or after the story's last sentence or table row ({@code ... record May 23. REUTER}).
 *
 * <p>On its own line any case is read; after other text only {@code Reuter} or {@code REUTER}
 * following a full stop, closing bracket or figure, so that "told Reuter" (no full stop) stays.
 */
final class WireSignOff {
  private static final String DEBRIS = "(?:\\.{1,3}|\\^M|\\s)*";
  private static final Pattern ALONE = Pattern.compile("(?i)reuters?" + DEBRIS);
  private static final Pattern CLOSING =
      Pattern.compile("(?<before>.*[.!?\"”’)\\d])\\s+(?:Reuter|REUTER)" + DEBRIS, Pattern.DOTALL);

  /** Canonical agency credited by the sign-off. */
  static final String AGENCY = "Reuters";

  private WireSignOff() {}

  /**
   * The text without the sign-off closing it, or empty when it has none. A line that is only the
   * sign-off gives an empty string.
   */
  static Optional<String> strip(String text) {
    String t = text.strip();
    if (ALONE.matcher(t).matches()) {
      return Optional.of("");
    }
    Matcher m = CLOSING.matcher(t);
    return m.matches() ? Optional.of(m.group("before").strip()) : Optional.empty();
  }
}
