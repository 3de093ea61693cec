package dev.dateline.internal.entity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dateline.Article;
import dev.dateline.Entity;
import dev.dateline.EntityExtractor;
import dev.dateline.EntityMention;
import dev.dateline.EntityType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The failures named in the issue, and what the model-backed extractor reports. */
class StatisticalExtractionTest {
  private final EntityExtractor extractor = EntityExtractor.standard();

  private List<Entity> extract(String... paragraphs) {
    return extractor.extract(Article.builder().id("t").body(List.of(paragraphs)).build());
  }

  private static List<String> names(List<Entity> entities, EntityType type) {
    return entities.stream().filter(e -> e.type() == type).map(Entity::name).toList();
  }

  @Test
  void titledPeopleAfterADemonymAreFound() {
    List<Entity> e =
        extract("West German Finance Minister Gerhard Stoltenberg said rates would stay put.");
    assertThat(names(e, EntityType.PERSON)).containsExactly("Gerhard Stoltenberg");
    assertThat(names(e, EntityType.PLACE)).isEmpty();
  }

  @Test
  void particlesStayInsideAName() {
    List<Entity> e = extract("Mexican President Miguel de la Madrid flew to Washington on Monday.");
    assertThat(names(e, EntityType.PERSON)).containsExactly("Miguel de la Madrid");
    assertThat(names(e, EntityType.PLACE)).containsExactly("Washington");
  }

  @Test
  void longOrganisationNamesAreOrganisations() {
    List<Entity> e =
        extract("Talks under the General Agreement on Tariffs and Trade resumed in Geneva.");
    assertThat(names(e, EntityType.ORG)).containsExactly("General Agreement on Tariffs and Trade");
    assertThat(names(e, EntityType.PERSON)).isEmpty();
  }

  @Test
  void historicalCountriesArePlaces() {
    List<Entity> e = extract("The Soviet Union and West Germany signed a grain deal, the USSR said.");
    assertThat(names(e, EntityType.PLACE)).containsExactlyInAnyOrder("Soviet Union", "West Germany");
    assertThat(names(e, EntityType.ORG)).isEmpty();
  }

  @Test
  void shortCapitalWordsAreNotOrganisationsUnlessKnownOrDefined() {
    List<Entity> e =
        extract("NOTE: QTR NET SAYS 12 PCT RISE", "Shr 12 cts vs 10 cts NET 1.2 mln vs 1.0 mln",
            "The OSCE and the Kurdistan Democratic Party (KDP) met.", "The KDP said no.");
    assertThat(names(e, EntityType.ORG)).doesNotContain("NOTE", "QTR", "NET", "PCT", "SAYS");
    assertThat(names(e, EntityType.ORG)).contains("Organization for Security and Co-operation in Europe");
    assertThat(names(e, EntityType.ORG)).contains("KDP");
  }

  @Test
  void knownNamesAreFoundInCapitals() {
    List<Entity> e =
        extractor.extract(
            Article.builder().id("t").headline("JAPAN AND FRANCE AGREE ON TRADE WITH BANK OF ENGLAND")
                .body(List.of("The deal was signed on Monday.")).build());
    assertThat(names(e, EntityType.PLACE)).contains("Japan", "France");
    assertThat(names(e, EntityType.ORG)).contains("Bank of England");
  }

  @Test
  void sportsTablesNameTeamsAndAthletes() {
    List<Entity> e = extract("Mansfield 0 Rochdale 2", "1. Gete Wami (Ethiopia) 15:05.21");
    assertThat(names(e, EntityType.ORG)).containsExactly("Mansfield", "Rochdale");
    assertThat(names(e, EntityType.PERSON)).containsExactly("Gete Wami");
  }

  @Test
  void aPlaceInsideAnOrganisationNameIsAlsoAPlace() {
    List<Entity> e = extract("The Bank of France left its rate unchanged.");
    assertThat(names(e, EntityType.ORG)).containsExactly("Bank of France");
    assertThat(names(e, EntityType.PLACE)).containsExactly("France");
  }

  @Test
  void mentionsCarryFieldIndexOffsetsAndSurfaceForm() {
    String body = "Officials said Mr Zelensky would visit.";
    List<Entity> e =
        extractor.extract(
            Article.builder().id("t").headline("Zelenskyy to visit Kyiv").dateline("KYIV")
                .body(List.of("No news.", body)).build());
    Entity z = e.stream().filter(x -> x.name().equals("Volodymyr Zelensky")).findFirst().orElseThrow();
    assertThat(z.occurrences())
        .containsExactly(
            new EntityMention("headline", 0, 0, 9, "Zelenskyy"),
            new EntityMention("body", 1, 18, 26, "Zelensky"));
    assertThat(body.substring(18, 26)).isEqualTo("Zelensky");
    Entity kyiv = e.stream().filter(x -> x.name().equals("Kyiv")).findFirst().orElseThrow();
    assertThat(kyiv.occurrences())
        .contains(new EntityMention("dateline", 0, 0, 4, "KYIV"), new EntityMention("headline", 0, 19, 23, "Kyiv"));
    assertThat(kyiv.mentions()).isEqualTo(kyiv.occurrences().size());
  }

  @Test
  void occurrencesAreNotPartOfEquality() {
    Entity a = new Entity(EntityType.PLACE, "Kyiv", List.of("Kiev"), 2,
        List.of(new EntityMention("body", 0, 0, 4, "Kyiv")));
    Entity b = new Entity(EntityType.PLACE, "Kyiv", List.of("Kiev"), 2);
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(b.occurrences()).isEmpty();
  }

  @Test
  void theTaggerFindsNamesNoGazetteerOrRuleKnows() {
    NerTagger.Sentence s = NerTagger.sentence("Yesterday Farouk Qaddoumi arrived in Nouakchott.");
    List<int[]> spans = NerTagger.spans(NerTagger.standard().tag(s));
    assertThat(spans).isNotEmpty();
  }
}
