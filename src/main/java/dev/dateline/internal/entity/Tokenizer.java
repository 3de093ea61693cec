package dev.dateline.internal.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits text into {@link Token}s in one pass, without regular expressions.
 *
 * <p>Words are runs of letters and digits, with inner apostrophes ("O'Brien") and dotted
 * initials ("U.S.", "C.C."). A hyphen inside a word splits it but does not break a name ("Jean-Yves"); any other dash
 * breaks names ("SOCCER - SILVA", "SOCCER -SILVA", "Reuters -- Jane Doe"). A
 * possessive ending ({@code 's}, {@code ’s}, or a bare apostrophe after s) is dropped and marks the
 * token. Other punctuation breaks names; {@code . ! ?}, an opening quote or bracket start a
 * sentence, except after a known abbreviation ("Mr.", "Jan.").
 */
final class Tokenizer {
  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "mr", "mrs", "ms", "dr", "st", "sen", "rep", "gen", "gov", "lt", "col", "capt", "prof",
          "jr", "sr", "co", "corp", "inc", "ltd", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
          "sep", "sept", "oct", "nov", "dec", "no", "vs");

  private Tokenizer() {}

  static List<Token> tokenize(String text) {
    return tokenize(text, false);
  }

  /**
   * {@link #tokenize}, each token with its {@link NerTagger.Word} from the tagger's shared
   * cache: a word met before is neither copied nor folded again.
   */
  static List<Token> words(String text) {
    return tokenize(text, true);
  }

  private static List<Token> tokenize(String text, boolean words) {
    List<Token> out = new ArrayList<>(text.length() / 5);
    int n = text.length();
    int i = 0;
    boolean sentenceStart = true;
    boolean breakPending = true;
    while (i < n) {
      char c = text.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        if (!Character.isWhitespace(c) && (c != '-' || !wordHyphen(text, i))) {
          boolean abbreviationDot =
              c == '.' && !out.isEmpty() && endsWithAbbreviation(out.get(out.size() - 1));
          if (!abbreviationDot) {
            breakPending = true;
            if (c == '.' || c == '!' || c == '?' || c == '“' || c == '"' || c == '(' || c == '‘') {
              sentenceStart = true;
            }
          }
        }
        i++;
        continue;
      }
      int start = i;
      i = wordEnd(text, i);
      NerTagger.Word facts = words ? NerTagger.Word.of(text, start, i) : null;
      String word = facts != null ? facts.text : text.substring(start, i);
      int end = i;
      boolean possessive = false;
      if (i < n && isApostrophe(text.charAt(i)) && isPossessiveAt(text, i)) {
        possessive = true;
        i += 2;
      } else if (i < n && isApostrophe(text.charAt(i)) && word.endsWith("s")
          && (i + 1 >= n || !Character.isLetterOrDigit(text.charAt(i + 1)))) {
        possessive = true;
        i += 1;
      }
      boolean prevPossessive = !out.isEmpty() && out.get(out.size() - 1).possessive();
      out.add(new Token(word, facts != null ? facts.key : Folding.fold(word),
          breakPending || prevPossessive, sentenceStart, possessive, start, end, facts));
      sentenceStart = false;
      breakPending = false;
    }
    return out;
  }

  /**
   * A hyphen inside a word, between two letters or digits ("Jean-Yves", "2-0"); any other dash
   * ("SOCCER - SILVA", "SOCCER -SILVA", "Reuters -- Jane Doe") separates words.
   */
  private static boolean wordHyphen(String text, int i) {
    return i > 0 && i + 1 < text.length()
        && Character.isLetterOrDigit(text.charAt(i - 1))
        && Character.isLetterOrDigit(text.charAt(i + 1));
  }

  private static boolean endsWithAbbreviation(Token t) {
    return ABBREVIATIONS.contains(t.key())
        || t.text().endsWith(".")
        || (t.text().length() == 1 && Character.isUpperCase(t.text().charAt(0)));
  }

  /** End of the word starting at {@code i}: letters/digits, inner apostrophes, dotted initials. */
  private static int wordEnd(String text, int i) {
    int n = text.length();
    int j = i;
    while (j < n) {
      char c = text.charAt(j);
      if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
        j++;
      } else if (isApostrophe(c) && j + 1 < n && Character.isLetter(text.charAt(j + 1))
          && !isPossessiveAt(text, j)) {
        j++;
      } else if (c == '.' && isInitials(text, i, j)) {
        boolean another = j + 1 < n && Character.isUpperCase(text.charAt(j + 1))
            && (j + 2 >= n || text.charAt(j + 2) == '.');
        if (another) {
          j++;
        } else {
          return j > i + 1 ? j + 1 : j; // closing dot of "U.S.", but not of a lone initial
        }
      } else {
        break;
      }
    }
    return j;
  }

  /** Whether text[i, j) is single capitals separated by dots: "U", "U.S". */
  private static boolean isInitials(String text, int i, int j) {
    if ((j - i) % 2 == 0) {
      return false;
    }
    for (int k = i; k < j; k++) {
      char c = text.charAt(k);
      if ((k - i) % 2 == 0 ? !Character.isUpperCase(c) : c != '.') {
        return false;
      }
    }
    return true;
  }

  /** Whether an apostrophe at {@code j} starts a possessive {@code 's} ending. */
  private static boolean isPossessiveAt(String text, int j) {
    int n = text.length();
    return j + 1 < n
        && (text.charAt(j + 1) == 's' || text.charAt(j + 1) == 'S')
        && (j + 2 >= n || !Character.isLetterOrDigit(text.charAt(j + 2)));
  }

  private static boolean isApostrophe(char c) {
    return c == '\'' || c == '’';
  }
}
