package dev.dateline.internal.raw;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the body lines of a scraped page into paragraphs and subheads.
 *
 * <p>Scrapers often put the text of an inline link on a line of its own ("attacking Ukraine with"
 * / "a record number of ballistic missiles" / "on Feb 3."). A line continues the paragraph before
 * it when that paragraph does not end a sentence and either the line starts in lower case or with
 * clause punctuation, or the paragraph so far cannot be a subhead.
 *
 * <p>A subhead is a single short line ({@value #MAX_SUBHEAD_WORDS} words at most) that starts
 * with a capital, has no final punctuation, does not end in a function word, follows a paragraph
 * that ends a sentence and is followed by a line starting with a capital.
 */
final class ParagraphAssembler {
  static final int MAX_SUBHEAD_WORDS = 10;
  static final int MAX_SUBHEAD_CHARS = 90;

  /** The result: body paragraphs and subheads, each in reading order. */
  record Assembled(List<String> paragraphs, List<String> subheads) {}

  private ParagraphAssembler() {}

  static Assembled assemble(List<String> lines) {
    List<String> paragraphs = new ArrayList<>();
    List<String> subheads = new ArrayList<>();
    StringBuilder current = null;
    boolean currentIsSingleLine = true;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (current == null) {
        current = new StringBuilder(line);
        currentIsSingleLine = true;
        continue;
      }
      String text = current.toString();
      boolean subhead =
          currentIsSingleLine
              && isSubheadShaped(text)
              && !paragraphs.isEmpty()
              && TextShape.endsSentence(paragraphs.get(paragraphs.size() - 1))
              && TextShape.startsCapitalised(line);
      boolean continues =
          !TextShape.endsSentence(text)
              && (TextShape.startsAsContinuation(line) || !subhead);
      if (continues) {
        appendContinuation(current, line);
        currentIsSingleLine = false;
      } else {
        (subhead ? subheads : paragraphs).add(text);
        current = new StringBuilder(line);
        currentIsSingleLine = true;
      }
    }
    if (current != null) {
      paragraphs.add(current.toString());
    }
    return new Assembled(List.copyOf(paragraphs), List.copyOf(subheads));
  }

  private static void appendContinuation(StringBuilder paragraph, String line) {
    char first = line.charAt(0);
    boolean glue = ",.;:!?)]".indexOf(first) >= 0 || paragraph.charAt(paragraph.length() - 1) == '(';
    if (!glue) {
      paragraph.append(' ');
    }
    paragraph.append(line);
  }

  private static boolean isSubheadShaped(String text) {
    int words = TextShape.wordCount(text);
    return words >= 1
        && words <= MAX_SUBHEAD_WORDS
        && text.length() <= MAX_SUBHEAD_CHARS
        && TextShape.startsCapitalised(text)
        && !TextShape.endsSentence(text)
        && !text.endsWith(",")
        && !text.endsWith(";")
        && !TextShape.isFunctionWord(TextShape.lastWord(text));
  }
}
