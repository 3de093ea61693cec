package dev.dateline.internal.entity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dateline.Article;
import dev.dateline.Entity;
import dev.dateline.EntityExtractor;
import dev.dateline.EntityMention;
import dev.dateline.EntityType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules that read a name in the light of the whole article or of the words glued to it (see
 * {@code StandardEntityExtractor}): one sense per name per article from its clearest uses, places
 * inside adjectives and event names, sides named after places, people in lists. Fixtures are
 * invented sentences in the style of wire copy.
 */
class ArticleReadingTest {
  private final EntityExtractor extractor = EntityExtractor.standard();

  private List<Entity> extract(String... paragraphs) {
    return extractor.extract(Article.builder().id("t").body(List.of(paragraphs)).build());
  }

  /** Every printed mention of the given type, as printed. */
  private static List<String> mentions(List<Entity> entities, EntityType type) {
    List<String> out = new ArrayList<>();
    for (Entity e : entities) {
      if (e.type() == type) {
        for (EntityMention m : e.occurrences()) {
          out.add(m.text());
        }
      }
    }
    return out;
  }

  @Test
  void aDatelinePlaceIsAPlaceWhereverTheArticleNamesIt() {
    List<Entity> e = extract("VELIKA, Bosnia 2026-03-02", "Velika was quiet on Monday.",
        "Velika said nothing more.", "Rescuers reached Velika by boat.");
    assertThat(mentions(e, EntityType.PLACE))
        .containsExactlyInAnyOrder("VELIKA", "Velika", "Velika", "Velika", "Bosnia");
    assertThat(mentions(e, EntityType.PERSON)).isEmpty();
  }

  @Test
  void aPlaceNamedAsASportsSideIsATeamButCountriesStayPlaces() {
    List<Entity> e = extract(
        "Yorkshire beat Hampshire by an innings and 12 runs on Saturday.",
        "Hampshire captain Tom Brandt said his side had batted badly.",
        "Title rivals Lancashire, Durham and Yorkshire all won.",
        "Later, Australia beat Pakistan in the one-day series.");
    // Hampshire is a side ("beat Hampshire", "Hampshire captain"); Durham is listed with one.
    assertThat(mentions(e, EntityType.ORG)).contains("Hampshire", "Hampshire", "Durham");
    assertThat(mentions(e, EntityType.PLACE))
        .doesNotContain("Hampshire", "Durham")
        .contains("Australia", "Pakistan");
    assertThat(mentions(e, EntityType.PERSON)).containsExactly("Tom Brandt");
  }

  @Test
  void aCityFollowedByATeamNameIsTheTeam() {
    List<Entity> e =
        extract("Jose Ortiz homered twice as the Portland Pioneers defeated the Omaha Comets 5-3.");
    assertThat(mentions(e, EntityType.ORG)).contains("Omaha Comets");
    assertThat(mentions(e, EntityType.PLACE)).doesNotContain("Omaha");
  }

  @Test
  void newspapersTradedCompaniesAndFirmsWithAnAmpersandAreOrganisations() {
    List<Entity> e = extract("Kelmark shares rose 4 percent after Kelmark said profits rose.",
        "Norvatek chairman Olaf Brun said the Norvatek board would meet.",
        "Marsh & Kettering said on Monday it would cut jobs.");
    assertThat(mentions(e, EntityType.ORG))
        .contains("Kelmark", "Kelmark", "Norvatek", "Norvatek", "Marsh & Kettering");
    assertThat(mentions(e, EntityType.PERSON)).containsExactly("Olaf Brun");
  }

  @Test
  void aPlaceInsideAnAdjectiveIsNoMention() {
    List<Entity> e = extract("The London-based group and pro-Moscow leaders met in Vienna.");
    assertThat(mentions(e, EntityType.PLACE)).containsExactly("Vienna");
  }

  @Test
  void aPlaceInsideAnEventNameIsNoMention() {
    List<Entity> e =
        extract("She won the Hong Kong Open and then the Texas Open before flying to Madrid.");
    assertThat(mentions(e, EntityType.PLACE)).containsExactly("Madrid");
    // An event word further on, past "IN", does not make a headline's country part of the event.
    List<Entity> headline = extract("SOCCER - AUSTRIA DRAW WITH ICELAND IN WORLD CUP QUALIFIER.");
    assertThat(mentions(headline, EntityType.PLACE)).contains("AUSTRIA", "ICELAND");
  }

  @Test
  void aGivenNameAndASurnameAfterFromAreAPerson() {
    List<Entity> e = extract("He took over from Albert Okoro, who was sacked on Monday.",
        "The coach came from Pete Lindqvist in the trade.");
    assertThat(mentions(e, EntityType.PERSON))
        .containsExactlyInAnyOrder("Albert Okoro", "Pete Lindqvist");
    assertThat(mentions(e, EntityType.PLACE)).isEmpty();
  }

  @Test
  void oneLetterColumnHeadingsAreNoNames() {
    List<Entity> e = extract("W L T PCT", "BOSTON 70 60 .538 -");
    assertThat(mentions(e, EntityType.PERSON)).isEmpty();
    assertThat(mentions(e, EntityType.ORG)).containsExactly("BOSTON");
  }

  @Test
  void namesListedWithPeopleArePeople() {
    List<Entity> e = extract(
        "The squad: Anil Varma, Tomas Berglund, Kofi Mensah, Ravi Shastrani, Piet Vermeulen.");
    assertThat(mentions(e, EntityType.PERSON)).containsExactlyInAnyOrder(
        "Anil Varma", "Tomas Berglund", "Kofi Mensah", "Ravi Shastrani", "Piet Vermeulen");
  }
}
