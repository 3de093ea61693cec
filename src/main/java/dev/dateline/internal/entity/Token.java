package dev.dateline.internal.entity;

import java.util.ArrayList;
import java.util.List;

/**
 * A word of article text, as the {@link Tokenizer} found it.
 *
 * @param text the word as printed, without a possessive ending ("Kyiv" for "Kyiv’s")
 * @param key {@link Folding folded} text, used for every lookup
 * @param breakBefore punctuation other than a hyphen separates it from the previous word, so a
 *     name cannot span the two
 * @param sentenceStart it opens a sentence, so its capital says nothing
 * @param possessive it carried a possessive ending, so a name cannot continue past it
 * @param start offset of the word's first character in the tokenized text
 * @param end offset just past the word (before any possessive ending)
 * @param word the tagger's cached facts about the word ({@link Tokenizer#words}), or null
 */
record Token(
    String text, String key, boolean breakBefore, boolean sentenceStart, boolean possessive,
    int start, int end, NerTagger.Word word) {

  /** Starts with an upper-case letter (or is a number, which can be part of a name: "France 2"). */
  boolean capitalised() {
    return Character.isUpperCase(text.charAt(0));
  }

  /** Two or more letters, all upper case ("UAE", "U.S."). */
  boolean allCaps() {
    int letters = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLowerCase(c)) {
        return false;
      }
      if (Character.isLetter(c)) {
        letters++;
      }
    }
    return letters >= 2;
  }

  /** The words {@code [s, e)} as printed, joined by single spaces. */
  static String text(List<Token> t, int s, int e) {
    StringBuilder sb = new StringBuilder();
    for (int i = s; i < e; i++) {
      if (i > s) {
        sb.append(' ');
      }
      sb.append(t.get(i).text());
    }
    return sb.toString();
  }

  /** The folded keys of the words {@code [s, e)}. */
  static List<String> keys(List<Token> t, int s, int e) {
    List<String> out = new ArrayList<>(e - s);
    for (int i = s; i < e; i++) {
      out.add(t.get(i).key());
    }
    return out;
  }

  boolean numeric() {
    return Character.isDigit(text.charAt(0));
  }
}
