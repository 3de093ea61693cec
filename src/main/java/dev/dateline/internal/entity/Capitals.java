package dev.dateline.internal.entity;

/**
 * Whether text is set in capitals (a headline, a wire table): at least 80% of at least four letters
 * are capitals. Counts over one string or over several (the words of a sentence).
 */
final class Capitals {
  private int letters;
  private int upper;

  /** Whether {@code text} is set in capitals. */
  static boolean of(CharSequence text) {
    return new Capitals().add(text).mostly();
  }

  /** Counts the letters of {@code text}. */
  Capitals add(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetter(c)) {
        letters++;
        if (Character.isUpperCase(c)) {
          upper++;
        }
      }
    }
    return this;
  }

  /** Whether the letters counted so far are mostly capitals. */
  boolean mostly() {
    return letters >= 4 && upper * 10 >= letters * 8;
  }
}
