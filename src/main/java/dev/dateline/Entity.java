package dev.dateline;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A named entity mentioned in an article. Immutable and validated at construction, so it is safe to
 * share between threads.
 *
 * @param type person, place or organisation; never null
 * @param name the canonical name ("Volodymyr Zelensky"), stable across articles so that filters
 *     and counts join up; never null, stripped of surrounding white space, 1 to {@link
 *     #MAX_NAME_LENGTH} characters
 * @param aliases other names the entity goes by in this article or in general ("Zelenskyy", "Mr
 *     Zelensky"); filters match any of them. Never null (a null list becomes empty); stripped,
 *     without duplicates or the canonical name itself, in the order given
 * @param mentions how often the article mentions the entity, at least 1
 * @param occurrences where the article mentions it (field, offsets, surface form), as reported by
 *     the extractor; never null (a null list becomes empty). Describes one article's text, so it
 *     is not stored in the index (entities read back from the index have none) and is not part
 *     of {@link #equals equality}
 */
public record Entity(
    EntityType type, String name, List<String> aliases, int mentions,
    List<EntityMention> occurrences) {

  /**
   * Longest accepted entity name or alias, in characters ({@code char}s, after stripping). A longer
   * name is rejected; a longer alias is dropped.
   */
  public static final int MAX_NAME_LENGTH = 256;

  /**
   * Validates and normalises the components. The name is stripped of surrounding white space.
   * Aliases are cleaned rather than rejected: a null list becomes empty; null, blank and too long
   * aliases, duplicates and aliases equal to the (stripped) name are dropped, and the rest are
   * stripped. A {@code mentions} below 1 is raised to 1.
   *
   * @throws NullPointerException if {@code type} or {@code name} is null
   * @throws InvalidArticleException naming {@code entities} if the name is blank or longer than
   *     {@link #MAX_NAME_LENGTH}, or if the name or a kept alias contains a control character
   *     other than tab, line feed or carriage return
   */
  public Entity {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    name = name.strip();
    if (name.isEmpty()) {
      throw new InvalidArticleException("entities", "entity name is empty");
    }
    if (name.length() > MAX_NAME_LENGTH) {
      throw new InvalidArticleException(
          "entities", "entity name longer than " + MAX_NAME_LENGTH + " characters");
    }
    checkNoControl("name", name);
    aliases = cleanAliases(aliases, name);
    if (mentions < 1) {
      mentions = 1;
    }
    occurrences =
        occurrences == null || occurrences.isEmpty()
            ? List.of()
            : occurrences.stream().filter(Objects::nonNull).toList();
  }

  /**
   * The aliases as the canonical constructor keeps them. A plain loop, not a stream: every search
   * hit builds its entities through this constructor, and most have no alias.
   */
  private static List<String> cleanAliases(List<String> aliases, String name) {
    if (aliases == null || aliases.isEmpty()) {
      return List.of();
    }
    Set<String> kept = new LinkedHashSet<>();
    for (String a : aliases) {
      if (a == null) {
        continue;
      }
      String alias = a.strip();
      if (!alias.isEmpty()
          && alias.length() <= MAX_NAME_LENGTH
          && !alias.equals(name)
          && kept.add(alias)) {
        checkNoControl("alias", alias);
      }
    }
    return List.copyOf(kept);
  }

  /**
   * An entity without reported occurrences (what the index stores and returns).
   *
   * @param type person, place or organisation; must not be null
   * @param name the canonical name; must not be null
   * @param aliases other names; null means none
   * @param mentions how often the article mentions it; below 1 is raised to 1
   * @throws NullPointerException if {@code type} or {@code name} is null
   * @throws InvalidArticleException as for the canonical constructor
   */
  public Entity(EntityType type, String name, List<String> aliases, int mentions) {
    this(type, name, aliases, mentions, List.of());
  }

  /**
   * Equal when type, name, aliases and mention count are equal; {@link #occurrences} are left out,
   * so an extracted entity equals the same entity read back from the index.
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof Entity e
        && type == e.type
        && name.equals(e.name)
        && aliases.equals(e.aliases)
        && mentions == e.mentions;
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, name, aliases, mentions);
  }

  /**
   * Control characters (other than tab, line feed and carriage return) have no place in a name,
   * and U+001F is the separator of the stored form of entities.
   */
  private static void checkNoControl(String what, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
        StringBuilder shown = new StringBuilder();
        for (char d : value.toCharArray()) {
          if (Character.isISOControl(d)) {
            shown.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) d));
          } else {
            shown.append(d);
          }
        }
        throw new InvalidArticleException(
            "entities", "entity " + what + " '" + shown + "' contains a control character");
      }
    }
  }

  /**
   * An entity with no aliases, mentioned once.
   *
   * @param type person, place or organisation; must not be null
   * @param name the canonical name; must not be null
   * @return the entity, with {@code name} stripped
   * @throws NullPointerException if {@code type} or {@code name} is null
   * @throws InvalidArticleException if the name is blank, too long or contains a control character
   *     (see {@link #Entity(EntityType, String, List, int) the constructor})
   */
  public static Entity of(EntityType type, String name) {
    return new Entity(type, name, List.of(), 1);
  }
}
