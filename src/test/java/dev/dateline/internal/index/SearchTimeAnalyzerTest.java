package dev.dateline.internal.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dateline.DatelineLucene;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The search-time analyzers ({@link DatelineLucene#textSearchAnalyzer()}, {@link
 * DatelineLucene#textPhraseAnalyzer()}) give the terms the query compiler searches for the same
 * text ({@link Schema#analyzeText}), at the positions the index analyzer gives those words.
 */
class SearchTimeAnalyzerTest {
  private static final String[] WORDS = {
    "officials", "official", "negotiated", "negotiating", "talks", "talk", "Hamas", "policies",
    "Russia's", "ZELENSKYY", "universities", "ran", "running", "2026", "U.S.", "ceasefire",
    "cease-fire", "the", "of", "strikes", "struck", "Kyiv's", "leaders", "élite", "a", "children",
    "troops", "Russian", "Russians", "Chinese", "news", "said", "during", "years", "prices", "oil"
  };

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 42, 1234567})
  void termsAndPositionsAreTheCompilers(long seed) {
    Random random = new Random(seed);
    Schema schema = new Schema(1_000_000);
    int exactForms = 0;
    try (Analyzer index = DatelineLucene.textAnalyzer();
        Analyzer words = DatelineLucene.textSearchAnalyzer();
        Analyzer phrases = DatelineLucene.textPhraseAnalyzer()) {
      for (int text = 0; text < 40; text++) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + random.nextInt(60);
        for (int i = 0; i < n; i++) {
          sb.append(i == 0 ? "" : random.nextInt(8) == 0 ? ". " : " ");
          sb.append(random.nextInt(15) == 0 ? randomWord(random) : WORDS[random.nextInt(WORDS.length)]);
        }
        String s = sb.toString();
        List<Token> w = tokens(words, s);
        List<Token> p = tokens(phrases, s);
        assertThat(w.stream().map(Token::term).toList()).as(s).isEqualTo(schema.analyzeText(s, false));
        assertThat(p.stream().map(Token::term).toList()).as(s).isEqualTo(schema.analyzeText(s, true));
        // The positions of the index analyzer's words (its first term at each position).
        List<Integer> positions = new ArrayList<>();
        for (Token t : tokens(index, s)) {
          if (positions.isEmpty() || t.position() != positions.get(positions.size() - 1)) {
            positions.add(t.position());
          }
        }
        assertThat(w.stream().map(Token::position).toList()).as(s).isEqualTo(positions);
        assertThat(p.stream().map(Token::position).toList()).as(s).isEqualTo(positions);
        exactForms += (int) p.stream().filter(t -> NewsAnalyzer.isExactForm(t.term())).count();
        assertThat(w).noneMatch(t -> NewsAnalyzer.isExactForm(t.term()));
      }
    }
    assertThat(exactForms).as("phrases use exact forms").isPositive();
  }

  private record Token(String term, int position) {}

  private static List<Token> tokens(Analyzer a, String text) {
    List<Token> out = new ArrayList<>();
    try (TokenStream ts = a.tokenStream("body", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      int position = -1;
      while (ts.incrementToken()) {
        position += inc.getPositionIncrement();
        out.add(new Token(term.toString(), position));
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static String randomWord(Random random) {
    char[] c = new char[1 + random.nextInt(12)];
    for (int i = 0; i < c.length; i++) {
      c[i] = (char) ('a' + random.nextInt(26));
    }
    return new String(c);
  }
}
