package dev.dateline.internal.entity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dateline.Article;
import dev.dateline.Entity;
import dev.dateline.EntityExtractor;
import dev.dateline.EntityType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One test per rule of the standard extractor. */
class StandardEntityExtractorTest {
  private final EntityExtractor extractor = EntityExtractor.standard();

  private List<Entity> extract(String... paragraphs) {
    return extractor.extract(Article.builder().id("t").body(List.of(paragraphs)).build());
  }

  private static Optional<Entity> find(List<Entity> entities, EntityType type, String name) {
    return entities.stream().filter(e -> e.type() == type && e.name().equals(name)).findFirst();
  }

  private static List<String> names(List<Entity> entities, EntityType type) {
    return entities.stream().filter(e -> e.type() == type).map(Entity::name).toList();
  }

  @Test
  void aPersonNamedOnlyInCapitalsIsNamedInTitleCase() {
    List<Entity> e = extractor.extract(Article.builder().id("t")
        .headline("REAGAN SAYS O'NEILL AND JEAN-YVES LE DRIAN WILL MEET").build());
    assertThat(names(e, EntityType.PERSON)).contains("Reagan").doesNotContain("REAGAN");
    assertThat(e.stream().filter(x -> x.type() == EntityType.PERSON).map(Entity::name))
        .allSatisfy(name -> assertThat(name).isNotEqualTo(name.toUpperCase(java.util.Locale.ROOT)));
    // Organisations keep their capitals: an acronym is not a word.
    List<Entity> org = extract("NATO allies met in Brussels, NATO said.");
    assertThat(names(org, EntityType.ORG)).contains("NATO");
  }

  @Test
  void namesStopAtAngleBracketsAndNoPersonHasADigit() {
    // Wire headlines carry tickers in angle brackets; wire price tables carry contract months.
    List<Entity> e = extractor.extract(Article.builder().id("t")
        .headline("FORD <F> HAILS GREENSPAN NOMINATION")
        .body(List.of("NY COMEX GOLD 10:15", "FEB8 UNTRD", "APR8 4310 UP 12", "JUN8 UNTRD",
            "AUG8 4420 UP 15", "OCT8 4501 OFF 3"))
        .build());
    assertThat(names(e, EntityType.PERSON)).doesNotContain("FORD F", "Ford F")
        .noneMatch(n -> n.chars().anyMatch(Character::isDigit));
  }

  @Test
  void aNameEndingInALegalFormIsACompany() {
    List<Entity> e = extract("Acme Industries Inc said it agreed to buy the lighting unit of "
        + "General Instrument Co for 120 mln dlrs.", "Nikko Securities Co analyst Ken Ito said the deal was fair.");
    assertThat(names(e, EntityType.PERSON)).containsExactly("Ken Ito");
    assertThat(names(e, EntityType.ORG)).contains("General Instrument Co", "Nikko Securities Co");
    // An ampersand is part of a company's name as printed.
    assertThat(names(extract("Johnson & Johnson said it would cut prices, audited by Ernst & Young."),
        EntityType.ORG)).contains("Johnson & Johnson", "Ernst & Young");
  }

  @Test
  void aCompanyNamedForTwoWordsJoinedByAnAmpersandIsOneName() {
    // The model began these at the word after "&" ("Gamble Co", "Decker Corp"). Joined before
    // the gazetteer is asked, a known firm comes out under its name ("Procter & Gamble", as
    // "Procter and Gamble Co" does), an unknown one as printed.
    List<Entity> e = extract("Procter & Gamble Co said profits rose.",
        "Shares of Black & Decker Corp fell.");
    assertThat(names(e, EntityType.ORG)).contains("Procter & Gamble", "Black & Decker Corp")
        .doesNotContain("Gamble Co", "Decker Corp", "Procter & Gamble Co");
    assertThat(names(extract("Procter and Gamble Co said profits rose."), EntityType.ORG))
        .contains("Procter & Gamble");
    // Not across "and": two companies stay two.
    assertThat(names(extract("Chrysler and General Signal Co said they would cooperate."),
        EntityType.ORG)).contains("General Signal Co").noneMatch(n -> n.contains(" and "));
  }

