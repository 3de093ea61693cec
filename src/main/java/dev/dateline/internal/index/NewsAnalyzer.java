package dev.dateline.internal.index;

import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * English analysis for article text, used identically at index and query time.
 *
 * <ol>
 *   <li>{@link StandardTokenizer} (Unicode word breaks): keeps "Russia’s" and "U.S." whole so the
 *       next filters can deal with them.
 *   <li>{@link EnglishPossessiveFilter}: "Russia's" and "Russia’s" (curly apostrophe) become
 *       "Russia", so possessives find the name.
 *   <li>{@link LowerCaseFilter}, then {@link ASCIIFoldingFilter}: "Zelenskyy", "ZELENSKYY" and
 *       "Zélenskyy" are one term; curly quotes and dashes fold to ASCII.
 *   <li>{@link KStemFilter}: light, dictionary-checked stemming ("talks" = "talk", "officials" =
 *       "official", "policies" = "policy"). Chosen over Porter, whose suffix stripping conflates
 *       unrelated words ("university"/"universe", "general"/"generous", "organization"/"organ")
 *       that KStem keeps apart because it only stems to words in its dictionary. Like any
 *       stemmer it still touches some names ("Hamas" and "Hama" share a stem); the exact forms
 *       below let a quoted query avoid that.
 *   <li>Exact forms: where stemming changed a word, the unstemmed form is indexed too, at the same
 *       position, as {@value #EXACT_MARK}{@code officials}. Quoted phrases match inflected words
 *       by these exact forms, so {@code "Russian officials"} does not match "Russian official"
 *       while the unquoted {@code Russian officials} does. Only inflected words pay for the extra
 *       term; the price of that economy is that a quoted base form ({@code "official"}) still
 *       matches its inflections, because uninflected words have no separate exact form.
 * </ol>
 *
 * <p>No stop words are removed, so every token keeps its position and a phrase query matches
 * exactly those words in that order ("war in Ukraine" does not match "war on Ukraine").
 * Multi-valued fields (bullets, captions, entity names) get a position gap of {@value
 * #POSITION_GAP} so a phrase never spans two values.
 */
public final class NewsAnalyzer extends Analyzer {
  public static final int POSITION_GAP = 100;
  /** Prefix of the exact (unstemmed) form of a word whose stem differs from it. */
  public static final char EXACT_MARK = '=';

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer source = newTokenizer();
    TokenStream ts = foldedWords(source);
    ts = new RememberOriginal(ts);
    ts = new KStemFilter(ts);
    ts = new ExactForms(ts);
    return new TokenStreamComponents(source, ts);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new ASCIIFoldingFilter(new LowerCaseFilter(in));
  }

  @Override
  public int getPositionIncrementGap(String fieldName) {
    return POSITION_GAP;
  }

  /** The tokenizer of every analyzed Dateline field. */
  static StandardTokenizer newTokenizer() {
    StandardTokenizer source = new StandardTokenizer();
    source.setMaxTokenLength(255);
    return source;
  }

  /** Steps 2 and 3 above, shared with {@link NameAnalyzer}: possessives, case and diacritics. */
  static TokenStream foldedWords(TokenStream words) {
    return new ASCIIFoldingFilter(new LowerCaseFilter(new EnglishPossessiveFilter(words)));
  }

  /** Whether a token is the exact form of a stemmed word. */
  public static boolean isExactForm(String token) {
    return !token.isEmpty() && token.charAt(0) == EXACT_MARK;
  }

  /** Copies each token into {@link OriginalTermAttribute} before the stemmer changes it. */
  static final class RememberOriginal extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OriginalTermAttribute original = addAttribute(OriginalTermAttribute.class);

    RememberOriginal(TokenStream in) {
      super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      original.setOriginal(term.buffer(), term.length());
      return true;
    }
  }

  /** After a token the stemmer changed, emits its exact form at the same position. */
  static final class ExactForms extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OriginalTermAttribute original = addAttribute(OriginalTermAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    private State pending;

    ExactForms(TokenStream in) {
      super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (pending != null) {
        restoreState(pending);
        pending = null;
        int len = original.originalLength();
        char[] b = term.resizeBuffer(len + 1);
        b[0] = EXACT_MARK;
        System.arraycopy(original.originalBuffer(), 0, b, 1, len);
        term.setLength(len + 1);
        posInc.setPositionIncrement(0);
        return true;
      }
      if (!input.incrementToken()) {
        return false;
      }
      if (!original.originalEquals(term.buffer(), term.length())) {
        pending = captureState();
      }
      return true;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      pending = null;
    }
  }
}
