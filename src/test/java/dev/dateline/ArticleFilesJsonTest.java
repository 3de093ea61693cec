package dev.dateline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Single-article JSON: {@link ArticleFiles#parseJson}, {@link ArticleFiles#toJson}. */
class ArticleFilesJsonTest {

  static Article fullArticle() {
    return Article.builder()
        .id("st-2026-0204-001")
        .url("https://www.example.com/world/kyiv-talks")
        .source("The Straits Times")
        .headline("Talks resume in Kyiv")
        .bullets(List.of("Delegations meet for a second day", "Ceasefire on the agenda"))
        .body(List.of("KYIV - Talks resumed on Wednesday.", "Both sides said \"progress\" was made.\nMore later."))
        .byline("By Jane Doe and John Roe")
        .authors(List.of("Jane Doe", "John Roe"))
        .dateline("KYIV")
        .published(Instant.parse("2026-02-04T10:00:00Z"))
        .updated(Instant.parse("2026-02-04T12:30:15.250Z"))
        .section("World")
        .tags(List.of("ukraine", "diplomacy"))
        .captions(List.of("Delegates arrive. PHOTO: REUTERS"))
        .subheads(List.of("Second day"))
        .language("uk")
        .credits(List.of("Reuters", "AFP"))
        .entities(
            List.of(
                new Entity(EntityType.PERSON, "Volodymyr Zelensky", List.of("Zelenskyy"), 3),
                new Entity(EntityType.PLACE, "Kyiv", List.of(), 2),
                Entity.of(EntityType.ORG, "United Nations")))
        .build();
  }

  @Test
  void fullyPopulatedArticleSurvivesRoundTrip() {
    Article article = fullArticle();
    assertThat(ArticleFiles.parseJson(ArticleFiles.toJson(article))).isEqualTo(article);
    assertThat(ArticleFiles.parseJson(ArticleFiles.toPrettyJson(article))).isEqualTo(article);
  }

  @Test
  void toJsonIsOneCompactLineWithInstantsBodyArrayAndFullEntities() {
    String json = ArticleFiles.toJson(fullArticle());
    assertThat(json).doesNotContain("\n").startsWith("{\"id\":\"st-2026-0204-001\",\"url\":");
    assertThat(json)
        .contains("\"published\":\"2026-02-04T10:00:00Z\"")
        .contains("\"updated\":\"2026-02-04T12:30:15.250Z\"")
        .contains("\"body\":[\"KYIV - Talks resumed on Wednesday.\",")
        .contains(
            "{\"type\":\"person\",\"name\":\"Volodymyr Zelensky\",\"aliases\":[\"Zelenskyy\"],\"mentions\":3}")
        .contains("{\"type\":\"org\",\"name\":\"United Nations\",\"aliases\":[],\"mentions\":1}");
  }

  @Test
  void toJsonOmitsAbsentValuesAndEmptyLists() {
    Article minimal = Article.builder().id("a1").headline("Only a headline").build();
    assertThat(ArticleFiles.toJson(minimal)).isEqualTo("{\"id\":\"a1\",\"headline\":\"Only a headline\"}");
  }

  @Test
  void prettyJsonIsIndentedOverSeveralLines() {
    String pretty = ArticleFiles.toPrettyJson(fullArticle());
    assertThat(pretty.lines().count()).isGreaterThan(10);
    assertThat(pretty).contains("\n  \"headline\" : \"Talks resume in Kyiv\"");
  }

  @Test
  void everyFieldMapsToItsArticleComponent() {
    Article a =
        ArticleFiles.parseJson(
            """
            {"id":"x1","url":"https://e.com/a","source":"Src","headline":"H","bullets":["b1","b2"],
             "body":["p1","p2"],"byline":"By A","authors":["A","B"],"dateline":"PARIS",
             "published":"2026-02-04","updated":"2026-02-04T09:30:00+08:00","section":"World",
             "tags":["t1"],"captions":["c1"],"subheads":["s1"],"credits":["AFP"],"language":"fr",
             "entities":[{"type":"place","name":"Paris","aliases":["Lutetia"],"mentions":4},
                         {"type":"organisation","name":"UNESCO"}]}
            """);
    assertThat(a.id()).isEqualTo("x1");
    assertThat(a.url()).isEqualTo("https://e.com/a");
    assertThat(a.source()).isEqualTo("Src");
    assertThat(a.headline()).isEqualTo("H");
    assertThat(a.bullets()).containsExactly("b1", "b2");
    assertThat(a.body()).containsExactly("p1", "p2");
    assertThat(a.byline()).isEqualTo("By A");
    assertThat(a.authors()).containsExactly("A", "B");
    assertThat(a.dateline()).isEqualTo("PARIS");
    assertThat(a.published()).isEqualTo(Instant.parse("2026-02-04T00:00:00Z"));
    assertThat(a.updated()).isEqualTo(Instant.parse("2026-02-04T01:30:00Z"));
    assertThat(a.section()).isEqualTo("World");
    assertThat(a.tags()).containsExactly("t1");
    assertThat(a.captions()).containsExactly("c1");
    assertThat(a.subheads()).containsExactly("s1");
    assertThat(a.credits()).containsExactly("AFP");
    assertThat(a.language()).isEqualTo("fr");
    assertThat(a.entities())
        .containsExactly(
            new Entity(EntityType.PLACE, "Paris", List.of("Lutetia"), 4),
            new Entity(EntityType.ORG, "UNESCO", List.of(), 1));
  }

  @Test
  void dateTimeWithoutOffsetIsUtc() {
    Article a = ArticleFiles.parseJson("{\"headline\":\"h\",\"published\":\"2026-02-04T09:30\"}");
    assertThat(a.published()).isEqualTo(Instant.parse("2026-02-04T09:30:00Z"));
  }

  @Test
  void bodyStringIsSplitIntoParagraphsAtBlankLines() {
    Article fromString =
        ArticleFiles.parseJson(
            "{\"headline\":\"h\",\"body\":\"First paragraph,\\nstill first.\\n\\nSecond.\\n \\nThird.\"}");
    Article fromArray =
        ArticleFiles.parseJson(
            "{\"headline\":\"h\",\"body\":[\"First paragraph,\\nstill first.\",\"Second.\",\"Third.\"]}");
    assertThat(fromString.body()).containsExactly("First paragraph,\nstill first.", "Second.", "Third.");
    assertThat(fromString).isEqualTo(fromArray);
  }

  @Test
  void singleStringIsAcceptedWhereAnArrayIsExpected() {
    Article a =
        ArticleFiles.parseJson(
            "{\"headline\":\"h\",\"tags\":\"politics\",\"authors\":\"Jane Doe\","
                + "\"entities\":{\"type\":\"person\",\"name\":\"Jane Doe\",\"aliases\":\"JD\"}}");
    assertThat(a.tags()).containsExactly("politics");
    assertThat(a.authors()).containsExactly("Jane Doe");
    assertThat(a.entities()).containsExactly(new Entity(EntityType.PERSON, "Jane Doe", List.of("JD"), 1));
  }

  @Test
  void missingIdIsDerivedStablyFromUrl() {
    Article a = ArticleFiles.parseJson("{\"url\":\"https://e.com/x\",\"headline\":\"One\"}");
    Article b = ArticleFiles.parseJson("{\"headline\":\"Other\",\"url\":\"https://e.com/x\"}");
    assertThat(a.id())
        .isEqualTo(Article.deriveId("https://e.com/x", null, null, null))
        .isEqualTo(b.id());
  }

  @Test
  void missingIdWithoutUrlIsDerivedFromSourceHeadlineAndPublished() {
    String json = "{\"source\":\"S\",\"headline\":\"H\",\"published\":\"2026-02-04T10:00:00Z\"}";
    Article a = ArticleFiles.parseJson(json);
    assertThat(a.id())
        .isEqualTo(Article.deriveId(null, "S", "H", Instant.parse("2026-02-04T10:00:00Z")))
        .isEqualTo(ArticleFiles.parseJson(json).id())
        .isNotEqualTo(ArticleFiles.parseJson(json.replace("10:00", "11:00")).id());
  }

  @Test
  void unknownFieldsAreIgnoredWhateverTheirShape() {
    Article a =
        ArticleFiles.parseJson(
            "{\"headline\":\"h\",\"x\":1,\"meta\":{\"deep\":[1,{\"a\":[]}]},\"flag\":true,\"tags\":[\"t\"]}");
    assertThat(a).isEqualTo(Article.builder().headline("h").tags(List.of("t")).build());
  }

  @Test
  void nullValuesCountAsAbsent() {
    Article a =
        ArticleFiles.parseJson(
            "{\"id\":null,\"headline\":\"h\",\"url\":null,\"tags\":[\"a\",null,\"b\"],\"published\":null,\"entities\":null}");
    assertThat(a).isEqualTo(Article.builder().headline("h").tags(List.of("a", "b")).build());
  }

  @Test
  void controlCharactersOtherThanTabAndNewlineAreStripped() {
    Article a =
        ArticleFiles.parseJson(
            "{\"headline\":\"Bell\\u0007 and\\u0000 null\",\"body\":[\"tab\\there\\r\\nnext line\\u001b\"]}");
    assertThat(a.headline()).isEqualTo("Bell and null");
    assertThat(a.body()).containsExactly("tab\there\nnext line");
  }

  @Test
  void numberWhereStringExpectedIsRejectedNamingFieldAndType() {
    assertThatThrownBy(() -> ArticleFiles.parseJson("{\"headline\":42}"))
        .isInstanceOfSatisfying(
            InvalidArticleException.class,
            e -> {
              assertThat(e.field()).isEqualTo("headline");
              assertThat(e.reason()).isEqualTo("expected a string, found number");
            });
  }

  @Test
  void wrongTypesAreRejectedWithSpecificMessages() {
    assertThat(messageOf("{\"headline\":\"h\",\"bullets\":5}"))
        .isEqualTo("bullets: expected an array of strings, found number");
    assertThat(messageOf("{\"headline\":\"h\",\"tags\":[\"a\",{\"b\":1}]}"))
        .isEqualTo("tags: expected an array of strings, found object at index 1");
    assertThat(messageOf("{\"headline\":\"h\",\"body\":true}"))
        .isEqualTo("body: expected a string or an array of strings, found boolean");
    assertThat(messageOf("{\"headline\":\"h\",\"id\":7}")).isEqualTo("id: expected a string, found number");
    assertThat(messageOf("{\"headline\":\"h\",\"language\":[\"en\"]}"))
        .isEqualTo("language: expected a string, found array");
    assertThat(messageOf("{\"headline\":\"h\",\"entities\":\"Kyiv\"}"))
        .isEqualTo("entities: expected an array of entity objects, found string");
  }

  @Test
  void badEntitiesAreRejectedWithTheirIndex() {
    assertThat(messageOf("{\"headline\":\"h\",\"entities\":[{\"type\":\"person\",\"name\":\"A\"},{\"type\":\"animal\",\"name\":\"Rex\"}]}"))
        .isEqualTo("entities: entity at index 1: unknown entity type 'animal' (expected person, place or org)");
    assertThat(messageOf("{\"headline\":\"h\",\"entities\":[{\"type\":\"person\"}]}"))
        .isEqualTo("entities: entity at index 0: missing name");
    assertThat(messageOf("{\"headline\":\"h\",\"entities\":[{\"name\":\"A\"}]}"))
        .isEqualTo("entities: entity at index 0: missing type");
    assertThat(messageOf("{\"headline\":\"h\",\"entities\":[{\"type\":\"org\",\"name\":\"A\",\"mentions\":\"3\"}]}"))
        .isEqualTo("entities: entity at index 0: mentions: expected an integer, found string");
    assertThat(messageOf("{\"headline\":\"h\",\"entities\":[3]}"))
        .isEqualTo("entities: entity at index 0: expected an object, found number");
  }

  @Test
  void invalidDateIsRejectedNamingTheField() {
    assertThatThrownBy(() -> ArticleFiles.parseJson("{\"headline\":\"h\",\"published\":\"2026-02-30\"}"))
        .isInstanceOfSatisfying(
            InvalidArticleException.class,
            e -> {
              assertThat(e.field()).isEqualTo("published");
              assertThat(e.reason()).startsWith("'2026-02-30' is not a valid ISO-8601 date");
            });
  }

  @Test
  void articleWithoutHeadlineOrBodyIsRejected() {
    assertThat(messageOf("{\"url\":\"https://e.com\"}")).startsWith("headline/body: ");
  }

  @Test
  void textThatIsNotOneObjectIsRejectedWithFieldJson() {
    assertThat(messageOf("[1,2]")).isEqualTo("json: expected a JSON object, found array");
    assertThat(messageOf("{\"headline\":\"h\"} {}"))
        .isEqualTo("json: unexpected content after the article object at line 1, column 18");
    assertThat(messageOf("{\"headline\": \"h\",}"))
        .startsWith("json: invalid JSON: unexpected character ('}'")
        .endsWith("at line 1, column 18");
  }

  private static String messageOf(String json) {
    try {
      ArticleFiles.parseJson(json);
    } catch (InvalidArticleException e) {
      return e.getMessage();
    }
    throw new AssertionError("accepted: " + json);
  }
}
