package dev.dateline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Stemming as the documentation says: plurals and -ing forms find their base word and back,
 * nationality adjectives stay themselves, a quoted word matches only the form written and an
 * excluded word excludes only itself.
 */
class StemmingTest {
  private static NewsIndex index;

  @BeforeAll
  static void index() {
    index = NewsIndex.inMemory(NewsIndex.Options.builder().entityExtractor(EntityExtractor.none()).build());
    add("talk", "The envoy's talk in Geneva lasted an hour.");
    add("talks", "Peace talks resumed in Geneva.");
    add("troops", "Troops crossed the river at dawn.");
    add("troop", "One troop stayed behind the river.");
    add("relations", "Diplomatic relations were cut last spring.");
    add("relation", "The relation between the two envoys soured.");
    add("facing", "The government is facing a budget gap.");
    add("face", "Ministers face a budget gap.");
    add("russian", "Russian diplomats arrived for the talks.");
    add("russia", "Russia sent diplomats to the talks.");
    add("new", "New rules for ferries came into force.");
    add("news", "The news reached the ferries late.");
    index.refresh();
  }

  private static void add(String id, String body) {
    index.add(Article.builder().id(id).source("Wire").headline("Item " + id).bodyText(body).build());
  }

  @AfterAll
  static void close() {
    index.close();
  }

  private static List<String> ids(String text) {
    return index.search(NewsQuery.of(text)).hits().stream().map(SearchHit::id).toList();
  }

  @Test
  void pluralsFindTheSingularAndBack() {
    assertThat(ids("talks")).containsExactlyInAnyOrder("talk", "talks", "russian", "russia");
    assertThat(ids("talk")).containsExactlyInAnyOrder("talk", "talks", "russian", "russia");
    assertThat(ids("troops")).containsExactlyInAnyOrder("troops", "troop");
    assertThat(ids("troop")).containsExactlyInAnyOrder("troops", "troop");
    assertThat(ids("relations")).containsExactlyInAnyOrder("relations", "relation");
    assertThat(ids("relation")).containsExactlyInAnyOrder("relations", "relation");
  }

  @Test
  void ingFormsFindTheBaseWordAndBack() {
    assertThat(ids("facing")).containsExactlyInAnyOrder("facing", "face");
    assertThat(ids("face")).containsExactlyInAnyOrder("facing", "face");
  }

  @Test
  void aQuotedWordMatchesOnlyTheFormWritten() {
    assertThat(ids("talks")).contains("talk");
    assertThat(ids("\"talks\"")).containsExactlyInAnyOrder("talks", "russian", "russia");
    assertThat(ids("\"troops\"")).containsExactly("troops");
    assertThat(ids("\"facing\"")).containsExactly("facing");
  }

  @Test
  void nationalityAdjectivesAreNotTheirCountry() {
    assertThat(ids("russian")).containsExactly("russian");
    assertThat(ids("russia")).containsExactly("russia");
    assertThat(ids("russians")).as("the plural of the adjective").containsExactly("russian");
    assertThat(ids("russia OR russian")).containsExactlyInAnyOrder("russia", "russian");
  }

  @Test
  void anExcludedWordExcludesOnlyItself() {
    assertThat(ids("talks -russia")).containsExactlyInAnyOrder("talk", "talks", "russian");
    assertThat(ids("talks -russian")).containsExactlyInAnyOrder("talk", "talks", "russia");
  }

  @Test
  void wordsThatOnlyLookLikePluralsStayApart() {
    assertThat(ids("news")).containsExactly("news");
    assertThat(ids("new")).containsExactly("new");
  }
}
