package dev.dateline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link NewsIndex#forceMerge}: fewer segments, the same answers. */
class ForceMergeTest {
  private static final NewsIndex.Options NO_EXTRACTION =
      NewsIndex.Options.builder().entityExtractor(EntityExtractor.none()).build();
  private static final String[] WORDS = {"talks", "truce", "energy", "market", "storm", "vote", "court"};

  @TempDir Path dir;

  @Test
  void mergesIntoFewerSegmentsWithTheSamePagesAndCursors() throws IOException {
    Random random = new Random(7);
    List<String> queries = List.of("talks", "energy market", "\"storm vote\"", "truce OR court", "");
    try (NewsIndex index = NewsIndex.open(dir, NO_EXTRACTION)) {
      for (int i = 0; i < 120; i++) {
        index.add(article(random, i));
        if (i % 15 == 14) {
          index.commit(); // one segment per commit
        }
      }
      // No deletions: merging them away would change the term statistics, hence the scores.
      index.refresh();
      assertThat(segments()).isGreaterThan(3);
      List<List<String>> before = new ArrayList<>();
      for (String q : queries) {
        for (SortOrder order : List.of(SortOrder.RELEVANCE, SortOrder.NEWEST, SortOrder.OLDEST)) {
          before.add(pages(index, q, order));
        }
      }

      index.forceMerge(2);

      assertThat(segments()).isLessThanOrEqualTo(2);
      List<List<String>> after = new ArrayList<>();
      for (String q : queries) {
        for (SortOrder order : List.of(SortOrder.RELEVANCE, SortOrder.NEWEST, SortOrder.OLDEST)) {
          after.add(pages(index, q, order));
        }
      }
      assertThat(after).isEqualTo(before);
      assertThat(index.count()).isEqualTo(120);
    }
  }

  @Test
  void rejectsFewerThanOneSegmentAndReadOnlyIndexes() {
    try (NewsIndex index = NewsIndex.open(dir, NO_EXTRACTION)) {
      index.add(article(new Random(1), 0));
      assertThatThrownBy(() -> index.forceMerge(0)).isInstanceOf(IllegalArgumentException.class);
    }
    try (NewsIndex index = NewsIndex.openReadOnly(dir)) {
      assertThatThrownBy(() -> index.forceMerge(1)).isInstanceOf(IndexException.class);
    }
  }

  /** Every page of a query, 7 hits at a time, as "id score" lines and each page's cursor. */
  private static List<String> pages(NewsIndex index, String text, SortOrder order) {
    List<String> out = new ArrayList<>();
    String cursor = null;
    do {
      SearchResults r =
          index.search(NewsQuery.builder().text(text).sort(order).limit(7).after(cursor).build());
      r.hits().forEach(h -> out.add(h.id() + " " + h.score()));
      out.add("total " + r.total() + " next " + r.next());
      cursor = r.next();
    } while (cursor != null);
    return out;
  }

  private int segments() throws IOException {
    try (FSDirectory d = FSDirectory.open(dir);
        DirectoryReader reader = DirectoryReader.open(d)) {
      return reader.leaves().size();
    }
  }

  private static Article article(Random random, int i) {
    List<String> body = new ArrayList<>();
    for (int p = 0; p < 2; p++) {
      StringBuilder s = new StringBuilder();
      for (int w = 3 + random.nextInt(8); w > 0; w--) {
        s.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
      }
      body.add(s.toString().strip() + ".");
    }
    return Article.builder()
        .id("a-" + i)
        .url("https://example.test/a-" + i)
        .source("Example")
        .headline(WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)])
        .body(body)
        // Few distinct times: many ties, broken by id.
        .published(Instant.parse("2026-02-04T18:00:00Z").plusSeconds(3600L * random.nextInt(5)))
        .build();
  }
}
