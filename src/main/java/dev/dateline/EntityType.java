package dev.dateline;

import java.util.Locale;

/** The kinds of named entity Dateline indexes and filters by. */
public enum EntityType {
  PERSON("person"),
  PLACE("place"),
  ORG("org");

  private final String key;

  EntityType(String key) {
    this.key = key;
  }

  /** The lower-case name used in JSON, in the query syntax ({@code person:}) and on the CLI. */
  public String key() {
    return key;
  }

  /**
   * Parses {@code person}, {@code place} or {@code org} (any case; {@code organisation},
   * {@code organization} and {@code location} are accepted too).
   *
   * @throws IllegalArgumentException naming the accepted values
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
