package dev.dateline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Whatever heap facet counts may keep ({@link NewsIndex.Options.Builder#facetMemoryMb}), counts
 * and histograms are the same: with none (always from the doc values), with room for some
 * segments only, and with the default.
 */
class FacetMemoryTest {
  private static final Instant FROM = Instant.parse("2026-03-20T00:00:00Z");

  @Test
  void countsDoNotDependOnTheFacetMemory() {
    Random r = new Random(7);
    List<Article> articles = new java.util.ArrayList<>();
    for (int i = 0; i < 600; i++) {
      articles.add(FacetCountsPropertyTest.randomArticle(r, i, FROM, Duration.ofDays(20).toMillis()));
    }
    FacetRequest request = FacetRequest.builder()
        .dimensions(FacetDimension.SOURCE, FacetDimension.PERSON, FacetDimension.PLACE, FacetDimension.TAG)
        .histogram(DateInterval.DAY)
        .zone(ZoneId.of("Europe/Berlin"))
        .build();
    NewsQuery all = NewsQuery.builder().build();
    NewsQuery story = NewsQuery.builder().text("zork").build();
    Facets[] expected = null;
    for (double mb : new double[] {0, 0.004, NewsIndex.Options.defaults().facetMemoryMb()}) {
      NewsIndex.Options options = NewsIndex.Options.builder()
          .entityExtractor(EntityExtractor.none()).facetMemoryMb(mb).build();
      try (NewsIndex index = NewsIndex.inMemory(options)) {
        for (int i = 0; i < articles.size(); i++) {
          index.add(articles.get(i));
          if (i % 150 == 149) {
            index.refresh(); // several segments
          }
        }
        index.refresh();
        Facets[] got = {index.facets(all, request), index.facets(story, request)};
        assertThat(got[0].matches()).isEqualTo(articles.size());
        assertThat(got[0].histogram().buckets()).hasSizeGreaterThan(15);
        if (expected == null) {
          expected = got;
        } else {
          assertThat(got).as("facet memory %s MB", mb).containsExactly(expected);
        }
      }
    }
  }

  @Test
  void theLimitIsAnEighthOfTheHeapUnlessSet_andNotNegative() {
    assertThat(NewsIndex.Options.defaults().facetMemoryMb())
        .isEqualTo(Runtime.getRuntime().maxMemory() / 8.0 / (1024 * 1024));
    assertThat(NewsIndex.Options.builder().facetMemoryMb(0).build().facetMemoryMb()).isZero();
    assertThatThrownBy(() -> NewsIndex.Options.builder().facetMemoryMb(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("facetMemoryMb");
    assertThatThrownBy(() -> NewsIndex.Options.builder().facetMemoryMb(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
