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

  /** {@code articles} repeated {@code times} times, each repetition two years (730 days) later. */
  static List<Article> repeated(List<Article> articles, int times) {
    List<Article> out = new ArrayList<>(articles.size() * times);
    for (int t = 0; t < times; t++) {
      Duration shift = Duration.ofDays(730L * t);
      for (Article a : articles) {
        if (t == 0) {
          out.add(a);
        } else {
          Article.Builder b = a.toBuilder().id(a.id() + "-r" + t);
          if (a.published() != null) {
            b.published(a.published().plus(shift));
          }
          out.add(b.build());
        }
      }
    }
    return out;
  }
}
