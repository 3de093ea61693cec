package dev.dateline.internal.index;

import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Analysis for entity names and other names matched as names (source, section): case and
 * diacritics fold, honorifics drop ("Mr Zelensky" = "Zelensky"), and common transliteration
 * endings fold ("Zelenskyy", "Zelenskiy" and "Zelensky" are one token). Filters match a name as a
 * phrase against each indexed name, so a surname alone ("Vergara") finds "Marisol Vergara".
 */
public final class NameAnalyzer extends Analyzer {

  /** Words that precede a name but are not part of it. */
  static final CharArraySet HONORIFICS =
      CharArraySet.unmodifiableSet(
          new CharArraySet(
              java.util.List.of(
                  "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lord", "lady",
                  "the"),
              false));

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer source = NewsAnalyzer.newTokenizer();
    TokenStream ts = NewsAnalyzer.foldedWords(source);
    ts = new StopFilter(ts, HONORIFICS);
    ts = new TransliterationFilter(ts);
    return new TokenStreamComponents(source, ts);
  }

  @Override
  public int getPositionIncrementGap(String fieldName) {
    return NewsAnalyzer.POSITION_GAP;
  }

  /**
   * Folds the endings that differ between romanisations of Slavic names: "-yy", "-iy", "-ij" and
   * "-yi" all become "-y" (Zelenskyy/Zelenskiy/Zelensky, Dmitriy/Dmitry, Yuriy/Yury).
   */
  static final class TransliterationFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    TransliterationFilter(TokenStream in) {
      super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      int len = term.length();
      if (len >= 4) {
        char[] b = term.buffer();
        char a = b[len - 2];
        char z = b[len - 1];
        if ((a == 'y' && z == 'y') || (a == 'i' && z == 'y') || (a == 'i' && z == 'j')
            || (a == 'y' && z == 'i')) {
          b[len - 2] = 'y';
          term.setLength(len - 1);
        }
      }
      return true;
    }
  }
}
