package dev.dateline.internal.entity;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Folds names for matching: lower case, no diacritics, straight apostrophes, single spaces. */
public final class Folding {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private Folding() {}

  /** "Zelenskyy’s" and "ZELENSKYY's" both give "zelenskyy's"; "Erdoğan" gives "erdogan". */
  public static String fold(String text) {
    String s = text;
    if (!isAsciiLower(s)) {
      s = Normalizer.normalize(s, Normalizer.Form.NFD);
      s = MARKS.matcher(s).replaceAll("");
      s = s.replace('’', '\'').replace('‘', '\'').replace('ı', 'i').toLowerCase(Locale.ROOT);
    }
    return SPACES.matcher(s.strip()).replaceAll(" ");
  }

  private static boolean isAsciiLower(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 128 || Character.isUpperCase(c)) {
        return false;
      }
    }
    return true;
  }
}
