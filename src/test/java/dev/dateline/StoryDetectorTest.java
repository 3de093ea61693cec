package dev.dateline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link StoryDetector} fed the additions and deletions a story index sees, in random order, keeps
 * every article in the story the index puts it in (seeded; {@code -Ddateline.seed=N} to repeat).
 */
class StoryDetectorTest {
  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
  private static final NewsIndex.Options STORIES =
      NewsIndex.Options.builder().entityExtractor(EntityExtractor.none()).stories(true).build();

  @Test
  void keysGroupArticlesAsTheEmbeddedIndexDoes() {
    long seed = Long.getLong("dateline.seed", System.nanoTime());
    Random r = new Random(seed);
    for (int round = 0; round < 5; round++) {
      List<Article> pool = new ArrayList<>();
      for (int s = 0; s < 6; s++) {
        List<String> body = StoryTexts.body(r, 4 + r.nextInt(4));
        Instant t = T0.plus(Duration.ofHours(r.nextInt(24 * 6)));
        pool.add(StoryTexts.article("s" + s, "Wire", t, body));
        for (int c = 0; c < 1 + r.nextInt(3); c++) {
          pool.add(StoryTexts.article("s" + s + "c" + c, "Outlet" + r.nextInt(3),
              t.plus(Duration.ofMinutes(r.nextInt(60 * 48))), StoryTexts.variant(r, body)));
        }
      }
      Collections.shuffle(pool, r);
      StoryDetector detector = new StoryDetector();
      Map<String, Long> stored = new HashMap<>(); // what a host would store per article
      Map<String, Article> live = new LinkedHashMap<>();
      try (NewsIndex index = NewsIndex.inMemory(STORIES)) {
        for (Article a : pool) {
          index.add(a);
          live.put(a.id(), a);
          Map<String, Long> changed =
              detector.add(a.id(), a.published(), StoryDetector.fingerprint(a));
          assertThat(changed).containsKey(a.id());
          stored.putAll(changed);
          if (r.nextInt(6) == 0) {
            String victim = new ArrayList<>(live.keySet()).get(r.nextInt(live.size()));
            index.delete(victim);
            live.remove(victim);
            stored.remove(victim);
            stored.putAll(detector.remove(victim));
          }
        }
        index.refresh();
        assertThat(detector.size()).isEqualTo(live.size());
        boolean copies = false;
        for (String id : live.keySet()) {
          List<SearchHit> members = index.timeline(id);
          Story story = members.get(0).story();
          copies |= story.size() > 1;
          assertThat(stored.get(id)).as("seed %d: %s", seed, id).isEqualTo(StoryDetector.key(story.id()));
          assertThat(detector.keyOf(id)).isEqualTo(stored.get(id));
          for (SearchHit m : members) {
            assertThat(stored.get(m.id())).as("seed %d: %s with %s", seed, m.id(), id).isEqualTo(stored.get(id));
          }
        }
        assertThat(copies).as("seed %d: some story has copies", seed).isTrue();
        // A detector loaded from what is stored agrees.
        StoryDetector loaded = new StoryDetector();
        List<StoryDetector.Member> members = new ArrayList<>();
        for (Article a : live.values()) {
          members.add(new StoryDetector.Member(a.id(), a.published(), StoryDetector.fingerprint(a)));
        }
        loaded.load(members);
        for (String id : live.keySet()) {
          assertThat(loaded.keyOf(id)).isEqualTo(stored.get(id));
        }
      }
    }
  }

  @Test
  void refusesWhatIsNotAFingerprint() {
    StoryDetector d = new StoryDetector();
    assertThatThrownBy(() -> d.add("a", T0, "not base64!"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("article a");
    assertThatThrownBy(() -> d.add("a", T0, "AAAA"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("article a");
    assertThat(d.size()).isZero();
  }
}
