package dev.dateline;

import java.util.Locale;

/**
 * The kinds of named entity Dateline indexes and filters by. Each has a lower-case {@link #key()}
 * used wherever entities are written as text.
 */
public enum EntityType {
  /** A person ("Volodymyr Zelensky"). Key {@code person}. */
  PERSON("person"),
  /**
   * A geographical or political place: country, region, city, landmark ("Kyiv", "Gaza Strip").
   * Key {@code place}.
   */
  PLACE("place"),
  /**
   * An organisation: government body, company, agency, party, armed group ("NATO", "Reuters"). Key
   * {@code org}.
   */
  ORG("org");

  private final String key;

  EntityType(String key) {
    this.key = key;
  }

  /**
   * The lower-case name used in JSON, in the query syntax ({@code person:}) and on the CLI.
   *
   * @return {@code person}, {@code place} or {@code org}
   */
  public String key() {
    return key;
  }

  /**
   * Parses {@code person}, {@code place} or {@code org}, ignoring case and surrounding white space.
   * Common alternatives are accepted too: {@code per} and {@code people} for {@link #PERSON};
   * {@code loc}, {@code location} and {@code gpe} (as NER tools label places) for {@link #PLACE};
   * {@code organisation} and {@code organization} for {@link #ORG}.
   *
   * @param text the type name; null is treated as unknown
   * @return the entity type, never null
   * @throws IllegalArgumentException if {@code text} is null or names no type; the message quotes
   *     it and names the accepted values
   */
  public static EntityType parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "person", "per", "people" -> PERSON;
      case "place", "loc", "location", "gpe" -> PLACE;
      case "org", "organisation", "organization" -> ORG;
      default ->
          throw new IllegalArgumentException(
              "unknown entity type '" + text + "' (expected person, place or org)");
    };
  }
}
