package dev.dateline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StoryTallyTest {

  private record M(String id, Long published, String source) {}

  @Test
  void theEarliestMemberLeadsInAnyOrderUndatedLastTiesById() {
    List<M> members = new ArrayList<>(List.of(
        new M("c", 2_000L, "Wire"),
        new M("b", 1_000L, "Daily"),
        new M("a", 1_000L, null),
        new M("0", null, "Undated Gazette"),
        new M("d", 3_000L, "Wire")));
    Random r = new Random(3);
    for (int trial = 0; trial < 20; trial++) {
      Collections.shuffle(members, r);
      Story.Tally t = new Story.Tally();
      members.forEach(m -> t.add(m.id(), m.published(), m.source()));
      Story s = t.story();
      assertThat(s.id()).isEqualTo("a"); // 1,000 like "b", and "a" < "b"; "0" is undated
      assertThat(s.firstSource()).isNull();
      assertThat(s.firstPublished()).isEqualTo(Instant.ofEpochMilli(1_000));
      assertThat(s.size()).isEqualTo(5);
      assertThat(s.sources()).containsExactly("Daily", "Undated Gazette", "Wire");
    }
  }

  @Test
  void anUndatedStoryIsLedByItsSmallestIdAndAnEmptyTallyHasNoStory() {
    Story.Tally t = new Story.Tally();
    t.add("y", null, "S");
    t.add("x", null, "S");
    assertThat(t.story().id()).isEqualTo("x");
    assertThat(t.story().firstPublished()).isNull();
    assertThatThrownBy(() -> new Story.Tally().story()).isInstanceOf(IllegalStateException.class);
  }
}
