package dev.dateline;

import java.util.Locale;

/**
 * The free-text parts of an article that queries search. A query term without a field prefix
 * searches all of them at once, each weighted by its boost (the {@link #defaultBoost()}, which
 * {@link NewsIndex.Options.Builder#boost(SearchField, float)} overrides per index); with a prefix
 * ({@code headline:ceasefire}) it searches only that one, unweighted.
 *
 * <p>Without a prefix, the fields are scored together as one (BM25F): an occurrence in a field
 * counts as many occurrences as the field's weight, and the field's length is weighted the same
 * way, so a headline match adds to the body's evidence for a word instead of replacing it. With
 * the default boosts the index holds this weighted field ready ({@link IndexFields#ALL_TEXT}), so
 * a word, phrase, prefix or fuzzy word reads one list of postings instead of one per field.
 */
public enum SearchField {
  /**
   * The article's {@link Article#headline() headline}. Query prefix {@code headline:} (or
   * {@code title:}); default boost 3.0.
   */
  HEADLINE("headline", 3.0f),
  /**
   * The summary {@link Article#bullets() bullet points}. Query prefix {@code bullets:} (or
   * {@code bullet:}, {@code summary:}); default boost 2.0.
   */
  BULLETS("bullets", 2.0f),
  /**
   * The {@link Article#subheads() section headings} inside the body. Query prefix {@code
   * subheads:} (or {@code subhead:}); default boost 2.0.
   */
  SUBHEADS("subheads", 2.0f),
  /**
   * The {@link Article#body() body paragraphs}. Query prefix {@code body:} (or {@code text:});
   * default boost 1.0.
   */
  BODY("body", 1.0f),
  /**
   * The photo {@link Article#captions() captions}, with their credits. Query prefix {@code
   * captions:} (or {@code caption:}); default boost 1.0.
   */
  CAPTIONS("captions", 1.0f),
  /**
   * The {@link Article#byline() byline} as printed, together with the article's {@link
   * Article#authors() authors}. Query prefix {@code byline:} (or {@code author:}, {@code
   * authors:}); default boost 1.0.
   */
  BYLINE("byline", 1.0f);

  private final String key;
  private final float defaultBoost;

  SearchField(String key, float defaultBoost) {
    this.key = key;
    this.defaultBoost = defaultBoost;
  }

  /**
   * The name used in the query syntax ({@code headline:}) and the Lucene field name.
   *
   * @return the lower-case key, e.g. {@code "headline"}; never null
   */
  public String key() {
    return key;
  }

  /**
   * The default weight of a match in this field. Why these numbers: the headline is the editor's
   * one-line statement of what the story is about, so a match there is the strongest evidence
   * (3x; chosen by measurement on the TIME test collection with each article's first sentence as
   * a stand-in headline, where 3x ranked better than 1.5x, 2x, 4x and 6x); summary bullets
   * condense the story and subheads name its sections (2x each, by judgement, not measured);
   * body paragraphs are the baseline (1x), and so are captions and the byline. The defaults are
   * whole numbers because the index holds the text fields once more as one field in which each
   * field's text is repeated that many times ({@link IndexFields#ALL_TEXT}). None is below 1:
   * weights are relative to the smallest, and a weight below the others scales every other field
   * up, which scores like a smaller BM25 k1 (term frequency saturates sooner) and measured worse
   * (MAP 0.655 instead of 0.682 on TIME with captions at 0.75x and the byline at 0.5x, even
   * without headlines).
   *
   * @return the boost used unless the index options override it; a whole number, at least 1
   */
  public float defaultBoost() {
    return defaultBoost;
  }

  /**
   * Looks up a field by its query-syntax name, ignoring case. Besides each {@link #key()} it
   * accepts the singular forms and aliases listed on the constants ({@code title}, {@code
   * summary}, {@code text}, {@code author}, ...). The name is matched as given: it is not
   * trimmed.
   *
   * @param name the field name, without the colon; must not be null
   * @return the field, or null if {@code name} names no text field
   * @throws NullPointerException if {@code name} is null
   */
  public static SearchField byKey(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "headline", "title" -> HEADLINE;
      case "bullets", "bullet", "summary" -> BULLETS;
      case "subheads", "subhead" -> SUBHEADS;
      case "body", "text" -> BODY;
      case "captions", "caption" -> CAPTIONS;
      case "byline", "author", "authors" -> BYLINE;
      default -> null;
    };
  }
}
