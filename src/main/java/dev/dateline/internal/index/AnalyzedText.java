package dev.dateline.internal.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * One text value analysed once and replayed as often as it is indexed: in its own field and, by
 * the field's weight, in the combined field ({@link Schema#ALL_TEXT}), which before analysed each
 * copy again (a headline four times). Keeps what indexing reads of a token, its term, position
 * increment and offsets, in flat arrays; each {@link #stream()} is a fresh, independent stream.
 */
final class AnalyzedText {
  private final String text;
  private final char[] chars;
  private final int[] termEnds;
  private final int[] posIncs;
  private final int[] starts;
  private final int[] ends;
  private final int size;
  private final int finalOffset;
  private final int finalPosInc;

  private AnalyzedText(String text, char[] chars, int[] termEnds, int[] posIncs, int[] starts, int[] ends,
      int size, int finalOffset, int finalPosInc) {
    this.text = text;
    this.chars = chars;
    this.termEnds = termEnds;
    this.posIncs = posIncs;
    this.starts = starts;
    this.ends = ends;
    this.size = size;
    this.finalOffset = finalOffset;
    this.finalPosInc = finalPosInc;
  }

  /** Analyses {@code text} as {@code analyzer} does for {@code field}. */
  static AnalyzedText of(Analyzer analyzer, String field, String text) {
    int capacity = Math.max(8, text.length() / 5);
    char[] chars = new char[Math.max(16, text.length())];
    int[] termEnds = new int[capacity];
    int[] posIncs = new int[capacity];
    int[] starts = new int[capacity];
    int[] ends = new int[capacity];
    int n = 0;
    int used = 0;
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute posInc = ts.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (n == termEnds.length) {
          int grown = n * 2;
          termEnds = Arrays.copyOf(termEnds, grown);
          posIncs = Arrays.copyOf(posIncs, grown);
          starts = Arrays.copyOf(starts, grown);
          ends = Arrays.copyOf(ends, grown);
        }
        int len = term.length();
        if (used + len > chars.length) {
          chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + len));
        }
        System.arraycopy(term.buffer(), 0, chars, used, len);
        used += len;
        termEnds[n] = used;
        posIncs[n] = posInc.getPositionIncrement();
        starts[n] = offset.startOffset();
        ends[n] = offset.endOffset();
        n++;
      }
      ts.end();
      return new AnalyzedText(text, chars, termEnds, posIncs, starts, ends, n, offset.endOffset(),
          posInc.getPositionIncrement());
    } catch (IOException e) {
      throw new UncheckedIOException("analysis of an in-memory string failed", e);
    }
  }

  /** The text analysed. */
  String text() {
    return text;
  }

  /** Number of tokens. */
  int size() {
    return size;
  }

  /** A stream of the tokens, as the analyzer produced them. */
  TokenStream stream() {
    return new Replay();
  }

  private final class Replay extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private int next;

    @Override
    public void reset() throws IOException {
      super.reset();
      next = 0;
    }

    @Override
    public boolean incrementToken() {
      if (next == size) {
        return false;
      }
      clearAttributes();
      int from = next == 0 ? 0 : termEnds[next - 1];
      term.copyBuffer(chars, from, termEnds[next] - from);
      posInc.setPositionIncrement(posIncs[next]);
      offset.setOffset(starts[next], ends[next]);
      next++;
      return true;
    }

    @Override
    public void end() throws IOException {
      super.end();
      offset.setOffset(finalOffset, finalOffset);
      posInc.setPositionIncrement(finalPosInc);
    }
  }
}
