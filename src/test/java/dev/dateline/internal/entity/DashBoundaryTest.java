package dev.dateline.internal.entity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dateline.Article;
import dev.dateline.Entity;
import dev.dateline.EntityType;
import dev.dateline.EntityExtractor;
import dev.dateline.EntityMention;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A dash that is not inside a word ("SOCCER - SILVA", "SOCCER -SILVA", "Reuters -- Jane Doe")
 * separates names; a hyphen inside a word ("Jean-Yves", "Rhone-Poulenc") does not.
 */
class DashBoundaryTest {
  private static final String[] DASHES = {" - ", " -", "- ", " -- ", "--", " – ", " — "};
  private static final String[] LEFT = {"SOCCER", "Reuters", "Paris", "BRAZIL", "Moscow"};
  private static final String[] RIGHT =
      {"SILVA SCORES TWICE", "Maria Lopez said", "Berlin talks resumed", "Jean-Yves Le Drian arrived"};

  @Test
  void noTokenSpansADashBetweenWords() {
    for (String dash : DASHES) {
      List<Token> t = Tokenizer.tokenize("SOCCER" + dash + "SILVA NAMED CAPTAIN");
      assertThat(t.get(1).text()).isEqualTo("SILVA");
      assertThat(t.get(1).breakBefore()).as("break after %s", dash).isTrue();
    }
    List<Token> hyphenated = Tokenizer.tokenize("Jean-Yves Le Drian");
    assertThat(hyphenated.get(1).text()).isEqualTo("Yves");
    assertThat(hyphenated.get(1).breakBefore()).isFalse();
  }

  @Test
  void noMentionCrossesADashBetweenWords() {
    EntityExtractor x = EntityExtractor.standard();
    Random rnd = new Random(11);
    for (int round = 0; round < 60; round++) {
      String dash = DASHES[rnd.nextInt(DASHES.length)];
      String left = LEFT[rnd.nextInt(LEFT.length)];
      String right = RIGHT[rnd.nextInt(RIGHT.length)];
      String text = left + dash + right + ".";
      int gapStart = left.length();
      int gapEnd = left.length() + dash.length();
      List<String> paragraphs = new ArrayList<>(List.of(text));
      if (rnd.nextBoolean()) {
        paragraphs.add("Officials in " + left + " declined to comment.");
      }
      Article a = Article.builder().id("d" + round).headline(text).body(paragraphs).build();
      for (Entity e : x.extract(a)) {
        for (EntityMention m : e.occurrences()) {
          if (m.index() == 0 && (m.field().equals("headline") || m.field().equals("body"))) {
            assertThat(m.start() < gapStart && m.end() > gapEnd)
                .as("%s in %s", m.text(), text).isFalse();
          }
        }
      }
    }
  }

  @Test
  void aHyphenInsideANameKeepsItWhole() {
    List<Entity> e = EntityExtractor.standard().extract(Article.builder().id("h")
        .body(List.of("French Foreign Minister Jean-Yves Le Drian arrived in Berlin on Monday."))
        .build());
    assertThat(e.stream().flatMap(n -> n.occurrences().stream()).map(EntityMention::text))
        .contains("Jean-Yves Le Drian");
    assertThat(e).filteredOn(n -> n.type() == EntityType.PERSON).extracting(Entity::name)
        .containsExactly("Jean-Yves Le Drian");
  }

  @Test
  void namesAreReportedAsPrintedAndStillMergeWithTheirOtherSpellings() {
    List<Entity> e = EntityExtractor.standard().extract(Article.builder().id("p")
        .headline("Rhone-Poulenc shares rise")
        .body(List.of(
            "Foreign Minister Jean-Yves Le Drian arrived in St. Louis on Monday.",
            "Jean Yves Le Drian said the talks went well.",
            "Mr Jean-Yves Le Drian declined to comment on Rhone-Poulenc SA."))
        .build());
    assertThat(e).extracting(Entity::name)
        .contains("Jean-Yves Le Drian", "St. Louis", "Rhone-Poulenc")
        .doesNotContain("Jean Yves Le Drian", "St Louis", "Rhone Poulenc");
    Entity drian = e.stream().filter(n -> n.name().contains("Drian")).findFirst().orElseThrow();
    assertThat(drian.mentions()).as("all spellings are one person").isEqualTo(3);
    assertThat(drian.aliases()).contains("Mr Jean-Yves Le Drian").doesNotContain("Mr Jean Yves Le Drian");
  }
}
