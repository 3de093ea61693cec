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
    boolean ascii = true;
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      ascii &= c < 128;
      space |= Character.isWhitespace(c);
    }
    String s;
    if (ascii) {
      s = text.toLowerCase(Locale.ROOT); // the common case: no normaliser, no regex
    } else {
      s = Normalizer.normalize(text, Normalizer.Form.NFD);
      s = MARKS.matcher(s).replaceAll("");
      s = s.replace('’', '\'').replace('‘', '\'').replace('ı', 'i').toLowerCase(Locale.ROOT);
    }
    return space || !ascii ? SPACES.matcher(s.strip()).replaceAll(" ") : s;
  }
}
