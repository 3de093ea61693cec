package dev.dateline.internal.raw;

import java.util.Set;

/** Small predicates about the shape of a line of text, shared by the raw-page recognisers. */
final class TextShape {
  private static final String CLOSERS = "\"'”’)]»";
  private static final String SENTENCE_ENDS = ".!?…:";
  private static final Set<String> FUNCTION_WORDS =
      Set.of(
          "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with",
          "from", "as", "that", "which", "who", "said", "says", "is", "are", "was", "were", "its",
          "his", "her", "their", "into", "than", "including", "about", "after", "before", "told",
          "according", "reported", "called", "named", "like", "such", "via", "if", "when");

  private TextShape() {}

  /** Whether the text ends a sentence: final {@code . ! ? … :}, possibly inside quotes/brackets. */
  static boolean endsSentence(String text) {
    int i = text.length() - 1;
    while (i >= 0 && CLOSERS.indexOf(text.charAt(i)) >= 0) {
      i--;
    }
    return i >= 0 && SENTENCE_ENDS.indexOf(text.charAt(i)) >= 0;
  }

  /** Whether the text starts with a lower-case letter or with punctuation that continues a clause. */
  static boolean startsAsContinuation(String text) {
    if (text.isEmpty()) {
      return false;
    }
    char c = text.charAt(0);
    return Character.isLowerCase(c) || ",.;:)]".indexOf(c) >= 0;
  }

  static int wordCount(String text) {
    String t = text.strip();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }

  /** The last word of the text, lower-cased, without surrounding punctuation. */
  static String lastWord(String text) {
    String[] words = text.strip().split("\\s+");
    return words[words.length - 1].replaceAll("^\\p{P}+|\\p{P}+$", "").toLowerCase();
  }

  /** Whether {@code word} (an article, preposition, conjunction, reporting verb) cannot end a heading. */
  static boolean isFunctionWord(String word) {
    return FUNCTION_WORDS.contains(word);
  }

  /** Whether the first letter of the text is upper case (or it starts with a digit). */
  static boolean startsCapitalised(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        return Character.isUpperCase(c) || Character.isDigit(c);
      }
    }
    return false;
  }
}
