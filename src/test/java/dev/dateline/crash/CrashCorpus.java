package dev.dateline.crash;

import dev.dateline.Article;
import dev.dateline.Entity;
import dev.dateline.EntityType;
import java.time.Instant;
import java.util.List;

/**
 * Deterministic articles for the crash tests: article {@code i} is always the same, so a test can
 * check every article it finds in a crashed index against what was written. Every field is set
 * (entities included, so entity extraction changes nothing), with non-ASCII text, several
 * paragraphs and whole-second instants (the index keeps milliseconds).
 */
public final class CrashCorpus {
  private static final String[] PLACES = {"Kyiv", "Abu Dhabi", "Frankfurt", "Singapore", "São Paulo"};
  private static final String[] PEOPLE = {"Jane Doe", "Rustem Umerov", "Marisol Vergara", "Zoë Ng"};
  private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

  private CrashCorpus() {}

  public static String id(int i) {
    return "crash-" + i;
  }

  /** Parses the number back out of an id, or -1 if it is not a corpus id. */
  public static int number(String id) {
    if (!id.startsWith("crash-")) {
      return -1;
    }
    try {
      return Integer.parseInt(id.substring("crash-".length()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  public static Article article(int i) {
    String place = PLACES[i % PLACES.length];
    String person = PEOPLE[i % PEOPLE.length];
    return Article.builder()
        .id(id(i))
        .url("https://example.test/news/" + i)
        .source(i % 2 == 0 ? "The Straits Times" : "Example Herald")
        .section(i % 3 == 0 ? "World" : "Business")
        .headline("Report " + i + ": talks in " + place + " – day " + (i % 17))
        .bullets(List.of("Bullet one of " + i, "Bullet two, “quoted” " + (i * 7 % 101)))
        .body(List.of(
            "Paragraph one of article " + i + " filed from " + place + ".",
            person + " said the meeting number " + i + " was productive.",
            "Ünïcödé paragraph " + Integer.toHexString(i * 31 + 7)))
        .byline("By " + person)
        .authors(List.of(person))
        .dateline(place.toUpperCase(java.util.Locale.ROOT))
        .published(EPOCH.plusSeconds(i * 37L))
        .updated(EPOCH.plusSeconds(i * 37L + 600))
        .tags(List.of("tag" + (i % 5), "crash"))
        .captions(List.of("Photo " + i + " (Reuters)"))
        .subheads(List.of("Subhead " + (i % 9)))
        .language("en")
        .credits(List.of("Reuters"))
        .entities(List.of(
            new Entity(EntityType.PERSON, person, List.of(person.split(" ")[1]), 1 + i % 3),
            new Entity(EntityType.PLACE, place, List.of(), 2),
            Entity.of(EntityType.ORG, "Reuters")))
        .build();
  }
}
