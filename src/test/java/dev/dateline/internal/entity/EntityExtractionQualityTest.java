package dev.dateline.internal.entity;

import static org.assertj.core.api.Assertions.assertThat;
import dev.dateline.testsupport.RequiresSharedCorpora;

import dev.dateline.EntityType;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the standard extractor on the hand-annotated articles in {@code
 * fixtures/entities/}. Prints the table; {@link EvaluateExtraction#main} also lists every miss.
 */
@RequiresSharedCorpora
class EntityExtractionQualityTest {
  private static final double MIN_PRECISION = 0.85;
  private static final double MIN_RECALL = 0.75;

  @Test
  void peopleAndPlacesMeetThePrecisionAndRecallTargets() {
    EvaluateExtraction.Report report = EvaluateExtraction.evaluate();
    System.out.print(EvaluateExtraction.table(report));
    for (EntityType type : new EntityType[] {EntityType.PERSON, EntityType.PLACE}) {
      EvaluateExtraction.Score s = report.scores().get(type);
      assertThat(s.precision()).as("%s precision", type.key()).isGreaterThanOrEqualTo(MIN_PRECISION);
      assertThat(s.recall()).as("%s recall", type.key()).isGreaterThanOrEqualTo(MIN_RECALL);
    }
    assertThat(report.scores().get(EntityType.ORG).truePositives()).isPositive();
  }
}
