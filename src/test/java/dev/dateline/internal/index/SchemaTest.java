package dev.dateline.internal.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dateline.Article;
import dev.dateline.Entity;
import dev.dateline.EntityType;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.junit.jupiter.api.Test;

class SchemaTest {
  private final Schema schema = new Schema(2000);

  @Test
  void textAnalysisFoldsCaseDiacriticsQuotesAndPossessives() {
    assertThat(schema.analyze("body", "Russia’s ZELENSKYY Zélenskyy “talks”", false))
        .containsExactly("russia", "zelenskyy", "zelenskyy", "talk");
  }

  @Test
  void stemmingIsLightAndExactFormsAreKeptForPhrases() {
    assertThat(schema.analyze("body", "officials negotiated", false)).containsExactly("official", "negotiate");
    assertThat(schema.analyze("body", "officials negotiated", true)).containsExactly("=officials", "=negotiated");
    assertThat(schema.analyze("body", "university universe general generous", false))
        .containsExactly("university", "universe", "general", "generous");
    assertThat(schema.analyze("body", "Hamas", true)).containsExactly("=hamas");
  }

  @Test
  void nameAnalysisDropsHonorificsAndFoldsTransliterations() {
    assertThat(schema.analyze("person", "Mr Zelenskyy", false)).containsExactly("zelensky");
    assertThat(schema.analyze("person", "Volodymyr Zelenskiy", false)).containsExactly("volodymyr", "zelensky");
    assertThat(schema.analyze("person", "Dr. Dmitriy Peskov", false)).containsExactly("dmitry", "peskov");
  }

  @Test
  void articleMapsToTypedFields() throws IOException {
    Article a =
        Article.builder()
            .id("x")
            .headline("Headline")
            .body(List.of("Body"))
            .dateline("KYIV")
            .credits(List.of("Reuters"))
            .published(Instant.parse("2026-02-04T00:00:00Z"))
            .entities(List.of(new Entity(EntityType.PERSON, "Volodymyr Zelensky", List.of("Zelenskyy"), 2)))
            .build();
    Document doc = schema.toDocument(a);
    List<IndexableField> published = Arrays.asList(doc.getFields(Schema.PUBLISHED));
    assertThat(published).anySatisfy(f -> assertThat(f.fieldType().pointDimensionCount()).isEqualTo(1));
    assertThat(published).anySatisfy(f -> assertThat(f.fieldType().docValuesType()).isEqualTo(DocValuesType.SORTED_NUMERIC));
    // Read back from the hit summary, not stored twice.
    assertThat(published).noneSatisfy(f -> assertThat(f.fieldType().stored()).isTrue());
    assertThat(doc.getFields("person")).extracting(IndexableField::stringValue)
        .containsExactly("Volodymyr Zelensky", "Zelenskyy");
    assertThat(doc.getFields("place")).extracting(IndexableField::stringValue).containsExactly("KYIV");
    assertThat(doc.getFields("org")).extracting(IndexableField::stringValue).containsExactly("Reuters");
    assertThat(doc.getField("headline").fieldType().indexOptions())
        .isEqualTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
    assertThat(indexedAndReadBack(schema, List.of(a))).containsExactly(a);
  }

  /** Adds the articles to an index and reads each back as {@code NewsIndex.get} does. */
  private static List<Article> indexedAndReadBack(Schema schema, List<Article> articles) throws IOException {
    try (Directory dir = new ByteBuffersDirectory();
        IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(schema.analyzer()))) {
      for (Article a : articles) {
        w.addDocument(schema.toDocument(a));
      }
      w.commit();
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        List<Article> out = new ArrayList<>();
        for (int d = 0; d < reader.maxDoc(); d++) {
          out.add(Schema.article(searcher, d));
        }
        return out;
      }
    }
  }

  /**
   * What the hit summary holds is not stored again, and what it had to cut is: an article reads
   * back equal whether its values fit a summary or not (long headline, url, source, section and
   * byline; more than 100 entities, more than 10 aliases), and only the values a
   * summary cannot hold are in the stored fields.
   */
  @Test
  void valuesTheHitSummaryHoldsAreStoredOnlyWhenItCutsThem() throws IOException {
    String longText = "word ".repeat(300).strip();
    List<Entity> many = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      many.add(new Entity(EntityType.PERSON, "Person " + i, List.of(), 1));
    }
    List<String> aliases = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      aliases.add("Alias " + i);
    }
    Article plain = Article.builder().id("plain").url("https://example.com/a").source("Daily").section("World")
        .headline("Talks resume").byline("By A. Writer").body(List.of("Body text."))
        .published(Instant.parse("2026-02-04T10:15:30.123Z"))
        .entities(List.of(new Entity(EntityType.PLACE, "Kyiv", List.of("Kiev"), 3))).build();
    List<Article> articles = List.of(
        plain,
        Article.builder().id("long").url("https://example.com/" + "x".repeat(1200)).source("S" + longText)
            .section("T" + longText).headline("H" + longText).byline("B" + longText).body(List.of("Body."))
            .entities(many).build(),
        Article.builder().id("aliases").headline("Aliases").entities(List.of(
            new Entity(EntityType.ORG, "Org", aliases, 2),
            new Entity(EntityType.PERSON, "Person", List.of(), 1))).build(),
        // Headline within a summary's length but cut by the index's own limit (2,000 chars here).
        Article.builder().id("cut").headline("word ".repeat(500)).body(List.of("Body.")).build());
    List<Article> back = indexedAndReadBack(schema, articles);
    assertThat(back.subList(0, 3)).isEqualTo(articles.subList(0, 3));
    assertThat(back.get(3).headline()).isEqualTo(schema.truncate(articles.get(3).headline()));

    Document doc = schema.toDocument(plain);
    for (String f : List.of(Schema.ID, Schema.URL, Schema.SOURCE, Schema.SECTION, "headline", "byline",
        Schema.PUBLISHED, Schema.ENTITIES)) {
      assertThat(doc.getFields(f)).as(f).noneSatisfy(v -> assertThat(v.fieldType().stored()).isTrue());
    }
    assertThat(doc.getFields("body")).allSatisfy(v -> assertThat(v.fieldType().stored()).isTrue());
    Document cut = schema.toDocument(articles.get(1));
    for (String f : List.of(Schema.URL, Schema.SOURCE, Schema.SECTION, "headline", "byline", Schema.ENTITIES)) {
      assertThat(cut.getFields(f)).as(f).anySatisfy(v -> assertThat(v.fieldType().stored()).isTrue());
    }
  }

  @Test
  void overlongValuesAreTruncatedAtAWordBoundary() {
    String longBody = "word ".repeat(1000);
    String stored = schema.toDocument(Article.builder().id("x").body(List.of(longBody)).build()).get("body");
    assertThat(stored.length()).isLessThanOrEqualTo(2000).isGreaterThan(1000);
    assertThat(stored).endsWith("word");
  }
}
