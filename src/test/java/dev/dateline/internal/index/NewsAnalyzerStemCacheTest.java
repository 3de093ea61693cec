package dev.dateline.internal.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The stem cache is an optimisation only: with or without it, every token is the same. */
class NewsAnalyzerStemCacheTest {
  /**
   * Inflected and uninflected words, names the stemmer touches, possessives, numbers, accents,
   * words each stemming step handles (plurals and -ing forms KStem leaves, nationalities).
   */
  private static final String[] WORDS = {
    "officials", "official", "negotiated", "negotiating", "talks", "talk", "Hamas", "Hama",
    "policies", "Russia's", "Russia’s", "ZELENSKYY", "Zélenskyy", "universities", "generous",
    "ran", "running", "2026", "U.S.", "ceasefire", "cease-fire", "the", "of", "strikes", "struck",
    "Kyiv", "Kyiv's", "leaders", "élite", "naïve", "é", "a", "children", "mice", "analyses",
    "troops", "relations", "facing", "meetings", "Russian", "Russians", "russia", "Chinese", "news",
    "crisis", "during", "years"
  };

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 42, 1234567})
  void cachedStemsGiveTheSameTokensAsStemmingEveryWord(long seed) {
    Random random = new Random(seed);
    try (Analyzer uncached = new NewsAnalyzer(0);
        Analyzer cached = new NewsAnalyzer();
        Analyzer tiny = new NewsAnalyzer(3)) {
      for (int text = 0; text < 50; text++) {
        StringBuilder sb = new StringBuilder();
        int words = 1 + random.nextInt(200);
        for (int i = 0; i < words; i++) {
          sb.append(i == 0 ? "" : random.nextInt(10) == 0 ? ". " : " ");
          sb.append(random.nextInt(20) == 0 ? randomWord(random) : WORDS[random.nextInt(WORDS.length)]);
        }
        String s = sb.toString();
        List<String> expected = tokens(uncached, s);
        assertThat(tokens(cached, s)).as(s).isEqualTo(expected);
        assertThat(tokens(tiny, s)).as("cache full: %s", s).isEqualTo(expected);
      }
    }
  }

  private static String randomWord(Random random) {
    char[] c = new char[1 + random.nextInt(12)];
    for (int i = 0; i < c.length; i++) {
      c[i] = (char) ('a' + random.nextInt(26));
    }
    return new String(c) + (random.nextBoolean() ? "s" : random.nextBoolean() ? "ed" : "");
  }

  /** Every attribute a consumer of the stream sees, one string per token. */
  private static List<String> tokens(Analyzer analyzer, String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("body", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute posInc = ts.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      TypeAttribute type = ts.addAttribute(TypeAttribute.class);
      KeywordAttribute keyword = ts.addAttribute(KeywordAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term + " +" + posInc.getPositionIncrement() + " " + offset.startOffset() + "-"
            + offset.endOffset() + " " + type.type() + (keyword.isKeyword() ? " keyword" : ""));
      }
      ts.end();
      out.add("end " + offset.endOffset() + " +" + posInc.getPositionIncrement());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
