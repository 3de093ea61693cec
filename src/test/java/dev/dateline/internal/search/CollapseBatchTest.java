package dev.dateline.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dateline.Article;
import dev.dateline.EntityExtractor;
import dev.dateline.NewsIndex;
import dev.dateline.SortOrder;
import dev.dateline.internal.index.Schema;
import dev.dateline.internal.story.StoryKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;

/**
 * Collapsing past the largest batch: a story with more members than a batch holds pushes the
 * listing into rounds that continue after the last match read; pages must still be the plain
 * listing with one hit per story.
 */
class CollapseBatchTest {

  @Test
  void listingPastTheLargestBatchIsThePlainListingWithOneHitPerStory() {
    Random r = new Random(5);
    Instant t0 = Instant.parse("2026-05-04T07:00:00Z");
    try (NewsIndex idx = NewsIndex.inMemory(NewsIndex.Options.builder()
        .entityExtractor(EntityExtractor.none()).stories(true).build())) {
      List<String> wire = body(r);
      // One story of 70 copies published within the hour, newest first in the listing, and 30
      // distinct stories around it.
      for (int c = 0; c < 70; c++) {
        idx.add(article("big" + c, t0.plusSeconds(40L * c), wire));
      }
      for (int s = 0; s < 30; s++) {
        idx.add(article("other" + s, t0.plus(Duration.ofMinutes(7L * s - 60)), body(r)));
      }
      idx.refresh();
      idx.withSearcher(searcher -> {
        ScoreDoc[] all = searcher.search(
            MatchAllDocsQuery.INSTANCE, 1000, Schema.sort(SortOrder.NEWEST)).scoreDocs;
        long[] keys = new long[all.length];
        StoryKeys.keysOf(searcher.getIndexReader(), all, keys);
        List<Integer> expected = new ArrayList<>();
        Set<Long> stories = new LinkedHashSet<>();
        for (int i = 0; i < all.length; i++) {
          if (stories.add(keys[i])) {
            expected.add(all[i].doc);
          }
        }
        assertThat(expected).hasSize(31);
        for (int pageSize : new int[] {1, 3, 7}) {
          List<Integer> seen = new ArrayList<>();
          FieldDoc after = null;
          while (true) {
            ScoreDoc[] heads = Collapse.page(searcher, MatchAllDocsQuery.INSTANCE, SortOrder.NEWEST,
                pageSize, after, -1, 16).heads();
            for (ScoreDoc h : heads) {
              seen.add(h.doc);
            }
            if (heads.length < pageSize) {
              break;
            }
            after = (FieldDoc) heads[heads.length - 1];
          }
          assertThat(seen).as("pages of %d", pageSize).containsExactlyElementsOf(expected);
        }
        return null;
      });
    }
  }

  private static List<String> body(Random r) {
    String[] words = "bank rates market oil talks court vote trade port grain".split(" ");
    List<String> out = new ArrayList<>();
    for (int p = 0; p < 4; p++) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 30; i++) {
        sb.append(i == 0 ? "" : " ").append(words[r.nextInt(words.length)]).append(r.nextInt(50));
      }
      out.add(sb.append('.').toString());
    }
    return out;
  }

  private static Article article(String id, Instant published, List<String> body) {
    return Article.builder().id(id).source("Wire").headline("About " + id).published(published)
        .body(body).build();
  }
}
