package dev.dateline.internal.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dateline.Article;
import dev.dateline.Entity;
import dev.dateline.EntityType;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.document.Document;
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
  void articleMapsToTypedFields() {
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
    assertThat(published).anySatisfy(f -> assertThat(f.fieldType().stored()).isTrue());
    assertThat(doc.getFields("person")).extracting(IndexableField::stringValue)
        .containsExactly("Volodymyr Zelensky", "Zelenskyy");
    assertThat(doc.getFields("place")).extracting(IndexableField::stringValue).containsExactly("KYIV");
    assertThat(doc.getFields("org")).extracting(IndexableField::stringValue).containsExactly("Reuters");
    assertThat(doc.getField("headline").fieldType().indexOptions())
        .isEqualTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
    assertThat(Schema.toArticle(doc)).isEqualTo(a);
  }

  @Test
  void overlongValuesAreTruncatedAtAWordBoundary() {
    String longBody = "word ".repeat(1000);
    String stored = schema.toDocument(Article.builder().id("x").body(List.of(longBody)).build()).get("body");
    assertThat(stored.length()).isLessThanOrEqualTo(2000).isGreaterThan(1000);
    assertThat(stored).endsWith("word");
  }
}
