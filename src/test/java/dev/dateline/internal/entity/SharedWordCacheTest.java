package dev.dateline.internal.entity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dateline.Article;
import dev.dateline.EntityExtractor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The tagger's word cache is shared by all threads without locks: extraction on several threads
 * at once, with far more distinct words than the cache holds (so threads overwrite each other's
 * slots all the time), gives exactly what one thread gives.
 */
class SharedWordCacheTest {

  @Test
  void extractionOnManyThreadsAtOnceEqualsOneThread() throws Exception {
    Random random = new Random(42);
    List<Article> articles = new ArrayList<>();
    for (int a = 0; a < 120; a++) {
      List<String> body = new ArrayList<>();
      for (int p = 0; p < 4; p++) {
        StringBuilder text = new StringBuilder();
        for (int s = 0; s < 4; s++) {
          text.append(name(random)).append(' ').append(name(random)).append(" told ")
              .append(name(random)).append(" Corp in ").append(name(random))
              .append(" on Monday that talks with Mr ").append(name(random)).append(" went well. ");
        }
        body.add(text.toString().strip());
      }
      articles.add(Article.builder().id("a" + a).headline(name(random) + " wins").body(body).build());
    }
    EntityExtractor extractor = EntityExtractor.standard();
    List<String> expected = new ArrayList<>();
    for (Article a : articles) {
      expected.add(extractor.extract(a).toString());
    }

    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> runs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t * 31;
        runs.add(pool.submit(() -> {
          String[] got = new String[articles.size()];
          for (int round = 0; round < 3; round++) {
            for (int k = 0; k < articles.size(); k++) {
              int i = (k + offset) % articles.size();
              got[i] = extractor.extract(articles.get(i)).toString();
            }
          }
          return List.of(got);
        }));
      }
      for (Future<List<String>> run : runs) {
        assertThat(run.get()).containsExactlyElementsOf(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** A capitalised made-up word: most are new to the cache. */
  private static String name(Random random) {
    String[] syllables =
        {"ka", "lo", "vri", "zen", "dar", "mu", "tse", "bor", "ni", "quel", "sha", "per", "gu", "fi"};
    StringBuilder b = new StringBuilder();
    for (int i = 0, n = 3 + random.nextInt(2); i < n; i++) {
      b.append(syllables[random.nextInt(syllables.length)]);
    }
    return Character.toUpperCase(b.charAt(0)) + b.substring(1);
  }
}
