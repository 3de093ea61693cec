package dev.dateline;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What facet counts can be counted by ({@link NewsIndex#facets}). Each article has zero or more
 * values per dimension; an article counts once per distinct value it has.
 */
public enum FacetDimension {
  /** The source (publisher), as given in the article ({@link Article#source()}). */
  SOURCE("source"),
  /** The section, as given ({@link Article#section()}). */
  SECTION("section"),
  /** Each tag, as given ({@link Article#tags()}). */
  TAG("tag"),
  /** The language code, lower-cased ({@link Article#language()}). */
  LANGUAGE("language"),
  /** Each author, as given ({@link Article#authors()}). */
  AUTHOR("author"),
  /** Each person mentioned, by canonical name ({@link Entity#name()}). */
  PERSON("person"),
  /** Each place mentioned, by canonical name ({@link Entity#name()}). */
  PLACE("place"),
  /** Each organisation mentioned, by canonical name ({@link Entity#name()}). */
  ORG("org"),
  /** The place the story was filed from, as given ({@link Article#dateline()}). */
  DATELINE("dateline");

  private final String key;

  FacetDimension(String key) {
    this.key = key;
  }

  /**
   * The dimension's name in the CLI and in JSON.
   *
   * @return the lower-case name, e.g. {@code "source"}
   */
  public String key() {
    return key;
  }

  /**
   * The entity type whose canonical names this dimension counts.
   *
   * @return the type for {@link #PERSON}, {@link #PLACE} and {@link #ORG}; null for the others
   */
  public EntityType entityType() {
    return switch (this) {
      case PERSON -> EntityType.PERSON;
      case PLACE -> EntityType.PLACE;
      case ORG -> EntityType.ORG;
      default -> null;
    };
  }

  /**
   * The dimension with this {@link #key()}, ignoring case and surrounding white space.
   *
   * @param text a dimension name such as {@code "person"}
   * @return the dimension
   * @throws IllegalArgumentException if no dimension has that name; the message lists them
   */
  public static FacetDimension parse(String text) {
    String k = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    for (FacetDimension d : values()) {
      if (d.key.equals(k)) {
        return d;
      }
    }
    throw new IllegalArgumentException(
        "unknown facet dimension '" + text + "' (known: "
            + Arrays.stream(values()).map(FacetDimension::key).collect(Collectors.joining(", "))
            + ")");
  }
}