  @Test
  void aCompanyNamedForTwoWordsJoinedByAndIsOneName() {
    // The model began these at the word after "and" ("Decker Corp", "Chemical Corp"): one word
    // and legal forms after the "and" take the words before it that are in no other name.
    assertThat(names(extract("Shares of Black and Decker Corp fell."), EntityType.ORG))
        .contains("Black and Decker Corp").doesNotContain("Decker Corp");
    assertThat(names(extract("International Minerals and Chemical Corp said its board approved "
        + "the budget."), EntityType.ORG))
        .contains("International Minerals and Chemical Corp").doesNotContain("Chemical Corp");
    // Not when the word before "and" is a name of its own, in capitals or known.
    assertThat(names(extract("IBM and Digital Equipment Corp lost ground."), EntityType.ORG))
        .noneMatch(n -> n.contains(" and "));
    assertThat(names(extract("Ford and Chrysler Corp reported lower sales."), EntityType.ORG))
        .noneMatch(n -> n.contains(" and "));
  }

  @Test
  void aFirmNamedForItsPartnersIsOneOrganisationNotPeople() {
    List<Entity> e = extract("The issue was underwritten by Ladenburg, Thalmann and Co Inc and by "
        + "Mabon, Nugent & Co, the company said.", "Analyst Jane Doe of Goldman, Sachs and Co said "
        + "the price was fair.");
    assertThat(names(e, EntityType.PERSON)).containsExactly("Jane Doe");
    // As printed; Goldman Sachs is in the gazetteer: the firm takes its canonical name.
    assertThat(names(e, EntityType.ORG))
        .contains("Ladenburg, Thalmann and Co Inc", "Mabon, Nugent & Co", "Goldman Sachs");
    // A known firm with two words before the comma is one firm too.
    assertThat(names(extract("The shares were placed by Smith Barney, Harris Upham and Co, the "
        + "company said."), EntityType.PERSON)).isEmpty();
    // Two firms listed, and a place before a firm, stay apart.
    assertThat(names(extract("Merrill Lynch, Goldman Sachs and Co were the underwriters."),
        EntityType.ORG)).contains("Merrill Lynch", "Goldman Sachs");
    assertThat(names(extract("In the talks in London, Smith and Co said nothing."), EntityType.PLACE))
        .contains("London");
  }

  @Test
  void aNameTheModelSplitAtAnInnerAndIsOneName() {
    List<Entity> e = extract("Standard and Poor's Corp said it downgraded the debt of American "
        + "Telephone and Telegraph Co.", "Analysts at Bear Stearns and Co Inc said the Federal "
        + "Savings and Loan Insurance Corp would pay.");
    assertThat(names(e, EntityType.ORG))
        .contains("S&P Global", "AT&T", "Bear Stearns and Co Inc",
            "Federal Savings and Loan Insurance Corporation")
        .doesNotContain("Standard", "Poor Corp", "Telegraph Co", "Co Inc", "Federal Savings",
            "Loan Insurance Corp");
    // A legal form alone is no name; two companies named side by side stay two.
    assertThat(names(extract("Chrysler Corp and American Motors Corp agreed, Pennzoil Co said."),
        EntityType.ORG)).contains("American Motors Corp", "Pennzoil Co")
        .noneMatch(n -> n.contains(" and ") || Gazetteer.isLegalForm(n.toLowerCase()));
  }

  @Test
  void wellKnownCompaniesAreOrganisationsUnderOneName() {
    List<Entity> e = extract("General Electric said it would sell the unit to General Motors Corp.",
        "GM said the price was fair, and Chrysler agreed.");
    assertThat(names(e, EntityType.PERSON)).isEmpty(); // not "Electric" after the title "General"
    assertThat(names(e, EntityType.ORG)).containsExactlyInAnyOrder(
        "General Electric", "General Motors", "Chrysler");
    assertThat(e.stream().filter(x -> x.name().equals("General Motors")).findFirst().orElseThrow()
        .mentions()).isEqualTo(2);
  }

