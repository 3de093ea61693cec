package dev.dateline;

import java.util.List;

/**
 * Finds the people, places and organisations an article mentions. {@link NewsIndex} calls it at
 * index time for every article that arrives without entities; entities supplied by the caller are
 * kept as given.
 *
 * <p>Implementations must be thread-safe: the index may call {@link #extract} from several
 * indexing threads at once, and {@link #variants} from searching threads at the same time.
 *
 * <p><b>Plugging in an external NER pipeline</b> (spaCy, Stanza, a cloud API): implement {@link
 * #extract} by sending the article's text to it and mapping its labels to {@link EntityType}
 * (PERSON, GPE/LOC, ORG), and pass the extractor to {@link
 * NewsIndex.Options.Builder#entityExtractor(EntityExtractor)}. To keep canonical names stable
 * across articles (so "Kiev" and "Kyiv" count as one place), wrap the external result with {@link
 * #standard()}'s {@link #variants} or your own alias table, and override {@link #variants} so that
 * filters expand a name the same way.
 */
public interface EntityExtractor {

  /**
   * Finds the entities in {@code article}, each with its canonical name, aliases and mention count.
   * Called only for articles that have no entities of their own; what it returns is stored with
   * the article (and returned by {@link NewsIndex#add}).
   *
   * <p>A {@link RuntimeException} thrown here makes {@link NewsIndex#add} fail with a {@link
   * DatelineException} that names the article and wraps it; the article is not indexed.
   *
   * @param article the article to read, never null
   * @return the entities found, in any order; empty (or null, which the index treats the same) when
   *     there are none. The list must not contain null elements.
   */
  List<Entity> extract(Article article);

  /**
   * The names a filter for {@code name} should also match, including {@code name} itself: a
   * gazetteer-backed extractor returns the canonical name and known aliases ("kiev" gives "Kyiv",
   * "Kiev", ...). The default returns just {@code name}. Called at search time for every entity
   * filter of a query (inline {@code person:...} filters and those set on {@link
   * NewsQuery.Builder}); an article matches when any of the returned names is found among the
   * names and aliases of its entities of {@code type}.
   *
   * @param type the type of entity the filter is for, never null
   * @param name the name as written in the filter, never null or blank
   * @return the names to match, never null; should include {@code name} (or its canonical form) so
   *     that the filter still matches what it says
   */
  default List<String> variants(EntityType type, String name) {
    return List.of(name);
  }

  /**
   * An extractor that finds nothing: only entities supplied with articles are indexed, and entity
   * filters match only the name as written (no variants).
   *
   * @return a stateless, thread-safe extractor whose {@link #extract} always returns an empty list
   */
  static EntityExtractor none() {
    return article -> List.of();
  }

  /**
   * The built-in extractor: a statistical name tagger (a linear-chain model trained offline on
   * CC-BY corpora, shipped inside the library), a gazetteer of well-known people, places and
   * organisations with their aliases and transliterations, and rules (honorifics and titles,
   * organisation suffixes, acronyms defined in the article, results tables) that name, type and
   * correct what the tagger finds. No network, no model download. The entities it returns report
   * their {@link Entity#occurrences() occurrences}. It reads
   * the headline, bullets, subheads, body and captions (photo credits left out), and counts a
   * dateline that names a known place as a mention of it. Its {@link #variants} returns the
   * canonical name and every alias of a known entity, matched in any case and with or without
   * diacritics. This is the default of {@link NewsIndex.Options}.
   *
   * @return the shared built-in extractor; stateless and thread-safe
   */
  static EntityExtractor standard() {
    return dev.dateline.internal.entity.StandardEntityExtractor.instance();
  }
}
