package dev.dateline.internal.index;

import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * {@link NewsAnalyzer} for query text, one term per word as the query compiler takes them ({@link
 * Schema#analyzeText}): with {@code exact}, a word whose stem differs from it gives its exact form
 * (quoted phrases), otherwise its stem (words); exact forms never come out beside their stem. For
 * engines that analyse query text themselves (OpenSearch's {@code match} and {@code match_phrase}),
 * which would otherwise search the index analyzer's stacked stem and exact form together.
 */
public final class SearchTimeAnalyzer extends AnalyzerWrapper {
  private final NewsAnalyzer text = new NewsAnalyzer();
  private final boolean exact;

  /** @param exact exact forms (phrases) rather than stems (words) */
  public SearchTimeAnalyzer(boolean exact) {
    super(Analyzer.GLOBAL_REUSE_STRATEGY);
    this.exact = exact;
  }

  @Override
  protected Analyzer getWrappedAnalyzer(String fieldName) {
    return text;
  }

  @Override
  protected TokenStreamComponents wrapComponents(String fieldName, TokenStreamComponents components) {
    return new TokenStreamComponents(components.getSource(), new OneTermPerWord(components.getTokenStream(), exact));
  }

  @Override
  public void close() {
    super.close();
    text.close();
  }

  /**
   * Keeps one term per position: the exact form that follows a stem at the same position instead
   * of the stem (with {@code exact}), or the stem alone; an exact form anywhere else is dropped,
   * its position kept for the next term.
   */
  static final class OneTermPerWord extends TokenFilter {
    private final boolean exact;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    /** A token read ahead (the one after a stem), to be given next. */
    private State pending;
    private boolean exhausted;
    /** Position increments of dropped tokens, added to the next one given. */
    private int skipped;

    OneTermPerWord(TokenStream input, boolean exact) {
      super(input);
      this.exact = exact;
    }

    @Override
    public boolean incrementToken() throws IOException {
      while (true) {
        if (pending != null) {
          restoreState(pending);
          pending = null;
        } else if (exhausted || !input.incrementToken()) {
          exhausted = true;
          return false;
        }
        if (isExact()) {
          skipped += posInc.getPositionIncrement();
          continue;
        }
        int increment = posInc.getPositionIncrement() + skipped;
        skipped = 0;
        if (exact && !exhausted) {
          State stem = captureState();
          if (input.incrementToken()) {
            if (posInc.getPositionIncrement() == 0 && isExact()) {
              posInc.setPositionIncrement(increment); // the exact form, in the stem's place
              return true;
            }
            pending = captureState();
          } else {
            exhausted = true;
          }
          restoreState(stem);
        }
        posInc.setPositionIncrement(increment);
        return true;
      }
    }

    private boolean isExact() {
      return term.length() > 0 && term.charAt(0) == NewsAnalyzer.EXACT_MARK;
    }

    @Override
    public void end() throws IOException {
      super.end();
      posInc.setPositionIncrement(posInc.getPositionIncrement() + skipped);
      skipped = 0;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      pending = null;
      exhausted = false;
      skipped = 0;
    }
  }
}
