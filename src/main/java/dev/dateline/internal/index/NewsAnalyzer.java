package dev.dateline.internal.index;

import java.io.IOException;
import java.util.Arrays;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.CharArraySet;
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
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ConditionalTokenFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter.StemmerOverrideMap;
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
 *   <li>Nationalities ({@link StemmerOverrideFilter}): "Russian", "Russians", "Chinese", "Israeli"
 *       stay themselves. KStem on its own maps them to the country ("russian" to "russia"), so
 *       {@code talks -russia} also dropped articles that only say "Russian" and {@code russian}
 *       could not be told from {@code russia}. A word is what was written: a search for
 *       {@code russia} does not find "Russian" (search {@code russia OR russian}, or filter with
 *       {@code place:russia}, which knows what an article is about). Measured on TIME: this costs
 *       0.007 MAP on long topics and 0.013 on short ones (benchmarks/results/relevance/RESULTS.md).
 *   <li>{@link KStemFilter}: light, dictionary-checked stemming ("officials" = "official",
 *       "policies" = "policy", "negotiated" = "negotiate"). Chosen over Porter, whose suffix
 *       stripping conflates unrelated words ("university"/"universe", "general"/"generous",
 *       "organization"/"organ") that KStem keeps apart because it only stems to words in its
 *       dictionary. Like any stemmer it still touches some names ("Hamas" and "Hama" share a
 *       stem); the exact forms below let a quoted query avoid that.
 *   <li>Plurals KStem leaves: KStem returns any word listed in its dictionary unchanged, and its
 *       dictionary lists many plurals and -ing nouns as words of their own ("talks", "troops",
 *       "relations", "years", "days", "facing", "meeting", "briefing"). A word that still ends in
 *       -s goes through {@link EnglishMinimalStemFilter} ("talks" = "talk", "troops" = "troop"),
 *       except words ending in -is, -as, -os ("crisis", "Texas", "Laos") and a short list of
 *       words that are not plurals ("news", "its", "series").
 *   <li>-ing forms KStem leaves: a word that still ends in -ing goes through {@link
 *       PorterStemFilter} ("facing" = "face", "meeting" = "meet", "briefing" = "brief"), except
 *       words of five letters or fewer ("thing", "being") and a few that are not verb forms
 *       ("during", "evening", "morning", "nothing").
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
    ts = stems(ts);
    ts = new ExactForms(ts, cache);
    return new TokenStreamComponents(source, ts);
  }

  /**
   * Nationality adjectives and demonyms, which {@link KStemFilter} would turn into their country
   * ("russian" into "russia"): mapped to themselves (plurals to the singular) and marked as
   * keywords, so no later stemmer touches them. The list is KStem's own country table, adjectives
   * only.
   */
  private static final StemmerOverrideMap NATIONALITIES = nationalities();

  /**
   * Words the plural and -ing steps must leave alone: function words and nouns whose "plural" or
   * "-ing" form is another word ("news" is not "new", "its" is not "it", "evening" is not "even").
   */
  private static final CharArraySet KEEP =
      new CharArraySet(
          List.of(
              "news", "its", "yes", "ups", "ours", "yours", "theirs", "hers", "mrs", "des", "les",
              "arms", "goods", "odds", "series", "species", "during", "evening", "morning",
              "nothing", "something", "anything", "everything"),
          false);

  private static StemmerOverrideMap nationalities() {
    String words =
        "afghan african albanian algerian american andorran angolan arabian argentine armenian"
            + " asian australian austrian azerbaijani azeri bangladeshi belgian bermudan bolivian"
            + " bosnian botswanan brazilian british bulgarian burmese californian cambodian canadian"
            + " chadian chilean chinese colombian croat croatian cuban cypriot czechoslovakian danish"
            + " egyptian equadorian eritrean estonian ethiopian european fijian filipino finnish"
            + " french gambian georgian german ghanian greek grenadan guamian guatemalan guinean"
            + " guyanan haitian hawaiian honduran hungarian icelandic indonesian iranian iraqi iraqui"
            + " irish israeli italian jamaican japanese jordanian kampuchean kenyan korean kuwaiti"
            + " lankan laotian latvian lebanese liberian libyan lithuanian macedonian madagascan"
            + " malaysian maltese mauritanian mexican micronesian moldovan monacan mongolian"
            + " montenegran moroccan namibian nepalese nicaraguan nigerian norwegian omani pakistani"
            + " panamanian papuan paraguayan peruvian portuguese romanian rumanian russian rwandan"
            + " samoan scottish serb serbian slovakian slovenian somali somalian spanish swedish"
            + " swiss syrian taiwanese tanzanian texan thai tunisian turkish ugandan ukrainian"
            + " uruguayan uzbek venezuelan vietnamese virginian yemeni yugoslav yugoslavian zambian"
            + " zealander zimbabwean";
    StemmerOverrideFilter.Builder builder = new StemmerOverrideFilter.Builder(false);
    for (String w : words.split(" ")) {
      builder.add(w, w);
      if (!w.endsWith("sh") && !w.endsWith("ch") && !w.endsWith("ese") && !w.endsWith("ss")) {
        builder.add(w + "s", w); // "russians", "iraqis"
      }
    }
    try {
      return builder.build();
    } catch (IOException e) {
      throw new UncheckedIOException("building an in-memory map failed", e);
    }
  }

  /**
   * Steps 4 to 7 of the class documentation. Every step leaves keywords alone: nationalities and
   * words whose stem came from the cache.
   */
  static TokenStream stems(TokenStream ts) {
    ts = new StemmerOverrideFilter(ts, NATIONALITIES);
    ts = new KStemFilter(ts);
    ts = new ConditionalTokenFilter(ts, EnglishMinimalStemFilter::new) {
      private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

      @Override
      protected boolean shouldFilter() {
        int n = term.length();
        if (n < 4 || term.charAt(n - 1) != 's') {
          return false;
        }
        char c = term.charAt(n - 2); // "crisis", "texas", "laos" are not plurals
        return c != 'i' && c != 'a' && c != 'o' && !KEEP.contains(term.buffer(), 0, n);
      }
    };
    ts = new ConditionalTokenFilter(ts, PorterStemFilter::new) {
      private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

      @Override
      protected boolean shouldFilter() {
        int n = term.length();
        return n > 5 && term.charAt(n - 3) == 'i' && term.charAt(n - 2) == 'n'
            && term.charAt(n - 1) == 'g' && !KEEP.contains(term.buffer(), 0, n);
      }
    };
    return ts;
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
   * The stems of words seen before, so that the stemming steps ({@link KStemFilter} alone was a
   * quarter of indexing time in profiles: several dictionary lookups per word) run once per
   * distinct word rather than once
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
   * whose stem is cached gets it here and is marked as a keyword, which every stemming step leaves
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
   * offsets and type; records new stems in the cache. Clears the keyword flag the cache or the
   * nationality step set, so consumers see the same tokens whether the stem was cached or not.
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
      keyword.setKeyword(false);
      if (!cache.hit) {
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
