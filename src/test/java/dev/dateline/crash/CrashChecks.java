package dev.dateline.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dateline.Article;
import dev.dateline.EntityExtractor;
import dev.dateline.NewsIndex;
import dev.dateline.NewsQuery;
import dev.dateline.SearchHit;
import dev.dateline.SearchResults;
import dev.dateline.SortOrder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/** What must hold for an index after its writer process was killed. */
final class CrashChecks {
  private CrashChecks() {}

  /**
   * Checks the index in {@code dir} after a crash: Lucene's CheckIndex finds no problem, it opens
   * for writing without any repair (the dead writer's lock is gone), corpus articles {@code
   * 0..committed-1} are all present, and every article present is whole: equal, field for field,
   * to the corpus article it claims to be.
   *
   * @return the number of articles present
   */
  static long verify(Path dir, long committed) throws IOException {
    try (Directory d = FSDirectory.open(dir)) {
      if (!DirectoryReader.indexExists(d)) {
        assertThat(committed).as("an acknowledged commit left no index behind").isLessThanOrEqualTo(0);
        return 0;
      }
      ByteArrayOutputStream log = new ByteArrayOutputStream();
      try (CheckIndex check = new CheckIndex(d)) {
        check.setInfoStream(new PrintStream(log, true, StandardCharsets.UTF_8));
        CheckIndex.Status status = check.checkIndex();
        assertThat(status.clean).as(log.toString(StandardCharsets.UTF_8)).isTrue();
      }
    }
    NewsIndex.Options options =
        NewsIndex.Options.builder().entityExtractor(EntityExtractor.none()).build();
    try (NewsIndex index = NewsIndex.open(dir, options)) {
      long count = index.count();
      assertThat(count).as("articles present after a crash").isGreaterThanOrEqualTo(committed);
      Set<String> ids = allIds(index);
      assertThat(ids).hasSize((int) count);
      for (int i = 0; i < committed; i++) {
        assertThat(ids).as("committed article %d", i).contains(CrashCorpus.id(i));
      }
      for (String id : ids) {
        int n = CrashCorpus.number(id);
        assertThat(n).as("unknown id %s", id).isNotNegative();
        Article stored = index.get(id).orElseThrow();
        assertThat(stored).as("article %s", id).isEqualTo(CrashCorpus.article(n));
      }
      return count;
    }
  }

  /** Every id in the index, read page by page with cursors. */
  private static Set<String> allIds(NewsIndex index) {
    Set<String> ids = new HashSet<>();
    NewsQuery q = NewsQuery.builder().sort(SortOrder.OLDEST).limit(1000).highlight(false).build();
    while (true) {
      SearchResults page = index.search(q);
      for (SearchHit h : page.hits()) {
        assertThat(ids.add(h.id())).as("id %s returned twice", h.id()).isTrue();
      }
      if (page.next() == null) {
        return ids;
      }
      q = q.after(page.next());
    }
  }
}