  @Test
  void aLoneOrganisationWordIsTheOneOrganisationNamedWithIt() {
    List<Entity> e = extract("The Bank of England said it provided 200 mln stg of help to the market.",
        "The Bank also said it bought bills.");
    assertThat(names(e, EntityType.ORG)).containsExactly("Bank of England");
    assertThat(e.stream().filter(x -> x.name().equals("Bank of England")).findFirst().orElseThrow()
        .mentions()).isEqualTo(2);
    // Two banks named: "the Bank" could be either, and stays as it is.
    assertThat(names(extract("The Bank of England and the World Bank met.",
        "The Bank also said it bought bills."), EntityType.ORG))
        .containsExactlyInAnyOrder("Bank of England", "World Bank", "Bank");
  }

  @Test
  void wireTableAbbreviationsAreNoOrganisation() {
    List<Entity> e = extractor.extract(Article.builder().id("t")
        .headline("ACME WIDGET CO <AWC> 2ND QTR NET")
        .body(List.of("QTR SHR 42 CTS VS 31 CTS", "NET 4,210,000 DLRS VS 3,105,000",
            "REVS 61.2 MLN DLRS VS 55.0 MLN", "NOTE: QTR SHR 39 CTS IN 1986 AFTER CHARGE",
            "Shares of CSR LTD rose."))
        .build());
    assertThat(e.stream().map(Entity::name))
        .doesNotContain("QTR SHR", "CTS VS", "DLRS VS", "MLN DLRS VS", "MLN DLRS", "MLN");
  }

  @Test
  void aKnownOrganisationIsFoundAcrossAPossessiveAndWithItsLegalForm() {
    List<Entity> e = extract(
        "Moody's Investors Service Inc said it cut the rating, and Merrill Lynch analyst Ann Roe "
            + "said Salomon Brothers Inc would lead the sale.");
    assertThat(names(e, EntityType.ORG))
        .contains("Moody's", "Merrill Lynch", "Salomon Brothers")
        .doesNotContain("Moody Investors Service Inc", "Salomon Brothers Inc");
    assertThat(names(e, EntityType.PERSON)).containsExactly("Ann Roe");
  }

  @Test
  void transliterationsShareOneCanonicalName() {
    List<Entity> e =
        extract("Zelenskyy spoke in Kiev.", "Zelenskiy later met Mr Zelensky's aides in Kyiv.");
    assertThat(names(e, EntityType.PERSON)).containsExactly("Volodymyr Zelensky");
    assertThat(names(e, EntityType.PLACE)).containsExactly("Kyiv");
    Entity z = find(e, EntityType.PERSON, "Volodymyr Zelensky").orElseThrow();
    assertThat(z.mentions()).isEqualTo(3);
    assertThat(z.aliases()).contains("Zelenskyy", "Zelenskiy", "Mr Zelensky", "Volodymyr Zelenskyy");
  }

  @Test
  void acronymsAndFullNamesResolveToTheSameEntity() {
    List<Entity> e =
        extract("The ECB and the European Central Bank's critics met officials of the UAE.",
            "The United Arab Emirates said nothing.");
    assertThat(find(e, EntityType.ORG, "European Central Bank").orElseThrow().mentions())
        .isEqualTo(2);
    assertThat(find(e, EntityType.PLACE, "United Arab Emirates").orElseThrow().mentions())
        .isEqualTo(2);
  }

