package dev.dateline.internal.raw;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Splits printed lists of people ("Jane Doe, John Roe and Ann Poe") and tests name shape. */
final class NameList {
  private static final Pattern SEPARATORS = Pattern.compile("\\s*(?:,|;|\\band\\b|&|\\|)\\s*");
  /** One to five words, each capitalised, allowing name particles (de, van, bin, al-). */
  private static final Pattern PERSON_NAME =
      Pattern.compile(
          "\\p{Lu}[\\p{L}'’.-]*(?:\\s+(?:(?:de|da|van|von|der|den|bin|al|el|le|la|di|du)\\s+)?\\p{Lu}[\\p{L}'’.-]*){1,4}");

  private NameList() {}

  /** The pieces of a printed list, trimmed, without empty ones. */
  static List<String> split(String list) {
    List<String> out = new ArrayList<>();
    for (String piece : SEPARATORS.split(list.strip())) {
      String p = piece.strip();
      if (!p.isEmpty()) {
        out.add(p);
      }
    }
    return out;
  }

  /** Whether {@code text} looks like a person's full name (two to five capitalised words). */
  static boolean looksLikePersonName(String text) {
    return PERSON_NAME.matcher(text).matches();
  }
}
