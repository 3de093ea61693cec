package dev.dateline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The writer's RAM buffer: its default follows the heap, and its size decides how many segments a load writes. */
class WriteBufferTest {
  private static final long MB = 1024 * 1024;

  @Test
  void theDefaultIsATenthOfTheHeapBetween64And256Megabytes() {
    assertThat(NewsIndex.Options.defaultRamBufferMb(256 * MB)).isEqualTo(64);
    assertThat(NewsIndex.Options.defaultRamBufferMb(1024 * MB)).isEqualTo(102.4);
    assertThat(NewsIndex.Options.defaultRamBufferMb(4096 * MB)).isEqualTo(256);
    assertThat(NewsIndex.Options.defaultRamBufferMb(Long.MAX_VALUE)).isEqualTo(256); // no limit
    assertThat(NewsIndex.Options.defaults().ramBufferMb())
        .isEqualTo(NewsIndex.Options.defaultRamBufferMb(Runtime.getRuntime().maxMemory()));
    assertThat(NewsIndex.Options.builder().ramBufferMb(8).build().ramBufferMb()).isEqualTo(8);
  }

  @Test
  void aLargerBufferWritesFewerSegments() {
    assertThat(segmentsAfterLoad(64)).isEqualTo(1);
    assertThat(segmentsAfterLoad(1)).isGreaterThan(1);
  }

  /** Segments after 1,500 articles of ~2 KB each (about 3 MB of text) and a commit, no merging. */
  private static int segmentsAfterLoad(double ramBufferMb) {
    NewsIndex.Options options = NewsIndex.Options.builder()
        .entityExtractor(EntityExtractor.none()).ramBufferMb(ramBufferMb).build();
    Random random = new Random(7);
    try (NewsIndex index = NewsIndex.inMemory(options)) {
      for (int i = 0; i < 1500; i++) {
        StringBuilder body = new StringBuilder();
        for (int w = 0; w < 300; w++) {
          body.append("w").append(random.nextInt(20_000)).append(' ');
        }
        index.add(Article.builder().id("a" + i).source("Wire").headline("Story " + i)
            .bodyText(body.toString()).build());
      }
      index.commit();
      index.refresh();
      return index.withSearcher(s -> s.getIndexReader().leaves().size());
    }
  }
}