  @Test
  void honorificWithSurnameResolvesToTheFullNameInTheArticle() {
    List<Entity> e =
        extract(
            "Governor Vadym Filashkin said the market was hit.",
            "Mr Filashkin said seven people died. Mr Xi was not told.");
    Entity f = find(e, EntityType.PERSON, "Vadym Filashkin").orElseThrow();
    assertThat(f.mentions()).isEqualTo(2);
    assertThat(f.aliases()).contains("Mr Filashkin");
    assertThat(names(e, EntityType.PERSON)).containsExactly("Vadym Filashkin", "Xi Jinping");
  }

  @Test
  void peopleSharingAFirstNameStayApart() {
    List<Entity> e =
        extract("French President Emmanuel Macron's adviser, Mr Emmanuel Bonne, met officials.");
    assertThat(names(e, EntityType.PERSON)).containsExactly("Emmanuel Macron", "Emmanuel Bonne");
  }

  @Test
  void titlesAreNotPartOfNames() {
    List<Entity> e =
        extract(
            "Ukrainian President Volodymyr Zelensky met US Secretary of State Marco Rubio and"
                + " special envoy Steve Witkoff.");
    assertThat(names(e, EntityType.PERSON))
        .containsExactly("Volodymyr Zelensky", "Marco Rubio", "Steve Witkoff");
  }

  @Test
  void sentenceInitialWordsMonthsAndDemonymsAreNotEntities() {
    List<Entity> e =
        extract(
            "Meanwhile, talks went on. Shortly after, officials met on Feb 3. Photographs showed"
                + " Ukrainian and Russian delegates. The talks ended.");
    assertThat(e).isEmpty();
  }

  @Test
  void possessivesAndCurlyQuotesDoNotBreakMatching() {
    List<Entity> e = extract("Kyiv’s mayor and Russia's envoy met at “Moscow’s” request.");
    assertThat(names(e, EntityType.PLACE)).containsExactly("Kyiv", "Russia", "Moscow");
  }

  @Test
  void regionNounAndPrepositionMarkUnknownPlaces() {
    List<Entity> e = extract("Shelling hit the Bulacan province and a village near Calumpit.");
    assertThat(names(e, EntityType.PLACE)).containsExactly("Bulacan", "Calumpit");
  }

  @Test
  void organisationSuffixesAndDescriptorsMarkOrganisations() {
    List<Entity> e =
        extract(
            "Officials of the National Disaster Council spoke to online media outlet Liga and"
                + " analysts at Harbour Capital Group.");
    assertThat(names(e, EntityType.ORG))
        .containsExactly("National Disaster Council", "Liga", "Harbour Capital Group");
  }

  @Test
  void appositionMakesAPersonAndAnOrganisation() {
    List<Entity> e = extract("Ana Torres, head of Meridia, said the plan would work.");
    assertThat(names(e, EntityType.PERSON)).containsExactly("Ana Torres");
    assertThat(names(e, EntityType.ORG)).containsExactly("Meridia");
  }

  @Test
  void countryQualifiesAGenericBody() {
    List<Entity> e = extract("Photographs released by the United Arab Emirates’ Foreign Ministry.");
    assertThat(names(e, EntityType.ORG)).containsExactly("United Arab Emirates Foreign Ministry");
  }

  @Test
  void variantsExpandAnyAliasToTheGazetteerEntry() {
    assertThat(extractor.variants(EntityType.PLACE, "kiev")).contains("Kyiv", "Kiev");
    assertThat(extractor.variants(EntityType.PERSON, "ZELENSKIY"))
        .first()
        .isEqualTo("Volodymyr Zelensky");
    assertThat(extractor.variants(EntityType.PERSON, "Erdoğan")).first()
        .isEqualTo("Recep Tayyip Erdogan");
    assertThat(extractor.variants(EntityType.PERSON, "Erdogan")).contains("Erdoğan");
    assertThat(extractor.variants(EntityType.ORG, "ecb")).contains("European Central Bank");
    assertThat(extractor.variants(EntityType.PLACE, "Atlantis")).containsExactly("Atlantis");
    assertThat(extractor.variants(EntityType.ORG, "Kyiv")).containsExactly("Kyiv");
  }
}
