package dev.dateline.internal.index;

import org.apache.lucene.analysis.Analyzer;
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
 *       "official"). Chosen over Porter because news is full of proper nouns and Porter's
 *       aggressive suffix stripping conflates them ("Hamas"/"Hama", "Wells"/"well", "general"/
 *       "generous"); KStem only stems to words it knows.
 * </ol>
 *
 * <p>No stop words are removed and nothing is injected, so every token keeps its position and a
 * phrase query matches exactly those words in that order ("war in Ukraine" does not match "war on
 * Ukraine"). Multi-valued fields (bullets, captions, entity names) get a position gap of {@value
 * #POSITION_GAP} so a phrase never spans two values.
 */
public final class NewsAnalyzer extends Analyzer {
  public static final int POSITION_GAP = 100;

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer source = new StandardTokenizer();
    source.setMaxTokenLength(255);
    TokenStream ts = new EnglishPossessiveFilter(source);
    ts = new LowerCaseFilter(ts);
    ts = new ASCIIFoldingFilter(ts);
    ts = new KStemFilter(ts);
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
}
