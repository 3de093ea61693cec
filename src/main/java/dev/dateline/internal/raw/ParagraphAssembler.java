package dev.dateline.internal.raw;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the body lines of a scraped page into paragraphs and subheads.
 *
 * <p>Two layouts are told apart by {@link #isHardWrapped}. <b>Hard-wrapped</b> text (wire copy,
 * e-mail, plain-text archives: lines cut at a fixed width, most running straight on into the next)
 * is reassembled from the page's own paragraph marks: a paragraph starts on an indented line or
 * after a blank line, and every other line continues the paragraph before it, whatever it ends with
 * ("... the U.S." / "Congress ..."). Without any indentation or blank line, a line that ends a
 * sentence well short of the wrap width ends its paragraph. A subhead there must stand alone
 * between blank lines and have a subhead's shape (below). <b>Loose</b> text (one paragraph per line,
 * as scrapers give it) is read as follows.
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

  /** Hard-wrapped lines are at most this long (a few longer ones are tolerated). */
  static final int MAX_WRAPPED_LINE_CHARS = 100;

  /** In hard-wrapped text without paragraph marks, a sentence ending before this share of the
   * wrap width ends its paragraph. */
  static final double SHORT_LINE_SHARE = 0.8;

  /** The result: body paragraphs and subheads, each in reading order. */
  record Assembled(List<String> paragraphs, List<String> subheads) {}

  /**
   * A body line as printed.
   *
   * @param text the line, trimmed, white space collapsed
   * @param indented whether the printed line started with white space
   * @param afterBlank whether a blank line (or dropped site furniture) came before it
   */
  record Line(String text, boolean indented, boolean afterBlank) {}

  private ParagraphAssembler() {}

  /** Assembles {@code lines} as hard-wrapped or loose text, whichever they are. */
  static Assembled assembleLines(List<Line> lines) {
    if (!isHardWrapped(lines)) {
      return assemble(lines.stream().map(Line::text).toList());
    }
    boolean marked = false;
    int width = 0;
    for (int i = 0; i < lines.size(); i++) {
      marked |= i > 0 && (lines.get(i).indented() || lines.get(i).afterBlank());
      width = Math.max(width, Math.min(lines.get(i).text().length(), MAX_WRAPPED_LINE_CHARS));
    }
    List<String> paragraphs = new ArrayList<>();
    List<String> subheads = new ArrayList<>();
    StringBuilder current = null;
    int currentLines = 0;
    boolean currentStandsApart = false;
    String previousLine = null;
    for (Line line : lines) {
      boolean starts =
          current == null
              || (marked
                  ? line.indented() || line.afterBlank()
                  : TextShape.endsSentence(previousLine)
                      && previousLine.length() < SHORT_LINE_SHARE * width);
      if (current != null && starts) {
        String text = current.toString();
        boolean subhead =
            currentLines == 1
                && currentStandsApart
                && line.afterBlank()
                && isSubheadShaped(text)
                && !paragraphs.isEmpty()
                && TextShape.endsSentence(paragraphs.get(paragraphs.size() - 1))
                && TextShape.startsCapitalised(line.text());
        (subhead ? subheads : paragraphs).add(text);
      }
      if (starts) {
        current = new StringBuilder(line.text());
        currentLines = 1;
        currentStandsApart = line.afterBlank();
      } else {
        appendContinuation(current, line.text());
        currentLines++;
      }
      previousLine = line.text();
    }
    if (current != null) {
      paragraphs.add(current.toString());
    }
    return new Assembled(List.copyOf(paragraphs), List.copyOf(subheads));
  }

  /**
   * Whether the lines are hard-wrapped: most run on without a blank line, hardly any is longer
   * than {@value #MAX_WRAPPED_LINE_CHARS} characters, and either the page indents lines or at
   * least 40% of them end mid-sentence. Two lines are enough when one is indented, three otherwise.
   */
  static boolean isHardWrapped(List<Line> lines) {
    int n = lines.size();
    boolean indents = false;
    int runOn = 0;
    int tooLong = 0;
    int unfinished = 0;
    for (int i = 0; i < n; i++) {
      Line line = lines.get(i);
      if (i > 0) {
        indents |= line.indented();
        runOn += line.afterBlank() ? 0 : 1;
      }
      tooLong += line.text().length() > MAX_WRAPPED_LINE_CHARS ? 1 : 0;
      unfinished += i < n - 1 && !TextShape.endsSentence(line.text()) ? 1 : 0;
    }
    return n >= (indents ? 2 : 3)
        && runOn * 2 > n - 1
        && tooLong * 10 <= n
        && (indents || unfinished * 5 >= (n - 1) * 2);
  }

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
