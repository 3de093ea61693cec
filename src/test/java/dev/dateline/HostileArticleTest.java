package dev.dateline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dateline.internal.index.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile articles given through the Java API (the JSON-level cases are in {@code
 * HostileJsonInputTest}): each is rejected with an {@link InvalidArticleException} naming the
 * field, or accepted with a documented limit applied, and the articles around it in the same batch
 * are indexed.
 */
class HostileArticleTest {
  private final NewsIndex index =
      NewsIndex.inMemory(NewsIndex.Options.builder().entityExtractor(EntityExtractor.none()).build());

  @AfterEach
  void close() {
    index.close();
  }

  private static Article.Builder article(String id) {
    return Article.builder().id(id).headline("headline of " + id).published("2026-02-04T10:00:00Z");
  }

  /**
   * Adds a batch the way an application would: each article on its own, a rejected one reported
   * and skipped. Returns the rejection messages by position (null for accepted).
   */
  private List<String> addBatch(List<Supplier<Article>> batch) {
    List<String> outcomes = new ArrayList<>();
    for (Supplier<Article> a : batch) {
      try {
        index.add(a.get());
        outcomes.add(null);
      } catch (InvalidArticleException e) {
        outcomes.add(e.getMessage());
      }
    }
    index.commit();
    index.refresh();
    return outcomes;
  }

  @Test
  void fiftyMegabyteBody_isTruncatedToMaxFieldChars() {
    String paragraph = "word ".repeat(10_000_000); // 50,000,000 characters
    List<String> outcomes =
        addBatch(List.of(
            () -> article("before").build(),
            () -> article("huge").body(List.of(paragraph)).build(),
            () -> article("after").build()));
    assertThat(outcomes).containsOnlyNulls();
    Article stored = index.get("huge").orElseThrow();
    int max = NewsIndex.Options.defaults().maxFieldChars();
    assertThat(stored.bodyText().length()).isLessThanOrEqualTo(max).isGreaterThan(max - 10);
    assertThat(stored.bodyText()).endsWith("word");
    assertThat(index.count()).isEqualTo(3);
    assertThat(index.search("word").total()).isEqualTo(1);
  }

  @Test
  void fiftyMegabyteBodyInManyParagraphs_isCappedAsAWhole() {
    List<String> paragraphs = Collections.nCopies(50_000, "para ".repeat(200)); // 50 MB
    index.add(article("paras").body(paragraphs).build());
    index.refresh();
    Article stored = index.get("paras").orElseThrow();
    assertThat(stored.body().size()).isLessThanOrEqualTo(Schema.MAX_FIELD_VALUES);
    int total = stored.body().stream().mapToInt(String::length).sum();
    assertThat(total).isLessThanOrEqualTo(NewsIndex.Options.defaults().maxFieldChars());
  }

