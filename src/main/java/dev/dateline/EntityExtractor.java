package dev.dateline;

import java.util.List;

/**
 * Finds the people, places and organisations an article mentions. {@link NewsIndex} calls it at
 * index time for every article that arrives without entities; entities supplied by the caller are
 * kept as given.
 *
 * <p>Implementations must be thread-safe: the index may call {@link #extract} from several
 * indexing threads at once.
 *
 * <p><b>Plugging in an external NER pipeline</b> (spaCy, Stanza, a cloud API): implement {@link
 * #extract} by sending the article's text to it and mapping its labels to {@link EntityType}
 * (PERSON, GPE/LOC, ORG), and pass the extractor to {@link NewsIndex.Options#entityExtractor}. To
 * keep canonical names stable across articles (so "Kiev" and "Kyiv" count as one place), wrap the
 * external result with {@link #standard()}'s {@link #variants} or your own alias table, and
 * override {@link #variants} so that filters expand a name the same way.
 */
public interface EntityExtractor {

  /** The entities in {@code article}, each with its canonical name, aliases and mention count. */
  List<Entity> extract(Article article);

  /**
   * The names a filter for {@code name} should also match, including {@code name} itself: a
   * gazetteer-backed extractor returns the canonical name and known aliases ("kiev" gives "Kyiv",
   * "Kiev", ...). The default returns just {@code name}.
   */
  default List<String> variants(EntityType type, String name) {
    return List.of(name);
  }

  /** An extractor that finds nothing: only entities supplied with articles are indexed. */
  static EntityExtractor none() {
    return article -> List.of();
  }

  /**
   * The built-in extractor: a gazetteer of well-known people, places and organisations with their
   * aliases and transliterations, plus rules for names it does not know (honorifics and titles,
   * capitalised spans, organisation suffixes, acronyms). No network, no model download.
   */
  static EntityExtractor standard() {
    return dev.dateline.internal.entity.StandardEntityExtractor.instance();
  }
}
