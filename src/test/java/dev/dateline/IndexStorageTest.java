package dev.dateline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dateline.internal.index.DatelineCodec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Index format 5's storage: by default segments use Lucene's codec, with compact storage {@link
 * DatelineCodec} (stored fields compressed with DEFLATE in small blocks), found again by name when
 * the index is reopened; an index may mix both; every article reads back whole after a reopen
 * and a merge, its hit fields coming from the hit summary rather than from stored fields.
 */
class IndexStorageTest {
  private static final NewsIndex.Options NO_EXTRACTION =
      NewsIndex.Options.builder().entityExtractor(EntityExtractor.none()).build();

  @TempDir Path dir;

  @Test
  void compactAndDefaultSegmentsMixAndArticlesReadBackWholeAfterReopenAndMerge() throws IOException {
    Random random = new Random(12);
    List<Article> articles = new ArrayList<>();
    NewsIndex.Options compact = NewsIndex.Options.builder().entityExtractor(EntityExtractor.none())
        .compactStorage(true).build();
    for (NewsIndex.Options options : List.of(compact, NO_EXTRACTION)) {
      try (NewsIndex index = NewsIndex.open(dir, options)) {
        for (int n = 0; n < 150; n++) {
          Article a = article(random, articles.size());
          articles.add(index.add(a));
          if (n % 75 == 74) {
            index.commit();
          }
        }
      }
    }
    try (FSDirectory d = FSDirectory.open(dir)) {
      List<String> codecs = new ArrayList<>();
      for (SegmentCommitInfo s : SegmentInfos.readLatestCommit(d)) {
        codecs.add(s.info.getCodec().getName());
      }
      // Two segments from the compact writer, two from the default one.
      assertThat(codecs).containsExactlyInAnyOrder(DatelineCodec.NAME, DatelineCodec.NAME,
          Codec.getDefault().getName(), Codec.getDefault().getName());
    }
    try (NewsIndex index = NewsIndex.open(dir, compact)) {
      for (Article a : articles) {
        assertThat(index.get(a.id())).contains(a);
      }
      index.forceMerge(1);
      for (Article a : articles) {
        assertThat(index.get(a.id())).contains(a);
      }
      try (FSDirectory d = FSDirectory.open(dir)) {
        assertThat(SegmentInfos.readLatestCommit(d).asList())
            .singleElement().satisfies(s -> assertThat(s.info.getCodec().getName()).isEqualTo(DatelineCodec.NAME));
      }
      // A hit shows what the article has, read from the summary.
      SearchResults r = index.search(NewsQuery.builder().text(articles.get(7).headline()).limit(300).build());
      assertThat(r.hits()).anySatisfy(h -> {
        assertThat(h.id()).isEqualTo(articles.get(7).id());
        assertThat(h.headline()).isEqualTo(articles.get(7).headline());
        assertThat(h.url()).isEqualTo(articles.get(7).url());
      });
    }
    try (NewsIndex index = NewsIndex.openReadOnly(dir)) {
      assertThat(index.get(articles.get(0).id())).contains(articles.get(0));
    }
  }

  /** Varied articles: some text several blocks long, entities, optional fields left out. */
  private static Article article(Random random, int i) {
    String[] words = {"talks", "truce", "energy", "market", "storm", "vote", "court", "minister", "port"};
    List<String> body = new ArrayList<>();
    int paragraphs = 1 + random.nextInt(i % 10 == 0 ? 60 : 6);
    for (int p = 0; p < paragraphs; p++) {
      StringBuilder sb = new StringBuilder();
      for (int w = 0; w < 20 + random.nextInt(80); w++) {
        sb.append(words[random.nextInt(words.length)]).append(w % 9 == 8 ? ". " : " ");
      }
      body.add(sb.toString().strip());
    }
    Article.Builder b = Article.builder()
        .id("a" + i)
        .headline("Headline " + i + " " + words[random.nextInt(words.length)])
        .body(body)
        .published(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(3600L * i));
    if (i % 3 != 0) {
      b.url("https://example.com/news/" + i).source("Source " + (i % 5)).section("World").byline("By Writer " + i);
    }
    if (i % 4 == 0) {
      b.bullets(List.of("First point " + i, "Second point")).tags(List.of("tag" + (i % 3)));
    }
    if (i % 2 == 0) {
      b.entities(List.of(
          new Entity(EntityType.PERSON, "Person " + (i % 7), List.of("P" + (i % 7)), 1 + i % 3),
          new Entity(EntityType.PLACE, "Place " + (i % 4), List.of(), 2)));
    }
    return b.build();
  }
}
