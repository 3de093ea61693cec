package dev.dateline;

import java.time.Instant;
import java.util.List;

/** Small articles written for the tests (invented stories, not real reporting). */
final class Fixtures {
  private Fixtures() {}

  static Article talks() {
    return Article.builder()
        .id("talks-1")
        .url("https://example.test/world/talks-1")
        .source("The Straits Times")
        .section("World")
        .headline("Ukraine, Russia wrap ‘productive’ first day of peace talks")
        .bullets(List.of("Delegations met in Abu Dhabi.", "Both sides called the talks productive."))
        .body(List.of(
            "Ukrainian and Russian officials wrapped up a productive first day of talks in Abu Dhabi,"
                + " Kyiv’s lead negotiator said.",
            "President Volodymyr Zelensky said Russia’s attacks continued during the energy truce.",
            "Mr Rustem Umerov wrote that the work was substantive."))
        .byline("By Jane Doe")
        .authors(List.of("Jane Doe"))
        .dateline("KYIV")
        .published(Instant.parse("2026-02-04T18:00:00Z"))
        .credits(List.of("Reuters"))
        .tags(List.of("diplomacy"))
        .entities(List.of(
            new Entity(EntityType.PERSON, "Volodymyr Zelensky", List.of("Mr Zelensky"), 3),
            new Entity(EntityType.PERSON, "Rustem Umerov", List.of(), 1),
            new Entity(EntityType.PLACE, "Kyiv", List.of("Kiev"), 2),
            new Entity(EntityType.PLACE, "Abu Dhabi", List.of(), 1),
            new Entity(EntityType.ORG, "Reuters", List.of(), 1)))
        .build();
  }

  static Article rates() {
    return Article.builder()
        .id("rates-1")
        .source("Reuters")
        .section("Business")
        .headline("ECB holds rates as inflation cools")
        .body(List.of(
            "FRANKFURT - The European Central Bank kept its deposit rate unchanged on Thursday.",
            "Governor Marisol Vergara said the bank would watch wage growth closely.",
            "Markets had priced in no change to the talks on rates."))
        .byline("By John Roe")
        .published(Instant.parse("2026-03-12T13:15:00Z"))
        .entities(List.of(
            new Entity(EntityType.PERSON, "Marisol Vergara", List.of(), 1),
            new Entity(EntityType.ORG, "European Central Bank", List.of("ECB"), 2),
            new Entity(EntityType.PLACE, "Frankfurt", List.of(), 1)))
        .build();
  }

  static Article storm() {
    return Article.builder()
        .id("storm-1")
        .source("Example Herald")
        .section("World")
        .headline("Storm floods coastal towns")
        .body(List.of(
            "Heavy rain flooded streets in three coastal towns overnight, officials said.",
            "Peace talks between the fishing unions were postponed because of the storm."))
        .published(Instant.parse("2026-02-20T05:30:00Z"))
        .build();
  }

  static Article undated() {
    return Article.builder()
        .id("undated-1")
        .source("Example Herald")
        .headline("Archive note on talks in Kyiv")
        .body(List.of("An undated archive note about talks held in Kyiv."))
        .entities(List.of(new Entity(EntityType.PLACE, "Kyiv", List.of(), 1)))
        .build();
  }

  static List<Article> all() {
    return List.of(talks(), rates(), storm(), undated());
  }

  /** An index with {@link #all()} added and refreshed, without entity extraction. */
  static NewsIndex index() {
    NewsIndex index =
        NewsIndex.inMemory(NewsIndex.Options.builder().entityExtractor(EntityExtractor.none()).build());
    all().forEach(index::add);
    index.refresh();
    return index;
  }
}
