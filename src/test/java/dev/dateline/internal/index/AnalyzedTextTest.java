package dev.dateline.internal.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dateline.Article;
import dev.dateline.SearchField;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * A text value is analysed once and its tokens replayed for each copy indexed ({@link
 * AnalyzedText}): the replay must be the analysis itself, token for token, and the index built
 * from replays must be the index built by analysing every copy, as before format 4.
 */
class AnalyzedTextTest {
  private static final String[] WORDS = {
    "Russians", "talked", "naïve", "Kyiv’s", "policies", "the", "U.S.", "officials’", "2024",
    "negotiations", "e-mail", "co-operate", "résumé", "AT&T", "don't", "Zelenskiy", "ran", "running"
  };

  @Test
  void aReplayIsTheAnalysisTokenForToken() throws IOException {
    Random random = new Random(12);
    try (Analyzer analyzer = new NewsAnalyzer()) {
      for (int i = 0; i < 300; i++) {
        String text = randomText(random);
        AnalyzedText analyzed = AnalyzedText.of(analyzer, "body", text);
        List<String> direct = tokens(analyzer.tokenStream("body", text));
        List<String> first = tokens(analyzed.stream());
        List<String> second = tokens(analyzed.stream());
        assertThat(first).as(text).isEqualTo(direct);
        assertThat(second).as(text).isEqualTo(direct);
      }
    }
  }

  @Test
  void theCombinedFieldIndexesEachCopyAsIfAnalysedAgain() throws IOException {
    Random random = new Random(7);
    Schema schema = new Schema(100_000);
    try (ByteBuffersDirectory replayed = new ByteBuffersDirectory();
        ByteBuffersDirectory analysed = new ByteBuffersDirectory()) {
      try (IndexWriter r = new IndexWriter(replayed, new IndexWriterConfig(schema.analyzer()));
          IndexWriter a = new IndexWriter(analysed, new IndexWriterConfig(schema.analyzer()))) {
        for (int i = 0; i < 40; i++) {
          Article article = Article.builder().id("a" + i)
              .headline(randomText(random))
              .bullets(List.of(randomText(random), randomText(random)))
              .body(List.of(randomText(random), randomText(random), randomText(random)))
              .byline(randomText(random))
              .published(Instant.parse("2024-01-01T00:00:00Z"))
              .build();
          Document doc = schema.toDocument(article);
          r.addDocument(doc);
          a.addDocument(reanalysed(doc));
        }
      }
      try (DirectoryReader r = DirectoryReader.open(replayed); DirectoryReader a = DirectoryReader.open(analysed)) {
        for (SearchField f : SearchField.values()) {
          assertThat(postings(r, Schema.field(f))).as(f.key()).isEqualTo(postings(a, Schema.field(f)));
        }
        assertThat(postings(r, Schema.ALL_TEXT)).isEqualTo(postings(a, Schema.ALL_TEXT));
        LeafReader leaf = r.leaves().get(0).reader();
        assertThat(leaf.getFieldInfos().fieldInfo(Schema.field(SearchField.BODY)).getIndexOptions())
            .isEqualTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        assertThat(leaf.getFieldInfos().fieldInfo(Schema.field(SearchField.BULLETS)).getIndexOptions())
            .isEqualTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        assertThat(leaf.getFieldInfos().fieldInfo(Schema.field(SearchField.HEADLINE)).getIndexOptions())
            .isEqualTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
      }
    }
  }

  /**
   * The document with the text fields' token streams replaced by fields of their texts, which the
   * writer analyses: each stored value in its field, and in the combined field by its weight.
   */
  private static Document reanalysed(Document doc) {
    Document plain = new Document();
    for (IndexableField f : doc) {
      if (!isText(f.name()) || f.fieldType().indexOptions() == IndexOptions.NONE) {
        plain.add(f);
      }
    }
    return rebuild(doc, plain);
  }

  private static boolean isText(String name) {
    for (SearchField f : SearchField.values()) {
      if (Schema.field(f).equals(name)) {
        return true;
      }
    }
    return name.equals(Schema.ALL_TEXT);
  }

  /** Adds, for each replayed token-stream field of {@code doc}, a field of the text it replays. */
  private static Document rebuild(Document doc, Document plain) {
    // Texts of each text field's own values in order (stored or not: the headline and byline are
    // read from the hit summary); the combined field repeats them by weight.
    java.util.Map<String, List<String>> stored = new java.util.LinkedHashMap<>();
    for (IndexableField f : doc) {
      if (isText(f.name()) && !f.name().equals(Schema.ALL_TEXT)) {
        stored.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(f.stringValue());
      }
    }
    for (java.util.Map.Entry<String, List<String>> e : stored.entrySet()) {
      boolean offsets = e.getKey().equals(Schema.field(SearchField.BODY))
          || e.getKey().equals(Schema.field(SearchField.BULLETS));
      org.apache.lucene.document.FieldType type = new org.apache.lucene.document.FieldType(
          org.apache.lucene.document.TextField.TYPE_NOT_STORED);
      if (offsets) {
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
      }
      for (String v : e.getValue()) {
        plain.add(new org.apache.lucene.document.Field(e.getKey(), v, type));
      }
    }
    for (SearchField f : SearchField.values()) {
      for (int c = 0; c < Schema.weight(f); c++) {
        for (String v : stored.getOrDefault(Schema.field(f), List.of())) {
          plain.add(new org.apache.lucene.document.TextField(Schema.ALL_TEXT, v,
              org.apache.lucene.document.Field.Store.NO));
        }
      }
    }
    return plain;
  }

  /** Every term of the field with its documents, frequencies, positions and offsets. */
  private static List<String> postings(DirectoryReader reader, String field) throws IOException {
    List<String> out = new ArrayList<>();
    for (var ctx : reader.leaves()) {
      Terms terms = ctx.reader().terms(field);
      if (terms == null) {
        continue;
      }
      TermsEnum te = terms.iterator();
      for (BytesRef t = te.next(); t != null; t = te.next()) {
        PostingsEnum pe = te.postings(null, PostingsEnum.ALL);
        StringBuilder sb = new StringBuilder(t.utf8ToString()).append(':');
        for (int d = pe.nextDoc(); d != PostingsEnum.NO_MORE_DOCS; d = pe.nextDoc()) {
          sb.append(' ').append(d).append('x').append(pe.freq());
          for (int i = 0; i < pe.freq(); i++) {
            sb.append(' ').append(pe.nextPosition()).append('@').append(pe.startOffset()).append('-').append(pe.endOffset());
          }
        }
        out.add(sb.toString());
      }
    }
    return out;
  }

  private static String randomText(Random random) {
    StringBuilder sb = new StringBuilder();
    int n = 1 + random.nextInt(25);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(random.nextInt(6) == 0 ? ", " : random.nextInt(8) == 0 ? ".  " : " ");
      }
      sb.append(WORDS[random.nextInt(WORDS.length)]);
    }
    return sb.toString();
  }

  private static List<String> tokens(TokenStream stream) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = stream) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute posInc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term + " " + offset.startOffset() + "-" + offset.endOffset() + " +" + posInc.getPositionIncrement());
      }
      ts.end();
      out.add("end " + offset.endOffset() + " +" + posInc.getPositionIncrement());
    }
    return out;
  }
}
