package dev.dateline.internal.index;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.util.Attribute;
import org.apache.lucene.util.AttributeFactory;
import org.apache.lucene.util.AttributeImpl;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.util.ArrayUtil;

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

  private final int stemCacheWords;

  public NewsAnalyzer() {
    this(StemCache.MAX_WORDS);
  }

  /** An analyzer whose per-thread stem cache holds up to {@code stemCacheWords} words (0: none). */
  NewsAnalyzer(int stemCacheWords) {
    this.stemCacheWords = stemCacheWords;
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer source = newTokenizer();
    StemCache cache = new StemCache(stemCacheWords);
    TokenStream ts = foldedWords(source);
    ts = new RememberOriginal(ts, cache);
    ts = new KStemFilter(ts);
    ts = new ExactForms(ts, cache);
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

  /**
   * Lucene's default attribute factory, except that it creates {@link OriginalTermAttributeImpl}
   * itself: the default one finds implementations through a public lookup, which cannot reach this
   * package when Dateline runs as the module {@code dev.dateline} (the package is not exported).
   */
  static final AttributeFactory ATTRIBUTES =
      new AttributeFactory() {
        @Override
        public AttributeImpl createAttributeInstance(Class<? extends Attribute> attClass) {
          return attClass == OriginalTermAttribute.class
              ? new OriginalTermAttributeImpl()
              : TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY.createAttributeInstance(attClass);
        }
      };

  /** The tokenizer of every analyzed Dateline field. */
  static StandardTokenizer newTokenizer() {
    StandardTokenizer source = new StandardTokenizer(ATTRIBUTES);
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

  /**
   * The stems of words seen before, so that {@link KStemFilter} (a quarter of indexing time in
   * profiles: several dictionary lookups per word) runs once per distinct word rather than once
   * per occurrence. Word frequencies in news follow Zipf's law, so a few thousand entries cover most
   * tokens. One cache per token stream, hence per thread (Lucene reuses an analyzer's streams per
   * thread), so it needs no locking; it stops growing at {@value #MAX_WORDS} words, the
   * first seen, which for Zipf-distributed text are mostly the frequent ones.
   */
  static final class StemCache {
    static final int MAX_WORDS = 20_000;
    /** Value of a word the stemmer leaves as it is. */
    private static final char[] UNCHANGED = new char[0];

    private final CharArrayMap<char[]> stems = new CharArrayMap<>(1024, false);
    private final int maxWords;
    /** Whether the current token's stem came from the cache, so the stemmer skipped it. */
    boolean hit;

    StemCache(int maxWords) {
      this.maxWords = maxWords;
    }

    char[] get(char[] word, int length) {
      return stems.get(word, 0, length);
    }

    void put(char[] word, int wordLength, char[] stem, int stemLength) {
      if (stems.size() < maxWords) {
        boolean same = Arrays.equals(word, 0, wordLength, stem, 0, stemLength);
        stems.put(Arrays.copyOf(word, wordLength), same ? UNCHANGED : Arrays.copyOf(stem, stemLength));
      }
    }

    static boolean isUnchanged(char[] stem) {
      return stem == UNCHANGED;
    }
  }

  /**
   * Copies each token into {@link OriginalTermAttribute} before the stemmer changes it; a word
   * whose stem is cached gets it here and is marked as a keyword, which {@link KStemFilter} leaves
   * alone.
   */
  static final class RememberOriginal extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OriginalTermAttribute original = addAttribute(OriginalTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
    private final StemCache cache;

    RememberOriginal(TokenStream in, StemCache cache) {
      super(in);
      this.cache = cache;
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      char[] word = term.buffer();
      int length = term.length();
      original.setOriginal(word, length);
      char[] stem = cache.get(word, length);
      cache.hit = stem != null;
      if (cache.hit) {
        keyword.setKeyword(true);
        if (!StemCache.isUnchanged(stem)) {
          term.copyBuffer(stem, 0, stem.length);
        }
      }
      return true;
    }
  }

  /**
   * After a token the stemmer changed, emits its exact form at the same position and with the same
   * offsets and type; records new stems in the cache.
   *
   * <p>The exact form is built from values saved when the stemmed token went out, never from the
   * attributes as the consumer left them: a consumer may change attributes between calls (the
   * {@link TokenStream#incrementToken()} contract), and the unified highlighter does. When it
   * analyses a multi-valued field it shifts each token's offsets in place by the start of its value
   * in the joined text; an exact form that inherited the already-shifted offsets was shifted twice,
   * which misplaced highlights in every value but the first (and could point past the end of the
   * text).
   */
  static final class ExactForms extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OriginalTermAttribute original = addAttribute(OriginalTermAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
    private final StemCache cache;
    private boolean pending;
    /** The pending exact form: {@link #EXACT_MARK} and the unstemmed word. */
    private char[] exact = new char[32];
    private int exactLength;
    private int startOffset;
    private int endOffset;
    private String tokenType;

    ExactForms(TokenStream in, StemCache cache) {
      super(in);
      this.cache = cache;
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (pending) {
        pending = false;
        clearAttributes();
        term.copyBuffer(exact, 0, exactLength);
        posInc.setPositionIncrement(0);
        offset.setOffset(startOffset, endOffset);
        type.setType(tokenType);
        return true;
      }
      if (!input.incrementToken()) {
        return false;
      }
      if (cache.hit) {
        keyword.setKeyword(false);
      } else {
        cache.put(original.originalBuffer(), original.originalLength(), term.buffer(), term.length());
      }
      pending = !original.originalEquals(term.buffer(), term.length());
      if (pending) {
        int len = original.originalLength();
        exact = ArrayUtil.grow(exact, len + 1);
        exact[0] = EXACT_MARK;
        System.arraycopy(original.originalBuffer(), 0, exact, 1, len);
        exactLength = len + 1;
        startOffset = offset.startOffset();
        endOffset = offset.endOffset();
        tokenType = type.type();
      }
      return true;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      pending = false;
    }
  }
}