  @Test
  void hundredThousandBullets_areCappedAtMaxFieldValues() {
    List<String> bullets = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      bullets.add("bullet number " + i);
    }
    List<String> tags = new ArrayList<>();
    List<Entity> entities = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      tags.add("tag" + i);
      entities.add(Entity.of(EntityType.PERSON, "Person " + i));
    }
    index.add(article("bullets").bullets(bullets).tags(tags).entities(entities).build());
    index.refresh();
    Article stored = index.get("bullets").orElseThrow();
    assertThat(stored.bullets()).hasSize(Schema.MAX_FIELD_VALUES);
    assertThat(stored.bullets()).isEqualTo(bullets.subList(0, Schema.MAX_FIELD_VALUES));
    assertThat(stored.tags()).hasSize(Schema.MAX_FIELD_VALUES);
    assertThat(stored.entities()).hasSize(Schema.MAX_FIELD_VALUES);
    // The first values are searchable, the dropped ones are not.
    assertThat(index.search("bullets:\"bullet number 999\"").total()).isEqualTo(1);
    assertThat(index.search("bullets:\"bullet number 1000\"").total()).isZero();
  }

  @Test
  void controlCharacters_inTextAreKept() {
    index.add(article("ctl").headline("talks\u0000in\u0007kyiv\u001b[31m").build());
    index.refresh();
    assertThat(index.get("ctl").orElseThrow().headline()).isEqualTo("talks\u0000in\u0007kyiv\u001b[31m");
    assertThat(index.search("kyiv").total()).isEqualTo(1);
  }

  @Test
  void controlCharacters_inEntityNamesAreRejected() {
    // The stored encoding of entities uses U+001F as separator: such a name must not get in.
    assertThatThrownBy(() -> Entity.of(EntityType.PERSON, "Jane\u001fDoe"))
        .isInstanceOf(InvalidArticleException.class)
        .hasMessage("entities: entity name 'Jane\\u001FDoe' contains a control character");
    assertThatThrownBy(
            () -> new Entity(EntityType.PERSON, "Jane Doe", List.of("J\u0000Doe"), 1))
        .isInstanceOf(InvalidArticleException.class)
        .hasMessage("entities: entity alias 'J\\u0000Doe' contains a control character");
  }

  @Test
  void unpairedSurrogates_inIdAreRejected_elsewhereReplaced() {
    // Two different ids with unpaired surrogates would map to the same UTF-8 term and overwrite
    // each other; they are rejected.
    assertThatThrownBy(() -> article("a\uD800").build())
        .isInstanceOf(InvalidArticleException.class)
        .hasMessage("id: contains an unpaired surrogate at index 1 (not valid Unicode)");
    index.add(article("s").headline("talks \uD800 kyiv").build());
    index.refresh();
    assertThat(index.get("s").orElseThrow().headline()).isEqualTo("talks \uFFFD kyiv");
  }

  @Test
  void immenseShortFields_areTruncatedOrRejectedAndTheWriterKeepsWorking() {
    String huge = "x".repeat(40_000);
    List<String> outcomes =
        addBatch(List.of(
            () -> article("ok1").build(),
            () -> article("src").source("Source " + huge).build(),
            () -> article("lang").language(huge).build(),
            () -> article("ok2").build()));
    assertThat(outcomes.get(0)).isNull();
    assertThat(outcomes.get(1)).isNull(); // the source is kept; its statistics facet is cut
    assertThat(outcomes.get(2))
        .startsWith("language: longer than " + Schema.MAX_KEYWORD_CHARS + " characters");
    assertThat(outcomes.get(3)).isNull();
    assertThat(index.count()).isEqualTo(3);
    assertThat(index.get("src").orElseThrow().source()).isEqualTo("Source " + huge);
    assertThat(index.stats(5).sources()).hasSize(1);
  }

  @Test
  void invalidDates_areRejectedNamingTheField() {
    assertThatThrownBy(() -> article("d").published("2026-02-30"))
        .isInstanceOf(InvalidArticleException.class)
        .hasMessageStartingWith("published: '2026-02-30' is not a valid ISO-8601 date or date-time");
    assertThatThrownBy(() -> article("d").published("0000-01-01"))
        .isInstanceOf(InvalidArticleException.class)
        .hasMessage("published: '0000-01-01' is not a valid ISO-8601 date or date-time:"
            + " year 0 is outside 1000..9999");
    assertThatThrownBy(() -> article("d").published("+999999-01-01"))
        .isInstanceOf(InvalidArticleException.class)
        .hasMessageStartingWith("published: '+999999-01-01' is not a valid ISO-8601 date");
    assertThatThrownBy(() -> article("d").updated("2026-13-01T00:00:00Z"))
        .isInstanceOf(InvalidArticleException.class)
        .hasMessageStartingWith("updated: '2026-13-01T00:00:00Z' is not a valid ISO-8601 date");
    // Without a zone or offset the time is UTC.
    assertThat(article("d").published("2026-02-04T09:30:00").build().published())
        .isEqualTo(Instant.parse("2026-02-04T09:30:00Z"));
    assertThat(article("d").published("2026-02-04T09:30:00+08:00").build().published())
        .isEqualTo(Instant.parse("2026-02-04T01:30:00Z"));
  }

  @Test
  void outOfRangeInstants_areRejectedLikeDateText() {
    // Instant.MAX has no epoch-millisecond value: it used to escape add() as ArithmeticException.
    for (Instant bad :
        List.of(Instant.MAX, Instant.MIN, Instant.parse("+999999-01-01T00:00:00Z"),
            Instant.parse("0000-01-01T00:00:00Z"))) {
      assertThatThrownBy(() -> Article.builder().id("i").headline("h").published(bad).build())
          .as(bad.toString())
          .isInstanceOf(InvalidArticleException.class)
          .hasMessageContaining("is outside 1000..9999");
      assertThatThrownBy(() -> Article.builder().id("i").headline("h").updated(bad).build())
          .isInstanceOf(InvalidArticleException.class)
          .hasMessageStartingWith("updated: ");
    }
  }

  @Test
  void duplicateIdsInOneBatch_lastOneWins() {
    List<String> outcomes =
        addBatch(List.of(
            () -> article("dup").headline("first version").build(),
            () -> article("other").build(),
            () -> article("dup").headline("second version").build(),
            () -> article("dup").headline("third version").build()));
    assertThat(outcomes).containsOnlyNulls();
    assertThat(index.count()).isEqualTo(2);
    assertThat(index.get("dup").orElseThrow().headline()).isEqualTo("third version");
    assertThat(index.search("version").total()).isEqualTo(1);
  }

  @Test
  void missingOrOversizedId_andEmptyArticle_areRejected() {
    assertThatThrownBy(() -> Article.builder().id(" ").headline(null).build())
        .isInstanceOf(InvalidArticleException.class)
        .hasMessage("headline/body: an article needs a headline or a body");
    assertThatThrownBy(() -> article("x".repeat(513)).build())
        .isInstanceOf(InvalidArticleException.class)
        .hasMessage("id: longer than 512 characters (513)");
  }
}
