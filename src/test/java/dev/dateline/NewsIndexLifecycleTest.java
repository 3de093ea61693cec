package dev.dateline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewsIndexLifecycleTest {
  private static final NewsIndex.Options NO_EXTRACTION =
      NewsIndex.Options.builder().entityExtractor(EntityExtractor.none()).build();

  @TempDir Path dir;

  @Test
  void addedArticlesBecomeVisibleOnlyAfterRefresh() {
    try (NewsIndex index = NewsIndex.inMemory(NO_EXTRACTION)) {
      index.add(Fixtures.talks());
      assertThat(index.search("umerov").hits()).isEmpty();
      index.refresh();
      assertThat(index.search("umerov").hits()).extracting(SearchHit::id).containsExactly("talks-1");
    }
  }

  /**
   * A thread's searches reuse one timed searcher and one highlighter per view of the index: after a
   * refresh, the same thread must search, and cut snippets from, the new view, each time.
   */
  @Test
  void searchesAndSnippetsFollowEachRefreshOnTheSameThread() {
    try (NewsIndex index = NewsIndex.inMemory(NO_EXTRACTION)) {
      List<String> words = List.of("quokka", "narwhal", "axolotl", "pangolin", "okapi");
      for (int round = 0; round < words.size(); round++) {
        String word = words.get(round);
        index.add(Article.builder().id("r" + round).headline("Round " + round)
            .body(List.of("Filler opening sentence. The " + word + " report came out.")).build());
        assertThat(index.search(word).hits()).isEmpty();
        index.refresh();
        List<SearchHit> hits = index.search(word).hits();
        assertThat(hits).extracting(SearchHit::id).containsExactly("r" + round);
        assertThat(hits.get(0).snippet()).contains("<em>" + word + "</em>");
        assertThat(index.search("round").hits()).hasSize(round + 1);
      }
    }
  }

  @Test
  void sameIdReplacesTheArticle() {
    try (NewsIndex index = NewsIndex.inMemory(NO_EXTRACTION)) {
      index.add(Fixtures.talks());
      index.add(Fixtures.talks().toBuilder().headline("Talks collapse").body(List.of("No deal.")).build());
      index.refresh();
      assertThat(index.count()).isEqualTo(1);
      assertThat(index.search("collapse").hits()).hasSize(1);
      assertThat(index.search("umerov").hits()).isEmpty();
    }
  }

  @Test
  void deleteRemovesByIdAndIgnoresUnknownIds() {
    try (NewsIndex index = NewsIndex.inMemory(NO_EXTRACTION)) {
      Fixtures.all().forEach(index::add);
      index.delete("storm-1");
      index.delete("no-such-id");
      index.refresh();
      assertThat(index.count()).isEqualTo(3);
      assertThat(index.get("storm-1")).isEmpty();
    }
  }

  @Test
  void storedArticleRoundTripsThroughTheSchema() {
    try (NewsIndex index = NewsIndex.inMemory(NO_EXTRACTION)) {
      Article talks = Fixtures.talks();
      index.add(talks);
      index.refresh();
      assertThat(index.get("talks-1")).contains(talks);
    }
  }

  @Test
  void committedArticlesSurviveReopening() {
    try (NewsIndex index = NewsIndex.open(dir, NO_EXTRACTION)) {
      Fixtures.all().forEach(index::add);
      index.commit();
    }
    try (NewsIndex index = NewsIndex.openReadOnly(dir)) {
      assertThat(index.count()).isEqualTo(4);
      assertThat(index.get("rates-1")).contains(Fixtures.rates());
    }
  }

  @Test
  void secondWriterOnTheSameDirectoryGetsAClearError() {
    try (NewsIndex first = NewsIndex.open(dir, NO_EXTRACTION)) {
      first.add(Fixtures.storm());
      assertThatThrownBy(() -> NewsIndex.open(dir, NO_EXTRACTION))
          .isInstanceOf(IndexException.class)
          .hasMessageContaining("locked");
    }
  }

  @Test
  void readOnlyIndexSeesNewCommitsAfterRefreshAndRejectsWrites() {
    try (NewsIndex writer = NewsIndex.open(dir, NO_EXTRACTION)) {
      writer.add(Fixtures.storm());
      writer.commit();
      try (NewsIndex reader = NewsIndex.openReadOnly(dir)) {
        assertThat(reader.count()).isEqualTo(1);
        writer.add(Fixtures.rates());
        writer.commit();
        reader.refresh();
        assertThat(reader.count()).isEqualTo(2);
        assertThatThrownBy(() -> reader.add(Fixtures.talks()))
            .isInstanceOf(IndexException.class)
            .hasMessageContaining("read-only");
      }
    }
  }

  @Test
  void openingAMissingIndexReadOnlyFailsWithTheDirectory() {
    assertThatThrownBy(() -> NewsIndex.openReadOnly(dir.resolve("nope")))
        .isInstanceOf(IndexException.class)
        .hasMessageContaining("nope");
  }

  @Test
  void closedIndexRejectsCalls() {
    NewsIndex index = NewsIndex.inMemory(NO_EXTRACTION);
    index.close();
    index.close();
    assertThatThrownBy(() -> index.search("x")).isInstanceOf(IndexException.class);
  }

  @Test
  void statsCountArticlesDatesSourcesAndEntities() {
    try (NewsIndex index = Fixtures.index()) {
      IndexStats stats = index.stats(10);
      assertThat(stats.articles()).isEqualTo(4);
      assertThat(stats.oldest()).isEqualTo(Instant.parse("2026-02-04T18:00:00Z"));
      assertThat(stats.newest()).isEqualTo(Instant.parse("2026-03-12T13:15:00Z"));
      assertThat(stats.sources().get(0)).isEqualTo(new IndexStats.Count("Example Herald", 2));
      assertThat(stats.entities())
          .contains(new IndexStats.EntityCount(EntityType.PLACE, "Kyiv", 2));
    }
  }

  @Test
  void extractorRunsOnlyForArticlesWithoutEntities() {
    EntityExtractor tagger = a -> List.of(Entity.of(EntityType.ORG, "Tagged Org"));
    try (NewsIndex index = NewsIndex.inMemory(NewsIndex.Options.builder().entityExtractor(tagger).build())) {
      index.add(Fixtures.storm());
      index.add(Fixtures.talks());
      index.refresh();
      assertThat(index.get("storm-1").orElseThrow().entities()).extracting(Entity::name).containsExactly("Tagged Org");
      assertThat(index.get("talks-1").orElseThrow().entities()).isEqualTo(Fixtures.talks().entities());
    }
  }

  @Test
  void addRacingWithCloseIsEitherDurableOrRefused() throws Exception {
    java.util.Set<String> acknowledged = java.util.concurrent.ConcurrentHashMap.newKeySet();
    NewsIndex index = NewsIndex.open(dir, NO_EXTRACTION);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    java.util.List<java.util.concurrent.Future<?>> writers = new java.util.ArrayList<>();
    for (int t = 0; t < 2; t++) {
      int thread = t;
      writers.add(pool.submit(() -> {
        for (int i = 0; ; i++) {
          String id = "t" + thread + "-" + i;
          try {
            index.add(Article.builder().id(id).headline("racing " + i).build());
            acknowledged.add(id);
          } catch (IndexException closed) {
            return;
          }
        }
      }));
    }
    // Close while both writers are busy: once each has had adds acknowledged, not after a fixed time.
    while ((acknowledged.stream().filter(id -> id.startsWith("t0-")).count() < 50
            || acknowledged.stream().filter(id -> id.startsWith("t1-")).count() < 50)
        && writers.stream().noneMatch(java.util.concurrent.Future::isDone)) { // a failed writer fails below
      Thread.onSpinWait();
    }
    index.close();
    for (java.util.concurrent.Future<?> f : writers) {
      f.get(30, java.util.concurrent.TimeUnit.SECONDS);
    }
    pool.shutdown();
    try (NewsIndex reopened = NewsIndex.openReadOnly(dir)) {
      assertThat(acknowledged).isNotEmpty();
      assertThat(reopened.count()).isEqualTo(acknowledged.size());
    }
  }

  @Test
  void openReadOnlyOnAMissingDirectoryFailsTypedAndCreatesNothing() {
    Path missing = dir.resolve("no-such-index");
    assertThatThrownBy(() -> NewsIndex.openReadOnly(missing))
        .isInstanceOf(IndexException.class)
        .hasMessageContaining("no index at " + missing);
    assertThat(missing).doesNotExist();
  }

  @Test
  void nullOptionsAreRejectedNamingTheArgument() {
    assertThatThrownBy(() -> NewsIndex.inMemory(null)).isInstanceOf(NullPointerException.class).hasMessage("options");
    assertThatThrownBy(() -> NewsIndex.openReadOnly(dir, null)).isInstanceOf(NullPointerException.class).hasMessage("options");
    assertThatThrownBy(() -> NewsIndex.open(dir, null)).isInstanceOf(NullPointerException.class).hasMessage("options");
  }
}
