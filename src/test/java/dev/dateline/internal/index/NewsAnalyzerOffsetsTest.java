package dev.dateline.internal.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.junit.jupiter.api.Test;

/**
 * The exact forms {@link NewsAnalyzer} adds after stemmed words carry the offsets of the word, even
 * when the consumer changes the attributes between calls, as the unified highlighter does when it
 * shifts the offsets of each value of a multi-valued field.
 */
class NewsAnalyzerOffsetsTest {

  @Test
  void exactFormsHaveTheOffsetsOfTheirWord() throws IOException {
    try (Analyzer analyzer = new NewsAnalyzer()) {
      assertThat(tokens(analyzer, "Russians talked", false))
          .containsExactly(
              "russian 0-8 +1 <ALPHANUM>", "=russians 0-8 +0 <ALPHANUM>",
              "talk 9-15 +1 <ALPHANUM>", "=talked 9-15 +0 <ALPHANUM>");
    }
  }

  @Test
  void exactFormsIgnoreWhatTheConsumerDidToTheStemmedToken() throws IOException {
    String text = "y Russian officials’ talks, naïve Kyiv’s policies";
    try (Analyzer analyzer = new NewsAnalyzer()) {
      List<String> untouched = tokens(analyzer, text, false);
      List<String> scribbled = tokens(analyzer, text, true);
      assertThat(scribbled).isEqualTo(untouched);
      assertThat(untouched).contains("=officials 10-19 +0 <ALPHANUM>", "=policies 41-49 +0 <ALPHANUM>");
    }
  }

  /**
   * Each token as "term start-end +posInc type", read before the consumer touches it. With {@code
   * scribble}, the consumer then changes every attribute, as a consumer may.
   */
  private static List<String> tokens(Analyzer analyzer, String text, boolean scribble) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("body", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute posInc = ts.addAttribute(PositionIncrementAttribute.class);
      TypeAttribute type = ts.addAttribute(TypeAttribute.class);
      KeywordAttribute keyword = ts.addAttribute(KeywordAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term + " " + offset.startOffset() + "-" + offset.endOffset() + " +"
            + posInc.getPositionIncrement() + " " + type.type());
        if (scribble) {
          offset.setOffset(offset.startOffset() + 1000, offset.endOffset() + 1000);
          posInc.setPositionIncrement(posInc.getPositionIncrement() + 100);
          type.setType("scribbled");
          keyword.setKeyword(true);
          term.setEmpty().append("scribbled");
        }
      }
      ts.end();
    }
    return out;
  }
}
