package dev.dateline.bench;

import dev.dateline.Article;
import dev.dateline.ArticleFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Real articles for the story benchmarks: Reuters-21578 ({@code
 * ../shared/corpora/reuters21578/reuters21578.jsonl.gz}, 21,577 wire stories of 1987 with the
 * near-duplicates a wire has: corrections, repeats, updated versions), optionally repeated with
 * the dates moved on by two years per repetition (ids suffixed), to reach a larger index whose
 * stories look the same.
 */
final class StoryArticles {
  private StoryArticles() {}

  /** The default location, from the repository root. */
  static final String REUTERS = "../shared/corpora/reuters21578/reuters21578.jsonl.gz";

  static List<Article> read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException("no file " + file + " (Reuters-21578 as Dateline JSON Lines; see ../shared/corpora)");
    }
    List<Article> out = new ArrayList<>();
    try (Stream<ArticleFiles.Record> records = ArticleFiles.stream(file, ArticleFiles.Options.defaults())) {
      records.forEachOrdered(r -> {
        if (r instanceof ArticleFiles.Parsed p) {
          out.add(p.article());
        }
      });
    }
    return out;
  }

  /**
   * Repetition {@code t} of an article: itself for 0, else with its id suffixed {@code -r<t>} and
   * its date moved on by two years (730 days) per repetition. Made one at a time, so that a large
   * index need not hold every repetition in memory.
   */
  static Article repetition(Article a, int t) {
    if (t == 0) {
      return a;
    }
    Article.Builder b = a.toBuilder().id(a.id() + "-r" + t);
    if (a.published() != null) {
      b.published(a.published().plus(Duration.ofDays(730L * t)));
    }
    return b.build();
  }
}
