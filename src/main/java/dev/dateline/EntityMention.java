package dev.dateline;

import java.util.Objects;

/**
 * Where an article mentions an {@link Entity}: which text field, which element of it, the
 * character offsets and the words as printed. Reported by extractors (see {@link
 * Entity#occurrences()}); not stored in the index.
 *
 * @param field the article field: {@code "headline"}, {@code "bullets"}, {@code "dateline"},
 *     {@code "body"}, {@code "subheads"} or {@code "captions"}; never null
 * @param index the element of a list field ({@code body} paragraph, bullet, subhead, caption),
 *     counted from 0; 0 for {@code headline} and {@code dateline}
 * @param start offset of the first character of the mention in that element ({@code char}s)
 * @param end offset just past the mention; {@code text} is {@code element.substring(start, end)}
 * @param text the mention as printed ("Mr Zelensky" is reported as "Zelensky": titles are not
 *     part of the name)
 */
public record EntityMention(String field, int index, int start, int end, String text) {
  /**
   * Validates the components.
   *
   * @throws NullPointerException if {@code field} or {@code text} is null
   * @throws IllegalArgumentException if {@code index} or {@code start} is negative or {@code end}
   *     is below {@code start}
   */
  public EntityMention {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(text, "text");
    if (index < 0 || start < 0 || end < start) {
      throw new IllegalArgumentException(
          "bad mention position: index " + index + ", " + start + ".." + end);
    }
  }
}
